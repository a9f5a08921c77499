"""Docs that are generated from data stay in sync with it."""

from __future__ import annotations

from pathlib import Path

from newsfigs import unit_table

ROOT = Path(__file__).resolve().parents[1]


def test_unit_table_in_figures_doc_is_current() -> None:
    doc = (ROOT / "docs" / "figures.md").read_text(encoding="utf-8")
    assert unit_table.render() in doc, "run `python -m newsfigs.unit_table` to refresh docs"
