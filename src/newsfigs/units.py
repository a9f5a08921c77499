"""The one pint registry of newsfigs and the surface → unit tables.

The registry is pint's default plus ``data/units.txt`` (currencies as their own dimensions,
percentage points, 평, 근 …). It is built lazily, once per process, on the first quantity.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, cast

from newsfigs.core.resources import clear_resources, read_rows, read_text, resource
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
    for line in _USER.definitions:
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
    """Unit surfaces (달러, GWh, %p …) → entry; keys are NFKC-normalized text.

    The package's table plus the caller's own units (``add_unit``)."""
    rows = {r[0]: UnitEntry.from_row(r) for r in read_rows("figures/unit_surfaces.tsv")}
    return {**rows, **_USER.surfaces}


class _UserUnits:
    """The caller's own units, added by ``add_unit`` (process-wide, like the registry)."""

    def __init__(self) -> None:
        self.surfaces: dict[str, UnitEntry] = {}
        self.definitions: list[str] = []


_USER = _UserUnits()

UNIT_KINDS = frozenset(
    {
        "money",
        "percent",
        "energy",
        "power",
        "mass",
        "length",
        "area",
        "volume",
        "temperature",
        "data_size",
        "speed",
        "frequency",
        "voltage",
        "current",
        "charge",
        "fuel_economy",
        "energy_efficiency",
        "pressure",
        "concentration",
    }
)
"""Kinds a caller's unit may have: measures with a pint unit (counts, dates, ratios and the
other kinds have rules of their own)."""


def add_unit(
    surface: str,
    unit: str,
    kind: str,
    *,
    definition: str | None = None,
    position: Literal["after", "before"] = "after",
) -> None:
    """Teach newsfigs a unit: ``add_unit("마지기", "majigi", "area", definition="majigi = 200
    * pyeong")``. ``surface`` is how news writes it (after the number, or ``before`` it like
    ``$``); ``unit`` a pint unit, defined by ``definition`` (pint's syntax) when pint does not
    know it; ``kind`` the figure kind. Process-wide; the next ``extract`` reads it. A surface
    that already means something else, an unknown kind or a unit pint cannot resolve is a
    ValueError, and nothing is changed.
    """
    for name, arg in (("surface", surface), ("unit", unit), ("kind", kind)):
        if not isinstance(arg, str):
            raise TypeError(f"add_unit: {name} must be a str, got {type(arg).__name__}")
    if definition is not None and not isinstance(definition, str):
        raise TypeError(f"add_unit: definition must be a str, got {type(definition).__name__}")
    key = unicodedata.normalize("NFKC", surface).strip()
    if not key or any(c.isspace() for c in key) or any(c.isdigit() for c in key):
        raise ValueError(f"add_unit: {surface!r} is not a unit word (no spaces or digits)")
    if kind not in UNIT_KINDS:
        raise ValueError(f"add_unit: kind must be one of {sorted(UNIT_KINDS)}, got {kind!r}")
    if position not in ("after", "before"):
        raise ValueError(f"add_unit: position must be 'after' or 'before', got {position!r}")
    entry = UnitEntry(key, unit, cast("FigureKind", kind), position)
    known = unit_surfaces().get(key) or classifiers().get(key)
    if known is not None and known != entry:
        raise ValueError(f"add_unit: {key!r} already means {known.unit} ({known.kind})")
    reg = registry()
    try:
        if definition is not None and definition not in _USER.definitions:
            reg.define(definition)
        reg.Unit(unit)
    except Exception as exc:  # pint raises several types for a bad definition or name
        raise ValueError(f"add_unit: pint cannot use {unit!r}: {exc}") from exc
    if definition is not None and definition not in _USER.definitions:
        _USER.definitions.append(definition)
    _USER.surfaces[key] = entry
    clear_resources("units.unit_surfaces", "figures.")  # tables built from the units


def forget_user_units() -> None:
    """Drop every unit ``add_unit`` taught (tests; a long-lived process that reconfigures)."""
    _USER.surfaces.clear()
    _USER.definitions.clear()
    clear_resources("units.", "figures.")  # the registry too: pint cannot undefine


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
