"""Output formats of the ``newsfigs`` command: JSON Lines, CSV, an aligned table, HTML.

Each writer gets one call per document and keeps no document after it, so the command's memory
does not grow with its input.
"""

from __future__ import annotations

import csv
import datetime
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
    """One input document: where it came from (``line`` is None with ``--per-file``).

    ``id`` is the record's ``--id-field`` value (carried into every output record);
    ``reference_date`` its own date (``--date-field``) or ``--reference-date``.
    """

    source: str
    line: int | None
    text: str
    id: object = None
    reference_date: datetime.date | None = None


@dataclass(frozen=True)
class Options:
    """Output choices of the command: ``--with-source``, ``--id-field``, ``--compact``,
    ``--csv-bom``."""

    with_source: bool = False
    with_id: bool = False
    compact: bool = False
    bom: bool = False


class Writer(Protocol):
    """An output format: ``start``, one ``write`` per document, ``end``."""

    def start(self) -> None: ...
    def write(self, index: int, item: Item, doc: Document) -> None: ...
    def end(self) -> None: ...


class JsonlWriter:
    """One ``Document`` JSON per line; ``--with-source`` wraps it with its file and line,
    ``--id-field`` with its id; ``--compact`` leaves out empty and default fields."""

    def __init__(self, out: TextIO, with_source: bool, options: Options | None = None) -> None:
        self.out = out
        self.options = options or Options(with_source=with_source)
        self.with_source = with_source

    def start(self) -> None:
        """Nothing precedes the first line."""

    def write(self, index: int, item: Item, doc: Document) -> None:
        """The document's own JSON, untouched inside the wrapper."""
        compact = self.options.compact
        body = doc.model_dump_json(exclude_defaults=compact)
        lead = []
        if self.options.with_id:
            lead.append(f'"id":{json.dumps(item.id, ensure_ascii=False, default=str)}')
        if self.with_source:
            source = json.dumps(item.source, ensure_ascii=False)
            lead.append(f'"source":{source},"line":{json.dumps(item.line)}')
        if lead:
            body = "{" + ",".join(lead) + f',"document":{body}}}'
        self.out.write(body + "\n")

    def end(self) -> None:
        """Nothing follows the last line."""


class CsvWriter:
    """One row per figure and per entity mention (``newsfigs.records``), header first.

    ``equivalent_of`` is the 0-based position of the restated row among the data rows of the
    whole output; ``--csv-bom`` starts the file with a byte-order mark, which Excel needs to
    read UTF-8 Korean.
    """

    def __init__(self, out: TextIO, with_source: bool, options: Options | None = None) -> None:
        self.out = out
        self.rows = csv.writer(out, lineterminator="\n")
        self.with_source = with_source
        self.options = options or Options(with_source=with_source)
        self.written = 0

    def _lead(self, source: str, line: str, ident: str) -> list[str]:
        lead = [ident] if self.options.with_id else []
        return lead + ([source, line] if self.with_source else [])

    def start(self) -> None:
        """The header: ``records.FLAT_COLUMNS``, after ``id`` and ``source,line`` when asked."""
        if self.options.bom:
            self.out.write("\ufeff")
        self.rows.writerow([*self._lead("source", "line", "id"), *FLAT_COLUMNS])

    def write(self, index: int, item: Item, doc: Document) -> None:
        """Exact decimals, ISO dates, empty cells for None."""
        lead = self._lead(item.source, plain(item.line), plain(item.id))
        records = to_records(doc)
        for r in records:
            if r["equivalent_of"] is not None:
                r["equivalent_of"] += self.written
            self.rows.writerow([*lead, str(index), *(plain(r[c]) for c in COLUMNS)])
        self.written += len(records)

    def end(self) -> None:
        """Nothing follows the last row."""


def _where(item: Item) -> str:
    where = item.source if item.line is None else f"{item.source}:{item.line}"
    return where if item.id is None else f"{where} [id {item.id}]"


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

    def __init__(self, out: TextIO, with_source: bool, options: Options | None = None) -> None:
        self.out = out

    def start(self) -> None:
        """No header: every document has its own heading."""

    def write(self, index: int, item: Item, doc: Document) -> None:
        """``start-end  kind  text  normalized`` in text order."""
        where = _where(item)
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

    def __init__(self, out: TextIO, with_source: bool, options: Options | None = None) -> None:
        self.out = out

    def start(self) -> None:
        """The page head, UTF-8 declared."""
        self.out.write(page_start())

    def write(self, index: int, item: Item, doc: Document) -> None:
        """A small heading and ``html.render(doc)``."""
        where = _where(item)
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
