"""Buildings and venues named after an organization: ``토트넘 홋스퍼 스타디움``.

A stadium, an arena or a tower is where something happens, not who does it, even when its
name is a club's or a company's (``영국 런던 토트넘 홋스퍼 스타디움에서``). An organization
candidate whose name runs, through joined proper nouns only, into a building word of
``data/names/building_words.txt`` is dropped, and so is the place it took before it
(``런던 토트넘``: a wrong span is worse than a miss). The check runs on the organization
candidates only, each placed among the words by bisection.
"""

from __future__ import annotations

import bisect

from newsfigs.core.candidates import NameCandidate, OrgCandidate
from newsfigs.core.resources import read_word_set
from newsfigs.names.words import Word

_BUILDING_WORDS = "names/building_words.txt"
_MAX_RUN = 4
"""Proper nouns at most between the organization and the building word."""


def drop_venues(words: list[Word], cands: list[NameCandidate]) -> list[NameCandidate]:
    """``cands`` without the organizations that name a building (``토트넘 홋스퍼 스타디움``)."""
    if not any(isinstance(c, OrgCandidate) for c in cands):
        return cands
    buildings = read_word_set(_BUILDING_WORDS)
    starts = [w.start for w in words]
    return [
        c
        for c in cands
        if not (isinstance(c, OrgCandidate) and _venue(words, starts, c.end, buildings))
    ]


def _venue(words: list[Word], starts: list[int], end: int, buildings: frozenset[str]) -> bool:
    """True when the words after ``end`` are joined proper nouns, then a building word."""
    k = bisect.bisect_left(starts, end)
    if k == 0 or k >= len(words) or words[k - 1].stem_end != end or words[k - 1].particle:
        return False
    for m in range(k, min(k + _MAX_RUN + 1, len(words))):
        w = words[m]
        if not w.joined:
            return False
        if w.stem in buildings:
            return True
        if w.particle or not (w.proper or w.latin):
            return False
    return False
