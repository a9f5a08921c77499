"""Result models built from newsfigs' own candidates, without validating them again.

The pipeline's values are right by construction; validation of every ``Figure`` and
``Document`` was a quarter of the stage after the recognizers. ``trusted``
(``core.unvalidated``, where the date rules can use it too) builds the very instance validation
would give; a caller's ``Figure(...)`` is validated as before.
"""

from __future__ import annotations

from newsfigs.core.candidates import DateCandidate, FigureCandidate
from newsfigs.core.textnorm import Normalized
from newsfigs.core.unvalidated import trusted as trusted  # the pipeline's builder, in core
from newsfigs.models import Figure


def figure_of(c: FigureCandidate | DateCandidate, norm: Normalized) -> Figure:
    """The model of a figure or date candidate, its span mapped back to the caller's text."""
    start, end = norm.to_original(c.start, c.end)
    common = {
        "start": start,
        "end": end,
        "text": norm.original[start:end],
        "kind": c.kind,
        "approximate": c.approximate,
    }
    if isinstance(c, DateCandidate):
        return trusted(Figure, {**common, "date": c.date})
    return trusted(
        Figure,
        {
            **common,
            "value": c.value,
            "low": c.low,
            "high": c.high,
            "unit": c.unit,
            "bound": c.bound,
            "classifier": c.classifier,
            "counted": c.counted,
            "terms": c.terms,
            "per": c.per,
            "per_unit": c.per_unit,
            "direction": c.direction,
            "implied_unit": c.implied_unit,
            "equivalent": figure_of(c.equivalent, norm) if c.equivalent is not None else None,
        },
    )


def span_of(f: Figure) -> tuple[int, int]:
    return f.start, f.end
