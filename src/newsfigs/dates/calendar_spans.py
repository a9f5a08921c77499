"""Spans of whole calendar units: months, seasons, centuries, school years, holidays.

The small date arithmetic ``resolve_dates`` builds on (``add_months``, ``last_day``), and the
periods that have one fixed shape whatever the cue: a meteorological season (winter runs from
December into February), a century and its thirds, a school year (March to February), a
holiday and its days off. Pure: no clock; the rules are in docs/dates.md.
"""

from __future__ import annotations

import calendar
import datetime

from newsfigs.dates.holidays import holiday_of, nearest_year, solar_date
from newsfigs.models import DateInfo

Span = tuple[datetime.date, datetime.date]

_PART_OF_CENTURY = {"early": (0, 29), "mid": (30, 69), "late": (70, 99)}
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
"""Meteorological seasons: three months from this one (winter runs into the next year)."""


def century_span(century: int, part: str | None) -> Span:
    """``21세기`` → 2001–2100; ``19세기 말`` → its last 30 years (1871–1900)."""
    first = (century - 1) * 100 + 1
    lo, hi = _PART_OF_CENTURY[part] if part else (0, 99)
    return datetime.date(first + lo, 1, 1), datetime.date(first + hi, 12, 31)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> datetime.date | None:
    """The ``nth`` ``weekday`` (0 = Monday) of the month; ``nth`` -1 is the last one."""
    if not (datetime.MINYEAR <= year <= datetime.MAXYEAR and 1 <= month <= 12):
        return None
    days = last_day(year, month)
    first = (weekday - datetime.date(year, month, 1).weekday()) % 7 + 1
    if nth == -1:
        return datetime.date(year, month, first + (days - first) // 7 * 7)
    day = first + 7 * (nth - 1)
    return datetime.date(year, month, day) if nth >= 1 and day <= days else None


def school_year_span(year: int) -> Span | None:
    """``2027학년도``: March 2027 to the end of February 2028."""
    end = months_span(year + 1, 2, 2)
    return (datetime.date(year, 3, 1), end[1]) if end else None


def calendar_date(year: int, month: int, day: int) -> datetime.date | None:
    """The date, or None when the calendar has no such day (``2월 30일``)."""
    if not (datetime.MINYEAR <= year <= datetime.MAXYEAR and 1 <= month <= 12):
        return None
    if not 1 <= day <= last_day(year, month):
        return None
    return datetime.date(year, month, day)


def last_day(year: int, month: int) -> int:
    """Number of days in ``year``-``month``."""
    return calendar.monthrange(year, month)[1]


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    """``(year, month)`` shifted by ``k`` months."""
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def shift_span(span: Span, months: int) -> Span | None:
    """``span`` moved by whole ``months`` (a year is 12): each end keeps its day, and an end
    on a month's last day stays on the last day (2024-02-29 → 2025-02-28, and back)."""
    out: list[datetime.date] = []
    for d in span:
        y, m = add_months(d.year, d.month, months)
        if not datetime.MINYEAR <= y <= datetime.MAXYEAR:
            return None
        at_end = d.day == last_day(d.year, d.month)
        day = last_day(y, m) if at_end else min(d.day, last_day(y, m))
        out.append(datetime.date(y, m, day))
    return out[0], out[1]


def plus_days(d: datetime.date, days: int) -> datetime.date | None:
    """``d`` plus ``days``, or None past the calendar's ends."""
    try:
        return d + datetime.timedelta(days=days)
    except OverflowError:
        return None


def months_span(year: int, first: int, last: int) -> Span | None:
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        return None
    return datetime.date(year, first, 1), datetime.date(year, last, last_day(year, last))


def shift_years(ref: datetime.date, k: int) -> int | None:
    y = ref.year + k
    return y if datetime.MINYEAR <= y <= datetime.MAXYEAR else None


def season_span(season: str, year: int) -> Span | None:
    """The three months of ``season`` starting in ``year`` (winter: December to February)."""
    first = _SEASON_START[season]
    y2, m2 = add_months(year, first, 2)
    if not datetime.MINYEAR <= year <= y2 <= datetime.MAXYEAR:
        return None
    return datetime.date(year, first, 1), datetime.date(y2, m2, last_day(y2, m2))


def season_near(season: str, ref: datetime.date, relative: str | None) -> Span | None:
    """``지난 겨울``: the latest such season over before ref; ``오는 여름``: the first to start
    after it; bare: not resolved."""
    spans = [s for y in range(ref.year - 2, ref.year + 2) if (s := season_span(season, y))]
    if relative == "last":
        return max((s for s in spans if s[1] < ref), default=None)
    if relative == "next":
        return min((s for s in spans if s[0] > ref), default=None)
    return None


def holiday_span(info: DateInfo, ref: datetime.date | None) -> Span | None:
    """The day of a named holiday (or its days off with 연휴) in the year written, the year
    of the offset (올해, 지난해) or, bare, the occurrence nearest to ref (docs/dates.md)."""
    h = holiday_of(info.holiday or "")
    if h is None:
        return None
    year = info.year
    if year is None and ref is not None:
        if info.offset_unit == "year":
            year = shift_years(ref, info.offset or 0)
        elif info.offset_unit is None:
            rel = info.relative if info.relative in ("last", "next") else None
            year = nearest_year(h, ref, rel)
    day = solar_date(h, year) if year is not None else None
    if day is None:
        return None
    if not info.holiday_break:
        return day, day
    start, end = plus_days(day, -h.before), plus_days(day, h.after)
    return (start, end) if start and end else None
