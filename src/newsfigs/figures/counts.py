"""What a count counts, and when a number with a counting word is no count at all.

``직원 300명`` counts 직원; ``20대 여성`` is an age group, ``4대 은행`` "the four major", ``기호
2번`` a label, ``사법연수원 17기`` a class, ``5세대 이동통신`` a generation (docs/figures.md,
"What is not a figure" and "Counters"). A helper of ``figures.find_figures``.
"""

from __future__ import annotations

from newsfigs.core.analyzer import Analysed
from newsfigs.core.resources import read_word_set
from newsfigs.core.scan import word_before
from newsfigs.figures.bases import rate_or_basis
from newsfigs.figures.figure_context import counted_noun
from newsfigs.figures.figure_patterns import Patterns
from newsfigs.figures.operands import Operand
from newsfigs.figures.readings import (
    AMOUNT_UNITS,
    age_group,
    labels_kind,
    labels_number,
    major_prefix,
    versus,
)
from newsfigs.figures.storeys import context_classifiers

_BAND = "대"  # 20대 여성, 4대 은행, 억대 연봉, 12대1: the count of 대 that is none
_TIMES_WORD = "번"  # 3번 만났다 counts times; 4번 타자 labels (readings.labels_number)
_FLIGHT_WORD = "편"  # 영화 6편 counts films; 여객기 8501편 names a flight
_FLIGHT_WORDS = "figures/flight_words.txt"
_FLIGHT_DIGITS = 100  # flight numbers have three or four digits; 여객기 3편이 결항 counts three


def flight_number(t: str, start: int) -> bool:
    """``여객기 8501편``, ``아시아나항공 214편``: 편 after an airline or aircraft word numbers a
    flight (``data/figures/flight_words.txt``: the written word before the number ends with
    one) and the number has three digits or more. ``여객기 3편이 결항`` counts three flights,
    and ``항공편 120편`` too: a word for flights themselves is not listed."""
    word = word_before(t, start)
    return bool(word) and any(word.endswith(w) for w in read_word_set(_FLIGHT_WORDS))


def count_fields(
    a: Analysed, P: Patterns, op: Operand, surface: str, start: int, end: int, ordinal: bool
) -> tuple[str, str | None] | None:
    """``(classifier, counted)`` of the count ``op`` (``surface`` its counting word), or None
    when the number and word are no count. ``ordinal``: a ``제`` before it (``제20대``)."""
    t = a.text
    counted = counted_noun(a, P, start) if surface not in context_classifiers() else None
    if counted is not None and rate_or_basis(counted):
        counted = None  # 주당 3회, 하루 3만 명: the period or basis, not the thing counted
    if (
        surface == _BAND
        and not ordinal
        and (
            t[op.numeral_end - 1] in AMOUNT_UNITS
            or age_group(a, op, counted, end)
            or major_prefix(a, op, counted, end)
            or versus(a, end)
        )
    ):
        return None  # 억대 연봉 = in the hundreds of millions; 20대 = in their twenties
    if surface == _TIMES_WORD and labels_number(a, op, start, end):
        return None  # 기호 2번, 4번 타자: a label, not a count of times
    if surface == _FLIGHT_WORD and op.value >= _FLIGHT_DIGITS and flight_number(t, start):
        return None  # 여객기 8501편: a flight's number, not a count of flights
    listed = P.counted_nouns.get(surface)
    needs_noun = listed is not None and (listed[1] is None or op.value < listed[1])
    if listed is not None and needs_noun:
        if counted is None or not counted.endswith(listed[0]):
            return None  # 사법연수원 17기, 아이패드 5세대: a class; 원전 2기 counts reactors
    elif surface in P.label_classifiers and labels_kind(a, op, end):
        return None  # 5세대 이동통신, 1종 면허: a phase or a class
    return surface, counted
