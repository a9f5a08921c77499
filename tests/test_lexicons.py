"""Integrity of the entity word lists in ``src/newsfigs/data/names``.

They are hand-edited data: each must stay sorted (a diff shows what changed), free of
duplicates, NFC (kiwipiepy's text and ours are NFC, so a decomposed row would never match),
with the right number of columns and only the values the code understands.
"""

from __future__ import annotations

import unicodedata
from importlib import resources
from typing import get_args

import pytest

from newsfigs.models import OrgCategory
from newsfigs.names.gazetteer import name_tables as lexicon

CATEGORIES = frozenset(get_args(OrgCategory))
# file → (columns, allowed values per extra column; None = anything)
TABLES: dict[str, tuple[int, tuple[frozenset[str] | None, ...]]] = {
    "entity_cues.tsv": (3, (frozenset({"before", "after"}), CATEGORIES | {"-"})),
    "org_suffixes.tsv": (
        3,
        (CATEGORIES | {"unit"}, frozenset({"attached", "bare", "industry", "team", "unit"})),
    ),
    "organizations.tsv": (2, (CATEGORIES,)),
    "places.txt": (1, ()),
    "given_syllables.txt": (1, ()),
    "hanja_family_names.txt": (1, ()),
    "hanja_non_name_finals.txt": (1, ()),
    "obituary_words.txt": (1, ()),
    "person_only_particles.txt": (1, ()),
    "role_words.txt": (1, ()),
    "surnames.tsv": (2, (frozenset({"common", "rare"}),)),
    "titles.tsv": (2, (frozenset({"title", "weak", "honorific", "modifier"}),)),
}


def _rows(name: str) -> list[list[str]]:
    text = resources.files("newsfigs").joinpath("data", "names", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and line[0] != "#"]


@pytest.mark.parametrize("name", sorted(TABLES))
def test_table(name: str) -> None:
    columns, allowed = TABLES[name]
    rows = _rows(name)
    assert rows, name
    keys = [r[0] for r in rows]
    assert keys == sorted(keys), f"{name}: rows out of order"
    assert len(keys) == len(set(keys)), f"{name}: duplicate rows"
    for r in rows:
        line = "\t".join(r)
        assert unicodedata.normalize("NFC", line) == line, f"{name}: {line!r} is not NFC"
        assert len(r) == columns, f"{name}: {line!r} has {len(r)} columns"
        assert all(cell == cell.strip() and cell for cell in r), f"{name}: {line!r}"
        for cell, values in zip(r[1:], allowed, strict=True):
            assert values is None or cell in values, f"{name}: {line!r}: {cell!r}"


def test_unit_rows_are_units() -> None:
    """A department suffix is ``unit`` in both columns: it never names an organization alone."""
    for suffix, category, placement in _rows("org_suffixes.tsv"):
        assert (category == "unit") == (placement == "unit"), suffix


def test_surnames_are_short() -> None:
    for surname, _ in _rows("surnames.tsv"):
        assert 1 <= len(surname) <= 2, surname


def test_given_syllables_are_single() -> None:
    for (syllable,) in _rows("given_syllables.txt"):
        assert len(syllable) == 1, syllable


def test_lexicon_loads() -> None:
    """The loader indexes every table (the suffix lengths drive the suffix scan)."""
    lex = lexicon()
    assert lex.suffix_lengths == tuple(sorted({len(s) for s in lex.suffixes}, reverse=True))
    assert "대통령" in lex.titles and "김" in lex.surnames and "삼성전자" in lex.organizations
