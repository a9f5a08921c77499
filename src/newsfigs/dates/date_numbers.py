"""What follows a number with a date unit: relative offsets, and 이상 after a year.

A number of days, weeks, months, quarters or years (the units with an offset in
``data/shared/time_units.tsv``) followed by ``전``/``후``/``뒤`` is a date counted from the
reference date, not a length (the figures recognizer leaves these spans to the dates one).
``DateInfo.offset`` stays an integer, so a compound or a half is counted in the smaller unit:
``3년 6개월 전`` is −42 months and ``1년 반 전`` −18 months. ``여`` (``1년여``, ``10여년``) makes
the figure approximate; a range (``3∼4년 후``) puts the far end in ``end``. Kept apart from
``find_dates.py`` so the atom code stays short; conventions are in docs/dates.md.

``2026년 이상 기후`` is the year 2026 (이상 = abnormal) although ``이상`` after a number is
otherwise a bound of a length (``30일 이상``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from newsfigs.core.analyzer import Analysed
from newsfigs.core.resources import read_rows, resource
from newsfigs.dates.date_scan import Match, Pattern, literal, longest_first, small
from newsfigs.units import direction_pattern, directions

MONTHS_PER_YEAR = 12
MINUTES_PER_HOUR = 60
_HALF = small(r"\x20?반")  # 1년 반: a year and a half
_MONTHS = small(r"\x20?(?P<m>\d{1,2}+)개월")  # 3년 6개월
_YEO = small(r"여")  # 1년여: a year or so
_ISANG = small(r"\x20?이상\x20?")
NOUN_TAGS = frozenset({"NNG", "NNP"})
_CUE_TAGS = frozenset({"NNG", "NNB", "XSN", "MAG"})  # not 만/JX (3일만: only), 치르/VV
_WITHIN_TAGS = frozenset({"NNG", "NNB"})  # 3일 안에 (within), not 안/MAG (3일 안 나왔다)
_RUN = "연속"  # a cue after the unit (3일 연속) that marks a run before a bare day too (연속 3일)


def alternation(words: Iterable[str]) -> str:
    """Longest-first alternation of literal words (a space in one may be left out)."""
    return "|".join(literal(w) for w in longest_first(words))


@dataclass(frozen=True)
class _Cues:
    """The duration words of ``data/shared/duration_words.tsv`` as the date finder reads them."""

    after: Pattern  # right after the unit: 간, 째, 동안, 만에, 이상 … (or 여)
    roles: dict[str, str]
    before: Pattern  # right before a bare day or month: 최근, 징역, 약 … (searched)


@resource
def _cues() -> _Cues:
    """After the unit, the words that make a figure a length (roles glued, cue, within,
    length); before a bare day or month, the words before a length (before, sentence) and the
    qualifiers written before a number (``data/shared/qualifiers.tsv``: 약, 최대 …)."""
    roles = {row[0]: row[1] for row in read_rows("shared/duration_words.tsv")}
    glued = [w for w, r in roles.items() if r == "glued"]
    spaced = [w for w, r in roles.items() if r in ("cue", "within", "length")]
    # two names: re refuses one used twice
    after = small(rf"(?P<w>{alternation(glued)})|\x20?(?P<sw>{alternation(spaced)})|여")
    words = [w for w, r in roles.items() if r in ("before", "sentence")]
    words += [row[0] for row in read_rows("shared/qualifiers.tsv") if row[2] == "before"]
    sentence = alternation(w for w, r in roles.items() if r == "sentence")
    before = small(
        rf"(?:(?<![가-힣])(?:{alternation([*words, _RUN])})"
        r"|(?<![가-힣\d])(?<!(?:이번|다음|지난)\x20?)(?:주|월|연)"  # 주 4일 근무: per week
        # 4박5일; 징역 1년 6월 and 징역 10년 6월: a sentence
        rf"|\d박|(?<![\d'‘’])\d년|(?:{sentence})\x20?\d\d년)\x20?$"
    )
    return _Cues(after, roles, before)


def length_after(a: Analysed, e: int) -> bool:
    """A duration cue right after the unit ending at ``e``: ``3일 동안``, ``5년간``, ``10년
    만에``, ``30일 이상``, ``3개월여``; the figures recognizer reads the same words.

    The word must end a morpheme (``3일 안전``, ``3일 치러진`` are no cue); a cue is noun-like
    (``3일만`` is "only"), and ``내``/``안`` a noun (``5일 안 나왔다`` is "not").
    """
    cues = _cues()
    m = cues.after.match(a.text, e)
    if m is None or (m.end() not in a.ends and m.end() != len(a.text)):
        return False
    name = "w" if m.group("w") is not None else "sw"  # glued or after a space
    word = m.group(name)
    if word is None or cues.roles[word] == "length":
        return True  # 여, or a bound: 이상 may be a verb's object (30일 넘게)
    ws = m.start(name)
    tag = a.tag_at.get(ws) if ws in a.starts else None  # 2주간 may be one morpheme
    role = cues.roles[word]
    return tag is None or (tag in _CUE_TAGS and (role != "within" or tag in _WITHIN_TAGS))


_PARTICLE_NOT_LENGTH = frozenset({"JKB", "JKG", "JC"})
"""Particles after which a verb does not count the days (``10일에 지나``, ``10일의``)."""


def counts_days(a: Analysed, e: int, verbs: frozenset[str], about: frozenset[str]) -> bool:
    """A bare day (or range of days) ending at ``e`` that the words after it count as a
    length: ``2∼3일 정도`` ("about", which a date does not take: ``10일쯤`` is one), or a verb
    of ``length_verb`` rows after at most one particle (``10일이나 지났지만``, ``3~4일 소요될``,
    ``7일이 남았다``, ``2∼3일은 걸린다``)."""
    p = e + 1 if a.text.startswith(" ", e) else e
    toks = [t for t in a.tokens_in(p, p + 8) if t.start >= p][:2]
    if not toks or toks[0].start != p:
        return False
    first = toks[0]
    if first.form in about and first.tag.startswith("N"):
        return True
    if first.tag.startswith("J") and first.tag not in _PARTICLE_NOT_LENGTH and len(toks) > 1:
        first = toks[1]
    return first.form in verbs and first.tag in ("VV", "NNG")


def noun_before(a: Analysed, s: int, tags: frozenset[str] = NOUN_TAGS) -> bool:
    """A noun (no particle) right before ``s``, one space between: ``사고 당일``."""
    p = s - 1 if s and a.text[s - 1] == " " else s
    tok = next((t for t in a.tokens_in(max(0, p - 1), p) if t.end == p), None)
    return tok is not None and tok.tag in tags


def length_before(text: str, s: int) -> bool:
    """A word right before the bare day or month at ``s`` that makes it a length (``최근
    3일``, ``약 3일``, ``징역 6월``), or a rate (``주 4일``), or nights and days (``4박5일``)."""
    return _cues().before.search(text, max(0, s - 8), s) is not None


@dataclass(frozen=True, slots=True)
class Offset:
    """Where an offset expression ends and the ``DateInfo`` fields it writes."""

    end: int
    fields: dict[str, Any]


def offset_after(
    a: Analysed, e: int, n1: int, n2: int | None, unit: str, approximate: bool = False
) -> Offset | None:
    """The offset whose number and unit (``day`` … ``year``) end at ``e``, or None.

    ``n2`` is the far end of a range (``3∼4년``); ``approximate`` is a ``여`` already read
    before the unit (``10여년``). Every piece must end on a morpheme boundary.
    """
    text, p = a.text, e
    if n2 is not None and n2 <= n1:
        return None
    if unit == "year" and n2 is None:
        months = _MONTHS.match(text, p)
        half = _HALF.match(text, p)
        if months and 0 < int(months.group("m")) < MONTHS_PER_YEAR and months.end() in a.ends:
            n1, unit, p = n1 * MONTHS_PER_YEAR + int(months.group("m")), "month", months.end()
        elif half and half.end() - 1 in a.starts and half.end() in a.ends:
            n1, unit, p = n1 * MONTHS_PER_YEAR + MONTHS_PER_YEAR // 2, "month", half.end()
    if unit == "month" and n2 is None:  # 한 달 반 전: no whole month, so between 1 and 2
        half = _HALF.match(text, p)
        if half and half.end() - 1 in a.starts and half.end() in a.ends:
            n2, approximate, p = n1 + 1, True, half.end()
    if unit == "hour" and n2 is None:  # 1시간 반 전: 90 minutes ago
        half = _HALF.match(text, p)
        if half and half.end() - 1 in a.starts and half.end() in a.ends:
            n1, unit, p = n1 * MINUTES_PER_HOUR + MINUTES_PER_HOUR // 2, "minute", half.end()
    yeo = _YEO.match(text, p)
    if yeo and yeo.end() in a.ends:
        approximate, p = True, yeo.end()
    m = _direction().match(text, p)
    if m is None or m.end() not in a.ends or determiner_at(a, m):
        return None
    relative = directions()[m.group("dir")]
    sign = -1 if relative == "ago" else 1
    f: dict[str, Any] = {"relative": relative, "offset": sign * n1, "offset_unit": unit}
    if n2 is not None:
        f["_end"] = {"relative": relative, "offset": sign * n2, "offset_unit": unit}
    if approximate:
        f["_approx"] = True
    return Offset(m.end(), f)


@resource
def _direction() -> Pattern:
    """전, 후, 뒤 (``data/shared/directions.tsv``) after an optional space."""
    return small(rf"\x20?{direction_pattern('dir')}")


def determiner_at(a: Analysed, m: Match) -> bool:
    """``전`` read as the determiner 全 "all" (``3분기 전 세계``), not as "before"."""
    return a.tag_at.get(m.start("dir")) == "MM"


def whole_after(a: Analysed, e: int, nouns: frozenset[str]) -> bool:
    """``3분기 전 세계``, ``23일 전세계``: ``전`` right after ``e`` read as the determiner 全
    "all" before a noun of ``nouns`` (세계, 국민, 직원 …), so the number before it is a date
    and not an offset; any other noun after 全 leaves it unsure (``2분기 전 실적``)."""
    m = _direction().match(a.text, e)
    if m is None or m.group("dir") != "전" or not determiner_at(a, m):
        return False
    p = m.end() + (a.text[m.end() : m.end() + 1] == " ")
    if p not in a.starts:
        return False
    tok = next((t for t in a.tokens_in(p, p + 1) if t.start == p), None)
    return tok is not None and tok.form in nouns


def direction_after(a: Analysed, e: int) -> bool:
    """``전``/``후``/``뒤`` as a whole morpheme right after ``e`` (after a ``여`` perhaps)."""
    yeo = _YEO.match(a.text, e)
    m = _direction().match(a.text, yeo.end() if yeo else e)
    return m is not None and m.start("dir") in a.starts and m.end() in a.ends


def year_before_noun(a: Analysed, e: int, length_nouns: tuple[str, ...]) -> bool:
    """Whether the ``이상`` after the year ending at ``e`` starts a noun (``이상 기후``).

    ``2000년 이상 된``, ``이상의``, a length noun (``이상 역사``) and a sentence end are lengths.
    """
    m = _ISANG.match(a.text, e)
    if m is None or a.tag_at.get(m.end()) not in NOUN_TAGS:
        return False
    isang = m.start() + (a.text[m.start()] == " ")
    if isang not in a.starts or isang + 2 not in a.ends:
        return False
    return not any(a.text.startswith(w, m.end()) for w in length_nouns)
