"""The figure recognizer: numbers anchored to their unit, classifier or qualifier.

It scans the normalized text for numerals (Arabic, 만/억/조 mixed, Sino-Korean, native), and
keeps one only when a unit or classifier follows it (or a currency symbol precedes it). The
morpheme boundaries decide the ambiguous cases: ``3도시`` is not 3 degrees because ``도``
does not end a morpheme there. Dates and times belong to ``recognizers.dates``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

import regex

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import FigureCandidate
from newsfigs.figures.ages import recognize_ages
from newsfigs.figures.day_words import day_words
from newsfigs.figures.durations import compound, cue_at, extend, sentence_month
from newsfigs.figures.figure_context import (
    after_qualifier,
    as_bound,
    counted_noun,
    fractions,
    link_equivalents,
    surpassed_value,
    symbol_before,
    take_after,
)
from newsfigs.figures.figure_patterns import UNIT_CHARS, Patterns, patterns
from newsfigs.figures.ratios import recognize_ratios
from newsfigs.figures.signs import Rate, as_period, direction_after, rate_before, sign_before
from newsfigs.models import Direction, Period
from newsfigs.numbers import BIG_UNITS, contracted_ranges, native_range, parse_number
from newsfigs.units import UnitEntry

_LATIN = regex.compile(r"[A-Za-z]")
_NOUNS = frozenset({"NNG", "NNP"})
_AGE_NEXT = frozenset({"NNG", "NNP", "NNB", "SL"})  # 20대 여성, 20대 중반, 30대 A씨
# …대 right after these kinds is "in the range of" (30조원대, 1%대, 2천명대); after a duration
# it is a decade or a time band (1990년대, 1시간대), after an age a generation (2세대)
_DECADE_KINDS = frozenset(
    {"money", "percent", "percentage_point", "count", "mass", "length", "area", "volume",
     "energy", "power", "data_size", "temperature"}
)  # fmt: skip
# kinds that never continue a 만 number across a space (관객 100만 3일째, 1만 5%)
_NOT_JOINED = frozenset(
    {"duration", "age", "ordinal", "multiplier", "percent", "percentage_point", "temperature"}
)
# a sign makes no sense on these (a minus before one is a code or a list dash: no figure)
_UNSIGNED = frozenset({"duration", "age", "ordinal", "multiplier", "ratio"})
# a table mark reads as a sign by itself before these (수출 △5.1%); before money and counts only
# in a table of changes (both ▲ and △ before numbers, or a parenthesis: (△320억원))
_RATE_KINDS = frozenset({"percent", "percentage_point"})
_CHANGE_KINDS = frozenset({"percent", "percentage_point", "money", "count"})
# kinds a predicate can move (3% 감소, 1조원 늘어): not lengths (2km 떨어진 곳 is a distance)
_DIRECTED = frozenset(
    {"money", "percent", "percentage_point", "multiplier", "count", "mass", "area", "volume",
     "energy", "power", "data_size", "temperature"}
)  # fmt: skip
# kinds a period word makes a rate (연 4.5%, 월 150만원씩, 하루 300명)
_RATED = frozenset(
    {"money", "percent", "percentage_point", "count", "mass", "length", "volume", "energy",
     "data_size"}
)  # fmt: skip
# measures a glued 급 makes a size class (3000톤급, 17만㎥급, 1GW급, 65인치급)
_CLASSED = frozenset({"mass", "length", "area", "volume", "energy", "power", "data_size"})
_CLASS = "급"
_AMOUNT_UNITS = frozenset("억조경")  # …억대, …조대: an amount's range, never a count of 대
_LABEL_NEXT = _AGE_NEXT | {"XPN"}  # 3기 신도시: 신 is a prefix
_LABEL_BELOW = 10  # 300세대 (households) counts; 5세대 이동통신 names a generation
_VERSUS = regex.compile(r"\x20?+[\d$₩€£¥일이삼사오육칠팔구십백천만]")  # 90만원 대 100만원
_BAND_TAGS = frozenset({"XSN", "XPN", "NNB", "NNG"})  # the analyzer's readings of a lone 대
_MOVED = frozenset({"length", "speed"})  # 아래로/위로 after these is a way of moving
_TIMES = "회"  # 9회말: an inning when a half follows (data/figures/inning_halves.txt)
_TO = "로"  # 10% 아래로 떨어졌다, 5%로 하락: the level reached, not the change
_WON = "원"  # the unit a money noun implies (매출 3150억)
_NOT_AFTER_WON = frozenset({"NNG", "NNP", "NNB", "SL", "XSN"})  # 3조 달러: a unit or noun goes on
_AGE_GROUPS = frozenset(Decimal(n) for n in range(10, 100, 10))
_DEGREE = "도"  # the unit word a temperature prefix takes: 영하 10도
_CELSIUS = "degC"  # a 도 after a temperature cue word (기온은 32도) is Celsius, as in Korean news
_SERIAL_TAGS = frozenset({"W_URL", "W_EMAIL", "W_SERIAL", "W_HASHTAG", "W_MENTION"})
_MAX_UNIT = 8


@dataclass
class Operand:
    """A numeral with what directly follows it (여, unit), before qualifiers."""

    start: int
    end: int
    value: Decimal
    group: str  # ar | sino | su | native
    approximate: bool = False
    high: Decimal | None = None  # 수십 → [10, 90]
    entry: UnitEntry | None = None
    numeral_end: int = 0


def _is_hangul(ch: str) -> bool:
    return "가" <= ch <= "힣"


def _covered_by(a: Analysed, start: int, end: int, tags: frozenset[str]) -> bool:
    """All tokens over ``[start, end)`` have one of ``tags`` and the span follows boundaries."""
    if start not in a.starts or end not in a.ends:
        return False
    return all(t.tag in tags for t in a.tokens_in(start, end))


_SINO_TAGS = frozenset({"NR", "SN", "MM"})
_UNIT_ONLY = frozenset({"digit", "half"})
# numerals _qualify sees without a unit: a 도 after a temperature cue, or the won of 매출 3150억
_BARE_GROUPS = frozenset({"ar", "sino", "spoken", "digit"})
_DEGREE_AFTER = regex.compile(r"\x20?+도")  # 마이너스 칠 도: _qualify decides on a cue
_NATIVE_TAGS = frozenset({"NR", "MM", "NNG", "NNB"})  # not 서/VV (줄을 서), not 너/NP


def _whole(a: Analysed, start: int, end: int) -> bool:
    """``[start, end)`` begins and ends on morpheme boundaries."""
    return start in a.starts and end in a.ends


def _numeral_span(a: Analysed, P: Patterns, m: regex.Match[str]) -> tuple[int, int] | None:
    """Validate a numeral match against the morphemes; trim unit chars that are not numbers."""
    s, e = m.span()
    t = a.text
    group = m.lastgroup
    if group == "ar":
        if s > 0 and (t[s - 1] in ".,_" or (t[s - 1].isalnum() and not _is_hangul(t[s - 1]))):
            return None
        if s > 1 and t[s - 1] in "-/" and t[s - 2].isdigit():
            return None
        if any(tok.tag in _SERIAL_TAGS for tok in a.tokens_in(s, e)):
            return None
        # a unit char must be a numeral morpheme (10조각 is ten pieces, not 10조), unless
        # it is a big unit that more digits or a currency follow (the analyzer tags the 경 of
        # 2경 3,039조 and 1경원 as a suffix or a noun)
        for i in range(s, e):
            if (
                t[i] in UNIT_CHARS
                and a.tag_at.get(i) not in ("NR", "SN")
                and not any(tok.tag == "NR" for tok in a.tokens_in(i, i + 1))
                and not (t[i] in BIG_UNITS and _big_unit_continues(P, t, i + 1, e))
            ):
                e = i
                break
        e = len(t[s:e].rstrip()) + s
        return (s, e) if e > s else None
    if group == "sino":
        return (s, e) if _covered_by(a, s, e, _SINO_TAGS) else None
    if group == "su":
        return (s, e) if s in a.starts and e in a.ends else None
    if group in ("spoken", "digit", "half"):  # 삼점오, 육 킬로미터, 반 리터: whole words
        if (s > 0 and _is_hangul(t[s - 1])) or s not in a.starts or e not in a.ends:
            return None
        if group == "digit" and a.tag_at.get(s) != "NR":
            return None  # 이 (this), 일 (work), 사 (company): only the analyzer's numeral
        return (s, e)
    if group == "native":
        if s > 0 and _is_hangul(t[s - 1]):
            return None
        if t[s:e] in contracted_ranges():  # 너더댓 is 너/NP 더/MAG 댓/NR: whole is enough
            return (s, e) if _whole(a, s, e) else None
        return (s, e) if _covered_by(a, s, e, _NATIVE_TAGS) else None
    return None


def _big_unit_continues(P: Patterns, t: str, pos: int, end: int) -> bool:
    """Digits follow within the numeral (``2경 3,039조``), a currency right after (``1경원``) or a
    unit in Latin letters (``17만m3급``, where the analyzer reads 만 as the particle "only")."""
    if any(ch.isdigit() for ch in t[pos:end]):
        return True
    if pos < len(t) and t[pos].isascii() and t[pos].isalpha():
        return any(t[pos : pos + n] in P.units for n in range(1, _MAX_UNIT))
    return any(P.money_after.get(t[pos : pos + n]) for n in (1, 2, 3))


def _unit_at(a: Analysed, P: Patterns, pos: int, group: str) -> tuple[UnitEntry, int] | None:
    """The longest unit or classifier at ``pos`` (one optional space) that ends a morpheme.

    ``번`` glued to a following noun is a label (``8번홀``); a duration unit may be glued to its
    cue (``2주간``, which the analyzer keeps as one morpheme). Native numerals take classifiers
    only.
    """
    t = a.text
    for q in (pos, pos + 1) if pos < len(t) and t[pos] == " " else (pos,):
        for length in range(min(_MAX_UNIT, len(t) - q), 0, -1):
            entry = P.units.get(t[q : q + length])
            if entry is None:
                continue
            end = q + length
            last = t[end - 1]
            nxt = t[end] if end < len(t) else " "
            if _is_hangul(last):
                if not _whole(a, q, end) and _is_hangul(nxt) and not _cue_glued(a, P, entry, end):
                    continue
                if _labels_noun(a, P, entry, end):
                    continue
            elif _LATIN.match(last) and (_LATIN.match(nxt) or _latin_continues(a, q, end)):
                continue
            if group == "native" and entry.surface not in P.classifiers:
                continue
            return entry, end
    return None


def _latin_continues(a: Analysed, q: int, end: int) -> bool:
    """A Latin unit that a model code or a word continues: ``18V-EC``, and ``2015 V리그`` (a
    unit written apart from its number and glued to a noun); ``3.8L엔진``, ``5km를`` are units."""
    t = a.text
    nxt = t[end + 1 : end + 2]
    if t.startswith("-", end) and nxt.isascii() and nxt.isalnum():
        return True
    spaced = q > 0 and t[q - 1] == " "
    return spaced and _is_hangul(t[end : end + 1] or " ") and a.tag_at.get(end) in _NOUNS


def _cue_glued(a: Analysed, P: Patterns, entry: UnitEntry, end: int) -> bool:
    """A duration unit whose cue completes the morpheme: ``2주간``, ``3일간``."""
    return entry.kind == "duration" and cue_at(a, P, end) is not None


def _labels_noun(a: Analysed, P: Patterns, entry: UnitEntry, end: int) -> bool:
    """``번`` glued to a following noun numbers that noun: a label, not a count.

    ``8번홀``, ``1번출구``, ``2번타자`` and ``1번국도`` name a hole, an exit, a batter and a road.
    Ordinals glued to a noun stay ordinals (``3차전``, ``4차회담``); counting words still count
    (``10개팀``); a qualifier the analyzer tags as a noun is no label (``2번가량``).
    """
    if entry.surface != "번" or end not in a.starts or a.tag_at.get(end) not in _NOUNS:
        return False
    return P.after.match(a.text, end) is None


def _operand(a: Analysed, P: Patterns, m: regex.Match[str]) -> Operand | None:
    span = _numeral_span(a, P, m)
    if span is None:
        return None
    s, e = span
    group = m.lastgroup or ""
    text = a.text[s:e]
    pair = native_range(text) if group == "native" else None
    try:
        if pair is not None:  # 한두 명, 서너 곳
            op = Operand(s, e, pair[0], group, high=pair[1])
        elif group == "su":
            base = parse_number(text[1:].replace(" ", ""))
            op = Operand(s, e, base, group, approximate=True, high=base * 9)
        else:
            op = Operand(s, e, parse_number(text), group)
    except (ValueError, ArithmeticError):
        return None
    op.numeral_end = e
    t = a.text
    if e < len(t) and t[e] == "여" and group in ("ar", "sino"):
        op.approximate = True
        e += 1
        big = e + 1 if t[e : e + 1] == " " else e  # 1000여억원, 2000여 만 원
        if big < len(t) and t[big] in BIG_UNITS and a.tag_at.get(big) == "NR":
            op.value *= BIG_UNITS[t[big]]
            e = big + 1
        op.end = op.numeral_end = e
    found = _unit_at(a, P, e, group)
    if found:
        op.entry, op.end = found
    # a lone Sino digit or 반 is a number only before a unit (육 킬로미터), or a 도 that
    # _qualify reads as a temperature after a cue (마이너스 칠 도)
    bare_degree = group == "digit" and op.entry is None and _DEGREE_AFTER.match(t, e) is not None
    if op.entry is not None and not _counts_here(P, op, text):
        return None
    unitless = op.entry is None or op.entry.surface in P.classifiers
    if group in _UNIT_ONLY and unitless and not bare_degree:
        return None
    return op


def _counts_here(P: Patterns, op: Operand, text: str) -> bool:
    """Whether a classifier may follow this numeral: ``만기``, ``천사``, ``백기``, ``만점`` are
    words (a lone Sino unit glued to a one-syllable counting word), and a glued-only classifier
    (``4사``) needs digits right before it."""
    assert op.entry is not None
    surface = op.entry.surface
    if surface not in P.classifiers:
        return True
    glued = op.end == op.numeral_end + len(surface)
    counts = op.entry.kind in ("count", "ordinal")  # 천년, 백세 are a length and an age
    if op.group == "sino" and len(text) == 1 and len(surface) == 1 and glued and counts:
        return False
    return surface not in P.glued_classifiers or (op.group == "ar" and glued)


def _join_ones(a: Analysed, P: Patterns, op: Operand) -> Operand | None:
    """``13만 5,678대``: the plain group after 만 and a space is the ones of the same number.

    Only when that group is a whole number below 10,000 and carries the unit itself; a date,
    duration, age, rank or percent after it (``관객 100만 3일째``) keeps the two apart.
    """
    t, e = a.text, op.numeral_end
    if op.entry is not None or op.group != "ar" or op.approximate or not t.startswith("만 ", e - 1):
        return None
    m = P.numeral.match(t, e + 1)
    if m is None or m.lastgroup != "ar" or any(ch in UNIT_CHARS for ch in m.group()):
        return None
    right = _operand(a, P, m)
    if right is None or right.entry is None or right.high is not None:
        return None
    if right.value >= 10**4 or right.value != right.value.to_integral_value():
        return None
    if right.entry.kind in _NOT_JOINED:
        return None
    return replace(right, start=op.start, value=op.value + right.value, group="ar")


def _join_parts(a: Analysed, P: Patterns, op: Operand) -> Operand | None:
    """``3년 6개월``, ``7시간 30분``: a duration and the next smaller unit are one figure."""
    t, e = a.text, op.end
    if op.entry is None or op.entry.kind != "duration" or op.high is not None:
        return None
    m = P.numeral.match(t, e + 1 if t.startswith(" ", e) else e)
    right = _operand(a, P, m) if m is not None else None
    if (
        right is not None
        and right.entry is None
        and op.entry.surface == "년"
        and sentence_month(a, P, op.start, right.numeral_end)
    ):  # 징역 1년 6월 = 18 months
        right.entry, right.end = P.units["개월"], right.numeral_end + 1
    if right is None or right.entry is None or right.high is not None:
        return None
    numeral = t[op.start : op.numeral_end].rstrip("여")
    value = compound(numeral, op.value, op.entry, right.value, right.entry)
    if value is None:
        return None
    approximate = op.approximate or right.approximate
    return replace(right, start=op.start, value=value, group=op.group, approximate=approximate)


def _range(
    a: Analysed, P: Patterns, left: Operand, right_match: regex.Match[str]
) -> Operand | None:
    """``3~5%``, ``3~4조원``, ``이만오천원 - 삼만원``: one operand from two."""
    right = _operand(a, P, right_match)
    if right is not None and right.entry is None and left.entry is None:
        right = _degrees(a, P, left, right)  # 영하 3∼5도
    if right is None or right.entry is None or right.high is not None or left.high is not None:
        return None
    if left.entry is not None and left.entry.kind != right.entry.kind:
        return None
    low = left.value
    left_text = a.text[left.start : left.numeral_end]
    right_text = a.text[right.start : right.numeral_end].rstrip("여")
    if left.entry is None and left_text[-1:] not in BIG_UNITS and right_text[-1:] in BIG_UNITS:
        low *= BIG_UNITS[right_text[-1]]  # 3~4조원: the 조 belongs to both ends
    if low >= right.value:
        return None
    return Operand(left.start, right.end, low, left.group, left.approximate or right.approximate,
                   right.value, right.entry, right.numeral_end)  # fmt: skip


def _degrees(a: Analysed, P: Patterns, left: Operand, right: Operand) -> Operand | None:
    """The right end of ``영하 3∼5도``: 도 is a temperature when a prefix opens the range."""
    t = a.text
    pm = P.before.search(t, max(0, left.start - 6), left.start)
    temperature = P.temperature_prefixes.get(pm.group("w")) if pm else None
    cue = pm.start("w") if pm else left.start
    if temperature is None and P.temperature_cue.search(t, max(0, cue - 20), cue):
        temperature = (_CELSIUS, 1)
    end = right.numeral_end
    if temperature is None or not t.startswith(_DEGREE, end) or end not in a.starts:
        return right
    nxt = end + len(_DEGREE)
    if nxt < len(t) and _is_hangul(t[nxt]) and nxt not in a.ends:
        return right
    return replace(right, entry=UnitEntry(_DEGREE, temperature[0], "temperature"), end=nxt)


def _qualify(
    a: Analysed, P: Patterns, op: Operand, rates: list[Rate] | None = None
) -> FigureCandidate | None:
    """Apply prefixes, suffixes and kind rules; build the candidate.

    ``rates`` collects the rate words read before figures (their numbers are no figures).
    """
    t = a.text
    entry = op.entry
    start, end = op.start, op.end
    approximate, bound = op.approximate, None
    classifier: str | None = None
    counted: str | None = None
    ordinal_prefix = False
    value, high = op.value, op.high
    sign = sign_before(a, start) if op.group in ("ar", "sino", "spoken", "digit") else None
    qstart = sign.start if sign is not None else start
    rate = rate_before(a, qstart)
    pstart = rate.start if rate is not None else qstart
    pm = P.before.search(t, max(0, pstart - 6), pstart)
    if rate is None and pm is not None:
        rate = rate_before(a, pm.start("w"))  # 연 최대 4.5%
    prefix = pm.group("w") if pm else None
    symbol = symbol_before(P, t, start) if op.group == "ar" else None
    if symbol is not None:
        if entry is None or entry.kind != "money":
            if entry is not None:
                end = op.numeral_end  # the word after is not a currency: keep the number
            entry = P.symbols[symbol]
        start = t.rindex(symbol, 0, start)
        prefix = None
    temperature = P.temperature_prefixes.get(prefix) if prefix is not None else None
    at = end + 1 if t.startswith(" " + _DEGREE, end) else end  # 삼십육점오 도
    if entry is None and t.startswith(_DEGREE, at):
        unit = temperature[0] if temperature is not None else _CELSIUS
        cued = temperature is not None or P.temperature_cue.search(t, max(0, pstart - 20), pstart)
        nxt = at + len(_DEGREE)
        whole = at in a.starts and (nxt >= len(t) or not _is_hangul(t[nxt]) or nxt in a.ends)
        if cued and whole:
            entry = UnitEntry(_DEGREE, unit, "temperature")
            end = nxt
    implied = False
    if entry is None:
        big = _implied_won(a, P, op, pstart)
        if big is not None:
            entry, implied, end = P.units[_WON], True, big
            value *= BIG_UNITS.get(t[op.numeral_end : big], 1)
    if entry is None or P.numbered_term.match(t, op.start):
        return None  # 2차전지 is a secondary battery: a term, not a rank
    kind = entry.kind
    if temperature is not None:
        if kind != "temperature":
            prefix = None
        elif temperature[1] < 0:  # 영하: below zero
            value, high = -value, (-high if high is not None else None)
            if high is not None:
                value, high = high, value
    if prefix == "제":
        if kind not in ("count", "ordinal"):
            return None
        ordinal_prefix = True
    unit = entry.unit
    direction: Direction | None = None
    lone_mark = sign is not None and sign.table and not sign.bullets and not sign.paired
    if sign is not None and lone_mark and kind not in _RATE_KINDS:
        # △59㎡ 84가구, ▲5억원 지원: a bullet before a size or an amount is no sign; a lone
        # △5억원 is a fall or a bullet: unsure, so no figure
        if sign.sign < 0 and kind in _CHANGE_KINDS:
            return None
        sign = None
    if sign is not None and sign.table and sign.bullets:
        if sign.sign < 0:
            return None  # the text uses the mark as a bullet: unsure, so no figure
        sign = None
    if sign is not None:
        if sign.sign < 0 and (kind in _UNSIGNED or high is not None):
            return None  # a code or a dash: unsure, so no figure rather than a guess
        if kind == "count" and not sign.table and (sign.start == 0 or t[sign.start - 1] == "\n"):
            sign = None  # -1000명 대상 …: a dash opening a line is a bullet
        elif sign.sign < 0 and kind in _CLASSED and t.startswith(_CLASS, end):
            bound, start, sign = "at_most", sign.start, None  # 여자 -67kg급: a weight class
        if sign is not None and kind not in _UNSIGNED and high is None:
            value *= sign.sign
            direction = sign.direction
            start = sign.start
    per: Period | None = None
    if rate is not None:
        if rate.makes in ("speed", "fuel_economy") and kind == "length":
            kind, unit = (
                ("speed" if rate.makes == "speed" else "fuel_economy"),
                f"{unit}/{rate.per}",
            )
        elif rate.makes == "per" and kind in _RATED:
            per = as_period(rate.per)
        else:
            rate = None
        if rate is not None and rates is not None:
            rates.append(rate)
    if kind == "duration":
        numeral = t[op.start : op.numeral_end].rstrip("여")
        length = extend(a, P, entry, (value, high, op.group, numeral), start, end, prefix)
        if length is None:
            return None
        end, value, high = length.end, length.value, length.high
        approximate, bound = approximate or length.approximate, length.bound
    elif kind == "count" and entry.surface == _TIMES and t[end : end + 1] in P.inning_halves:
        kind, unit, classifier = "ordinal", "ordinal", entry.surface  # 9회말: the ninth inning
    elif kind == "count":
        counted = counted_noun(a, P, start)
        if (
            entry.surface == "대"
            and not ordinal_prefix
            and (
                t[op.numeral_end - 1] in _AMOUNT_UNITS
                or _age_group(a, op, counted, end)
                or _major_prefix(a, op, counted, end)
            )
        ):
            return None  # 억대 연봉 = in the hundreds of millions; 20대 = in their twenties
        if entry.surface in P.label_classifiers and _labels_kind(a, op, end):
            return None  # 3기 신도시, 5세대 이동통신, 1종 면허: a phase or a class
        nouns = P.counted_nouns.get(entry.surface)
        if nouns is not None and (counted is None or not counted.endswith(nouns)):
            return None  # 사법연수원 17기: a class; 원전 2기 counts reactors
        classifier = entry.surface
    elif kind == "ordinal" or ordinal_prefix:
        classifier = entry.surface
    if ordinal_prefix:
        kind = "ordinal"
        unit = "ordinal"
    if prefix == "제" and pm is not None:
        start = pm.start("w")
    elif prefix is not None:
        role = P.qualifiers.get(prefix)
        if role is not None and role != "none":
            if role == "approximate":
                approximate = True
            else:
                bound = as_bound(role)
        if role != "none":
            start = pm.start("w") if pm else start
    if kind in _DECADE_KINDS and P.decade_suffix.match(t, end) and _whole(a, end, end + 1):
        approximate = True
        end += 1
    elif kind in _DECADE_KINDS and _spaced_band(a, P, end):
        approximate = True  # 90만원 대, 3조 원 대: the glued …대 written apart
        end += 2
    echo = P.echo.match(t, end)
    if echo and P.units[echo.group(1)].unit == entry.unit:
        end = echo.end()
    am = after_qualifier(a, P, end)
    if am is not None and kind in _MOVED and am.group("w").endswith(_TO):
        am = None  # 15m 아래로 떨어졌다: where it fell, not a bound
    # 17만㎥급 이상: the bound after a size class (급) is the figure's; a bare 3GWh급 stays
    # 3GWh (docs/seeds-gold.md)
    if am is None and kind in _CLASSED and t.startswith(_CLASS, end) and _whole(a, end, end + 1):
        am = after_qualifier(a, P, end + len(_CLASS))
    if am and not surpassed_value(t, start, am):
        end, approximate, bound = take_after(P, am, approximate, bound)
    if kind in _DIRECTED and t[end - 1] != _TO:  # 10% 아래로 떨어졌다: a level, not a change
        direction = direction_after(a, end) or direction
    return FigureCandidate(
        start=start,
        end=end,
        source="numeral",
        kind=kind,
        unit=unit,
        value=value if high is None else None,
        low=value if high is not None else None,
        high=high,
        approximate=approximate,
        bound=bound,
        classifier=classifier,
        counted=counted or None,
        per=per,
        direction=direction,
        implied_unit=implied,
    )


def _spaced_band(a: Analysed, P: Patterns, end: int) -> bool:
    """``90만원 대 가격``: a 대 of its own after the unit; not ``90만원 대 100만원`` (versus),
    nor the prefix of ``12.3인치 대형화면``."""
    t = a.text
    if not t.startswith(" ", end) or P.decade_suffix.match(t, end + 1) is None:
        return False
    if not _whole(a, end + 1, end + 2) or a.tag_at.get(end + 1) not in _BAND_TAGS:
        return False
    nxt = end + 2
    if nxt < len(t) and _is_hangul(t[nxt]) and not (a.tag_at.get(nxt) or "").startswith("J"):
        return False
    return _VERSUS.match(t, end + 2) is None


def _implied_won(a: Analysed, P: Patterns, op: Operand, before: int) -> int | None:
    """``매출 3150억``, ``자산 20조``: a money noun before a bare big-unit number (KRW).

    The number must end in 만/억/조/경 as a whole word (``매출 3조 달성``, ``3150억을``), and
    the noun end right before it (``연매출 3000억`` too): a reader of Korean news takes won.
    Returns where the figure ends: after a big unit the analyzer read as a noun (``예산
    656조가``, 조 as a bound noun) too.
    """
    t = a.text
    e = op.numeral_end
    if op.group != "ar" or op.high is not None or op.end != e or op.approximate:
        return None
    if t[e - 1] not in BIG_UNITS:
        if t[e : e + 1] not in BIG_UNITS or e not in a.starts:
            return None
        if any(c in BIG_UNITS for c in t[op.start : e]):
            return None
        e += 1  # the analyzer's 조/NNB: still the number's unit after digits
    if e not in a.ends:
        return None
    nxt = a.tag_at.get(e)
    if nxt is not None and nxt in _NOT_AFTER_WON and not t.startswith("대", e):
        return None
    return e if P.money_subject.search(t, max(0, before - 12), before) is not None else None


def _labels_kind(a: Analysed, op: Operand, end: int) -> bool:
    """A small number with 기/세대/종 and a noun right after names a phase or a class.

    Even after a noun (``수도권 3기 신도시``): ``원전 2기를`` still counts, ``원전 2기 건설`` is
    left unread (unsure).
    """
    if op.value >= _LABEL_BELOW:
        return False
    nxt = end + 1 if a.text.startswith(" ", end) else end
    return a.tag_at.get(nxt) in _LABEL_NEXT


def _major_prefix(a: Analysed, op: Operand, counted: str | None, end: int) -> bool:
    """``4대 은행``, ``5대 그룹``, ``3대 악재``: "the N major", not N vehicles; ``1대1``: a pair.

    A small whole number glued to 대 with a noun right after it and no counted noun before it
    names a set of the biggest; a digit right after 대 makes a ratio or a score (``12대1``),
    which ``figures.ratios`` reads (``차량 4대 도입`` keeps its count).
    """
    t = a.text
    if t[end : end + 1].isdigit():
        return True
    if counted is not None or op.high is not None or op.group not in ("ar", "sino"):
        return False
    if op.value > 20 or op.end - op.numeral_end != 1 or not t.startswith(" ", end):
        return False
    return a.tag_at.get(end + 1) in ("NNG", "NNP")


def _age_group(a: Analysed, op: Operand, counted: str | None, end: int) -> bool:
    """``20대`` is people in their twenties unless a counted noun frames it as vehicles.

    ``소방차 20대가`` counts fire engines; ``20대 여성``, ``거주 20대 남성``, ``응답자 중
    20대가`` and ``20∼30대`` are age groups (a noun after 대, or no counted noun before).
    """
    if op.value not in _AGE_GROUPS or op.approximate:
        return False
    if op.high is not None and op.high not in _AGE_GROUPS:  # 20∼30대 남성: a range of groups
        return False
    if op.group not in ("ar", "sino"):
        return False
    nxt = end + 1 if a.text.startswith(" ", end) else end
    return counted is None or a.tag_at.get(nxt) in _AGE_NEXT


def recognize(a: Analysed) -> list[FigureCandidate]:
    """Figure candidates (every kind but date and time) of ``a``."""
    P = patterns()
    t = a.text
    out: list[FigureCandidate] = []
    rates: list[Rate] = []
    skip_to = 0
    for m in P.numeral.finditer(t):
        if m.start() < skip_to:
            continue
        op = _operand(a, P, m)
        if op is None:
            continue
        joined = _join_ones(a, P, op)
        if joined is not None:
            op, skip_to = joined, joined.end
        while (longer := _join_parts(a, P, op)) is not None:  # 3년 6개월, 2시간 30분 15초
            op, skip_to = longer, longer.end
        sep = P.range_sep.match(t, op.end)
        if sep:
            right = P.numeral.match(t, sep.end())
            if right:
                rng = _range(a, P, op, right)
                if rng is not None:
                    cand = _qualify(a, P, rng, rates)
                    if cand is not None:
                        out.append(cand)
        if op.entry is not None or op.group in _BARE_GROUPS:  # 영하 삼 도, 매출 3150억
            cand = _qualify(a, P, op, rates)
            if cand is not None:
                out.append(cand)
    if "분의" in t or "절반" in t:
        out.extend(fractions(a, P))
    out.extend(day_words(a, P))  # 이틀 동안, 사흘 만에, 보름 이상
    if "단위" in t:
        out = [c for c in out if not _unit_of_account(t, c)]
    if rates:  # 한 해에 40억 원씩: 한 해 is the period of the money, no length of its own
        out = [c for c in out if not any(r.start <= c.start and c.end <= r.end for r in rates)]
    out.extend(recognize_ratios(a))
    out.extend(recognize_ages(a))  # 홍길동(41), 이모(41·여)씨
    return link_equivalents(a, P, out)


_UNIT_WORD = regex.compile(r"\s?단위")


def _unit_of_account(t: str, c: FigureCandidate) -> bool:
    """``억원 단위``, ``만 원 단위로``: a big unit named as the scale of amounts, not one."""
    return t[c.start] in "만억조경" and _UNIT_WORD.match(t, c.end) is not None
