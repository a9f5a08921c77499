"""Durations: when a number with 년/일/주/분기 is a length of time, and where its span ends.

``년``, ``일``, ``주`` and ``분기`` after a number are just as often a date (``2026년``,
``22일``, ``1분기``) or shares (``100주``), so they are durations only when the number cannot be
a date, or a word around it marks a length: a cue after the unit (``5년간``, ``3일 연속``,
``10년 만에``), a bound (``30일 이상``) or a word before the number (``최근 3일``, ``임기 10년``).
A duration followed by ``전``/``후``/``뒤`` is a relative date (``1년 전``), the date
recognizer's. ``3년 6개월`` and ``7시간 30분`` are one duration in the smaller unit. The cue
words are data (``data/shared/duration_words.tsv``), and so are the units that take ``전`` and
the months of a quarter (``data/shared/time_units.tsv``); the rules are here. See
docs/figures.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from newsfigs.core.analyzer import Analysed
from newsfigs.core.resources import read_rows, read_words, resource
from newsfigs.core.scan import literal_alternation
from newsfigs.figures.figure_context import after_qualifier
from newsfigs.figures.figure_patterns import Patterns
from newsfigs.models import Bound
from newsfigs.numbers import BIG_UNITS
from newsfigs.units import UnitEntry, quantity, time_units

CALENDAR = frozenset({"년", "일", "주", "분기"})  # units that are dates (or shares) by default
_HALVES = frozenset({"시간", "개월", "년", "달", "해"})  # units that take 반 (half)
_CUE_TAGS = frozenset({"NNG", "NNB", "XSN", "MAG"})  # not 만/JX (3년만: only), 치르/VV
_NOUN_TAGS = frozenset({"NNG", "NNB"})  # 1년 안에 (within), not 안/MAG (3일 안 나왔다)
_TERM_TAGS = frozenset({"NNG", "NNB", "NNP", "XSN"})  # 3년물, 4년제, 1년생: a term, not a length
# compound durations: the larger unit and the next smaller one, with their exact ratio
_STEPS = {("year", "month"): 12, ("hour", "minute"): 60, ("minute", "second"): 60}
_MAX_DAY = 31  # a day number above this is no date: 100일 is a length
_MAX_QUARTER = 4
_MAX_WEEKS = 52  # 2주 이상 is weeks; 1,000주 이상 is shares
_HALF = Decimal("0.5")
_DIGITS = regex.compile(r"\d++")
# 10초26, 1분45초28: a race time's hundredths glued after 초 (exactly two digits, then no digit)
_HUNDREDTHS = regex.compile(r"\d\d(?![\d.,])")
_SECOND = "초"
_HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Length:
    """What the words after a duration unit add: the span end, a half, 여, a bound."""

    end: int
    value: Decimal
    high: Decimal | None
    approximate: bool
    bound: Bound | None


_FIRST_YEAR, _LAST_YEAR = 1100, 2199


def is_year(numeral: str) -> bool:
    """A written number (or either end of a range) that reads as a calendar year, 1100–2199;
    never one with a big unit (``1만 2000년 동안`` is 12,000 years)."""
    if any(ch in BIG_UNITS for ch in numeral):
        return False
    return any(len(d) == 4 and 1100 <= int(d) <= 2199 for d in _DIGITS.findall(numeral))


def _spoken_year(value: Decimal) -> bool:
    """A year said in words (``이천이십년``): the same range as a written one."""
    return value == value.to_integral_value() and _FIRST_YEAR <= value <= _LAST_YEAR


def compound(
    left_numeral: str, left_value: Decimal, left: UnitEntry, right_value: Decimal, right: UnitEntry
) -> Decimal | None:
    """``3년 6개월`` → 42 (months), ``7시간 30분`` → 450 (minutes), else None.

    Only unit pairs with an exact ratio join (a month is no whole number of days), the smaller
    part must be below one larger unit, and a calendar year is never the larger part
    (``2025년 3개월 연속`` is a year and a duration). The smaller part must count its unit one
    by one: ``25년 3분기`` is a year and its third quarter, never 309 months.
    """
    ratio = _STEPS.get((left.unit, right.unit))
    if ratio is None or left.kind != "duration" or right.kind != "duration":
        return None
    step = time_units().get(right.surface)
    if step is not None and step.per != 1:
        return None
    if left.surface == "년" and is_year(left_numeral):
        return None
    whole = left_value == left_value.to_integral_value()
    if not whole or right_value != right_value.to_integral_value() or not 0 < right_value < ratio:
        return None
    return left_value * ratio + right_value


def sentence_month(a: Analysed, P: Patterns, start: int, pos: int) -> bool:
    """``징역 1년 6월``: after 징역 or 금고, ``월`` after the years counts months."""
    if not a.text.startswith("월", pos) or not _whole(a, pos, pos + 1):
        return False
    bm = P.duration_before.search(a.text, max(0, start - 6), start)
    return bm is not None and P.duration_roles[bm.group("w")] == "sentence"


def _whole(a: Analysed, start: int, end: int) -> bool:
    return start in a.starts and (end in a.ends or end == len(a.text))


def cue_at(a: Analysed, P: Patterns, end: int) -> tuple[int, bool, Bound | None] | None:
    """The cue right after a duration unit: (span end, approximate, bound), else None.

    ``5년간``, ``3일 동안``, ``10년 만에``, ``5년 만의``, ``3년 연속``, ``1년여``, ``10년여간``,
    ``30일 내`` (bound at_most). The cue word must be a morpheme of its own (or glued inside the
    unit's: ``2주간``) and a noun-like one (``3년만`` is "only 3 years", ``3일 치러진`` a verb).
    """
    t = a.text
    m = P.duration_cue.match(t, end)
    if m is None or m.end() == end:
        return None
    about = m.start("about") >= 0
    word = m.group("w")
    if word is not None and (m.end() in a.ends or m.end() == len(t)):
        ws = m.start("w")
        tag = a.tag_at.get(ws) if ws in a.starts else None
        role = P.duration_roles[word]
        if tag is None or (tag in _CUE_TAGS and (role != "within" or tag in _NOUN_TAGS)):
            return m.end(), about, "at_most" if role == "within" else None
    if about and _whole(a, end, end + 1):
        return end + 1, True, None  # 1년여, 3개월여: about a year
    return None


def _term_follows(a: Analysed, end: int) -> bool:
    """A noun or suffix glued to the unit (``3년물``, ``4년제``, ``1년생``), or ``3년 차``."""
    t = a.text
    if end in a.starts and a.tag_at.get(end) in _TERM_TAGS:
        return True
    return t.startswith(" 차", end) and _whole(a, end + 1, end + 2)


_TWO_DIGITS = 10


def _standalone(
    a: Analysed,
    P: Patterns,
    entry: UnitEntry,
    op: tuple[Decimal, Decimal | None, str, str],
    start: int,
    end: int,
    prefix: str | None,
) -> bool:
    """A calendar unit with no cue: is it still a length of time?

    ``년``: yes when the number cannot be a year (one or three digits, a fraction, ``수십``),
    never for a four-digit year, and a two-digit one needs a word that marks a length
    (``근속 26년``, ``10년 이상``, ``지난 10년``), as ``98년`` is usually 1998. ``일``: a day over
    31 is a length (``취임 100일``); up to 31 it needs such a word (``최근 3일``, ``30일 이상``).
    ``주`` always needs one (``100주`` may be shares), ``분기`` too up to 4 (``1분기`` is Q1).
    """
    value, high, group, numeral = op
    if _term_follows(a, end):
        return False
    top = high if high is not None else value
    whole = top == top.to_integral_value()
    bm = P.duration_before.search(a.text, max(0, start - 6), start)
    marked = prefix is not None and prefix in P.qualifiers
    role = P.duration_roles[bm.group("w")] if bm is not None else None
    marked = marked or role in ("before", "sentence")
    past = role == "past"
    am = after_qualifier(a, P, end)
    length_after = am is not None and P.duration_roles.get(am.group("w")) == "length"
    surface = entry.surface
    if surface == "년":
        if group == "native" or is_year(numeral) or (group != "ar" and _spoken_year(top)):
            return False  # 2026년, 이천이십년: a year (the date recognizer's)
        if group != "ar" or not whole or (high is None and len(numeral) != 2):
            return True  # 임기 1년, 100년 역사, 1.5년, 수십 년
        if high is not None and (high != value + 1 or not _TWO_DIGITS <= value < high < 100):
            return True  # 20∼30년, 1~2년, 99~100년: a span of lengths
        # 98년, 25~26년 (two years running, as 25~26년 실적 is): a year or two unless marked
        return marked or past or length_after or _verb_of_length(a, start, end)
    if group == "native" and surface != "주":
        return False
    if surface == "일":
        if not whole or top > _MAX_DAY or marked or length_after:
            return True
        return _verb_of_length(a, start, end)
    if surface == "주":
        weeks = whole and top <= _MAX_WEEKS
        return marked or past or (weeks and (length_after or _verb_of_length(a, start, end)))
    return (whole and top > _MAX_QUARTER) or marked or length_after  # 분기


def hundredths(a: Analysed, entry: UnitEntry, end: int) -> tuple[int, Decimal] | None:
    """``10초26`` → (end of ``26``, 0.26): a race time's hundredths glued after ``초``.

    Two digits only, a morpheme of their own that ends the word or meets a particle or the
    copula (``9초58에``, ``1분45초28로``); anything glued after them (``10초26일``) leaves it.
    """
    if entry.surface != _SECOND:
        return None
    m = _HUNDREDTHS.match(a.text, end)
    if m is None or end not in a.starts or m.end() not in a.ends:
        return None
    after = m.end()
    if after < len(a.text) and after in a.starts:
        tag = a.tag_at.get(after, "")
        if not tag.startswith(("J", "VCP", "S")) or tag in ("SN", "SL", "SH"):
            return None
    return after, Decimal(m.group()) / _HUNDRED


_RUNNING = "연"  # 연 3일: three days running, not three days a year (연 is both)
_PERIODS = frozenset({"year", "month", "week", "day", "hour"})  # periods pint can compare
_FROM_TO = ("부터", "까지")


def rate_of_time(
    a: Analysed, P: Patterns, word: str, per: str, entry: UnitEntry, value: Decimal, end: int
) -> bool:
    """``주 4일``, ``연간 15일``, ``하루 8시간``: a length of time within each period.

    No cue may follow (``하루 3시간 만에``, ``연 3일째`` are lengths, not rates), nor
    ``부터``/``까지``; the length must fit in one period (``월 3개월`` is none); ``연`` before days
    means "running" as often, and days after a month are its dates (``매달 10일``).
    """
    if per not in _PERIODS or cue_at(a, P, end) is not None:
        return False
    if entry.unit == "day" and per == "month":
        return False  # 매달 10일 (the tenth of each month)
    if entry.unit == "day" and word == _RUNNING and leave_after().match(a.text, end) is None:
        return False  # 연 3일 (running); 연 15일 휴가 is a year's leave
    if a.text.startswith(_FROM_TO, end):
        return False  # 주 5일부터: a date's role
    return bool(quantity(value, entry.unit) <= quantity(Decimal(1), per))


@resource
def leave_after() -> regex.Pattern[str]:
    """A word of leave after the days (``data/figures/leave_words.txt``): 연 15일 휴가."""
    words = literal_alternation(read_words("figures/leave_words.txt"))
    return regex.compile(rf"(?:의)?+\x20?+(?:{words})")


@resource
def length_verbs() -> dict[str, str]:
    """Verb stems that make N년/N일/N주 a length (``data/figures/length_verbs.tsv``) → use."""
    return {stem: use for stem, use in read_rows("figures/length_verbs.tsv")}


_ADNOMINAL = "ᆫ"  # 30년 된: the ending of 되 before a noun


def _verb_of_length(a: Analysed, start: int, end: int) -> bool:
    """``30년 된 아파트``, ``10년이 흘렀다``, ``3일 걸렸다``: a verb of time passing or taken.

    Not for a number glued to a word before it (``2박3일 걸리는``: the days of a trip).
    """
    if start > 0 and a.text[start - 1].isalpha():
        return False
    at = end + 1 if a.text.startswith(" ", end) else end  # cheap look first: a verb there?
    if a.tag_at.get(at) == "JKS":
        at += 1
        at += 1 if a.text.startswith(" ", at) else 0
    if a.tag_at.get(at) != "VV":
        return False
    toks = [tok for tok in a.tokens_in(end, end + 8) if tok.start >= end][:3]
    i = 1 if toks and toks[0].start == end and toks[0].tag == "JKS" else 0
    if i >= len(toks):
        return False
    verb, at = toks[i], toks[i - 1].end if i else end
    use = length_verbs().get(verb.form)
    if use is None or verb.tag != "VV" or verb.start not in (at, at + 1):
        return False
    if verb.start == at + 1 and a.text[at] != " ":
        return False
    if use == "adnominal":
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        return i == 0 and nxt is not None and nxt.form == _ADNOMINAL and nxt.tag == "ETM"
    return True


def extend(
    a: Analysed,
    P: Patterns,
    entry: UnitEntry,
    op: tuple[Decimal, Decimal | None, str, str],
    start: int,
    end: int,
    prefix: str | None,
) -> Length | None:
    """The duration of ``op`` (value, high, numeral group, numeral text) whose unit ends at
    ``end``, or None when it is no length of time (a date, shares, a relative date).

    A half (``1년 반``) comes before the cue; ``분기`` is counted in months.
    """
    value, high, group, numeral = op
    surface = entry.surface
    if surface in ("해", "달") and group not in ("native", "ar"):
        return None
    if surface in _HALVES and high is None:
        hm = P.half.match(a.text, end)
        if hm is not None and _whole(a, hm.end() - 1, hm.end()):
            value += _HALF
            end = hm.end()
    time_unit = P.time_units.get(surface)
    if time_unit is not None and time_unit.offset is not None:  # data/shared/time_units.tsv
        ago = P.duration_ago.match(a.text, end)
        if ago is not None and _whole(a, ago.start("w"), ago.end()):
            if surface == "년" and value >= _NO_CALENDAR_YEARS:  # 6600만 년 전: no date
                return Length(end, value, high, False, None)
            return None  # 1년 전, 1년 반 전, 3개월여 전: the date recognizer's
    cue = cue_at(a, P, end)
    approximate, bound = False, None
    if cue is not None:
        year = is_year(numeral) or (group != "ar" and high is None and _spoken_year(value))
        if surface == "년" and year and _calendar_cue(a, P, end):
            return None  # 2020년 동안, 2020년 내내: during that year
        end, approximate, bound = cue
    elif surface in CALENDAR and not _standalone(a, P, entry, op, start, end, prefix):
        return None
    if time_unit is not None and time_unit.per != 1:  # 분기: counted in months
        value *= time_unit.per
        high = high * time_unit.per if high is not None else None
    return Length(end, value, high, approximate, bound)


# years back no calendar date reaches (DateInfo years end at 9999): 6600만 년 전 is a length of
# time before now, which the date recognizer leaves
_NO_CALENDAR_YEARS = 10**4

_LENGTH_ONLY = regex.compile(r"여?+(?:간|째|\x20?+만)")


def _calendar_cue(a: Analysed, P: Patterns, end: int) -> bool:
    """After a calendar year only ``간``, ``째`` and ``만에`` still count a length (``1500년간``,
    ``2000년 만에``); ``동안``, ``내내``, ``연속``, ``치`` and bounds read as that year."""
    return _LENGTH_ONLY.match(a.text, end) is None
