"""Full names kiwipiepy read as something else, found from the title after them.

``박찬대 민주당 원내대표``: kiwipiepy reads ``박찬대`` as ``박차``/VV + ``ㄴ``/ETM + ``대``/NNB
("kicked off … "), so the word has no noun stem and the title rules, which need a name
before the title or the affiliation, see nothing. Right before an affiliation and a title,
or before a title alone, the written word is read as the name when it has the bare-name
shape (``data/names/given_syllables.txt``), is nothing known, and kiwipiepy's reading of
it ends in a noun (``정해진``, ``전해진`` end in a verb ending and stay words).
``박정우 한국대 화학과 교수`` (``박정``/XR + ``우``/NNG) is read the same way before an
unknown affiliation (``names/affiliations.at_title`` asks ``misread_before``).
"""

from __future__ import annotations

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import PersonCandidate
from newsfigs.names import people
from newsfigs.names.bare_names import non_name_finals
from newsfigs.names.gazetteer import NameTables
from newsfigs.names.words import Word


def before_title(
    a: Analysed, words: list[Word], i: int, lex: NameTables, org_end: dict[int, tuple[int, str]]
) -> PersonCandidate | None:
    """The misread name before the title at word ``i``, with the organization between."""
    t0, title = people.title_span(a.text, words, i, lex)
    p = people.linked(words, t0)
    if p >= 0 and counted_name(words, p, lex):
        return person_at(a, words, p, title, None)  # 백승우 감독 (백/NR 승/NNB 우/NNG)
    if p < 0:
        q = misread_before(a, words, t0, lex)
        return person_at(a, words, q, title, None) if q >= 0 else None
    aff = org_end.get(p)
    if aff is None:
        return None
    q = people.linked(words, aff[0])
    if q >= 0 and counted_name(words, q, lex):
        return person_at(a, words, q, title, aff[1])  # 장예원 SBS 아나운서 (장예/NNP 원/NR)
    if q >= 0:
        return None
    q = misread_before(a, words, aff[0], lex)
    return person_at(a, words, q, title, aff[1]) if q >= 0 else None


def person_at(
    a: Analysed, words: list[Word], q: int, title: str, affiliation: str | None
) -> PersonCandidate:
    """The written word ``q`` as a person with ``title`` and ``affiliation``."""
    w = words[q]
    return PersonCandidate(
        start=w.start,
        end=w.end,
        source="title",
        name=a.text[w.start : w.end],
        title=title,
        affiliation=affiliation,
    )


def misread_before(a: Analysed, words: list[Word], k: int, lex: NameTables) -> int:
    """Word ``k - 1`` when it is a full name with no noun stem right before word ``k``."""
    if k == 0:
        return -1
    w, prev = words[k], words[k - 1]
    if prev.stem or not w.gap.isspace() or "\n" in w.gap:
        return -1
    written = a.text[prev.start : prev.end]
    if not people.full_name_shape(written, lex) or written[2] in non_name_finals():
        return -1
    if written in lex.places or written in lex.organizations or written in lex.titles:
        return -1
    toks = a.tokens_in(prev.start, prev.end)
    if len(toks) < 2 or toks[-1].tag not in ("NNB", "NNG") or toks[-1].end != prev.end:
        return -1
    return k - 1


_NUMBER_TAGS = frozenset({"NR", "NNB"})
_NAME_TAGS = frozenset({"NNP", "NNG", "NR", "NNB"})


def counted_name(words: list[Word], p: int, lex: NameTables) -> bool:
    """Word ``p`` is a full name kiwipiepy read with a numeral or a unit inside (``백승우``:
    ``백``/NR "hundred"; ``장예원``: ``원``/NR "won"): the bare-name shape, nothing known,
    nouns only, no particle, and no noun joined before it (a number may precede its unit)."""
    w = words[p]
    if w.particle or not w.hangul or not _NUMBER_TAGS.intersection(w.tags):
        return False
    if not _NAME_TAGS.issuperset(w.tags):
        return False
    s = w.stem
    if not people.full_name_shape(s, lex) or s[2] in non_name_finals():
        return False
    if s in lex.places or s in lex.organizations or s in lex.titles:
        return False
    return not (p > 0 and w.joined)
