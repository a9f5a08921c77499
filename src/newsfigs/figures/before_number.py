"""What is written right before a number (a sign, a rate word, a qualifier, 평균, a currency
symbol), and whether a number without a unit may still get one: the looks ``_qualify`` runs
first, each skipped when the character before the number cannot end what it looks for.
"""

from __future__ import annotations

import regex

from newsfigs.core.analyzer import Analysed
from newsfigs.core.resources import resource
from newsfigs.figures.durations import sentence_month
from newsfigs.figures.figure_context import symbol_before
from newsfigs.figures.figure_patterns import EndAnchored, Patterns, patterns
from newsfigs.figures.operands import DEGREE, Operand
from newsfigs.figures.readings import won_end
from newsfigs.figures.signs import PER, RATE_GAP, Rate, Sign, rate_before, sign_before, sign_tables

_AVERAGE = EndAnchored(r"평균\x20?+\Z", ["평균"])


@resource
def _ends_before() -> frozenset[str]:
    """The last characters of every sign mark, rate word, qualifier, 평균 and currency symbol
    that ``_before`` and ``symbol_before`` look for right before a number."""
    P, S = patterns(), sign_tables()
    return P.before.ends | S.mark_before.ends | S.rate_before.ends | _AVERAGE.ends | P.symbol_ends


def words_before(
    a: Analysed, P: Patterns, op: Operand
) -> tuple[Sign | None, Rate | None, regex.Match[str] | None, int, str | None]:
    """What is written before ``op``: its sign, rate word, qualifier (the ``before`` match),
    where the words that qualify it begin, and a currency symbol. Most numbers have none of
    them: when no such word can end right before the number, no look is run."""
    t, start = a.text, op.start
    if start == 0:
        return None, None, None, start, None
    last = t[start - 1]  # each word ends right before the number, or one space before it
    ends = _ends_before()
    if (
        last not in ends
        and (last != " " or start < 2 or t[start - 2] not in ends)
        and PER not in t[max(0, start - RATE_GAP) : start]
    ):
        return None, None, None, start, None
    sign = sign_before(a, start) if op.group in ("ar", "sino", "spoken", "digit") else None
    qstart = sign.start if sign is not None else start
    rate = rate_before(a, qstart)
    pstart = rate.start if rate is not None else qstart
    pm = P.before.search(t, max(0, pstart - 6), pstart)
    if rate is None and pm is not None:
        rate = rate_before(a, pm.start("w"))  # 연 최대 4.5%
    if rate is None and (avg := _AVERAGE.search(t, max(0, pstart - 3), pstart)) is not None:
        rate = rate_before(a, avg.start())  # 하루 평균 3000명, 월평균 150만원
    if rate is None:  # 시간당 최저임금은 9860원: the rate word, then the thing rated
        rate = rate_before(a, pm.start("w") if pm is not None else qstart, gap=True)
    symbol = symbol_before(P, t, start) if op.group == "ar" else None
    return sign, rate, pm, pstart, symbol


def may_take_unit(a: Analysed, P: Patterns, op: Operand) -> bool:
    """Whether ``_qualify`` may find a unit for a number without one: a currency symbol before
    it, 도 after it, 월 after 징역, or won after a money noun; without all four it returns None
    whatever else stands around the number, so it need not look."""
    t = a.text
    if op.group == "ar" and symbol_before(P, t, op.start) is not None:
        return True
    at = op.end + 1 if t.startswith(" " + DEGREE, op.end) else op.end
    if t.startswith(DEGREE, at):
        return True
    if op.high is None and sentence_month(a, P, op.start, op.numeral_end):
        return True
    return won_end(a, op) is not None
