"""Times within a match: ``후반 35분``, ``연장 전반 5분``, ``후반 추가시간 3분``, ``7회말``,
``연장 10회``.

A sports clock is neither a date, a length nor a count: the minute of a half or the inning of a
game, with the period as written in ``classifier`` (docs/figures.md, "Match times"). The words
are in ``data/figures/match_periods.tsv``. An inning needs its half glued (``9회초``) or, after
연장, a number of ten or more (``연장 3회`` is no inning: regular play has nine); a minute needs
its half right before it and no duration cue after (``전반 30분 동안`` is a length).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import FigureCandidate
from newsfigs.core.resources import read_rows, resource
from newsfigs.core.scan import literal_alternation
from newsfigs.figures.figure_patterns import Patterns

_FIRST_EXTRA_INNING = 10  # regular play has nine innings
_GIVEN_TAGS = frozenset({"JKS", "JKO", "JX"})  # 추가시간 4분이/을/은: the time added, a length
_MAX_MINUTE = 150  # 후반 45분 + stoppage; a bigger number is no match clock


@dataclass(frozen=True)
class MatchTables:
    """The two patterns: a minute of a half, and an inning."""

    minute: regex.Pattern[str]
    inning: regex.Pattern[str]


@resource
def match_tables() -> MatchTables:
    """Build the patterns from ``data/figures/match_periods.tsv`` (once per process)."""
    rows = read_rows("figures/match_periods.tsv")
    words = {role: literal_alternation([w for w, r in rows if r == role]) for _, role in rows}
    extra = rf"(?:(?P<x>{words['extra']})\x20?+)"
    return MatchTables(
        minute=regex.compile(
            rf"(?<![가-힣]){extra}?+(?:(?P<h>{words['half']})\x20?+"
            rf"(?:(?P<s>{words['stoppage']})\x20?+)?+|(?P<a>{words['stoppage']})\x20?+)"
            rf"(?P<n>\d{{1,3}}+)분"
        ),
        inning=regex.compile(
            rf"(?<![가-힣]){extra}?+(?<!\d)(?P<n>\d{{1,2}}+)회(?P<h>{words['inning']})?+"
        ),
    )


def recognize_match_times(a: Analysed, P: Patterns) -> list[FigureCandidate]:
    """Every sports clock of ``a`` (minutes of a half, innings)."""
    t = a.text
    if "분" not in t and "회" not in t:
        return []
    M = match_tables()
    out: list[FigureCandidate] = []
    for m in M.minute.finditer(t):
        value = Decimal(m.group("n"))
        if value > _MAX_MINUTE or m.start() not in a.starts or m.end() not in a.ends:
            continue
        cue = P.duration_cue.match(t, m.end())
        if cue is not None and cue.group("w") is not None:
            continue  # 전반 30분 동안, 후반 10분 만에: a length within the half
        stoppage = m.group("s") is not None or m.group("a") is not None
        if stoppage and a.tag_at.get(m.end()) in _GIVEN_TAGS:
            continue  # 추가시간 4분을 줬다, 추가시간은 3분이었다: the length of added time
        out.append(_match_time(m, value, "minute"))
    for m in M.inning.finditer(t):
        value = Decimal(m.group("n"))
        if m.start() not in a.starts or m.end() not in a.ends:
            continue
        if m.group("x") is not None and value < _FIRST_EXTRA_INNING:
            continue  # 연장 3회: no extra inning
        if m.group("h") is None and m.group("x") is None:
            continue  # 3회: a count of times
        out.append(_match_time(m, value, "ordinal"))
    return out


def _match_time(m: regex.Match[str], value: Decimal, unit: str) -> FigureCandidate:
    words = [m.group(g) for g in ("x", "h")]
    if unit == "minute":
        words += [m.group("s"), m.group("a")]
    period = " ".join(w for w in words if w is not None)
    return FigureCandidate(
        start=m.start(),
        end=m.end(),
        source="numeral",
        kind="match_time",
        unit=unit,
        value=value,
        classifier=period,
    )
