"""The ``newsfigs`` command, run for real in a child process.

Each child pays the analyzer load (~3 s), so every run checks several things at once.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

import newsfigs
from newsfigs import Document

REF = datetime.date(2026, 3, 22)
A_LINES = [
    "지난해 매출은 5조원이었다.",
    "",
    "홍길동 대표는 한빛전자가 3일 10억 달러를 투자한다고 밝혔다.",
]
B_TEXT = "영업이익률은 12%였다.\n"
EXTRA = "삼성전자는 전력 64GW를 확보했다."


def _command() -> list[str]:
    """The console script when it is installed beside this Python, else ``python -m``."""
    script = Path(sys.executable).with_name("newsfigs")
    return [str(script)] if script.exists() else [sys.executable, "-m", "newsfigs"]


def _run(
    *args: str | Path, stdin: bytes = b"", script: bool = False
) -> subprocess.CompletedProcess[bytes]:
    cmd = _command() if script else [sys.executable, "-m", "newsfigs"]
    return subprocess.run(
        [*cmd, *map(str, args)], input=stdin, capture_output=True, timeout=300, check=False
    )


def _docs(stdout: bytes) -> list[Document]:
    return [Document.model_validate_json(line) for line in stdout.decode("utf-8").splitlines()]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """``corpus/a.txt`` (a blank line in it), ``corpus/sub/b.txt``, a non-.txt file, extra.txt."""
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text("\n".join(A_LINES) + "\n", encoding="utf-8")
    (corpus / "sub" / "b.txt").write_text(B_TEXT, encoding="utf-8")
    (corpus / "notes.md").write_text("무시되는 파일 7억원\n", encoding="utf-8")
    (tmp_path / "extra.txt").write_text(EXTRA, encoding="utf-8")  # no final newline
    return tmp_path


def test_jsonl_from_directory_and_file_is_the_library_json(tree: Path) -> None:
    r = _run("--reference-date", REF.isoformat(), tree / "corpus", tree / "extra.txt", script=True)
    assert r.returncode == 0, r.stderr.decode()
    assert r.stderr == b"", "no progress line when stderr is not a terminal"
    expected = [A_LINES[0], A_LINES[2], B_TEXT.strip(), EXTRA]  # blank line and notes.md skipped
    lines = r.stdout.decode("utf-8").splitlines()
    assert [json.loads(line)["text"] for line in lines] == expected
    for line, text in zip(lines, expected, strict=True):
        assert line == newsfigs.extract(text, REF).model_dump_json()
    docs = _docs(r.stdout)
    assert all(d.reference_date == REF for d in docs)
    last_year = [f for f in docs[0].figures if f.kind == "date"]
    assert last_year and last_year[0].date is not None
    assert last_year[0].date.resolved_start == datetime.date(2025, 1, 1), "지난해 of 2026"


def test_per_file_csv_with_stdin(tree: Path) -> None:
    stdin = "첫 줄 3억원\n둘째 줄 4억원\n".encode()
    r = _run("--per-file", "--format", "csv", "--with-source", tree / "corpus", "-", stdin=stdin)
    assert r.returncode == 0, r.stderr.decode()
    rows = list(csv.DictReader(io.StringIO(r.stdout.decode("utf-8"))))
    sources = {(Path(row["source"]).name, row["doc_index"]) for row in rows}
    assert sources == {("a.txt", "0"), ("b.txt", "1"), ("<stdin>", "2")}
    assert all(row["line"] == "" for row in rows), "no line numbers with --per-file"
    money = {row["text"]: row for row in rows if row["kind"] == "money"}
    assert money["5조원"]["value"] == "5000000000000" and money["5조원"]["unit"] == "KRW"
    assert money["10억 달러"]["unit"] == "USD"
    assert {"3억원", "4억원"} <= set(money), "stdin read whole, as one document"
    people = [row for row in rows if row["type"] == "person"]
    assert [p["name"] for p in people] == ["홍길동"]


def test_table_from_stdin_and_usage_errors() -> None:
    stdin = "매출은 5조원이다.\n\n영업이익률은 12%였다.\n".encode()
    r = _run("--format", "table", "-", stdin=stdin)
    assert r.returncode == 0, r.stderr.decode()
    out = r.stdout.decode("utf-8")
    assert "<stdin>:1  (1 figure, 0 people, 0 organizations)" in out
    assert "<stdin>:3" in out and "<stdin>:2" not in out
    assert "5조 KRW" in out and "12%" in out, "values in Korean groups (issue 16)"
    for bad in (
        ["--format", "xml"],
        ["--reference-date", "2026-02-30"],
        ["--batch-size", "0"],
        ["--on-error", "retry"],
        ["--no-such-flag"],
    ):
        u = _run(*bad)
        assert u.returncode == 2, bad
        assert b"usage: newsfigs" in u.stderr and u.stdout == b""
    h = _run("--help")
    assert h.returncode == 0 and b"--reference-date" in h.stdout


def test_invalid_utf8_is_named_and_skipped(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    good1, good2 = "좋은 줄 1억원\n".encode(), "좋은 줄 2억원\n".encode()
    bad.write_bytes(good1 + b"bad \xff\xfe line\n" + good2)
    empty = tmp_path / "empty"
    empty.mkdir()
    r = _run(bad, tmp_path / "missing.txt", empty)
    assert r.returncode == 1
    err = r.stderr.decode()
    assert f"{empty}: no *.txt file in this directory" in err
    assert f"{bad}:2: not valid UTF-8 (byte 0xff at column 5); line skipped" in err
    assert f"{tmp_path / 'missing.txt'}: no such file or directory" in err
    assert [d.text for d in _docs(r.stdout)] == ["좋은 줄 1억원", "좋은 줄 2억원"]


def test_stop_on_invalid_utf8_keeps_what_was_written(tmp_path: Path) -> None:
    ok = tmp_path / "ok.txt"
    ok.write_text("".join(f"{i}번째 줄 {i}억원\n" for i in range(1, 6)), encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes("가 1명\n나 2명\n".encode() + b"\xc3\x28\n" + "다 3명\n".encode())
    after = tmp_path / "after.txt"
    after.write_text("읽히지 않는 줄 9억원\n", encoding="utf-8")
    r = _run("--on-error", "stop", "--batch-size", "2", ok, bad, after)
    assert r.returncode == 1
    err = r.stderr.decode()
    assert f"{bad}:3: not valid UTF-8 (byte 0xc3 at column 1); stopping" in err
    texts = [d.text for d in _docs(r.stdout)]
    assert texts == [f"{i}번째 줄 {i}억원" for i in range(1, 6)] + ["가 1명", "나 2명"]


def test_per_file_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("첫 줄\n둘째 줄 ".encode() + b"\xe2\x82" + " 끝\n".encode())
    good = tmp_path / "good.txt"
    good.write_text("좋은 파일 3억원\n", encoding="utf-8")
    r = _run("--per-file", bad, good)
    assert r.returncode == 1
    assert f"{bad}:2: not valid UTF-8 (byte 0xe2 at column 6); file skipped" in r.stderr.decode()
    assert [d.text for d in _docs(r.stdout)] == ["좋은 파일 3억원\n"]


def _padded(n: int) -> bytes:
    """``n`` 20 kB documents: a real sentence, then blanks the analyzer gets through quickly."""
    line = "홍길동 대표는 한빛전자가 3조원을 투자한다고 밝혔다." + " " * 20_000 + "끝.\n"
    return line.encode() * n


def _rss_kb(pid: int) -> int | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return None


def _run_sampled(args: list[str], stdout: Path) -> tuple[int, list[tuple[int, int]], str]:
    """Run with stderr on a terminal; sample (bytes written so far, RSS kB) as it goes.

    Peak RSS alone would not do: loading the model makes a spike that hides any later growth.
    """
    import pty  # POSIX only, like /proc: imported here so the module loads anywhere

    master, slave = pty.openpty()
    with stdout.open("wb") as out:
        p = subprocess.Popen([sys.executable, "-m", "newsfigs", *args], stdout=out, stderr=slave)
    os.close(slave)
    chunks: list[bytes] = []
    samples: list[tuple[int, int]] = []
    open_tty = True
    while open_tty or p.poll() is None:
        if open_tty and select.select([master], [], [], 0.05)[0]:
            try:  # drain the terminal so the child never blocks on it
                data = os.read(master, 4096)
            except OSError:  # EIO: the child closed its end
                data = b""
            chunks.append(data)
            open_tty = bool(data)
        elif not open_tty:
            time.sleep(0.05)
        rss = _rss_kb(p.pid)
        if rss is not None and p.poll() is None:
            samples.append((stdout.stat().st_size, rss))
    os.close(master)
    return p.wait(), samples, b"".join(chunks).decode("utf-8", "replace")


def test_memory_stays_flat_and_progress_shows_on_a_terminal(tmp_path: Path) -> None:
    if not Path("/proc/self/status").exists():
        pytest.skip("needs /proc to sample the child's memory")
    big = tmp_path / "big.txt"
    big.write_bytes(_padded(2_000))  # 40 MB, 80 MB as Python text: a reader keeping it would show
    rc, samples, err = _run_sampled([str(big)], tmp_path / "big.jsonl")
    assert rc == 0
    size = (tmp_path / "big.jsonl").stat().st_size
    with (tmp_path / "big.jsonl").open("rb") as f:
        assert sum(1 for _ in f) == 2_000
    early = [kb for written, kb in samples if 0 < written < size // 4]
    late = [kb for written, kb in samples if written >= size // 2]
    assert early and late, f"too few samples: {samples}"
    grew = f"RSS {max(early)} kB in the first quarter, at most {max(late)} kB in the second half"
    print(grew)
    assert max(late) - max(early) < 30_000, grew
    assert "newsfigs: " in err and " documents, " in err and "MB (" in err, err
    assert " docs/s, ETA " in err, "a known input size gives an ETA"
    # the progress line is erased at the end, then one summary line (issue 16) is left
    done = "\r\x1b[Knewsfigs: done, 2,000 documents, 2,000 figures, 2,000 entities, 0 errors in "
    assert done in err and err.endswith(" docs/s)\r\n"), err[-300:]


def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    data = tmp_path / "data.txt"
    data.write_bytes(_padded(50))  # ~1 MB of JSON: more than a pipe holds
    p = subprocess.Popen(
        [sys.executable, "-m", "newsfigs", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert p.stdout is not None and p.stderr is not None
    first = p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read()
    assert p.wait(timeout=300) == 141
    assert json.loads(first)["figures"], "the first document arrived whole"
    assert b"Traceback" not in err and b"BrokenPipe" not in err
