"""Accuracy of newsfigs on gold JSONL corpora (format: ../shared/README.md).

``python -m benchmarks.accuracy --gold FILE --convention klue|kmou|newsfigs [--limit N]``
scores one file; ``benchmarks.run`` scores the seeds and the shared corpora together.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import json
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.adapters import CONVENTIONS, Convention, Span, adapt, excuse_gold
from benchmarks.markdown import fmt_float, fmt_pct, table
from benchmarks.scoring import ErrorCase, LabelScore, Scorer
from newsfigs.models import Document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS_GOLD = ROOT / "seeds" / "gold.jsonl"
GOLD_FIELDS = ("value", "low", "high", "unit", "date")
ERROR_KINDS = (("fp", "false positive"), ("miss", "missed"), ("value", "wrong value"))


@dataclass(frozen=True)
class GoldSpec:
    """A gold file and how to read it."""

    name: str
    path: Path
    convention: str
    annotated: frozenset[str] | None = None
    """Labels the corpus annotates; None = the labels seen in the file (or all, for newsfigs)."""
    shareable: bool = True
    """Whether sentences may be quoted in RESULTS.md (the shared corpora may not be copied)."""


def default_corpora(quick: bool = False) -> list[GoldSpec]:
    """The seeds gold, and the shared corpora that are present (unless ``quick``)."""
    specs = [GoldSpec("seeds", SEEDS_GOLD, "newsfigs")]
    if quick:
        return specs
    for name, file, conv, labels in (
        ("klp2016", "klp2016_ner_train_dev.jsonl", "klue", {"PS", "LC", "OG", "DT", "TI"}),
        ("kmou", "kmou_ner.jsonl", "kmou", CONVENTIONS["kmou"].labels),
    ):
        path = SHARED / "data" / file
        if path.exists():
            specs.append(GoldSpec(name, path, conv, frozenset(labels), shareable=False))
    return specs


@dataclass(frozen=True)
class GoldDoc:
    """One gold sentence or article."""

    id: str
    text: str
    spans: list[Span]
    reference_date: datetime.date | None = None


def load_gold(path: Path, limit: int | None = None) -> list[GoldDoc]:
    """Read gold JSONL, checking that every entity's offsets slice its ``text``."""
    docs: list[GoldDoc] = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if limit is not None and len(docs) >= limit:
                break
            if not line.strip():
                continue
            rec = json.loads(line)
            text = rec["text"]
            spans: list[Span] = []
            for e in rec.get("entities", []):
                start, end = int(e["start"]), int(e["end"])
                if "text" in e and text[start:end] != e["text"]:
                    raise ValueError(
                        f"{path}:{lineno}: entity {e['text']!r} does not match "
                        f"text[{start}:{end}] = {text[start:end]!r}"
                    )
                fields = {k: e[k] for k in GOLD_FIELDS if k in e}
                spans.append(Span(start, end, e["label"], text[start:end], fields))
            ref = rec.get("reference_date")
            docs.append(
                GoldDoc(
                    str(rec.get("id", f"{path.stem}:{lineno}")),
                    text,
                    spans,
                    datetime.date.fromisoformat(ref) if ref else None,
                )
            )
    return docs


@dataclass
class AccuracyResult:
    """Scores of one corpus and how long ``extract_many`` took over it."""

    spec: GoldSpec
    docs: int
    chars: int
    seconds: float
    scorer: Scorer
    annotated: frozenset[str]
    dropped: Counter[str] = field(default_factory=Counter)
    unmapped: Scorer | None = None
    """The same predictions scored against the gold as written (no place mapping)."""
    moved: int = 0
    """Gold organizations mapped to places (``Convention.places``)."""
    excused: int = 0
    """Gold spans left unscored with the prediction at the same place (``excuse_gold``)."""

    @property
    def chars_per_second(self) -> float:
        """Throughput of ``extract_many`` plus adaptation over this corpus."""
        return self.chars / self.seconds if self.seconds > 0 else 0.0

    def rows(self) -> list[LabelScore]:
        """Per-label scores, sorted: produced first, then by gold count."""
        shown = [s for s in self.scorer.labels.values() if s.gold or s.pred]
        return sorted(shown, key=lambda s: (not s.produced, -s.gold, s.label))


def _batches(docs: Sequence[GoldDoc]) -> Iterator[tuple[datetime.date | None, list[GoldDoc]]]:
    """Consecutive documents sharing a reference date, so each group is one batched call."""
    for ref, group in itertools.groupby(docs, key=lambda d: d.reference_date):
        yield ref, list(group)


def evaluate(spec: GoldSpec, limit: int | None = None) -> AccuracyResult:
    """Run ``extract_many`` over ``spec``'s gold and score it in the corpus's convention."""
    import newsfigs

    conv: Convention = CONVENTIONS[spec.convention]
    docs = load_gold(spec.path, limit)
    if spec.annotated is not None:
        annotated = spec.annotated
    elif spec.convention == "newsfigs":
        annotated = conv.labels
    else:
        annotated = frozenset(s.label for d in docs for s in d.spans)
    scorer = Scorer(frozenset(conv.produced & annotated))
    unmapped = Scorer(frozenset(conv.produced & annotated)) if conv.places else None
    moved = 0
    excused = 0
    dropped: Counter[str] = Counter()
    newsfigs.warm_up()
    t0 = time.perf_counter()
    predicted: list[Document] = []
    for ref, group in _batches(docs):
        predicted.extend(newsfigs.extract_many([d.text for d in group], ref))
    seconds = time.perf_counter() - t0
    for d, doc in zip(docs, predicted, strict=True):
        adapted = adapt(doc, conv, annotated)
        dropped.update(adapted.dropped)
        gold, n = conv.map_gold(d.spans)
        moved += n
        gold, n = excuse_gold(gold, adapted)
        excused += n
        scorer.add(d.id, d.text, gold, adapted.spans)
        if unmapped is not None:
            unmapped.add(d.id, d.text, excuse_gold(d.spans, adapted)[0], adapted.spans)
    return AccuracyResult(
        spec,
        len(docs),
        sum(len(d.text) for d in docs),
        seconds,
        scorer,
        annotated,
        dropped,
        unmapped,
        moved,
        excused,
    )


def worst_errors(
    errors: Sequence[ErrorCase], label: str, kind: str, n: int
) -> list[tuple[int, ErrorCase]]:
    """The ``n`` most frequent errors of one label and kind, one example each."""
    counts: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], ErrorCase] = {}
    for e in errors:
        if e.label == label and e.kind == kind:
            key = (e.text, e.note)
            counts[key] += 1
            first.setdefault(key, e)
    return [(c, first[k]) for k, c in counts.most_common(n)]


def _score_row(s: LabelScore) -> list[str]:
    p, r, f = s.prf
    cf = s.char_prf[2]
    va = s.value_accuracy
    value = f"{fmt_pct(va)} ({s.value_ok}/{s.value_checked})" if va is not None else "–"
    produced = "yes" if s.produced else "**not produced**"
    if not s.produced:
        return [s.label, produced, str(s.gold), "–", "–", fmt_float(0.0), "–", "–", "–"]
    return [
        s.label,
        produced,
        str(s.gold),
        str(s.pred),
        fmt_float(p),
        fmt_float(r),
        fmt_float(f),
        fmt_float(cf),
        value,
    ]


def render(result: AccuracyResult, errors_per_label: int = 5) -> str:
    """Markdown for one corpus: the score table, what was not scored, the worst errors."""
    spec = result.spec
    out = [
        f"### {spec.name} ({spec.convention} labels, `{_display_path(spec.path)}`)",
        "",
        f"{result.docs} documents, {result.chars:,} characters; `extract_many` took "
        f"{result.seconds:.2f} s ({result.chars_per_second:,.0f} chars/s).",
        "",
    ]
    head = ["label", "produced", "gold", "pred", "P", "R", "F1", "char F1", "value acc"]
    rows = [_score_row(s) for s in result.rows()]
    for only in (True, False):
        m = result.scorer.micro(only)
        m.produced = True
        rows.append([f"*{m.label}*", "", *_score_row(m)[2:8], "–"])
    out += table(head, rows)
    notes = []
    not_produced = [s.label for s in result.rows() if not s.produced]
    if not_produced:
        notes.append(
            f"Not produced by newsfigs (recall 0 by construction): {', '.join(not_produced)}."
        )
    if result.dropped:
        items = ", ".join(f"{k} ×{v}" for k, v in sorted(result.dropped.items()))
        notes.append(
            f"Not scored (the corpus does not annotate these labels, or files such mentions "
            f"as another thing, so they are neither right nor wrong): {items}."
            + (
                f" Gold spans at exactly those places and labels are not scored either: "
                f"{result.excused}."
                if result.excused
                else ""
            )
        )
    if result.unmapped is not None and result.moved:
        org, place = CONVENTIONS[spec.convention].places or ("", "")
        raw = result.unmapped.labels.get(org)
        before = ""
        if raw is not None:
            p, r, f = raw.prf
            before = (
                f" Without the mapping, {org} scores P {fmt_float(p)}, R {fmt_float(r)}, "
                f"F1 {fmt_float(f)} ({raw.gold} gold)."
            )
        notes.append(
            f"Gold {org} mentions that are countries or cities (newsfigs' place list, country "
            f"abbreviations such as 美, 한미) are scored as {place}: {result.moved} moved "
            f"(newsfigs reports places, not organizations).{before}"
        )
    if spec.convention == "newsfigs":
        notes.append(
            "Value accuracy: value/low/high/unit (and date fields) as gold states them, among "
            "span-matched figures."
        )
    if notes:
        out += ["", *(f"- {n}" for n in notes)]
    out += ["", *render_errors(result, errors_per_label)]
    return "\n".join(out) + "\n"


def render_errors(result: AccuracyResult, n: int) -> list[str]:
    """The most frequent errors per label; shared corpora show surfaces and ids, not sentences."""
    if n <= 0:
        return []
    shareable = result.spec.shareable
    lines = [
        f"Most frequent errors (top {n} per label"
        + ("" if shareable else "; sentence ids instead of context: the corpus can't be copied")
        + "):",
        "",
    ]
    any_error = False
    for s in result.rows():
        if not s.produced:
            continue
        for kind, title in ERROR_KINDS:
            worst = worst_errors(result.scorer.errors, s.label, kind, n)
            if not worst:
                continue
            any_error = True
            lines.append(f"- **{s.label}** {title}:")
            for count, e in worst:
                where = f"`{e.context}`" if shareable else f"e.g. {e.doc_id}"
                lines.append(f"  - ×{count} `{e.text}` ({e.note}) {where}")
    if not any_error:
        lines.append("- none")
    return lines


def print_errors(result: AccuracyResult, n: int) -> None:
    """Errors with their context on the console (local use: shared sentences may be shown)."""
    print(f"== {result.spec.name}: worst errors (top {n} per label)")
    for s in result.rows():
        if not s.produced:
            continue
        for kind, _title in ERROR_KINDS:
            for count, e in worst_errors(result.scorer.errors, s.label, kind, n):
                print(f"  {s.label:>16} {kind:<4} ×{count:<3} {e.text!r:<20} {e.note}")
                print(f"  {'':>16}      {e.doc_id}: {e.context}")


def _display_path(path: Path) -> str:
    for base, prefix in ((ROOT, ""), (SHARED, "../shared/")):
        try:
            return prefix + str(path.resolve().relative_to(base.resolve()))
        except ValueError:
            continue
    return str(path)


def main(argv: Sequence[str] | None = None) -> int:
    """Score one gold file, print the table and the worst errors."""
    ap = argparse.ArgumentParser(prog="python -m benchmarks.accuracy", description=__doc__)
    ap.add_argument("--gold", type=Path, default=SEEDS_GOLD, help="gold JSONL file")
    ap.add_argument("--convention", choices=sorted(CONVENTIONS), default="newsfigs")
    ap.add_argument("--limit", type=int, default=None, help="score the first N documents")
    ap.add_argument("--errors", type=int, default=10, help="errors shown per label and kind")
    args = ap.parse_args(argv)
    spec = GoldSpec(args.gold.stem, args.gold, args.convention)
    result = evaluate(spec, args.limit)
    print(render(result, 0))
    print_errors(result, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
