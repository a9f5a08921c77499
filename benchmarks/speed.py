"""Speed and memory of newsfigs against bare kiwipiepy, on a corpus of one document per line.

In one run: kiwipiepy ``tokenize`` (per document, and one list call) against newsfigs
``extract`` (per document) and ``extract_many``, interleaved and best of N because the machine
is shared; cold start and peak RSS in fresh subprocesses; time at 1×, 4× and 16× the corpus.
``python -m benchmarks.speed [--corpus FILE] [--profile]`` prints the report.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import profiling
from benchmarks.markdown import table

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
KLUE_SENTENCES = SHARED / "data" / "klue_news_sentences.txt"

MIN_CHARS = 40_000
"""A small corpus is repeated up to this many characters so one timed pass is not all noise."""
SCALE_CHARS = 20_000
"""The 1× sample of the scaling test (a prefix of the corpus)."""
FACTORS = (1, 4, 16)
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
    cold: dict[str, list[float]] = field(default_factory=dict)
    rss_mb: dict[str, list[float]] = field(default_factory=dict)
    scaling: list[tuple[int, int, float]] = field(default_factory=list)
    """(factor, characters, best seconds)."""
    profiles: list[tuple[str, list[profiling.HotFunction]]] = field(default_factory=list)
    load: list[float] = field(default_factory=list)
    """1-minute load average before and after the measurements (other work skews timings)."""

    def best(self, method: str) -> float:
        """Best (shortest) time of ``method`` over the rounds."""
        return min(self.runs[method])

    def rate(self, method: str) -> float:
        """Characters per second of ``method``'s best round."""
        t = self.best(method)
        return self.sample_chars / t if t > 0 else 0.0

    @property
    def extract_vs_tokenize(self) -> float:
        """``extract`` throughput over bare per-document ``tokenize`` throughput."""
        return self.rate(NF_DOC) / self.rate(BARE_DOC)

    @property
    def many_vs_loop(self) -> float:
        """``extract_many`` throughput over the per-document ``extract`` loop."""
        return self.rate(NF_MANY) / self.rate(NF_DOC)

    def targets(self) -> list[Target]:
        """The four targets of the project, each with pass/fail."""
        out = [
            Target(
                "extract ≥ 0.85× bare per-document tokenize",
                f"{self.extract_vs_tokenize:.2f}×",
                "0.85×",
                self.extract_vs_tokenize >= 0.85,
            ),
            Target(
                "extract_many ≥ 1.8× the extract loop (2 cores)",
                f"{self.many_vs_loop:.2f}× on {self.cores} core(s)",
                "1.8×",
                self.many_vs_loop >= 1.8 if self.cores >= 2 else None,
            ),
        ]
        if self.cold.get("newsfigs") and self.cold.get("kiwipiepy"):
            nf, kw = min(self.cold["newsfigs"]), min(self.cold["kiwipiepy"])
            out.append(
                Target(
                    "cold start ≤ kiwipiepy's + 0.5 s",
                    f"{nf:.2f} s",
                    f"{kw + 0.5:.2f} s",
                    nf <= kw + 0.5,
                )
            )
        if self.rss_mb.get("newsfigs") and self.rss_mb.get("kiwipiepy"):
            nf, kw = max(self.rss_mb["newsfigs"]), max(self.rss_mb["kiwipiepy"])
            out.append(
                Target(
                    "peak RSS ≤ kiwipiepy's + 100 MB",
                    f"{nf:.0f} MB",
                    f"{kw + 100:.0f} MB",
                    nf <= kw + 100,
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


_SUBPROCESS = r"""
import json, resource, sys, time
mode, path, prof_path = sys.argv[1], sys.argv[2], sys.argv[3]
with open(path, encoding="utf-8") as fh:
    docs = [line.rstrip("\n") for line in fh if line.strip()]
prof = None
if prof_path:
    import cProfile
    prof = cProfile.Profile()
    prof.enable()
t0 = time.perf_counter()
if mode == "newsfigs":
    import newsfigs
    newsfigs.extract(docs[0])
else:
    from kiwipiepy import Kiwi
    kiwi = Kiwi()
    kiwi.tokenize(docs[0])
cold = time.perf_counter() - t0
if prof is not None:
    prof.disable()
    prof.dump_stats(prof_path)
if mode == "newsfigs":
    for _ in newsfigs.extract_many(docs):
        pass
else:
    for _ in kiwi.tokenize(docs):
        pass
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"cold": cold, "rss_mb": rss_mb}))
"""


def run_fresh(mode: str, corpus_file: Path, profile_to: Path | None = None) -> dict[str, float]:
    """Import + first call, then the whole corpus, in a fresh interpreter: cold start, peak RSS.

    ``ru_maxrss`` is the child's own peak (kilobytes on Linux), unaffected by this process.
    """
    cmd = [sys.executable, "-c", _SUBPROCESS, mode, str(corpus_file), str(profile_to or "")]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=ROOT)
    if proc.returncode != 0:
        raise RuntimeError(f"{mode} subprocess failed:\n{proc.stderr[-2000:]}")
    data: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return data


def measure_fresh(
    docs: Sequence[str], repeats: int
) -> tuple[dict[str, list[float]], dict[str, list[float]], Path]:
    """Cold start and peak RSS of newsfigs and of kiwipiepy alone, alternating."""
    cold: dict[str, list[float]] = {"newsfigs": [], "kiwipiepy": []}
    rss: dict[str, list[float]] = {"newsfigs": [], "kiwipiepy": []}
    fd, name = tempfile.mkstemp(prefix="newsfigs-bench-", suffix=".txt")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("\n".join(d.replace("\n", " ") for d in docs) + "\n")
    path = Path(name)
    for _ in range(max(1, repeats)):
        for mode in ("kiwipiepy", "newsfigs"):
            r = run_fresh(mode, path)
            cold[mode].append(r["cold"])
            rss[mode].append(r["rss_mb"])
    return cold, rss, path


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
    result.scaling = measure_scaling(extractor, prefix(sample, scale_chars), repeats)
    corpus_file: Path | None = None
    try:
        if fresh:
            result.cold, result.rss_mb, corpus_file = measure_fresh(sample, max(1, repeats - 1))
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
                run_fresh("newsfigs", corpus_file, stats)
                result.profiles.append(
                    ("cold start (import + first extract)", profiling.load(stats))
                )
                stats.unlink(missing_ok=True)
    finally:
        if corpus_file is not None:
            corpus_file.unlink(missing_ok=True)
    result.load.append(load_average())
    return result


def render(r: SpeedResult) -> str:
    """Markdown for one corpus: throughput, ratios, targets, cold start and memory, scaling."""
    rep = f" (repeated {r.repeated}× to {r.sample_chars:,} characters)" if r.repeated > 1 else ""
    rounds = len(r.runs[NF_DOC])
    out = [
        f"### {r.corpus}",
        "",
        f"{r.docs:,} documents, {r.chars:,} characters{rep}; best of {rounds} interleaved "
        f"rounds; {r.cores} core(s); load average {_load(r.load)}.",
        "",
    ]
    rows = [
        [m, f"{r.best(m):.3f}", f"{r.rate(m):,.0f}", f"{r.rate(m) / r.rate(BARE_DOC):.2f}×"]
        for m in METHODS
    ]
    out += table(["method", "best s", "chars/s", "vs bare per-doc tokenize"], rows)
    out += [
        "",
        f"- extract / bare per-document tokenize: **{r.extract_vs_tokenize:.2f}×**",
        f"- extract_many / extract loop: **{r.many_vs_loop:.2f}×** "
        f"(kiwipiepy's own list / per-document: {r.rate(BARE_LIST) / r.rate(BARE_DOC):.2f}×)",
        "",
    ]
    if r.cold:
        rows = []
        for lib in ("kiwipiepy", "newsfigs"):
            runs_c = ", ".join(f"{x:.2f}" for x in r.cold[lib])
            rows.append([lib, f"{min(r.cold[lib]):.2f}", runs_c, f"{max(r.rss_mb[lib]):.0f}"])
        out += table(["fresh process", "cold start s (best)", "runs", "peak RSS MB"], rows)
        out += [
            "",
            "Cold start = import + first call (`Kiwi()` + `tokenize` for kiwipiepy); peak RSS "
            "after the whole corpus in the same process.",
            "",
        ]
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
    args = ap.parse_args(argv)
    paths = args.corpus or seed_paths()
    docs = read_documents(paths, args.limit)
    name = ", ".join(p.name for p in paths)
    print(render(benchmark(docs, name, repeats=args.repeats, profile=args.profile or None)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
