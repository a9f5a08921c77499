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
from newsfigs.numbers import BIG_UNITS, parse_fraction, parse_number
from newsfigs.pipeline import Candidate
from newsfigs.recognizers.figure_patterns import UNIT_CHARS, Patterns, patterns
from newsfigs.units import UnitEntry

_HANGUL = regex.compile(r"[가-힣]")
_LATIN = regex.compile(r"[A-Za-z]")
_CUE_ONLY = frozenset({"년", "일", "주"})  # durations only with 간/동안/만에/째
_NATIVE_OK = frozenset({"count", "ordinal", "multiplier", "age", "duration"})
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


_NUM_TAGS = frozenset({"NR", "SN"})
_NATIVE_TAGS = frozenset({"NR", "MM", "NNG", "NNB"})


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
        # a unit char must be a numeral morpheme (10조각 is ten pieces, not 10조)
        for i in range(s, e):
            if (
                t[i] in UNIT_CHARS
                and a.tag_at.get(i) not in ("NR", "SN")
                and not any(tok.tag == "NR" for tok in a.tokens_in(i, i + 1))
            ):
                e = i
                break
        e = len(t[s:e].rstrip()) + s
        return (s, e) if e > s else None
    if group == "sino":
        return (s, e) if _covered_by(a, s, e, _NUM_TAGS | {"MM"}) else None
    if group == "su":
        return (s, e) if s in a.starts and e in a.ends else None
    if group == "native":
        if s > 0 and _is_hangul(t[s - 1]):
            return None
        return (s, e) if s in a.starts and e in a.ends else None
    return None


def _unit_at(a: Analysed, P: Patterns, pos: int, group: str) -> tuple[UnitEntry, int] | None:
    """The longest unit or classifier at ``pos`` (one optional space) that ends a morpheme."""
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
                if (q not in a.starts or end not in a.ends) and _is_hangul(nxt):
                    continue
            elif _LATIN.match(last) and _LATIN.match(nxt):
                continue
            if group == "native" and entry.kind not in _NATIVE_OK:
                continue
            return entry, end
    return None


def _operand(a: Analysed, P: Patterns, m: regex.Match[str]) -> Operand | None:
    span = _numeral_span(a, m)
    if span is None:
        return None
    s, e = span
    group = m.lastgroup or ""
    text = a.text[s:e]
    try:
        if group == "su":
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
        cue = P.duration_cue.match(t, end)
        if entry.surface in _CUE_ONLY and not cue:
            return None
        if entry.surface in ("해", "달") and op.group not in ("native", "ar"):
            return None
        if cue and cue.end() in a.ends | {len(t)}:
            end = cue.end()
        half = P.half.match(t, end)
        if half and entry.surface in ("시간", "개월", "년", "달", "해") and op.high is None:
            value += Decimal("0.5")
            end = half.end()
    elif kind == "count":
        if entry.surface == "대" and (
            value in _AGE_GROUPS or a.text[op.numeral_end - 1] in BIG_UNITS
        ):
            return None  # 20대 = people in their twenties
        fields["classifier"] = entry.surface
        counted = _counted(a, P, start)
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
    if kind in ("money", "percent") and P.decade_suffix.match(t, end) and end in a.starts:
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
    """The noun right before a count (``직원 300명`` → 직원), unless it frames the number."""
    for tok in reversed(a.tokens_in(max(0, start - 12), start)):
        if tok.end in (start, start - 1) and tok.tag == "NNG" and len(tok.form) >= 2:
            return None if tok.form in P.counted_stop else tok.form
        if tok.end <= start - 1:
            return None
    return None


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
    for m in P.numeral.finditer(t):
        op = _operand(a, P, m)
        if op is None:
            continue
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
