"""dates.tense: the tense of the predicate after a bare day, read on kiwipiepy's morphemes."""

from __future__ import annotations

import pytest

from newsfigs.api import default_extractor
from newsfigs.dates.tense import tense_after

# (sentence, the day after which the tense is read, expected)
TENSES = [
    ("삼성전자는 31일 실적을 발표했다.", "31일", "past"),
    ("회사는 31일 발표했고 주가는 올랐다.", "31일", "past"),
    ("14일 열린 회의에서 결정됐다.", "14일", "past"),
    ("5일 발표된 자료에 따르면 늘어날 전망이다.", "5일", "past"),
    ("대표팀은 14일 볼리비아, 18일 가나와 평가전을 치른다.", "14일", "future"),
    ("대표팀은 14일 볼리비아, 18일 가나와 평가전을 치른다.", "18일", "future"),
    ("축제는 12일 개막한다.", "12일", "future"),
    ("회의는 20일 열릴 예정이다.", "20일", "future"),
    ("정부는 15일 대책을 내놓겠다는 입장이다.", "15일", "future"),
    ("그는 3일 “협상을 재개하겠다”고 밝혔다.", "3일", "past"),
    ("그는 3일 협상을 재개하겠다고 밝혔다.", "3일", "past"),
    ("10일 출범한 위원회는 일을 맡는다.", "10일", "past"),
    ("2일 오후 시민들이 우산을 쓰고 걷고 있다.", "2일", None),
    ("7일 방한하는 총리는 회담을 한다.", "7일", None),
    ("5일 기준 잔액은 3조원이다.", "5일", None),
    ("가격은 3일 큰 폭으로 올랐다.", "3일", "past"),
    ("3일 오전.", "3일", None),
]


# an adnominal's tense against the clause's own verb
ADNOMINALS = [
    ("11일 회담에 나올 대표단 명단을 교환했다.", "11일", None),
    ("14일 개막한 영화제는 20일까지 계속됐다.", "14일", "past"),
    ("20일 열릴 회의에 장관이 참석하겠다고 밝혔다.", "20일", None),
]

# verbs that tie nouns like a particle: 에 대한 is no event; 에 따르면 cites a source, whose
# content says nothing of the day
TIED = [
    ("평가원은 17일까지 정답에 대한 이의신청을 받고 24일 정답을 발표한다.", "17일", "future"),
    ("25일 국토교통부에 따르면 아시아나항공은 운항정지 처분을 받을 수 있다.", "25일", None),
]


@pytest.mark.parametrize(("text", "day", "expected"), TENSES + ADNOMINALS + TIED)
def test_tense_after_a_bare_day(text: str, day: str, expected: str | None) -> None:
    analyzer = default_extractor().analyzer
    (part,) = analyzer.analyse_one(text)
    a = part.analysed
    assert tense_after(a, a.text.index(day) + len(day)) == expected
