"""cProfile summaries small enough for RESULTS.md: where the hot path spends its time."""

from __future__ import annotations

import cProfile
import pstats
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import regex as re

from benchmarks.markdown import table


@dataclass(frozen=True)
class HotFunction:
    """One profiled function: calls, own time, time including callees."""

    name: str
    calls: int
    own: float
    cumulative: float


_ADDRESS = re.compile(r" at 0x[0-9a-f]++")


def _short(file: str, line: int, func: str) -> str:
    if file == "~" or file.startswith("<"):
        func = _ADDRESS.sub("", func)
        return func.strip("<>") if file == "~" else f"{file}:{func}"
    for marker in ("/site-packages/", "/src/", "/lib/python3"):
        if marker in file:
            file = file.split(marker, 1)[1]
            break
    return f"{file}:{line}({func})"


def summarize(stats: pstats.Stats) -> list[HotFunction]:
    """Every profiled function, as rows (pstats' own tuple layout is opaque)."""
    raw = stats.stats  # type: ignore[attr-defined]
    return [
        HotFunction(_short(*key), nc, tt, ct) for key, (_cc, nc, tt, ct, _callers) in raw.items()
    ]


def profile_call(fn: Callable[[], object]) -> list[HotFunction]:
    """Run ``fn`` under cProfile and summarize it."""
    prof = cProfile.Profile()
    prof.enable()
    try:
        fn()
    finally:
        prof.disable()
    return summarize(pstats.Stats(prof))


def load(path: Path) -> list[HotFunction]:
    """Summarize a stats file written by ``Profile.dump_stats`` (e.g. in a subprocess)."""
    return summarize(pstats.Stats(str(path)))


def render(title: str, rows: list[HotFunction], top: int = 15) -> list[str]:
    """Two tables: the top functions by own time, and newsfigs' own by cumulative time."""
    if not rows:
        return []
    total = max(r.cumulative for r in rows)
    head = ["function", "calls", "own s", "cumulative s"]

    def line(r: HotFunction) -> list[object]:
        return [f"`{r.name}`", r.calls, f"{r.own:.3f}", f"{r.cumulative:.3f}"]

    by_own = sorted(rows, key=lambda r: -r.own)[:top]
    ours = sorted((r for r in rows if "newsfigs/" in r.name), key=lambda r: -r.cumulative)
    out = [f"#### Profile: {title} (total {total:.2f} s under cProfile)", ""]
    out += ["Top functions by own time:", "", *table(head, [line(r) for r in by_own]), ""]
    if ours:
        out += ["newsfigs functions by cumulative time:", ""]
        out += [*table(head, [line(r) for r in ours[:top]]), ""]
    return out
