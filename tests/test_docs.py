"""The docs stay true: generated tables match their data, and every ``>>>`` example runs."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

from newsfigs import unit_table

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
INDEX_LINKS = ("quickstart.md", "api.md", "figures.md", "dates.md", "performance.md", "scale.md")


def test_unit_table_in_figures_doc_is_current() -> None:
    doc = (DOCS / "figures.md").read_text(encoding="utf-8")
    assert unit_table.render() in doc, "run `python -m newsfigs.unit_table` to refresh docs"


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.md")))
def test_examples_run(page: str) -> None:
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    result = doctest.testfile(str(DOCS / page), module_relative=False, optionflags=flags)
    assert result.failed == 0


def test_index_links_every_page() -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    for page in INDEX_LINKS:
        assert f"]({page}" in index, f"docs/index.md should link {page}"
