"""One foreign word before a title only a person holds: ``슈틸리케 감독은``, ``나가미네 대사``.

The title rules read a lone foreign word before a title only when it is a known family name
(WikiData's people, the well-known list): before ``대표``, ``회장``, ``교수`` an unknown
proper noun is an organization as often as a name (measured, docs/entities.md). Before the
titles of ``data/names/lone_name_titles.txt`` — offices one person holds — it is a name: one
proper noun of three syllables or more that is no Korean full name, no place, organization,
title or cue word, no city or district (``세종시``) or envoy's post (``주유네스코``), and
not the end of a longer name (no proper noun joined before it). A title after the last name
of a list is every name's (``shared_title``).
"""

from __future__ import annotations

import dataclasses

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import NameCandidate, PersonCandidate
from newsfigs.core.resources import read_word_set
from newsfigs.names import people
from newsfigs.names.bare_names import non_name_finals
from newsfigs.names.gazetteer import NameTables
from newsfigs.names.words import Word

_TITLES = "names/lone_name_titles.txt"
_PLACE_FINALS = "names/place_finals.txt"
_CITY_FINALS = frozenset("시도청")


def lone_name_before_title(
    text: str, words: list[Word], i: int, lex: NameTables, org_names: set[str]
) -> PersonCandidate | None:
    """The foreign name of one word before the title at word ``i``."""
    if words[i].stem not in read_word_set(_TITLES):
        return None
    t0, title = people.title_span(text, words, i, lex)
    p = people.linked(words, t0)
    if p < 0 or p != t0 - 1:
        return None
    w = words[p]
    if len(w.stem) < 3 or w.tags != ("NNP",) or not people.is_foreign_word(w, lex, org_names):
        return None
    if people.korean_name(w.stem, lex) and people.full_name_shape(w.stem, lex):
        return None
    s = w.stem
    if s[-1] in _CITY_FINALS or s[-1] in read_word_set(_PLACE_FINALS):
        return None  # 세종시, 강남구: places
    if s[0] == "주" and (s[1:] in lex.places or s[1:] in lex.organizations):
        return None  # 주유네스코 대사: the envoy "to UNESCO"
    if p > 0 and w.joined and (words[p - 1].proper or words[p - 1].latin):
        return None  # 다리아 스테그니 감독: the name may be longer than one word
    return people.person(words, p, p, w.stem, "title", title=title)


def name_after_glued_word(
    a: Analysed, words: list[Word], i: int, lex: NameTables
) -> PersonCandidate | None:
    """``여심 저격최현석 셰프가``, ``반기문 유엔총장박지원 대표``: a full name glued after the
    word before it (headlines run together by a crawler), right before a title. Kiwipiepy's
    last morpheme of the word is the three name syllables as a proper noun, of the bare-name
    shape and no known word, after a common noun."""
    t0, title = people.title_span(a.text, words, i, lex)
    p = people.linked(words, t0)
    if p < 0:
        return None
    w = words[p]
    if len(w.stem) < 5 or not w.hangul or w.tags[-1] != "NNP" or len(w.tags) < 2:
        return None
    toks = a.tokens_in(w.start, w.stem_end)
    last = toks[-1]
    if last.end != w.stem_end or last.end - last.start != 3 or toks[-2].tag != "NNG":
        return None
    name = w.stem[-3:]
    if not people.full_name_shape(name, lex) or name[2] in non_name_finals():
        return None
    if name in lex.places or name in lex.organizations or name in lex.titles:
        return None
    return PersonCandidate(start=last.start, end=last.end, source="title", name=name, title=title)


_LIST_SEPARATORS = frozenset({", ", ",", "·", "ㆍ"})


def shared_title(text: str, cands: list[NameCandidate]) -> list[NameCandidate]:
    """``정지영, 백승우 감독``, ``이일화, 김선영, 라미란 씨``: the title written after the last name
    of a list is every name's. A person with no title, followed by a separator and a person
    whose title is written right after it (or passed on from the next one), takes that title;
    the affiliation stays the last name's (``김철수, 이영희 한국대 교수`` may name two schools)."""
    by_start: dict[int, list[PersonCandidate]] = {}
    for c in cands:
        if isinstance(c, PersonCandidate):
            by_start.setdefault(c.start, []).append(c)
    if len(by_start) < 2:
        return cands
    titled: dict[int, tuple[str, str]] = {}  # start → (title, separator it came across)
    given: dict[int, str] = {}
    for start in sorted(by_start, reverse=True):
        group = by_start[start]
        own = next((c.title for c in group if c.title is not None), None)
        if own is not None:
            after = next((c.title for c in group if c.title and _written_after(text, c)), None)
            if after is not None:
                titled[start] = (after, "")
            continue
        end = group[0].end
        for sep in _LIST_SEPARATORS:
            nxt = end + len(sep)
            got = titled.get(nxt) if text[end:nxt] == sep else None
            # one list, one separator: 신동엽, 강용석, 이연복·최현석 셰프 (강용석 is no chef)
            if got is not None and got[1] in ("", sep.strip()):
                given[start] = got[0]
                titled[start] = (got[0], sep.strip())
                break
    if not given:
        return cands
    return [
        dataclasses.replace(c, title=given[c.start])
        if isinstance(c, PersonCandidate) and c.start in given
        else c
        for c in cands
    ]


def _written_after(text: str, c: PersonCandidate) -> bool:
    """``c``'s title is written right after its name (one space or none), not before it."""
    title = c.title or ""
    return text.startswith(title, c.end + 1) or text.startswith(title, c.end)
