"""tools.snapshot: the before/after check of speed changes finds a changed result."""

from __future__ import annotations

from pathlib import Path

from tools import snapshot


def test_snapshot_diff_finds_a_change(tmp_path: Path) -> None:
    corpus = tmp_path / "c.txt"
    corpus.write_text("삼성전자는 3조원을 투자했다.\n어제 비가 왔다.\n", encoding="utf-8")
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert snapshot.write(a, corpus, None) == 2
    snapshot.write(b, corpus, None)
    assert snapshot.diff(a, b) == 0
    lines = a.read_text(encoding="utf-8").splitlines()
    b.write_text(lines[0] + "\n" + lines[0] + "\n", encoding="utf-8")
    assert snapshot.diff(a, b) == 1
