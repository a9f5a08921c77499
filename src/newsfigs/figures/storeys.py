"""Counting words read only in a context: storeys (``층``) and terms of office (``선``).

``30층`` is a building's height in ``지상 30층 규모`` and a floor in ``30층에서 추락했다``;
``1층 로비`` and ``3층 회의실`` name a place, ``38선`` a line and ``코스피 2,500선`` an index level.
So these words count only where ``data/figures/context_classifiers.tsv`` gives a reading
(docs/figures.md, "Storeys and terms").
"""

from __future__ import annotations

from decimal import Decimal

from newsfigs.core.analyzer import Analysed
from newsfigs.core.resources import read_rows, resource

_LIMITS = {"선": Decimal(12), "층": Decimal(200)}  # no one has 13 terms; towers stop near 200
_PARTICLE = "J"  # a tag prefix: 3선에 성공, 5선을 지낸


@resource
def context_classifiers() -> dict[str, tuple[dict[str, str], dict[str, str]]]:
    """classifier → (glued word → reading, next word → reading), from the data table."""
    out: dict[str, tuple[dict[str, str], dict[str, str]]] = {}
    for word, classifier, place, reading in read_rows("figures/context_classifiers.tsv"):
        glued, after = out.setdefault(classifier, ({}, {}))
        (glued if place == "glued" else after)[word] = reading
    return out


def context_reading(a: Analysed, surface: str, value: Decimal, end: int) -> str | None:
    """``count``, ``ordinal`` or None (unread) for a number with a context classifier."""
    table = context_classifiers().get(surface)
    if table is None:
        return "count"
    limit = _LIMITS.get(surface)
    if value != value.to_integral_value() or (limit is not None and value > limit):
        return None
    glued, after = table
    t = a.text
    for word, reading in glued.items():
        if t.startswith(word, end) and end + len(word) in a.ends:
            return reading
    pos = end
    toks = a.tokens_in(pos, pos + 3)
    if toks and toks[0].start == pos and toks[0].tag.startswith(_PARTICLE):
        pos = toks[0].end  # 3선에 성공
    if not t.startswith(" ", pos):
        return None
    nxt = [tok for tok in a.tokens_in(pos + 1, pos + 2) if tok.start == pos + 1]
    return after.get(nxt[0].form) if nxt else None
