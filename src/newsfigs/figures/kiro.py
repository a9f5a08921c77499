"""The spoken ``키로``: kilometres or kilograms, as the clause says (``체중이 70키로``,
``10키로를 달렸다``, ``시속 100키로``).

``키로`` is either unit, so only a cue decides (``data/figures/kiro_cues.tsv``: a distance or
a weight word before the number, a verb after it; a speed word such as 시속 makes km/h). No
cue, or cues of both, gives no figure: a wrong unit is worse than a miss.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import FigureCandidate
from newsfigs.core.resources import read_rows, resource
from newsfigs.core.scan import literal_alternation
from newsfigs.figures.signs import rate_before
from newsfigs.models import FigureKind

_KIND: dict[str, FigureKind] = {"km": "length", "kg": "mass"}


@dataclass(frozen=True)
class KiroTables:
    """The number + 키로 pattern and the cue patterns of each unit."""

    number: regex.Pattern[str]
    before: dict[str, regex.Pattern[str]]  # searched with endpos = the number's start
    after: dict[str, regex.Pattern[str]]  # matched at the figure's end


@resource
def kiro_tables() -> KiroTables:
    """Build the patterns from ``data/figures/kiro_cues.tsv`` (once per process)."""
    rows = read_rows("figures/kiro_cues.tsv")

    def words(unit: str, where: str) -> str:
        return literal_alternation([w for w, u, wh in rows if u == unit and wh in (where, "both")])

    return KiroTables(
        number=regex.compile(r"(?<![\d.,])(?P<n>\d{1,4}+(?:\.\d{1,2}+)?+)\x20?+키로"),
        before={
            u: regex.compile(
                rf"(?:{words(u, 'before')})[가-힣]{{0,2}}+(?:\x20[가-힣]{{1,6}}+){{0,2}}+\x20?+\Z"
            )
            for u in _KIND
        },
        after={
            u: regex.compile(rf"(?:을|를|나|이나|가량|정도|씩)?+\x20?+(?:{words(u, 'after')})")
            for u in _KIND
        },
    )


def recognize_kiro(a: Analysed) -> list[FigureCandidate]:
    """Every ``N키로`` of ``a`` whose clause says distance or weight."""
    t = a.text
    if "키로" not in t:
        return []
    K = kiro_tables()
    out: list[FigureCandidate] = []
    for m in K.number.finditer(t):
        s, e = m.span()
        if s not in a.starts or (
            e < len(t) and "가" <= t[e] <= "힣" and a.tag_at.get(e, "N")[0] == "N"
        ):
            continue  # 키로미터, 키로그램 are units of their own; 키로의 ... needs a particle
        units = {
            u
            for u in _KIND
            if K.before[u].search(t, max(0, s - 20), s) is not None or K.after[u].match(t, e)
        }
        rate = rate_before(a, s)
        if rate is not None and rate.makes == "speed":
            units.add("km")
        if len(units) != 1:
            continue
        unit = units.pop()
        kind, shown = _KIND[unit], unit
        if rate is not None and rate.makes == "speed":
            if unit != "km":
                continue
            kind, shown = "speed", f"km/{rate.per}"  # the span stays the figure (시속 25km)
        out.append(
            FigureCandidate(
                start=s, end=e, source="numeral", kind=kind, unit=shown, value=Decimal(m.group("n"))
            )
        )
    return out
