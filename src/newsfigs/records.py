"""Flat records: one dict per figure and one per entity mention, for pandas, CSV and SQL.

The models nest (a figure's equivalent, a person's mentions); a table wants one row per thing
found, with the same columns on every row, so ``pandas.DataFrame(records)`` works as is and a
CSV header can be written before the first document is read.
"""

from __future__ import annotations

import datetime
import importlib
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Literal

from newsfigs.models import VIEWS, Document, Figure, Mention

Decimals = Literal["decimal", "float", "str"]
"""How ``value``/``low``/``high`` appear: exact ``Decimal``, ``float`` (numeric pandas
columns), or ``str`` (exact, never in exponent notation)."""

COLUMNS: tuple[str, ...] = (
    "type",
    "kind",
    "text",
    "start",
    "end",
    "value",
    "low",
    "high",
    "unit",
    "approximate",
    "bound",
    "classifier",
    "counted",
    "terms",
    "per",
    "per_unit_value",
    "per_unit_unit",
    "per_unit_noun",
    "direction",
    "implied_unit",
    "equivalent_text",
    "equivalent_value",
    "equivalent_unit",
    "equivalent_of",
    "date_precision",
    "date_resolved",
    "date_resolved_start",
    "date_resolved_end",
    "entity_index",
    "name",
    "title",
    "affiliation",
    "category",
    "generic",
    "sentence",
)
"""The keys of every record of ``to_records``, in order (``flatten`` puts ``doc_index`` first)."""

FLAT_COLUMNS: tuple[str, ...] = ("doc_index", *COLUMNS)
"""The keys of every record of ``flatten``."""

_DECIMALS = ("decimal", "float", "str")

SENTENCE_END = re.compile(r"(?<=[.?!。…])\s+|\n")
"""Where a sentence ends: after . ? ! 。 … and a space, or at a line break (``3.5`` stays)."""
SENTENCE_LIMIT = 400
"""A longer sentence (a text without punctuation) is cut to this many characters around the
record, marked with …, so a table stays readable."""


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, surrounding white space left out."""
    found: list[tuple[int, int]] = []
    start = 0
    for m in [*SENTENCE_END.finditer(text), None]:
        end = len(text) if m is None else m.start()
        chunk = text[start:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            found.append((start + lead, start + len(chunk.rstrip())))
        if m is not None:
            start = m.end()
    return found


def _sentence(text: str, spans: list[tuple[int, int]], at: int, end: int) -> str:
    """The sentence holding ``text[at:end]`` (cut around it when very long)."""
    lo, hi = next(((a, b) for a, b in spans if a <= at < b), (at, end))
    if hi - lo <= SENTENCE_LIMIT:
        return text[lo:hi]
    half = max((SENTENCE_LIMIT - (end - at)) // 2, 0)
    a, b = max(lo, at - half), min(hi, max(end, at) + half)
    return ("…" if a > lo else "") + text[a:b] + ("…" if b < hi else "")


def _number(d: Decimal | None, decimals: Decimals) -> Decimal | float | str | None:
    if d is None or decimals == "decimal":
        return d
    if decimals == "float":
        return float(d)
    return format(d, "f")


def _figure_row(f: Figure, decimals: Decimals) -> dict[str, Any]:
    row = dict.fromkeys(COLUMNS)
    eq = f.equivalent
    date = f.date
    row.update(
        type="figure",
        kind=f.kind,
        text=f.text,
        start=f.start,
        end=f.end,
        value=_number(f.value, decimals),
        low=_number(f.low, decimals),
        high=_number(f.high, decimals),
        unit=f.unit,
        approximate=f.approximate,
        bound=f.bound,
        classifier=f.classifier,
        counted=f.counted,
        terms=":".join(format(t, "f") for t in f.terms) if f.terms is not None else None,
        per=f.per,
        direction=f.direction,
        implied_unit=f.implied_unit,
    )
    if f.per_unit is not None:
        row.update(
            per_unit_value=_number(f.per_unit.value, decimals),
            per_unit_unit=f.per_unit.unit,
            per_unit_noun=f.per_unit.noun,
        )
    if eq is not None:
        # A ranged equivalent leaves equivalent_value empty; equivalent_text still says it all.
        row.update(
            equivalent_text=eq.text,
            equivalent_value=_number(eq.value, decimals),
            equivalent_unit=eq.unit,
        )
    if date is not None:
        row.update(
            date_precision=date.precision,
            date_resolved=date.resolved,
            date_resolved_start=date.resolved_start,
            date_resolved_end=date.resolved_end,
        )
    return row


def _mention_row(
    kind: Literal["person", "organization"], index: int, m: Mention, **fields: Any
) -> dict[str, Any]:
    row = dict.fromkeys(COLUMNS)
    row.update(type=kind, text=m.text, start=m.start, end=m.end, entity_index=index, **fields)
    return row


def to_records(doc: Document, *, decimals: Decimals = "decimal") -> list[dict[str, Any]]:
    """One dict per figure and per entity mention of ``doc``, in text order, keys ``COLUMNS``.

    ``entity_index`` is the position of the person in ``doc.people`` (or of the organization in
    ``doc.organizations``), so the mentions of one entity group together.
    """
    if decimals not in _DECIMALS:
        raise ValueError(f"decimals must be one of {_DECIMALS}, got {decimals!r}")
    rows = [_figure_row(f, decimals) for f in doc.figures]
    for i, p in enumerate(doc.people):
        for m in p.mentions:
            extra = {"name": p.name, "title": p.title, "affiliation": p.affiliation}
            rows.append(_mention_row("person", i, m, **extra))
    for i, o in enumerate(doc.organizations):
        for m in o.mentions:
            rows.append(
                _mention_row(
                    "organization", i, m, name=o.name, category=o.category, generic=o.generic
                )
            )
    # Figures come first among rows that share a span: a stable sort keeps that order.
    rows.sort(key=lambda r: (r["start"], r["end"]))
    figure_at = {(r["start"], r["end"]): i for i, r in enumerate(rows) if r["type"] == "figure"}
    for f in doc.figures:
        eq = f.equivalent
        if eq is not None and (eq.start, eq.end) in figure_at:
            rows[figure_at[(eq.start, eq.end)]]["equivalent_of"] = figure_at[(f.start, f.end)]
    spans = sentences(doc.text)
    for r in rows:
        r["sentence"] = _sentence(doc.text, spans, r["start"], r["end"])
    return rows


def flatten(
    docs: Iterable[Document | None], *, decimals: Decimals = "decimal", start: int = 0
) -> list[dict[str, Any]]:
    """``to_records`` of many documents (e.g. ``extract_many`` output) with a ``doc_index``.

    ``doc_index`` counts documents from ``start`` in the order given, including documents that
    contribute no row and the None of a skipped item, so it matches the position of the text in
    the input. ``equivalent_of`` is the position of the restated row in the returned list.
    """
    rows: list[dict[str, Any]] = []
    for i, doc in enumerate(docs, start):
        if doc is None:
            continue
        rows.extend(_with_index(i, to_records(doc, decimals=decimals), len(rows)))
    return rows


def _with_index(doc_index: int, records: list[dict[str, Any]], offset: int) -> list[dict[str, Any]]:
    """``records`` with a leading ``doc_index``, ``equivalent_of`` shifted by ``offset``."""
    out = []
    for r in records:
        row = {"doc_index": doc_index, **r}
        if row["equivalent_of"] is not None:
            row["equivalent_of"] += offset
        out.append(row)
    return out


def to_dataframe(
    docs: Document | Iterable[Document | None], *, decimals: Decimals = "float"
) -> Any:
    """``flatten(docs)`` as a pandas ``DataFrame`` (pandas is optional: ImportError without it).

    Columns are ``FLAT_COLUMNS`` even when no row was found; numbers are floats by default;
    ``equivalent_of`` and ``entity_index`` are nullable integers, so
    ``frame[frame.equivalent_of.isna()]`` keeps each amount once.
    """
    try:  # by name: pandas is optional, and untyped to mypy
        pd = importlib.import_module("pandas")
    except ImportError:
        raise ImportError(
            "to_dataframe needs pandas (pip install pandas); flatten(docs) gives the same rows "
            "as plain dicts"
        ) from None
    items = [docs] if isinstance(docs, Document) else docs
    frame = pd.DataFrame(flatten(items, decimals=decimals), columns=list(FLAT_COLUMNS))
    for column in ("equivalent_of", "entity_index"):
        frame[column] = frame[column].astype("Int64")
    return frame


def plain(value: object) -> str:
    """A record value as CSV text: exact numbers without exponents, ISO dates, empty for None."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


VIEWS.records = to_records  # Document.to_records (models does not import this module)
