"""Compare the accuracy tables of two benchmark reports (``benchmarks/RESULTS.md`` files).

``python -m tools.compare_results OLD.md NEW.md`` prints every per-label row that differs
(corpus, label, old → new), or says the two are the same: the check a move or refactor needs.
"""

from __future__ import annotations

import sys
from pathlib import Path


def rows(path: Path) -> dict[tuple[str, str], str]:
    """(corpus heading, label) → the row's cells after the label, from the accuracy section."""
    out: dict[tuple[str, str], str] = {}
    corpus = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## ") and "Accuracy" not in line:
            corpus = ""
        if line.startswith("### "):
            corpus = line[4:].split(" (")[0]
        elif corpus and line.startswith("| ") and not line.startswith("| label"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            out[(corpus, cells[0])] = " | ".join(cells[1:])
    return out


def main(argv: list[str]) -> int:
    """Print the differing rows; exit 1 when there are any."""
    old, new = rows(Path(argv[0])), rows(Path(argv[1]))
    changed = 0
    for key in sorted(old.keys() | new.keys()):
        if old.get(key) != new.get(key):
            changed += 1
            print(f"{key[0]} / {key[1]}:\n  old {old.get(key)}\n  new {new.get(key)}")
    print("same accuracy tables" if not changed else f"{changed} row(s) differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
