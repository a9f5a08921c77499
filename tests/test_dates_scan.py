"""``dates.date_scan``: the gated atom scan finds exactly what the joined alternation finds.

The gates skip a branch in a text that lacks what it needs, some branches run on the standard
library's engine, words are grouped by first character and a ``?+`` is written for ``re``:
each is meant to change only the speed, so the scan is compared with one ``regex`` pattern of
all its branches, on texts built from the pieces the gates and rewrites are about.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfigs.core.scan import Alternation
from newsfigs.dates import article_dates, date_numbers, find_dates
from newsfigs.dates.date_lexicon import _native, _native_pairs
from newsfigs.dates.date_numbers import _cues, _direction
from newsfigs.dates.date_scan import (
    NOT_AFTER_HANGUL,
    Branch,
    GatedScan,
    grouped,
    grouped_words,
    small,
)
from newsfigs.dates.find_dates import date_words

PIECES = st.sampled_from(
    [
        *"0123456789",
        "12",
        "2025",
        "2026",
        *"년월일시분주해달",
        "분기",
        "시간",
        "개월",
        "주일",
        "세기",
        "학년도",
        "시즌",
        "Q",
        "3Q25",
        "4분기",
        ":",
        ".",
        "-",
        "/",
        "~",
        "(",
        ")",
        "pm",
        "A.M.",
        "추석",
        "설",
        "설날",
        "연휴",
        "명절",
        "8·15 광복절",
        "크리스마스 이브",
        "이틀",
        "하루",
        "일주일",
        "보름",
        *["열", "열일곱", "일곱", "스무", "스물", "여든", "여덟", "여섯", "한", "하나", "두", "셋"],
        *["서른", "서", "석", "넉", "너", "일흔", "첫"],
        "이천이십삼",
        "유월",
        "사십오",
        "지난",
        "지난해 같은 기간",
        "올해",
        "올",
        "오후",
        "이날",
        "내일",
        "가",
        "나",
        "의",
        "는",
        "A",
        "x",
    ]
)
TEXTS = st.lists(st.tuples(PIECES, st.sampled_from(["", " ", ", "])), max_size=20).map(
    lambda ps: "".join(p + sep for p, sep in ps)
)


def _found(matches: Iterable[Any]) -> list[tuple[object, ...]]:
    return [
        (m.span(), m.lastgroup, {k: v for k, v in m.groupdict().items() if v is not None})
        for m in matches
    ]


def _alternation() -> Alternation:
    """The scan's branches, ungated, each compiled by ``regex``: the scan before the gates."""
    return Alternation([b.pattern for b in date_words().atoms._branches])


def _joined() -> regex.Pattern[str]:
    return regex.compile("|".join(b.pattern for b in date_words().atoms._branches))


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_the_gated_scan_is_the_alternation(text: str) -> None:
    found = _found(date_words().atoms.finditer(text))
    assert found == _found(_alternation().finditer(text))
    # the joined pattern names a match by its last group of a duplicated name (ylabel's ly)
    assert [f[0] for f in found] == [m.span() for m in _joined().finditer(text)]


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_native_counts_read_as_the_possessive_pattern(text: str) -> None:
    """``_native_pairs`` grouped (``re``, no ``?+``) finds what ``_native`` finds."""
    old = regex.compile(rf"(?<![가-힣])(?:{_native()})")
    new = re.compile(grouped(_native_pairs(), NOT_AFTER_HANGUL))
    assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]


SENTENCES = [
    "열일곱X 두 달 전",  # a ones word after 열 is kept, as ?+ keeps it: no 열일 (ten days)
    "열일곱 시간 뒤에 만나",
    "스무하루 전",
    "서른세 해 전에",
    "추석 연휴에 고향에",
    "a추석, 가추석 3추석",  # no Hangul syllable before a word; a digit or a Latin letter may be
    "이틀 뒤 1세기 2027학년도 3Q25 10:30 a.m. 4pm 15:30",
    "〈반칙왕〉(2000) 2015시즌 2025∼2026 시즌 3·4분기 2026-03-22",
    "이천이십삼년 유월 십일 오후 네 시 사십오분",
    "지난해 같은 기간보다 올 상반기 매출이",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_the_gated_scan_on_sentences(text: str) -> None:
    found = _found(date_words().atoms.finditer(text))
    assert found == _found(_alternation().finditer(text))


def test_a_ones_word_after_ten_is_never_given_back() -> None:
    found = [m.group() for m in date_words().atoms.finditer("열일곱X 열일곱 시간 전")]
    assert found == ["열일곱 시간"]


def test_a_gate_skips_only_a_branch_that_cannot_match() -> None:
    scan = GatedScan([Branch(r"(?P<a>\d+세기)", digit=True, needs=("세기",)), Branch(r"(?P<b>x)")])
    assert [m.group() for m in scan.finditer("21세기 x 3세")] == ["21세기", "x"]
    assert [m.group() for m in scan.finditer("세기 x")] == ["x"]


def test_grouping_keeps_the_order_of_the_words() -> None:
    words = ["지난해 같은 기간", "지난해", "지난", "오는", "올"]
    plain = regex.compile("|".join(regex.escape(w).replace(r"\ ", r"\x20?") for w in words))
    one = regex.compile(grouped((w, "") for w in words))
    for text in ("지난해같은 기간", "지난해 같은", "지난주", "올해 오는", "지"):
        assert [m.span() for m in one.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert grouped_words(["ab", "a", "abc"]) == "a(?:bc|b|)"


def _small_patterns() -> list[tuple[str, object]]:
    """Every pattern of the date stage tried at one place, as ``date_scan.small`` compiled it."""
    lex = date_words()
    found: list[tuple[str, object]] = [
        (f.name, getattr(lex, f.name))
        for f in dataclasses.fields(lex)
        if hasattr(getattr(lex, f.name), "fullmatch")
    ]
    cues = _cues()
    found += [("after", cues.after), ("before", cues.before), ("direction", _direction())]
    found += [(n, getattr(date_numbers, n)) for n in ("_HALF", "_MONTHS", "_YEO", "_ISANG")]
    found += [("_RANGE", find_dates._RANGE), ("_HALF_HOUR", find_dates._HALF_HOUR)]
    found += [("_FRAME", article_dates._FRAME), ("_CLAUSE_BREAK", article_dates._CLAUSE_BREAK)]
    return found


def test_small_leaves_to_regex_what_re_may_read_otherwise() -> None:
    assert isinstance(small(r"\d+일"), regex.Pattern)  # Unicode digits: regex's own table
    assert isinstance(small(r"\x20?\d{1,3}+회"), regex.Pattern)  # possessive: Python 3.11 re
    assert isinstance(small(r"(?P<w>a)|(?P<w>b)"), regex.Pattern)  # re refuses the name twice
    assert isinstance(small(r"\x20?(?:이동평균|평균)"), re.Pattern)
    kinds = {name: isinstance(p, re.Pattern) for name, p in _small_patterns()}
    assert kinds["not_day"] and kinds["zone_before"] and kinds["after"] and kinds["direction"]
    assert not kinds["per_day"] and not kinds["before"] and not kinds["_MONTHS"]


NEAR_WORDS = [
    "이상",
    "동안",
    "만에",
    "부터",
    "까지",
    "마다",
    "전후",
    "무렵",
    "현지시간",
    "한국 시각",
]
NEAR_WORDS += ["(월)", "(화요일)", "초순", "말", "매주", "약", "지난", "오는", "그로부터", "평균"]
NEAR_WORDS += ["이동평균", "현재", "에는", "는", "전", "후", "뒤"]
NEAR = st.lists(
    st.sampled_from([*"0123 ()~-–∼.,\n가여반간째내안치분선께경쯤", *NEAR_WORDS]), max_size=10
).map("".join)


@settings(max_examples=300, deadline=None)
@given(NEAR)
def test_patterns_on_re_match_as_on_regex(text: str) -> None:
    """``match`` at every position and ``search`` up to every position (how the date stage
    calls them) find the same spans and groups on both engines."""
    for name, p in _small_patterns():
        if not isinstance(p, re.Pattern):
            continue
        twin = regex.compile(p.pattern)
        for i in range(len(text) + 1):
            lo = max(0, i - 12)
            pairs = (
                (p.match(text, i), twin.match(text, i)),
                (p.search(text, lo, i), twin.search(text, lo, i)),
            )
            for m, n in pairs:
                got = None if m is None else (m.span(), m.groupdict())
                assert got == (None if n is None else (n.span(), n.groupdict())), (name, i)
