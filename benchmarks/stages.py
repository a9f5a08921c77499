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
GOAL = 0.25
"""Python time over kiwipiepy's time the project aims for (issue 15)."""


@dataclass(frozen=True)
class Stages:
    """CPU seconds per stage over ``docs`` documents (best of the rounds, each stage alone)."""

    docs: int
    seconds: dict[str, float]

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
            t0 = _cpu()
            parts = [list(analyzer.analyse_one(d)) for d in docs]
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
    finally:
        analyzer._kiwi = kiwi
    return Stages(len(docs), best)


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
    return [
        f"CPU time per document, {s.docs:,} documents, `extract` one at a time (best of "
        "the rounds; kiwipiepy's answers replayed for the other stages); "
        f"goal: Python ≤ {GOAL:.2f}× the analysis.",
        "",
        *table(["stage", "ms per document", "× analysis"], rows),
        "",
    ]
