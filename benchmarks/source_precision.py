"""Precision of each people and organization rule on the development corpora, alone.

``python -m benchmarks.source_precision [--limit N] [--corpus klp2016|kmou]`` runs
``extract_many`` over the shared corpora (never copied here), keeps, for every mention that
reaches a document, the rule (``source``) of the candidate that survived overlap resolution,
and scores each source's mentions with the strict spans of ``benchmarks.accuracy`` (same label
mapping and adapter exclusions): right, wrong, precision. The table of docs/entities.md
("Sources and their measured precision") is made with it.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from typing import Any

from benchmarks.accuracy import _batches, default_corpora, load_gold
from benchmarks.adapters import CONVENTIONS, Span, adapt
from benchmarks.markdown import table

Key = tuple[int, int, str]


def _recording_link() -> tuple[list[list[tuple[int, int, str, str]]], Any]:
    """Wrap the linker so each document's surviving name candidates are kept (in order)."""
    from newsfigs.names import link_names

    seen: list[list[tuple[int, int, str, str]]] = []
    original = link_names.link

    def link(candidates: Any, a: Any) -> Any:
        rows = []
        for c in candidates:
            start, end = a.norm.to_original(c.start, c.end)
            rows.append((start, end, c.label, c.source))
        seen.append(rows)
        return original(candidates, a)

    link_names.link = link  # type: ignore[assignment]
    return seen, original


def measure(name: str, limit: int | None) -> dict[str, Counter[str]]:
    """``source → Counter(right=…, wrong=…)`` on one corpus."""
    import newsfigs
    from newsfigs.names import link_names

    spec = next(s for s in default_corpora() if s.name == name)
    conv = CONVENTIONS[spec.convention]
    docs = load_gold(spec.path, limit)
    newsfigs.warm_up()
    out: dict[str, Counter[str]] = {}
    seen, original = _recording_link()
    try:
        for ref, group in _batches(docs):
            texts = [d.text for d in group]
            for d, doc in zip(group, newsfigs.extract_many(texts, ref), strict=True):
                rows = seen.pop(0) if doc.people or doc.organizations else []
                scored = {(s.start, s.end, s.label) for s in adapt(doc, conv, spec.annotated).spans}
                gold_spans, _ = conv.map_gold(d.spans)
                gold = {(s.start, s.end, s.label) for s in gold_spans}
                for start, end, label, source in rows:
                    if conv.narrow is not None:  # 중국 정부 scored as 정부 on klp2016
                        part = conv.narrow(Span(start, end, label, d.text[start:end]))
                        start, end = part.start, part.end
                    corpus_label = conv.map(label, None)
                    key: Key = (start, end, corpus_label or "")
                    if key not in scored:
                        continue
                    verdict = "right" if key in gold else "wrong"
                    out.setdefault(f"{label}: {source}", Counter())[verdict] += 1
                seen.clear()
    finally:
        link_names.link = original
    return out


def render(results: dict[str, dict[str, Counter[str]]]) -> str:
    """One row per source, one P (right/total) column per corpus."""
    sources = sorted({s for r in results.values() for s in r})
    rows = []
    for s in sources:
        row = [s]
        for r in results.values():
            c = r.get(s, Counter())
            n = c["right"] + c["wrong"]
            row.append(f"{c['right'] / n:.2f} ({c['right']}/{n})" if n else "–")
        rows.append(row)
    return "\n".join(table(["source", *(f"{k} P (right/n)" for k in results)], rows))


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--limit", type=int, default=None, help="first N sentences of each corpus")
    p.add_argument("--corpus", choices=("klp2016", "kmou"), action="append")
    args = p.parse_args(argv)
    names = args.corpus or [s.name for s in default_corpora()[1:]]
    results = {n: measure(n, args.limit) for n in names}
    print(render(results))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
