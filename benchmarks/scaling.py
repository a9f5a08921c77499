"""Scaling of ``extract`` with input size, and the adversarial inputs, timed.

``python -m benchmarks.scaling`` prints two Markdown tables:

1. one news-like document of 1×, 10× and 100× ``--base`` characters (default 100,000, so the
   largest is 10 MB), each extracted in a fresh subprocess: seconds, characters per second,
   peak RSS, and the cost per character relative to 1× (linear time: the ratio stays near 1;
   bounded memory: the RSS stays near the analyzer's own ~600 MB);
2. every adversarial case of ``ADVERSARIAL`` (long digit runs, repeated units and brackets,
   억억억…, nested parentheses, entity-like junk …) at n, 10n and 100n characters, with the
   time ratios (linear: about 10 per step).

``--quick`` uses smaller sizes (base 20,000; adversarial n = 500). The tests import
``ADVERSARIAL`` and check each case at two sizes with generous bounds.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.markdown import table

ROOT = Path(__file__).resolve().parents[1]


def _cycle(unit: str, n: int) -> str:
    """``unit`` repeated to ``n`` characters (cut at ``n``)."""
    return (unit * (n // max(1, len(unit)) + 1))[:n]


def _wrap(open_: str, middle: str, close: str, n: int) -> str:
    """``middle`` nested in ``open_``/``close`` as deep as ``n`` characters allow."""
    depth = max(1, (n - len(middle)) // (len(open_) + len(close)))
    return open_ * depth + middle + close * depth


_SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
_GIVEN = "민서준지현우진영수경호은성철동혜연재원희태석규범상훈나라주하도윤채아율"
_POSTS = ("총무과장", "기획과장", "인사팀장", "홍보실장", "감사관", "정책관")


def personnel_list(n: int) -> str:
    """A personnel announcement (``▲총무과장 홍길동 ▲기획과장 …``) of ``n`` characters.

    Every name is a different person (26,640 of them: the first 330,000 characters or so name
    no one twice), so linking must not compare every person with every other.
    """
    names = (s + a + b for s in _SURNAMES for a in _GIVEN for b in _GIVEN if a != b)
    posts = itertools.cycle(_POSTS)
    items: list[str] = []
    size = 0
    for name in itertools.cycle(names):
        items.append(f"▲{next(posts)} {name} ")
        size += len(items[-1])
        if size >= n:
            break
    return "".join(items)[:n]


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "digit run": lambda n: _cycle("1234567890", n),
    "digits with commas": lambda n: _cycle("1,", n),
    "comma groups then a short group": lambda n: "1" + _cycle(",000", n - 6) + ",00원",
    "digits and dots": lambda n: _cycle("1.", n),
    "digits and spaces": lambda n: _cycle("3 ", n),
    "digit run then unit": lambda n: _cycle("9", n - 2) + "억원",
    "range chain": lambda n: _cycle("1~", n),
    "fraction chain": lambda n: _cycle("1/", n),
    "repeated 억": lambda n: "3" + _cycle("억", n - 2) + "원",
    "repeated 억 without digits": lambda n: _cycle("억", n),
    "mixed Korean numerals": lambda n: _cycle("1억2천3백", n),
    "repeated unit 원": lambda n: _cycle("원", n),
    "repeated percent": lambda n: _cycle("%", n),
    "repeated GW": lambda n: _cycle("GW", n),
    "number unit glued": lambda n: _cycle("3억원", n),
    "equivalents glued": lambda n: _cycle("1700억 달러(약 240조원)", n),
    "open parentheses": lambda n: _cycle("(", n),
    "close parentheses": lambda n: _cycle(")", n),
    "nested parentheses": lambda n: _wrap("(", "3억원", ")", n),
    "nested 약 parentheses": lambda n: _wrap("(약 ", "3억원", ")", n),
    "nested brackets": lambda n: _wrap("[", "5%", "]", n),
    "alias openers": lambda n: _cycle("(이하 ", n),
    "quotes": lambda n: _cycle("'“", n),
    "approximately chain": lambda n: _cycle("약 ", n),
    "tens of chain": lambda n: _cycle("수십", n),
    "date-like run": lambda n: _cycle("2026년 3월 22일 ", n),
    "date digits dotted": lambda n: _cycle("2026.03.", n),
    "name and title run": lambda n: _cycle("홍길동 대표 ", n),
    "personnel list (distinct names)": personnel_list,
    "surname run": lambda n: _cycle("홍", n),
    "organization run": lambda n: _cycle("삼성전자", n),
    "latin run": lambda n: _cycle("ABC", n),
    "latin words": lambda n: _cycle("Emin Askerov ", n),
    "html entities": lambda n: _cycle("&amp;", n),
    "ampersand run": lambda n: _cycle("&#", n),
    "combining marks": lambda n: "3" + _cycle("\u0301", n - 3) + "억원",
    "conjoining jamo": lambda n: _cycle("\u1100\u1161\u11a8", n),
    "zero-width run": lambda n: _cycle("\u200b", n),
    "spaces": lambda n: _cycle(" ", n),
    "newlines": lambda n: _cycle("\n", n),
    "sentence ends": lambda n: _cycle(". ", n),
    "emoji": lambda n: _cycle("🚀👍🏽", n),
}
"""Each builds a text of about ``n`` characters that stresses one part of the pipeline."""


def news_document(n: int) -> str:
    """News-like text of ``n`` characters: the seed articles, paragraphs repeated."""
    paragraphs: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        paragraphs.extend(p.strip() for p in path.read_text(encoding="utf-8").splitlines())
    body = "\n".join(p for p in paragraphs if p)
    return _cycle(body + "\n", n)


def time_extract(text: str, repeat: int = 1) -> float:
    """Best wall time of ``repeat`` calls of ``newsfigs.extract(text)``, in seconds."""
    import newsfigs

    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        newsfigs.extract(text)
        best = min(best, time.perf_counter() - t0)
    return best


def _one(n: int) -> dict[str, float]:
    """Extract one ``n``-character document in this process (called in a fresh subprocess)."""
    import newsfigs

    newsfigs.warm_up()
    text = news_document(n)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    doc = newsfigs.extract(text)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "chars": len(text),
        "seconds": seconds,
        "rss_before_mb": base,
        "rss_peak_mb": peak,
        "figures": len(doc.figures),
    }


def scaling(base: int, factors: tuple[int, ...] = (1, 10, 100)) -> list[str]:
    """The size table: each size in a fresh subprocess so peak RSS is its own."""
    rows: list[list[object]] = []
    first: float | None = None
    for k in factors:
        cmd = [sys.executable, "-m", "benchmarks.scaling", "--one", str(base * k)]
        out = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        per_char = r["seconds"] / r["chars"]
        first = per_char if first is None else first
        rows.append(
            [
                f"{k}×",
                f"{r['chars']:,}",
                f"{r['seconds']:.1f}",
                f"{r['chars'] / r['seconds']:,.0f}",
                f"{per_char / first:.2f}",
                f"{r['rss_before_mb']:.0f} → {r['rss_peak_mb']:.0f}",
                f"{r['figures']:,}",
            ]
        )
        print(f"  {k}×: {r['chars']:,} chars in {r['seconds']:.1f} s", file=sys.stderr)
    head = ["size", "chars", "seconds", "chars/s", "cost/char vs 1×", "RSS MB", "figures"]
    return table(head, rows)


def adversarial(n: int, steps: int = 3) -> list[str]:
    """The adversarial table: seconds at n, 10n, 100n … and the ratio between steps."""
    import newsfigs

    newsfigs.warm_up()
    rows: list[list[object]] = []
    for name, build in ADVERSARIAL.items():
        times = [time_extract(build(n * 10**i), repeat=2 if i == 0 else 1) for i in range(steps)]
        ratios = [f"{b / max(a, 1e-4):.1f}" for a, b in itertools.pairwise(times)]
        rows.append([name, *(f"{t:.3f}" for t in times), *ratios])
        print(f"  {name}: {', '.join(f'{t:.3f}' for t in times)}", file=sys.stderr)
    sizes = [f"{n * 10**i:,} chars (s)" for i in range(steps)]
    ratio_heads = ["t(10n)/t(n)", "t(100n)/t(10n)", "t(1000n)/t(100n)"][: steps - 1]
    return table(["case", *sizes, *ratio_heads], rows)


def main(argv: list[str] | None = None) -> None:
    """Print the scaling and adversarial tables (``--quick`` for smaller sizes)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="base 20,000 chars; adversarial n=500")
    ap.add_argument("--base", type=int, help="characters of the 1× document (default 100,000)")
    ap.add_argument("--adversarial-n", type=int, help="n of the adversarial table (default 1000)")
    ap.add_argument("--skip-scaling", action="store_true")
    ap.add_argument("--skip-adversarial", action="store_true")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(_one(args.one)))
        return
    base = args.base or (20_000 if args.quick else 100_000)
    n = args.adversarial_n or (500 if args.quick else 1000)
    lines: list[str] = []
    if not args.skip_scaling:
        lines += [f"## Scaling: one document of 1×, 10×, 100× {base:,} characters", ""]
        lines += scaling(base)
    if not args.skip_adversarial:
        lines += ["", f"## Adversarial inputs ({len(ADVERSARIAL)} cases)", ""]
        lines += adversarial(n)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
