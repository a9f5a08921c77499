"""Each word once: no two data tables give one surface two meanings, and the word patterns of the
recognizers are built from the tables (a new row is picked up without touching Python).

The tables of ``data/figures``, ``data/dates`` and ``data/shared`` each say what a word means
(a unit, a number, a qualifier, a date word …). A surface may sit in two of them only when one
table adds an aspect to the other's row (``ASPECTS``, each checked for agreement) or it truly
has two meanings in two places (``TWO_MEANINGS``, each with the reason). ``data/names`` is left
out: its lists are name parts (a syllable ``일`` of a given name is no day), checked by
tests/test_lexicons.py; so is ``counted_stopwords.txt``, a stop list that names words of the
other tables on purpose (``지난해 300명``: the counted noun is no 지난해).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest

from newsfigs.core.resources import read_rows
from newsfigs.dates import date_numbers
from newsfigs.dates.find_dates import date_words
from newsfigs.figures.figure_patterns import patterns
from newsfigs.units import classifiers, time_units

Meaning = tuple[str, ...]


def _meanings(name: str, row: tuple[str, ...]) -> Meaning:
    """What a row says its first cell means, in words comparable across tables."""
    kind = name.split("/")[1].split(".")[0]
    if name in ("figures/classifiers.tsv", "figures/unit_surfaces.tsv"):
        return ("unit", row[1], row[2])
    if name == "shared/qualifiers.tsv":
        return ("qualifier", row[1])
    return (kind, *row[1:])


VOCABULARY = [
    "dates/date_words.tsv",
    "figures/classifiers.tsv",
    "figures/numbered_terms.txt",
    "figures/temperature_prefixes.tsv",
    "figures/unit_surfaces.tsv",
    "shared/day_words.tsv",
    "shared/directions.tsv",
    "shared/duration_words.tsv",
    "shared/numeral_ranges.tsv",
    "shared/numerals.tsv",
    "shared/qualifiers.tsv",
    "shared/time_units.tsv",
]


def _row(name: str, surface: str) -> tuple[str, ...]:
    return next(r for r in read_rows(name) if r[0] == surface)


def _time_unit_of_classifier(surface: str) -> str | None:
    """A time unit is a duration classifier, and 전 counts it in the classifier's own unit."""
    entry, unit = classifiers()[surface], time_units()[surface]
    if entry.kind != "duration":
        return f"{surface}: a time unit but a {entry.kind} classifier"
    if unit.offset is not None and unit.offset != entry.unit:
        return f"{surface}: offset {unit.offset} but the classifier counts {entry.unit}"
    return None


def _length_word_is_bound(surface: str) -> str | None:
    """A duration word shared with qualifiers.tsv is a ``length`` word: a bound written after."""
    role = _row("shared/duration_words.tsv", surface)[1]
    where = _row("shared/qualifiers.tsv", surface)[2]
    if role != "length" or where != "after":
        return f"{surface}: duration role {role}, qualifier {where} the number"
    return None


def _date_approx_is_approximate(surface: str) -> str | None:
    """``께``/``쯤`` after a date (date_words ``approx``) are the approximate qualifiers."""
    role = _row("dates/date_words.tsv", surface)[1]
    qualifier = _row("shared/qualifiers.tsv", surface)
    if role != "approx" or qualifier[1:] != ("approximate", "after"):
        return f"{surface}: date role {role}, qualifier {qualifier[1:]}"
    return None


# (table, table) → a check that the two rows of a shared surface agree (None = they do)
ASPECTS: dict[tuple[str, str], Callable[[str], str | None]] = {
    ("figures/classifiers.tsv", "shared/time_units.tsv"): _time_unit_of_classifier,
    ("shared/duration_words.tsv", "shared/qualifiers.tsv"): _length_word_is_bound,
    ("dates/date_words.tsv", "shared/qualifiers.tsv"): _date_approx_is_approximate,
}

# surfaces with two meanings in two dimensions, where the context decides which one is read
TWO_MEANINGS: dict[tuple[str, str, str], str] = {
    ("세", "figures/classifiers.tsv", "shared/numerals.tsv"): (
        "the age classifier after a number (30세), the native three before a classifier (세 명)"
    ),
    ("째", "figures/classifiers.tsv", "shared/duration_words.tsv"): (
        "an ordinal right after a number (셋째), a glued duration cue after a unit (10년째)"
    ),
    ("초", "dates/date_words.tsv", "figures/classifiers.tsv"): (
        "early after a year or month (3월 초), seconds after a number (30초)"
    ),
    ("초", "dates/date_words.tsv", "shared/time_units.tsv"): (
        "early after a year or month (3월 초), the unit of time second after a number (30초 전)"
    ),
    ("지난", "dates/date_words.tsv", "shared/duration_words.tsv"): (
        "the cue 'last' before a date (지난 3일), 'the past' before 년/주 (지난 10년: a length)"
    ),
}


def _shared_surfaces() -> list[tuple[str, str, str]]:
    where: dict[str, list[str]] = {}
    for name in VOCABULARY:
        for row in read_rows(name):
            where.setdefault(row[0], []).append(name)
    return [
        (surface, a, b)
        for surface, names in sorted(where.items())
        for a, b in itertools.combinations(sorted(names), 2)
    ]


SHARED = _shared_surfaces()


@pytest.mark.parametrize(("surface", "a", "b"), SHARED, ids=[f"{s}-{a}-{b}" for s, a, b in SHARED])
def test_a_shared_surface_means_one_thing(surface: str, a: str, b: str) -> None:
    if (surface, a, b) in TWO_MEANINGS:
        return
    check = ASPECTS.get((a, b))
    assert check is not None, (
        f"{surface!r} is in {a} as {_meanings(a, _row(a, surface))} and in {b} as "
        f"{_meanings(b, _row(b, surface))}: keep it in one table, or add the pair to ASPECTS "
        "with a check, or to TWO_MEANINGS with the reason"
    )
    problem = check(surface)
    assert problem is None, problem


def test_allow_list_is_current() -> None:
    """Every allowed pair still occurs, so a stale entry cannot hide a new clash."""
    assert set(TWO_MEANINGS) <= set(SHARED)


def test_day_words_and_date_words_are_apart() -> None:
    """The native day counts are one table (shared/day_words.tsv): date_words has none."""
    days = {row[0] for row in read_rows("shared/day_words.tsv")}
    assert not days & {row[0] for row in read_rows("dates/date_words.tsv")}
    assert all(row[2] in time_units() for row in read_rows("shared/day_words.tsv"))


# --- the recognizers' word patterns are built from the rows -----------------------------------


def _rows(name: str, column: int = -1, value: str = "") -> list[str]:
    return [r[0] for r in read_rows(name) if column < 0 or r[column] == value]


def test_dates_read_their_word_rows() -> None:
    lex = date_words()
    for word in _rows("dates/date_words.tsv", 1, "part"):
        m = lex.part.fullmatch(" " + word)
        assert m is not None and lex.parts[m["part"]], word
    for word in _rows("dates/date_words.tsv", 1, "weekday"):
        short = word.removesuffix("요일")
        assert lex.weekday_paren.fullmatch(f"({short})"), word
        assert lex.weekday_paren.fullmatch(f"({word})"), word
    for word in _rows("dates/date_words.tsv", 1, "cue"):
        assert lex.cue_before.search(f"{word} "), word
    for word, role, where, *_ in read_rows("dates/date_words.tsv"):
        if role == "recurring" and where == "before":
            assert lex.recurring_before.search(f"{word} "), word
        elif role == "recurring":
            assert lex.recurring_after.match(word), word
        elif role == "approx":
            assert lex.approx_after.fullmatch(word if where == "glued" else " " + word), word
    for word, role, where in read_rows("shared/qualifiers.tsv"):
        if role == "approximate" and where == "before":
            assert lex.approx_before.search(f"{word} "), word


def test_dates_read_the_time_units_and_day_words() -> None:
    lex = date_words()
    for surface, unit in time_units().items():
        m = lex.atoms.match(f"2{surface}")
        if unit.offset is None:
            assert surface not in lex.offsets
            continue
        assert m is not None and m["unit"] == surface, surface
        m = lex.atoms.match(f"두 {surface}")
        if unit.offset == "minute":  # 두 분 전에 is "before the two of them": digits only
            assert m is None or m.lastgroup != "native", surface
            continue
        assert m is not None and m.lastgroup == "native" and m["nu"] == surface, surface
    for word in _rows("shared/day_words.tsv"):
        m = lex.atoms.match(word)
        assert m is not None and m.lastgroup == "day_word" and m.group() == word, word


def test_dates_read_the_duration_words() -> None:
    cues = date_numbers._cues()
    for word, role in read_rows("shared/duration_words.tsv"):
        if role == "glued":
            assert cues.after.fullmatch(word), word
        elif role in ("cue", "within", "length"):
            assert cues.after.fullmatch(" " + word), word
        elif role in ("before", "sentence"):
            assert cues.before.search(f"{word} "), word
    for word, _, where in read_rows("shared/qualifiers.tsv"):
        if where == "before":
            assert cues.before.search(f"{word} "), word


def test_both_read_the_direction_words() -> None:
    """전/후/뒤 after a count of a time unit: figures step back, dates count from the reference."""
    P = patterns()
    for word, relative in read_rows("shared/directions.tsv"):
        assert relative in ("ago", "later"), word
        m = P.duration_ago.fullmatch(" " + word)
        assert m is not None and m["w"] == word, word
        m = date_numbers._direction().fullmatch(" " + word)
        assert m is not None and m["dir"] == word, word


def test_figures_read_their_word_rows() -> None:
    P = patterns()
    for word, unit, sign in read_rows("figures/temperature_prefixes.tsv"):
        assert P.temperature_prefixes[word] == (unit, int(sign))
        m = P.before.search(f"{word} ")
        assert m is not None and m["w"] == word, word
    for surface, unit in time_units().items():
        assert P.time_units[surface] == unit
    roles = dict(read_rows("shared/duration_words.tsv"))
    for word, role in roles.items():
        if role in ("glued", "cue", "within"):
            m = P.duration_cue.match(word if role == "glued" else " " + word)
            assert m is not None and m["w"] == word, word
        elif role in ("before", "past", "sentence"):
            m = P.duration_before.search(f"{word} ")
            assert m is not None and m["w"] == word, word
