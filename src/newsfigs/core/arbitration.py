"""Which of overlapping candidates survives: every priority, rank and tie rule, in one table.

A span of text is one thing. Among overlapping candidates the longer wins; between equally
long ones the higher ``priority``; on an exact tie (same span, same priority) the rule is
written here, never left to the order the recognizers ran in:

1. the earlier label in ``LABEL_ORDER`` (a figure, then a date, then a person, then an
   organization): figure and date rules reject each other's readings (``3일 동안`` is no
   date, ``3일`` no duration) so such ties are rare, and a measured reading is kept;
2. the surer source (``SOURCE_RANK``, lower is surer);
3. last, the candidate's fields in a fixed order, so the result never depends on input order.

``SOURCE_RANK`` also decides, when mentions are merged into entities, whose title,
affiliation or category an entity takes.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable
from typing import Final

from newsfigs.core.candidates import Candidate, Label, NameCandidate

LABEL_ORDER: Final[dict[Label, int]] = {"figure": 0, "date": 1, "person": 2, "organization": 3}
"""Exact ties go to the earlier label."""

LABEL_PRIORITY: Final[dict[Label, int]] = {
    "figure": 1,
    "date": 1,
    "person": 10,
    "organization": 20,  # a suffix is stronger evidence than a name shape: 한빛전자 ≠ a person
}
"""Priority between equally long candidates, by label (sources below may override)."""

SOURCE_PRIORITY: Final[dict[str, int]] = {
    "byline": 30,  # byline spans are certain: they outrank other readings of the characters
    "repeat": 5,  # a repeat of a name found elsewhere yields to any rule that read it here
}
"""Sources whose priority differs from their label's."""

SOURCE_RANK: Final[dict[str, int]] = {
    "user": 0,
    "byline": 0,
    "known": 1,
    "suffix": 2,
    "unit": 2,
    "title": 2,
    "cue": 3,
    "latin": 3,
    "honorific": 3,
    "age": 3,
    "hanja": 3,
    "cast": 3,
    "wikidata": 4,
    "well_known": 4,
    "corp_mark": 4,
    "institution": 4,
    "school": 4,
    "glued": 4,
    "team": 4,
    "acronym": 4,
    "business": 4,
    "trade": 5,
    "frame": 5,
    "affiliation": 5,
    "surname": 5,
    "bare": 5,
    "called": 5,
    "given": 5,
    "role": 5,
    "speaker": 5,
    "addressee": 5,
    "member": 5,
    "listed": 6,
    "obituary": 5,
    "alias": 6,
    "repeat": 7,
    "numeral": 0,
    "fraction": 0,
    "day_word": 0,
    "ratio": 0,
    "date": 0,
}
"""Which evidence is surer (lower): ties here, and entity fields when mentions are merged."""


def priority(c: Candidate) -> int:
    """The priority of ``c`` between equally long overlapping candidates."""
    return SOURCE_PRIORITY.get(c.source, LABEL_PRIORITY[c.label])


def source_rank(c: NameCandidate) -> int:
    """How sure the rule behind ``c`` is (lower is surer)."""
    return SOURCE_RANK[c.source]


class _Fields:
    """Compares candidates by their fields; only reached on an exact tie, so built lazily."""

    __slots__ = ("c",)

    def __init__(self, c: Candidate) -> None:
        self.c = c

    def __lt__(self, other: _Fields) -> bool:
        return repr(self.c) < repr(other.c)


def _order(c: Candidate) -> tuple[int, int, int, int, int, _Fields]:
    """The total order of ``resolve_overlaps``: the first candidate of a conflict wins."""
    return (
        -(c.end - c.start),
        -priority(c),
        c.start,
        LABEL_ORDER[c.label],
        SOURCE_RANK[c.source],
        _Fields(c),
    )


def _span(c: Candidate) -> tuple[int, int]:
    return c.start, c.end


def resolve_overlaps(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep a set of non-overlapping candidates, in the order of ``_order``; sorted by position.

    Greedy: each candidate is kept unless it overlaps one kept before it. Candidates of
    different labels compete too. Zero-length candidates are dropped.
    """
    found = [c for c in candidates if c.end > c.start]
    if len(found) <= 1:
        return found
    found.sort(key=_span)
    if all(a.end <= b.start for a, b in itertools.pairwise(found)):
        return found  # nothing overlaps (most sentences): greedy would keep every one
    ordered = sorted(found, key=_order)
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
    kept.sort(key=_span)
    return kept


def settle(held: list[Candidate], boundary: int) -> tuple[list[Candidate], list[Candidate]]:
    """Resolve the overlap groups of ``held`` that end by ``boundary``; return (kept, pending).

    Later sections only add candidates starting at or after ``boundary``, so a group of mutually
    overlapping candidates that ends by then is final, and resolving it alone gives what
    resolving the whole document at once would. This keeps a long document's memory bounded.
    """
    held.sort(key=lambda c: c.start)
    kept: list[Candidate] = []
    pending: list[Candidate] = []
    group: list[Candidate] = []
    group_end = -1
    for c in [*held, None]:
        if group and (c is None or c.start >= group_end):
            if group_end <= boundary:
                kept.extend(resolve_overlaps(group))
            else:
                pending.extend(group)
            group = []
        if c is not None:
            group.append(c)
            group_end = max(group_end, c.end) if len(group) > 1 else c.end
    return kept, pending
