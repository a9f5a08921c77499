"""The article is the context: ``김 연구원``, ``이 의원`` after the full names of the article.

A surname alone before a title or honorific names the person of that surname the article
named last before it (with the same title when several qualify), never another 김: ``김철수
교수 … 김영희 연구원 … 김 연구원`` is 김영희. An anonymized ``김모`` is nobody named before.
"""

from __future__ import annotations

import dataclasses

from newsfigs.core.candidates import NameCandidate, PersonCandidate


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
