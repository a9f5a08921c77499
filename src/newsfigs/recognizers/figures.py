"""The figure recognizer: numbers anchored to their unit, classifier or qualifier.

It scans the normalized text for numerals (Arabic, 만/억/조 mixed, Sino-Korean, native), and
keeps one only when a unit or classifier follows it (or a currency symbol precedes it). The
morpheme boundaries decide the ambiguous cases: ``3도시`` is not 3 degrees because ``도``
does not end a morpheme there. Dates and times belong to ``recognizers.dates``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

import regex

from newsfigs.analysis import Analysed
from newsfigs.numbers import BIG_UNITS, native_range, parse_fraction, parse_number
from newsfigs.pipeline import Candidate
from newsfigs.recognizers.figure_patterns import UNIT_CHARS, Patterns, patterns
from newsfigs.units import UnitEntry

_LATIN = regex.compile(r"[A-Za-z]")
_CUE_ONLY = frozenset({"년", "일", "주"})  # durations only with 간/동안/만에/째
_HALVES = frozenset({"시간", "개월", "년", "달", "해"})  # units that take 반 (half)
_NOUNS = frozenset({"NNG", "NNP"})
_AGE_NEXT = frozenset({"NNG", "NNP", "NNB", "SL"})  # 20대 여성, 20대 중반, 30대 A씨
# tags of the morphemes a counted noun is made of (선별진료소, 매몰자, 소상공인, LG전자 …)
_COUNTED_PARTS = frozenset({"NNG", "NNP", "XSN", "XPN", "SL", "SH"})
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
_AGE_GROUPS = frozenset(Decimal(n) for n in range(10, 100, 10))
_TEMPERATURE_PREFIX = {"섭씨": "degC", "영상": "degC", "영하": "degC", "화씨": "degF"}
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
    fields: dict[str, Any] = field(default_factory=dict)


def _is_hangul(ch: str) -> bool:
    return "가" <= ch <= "힣"


def _covered_by(a: Analysed, start: int, end: int, tags: frozenset[str]) -> bool:
    """All tokens over ``[start, end)`` have one of ``tags`` and the span follows boundaries."""
    if start not in a.starts or end not in a.ends:
        return False
    return all(t.tag in tags for t in a.tokens_in(start, end))


_SINO_TAGS = frozenset({"NR", "SN", "MM"})
_NATIVE_TAGS = frozenset({"NR", "MM", "NNG", "NNB"})  # not 서/VV (줄을 서), not 너/NP


def _whole(a: Analysed, start: int, end: int) -> bool:
    """``[start, end)`` begins and ends on morpheme boundaries."""
    return start in a.starts and end in a.ends


def _numeral_span(a: Analysed, m: regex.Match[str]) -> tuple[int, int] | None:
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
        # more digits follow it in the same numeral (the analyzer tags 경 of 2경 3,039조 XSN)
        for i in range(s, e):
            if (
                t[i] in UNIT_CHARS
                and a.tag_at.get(i) not in ("NR", "SN")
                and not any(tok.tag == "NR" for tok in a.tokens_in(i, i + 1))
                and not (t[i] in BIG_UNITS and any(ch.isdigit() for ch in t[i + 1 : e]))
            ):
                e = i
                break
        e = len(t[s:e].rstrip()) + s
        return (s, e) if e > s else None
    if group == "sino":
        return (s, e) if _covered_by(a, s, e, _SINO_TAGS) else None
    if group == "su":
        return (s, e) if s in a.starts and e in a.ends else None
    if group == "native":
        if s > 0 and _is_hangul(t[s - 1]):
            return None
        return (s, e) if _covered_by(a, s, e, _NATIVE_TAGS) else None
    return None


def _unit_at(a: Analysed, P: Patterns, pos: int, group: str) -> tuple[UnitEntry, int] | None:
    """The longest unit or classifier at ``pos`` (one optional space) that ends a morpheme.

    An ordinal glued to a following noun is part of a name (``2차전지``); a duration unit may
    be glued to its cue (``2주간``, which the analyzer keeps as one morpheme). Native numerals
    take classifiers only.
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
                if _names_noun(a, P, entry, end):
                    continue
            elif _LATIN.match(last) and _LATIN.match(nxt):
                continue
            if group == "native" and entry.surface not in P.classifiers:
                continue
            return entry, end
    return None


def _cue_glued(a: Analysed, P: Patterns, entry: UnitEntry, end: int) -> bool:
    """A duration unit whose cue completes the morpheme: ``2주간``, ``3일간``."""
    if entry.kind != "duration":
        return False
    cue = P.duration_cue.match(a.text, end)
    return cue is not None and cue.end() in a.ends


def _names_noun(a: Analysed, P: Patterns, entry: UnitEntry, end: int) -> bool:
    """An ordinal glued to a following noun is part of that noun's name, not a rank.

    ``2차전지`` is a secondary battery, ``2차대전`` a war, ``2번타자`` and ``1번출구`` labels.
    Counting words glued to a noun still count (``10개팀`` is ten teams, ``300명선`` the
    300 line), and a qualifier the analyzer tags as a noun is no compound (``2위가량``).
    """
    if entry.kind != "ordinal" and entry.surface != "번":
        return False
    if end not in a.starts or a.tag_at.get(end) not in _NOUNS:
        return False
    return P.after.match(a.text, end) is None


def _half_at(a: Analysed, P: Patterns, pos: int) -> int | None:
    """End of a ``반`` (half) morpheme at ``pos`` (one optional space), else None."""
    m = P.half.match(a.text, pos)
    if m is None or not _whole(a, m.end() - 1, m.end()):
        return None
    return m.end()


def _operand(a: Analysed, P: Patterns, m: regex.Match[str]) -> Operand | None:
    span = _numeral_span(a, m)
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
            base = parse_number(text[1:])
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
        if e < len(t) and t[e] in BIG_UNITS:  # 1000여억원
            op.value *= BIG_UNITS[t[e]]
            e += 1
        op.end = op.numeral_end = e
    found = _unit_at(a, P, e, group)
    if found:
        op.entry, op.end = found
    return op


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


def _range(
    a: Analysed, P: Patterns, left: Operand, right_match: regex.Match[str]
) -> Operand | None:
    """``3~5%``, ``3~4조원``, ``이만오천원 - 삼만원``: one operand from two."""
    right = _operand(a, P, right_match)
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


def _qualify(a: Analysed, P: Patterns, op: Operand) -> Candidate | None:
    """Apply prefixes, suffixes and kind rules; build the candidate."""
    t = a.text
    entry = op.entry
    start, end = op.start, op.end
    approximate, bound = op.approximate, None
    ordinal_prefix = False
    value, high = op.value, op.high
    pm = P.before.search(t, max(0, start - 6), start)
    prefix = pm.group("w") if pm else None
    symbol = _symbol_before(P, t, start) if op.group == "ar" else None
    if symbol is not None:
        if entry is None or entry.kind != "money":
            if entry is not None:
                end = op.numeral_end  # the word after is not a currency: keep the number
            entry = P.symbols[symbol]
        start = t.rindex(symbol, 0, start)
        prefix = None
    if entry is None and prefix in _TEMPERATURE_PREFIX and t.startswith("도", end):
        nxt = end + 1
        if end in a.starts and (nxt >= len(t) or not _is_hangul(t[nxt]) or nxt in a.ends):
            entry = UnitEntry("도", _TEMPERATURE_PREFIX[prefix], "temperature")
            end = nxt
    if entry is None:
        return None
    kind = entry.kind
    if prefix in _TEMPERATURE_PREFIX:
        if kind != "temperature":
            prefix = None
        elif prefix == "영하":
            value, high = -value, (-high if high is not None else None)
            if high is not None:
                value, high = high, value
    if prefix == "제":
        if kind not in ("count", "ordinal"):
            return None
        ordinal_prefix = True
    fields: dict[str, Any] = {"unit": entry.unit}
    if kind == "duration":
        half_end = _half_at(a, P, end) if entry.surface in _HALVES and op.high is None else None
        if half_end is not None:  # 1시간 반, 1년 반 만에: the cue comes after the half
            value += Decimal("0.5")
            end = half_end
        cue = P.duration_cue.match(t, end)
        if entry.surface in _CUE_ONLY and not cue:  # 1년 반 전 is a relative date
            return None
        if entry.surface in ("해", "달") and op.group not in ("native", "ar"):
            return None
        if cue and (cue.end() in a.ends or cue.end() == len(t)):
            end = cue.end()
            approximate = approximate or cue.group("about") is not None
    elif kind == "count":
        counted = _counted(a, P, start)
        if entry.surface == "대" and not ordinal_prefix and _age_group(a, op, counted, end):
            return None
        fields["classifier"] = entry.surface
        if counted:
            fields["counted"] = counted
    elif kind == "ordinal" or ordinal_prefix:
        fields["classifier"] = entry.surface
    if ordinal_prefix:
        kind = "ordinal"
        fields["unit"] = "ordinal"
    if prefix == "제" and pm is not None:
        start = pm.start("w")
    elif prefix is not None:
        role = P.qualifiers.get(prefix)
        if role is not None and role != "none":
            if role == "approximate":
                approximate = True
            else:
                bound = role
        if role != "none":
            start = pm.start("w") if pm else start
    if kind in _DECADE_KINDS and P.decade_suffix.match(t, end) and _whole(a, end, end + 1):
        approximate = True
        end += 1
    echo = P.echo.match(t, end)
    if echo and P.units[echo.group(1)].unit == entry.unit:
        end = echo.end()
    am = _after(a, P, end)
    if am:
        role = P.qualifiers[am.group("w")]
        if role == "approximate":
            approximate = True
        elif bound is None:
            bound = role
        end = am.end()
    fields.update(kind=kind, approximate=approximate, bound=bound)
    if high is not None:
        fields.update(value=None, low=value, high=high)
    else:
        fields["value"] = value
    return Candidate(start, end, "figure", fields, priority=1)


def _age_group(a: Analysed, op: Operand, counted: str | None, end: int) -> bool:
    """``20대`` is people in their twenties unless a counted noun frames it as vehicles.

    ``소방차 20대가`` counts fire engines; ``20대 여성``, ``거주 20대 남성`` and ``응답자 중
    20대가`` are age groups (a noun after 대, or no counted noun before the number).
    """
    if op.value not in _AGE_GROUPS or op.high is not None or op.approximate:
        return False
    if op.group not in ("ar", "sino"):
        return False
    nxt = end + 1 if a.text.startswith(" ", end) else end
    return counted is None or a.tag_at.get(nxt) in _AGE_NEXT


def _after(a: Analysed, P: Patterns, end: int) -> regex.Match[str] | None:
    """A qualifier after the figure (이상, 가량 …) that is a whole morpheme."""
    m = P.after.match(a.text, end)
    if m is None or m.start("w") not in a.starts or m.end() not in a.ends:
        return None
    return m


def _symbol_before(P: Patterns, t: str, start: int) -> str | None:
    """A currency symbol written ahead of the number (``$100``, ``US$ 5억``)."""
    for sym in sorted(P.symbols, key=len, reverse=True):
        k = start - len(sym)
        if t[max(0, k) : start] == sym or t[max(0, k - 1) : start] == sym + " ":
            return sym
    return None


def _counted(a: Analysed, P: Patterns, start: int) -> str | None:
    """The noun word right before a count (``직원 300명`` → 직원), unless it frames the number.

    The whole compound is the counted noun (``공공임대주택 5만 가구``, ``매몰자 5명``): the
    run of noun morphemes that ends at the number or one space before it, back to a space,
    punctuation or the start of the text. Its head (last noun before any suffix) decides
    whether it frames the number instead.
    """
    t = a.text
    limit = start - 1 if t[start - 1 : start] == " " else start
    toks = a.tokens_in(max(0, limit - 24), limit)
    if not toks or toks[-1].end != limit or toks[-1].tag not in ("NNG", "XSN"):
        return None
    last = first = len(toks) - 1
    while first > 0 and toks[first - 1].end == toks[first].start:
        prev = toks[first - 1]
        if prev.tag not in _COUNTED_PARTS:
            if not prev.tag.startswith("S") or prev.tag == "SN":
                return None  # glued to a particle, an ending or a number: not a plain noun
            break
        first -= 1
    word = t[toks[first].start : toks[last].end]
    parts = reversed(toks[first : last + 1])
    head = next((tok.form for tok in parts if tok.tag != "XSN"), word)
    if len(word) < 2 or word in P.counted_stop or head in P.counted_stop:
        return None  # 지난해 300명, 이틀째 2천명대: time and framing words
    return word


def _fractions(a: Analysed, P: Patterns) -> list[Candidate]:
    out: list[Candidate] = []
    for m in P.fraction.finditer(a.text):
        try:
            value = parse_fraction(m.group("den"), m.group("num"))
        except (ValueError, ArithmeticError):
            continue
        if m.start() not in a.starts or m.end() not in a.ends:
            continue
        out.append(_with_after(a, P, m.start(), m.end(), value))
    for m in regex.finditer(r"절반", a.text):
        if m.start() in a.starts and m.end() in a.ends:
            out.append(_with_after(a, P, m.start(), m.end(), Decimal("0.5")))
    return out


def _with_after(a: Analysed, P: Patterns, start: int, end: int, value: Decimal) -> Candidate:
    fields: dict[str, Any] = {"kind": "multiplier", "unit": "dimensionless", "value": value}
    am = _after(a, P, end)
    if am:
        role = P.qualifiers[am.group("w")]
        fields["approximate" if role == "approximate" else "bound"] = (
            True if role == "approximate" else role
        )
        end = am.end()
    return Candidate(start, end, "figure", fields, priority=1)


def _link_equivalents(a: Analysed, cands: list[Candidate]) -> list[Candidate]:
    """``1700억 달러(약 240조원)``: the first figure points to the parenthesized one."""
    t = a.text
    by_start: dict[int, Candidate] = {}
    for c in cands:
        best = by_start.get(c.start)
        if best is None or c.end > best.end:
            by_start[c.start] = c
    out: list[Candidate] = []
    for c in cands:
        p = c.end + (1 if t.startswith(" (", c.end) else 0)
        inner = by_start.get(p + 1) if t.startswith("(", p) else None
        if (
            inner is not None
            and t.startswith(")", inner.end)
            and inner.fields.get("kind") == c.fields.get("kind")
        ):
            c = replace(c, fields={**c.fields, "equivalent": inner})
        out.append(c)
    return out


def recognize(a: Analysed) -> list[Candidate]:
    """Figure candidates (every kind but date and time) of ``a``."""
    P = patterns()
    t = a.text
    out: list[Candidate] = []
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
        sep = P.range_sep.match(t, op.end)
        if sep:
            right = P.numeral.match(t, sep.end())
            if right:
                rng = _range(a, P, op, right)
                if rng is not None:
                    cand = _qualify(a, P, rng)
                    if cand is not None:
                        out.append(cand)
        if op.entry is not None or op.group == "ar":
            cand = _qualify(a, P, op)
            if cand is not None:
                out.append(cand)
    if "분의" in t or "절반" in t:
        out.extend(_fractions(a, P))
    return _link_equivalents(a, out)
