"""Every result of ``extract_many`` over a corpus as JSON lines: the check a speed change needs.

``python -m tools.snapshot --out A.jsonl [--corpus FILE] [--limit N]`` writes one line per
document (``Document.model_dump_json``), with a fixed reference date so that relative dates do
not move with the clock. Run it before and after a change and compare the two files with
``python -m tools.snapshot --diff A.jsonl B.jsonl``: it prints the first differing documents
and exits 1 when any differ. The default corpus is the seed articles plus, when ``../shared``
sits beside the checkout, the 12,730 KLUE news sentences.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KLUE = ROOT.parent / "shared" / "data" / "klue_news_sentences.txt"
REFERENCE = datetime.date(2026, 3, 15)


def _texts(corpus: Path | None, limit: int | None) -> Iterator[str]:
    """The seed articles and the KLUE sentences, or the lines of ``corpus``."""
    if corpus is None:
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
        if KLUE.exists():
            texts += [s for s in KLUE.read_text(encoding="utf-8").splitlines() if s.strip()]
    else:
        texts = [s for s in corpus.read_text(encoding="utf-8").splitlines() if s.strip()]
    yield from texts[:limit] if limit else texts


def write(out: Path, corpus: Path | None, limit: int | None) -> int:
    """Write the snapshot; return the number of documents."""
    import newsfigs

    n = 0
    with out.open("w", encoding="utf-8") as f:
        for doc in newsfigs.extract_many(_texts(corpus, limit), reference_date=REFERENCE):
            f.write(doc.model_dump_json() + "\n")
            n += 1
    return n


def diff(a: Path, b: Path, show: int = 5) -> int:
    """Print the first ``show`` differing documents of two snapshots; 1 when any differ."""
    old = a.read_text(encoding="utf-8").splitlines()
    new = b.read_text(encoding="utf-8").splitlines()
    if len(old) != len(new):
        print(f"{len(old)} documents against {len(new)}")
        return 1
    bad = [i for i, (x, y) in enumerate(zip(old, new, strict=True)) if x != y]
    for i in bad[:show]:
        print(f"document {i}:\n- {old[i]}\n+ {new[i]}")
    print(f"{len(bad)} of {len(old)} documents differ")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    """Command line: ``--out FILE`` writes a snapshot, ``--diff A B`` compares two."""
    p = argparse.ArgumentParser(prog="python -m tools.snapshot")
    p.add_argument("--out", type=Path)
    p.add_argument("--corpus", type=Path)
    p.add_argument("--limit", type=int)
    p.add_argument("--diff", nargs=2, type=Path, metavar=("OLD", "NEW"))
    args = p.parse_args(argv)
    if args.diff:
        return diff(*args.diff)
    if args.out is None:
        p.error("give --out FILE or --diff OLD NEW")
    print(f"{write(args.out, args.corpus, args.limit)} documents → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
