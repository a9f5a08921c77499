"""The one pint registry of newsfigs and the surface → unit tables.

The registry is pint's default plus ``data/units.txt`` (currencies as their own dimensions,
percentage points, 평, 근 …). It is built lazily, once per process, on the first quantity.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from newsfigs.core.resources import read_rows, read_text

_lock = threading.Lock()
_registry: Any = None


def registry() -> Any:
    """The process-wide pint ``UnitRegistry`` (built on first use)."""
    global _registry
    if _registry is None:
        with _lock:
            if _registry is None:
                import pint

                reg: Any = pint.UnitRegistry(non_int_type=Decimal, cache_folder=None)
                for line in read_text("figures/units.txt").splitlines():
                    line = line.strip()
                    if line and not line.startswith("#"):
                        reg.define(line)
                _registry = reg
    return _registry


def quantity(value: Decimal, unit: str) -> Any:
    """``value`` in ``unit`` as a pint Quantity of the shared registry."""
    return registry().Quantity(value, unit)


@dataclass(frozen=True, slots=True)
class UnitEntry:
    """One surface form of a unit or classifier as written in Korean news."""

    surface: str
    unit: str
    kind: str
    position: str = "after"  # "before" for symbols written ahead of the number ($, ₩, €)


@cache
def unit_surfaces() -> dict[str, UnitEntry]:
    """Unit surfaces (달러, GWh, %p …) → entry; keys are NFKC-normalized text."""
    return {r[0]: UnitEntry(*r) for r in read_rows("figures/unit_surfaces.tsv")}


@cache
def classifiers() -> dict[str, UnitEntry]:
    """Counting words (명, 개, 위, 배, 개월, 세 …) → entry."""
    return {r[0]: UnitEntry(*r) for r in read_rows("figures/classifiers.tsv")}


@dataclass(frozen=True, slots=True)
class TimeUnit:
    """A unit of time after a number (``data/shared/time_units.tsv``): figures and dates agree
    on which units count back from the reference date with ``전``/``후``/``뒤``."""

    surface: str
    offset: str | None  # the DateInfo.offset_unit of "N units ago", None when there is none
    per: int  # how many of the classifier's (and offset's) unit one of these is: 분기 = 3


@cache
def directions() -> dict[str, str]:
    """``전`` → ago, ``후``/``뒤`` → later: after a count of a time unit, a date."""
    return {r[0]: r[1] for r in read_rows("shared/directions.tsv")}


def direction_pattern(group: str) -> str:
    """The direction words as the regex group ``group``; ``전후`` is "around", not "before"."""
    words = "|".join(sorted(directions(), key=lambda w: (-len(w), w)))
    return rf"(?P<{group}>{words})(?!후)"


@cache
def time_units() -> dict[str, TimeUnit]:
    """Units of time (년, 개월, 분기, 시간 …) → what ``전``/``후`` after them count."""
    return {
        r[0]: TimeUnit(r[0], None if r[1] == "-" else r[1], int(r[2]))
        for r in read_rows("shared/time_units.tsv")
    }
