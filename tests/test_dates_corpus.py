"""The date corpus (``tests/corpus/dates.jsonl``) against the library, one test id per case.

Each case is a sentence, a reference date (or null) and the complete list of date/time figures
it must yield, with every ``DateInfo`` field that is set (``exclude_none``): a field the case
leaves out must be empty, so an unresolved date stays unresolved. ``"expect": []`` is a
negative (no date or time at all); a case with ``"xfail"`` is a known gap (docs/dates.md) and
runs as a strict xfail, so fixing a gap makes the suite say so. ``"others"`` lists figures of
other kinds the text must yield instead (``3일 동안`` is a duration in a time unit, ``2호기`` an
ordinal): a date recognizer that steps back must leave the span to the right recognizer.
"""

from __future__ import annotations

import datetime
import doctest
import json
from pathlib import Path
from typing import Any

import pytest

import newsfigs
from newsfigs.models import DateInfo, Document
from newsfigs.units import registry

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus" / "dates.jsonl"
DOC = ROOT / "docs" / "dates.md"
DATE_KINDS = frozenset({"date", "time"})
CASE_KEYS = frozenset({"id", "text", "ref", "expect", "xfail", "others"})
EXPECT_KEYS = frozenset({"span", "kind", "date", "approximate"})


def load() -> list[dict[str, Any]]:
    """The corpus cases, one JSON object per line."""
    with CORPUS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


CASES = load()


def _ref(case: dict[str, Any]) -> datetime.date | None:
    return None if case["ref"] is None else datetime.date.fromisoformat(case["ref"])


def observed(doc: Document) -> list[dict[str, Any]]:
    """The document's date/time figures in the corpus's shape."""
    out: list[dict[str, Any]] = []
    for f in doc.figures:
        if f.kind not in DATE_KINDS:
            continue
        item: dict[str, Any] = {"span": f.text, "kind": f.kind}
        item["date"] = f.date.model_dump(mode="json", exclude_none=True) if f.date else None
        if f.approximate:
            item["approximate"] = True
        out.append(item)
    return out


def _param(case: dict[str, Any]) -> Any:
    marks = []
    if "xfail" in case:
        marks.append(pytest.mark.xfail(strict=True, reason=case["xfail"]))
    return pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    doc = newsfigs.extract(case["text"], reference_date=_ref(case))
    got = observed(doc)
    assert got == case["expect"], f"{case['text']!r} (ref {case['ref']})"


OTHERS = [pytest.param(c, id=c["id"]) for c in CASES if "others" in c]


@pytest.mark.parametrize("case", OTHERS)
def test_not_a_date_is_another_figure(case: dict[str, Any]) -> None:
    doc = newsfigs.extract(case["text"], reference_date=_ref(case))
    got = {(f.text, f.kind): f for f in doc.figures if f.kind not in DATE_KINDS}
    for want in case["others"]:
        fig = got.get((want["span"], want["kind"]))
        assert fig is not None, f"{want} not among {sorted(got)}"
        assert fig.unit == want["unit"], (want, fig.unit)
        if want["kind"] == "duration":
            q = fig.quantity
            assert q is not None and q.dimensionality == registry().second.dimensionality


def test_corpus_is_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    for c in CASES:
        assert set(c) <= CASE_KEYS and {"id", "text", "ref", "expect"} <= set(c), c["id"]
        _ref(c)
        pos = 0
        for e in c["expect"]:
            assert set(e) <= EXPECT_KEYS and e["kind"] in DATE_KINDS, c["id"]
            found = c["text"].find(e["span"], pos)
            assert found >= 0, f"{c['id']}: {e['span']!r} not in text (in order)"
            pos = found + len(e["span"])
            info = DateInfo.model_validate(e["date"])
            assert info.model_dump(mode="json", exclude_none=True) == e["date"], c["id"]
            assert e.get("approximate", True) is True, c["id"]
        for o in c.get("others", []):
            assert set(o) == {"span", "kind", "unit"} and o["span"] in c["text"], c["id"]


def test_corpus_covers_every_class() -> None:
    """Enough cases of each kind: negatives, several reference dates, no-ref; every known gap
    with its reason (no floor on gaps: fixing one must not fail the suite)."""
    negatives = [c for c in CASES if not c["expect"] and "xfail" not in c]
    gaps = [c for c in CASES if "xfail" in c]
    refs = {c["ref"] for c in CASES}
    assert len(CASES) >= 250 and len(negatives) >= 40
    assert all(c["xfail"].strip() for c in gaps)  # every known gap says what is missing
    assert len(refs) >= 20 and None in refs


def test_dates_doc_example() -> None:
    result = doctest.testfile(str(DOC), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
