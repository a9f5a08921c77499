"""The figure recognizer: numbers anchored to their unit, classifier or qualifier.

It scans the normalized text for numerals (Arabic, 만/억/조 mixed, Sino-Korean, native), and
keeps one only when a unit or classifier follows it (or a currency symbol precedes it). The
morpheme boundaries decide the ambiguous cases: ``3도시`` is not 3 degrees because ``도``
does not end a morpheme there. Dates and times belong to ``recognizers.dates``.
"""

from __future__ import annotations

import regex

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import FigureCandidate
from newsfigs.figures.ages import recognize_ages
from newsfigs.figures.bases import basis_before, economy_unit
from newsfigs.figures.before_number import may_take_unit, words_before
from newsfigs.figures.byte_words import recognize_byte_words
from newsfigs.figures.counts import count_fields
from newsfigs.figures.day_words import day_words
from newsfigs.figures.durations import (
    Length,
    cue_at,
    extend,
    hundredths,
    rate_of_time,
    sentence_month,
)
from newsfigs.figures.figure_context import (
    after_qualifier,
    as_bound,
    fractions,
    link_equivalents,
    reached_peak,
    surpassed_value,
    take_after,
)
from newsfigs.figures.figure_patterns import Patterns, patterns
from newsfigs.figures.fraction_units import fraction_with_unit
from newsfigs.figures.kiro import recognize_kiro
from newsfigs.figures.match_times import recognize_match_times
from newsfigs.figures.operands import (
    CELSIUS,
    DEGREE,
    MONTHS,
    Operand,
    has_serials,
    is_hangul,
    join_ones,
    join_parts,
    make_range,
    operand,
    whole,
)
from newsfigs.figures.ordinal_lists import comma_ranges, recognize_ordinal_lists
from newsfigs.figures.ratios import recognize_ratios
from newsfigs.figures.readings import (
    age_gap,
    dated_year,
    generation,
    implied_won,
    regnal,
    shares,
    spaced_band,
    times_classifiers,
    unit_of_account,
)
from newsfigs.figures.signs import (
    Rate,
    as_period,
    direction_after,
    weigh_mark,
)
from newsfigs.figures.stages import recognize_stages
from newsfigs.figures.storeys import context_reading
from newsfigs.models import Basis, Bound, Direction, Period
from newsfigs.numbers import BIG_UNITS
from newsfigs.units import UnitEntry

# …대 right after these kinds is "in the range of" (30조원대, 1%대, 2천명대); after a duration
# it is a decade or a time band (1990년대, 1시간대), after an age a generation (2세대)
_DECADE_KINDS = frozenset(
    {"money", "percent", "percentage_point", "count", "mass", "length", "area", "volume",
     "energy", "power", "data_size", "temperature"}
)  # fmt: skip
# a sign makes no sense on these (a minus before one is a code or a list dash: no figure)
_UNSIGNED = frozenset({"duration", "age", "ordinal", "multiplier", "ratio"})
# kinds a predicate can move (3% 감소, 1조원 늘어): not lengths (2km 떨어진 곳 is a distance)
_DIRECTED = frozenset(
    {"money", "percent", "percentage_point", "multiplier", "count", "mass", "area", "volume",
     "energy", "power", "data_size", "temperature", "concentration", "pressure"}
)  # fmt: skip
# kinds a period word makes a rate (연 4.5%, 월 150만원씩, 하루 300명)
_RATED = frozenset(
    {"money", "percent", "percentage_point", "count", "mass", "length", "volume", "energy",
     "data_size"}
)  # fmt: skip
# measures a glued 급 makes a size class (3000톤급, 17만㎥급, 1GW급, 65인치급)
_CLASSED = frozenset({"mass", "length", "area", "volume", "energy", "power", "data_size"})
_CLASS = "급"
_MOVED = frozenset({"length", "speed"})  # 아래로/위로 after these is a way of moving
_TIMES = "회"  # 9회말: an inning when a half follows (data/figures/match_periods.tsv)
_TO = "로"  # 10% 아래로 떨어졌다, 5%로 하락: the level reached, not the change
_WON = "원"  # the unit a money noun implies (매출 3150억)
_POUND, _LB = "파운드", "lb"  # 파운드 is GBP unless a weight word opens the clause
# 하루 평균 3000명: the rate word before the average
_WEEK = "주"  # a week, or shares (readings.shares)
_YEAR = "년"  # a year, or a date the date reader could not take (readings.dated_year)
_DON = "돈"  # the gold weight, after a native numeral only after gold (data/figures/don_cues.txt)


_DIGIT = regex.compile(r"\d")  # what match times, ratios, stages, lists and ages begin with
_SIGNS = frozenset("+-−")  # a sign opening the right end of a range (-0.5~+1.5%)
# numerals _qualify sees without a unit: a 도 after a temperature cue, or the won of 매출 3150억
_BARE_GROUPS = frozenset({"ar", "sino", "spoken", "digit"})


def _qualify(
    a: Analysed, P: Patterns, op: Operand, rates: list[Rate] | None = None
) -> FigureCandidate | None:
    """Apply prefixes, suffixes and kind rules; build the candidate.

    ``rates`` collects the rate words read before figures (their numbers are no figures).
    """
    t = a.text
    entry = op.entry
    if entry is None and not may_take_unit(a, P, op):
        return None  # 2014 alone: no symbol, 도, 월 or money noun can give it a unit
    start, end = op.start, op.end
    approximate = op.approximate
    bound: Bound | None = None
    classifier: str | None = None
    counted: str | None = None
    ordinal_prefix = False
    value, high = op.value, op.high
    sign, rate, pm, pstart, symbol = words_before(a, P, op)
    prefix = pm.group("w") if pm else None
    if symbol is not None:
        if entry is None or entry.kind != "money":
            if entry is not None:
                end = op.numeral_end  # the word after is not a currency: keep the number
            entry = P.symbols[symbol]
        start = t.rindex(symbol, 0, start)
        prefix = None
    temperature = P.temperature_prefixes.get(prefix) if prefix is not None else None
    scale_prefix = temperature is not None  # the word right before the number is the scale
    if temperature is None and pm is not None:  # 섭씨로 약 37.8도: the scale before a qualifier
        tm = P.temperature_before.search(t, max(0, pm.start("w") - 6), pm.start("w"))
        temperature = P.temperature_prefixes[tm.group("w")] if tm is not None else None
    at = end + 1 if t.startswith(" " + DEGREE, end) else end  # 삼십육점오 도
    if entry is None and t.startswith(DEGREE, at):
        unit = temperature[0] if temperature is not None else CELSIUS
        cued = temperature is not None or P.temperature_cue.search(t, max(0, pstart - 20), pstart)
        nxt = at + len(DEGREE)
        on_word = at in a.starts and (nxt >= len(t) or not is_hangul(t[nxt]) or nxt in a.ends)
        if cued and on_word:
            entry = UnitEntry(DEGREE, unit, "temperature")
            end = nxt
    implied = False
    if entry is None and op.high is None and sentence_month(a, P, op.start, op.numeral_end):
        entry, end = P.units[MONTHS], op.numeral_end + 1  # 징역 6월: six months, not June
    if entry is None:
        big = implied_won(a, P, op, pstart)
        if big is not None:
            entry, implied, end = P.units[_WON], True, big
            value *= BIG_UNITS.get(t[op.numeral_end : big], 1)
    if entry is None or P.numbered_term.match(t, op.start):
        return None  # 2차전지 is a secondary battery: a term, not a rank
    if entry.surface == _POUND and P.weight_cue.search(t, max(0, pstart - 20), pstart):
        entry = P.units[_LB]  # 체중 200파운드: a weight in the clause, never money
    if (
        entry.surface == _DON
        and op.group == "native"
        and not P.don_cue.search(t, max(0, start - 8), start)
    ):
        return None  # 한 돈도 없다 is money; 금 한 돈 is 3.75 g
    kind = entry.kind
    if temperature is not None:
        if kind != "temperature" and scale_prefix:
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
    if sign is not None and sign.table:
        money_noun = kind == "money" and _money_subject_before(P, t, sign.start)
        keep, sign = weigh_mark(sign, kind, money_noun)
        if not keep:
            return None  # △5억원 alone, or △ used as a bullet: unsure, so no figure
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
    timed: Rate | None = None
    if rate is not None:
        if rate.makes in ("speed", "fuel_economy") and kind == "length":
            kind, unit = (
                ("speed" if rate.makes == "speed" else "fuel_economy"),
                f"{unit}/{rate.per}",
            )
        elif rate.makes == "per" and kind in _RATED:
            per = as_period(rate.per)
        elif rate.makes == "times" and kind == "count" and entry.surface in times_classifiers():
            per = as_period(rate.per)  # 주 3회
        elif rate.makes in ("per", "times") and kind == "duration" and high is None:
            timed = rate  # 주 4일, 하루 8시간: decided with the duration's cue below
            rate = None
        else:
            rate = None
        if rate is not None and rates is not None:
            rates.append(rate)
    if (
        kind == "duration"
        and entry.surface == _WEEK
        and cue_at(a, P, end) is None
        and shares(a, op, start, end)
    ):
        kind, unit = "count", "count"  # 자사주 50만주, 100주를 매수: shares, not weeks
    if kind == "duration" and entry.surface == _YEAR and high is None and dated_year(t, value, end):
        return None  # 20012년 9월: a mistyped date, not twenty thousand years
    if kind == "duration":
        numeral = t[op.start : op.numeral_end].rstrip("여")
        fraction = hundredths(a, entry, end) if high is None and not approximate else None
        if fraction is not None:  # 10초26, 1분45초28: a race time to the hundredth
            end, value = fraction[0], value + fraction[1]
        length = extend(a, P, entry, (value, high, op.group, numeral), start, end, prefix)
        if timed is not None and rate_of_time(
            a, P, t[timed.start : timed.end], timed.per, entry, value, end
        ):
            per = as_period(timed.per)  # 주 4일 근무제 → 4 day per week
            length = length or Length(end, value, high, False, None)
            if rates is not None:
                rates.append(timed)
        if length is None:
            return None
        end, value, high = length.end, length.value, length.high
        approximate, bound = approximate or length.approximate, length.bound
    elif kind == "count" and entry.surface == _TIMES and t[end : end + 1] in P.inning_halves:
        return None  # 9회말: an inning, a match time of figures/match_times.py
    elif kind == "count" and (reading := context_reading(a, entry.surface, value, end)) != "count":
        if reading is None or high is not None:
            return None  # 1층 로비, 38선, 코스피 2,500선: a place, a line, an index level
        kind, unit, classifier = "ordinal", "ordinal", entry.surface  # 30층에서: the floor
    elif kind == "count":
        fields = count_fields(a, P, op, entry.surface, start, end, ordinal_prefix)
        if fields is None:
            return None  # 20대 여성, 4대 은행, 기호 2번, 사법연수원 17기: no count
        classifier, counted = fields
    elif kind == "age" and (generation(a, P, op, start) or regnal(a, op, start) or age_gap(t, end)):
        return None  # 재벌 2세: a generation; 루이 14세: a king; 2살 연상: a gap; not an age
    elif kind == "ordinal" or ordinal_prefix:
        classifier = entry.surface
    if ordinal_prefix:
        kind = "ordinal"
        unit = "ordinal"
    if prefix == "제" and pm is not None:
        start = pm.start("w")
    elif prefix is not None and reached_peak(t, prefix, end, kind):
        pass  # 최대 94,509MW를 기록: the peak reached, no bound; the adjective stays outside
    elif prefix is not None:
        role = P.qualifiers.get(prefix)
        if role is not None and role != "none":
            if role == "approximate":
                approximate = True
            else:
                bound = as_bound(role)
        if role != "none":
            start = pm.start("w") if pm else start
    if kind in _DECADE_KINDS and P.decade_suffix.match(t, end) and whole(a, end, end + 1):
        approximate = True
        end += 1
    elif kind in _DECADE_KINDS and spaced_band(a, P, end):
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
    if am is None and kind in _CLASSED and t.startswith(_CLASS, end) and whole(a, end, end + 1):
        am = after_qualifier(a, P, end + len(_CLASS))
    if am and not surpassed_value(t, start, am):
        end, approximate, bound = take_after(P, am, approximate, bound)
    if kind in _DIRECTED and t[end - 1] != _TO:  # 10% 아래로 떨어졌다: a level, not a change
        direction = direction_after(a, end) or direction
    per_unit: Basis | None = None
    based = basis_before(a, kind, rate.start if rate is not None else start)
    if based is not None:  # 배럴당 80달러, 3.3㎡당 4,190만원, 1kWh당 6km (an economy)
        economy = economy_unit(based, unit) if kind == "length" else None
        if economy is not None:
            kind, unit = economy
        else:
            per_unit = based.basis
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
        per_unit=per_unit,
        direction=direction,
        implied_unit=implied,
    )


def recognize(a: Analysed) -> list[FigureCandidate]:
    """Figure candidates (every kind but date and time) of ``a``."""
    P = patterns()
    t = a.text
    out: list[FigureCandidate] = []
    rates: list[Rate] = []
    skip_to = 0
    digits = _DIGIT.search(t) is not None  # four sentences in ten have none
    serials = digits and has_serials(a)  # digits in a URL or a serial are no Arabic numbers
    for m in P.numeral.finditer(t):
        if m.start() < skip_to:
            continue
        op = operand(a, P, m, serials)
        if op is None:
            continue
        joined = join_ones(a, P, op)
        if joined is not None:
            op, skip_to = joined, joined.end
        while (longer := join_parts(a, P, op)) is not None:  # 3년 6개월, 2시간 30분 15초
            op, skip_to = longer, longer.end
        sep = P.range_sep.match(t, op.end)
        if sep:
            right = P.numeral.match(t, sep.end())
            if right is None and t[sep.end() : sep.end() + 1] in _SIGNS:
                # -0.5~+1.5%: a range with signed ends, unread; neither end is a figure alone
                signed = P.numeral.match(t, sep.end() + 1)
                skip_to = signed.end() if signed is not None else skip_to
                continue
            if right:
                rng = make_range(a, P, op, right)
                if rng is not None:
                    cand = _qualify(a, P, rng, rates)
                    if cand is not None:
                        out.append(cand)
        if op.entry is not None or op.group in _BARE_GROUPS:  # 영하 삼 도, 매출 3150억
            cand = _qualify(a, P, op, rates)
            if cand is not None:
                out.append(cand)
    if "분의" in t or "절반" in t:
        out.extend(fraction_with_unit(a, P, c) for c in fractions(a, P))
    out.extend(day_words(a, P))  # 이틀 동안, 사흘 만에, 보름 이상
    if "단위" in t:
        out = [c for c in out if not unit_of_account(t, c)]
    if rates:  # 한 해에 40억 원씩: 한 해 is the period of the money, no length of its own
        out = [c for c in out if not any(r.start <= c.start and c.end <= r.end for r in rates)]
    if digits:
        out = _digit_readers(a, P, out, rates)
    return link_equivalents(a, P, out)


def _digit_readers(
    a: Analysed, P: Patterns, out: list[FigureCandidate], rates: list[Rate]
) -> list[FigureCandidate]:
    """``out`` with the figures of the readers whose patterns all begin with Arabic digits."""
    # 후반 35분, 연장 10회, 8기가 램: the minute, inning or 8기 is no length or count of its own
    owned = recognize_match_times(a, P) + recognize_byte_words(a) + recognize_kiro(a)
    if owned:
        out = [c for c in out if not any(k.start <= c.start < k.end for k in owned)]
        out.extend(owned)
    out.extend(recognize_ratios(a))
    out.extend(recognize_stages(a))  # 16강 진출, 8강전
    out.extend(recognize_ordinal_lists(a))  # 1,2,3위, 1·2차 접종
    for rng in comma_ranges(a):  # 2,3명: two or three
        if (cand := _qualify(a, P, rng, rates)) is not None:
            out.append(cand)
    out.extend(recognize_ages(a))  # 홍길동(41), 이모(41·여)씨
    return out


def _money_subject_before(P: Patterns, t: str, start: int) -> bool:
    """A money noun of ``data/figures/money_subjects.txt`` right before (``영업이익은 △…``)."""
    return P.money_subject.search(t, max(0, start - 12), start) is not None
