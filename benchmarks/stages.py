"""Where one ``extract`` spends its time, stage by stage, per document.

kiwipiepy's own ``tokenize``, newsfigs' preparation around it (normalization, token objects,
sections), each recognizer, and the rest of the pipeline (overlap resolution, name linking,
result models) timed separately over the same documents, without a profiler's overhead. The
project's goal: all of newsfigs' Python stages together ≤ 1/4 of kiwipiepy's time.
"""

from __future__ import annotations

import copy
import functools
import time
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import localcontext
from typing import Any

from benchmarks.markdown import table

ANALYSIS = "kiwipiepy tokenize"
PREPARE = "normalization, tokens, sections"
REST = "overlaps, linking, models"
TOGETHER = "every Python stage in turn, per document"
GOAL = 0.25
"""Python time over kiwipiepy's time the project aims for (issue 15)."""


@dataclass(frozen=True)
class Stages:
    """CPU seconds per stage over ``docs`` documents (best of the rounds, each stage alone)."""

    docs: int
    seconds: dict[str, float]
    together: float = 0.0
    """``extract`` over the same documents with the analysis replayed: every Python stage as a
    user runs them, one document after the other. It exceeds the sum of the stages, each
    timed alone in a loop of its own, by what cold caches cost when they interleave."""

    @property
    def python(self) -> float:
        """Every stage but the analysis."""
        return sum(s for name, s in self.seconds.items() if name != ANALYSIS)

    @property
    def ratio(self) -> float:
        """Python time over analysis time."""
        analysis = self.seconds.get(ANALYSIS, 0.0)
        return self.python / analysis if analysis > 0 else float("inf")


def _name(recognize: Any) -> str:
    module = getattr(recognize, "__module__", "") or ""
    return module.removeprefix("newsfigs.") + "." + getattr(recognize, "__name__", "?")


def _answer(outputs: dict[int, list[list[Any]]], i: int, a: Any) -> list[Any]:
    return outputs[id(a)][i]


class _Replay:
    """kiwipiepy's answers, recorded once and then given back at no cost, so the preparation
    around the analysis is timed on its own (not as a difference of two noisy times)."""

    def __init__(self, kiwi: Any) -> None:
        self._kiwi = kiwi
        self._seen: dict[str, Any] = {}

    def _one(self, text: str) -> Any:
        hit = self._seen.get(text)
        if hit is None:
            hit = self._seen[text] = self._kiwi.tokenize(text)
        return hit

    def tokenize(self, text: Any, **_: Any) -> Any:
        return self._one(text) if isinstance(text, str) else [self._one(t) for t in text]


def _cpu() -> float:
    """CPU seconds of this process (every thread): unlike the wall clock, other processes
    on a shared machine barely move it."""
    return time.process_time()


def measure(extractor: Any, docs: Sequence[str], repeats: int = 3) -> Stages:
    """CPU time of each stage of ``extractor`` over ``docs``; best of ``repeats`` per stage."""
    from newsfigs.numbers import CONTEXT

    best: dict[str, float] = {}

    def keep(name: str, seconds: float) -> None:
        best[name] = min(best.get(name, seconds), seconds)

    analyzer = extractor.analyzer
    kiwi = analyzer.kiwi
    replay = _Replay(kiwi)
    analyzer._kiwi = replay
    try:
        parts = [list(analyzer.analyse_one(d)) for d in docs]  # records the answers
        for _ in range(max(1, repeats)):
            t0 = _cpu()
            for d in docs:
                kiwi.tokenize(d)
            keep(ANALYSIS, _cpu() - t0)
            # each document's parts dropped before the next, as ``extract`` does: keeping all
            # of them (this loop once did) grows the heap by every token of the corpus, and the
            # collector's full passes over it were more than half of this stage's time
            t0 = _cpu()
            for d in docs:
                for _p in analyzer.analyse_one(d):
                    pass
            keep(PREPARE, _cpu() - t0)
            outputs: dict[int, list[list[Any]]] = {}
            with localcontext(CONTEXT):
                for recognize in extractor.recognizers:
                    t0 = _cpu()
                    for doc_parts in parts:
                        for p in doc_parts:
                            outputs.setdefault(id(p.analysed), []).append(
                                list(recognize(p.analysed))
                            )
                    keep(_name(recognize), _cpu() - t0)
            # the rest of the pipeline on its own: the same extractor, its recognizers replaced
            # by their answers just measured
            replayed = copy.copy(extractor)
            replayed._recognizers = [
                functools.partial(_answer, outputs, i) for i in range(len(extractor.recognizers))
            ]
            t0 = _cpu()
            for doc_parts in parts:
                for _doc in replayed._documents(iter(doc_parts)):
                    pass
            keep(REST, _cpu() - t0)
            t0 = _cpu()
            for d in docs:
                extractor.extract(d)
            keep(TOGETHER, _cpu() - t0)
    finally:
        analyzer._kiwi = kiwi
    together = best.pop(TOGETHER)
    return Stages(len(docs), best, together)


def render(s: Stages) -> list[str]:
    """A table of milliseconds per document and share of the analysis time."""
    analysis = s.seconds.get(ANALYSIS, 0.0)
    rows = [
        [
            f"`{name}`" if name not in (ANALYSIS, PREPARE, REST) else name,
            f"{1000 * sec / s.docs:.3f}",
            f"{sec / analysis:.2f}" if analysis else "–",
        ]
        for name, sec in sorted(s.seconds.items(), key=lambda kv: -kv[1])
    ]
    rows.append(["*all Python stages*", f"{1000 * s.python / s.docs:.3f}", f"**{s.ratio:.2f}**"])
    if s.together and analysis:
        rows.append(
            [
                f"*{TOGETHER}*",
                f"{1000 * s.together / s.docs:.3f}",
                f"**{s.together / analysis:.2f}**",
            ]
        )
    return [
        f"CPU time per document, {s.docs:,} documents, `extract` one at a time (best of "
        "the rounds; kiwipiepy's answers replayed for the other stages); "
        f"goal: Python ≤ {GOAL:.2f}× the analysis. Each stage is timed alone in its own loop; "
        f"the last row runs them in turn per document, as `extract` does, so it pays the "
        "cold caches a user's run pays.",
        "",
        *table(["stage", "ms per document", "× analysis"], rows),
        "",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m benchmarks.stages [--corpus FILE] [--limit N] [--repeats R]``: the table."""
    import argparse
    from pathlib import Path

    from benchmarks.speed import KLUE_SENTENCES, read_documents, seed_paths
    from newsfigs.api import default_extractor

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--corpus", type=Path, help="one document per line (default: KLUE sentences)")
    ap.add_argument("--seeds", action="store_true", help="the seed articles instead")
    ap.add_argument("--limit", type=int, default=2000, help="first N documents")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)
    if args.seeds:
        docs = [p.read_text(encoding="utf-8") for p in seed_paths()]
    else:
        docs = read_documents([args.corpus or KLUE_SENTENCES], args.limit)
    extractor = default_extractor()
    extractor.warm_up()
    print("\n".join(render(measure(extractor, docs, args.repeats))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
