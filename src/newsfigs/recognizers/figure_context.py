"""What surrounds a figure: qualifiers after it, a currency symbol before it, the counted
noun, fractions and parenthesized equivalents.

Helpers of ``recognizers.figures``, apart so each module stays readable; all take the compiled
``Patterns`` and never compile or load anything themselves.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import regex

from newsfigs.analysis import Analysed
from newsfigs.numbers import parse_fraction
from newsfigs.pipeline import Candidate
from newsfigs.recognizers.figure_patterns import Patterns

# tags of the morphemes a counted noun is made of (선별진료소, 매몰자, 소상공인, LG전자 …)
_COUNTED_PARTS = frozenset({"NNG", "NNP", "XSN", "XPN", "SL", "SH"})
_HALF_WORD = regex.compile(r"절반")


def after_qualifier(a: Analysed, P: Patterns, end: int) -> regex.Match[str] | None:
    """A qualifier after the figure (이상, 가량 …) that is a whole morpheme."""
    m = P.after.match(a.text, end)
    if m is None or m.start("w") not in a.starts or m.end() not in a.ends:
        return None
    return m


def symbol_before(P: Patterns, t: str, start: int) -> str | None:
    """A currency symbol written ahead of the number (``$100``, ``US$ 5억``)."""
    for sym in P.symbol_order:
        k = start - len(sym)
        if t[max(0, k) : start] == sym or t[max(0, k - 1) : start] == sym + " ":
            return sym
    return None


def counted_noun(a: Analysed, P: Patterns, start: int) -> str | None:
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


def fractions(a: Analysed, P: Patterns) -> list[Candidate]:
    out: list[Candidate] = []
    for m in P.fraction.finditer(a.text):
        try:
            value = parse_fraction(m.group("den"), m.group("num"))
        except (ValueError, ArithmeticError):
            continue
        if m.start() not in a.starts or m.end() not in a.ends:
            continue
        out.append(_with_after(a, P, m.start(), m.end(), value))
    for m in _HALF_WORD.finditer(a.text):
        if m.start() in a.starts and m.end() in a.ends:
            out.append(_with_after(a, P, m.start(), m.end(), Decimal("0.5")))
    return out


def _with_after(a: Analysed, P: Patterns, start: int, end: int, value: Decimal) -> Candidate:
    fields: dict[str, Any] = {"kind": "multiplier", "unit": "dimensionless", "value": value}
    am = after_qualifier(a, P, end)
    if am:
        role = P.qualifiers[am.group("w")]
        fields["approximate" if role == "approximate" else "bound"] = (
            True if role == "approximate" else role
        )
        end = am.end()
    return Candidate(start, end, "figure", fields, priority=1)


def link_equivalents(a: Analysed, cands: list[Candidate]) -> list[Candidate]:
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
