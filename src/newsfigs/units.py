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
from newsfigs.numbers import in_context

_lock = threading.Lock()
_registry: Any = None


@in_context  # pint computes its definitions (평 = 400 / 121 m²) in Decimal
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
