"""Two dates written as one day: ``일요일인 21일``, ``월요일인 오늘``, ``다음 날인 14일``.

News names a day twice, joined by ``인`` ("the Sunday that is the 21st", "the next day, the
14th"). The two are separate figures (as both dev corpora write them) but one day; read apart,
each went its own way (``일요일`` to the nearest Sunday, ``21일`` to the bare-day rule, ``다음
날`` to the day after the reference date), two dates for one day. Here they get one:

- a weekday before a day of the month or a relative day (``오늘``, ``내일``) is the writer's
  check of that day: the day as the article read it when the weekday agrees, else (a day of the
  month) the nearest month whose day N falls on it, as ``21일(일)`` is read
  (``resolve_dates.day_with_weekday``); neither is resolved when no such day is near, since
  any date would be a guess;
- a relative day before a day of the month (``다음 날인 14일``, ``전날인 13일``) is that day:
  the written number wins.
"""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Sequence

from newsfigs.dates.article_dates import bare_weekday
from newsfigs.dates.resolve_dates import day_with_weekday
from newsfigs.models import DateInfo, Figure

_JOINER = ("인 ", "인")
"""What stands between the two: the copula's adnominal form."""


def _lone_weekday(info: DateInfo) -> bool:
    """A weekday alone (``일요일``), as the article stage reads one, and no range's start."""
    return bare_weekday(info) and info.end is None


def _lone_day(info: DateInfo) -> bool:
    """A day without month or weekday (``21일``, ``27일 오전``), possibly with ``지난``/``오는``."""
    return (
        info.day is not None
        and info.month is None
        and info.year is None
        and info.weekday is None
        and info.offset is None
        and info.end is None
        and info.relative in (None, "last", "next")
    )


def _relative_day(info: DateInfo) -> bool:
    """A day counted from another (``오늘``, ``내일``, ``다음 날``, ``전날``): nothing else."""
    return (
        info.offset_unit == "day"
        and info.offset is not None
        and info.day is None
        and info.weekday is None
        and info.month is None
        and info.year is None
        and info.end is None
        and not info.recurring
    )


def _on(info: DateInfo, day: datetime.date | None) -> DateInfo:
    return info.model_copy(update={"resolved": day, "resolved_start": None, "resolved_end": None})


def _one_day(
    first: DateInfo, second: DateInfo, ref: datetime.date
) -> tuple[datetime.date | None] | None:
    """``(day,)``: the day both name (None when they disagree); None when they are no pair."""
    if _lone_weekday(first) and (_lone_day(second) or _relative_day(second)):
        assert first.weekday is not None
        found = second.resolved  # the day as the article read it, when the weekday agrees
        if found is not None and found.weekday() == first.weekday:
            return (found,)
        if second.day is None:
            return (None,)
        return (day_with_weekday(second.day, first.weekday, ref, second.relative),)
    if _relative_day(first) and _lone_day(second):
        return (second.resolved,)
    return None


def apposed_days(
    figures: Sequence[Figure], text: str, reference_date: datetime.date | None
) -> list[Figure]:
    """``figures`` (in text order) with each pair of dates joined by ``인`` made one day.

    ``text`` is the string the figures index (the caller's, in any normalization form).
    Without a reference date nothing was resolved, so nothing changes.
    """
    out = list(figures)
    if reference_date is None:
        return out
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        fi, si = first.date, second.date
        if fi is None or si is None:
            continue
        if unicodedata.normalize("NFC", text[first.end : second.start]) not in _JOINER:
            continue
        pair = _one_day(fi, si, reference_date)
        if pair is None:
            continue
        out[i] = first.model_copy(update={"date": _on(fi, pair[0])})
        out[i + 1] = second.model_copy(update={"date": _on(si, pair[0])})
    return out
