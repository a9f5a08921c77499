"""The command on the inputs people really have: JSON Lines and CSV records with a date and an
id each, other encodings, files that are not text; and its progress and summary lines.

Every check that needs the command runs it for real in a child process.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import newsfigs
from newsfigs import Document
from newsfigs.cli import Progress, summary
from newsfigs.cli_input import parse_day

ARTICLES = [
    {"id": "a-1", "body": "지난해 매출은 5조원이었다.", "published": "2020-05-01"},
    {"id": "a-2", "body": "3명이 왔다.", "published": "2026-02-30"},
    {"id": "a-3", "published": "2026-01-01"},
    {
        "id": "a-4",
        "body": "1700억 달러(약 240조원)를 조달한다.",
        "published": "2026-03-22T09:00:00+09:00",
    },
    {"id": "a-5", "body": "지난해 영업이익은 3%였다.", "published": ""},
]


def _run(
    *args: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsfigs", *map(str, args)],
        capture_output=True,
        timeout=300,
        check=False,
        env=env,
    )


def _jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    lines = [json.dumps(a, ensure_ascii=False) for a in ARTICLES]
    lines[2:2] = ["not json", "[1, 2]"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_records_carry_their_id_and_date_and_errors_name_the_line(tmp_path: Path) -> None:
    path = _jsonl(tmp_path)
    fields = ["--text-field", "body", "--date-field", "published", "--id-field", "id"]
    r = _run(path, *fields, "--reference-date", "2026-03-22", "--compact")
    assert r.returncode == 1, "some records failed"
    err = r.stderr.decode().splitlines()
    assert err == [
        f'newsfigs: {path}:2: field "published": "2026-02-30": no such day; record skipped',
        f"newsfigs: {path}:3: not valid JSON (Expecting value at column 1); line skipped",
        f"newsfigs: {path}:4: a list, not a JSON object; line skipped",
        f'newsfigs: {path}:5: no field "body"; record skipped',
    ]
    out = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == ["a-1", "a-4", "a-5"]
    docs = [Document.model_validate(o["document"]) for o in out]
    refs = [d.reference_date for d in docs]
    assert refs == [
        datetime.date(2020, 5, 1),
        datetime.date(2026, 3, 22),
        datetime.date(2026, 3, 22),
    ]
    assert docs[0] == newsfigs.extract(ARTICLES[0]["body"], datetime.date(2020, 5, 1))
    text = r.stdout.decode()
    assert "null" not in text and "[]" not in text and "false" not in text, "compact"
    last_year = docs[0].figures[0]
    assert last_year.date is not None and last_year.date.resolved_start == datetime.date(2019, 1, 1)

    table = _run(path, *fields, "--format", "table", "--with-source").stdout.decode()
    assert f"{path}:1 [id a-1]  (2 figures" in table and f"{path}:6 [id a-4]" in table
    assert "≈240조 KRW" in table and "last year, no reference date" in table, "a-5 has no date"


def test_csv_in_and_out_with_ids_equivalents_and_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    path.write_text(
        "id,published,body\n"
        'x1,2020-05-01,"지난해 매출은\n5조원이었다."\n'
        "x2,2026-13-01,3명\n"
        "x3,,1700억 달러(약 240조원)와 100억 달러(약 14조원)\n",
        encoding="utf-8",
    )
    fields = ["--text-field", "body", "--date-field", "published", "--id-field", "id"]
    r = _run(path, *fields, "--format", "csv", "--csv-bom")
    assert r.returncode == 1
    assert r.stderr.decode() == (
        f'newsfigs: {path}:4: field "published": "2026-13-01": no such month; record skipped\n'
    ), "the line where record x2 starts (x1 spans two lines)"
    assert r.stdout.startswith("\ufeff".encode()), "Excel needs the BOM"
    rows = list(csv.DictReader(io.StringIO(r.stdout.decode("utf-8-sig"))))
    assert list(rows[0])[:2] == ["id", "doc_index"]
    assert {row["id"] for row in rows} == {"x1", "x3"}
    money = [(i, row) for i, row in enumerate(rows) if row["kind"] == "money"]
    restated = {
        row["text"]: rows[int(row["equivalent_of"])]["text"]
        for _, row in money
        if row["equivalent_of"]
    }
    assert restated == {"약 240조원": "1700억 달러", "약 14조원": "100억 달러"}
    once = sum(
        float(row["value"]) for _, row in money if row["unit"] == "KRW" and not row["equivalent_of"]
    )
    assert once == 5e12, "the sum counts each amount once"
    assert rows[0]["sentence"] == "지난해 매출은", "a line break ends a sentence"

    missing = _run(path, "--text-field", "content")
    assert missing.returncode == 1 and missing.stdout == b""
    assert missing.stderr.decode() == (
        f'newsfigs: {path}:1: no column "content" (columns: id, published, body); file skipped\n'
    )


def test_encodings_and_files_that_are_not_text(tmp_path: Path) -> None:
    text = "삼성전자는 지난해 매출 300조원을 기록했다.\n" * 40
    korean = tmp_path / "cp949.txt"
    korean.write_bytes(text.encode("cp949"))
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(text.encode("utf-16-le"))
    with_bom = tmp_path / "bom16.txt"
    with_bom.write_bytes(text.splitlines(keepends=True)[0].encode("utf-16"))
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    r = _run(korean, utf16, binary, with_bom, "--summary")
    assert r.returncode == 1
    err = r.stderr.decode().splitlines()
    not_text = "not text: it holds NUL bytes (a binary file, or UTF-16 without a byte-order mark"
    assert err[:3] == [
        f"newsfigs: {korean}: not utf-8 text (40 of the first 40 lines invalid; "
        "try --encoding cp949); file skipped",
        f"newsfigs: {utf16}: {not_text}: try --encoding utf-16-le); file skipped",
        f"newsfigs: {binary}: {not_text}: try --encoding utf-16-le); file skipped",
    ], "one line per file, not one per line"
    assert err[3].startswith("newsfigs: done, 1 document, 2 figures, 1 entity, 3 errors in ")
    assert len(err) == 4
    assert [d.text for d in _docs(r.stdout)] == [text.splitlines()[0]], "a BOM says UTF-16"

    ok = _run("--encoding", "cp949", korean)
    assert ok.returncode == 0 and len(_docs(ok.stdout)) == 40
    le = _run("--encoding", "utf-16-le", "--per-file", utf16)
    assert le.returncode == 0 and [d.text for d in _docs(le.stdout)] == [text]
    bad = _run("--encoding", "klingon", korean)
    assert bad.returncode == 2 and b"unknown encoding 'klingon'" in bad.stderr
    plain = _run("--text-field", "body", korean)
    assert plain.returncode == 1 and b"need JSON Lines or CSV" in plain.stderr


def _docs(stdout: bytes) -> list[Document]:
    return [Document.model_validate_json(line) for line in stdout.decode("utf-8").splitlines()]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-02-30", "no such day"),
        ("2025-02-29", "no such day"),
        ("2026-13-01", "no such month"),
        ("2026-00-10", "no such month"),
        ("2026-04-31", "no such day"),
        ("22/03/2026", "not a date"),
        ("2026-3", "not a date"),
        ("", "not a date"),
    ],
)
def test_bad_dates_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_day(text)


def test_good_dates() -> None:
    assert parse_day("2024-02-29") == datetime.date(2024, 2, 29)
    assert parse_day("2026-3-7") == datetime.date(2026, 3, 7)
    assert parse_day("2026-03-22T23:59:00+09:00") == datetime.date(2026, 3, 22)


def test_progress_line_and_summary() -> None:
    err = io.StringIO()
    p = Progress(err, total=100_000_000, enabled=True)
    line = p.line(1_000, 25_000_000, p.started + 10)
    assert line == "newsfigs: 1,000 documents, 25.0 MB (25%), 100 docs/s, ETA 30s"
    unknown = Progress(err, total=None, enabled=True).line(50, 10, p.started + 1)
    assert "ETA" not in unknown and "%" not in unknown
    assert summary(1, 0, 1, 0, 0.4) == (
        "newsfigs: done, 1 document, 0 figures, 1 entity, 0 errors in 0s (2 docs/s)"
    )
    assert "in 1h01m" in summary(10_000, 2, 3, 4, 3_660)
