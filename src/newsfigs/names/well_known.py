"""Well-known people named alone (``갈릴레오는``, ``메르켈의``): the curated list of
``data/names/well_known_people.tsv``, read only where the word stands as a person would.

The list holds no common word, place or organization (``tools/well_known_people.py`` and
``tests/test_well_known_people.py`` check it); the context rule below keeps the word out of
longer names, titles of works and compounds (``트럼프 행정부`` is left to the other rules).
"""

from __future__ import annotations

from newsfigs.core.candidates import PersonCandidate
from newsfigs.core.resources import read_rows, read_word_set, resource
from newsfigs.names.words import Word

_PERSON_PARTICLES = "names/person_particles.txt"

_QUOTES = frozenset("'\"‘’“”「」『』《》〈〉<>")


@resource
def well_known_people() -> dict[str, str]:
    """Name as written alone → full name."""
    return {row[0]: row[1] for row in read_rows("names/well_known_people.tsv")}


def by_well_known(text: str, words: list[Word], i: int) -> PersonCandidate | None:
    """A listed name as the whole word, a person's particle or a break after it.

    Not the end or start of a longer name (``마이클 조던``: the previous or next word is a
    proper noun joined to it), not quoted (a work's title), not before a joined noun
    (``트럼프 행정부``, ``마돈나 콘서트``) when no particle closes it.
    """
    w = words[i]
    if w.stem not in well_known_people():
        return None
    if w.particle:
        if text[w.stem_end : w.end] not in read_word_set(_PERSON_PARTICLES):
            return None
    elif i + 1 < len(words) and words[i + 1].joined:
        return None
    if i > 0 and w.joined and words[i - 1].proper:
        return None
    if w.gap[-1:] in _QUOTES:
        return None
    return PersonCandidate(start=w.start, end=w.stem_end, source="well_known", name=w.stem)
