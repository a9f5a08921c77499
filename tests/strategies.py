"""Hypothesis strategies that build news-like Korean text, and the properties every result keeps.

News-like text is assembled from the pieces the recognizers care about (numbers in every
spelling, units, names, titles, particles, brackets, dates, Korean words), glued with spaces,
punctuation and the junk of scraped pages, then optionally rewritten into another Unicode form
(NFD, full-width). Arbitrary text (any code point, lone surrogates included) goes alongside.
"""

from __future__ import annotations

import itertools
import unicodedata
from decimal import Decimal

from hypothesis import strategies as st

from newsfigs import Document, Figure


def _words(spec: str) -> list[str]:
    """Whitespace-separated words; ``_`` stands for a space inside one, a lone ``_`` for ""."""
    return ["" if w == "_" else w.replace("_", " ") for w in spec.split()]


DIGITS = st.integers(min_value=0, max_value=10**12).map(str)
COMMA_NUMBERS = st.integers(min_value=1000, max_value=10**13).map(lambda n: f"{n:,}")
DECIMALS = st.tuples(
    st.integers(min_value=0, max_value=9999), st.integers(min_value=0, max_value=999)
).map(lambda t: f"{t[0]}.{t[1]}")
KOREAN_NUMBERS = st.sampled_from(
    _words(
        """3억 1700억 4조9000억 240조 1만2000 수십 수백억 십 백 천만 2천 일곱 세 두 한 첫 0.5
        1/3 3분의1 억 조 만"""
    )
)
NUMBERS = st.one_of(DIGITS, COMMA_NUMBERS, DECIMALS, KOREAN_NUMBERS)
UNITS = st.sampled_from(
    _words(
        """원 달러 억원 조원 만원 유로 엔 위안 % %p 퍼센트 포인트 GW MW kW GWh MWh 기가와트
        메가와트시 ㎾ ㎿ ㎡ ㎞ km m t 톤 kg ℃ 도 명 개 대 곳 건 배 위 번째 년 월 일 시 분 개월
        주 세 살 GB TB 배럴 평 가구"""
    )
)
QUALIFIERS = st.sampled_from(
    [
        "약 ",
        "여",
        "가량",
        " 이상",
        " 이하",
        " 미만",
        " 초과",
        " 안팎",
        " 정도",
        "최대 ",
        "~",
        "-",
        "∼",
        "에서 ",
        "까지",
    ]
)
NAMES = st.sampled_from(
    _words(
        """홍길동 정예린 김철수 박 이재용 알렉세이_리하체프 삼성전자 한국전력 에너테크 블룸버그
        앤트로픽 SK하이닉스 현대차 로사톰 국제에너지기구 에너지정보청(EIA) 서울대 더불어민주당
        연합뉴스 LG에너지솔루션 GIC QIA"""
    )
)
TITLES = st.sampled_from(_words("""대표 사장 회장 기자 장관 대통령 교수 CEO 씨 의원 연구원"""))
PARTICLES = st.sampled_from(
    _words("""은 는 이 가 을 를 의 에 에서 로 으로 와 과 도 만 까지 부터 보다 이다 였다 _""")
)
WORDS = st.sampled_from(
    _words(
        """매출 투자 발전 용량 기업가치 조달 계획 증가 감소 전년 대비 지난해 올해
        내년 오는 지난 상반기 분기 오후 새벽 영업이익 금리 인상 기록했다
        밝혔다 전망이다 따르면 (이하 에너지 주가"""
    )
)
PUNCT = st.sampled_from(
    [
        " ",
        " ",
        " ",
        ". ",
        ", ",
        "·",
        "\n",
        "\n\n",
        "(",
        ")",
        "[",
        "]",
        "「",
        "」",
        "“",
        "”",
        "'",
        '"',
        "…",
        "/",
        ":",
        " = ",
        "~",
    ]
)
JUNK = st.sampled_from(
    [
        "\u200b",
        "\u200d",
        "\ufeff",
        "\x00",
        "\x07",
        "\x1b[0m",
        "\t",
        "\r\n",
        "\xa0",
        "\u3000",
        "&nbsp;",
        "&amp;",
        "&#37;",
        "&lt;b&gt;",
        "&#xFF11;",
        "&bogus;",
        "👍🏽",
        "🚀",
        "👨‍👩‍👧",
        "Москва",
        "東京",
        "مرحبا",
        "\u0301",
        "\ud800",
        "\udfff",
        "ㅋㅋ",
        "①",
        "²",
        "㈜",
    ]
)

FULL_WIDTH = {c: chr(ord(c) + 0xFEE0) for c in "0123456789%.,~()ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
FULL_WIDTH.update({c: chr(ord(c) + 0xFEE0) for c in "abcdefghijklmnopqrstuvwxyz"})


def to_full_width(text: str) -> str:
    """ASCII digits, letters and some punctuation as their full-width forms (３ＧＷｈ)."""
    return "".join(FULL_WIDTH.get(c, c) for c in text)


def to_nfd(text: str) -> str:
    """Decomposed Hangul, as text copied from macOS arrives."""
    return unicodedata.normalize("NFD", text)


@st.composite
def figure_phrases(draw: st.DrawFn) -> str:
    """A number with a unit, sometimes a qualifier, a range or a parenthetical equivalent."""
    out = draw(NUMBERS) + draw(st.sampled_from(["", " "])) + draw(UNITS)
    if draw(st.booleans()):
        q = draw(QUALIFIERS)
        out = q + out if q.endswith(" ") else out + q
    if draw(st.integers(0, 5)) == 0:
        out = draw(NUMBERS) + "~" + out
    if draw(st.integers(0, 5)) == 0:
        out += "(약 " + draw(NUMBERS) + draw(UNITS) + ")"
    return out


@st.composite
def entity_phrases(draw: st.DrawFn) -> str:
    """A name, perhaps with an affiliation before it and a title after it."""
    parts = [draw(NAMES)]
    if draw(st.booleans()):
        parts.insert(0, draw(NAMES))
    if draw(st.booleans()):
        parts.append(draw(TITLES))
    return " ".join(parts)


PIECES = st.one_of(
    figure_phrases(),
    entity_phrases(),
    st.tuples(WORDS, PARTICLES).map("".join),
    PUNCT,
    st.tuples(NAMES, PARTICLES).map("".join),
)


@st.composite
def news_text(draw: st.DrawFn, max_pieces: int = 30, junk: bool = True) -> str:
    """News-like text: figures, names, words, particles and punctuation, with scraped junk."""
    pieces = draw(st.lists(PIECES, max_size=max_pieces))
    if junk and pieces and draw(st.booleans()):
        for _ in range(draw(st.integers(1, 4))):
            pieces.insert(draw(st.integers(0, len(pieces))), draw(JUNK))
    text = ""
    for p in pieces:
        glue = draw(st.sampled_from(["", " ", " ", " ", ". "]))
        text += glue + p
    return text


def transformed(text: str, form: str) -> str:
    """``text`` rewritten into another Unicode form: "nfd", "full_width" or "nfc" (as is)."""
    if form == "nfd":
        return to_nfd(text)
    if form == "full_width":
        return to_full_width(text)
    return text


ANY_CHAR = st.characters(exclude_categories=())
"""Every code point, lone surrogates and controls included."""
ARBITRARY_TEXT = st.text(ANY_CHAR, max_size=200)
MIXED_TEXT = st.lists(st.one_of(news_text(max_pieces=8), ARBITRARY_TEXT), max_size=4).map("".join)


def _figure_ok(original: str, f: Figure) -> None:
    assert 0 <= f.start <= f.end <= len(original), f
    assert original[f.start : f.end] == f.text, f
    for v in (f.value, f.low, f.high, *(f.terms or ())):
        assert v is None or (isinstance(v, Decimal) and v.is_finite()), f
    if f.kind == "ratio":  # 12대1, 3-2: both terms, no value (docs/figures.md, "Ratios")
        assert f.terms is not None and len(f.terms) >= 2 and f.value is None, f
    else:
        assert f.value is not None or f.kind in ("date", "time") or (f.low is not None), f
    if f.low is not None and f.high is not None:
        assert f.low <= f.high, f
    if f.equivalent is not None:
        _figure_ok(original, f.equivalent)


def check_document(original: str, doc: Document) -> None:
    """The properties of every result: spans valid and slicing back, values finite, ordered."""
    assert doc.text == original
    for f in doc.figures:
        _figure_ok(original, f)
    starts = [(f.start, f.end) for f in doc.figures]
    assert starts == sorted(starts), "figures in text order"
    for a, b in itertools.pairwise(starts):
        assert a[1] <= b[0], f"overlapping figures {a} {b}"
    for mentions in [*(p.mentions for p in doc.people), *(o.mentions for o in doc.organizations)]:
        assert mentions, doc
        for m in mentions:
            assert 0 <= m.start < m.end <= len(original), m
            assert original[m.start : m.end] == m.text, m
    _views_ok(doc)


def _views_ok(doc: Document) -> None:
    """Every view works on every result: a new field or kind must reach them all."""
    assert len(repr(doc)) < 400 and "\n" not in repr(doc)
    for item in [*doc.figures, *doc.people, *doc.organizations]:
        assert len(repr(item)) < 200 and "\n" not in repr(item), item
    rows = doc.to_records()
    assert len(rows) == len(doc.spans())
    assert doc._repr_html_()
