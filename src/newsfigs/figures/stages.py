"""Tournament stages: ``16강 진출``, ``8강전``, ``4강에 올랐다`` (docs/figures.md, "Stages").

``N강`` names the round in which N teams are left, never a count of 강: it is reported as an
ordinal with the classifier ``강`` and ``value`` N. Only a power of two from 2 to 128 is a
stage, and only when a word of ``data/figures/stage_words.tsv`` follows (``전`` and ``행`` glued,
the others after one particle): ``주변 4강 외교``, ``4강 전략`` (the four powers) and ``3강
구도`` are no figures.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import FigureCandidate
from newsfigs.core.resources import read_rows, resource
from newsfigs.core.scan import literal_alternation

STAGE = "강"
SIZES = frozenset(Decimal(2**k) for k in range(1, 8))  # 2강 … 128강


@resource
def stage_pattern() -> regex.Pattern[str]:
    """``N강`` and what follows it, from ``data/figures/stage_words.tsv`` (once per process)."""
    rows = read_rows("figures/stage_words.tsv")
    glued = literal_alternation([w for w, where in rows if where == "glued"])
    after = literal_alternation([w for w, where in rows if where == "after"])
    return regex.compile(
        rf"(?<![\d.,A-Za-z가-힣])(?P<n>\d{{1,3}}+)강"
        rf"(?=(?:{glued})|(?:에서|에|을|를|이|가|의|은|는|도|까지)?+\x20?+(?:{after}))"
    )


def recognize_stages(a: Analysed) -> list[FigureCandidate]:
    """Every tournament stage of ``a`` (``16강``), as an ordinal with classifier 강."""
    t = a.text
    if STAGE not in t:
        return []
    out: list[FigureCandidate] = []
    for m in stage_pattern().finditer(t):
        value = Decimal(m.group("n"))
        if value not in SIZES or m.start() not in a.starts:
            continue
        out.append(
            FigureCandidate(
                start=m.start(),
                end=m.end(),
                source="numeral",
                kind="ordinal",
                unit="ordinal",
                value=value,
                classifier=STAGE,
            )
        )
    return out
