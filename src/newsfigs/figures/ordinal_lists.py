"""Lists of ordinals sharing one classifier: ``1,2,3위``, ``1·2위``, ``1·2차 접종``, ``3·4호기``.

Each number is a figure of its own (kind ``ordinal``, the list's classifier): ``1·2위`` says
first and second place, not a range and not the compound numbers ``3·1절`` or ``6·25`` (no
ordinal classifier follows them). The numbers must rise and have at most two digits, so a
thousands group (``1,234위``) is never split. Counts are left alone: ``2,3명`` is "two or
three people", a range the analyzer does not mark.
"""

from __future__ import annotations

import itertools
from decimal import Decimal

import regex

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import FigureCandidate
from newsfigs.core.resources import resource
from newsfigs.numbers import MIDDLE_DOTS
from newsfigs.units import classifiers

_SEPARATORS = "," + MIDDLE_DOTS
_ITEM = regex.compile(r"\d{1,2}+")


@resource
def list_pattern() -> regex.Pattern[str]:
    """Two to six small numbers joined by commas or middle dots, then an ordinal classifier."""
    words = sorted((w for w, e in classifiers().items() if e.kind == "ordinal"), key=len)
    alt = "|".join(regex.escape(w) for w in reversed(words))
    sep = regex.escape(_SEPARATORS)
    return regex.compile(
        rf"(?<![\d.{sep}A-Za-z])(?P<l>\d{{1,2}}+(?:[{sep}]\d{{1,2}}+){{1,5}}+)(?P<c>{alt})"
    )


def recognize_ordinal_lists(a: Analysed) -> list[FigureCandidate]:
    """One ordinal per number of every list of ``a`` (``1,2,3위`` → 1, 2, 3위)."""
    t = a.text
    if not any(ch in t for ch in _SEPARATORS):
        return []
    out: list[FigureCandidate] = []
    for m in list_pattern().finditer(t):
        if m.start() not in a.starts or m.end() not in a.ends:
            continue
        items = list(_ITEM.finditer(t, m.start("l"), m.end("l")))
        values = [Decimal(i.group()) for i in items]
        if any(b <= x for x, b in itertools.pairwise(values)):
            continue
        classifier = m.group("c")
        for k, (item, value) in enumerate(zip(items, values, strict=True)):
            end = m.end() if k == len(items) - 1 else item.end()
            out.append(
                FigureCandidate(
                    start=item.start(),
                    end=end,
                    source="numeral",
                    kind="ordinal",
                    unit="ordinal",
                    value=value,
                    classifier=classifier,
                )
            )
    return out
