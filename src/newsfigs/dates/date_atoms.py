"""Date atoms: one number with its unit, one word, one ISO date or one clock time.

``atoms`` walks the matches of ``DateWords.atoms`` and keeps those that are dates in context:
a word on morpheme boundaries, a number whose unit is a calendar unit and is no length
(``3일 동안``), no rate (``1일 2회``) and no quantity of days (``3일치``), a native count only
with ``전``/``후``/``뒤``. ``find_dates`` joins the atoms into expressions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsfigs.core.analyzer import Analysed
from newsfigs.dates import resolve_dates as dates
from newsfigs.dates.date_lexicon import POSITIONS, DateWords
from newsfigs.dates.date_numbers import (
    NOUN_TAGS,
    direction_after,
    length_after,
    length_before,
    noun_before,
    offset_after,
    whole_after,
    year_before_noun,
)
from newsfigs.dates.date_scan import Match
from newsfigs.dates.date_years import bare_year, event_year, past_year
from newsfigs.dates.holidays import holiday_of
from newsfigs.numbers import parse_number
from newsfigs.units import TimeUnit


@dataclass(slots=True)
class Atom:
    start: int
    end: int
    slots: tuple[str, ...]
    fields: dict[str, Any]
    numeric: bool = True  # may be part of the end of a range
    terminal: bool = False  # nothing finer may follow


def _word_atom(a: Analysed, m: Match, lex: DateWords) -> Atom | None:
    s, e = m.span()
    if s not in a.starts or e not in a.ends:
        return None
    role, value, extra = lex.words[m.group().replace(" ", "")]
    if role in ("day", "week", "month", "year", "year_prefix"):
        last = next((t for t in a.tokens_in(e - 1, e) if t.end == e), None)
        if last is not None and last.tag.startswith("V"):
            return None  # 내달라는 is 내/VV 달/VX (give me), not 내달 (next month)
        k = int(value)
        if role == "day" and extra != "text" and a.tag_at.get(e) in _figurative_after(k):
            return None  # 내일을 위한 투자, 내일의 주역: the future, not the next day
        unit = "year" if role == "year_prefix" else role
        rel = "last" if k < 0 else "next" if k > 0 else "this"
        f: dict[str, Any] = {"offset": k, "offset_unit": unit, "relative": rel, "_rel": True}
        if role == "year_prefix":
            f["_needs_more"] = True
        if extra == "text":  # 이날, 전날, 이듬해: counted from the article's last named date
            if noun_before(a, s):
                return None  # 사고 당일, 시위 이튿날: the day of an event the text does not date
            f["anchor"] = "text"
        return Atom(s, e, (_REL_SLOT[unit],), f, numeric=False)
    if role == "period":  # 지난해 같은 기간, 전년 동기, 전 분기: the article's last period, moved
        unit, precision = extra.split("/")
        k = int(value)
        f = {
            "relative": "last" if k < 0 else "this",
            "offset": k,
            "offset_unit": unit,
            "anchor": "period",
            "_precision": None if precision == "-" else precision,
            "_rel": True,
        }
        return Atom(s, e, ("sub",), f, numeric=False, terminal=True)
    if role == "then":  # 당시, 그때: the date the article named last, whatever it was
        if noun_before(a, s, _THEN_BEFORE):
            return None  # 사고 당시: an event's time; 2020년 당시: the date just written
        f = {"relative": "this", "anchor": "text", "_precision": None, "_rel": True}
        return Atom(s, e, ("cue",), f, numeric=False, terminal=True)
    if role == "weekend":  # 이번 주말, 지난 주말: the Saturday and Sunday of a week
        if value == "next":  # 오는 주말: the first one not begun, whichever week it is in
            f = {"relative": "next", "part": "late", "_precision": "part_of_week", "_rel": True}
            return Atom(s, e, ("week",), f, numeric=False, terminal=True)
        k = int(value)
        rel = "last" if k < 0 else "next" if k > 0 else "this"
        f = {"offset": k, "offset_unit": "week", "relative": rel, "part": "late", "_rel": True}
        return Atom(s, e, ("week",), f, numeric=False, terminal=True)
    if role == "cue":
        return Atom(s, e, ("cue",), {"relative": value, "_needs_more": True}, numeric=False)
    if role == "half":
        return Atom(s, e, ("sub",), {"half": int(value)}, numeric=False, terminal=True)
    if role == "season":  # 올여름, 지난 겨울, 2025년 가을: never alone (여름 휴가)
        if a.tag_at.get(s) != "NNG":
            return None
        if extra == "this":  # 올여름: one word, this year's summer
            f = {"season": value, "relative": "this", "offset": 0, "offset_unit": "year"}
            return Atom(s, e, ("year", "sub"), f, numeric=False, terminal=True)
        f = {"season": value, "_needs_more": True}
        return Atom(s, e, ("sub",), f, numeric=False, terminal=True)
    if role == "year_part":
        return Atom(s, e, ("sub",), {"part": value}, numeric=False, terminal=True)
    if role == "nth_week":  # 둘째 주 (일요일): a weekday must follow (find_dates._valid)
        return Atom(s, e, ("day",), {"nth": int(value), "_needs_weekday": True}, numeric=False)
    if role == "weekday":
        return Atom(s, e, ("weekday",), {"weekday": int(value)}, numeric=False)
    if role == "day_part":
        if not a.tag_at.get(s, "").startswith("NN") or a.tag_at.get(e) in NOUN_TAGS:
            return None  # 낮은 (low) is not 낮 (daytime); 새벽배송 is a delivery service
        f = {"day_part": value}
        if value in ("noon", "midnight"):
            f["hour"] = 12 if value == "noon" else 0
        if extra != "alone":
            f["_attached"] = True
        return Atom(s, e, ("daypart",), f)
    return None


def _figurative_after(offset: int) -> frozenset[str]:
    """Particles after which ``내일``/``모레`` is no day but the future: an object (``내일을
    위한 투자``) or a genitive (``내일의 주역``). ``오늘을 살아가는``, ``오늘의 일정`` stay
    the reference date: the present, as figurative as it is, is the article's day."""
    return _FUTURE_FIGURATIVE if offset > 0 else frozenset()


_FUTURE_FIGURATIVE = frozenset({"JKO", "JKG"})


_THEN_BEFORE = frozenset({*NOUN_TAGS, "NNB", "SN"})
"""Right before ``당시``: a noun (``사고 당시``) or a date's unit (``2020년 당시``)."""


_REL_SLOT = {"day": "day", "week": "week", "month": "month", "year": "year"}


def _ago(
    a: Analysed,
    lex: DateWords,
    s: int,
    e: int,
    n: int,
    unit: TimeUnit,
    n2: int | None = None,
    yeo: bool = False,
) -> Atom | None:
    """``3일 전``, ``1년 반 전``, ``3∼4년 후``, ``2분기 전`` (6 months): a relative date, or
    None without 전/후/뒤."""
    assert unit.offset is not None
    far = n2 * unit.per if n2 is not None else None
    off = offset_after(a, e, n * unit.per, far, unit.offset, yeo)
    if off is None:
        return None
    if lex.anaphor_before.search(a.text, max(0, s - 6), s):
        if unit.offset not in ("hour", "minute"):  # a relative time counts from the last
            off.fields["anchor"] = "text"  # named time anyway; 그로부터 3일 뒤: the last day
    elif noun_before(a, s):  # 투표 3일 전, 개막 한 달 전: counted from an event the text names
        off.fields["anchor"] = "event"
    return Atom(s, off.end, ("cue",), off.fields, numeric=False, terminal=True)


_NATIVE_TAGS = frozenset({"NR", "MM", "NNG", "NNB"})  # 두/MM 달, not 너/NP


def _count_atom(a: Analysed, m: Match, lex: DateWords) -> Atom | None:
    """``이틀 전``, ``일주일 뒤``, ``두 달 전``, ``두 분기 전``: a native count of a unit of time,
    a date only with 전/후/뒤 after it."""
    s, e = m.span()
    if s not in a.starts or e not in a.ends:
        return None
    if m.lastgroup == "day_word":
        n, unit = lex.day_words[m.group()]
        return _ago(a, lex, s, e, n, unit)
    if any(tok.tag not in _NATIVE_TAGS for tok in a.tokens_in(s, m.end("nn"))):
        return None
    return _ago(a, lex, s, e, int(parse_number(m.group("nn"))), lex.offsets[m.group("nu")])


def _num_atom(a: Analysed, m: Match, lex: DateWords, after_hour: bool = False) -> Atom | None:
    """A number with its unit; ``after_hour``: right after an hour (``3시 30분 전`` is a time
    before 3:30, never "30 minutes ago")."""
    text = a.text
    s, e = m.span()
    raw1, raw2, raw_apos, raw_yeo, unit = m.group("n1", "n2", "apos", "yeo", "unit")
    u0 = e - len(unit)
    if a.tag_at.get(u0) not in ("NNB", "NNG") or (unit in ("시", "분") and a.tag_at[u0] != "NNB"):
        return None  # 3시장, 5시즌 …
    n1 = int(raw1)
    n2 = int(raw2) if raw2 is not None else None
    apos = raw_apos is not None
    if apos and unit not in ("년", "년도", "년대"):
        return None
    digits = len(raw1)
    yeo = raw_yeo is not None
    offset = lex.offsets.get(unit)
    if offset is not None and after_hour and offset.offset == "minute":
        offset = None
    if offset is not None and not (unit == "년" and digits == 4):
        ago = _ago(a, lex, s, e, n1, offset, n2, yeo)
        if ago is not None or yeo:
            return ago
        if direction_after(a, e) and not whole_after(a, e, lex.whole_nouns):
            return None  # 2분기 전 실적: 전 is "ago" or 全 "all", so neither Q2 nor a length
    if yeo or (offset is not None and unit not in POSITIONS):
        return None
    year_noun = unit == "년" and digits == 4 and year_before_noun(a, e, lex.length_nouns)
    if not year_noun and unit != "월" and length_after(a, e):  # 2월 내: a month, never a length
        return None
    if unit == "일" and (
        lex.not_day.match(text, e) or (n1 == 1 and n2 is None and lex.per_day.match(text, e))
    ):
        return None
    if unit == "년대":
        if n1 % 10 or digits not in (2, 4):
            return None
        decade = n1 if digits == 4 else dates.two_digit_year(n1)
        f: dict[str, Any] = {"decade": decade}
        if n2 is not None and raw2 is not None:  # 1980~1990년대, 1980~90년대
            last = n2 if len(raw2) == 4 else decade - decade % 100 + n2
            if n2 % 10 or len(raw2) not in (2, 4) or not decade < last <= 2190:
                return None
            f["_end"] = {"decade": last}
        return Atom(s, e, ("year",), f, terminal=n2 is not None)
    if unit in ("년", "년도"):
        marked = apos or unit == "년도" or raw1[0] == "0" or past_year(text, s, n1, lex)
        marked = marked or (n2 is None and digits == 2 and bare_year(a, s, e, n1, lex))
        marked = marked or (digits == 2 and event_year(a, s, e, n1, n2, lex))
        return _year_atom(s, e, n1, digits, n2, raw2, marked)
    if unit in ("월", "일") and length_before(text, s):
        return None
    lo, hi, slot, key = _RANGES[unit]
    if not lo <= n1 <= hi or (n2 is not None and (not lo <= n2 <= hi or n2 == n1)):
        return None
    if unit == "분기" and n2 is not None and n2 < n1:
        return None
    f = {key: n1}
    if n2 is not None:
        f["_end"] = {key: n2}
    return Atom(s, e, (slot,), f, terminal=unit == "분기" or n2 is not None)


_RANGES = {
    "월": (1, 12, "month", "month"),
    "일": (1, 31, "day", "day"),
    "분기": (1, 4, "sub", "quarter"),
    "시": (0, 24, "hour", "hour"),
    "분": (0, 59, "minute", "minute"),
}


def _year_atom(
    s: int, e: int, n1: int, digits: int, n2: int | None, raw2: str | None, marked: bool
) -> Atom | None:
    """4-digit years 1100–2199 are years; 2-digit ones need ' or 도 or a finer neighbour."""
    if digits == 4:
        year = n1
        if not 1100 <= year <= 2199:
            return None
    elif digits == 2:
        year = dates.two_digit_year(n1)
    else:
        return None
    f: dict[str, Any] = {"year": year}
    if digits == 2 and not marked:
        f["_two_digit"] = True
    if n2 is not None and raw2 is not None:
        end = n2 if len(raw2) == 4 else year - year % 100 + n2 if len(raw2) == 2 else -1
        if not year < end <= 2199:
            return None
        f["_end"] = {"year": end}
    return Atom(s, e, ("year",), f, terminal=n2 is not None)


_MINUTE = TimeUnit("분", "minute", 1)
HOURS_ON_CLOCK = 12
"""A spoken hour is counted on a 12-hour clock (네 시, 열두 시)."""


def _spoken_atom(a: Analysed, m: Match, lex: DateWords, after_hour: bool) -> Atom | None:
    """``네 시``, ``열두 시`` (a native hour, then a time only with a part of day or minutes:
    see ``find_dates._valid``), ``사십오분`` after an hour, ``삼십분 전`` (30 minutes ago)."""
    s, e = m.span()
    if s not in a.starts or e not in a.ends or a.tag_at.get(e - 1) != "NNB":
        return None
    if m.lastgroup == "spoken_hour":
        if any(tok.tag not in _NATIVE_TAGS for tok in a.tokens_in(s, m.end("sh"))):
            return None
        hour = int(parse_number(m.group("sh")))
        if not 1 <= hour <= HOURS_ON_CLOCK:
            return None
        return Atom(s, e, ("hour",), {"hour": hour, "_spoken": True})
    if a.tag_at.get(s) != "NR":
        return None  # 이 분 (this person)
    try:
        n = int(parse_number(m.group("sm")))
    except ValueError:
        return None
    if after_hour:
        return Atom(s, e, ("minute",), {"minute": n}) if 0 <= n <= 59 else None
    if len(m.group("sm")) < 2:  # 이분 전, 일분: too often another word; 삼십분 전, 십분 뒤
        return None
    return _ago(a, lex, s, e, n, _MINUTE)


def _spoken_date(a: Analysed, m: Match, lex: DateWords) -> Atom | None:
    """``이천이십삼년 유월 십일``: a date spelled in Hangul (never 2023 years). A year alone is
    left to the figures recognizer's reading unless a month follows."""
    s, e = m.span()
    if s not in a.starts or e not in a.ends or m.group("spm") is None:
        return None
    try:
        year = int(parse_number(m.group("spy")))
        day = int(parse_number(m.group("spd"))) if m.group("spd") else None
    except ValueError:
        return None
    if not 1100 <= year <= 2199 or (day is not None and not 1 <= day <= 31):
        return None
    f: dict[str, Any] = {"year": year, "month": lex.month_names[m.group("spm")]}
    slots: tuple[str, ...] = ("year", "month")
    if day is not None:
        f["day"], slots = day, (*slots, "day")
    return Atom(s, e, slots, f)


def _holiday_atom(a: Analysed, m: Match) -> Atom | None:
    """``추석``, ``설 연휴``, ``어린이날``: a named day (``data/dates/holidays.tsv``)."""
    s, e = m.span()
    if s not in a.starts or e not in a.ends:
        return None
    h = holiday_of(m.group("hw"))
    brk = m.group("brk") is not None
    if h is None or not (h.alone or brk):
        return None
    if a.tag_at.get(e) in NOUN_TAGS or a.tag_at.get(e) == "XSN":
        return None  # 설날맞이, 추석선물: the first half of a compound noun
    f: dict[str, Any] = {"holiday": h.name}
    if brk:
        f["holiday_break"] = True
    return Atom(s, e, ("holiday",), f, numeric=False)


def _quarter_atom(a: Analysed, m: Match) -> Atom | None:
    """``3·4분기``, ``3/4분기`` (the third of four quarters), ``3Q``, ``3Q25`` (of 2025)."""
    s, e = m.span()
    if s not in a.starts or e not in a.ends or length_after(a, e):
        return None
    if m.lastgroup == "qslash":
        return Atom(s, e, ("sub",), {"quarter": int(m.group("qn"))}, terminal=True)
    f: dict[str, Any] = {"quarter": int(m.group("qq"))}
    if m.group("qy") is None:
        return Atom(s, e, ("sub",), f, terminal=True)
    f["year"] = dates.two_digit_year(int(m.group("qy")))
    return Atom(s, e, ("year", "sub"), f, terminal=True)


_TITLE_ENDS = "〉》」』’”]"
"""Closing marks of a title: a lone ``(2000)`` after one is its year."""


def _year_label(a: Analysed, m: Match) -> Atom | None:
    """``2015시즌``, ``2025∼2026 시즌``: a year without ``년`` counted in a unit of the
    ``year_label`` rows (the span ends after it, as after ``년``); ``〈반칙왕〉(2000)``: a
    year alone in parentheses right after a title, ``소세키(1867~1916)`` two years after a
    name (the span is the years)."""
    s, e = m.span()
    if s not in a.starts or e not in a.ends or a.tag_at.get(e) in (*NOUN_TAGS, "XSN"):
        return None  # 2015 시즌권: a season ticket
    year = int(m.group("ly"))
    f: dict[str, Any] = {"year": year}
    raw2 = m.group("ly2")
    if m.lastgroup == "yparen" and raw2 is None and a.text[s - 2] not in _TITLE_ENDS:
        return None  # 코스피(2000) is an index level; 〈반칙왕〉(2000) a film's year
    if raw2 is not None:
        end = int(raw2) if len(raw2) == 4 else year - year % 100 + int(raw2)
        if end <= year:  # 2025∼2026 시즌, 2025-26 시즌, 2020~2025 시즌
            return None
        f["_end"] = {"year": end}
    return Atom(s, e, ("year",), f, terminal=True)


def atoms(a: Analysed, lex: DateWords) -> list[Atom]:
    """The atoms of ``a`` in text order, none inside another."""
    out: list[Atom] = []
    text = a.text
    for m in lex.atoms.finditer(text):
        kind = m.lastgroup
        atom: Atom | None
        f: dict[str, Any]
        if kind == "word":
            atom = _word_atom(a, m, lex)
        elif kind == "num":
            after_hour = bool(out) and "hour" in out[-1].slots
            after_hour = after_hour and text[out[-1].end : m.start()] in ("", " ")
            atom = _num_atom(a, m, lex, after_hour)
        elif kind in ("day_word", "native"):
            atom = _count_atom(a, m, lex)
        elif kind == "spoken_date":
            atom = _spoken_date(a, m, lex)
        elif kind in ("century", "school"):
            s, e = m.span()
            ok = s in a.starts and e in a.ends and not length_after(a, e)
            if kind == "century":
                n = int(m.group("cn"))
                f = {"century": n}
                ok = ok and 1 <= n <= 99
            else:
                year = int(m.group("sy"))
                f = {"year": year, "school_year": True}
                ok = ok and 1100 <= year <= 2199
            atom = Atom(s, e, ("year",), f, terminal=kind == "school") if ok else None
        elif kind == "latin_clock":
            f = {"day_part": "am" if m.group("ap") in "Aa" else "pm", "hour": int(m.group("lh"))}
            slots: tuple[str, ...] = ("daypart", "hour")
            if m.group("lm") is not None:
                f["minute"], slots = int(m.group("lm")), (*slots, "minute")
            atom = Atom(*m.span(), slots, f)
        elif kind in ("spoken_hour", "spoken_min"):
            after_hour = bool(out) and "hour" in out[-1].slots
            after_hour = after_hour and text[out[-1].end : m.start()] in ("", " ")
            atom = _spoken_atom(a, m, lex, after_hour)
        elif kind == "holiday":
            atom = _holiday_atom(a, m)
        elif kind in ("qslash", "qlatin"):
            atom = _quarter_atom(a, m)
        elif kind in ("ylabel", "yparen"):
            atom = _year_label(a, m)
        elif kind == "iso":
            y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
            ok = 1 <= mo <= 12 and 1 <= d <= 31
            f = {"year": y, "month": mo, "day": d}
            atom = Atom(*m.span(), ("year", "month", "day"), f) if ok else None
        else:  # hm
            f = {"hour": int(m.group("hh")), "minute": int(m.group("mm")), "_hm": True}
            atom = Atom(*m.span(), ("hour", "minute"), f)
        if atom is not None and (not out or atom.start >= out[-1].end):
            out.append(atom)  # not 6개월 전 again inside 3년 6개월 전
    return out
