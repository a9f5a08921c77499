"""What surrounds a figure: qualifiers after it, a currency symbol before it, the counted
noun, fractions and parenthesized equivalents.

Helpers of ``figures.find_figures``, apart so each module stays readable; all take the compiled
``Patterns`` and never compile or load anything themselves.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import cast, get_args

import regex

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import FigureCandidate
from newsfigs.core.resources import read_rows, resource
from newsfigs.core.scan import literal_alternation
from newsfigs.figures.figure_patterns import Patterns
from newsfigs.models import Bound
from newsfigs.numbers import parse_fraction, parse_number

# tags of the morphemes a counted noun is made of (선별진료소, 매몰자, 소상공인, LG전자 …)
_COUNTED_PARTS = frozenset({"NNG", "NNP", "XSN", "XPN", "SL", "SH"})
_HALF_WORD = regex.compile(r"절반")
_YEAR_BEFORE = regex.compile(r"(?<!\d)\d{4}년\x20\Z")


def after_qualifier(a: Analysed, P: Patterns, end: int) -> regex.Match[str] | None:
    """A qualifier after the figure (이상, 가량 …) that is a whole morpheme.

    A listed verb stem (``넘어서``, also written ``넘어섰``, ``넘어선`` …) takes its endings
    along: the match runs to the end of the verb (``넘어섰다``, ``넘어서며``, ``넘어선``).
    """
    m = P.after.match(a.text, end)
    if m is None:
        return None
    m = P.after.match(a.text, end, _verb_end(a, P, m.start("w"), m.end("w")))
    if m is None or m.start("w") not in a.starts or m.end() not in a.ends:
        return None
    return m


_BOUNDS: frozenset[str] = frozenset(get_args(Bound))


def as_bound(role: str | None) -> Bound | None:
    """A qualifier's role (``data/shared/qualifiers.tsv``) as a bound, when it is one."""
    return cast(Bound, role) if role in _BOUNDS else None


def take_after(
    P: Patterns, am: regex.Match[str], approximate: bool, bound: Bound | None
) -> tuple[int, bool, Bound | None]:
    """Fold a qualifier after the figure in: (new span end, approximate, bound).

    ``가량`` makes the figure approximate; a bound word sets the bound unless one was written
    before the number (``최소 3명 이상`` keeps ``at_least`` from ``최소``).
    """
    role = P.qualifiers[am.group("w")]
    if role == "approximate":
        return am.end(), True, bound
    return am.end(), approximate, bound if bound is not None else as_bound(role)


def _verb_end(a: Analysed, P: Patterns, start: int, end: int) -> int:
    """Where the verb whose stem is written at ``[start, end)`` ends: after its endings (EP,
    EF, EC, ETM …) when the analyzer reads a listed stem there, else ``end``."""
    toks = a.tokens_in(start, end + 8)
    if not toks or toks[0].start != start or toks[0].tag != "VV":
        return end
    if toks[0].form not in P.qualifiers or toks[0].end != end:
        return end
    for tok in toks[1:]:
        if tok.start > end or not tok.tag.startswith("E"):
            break
        end = max(end, tok.end)
    return end


_PEAKS = frozenset({"최대", "최고", "최저"})
"""Qualifiers that are also superlatives: the peak a value reached, when a record verb follows."""


@resource
def _record_verb() -> regex.Pattern[str]:
    """``data/figures/record_verbs.tsv`` as one look after a figure (once per process)."""
    rows = read_rows("figures/record_verbs.tsv")
    obj = literal_alternation([w for w, where in rows if where == "object"])
    until = literal_alternation([w for w, where in rows if where == "until"])
    return regex.compile(
        rf"(?:[을를에]|으로|로)?+\x20?+(?:{obj})|(?:\x20?+까지|으로|로)\x20?+(?:{until})"
    )


def reached_peak(t: str, prefix: str | None, end: int, kind: str) -> bool:
    """``최대 94,509MW를 기록``, ``장중 최고 5만원까지 올랐다``, ``최저 1.2%로 떨어졌다``:
    the superlative names the value reached, not a bound on it (``최대 500만원의 과태료``,
    ``최대 10%까지 할인`` stay bounds: no record verb follows). Of a temperature it is always
    the day's high or low (``아침 최저 3도, 낮 최고 12도``), never a bound."""
    if prefix not in _PEAKS:
        return False
    return kind == "temperature" or _record_verb().match(t, end) is not None


def surpassed_value(t: str, start: int, am: regex.Match[str]) -> bool:
    """``2002년 58GW를 넘어서는 기록``: a year's figure that another quantity passes.

    After a year, a figure that is the object (을/를) of a bound verb is that year's value,
    not a bound (docs/seeds-gold.md); ``2025년 1만 명이 넘는`` (the subject) stays a bound.
    """
    return t[am.start()] in "을를" and _YEAR_BEFORE.search(t, max(0, start - 8), start) is not None


def symbol_before(P: Patterns, t: str, start: int) -> str | None:
    """A currency symbol written ahead of the number (``$100``, ``US$ 5억``)."""
    if start == 0:
        return None
    last = t[start - 1]  # every symbol ends right before the number or one space before it
    if last not in P.symbol_ends and (
        last != " " or start < 2 or t[start - 2] not in P.symbol_ends
    ):
        return None
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


def fractions(a: Analysed, P: Patterns) -> list[FigureCandidate]:
    out: list[FigureCandidate] = []
    for m in P.fraction.finditer(a.text):
        try:
            value = parse_fraction(m.group("den"), m.group("num"))
        except (ValueError, ArithmeticError):
            continue
        if m.start() not in a.starts or m.end() not in a.ends:
            continue
        start = m.start()
        whole = P.fraction_whole.search(a.text, max(0, start - 9), start)
        # the whole part in the fraction's own script: 2와 3분의 1, 이와 삼분의 일 (2⅓)
        if (
            whole is not None
            and whole.start() in a.starts
            and ((whole.group("ar") is not None) == m.group("den")[0].isdigit())
        ):
            try:
                value += parse_number(whole.group("ar") or whole.group("sino"))
                start = whole.start()
            except (ValueError, ArithmeticError):
                pass
        out.append(_with_after(a, P, start, m.end(), value))
    for m in _HALF_WORD.finditer(a.text):
        if m.start() in a.starts and m.end() in a.ends:
            out.append(_with_after(a, P, m.start(), m.end(), Decimal("0.5")))
    return out


def _with_after(a: Analysed, P: Patterns, start: int, end: int, value: Decimal) -> FigureCandidate:
    approximate, bound = False, None
    am = after_qualifier(a, P, end)
    if am:
        role = P.qualifiers[am.group("w")]
        approximate, bound = role == "approximate", as_bound(role)
        end = am.end()
    return FigureCandidate(
        start=start,
        end=end,
        source="fraction",
        kind="multiplier",
        unit="dimensionless",
        value=value,
        approximate=approximate,
        bound=bound,
    )


def link_equivalents(
    a: Analysed, P: Patterns, cands: list[FigureCandidate]
) -> list[FigureCandidate]:
    """``1700억 달러(약 240조원)``: the first figure points to the parenthesized one."""
    t = a.text
    by_start: dict[int, FigureCandidate] = {}
    for c in cands:
        best = by_start.get(c.start)
        if best is None or c.end > best.end:
            by_start[c.start] = c
    out: list[FigureCandidate] = []
    for c in cands:
        p = c.end + (1 if t.startswith(" (", c.end) else 0)
        inner = None
        if t.startswith("(", p):
            word = P.equivalent_word.match(t, p + 1)  # (한화 약 100만원), (우리 돈 45만원)
            inner = by_start.get(word.end() if word is not None else p + 1)
        if inner is not None and t.startswith(")", inner.end) and _same_measure(c, inner):
            c = replace(c, equivalent=inner)
        out.append(c)
    return out


def _same_measure(c: FigureCandidate, inner: FigureCandidate) -> bool:
    """Money in two currencies is one amount; a count only in its own unit (``120만CGT(35척)``:
    35 ships are not 1.2 million CGT)."""
    return inner.kind == c.kind and (c.kind != "count" or inner.unit == c.unit)
