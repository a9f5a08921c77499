"""A fraction before a unit of measure is that quantity: ``4분의 3 리터`` → 0.75 L,
``3분의 1 시간``; before a counter it stays a share (``3분의 1 명``).
"""

from __future__ import annotations

from dataclasses import replace

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import FigureCandidate
from newsfigs.figures.figure_context import after_qualifier, take_after
from newsfigs.figures.figure_patterns import Patterns
from newsfigs.figures.operands import unit_at

_FRACTION_KINDS_NOT = frozenset({"count"})
"""A fraction before a counter is a share of what it counts (``3분의 1 명``), no count."""


def fraction_with_unit(a: Analysed, P: Patterns, c: FigureCandidate) -> FigureCandidate:
    """``4분의 3 리터``, ``이와 삼분의 일 킬로그램``, ``3분의 1 시간``: a fraction before a unit
    of measure is that quantity, not a multiplier (its span then ends with the unit)."""
    if c.kind != "multiplier":
        return c
    found = unit_at(a, P, c.end, "ar")
    if found is None:
        return c
    entry, end = found
    if entry.kind in _FRACTION_KINDS_NOT or c.approximate or c.bound is not None:
        return c  # 3분의 1 명; 3분의 1 이상 리터: a qualifier between, no unit of the fraction
    approximate, bound = False, None
    am = after_qualifier(a, P, end)  # 4분의 3 리터 이상
    if am is not None:
        end, approximate, bound = take_after(P, am, approximate, bound)
    return replace(
        c, end=end, kind=entry.kind, unit=entry.unit, approximate=approximate, bound=bound
    )
