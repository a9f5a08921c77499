"""Native day-count words as durations: ``하루``, ``이틀``, ``사흘`` … ``보름``, ``일주일``.

``이틀`` counts days as ``2일`` does, and like ``2일`` it is mostly no length by itself
(``이틀이 지났다`` tells a point in a story, ``하루는`` means "one day"). So a word is a duration
only when what follows it marks a length, with the cues and bounds numbers take (``이틀 동안``,
``사흘 만에``, ``나흘 연속``, ``닷새간``, ``열흘째``, ``보름 이상``, ``하루 안에``); words
before it (``최근``, ``평균``) do not suffice, since ``하루 평균`` and ``평균 하루`` are rates.
``하루 전`` is a relative date, the date recognizer's. The words are data
(``data/shared/day_words.tsv``, which the date recognizer reads too); see docs/figures.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import FigureCandidate
from newsfigs.core.resources import read_rows, resource
from newsfigs.core.scan import literal_alternation
from newsfigs.figures.durations import cue_at
from newsfigs.figures.figure_context import after_qualifier, as_bound, take_after
from newsfigs.figures.figure_patterns import Patterns
from newsfigs.models import Bound
from newsfigs.units import UnitEntry, classifiers

_WORD_TAGS = frozenset({"NNG", "NR", "NNB"})  # a noun (일주일 may be 일/NR 주일/NNB), not MAG/NNP


@dataclass(frozen=True, slots=True)
class DayWord:
    """One word of ``data/day_words.tsv`` found in the text, with its value and unit."""

    start: int
    end: int
    value: Decimal
    entry: UnitEntry


@resource
def _table() -> tuple[dict[str, tuple[Decimal, UnitEntry]], regex.Pattern[str]]:
    """The words (value, unit entry) and a longest-first pattern that finds them."""
    units = classifiers()
    words = {w: (Decimal(v), units[u]) for w, v, u in read_rows("shared/day_words.tsv")}
    return words, regex.compile(rf"(?<![가-힣])(?:{literal_alternation(words)})")


def _found(a: Analysed, P: Patterns) -> list[DayWord]:
    """The words that begin a morpheme and end one or run into a glued cue (``이틀간``, which
    the analyzer may keep whole): not ``하루하루`` (an adverb), ``보름달`` or ``대보름`` (a longer
    word), nor ``이레`` read as a name (NNP). ``일주일`` may come as ``일``/NR + ``주일``/NNB."""
    words, pattern = _table()
    out: list[DayWord] = []
    for m in pattern.finditer(a.text):
        s, e = m.span()
        if s not in a.starts or any(tok.tag not in _WORD_TAGS for tok in a.tokens_in(s, e)):
            continue
        if e not in a.ends and cue_at(a, P, e) is None:
            continue
        value, entry = words[m.group()]
        out.append(DayWord(s, e, value, entry))
    return out


def _length_after(a: Analysed, P: Patterns, end: int) -> tuple[int, bool, Bound | None] | None:
    """What marks the word as a length: a cue (span end, approximate, bound), or a bound or
    approximation only a length takes (``보름 이상``: the qualifier is added by the caller)."""
    ago = P.duration_ago.match(a.text, end)
    if ago is not None and ago.start("w") in a.starts and ago.end() in a.ends:
        return None  # 하루 전, 일주일 뒤: a relative date
    cue = cue_at(a, P, end)
    if cue is not None:
        return cue
    am = after_qualifier(a, P, end)
    if am is not None and P.duration_roles.get(am.group("w")) == "length":
        return end, False, None
    return None


def _lower_end(a: Analysed, P: Patterns, prev: DayWord | None, word: DayWord) -> DayWord | None:
    """The low end of a range: ``하루 이틀`` (consecutive, after a space) or ``열흘∼보름``."""
    if prev is None or prev.entry.unit != word.entry.unit or prev.value >= word.value:
        return None
    sep = a.text[prev.end : word.start]
    if sep == " ":
        return prev if prev.value + 1 == word.value else None
    m = P.range_sep.fullmatch(sep)
    return prev if m is not None else None


def day_words(a: Analysed, P: Patterns) -> list[FigureCandidate]:
    """Duration candidates of the day-count words in ``a``, built as numbers' durations are:
    a qualifier before (``약 열흘 동안``) joins the span, a cue or bound after it too."""
    t = a.text
    out: list[FigureCandidate] = []
    prev: DayWord | None = None
    for word in _found(a, P):
        lower, prev = _lower_end(a, P, prev, word), word
        length = _length_after(a, P, word.end)
        if length is None:
            continue
        end, approximate, bound = length
        start = lower.start if lower is not None else word.start
        pm = P.before.search(t, max(0, start - 6), start)
        role = P.qualifiers.get(pm.group("w")) if pm is not None else None
        if pm is not None and role is not None and role != "none":  # 무려 changes nothing
            approximate = approximate or role == "approximate"
            bound = as_bound(role) if role != "approximate" else bound
            start = pm.start("w")
        am = after_qualifier(a, P, end)
        if am is not None:
            end, approximate, bound = take_after(P, am, approximate, bound)
        low, high = (lower.value, word.value) if lower is not None else (None, None)
        out.append(
            FigureCandidate(
                start=start,
                end=end,
                source="day_word",
                kind="duration",
                unit=word.entry.unit,
                value=None if lower is not None else word.value,
                low=low,
                high=high,
                approximate=approximate,
                bound=bound,
            )
        )
    return out
