"""A byte prefix said alone before a memory word: ``8기가 램``, ``1테라 저장공간`` (data sizes).

``기가`` alone is gigabytes only where the text is about memory or data: ``원전 4기가`` is four
reactors and a particle, so the word after decides (``data/figures/memory_words.txt``; the
prefixes and their units are in ``data/figures/byte_prefixes.tsv``).
"""

from __future__ import annotations

from decimal import Decimal

import regex

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import FigureCandidate
from newsfigs.core.resources import read_rows, read_words, resource
from newsfigs.core.scan import literal_alternation


@resource
def byte_word_tables() -> tuple[regex.Pattern[str], dict[str, str]]:
    """The pattern (number, prefix, a memory word after) and prefix → unit (once per process)."""
    units = {w: unit for w, unit in read_rows("figures/byte_prefixes.tsv")}
    memory = literal_alternation(list(read_words("figures/memory_words.txt")))
    pattern = regex.compile(
        rf"(?<![\d.,])(?P<n>\d{{1,4}}+(?:\.\d{{1,2}}+)?+)\x20?+(?P<p>{literal_alternation(list(units))})"
        rf"(?=\x20?+(?:{memory}))"
    )
    return pattern, units


def recognize_byte_words(a: Analysed) -> list[FigureCandidate]:
    """Every ``N기가`` / ``N테라`` / ``N메가`` of ``a`` that a memory word follows."""
    t = a.text
    pattern, units = byte_word_tables()
    if not any(prefix in t for prefix in units):  # most texts name no byte prefix at all
        return []
    out: list[FigureCandidate] = []
    for m in pattern.finditer(t):
        if m.start() not in a.starts or m.end() not in a.ends:
            continue
        out.append(
            FigureCandidate(
                start=m.start(),
                end=m.end(),
                source="numeral",
                kind="data_size",
                unit=units[m.group("p")],
                value=Decimal(m.group("n")),
            )
        )
    return out
