"""The benchmark harness: its scoring arithmetic, its label tables, and a quick run on the seeds.

The quick run checks structure only (tables written, numbers finite), never timings: the
machine is shared and noisy. It writes to a temporary file, never over benchmarks/RESULTS.md.
"""

from __future__ import annotations

import json
import math
import re
from decimal import Decimal
from pathlib import Path

import pytest
from benchmarks import run
from benchmarks.accuracy import SEEDS_GOLD, load_gold
from benchmarks.adapters import CONVENTIONS, Span, adapt, excuse_gold, klue_institution_part
from benchmarks.scoring import Scorer, context, prf, value_check
from benchmarks.speed import METHODS, prefix, repeat_to

from newsfigs.models import FIGURE_KINDS, Document, Figure, Mention, Organization, Person

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", ["klue", "kmou", "newsfigs"])
def test_every_newsfigs_label_has_a_corpus_label(name: str) -> None:
    conv = CONVENTIONS[name]
    for label in (*FIGURE_KINDS, "person", "organization"):
        mapped = conv.map(label)
        assert mapped is not None, f"{name} has no label for {label}"
        assert mapped in conv.labels


def test_klue_durations_follow_their_unit() -> None:
    klue = CONVENTIONS["klue"]
    assert klue.map("duration", "hour") == "TI"
    assert klue.map("duration", "minute") == "TI"
    assert klue.map("duration", "month") == "DT"
    assert klue.map("money", "KRW") == "QT"
    assert "LC" not in klue.produced


def _doc() -> Document:
    text = "홍길동 대표는 300억원을 3시간 만에 모았다."
    m, d = text.index("300억원"), text.index("3시간")
    money = Figure(
        start=m, end=m + 5, text="300억원", kind="money", value=Decimal("3e10"), unit="KRW"
    )
    hours = Figure(start=d, end=d + 3, text="3시간", kind="duration", value=Decimal(3), unit="hour")
    person = Person(name="홍길동", mentions=[Mention(start=0, end=3, text="홍길동")])
    return Document(text=text, figures=[money, hours], people=[person])


def test_adapt_drops_what_the_corpus_does_not_annotate() -> None:
    klp_labels = {"PS", "LC", "OG", "DT", "TI"}  # klp2016 has no QT
    adapted = adapt(_doc(), CONVENTIONS["klue"], klp_labels)
    assert [(s.start, s.end, s.label) for s in adapted.spans] == [(0, 3, "PS"), (15, 18, "TI")]
    assert adapted.dropped == {"QT": 1}
    kmou = adapt(_doc(), CONVENTIONS["kmou"], CONVENTIONS["kmou"].labels)
    assert [s.label for s in kmou.spans] == ["PER", "MNY", "DUR"]
    assert kmou.dropped == {}


def test_an_unscored_prediction_leaves_the_gold_at_its_place_unscored() -> None:
    """``MBC`` before a programme: found but filed by KMOU as the work, so neither side counts."""
    text = "배우가 MBC '복면가왕'에 나왔다. KBS는 정부와 만났다."
    at = {w: text.index(w) for w in ("MBC", "KBS", "정부")}
    orgs = [
        Organization(
            name=w,
            category=c,
            generic=g,
            mentions=[Mention(start=at[w], end=at[w] + len(w), text=w)],
        )
        for w, c, g in (
            ("MBC", "media", False),
            ("KBS", "media", False),
            ("정부", "government", True),
        )
    ]
    adapted = adapt(Document(text=text, organizations=orgs), CONVENTIONS["kmou"], {"ORG"})
    assert [s.text for s in adapted.spans] == ["KBS"]
    gold = [Span(at[w], at[w] + len(w), "ORG", w) for w in ("MBC", "KBS", "정부")]
    gold.append(Span(0, 2, "ORG", "배우"))  # no prediction there: still a miss
    kept, n = excuse_gold(gold, adapted)
    assert [g.text for g in kept] == ["KBS", "배우"] and n == 2
    other_label = [Span(at["MBC"], at["MBC"] + 3, "POH", "MBC")]
    assert excuse_gold(other_label, adapted) == (other_label, 0)


KLUE_INSTITUTION_PARTS = [
    ("중국 정부", "정부", 3),
    ("美 정부", "정부", 2),
    ("미국 행정부", "행정부", 3),
    ("미군", "미군", 0),  # a named army is one word: unchanged
    ("정부", "정부", 0),
    ("한빛 정부", "한빛 정부", 0),  # no place before the word: unchanged
]


@pytest.mark.parametrize(("text", "part", "shift"), KLUE_INSTITUTION_PARTS)
def test_klue_scores_a_place_and_institution_as_the_institution(
    text: str, part: str, shift: int
) -> None:
    """klp2016 writes 중국/LC 정부/OG: our one organization is scored as its institution part."""
    out = klue_institution_part(Span(10, 10 + len(text), "organization", text))
    assert (out.text, out.start, out.end) == (part, 10 + shift, 10 + len(text))
    person = Span(0, 5, "person", "중국 정부")
    assert klue_institution_part(person) is person


def test_scorer_strict_and_character_scores() -> None:
    text = "가나다 라마바사 아자차카 타파하"
    gold = [Span(0, 3, "PS", "가나다"), Span(4, 8, "DT", "라마바사"), Span(9, 13, "OG", "아자차카")]
    pred = [Span(0, 3, "PS", "가나다"), Span(4, 7, "DT", "라마바"), Span(14, 17, "PS", "타파하")]
    sc = Scorer(frozenset({"PS", "DT", "OG"}))
    sc.add("d1", text, gold, pred)
    ps, dt, og = sc.labels["PS"], sc.labels["DT"], sc.labels["OG"]
    assert (ps.gold, ps.pred, ps.tp) == (1, 2, 1)
    assert ps.prf == pytest.approx((0.5, 1.0, 2 / 3))
    assert (dt.gold, dt.pred, dt.tp) == (1, 1, 0)
    assert dt.char_prf == pytest.approx((1.0, 0.75, 6 / 7))
    assert (og.gold, og.pred, og.tp) == (1, 0, 0)
    micro = sc.micro(only_produced=True)
    assert (micro.gold, micro.pred, micro.tp) == (3, 3, 1)
    notes = {(e.kind, e.text): e.note for e in sc.errors}
    assert notes[("fp", "라마바")] == "boundary: gold has '라마바사'"
    assert notes[("miss", "라마바사")] == "boundary: newsfigs has '라마바'"
    assert notes[("fp", "타파하")] == "spurious"
    assert notes[("miss", "아자차카")] == "not found"


def test_prf_is_zero_where_undefined() -> None:
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert prf(0, 5, 0) == (0.0, 0.0, 0.0)


def test_value_check() -> None:
    pred = {"value": Decimal(12), "low": None, "high": None, "unit": "GWh"}
    assert value_check({"value": "12", "unit": "GWh"}, pred) == (True, "")
    ok, why = value_check({"value": "12000", "unit": "GWh"}, pred)
    assert ok is False and "value" in why
    assert value_check({"value": "12", "unit": "MWh"}, pred)[0] is False
    third = {"value": Decimal(1) / Decimal(3), "unit": "dimensionless"}
    assert value_check({"value": "0.333333333333333", "unit": "dimensionless"}, third)[0]
    date = {"value": None, "unit": None, "date": {"day": 22, "precision": "day"}}
    gold_date = {"date": {"day": 22, "precision": "day", "gold_only_note": "x"}}
    assert value_check(gold_date, date) == (True, "")
    assert value_check({"date": {"day": 23}}, date)[0] is False
    assert value_check({}, date) == (None, "")


def test_context_marks_the_span() -> None:
    text = "가" * 40 + "삼백억원" + "나" * 40
    shown = context(text, 40, 44)
    assert "⟦삼백억원⟧" in shown and shown.startswith("…") and shown.endswith("…")


def test_speed_sampling_helpers() -> None:
    sample, times = repeat_to(["가나다", "라마"], 12)
    assert times == 3 and len(sample) == 6
    assert prefix(["가" * 10, "나" * 10, "다" * 10], 15) == ["가" * 10]


def test_load_gold_rejects_offsets_that_do_not_slice(tmp_path: Path) -> None:
    bad = {
        "id": "x",
        "text": "삼성전자",
        "entities": [{"start": 0, "end": 2, "label": "OG", "text": "삼성전자"}],
    }
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(bad, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="does not match"):
        load_gold(path)


def _numbers(line: str) -> list[float]:
    return [float(x.replace(",", "")) for x in re.findall(r"-?\d[\d,]*\.?\d*", line)]


def test_quick_run_writes_a_report(tmp_path: Path) -> None:
    results = ROOT / "benchmarks" / "RESULTS.md"
    before = results.read_bytes() if results.exists() else None
    text = "삼성전자는 2026년 3월 22일 1700억 달러(약 240조원)를 투자한다고 밝혔다."
    gold = {
        "id": "k1",
        "text": text,
        "entities": [
            {"start": 0, "end": 4, "label": "OG", "text": "삼성전자"},
            {"start": 6, "end": 18, "label": "DT", "text": "2026년 3월 22일"},
        ],
    }
    gold_path = tmp_path / "mini_klue.jsonl"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "RESULTS.md"
    args = ["--quick", "--out", str(out), "--repeats", "1", "--errors", "2"]
    args += ["--min-chars", "3000", "--scale-chars", "1500"]
    args += ["--gold", str(gold_path), "--convention", "klue"]
    assert run.main(args) == 0

    report = out.read_text(encoding="utf-8")
    assert (results.read_bytes() if results.exists() else None) == before
    assert "## Accuracy" in report and "## Speed and memory" in report
    assert not re.search(r"\b(nan|inf)\b", report, re.IGNORECASE)
    assert "### mini_klue (klue labels" in report
    assert re.search(r"^\| OG \| yes \| 1 \|", report, re.MULTILINE)
    assert re.search(r"^\| \*micro \(all labels\)\* \|\s+\| 2 \|", report, re.MULTILINE)
    if SEEDS_GOLD.exists():
        assert "### seeds (newsfigs labels" in report
        assert re.search(r"^\| organization \| yes \|", report, re.MULTILINE)
    for method in METHODS:
        rows = [ln for ln in report.splitlines() if ln.startswith(f"| {method} |")]
        assert len(rows) == 1, method
        best_s, chars_s, ratio = _numbers(rows[0].split("|", 2)[2])[:3]
        assert all(math.isfinite(x) and x > 0 for x in (best_s, chars_s, ratio))
    for lib in ("kiwipiepy", "newsfigs"):
        (row,) = [ln for ln in report.splitlines() if ln.startswith(f"| {lib} |")]
        assert all(math.isfinite(x) and x > 0 for x in _numbers(row))
    scale_rows = [ln for ln in report.splitlines() if re.match(r"\| (1|4|16)× \|", ln)]
    assert len(scale_rows) == 3
    verdicts = re.findall(r"\*\*(pass|FAIL)\*\*|\| n/a \|", report)
    assert len(verdicts) >= 5  # four targets and the linear-cost check
