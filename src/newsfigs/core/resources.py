"""Loaders for the package's data files: read once per process, cached.

Rules are code; word lists are data. Each table is a TSV with ``#`` comment lines.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of ``data/<name>`` split on tabs, without comments or blank lines."""
    text = resources.files("newsfigs").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    rows: list[tuple[str, ...]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(line.split("\t")))
    return tuple(rows)


@cache
def read_words(name: str) -> tuple[str, ...]:
    """First column of ``data/<name>``: a plain word list."""
    return tuple(row[0] for row in read_rows(name))


def read_text(name: str) -> str:
    """The raw text of ``data/<name>`` (for the pint definitions file)."""
    return resources.files("newsfigs").joinpath("data").joinpath(name).read_text(encoding="utf-8")
