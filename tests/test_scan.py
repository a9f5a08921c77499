"""``core.scan.Alternation`` finds exactly what the joined alternation finds, only faster."""

from __future__ import annotations

from collections.abc import Iterable

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfigs.core.scan import Alternation
from newsfigs.dates.find_dates import date_words

PIECES = st.sampled_from(
    [
        "0",
        "1",
        "2",
        "3",
        "4",
        "12",
        "2025",
        "2026",
        "년",
        "월",
        "일",
        "시",
        "분",
        "초",
        "분기",
        "주",
        "오전",
        "오후",
        "지난",
        "올해",
        "이날",
        "내일",
        "추석",
        "설",
        "연휴",
        "이천이십삼",
        "유월",
        "십",
        "네",
        "사십오",
        "세기",
        "학년도",
        "Q",
        "3Q25",
        "1·4",
        "3/4",
        ":",
        ".",
        "-",
        "/",
        "~",
        "∼",
        "부터",
        "까지",
        "전",
        "후",
        "뒤",
        "a.m.",
        "pm",
        "현지시간",
        "(",
        ")",
        "가",
        "나",
        "의",
        "에",
        "는",
        "을",
        "이",
        "삼",
        "반",
        "여",
    ]
)
TEXTS = st.lists(st.tuples(PIECES, st.sampled_from(["", " ", ", "])), max_size=25).map(
    lambda ps: "".join(p + sep for p, sep in ps)
)


def _found(matches: Iterable[regex.Match[str]]) -> list[tuple[object, ...]]:
    """Span, branch and the groups that matched (a branch's own match lacks the others')."""
    return [
        (m.span(), m.lastgroup, {k: v for k, v in m.groupdict().items() if v is not None})
        for m in matches
    ]


def _joined(scan: Alternation) -> regex.Pattern[str]:
    return regex.compile("|".join(b.pattern for b in scan._branches))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_the_dates_atoms_match_the_joined_pattern(text: str) -> None:
    scan = date_words().atoms
    assert _found(scan.finditer(text)) == _found(_joined(scan).finditer(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab1 .-", max_size=30))
def test_overlapping_branches_keep_the_alternation_order(text: str) -> None:
    branches = [r"a+b", r"(?<=1)a", r"a\.?1", r"b-a", r"1 ?a+"]
    scan = Alternation(branches)
    assert _found(scan.finditer(text)) == _found(_joined(scan).finditer(text))


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_match_at_a_position_is_the_joined_patterns(text: str) -> None:
    scan = date_words().atoms
    joined = _joined(scan)
    for pos in range(0, len(text), 3):
        assert _found([m for m in [scan.match(text, pos)] if m]) == _found(
            [m for m in [joined.match(text, pos)] if m]
        )
