"""Candidates, the recognizer protocol and overlap resolution.

Recognizers are pure: ``Analysed`` in, candidates out (normalized coordinates). Which of
overlapping candidates survive is decided here, in one named function, and nowhere else.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from newsfigs.core.analyzer import Analysed


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed result: span in normalized text, its label and model fields."""

    start: int
    end: int
    label: str  # "figure" | "person" | "organization"
    fields: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    priority: int = 0  # breaks ties between equally long overlapping candidates


Recognizer = Callable[[Analysed], list[Candidate]]


def resolve_overlaps(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep a set of non-overlapping candidates, preferring longer, then higher priority.

    Greedy by (length, priority, earlier start); the result is sorted by position. Candidates
    of different labels compete too: a span is one thing. Zero-length candidates are dropped.
    """
    ordered = sorted(
        (c for c in candidates if c.end > c.start),
        key=lambda c: (-(c.end - c.start), -c.priority, c.start),
    )
    starts: list[int] = []  # taken spans never overlap, so starts and ends sort together
    ends: list[int] = []
    kept: list[Candidate] = []
    for c in ordered:
        i = bisect.bisect_right(starts, c.start)
        if (i > 0 and ends[i - 1] > c.start) or (i < len(starts) and starts[i] < c.end):
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        kept.append(c)
    kept.sort(key=lambda c: (c.start, c.end))
    return kept
