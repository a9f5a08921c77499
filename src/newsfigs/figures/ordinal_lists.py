"""Lists of ordinals sharing one classifier: ``1,2,3위``, ``1·2위``, ``1·2차 접종``, ``3·4호기``.

Each number is a figure of its own (kind ``ordinal``, the list's classifier): ``1·2위`` says
first and second place, not a range and not the compound numbers ``3·1절`` or ``6·25`` (no
ordinal classifier follows them). The numbers must rise and have at most two digits, so a
thousands group (``1,234위``) is never split.

Before a counting word the same comma says "or": ``2,3명`` is two or three people, a range
(``comma_ranges``), but only for two consecutive single digits (``2,300명`` is one number, and
money never takes the reading: ``1,2억원`` is no amount a reader can trust).
"""

from __future__ import annotations

import itertools
from decimal import Decimal

import regex

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import FigureCandidate
from newsfigs.core.resources import resource
from newsfigs.figures.figure_patterns import patterns
from newsfigs.figures.operands import Operand
from newsfigs.numbers import MIDDLE_DOTS
from newsfigs.units import classifiers

_SEPARATORS = "," + MIDDLE_DOTS
_ITEM = regex.compile(r"\d{1,2}+")


@resource
def list_pattern() -> regex.Pattern[str]:
    """Two to six small numbers joined by commas or middle dots, then an ordinal classifier."""
    words = sorted((w for w, e in classifiers().items() if e.kind == "ordinal"), key=len)
    alt = "|".join(regex.escape(w) for w in reversed(words))
    sep = regex.escape(_SEPARATORS)
    return regex.compile(
        rf"(?<![\d.{sep}A-Za-z])(?P<l>\d{{1,2}}+(?:[{sep}]\d{{1,2}}+){{1,5}}+)(?P<c>{alt})"
    )


@resource
def comma_range_pattern() -> regex.Pattern[str]:
    """Two single digits joined by a comma, then a counting word: ``2,3명``, ``4,5개``."""
    words = sorted((w for w, e in classifiers().items() if e.kind == "count"), key=len)
    alt = "|".join(regex.escape(w) for w in reversed(words))
    sep = regex.escape(_SEPARATORS)
    return regex.compile(rf"(?<![\d.{sep}A-Za-z])(?P<lo>[1-8]),(?P<hi>[2-9])\x20?+(?P<c>{alt})")


def comma_ranges(a: Analysed) -> list[Operand]:
    """``2,3명`` → 2…3 with its counting word ("two or three", as ``두세 명``): consecutive
    digits only. Operands, so the recognizer qualifies them like any number (``1,2번 정도``)."""
    t = a.text
    if "," not in t:
        return []
    P = patterns()
    out: list[Operand] = []
    for m in comma_range_pattern().finditer(t):
        lo, hi = Decimal(m.group("lo")), Decimal(m.group("hi"))
        if hi != lo + 1 or m.start() not in a.starts or m.end() not in a.ends:
            continue
        entry = P.units[m.group("c")]
        out.append(Operand(m.start(), m.end(), lo, "ar", False, hi, entry, m.end("hi")))
    return out


def recognize_ordinal_lists(a: Analysed) -> list[FigureCandidate]:
    """One ordinal per number of every list of ``a`` (``1,2,3위`` → 1, 2, 3위)."""
    t = a.text
    if not any(ch in t for ch in _SEPARATORS):
        return []
    out: list[FigureCandidate] = []
    for m in list_pattern().finditer(t):
        if m.start() not in a.starts or m.end() not in a.ends:
            continue
        items = list(_ITEM.finditer(t, m.start("l"), m.end("l")))
        values = [Decimal(i.group()) for i in items]
        if any(b <= x for x, b in itertools.pairwise(values)):
            continue
        classifier = m.group("c")
        for k, (item, value) in enumerate(zip(items, values, strict=True)):
            end = m.end() if k == len(items) - 1 else item.end()
            out.append(
                FigureCandidate(
                    start=item.start(),
                    end=end,
                    source="numeral",
                    kind="ordinal",
                    unit="ordinal",
                    value=value,
                    classifier=classifier,
                )
            )
    return out
