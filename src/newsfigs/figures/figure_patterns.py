"""Compiled patterns for the figure recognizer, built once from the data tables.

Every quantifier is possessive or bounded, so no pattern backtracks on long digit runs or
repeated unit characters, and no pattern re-scans a run of thousands groups from each of its
groups (``AR``), so a scan is linear in the text (``tests/test_reliability.py`` checks it).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from newsfigs.core.resources import read_rows, read_words, resource
from newsfigs.core.scan import literal_alternation
from newsfigs.numbers import contracted_ranges, native_numerals
from newsfigs.units import (
    TimeUnit,
    UnitEntry,
    classifiers,
    direction_pattern,
    time_units,
    unit_surfaces,
)

# Arabic number: 1,700 / 98.32 / 4900 (thousands groups only when they are real groups; a
# comma that is punctuation, as in "₩15,000, 어린이", does not spoil the group before it)
#
# Linear: the groups are not tried from a group whose run of groups was already tried from
# the digits before it (1 to 3 digits, then a comma: _TRIED_GROUP). That run has the same end
# and so the same outcome: either it matched and swallowed this group, or it failed here too.
# Without this, "1,000,000,…,00" (a bad last group) was scanned to its end from every group:
# quadratic. (A scan only ever reaches a group start from the digits before it, which it has
# tried; after "1.5," the digits were a decimal part, never tried, so they do not count.)
_TRIED_GROUP = r"(?<=(?<!\d|\d\.)\d{1,3},(?=\d{3}(?!\d))\d{0,2})"
AR = rf"(?:(?!{_TRIED_GROUP})\d{{1,3}}(?:,\d{{3}})++(?!\d|,\d)|\d++)(?:\.\d++)?+"
UNIT_CHARS = "십백천만억조경"
SINO_DIGITS = "영일이삼사오육칠팔구"

# 4조9000억, 2억 4천 4백만: after a unit char another group may follow; across a space only
# when that group carries a unit char itself (so "5억 100㎡" stays two things)
# a big unit may stand alone after a space (2천 만 명, 100 만 명): the recognizer keeps it only
# when the analyzer reads it as a numeral (not the particle 만)
_AR_NUMERAL = (
    rf"{AR}[{UNIT_CHARS}]{{0,4}}+"
    rf"(?:(?<=[{UNIT_CHARS}])(?:\x20{AR}[{UNIT_CHARS}]{{1,4}}+|{AR}[{UNIT_CHARS}]{{0,4}}+)"
    rf"|(?<=[\d{UNIT_CHARS}])\x20[만억조경]){{0,6}}+"
)
_SINO_NUMERAL = rf"(?:[{SINO_DIGITS}]?+[{UNIT_CHARS}]){{1,12}}+[{SINO_DIGITS}]?+"
# 삼점오, 영점영이, 십이점오: a decimal read aloud (점 is the point, each digit after it read alone)
_SPOKEN_NUMERAL = rf"(?:{_SINO_NUMERAL}|[{SINO_DIGITS}])점[{SINO_DIGITS}]{{1,8}}+"
# 수십, 수백만 and 몇천, 몇만: "some tens", "several thousand" (a big unit may follow a space)
_SU_NUMERAL = r"[수몇][십백천만억조]{1,3}+(?:\x20[만억조])?+"
RANGE_SEP = r"\x20?+[~∼〜\-–—]\x20?+"


_TEMPERATURE_PREFIXES = "figures/temperature_prefixes.tsv"
_MATCH_PERIODS = "figures/match_periods.tsv"


@resource
def native_pattern() -> str:
    """Native numerals: 하나 … 아흔아홉, determiners (두, 세, 스무 …), pairs (한두, 서너) and
    contracted ranges (대여섯, 예닐곱, 일고여덟).

    A pair of ones words is a range candidate; ``numbers.native_range`` decides whether the
    two values are consecutive. A contracted range is tried first, as a whole word.
    """
    table = native_numerals()
    tens = literal_alternation(w for w, v in table.items() if v >= 10 and v % 10 == 0)
    ones = literal_alternation(w for w, v in table.items() if v < 10 and w != "첫")
    contracted = literal_alternation(contracted_ranges())
    return rf"(?:{contracted}|(?:{tens})(?:{ones}){{0,2}}|(?:{ones})(?:{ones})?+|첫)"


@dataclass(frozen=True)
class Patterns:
    """All compiled regexes and lookup tables of the figure recognizer."""

    numeral: regex.Pattern[str]
    unit: regex.Pattern[str]
    units: dict[str, UnitEntry]
    classifiers: frozenset[str]  # counting words: native numerals take these, not units
    money_after: dict[str, UnitEntry]  # currencies written after the number (원, 달러 …)
    numbered_term: regex.Pattern[str]  # terms that begin like a figure (2차전지, 1차산업)
    symbols: dict[str, UnitEntry]
    symbol_order: tuple[str, ...]  # the symbols longest first (US$ before $)
    symbol_ends: frozenset[str]  # their last characters: most numbers have none before them
    unit_lengths: dict[str, tuple[int, ...]]  # first character → lengths of units, longest first
    echo: regex.Pattern[str]
    before: EndAnchored
    after: regex.Pattern[str]
    qualifiers: dict[str, str]
    temperature_prefixes: dict[str, tuple[str, int]]  # 영하 → (degC, -1): before N도
    fraction_whole: regex.Pattern[str]  # 2와 (3분의 1): searched with endpos = the fraction
    weight_cue: regex.Pattern[str]  # 체중 200파운드: searched with endpos = start
    don_cue: regex.Pattern[str]  # 금 한 돈: searched with endpos = the number's start
    temperature_before: regex.Pattern[str]  # 섭씨로 (약 37.8도): searched with endpos
    temperature_cue: regex.Pattern[str]  # 기온은 …, 체온이 …: searched with endpos = start
    money_subject: regex.Pattern[str]  # 매출 3150억: searched with endpos = start
    equivalent_word: regex.Pattern[str]  # (한화 약 100만원): matched after the parenthesis
    range_sep: regex.Pattern[str]
    duration_cue: regex.Pattern[str]  # 간, 째, 동안, 만에, 연속 … after a duration unit
    duration_roles: dict[str, str]  # cue word → its role in data/duration_words.tsv
    duration_before: regex.Pattern[str]  # 최근, 임기, 징역 … right before the number
    duration_ago: regex.Pattern[str]  # 전, 후, 뒤: 1년 전 is a relative date
    time_units: dict[str, TimeUnit]  # which units 전 makes a date, and 분기 = 3 months
    half: regex.Pattern[str]
    fraction: regex.Pattern[str]
    decade_suffix: regex.Pattern[str]
    counted_stop: frozenset[str]
    label_classifiers: frozenset[str]  # 3기 신도시, 5세대 이동통신: a phase, not a count
    counted_nouns: dict[str, tuple[tuple[str, ...], int | None]]  # 기 → (원전, 위성 …), None
    glued_classifiers: frozenset[str]  # 사: only glued after digits (정유 4사)
    inning_halves: frozenset[str]  # 9회말, 5회초: 회 is then an inning (a match time)


def _counted_nouns() -> dict[str, tuple[tuple[str, ...], int | None]]:
    """classifier → (the nouns it alone counts, the value below which that holds or None)."""
    nouns: dict[str, list[str]] = {}
    below: dict[str, int | None] = {}
    for noun, classifier, limit in read_rows("figures/counted_nouns.tsv"):
        nouns.setdefault(classifier, []).append(noun)
        below[classifier] = None if limit == "-" else int(limit)
    return {k: (tuple(v), below[k]) for k, v in nouns.items()}


class EndAnchored:
    r"""A pattern ending in one of ``words`` and at most one space at the end of the window it is
    searched in (``…\x20?+\Z`` with ``endpos``). Most windows end in a character no word ends
    with: a set lookup answers those without running the engine, with the same result."""

    __slots__ = ("ends", "pattern")

    def __init__(self, pattern: str, words: Iterable[str]) -> None:
        self.pattern = regex.compile(pattern)
        self.ends = frozenset(w[-1] for w in words)
        """The last characters of the words."""

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> regex.Match[str] | None:
        """``pattern.search(text, pos, endpos)``, skipped when no word can end there."""
        end = min(endpos, len(text))
        if end <= pos:
            return None
        last = text[end - 1]
        if last not in self.ends and (
            last != " " or end - 2 < pos or text[end - 2] not in self.ends
        ):
            return None
        return self.pattern.search(text, pos, endpos)


def _lengths_by_first(words: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """First character → the lengths of the words it begins, longest first: a lookup of the
    longest word at a position tries only lengths that exist (most characters begin none)."""
    lengths: dict[str, set[int]] = {}
    for w in words:
        lengths.setdefault(w[0], set()).add(len(w))
    return {ch: tuple(sorted(ls, reverse=True)) for ch, ls in lengths.items()}


@resource
def patterns() -> Patterns:
    """Build the patterns (once per process)."""
    units = {k: v for k, v in {**classifiers(), **unit_surfaces()}.items() if v.position == "after"}
    symbols = {k: v for k, v in unit_surfaces().items() if v.position == "before"}
    classifier_alt = literal_alternation(list(classifiers()))
    numeral = regex.compile(
        rf"(?P<ar>{_AR_NUMERAL})"
        rf"|(?P<su>{_SU_NUMERAL})"
        rf"|(?P<spoken>{_SPOKEN_NUMERAL})"
        rf"|(?P<sino>{_SINO_NUMERAL})"
        rf"|(?P<native>{native_pattern()})(?=\x20?+(?:{classifier_alt}))"
        # a lone digit or 반 glued after a syllable is no number (것이 많다): the operand would
        # refuse it, and no later branch matches a one-character match's place
        rf"|(?<![가-힣])(?P<digit>[{SINO_DIGITS}])(?=\x20[가-힣A-Za-z])"
        rf"|(?<![가-힣])(?P<half>반)(?=\x20?+[가-힣A-Za-z])"
    )
    unit = regex.compile(literal_alternation(list(units)))
    quals = {row[0]: row[1] for row in read_rows("shared/qualifiers.tsv")}
    before_words = [row[0] for row in read_rows("shared/qualifiers.tsv") if row[2] == "before"]
    after_words = [row[0] for row in read_rows("shared/qualifiers.tsv") if row[2] == "after"]
    # 넘는/초과 are verbs: the figure is their subject or object (300가구가 넘는, 1만 명을 넘는,
    # 1억 명을 넘어섰다)
    over_words = [w for w in after_words if quals[w] == "more_than"]
    temperature = {w: (unit, int(sign)) for w, unit, sign in read_rows(_TEMPERATURE_PREFIXES)}
    prefix_words = [*before_words, *temperature, "제"]
    roles = {row[0]: row[1] for row in read_rows("shared/duration_words.tsv")}
    glued = [w for w, r in roles.items() if r == "glued"]
    spaced = [w for w, r in roles.items() if r in ("cue", "within")]
    before_len = [w for w, r in roles.items() if r in ("before", "past", "sentence")]
    return Patterns(
        numeral=numeral,
        unit=unit,
        units=units,
        classifiers=frozenset(classifiers()),
        money_after={k: v for k, v in units.items() if v.kind == "money"},
        numbered_term=regex.compile(
            "|".join(
                r"\x20?+".join(regex.escape(part) for part in term.split(" "))
                for term in sorted(read_words("figures/numbered_terms.txt"), key=len, reverse=True)
            )
        ),
        symbols=symbols,
        symbol_order=tuple(sorted(symbols, key=len, reverse=True)),
        symbol_ends=frozenset(sym[-1] for sym in symbols),
        unit_lengths=_lengths_by_first(units),
        echo=regex.compile(r"\((" + literal_alternation(list(units)) + r")\)"),
        # a qualifier or role word right before the number (searched with endpos = start)
        before=EndAnchored(
            rf"(?:(?<![가-힣])(?P<w>{literal_alternation(prefix_words)})\x20?+)\Z", prefix_words
        ),
        # the tail is the endings of a verb (넘어섰다, 넘어서며): figure_context.after_qualifier
        # keeps it only after a verb stem that is itself listed (넘어서), else leaves it out
        after=regex.compile(
            rf"(?:\x20?+(?P<w>{literal_alternation(after_words)})"
            rf"|[이가을를]\x20(?P<w>{literal_alternation(over_words)}))(?P<tail>[가-힣]*+)"
        ),
        qualifiers=quals,
        temperature_prefixes=temperature,
        weight_cue=regex.compile(
            rf"(?<![가-힣])(?:{literal_alternation(list(read_words('figures/weight_cues.txt')))})"
            r"(?:은|는|이|가|도)?+(?:\x20[가-힣]{1,2}+)?+\x20?+\Z"
        ),
        don_cue=regex.compile(
            rf"(?<![가-힣])(?:{literal_alternation(list(read_words('figures/don_cues.txt')))})"
            r"(?:은|는|이|가|도)?+(?:\x20시세)?+\x20\Z"
        ),
        # 섭씨로 약 37.8도, 영하로 최저 3도: the scale word with a particle, before a qualifier
        temperature_before=regex.compile(
            rf"(?<![가-힣])(?P<w>{literal_alternation(list(temperature))})(?:으로|로|는|은)?+\x20?+\Z"
        ),
        equivalent_word=regex.compile(
            "(?:"
            + "|".join(
                r"\x20?+".join(regex.escape(part) for part in w.split(" "))
                for w in sorted(read_words("figures/equivalent_words.txt"), key=len, reverse=True)
            )
            + r")\x20?+"
        ),
        money_subject=regex.compile(
            rf"(?:{literal_alternation(list(read_words('figures/money_subjects.txt')))})"
            rf"(?:\x20?+(?:{literal_alternation(list(read_words('figures/money_heads.txt')))}))?+"
            r"(?:은|는|이|가|도)?+\x20?+\Z"
        ),
        # the cue, its particle, then at most two words without digits (낮 최고기온은 32도,
        # 수온이 평년보다 2도): the clause is about the temperature
        temperature_cue=regex.compile(
            rf"(?:{literal_alternation(list(read_words('figures/temperature_cues.txt')))})"
            r"[가-힣]{0,2}+(?:\x20[가-힣]{1,6}+){0,2}+\x20?+\Z"
        ),
        range_sep=regex.compile(RANGE_SEP),
        # 여 (alone or before the cue) makes the length approximate: 10년여간, 1년여 만에
        duration_cue=regex.compile(
            rf"(?P<about>여)?+(?:(?P<w>{literal_alternation(glued)})|\x20?+(?P<w>{literal_alternation(spaced)}))?+"
        ),
        duration_roles=roles,
        duration_before=regex.compile(
            rf"(?<![가-힣])(?P<w>{literal_alternation(before_len)})\x20?+\Z"
        ),
        duration_ago=regex.compile(rf"여?+\x20?+{direction_pattern('w')}"),
        time_units=time_units(),
        half=regex.compile(r"\x20?+반"),  # a whole morpheme: checked by the recognizer
        fraction=regex.compile(
            rf"(?P<den>{AR}|[{SINO_DIGITS}{UNIT_CHARS}]{{1,6}}+)\x20?+분의\x20?+"
            rf"(?P<num>{AR}|[{SINO_DIGITS}{UNIT_CHARS}]{{1,6}}+)"
        ),
        # 2와 3분의 1, 이와 삼분의 일: the whole part of a mixed number (endpos = the fraction)
        fraction_whole=regex.compile(
            rf"(?<![\d.,가-힣])(?:(?P<ar>\d{{1,4}}+)|(?P<sino>[{SINO_DIGITS}{UNIT_CHARS}]{{1,6}}+))"
            r"(?:와|과)\x20?+\Z"
        ),
        decade_suffix=regex.compile(r"대"),  # a whole morpheme: checked by the recognizer
        counted_stop=frozenset(read_words("figures/counted_stopwords.txt")) | frozenset(quals),
        label_classifiers=frozenset(read_words("figures/label_classifiers.txt")),
        counted_nouns=_counted_nouns(),
        glued_classifiers=frozenset(read_words("figures/glued_classifiers.txt")),
        inning_halves=frozenset(w for w, role in read_rows(_MATCH_PERIODS) if role == "inning"),
    )
