"""Ages written in parentheses after a person: ``홍길동(41)``, ``이모(41·여)씨``, ``A씨(35)``.

Korean news gives a person's age as a bare number in parentheses right after the name. A bare
``(41)`` after a word is as often a count in a table (``서울(41), 경기(30)``), so it is an age
only where the person is plain: a sex mark inside (``41·여``), a ``씨``/``군``/``양`` after, an
anonymized name before (``김모``, ``A씨``), or a full name of three syllables that no list
continues (docs/figures.md, "Ages").
"""

from __future__ import annotations

from decimal import Decimal

import regex

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import FigureCandidate

_PAREN = regex.compile(
    r"(?<=[가-힣A-Za-z])\((?P<n>\d{1,3}+)(?:[·,]\x20?+(?P<g>여성|남성|여|남|女|男))?+\)"
)
_HONORIFIC_AFTER = regex.compile(r"\x20?+(?:씨|군|양|옹)(?:[은는이가를의와도에]|에게)?+(?![가-힣])")
_ANONYMIZED = regex.compile(r"(?:[가-힣]모|[A-Z](?:씨|군|양)?+)\Z")
_NAME = regex.compile(r"(?<![가-힣A-Za-z0-9])[가-힣]{3}\Z")
_LIST_AFTER = regex.compile(r"\)[,、·]\x20?+[가-힣]{1,6}+\(\d")
_MAX_AGE = 120


def recognize_ages(a: Analysed) -> list[FigureCandidate]:
    """The ages in parentheses of ``a`` (the span is the number alone)."""
    t = a.text
    if "(" not in t:
        return []
    out: list[FigureCandidate] = []
    for m in _PAREN.finditer(t):
        value = Decimal(m.group("n"))
        if not 0 < value <= _MAX_AGE or _LIST_AFTER.match(t, m.end() - 1):
            continue
        open_at = m.start()
        if not (
            m.group("g")
            or _HONORIFIC_AFTER.match(t, m.end())
            or _ANONYMIZED.search(t, max(0, open_at - 3), open_at)
            or _full_name(a, open_at)
        ):
            continue
        out.append(
            FigureCandidate(
                start=m.start("n"),
                end=m.end("n"),
                source="numeral",
                kind="age",
                unit="year",
                value=value,
            )
        )
    return out


def _full_name(a: Analysed, open_at: int) -> bool:
    """Three syllables the analyzer reads as one proper noun right before the parenthesis."""
    if _NAME.search(a.text, max(0, open_at - 4), open_at) is None:
        return False
    toks = a.tokens_in(open_at - 3, open_at)
    return len(toks) == 1 and toks[0].tag == "NNP" and toks[0].start == open_at - 3
