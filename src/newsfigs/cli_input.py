"""What the ``newsfigs`` command reads: text lines, whole files, JSON Lines or CSV records.

Every failure is one line naming the file and line (``FILE:LINE: reason``). A file that is not
text at all — binary, UTF-16 without a byte-order mark, or another encoding than the one given
— is judged on its first 64 kB and skipped with one line, not one error per line.
"""

from __future__ import annotations

import calendar
import codecs
import csv
import datetime
import io
import json
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from newsfigs.formats import Item

STDIN = "-"
SNIFF_BYTES = 1 << 16
"""How much of a file is looked at to tell text from binary or a wrong encoding."""
STRUCTURED = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
"""File extensions read as records with ``--input-format auto``."""
ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.+\-Z]*)?")
"""A date field: ``2026-03-22``, also with a time after it (``2026-03-22T09:00:00+09:00``)."""


@dataclass
class Failure:
    """Why an input could not be used, counted for the exit status."""

    source: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"newsfigs: {where}: {self.reason}"


@dataclass(frozen=True)
class Fields:
    """Where a record keeps its text, date and id (``--text-field`` …)."""

    text: str = "text"
    date: str | None = None
    id: str | None = None


def parse_day(value: str) -> datetime.date:
    """``YYYY-MM-DD`` (a time after it is ignored); ValueError saying what is wrong."""
    m = ISO_DAY.fullmatch(value.strip())
    if m is None:
        raise ValueError(f"{value!r} is not a date (expected YYYY-MM-DD)")
    year, month, day = (int(g) for g in m.groups())
    if not 1 <= month <= 12:
        raise ValueError(f"{value!r}: no such month")
    if year < 1 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise ValueError(f"{value!r}: no such day")
    return datetime.date(year, month, day)


def text_encoding(name: str) -> str:
    """The codec name of ``--encoding`` (LookupError for an unknown one)."""
    return codecs.lookup(name).name


def _ascii_lines(encoding: str) -> bool:
    """True when a line break is the byte 0x0a, so bytes can be split into lines first."""
    return "\n".encode(encoding) == b"\n"


class Inputs:
    """The documents of the given paths, read lazily; failures are reported as they happen."""

    def __init__(
        self,
        paths: Sequence[str],
        per_file: bool,
        stop_on_error: bool,
        err: TextIO,
        *,
        encoding: str = "utf-8",
        input_format: str = "auto",
        fields: Fields | None = None,
        default_date: datetime.date | None = None,
        records_only: bool = False,
    ) -> None:
        """``records_only``: field options were given, so plain text input is an error."""
        self.paths = list(paths) or [STDIN]
        self.per_file = per_file
        self.stop_on_error = stop_on_error
        self.err = err
        self.encoding = text_encoding(encoding)
        self.input_format = input_format
        self.fields = fields or Fields()
        self.default_date = default_date
        self.records_only = records_only
        self.failures = 0
        self.stopped = False
        self.bytes_read = 0
        self.before_message: Callable[[], None] = lambda: None
        """Called before a failure is printed (the progress line erases itself)."""

    def fail(self, failure: Failure) -> None:
        """Report a failure; with ``--on-error stop`` no further input is read."""
        self.before_message()
        print(failure, file=self.err, flush=True)
        self.failures += 1
        if self.stop_on_error:
            self.stopped = True

    def _skip(self, name: str, line: int | None, reason: str, what: str = "line") -> None:
        action = "stopping" if self.stop_on_error else f"{what} skipped"
        self.fail(Failure(name, line, f"{reason}; {action}"))

    def files(self) -> Iterator[str | Path]:
        """The inputs in order: ``-`` for stdin, directories expanded to their ``*.txt``."""
        for p in self.paths:
            if p == STDIN:
                yield STDIN
                continue
            path = Path(p)
            if path.is_dir():
                found = sorted(f for f in path.rglob("*.txt") if f.is_file())
                if not found:
                    self.fail(Failure(p, None, "no *.txt file in this directory"))
                yield from found
            elif path.exists():
                yield path
            else:
                self.fail(Failure(p, None, "no such file or directory"))
            if self.stopped:
                return

    def total_bytes(self) -> int | None:
        """Sum of the input sizes, or None when stdin is among them (for the progress line)."""
        if STDIN in self.paths:
            return None
        total = 0
        for p in self.paths:
            path = Path(p)
            if path.is_dir():
                total += sum(f.stat().st_size for f in path.rglob("*.txt") if f.is_file())
            elif path.is_file():
                total += path.stat().st_size
        return total

    def format_of(self, f: str | Path) -> str:
        """``lines``, ``file``, ``jsonl`` or ``csv`` for this input."""
        if self.input_format != "auto":
            return self.input_format
        if f != STDIN and (kind := STRUCTURED.get(Path(f).suffix.lower())):
            return kind
        return "file" if self.per_file else "lines"

    def __iter__(self) -> Iterator[Item]:
        for f in self.files():
            name = "<stdin>" if f == STDIN else str(f)
            try:
                if f == STDIN:
                    if sys.stdin.isatty():  # not piped: say why nothing happens
                        print("newsfigs: reading standard input (Ctrl-D ends it)", file=self.err)
                    yield from self._read(sys.stdin.buffer, name, self.format_of(f))
                else:
                    with open(f, "rb") as stream:
                        yield from self._read(stream, name, self.format_of(f))
            except OSError as e:
                self.fail(Failure(name, None, e.strerror or str(e)))
            if self.stopped:
                return

    def _read(self, stream: BinaryIO, name: str, kind: str) -> Iterator[Item]:
        if self.records_only and kind in ("lines", "file"):
            reason = (
                "--text-field/--date-field/--id-field need JSON Lines or CSV "
                "(a .jsonl or .csv name, or --input-format)"
            )
            self._skip(name, None, reason, "file")
            return
        head = stream.read(SNIFF_BYTES)
        self.bytes_read += len(head)
        encoding = self._sniff(head, name)
        if encoding is None:
            self.bytes_read += sum(len(b) for b in iter(lambda: stream.read(SNIFF_BYTES), b""))
            return
        if kind == "file" or not _ascii_lines(encoding):
            data = head + stream.read()
            self.bytes_read += len(data) - len(head)
            text = self._decode(data, name, None, encoding)
            if text is None:
                return
            text = text.removeprefix("\ufeff")
            if kind == "file":
                if text.strip():
                    yield Item(name, None, text, reference_date=self.default_date)
                return
            lines: Iterator[tuple[int, str | None]] = enumerate(text.splitlines(), 1)
        else:
            lines = self._lines(stream, head, name, encoding)
        if kind == "lines":
            for number, line in lines:
                if self.stopped:
                    return
                if line is not None and line.strip():
                    yield Item(name, number, line, reference_date=self.default_date)
        elif kind == "jsonl":
            yield from self._jsonl(lines, name)
        else:
            yield from self._csv(lines, name)

    def _sniff(self, head: bytes, name: str) -> str | None:
        """The encoding to read with, or None (reported) when the file is not such text."""
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and "16" not in (
            self.encoding
        ):
            return "utf-16"  # a byte-order mark says it all
        if b"\0" in head and not _nul_is_text(self.encoding):
            reason = (
                "not text: it holds NUL bytes (a binary file, or UTF-16 without a byte-order "
                "mark: try --encoding utf-16-le)"
            )
            self._skip(name, None, reason, "file")
            return None
        if not _ascii_lines(self.encoding):  # UTF-16/32: no lines before decoding
            try:
                codecs.getincrementaldecoder(self.encoding)().decode(head, final=False)
            except UnicodeDecodeError as e:
                self._skip(name, None, f"not {self.encoding} text ({e.reason})", "file")
                return None
            return self.encoding
        lines = head.split(b"\n")
        if len(head) == SNIFF_BYTES or not lines[-1]:
            lines.pop()  # cut by the sniff, or the empty rest after the last line break
        bad = sum(not _decodes(line, self.encoding) for line in lines)
        if bad >= 3 and bad * 2 >= len(lines):
            sample = b"\n".join(lines)
            hint = next((e for e in ("cp949", "utf-16") if _decodes(sample, e)), None)
            if hint == self.encoding:
                hint = None
            reason = f"not {self.encoding} text ({bad} of the first {len(lines)} lines invalid"
            reason += f"; try --encoding {hint})" if hint else ")"
            self._skip(name, None, reason, "file")
            return None
        return self.encoding

    def _lines(
        self, stream: BinaryIO, head: bytes, name: str, encoding: str
    ) -> Iterator[tuple[int, str | None]]:
        """Numbered decoded lines (None for a line that failed, already reported)."""
        for number, raw in enumerate(self._join(head, stream), 1):
            text = self._decode(raw.rstrip(b"\r\n"), name, number, encoding)
            if number == 1 and text is not None:
                text = text.removeprefix("\ufeff")
            yield number, text
            if self.stopped:
                return

    def _join(self, head: bytes, stream: BinaryIO) -> Iterator[bytes]:
        """The lines of ``head`` then of ``stream``, the line cut at the end of ``head`` joined."""
        partial = b""
        for raw in io.BytesIO(head):
            if raw.endswith(b"\n"):
                yield partial + raw
                partial = b""
            else:
                partial = raw
        for raw in stream:
            self.bytes_read += len(raw)
            yield partial + raw
            partial = b""
        if partial:
            yield partial

    def _decode(self, data: bytes, name: str, line: int | None, encoding: str) -> str | None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as e:
            before = data[: e.start]
            whole = line is None
            if line is None:  # a whole file: say which line holds the bad byte
                line = before.count(b"\n") + 1
                before = before[before.rfind(b"\n") + 1 :]
            column = len(before.decode(encoding, "replace")) + 1
            what = "file" if whole else "line"
            label = "UTF-8" if encoding == "utf-8" else encoding
            reason = f"not valid {label} (byte 0x{data[e.start]:02x} at column {column})"
            self._skip(name, line, reason, what)
            return None

    def _record_item(self, name: str, number: int, get: Callable[[str], object]) -> Item | None:
        """The item of one record; None (reported) when a field is missing or wrong."""
        f = self.fields
        try:
            text = get(f.text)
            if not isinstance(text, str):
                raise ValueError(f"field {f.text!r} is {_json_type(text)}, not text")
            date = self.default_date
            if f.date is not None:
                value = get(f.date)
                if isinstance(value, str) and value.strip():
                    try:
                        date = parse_day(value)
                    except ValueError as e:
                        raise ValueError(f"field {f.date!r}: {e}") from None
                elif value not in (None, ""):
                    raise ValueError(f"field {f.date!r} is {_json_type(value)}, not a date")
            ident = get(f.id) if f.id is not None else None
        except ValueError as e:
            self._skip(name, number, str(e).replace("'", '"'), "record")
            return None
        return Item(name, number, text, id=ident, reference_date=date)

    def _jsonl(self, lines: Iterator[tuple[int, str | None]], name: str) -> Iterator[Item]:
        for number, line in lines:
            if self.stopped:
                return
            if line is None or not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                self._skip(name, number, f"not valid JSON ({e.msg} at column {e.colno})")
                continue
            if not isinstance(record, dict):
                self._skip(name, number, f"{_json_type(record)}, not a JSON object")
                continue
            item = self._record_item(name, number, _getter(record, "field"))
            if item is not None:
                yield item

    def _csv(self, lines: Iterator[tuple[int, str | None]], name: str) -> Iterator[Item]:
        """Records of a CSV with a header; quoted fields may span lines."""
        numbers: list[int] = []

        def texts() -> Iterator[str]:
            for number, line in lines:
                if line is None:  # reported; the record it belonged to is skipped as well
                    continue
                numbers.append(number)
                yield line + "\n"

        reader = csv.reader(texts())
        try:
            header = next(reader, None)
            if header is None:
                return
            header = [h.strip() for h in header]
            wanted = [x for x in (self.fields.text, self.fields.date, self.fields.id) if x]
            missing = [w for w in wanted if w not in header]
            if missing:
                columns = ", ".join(header)
                reason = f'no column "{missing[0]}" (columns: {columns})'
                self._skip(name, numbers[0], reason, "file")
                return
            while not self.stopped:
                first = len(numbers)  # the record starts on the next line read
                row = next(reader, None)
                if row is None:
                    return
                number = numbers[first] if first < len(numbers) else numbers[-1]
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(header):
                    reason = f"{len(row)} cells for {len(header)} columns"
                    self._skip(name, number, reason, "record")
                    continue
                record = dict(zip(header, row, strict=True))
                item = self._record_item(name, number, _getter(record, "column"))
                if item is not None:
                    yield item
        except csv.Error as e:
            self._skip(name, numbers[-1] if numbers else None, f"not valid CSV ({e})", "file")


def _getter(record: Mapping[str, object], what: str) -> Callable[[str], object]:
    def get(key: str) -> object:
        if key not in record:
            raise ValueError(f"no {what} {key!r}")
        return record[key]

    return get


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    return {bool: "a boolean", int: "a number", float: "a number", list: "a list"}.get(
        type(value), "an object" if isinstance(value, dict) else type(value).__name__
    )


def _nul_is_text(encoding: str) -> bool:
    return "16" in encoding or "32" in encoding


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True
