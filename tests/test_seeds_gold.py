"""The seed corpus against its hand-made gold (``seeds/gold.jsonl``, see docs/seeds-gold.md).

The four seed articles are the user's reference material: every figure, date, person and
organization in them is a case a Korean news reader meets, so each gets its own test id and a
failure names the span, what the gold wants and what the library returned. Run as a script
(``python tests/test_seeds_gold.py``) for recall/precision on the gold.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import pairwise
from pathlib import Path
from typing import Any, get_args

import pytest

import newsfigs
from newsfigs.models import (
    FIGURE_KINDS,
    Bound,
    DateInfo,
    Document,
    Figure,
    Organization,
    OrgCategory,
    Person,
)
from newsfigs.units import registry

ROOT = Path(__file__).resolve().parents[1]
GOLD_PATH = ROOT / "seeds" / "gold.jsonl"
SEED_PATH = ROOT / "seeds" / "000_629ee8cb122f066e.txt"

DATE_KINDS = frozenset({"date", "time"})
NAMED_LABELS = frozenset({"person", "organization"})
LABELS = frozenset(FIGURE_KINDS) | NAMED_LABELS
DATE_FIELDS = frozenset(DateInfo.model_fields)
FIGURE_KEYS = frozenset(
    {"value", "low", "high", "unit", "approximate", "bound", "classifier", "counted"}
    | {"equivalent", "date"}
)
NAMED_KEYS = frozenset({"name", "title", "affiliation", "category", "aliases"})
BASE_KEYS = frozenset({"start", "end", "label", "text"})


def load_gold(path: Path = GOLD_PATH) -> list[dict[str, Any]]:
    """The gold articles, one JSON object per line."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


GOLD = load_gold()


@dataclass(frozen=True)
class Item:
    """One gold entity with the article it belongs to (a pytest parameter)."""

    doc_id: str
    n: int  # 1-based article number, for short test ids
    entity: dict[str, Any]

    @property
    def span(self) -> tuple[int, int]:
        return self.entity["start"], self.entity["end"]

    @property
    def where(self) -> str:
        e = self.entity
        return f"article {self.n} [{e['start']}:{e['end']}] {e['text']!r}"


def items() -> Iterator[Item]:
    for n, doc in enumerate(GOLD, 1):
        for e in doc["entities"]:
            yield Item(doc["id"], n, e)


def _id(item: Item) -> str:
    return f"a{item.n}-{item.entity['label']}-{item.entity['start']}-{item.entity['end']}"


FIGURE_ITEMS = [i for i in items() if i.entity["label"] in LABELS - NAMED_LABELS - DATE_KINDS]
DATE_ITEMS = [i for i in items() if i.entity["label"] in DATE_KINDS]
NAMED_ITEMS = [i for i in items() if i.entity["label"] in NAMED_LABELS]


# --- comparisons shared by the tests and the script -------------------------------------


def _dec(s: object) -> Decimal | None:
    return None if s is None else Decimal(str(s))


def figure_mismatches(gold: dict[str, Any], fig: Figure) -> list[str]:
    """Differences between a gold non-date figure and the library's figure on the same span.

    The gold is complete: a missing ``approximate`` means False, a missing ``bound`` or
    ``equivalent`` means none.
    """
    out: list[str] = []

    def check(field: str, want: object, got: object) -> None:
        if want != got:
            out.append(f"{field}: gold {want!r}, library {got!r}")

    check("kind", gold["label"], fig.kind)
    for field in ("value", "low", "high"):
        check(field, _dec(gold.get(field)), getattr(fig, field))
    check("unit", gold.get("unit"), fig.unit)
    check("approximate", bool(gold.get("approximate", False)), fig.approximate)
    check("bound", gold.get("bound"), fig.bound)
    got_eq = fig.equivalent.text if fig.equivalent is not None else None
    check("equivalent", gold.get("equivalent"), got_eq)
    return out


def date_mismatches(gold: dict[str, Any], fig: Figure) -> list[str]:
    """Differences in kind, ``approximate`` and every ``DateInfo`` field.

    The gold date is complete, like the figures: a field it leaves out must be empty (the
    articles have no reference date, so only what the text pins down is resolved).
    """
    out: list[str] = []
    if fig.kind != gold["label"]:
        out.append(f"kind: gold {gold['label']!r}, library {fig.kind!r}")
    if fig.approximate != bool(gold.get("approximate", False)):
        out.append(
            f"approximate: gold {gold.get('approximate', False)!r}, library {fig.approximate!r}"
        )
    if fig.date is None:
        return [*out, f"date: gold {gold['date']!r}, library None"]
    got = fig.date.model_dump(mode="json", exclude_none=True)
    for key in sorted(set(gold["date"]) | set(got)):
        want, have = gold["date"].get(key), got.get(key)
        if want != have:
            out.append(f"date.{key}: gold {want!r}, library {have!r}")
    return out


def figure_at(doc: Document, span: tuple[int, int]) -> Figure | None:
    """The library's top-level figure with exactly this span."""
    return next((f for f in doc.figures if (f.start, f.end) == span), None)


def _near(doc: Document, span: tuple[int, int]) -> str:
    """What the library reported around a span, for failure messages."""
    lo, hi = span
    close = [f for f in doc.figures if f.start < hi + 3 and f.end > lo - 3]
    shown = ", ".join(f"[{f.start}:{f.end}] {f.text!r} {f.kind}" for f in close) or "nothing"
    nested = [
        f.equivalent
        for f in doc.figures
        if f.equivalent is not None and (f.equivalent.start, f.equivalent.end) == span
    ]
    note = " (the span exists only as a nested equivalent)" if nested else ""
    return f"library figures near it: {shown}{note}"


def named(doc: Document) -> list[Person | Organization]:
    """The people and organizations of a document."""
    return [*doc.people, *doc.organizations]


def named_mismatch(gold: dict[str, Any], doc: Document) -> str | None:
    """None when a person/organization with this mention and canonical name exists."""
    span = (gold["start"], gold["end"])
    is_person = gold["label"] == "person"
    group = [ent for ent in named(doc) if isinstance(ent, Person) == is_person]
    owners = [ent for ent in group if any((m.start, m.end) == span for m in ent.mentions)]
    if not owners:
        other = [ent for ent in named(doc) if isinstance(ent, Person) != is_person]
        wrong = [ent.name for ent in other if any((m.start, m.end) == span for m in ent.mentions)]
        lo, hi = span
        overlapping = [
            f"{ent.name}[{m.start}:{m.end}]"
            for ent in named(doc)
            for m in ent.mentions
            if m.start < hi and m.end > lo
        ]
        return (
            f"no {gold['label']} has this mention; as the other label: {wrong or 'none'}; "
            f"overlapping mentions: {overlapping or 'none'}"
        )
    names = [ent.name for ent in owners]
    if gold["name"] not in names:
        return f"name: gold {gold['name']!r}, library {names!r}"
    return None


# --- the gold file itself ---------------------------------------------------------------


def test_gold_texts_are_the_seed_articles() -> None:
    lines = [ln for ln in SEED_PATH.read_text(encoding="utf-8").split("\n") if ln.strip()]
    assert [d["text"] for d in GOLD] == lines
    assert len({d["id"] for d in GOLD}) == len(GOLD)
    for d in GOLD:
        assert "reference_date" in d and d["reference_date"] is None, d["id"]


def test_gold_offsets_slice_back_and_do_not_overlap() -> None:
    for d in GOLD:
        text = d["text"]
        ents = sorted(d["entities"], key=lambda e: (e["start"], e["end"]))
        for e in ents:
            assert 0 <= e["start"] < e["end"] <= len(text), (d["id"], e)
            assert text[e["start"] : e["end"]] == e["text"], (d["id"], e)
            assert e["text"] == e["text"].strip(), (d["id"], e)
        for a, b in pairwise(ents):
            assert a["end"] <= b["start"], f"{d['id']}: {a['text']!r} overlaps {b['text']!r}"


def test_gold_labels_and_keys_are_valid() -> None:
    for item in items():
        e = item.entity
        assert e["label"] in LABELS, item.where
        allowed = BASE_KEYS | (NAMED_KEYS if e["label"] in NAMED_LABELS else FIGURE_KEYS)
        assert set(e) <= allowed, f"{item.where}: unexpected keys {set(e) - allowed}"


def test_gold_figures_have_values_and_registry_units() -> None:
    reg = registry()
    bounds = set(get_args(Bound))
    for item in FIGURE_ITEMS:
        e = item.entity
        has_value = "value" in e
        assert has_value != ("low" in e and "high" in e), f"{item.where}: value xor low/high"
        try:
            nums = [Decimal(e[k]) for k in ("value", "low", "high") if k in e]
        except InvalidOperation:
            pytest.fail(f"{item.where}: value/low/high must be decimal strings")
        assert all(isinstance(e[k], str) for k in ("value", "low", "high") if k in e)
        assert all(n.is_finite() for n in nums), item.where
        if not has_value:
            assert Decimal(e["low"]) <= Decimal(e["high"]), item.where
        assert isinstance(e.get("unit"), str), f"{item.where}: a non-date figure needs a unit"
        try:
            reg.Quantity(nums[0], e["unit"])
        except Exception as exc:  # pint raises several error types for unknown units
            pytest.fail(f"{item.where}: unit {e['unit']!r} not in the registry ({exc})")
        assert e.get("bound") is None or e["bound"] in bounds, item.where
        assert isinstance(e.get("approximate", False), bool), item.where
        assert "date" not in e, item.where


def test_gold_equivalents_are_figures_of_the_same_article() -> None:
    for d in GOLD:
        figs = [e for e in d["entities"] if e["label"] in FIGURE_KINDS]
        for e in figs:
            if "equivalent" not in e:
                continue
            after = [f for f in figs if f["start"] > e["end"] and f["text"] == e["equivalent"]]
            assert after, f"{d['id']}: equivalent of {e['text']!r} is not a gold figure"
            gap = d["text"][e["end"] : after[0]["start"]]
            assert gap == "(", f"{d['id']}: equivalent of {e['text']!r} is not its parenthesis"


def test_gold_dates_are_valid_dateinfo() -> None:
    for item in DATE_ITEMS:
        e = item.entity
        assert isinstance(e.get("date"), dict) and e["date"], item.where
        keys = set(e["date"])
        assert keys <= DATE_FIELDS, f"{item.where}: {keys - DATE_FIELDS}"
        info = DateInfo.model_validate(e["date"])
        assert info.model_dump(mode="json", exclude_none=True) == e["date"], item.where
        kind = "time" if info.hour is not None or info.day_part is not None else "date"
        assert e["label"] == kind, f"{item.where}: a {kind} by docs/dates.md"
        assert "unit" not in e and "value" not in e, item.where


def test_gold_named_entities_are_consistent() -> None:
    categories = set(get_args(OrgCategory))
    for d in GOLD:
        by_name: dict[tuple[str, str], dict[str, Any]] = {}
        for e in d["entities"]:
            if e["label"] not in NAMED_LABELS:
                continue
            assert isinstance(e.get("name"), str) and e["name"], (d["id"], e)
            if e["label"] == "organization":
                assert e.get("category") in categories, (d["id"], e)
            first = by_name.setdefault((e["label"], e["name"]), e)
            for key in ("category", "aliases"):
                assert first.get(key) == e.get(key), f"{d['id']}: {e['name']!r} {key} differs"


# --- the library against the gold -------------------------------------------------------


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    """One extraction per seed article, shared by every test of the module."""
    return {d["id"]: newsfigs.extract(d["text"]) for d in GOLD}


@pytest.mark.parametrize("item", FIGURE_ITEMS, ids=_id)
def test_gold_figure_found(item: Item, documents: dict[str, Document]) -> None:
    doc = documents[item.doc_id]
    fig = figure_at(doc, item.span)
    assert fig is not None, f"{item.where}: no figure with this span; {_near(doc, item.span)}"
    diffs = figure_mismatches(item.entity, fig)
    assert not diffs, f"{item.where}: " + "; ".join(diffs)


@pytest.mark.parametrize("item", DATE_ITEMS, ids=_id)
def test_gold_date_found(item: Item, documents: dict[str, Document]) -> None:
    doc = documents[item.doc_id]
    fig = figure_at(doc, item.span)
    assert fig is not None, f"{item.where}: no date with this span; {_near(doc, item.span)}"
    diffs = date_mismatches(item.entity, fig)
    assert not diffs, f"{item.where}: " + "; ".join(diffs)


def extra_figures(documents: dict[str, Document], dates: bool = False) -> list[str]:
    """Library figures (non-date, or date/time) on spans the gold has no such figure for."""
    out: list[str] = []
    for n, d in enumerate(GOLD, 1):
        gold_spans = {
            (e["start"], e["end"])
            for e in d["entities"]
            if e["label"] in FIGURE_KINDS and (e["label"] in DATE_KINDS) == dates
        }
        for f in documents[d["id"]].figures:
            if (f.kind in DATE_KINDS) == dates and (f.start, f.end) not in gold_spans:
                out.append(f"article {n} [{f.start}:{f.end}] {f.text!r} {f.kind}")
    return out


def test_no_figures_beyond_the_gold(documents: dict[str, Document]) -> None:
    extras = extra_figures(documents)
    assert not extras, "figures not in the gold:\n" + "\n".join(extras)


@pytest.mark.parametrize("item", NAMED_ITEMS, ids=_id)
def test_gold_entity_found(item: Item, documents: dict[str, Document]) -> None:
    problem = named_mismatch(item.entity, documents[item.doc_id])
    assert problem is None, f"{item.where} ({item.entity['name']}): {problem}"


# --- script: scores on the gold ---------------------------------------------------------


def _scores(name: str, gold_n: int, found_n: int, span_ok: int | None, full_ok: int) -> str:
    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:5.1f}%" if b else "   n/a"

    spans = "  -" if span_ok is None else f"{span_ok:3}"
    return (
        f"{name:<18} gold {gold_n:3}  library {found_n:3}  span match {spans}  "
        f"exact {full_ok:3}  recall {pct(full_ok, gold_n)}  precision {pct(full_ok, found_n)}"
    )


def report(documents: dict[str, Document]) -> list[str]:
    """Recall/precision of figures (non-date, date) and entity mentions on the gold."""
    lines: list[str] = []
    misses: list[str] = []
    for name, group, check in (
        ("figures", FIGURE_ITEMS, figure_mismatches),
        ("dates/times", DATE_ITEMS, date_mismatches),
    ):
        dated = name != "figures"
        found_n = sum(
            1 for doc in documents.values() for f in doc.figures if (f.kind in DATE_KINDS) == dated
        )
        span_ok = full_ok = 0
        for item in group:
            fig = figure_at(documents[item.doc_id], item.span)
            if fig is None:
                misses.append(f"  miss  {item.where}")
                continue
            span_ok += 1
            diffs = check(item.entity, fig)
            full_ok += int(not diffs)
            if diffs:
                misses.append(f"  wrong {item.where}: " + "; ".join(diffs))
        lines.append(_scores(name, len(group), found_n, span_ok, full_ok))
    found_named = sum(len(ent.mentions) for doc in documents.values() for ent in named(doc))
    named_ok = 0
    for item in NAMED_ITEMS:
        problem = named_mismatch(item.entity, documents[item.doc_id])
        named_ok += int(problem is None)
        if problem is not None:
            misses.append(f"  miss  {item.where}: {problem}")
    lines.append(_scores("entity mentions", len(NAMED_ITEMS), found_named, None, named_ok))
    extras = extra_figures(documents)
    extra_dates = extra_figures(documents, dates=True)
    return [
        *lines,
        "",
        "misses and mismatches:",
        *misses,
        "",
        "extra figures:",
        *extras,
        "",
        "extra dates/times (informational):",
        *extra_dates,
    ]


def main() -> int:
    docs = {d["id"]: newsfigs.extract(d["text"]) for d in GOLD}
    print("\n".join(report(docs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
