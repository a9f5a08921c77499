"""The package's data files: well-formed, sorted, unique, NFC, and every unit resolvable.

Word lists are data; a typo in one (a stray space, an NFD syllable, a unit pint does not know)
would silently stop a rule from firing, so every file is checked here rather than trusted.
"""

from __future__ import annotations

import itertools
import unicodedata
from importlib import resources
from typing import get_args

import pytest

from newsfigs.core.resources import read_rows, read_text
from newsfigs.models import FIGURE_KINDS, Bound
from newsfigs.units import classifiers, registry, unit_surfaces

DATA = resources.files("newsfigs").joinpath("data")
FOLDERS = ("figures", "dates", "names", "shared")  # one per dimension, and words shared by several
TABLES = sorted(
    f"{folder}/{p.name}"
    for folder in FOLDERS
    for p in DATA.joinpath(folder).iterdir()
    if p.name.endswith((".tsv", ".txt"))
)
WORD_TABLES = [name for name in TABLES if name != "figures/units.txt"]  # pint syntax

# A reference unit for each figure kind: every unit of that kind has its dimensionality.
KIND_REFERENCE: dict[str, str] = {
    "energy": "joule",
    "power": "watt",
    "mass": "kilogram",
    "length": "meter",
    "area": "meter ** 2",
    "volume": "liter",
    "temperature": "kelvin",
    "data_size": "byte",
    "percent": "percent",
    "multiplier": "dimensionless",
    "count": "count",
    "percentage_point": "percentage_point",
    "ordinal": "ordinal",
    "duration": "second",
    "age": "year",
    "speed": "meter / second",
    "fuel_economy": "kilometer / liter",
    "energy_efficiency": "kilometer / kilowatt_hour",
    "pressure": "pascal",
    "concentration": "kilogram / meter ** 3",
    "frequency": "hertz",
    "voltage": "volt",
    "current": "ampere",
    "charge": "ampere * hour",
}


def _same_dimension(unit: str, kind: str) -> bool:
    reg = registry()
    return bool(
        reg.Quantity(1, unit).dimensionality == reg.Quantity(1, KIND_REFERENCE[kind]).dimensionality
    )


@pytest.mark.parametrize("name", TABLES)
def test_file_is_utf8_nfc_without_stray_whitespace(name: str) -> None:
    raw = DATA.joinpath(name).read_bytes().decode("utf-8")
    assert unicodedata.normalize("NFC", raw) == raw, f"{name} is not NFC"
    for n, line in enumerate(raw.splitlines(), 1):
        if line.startswith("#") or not line:
            continue
        for cell in line.split("\t"):
            assert cell == cell.strip() and cell, f"{name}:{n}: empty cell or stray space {line!r}"


@pytest.mark.parametrize("name", WORD_TABLES)
def test_table_is_sorted_unique_and_rectangular(name: str) -> None:
    rows = read_rows(name)
    assert rows, f"{name} is empty"
    keys = [r[0] for r in rows]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    assert not duplicates, f"{name}: duplicate keys {duplicates}"
    disorder = [(a, b) for a, b in itertools.pairwise(keys) if a > b]
    assert not disorder, f"{name}: not sorted, e.g. {disorder[0]}"
    widths = {len(r) for r in rows}
    assert max(widths) - min(widths) <= 1, f"{name}: rows of widths {sorted(widths)}"


def test_units_file_defines_currencies_apart() -> None:
    reg = registry()
    krw = reg.Quantity(1, "KRW")
    assert krw.dimensionality != reg.Quantity(1, "USD").dimensionality
    for line in read_text("figures/units.txt").splitlines():
        if line.strip() and not line.startswith("#"):
            name = line.split("=", 1)[0].strip()
            assert name in reg, f"units.txt defines {name!r} but the registry lacks it"


@pytest.mark.parametrize("surface", sorted(unit_surfaces()))
def test_unit_surface_resolves_to_its_kind(surface: str) -> None:
    entry = unit_surfaces()[surface]
    assert entry.kind in FIGURE_KINDS, f"{surface}: unknown kind {entry.kind}"
    assert entry.position in ("before", "after")
    assert unicodedata.normalize("NFKC", surface) == surface, "surfaces are NFKC keys"
    if entry.kind == "money":
        dim = str(registry().Quantity(1, entry.unit).dimensionality)
        assert dim.startswith("[currency_"), f"{surface}: {entry.unit} is not a currency"
    else:
        assert _same_dimension(entry.unit, entry.kind), f"{surface}: {entry.unit}"


@pytest.mark.parametrize("surface", sorted(classifiers()))
def test_classifier_resolves_to_its_kind(surface: str) -> None:
    entry = classifiers()[surface]
    assert entry.kind in FIGURE_KINDS
    assert _same_dimension(entry.unit, entry.kind), f"{surface}: {entry.unit}"


def test_qualifier_roles_are_known() -> None:
    # "none": an emphasis word (무려) joins the span but changes nothing about the value
    roles = {"approximate", "none", *get_args(Bound)}
    for word, role, where in read_rows("shared/qualifiers.tsv"):
        assert role in roles, f"{word}: unknown role {role}"
        assert where in ("before", "after"), f"{word}: unknown position {where}"


def test_numerals_are_positive_integers() -> None:
    for word, value in read_rows("shared/numerals.tsv"):
        assert value.isdigit() and int(value) > 0, f"{word}: {value}"
