"""A weekday written as the check of a day: ``일요일인 21일``, ``토요일인 27일 오전``.

News names the weekday first and the day after it, joined by ``인`` ("the Sunday that is the
21st"). The two are separate figures (as both dev corpora write them), but one day: read alone,
the weekday went to the nearest Sunday and the day to the bare-day rule, two different dates
for one. Here both take the day N of the reference month or a neighbour that falls on that
weekday: the day as its verb's tense placed it when the weekday agrees, else the nearest month
whose day N falls on it, as ``21일(일)`` is read (``resolve_dates.day_with_weekday``). Neither
is resolved when no such month is near: the weekday and the day disagree with the reference
date, so any date would be a guess.
"""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Sequence

from newsfigs.dates.resolve_dates import day_with_weekday
from newsfigs.models import DateInfo, Figure

_JOINER = ("인 ", "인")
"""What stands between the weekday and its day: the copula's adnominal form."""


def _lone_weekday(info: DateInfo) -> bool:
    """A weekday alone (``일요일``): no day, month, cue or range of its own."""
    return (
        info.weekday is not None
        and info.day is None
        and info.month is None
        and info.year is None
        and info.relative is None
        and info.offset is None
        and info.nth is None
        and info.end is None
        and not info.recurring
    )


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


def _resolved(info: DateInfo, day: datetime.date | None) -> DateInfo:
    return info.model_copy(update={"resolved": day, "resolved_start": None, "resolved_end": None})


def paired_weekdays(
    figures: Sequence[Figure], text: str, reference_date: datetime.date | None
) -> list[Figure]:
    """``figures`` (in text order) with each ``X요일인 N일`` pair resolved to one day or none.

    ``text`` is the string the figures index (the caller's, in any normalization form).
    Without a reference date nothing is resolved, so nothing changes.
    """
    out = list(figures)
    if reference_date is None:
        return out
    for i in range(len(out) - 1):
        week, day = out[i], out[i + 1]
        wi, di = week.date, day.date
        if wi is None or di is None or not _lone_weekday(wi) or not _lone_day(di):
            continue
        if unicodedata.normalize("NFC", text[week.end : day.start]) not in _JOINER:
            continue
        assert wi.weekday is not None and di.day is not None
        found = di.resolved  # the day as its tense read it, when the weekday agrees
        if found is None or found.weekday() != wi.weekday:
            found = day_with_weekday(di.day, wi.weekday, reference_date, di.relative)
        out[i] = week.model_copy(update={"date": _resolved(wi, found)})
        out[i + 1] = day.model_copy(update={"date": _resolved(di, found)})
    return out
