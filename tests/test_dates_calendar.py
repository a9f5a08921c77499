"""Calendar rules of the dates dimension checked without the analyzer: Nth weekdays, seasons,
lunar holidays against published dates, and the article stage (``in_article``) on hand-built
figures, so each rule of docs/dates.md fails here by name when it breaks."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfigs.dates.article_dates import in_article
from newsfigs.dates.calendar_spans import nth_weekday, season_near, season_span
from newsfigs.dates.holidays import holiday_of, nearest_year, solar_date
from newsfigs.dates.resolve_dates import build, resolve
from newsfigs.models import Figure

# 설날 and 추석 as published by the Korea Astronomy and Space Science Institute
LUNAR_HOLIDAYS = [
    ("설날", 2024, datetime.date(2024, 2, 10)),
    ("설날", 2025, datetime.date(2025, 1, 29)),
    ("설날", 2026, datetime.date(2026, 2, 17)),
    ("추석", 2019, datetime.date(2019, 9, 13)),
    ("추석", 2024, datetime.date(2024, 9, 17)),
    ("추석", 2025, datetime.date(2025, 10, 6)),
    ("부처님오신날", 2025, datetime.date(2025, 5, 5)),
]


@pytest.mark.parametrize(("name", "year", "expected"), LUNAR_HOLIDAYS)
def test_lunar_holidays_fall_on_the_published_day(
    name: str, year: int, expected: datetime.date
) -> None:
    h = holiday_of(name)
    assert h is not None and h.lunar
    assert solar_date(h, year) == expected


def test_a_lunar_holiday_outside_the_table_is_not_resolved() -> None:
    h = holiday_of("추석")
    assert h is not None and solar_date(h, 2200) is None


def test_bare_holiday_is_the_nearest_occurrence() -> None:
    h = holiday_of("성탄절")
    assert h is not None
    assert nearest_year(h, datetime.date(2026, 3, 22), None) == 2025
    assert nearest_year(h, datetime.date(2026, 9, 1), None) == 2026
    assert nearest_year(h, datetime.date(2026, 3, 22), "next") == 2026
    assert nearest_year(h, datetime.date(2026, 12, 25), "last") == 2026


@given(
    st.integers(1900, 2100),
    st.integers(1, 12),
    st.integers(0, 6),
    st.sampled_from([1, 2, 3, 4, -1]),
)
def test_nth_weekday_is_that_weekday_in_that_week_of_the_month(
    year: int, month: int, weekday: int, nth: int
) -> None:
    d = nth_weekday(year, month, weekday, nth)
    assert d is not None and d.weekday() == weekday and (d.year, d.month) == (year, month)
    if nth == -1:
        assert (d + datetime.timedelta(days=7)).month != month
    else:
        assert (d.day - 1) // 7 == nth - 1


@given(st.dates(datetime.date(1950, 1, 1), datetime.date(2150, 12, 31)))
def test_last_and_next_season_bracket_the_reference(ref: datetime.date) -> None:
    for season in ("spring", "summer", "autumn", "winter"):
        last, nxt = season_near(season, ref, "last"), season_near(season, ref, "next")
        assert last is not None and nxt is not None
        assert last[1] < ref < nxt[0]
        later, earlier = season_span(season, last[0].year + 1), season_span(season, nxt[0].year - 1)
        assert later is not None and later[1] >= ref, "last: the latest one over before ref"
        assert earlier is not None and earlier[0] <= ref, "next: the first to start after ref"


def _date_figure(text: str, start: int, fields: dict[str, object], ref: datetime.date) -> Figure:
    info = resolve(build(fields), ref)
    return Figure(start=start, end=start + len(text), text=text, kind="date", date=info)


REF = datetime.date(2026, 3, 22)
THIS_DAY = {"relative": "this", "offset": 0, "offset_unit": "day", "anchor": "text"}
NEXT_YEAR = {"relative": "next", "offset": 1, "offset_unit": "year", "anchor": "text"}


def test_this_day_is_the_last_named_day() -> None:
    figs = [_date_figure("12일", 0, {"day": 12}, REF), _date_figure("이날", 10, THIS_DAY, REF)]
    out = in_article(figs, REF)
    assert out[1].date is not None and out[1].date.resolved == datetime.date(2026, 3, 12)


def test_this_day_after_a_range_of_days_is_not_resolved() -> None:
    rng = _date_figure("3~5일", 0, {"day": 3, "_end": {"day": 5}}, REF)
    rng = rng.model_copy(update={"date": resolve(build({"day": 3}, {"day": 5}), REF)})
    out = in_article([rng, _date_figure("이날", 10, THIS_DAY, REF)], REF)
    assert out[1].date is not None and out[1].date.resolved is None


def test_following_year_counts_from_the_last_named_year_and_never_from_the_reference() -> None:
    alone = in_article([_date_figure("이듬해", 0, NEXT_YEAR, REF)], REF)
    assert alone[0].date is not None and alone[0].date.resolved_start is None
    figs = [
        _date_figure("2019년", 0, {"year": 2019}, REF),
        _date_figure("이듬해", 9, NEXT_YEAR, REF),
    ]
    out = in_article(figs, REF)
    assert out[1].date is not None and out[1].date.resolved_start == datetime.date(2020, 1, 1)


LAST_YEAR_SAME = {
    "relative": "last",
    "offset": -1,
    "offset_unit": "year",
    "anchor": "period",
    "_precision": None,
}
PREVIOUS_QUARTER = {
    "relative": "last",
    "offset": -3,
    "offset_unit": "month",
    "anchor": "period",
    "_precision": "quarter",
}


@given(
    year=st.integers(1901, 2199),
    kind=st.sampled_from(["quarter", "half", "month"]),
    n=st.integers(1, 12),
)
def test_same_period_last_year_is_the_named_period_a_year_before(
    year: int, kind: str, n: int
) -> None:
    """``지난해 같은 기간`` after any quarter, half or month: the same months a year before,
    first to last day (29 February included or not as that year has it)."""
    fields: dict[str, object] = {"year": year}
    if kind == "quarter":
        fields["quarter"] = (n - 1) % 4 + 1
    elif kind == "half":
        fields["half"] = (n - 1) % 2 + 1
    else:
        fields["month"] = n
    named = _date_figure("기간", 0, fields, REF)
    out = in_article([named, _date_figure("지난해 같은 기간", 10, LAST_YEAR_SAME, REF)], REF)
    before = resolve(build({**fields, "year": year - 1}), REF)
    assert out[1].date is not None
    assert (out[1].date.resolved_start, out[1].date.resolved_end) == (
        before.resolved_start,
        before.resolved_end,
    )


def test_previous_quarter_needs_a_quarter_and_a_period_before() -> None:
    q1 = _date_figure("1분기", 0, {"year": 2026, "quarter": 1}, REF)
    march = _date_figure("3월", 0, {"year": 2026, "month": 3}, REF)
    prev = _date_figure("전 분기", 10, PREVIOUS_QUARTER, REF)
    after_q1 = in_article([q1, prev], REF)[1].date
    assert after_q1 is not None and after_q1.resolved_start == datetime.date(2025, 10, 1)
    assert after_q1.resolved_end == datetime.date(2025, 12, 31)
    after_month = in_article([march, prev], REF)[1].date
    assert after_month is not None and after_month.resolved_start is None
    assert in_article([prev], REF) == []  # nothing named before: not reported


@given(st.dates(datetime.date(1950, 1, 1), datetime.date(2150, 12, 31)), st.integers(-2, 2))
def test_weekend_is_saturday_and_sunday_of_that_week(ref: datetime.date, k: int) -> None:
    info = resolve(
        build({"offset": k, "offset_unit": "week", "relative": "this", "part": "late"}), ref
    )
    start, end = info.resolved_start, info.resolved_end
    assert start is not None and end is not None
    assert (start.weekday(), (end - start).days) == (5, 1)
    monday = ref - datetime.timedelta(days=ref.weekday())
    assert (start - monday).days == 7 * k + 5
