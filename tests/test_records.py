"""Flat records: one row per figure and per entity mention, same keys everywhere, pandas-ready."""

from __future__ import annotations

import datetime
import subprocess
import sys
from decimal import Decimal

import pytest

import newsfigs
from newsfigs import Document, Figure, Mention, Organization, Person
from newsfigs.records import COLUMNS, FLAT_COLUMNS, flatten, plain, to_records

ARTICLE = (
    "앤트로픽은 기업가치 1700억 달러(약 240조원)를 목표로 투자를 유치한다. "
    "지분율은 98.32%이며 금리는 0.25%p 올랐다."
)


def _mention(text: str, part: str, start: int = 0) -> Mention:
    i = text.index(part, start)
    return Mention(start=i, end=i + len(part), text=part)


def _hand_made() -> Document:
    """A document built by hand, so these tests do not depend on what the recognizers find."""
    text = "삼성전자 이재용 회장은 3조원을 투자한다. 이 회장은 삼성전자 이사회에 참석했다."
    money = text.index("3조원")
    return Document(
        text=text,
        figures=[
            Figure(
                start=money,
                end=money + 3,
                text="3조원",
                kind="money",
                value=Decimal("3E+12"),
                unit="KRW",
            )
        ],
        people=[
            Person(
                name="이재용",
                title="회장",
                affiliation="삼성전자",
                mentions=[_mention(text, "이재용"), _mention(text, "이 회장")],
            )
        ],
        organizations=[
            Organization(
                name="삼성전자",
                category="company",
                mentions=[_mention(text, "삼성전자"), _mention(text, "삼성전자", 10)],
            )
        ],
    )


def test_one_row_per_figure_and_mention_in_text_order() -> None:
    doc = _hand_made()
    rows = doc.to_records()
    assert [r["type"] for r in rows] == [
        "organization",
        "person",
        "figure",
        "person",
        "organization",
    ]
    for r in rows:
        assert tuple(r) == COLUMNS
        assert doc.text[r["start"] : r["end"]] == r["text"]
    person = rows[1]
    assert (person["name"], person["title"], person["affiliation"]) == (
        "이재용",
        "회장",
        "삼성전자",
    )
    assert rows[3]["text"] == "이 회장" and rows[3]["entity_index"] == 0
    assert rows[0]["category"] == rows[4]["category"] == "company"
    assert rows[0]["value"] is None and rows[0]["approximate"] is None


def test_decimals_choice() -> None:
    doc = _hand_made()
    exact = next(r for r in to_records(doc) if r["type"] == "figure")
    assert exact["value"] == Decimal("3000000000000") and isinstance(exact["value"], Decimal)
    as_float = next(r for r in to_records(doc, decimals="float") if r["type"] == "figure")
    assert as_float["value"] == 3e12 and isinstance(as_float["value"], float)
    as_str = next(r for r in to_records(doc, decimals="str") if r["type"] == "figure")
    assert as_str["value"] == "3000000000000", "str keeps the exact digits, no exponent"
    with pytest.raises(ValueError, match="decimals"):
        to_records(doc, decimals="int")  # type: ignore[arg-type]


def test_figure_rows_from_real_extraction() -> None:
    doc = newsfigs.extract(ARTICLE)
    rows = [r for r in doc.to_records() if r["type"] == "figure"]
    assert len(rows) == len(doc.figures)
    usd = next(r for r in rows if r["text"] == "1700억 달러")
    assert (usd["kind"], usd["value"], usd["unit"]) == ("money", Decimal("170000000000"), "USD")
    assert usd["equivalent_text"] == "약 240조원"
    assert (usd["equivalent_value"], usd["equivalent_unit"]) == (Decimal("240000000000000"), "KRW")
    krw = next(r for r in rows if r["text"] == "약 240조원")
    assert krw["approximate"] is True and krw["equivalent_text"] is None


def test_date_columns() -> None:
    doc = newsfigs.extract("회사는 2025년 3월 4일 신제품을 공개했다.")
    dates = [r for r in doc.to_records() if r["kind"] == "date"]
    assert dates, "expected the written date"
    assert dates[0]["date_resolved"] == datetime.date(2025, 3, 4)
    assert dates[0]["date_precision"] == "day"


def test_flatten_counts_every_document() -> None:
    texts = ["매출은 5조원이다.", "숫자가 없는 문장이다.", "영업이익률은 12%였다."]
    docs = list(newsfigs.extract_many(texts))
    rows = flatten(docs)
    assert all(tuple(r) == FLAT_COLUMNS for r in rows)
    assert {r["doc_index"] for r in rows} == {0, 2}, "the empty document keeps its index"
    for r in rows:
        assert texts[r["doc_index"]][r["start"] : r["end"]] == r["text"]
    assert {r["doc_index"] for r in flatten(iter(docs), start=100)} == {100, 102}


def test_plain_csv_values() -> None:
    assert plain(None) == ""
    assert plain(Decimal("1.7E+11")) == "170000000000"
    assert plain(True) == "true"
    assert plain(datetime.date(2026, 3, 22)) == "2026-03-22"
    assert plain(3) == "3"


def test_pandas_takes_records_as_is() -> None:
    pd = pytest.importorskip("pandas")
    docs = list(newsfigs.extract_many([ARTICLE, "올해 매출은 3조원이다."]))
    frame = pd.DataFrame(flatten(docs, decimals="float"))
    assert tuple(frame.columns) == FLAT_COLUMNS
    assert len(frame) == sum(len(d.to_records()) for d in docs)
    figures = frame[frame["type"] == "figure"]
    assert figures["value"].dtype.kind == "f"
    usd = figures[figures["unit"] == "USD"]["value"].sum()
    assert usd == pytest.approx(1.7e11)
    one = pd.DataFrame(_hand_made().to_records())
    assert list(one["type"]) == ["organization", "person", "figure", "person", "organization"]


def test_empty_input_keeps_the_columns() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(flatten([Document(text="없음")]), columns=list(FLAT_COLUMNS))
    assert frame.empty and tuple(frame.columns) == FLAT_COLUMNS


def test_pandas_is_never_imported() -> None:
    """pandas stays optional: records, html and the command work without importing it."""
    code = (
        "import sys, newsfigs, newsfigs.records, newsfigs.html, newsfigs.cli, newsfigs.formats\n"
        "from newsfigs import Document\n"
        "newsfigs.records.flatten([Document(text='x')])\n"
        "assert 'pandas' not in sys.modules, 'pandas was imported'\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr


def test_equivalents_point_at_the_figure_they_restate() -> None:
    doc = newsfigs.extract(ARTICLE + " 100억 달러(약 14조원)를 더 모은다.")
    rows = doc.to_records()
    restated = {r["text"]: rows[r["equivalent_of"]]["text"] for r in rows if r["equivalent_of"]}
    assert restated == {"약 240조원": "1700억 달러", "약 14조원": "100억 달러"}
    assert all(r["equivalent_of"] is None for r in rows if r["text"] not in restated), (
        "None elsewhere"
    )
    flat = flatten([doc, None, doc])
    assert {r["doc_index"] for r in flat} == {0, 2}, "a skipped item keeps its index"
    for r in flat:
        if r["equivalent_of"] is not None:
            target = flat[r["equivalent_of"]]
            assert target["doc_index"] == r["doc_index"] and target["unit"] == "USD"
    krw_once = sum(r["value"] for r in rows if r["unit"] == "KRW" and r["equivalent_of"] is None)
    assert krw_once == 0, "every KRW amount here restates a dollar amount"


SENTENCE_CASES = [
    ("매출은 3.5조원이다. 직원은 300명이다.", "300명", "직원은 300명이다."),
    ("매출은 3.5조원이다. 직원은 300명이다.", "3.5조원", "매출은 3.5조원이다."),
    ("첫 줄 3명\n둘째 줄 4명", "4명", "둘째 줄 4명"),
    ('"매출이 3조원 늘었다."고 말했다. 끝.', "3조원", '"매출이 3조원 늘었다."고 말했다.'),
]


@pytest.mark.parametrize(("text", "part", "sentence"), SENTENCE_CASES)
def test_each_record_carries_its_sentence(text: str, part: str, sentence: str) -> None:
    (row,) = [r for r in newsfigs.extract(text).to_records() if r["text"] == part]
    assert row["sentence"] == sentence


def test_a_very_long_sentence_is_cut_around_the_record() -> None:
    text = "가" * 3000 + " 매출 3조원 " + "나" * 3000
    (row,) = newsfigs.extract(text).to_records()
    assert "매출 3조원" in row["sentence"] and len(row["sentence"]) <= 402
    assert row["sentence"].startswith("…") and row["sentence"].endswith("…")


def test_to_dataframe_counts_money_once() -> None:
    pytest.importorskip("pandas")
    from newsfigs.records import to_dataframe

    texts = [ARTICLE, "올해 매출은 3조원이다.", "없음"]
    frame = to_dataframe(newsfigs.extract_many(texts))
    assert tuple(frame.columns) == FLAT_COLUMNS
    assert str(frame["equivalent_of"].dtype) == "Int64"
    money = frame[(frame.kind == "money") & frame.equivalent_of.isna()]
    assert money.groupby("unit")["value"].sum().to_dict() == {"KRW": 3e12, "USD": 1.7e11}
    assert to_dataframe(Document(text="없음")).empty
    assert len(to_dataframe(newsfigs.extract(ARTICLE))) == len(
        newsfigs.extract(ARTICLE).to_records()
    )


def test_to_dataframe_without_pandas_says_so() -> None:
    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "from newsfigs import Document\n"
        "from newsfigs.records import to_dataframe\n"
        "try:\n"
        "    to_dataframe([Document(text='x')])\n"
        "except ImportError as e:\n"
        "    assert 'pip install pandas' in str(e), e\n"
        "else:\n"
        "    raise SystemExit('no ImportError')\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr


def test_ratio_rate_and_direction_reach_the_table_and_the_reprs() -> None:
    doc = newsfigs.extract("경쟁률은 12대1이었다. 수출은 -3.4% 줄었다. 대출 금리는 연 5.3%다.")
    rows = {r["text"]: r for r in doc.to_records() if r["type"] == "figure"}
    assert rows["12대1"]["kind"] == "ratio" and rows["12대1"]["terms"] == "12:1"
    assert rows["12대1"]["value"] is None
    assert rows["-3.4%"]["value"] == Decimal("-3.4") and rows["-3.4%"]["direction"] == "decrease"
    assert rows["5.3%"]["per"] == "year"
    shown = [repr(f) for f in doc.figures]
    assert any("12:1" in s for s in shown) and any("per year" in s for s in shown)
