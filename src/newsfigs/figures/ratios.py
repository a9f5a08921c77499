"""Ratios and scores: two numbers joined by ``대``, ``-`` or ``:`` (docs/figures.md, "Ratios").

``경쟁률 12대1``, ``2대0으로 이겼다``, ``3-2 역전승`` are one figure with both numbers, never a
count of 대. The joiner alone is not enough: ``1대1 상담`` (one-on-one), ``3-2`` (a code or a
range) and ``10:30`` (a time) are no ratios, so a pair is one only when a cue word frames it
(``경쟁률``, ``역전승``), or, for ``대``, when no noun follows and its two numbers differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import FigureCandidate
from newsfigs.core.resources import read_rows, resource
from newsfigs.core.scan import literal_alternation

_NUMBER = r"(?<![\d.,\-−:A-Za-z])(?P<a>\d{1,4}+(?:\.\d{1,2}+)?+)"
_AFTER = r"(?P<b>\d{1,4}+)(?!\d|[.,]\d|%)"
_BY = frozenset({"로", "으로"})  # the particle before a verb of the result (5-3으로 이겼다)
_CLOSING = frozenset({"SF", "SP", "SS", "SE", "SO", "VCP"})  # 12대1., 2대1이다, (3대1)


@dataclass(frozen=True)
class RatioTables:
    """The pair pattern and the cue words around it."""

    pair: regex.Pattern[str]
    before: regex.Pattern[str]  # searched with endpos = the pair's start
    after: regex.Pattern[str]  # matched at the pair's end
    verbs: frozenset[str]  # stems after 로/으로: 5-3으로 이겼다 (이기/VV)


@resource
def ratio_tables() -> RatioTables:
    """Build the patterns from ``data/figures/ratio_cues.tsv`` (once per process)."""
    rows = read_rows("figures/ratio_cues.tsv")
    before = [w for w, where in rows if where in ("before", "both")]
    after = [w for w, where in rows if where in ("after", "both")]
    return RatioTables(
        pair=regex.compile(rf"{_NUMBER}(?:\x20?+(?P<j>대)\x20?+|(?P<j>[\-:])){_AFTER}"),
        before=regex.compile(
            rf"(?<![가-힣])(?:{literal_alternation(before)})(?:은|는|이|가|도)?+\x20?+\Z"
        ),
        after=regex.compile(rf"(?:으로|로|의)?+\x20?+(?:{literal_alternation(after)})"),
        verbs=frozenset(w for w, where in rows if where == "verb"),
    )


def recognize_ratios(a: Analysed) -> list[FigureCandidate]:
    """Every framed pair of ``a`` as a ratio with its two terms, in written order."""
    t = a.text
    if "대" not in t and "-" not in t and ":" not in t:
        return []
    R = ratio_tables()
    out: list[FigureCandidate] = []
    for m in R.pair.finditer(t):
        s, e = m.span()
        if s not in a.starts:
            continue
        left, right = Decimal(m.group("a")), Decimal(m.group("b"))
        cued = R.before.search(t, max(0, s - 10), s) is not None or _cue_after(a, R, e)
        if not cued and not (m.group("j") == "대" and left != right and _no_noun_after(a, e)):
            continue
        out.append(
            FigureCandidate(
                start=s,
                end=e,
                source="ratio",
                kind="ratio",
                unit="dimensionless",
                terms=(left, right),
            )
        )
    return out


def _cue_after(a: Analysed, R: RatioTables, end: int) -> bool:
    """A score word right after the pair, as a whole word (``역전승을``, not ``승부``), or a
    verb of winning or losing after ``로`` (``5-3으로 이겼다``, ``0-2로 졌다``, ``3-1로 꺾고``)."""
    m = R.after.match(a.text, end)
    if m is not None and m.end() in a.ends:
        return True
    toks = [tok for tok in a.tokens_in(end, end + 6) if tok.start >= end][:2]
    if len(toks) < 2 or toks[0].start != end or toks[0].form not in _BY:
        return False
    return toks[1].tag == "VV" and toks[1].form in R.verbs and toks[1].start <= toks[0].end + 1


def _no_noun_after(a: Analysed, end: int) -> bool:
    """Nothing noun-like right after the pair (``2대0으로``, ``12대1을``, ``3대 1.``)."""
    if end not in a.ends:
        return False
    toks = a.tokens_in(end, end + 4)
    first = next((tok for tok in toks if tok.start >= end), None)
    if first is None:
        return True
    if first.start == end + 1 and a.text[end] == " ":
        return first.tag in _CLOSING
    return first.start == end and (first.tag in _CLOSING or first.tag.startswith("J"))
