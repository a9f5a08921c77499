"""The docs stay true: generated tables match their data, and every ``>>>`` example runs."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest
from tools import unit_table

from newsfigs.units import forget_user_units

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
INDEX_LINKS = ("quickstart.md", "api.md", "figures.md", "dates.md", "performance.md", "scale.md")


def test_unit_table_in_figures_doc_is_current() -> None:
    doc = (DOCS / "figures.md").read_text(encoding="utf-8")
    assert unit_table.render() in doc, "run `python -m tools.unit_table` to refresh docs"


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.md")))
def test_examples_run(page: str) -> None:
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    try:
        result = doctest.testfile(str(DOCS / page), module_relative=False, optionflags=flags)
    finally:
        forget_user_units()  # api.md teaches a unit: the rest of the suite never sees it
    assert result.failed == 0


def test_index_links_every_page() -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    for page in INDEX_LINKS:
        assert f"]({page}" in index, f"docs/index.md should link {page}"


@pytest.mark.parametrize(
    "page", ["README.md", *sorted(f"docs/{p.name}" for p in DOCS.glob("*.md"))]
)
def test_relative_links_resolve(page: str) -> None:
    """Every link to a file of the repository points at a file that exists."""
    path = ROOT / page
    text = path.read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)\s]+)\)", text) + re.findall(
        r"`((?:docs|benchmarks)/[\w./-]+)`", text
    )
    missing = []
    for target in targets:
        if "://" in target or target.startswith(("#", "mailto:")):
            continue
        file = target.split("#", 1)[0]
        base = ROOT if target.startswith(("docs/", "benchmarks/")) else path.parent
        if file and not (base / file).exists():
            missing.append(target)
    assert missing == [], f"{page} links to missing files: {missing}"
