"""Output formats of the ``newsfigs`` command: JSON Lines, CSV, an aligned table, HTML.

Each writer gets one call per document and keeps no document after it, so the command's memory
does not grow with its input.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from dataclasses import dataclass
from html import escape
from typing import Any, Protocol, TextIO

from newsfigs.html import figure_note, page_end, page_start, render
from newsfigs.models import Document, Figure
from newsfigs.records import COLUMNS, FLAT_COLUMNS, plain, to_records

WIDE = frozenset("WF")
"""East Asian widths that take two terminal columns (Hangul, CJK)."""


@dataclass(frozen=True)
class Item:
    """One input document: where it came from (``line`` is None with ``--per-file``)."""

    source: str
    line: int | None
    text: str


class Writer(Protocol):
    """An output format: ``start``, one ``write`` per document, ``end``."""

    def start(self) -> None: ...
    def write(self, index: int, item: Item, doc: Document) -> None: ...
    def end(self) -> None: ...


class JsonlWriter:
    """One ``Document`` JSON per line; ``--with-source`` wraps it with its file and line."""

    def __init__(self, out: TextIO, with_source: bool) -> None:
        self.out = out
        self.with_source = with_source

    def start(self) -> None:
        """Nothing precedes the first line."""

    def write(self, index: int, item: Item, doc: Document) -> None:
        """The document's own JSON, untouched inside the wrapper."""
        body = doc.model_dump_json()
        if self.with_source:
            source = json.dumps(item.source, ensure_ascii=False)
            body = f'{{"source":{source},"line":{json.dumps(item.line)},"document":{body}}}'
        self.out.write(body + "\n")

    def end(self) -> None:
        """Nothing follows the last line."""


class CsvWriter:
    """One row per figure and per entity mention (``newsfigs.records``), header first."""

    def __init__(self, out: TextIO, with_source: bool) -> None:
        self.rows = csv.writer(out, lineterminator="\n")
        self.with_source = with_source

    def start(self) -> None:
        """The header: ``records.FLAT_COLUMNS``, after ``source,line`` with ``--with-source``."""
        lead = ["source", "line"] if self.with_source else []
        self.rows.writerow([*lead, *FLAT_COLUMNS])

    def write(self, index: int, item: Item, doc: Document) -> None:
        """Exact decimals, ISO dates, empty cells for None."""
        lead = [item.source, plain(item.line)] if self.with_source else []
        for r in to_records(doc):
            self.rows.writerow([*lead, str(index), *(plain(r[c]) for c in COLUMNS)])

    def end(self) -> None:
        """Nothing follows the last row."""


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in WIDE else 1 for c in text)


def _cell(text: str, width: int) -> str:
    """``text`` on one line, cut with … and padded to ``width`` terminal columns.

    One pass over the characters, however long the text: a text too wide keeps its longest
    start that fits in ``width - 1`` columns, found without measuring it again and again.
    """
    text = " ".join(text.split())
    used = 0
    for i, c in enumerate(text):
        w = 2 if unicodedata.east_asian_width(c) in WIDE else 1
        if used + w > width:  # too wide: cut, leaving a column for …
            cut = text[:i]
            while used > width - 1 and cut:  # at most one more character
                used -= _width(cut[-1])
                cut = cut[:-1]
            return cut + "…" + " " * (width - 1 - used)
        used += w
    return text + " " * (width - used)


class TableWriter:
    """A heading per document, then one aligned line per figure and mention, for reading."""

    def __init__(self, out: TextIO, with_source: bool) -> None:
        self.out = out

    def start(self) -> None:
        """No header: every document has its own heading."""

    def write(self, index: int, item: Item, doc: Document) -> None:
        """``start-end  kind  text  normalized`` in text order."""
        where = item.source if item.line is None else f"{item.source}:{item.line}"
        counts = ", ".join(
            _count(n, one, many)
            for n, one, many in (
                (len(doc.figures), "figure", "figures"),
                (len(doc.people), "person", "people"),
                (len(doc.organizations), "organization", "organizations"),
            )
        )
        lines = [f"{where}  ({counts})"]
        for f, r in _rows(doc):
            span = f"{r['start']}-{r['end']}"
            kind = r["kind"] or r["type"]
            if r["type"] == "organization" and r["category"]:
                kind = f"org:{r['category']}"
            if f is not None:
                note = figure_note(f)
                if f.equivalent is not None:
                    note += f"  = {f.equivalent.text}"
            else:
                note = " · ".join(x for x in (r["name"], r["title"], r["affiliation"]) if x)
            lines.append(f"  {span:>11}  {_cell(kind, 16)}  {_cell(r['text'], 24)}  {note}")
        self.out.write("\n".join(lines) + "\n\n")

    def end(self) -> None:
        """Nothing follows the last document."""


def _rows(doc: Document) -> list[tuple[Figure | None, dict[str, Any]]]:
    figures = {(f.start, f.end): f for f in doc.figures}
    rows = to_records(doc)
    return [
        (figures.get((r["start"], r["end"])) if r["type"] == "figure" else None, r) for r in rows
    ]


class HtmlWriter:
    """A standalone page: the notebook view of every document, headed by its source."""

    def __init__(self, out: TextIO, with_source: bool) -> None:
        self.out = out

    def start(self) -> None:
        """The page head, UTF-8 declared."""
        self.out.write(page_start())

    def write(self, index: int, item: Item, doc: Document) -> None:
        """A small heading and ``html.render(doc)``."""
        where = item.source if item.line is None else f"{item.source}:{item.line}"
        heading = f'<h4 style="font-family:sans-serif;color:#444">{escape(where)}</h4>'
        self.out.write(f"{heading}\n{render(doc)}\n<hr>\n")

    def end(self) -> None:
        """The page tail."""
        self.out.write(page_end())


WRITERS: dict[str, type[JsonlWriter | CsvWriter | TableWriter | HtmlWriter]] = {
    "jsonl": JsonlWriter,
    "csv": CsvWriter,
    "table": TableWriter,
    "html": HtmlWriter,
}
