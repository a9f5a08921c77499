"""Properties of date resolution (docs/dates.md), checked with hypothesis.

The corpus pins examples; these check the rules everywhere, with reference dates drawn
towards the edges (month ends, year change, 29 February): a resolved date is a real calendar
date that agrees with the written fields, ``지난 N일``/``오는 N일``/bare ``N일`` pick exactly
the day the documented rule names, and resolution is a function of text and reference date
only: it never reads the clock, and nothing is resolved without a reference date unless the
text pins it down.
"""

from __future__ import annotations

import calendar
import datetime
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsfigs
from newsfigs.dates import resolve_dates as dates
from newsfigs.models import DateInfo, Figure

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SRC = Path(__file__).resolve().parents[1] / "src" / "newsfigs"
ONE_DAY = datetime.timedelta(days=1)
WEEKDAYS = "월화수목금토일"


@st.composite
def ref_dates(draw: st.DrawFn) -> datetime.date:
    """Reference dates, half of them on a month's first, second, second-to-last or last day."""
    year = draw(st.integers(1950, 2150))
    month = draw(st.integers(1, 12))
    last = calendar.monthrange(year, month)[1]
    day = draw(st.one_of(st.sampled_from([1, 2, last - 1, last]), st.integers(1, last)))
    return datetime.date(year, month, day)


LEAP_REFS = st.sampled_from([2024, 2028, 2100, 2000]).flatmap(
    lambda y: st.sampled_from(
        [
            datetime.date(y, 2, 28),
            datetime.date(y, 3, 1),
            datetime.date(y, 1, 31),
            *([datetime.date(y, 2, 29)] if calendar.isleap(y) else []),
        ]
    )
)
REFS = st.one_of(ref_dates(), LEAP_REFS)
DAYS = st.integers(1, 31)
MONTHS = st.integers(1, 12)


def only_date(text: str, expr: str, ref: datetime.date | None) -> Figure:
    """The one date/time figure of ``text``; its span must be ``expr``."""
    figs = [
        f for f in newsfigs.extract(text, reference_date=ref).figures if f.kind in ("date", "time")
    ]
    assert [f.text for f in figs] == [expr], text
    assert figs[0].date is not None
    return figs[0]


def sentence(expr: str) -> str:
    return f"회사는 {expr} 새 계획을 발표했다."


def _days_between(lo: datetime.date, hi: datetime.date) -> list[datetime.date]:
    """Days strictly after ``lo`` up to and including ``hi``."""
    out, d = [], lo + ONE_DAY
    while d <= hi:
        out.append(d)
        d += ONE_DAY
    return out


def assert_calendar(info: DateInfo) -> None:
    """Resolved dates are real dates that agree with every written field."""
    days = [d for d in (info.resolved, info.resolved_start, info.resolved_end) if d is not None]
    for d in days:
        assert type(d) is datetime.date
        assert datetime.date.fromisoformat(d.isoformat()) == d
    if info.resolved_start is not None:
        assert info.resolved_end is not None and info.resolved_start <= info.resolved_end
    if info.resolved is not None:
        d = info.resolved
        assert info.day in (None, d.day) and info.month in (None, d.month)
        assert info.year in (None, d.year)
        if info.day is None and info.weekday is not None:  # 지난 월요일, 이번 주 금요일
            assert d.weekday() == info.weekday
    if info.resolved_start is not None and info.end is None:
        start = info.resolved_start
        assert info.month in (None, start.month) and info.year in (None, start.year)


# --- the day rules ----------------------------------------------------------------------


@SETTINGS
@given(ref=REFS, day=DAYS)
def test_last_day_is_the_most_recent_on_or_before(ref: datetime.date, day: int) -> None:
    info = only_date(sentence(f"지난 {day}일"), f"지난 {day}일", ref).date
    assert info is not None and info.resolved is not None
    got = info.resolved
    assert got.day == day and got <= ref
    assert not [d for d in _days_between(got, ref) if d.day == day]
    assert_calendar(info)


@SETTINGS
@given(ref=REFS, day=DAYS)
def test_next_day_is_the_first_on_or_after(ref: datetime.date, day: int) -> None:
    info = only_date(sentence(f"오는 {day}일"), f"오는 {day}일", ref).date
    assert info is not None and info.resolved is not None
    got = info.resolved
    assert got.day == day and got >= ref
    assert not [d for d in _days_between(ref - ONE_DAY, got - ONE_DAY) if d.day == day]
    assert_calendar(info)


def _day_n(day: int, around: datetime.date, step: int) -> list[datetime.date]:
    """Day ``day`` of ``around``'s month and of the month ``step`` away, where they have one."""
    months = [(around.year, around.month), dates.add_months(around.year, around.month, step)]
    return [datetime.date(y, m, day) for y, m in months if day <= calendar.monthrange(y, m)[1]]


@SETTINGS
@given(ref=REFS, day=DAYS)
def test_bare_day_is_the_latest_within_a_week_ahead(ref: datetime.date, day: int) -> None:
    """With no tense said (a copula), the bare-day window decides."""
    info = only_date(f"회견은 {day}일 기자회견장이다.", f"{day}일", ref).date
    assert info is not None
    limit = ref + datetime.timedelta(days=dates.BARE_DAY_AHEAD)
    candidates = [d for d in _day_n(day, limit, -1) if d <= limit]
    assert info.resolved == (max(candidates) if candidates else None)
    if info.resolved is not None:
        assert ref - datetime.timedelta(days=62) < info.resolved <= limit
    assert_calendar(info)


@SETTINGS
@given(ref=REFS, day=DAYS)
def test_bare_day_in_the_past_tense_is_never_ahead(ref: datetime.date, day: int) -> None:
    """``N일 … 열었다``: the latest day N up to the day after ref, in that month or the one
    before, else unresolved."""
    info = only_date(f"그는 {day}일 기자회견을 열었다.", f"{day}일", ref).date
    assert info is not None
    edge = ref + ONE_DAY
    candidates = [d for d in _day_n(day, edge, -1) if d <= edge]
    assert info.resolved == (max(candidates) if candidates else None)
    assert_calendar(info)


@SETTINGS
@given(ref=REFS, day=DAYS)
def test_bare_day_of_a_scheduled_event_is_never_behind(ref: datetime.date, day: int) -> None:
    """``N일 … 열린다``: the first day N from the day before ref, in that month or the next."""
    info = only_date(f"행사는 {day}일 열린다.", f"{day}일", ref).date
    assert info is not None
    edge = ref - ONE_DAY
    candidates = [d for d in _day_n(day, edge, 1) if d >= edge]
    assert info.resolved == (min(candidates) if candidates else None)
    assert_calendar(info)


@SETTINGS
@given(ref=REFS, day=DAYS, wd=st.integers(0, 6))
def test_bare_day_with_weekday_picks_the_month(ref: datetime.date, day: int, wd: int) -> None:
    expr = f"{day}일({WEEKDAYS[wd]})"
    info = only_date(f"행사는 {expr} 열린다.", expr, ref).date
    assert info is not None
    months = [dates.add_months(ref.year, ref.month, k) for k in (-1, 0, 1)]
    matching = [
        datetime.date(y, m, day)
        for y, m in months
        if day <= calendar.monthrange(y, m)[1] and datetime.date(y, m, day).weekday() == wd
    ]
    if matching:
        assert info.resolved == min(matching, key=lambda d: (abs((d - ref).days), d))
    else:  # the weekday contradicts every month near ref: no date is better than a guess
        assert info.resolved is None


@SETTINGS
@given(ref=REFS, day=DAYS, wd=st.integers(0, 6), cue=st.sampled_from(["지난", "오는"]))
def test_cued_day_with_weekday_checks_the_cue(
    ref: datetime.date, day: int, wd: int, cue: str
) -> None:
    """``지난 3일(화)``: a day with the weekday on the cue's side, or one that slipped past ref
    by at most ``WEEKDAY_SLIP`` days; else none (the weekday contradicts the cue)."""
    expr = f"{cue} {day}일({WEEKDAYS[wd]})"
    info = only_date(f"행사는 {expr} 열렸다.", expr, ref).date
    assert info is not None
    sign = -1 if cue == "지난" else 1
    months = [dates.add_months(ref.year, ref.month, k) for k in (-1, 0, 1)]
    matching = [
        d
        for y, m in months
        if day <= calendar.monthrange(y, m)[1]
        and (d := datetime.date(y, m, day)).weekday() == wd
        and (sign * (d - ref).days >= 0 or abs((d - ref).days) <= dates.WEEKDAY_SLIP)
    ]
    if not matching:
        assert info.resolved is None
        return
    assert info.resolved in matching
    on_side = [d for d in matching if sign * (d - ref).days >= 0]
    if on_side:
        assert info.resolved == min(on_side, key=lambda d: abs((d - ref).days))


@SETTINGS
@given(ref=REFS, day=DAYS, which=st.sampled_from([("지난달", -1), ("이달", 0), ("다음 달", 1)]))
def test_day_of_a_relative_month(ref: datetime.date, day: int, which: tuple[str, int]) -> None:
    word, k = which
    info = only_date(sentence(f"{word} {day}일"), f"{word} {day}일", ref).date
    assert info is not None
    y, m = dates.add_months(ref.year, ref.month, k)
    exists = day <= calendar.monthrange(y, m)[1]
    assert info.resolved == (datetime.date(y, m, day) if exists else None)


@SETTINGS
@given(ref=REFS, month=MONTHS, day=DAYS, cue=st.sampled_from(["지난", "오는"]))
def test_month_day_with_a_cue(ref: datetime.date, month: int, day: int, cue: str) -> None:
    expr = f"{cue} {month}월 {day}일"
    info = only_date(sentence(expr), expr, ref).date
    assert info is not None
    if calendar.monthrange(2024, month)[1] < day:  # 2월 30일, 4월 31일: never a date
        assert info.resolved is None
        return
    got = info.resolved
    assert got is not None and (got.month, got.day) == (month, day)
    assert got <= ref if cue == "지난" else got >= ref
    assert abs(got.year - ref.year) <= dates.SEARCH_YEARS


@SETTINGS
@given(ref=REFS, n=st.integers(1, 400), unit=st.sampled_from(["일", "주", "개월", "년"]))
def test_ago_and_later(ref: datetime.date, n: int, unit: str) -> None:
    for word, sign in (("전", -1), ("후", 1)):
        expr = f"{n}{unit} {word}"
        info = only_date(f"{expr} 발표된 자료", expr, ref).date
        assert info is not None and info.offset == sign * n
        assert_calendar(info)
        if unit == "일":
            assert info.resolved == ref + datetime.timedelta(days=sign * n)
        elif unit == "년":
            assert info.resolved_start == datetime.date(ref.year + sign * n, 1, 1)
        elif unit == "개월":
            y, m = dates.add_months(ref.year, ref.month, sign * n)
            assert info.resolved_start == datetime.date(y, m, 1)
        else:
            start = info.resolved_start
            assert start is not None and start.weekday() == 0
            assert (start - (ref - datetime.timedelta(days=ref.weekday()))).days == 7 * sign * n


def _covered(info: DateInfo) -> tuple[datetime.date, datetime.date]:
    """First and last day a resolved figure covers (one day or a period)."""
    if info.resolved is not None:
        return info.resolved, info.resolved
    assert info.resolved_start is not None and info.resolved_end is not None
    return info.resolved_start, info.resolved_end


@SETTINGS
@given(
    ref=REFS,
    years=st.integers(1, 30),
    months=st.integers(0, 11),
    half=st.booleans(),
    yeo=st.booleans(),
)
def test_compound_and_half_offsets_count_months(
    ref: datetime.date, years: int, months: int, half: bool, yeo: bool
) -> None:
    """``3년 6개월 전`` is −42 months, ``1년 반 뒤`` +18; ``여`` makes it approximate."""
    written = f"{years}년 반" if half else f"{years}년 {months}개월" if months else f"{years}년"
    for word, sign in (("전", -1), ("뒤", 1)):
        expr = f"{written}{'여' if yeo else ''} {word}"
        fig = only_date(f"{expr} 발표된 자료", expr, ref)
        info = fig.date
        assert info is not None and fig.approximate == yeo
        assert_calendar(info)
        if not half and not months:
            assert (info.offset, info.offset_unit) == (sign * years, "year")
            continue
        k = sign * (12 * years + (6 if half else months))
        assert (info.offset, info.offset_unit, info.precision) == (k, "month", "month")
        y, m = dates.add_months(ref.year, ref.month, k)
        assert _covered(info) == (datetime.date(y, m, 1), datetime.date(y, m, dates.last_day(y, m)))


@SETTINGS
@given(
    ref=REFS,
    lo=st.integers(1, 20),
    extra=st.integers(1, 10),
    unit=st.sampled_from(["일", "주", "주일", "개월", "년"]),
    sep=st.sampled_from(["~", "∼"]),
)
def test_offset_ranges_cover_both_ends(
    ref: datetime.date, lo: int, extra: int, unit: str, sep: str
) -> None:
    """``3∼4년 후``: both ends count from ref; the range covers both ends' periods."""
    hi = lo + extra
    for word, sign in (("전", -1), ("후", 1)):
        expr = f"{lo}{sep}{hi}{unit} {word}"
        info = only_date(f"{expr} 발표된 자료", expr, ref).date
        assert info is not None and info.end is not None
        assert (info.offset, info.end.offset) == (sign * lo, sign * hi)
        assert info.end.offset_unit == info.offset_unit
        ends = [
            _covered(only_date(f"{n}{unit} {word} 자료", f"{n}{unit} {word}", ref).date or info)
            for n in (lo, hi)
        ]
        first = min(e[0] for e in ends)
        last = max(e[1] for e in ends)
        assert (info.resolved_start, info.resolved_end) == (first, last)


def test_a_range_of_offsets_keeps_one_unit() -> None:
    with pytest.raises(ValueError, match="same unit"):
        DateInfo(offset=-1, offset_unit="year", end=DateInfo(offset=-2, offset_unit="month"))


@SETTINGS
@given(ref=REFS, wd=st.integers(0, 6), cue=st.sampled_from(["지난", "오는", ""]))
def test_weekdays(ref: datetime.date, wd: int, cue: str) -> None:
    expr = f"{cue} {WEEKDAYS[wd]}요일".strip()
    info = only_date(sentence(expr), expr, ref).date
    assert info is not None and info.resolved is not None
    got = info.resolved
    assert got.weekday() == wd
    if cue == "지난":
        assert ref - datetime.timedelta(days=6) <= got <= ref
    elif cue == "오는":
        assert ref <= got <= ref + datetime.timedelta(days=6)
    else:
        assert abs((got - ref).days) <= 3


# --- any expression: real dates, no clock, nothing guessed --------------------------------

EXPRESSIONS = st.one_of(
    st.builds("{}일".format, DAYS),
    st.builds("{}월".format, MONTHS),
    st.builds("{}월 {}일".format, MONTHS, DAYS),
    st.builds("{}월 {}".format, MONTHS, st.sampled_from(["초", "중순", "말", "하순"])),
    st.builds("{}분기".format, st.integers(1, 4)),
    st.builds("{}년 {}월 {}일".format, st.integers(1990, 2100), MONTHS, DAYS),
    st.builds("{}~{}일".format, st.integers(1, 15), st.integers(16, 31)),
    st.builds("{}월 {}일~{}월 {}일".format, MONTHS, DAYS, MONTHS, DAYS),
    st.sampled_from(
        [
            "상반기",
            "하반기",
            "연말",
            "연초",
            "올해",
            "지난해",
            "내년 하반기",
            "지난달",
            "이달 말",
            "다음 달 초",
            "지난주",
            "이번 주 금요일",
            "어제",
            "이날 오후 3시",
            "내일 새벽",
            "2020년대 초반",
            "지난해 4분기",
            "올 1분기",
            "1년 반 전",
            "3년 6개월 뒤",
            "2∼3년 후",
            "1년여 전",
            "1주일 전",
            "3달 전",
            "1~2개월 전",
        ]
    ),
)


def _figures(text: str, ref: datetime.date | None) -> list[dict[str, Any]]:
    doc = newsfigs.extract(text, reference_date=ref)
    return [f.model_dump(mode="json") for f in doc.figures if f.kind in ("date", "time")]


@SETTINGS
@given(expr=EXPRESSIONS, ref=REFS)
def test_any_resolution_is_a_real_date_agreeing_with_the_fields(
    expr: str, ref: datetime.date
) -> None:
    for f in newsfigs.extract(sentence(expr), reference_date=ref).figures:
        if f.date is not None:
            assert_calendar(f.date)


@SETTINGS
@given(expr=EXPRESSIONS)
def test_nothing_is_guessed_without_a_reference_date(expr: str) -> None:
    for f in newsfigs.extract(sentence(expr)).figures:
        info = f.date
        if info is None or info.year is not None or info.decade is not None:
            continue  # the text pins these down
        assert info.resolved is None and info.resolved_start is None, expr


@SETTINGS
@given(expr=EXPRESSIONS, ref=REFS)
def test_fields_do_not_depend_on_the_reference_date(expr: str, ref: datetime.date) -> None:
    """What is written is the same whatever the article's date; only resolved* differ."""
    resolved = {"resolved", "resolved_start", "resolved_end"}

    def written(figs: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [
            {**f, "date": {k: v for k, v in f["date"].items() if k not in resolved}} for f in figs
        ]

    assert written(_figures(sentence(expr), ref)) == written(_figures(sentence(expr), None))


class _NoClockDate(datetime.date):
    """A ``date`` whose clock readers fail the test."""

    @classmethod
    def today(cls) -> _NoClockDate:
        raise AssertionError("date resolution read the clock")


class _NoClockDatetime(datetime.datetime):
    @classmethod
    def now(cls, tz: datetime.tzinfo | None = None) -> _NoClockDatetime:
        raise AssertionError("date resolution read the clock")

    @classmethod
    def today(cls) -> _NoClockDatetime:
        raise AssertionError("date resolution read the clock")


@SETTINGS
@given(expr=EXPRESSIONS, ref=REFS)
def test_resolution_never_reads_the_clock(expr: str, ref: datetime.date) -> None:
    """The resolver runs with a ``datetime`` whose clock raises, and agrees with itself."""
    expected = _figures(sentence(expr), ref)
    fake = SimpleNamespace(
        date=_NoClockDate,
        datetime=_NoClockDatetime,
        timedelta=datetime.timedelta,
        MINYEAR=datetime.MINYEAR,
        MAXYEAR=datetime.MAXYEAR,
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(dates, "datetime", fake)
        assert _figures(sentence(expr), ref) == expected


def test_date_modules_have_no_clock_reads() -> None:
    clock = re.compile(r"\b(?:today|now|utcnow|time\.time|localtime|gmtime)\s*\(")
    paths = sorted((SRC / "dates").glob("*.py"))
    assert paths
    for path in paths:
        assert not clock.search(path.read_text(encoding="utf-8")), path


# --- resolve() on its own: any fields, any reference --------------------------------------


@SETTINGS
@given(
    ref=st.one_of(st.none(), REFS),
    year=st.one_of(st.none(), st.integers(1100, 2199)),
    month=st.one_of(st.none(), MONTHS),
    day=st.one_of(st.none(), DAYS),
    relative=st.sampled_from([None, "last", "next"]),
    offset=st.one_of(
        st.none(),
        st.tuples(st.integers(-50, 50), st.sampled_from(["day", "week", "month", "year"])),
    ),
    far=st.one_of(st.none(), st.integers(-60, 60)),
)
def test_resolve_gives_real_dates_for_any_fields(
    ref: datetime.date | None,
    year: int | None,
    month: int | None,
    day: int | None,
    relative: str | None,
    offset: tuple[int, str] | None,
    far: int | None,
) -> None:
    fields: dict[str, Any] = {"year": year, "month": month, "day": day, "relative": relative}
    if offset is not None:  # the shapes the recognizer builds: 지난해 3월 5일, 지난달 5일, 어제
        k, unit = offset
        fields.update(offset=k, offset_unit=unit, year=None, relative=None)
        if unit != "year":
            fields["month"] = None
        if unit in ("day", "week"):
            fields["day"] = None
    end = None
    if offset is not None and far is not None:  # 1~2년 전: the far end in the same unit
        end = {"offset": far, "offset_unit": offset[1]}
    info = dates.resolve(dates.build(fields, end), ref)
    DateInfo.model_validate(info.model_dump())  # the result passes the model's own checks
    assert_calendar(info)


@SETTINGS
@given(ref=REFS, month=MONTHS)
def test_bare_month_in_the_past_is_never_ahead(ref: datetime.date, month: int) -> None:
    """``M월 … 발표했다``: the latest month M that began on or before the day after ref."""
    info = only_date(f"정부는 {month}월 대책을 발표했다.", f"{month}월", ref).date
    assert info is not None and info.resolved_start is not None
    edge = ref + ONE_DAY
    year = edge.year if month <= edge.month else edge.year - 1
    assert info.resolved_start == datetime.date(year, month, 1)
    assert info.resolved_start <= edge
    assert_calendar(info)


@SETTINGS
@given(ref=REFS, month=MONTHS, day=DAYS)
def test_month_and_day_in_the_past_are_never_ahead(
    ref: datetime.date, month: int, day: int
) -> None:
    """``M월 N일 … 발생했다``: that date in the year that puts it on or before the day after
    ref; none when that year has no such day (2월 29일, 4월 31일)."""
    expr = f"{month}월 {day}일"
    info = only_date(f"사고는 {expr} 발생했다.", expr, ref).date
    assert info is not None
    edge = ref + ONE_DAY
    year = edge.year if (month, day) <= (edge.month, edge.day) else edge.year - 1
    if day > calendar.monthrange(year, month)[1]:
        assert info.resolved is None
    else:
        assert info.resolved == datetime.date(year, month, day)
    assert_calendar(info)
