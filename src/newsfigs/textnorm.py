"""NFKC normalization that remembers where every character came from.

Recognizers work on normalized text (full-width ``３ＧＷｈ`` → ``3GWh``, ``㎾`` → ``kW``, NFD
Hangul composed), but every span reported to the caller must index the caller's string. The
normalizer works grapheme cluster by cluster and keeps, for each normalized character, the
original cluster it came from.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

# Characters that never change under NFKC and never combine with what follows them when the
# next character is also safe: ASCII and precomposed Hangul syllables (plus common spaces).
_UNSAFE = regex.compile(r"[^\x09\x0a\x0d\x20-\x7e\uac00-\ud7a3]")
_CLUSTER = regex.compile(r"\X", regex.DOTALL)
_SURROGATE = regex.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalized text plus the map back to the original."""

    original: str
    text: str
    # starts[i] / ends[i]: the original cluster of normalized character i; None = identity
    starts: tuple[int, ...] | None
    ends: tuple[int, ...] | None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span ``[start, end)`` to the original string."""
        if self.starts is None or self.ends is None:
            return start, end
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def _clean(cluster: str) -> str:
    """NFKC of one cluster; lone surrogates (invalid in UTF-8) become U+FFFD."""
    if _SURROGATE.search(cluster):
        cluster = _SURROGATE.sub("\ufffd", cluster)
    return unicodedata.normalize("NFKC", cluster)


def normalize(text: str) -> Normalized:
    """NFKC-normalize ``text`` keeping the offset map (identity fast path for plain text)."""
    if not _UNSAFE.search(text):
        return Normalized(text, text, None, None)
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = _UNSAFE.search(text, pos)
        # the character before an unsafe one may combine with it (가 + ᆨ → 각)
        safe_end = n if m is None else max(pos, m.start() - 1)
        if safe_end > pos:
            parts.append(text[pos:safe_end])
            starts.extend(range(pos, safe_end))
            ends.extend(range(pos + 1, safe_end + 1))
            pos = safe_end
            continue
        cm = _CLUSTER.match(text, pos)
        assert cm is not None  # \X matches any non-empty remainder
        cend = cm.end()
        norm = _clean(cm.group(0))
        parts.append(norm)
        starts.extend([pos] * len(norm))
        ends.extend([cend] * len(norm))
        pos = cend
    out = "".join(parts)
    if out == text:
        return Normalized(text, text, None, None)
    return Normalized(text, out, tuple(starts), tuple(ends))
