"""Tiny Markdown helpers shared by the accuracy and speed reports."""

from __future__ import annotations

from collections.abc import Sequence


def cell(x: object) -> str:
    """A table cell: pipes escaped, newlines flattened."""
    return " ".join(str(x).split()).replace("|", "\\|")


def table(head: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    """A GitHub-flavoured Markdown table as lines."""
    lines = ["| " + " | ".join(cell(h) for h in head) + " |"]
    lines.append("|" + "|".join("---" for _ in head) + "|")
    lines += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows]
    return lines


def fmt_float(x: float | None, digits: int = 3) -> str:
    """``0.912``; ``–`` for not applicable."""
    return "–" if x is None else f"{x:.{digits}f}"


def fmt_pct(x: float | None) -> str:
    """``91.2%``; ``–`` for not applicable."""
    return "–" if x is None else f"{100 * x:.1f}%"
