"""Issue 12, round 3: what the corpus rows cannot state (a field that must be absent, the
stage sizes, a rate's period word) in named lists."""

from __future__ import annotations

from decimal import Decimal

import pytest

import newsfigs
from newsfigs.models import Figure


def _figures(text: str) -> list[Figure]:
    return [f for f in newsfigs.extract(text).figures if f.kind not in ("date", "time")]


def _one(text: str, span: str) -> Figure:
    found = [f for f in _figures(text) if f.text == span]
    assert len(found) == 1, (text, [f.text for f in _figures(text)])
    return found[0]


# a framing word before a count is not what is counted
UNCOUNTED = [
    ("손흥민은 이번 시즌 10골을 넣었다.", "10골"),
    ("그는 리그 통산 200골을 기록했다.", "200골"),
    ("누적 300건이 접수됐다.", "300건"),
]


@pytest.mark.parametrize(("text", "span"), UNCOUNTED)
def test_framing_word_is_not_counted(text: str, span: str) -> None:
    assert _one(text, span).counted is None


STAGES = [("16강 진출", 16), ("8강전에서", 8), ("32강에서 탈락", 32), ("4강 플레이오프", 4)]
NO_STAGES = ["주변 4강 외교", "3강 구도", "12강 진출", "16강 후보", "주변 4강 전략"]


@pytest.mark.parametrize(("text", "size"), STAGES)
def test_stage_is_an_ordinal_of_its_size(text: str, size: int) -> None:
    (fig,) = _figures(text)
    assert (fig.kind, fig.value, fig.classifier) == ("ordinal", Decimal(size), "강")


@pytest.mark.parametrize("text", NO_STAGES)
def test_no_stage(text: str) -> None:
    assert not [f for f in _figures(text) if f.classifier == "강"]


RACE_TIMES = [
    ("100m를 9초58에 달렸다.", "9초58", "9.58"),
    ("기록은 1분45초28이었다.", "1분45초28", "105.28"),
    ("그는 44분26초42에 주파했다.", "44분26초42", "2666.42"),
]


@pytest.mark.parametrize(("text", "span", "seconds"), RACE_TIMES)
def test_race_time_keeps_hundredths(text: str, span: str, seconds: str) -> None:
    fig = _one(text, span)
    assert (fig.kind, fig.unit, fig.value) == ("duration", "second", Decimal(seconds))


# a length of time after a period word is a rate only when it fits in one period and no cue
# or date role follows
NOT_RATES = [
    ("하루 3시간 만에 끝났다.", "3시간 만에"),
    ("주 2주 연속 상승", "2주 연속"),
]


@pytest.mark.parametrize(("text", "span"), NOT_RATES)
def test_length_with_a_cue_is_no_rate(text: str, span: str) -> None:
    assert _one(text, span).per is None


@pytest.mark.parametrize(
    "text", ["개성공단 임금은 매달 10일부터 지급된다.", "연 3일 폭염이 이어졌다."]
)
def test_days_after_a_month_or_running_are_no_rate(text: str) -> None:
    assert not [f for f in _figures(text) if f.kind == "duration"]


# 주 and 1일 after a noun, a number or a modifier are the week or the day of a date
@pytest.mark.parametrize(
    ("text", "span"), [("이번 주 3회 공연한다.", "3회"), ("3월 1일 2회 공연한다.", "2회")]
)
def test_week_or_day_of_a_date_is_no_period(text: str, span: str) -> None:
    assert _one(text, span).per is None


# a predicate that is no change of the figure: a comparison, or a verb of playing
NO_DIRECTION = [
    ("올해 집값은 지난해보다 3% 낮은 수준이다.", "3%"),
    ("해외파 5명이 뛰고 있다.", "5명"),
]


@pytest.mark.parametrize(("text", "span"), NO_DIRECTION)
def test_no_direction(text: str, span: str) -> None:
    assert _one(text, span).direction is None
