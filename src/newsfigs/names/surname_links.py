"""The article is the context: ``김 연구원``, ``이 의원`` after the full names of the article.

A surname alone before a title or honorific names the person of that surname the article
named last before it (with the same title when several qualify), never another 김: ``김철수
교수 … 김영희 연구원 … 김 연구원`` is 김영희. An anonymized ``김모`` is nobody named before.
"""

from __future__ import annotations

import dataclasses

from newsfigs.core.candidates import NameCandidate, PersonCandidate
from newsfigs.names import people
from newsfigs.names.gazetteer import NameTables
from newsfigs.names.words import Word


def link_surnames(text: str, cands: list[NameCandidate]) -> list[NameCandidate]:
    """``cands`` with ``alias_of`` set on lone-surname people to the full name they refer to."""
    full = sorted(
        (c for c in cands if isinstance(c, PersonCandidate) and _korean_full(c.name)),
        key=lambda c: c.start,
    )
    if not full:
        return cands
    out: list[NameCandidate] = []
    for c in cands:
        if (
            isinstance(c, PersonCandidate)
            and len(c.name) == 1
            and c.alias_of is None
            and text[c.start : c.end] == c.name  # not 김모: an anonymized person
        ):
            target = _referent(c, full)
            if target is not None:
                c = dataclasses.replace(c, alias_of=target)
        out.append(c)
    return out


def _korean_full(name: str) -> bool:
    return 2 <= len(name) <= 4 and " " not in name and all("가" <= ch <= "힣" for ch in name)


def _referent(c: PersonCandidate, full: list[PersonCandidate]) -> str | None:
    """The full name written last before ``c`` with its surname (the same title first)."""
    before = [f for f in full if f.end <= c.start and f.name[0] == c.name]
    if not before:
        return None
    names = {f.name for f in before}
    if len(names) > 1 and c.title:
        titled = [f for f in before if f.title == c.title]
        if titled:
            return titled[-1].name
    return before[-1].name


def surnames_in_context(
    words: list[Word], found: list[NameCandidate], lex: NameTables
) -> list[PersonCandidate]:
    """``이 의원은``, ``문 대표``, ``정 씨`` after ``이찬열 의원``: a surname of a named person.

    Kiwipiepy reads a lone ``이`` as "this", ``문`` as "door"; before a title or honorific it
    is the surname of someone the document has already named in full, so the syllable is a
    person mention only when one found full name starts with it.
    """
    surnames = {
        c.name[0]
        for c in found
        if isinstance(c, PersonCandidate) and people.korean_name(c.name, lex) and len(c.name) >= 3
    }
    if not surnames:
        return []
    taken = {c.start for c in found if isinstance(c, PersonCandidate)}
    out: list[PersonCandidate] = []
    for i, w in enumerate(words):
        if i == 0 or not w.joined or w.stem not in lex.titles:
            continue
        kind = lex.titles[w.stem]
        if kind not in ("title", "weak", "honorific"):
            continue
        p = words[i - 1]
        if len(p.stem) != 1 or p.particle or p.stem not in surnames or p.start in taken:
            continue
        if lex.titles.get(p.stem) == "modifier":
            continue  # 전 대법관, 현 의원: "former", "current"
        title = w.stem
        out.append(people.person(words, i - 1, i - 1, p.stem, "surname", title=title))
    return out
