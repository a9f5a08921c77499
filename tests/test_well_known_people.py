"""The well-known people list: every name can stand alone, and the list is what the tool builds.

A name that is also a common word (kiwipiepy's best reading is a common noun, a verb or an
adverb), a place, an organization, a title or a single syllable must need a cue: it may not be
listed. ``tools/well_known_people.py`` applies the same check when it rebuilds the file.
"""

from __future__ import annotations

import pytest
from kiwipiepy import Kiwi
from tools.well_known_people import common_reading

from newsfigs.names.well_known import well_known_people

NAMES = sorted(well_known_people())
KIWI = Kiwi()


@pytest.mark.parametrize("name", NAMES)
def test_listed_name_stands_alone(name: str) -> None:
    assert common_reading(KIWI, name) is None


@pytest.mark.parametrize(
    ("word", "why"),
    [
        ("대처", "kiwipiepy reads it as NNG"),  # Thatcher, but 대처 is 'response'
        ("볼트", "kiwipiepy reads it as NNG"),  # Bolt, but 볼트 is 'bolt'
        ("쿡", "one syllable"),  # Cook
        ("세종", "place"),  # the king, and the city
    ],
)
def test_common_words_are_refused(word: str, why: str) -> None:
    assert common_reading(KIWI, word) is not None, why
    assert word not in well_known_people()


def test_full_names_are_longer_or_the_same() -> None:
    for name, full in well_known_people().items():
        assert name in full, (name, full)
