"""``newsfigs``: extraction from files, directories or stdin to JSON Lines, CSV, a table or HTML.

Input (text lines, whole files, JSON Lines or CSV records: ``cli_input``) is read lazily and
extracted in batches through ``Extractor.extract_many``, each document with its own reference
date; each batch is written and flushed before the next is read, so memory stays flat on any
input size and nothing already written is lost when a later line fails. Exit status: 0 all
input read, 1 some input failed (bad UTF-8, unreadable file, extraction error), 2 usage error;
141 when the reader of stdout goes away early (``| head``), 130 on Ctrl-C.
"""

from __future__ import annotations

import argparse
import datetime
import io
import sys
import time
from collections.abc import Sequence
from itertools import islice
from typing import TextIO

from newsfigs.api import BATCH_SIZE, Extractor, default_extractor
from newsfigs.cli_input import Failure, Fields, Inputs, parse_day, text_encoding
from newsfigs.formats import WRITERS, Item, Options, Writer
from newsfigs.models import Document

PROGRESS_MIN_BYTES = 1 << 20
"""Inputs of at least this many bytes (or of unknown size) are long enough for a progress line."""


def _duration(seconds: float) -> str:
    """``42s``, ``3m05s``, ``2h10m``."""
    s = int(seconds + 0.5)
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s // 3600}h{s % 3600 // 60:02d}m"


class Progress:
    """``\\r``-updated counts on a terminal's stderr, only for long inputs.

    ``documents, MB (percent), documents/s, ETA`` while it runs (the percent and the ETA only
    when the input size is known), erased at the end.
    """

    def __init__(self, err: TextIO, total: int | None, enabled: bool) -> None:
        self.err = err
        self.total = total
        self.enabled = enabled and (total is None or total >= PROGRESS_MIN_BYTES)
        self.started = time.monotonic()
        self.last = 0.0
        self.shown = False

    def line(self, documents: int, bytes_read: int, now: float) -> str:
        """The progress text (without the terminal control codes)."""
        elapsed = max(now - self.started, 1e-9)
        size = f"{bytes_read / 1e6:.1f} MB"
        rate = f"{documents / elapsed:,.0f} docs/s"
        if self.total:
            size += f" ({100 * bytes_read / self.total:.0f}%)"
            if bytes_read:
                left = max(self.total - bytes_read, 0) * elapsed / bytes_read
                rate += f", ETA {_duration(left)}"
        return f"newsfigs: {documents:,} documents, {size}, {rate}"

    def update(self, documents: int, bytes_read: int) -> None:
        """Redraw at most twice a second, from the first second on."""
        now = time.monotonic()
        if not self.enabled or now - self.started < 1.0 or now - self.last < 0.5:
            return
        self.last = now
        self.err.write("\r\x1b[K" + self.line(documents, bytes_read, now))
        self.err.flush()
        self.shown = True

    def close(self) -> None:
        """Erase the progress line so later messages start clean; the next update redraws it."""
        if self.shown:
            self.err.write("\r\x1b[K")
            self.err.flush()
            self.shown = False


def summary(documents: int, figures: int, entities: int, errors: int, seconds: float) -> str:
    """The final line: ``newsfigs: done, 2,000 documents, … in 12s (162 docs/s)``."""
    rate = documents / max(seconds, 1e-9)
    counts = ", ".join(
        f"{n:,} {word}{'' if n == 1 else 's'}"
        for n, word in ((documents, "document"), (figures, "figure"), (entities, "entity"))
    ).replace("entitys", "entities")
    errors_text = f"{errors:,} error{'' if errors == 1 else 's'}"
    return f"newsfigs: done, {counts}, {errors_text} in {_duration(seconds)} ({rate:,.0f} docs/s)"


def _date(text: str) -> datetime.date:
    try:
        return parse_day(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _encoding(text: str) -> str:
    try:
        return text_encoding(text)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {text!r}") from None


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
        help="the publication date, to resolve 지난해, 오는 3일 … (--date-field: when empty)",
    )
    p.add_argument(
        "--input-format",
        choices=("auto", "lines", "file", "jsonl", "csv"),
        default="auto",
        help="auto (default): *.jsonl/*.ndjson as JSON Lines, *.csv as CSV, else text lines "
        "(or whole files with --per-file)",
    )
    p.add_argument(
        "--text-field",
        metavar="NAME",
        help='JSON Lines / CSV: the field or column of the text (default "text")',
    )
    p.add_argument(
        "--date-field",
        metavar="NAME",
        help="JSON Lines / CSV: the field of each article's date, YYYY-MM-DD (time after it ok)",
    )
    p.add_argument(
        "--id-field",
        metavar="NAME",
        help="JSON Lines / CSV: a field copied into every output record as id",
    )
    p.add_argument(
        "--encoding",
        type=_encoding,
        default="utf-8",
        metavar="NAME",
        help="of the input: utf-8 (default), cp949, euc-kr, utf-16 …",
    )
    p.add_argument(
        "--compact",
        action="store_true",
        help="jsonl: leave out empty and default fields (null, [], false)",
    )
    p.add_argument(
        "--csv-bom",
        action="store_true",
        help="csv: start with a byte-order mark, so Excel reads Korean text correctly",
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
    p.add_argument(
        "--no-progress",
        action="store_true",
        help="never show the progress line nor the final summary",
    )
    p.add_argument(
        "--summary",
        action="store_true",
        help="print the final summary line on stderr even when it is not a terminal",
    )
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
    started = time.monotonic()
    fields = Fields(args.text_field or "text", args.date_field, args.id_field)
    inputs = Inputs(
        args.paths,
        args.per_file,
        args.on_error == "stop",
        err,
        encoding=args.encoding,
        input_format=args.input_format,
        fields=fields,
        default_date=args.reference_date,
        records_only=bool(args.text_field or args.date_field or args.id_field),
    )
    show = not args.no_progress and err.isatty()
    progress = Progress(err, inputs.total_bytes() if show else None, show)
    inputs.before_message = progress.close
    extractor = _extractor(args.organization, args.person)
    options = Options(args.with_source, args.id_field is not None, args.compact, args.csv_bom)
    writer: Writer = WRITERS[args.format](out, args.with_source, options)
    writer.start()
    items = iter(inputs)
    written = figures = entities = 0
    try:
        while not inputs.stopped:
            chunk = list(islice(items, args.batch_size))
            if not chunk:
                break
            for item, doc in _extract(extractor, chunk, inputs):
                writer.write(written, item, doc)
                written += 1
                figures += len(doc.figures)
                entities += len(doc.people) + len(doc.organizations)
            out.flush()
            progress.update(written, inputs.bytes_read)
    finally:
        progress.close()
    writer.end()
    out.flush()
    if args.summary or (show and not args.no_progress):
        seconds = time.monotonic() - started
        print(summary(written, figures, entities, inputs.failures, seconds), file=err)
    return 1 if inputs.failures else 0


def _extract(
    extractor: Extractor, chunk: list[Item], inputs: Inputs
) -> list[tuple[Item, Document]]:
    """The chunk's documents; if the batch call fails, retry one by one to name the culprit."""
    try:
        docs = list(extractor.extract_many([(i.text, i.reference_date) for i in chunk]))
        return list(zip(chunk, docs, strict=True))
    except Exception:  # any failure: retried per document below, where it gets a name
        pass
    done: list[tuple[Item, Document]] = []
    for item in chunk:
        try:
            done.append((item, extractor.extract(item.text, item.reference_date)))
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
