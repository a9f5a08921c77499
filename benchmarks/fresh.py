"""Fresh-process measurements: cold start (by part), RSS after warm-up, memory over many documents.

Each measurement runs in a new interpreter so nothing of this process (its loaded model, its
caches) leaks in. Cold start is import + first call; newsfigs' is broken down into import,
kiwipiepy's model, each table it loaded and the rest of the first call. The disk cache
(core/disk_cache.py) and the compiled bytecode live in a temporary directory: the first newsfigs
process of a run finds it empty (as right after ``pip install``) and writes it, the later ones
read it.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r"""
import json, os, resource, sys, time

def rss_mb():
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

mode, path, prof_path, stream_docs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
with open(path, encoding="utf-8") as fh:
    docs = [line.rstrip("\n") for line in fh if line.strip()]
prof = None
if prof_path:
    import cProfile
    prof = cProfile.Profile()
    prof.enable()
parts = {}
t0 = time.perf_counter()
if mode == "newsfigs":
    import newsfigs
    parts["import newsfigs"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    newsfigs.api.default_extractor().analyzer.kiwi
    parts["kiwipiepy model"] = time.perf_counter() - t1
    t2 = time.perf_counter()
    newsfigs.extract(docs[0])
    first = time.perf_counter() - t2
    from newsfigs.core import disk_cache, resources
    tables = resources.timings()
    for name, s in tables.items():
        parts[name] = s
    parts["rest of the first extract"] = max(0.0, first - sum(tables.values()))
    cache = dict(disk_cache.STATUS)
else:
    from kiwipiepy import Kiwi
    parts["import kiwipiepy"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    kiwi = Kiwi()
    kiwi.tokenize(docs[0])
    parts["Kiwi() + first tokenize"] = time.perf_counter() - t1
    cache = {}
cold = time.perf_counter() - t0
if prof is not None:
    prof.disable()
    prof.dump_stats(prof_path)
warm_rss = rss_mb()
samples = []
if stream_docs:
    def cycle():
        while True:
            yield from docs
    it = cycle()
    batch = max(1, stream_docs // 10)
    done = 0
    while done < stream_docs:
        texts = [next(it) for _ in range(batch)]
        if mode == "newsfigs":
            for _ in newsfigs.extract_many(texts):
                pass
        else:
            for _ in kiwi.tokenize(texts):
                pass
        done += batch
        samples.append((done, rss_mb()))
else:
    if mode == "newsfigs":
        for _ in newsfigs.extract_many(docs):
            pass
    else:
        for _ in kiwi.tokenize(docs):
            pass
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"cold": cold, "parts": parts, "warm_rss": warm_rss, "peak_rss": peak,
                  "cache": cache, "samples": samples}))
"""


@dataclass
class FreshRun:
    """One fresh interpreter: cold start and its parts, RSS after the first call and at peak."""

    cold: float
    parts: dict[str, float]
    warm_rss: float
    peak_rss: float
    cache: dict[str, str] = field(default_factory=dict)
    samples: list[tuple[int, float]] = field(default_factory=list)
    """(documents done, RSS MB) while streaming many documents."""


def run_child(
    mode: str,
    corpus_file: Path,
    cache_dir: Path,
    profile_to: Path | None = None,
    stream_docs: int = 0,
) -> FreshRun:
    """``mode`` ("newsfigs" or "kiwipiepy") in a new interpreter over ``corpus_file``.

    The children keep compiled bytecode in ``cache_dir`` even where the environment says not to
    write it (``PYTHONDONTWRITEBYTECODE``, as in CI and this project's sandboxes): an installed
    package has its bytecode, so only the first process of a run compiles, like a user's first
    import after ``pip install``. Without it every child compiled newsfigs' modules again
    (~0.1 s of each cold start) and measured the sandbox, not the library.
    """
    cmd = [sys.executable, "-c", _CHILD, mode, str(corpus_file), str(profile_to or "")]
    cmd.append(str(stream_docs))
    env = {
        **os.environ,
        "NEWSFIGS_CACHE_DIR": str(cache_dir),
        "PYTHONPYCACHEPREFIX": str(cache_dir / "bytecode"),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=ROOT, env=env)
    if proc.returncode != 0:
        raise RuntimeError(f"{mode} subprocess failed:\n{proc.stderr[-2000:]}")
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    samples = [(int(n), float(mb)) for n, mb in data["samples"]]
    return FreshRun(
        data["cold"], data["parts"], data["warm_rss"], data["peak_rss"], data["cache"], samples
    )


@dataclass
class FreshResult:
    """Alternating fresh runs of kiwipiepy alone and newsfigs; the first newsfigs run wrote
    the disk cache (``first``), the others read it (``runs``)."""

    kiwi: list[FreshRun] = field(default_factory=list)
    first: FreshRun | None = None
    runs: list[FreshRun] = field(default_factory=list)

    @staticmethod
    def median(runs: Sequence[FreshRun], attr: str) -> float:
        """Median of one numeric attribute over ``runs``."""
        return statistics.median(float(getattr(r, attr)) for r in runs)

    def parts(self) -> list[tuple[str, float]]:
        """newsfigs' cold-start parts, medians over the runs that read the cache, largest first."""
        names = {n for r in self.runs for n in r.parts}
        med = {n: statistics.median(r.parts.get(n, 0.0) for r in self.runs) for n in names}
        return sorted(med.items(), key=lambda kv: -kv[1])


def write_corpus(docs: Sequence[str]) -> Path:
    """``docs`` one per line in a temporary file (the caller deletes it)."""
    fd, name = tempfile.mkstemp(prefix="newsfigs-bench-", suffix=".txt")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("\n".join(d.replace("\n", " ") for d in docs) + "\n")
    return Path(name)


def measure(corpus_file: Path, repeats: int) -> FreshResult:
    """``repeats`` fresh runs each (plus newsfigs' first, cache-writing run), alternating."""
    out = FreshResult()
    with tempfile.TemporaryDirectory(prefix="newsfigs-bench-cache-") as cache:
        out.first = run_child("newsfigs", corpus_file, Path(cache))
        for _ in range(max(1, repeats)):
            out.kiwi.append(run_child("kiwipiepy", corpus_file, Path(cache)))
            out.runs.append(run_child("newsfigs", corpus_file, Path(cache)))
    return out


def memory_growth(corpus_file: Path, docs: int) -> tuple[FreshRun, FreshRun]:
    """RSS while ``docs`` documents (the corpus cycled) stream through each library."""
    with tempfile.TemporaryDirectory(prefix="newsfigs-bench-cache-") as cache:
        kiwi = run_child("kiwipiepy", corpus_file, Path(cache), stream_docs=docs)
        ours = run_child("newsfigs", corpus_file, Path(cache), stream_docs=docs)
    return kiwi, ours
