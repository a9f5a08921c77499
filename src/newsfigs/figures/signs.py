"""What changes a figure's sign, direction or period: a minus before it, a verb after it, a
rate word before it (docs/figures.md, "Signs and directions" and "Rates").

A lost minus is the worst error a figure can have, so a sign mark is read wherever it is
unambiguous; where it may be a list bullet (``△`` opens items of Korean lists) the recognizer
is told so and drops the figure rather than guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import regex

from newsfigs.core.analyzer import Analysed, Tok
from newsfigs.core.resources import read_rows, resource
from newsfigs.core.scan import literal_alternation
from newsfigs.figures.figure_patterns import EndAnchored
from newsfigs.models import Direction, Period

_MINUS_CHARS = frozenset("-−")
# what may stand before a glued minus: the minus of ``KF-21``, ``1-2``, ``가-3`` is no sign
_BEFORE_MINUS = frozenset(" \t\n([{:=,/·'\"‘“")
_PARTICLES = frozenset({"JKS", "JKO"})  # 3%가 줄었다, 1조원을 늘렸다 (not 로: 5%로 하락 is a level)
# what makes 주 or 1일 the week or day of something rather than a period (이번 주, 3월 1일)
_MODIFYING_TAGS = frozenset({"NNG", "NNP", "NNB", "NR", "SN", "MM", "ETM", "SL", "MAG"})
_STEM_TAGS = frozenset({"NNG", "VV", "XR", "VA"})
_BECOME_LINK, _BECOME = frozenset({"어", "아"}), "지"  # 낮아지다: 낮/VA 아/EC 지/VX
_PREDICATE_AFTER = frozenset({"XSV", "SF", "SP"})  # 감소했다, 감소됐다, 하락. 하락,
_GLUED_AFTER_NOUN = frozenset({"NNG", "NNP", "XSN"})  # 증가율, 감소분: a noun, not the predicate
PER = "당"  # 시간당, 리터당: a rate word that may stand before the noun of the thing rated
RATE_GAP = 24  # how far before the number such a word and that noun may begin
_GAP_TAGS = frozenset({"NNG", "NNP", "XSN", "XPN", "JKS", "JX", "JKG"})  # 최저임금은, 평균 분양가는


@dataclass(frozen=True)
class SignTables:
    """The sign marks, direction words and rate words, with their patterns."""

    marks: dict[str, tuple[int, Direction | None]]
    mark_before: EndAnchored  # searched with endpos = the number's start
    bullet: regex.Pattern[str]  # a table mark before a word: the text uses it as a bullet
    up: regex.Pattern[str]  # an increase mark before a digit
    down: regex.Pattern[str]  # a decrease mark before a digit
    directions: dict[str, Direction]
    rates: dict[str, tuple[str, str]]  # word (spaces removed) → (per, makes)
    rate_before: EndAnchored
    # a …당 rate word, then the noun phrase of the thing rated (시간당 최저임금은 9860원)
    rate_gap: regex.Pattern[str]


@resource
def sign_tables() -> SignTables:
    """Build the tables (once per process)."""
    marks: dict[str, tuple[int, Direction | None]] = {
        mark: (int(sign), None if direction == "-" else cast(Direction, direction))
        for mark, sign, direction in read_rows("figures/sign_marks.tsv")
    }
    glued = [m for m in marks if m in _MINUS_CHARS]
    table = [m for m in marks if len(m) == 1 and m not in _MINUS_CHARS]
    words = [m for m in marks if len(m) > 1]
    rates = {row[0]: (row[1], row[2]) for row in read_rows("figures/rate_words.tsv")}
    rate_alt = "|".join(
        r"\x20?+".join(regex.escape(part) for part in w.split(" "))
        for w in sorted(rates, key=lambda w: (-len(w), w))
    )
    per_words = [w for w in rates if w.endswith(PER)]  # 시간당, 리터당
    rising = literal_alternation(m for m in table if marks[m][0] > 0)
    falling = literal_alternation(m for m in table if marks[m][0] < 0)
    return SignTables(
        marks=marks,
        mark_before=EndAnchored(
            rf"(?:(?P<m>{literal_alternation(glued)})|(?P<m>{literal_alternation(table)})\x20?+"
            rf"|(?<![가-힣])(?P<m>{literal_alternation(words)})\x20?+)\Z",
            marks,
        ),
        bullet=regex.compile(rf"(?:{literal_alternation(table)})\x20?+[가-힣A-Za-z]"),
        up=regex.compile(rf"(?:{rising})\x20?+\d"),
        down=regex.compile(rf"(?:{falling})\x20?+\d"),
        directions={w: cast(Direction, d) for w, d in read_rows("figures/direction_words.tsv")},
        rates={w.replace(" ", ""): v for w, v in rates.items()},
        rate_before=EndAnchored(rf"(?<![0-9A-Za-z가-힣])(?P<w>{rate_alt})\x20?+\Z", rates),
        rate_gap=regex.compile(
            rf"(?<![0-9A-Za-z가-힣])(?P<w>{literal_alternation(per_words)})"
            r"\x20(?P<gap>(?:[가-힣]{1,8}+\x20){1,2}+)\Z"
        ),
    )


@dataclass(frozen=True)
class Sign:
    """A sign mark before a number: where it starts, its sign and the direction it says.

    A minus or 마이너스 is always a sign. A table mark (△ ▽ ▼ ▲) is also a list bullet in
    Korean news (``△59㎡ 84가구 △84㎡ 123가구``), so the recognizer weighs ``table``,
    ``bullets`` (the text puts such a mark before a word) and ``paired`` (the text marks both
    rises and falls, or the mark opens a parenthesis: a table of changes) with the kind.
    """

    start: int
    sign: int
    direction: Direction | None
    table: bool
    bullets: bool = False
    paired: bool = False


def sign_before(a: Analysed, start: int) -> Sign | None:
    """The sign mark written right before the number at ``start``, if any."""
    if start == 0:
        return None
    S = sign_tables()
    t = a.text
    m = S.mark_before.search(t, max(0, start - 10), start)  # 마이너스(-) 1.2%
    if m is None:
        return None
    mark = m.group("m")
    s = m.start("m")
    if mark in _MINUS_CHARS and s > 0 and t[s - 1] not in _BEFORE_MINUS:
        return None  # KF-21, A-380, 1-2, 3~-: a code or a range, not a sign
    if len(mark) > 1 and s not in a.starts:
        return None
    sign, direction = S.marks[mark]
    if len(mark) > 1 or mark in _MINUS_CHARS:
        return Sign(s, sign, direction, table=False)
    bullets = S.bullet.search(t) is not None  # △청년 지원 △5억원 투입
    paired = (s > 0 and t[s - 1] == "(") or (
        S.up.search(t) is not None and S.down.search(t) is not None
    )
    return Sign(s, sign, direction, table=True, bullets=bullets, paired=paired)


# a table mark reads as a sign by itself before these (수출 △5.1%); before money and counts only
# in a table of changes (both ▲ and △ before numbers, or a parenthesis: (△320억원))
_RATE_KINDS = frozenset({"percent", "percentage_point"})
_CHANGE_KINDS = frozenset({"percent", "percentage_point", "money", "count"})


def weigh_mark(sign: Sign, kind: str, money_noun: bool) -> tuple[bool, Sign | None]:
    """``(keep the figure, the sign it keeps)`` for a table mark (△ ▲) before a figure of
    ``kind``; ``money_noun``: a money noun stands right before (``영업이익은 △320억원``)."""
    if not sign.bullets and not sign.paired and kind not in _RATE_KINDS:
        # △59㎡ 84가구, ▲5억원 지원: a bullet before a size or an amount is no sign; a lone
        # △5억원 is a fall or a bullet: unsure, so no figure
        if sign.sign < 0 and kind == "money" and money_noun:
            pass  # 영업이익은 △320억원: the amount of a money noun, so a minus (a loss)
        elif sign.sign < 0 and kind in _CHANGE_KINDS:
            return False, None
        else:
            return True, None
    if sign.bullets:
        return sign.sign > 0, None  # the text uses the mark as a bullet: a minus is unsure
    return True, sign


def direction_after(a: Analysed, end: int) -> Direction | None:
    """``3.2% 감소``, ``1조원 늘어``, ``3%가 줄었다``: the predicate right after the figure.

    The figure may carry the subject or object particle (이/가/을/를), never 로 (``5%로
    하락`` names the level reached, not the change). A noun that continues into another noun
    (``증가율``) is no predicate.
    """
    S = sign_tables()
    toks = a.tokens_in(end, end + 12)
    i = 0
    if i < len(toks) and toks[i].start == end and toks[i].tag in _PARTICLES:
        i += 1
    if i >= len(toks):
        return None
    tok = toks[i]
    gap = a.text[(toks[i - 1].end if i else end) : tok.start]
    if gap not in ("", " ") or tok.tag not in _STEM_TAGS:
        return None
    direction = S.directions.get(tok.form)
    if direction is None:
        return None
    if tok.tag == "VA":  # 낮아지다, 높아지다: the adjective only as a change (3% 낮은 compares)
        link = toks[i + 1 : i + 3]
        if len(link) < 2 or link[0].form not in _BECOME_LINK or link[1].form != _BECOME:
            return None
    if tok.tag != "VV" and i + 1 < len(toks):
        nxt = toks[i + 1]
        if nxt.start == tok.end and nxt.tag in _GLUED_AFTER_NOUN:
            return None
    if i and tok.tag == "NNG" and not _predicate_noun(toks, i):
        return None  # 5명이 인하에 찬성했다: the subject of another verb, not of the change
    return direction


def _predicate_noun(toks: Sequence[Tok], i: int) -> bool:
    """After a subject or object particle, a change noun is the predicate only with 하다/되다
    glued to it (``1조원이 감소됐다``) or at a clause end (``3%가 하락, …``)."""
    if i + 1 >= len(toks):
        return True
    nxt = toks[i + 1]
    return nxt.start == toks[i].end and nxt.tag in _PREDICATE_AFTER


@dataclass(frozen=True)
class Rate:
    """A rate word before a figure: its span, the period and what it makes of the figure."""

    start: int
    end: int
    per: str
    makes: str  # per | speed | fuel_economy


def rate_before(a: Analysed, start: int, gap: bool = False) -> Rate | None:
    """The rate word before ``start``: ``연 4.5%``, ``월 150만원``, ``시속 80km``, ``ℓ당 13.5km``;
    with ``gap``, only a ``…당`` word before a noun phrase (``시간당 최저임금은 9860원``)."""
    S = sign_tables()
    if not gap:
        m = S.rate_before.search(a.text, max(0, start - 8), start)
    elif PER not in a.text[max(0, start - RATE_GAP) : start]:
        return None
    else:  # 시간당 최저임금은 9860원: only the gap (the caller tried the plain word)
        m = S.rate_gap.search(a.text, max(0, start - RATE_GAP), start)
        if m is not None and not _noun_phrase(a, m.start("gap"), m.end("gap")):
            m = None
    if m is None or m.start("w") not in a.starts:
        return None
    per, makes = S.rates[m.group("w").replace(" ", "")]
    if makes == "times" and _after_a_noun(a, m.start("w")):
        return None  # 다음 주 2일, 3월 1일 2회: the week or the day of a date, no period
    return Rate(m.start("w"), m.end("w"), per, makes)


def _noun_phrase(a: Analysed, start: int, end: int) -> bool:
    """Nouns and their particles only (``최저임금은``, ``평균 분양가는``): no verb, no number."""
    return all(tok.tag in _GAP_TAGS for tok in a.tokens_in(start, end) if tok.end <= end)


def _after_a_noun(a: Analysed, start: int) -> bool:
    """The word before ``start`` is a noun, a number or a modifier (``이번 주``, ``3월 1일``)."""
    toks = a.tokens_in(max(0, start - 6), start)
    before = [tok for tok in toks if tok.end <= start]
    return bool(before) and before[-1].tag in _MODIFYING_TAGS


def as_period(per: str) -> Period | None:
    """A rate's period as the model's ``per`` (speeds and fuel economy carry it in the unit)."""
    periods: tuple[str, ...] = Period.__args__  # type: ignore[attr-defined]
    return cast(Period, per) if per in periods else None
