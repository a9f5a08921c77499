"""Real workflows (issue 16): a date per article, bad items in long runs, the caller's names."""

from __future__ import annotations

import datetime
import pickle
import warnings

import pytest

import newsfigs
from newsfigs import Organization, Person
from newsfigs.api import SkippedItemWarning
from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import Candidate

REF = datetime.date(2026, 3, 22)


def _last_year(doc: newsfigs.Document) -> datetime.date | None:
    (f,) = [f for f in doc.figures if f.text == "지난해"]
    assert f.date is not None
    return f.date.resolved_start


def test_each_item_has_its_own_reference_date() -> None:
    items = [
        "지난해 매출은 3조원이다.",
        ("지난해 매출은 3조원이다.", datetime.date(2020, 5, 1)),
        ("지난해 매출은 3조원이다.", None),
        ("지난해 매출은 3조원이다.", datetime.datetime(2011, 1, 2, 9, 30)),
    ]
    docs = list(newsfigs.extract_many(items, REF))
    assert [d.reference_date for d in docs] == [
        REF,
        datetime.date(2020, 5, 1),
        None,
        datetime.date(2011, 1, 2),
    ]
    assert [_last_year(d) for d in docs] == [
        datetime.date(2025, 1, 1),
        datetime.date(2019, 1, 1),
        None,
        datetime.date(2010, 1, 1),
    ]
    for item, doc in zip(items, docs, strict=True):
        text, date = item if isinstance(item, tuple) else (item, REF)
        assert doc == newsfigs.extract(text, date), "the same as one call per article"


BAD_ITEMS: list[tuple[object, str]] = [
    (None, "got NoneType"),
    (float("nan"), "NaN"),
    (b"bytes", "decode"),
    (("text",), "pair"),
    (("text", "2026-03-22"), "reference_date"),
    (3, "got int"),
]


@pytest.mark.parametrize(("bad", "message"), BAD_ITEMS)
def test_a_bad_item_is_named_when_raising(bad: object, message: str) -> None:
    with pytest.raises(TypeError, match=message) as err:
        list(newsfigs.extract_many(["3명", "4명", bad]))  # type: ignore[list-item]
    assert "item 2" in str(err.value)


def test_bad_items_are_skipped_in_place_with_a_warning() -> None:
    items = ["3명", None, "4명", float("nan"), ("5명", REF), None]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = list(newsfigs.extract_many(items, on_error="skip"))  # type: ignore[arg-type]
    assert [d.text if d else None for d in docs] == ["3명", None, "4명", None, "5명", None]
    messages = [str(w.message) for w in caught if w.category is SkippedItemWarning]
    assert [m.split(" skipped")[0] for m in messages] == [
        "extract_many item 1",
        "extract_many item 3",
        "extract_many item 5",
    ]


def _fragile(a: Analysed) -> list[Candidate]:
    """A recognizer that fails on one text, as a bug would."""
    if "고장" in a.text:
        raise RuntimeError("recognizer bug")
    return []


def test_a_failing_item_is_skipped_or_named() -> None:
    ex = newsfigs.Extractor(recognizers=[_fragile])
    texts = [f"문장 {i}" for i in range(40)]
    texts[17] = "고장 난 문장"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = list(ex.extract_many(texts, on_error="skip"))
    assert [d.text if d else None for d in docs] == [*texts[:17], None, *texts[18:]]
    (warning,) = [w for w in caught if w.category is SkippedItemWarning]
    assert "item 17" in str(warning.message) and "recognizer bug" in str(warning.message)
    with pytest.raises(RuntimeError, match="recognizer bug") as err:
        list(ex.extract_many(texts))
    assert "extract_many item 17" in "".join(getattr(err.value, "__notes__", [])), "named"


def test_pandas_columns_with_missing_values() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {
            "body": ["지난해 3명", None, "지난해 4명"],
            "published": pd.to_datetime(["2020-01-02", "2021-01-01", None]),
        }
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        items = zip(frame.body, frame.published, strict=True)
        docs = list(newsfigs.extract_many(items, on_error="skip"))
    assert [d.reference_date if d else "skipped" for d in docs] == [
        datetime.date(2020, 1, 2),
        "skipped",
        None,  # NaT: no date
    ]
    assert len([w for w in caught if w.category is SkippedItemWarning]) == 1


@pytest.mark.parametrize("broken", [[0], [39], [5, 6], [3, 20, 21, 39], list(range(40))])
def test_failures_anywhere_keep_the_order(broken: list[int]) -> None:
    ex = newsfigs.Extractor(recognizers=[_fragile])
    texts = [("고장 " if i in broken else "문장 ") + str(i) for i in range(40)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SkippedItemWarning)
        docs = list(ex.extract_many(texts, on_error="skip"))
    assert [d.text if d else None for d in docs] == [
        None if i in broken else t for i, t in enumerate(texts)
    ]


def test_on_error_is_checked() -> None:
    with pytest.raises(ValueError, match="on_error"):
        newsfigs.extract_many(["3명"], on_error="ignore")  # type: ignore[call-overload]


@pytest.mark.parametrize("argument", ["organizations", "people"])
def test_a_str_where_names_belong_is_a_type_error(argument: str) -> None:
    with pytest.raises(TypeError, match=r"list of names.*\['한빛전자'\]"):
        newsfigs.Extractor(**{argument: "한빛전자"})  # type: ignore[arg-type]


def test_entries_of_the_wrong_model_are_type_errors() -> None:
    with pytest.raises(TypeError, match="Organization entries"):
        newsfigs.Extractor(organizations=[Person(name="정예린")])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="list of entries"):
        newsfigs.Extractor(people=Person(name="정예린"))  # type: ignore[arg-type]


HANBIT = Organization(name="한빛전자", category="company", aliases=["한빛"])
JEONG = Person(name="정예린", title="대표")


def test_organizations_with_a_category_and_aliases_and_people_with_a_title() -> None:
    ex = newsfigs.Extractor(organizations=[HANBIT], people=[JEONG])
    assert ex.organizations == ("한빛전자",) and ex.people == ("정예린",)
    text = "한빛전자는 3억원을 투자했다. 한빛은 정예린이 이끈다."
    doc = ex.extract(text)
    (org,) = doc.organizations
    assert (org.name, org.category, org.aliases) == ("한빛전자", "company", ["한빛"])
    assert [m.text for m in org.mentions] == ["한빛전자", "한빛"]
    (person,) = doc.people
    assert (person.name, person.title) == ("정예린", "대표")
    assert list(ex.extract_many([text])) == [doc]
    clone = pickle.loads(pickle.dumps(ex))
    assert clone.extract(text) == doc


def test_a_title_written_in_the_article_wins() -> None:
    ex = newsfigs.Extractor(people=[JEONG])
    (person,) = ex.extract("정예린 회장은 3억원을 기부했다.").people
    assert person.title == "회장"


ARTICLE = (
    "22일 블룸버그에 따르면 앤트로픽은 기업가치 1700억 달러(약 240조원)를 목표로 "
    "100억 달러(약 14조원)를 조달할 계획이다. 삼성전자 이재용 회장은 3~5%를 언급했다."
)


def test_reprs_are_one_short_line() -> None:
    doc = newsfigs.extract(ARTICLE, REF)
    usd = doc.figures_of("money")[0]
    assert repr(usd) == (
        "Figure(money '1700억 달러' = 170000000000 USD @25:33, equivalent '약 240조원')"
    )
    assert repr(usd.equivalent) == "Figure(money '약 240조원' = ≈240000000000000 KRW @34:41)"
    pct = doc.figures_of("percent")[0]
    assert repr(pct) == f"Figure(percent '3~5%' = 3..5 percent @{pct.start}:{pct.end})"
    assert repr(doc.figures[0]) == "Figure(date '22일' = 2026-03-22 @0:3)"
    assert repr(doc.people[0]) == "Person('이재용', 회장, 삼성전자, 1 mention)"
    assert repr(doc.organizations[0]) == "Organization('블룸버그', media, 1 mention)"
    assert repr(doc) == (
        "Document('22일 블룸버그에 따르면 앤트로픽은 기업가치 1700억 달러(약 240…' "
        f"({len(ARTICLE)} chars), {len(doc.figures)} figures, 1 person, 3 organizations, "
        "reference_date=2026-03-22)"
    )


def test_reprs_stay_short_on_huge_inputs() -> None:
    text = "가" * 100_000
    long = newsfigs.Figure(
        start=0, end=len(text), text=text, kind="count", value=10**30, unit="count"
    )
    person = Person(name=text, title=text, affiliation=text)
    org = Organization(name=text, category="company")
    doc = newsfigs.Document(text=text, figures=[long] * 3, people=[person], organizations=[org])
    assert len(repr(long.model_copy(update={"equivalent": long}))) < 200
    assert len(repr(person)) < 200 and len(repr(org)) < 200
    assert len(repr(doc)) < 400
    assert "\n" not in repr(newsfigs.Document(text="a\nb\n" * 50))


def test_spans_in_text_order_and_figures_of_a_kind() -> None:
    doc = newsfigs.extract(ARTICLE, REF)
    spans = doc.spans()
    assert [s.start for s in spans] == sorted(s.start for s in spans)
    assert [(s.text, s.kind) for s in spans][:4] == [
        ("22일", "date"),
        ("블룸버그", "organization"),
        ("앤트로픽", "organization"),
        ("1700억 달러", "money"),
    ]
    assert len(spans) == len(doc.figures) + sum(
        len(e.mentions) for e in [*doc.people, *doc.organizations]
    )
    for s in spans:
        assert ARTICLE[s.start : s.end] == s.text
    person = next(s for s in spans if s.kind == "person")
    assert person.item is doc.people[0], "a mention leads to its entity"
    assert [f.text for f in doc.figures_of("money")] == [
        "1700억 달러",
        "약 240조원",
        "100억 달러",
        "약 14조원",
    ]
    assert len(doc.figures_of("money", "percent")) == 5
    with pytest.raises(ValueError, match="kinds"):
        doc.figures_of("monye")


def test_a_document_is_not_iterable_by_surprise() -> None:
    doc = newsfigs.extract("3명")
    with pytest.raises(TypeError, match=r"doc\.spans\(\)"):
        iter(doc)
    with pytest.raises(TypeError, match="not iterable"):
        list(doc)
    assert dict(doc.model_dump())["text"] == "3명", "model_dump still works"
    assert newsfigs.Document.model_validate_json(doc.model_dump_json()) == doc
    assert doc.model_copy() == doc
