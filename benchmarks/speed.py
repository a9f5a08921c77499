"""Speed and memory of newsfigs against bare kiwipiepy, on a corpus of one document per line.

In one run: kiwipiepy ``tokenize`` (per document, and one list call) against newsfigs
``extract`` (per document) and ``extract_many``, interleaved, each ratio the median over rounds
of two times measured side by side because the machine is shared; the time of each stage of
``extract`` (benchmarks/stages.py); cold start by part and RSS in fresh subprocesses
(benchmarks/fresh.py); time at 1×, 4× and 16× the corpus; with ``--memory-docs N``, RSS while
N documents stream through.
``python -m benchmarks.speed [--corpus FILE] [--profile]`` prints the report.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import fresh as fresh_runs
from benchmarks import profiling
from benchmarks import stages as stage_times
from benchmarks.markdown import table

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
KLUE_SENTENCES = SHARED / "data" / "klue_news_sentences.txt"

MIN_CHARS = 40_000
"""A small corpus is repeated up to this many characters so one timed pass is not all noise."""
SCALE_CHARS = 20_000
"""The 1× sample of the scaling test (a prefix of the corpus)."""
FACTORS = (1, 4, 16)
EXTRACT_TARGET = 0.95
MANY_TARGET = 0.85
COLD_SLACK = 0.3
RSS_SLACK = 50
"""The targets of issue 15: ratios against kiwipiepy in the same run; seconds and MB over it."""
LINEAR_SLACK = 1.25
"""Cost per character at the largest size may exceed the 1× cost by this factor at most."""

BARE_DOC = "kiwipiepy tokenize, per document"
BARE_LIST = "kiwipiepy tokenize, one list call"
NF_DOC = "newsfigs extract, per document"
NF_MANY = "newsfigs extract_many"
METHODS = (BARE_DOC, BARE_LIST, NF_DOC, NF_MANY)


def read_documents(paths: Sequence[Path], limit: int | None = None) -> list[str]:
    """Non-empty lines of ``paths`` (one document per line), at most ``limit``."""
    docs: list[str] = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            docs.extend(line.strip() for line in fh if line.strip())
    return docs[:limit] if limit is not None else docs


def seed_paths() -> list[Path]:
    """The seed articles (``seeds/*.txt``)."""
    return sorted((ROOT / "seeds").glob("*.txt"))


def repeat_to(docs: Sequence[str], min_chars: int) -> tuple[list[str], int]:
    """``docs`` repeated until they hold ``min_chars`` characters, and the repeat count."""
    chars = sum(len(d) for d in docs)
    if not docs or chars >= min_chars:
        return list(docs), 1
    times = -(-min_chars // chars)
    return list(docs) * times, times


def prefix(docs: Sequence[str], max_chars: int) -> list[str]:
    """The first documents of ``docs`` holding about ``max_chars`` characters (at least one)."""
    out: list[str] = []
    total = 0
    for d in docs:
        if out and total + len(d) > max_chars:
            break
        out.append(d)
        total += len(d)
    return out


@dataclass(frozen=True)
class Target:
    """A performance target, its measured value and verdict (``ok`` None: not applicable)."""

    name: str
    measured: str
    limit: str
    ok: bool | None


@dataclass
class SpeedResult:
    """Everything the speed benchmark measured on one corpus."""

    corpus: str
    docs: int
    chars: int
    repeated: int
    sample_chars: int
    cores: int
    runs: dict[str, list[float]] = field(default_factory=dict)
    fresh: fresh_runs.FreshResult | None = None
    stages: stage_times.Stages | None = None
    scaling: list[tuple[int, int, float]] = field(default_factory=list)
    """(factor, characters, best seconds)."""
    profiles: list[tuple[str, list[profiling.HotFunction]]] = field(default_factory=list)
    load: list[float] = field(default_factory=list)
    """1-minute load average before and after the measurements (other work skews timings)."""

    def median(self, method: str) -> float:
        """Median time of ``method`` over the rounds."""
        return statistics.median(self.runs[method])

    def rate(self, method: str) -> float:
        """Characters per second of ``method``'s median round."""
        t = self.median(method)
        return self.sample_chars / t if t > 0 else 0.0

    def ratio(self, method: str, against: str) -> float:
        """Median over rounds of ``against``'s time over ``method``'s time in the same round
        (throughput of ``method`` relative to ``against``; adjacent runs share the noise)."""
        pairs = zip(self.runs[method], self.runs[against], strict=True)
        return statistics.median(b / a for a, b in pairs if a > 0)

    @property
    def extract_vs_tokenize(self) -> float:
        """``extract`` throughput over bare per-document ``tokenize`` throughput."""
        return self.ratio(NF_DOC, BARE_DOC)

    @property
    def many_vs_list(self) -> float:
        """``extract_many`` throughput over kiwipiepy's own list ``tokenize``."""
        return self.ratio(NF_MANY, BARE_LIST)

    @property
    def many_vs_loop(self) -> float:
        """``extract_many`` throughput over the per-document ``extract`` loop."""
        return self.ratio(NF_MANY, NF_DOC)

    def targets(self) -> list[Target]:
        """The project's targets (issue 15), each with pass/fail."""
        out = [
            Target(
                f"extract ≥ {EXTRACT_TARGET}× bare per-document tokenize",
                f"{self.extract_vs_tokenize:.2f}×",
                f"{EXTRACT_TARGET}×",
                self.extract_vs_tokenize >= EXTRACT_TARGET,
            ),
            Target(
                f"extract_many ≥ {MANY_TARGET}× kiwipiepy list tokenize",
                f"{self.many_vs_list:.2f}×",
                f"{MANY_TARGET}×",
                self.many_vs_list >= MANY_TARGET,
            ),
        ]
        f = self.fresh
        if f is not None and f.runs and f.kiwi:
            nf, kw = f.median(f.runs, "cold"), f.median(f.kiwi, "cold")
            out.append(
                Target(
                    f"cold start ≤ kiwipiepy's + {COLD_SLACK} s (disk cache written)",
                    f"{nf:.2f} s (+{nf - kw:.2f})",
                    f"{kw + COLD_SLACK:.2f} s",
                    nf <= kw + COLD_SLACK,
                )
            )
            nf, kw = f.median(f.runs, "warm_rss"), f.median(f.kiwi, "warm_rss")
            out.append(
                Target(
                    f"RSS after warm-up ≤ kiwipiepy's + {RSS_SLACK} MB",
                    f"{nf:.0f} MB (+{nf - kw:.0f})",
                    f"{kw + RSS_SLACK:.0f} MB",
                    nf <= kw + RSS_SLACK,
                )
            )
        if len(self.scaling) > 1:
            growth = self.cost_growth
            out.append(
                Target(
                    f"cost grows linearly ({self.scaling[-1][0]}× size)",
                    f"{growth:.2f}× cost per char",
                    f"≤ {LINEAR_SLACK:.2f}×",
                    growth <= LINEAR_SLACK,
                )
            )
        return out

    @property
    def cost_growth(self) -> float:
        """Cost per character at the largest size over the cost per character at 1×."""
        (_, c1, t1), (_, cn, tn) = self.scaling[0], self.scaling[-1]
        return (tn / cn) / (t1 / c1)


def _timed(fn: Callable[[], object]) -> float:
    gc.collect()
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _consume(it: Any) -> None:
    for _ in it:
        pass


def load_average() -> float:
    """The 1-minute load average (0.0 where the platform has none)."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return 0.0


def cpu_count() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def measure_throughput(
    sample: Sequence[str], repeats: int
) -> tuple[dict[str, list[float]], Any, Any]:
    """Time the four methods over ``sample``, interleaved, rotating their order each round."""
    from kiwipiepy import Kiwi

    import newsfigs

    kiwi = Kiwi()
    kiwi.tokenize("워밍업 1개")
    newsfigs.warm_up()
    extractor = newsfigs.api.default_extractor()
    docs = list(sample)
    calls: dict[str, Callable[[], object]] = {
        BARE_DOC: lambda: [kiwi.tokenize(d) for d in docs],
        BARE_LIST: lambda: _consume(kiwi.tokenize(docs)),
        NF_DOC: lambda: [extractor.extract(d) for d in docs],
        NF_MANY: lambda: _consume(extractor.extract_many(docs)),
    }
    runs: dict[str, list[float]] = {m: [] for m in METHODS}
    for r in range(max(1, repeats)):
        order = METHODS[r % len(METHODS) :] + METHODS[: r % len(METHODS)]
        for m in order:
            runs[m].append(_timed(calls[m]))
    return runs, extractor, kiwi


def measure_scaling(
    extractor: Any, base: Sequence[str], repeats: int, factors: Sequence[int] = FACTORS
) -> list[tuple[int, int, float]]:
    """``extract_many`` over the base sample repeated 1×, 4×, 16× (interleaved, best of N)."""
    best: dict[int, float] = {}
    for _ in range(max(1, repeats)):
        for k in factors:
            docs = list(base) * k
            t = _timed(lambda d=docs: _consume(extractor.extract_many(d)))  # type: ignore[misc]
            best[k] = min(best.get(k, t), t)
    chars = sum(len(d) for d in base)
    return [(k, chars * k, best[k]) for k in factors]


def benchmark(
    docs: Sequence[str],
    corpus: str,
    *,
    repeats: int = 3,
    min_chars: int = MIN_CHARS,
    scale_chars: int = SCALE_CHARS,
    fresh: bool = True,
    profile: bool | None = None,
) -> SpeedResult:
    """Run every measurement on ``docs``; profile when asked, or (None) when a target is missed."""
    if not docs:
        raise ValueError(f"no documents in {corpus}")
    sample, times = repeat_to(docs, min_chars)
    result = SpeedResult(
        corpus,
        len(docs),
        sum(len(d) for d in docs),
        times,
        sum(len(d) for d in sample),
        cpu_count(),
    )
    result.load.append(load_average())
    result.runs, extractor, _kiwi = measure_throughput(sample, repeats)
    result.stages = stage_times.measure(extractor, prefix(docs, scale_chars), repeats)
    result.scaling = measure_scaling(extractor, prefix(sample, scale_chars), repeats)
    corpus_file: Path | None = None
    try:
        if fresh:
            corpus_file = fresh_runs.write_corpus(sample)
            result.fresh = fresh_runs.measure(corpus_file, repeats)
        missed = [t for t in result.targets() if t.ok is False]
        if profile or (profile is None and missed):
            hot = prefix(sample, min_chars)
            result.profiles.append(
                (
                    f"`extract` per document over {sum(len(d) for d in hot):,} characters",
                    profiling.profile_call(lambda: [extractor.extract(d) for d in hot]),
                )
            )
            cold_missed = any(t.name.startswith("cold") for t in missed)
            if corpus_file is not None and (profile or cold_missed):
                stats = corpus_file.with_suffix(".prof")
                with tempfile.TemporaryDirectory() as cache:
                    fresh_runs.run_child("newsfigs", corpus_file, Path(cache))  # writes it
                    fresh_runs.run_child("newsfigs", corpus_file, Path(cache), stats)
                result.profiles.append(
                    ("cold start (import + first extract, cache read)", profiling.load(stats))
                )
                stats.unlink(missing_ok=True)
    finally:
        if corpus_file is not None:
            corpus_file.unlink(missing_ok=True)
    result.load.append(load_average())
    return result


def render(r: SpeedResult) -> str:
    """Markdown for one corpus: throughput, ratios, targets, stages, cold start, scaling."""
    rep = f" (repeated {r.repeated}× to {r.sample_chars:,} characters)" if r.repeated > 1 else ""
    rounds = len(r.runs[NF_DOC])
    out = [
        f"### {r.corpus}",
        "",
        f"{r.docs:,} documents, {r.chars:,} characters{rep}; medians of {rounds} interleaved "
        f"rounds; {r.cores} core(s); load average {_load(r.load)}.",
        "",
    ]
    rows = [
        [m, f"{r.median(m):.3f}", f"{r.rate(m):,.0f}", f"{r.ratio(m, BARE_DOC):.2f}×"]
        for m in METHODS
    ]
    out += table(["method", "median s", "chars/s", "vs bare per-doc tokenize"], rows)
    out += [
        "",
        f"- extract / bare per-document tokenize: **{r.extract_vs_tokenize:.2f}×**",
        f"- extract_many / kiwipiepy list tokenize: **{r.many_vs_list:.2f}×**",
        f"- extract_many / extract loop: {r.many_vs_loop:.2f}× "
        f"(kiwipiepy's own list / per-document: {r.ratio(BARE_LIST, BARE_DOC):.2f}×)",
        "- each ratio is the median over rounds of the two times measured side by side.",
        "",
    ]
    if r.stages is not None:
        out += stage_times.render(r.stages)
    f = r.fresh
    if f is not None and f.runs and f.kiwi:
        rows = [
            [
                "kiwipiepy",
                f"{f.median(f.kiwi, 'cold'):.2f}",
                ", ".join(f"{x.cold:.2f}" for x in f.kiwi),
                f"{f.median(f.kiwi, 'warm_rss'):.0f}",
                f"{f.median(f.kiwi, 'peak_rss'):.0f}",
            ],
            [
                "newsfigs",
                f"{f.median(f.runs, 'cold'):.2f}",
                ", ".join(f"{x.cold:.2f}" for x in f.runs),
                f"{f.median(f.runs, 'warm_rss'):.0f}",
                f"{f.median(f.runs, 'peak_rss'):.0f}",
            ],
        ]
        if f.first is not None:
            rows.append(
                [
                    "newsfigs, first process (cache written)",
                    f"{f.first.cold:.2f}",
                    "1 run",
                    f"{f.first.warm_rss:.0f}",
                    f"{f.first.peak_rss:.0f}",
                ]
            )
        out += table(
            ["fresh process", "cold start s (median)", "runs", "RSS after 1st call MB", "peak MB"],
            rows,
        )
        out += [
            "",
            "Cold start = import + first call (`Kiwi()` + `tokenize` for kiwipiepy); peak RSS "
            "after the whole corpus in the same process. newsfigs' cold start by part "
            "(medians of the runs that read the disk cache):",
            "",
        ]
        parts = [[name, f"{sec:.3f}"] for name, sec in f.parts() if sec >= 0.001]
        out += table(["part", "s"], parts)
        out.append("")
    if r.scaling:
        base = r.scaling[0][2] / r.scaling[0][1]
        rows = [
            [f"{k}×", f"{c:,}", f"{t:.3f}", f"{c / t:,.0f}", f"{(t / c) / base:.2f}"]
            for k, c, t in r.scaling
        ]
        out += table(["size", "chars", "extract_many s", "chars/s", "cost per char vs 1×"], rows)
        out.append("")
    out += table(
        ["target", "measured", "limit", "result"],
        [[t.name, t.measured, t.limit, _verdict(t.ok)] for t in r.targets()],
    )
    out.append("")
    for title, rows_p in r.profiles:
        out += profiling.render(title, rows_p)
    return "\n".join(out) + "\n"


def render_memory(docs: int, kiwi: fresh_runs.FreshRun, ours: fresh_runs.FreshRun) -> str:
    """RSS while streaming ``docs`` documents: newsfigs next to kiwipiepy alone."""
    out = [f"### Memory over {docs:,} documents (`extract_many`, corpus cycled)", ""]
    rows = [
        [f"{n:,}", f"{kw:.0f}", f"{nf:.0f}", f"{nf - kw:+.0f}"]
        for (n, kw), (_, nf) in zip(kiwi.samples, ours.samples, strict=False)
    ]
    out += table(["documents", "kiwipiepy RSS MB", "newsfigs RSS MB", "difference"], rows)
    if len(ours.samples) > 1:
        growth = ours.samples[-1][1] - ours.samples[0][1]
        out += ["", f"- newsfigs RSS from the first sample to the last: {growth:+.0f} MB"]
    return "\n".join(out) + "\n"


def _load(load: Sequence[float]) -> str:
    """``0.4 → 1.1``; a load near the core count means other work competed for the CPU."""
    return " → ".join(f"{x:.1f}" for x in load) or "unknown"


def _verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("**pass**" if ok else "**FAIL**")


def main(argv: Sequence[str] | None = None) -> int:
    """Benchmark one corpus and print the Markdown report."""
    ap = argparse.ArgumentParser(prog="python -m benchmarks.speed", description=__doc__)
    ap.add_argument("--corpus", type=Path, action="append", help="text file, one doc per line")
    ap.add_argument("--limit", type=int, default=None, help="use the first N documents")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--profile", action="store_true", help="always include cProfile summaries")
    ap.add_argument(
        "--memory-docs",
        type=int,
        default=0,
        help="also stream this many documents (e.g. 100000) and report RSS along the way",
    )
    args = ap.parse_args(argv)
    paths = args.corpus or seed_paths()
    docs = read_documents(paths, args.limit)
    name = ", ".join(p.name for p in paths)
    print(render(benchmark(docs, name, repeats=args.repeats, profile=args.profile or None)))
    if args.memory_docs > 0:
        corpus_file = fresh_runs.write_corpus(docs)
        try:
            kiwi, ours = fresh_runs.memory_growth(corpus_file, args.memory_docs)
        finally:
            corpus_file.unlink(missing_ok=True)
        print(render_memory(args.memory_docs, kiwi, ours))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
