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
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import regex

from newsfigs.textnorm import Normalized, normalize

CHUNK_CHARS = 2000
"""Pieces longer than this are cut before tokenizing (at sentence ends, else at spaces)."""
PIECE_CHARS = 250
"""``extract`` of one long document cuts it into pieces of about this size (sentence ends) so
kiwipiepy's worker threads analyse them in parallel; the tokens are the same either way."""

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
        """Normalize, chunk and tokenize ``texts``.

        A single document longer than ``2 * PIECE_CHARS`` is cut into sentence-sized pieces so
        kiwipiepy's threads share it; a short one goes straight to kiwipiepy (no pool round trip).
        """
        if len(texts) == 1:
            nm = normalize(texts[0])
            if len(nm.text) <= 2 * PIECE_CHARS:
                toks = self.kiwi.tokenize(nm.text) if nm.text else []
                out = [Tok(t.form, t.tag, t.start, t.end) for t in toks]
                return [Analysed.build(nm, out, reference_date, self.user_entities)]
            return list(self.stream(texts, reference_date, PIECE_CHARS))
        return list(self.stream(texts, reference_date))

    def stream(
        self,
        texts: Iterable[str],
        reference_date: datetime.date | None = None,
        piece_chars: int = CHUNK_CHARS,
    ) -> Iterator[Analysed]:
        """``Analysed`` documents in order, lazily.

        All pieces of all documents go through one streaming kiwipiepy call: its worker threads
        analyse the next pieces while the caller runs the recognizers on this document, so the
        Python side overlaps the analysis instead of waiting for it. Memory stays bounded by
        kiwipiepy's read-ahead, whatever the length of ``texts``.
        """
        pending: deque[tuple[Normalized, list[tuple[int, int]]]] = deque()

        def jobs() -> Iterator[str]:
            for t in texts:
                nm = normalize(t)
                pieces = split_points(nm.text, piece_chars) or [(0, 0)]
                pending.append((nm, pieces))
                for a, b in pieces:
                    yield nm.text[a:b]

        results = iter(self.kiwi.tokenize(jobs()))
        while True:
            first = next(results, None)
            if first is None:
                return
            nm, pieces = pending.popleft()
            out: list[Tok] = []
            for i, (offset, _end) in enumerate(pieces):
                toks = first if i == 0 else next(results)
                for t in toks:
                    out.append(Tok(t.form, t.tag, t.start + offset, t.end + offset))
            yield Analysed.build(nm, out, reference_date, self.user_entities)
