"""Units a caller adds at run time (``newsfigs.units.add_unit``, docs/api.md "Your own units")."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

import newsfigs
from newsfigs.units import add_unit, forget_user_units, unit_surfaces


@pytest.fixture(autouse=True)
def _clean() -> Iterator[None]:
    yield
    forget_user_units()


def test_an_added_unit_is_found_and_converts() -> None:
    assert newsfigs.extract("논 30마지기를 팔았다.").figures == []
    add_unit("마지기", "majigi", "area", definition="majigi = 200 * pyeong")
    (fig,) = newsfigs.extract("논 30마지기와 밭 5마지기를 팔았다.").figures[:1]
    assert (fig.kind, fig.value, fig.unit) == ("area", 30, "majigi")
    assert round(fig.quantity.to("m**2").magnitude) == 19835


def test_a_symbol_before_the_number() -> None:
    add_unit("₮", "MNT", "money", definition="MNT = [currency_MNT]", position="before")
    (fig,) = newsfigs.extract("가격은 ₮5000이었다.").figures
    assert (fig.kind, fig.value, fig.unit, fig.text) == ("money", 5000, "MNT", "₮5000")


def test_forgetting_restores_the_package_tables() -> None:
    before = dict(unit_surfaces())
    add_unit("마지기", "majigi", "area", definition="majigi = 200 * pyeong")
    forget_user_units()
    assert unit_surfaces() == before
    assert newsfigs.extract("논 30마지기를 팔았다.").figures == []


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "message"),
    [
        (("평", "acre", "area"), {}, ValueError, "already means pyeong"),
        (("뭐", "nounit", "area"), {}, ValueError, "pint cannot use"),
        (("뭐", "m", "count"), {}, ValueError, "kind must be one of"),
        (("두 말", "m", "length"), {}, ValueError, "not a unit word"),
        (("3말", "m", "length"), {}, ValueError, "not a unit word"),
        (("말", "m", "length"), {"position": "inside"}, ValueError, "position"),
        ((["말"], "m", "length"), {}, TypeError, "surface must be a str"),
        (("말", "m", "length"), {"definition": 3}, TypeError, "definition must be a str"),
    ],
)
def test_bad_units_are_refused_and_change_nothing(
    args: tuple[object, ...], kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    before = dict(unit_surfaces())
    with pytest.raises(error, match=message):
        add_unit(*args, **kwargs)  # type: ignore[arg-type]
    assert unit_surfaces() == before


def test_a_new_process_starts_without_the_units_of_another() -> None:
    add_unit("마지기", "majigi", "area", definition="majigi = 200 * pyeong")
    code = "import newsfigs; assert newsfigs.extract('논 30마지기를 팔았다.').figures == []"
    subprocess.run([sys.executable, "-c", code], check=True)
