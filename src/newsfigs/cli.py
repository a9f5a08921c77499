"""``newsfigs``: extraction from files, directories or stdin to JSON Lines, CSV, a table or HTML.

Input is read lazily and extracted in batches through ``Extractor.extract_many``; each batch is
written and flushed before the next is read, so memory stays flat on any input size and nothing
already written is lost when a later line fails. Exit status: 0 all input read, 1 some input
failed (bad UTF-8, unreadable file, extraction error), 2 usage error; 141 when the reader of
stdout goes away early (``| head``), 130 on Ctrl-C.
"""

from __future__ import annotations

import argparse
import datetime
import io
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import BinaryIO, TextIO

from newsfigs.api import BATCH_SIZE, Extractor, default_extractor
from newsfigs.formats import WRITERS, Item, Writer
from newsfigs.models import Document

STDIN = "-"
PROGRESS_MIN_BYTES = 1 << 20
"""Inputs of at least this many bytes (or of unknown size) are long enough for a progress line."""


@dataclass
class Failure:
    """Why an input could not be used, counted for the exit status."""

    source: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"newsfigs: {where}: {self.reason}"


class Inputs:
    """The documents of the given paths, read lazily; failures are reported as they happen."""

    def __init__(self, paths: Sequence[str], per_file: bool, stop_on_error: bool, err: TextIO):
        self.paths = list(paths) or [STDIN]
        self.per_file = per_file
        self.stop_on_error = stop_on_error
        self.err = err
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

    def __iter__(self) -> Iterator[Item]:
        for f in self.files():
            name = "<stdin>" if f == STDIN else str(f)
            try:
                if f == STDIN:
                    if sys.stdin.isatty():  # not piped: say why nothing happens
                        print("newsfigs: reading standard input (Ctrl-D ends it)", file=self.err)
                    yield from self._read(sys.stdin.buffer, name)
                else:
                    with open(f, "rb") as stream:
                        yield from self._read(stream, name)
            except OSError as e:
                self.fail(Failure(name, None, e.strerror or str(e)))
            if self.stopped:
                return

    def _read(self, stream: BinaryIO, name: str) -> Iterator[Item]:
        if self.per_file:
            data = stream.read()
            self.bytes_read += len(data)
            text = self._decode(data, name, None)
            if text is not None and text.strip():
                yield Item(name, None, text)
            return
        for number, raw in enumerate(stream, 1):
            self.bytes_read += len(raw)
            text = self._decode(raw.rstrip(b"\r\n"), name, number)
            if self.stopped:
                return
            if number == 1 and text is not None:
                text = text.removeprefix("\ufeff")
            if text is not None and text.strip():
                yield Item(name, number, text)

    def _decode(self, data: bytes, name: str, line: int | None) -> str | None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            before = data[: e.start]
            if line is None:  # a whole file: say which line holds the bad byte
                line = before.count(b"\n") + 1
                before = before[before.rfind(b"\n") + 1 :]
            column = len(before.decode("utf-8", "replace")) + 1
            what = "file" if self.per_file else "line"
            action = "stopping" if self.stop_on_error else f"{what} skipped"
            reason = f"not valid UTF-8 (byte 0x{data[e.start]:02x} at column {column}); {action}"
            self.fail(Failure(name, line, reason))
            return None
        return text.removeprefix("\ufeff") if line is None else text


class Progress:
    """``\\r``-updated counts on a terminal's stderr, only for long inputs."""

    def __init__(self, err: TextIO, total: int | None, enabled: bool) -> None:
        self.err = err
        self.total = total
        self.enabled = enabled and (total is None or total >= PROGRESS_MIN_BYTES)
        self.started = time.monotonic()
        self.last = 0.0
        self.shown = False

    def update(self, documents: int, bytes_read: int) -> None:
        """Redraw at most twice a second, from the first second on."""
        now = time.monotonic()
        if not self.enabled or now - self.started < 1.0 or now - self.last < 0.5:
            return
        self.last = now
        rate = documents / max(now - self.started, 1e-9)
        size = f"{bytes_read / 1e6:.1f} MB"
        if self.total:
            size += f" ({100 * bytes_read / self.total:.0f}%)"
        self.err.write(f"\r\x1b[Knewsfigs: {documents:,} documents, {size}, {rate:,.0f}/s")
        self.err.flush()
        self.shown = True

    def close(self) -> None:
        """Erase the progress line so later messages start clean; the next update redraws it."""
        if self.shown:
            self.err.write("\r\x1b[K")
            self.err.flush()
            self.shown = False


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {text!r}") from None


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return n


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for the docs and the tests)."""
    p = argparse.ArgumentParser(
        prog="newsfigs",
        description="Figures, people and organizations in Korean news text.",
        epilog="Exit status: 0 ok, 1 some input failed, 2 usage error.",
    )
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files, directories (every *.txt below, sorted) or - for stdin (the default)",
    )
    p.add_argument(
        "--per-file",
        action="store_true",
        help="one document per file (default: one per non-blank line)",
    )
    p.add_argument("--format", choices=sorted(WRITERS), default="jsonl", help="default: jsonl")
    p.add_argument(
        "--with-source",
        action="store_true",
        help='jsonl: wrap as {"source", "line", "document"}; csv: add source and line columns',
    )
    p.add_argument(
        "--reference-date",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the publication date, to resolve 지난해, 오는 3일 …",
    )
    p.add_argument(
        "--on-error",
        choices=("skip", "stop"),
        default="skip",
        help="on a bad input: skip it and exit 1 at the end (default), or stop there",
    )
    p.add_argument(
        "--organization",
        action="append",
        default=[],
        metavar="NAME",
        help="an organization name to teach the analyzer (repeatable)",
    )
    p.add_argument(
        "--person", action="append", default=[], metavar="NAME", help="a person's name (repeatable)"
    )
    p.add_argument(
        "--batch-size",
        type=_positive,
        default=BATCH_SIZE,
        metavar="N",
        help=f"documents read, extracted and flushed at a time (default {BATCH_SIZE})",
    )
    p.add_argument("--no-progress", action="store_true", help="never show the progress line")
    p.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    return p


def _version() -> str:
    from newsfigs import __version__

    return __version__


def _extractor(organizations: Sequence[str], people: Sequence[str]) -> Extractor:
    if organizations or people:
        return Extractor(organizations=organizations, people=people)
    return default_extractor()


def _utf8(stream: TextIO) -> TextIO:
    """Write UTF-8 whatever the locale says: the output is data, not terminal decoration."""
    if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower().replace("-", "") != "utf8":
        stream.reconfigure(encoding="utf-8")
    return stream


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    inputs = Inputs(args.paths, args.per_file, args.on_error == "stop", err)
    show = not args.no_progress and err.isatty()
    progress = Progress(err, inputs.total_bytes() if show else None, show)
    inputs.before_message = progress.close
    extractor = _extractor(args.organization, args.person)
    writer: Writer = WRITERS[args.format](out, args.with_source)
    writer.start()
    items = iter(inputs)
    written = 0
    try:
        while not inputs.stopped:
            chunk = list(islice(items, args.batch_size))
            if not chunk:
                break
            for item, doc in _extract(extractor, chunk, args.reference_date, inputs):
                writer.write(written, item, doc)
                written += 1
            out.flush()
            progress.update(written, inputs.bytes_read)
    finally:
        progress.close()
    writer.end()
    out.flush()
    return 1 if inputs.failures else 0


def _extract(
    extractor: Extractor, chunk: list[Item], ref: datetime.date | None, inputs: Inputs
) -> list[tuple[Item, Document]]:
    """The chunk's documents; if the batch call fails, retry one by one to name the culprit."""
    try:
        docs = list(extractor.extract_many([i.text for i in chunk], ref))
        return list(zip(chunk, docs, strict=True))
    except Exception:  # any failure: retried per document below, where it gets a name
        pass
    done: list[tuple[Item, Document]] = []
    for item in chunk:
        try:
            done.append((item, extractor.extract(item.text, ref)))
        except Exception as e:  # reported with its source, then skipped or stopped at
            inputs.fail(Failure(item.source, item.line, f"extraction failed: {e!r}"))
            if inputs.stopped:
                break
    return done


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsfigs`` command; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # --help, --version (0) or a usage error (2)
        return e.code if isinstance(e.code, int) else 2
    out = _utf8(sys.stdout)
    try:
        return _run(args, out, sys.stderr)
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, and keep Python from complaining
        # about the unflushable stdout at exit.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, what a shell reports for a writer cut off by its reader
    except KeyboardInterrupt:
        print("newsfigs: interrupted", file=sys.stderr)
        return 130
