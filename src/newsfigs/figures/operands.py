"""Numerals with what follows them: the operand a figure is built from.

A numeral (Arabic, 만/억/조 mixed, Sino-Korean, spoken, native) is validated against the
morphemes, then takes the unit or classifier right after it (``unit_at``), and joins what
continues it (``13만 5,678대``, ``3년 6개월``, ``3~5%``, ``영하 3∼5도``). Helpers of
``figures.find_figures``; the qualifiers and kind rules are applied there.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

import regex

from newsfigs.core.analyzer import Analysed, Tok
from newsfigs.core.resources import read_word_set
from newsfigs.figures.amperes import amperes
from newsfigs.figures.durations import compound, cue_at, sentence_month
from newsfigs.figures.figure_patterns import UNIT_CHARS, Patterns
from newsfigs.numbers import (
    BIG_UNITS,
    MIDDLE_DOTS,
    contracted_ranges,
    native_range,
    read_number,
)
from newsfigs.units import UnitEntry

_LATIN = regex.compile(r"[A-Za-z]")
_LATIN_OR_DIGIT = regex.compile(r"[A-Za-z0-9]")
_NOUNS = frozenset({"NNG", "NNP"})
# kinds that never continue a 만 number across a space (관객 100만 3일째, 1만 5%)
_NOT_JOINED = frozenset(
    {"duration", "age", "ordinal", "multiplier", "percent", "percentage_point", "temperature"}
)
_SERIAL_TAGS = frozenset({"W_URL", "W_EMAIL", "W_SERIAL", "W_HASHTAG", "W_MENTION"})
_MAX_UNIT = 8
_YEAR = "년"  # 1만 2000년 전: a length of years back, joined across the space
_SINO_TAGS = frozenset({"NR", "SN", "MM"})
_UNIT_ONLY = frozenset({"digit", "half"})
_DEGREE_AFTER = regex.compile(r"\x20?+도")  # 마이너스 칠 도: _qualify decides on a cue
_NATIVE_TAGS = frozenset({"NR", "MM", "NNG", "NNB"})  # not 서/VV (줄을 서), not 너/NP
DEGREE = "도"  # the unit word a temperature prefix takes: 영하 10도
_NATIVE_CLASSIFIERS = "figures/native_classifiers.txt"
_GLUED_LABELS = "figures/glued_labels.txt"
MONTHS = "개월"  # 징역 6월, 징역 1년 6월: after a sentence word 월 counts months
CELSIUS = "degC"  # a 도 after a temperature cue word (기온은 32도) is Celsius, as in Korean news


@dataclass
class Operand:
    """A numeral with what directly follows it (여, unit), before qualifiers."""

    start: int
    end: int
    value: Decimal
    group: str  # ar | sino | su | native
    approximate: bool = False
    high: Decimal | None = None  # 수십 → [10, 90]
    entry: UnitEntry | None = None
    numeral_end: int = 0


def is_hangul(ch: str) -> bool:
    return "가" <= ch <= "힣"


def _covered_by(a: Analysed, start: int, end: int, tags: frozenset[str]) -> bool:
    """All tokens over ``[start, end)`` have one of ``tags`` and the span follows boundaries."""
    if start not in a.starts or end not in a.ends:
        return False
    return all(t.tag in tags for t in a.tokens_in(start, end))


def whole(a: Analysed, start: int, end: int) -> bool:
    """``[start, end)`` begins and ends on morpheme boundaries."""
    return start in a.starts and end in a.ends


_JOINERS = "-/" + MIDDLE_DOTS
_UNIT_JOINERS = "." + MIDDLE_DOTS  # 42.0kg·m, 40.8kg.m: one compound unit (a torque)
"""Between two numbers written as one: a hyphen, a slash or a middle dot."""


def has_serials(a: Analysed) -> bool:
    """Whether the analyzer read a URL, e-mail, serial, hashtag or mention anywhere in ``a``
    (digits inside one are no number): one look per text, where most have none."""
    return not _SERIAL_TAGS.isdisjoint([tok.tag for tok in a.tokens])


_RANGE_PAIR = regex.compile(r"([0-9]{1,4})-([0-9]{1,4})")


def _range_pair(t: str, tok: Tok) -> bool:
    """``2-3개``, ``5-6명``, ``10-20%``: the analyzer's serial of two rising numbers right
    before a counter or percent sign is a range (news writes ranges with a hyphen too). A
    score (``2-3으로``) reads the same way but has no unit after it, so it stays no figure;
    dates, phone numbers and model names (``2015-03-12``, ``M-27M``) have other shapes."""
    m = _RANGE_PAIR.fullmatch(tok.form)
    end = tok.end
    return (
        m is not None
        and int(m.group(1)) < int(m.group(2))
        and end < len(t)
        and (is_hangul(t[end]) or t[end] in "%％")
    )


def _numeral_span(
    a: Analysed, P: Patterns, m: regex.Match[str], serials: bool
) -> tuple[int, int] | None:
    """Validate a numeral match against the morphemes; trim unit chars that are not numbers.
    ``serials``: ``a`` may hold a serial token (``has_serials``); False skips the look."""
    s, e = m.span()
    t = a.text
    group = m.lastgroup
    if group == "ar":
        if s > 0 and (t[s - 1] in ".,_" or (t[s - 1].isalnum() and not is_hangul(t[s - 1]))):
            return None
        if (
            s > 1
            and t[s - 1] in _JOINERS
            and t[s - 2].isdigit()
            and not (t[s - 1] == "-" and any(_range_pair(t, k) for k in a.tokens_in(s, e)))
        ):
            return None  # 3/4, 1·4분기, 3·1절, 6·25: the second half of a compound number
        if serials and any(
            tok.tag in _SERIAL_TAGS and not _range_pair(t, tok) for tok in a.tokens_in(s, e)
        ):
            return None
        # a unit char must be a numeral morpheme (10조각 is ten pieces, not 10조), unless
        # it is a big unit that more digits or a currency follow (the analyzer tags the 경 of
        # 2경 3,039조 and 1경원 as a suffix or a noun)
        for i in range(s, e):
            if (
                t[i] in UNIT_CHARS
                and a.tag_at.get(i) not in ("NR", "SN")
                and not any(tok.tag == "NR" for tok in a.tokens_in(i, i + 1))
                and not (t[i] in BIG_UNITS and _big_unit_continues(P, t, i + 1, e))
            ):
                e = i
                break
        e = len(t[s:e].rstrip()) + s
        return (s, e) if e > s else None
    if group == "sino":
        return (s, e) if _covered_by(a, s, e, _SINO_TAGS) else None
    if group == "su":
        return (s, e) if s in a.starts and e in a.ends else None
    if group in ("spoken", "digit", "half"):  # 삼점오, 육 킬로미터, 반 리터: whole words
        if (s > 0 and is_hangul(t[s - 1])) or s not in a.starts or e not in a.ends:
            return None
        if group == "digit" and a.tag_at.get(s) != "NR":
            return None  # 이 (this), 일 (work), 사 (company): only the analyzer's numeral
        return (s, e)
    if group == "native":
        if s > 0 and is_hangul(t[s - 1]):
            return None
        if t[s:e] in contracted_ranges():  # 너더댓 is 너/NP 더/MAG 댓/NR: whole is enough
            return (s, e) if whole(a, s, e) else None
        return (s, e) if _covered_by(a, s, e, _NATIVE_TAGS) else None
    return None


def _big_unit_continues(P: Patterns, t: str, pos: int, end: int) -> bool:
    """Digits follow within the numeral (``2경 3,039조``), a currency right after (``1경원``) or a
    unit in Latin letters (``17만m3급``, where the analyzer reads 만 as the particle "only")."""
    if any(ch.isdigit() for ch in t[pos:end]):
        return True
    if pos < len(t) and t[pos].isascii() and t[pos].isalpha():
        return any(t[pos : pos + n] in P.units for n in range(1, _MAX_UNIT))
    return any(P.money_after.get(t[pos : pos + n]) for n in (1, 2, 3))


def unit_at(a: Analysed, P: Patterns, pos: int, group: str) -> tuple[UnitEntry, int] | None:
    """The longest unit or classifier at ``pos`` (one optional space) that ends a morpheme.

    ``번`` glued to a following noun is a label (``8번홀``); a duration unit may be glued to its
    cue (``2주간``, which the analyzer keeps as one morpheme). Native numerals take classifiers
    only.
    """
    t = a.text
    for q in (pos, pos + 1) if pos < len(t) and t[pos] == " " else (pos,):
        longest = min(_MAX_UNIT, len(t) - q)
        for length in P.unit_lengths.get(t[q : q + 1], ()):
            if length > longest:
                continue
            entry = P.units.get(t[q : q + length])
            if entry is None:
                continue
            end = q + length
            last = t[end - 1]
            nxt = t[end] if end < len(t) else " "
            if is_hangul(last):
                if (
                    not whole(a, q, end)
                    and is_hangul(nxt)
                    and not _cue_glued(a, P, entry, end)
                    and not _one_word(a, P, entry, q, end)
                ):
                    continue
                if _labels_noun(a, P, entry, end):
                    continue
            elif _LATIN.match(last) and (_LATIN.match(nxt) or _latin_continues(a, q, end)):
                continue
            if group == "native" and entry.surface not in P.classifiers:
                continue
            return entry, end
    return None


def _one_word(a: Analysed, P: Patterns, entry: UnitEntry, q: int, end: int) -> bool:
    """``3사가``, ``이통3사는``: the analyzer took the digits and a glued-only counting word
    (``data/figures/glued_classifiers.txt``) for one noun; it still counts (not ``2세``, which
    is also "the second generation")."""
    if entry.surface not in P.glued_classifiers or end not in a.ends:
        return False
    return any(
        tok.start < q and tok.end == end and tok.form[:1].isdigit() for tok in a.tokens_in(q, end)
    )


def _latin_continues(a: Analysed, q: int, end: int) -> bool:
    """A Latin unit that a model code, a compound unit or a word continues: ``18V-EC``,
    ``42.0kg·m`` (a torque), and ``2015 V리그`` (a
    unit written apart from its number and glued to a noun); ``3.8L엔진``, ``5km를`` are units."""
    t = a.text
    nxt = t[end + 1 : end + 2]
    if t.startswith("-", end) and nxt.isascii() and nxt.isalnum():
        return True
    if t[end : end + 1] in _UNIT_JOINERS and _LATIN.match(nxt):
        return True  # 42.0kg·m, 400N·m: a torque, not a mass or a force
    spaced = q > 0 and t[q - 1] == " "
    return spaced and is_hangul(t[end : end + 1] or " ") and a.tag_at.get(end) in _NOUNS


def _cue_glued(a: Analysed, P: Patterns, entry: UnitEntry, end: int) -> bool:
    """A duration unit whose cue completes the morpheme: ``2주간``, ``3일간``."""
    return entry.kind == "duration" and cue_at(a, P, end) is not None


def _labels_noun(a: Analysed, P: Patterns, entry: UnitEntry, end: int) -> bool:
    """``번`` or ``호`` glued to a following noun numbers that noun: a label, not a figure.

    ``8번홀``, ``1번출구``, ``2번타자``, ``1번국도``, ``7호선`` name a hole, an exit, a batter, a
    road and a subway line (``data/figures/glued_labels.txt``).
    Ordinals glued to a noun stay ordinals (``3차전``, ``4차회담``); counting words still count
    (``10개팀``); a qualifier the analyzer tags as a noun is no label (``2번가량``).
    """
    if entry.surface not in read_word_set(_GLUED_LABELS):
        return False
    if end not in a.starts or a.tag_at.get(end) not in _NOUNS:
        return False
    return P.after.match(a.text, end) is None


def operand(a: Analysed, P: Patterns, m: regex.Match[str], serials: bool = True) -> Operand | None:
    """The number matched by ``m`` (``P.numeral``) with the unit after it, or None when the
    morphemes say it is no number. ``serials=False`` when ``has_serials(a)`` is False."""
    span = _numeral_span(a, P, m, serials)
    if span is None:
        return None
    s, e = span
    group = m.lastgroup or ""
    text = a.text[s:e]
    pair = native_range(text) if group == "native" else None
    try:
        if pair is not None and pair[0] == pair[1]:  # 두어 명: about two
            op = Operand(s, e, pair[0], group, approximate=True)
        elif pair is not None:  # 한두 명, 서너 곳, 열두세 명
            op = Operand(s, e, pair[0], group, high=pair[1])
        elif group == "su":
            base = read_number(text[1:].replace(" ", ""))
            op = Operand(s, e, base, group, approximate=True, high=base * 9)
        else:
            op = Operand(s, e, read_number(text), group)
    except (ValueError, ArithmeticError):
        return None
    op.numeral_end = e
    t = a.text
    if e < len(t) and t[e] == "여" and group in ("ar", "sino"):
        op.approximate = True
        e += 1
        big = e + 1 if t[e : e + 1] == " " else e  # 1000여억원, 2000여 만 원
        if big < len(t) and t[big] in BIG_UNITS and a.tag_at.get(big) == "NR":
            # the unit scales the last group only: 1억 2천여만 = 1억 + 2천만, never (1억 2천) × 만
            try:
                op.value = read_number(text + t[big])
            except ValueError:
                return None  # 3만 2천여만: units out of order, no number
            e = big + 1
        op.end = op.numeral_end = e
    found = unit_at(a, P, e, group) or amperes(a, e, group)
    if found:
        op.entry, op.end = found
    # a lone Sino digit or 반 is a number only before a unit (육 킬로미터), or a 도 that
    # _qualify reads as a temperature after a cue (마이너스 칠 도)
    bare_degree = group == "digit" and op.entry is None and _DEGREE_AFTER.match(t, e) is not None
    if op.entry is not None and not _counts_here(P, op, text):
        return None
    unitless = op.entry is None or op.entry.surface in P.classifiers
    if group in _UNIT_ONLY and unitless and not bare_degree:
        return None
    return op


def _counts_here(P: Patterns, op: Operand, text: str) -> bool:
    """Whether a classifier may follow this numeral: ``만기``, ``천사``, ``백기``, ``만점`` are
    words (a lone Sino unit glued to a one-syllable counting word), and a glued-only classifier
    (``4사``) needs digits right before it."""
    assert op.entry is not None
    surface = op.entry.surface
    if surface not in P.classifiers:
        return True
    glued = op.end == op.numeral_end + len(surface)
    counts = op.entry.kind in ("count", "ordinal")  # 천년, 백세 are a length and an age
    if op.group == "sino" and len(text) == 1 and len(surface) == 1 and glued and counts:
        return False
    if op.group == "native" and surface in read_word_set(_NATIVE_CLASSIFIERS):
        return True  # 두 경기 연속, 세 경기 만에
    return surface not in P.glued_classifiers or (op.group == "ar" and glued)


def join_ones(a: Analysed, P: Patterns, op: Operand) -> Operand | None:
    """``13만 5,678대``: the plain group after 만 and a space is the ones of the same number.

    Only when that group is a whole number below 10,000 and carries the unit itself; a date,
    duration, age, rank or percent after it (``관객 100만 3일째``) keeps the two apart.
    """
    t, e = a.text, op.numeral_end
    if op.entry is not None or op.group != "ar" or op.approximate or not t.startswith("만 ", e - 1):
        return None
    m = P.numeral.match(t, e + 1)
    if m is None or m.lastgroup != "ar" or any(ch in UNIT_CHARS for ch in m.group()):
        return None
    right = operand(a, P, m)
    if right is None or right.entry is None or right.high is not None:
        return None
    if right.value >= 10**4 or right.value != right.value.to_integral_value():
        return None
    if right.entry.kind in _NOT_JOINED and not _years_ago(a, P, right):
        return None
    return replace(right, start=op.start, value=op.value + right.value, group="ar")


def _years_ago(a: Analysed, P: Patterns, right: Operand) -> bool:
    """``1만 2000년 전``, ``1만 2000년간``: a length of years once joined to the 만 before.

    Only with 전/후 or a duration cue after (간, 동안, 만에 …): ``관객 1만 2000년 이후`` may be a
    count and a year, so it stays apart.
    """
    if right.entry is None or right.entry.surface != _YEAR or right.end != right.numeral_end + 1:
        return False
    ago = P.duration_ago.match(a.text, right.end)
    if ago is not None and ago.end() in a.ends:
        return True
    cue = P.duration_cue.match(a.text, right.end)
    return cue is not None and cue.group("w") is not None and cue.end() in a.ends


def join_parts(a: Analysed, P: Patterns, op: Operand) -> Operand | None:
    """``3년 6개월``, ``7시간 30분``: a duration and the next smaller unit are one figure."""
    t, e = a.text, op.end
    if op.entry is None or op.entry.kind != "duration" or op.high is not None:
        return None
    m = P.numeral.match(t, e + 1 if t.startswith(" ", e) else e)
    right = operand(a, P, m) if m is not None else None
    if (
        right is not None
        and right.entry is None
        and op.entry.surface == "년"
        and sentence_month(a, P, op.start, right.numeral_end)
    ):  # 징역 1년 6월 = 18 months
        right.entry, right.end = P.units[MONTHS], right.numeral_end + 1
    if right is None or right.entry is None or right.high is not None:
        return None
    numeral = t[op.start : op.numeral_end].rstrip("여")
    value = compound(numeral, op.value, op.entry, right.value, right.entry)
    if value is None:
        return None
    approximate = op.approximate or right.approximate
    return replace(right, start=op.start, value=value, group=op.group, approximate=approximate)


def make_range(
    a: Analysed, P: Patterns, left: Operand, right_match: regex.Match[str]
) -> Operand | None:
    """``3~5%``, ``3~4조원``, ``이만오천원 - 삼만원``: one operand from two."""
    right = operand(a, P, right_match)
    if right is not None and right.entry is None and left.entry is None:
        if sentence_month(a, P, left.start, right.numeral_end):  # 징역 6∼8월: months
            right = replace(right, entry=P.units[MONTHS], end=right.numeral_end + 1)
        else:
            right = _degrees(a, P, left, right)  # 영하 3∼5도
    if right is None or right.entry is None or right.high is not None or left.high is not None:
        return None
    if left.entry is not None and left.entry.kind != right.entry.kind:
        return None
    low = left.value
    left_text = a.text[left.start : left.numeral_end]
    right_text = a.text[right.start : right.numeral_end].rstrip("여")
    if left.entry is None and left_text[-1:] not in BIG_UNITS and right_text[-1:] in BIG_UNITS:
        low *= BIG_UNITS[right_text[-1]]  # 3~4조원: the 조 belongs to both ends
    if low >= right.value:
        return None
    return Operand(left.start, right.end, low, left.group, left.approximate or right.approximate,
                   right.value, right.entry, right.numeral_end)  # fmt: skip


def _degrees(a: Analysed, P: Patterns, left: Operand, right: Operand) -> Operand | None:
    """The right end of ``영하 3∼5도``: 도 is a temperature when a prefix opens the range."""
    t = a.text
    pm = P.before.search(t, max(0, left.start - 6), left.start)
    temperature = P.temperature_prefixes.get(pm.group("w")) if pm else None
    cue = pm.start("w") if pm else left.start
    if temperature is None and P.temperature_cue.search(t, max(0, cue - 20), cue):
        temperature = (CELSIUS, 1)
    end = right.numeral_end
    if temperature is None or not t.startswith(DEGREE, end) or end not in a.starts:
        return right
    nxt = end + len(DEGREE)
    if nxt < len(t) and is_hangul(t[nxt]) and nxt not in a.ends:
        return right
    return replace(right, entry=UnitEntry(DEGREE, temperature[0], "temperature"), end=nxt)
