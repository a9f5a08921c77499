"""The public contract: names, types, spans, JSON, errors, batching, pickling."""

from __future__ import annotations

import datetime
import json
import pickle
import subprocess
import sys
from decimal import Decimal

import pint
import pytest

import newsfigs
from newsfigs import Document, Figure
from newsfigs.models import DateInfo
from newsfigs.trusted import trusted

SEED_LIKE = (
    "22일 블룸버그에 따르면 앤트로픽은 기업가치 1700억 달러(약 240조원)를 목표로 "
    "100억 달러(약 14조원)를 조달할 계획이다. 발전 용량 64기가와트(GW) 중 33GW를 차지했다."
)


def test_public_names() -> None:
    for name in newsfigs.__all__:
        assert hasattr(newsfigs, name), name


def test_import_does_not_load_the_analyzer() -> None:
    code = (
        "import sys, newsfigs; "
        "assert 'kiwipiepy' not in sys.modules, 'kiwipiepy imported eagerly'; "
        "assert 'pint' not in sys.modules, 'pint imported eagerly'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_views_load_on_first_use() -> None:
    """``import newsfigs`` and a first ``extract`` leave the views unloaded; they still work."""
    code = (
        "import sys, newsfigs\n"
        "doc = newsfigs.extract('매출은 5조원이다.')\n"
        "for m in ('newsfigs.html', 'newsfigs.records', 'html'):\n"
        "    assert m not in sys.modules, m + ' imported before use'\n"
        "assert '5조원' in doc._repr_html_()\n"
        "assert doc.to_records()[0]['text'] == '5조원'\n"
        "assert newsfigs.records.flatten([doc]) and newsfigs.html.page([doc])\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_extract_returns_document_with_spans_into_the_original() -> None:
    doc = newsfigs.extract(SEED_LIKE)
    assert isinstance(doc, Document)
    assert doc.text == SEED_LIKE
    assert doc.figures, "expected figures"
    for f in doc.figures:
        assert SEED_LIKE[f.start : f.end] == f.text
    starts = [f.start for f in doc.figures]
    assert starts == sorted(starts), "figures are in text order"


def test_money_equivalent_links_to_its_own_figure() -> None:
    doc = newsfigs.extract(SEED_LIKE)
    usd = next(f for f in doc.figures if f.text == "1700억 달러")
    assert usd.value == Decimal("170000000000") and usd.unit == "USD"
    assert usd.equivalent is not None and usd.equivalent.text == "약 240조원"
    krw = next(f for f in doc.figures if f.text == "약 240조원")
    assert krw == usd.equivalent
    assert krw.approximate and krw.unit == "KRW"


def test_quantities_convert_within_a_dimension_only() -> None:
    doc = newsfigs.extract(SEED_LIKE)
    gw = next(f for f in doc.figures if f.text == "64기가와트(GW)")
    assert gw.quantity is not None
    assert gw.quantity.to("MW").magnitude == 64000
    usd = next(f for f in doc.figures if f.unit == "USD")
    assert usd.quantity is not None
    with pytest.raises(pint.DimensionalityError):
        usd.quantity.to("KRW")


def test_percent_and_percentage_point_are_different_dimensions() -> None:
    doc = newsfigs.extract("지분율은 98.32%이며 금리는 0.25%p 올랐다.")
    pct, pp = doc.figures
    assert (pct.kind, pp.kind) == ("percent", "percentage_point")
    assert pct.quantity is not None and pp.quantity is not None
    with pytest.raises(pint.DimensionalityError):
        pct.quantity.to(pp.unit)


def test_json_is_plain_and_schema_available() -> None:
    doc = newsfigs.extract(SEED_LIKE, reference_date=datetime.date(2026, 11, 24))
    data = json.loads(doc.model_dump_json())
    assert data["reference_date"] == "2026-11-24"
    money = next(f for f in data["figures"] if f["unit"] == "USD")
    assert Decimal(money["value"]) == Decimal("170000000000")
    assert Document.model_validate_json(doc.model_dump_json()) == doc
    schema = Document.model_json_schema()
    assert "figures" in schema["properties"]


def test_range_has_low_and_high_and_no_value() -> None:
    (f,) = newsfigs.extract("성장률은 3~5%로 전망된다.").figures
    assert f.is_range and f.value is None and (f.low, f.high) == (3, 5)
    assert f.quantity is None
    rq = f.range_quantities
    assert rq is not None and rq[0].magnitude == 3


@pytest.mark.parametrize("bad", [b"bytes", None, 3, ["a list"]])
def test_non_str_raises_type_error_saying_what_was_expected(bad: object) -> None:
    with pytest.raises(TypeError, match="str"):
        newsfigs.extract(bad)  # type: ignore[arg-type]


def test_bytes_error_says_decode() -> None:
    with pytest.raises(TypeError, match="decode"):
        newsfigs.extract(b"\xea\xb0\x80")  # type: ignore[arg-type]


def test_reference_date_type_checked() -> None:
    with pytest.raises(TypeError, match="reference_date"):
        newsfigs.extract("3명", reference_date="2026-11-24")  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", " ", "\n\t  \n"])
def test_empty_text_gives_empty_document(text: str) -> None:
    doc = newsfigs.extract(text)
    assert doc.text == text and doc.figures == [] and doc.people == []


def test_extract_many_matches_extract() -> None:
    texts = [SEED_LIKE, "", "직원 300명이 참석했다.", "금리 0.25%p 인상"] * 3
    many = list(newsfigs.extract_many(texts))
    assert many == [newsfigs.extract(t) for t in texts]


def test_extract_many_rejects_a_single_string() -> None:
    with pytest.raises(TypeError, match="iterable"):
        newsfigs.extract_many("one text")


def test_parse_number_contract() -> None:
    assert newsfigs.parse_number("4조9000억") == Decimal("4900000000000")


def test_extractor_pickles_as_a_recipe() -> None:
    ex = newsfigs.Extractor(organizations=["에너테크"], people=["정예린"])
    clone = pickle.loads(pickle.dumps(ex))
    assert clone.organizations == ("에너테크",) and clone.people == ("정예린",)
    assert clone.extract("직원 3명").figures == ex.extract("직원 3명").figures


def test_figure_rejects_inconsistent_values() -> None:
    with pytest.raises(ValueError):
        Figure(start=0, end=2, text="3명", kind="count", low=Decimal(5), high=Decimal(3))
    with pytest.raises(ValueError):
        Figure(start=0, end=2, text="3명", kind="count", unit="count")


def test_num_workers_is_checked_and_survives_pickling() -> None:
    with pytest.raises(ValueError, match="num_workers"):
        newsfigs.Extractor(num_workers=0)
    ex = pickle.loads(pickle.dumps(newsfigs.Extractor(num_workers=1)))
    assert ex.analyzer.num_workers == 1
    (fig,) = ex.extract("발전 용량 64기가와트(GW)").figures
    assert (fig.value, fig.unit) == (64, "GW")


TRUSTED_TEXTS = [
    "앤트로픽은 100억 달러(약 14조원)를 조달할 계획이다.",
    "2026년 3월 22일 삼성전자 홍길동 대표는 경쟁률 12대1, 영업이익률 12%를 밝혔다.",
    "3.3㎡당 4,190만원, 배럴당 80달러, 1인당 30만원씩 지급했다.",
    "지난해 3월 15일부터 18일까지, 오후 3시 30분, 2020년대 초",
]


@pytest.mark.parametrize("text", TRUSTED_TEXTS)
def test_models_the_pipeline_builds_equal_validated_ones(text: str) -> None:
    """``models.trusted`` skips validation: what it builds must be what validation gives."""
    doc = newsfigs.extract(text)
    assert doc.figures
    for f in doc.figures:
        again = Figure(**{name: getattr(f, name) for name in f.model_fields_set})
        assert again == f
        assert again.model_fields_set == f.model_fields_set
        assert list(again.__dict__) == list(f.__dict__)  # serialization follows this order
        if f.date is not None:  # dates are built trusted too (dates.resolve_dates.build)
            for info in (f.date, f.date.end):
                if info is None:
                    continue
                valid = DateInfo(**{name: getattr(info, name) for name in info.model_fields_set})
                assert valid == info
                assert list(valid.__dict__) == list(info.__dict__)
    fields = {name: getattr(doc, name) for name in doc.model_fields_set}
    assert Document(**fields) == doc
    assert Document.model_validate_json(doc.model_dump_json()) == doc


def test_trusted_needs_the_required_fields_and_no_others() -> None:
    with pytest.raises(TypeError, match="start"):
        trusted(Figure, {"end": 1, "text": "x", "kind": "count", "value": Decimal(1)})
    fields = {"start": 0, "end": 1, "text": "x", "kind": "count", "value": Decimal(1)}
    with pytest.raises(TypeError, match="valeu"):
        trusted(Figure, {**fields, "valeu": Decimal(1)})
    assert trusted(Figure, fields) == Figure(**fields)
