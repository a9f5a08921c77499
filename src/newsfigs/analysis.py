"""The kiwipiepy side: one lazily built analyzer, user words before first use, batching.

A document is normalized (``textnorm``), cut into pieces at sentence or paragraph boundaries
when it is long (kiwipiepy slows down on one huge string), tokenized, and the tokens are
shifted back to document offsets. Recognizers receive an ``Analysed``: the normalized text, its
tokens and the set of token boundaries, all in normalized coordinates.
"""

from __future__ import annotations

import bisect
import datetime
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import regex

from newsfigs.textnorm import Normalized, normalize

CHUNK_CHARS = 2000
"""Pieces longer than this are cut before tokenizing (at sentence ends, else at spaces)."""

# A cut point: after sentence-final punctuation followed by whitespace, or at a newline.
# The character before the punctuation must not be a digit (so "3. 5%" is never split).
_CUT = regex.compile(r"(?<=[^\d\s][.!?。]['\"”’)\]]?)\s++|\n++")
_SPACE = regex.compile(r"\s++")


def _tok_start(t: Tok) -> int:
    return t.start


class Tok(NamedTuple):
    """A morpheme with offsets into the normalized document text."""

    form: str
    tag: str
    start: int
    end: int


@dataclass(frozen=True)
class Analysed:
    """What every recognizer receives: normalized text, tokens, boundaries."""

    norm: Normalized
    tokens: tuple[Tok, ...]
    reference_date: datetime.date | None = None
    starts: frozenset[int] = field(default_factory=frozenset)
    ends: frozenset[int] = field(default_factory=frozenset)
    tag_at: dict[int, str] = field(default_factory=dict)
    user_entities: dict[str, str] = field(default_factory=dict)
    """Names the user supplied (``Extractor(organizations=..., people=...)``) → label."""

    @property
    def text(self) -> str:
        """The normalized text (recognizers' coordinates)."""
        return self.norm.text

    @classmethod
    def build(
        cls,
        norm: Normalized,
        tokens: Sequence[Tok],
        reference_date: datetime.date | None,
        user_entities: dict[str, str] | None = None,
    ) -> Analysed:
        """Index the tokens: where morphemes start and end, and the tag starting at each."""
        starts = frozenset(t.start for t in tokens)
        ends = frozenset(t.end for t in tokens)
        tag_at: dict[int, str] = {}
        for t in tokens:
            tag_at.setdefault(t.start, t.tag)
        return cls(norm, tuple(tokens), reference_date, starts, ends, tag_at, user_entities or {})

    def tokens_in(self, start: int, end: int) -> list[Tok]:
        """Tokens overlapping ``[start, end)``, found by bisection (tokens sorted by start)."""
        toks = self.tokens
        i = bisect.bisect_left(toks, start, key=_tok_start) - 1
        while i > 0 and toks[i].end > start:  # back up over tokens that started earlier
            i -= 1
        out: list[Tok] = []
        for j in range(max(i, 0), len(toks)):  # index, not a slice: a slice copies the tail
            t = toks[j]
            if t.start >= end:
                break
            if t.end > start:
                out.append(t)
        return out


def split_points(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut ``text`` into pieces of about ``limit`` characters at safe boundaries.

    A boundary is a sentence end or a newline; failing that, a space; failing that (a single
    huge token), a hard cut. Nothing is dropped: the pieces plus the gaps cover the text.
    """
    n = len(text)
    if n <= limit:
        return [(0, n)]
    pieces: list[tuple[int, int]] = []
    pos = 0
    while pos < n:
        if n - pos <= limit:
            pieces.append((pos, n))
            break
        window_end = pos + limit
        cut: tuple[int, int] | None = None
        for m in _CUT.finditer(text, pos + limit // 4, window_end):
            cut = (m.start(), m.end())
        if cut is None:
            for m in _SPACE.finditer(text, pos + limit // 4, window_end):
                cut = (m.start(), m.end())
        if cut is None or cut[0] <= pos:
            cut = (window_end, window_end)
        pieces.append((pos, cut[0]))
        pos = cut[1]
    return [p for p in pieces if p[1] > p[0]]


class Analyzer:
    """A kiwipiepy ``Kiwi`` built on first use, with user words added before that."""

    def __init__(self, user_entities: Iterable[tuple[str, str]] = ()) -> None:
        """``user_entities``: (name, label) pairs, label "person" or "organization"."""
        self._user_words = tuple(user_entities)
        self.user_entities: dict[str, str] = dict(self._user_words)
        self._kiwi: Any = None
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        """Pickle the recipe, not the analyzer: workers rebuild their own."""
        return {"user_words": self._user_words}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["user_words"])  # type: ignore[misc]

    @property
    def kiwi(self) -> Any:
        """The ``Kiwi`` instance (built, with user words, on first access)."""
        if self._kiwi is None:
            with self._lock:
                if self._kiwi is None:
                    from kiwipiepy import Kiwi

                    kiwi = Kiwi()
                    for word, _label in self._user_words:
                        kiwi.add_user_word(word, "NNP", 0.0)
                    kiwi.tokenize("워밍업 1개")  # build the lazy parts now, not on first use
                    self._kiwi = kiwi
        return self._kiwi

    def analyse(
        self, texts: Sequence[str], reference_date: datetime.date | None = None
    ) -> list[Analysed]:
        """Normalize, chunk and tokenize ``texts`` in one multi-threaded list call."""
        norms = [normalize(t) for t in texts]
        jobs: list[str] = []
        owners: list[tuple[int, int]] = []  # (document index, offset of the piece)
        for i, nm in enumerate(norms):
            for a, b in split_points(nm.text):
                jobs.append(nm.text[a:b])
                owners.append((i, a))
        per_doc: list[list[Tok]] = [[] for _ in texts]
        if jobs:
            kiwi = self.kiwi
            results = kiwi.tokenize(jobs) if len(jobs) > 1 else [kiwi.tokenize(jobs[0])]
            for (doc, offset), toks in zip(owners, results, strict=True):
                out = per_doc[doc]
                for t in toks:
                    s = t.start + offset
                    out.append(Tok(t.form, t.tag, s, t.end + offset))
        return [
            Analysed.build(nm, toks, reference_date, self.user_entities)
            for nm, toks in zip(norms, per_doc, strict=True)
        ]
