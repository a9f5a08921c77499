"""The recipes of docs/scale.md, taken from the page itself and run on a few small shards."""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import newsfigs

SCALE = Path(__file__).resolve().parents[1] / "docs" / "scale.md"
ARTICLES = [
    ("a1", "2026-03-22", "지난해 매출은 5조원이었고 홍길동 대표는 오는 3일 투자를 밝힌다."),
    ("a2", "2026-03-22", "한빛전자는 1700억 달러(약 240조원)를 조달한다."),
    ("a3", "2025-01-10", "영업이익률은 12%로 지난해보다 0.25%p 올랐다."),
    ("a4", None, "숫자가 없는 문장이다."),
    ("a5", "2025-01-10", "발전 용량 64기가와트(GW) 중 33GW를 확보했다."),
]


def recipe(name: str) -> str:
    """The python block of docs/scale.md whose first line is ``# file: <name>``."""
    blocks: list[str] = re.findall(r"```python\n(.*?)```", SCALE.read_text(encoding="utf-8"), re.S)
    found = [b for b in blocks if b.startswith(f"# file: {name}\n")]
    assert len(found) == 1, f"docs/scale.md should hold one `# file: {name}` block"
    return found[0]


def _shards(tmp_path: Path) -> list[Path]:
    """Three shards: two articles, two articles, one article (dates grouped as they come)."""
    shards = []
    for i, part in enumerate((ARTICLES[:2], ARTICLES[2:4], ARTICLES[4:])):
        shard = tmp_path / f"shard{i}.jsonl"
        lines = [
            json.dumps({"id": a, "date": d, "text": t}, ensure_ascii=False) for a, d, t in part
        ]
        shard.write_text("\n".join(lines) + "\n", encoding="utf-8")
        shards.append(shard)
    return shards


def _expected(article_id: str) -> str:
    _, date, text = next(a for a in ARTICLES if a[0] == article_id)
    ref = datetime.date.fromisoformat(date) if date else None
    return newsfigs.extract(text, ref).model_dump_json()


def _run(script: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(script), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=script.parent,
        check=False,
    )


def _check_outputs(files: list[Path], shards: list[Path]) -> None:
    """Each output file holds its shard's articles, in order, as ``extract`` gives them."""
    assert len(files) == len(shards)
    for out, shard in zip(files, shards, strict=True):
        ids = [json.loads(line)["id"] for line in shard.read_text(encoding="utf-8").splitlines()]
        got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert [g["id"] for g in got] == ids
        for g in got:
            assert g["document"] == json.loads(_expected(g["id"]))


def test_multiprocessing_recipe(tmp_path: Path) -> None:
    script = tmp_path / "shard_extract.py"
    script.write_text(recipe("shard_extract.py"), encoding="utf-8")
    shards = _shards(tmp_path)
    out = tmp_path / "out"
    r = _run(script, "--workers", "2", out, *shards)
    assert r.returncode == 0, r.stderr
    assert sorted(r.stdout.splitlines()) == sorted(
        f"{s}: {n} articles" for s, n in zip(shards, (2, 2, 1), strict=True)
    )
    _check_outputs([out / f"shard{i}.out.jsonl" for i in range(3)], shards)
    assert not list(out.glob("*.partial"))
    again = _run(script, "--workers", "2", out, *shards)
    assert again.returncode == 0 and again.stdout == "nothing to do\n", "finished shards skipped"


def test_dask_recipe(tmp_path: Path) -> None:
    pytest.importorskip("dask.bag", reason="Dask is not installed (pip install 'dask[bag]')")
    script = tmp_path / "dask_extract.py"
    script.write_text(recipe("dask_extract.py"), encoding="utf-8")
    shards = _shards(tmp_path)
    out = tmp_path / "out"
    r = _run(script, "--workers", "2", out, *shards)
    assert r.returncode == 0, r.stderr
    _check_outputs([out / f"{i}.out.jsonl" for i in range(3)], shards)
