"""Amperes: a Latin ``A`` glued after digits, read as electric current only near a word of
current (``data/figures/current_cues.txt``); alone, ``3A`` is as often a grade or a size.
"""

from __future__ import annotations

import regex

from newsfigs.core.analyzer import Analysed
from newsfigs.core.resources import read_words, resource
from newsfigs.core.scan import SENTENCE_END, literal_alternation
from newsfigs.units import UnitEntry

_LATIN_OR_DIGIT = regex.compile(r"[A-Za-z0-9]")

_AMPERE = UnitEntry("A", "A", "current")
CUE_CHARS = 30
"""How far before a number a word of ``current_cues.txt`` makes its glued ``A`` amperes."""


@resource
def _current_cue() -> regex.Pattern[str]:
    return regex.compile(literal_alternation(read_words("figures/current_cues.txt")))


def amperes(a: Analysed, e: int, group: str) -> tuple[UnitEntry, int] | None:
    """``전류는 최대 3A``, ``32A 충전기``: a Latin ``A`` glued after digits is amperes only with a
    word of electric current in the 30 characters before it (or right after it) and no sentence
    end between; alone, ``3A`` is as often a grade, a code or a size."""
    t = a.text
    if group != "ar" or t[e : e + 1] != "A" or _LATIN_OR_DIGIT.match(t, e + 1):
        return None
    start = max(0, e - CUE_CHARS)
    window = t[start : e + 1 + CUE_CHARS]
    cue = _current_cue().search(window)
    if cue is None:
        return None
    lo, hi = sorted((start + cue.start(), e))
    if SENTENCE_END.search(t, lo, hi):
        return None
    return _AMPERE, e + 1
