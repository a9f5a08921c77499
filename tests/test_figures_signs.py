"""Signs, directions, rates and ratios (issue 12): the tables behind them and the quantities they
make. The sentences themselves are cases of ``corpus/figures.jsonl``; here the data files are
checked to be read whole, and every unit a rate word can build is a unit of the registry with
the dimension of its kind.
"""

from __future__ import annotations

from decimal import Decimal
from typing import get_args

import pytest

import newsfigs
from newsfigs.core.resources import read_rows
from newsfigs.figures.ratios import ratio_tables
from newsfigs.figures.signs import sign_tables
from newsfigs.models import Direction, Figure
from newsfigs.units import registry, unit_surfaces

# the dimension each made kind must have (a rate word turns a length into these)
MADE_KINDS = {"speed": "meter / second", "fuel_economy": "kilometer / liter"}


def test_sign_marks_are_read() -> None:
    S = sign_tables()
    for mark, sign, direction in read_rows("figures/sign_marks.tsv"):
        assert S.marks[mark] == (int(sign), None if direction == "-" else direction)
        assert S.mark_before.search(f"x {mark}") is not None, mark


def test_direction_words_are_read() -> None:
    S = sign_tables()
    for word, direction in read_rows("figures/direction_words.tsv"):
        assert direction in get_args(Direction), word
        assert S.directions[word] == direction


def test_rate_words_are_read() -> None:
    S = sign_tables()
    for word, per, makes in read_rows("figures/rate_words.tsv"):
        assert makes in ("per", "times", "speed", "fuel_economy"), word
        m = S.rate_before.search(f"{word} ")
        assert m is not None and m.group("w") == word, word
        assert S.rates[word.replace(" ", "")] == (per, makes)


def test_ratio_cues_are_read() -> None:
    R = ratio_tables()
    for word, where in read_rows("figures/ratio_cues.tsv"):
        if where in ("before", "both"):
            assert R.before.search(f"{word} ") is not None, word
        if where in ("before", "both"):
            assert where == "before" or R.after.match(f" {word}") is not None, word
        elif where == "verb":  # a stem of the analyzer, after 로 (5-3으로 이겼다)
            assert word in R.verbs, word
        else:
            assert where == "after", word
            assert R.after.match(f" {word}") is not None, word


LENGTHS = sorted({e.unit for e in unit_surfaces().values() if e.kind == "length"})
MADE = [
    (f"{length}/{per}", makes)
    for per, makes in {(r[1], r[2]) for r in read_rows("figures/rate_words.tsv")}
    if makes not in ("per", "times")
    for length in LENGTHS
]


@pytest.mark.parametrize(("unit", "kind"), MADE, ids=[u for u, _ in MADE])
def test_made_units_resolve_to_their_kind(unit: str, kind: str) -> None:
    reg = registry()
    assert reg.Quantity(1, unit).dimensionality == reg.Quantity(1, MADE_KINDS[kind]).dimensionality


def _one(text: str) -> Figure:
    figures = [f for f in newsfigs.extract(text).figures if f.kind not in ("date", "time")]
    assert len(figures) == 1, figures
    return figures[0]


def test_speed_quantity_converts() -> None:
    fig = _one("태풍은 시속 36km로 북상하고 있다.")
    assert fig.kind == "speed" and fig.quantity is not None
    assert fig.quantity.to("m/s").magnitude == Decimal(10)


def test_fuel_economy_quantity_converts() -> None:
    fig = _one("연비는 ℓ당 13.5km다.")
    assert fig.kind == "fuel_economy" and fig.quantity is not None
    assert fig.quantity.to("m/L").magnitude == Decimal(13500)


def test_ratio_has_terms_and_no_quantity() -> None:
    fig = _one("경쟁률은 12대1을 기록했다.")
    assert fig.kind == "ratio" and fig.terms == (Decimal(12), Decimal(1))
    assert fig.value is None and fig.quantity is None


def test_ratio_model_needs_terms() -> None:
    with pytest.raises(ValueError):
        Figure(start=0, end=4, text="12대1", kind="ratio", unit="dimensionless")
    with pytest.raises(ValueError):
        Figure(start=0, end=2, text="3%", kind="percent", value=Decimal(3), terms=(Decimal(3),))


@pytest.mark.parametrize(
    ("text", "value", "direction"),
    [
        ("성장률은 -2.7%였다.", "-2.7", None),
        ("수출은 △5.1%였다.", "-5.1", "decrease"),
        ("수출은 ▲3.2%였다.", "3.2", "increase"),
        ("성장률이 마이너스 1.2%로 떨어졌다.", "-1.2", None),
        ("매출이 3.2% 감소했다.", "3.2", "decrease"),
        ("성장률이 -2.7% 성장으로 돌아섰다.", "-2.7", "increase"),
    ],
)
def test_written_sign_and_direction_combine(text: str, value: str, direction: str | None) -> None:
    fig = _one(text)
    assert fig.value == Decimal(value)
    assert fig.direction == direction
