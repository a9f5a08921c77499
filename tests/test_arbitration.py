"""Overlap arbitration: one table ranks every source, and the result never depends on order."""

from __future__ import annotations

import itertools
import random
from decimal import Decimal
from typing import get_args

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfigs.core.arbitration import (
    LABEL_ORDER,
    LABEL_PRIORITY,
    SOURCE_RANK,
    priority,
    resolve_overlaps,
)
from newsfigs.core.candidates import (
    Candidate,
    DateCandidate,
    FigureCandidate,
    FigureSource,
    Label,
    OrgCandidate,
    OrgSource,
    PersonCandidate,
    PersonSource,
)
from newsfigs.dates.resolve_dates import build


def test_every_source_a_recognizer_can_emit_has_a_rank() -> None:
    sources = {*get_args(PersonSource), *get_args(OrgSource), *get_args(FigureSource), "date"}
    missing = sorted(sources - SOURCE_RANK.keys())
    assert not missing, f"sources without a rank in core/arbitration.py: {missing}"
    unused = sorted(SOURCE_RANK.keys() - sources)
    assert not unused, f"ranks for sources no recognizer emits: {unused}"


def test_every_label_has_a_priority_and_a_tie_order() -> None:
    assert set(LABEL_PRIORITY) == set(get_args(Label)) == set(LABEL_ORDER)
    assert sorted(LABEL_ORDER.values()) == list(range(len(LABEL_ORDER)))


def test_byline_and_repeat_priorities() -> None:
    byline = OrgCandidate(start=0, end=4, source="byline", name="연합뉴스", category="media")
    repeat = OrgCandidate(start=0, end=4, source="repeat", name="연합뉴스")
    suffix = OrgCandidate(start=0, end=4, source="suffix", name="연합뉴스")
    person = PersonCandidate(start=0, end=4, source="title", name="연합뉴스")
    assert priority(byline) > priority(suffix) > priority(person) > priority(repeat)


def _one_of_each(start: int, end: int, pick: int) -> Candidate:
    """A candidate of one of the four kinds over ``[start, end)``."""
    kind = pick % 4
    if kind == 0:
        return FigureCandidate(
            start=start, end=end, source="numeral", kind="count", value=Decimal(pick), unit="count"
        )
    if kind == 1:
        return DateCandidate(start=start, end=end, kind="date", date=build({"day": 1 + pick % 28}))
    if kind == 2:
        return PersonCandidate(start=start, end=end, source="bare", name=f"이름{pick % 3}")
    return OrgCandidate(start=start, end=end, source="suffix", name=f"기관{pick % 3}")


_spans = st.lists(
    st.tuples(st.integers(0, 12), st.integers(1, 5), st.integers(0, 11)), min_size=1, max_size=10
)


@settings(max_examples=200, deadline=None)
@given(_spans, st.randoms(use_true_random=False))
def test_result_does_not_depend_on_input_order(
    spans: list[tuple[int, int, int]], rnd: random.Random
) -> None:
    cands = [_one_of_each(s, s + n, pick) for s, n, pick in spans]
    expected = resolve_overlaps(cands)
    shuffled = list(cands)
    rnd.shuffle(shuffled)
    assert resolve_overlaps(shuffled) == expected
    assert resolve_overlaps(reversed(cands)) == expected
    for a, b in itertools.pairwise(expected):
        assert a.end <= b.start


def test_exact_tie_goes_to_the_earlier_label() -> None:
    figure = FigureCandidate(
        start=0, end=2, source="numeral", kind="duration", value=Decimal(3), unit="day"
    )
    date = DateCandidate(start=0, end=2, kind="date", date=build({"day": 3}))
    assert resolve_overlaps([date, figure]) == [figure]
    assert resolve_overlaps([figure, date]) == [figure]


def test_longer_wins_over_priority() -> None:
    long_person = PersonCandidate(start=0, end=5, source="bare", name="가나다라마")
    short_org = OrgCandidate(start=0, end=3, source="byline", name="가나다")
    assert resolve_overlaps([short_org, long_person]) == [long_person]
