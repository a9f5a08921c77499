"""Names read from the sentence around them: the speaker of a quotation, the one a particle
only people take points at.

``제시는 "땅콩잼을 …"``: news writes the speaker, a topic or subject particle, then the words
in double quotes; ``박세웅에게``: ``에게``, ``한테``, ``께서`` follow people (and animals), not
places or organizations. Either way the word must be kiwipiepy's proper noun and no known
place, organization, title or cue (``unknown_name``).
"""

from __future__ import annotations

from newsfigs.core.resources import read_word_set
from newsfigs.names.bare_names import WRAP, non_name_finals
from newsfigs.names.gazetteer import NameTables, ends_with_suffix
from newsfigs.names.people import full_name_shape
from newsfigs.names.words import Word

_PERSON_ONLY_PARTICLES = "names/person_only_particles.txt"

_SPEAKER_PARTICLES = frozenset({"은", "는", "이", "가", "도"})
_QUOTE_OPENS = frozenset('"“')
"""Double quotes only: single quotes open titles of works and terms as often (``‘태양의 후예’``)."""


def speaker_before_quote(
    text: str, words: list[Word], i: int, lex: NameTables, orgs: set[str]
) -> int:
    """``제시는 "땅콩잼을 …"``, ``러셀 윌슨은 “왜 …``: the subject of a direct quotation.

    News writes the speaker, then the topic or subject particle, then the quotation in double
    quotes. Word ``i`` is one proper-noun morpheme of two to six syllables, nothing known (place,
    organization, title, cue); the word before it may be the given name of a foreign name
    (another such proper noun). Returns the first word of the name, -1 if none.
    """
    w = words[i]
    s = w.stem
    if w.tags != ("NNP",) or not w.hangul or not 2 <= len(s) <= 6:
        return -1
    if text[w.stem_end : w.end] not in _SPEAKER_PARTICLES:
        return -1
    after = text[w.end : w.end + 2].lstrip(" ")
    if after[:1] not in _QUOTE_OPENS:
        return -1
    return _name_start(words, i, lex, orgs)


def addressee(text: str, words: list[Word], i: int, lex: NameTables, orgs: set[str]) -> int:
    """``박세웅에게``, ``델리 알리에게``, ``선생님께서``: a name before a particle only people
    take (``data/names/person_only_particles.txt``: ``에게``, ``한테``, ``께서``).

    Word ``i`` is one proper-noun morpheme as for ``speaker_before_quote``. Returns the first
    word of the name, -1 if none.
    """
    w = words[i]
    if w.tags != ("NNP",) or not w.hangul or not 2 <= len(w.stem) <= 6:
        return -1
    if text[w.stem_end : w.end] not in read_word_set(_PERSON_ONLY_PARTICLES):
        return -1
    return _name_start(words, i, lex, orgs)


def _name_start(words: list[Word], i: int, lex: NameTables, orgs: set[str]) -> int:
    """First word of the name ending at ``i`` (one word, or a given name and a family name),
    -1 when the word is known or where the name starts is unknown."""
    w = words[i]
    if not unknown_name(w.stem, lex, orgs):
        return -1
    first = i
    if i > 0 and w.joined:
        prev = words[i - 1]
        if prev.tags != ("NNP",) or not prev.hangul or not unknown_name(prev.stem, lex, orgs):
            if prev.proper or prev.latin or prev.stem in lex.cues_before:
                return -1  # 스페인 일간지 마르카는: an organization after its cue noun
            return i
        if i > 1 and prev.joined and (words[i - 2].proper or words[i - 2].latin):
            return -1  # three proper nouns: where the name starts is unknown
        first = i - 1
    if words[first].gap[-1:] in WRAP:
        return -1
    return first


def unknown_name(s: str, lex: NameTables, orgs: set[str]) -> bool:
    """No place, organization, title, cue or surname alone, and no organization's ending."""
    if s in lex.places or s in lex.organizations or s in lex.titles or s in orgs:
        return False
    if s in lex.cues_before or s in lex.cues_after or s in lex.surnames:
        return False
    if len(s) >= 3 and s[-1] in non_name_finals() and not full_name_shape(s, lex):
        return False  # 부산시는, 강화군은: places (김제동은 “…: a name)
    if any(lex.titles.get(s[-n:]) in ("title", "weak") for n in (2, 3) if len(s) > n):
        return False  # 도봉구청장은, 비서장은: a title glued to its institution
    return not ends_with_suffix(s, lex, units=True)
