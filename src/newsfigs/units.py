"""The one pint registry of newsfigs and the surface → unit tables.

The registry is pint's default plus ``data/units.txt`` (currencies as their own dimensions,
percentage points, 평, 근 …). It is built lazily, once per process, on the first quantity.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from newsfigs.core.resources import read_rows, read_text, resource
from newsfigs.numbers import in_context

if TYPE_CHECKING:  # models imports units lazily for Figure.quantity: no runtime edge back
    from newsfigs.models import FigureKind


@resource
@in_context  # pint computes its definitions (평 = 400 / 121 m²) in Decimal
def registry() -> Any:
    """The process-wide pint ``UnitRegistry`` (built on first use)."""
    import pint

    reg: Any = pint.UnitRegistry(non_int_type=Decimal, cache_folder=None)
    for line in read_text("figures/units.txt").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            reg.define(line)
    return reg


def quantity(value: Decimal, unit: str) -> Any:
    """``value`` in ``unit`` as a pint Quantity of the shared registry."""
    return registry().Quantity(value, unit)


@dataclass(frozen=True, slots=True)
class UnitEntry:
    """One surface form of a unit or classifier as written in Korean news."""

    surface: str
    unit: str
    kind: FigureKind
    position: str = "after"  # "before" for symbols written ahead of the number ($, ₩, €)

    @classmethod
    def from_row(cls, row: tuple[str, ...]) -> UnitEntry:
        """An entry from a table row (tests/test_data_integrity.py checks every kind is known)."""
        return cls(row[0], row[1], cast("FigureKind", row[2]), *row[3:])


@resource
def unit_surfaces() -> dict[str, UnitEntry]:
    """Unit surfaces (달러, GWh, %p …) → entry; keys are NFKC-normalized text."""
    return {r[0]: UnitEntry.from_row(r) for r in read_rows("figures/unit_surfaces.tsv")}


@resource
def classifiers() -> dict[str, UnitEntry]:
    """Counting words (명, 개, 위, 배, 개월, 세 …) → entry."""
    return {r[0]: UnitEntry.from_row(r) for r in read_rows("figures/classifiers.tsv")}


@dataclass(frozen=True, slots=True)
class TimeUnit:
    """A unit of time after a number (``data/shared/time_units.tsv``): figures and dates agree
    on which units count back from the reference date with ``전``/``후``/``뒤``."""

    surface: str
    offset: str | None  # the DateInfo.offset_unit of "N units ago", None when there is none
    per: int  # how many of the classifier's (and offset's) unit one of these is: 분기 = 3


@resource
def directions() -> dict[str, str]:
    """``전`` → ago, ``후``/``뒤`` → later: after a count of a time unit, a date."""
    return {r[0]: r[1] for r in read_rows("shared/directions.tsv")}


def direction_pattern(group: str) -> str:
    """The direction words as the regex group ``group``; ``전후`` is "around", not "before"."""
    words = "|".join(sorted(directions(), key=lambda w: (-len(w), w)))
    return rf"(?P<{group}>{words})(?!후)"


@resource
def time_units() -> dict[str, TimeUnit]:
    """Units of time (년, 개월, 분기, 시간 …) → what ``전``/``후`` after them count."""
    return {
        r[0]: TimeUnit(r[0], None if r[1] == "-" else r[1], int(r[2]))
        for r in read_rows("shared/time_units.tsv")
    }
