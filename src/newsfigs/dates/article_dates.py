"""The article is the context: ``이날``, ``전날``, ``이듬해`` count from the date it named last.

The recognizer resolves every expression against the reference date alone; a word whose
``DateInfo.anchor`` is ``text`` (``이날``, ``당일``, ``같은 날``, ``전날``, ``다음날``, ``이튿날``,
``이듬해``, ``그해``, ``같은 해``, ``그 다음 주``) refers instead to the day or year the
article named last before it. ``in_article`` walks a document's figures in text order, keeps the
last named day and year, and resolves those words again against them; it also reads a bare
month in the clause a named year frames (``내년 설날은 2월 6일``) and ``오늘`` after an offset
(``10년 전 오늘``). Pure: no analyzer, no clock; the rule and its edges (paragraphs, quotes,
ranges) are in docs/dates.md.
"""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Sequence

from newsfigs.core.scan import SENTENCE_END, word_before
from newsfigs.dates.calendar_spans import add_months, last_day, shift_span
from newsfigs.dates.date_scan import small
from newsfigs.dates.resolve_dates import resolve
from newsfigs.models import DateInfo, Figure

_UNKNOWN = "unknown"
"""The anchor after a range of days (이날 may be any of them) or a day left unresolved: what
counts from it is not resolved either."""


def _named(info: DateInfo) -> tuple[datetime.date | str | None, int | None]:
    """The day (or ``_UNKNOWN``) and the year a resolved date names, None for what it does not."""
    if info.resolved is not None:
        return info.resolved, info.resolved.year
    start, end = info.resolved_start, info.resolved_end
    if start is None or end is None:
        if info.day is not None or info.weekday is not None or info.offset_unit == "day":
            return _UNKNOWN, None  # 31일 that no month could hold: 이날 is that day, unknown
        return None, None
    year = start.year if start.year == end.year else None
    days = info.precision in ("day", "part_of_day", "hour", "minute")
    return (_UNKNOWN if days else None), year


def _unresolved(info: DateInfo) -> DateInfo:
    return info.model_copy(update={"resolved": None, "resolved_start": None, "resolved_end": None})


def _in_context(
    info: DateInfo,
    day: datetime.date | str | None,
    year: int | None,
) -> DateInfo:
    """``info`` (anchored to the text) resolved against the last named day or year."""
    if info.offset_unit == "year":
        if year is None:  # 그해, 이듬해 with no year before: nothing to count from
            return _unresolved(info)
        return resolve(_unresolved(info), datetime.date(year, 1, 1))
    if day == _UNKNOWN:
        return _unresolved(info)
    if isinstance(day, datetime.date):
        return resolve(_unresolved(info), day)
    if info.relative in ("ago", "later"):  # 그로부터 3일 뒤 with no day named: from nothing
        return _unresolved(info)
    return info  # no day named before: the reference date, as the recognizer resolved it


def bare_weekday(info: DateInfo) -> bool:
    """``화요일``, ``금요일 오후 3시``: a weekday with no cue, day, week or month of its own,
    read near the day the article named last (``12일 … 화요일``), as ``이날`` is."""
    return (
        info.weekday is not None
        and info.relative is None
        and info.offset is None
        and info.day is None
        and info.month is None
        and info.year is None
        and info.nth is None
        and not info.recurring
    )


_PERIOD_UNITS = {"year": 12, "month": 1}
"""Months in one ``offset_unit`` of a period word."""


_NOT_PERIODS = frozenset({"day", "part_of_day", "hour", "minute", "week", "part_of_week"})


def _names_period(info: DateInfo) -> bool:
    """Whether a figure names a period ``지난해 같은 기간`` and ``전 분기`` may count from: a
    single period coarser than a week (``1분기``, ``3월``, ``지난해``, ``상반기``), resolved or
    not (``올해`` without a reference date still names one)."""
    return info.end is None and info.precision is not None and info.precision not in _NOT_PERIODS


def _period_of(info: DateInfo) -> tuple[datetime.date, datetime.date, str] | None:
    """The first and last day and the precision of a period figure, None when unresolved."""
    start, end = info.resolved_start, info.resolved_end
    if start is None or end is None or info.precision is None:
        return None
    return start, end, info.precision


def _to_come(
    period: tuple[datetime.date, datetime.date, str] | None, ref: datetime.date | None
) -> bool:
    """The period starts after the reference date (``내년 1월``).

    Comparisons report measured changes: ``전월보다 0.4%p 하락했다`` after a sentence about
    what starts ``내년 1월`` compares no month of next year. A period to come is the one
    compared only inside its own sentence (``내년 1월 수출은 전월 대비 늘 전망``); after a
    sentence end the comparison is left unresolved rather than moved from it."""
    return period is not None and ref is not None and period[0] > ref


def _moved_period(
    info: DateInfo, period: tuple[datetime.date, datetime.date, str] | None
) -> DateInfo:
    """``info`` (``anchor: period``) resolved as the article's last period, moved by its
    offset; unresolved without one, or when it is not of the precision the word names
    (``전 분기`` after ``3월``)."""
    if period is None or info.offset is None or info.offset_unit not in _PERIOD_UNITS:
        return info
    start, end, precision = period
    if info.precision is not None and info.precision != precision:
        return info
    moved = shift_span((start, end), info.offset * _PERIOD_UNITS[info.offset_unit])
    if moved is None:
        return info
    return info.model_copy(update={"resolved_start": moved[0], "resolved_end": moved[1]})


_MINUTES = {"hour": 60, "minute": 1}


Clock = tuple[datetime.datetime, ...]
"""The readings of a named day and time: two for a bare ``3시`` (3:00 or 15:00)."""


def _clock(info: DateInfo) -> Clock | None:
    """The day and time of a figure that names both (``10일 오후 3시``), else None."""
    if info.resolved is None or info.hour is None or info.end is not None:
        return None
    day = datetime.datetime.combine(info.resolved, datetime.time())
    hours = [info.hour]
    if info.day_part is None and 0 < info.hour < HALF_DAY:
        hours.append(info.hour + HALF_DAY)  # 3시: the morning or the afternoon
    return tuple(day + datetime.timedelta(hours=h, minutes=info.minute or 0) for h in hours)


HALF_DAY = 12


def _after_clock(info: DateInfo, clock: Clock | None) -> DateInfo:
    """``3시간 전``, ``30분 뒤`` counted from the last day and time the article named: the
    day it falls on (the model keeps days, not times), when every reading of that time gives
    the same day. Unresolved without one."""
    if clock is None or info.offset is None or info.end is not None:
        return info
    if info.offset_unit not in _MINUTES or info.relative not in ("ago", "later"):
        return info
    try:
        step = datetime.timedelta(minutes=info.offset * _MINUTES[info.offset_unit])
        days = {(c + step).date() for c in clock}
    except OverflowError:
        return info
    if len(days) != 1:
        return info
    return info.model_copy(update={"resolved": days.pop()})


def _resolution(info: DateInfo) -> dict[str, datetime.date | None]:
    """The resolved fields of ``info``, to copy onto ``당시``."""
    return {
        "resolved": info.resolved,
        "resolved_start": info.resolved_start,
        "resolved_end": info.resolved_end,
    }


_CLAUSE_BREAK = small(r"[.?!,()\[\]\"'“”‘’·\n]")
AHEAD_CHARS = 30
"""How far ahead of ``전년 동기`` the period it qualifies may be named."""
HANGUL, JAMO_FINALS, FINAL_N = 0xAC00, 28, 4
"""Hangul syllables: 28 finals per vowel, the 4th is ㄴ (늘어난, 증가한, 오른)."""


def _adnominal(word: str) -> bool:
    """Whether ``word`` ends in a syllable with final ㄴ, the adnominal ending of a verb
    (``늘어난``, ``증가한``, ``오른``, ``줄어든``) that makes it modify the noun after it."""
    if not word:
        return False
    code = ord(word[-1]) - HANGUL
    return 0 <= code < 11172 and code % JAMO_FINALS == FINAL_N


def _period_ahead(figures: Sequence[Figure], i: int, text: str) -> DateInfo | None:
    """``전년 동기 대비 12% 늘어난 1분기 매출``: with no period named before, the period named
    next is the one compared when the comparison is a clause modifying it: within
    ``AHEAD_CHARS``, no comma, parenthesis, quote or sentence end between, and a verb in its
    adnominal form right before it. None otherwise (``같은 기간 … 늘어나고 … 2025년``)."""
    end = figures[i].end
    for g in figures[i + 1 :]:
        # the caller's text: composed here, so decomposed Hangul reads the same (은 = ᄋ+ᅳ+ᆫ)
        between = unicodedata.normalize("NFC", text[end : g.start])
        if len(between) > AHEAD_CHARS or _CLAUSE_BREAK.search(between):
            return None
        if g.date is not None and g.date.anchor is None and _names_period(g.date):
            words = between.split()
            if len(words) == 1 and not between[:1].isspace():
                return None  # 전년은지난해: the particle glued to the comparison, no verb
            return g.date if words and _adnominal(words[-1]) else None
    return None


def _until_after(info: DateInfo, day: datetime.date) -> DateInfo:
    """``12일 … 화요일까지``: the end of an interval begun on the last named day never lies
    before it, so a bare weekday before ``까지`` is the first such weekday after that day (a
    week later when it is the same weekday: an interval does not end on its first day)."""
    assert info.weekday is not None
    step = (info.weekday - day.weekday()) % WEEK or WEEK
    return info.model_copy(update={"resolved": day + datetime.timedelta(days=step)})


_FRAME = small(r"(?:에는|에도|엔|은|는|부터)(?=[\x20,])")
"""A particle that makes a named year the frame of its clause: ``내년 설날은``, ``2027년에는``,
and the start of a span whose end is a bare month (``2010년 2월부터 3월 사이``: 2010's March)."""


_CLAUSE_ENDINGS = ("던", "한", "된", "난", "진")
"""Adnominal endings of a verb right before ``당시``: ``암흑기였던 당시``, ``취임한 당시``."""


def _clause_before(text: str, start: int) -> bool:
    """``암흑기였던 당시``, ``구속된 당시``: a clause before ``당시`` says which time it is, not the
    date named last (``사고 당시``, a noun, still points back). The word before is read in
    composed form (a decomposed ``던`` is two characters)."""
    word = unicodedata.normalize("NFC", word_before(text, start))
    return len(word) >= 2 and word.endswith(_CLAUSE_ENDINGS)


def _bare_month(info: DateInfo) -> bool:
    """``2월 6일``, ``3월``: a month with no year, cue or offset of its own."""
    return (
        info.month is not None
        and info.year is None
        and info.relative is None
        and info.offset is None
        and info.anchor is None
        and info.end is None
        and not info.recurring
    )


def _in_framed_year(info: DateInfo, year: int, ref: datetime.date | None) -> DateInfo:
    """``내년 설날은 2월 6일``: a bare month in the clause a named year frames is of that year
    (the bare month rule would take the reference year's); the written fields stay as written."""
    framed = resolve(_unresolved(info).model_copy(update={"year": year}), ref)
    return info.model_copy(update=_resolution(framed))


def _today_then(info: DateInfo, before: Figure, text: str, start: int) -> DateInfo:
    """``10년 전 오늘``, ``1년 전 오늘``: ``오늘`` right after an offset of years or months is the
    same day that long before or after, not the reference date (the offset's own figure keeps
    its period)."""
    if before.date is None or text[before.end : start] != " ":
        return info
    prev = before.date
    if info.resolved is None or info.relative != "this" or info.offset != 0:
        return info
    if info.offset_unit != "day" or prev.end is not None or prev.offset is None:
        return info
    if prev.relative not in ("ago", "later") or prev.offset_unit not in _PERIOD_UNITS:
        return info
    day = info.resolved
    y, m = add_months(day.year, day.month, prev.offset * _PERIOD_UNITS[prev.offset_unit])
    if not datetime.MINYEAR <= y <= datetime.MAXYEAR:
        return info
    then = datetime.date(y, m, min(day.day, last_day(y, m)))  # 2월 29일 → 2월 28일
    return info.model_copy(update={"resolved": then})


WEEK = 7
UNTIL = "까지"
"""The particle that closes an interval (the ``interval``/``to`` row of ``date_words.tsv``)."""


def in_article(
    figures: Sequence[Figure], reference_date: datetime.date | None, text: str = ""
) -> list[Figure]:
    """The figures (in text order) with the text-anchored dates resolved in the article.

    Without a day named before, ``이날`` keeps the recognizer's resolution against
    ``reference_date`` (the article's own day); the argument is taken so the stage's inputs are
    explicit, and for a document with no reference date nothing relative was resolved at all.
    ``text`` is the document the figures index: a bare weekday followed by ``까지`` in it is
    read after the last named day (``_until_after``).
    """
    day: datetime.date | str | None = None
    year: int | None = None
    period: tuple[datetime.date, datetime.date, str] | None = None
    period_named = False  # a period was named before (resolved or not)
    coming: int | None = None  # end of that period's figure when the period is still to come
    clock: Clock | None = None
    last: DateInfo | None = None  # the last date named before (resolved or not)
    frame: tuple[int, int] | None = None  # (year, end) of a year framing its clause (내년에는)
    out: list[Figure] = []
    for i, f in enumerate(figures):
        info = f.date
        if info is None:
            out.append(f)
            continue
        if info.anchor == "event":  # 투표 3일 전: names no day the article's words count from
            out.append(f)
            continue
        if info.anchor == "text" and info.offset is None:  # 당시, 그때: the last named date
            if last is None or _clause_before(text, f.start):
                continue  # nothing named before, or 암흑기였던 당시: not reported
            new = info.model_copy(update=_resolution(last))
            out.append(f.model_copy(update={"date": new}) if new != info else f)
            continue
        if info.anchor == "period":  # refers back: it names no day, year or period itself
            ahead = None if period_named else _period_ahead(figures, i, text)
            if not period_named and ahead is None:
                continue  # 전년 동기 with no period before: nothing it could be, not reported
            if ahead is None and coming is not None and SENTENCE_END.search(text, coming, f.start):
                out.append(f)  # the last period is to come and told in another sentence
                continue
            new = _moved_period(info, period if ahead is None else _period_of(ahead))
            out.append(f.model_copy(update={"date": new}) if new != info else f)
            continue
        if _names_period(info):
            period, period_named = _period_of(info), True
            coming = f.end if _to_come(period, reference_date) else None
        if info.offset_unit in _MINUTES:  # 3시간 뒤: the day of the last named time, moved
            new = _after_clock(info, clock)
            out.append(f.model_copy(update={"date": new}) if new != info else f)
            continue
        if info.anchor == "text" or (bare_weekday(info) and day is not None):
            until = text.startswith(UNTIL, f.end) and info.anchor is None
            if until and isinstance(day, datetime.date):
                new = _until_after(info, day)
            else:
                new = _in_context(info, day, year)
            if new != info:
                f = f.model_copy(update={"date": new})
                info = new
        if i and info.offset_unit == "day":
            new = _today_then(info, figures[i - 1], text, f.start)
            if new != info:
                f = f.model_copy(update={"date": new})
                info = new
        if (
            frame is not None
            and _bare_month(info)
            and not SENTENCE_END.search(text, frame[1], f.start)  # the frame ends with it
        ):
            new = _in_framed_year(info, frame[0], reference_date)
            if new != info:
                f = f.model_copy(update={"date": new})
                info = new
        clock = _clock(info) or clock
        last = info
        named_day, named_year = _named(info)
        if named_day is not None:
            day = named_day
        if named_year is not None:
            year = named_year
        if info.year is not None or info.offset_unit == "year":  # 2027년, 내년 (설날): a year
            framing = named_year is not None and _FRAME.match(text, f.end) is not None
            frame = (named_year, f.end) if framing and named_year is not None else None
        out.append(f)
    return out
