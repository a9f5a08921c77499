"""How a result reads in one line: the text the reprs and the notebook view share.

Kept apart from the models so ``models.py`` stays the result types and their checks; this
module needs the models only for type hints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsfigs.models import Figure


def short(text: str, limit: int) -> str:
    """``text`` on one line, cut with … after ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plural(n: int, one: str, many: str | None = None) -> str:
    """``1 figure``, ``3 figures``, ``1,234 people``."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


BOUND_SIGN: dict[str, str] = {"at_least": "≥", "more_than": ">", "at_most": "≤", "less_than": "<"}
"""How a bound reads before a value (the reprs and the notebook view)."""


def basis_text(f: Figure) -> str:
    """``3.3 m**2``, ``barrel``, ``인``: the basis of a price per unit, as a repr shows it."""
    b = f.per_unit
    if b is None:
        return ""
    what = b.noun if b.noun is not None else b.unit
    return what if b.value == 1 else f"{format(b.value, 'f')} {what}"


def figure_value(f: Figure) -> str:
    """The value of ``Figure.__repr__``: exact digits and unit, a range, or the date."""
    if f.date is not None:
        d = f.date
        if d.resolved is not None:
            return d.resolved.isoformat()
        if d.resolved_start is not None and d.resolved_end is not None:
            return f"{d.resolved_start.isoformat()}..{d.resolved_end.isoformat()}"
        return "unresolved"
    prefix = ("≈" if f.approximate else "") + BOUND_SIGN.get(f.bound or "", "")
    if f.terms is not None:  # a ratio or score: 12:1, no unit
        shown = prefix + ":".join(format(t, "f") for t in f.terms)
    else:
        if f.value is not None:
            number = format(f.value, "f")
        else:
            number = f"{format(f.low or 0, 'f')}..{format(f.high or 0, 'f')}"
        shown = f"{prefix}{number} {f.unit or ''}".rstrip()
    if f.per is not None:
        shown += f" per {f.per}"
    if f.per_unit is not None:
        shown += f" per {basis_text(f)}"
    if f.direction is not None:
        shown += f" ({f.direction})"
    return shown
