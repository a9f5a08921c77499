"""Named days: 추석, 설날, 어린이날, 성탄절 … and the solar date each falls on in a year.

``data/dates/holidays.tsv`` gives each name its canonical holiday, its calendar and its
month and day; a lunar holiday (설날, 추석, 부처님오신날) is converted to the solar date of the
year with the ``korean-lunar-calendar`` package, imported only when such a date is resolved
(its reason and cost are in docs/dates.md). Pure: no clock.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass

from newsfigs.core.resources import read_rows, resource


@dataclass(frozen=True, slots=True)
class Holiday:
    name: str  # the canonical name (DateInfo.holiday)
    lunar: bool
    month: int
    day: int
    before: int  # days off before it that 연휴 adds (설날, 추석: 1)
    after: int
    alone: bool  # a date by itself (추석), or only before 연휴 (설 연휴)


@resource
def holidays() -> dict[str, Holiday]:
    """Every written form (spaces removed) and every canonical name → its ``Holiday``."""
    table: dict[str, Holiday] = {}
    for word, name, calendar, month, day, before, after, alone in read_rows("dates/holidays.tsv"):
        h = Holiday(
            name, calendar == "lunar", int(month), int(day), int(before), int(after), alone == "yes"
        )
        table[word.replace(" ", "")] = h
        table.setdefault(name.replace(" ", ""), dataclasses.replace(h, alone=True))
    return table


def words() -> list[str]:
    """The written forms, as in the table (a space in one may be left out)."""
    return [row[0] for row in read_rows("dates/holidays.tsv")]


def holiday_of(name: str) -> Holiday | None:
    """The holiday of a canonical or written name."""
    return holidays().get(name.replace(" ", ""))


def solar_date(h: Holiday, year: int) -> datetime.date | None:
    """The solar date of ``h`` in ``year`` (None outside the lunar table, 1000–2050)."""
    if not h.lunar:
        try:
            return datetime.date(year, h.month, h.day)
        except ValueError:
            return None
    from korean_lunar_calendar import KoreanLunarCalendar  # lazy: only for a lunar holiday

    cal = KoreanLunarCalendar()
    if not cal.setLunarDate(year, h.month, h.day, False):
        return None
    return datetime.date(cal.solarYear, cal.solarMonth, cal.solarDay)


def nearest_year(h: Holiday, ref: datetime.date, relative: str | None) -> int | None:
    """The year of a holiday written without one: ``지난`` the latest on or before ref,
    ``오는`` the next on or after it, bare the nearest of the three around ref."""
    found = [
        (d, y)
        for y in (ref.year - 1, ref.year, ref.year + 1)
        if (d := solar_date(h, y)) is not None
    ]
    if relative == "last":
        found = [(d, y) for d, y in found if d <= ref]
        return max(found)[1] if found else None
    if relative == "next":
        found = [(d, y) for d, y in found if d >= ref]
        return min(found)[1] if found else None
    if not found:
        return None
    return min(found, key=lambda dy: (abs((dy[0] - ref).days), dy[0]))[1]
