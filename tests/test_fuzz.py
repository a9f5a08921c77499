"""Property-based fuzzing of ``extract`` on news-like and arbitrary text.

The regular suite runs a short pass. The long run (docs/robustness.md) sets the total number of
examples through the environment, shared evenly by the properties below::

    NEWSFIGS_FUZZ_EXAMPLES=100000 python -m pytest tests/test_fuzz.py -q -p no:randomly

Properties: no exception; every span valid and slicing back to its text; figure values finite
with ``low <= high``; deterministic (a second run, and ``extract_many``, give equal documents);
Unicode variants (NFD, full-width) of news-like text give the same figures.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from tests.strategies import (
    ARBITRARY_TEXT,
    MIXED_TEXT,
    check_document,
    news_text,
    to_full_width,
    to_nfd,
)

import newsfigs

PROPERTIES = 5
TOTAL = int(os.environ.get("NEWSFIGS_FUZZ_EXAMPLES", "0")) or None
EXAMPLES = max(1, TOTAL // PROPERTIES) if TOTAL else 60
"""Examples per property: 60 in the suite (about 300 in all), TOTAL / 5 in a long run."""

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # a shared 2-core machine: timing belongs to benchmarks/, not here
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)


@FUZZ
@given(news_text())
def test_news_like_text(text: str) -> None:
    doc = newsfigs.extract(text)
    check_document(text, doc)


@FUZZ
@given(ARBITRARY_TEXT)
def test_arbitrary_text(text: str) -> None:
    check_document(text, newsfigs.extract(text))


@FUZZ
@given(MIXED_TEXT)
def test_mixed_text_is_deterministic(text: str) -> None:
    first = newsfigs.extract(text)
    check_document(text, first)
    assert newsfigs.extract(text).model_dump() == first.model_dump()


@FUZZ
@given(st.lists(news_text(max_pieces=12), min_size=1, max_size=4))
def test_extract_many_agrees_with_extract(texts: list[str]) -> None:
    many = list(newsfigs.extract_many(texts))
    assert len(many) == len(texts)
    for text, doc in zip(texts, many, strict=True):
        check_document(text, doc)
        assert doc.model_dump() == newsfigs.extract(text).model_dump()


def _figures(doc: newsfigs.Document) -> list[tuple[object, ...]]:
    return [(f.kind, f.value, f.low, f.high, f.unit, f.approximate, f.bound) for f in doc.figures]


@FUZZ
@given(news_text(junk=False), st.sampled_from(["nfd", "full_width"]))
@example("전년은지난해은", "nfd")  # the article stage read the caller's decomposed text
def test_unicode_variants_give_the_same_figures(text: str, form: str) -> None:
    variant = to_nfd(text) if form == "nfd" else to_full_width(text)
    doc = newsfigs.extract(variant)
    check_document(variant, doc)
    if form == "nfd":  # full-width can merge with neighbours (１２ vs "1" + "2"): spans only
        assert _figures(doc) == _figures(newsfigs.extract(text))
