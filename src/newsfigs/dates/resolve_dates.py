"""Resolving date expressions against an article's reference date (pure, no analyzer).

The recognizer (``recognizers/dates.py``) turns text into a ``DateInfo`` holding what was
written; ``resolve`` adds the calendar dates. The rules follow Korean news idiom and are
documented in docs/dates.md: ``지난 3일`` is the most recent 3rd on or before the reference date,
``오는 5일`` the next 5th on or after it, a bare ``22일`` the latest 22nd no more than
``BARE_DAY_AHEAD`` days after it. Nothing here reads the clock: without a reference date only
what the text itself pins down (``2026년 3월 22일``, ``2026년``) is resolved.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from newsfigs.core.unvalidated import trusted
from newsfigs.dates.calendar_spans import (
    Span,
    add_months,
    century_span,
    last_day,
    nth_weekday,
    plus_days,
    school_year_span,
    season_near,
    season_span,
    shift_years,
)
from newsfigs.dates.calendar_spans import calendar_date as _date
from newsfigs.dates.calendar_spans import holiday_span as _holiday_span
from newsfigs.dates.calendar_spans import months_span as _months_span
from newsfigs.models import DateInfo, DatePrecision

BARE_DAY_AHEAD = 7
"""A bare ``N일`` may lie at most this many days after the reference date (else: earlier)."""

MONTH_WRAP = 10
"""A bare month this many months or more away from the reference month is in the adjacent year."""

QUARTER_WRAP = 3
"""A bare quarter this many quarters away from the reference quarter is in the adjacent year."""

SEARCH_MONTHS = 24
"""How far ``지난 31일`` / ``오는 29일`` look for a month that has that day."""

SEARCH_YEARS = 8
"""How far ``지난 2월 29일`` looks for a year that has that date."""

WEEKEND = 5
"""The weekend (``주말``) starts on Saturday, five days after Monday."""

WEEKDAY_SLIP = 3
"""How far past ref a ``지난 N일(요일)`` may lie when only that day has the weekday written."""

DAY_PRECISIONS = frozenset({"day", "part_of_day", "hour", "minute"})
"""Precisions resolved to one day (``resolved``); the others are periods."""


_PART_OF_MONTH = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_PART_OF_YEAR = {"early": (1, 2), "mid": (5, 8), "late": (11, 12)}
_PART_OF_DECADE = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}


def two_digit_year(yy: int) -> int:
    """``'26년`` → 2026, ``'98년`` → 1998: 00–69 are 20xx, 70–99 are 19xx (fixed, no clock)."""
    return 2000 + yy if yy < 70 else 1900 + yy


def hour_of(hour: int, day_part: str | None) -> int:
    """The 0–23 hour of ``오후 3시`` (15), ``밤 10시`` (22), ``오전 12시`` (0).

    A bare hour is kept as written (``15시`` → 15, ``3시`` → 3, ``24시`` → 24).
    """
    if day_part is None:
        return hour
    h12 = hour % 12
    if day_part in ("pm", "evening"):
        return h12 + 12
    if day_part == "night":
        return h12 + 12 if h12 >= 6 else h12
    if day_part == "daytime":
        return h12 + 12 if h12 < 6 else h12
    if day_part in ("am", "dawn", "morning", "midnight"):
        return h12
    return hour


def _month_span(year: int, month: int, part: str | None = None) -> Span | None:
    if not (datetime.MINYEAR <= year <= datetime.MAXYEAR and 1 <= month <= 12):
        return None
    lo, hi = _PART_OF_MONTH[part] if part else (1, 31)
    end = min(hi, last_day(year, month))
    return datetime.date(year, month, lo), datetime.date(year, month, end)


def _year_span(year: int, part: str | None = None) -> Span | None:
    first, last = _PART_OF_YEAR[part] if part else (1, 12)
    return _months_span(year, first, last)


def _day_in_month(day: int, ref: datetime.date, relative: str | None) -> datetime.date | None:
    """``N일`` without a month: most recent (last), next (next) or the bare-day window.

    A bare day looks only at the month of ref + ``BARE_DAY_AHEAD`` and the one before: when
    neither has that day (``30일`` in early March) it stays unresolved rather than guessed.
    """
    if relative == "next":
        for k in range(SEARCH_MONTHS):
            d = _date(*add_months(ref.year, ref.month, k), day)
            if d is not None and d >= ref:
                return d
        return None
    limit = ref if relative == "last" else plus_days(ref, BARE_DAY_AHEAD) or ref
    for k in range(SEARCH_MONTHS if relative == "last" else 2):
        d = _date(*add_months(limit.year, limit.month, -k), day)
        if d is not None and d <= limit:
            return d
    return None


def day_with_weekday(
    day: int, weekday: int, ref: datetime.date, relative: str | None
) -> datetime.date | None:
    """``30일(월)``, ``지난 3일(화)``: the day N of ref's month or a neighbour that falls on
    that weekday.

    One on the side the cue names (on or before ref for ``지난``, on or after for ``오는``)
    wins, then the nearest to ref. The weekday is the writer's own check of the day, so a day
    on the other side is taken when it is at most ``WEEKDAY_SLIP`` days from ref (the
    reference date is a day or two off the article's). None when nothing matches: the day and
    its weekday disagree with the reference date, so any month would be a guess.
    """
    found = [
        d
        for k in (-1, 0, 1)
        if (d := _date(*add_months(ref.year, ref.month, k), day)) is not None
        and d.weekday() == weekday
    ]

    def wrong_side(d: datetime.date) -> bool:
        return (relative == "last" and d > ref) or (relative == "next" and d < ref)

    found = [d for d in found if not wrong_side(d) or abs((d - ref).days) <= WEEKDAY_SLIP]
    return min(found, key=lambda d: (wrong_side(d), abs((d - ref).days), d), default=None)


def _year_for_month(month: int, ref: datetime.date, relative: str | None) -> int:
    """The year of a month written without one (``3월``, ``지난 3월``, ``오는 12월``)."""
    if relative == "last":
        return ref.year if month <= ref.month else ref.year - 1
    if relative == "next":
        return ref.year if month >= ref.month else ref.year + 1
    diff = month - ref.month
    if diff >= MONTH_WRAP:
        return ref.year - 1
    if diff <= -MONTH_WRAP:
        return ref.year + 1
    return ref.year


def _month_day(
    month: int, day: int, ref: datetime.date, relative: str | None
) -> datetime.date | None:
    """``3월 22일`` without a year; ``지난 2월 29일`` looks back for a leap year."""
    if relative in ("last", "next"):
        step = -1 if relative == "last" else 1
        for k in range(SEARCH_YEARS + 1):
            d = _date(ref.year + step * k, month, day)
            if d is not None and (d <= ref if step < 0 else d >= ref):
                return d
        return None
    return _date(_year_for_month(month, ref, None), month, day)


def _weekday(weekday: int, ref: datetime.date, relative: str | None) -> datetime.date | None:
    """``지난 월요일``: on or before; ``오는 금요일``: on or after; bare: the nearest (±3 days)."""
    delta = (weekday - ref.weekday()) % 7
    if relative == "last":
        delta = delta - 7 if delta else 0
    elif relative != "next" and delta > 3:
        delta -= 7
    return plus_days(ref, delta)


def _quarter_year(quarter: int, ref: datetime.date, relative: str | None) -> int:
    ref_q = (ref.month - 1) // 3 + 1
    if relative == "last":
        return ref.year if quarter <= ref_q else ref.year - 1
    if relative == "next":
        return ref.year if quarter >= ref_q else ref.year + 1
    if quarter - ref_q >= QUARTER_WRAP:
        return ref.year - 1
    if ref_q - quarter >= QUARTER_WRAP:
        return ref.year + 1
    return ref.year


def _half_year(half: int, ref: datetime.date, relative: str | None) -> int:
    ref_h = 1 if ref.month <= 6 else 2
    if relative == "last":
        return ref.year if half <= ref_h else ref.year - 1
    if relative == "next":
        return ref.year if half >= ref_h else ref.year + 1
    return ref.year


def _part_year(part: str, ref: datetime.date, relative: str | None) -> int:
    """The year of ``연말``/``연초``: ref's, or the one before/after with ``지난``/``오는``.

    As for months: ``지난`` is the latest that began on or before ref, ``오는`` the first that
    has not ended before ref (``지난 연말`` in March is last year's).
    """
    first, last = _PART_OF_YEAR[part]
    if relative == "last" and ref.month < first:
        return ref.year - 1
    if relative == "next" and ref.month > last:
        return ref.year + 1
    return ref.year


def _relative_span(info: DateInfo, ref: datetime.date) -> Span | None:
    """Spans given by an offset from the reference date (어제, 지난달, 3일 전, 2년 후 …)."""
    k = info.offset or 0
    unit = info.offset_unit
    if unit == "day":
        d = plus_days(ref, k)
        return (d, d) if d else None
    if unit == "week":
        try:
            monday = ref - datetime.timedelta(days=ref.weekday()) + datetime.timedelta(weeks=k)
        except OverflowError:
            return None
        last = plus_days(monday, 6)
        if info.part == "late":  # 이번 주말: Saturday and Sunday
            sat = plus_days(monday, WEEKEND)
            return (sat, last) if sat and last else None
        if info.weekday is not None:
            d = plus_days(monday, info.weekday)
            return (d, d) if d else None
        return (monday, last) if last else None
    if unit == "month":
        y, m = add_months(ref.year, ref.month, k)
        if info.nth is not None and info.weekday is not None:  # 다음 달 첫째 주 월요일
            d = nth_weekday(y, m, info.weekday, info.nth)
            return (d, d) if d else None
        if info.day is not None:
            day = _date(y, m, info.day)
            return (day, day) if day else None
        return _month_span(y, m, info.part)
    return None


def _named_span(info: DateInfo, year: int | None, ref: datetime.date | None) -> Span | None:
    """Spans from written fields, the year coming from the text, an offset or the rules."""
    rel = info.relative if info.relative in ("last", "next") else None
    if info.recurring:
        return None
    if info.nth is not None and info.weekday is not None:  # 5월 둘째 주 일요일
        if info.month is None:
            if ref is None:
                return None
            year, month = ref.year, ref.month
        else:
            month = info.month
            if year is None:
                if ref is None:
                    return None
                year = _year_for_month(month, ref, rel)
        d = nth_weekday(year, month, info.weekday, info.nth)
        return (d, d) if d else None
    if info.day is not None:
        if info.month is not None and year is not None:
            d = _date(year, info.month, info.day)
        elif year is not None or ref is None:
            return None
        elif info.month is not None:
            d = _month_day(info.month, info.day, ref, rel)
        elif info.weekday is not None:
            d = day_with_weekday(info.day, info.weekday, ref, rel)
        else:
            d = _day_in_month(info.day, ref, rel)
        return (d, d) if d else None
    if info.weekday is not None:
        if ref is None or year is not None or info.month is not None:
            return None
        d = _weekday(info.weekday, ref, rel)
        return (d, d) if d else None
    if info.month is not None:
        if year is None:
            if ref is None:
                return None
            year = _year_for_month(info.month, ref, rel)
        return _month_span(year, info.month, info.part)
    if info.season is not None:
        if year is None:  # 지난 겨울, 오는 여름
            return season_near(info.season, ref, rel) if ref is not None else None
        under_way = ref is not None and ref.month <= 2 and info.anchor is None
        if info.season == "winter" and info.offset == 0 and under_way:
            year -= 1  # 올겨울 in January is the winter under way (그해 겨울: that year's)
        return season_span(info.season, year)
    if info.quarter is not None:
        if year is None:
            if ref is None:
                return None
            year = _quarter_year(info.quarter, ref, rel)
        first = 3 * info.quarter - 2
        return _months_span(year, first, first + 2)
    if info.half is not None:
        if year is None:
            if ref is None:
                return None
            year = _half_year(info.half, ref, rel)
        return _months_span(year, 1, 6) if info.half == 1 else _months_span(year, 7, 12)
    if year is None and info.part is not None and ref is not None:
        year = _part_year(info.part, ref, rel)  # 연말, 연초, 지난 연말
    if year is not None:
        return _year_span(year, info.part)
    return None


def _coming_weekend(ref: datetime.date) -> Span | None:
    """``오는 주말``: the first Saturday and Sunday after ref (on a weekend, the next one:
    the weekend under way has begun)."""
    sat = plus_days(ref, (WEEKEND - ref.weekday()) % 7 or 7)
    sun = plus_days(sat, 1) if sat else None
    return (sat, sun) if sat and sun else None


def interval(info: DateInfo, ref: datetime.date | None) -> Span | None:
    """First and last day the expression covers, or None when it can't be pinned down."""
    if info.anchor == "period":
        return None  # the article's period, moved: dates/article_dates.py
    if info.anchor == "event":
        return None  # 투표 3일 전: from an event the text does not date
    if info.century is not None:
        return century_span(info.century, info.part)
    if info.school_year and info.year is not None:
        return school_year_span(info.year)
    if info.decade is not None:
        lo, hi = _PART_OF_DECADE[info.part] if info.part else (0, 9)
        if not datetime.MINYEAR <= info.decade + lo <= info.decade + hi <= datetime.MAXYEAR:
            return None
        return datetime.date(info.decade + lo, 1, 1), datetime.date(info.decade + hi, 12, 31)
    if info.holiday is not None:
        return _holiday_span(info, ref)
    if info.precision == "part_of_week" and info.offset_unit is None:  # 오는 주말
        return _coming_weekend(ref) if ref is not None else None
    year = info.year
    if info.offset_unit is not None:
        if ref is None:
            return None
        if info.offset_unit != "year":
            return _relative_span(info, ref)
        if year is None:
            year = shift_years(ref, info.offset or 0)
            if year is None:
                return None
    return _named_span(info, year, ref)


def resolve(info: DateInfo, ref: datetime.date | None) -> DateInfo:
    """``info`` with ``resolved`` (one day) or ``resolved_start``/``resolved_end`` filled.

    A range resolves its start as usual and its end as the first matching date on or after
    the start (``12월 30일~1월 2일`` crosses the year); a range of offsets (``1~2년 전``) covers
    both ends' periods, earlier first. A time without a day stays unresolved.
    """
    span = interval(info, ref)
    if _bare_quarters(info) and ref is not None:  # 1~3분기 in November: this year's
        assert info.end is not None and info.end.quarter is not None
        span = _named_span(info, _quarter_year(info.end.quarter, ref, None), ref)
    if span is None:
        return info
    start, end = span
    if info.end is not None and info.end.offset is not None:
        far = interval(info.end, ref)  # 3∼4년 후, 1~2년 전: both ends count from ref
        if far is None:
            return info
        start, end = min(start, far[0]), max(end, far[1])
        return info.model_copy(update={"resolved_start": start, "resolved_end": end})
    if info.end is not None:
        end_info = info.end
        if end_info.year is None and end_info.decade is None and end_info.offset is None:
            end_info = end_info.model_copy(update={"relative": "next"})
        if _has_calendar_fields(end_info):
            end_span = interval(end_info, start)
            if end_span is None or end_span[1] < start:
                return info
            end = end_span[1]
        return info.model_copy(update={"resolved_start": start, "resolved_end": end})
    if info.precision in DAY_PRECISIONS and start == end:
        return info.model_copy(update={"resolved": start})
    return info.model_copy(update={"resolved_start": start, "resolved_end": end})


def _bare_quarters(info: DateInfo) -> bool:
    """A range of quarters with no year or cue (``1~3분기``): its year is the one its end
    reads by the bare quarter rule, as the end says whether the period is over (``1~3분기
    누적`` in November is this year's, though ``1분기`` alone then is next year's)."""
    end = info.end
    return (
        end is not None
        and info.quarter is not None
        and end.quarter is not None
        and info.year is None
        and end.year is None
        and info.relative is None
        and info.offset_unit is None
    )


def _has_calendar_fields(info: DateInfo) -> bool:
    return any(
        v is not None
        for v in (
            info.year,
            info.month,
            info.day,
            info.quarter,
            info.half,
            info.decade,
            info.weekday,
            info.offset,
        )
    )


def precision_of(fields: Mapping[str, Any]) -> DatePrecision:
    """The finest unit written: minute, hour, part of day, day, week, month … decade."""
    if fields.get("minute") is not None:
        return "minute"
    if fields.get("hour") is not None:
        return "hour"
    if fields.get("day_part") is not None:
        return "part_of_day"
    unit = fields.get("offset_unit")
    if unit in ("minute", "hour"):  # 30분 뒤, 3시간 전: relative times
        return unit  # type: ignore[no-any-return]
    if fields.get("holiday") is not None or fields.get("nth") is not None:
        return "day"
    if fields.get("day") is not None or fields.get("weekday") is not None or unit == "day":
        return "day"
    if unit == "week":
        return "part_of_week" if fields.get("part") else "week"
    if fields.get("month") is not None or unit == "month":
        return "part_of_month" if fields.get("part") else "month"
    if fields.get("quarter") is not None:
        return "quarter"
    if fields.get("half") is not None:
        return "half"
    if fields.get("season") is not None:
        return "season"
    if fields.get("century") is not None:
        return "part_of_century" if fields.get("part") else "century"
    if fields.get("decade") is not None:
        return "part_of_decade" if fields.get("part") else "decade"
    return "part_of_year" if fields.get("part") else "year"


def build(fields: Mapping[str, Any], end: Mapping[str, Any] | None = None) -> DateInfo:
    """A ``DateInfo`` from written fields (keys starting with ``_`` are the recognizer's notes).

    Hours become 0–23 with their part of day; the precision is derived; ``end`` is a range's end.
    """
    public = {k: v for k, v in fields.items() if not k.startswith("_")}
    if public.get("hour") is not None:
        public["hour"] = hour_of(public["hour"], public.get("day_part"))
    # a period word writes its own precision (전 분기: quarter), or none (같은 기간)
    public["precision"] = fields["_precision"] if "_precision" in fields else precision_of(public)
    if end:
        public["end"] = build(end)
    # built without pydantic's validation (a sixtieth of the Python time per sentence): the
    # fields come from the date rules' own tables; the consistency of the whole is still checked
    info = trusted(DateInfo, public)
    info._consistent()  # type: ignore[operator]  # the model validator, a plain method here
    return info
