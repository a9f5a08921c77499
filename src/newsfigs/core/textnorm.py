"""NFKC normalization that remembers where every character came from.

Recognizers work on normalized text (full-width ``３ＧＷｈ`` → ``3GWh``, ``㎾`` → ``kW``, NFD
Hangul composed, ``&nbsp;`` and other HTML character references left in scraped text decoded,
zero-width and other invisible format characters dropped),
but every span reported to the caller must index the caller's string. The normalizer works
grapheme cluster by cluster and keeps a compact map: only the clusters that changed are
recorded, everything between them is an identity run, so a 10 MB text costs a few arrays of
the changed positions instead of two integers per character.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from array import array
from dataclasses import dataclass

import regex

# Characters that never change under NFKC and never combine with what precedes them: ASCII,
# precomposed Hangul syllables and Hangul compatibility jamo (ㅋㅋ, ㄱ씨 stay as typed; NFKC
# would turn them into conjoining jamo kiwipiepy does not expect).
_SAFE = r"\x09\x0a\x0d\x20-\x25\x27-\x7e\u3130-\u318f\uac00-\ud7a3"
# A run to look at: unsafe characters, or an HTML character reference (``&nbsp;``, ``&#37;``).
_SUSPECT = regex.compile(
    rf"[^{_SAFE}&]++|&(?:#[0-9]{{1,7}}+|#[xX][0-9a-fA-F]{{1,6}}+|[A-Za-z][A-Za-z0-9]{{1,31}}+);"
    rf"|&"
)
# The same test as _SUSPECT's first character, in the standard library's engine: one scan of a
# plain sentence (90% of news) costs a tenth of the regex module's, which then looks only at
# the texts this finds something in.
_ANY_SUSPECT = re.compile(rf"[^{_SAFE}]")
_CLUSTER = regex.compile(r"\X", regex.DOTALL)
_ENTITY = regex.compile(r"&[#A-Za-z][#xX0-9A-Za-z]{0,31}+;")
_SURROGATE = regex.compile(r"[\ud800-\udfff]")
# Invisible format characters (zero-width space and joiners, BOM, soft hyphen, bidi marks) are
# dropped: scraped text has them inside figures (3\u200b억원 would otherwise read as 억원).
_FORMAT = regex.compile(r"\p{Cf}++")
_ODD = regex.compile(r"[\ud800-\udfff\p{Cf}]")
MAX_CLUSTER = 32
"""Longer grapheme clusters (a run of stray combining marks) are normalized in slices, so
canonical reordering inside ``unicodedata`` never sees an unbounded sequence."""
# Kept as written: NFKC would turn ① into 1 (①3억원 → 13억원) and ㅋ into a conjoining jamo.
_KEEP = regex.compile(r"[\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf\u3130-\u318f]")
# Super- and subscript digits are kept after a digit (10² is not 102), normalized after a
# letter (m² → m2, a unit).
_SCRIPT_DIGIT = regex.compile(r"[\u2070-\u209f²³¹]")


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalized text plus the map back to the original.

    Changed cluster ``k`` occupies normalized ``[nstart[k], nstart[k] + nlen[k])`` and comes from
    original ``[ostart[k], oend[k])``; every other character maps one to one, shifted by the
    length difference accumulated before it. No changed clusters: the identity map.
    """

    original: str
    text: str
    nstart: array[int] | None = None
    nlen: array[int] | None = None
    ostart: array[int] | None = None
    oend: array[int] | None = None

    def _char(self, i: int) -> tuple[int, int]:
        """The original span of normalized character ``i``."""
        if self.nstart is None or self.nlen is None or self.ostart is None or self.oend is None:
            return i, i + 1
        k = bisect.bisect_right(self.nstart, i) - 1
        if k < 0:
            return i, i + 1
        if i < self.nstart[k] + self.nlen[k]:
            return self.ostart[k], self.oend[k]
        pos = i + self.oend[k] - (self.nstart[k] + self.nlen[k])
        return pos, pos + 1

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span ``[start, end)`` to the original string."""
        if self.nstart is None and start < end:  # nothing changed: the same span
            return start, end
        if start >= end:
            pos = self._char(start)[0] if start < len(self.text) else len(self.original)
            return pos, pos
        return self._char(start)[0], self._char(end - 1)[1]

    def slice(self, start: int, end: int) -> Normalized:
        """An identity ``Normalized`` of ``text[start:end]`` (a section's own coordinates)."""
        piece = self.text[start:end]
        return Normalized(piece, piece)


def _nfkc(cluster: str) -> str:
    """NFKC of one cluster; lone surrogates (invalid in UTF-8) become U+FFFD, format marks go."""
    if _ODD.search(cluster):
        cluster = _FORMAT.sub("", _SURROGATE.sub("\ufffd", cluster))
    if _KEEP.search(cluster):
        return cluster
    return unicodedata.normalize("NFKC", cluster)


def _entity(ref: str) -> str | None:
    """The character an HTML character reference stands for, or None when it is not one."""
    import html  # its table of 2,000 entities is loaded by the first text that has one

    out = html.unescape(ref)
    if out == ref or not out or len(out) > 2:
        return None
    return _nfkc(out)


class _Builder:
    """Accumulates the normalized pieces and the changed-cluster arrays."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.nstart: array[int] = array("q")
        self.nlen: array[int] = array("q")
        self.ostart: array[int] = array("q")
        self.oend: array[int] = array("q")
        self.npos = 0
        self.changed = False

    def same(self, text: str, start: int, end: int) -> None:
        if end > start:
            self.parts.append(text[start:end])
            self.npos += end - start

    def changed_to(self, out: str, start: int, end: int) -> None:
        self.parts.append(out)
        self.nstart.append(self.npos)
        self.nlen.append(len(out))
        self.ostart.append(start)
        self.oend.append(end)
        self.npos += len(out)
        self.changed = True


def _run(b: _Builder, text: str, start: int, end: int) -> None:
    """Normalize ``text[start:end]`` cluster by cluster (slices of at most MAX_CLUSTER)."""
    pos = start
    while pos < end:
        if text[pos] == "&":
            m = _ENTITY.match(text, pos, min(end, pos + 34))
            rep = _entity(m.group(0)) if m is not None else None
            if m is not None and rep is not None:
                b.changed_to(rep, pos, m.end())
                pos = m.end()
                continue
        cm = _CLUSTER.match(text, pos, min(end, pos + MAX_CLUSTER))
        cend = cm.end() if cm is not None and cm.end() > pos else pos + 1
        cluster = text[pos:cend]
        after_digit = pos > 0 and text[pos - 1].isdigit()
        keep = after_digit and _SCRIPT_DIGIT.match(cluster) is not None
        out = cluster if keep else _nfkc(cluster)
        if out == cluster:
            b.same(text, pos, cend)
        else:
            b.changed_to(out, pos, cend)
        pos = cend


def normalize(text: str) -> Normalized:
    """NFKC-normalize ``text`` keeping the offset map (identity fast path for plain text)."""
    if _ANY_SUSPECT.search(text) is None:
        return Normalized(text, text)
    first = _SUSPECT.search(text)
    if first is None:
        return Normalized(text, text)
    b = _Builder()
    done = 0
    for m in _SUSPECT.finditer(text, first.start()):
        s, e = m.span()
        if s < done:
            continue
        if text[s] != "&":
            s = max(done, s - 1)  # the character before may combine with the run (가 + ᆨ → 각)
            run = text[s:e]
            if not _ODD.search(run) and unicodedata.is_normalized("NFKC", run):
                continue  # already normal: part of an identity run
        elif e - s == 1:
            continue  # a bare ampersand
        b.same(text, done, s)
        _run(b, text, s, e)
        done = e
    if not b.changed:
        return Normalized(text, text)
    b.same(text, done, len(text))
    return Normalized(text, "".join(b.parts), b.nstart, b.nlen, b.ostart, b.oend)
