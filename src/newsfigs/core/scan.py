"""One alternation of many patterns, scanned as fast as its branches alone.

A ``regex`` pattern ``A|B|C|…`` of a dozen large branches tries every branch at every position
of the text: on news sentences the dates' atom pattern took ~0.3 ms a sentence, while its
branches scanned one by one took ~0.04 ms together (each alone keeps the engine's literal
prefix and first-character search). ``Alternation`` finds where any branch can start with the
branches alone, then runs the whole alternation only there, so its matches are exactly those
of ``compile("|".join(branches)).finditer(text)``: same branch order, same spans, same groups.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex


class Alternation:
    """``finditer`` of ``"|".join(branches)``, by way of each branch's own search."""

    __slots__ = ("_branches", "pattern")

    def __init__(self, branches: Sequence[str]) -> None:
        self.pattern = regex.compile("|".join(branches))
        self._branches = tuple(regex.compile(b) for b in branches)

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        """The matches of the whole alternation, left to right, none overlapping."""
        starts: set[int] = set()
        for branch in self._branches:
            # every position where this branch matches (overlapped: one try per position)
            starts.update(m.start() for m in branch.finditer(text, overlapped=True))
        pos = 0
        match = self.pattern.match
        for s in sorted(starts):
            if s < pos:
                continue
            m = match(text, s)
            if m is not None:
                yield m
                pos = m.end() if m.end() > s else s + 1
