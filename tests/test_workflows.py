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
