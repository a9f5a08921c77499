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


@resource
def well_known_full_names() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word → the listed full names of several words it opens (``도널드`` →
    ``(도널드, 트럼프)``), longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for full in well_known_people().values():
        parts = tuple(full.split(" "))
        if len(parts) > 1:
            out.setdefault(parts[0], []).append(parts)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@resource
def _tables() -> tuple[dict[str, str], dict[str, tuple[tuple[str, ...], ...]]]:
    """Both tables in one look-up (``by_well_known`` runs on every word)."""
    return well_known_people(), well_known_full_names()


def by_well_known(text: str, words: list[Word], i: int) -> PersonCandidate | None:
    """A listed name as the whole word, a person's particle or a break after it.

    Not the end or start of a longer name (``마이클 조던``: the previous or next word is a
    proper noun joined to it), not quoted (a work's title), not before a joined noun
    (``트럼프 행정부``, ``마돈나 콘서트``) when no particle closes it.
    """
    w = words[i]
    alone, firsts = _tables()
    if w.stem in firsts:
        full = _full_name(text, words, i)
        if full is not None:
            return full
    if w.stem not in alone:
        return None
    if w.particle:
        particle = text[w.stem_end : w.end]
        person_particle = particle in read_word_set(_PERSON_PARTICLES)
        if not person_particle and not _about(text, particle, words, i):
            return None
    elif i + 1 < len(words) and words[i + 1].joined:
        return None
    if i > 0 and w.joined and words[i - 1].proper:
        return None
    if _wrapped(text, w.gap, w.stem_end):
        return None
    return PersonCandidate(start=w.start, end=w.stem_end, source="well_known", name=w.stem)


_WORDS_AFTER_E = "names/words_after_person_e.txt"


def _about(text: str, particle: str, words: list[Word], i: int) -> bool:
    """``갈릴레오에 대한``, ``데카르트에 의해서``, ``칸트에 따르면``: the particle ``에`` (which
    places take) before "about", "by" or "according to" names the listed person."""
    if particle != "에" or i + 1 >= len(words):
        return False
    nxt = words[i + 1]
    return nxt.gap == " " and text[nxt.start : nxt.end] in read_word_set(_WORDS_AFTER_E)


def _wrapped(text: str, gap: str, end: int) -> bool:
    """Quoted on both sides (``'모차르트'``: a work's title); an opening quote alone starts a
    quotation (``“트럼프는 …``) and says nothing."""
    return gap[-1:] in _QUOTES and text[end : end + 1] in _QUOTES


def _full_name(text: str, words: list[Word], i: int) -> PersonCandidate | None:
    """``도널드 트럼프가``, ``빌 게이츠는``, ``힐러리 클린턴 후보``: a listed full name of several
    words, written word for word; the whole name is cue enough for any word after it."""
    n = len(words)
    for parts in well_known_full_names()[words[i].stem]:
        j = i + len(parts) - 1
        if j >= n or any(words[i + k].stem != parts[k] for k in range(1, len(parts))):
            continue
        if not all(words[x].joined for x in range(i + 1, j + 1)):
            continue
        last = words[j]
        if last.particle and text[last.stem_end : last.end] not in read_word_set(_PERSON_PARTICLES):
            continue
        if _wrapped(text, words[i].gap, last.stem_end):
            continue
        return PersonCandidate(
            start=words[i].start, end=last.stem_end, source="well_known", name=" ".join(parts)
        )
    return None
