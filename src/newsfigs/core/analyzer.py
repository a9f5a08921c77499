"""The kiwipiepy side: one lazily built analyzer, user words before first use, batching.

A document is normalized (``textnorm``), cut into pieces at sentence or paragraph boundaries
when it is long (kiwipiepy slows down on one huge string), tokenized, and the tokens are
shifted back to document offsets. Recognizers receive an ``Analysed``: the normalized text, its
tokens and the set of token boundaries, all in normalized coordinates.

A very long document (more than ``SECTION_CHARS``, e.g. a scraped dump) is handed out as
overlapping *sections* so memory stays bounded: each section carries ``MARGIN`` characters of
context on both sides and *owns* the span between its cuts (paragraph ends, else sentence
ends, else spaces). A figure or entity belongs to the section that owns its start and is seen
with its full context there, so nothing straddling a cut is lost (see docs/robustness.md).
"""

from __future__ import annotations

import bisect
import datetime
import functools
import itertools
import os
import threading
import weakref
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import regex

from newsfigs.core.textnorm import Normalized, normalize

CHUNK_CHARS = 2000
"""Pieces longer than this are cut before tokenizing (at sentence ends, else at spaces)."""
SECTION_CHARS = 20_000
"""Documents longer than this (normalized characters) are recognized section by section."""
MARGIN = 300
"""Context a section carries beyond each of its cuts: far more than any figure or entity."""
PIECE_CHARS = 250
"""``extract`` of one long document cuts it into pieces of about this size (sentence ends) so
kiwipiepy's worker threads analyse them in parallel. The tokens are the same either way,
except around a cut that had to fall at a space (no sentence end in hundreds of characters)."""

# A cut point: after sentence-final punctuation followed by whitespace, or at a newline.
# The character before the punctuation must not be a digit (so "3. 5%" is never split).
_CUT = regex.compile(r"(?<=[^\d\s][.!?。]['\"”’)\]]?)\s++|\n++")
_SPACE = regex.compile(r"\s++")
_PARAGRAPH = regex.compile(r"\n[^\S\n]*+\n\s*+")


_new = tuple.__new__
"""``_new(Tok, (form, tag, start, end))``: a Tok without the Python-level ``__new__`` of a
named tuple (one per morpheme of every document, the largest share of the preparation)."""


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

    @functools.cached_property
    def text(self) -> str:
        """The normalized text (recognizers' coordinates). Cached in the instance: the rules
        read it over and over, and a plain property was a Python call each time."""
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
        toks = tuple(tokens)
        users = user_entities or {}
        if not toks:
            return cls(norm, toks, reference_date, frozenset(), frozenset(), {}, users)
        _forms, tags, starts, ends = zip(*toks, strict=True)  # the columns, transposed in C
        tag_at = dict(zip(starts[::-1], tags[::-1], strict=True))  # the first at a start wins
        return cls(
            norm,
            toks,
            reference_date,
            frozenset(starts),
            frozenset(ends),
            tag_at,
            users,
        )

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


def _last_cut(text: str, lo: int, hi: int, patterns: Sequence[regex.Pattern[str]]) -> int | None:
    """End of the last match of the first pattern that matches in ``text[lo:hi]``."""
    for pattern in patterns:
        cut: int | None = None
        for m in pattern.finditer(text, lo, hi):
            cut = m.end()
        if cut is not None and cut > lo:
            return cut
    return None


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


class Section(NamedTuple):
    """A window of a document: ``[start, end)`` analysed, ``[own_start, own_end)`` owned."""

    start: int
    end: int
    own_start: int
    own_end: int


def sections(text: str, limit: int | None = None, margin: int | None = None) -> list[Section]:
    """Cut a long ``text`` into owned spans of about ``limit`` characters, with context.

    Cuts fall at paragraph ends, else sentence ends, else whitespace (a hard cut only inside a
    run of ``limit`` characters without any). Each window reaches ``margin`` characters past
    both cuts, starting and ending at whitespace when there is some, so a result near a cut is
    recognized with the same context as in one pass over the whole text. The defaults are read
    at call time (``SECTION_CHARS``, ``MARGIN``), so tests can shrink them.
    """
    limit = SECTION_CHARS if limit is None else limit
    margin = MARGIN if margin is None else margin
    n = len(text)
    if n <= limit:
        return [Section(0, n, 0, n)]
    cuts = [0]
    while n - cuts[-1] > limit:
        lo, hi = cuts[-1] + limit // 2, cuts[-1] + limit
        cut = _last_cut(text, lo, hi, (_PARAGRAPH, _CUT, _SPACE))
        cuts.append(cut if cut is not None else hi)
    cuts.append(n)
    out: list[Section] = []
    for own_start, own_end in itertools.pairwise(cuts):
        start = max(0, own_start - margin)
        if start > 0:
            m = _SPACE.search(text, start, start + margin // 2)
            start = m.end() if m is not None else start
        end = min(n, own_end + margin)
        if end < n:
            m = _SPACE.search(text, end - margin // 2, end)
            end = m.start() if m is not None else end
        out.append(Section(start, end, own_start, own_end))
    return out


@dataclass(frozen=True)
class Part:
    """One analysed section of a document, in the order of the input.

    ``analysed`` is in the section's own coordinates (add ``section.start`` for the document's
    normalized coordinates); ``doc`` is the whole document's normalization; ``last`` says the
    document is complete. A document short enough is one part with ``analysed.norm is doc``.
    """

    analysed: Analysed
    doc: Normalized
    section: Section
    last: bool


_ANALYZERS: weakref.WeakSet[Analyzer] = weakref.WeakSet()
"""Every analyzer of this process, so a forked child can drop what it inherited."""
_INHERITED: list[Any] = []
"""``Kiwi`` instances inherited over ``fork``: never used, never freed (freeing one would join
worker threads that do not exist in the child)."""


def _after_fork_in_child() -> None:
    """In a forked child: every analyzer builds a fresh ``Kiwi`` (the parent's threads are gone)."""
    for analyzer in list(_ANALYZERS):
        analyzer._forget_parent()


if hasattr(os, "register_at_fork"):  # POSIX; elsewhere there is no fork
    os.register_at_fork(after_in_child=_after_fork_in_child)


class Analyzer:
    """A kiwipiepy ``Kiwi`` built on first use, with user words added before that.

    Fork-safe: kiwipiepy's worker threads do not survive ``fork``, so a forked child never
    uses the parent's ``Kiwi`` (it would wait forever for them) but builds its own, with the
    same user words, on first use; the lock is new in the child too (a fork can happen while
    another thread holds it).
    """

    def __init__(
        self, user_entities: Iterable[tuple[str, str]] = (), num_workers: int | None = None
    ) -> None:
        """``user_entities``: (name, label) pairs, label "person" or "organization".

        ``num_workers``: kiwipiepy's analysis threads (None: one per core). Worker processes
        of a pool want 1 each, or the pool oversubscribes the CPU.
        """
        if num_workers is not None and (not isinstance(num_workers, int) or num_workers < 1):
            raise ValueError(f"num_workers must be a positive int or None, got {num_workers!r}")
        self.num_workers = num_workers
        self._user_words = tuple(user_entities)
        self.user_entities: dict[str, str] = dict(self._user_words)
        self._kiwi: Any = None
        self._lock = threading.Lock()
        self._pid = os.getpid()  # the process the lock and the Kiwi belong to
        _ANALYZERS.add(self)

    def _forget_parent(self) -> None:
        """After ``fork``: drop the parent's ``Kiwi`` (kept alive, unused) and lock."""
        if self._kiwi is not None:
            _INHERITED.append(self._kiwi)
        self._kiwi = None
        self._lock = threading.Lock()
        self._pid = os.getpid()

    def __getstate__(self) -> dict[str, Any]:
        """Pickle the recipe, not the analyzer: workers rebuild their own."""
        return {"user_words": self._user_words, "num_workers": self.num_workers}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["user_words"], state.get("num_workers"))  # type: ignore[misc]

    @property
    def kiwi(self) -> Any:
        """The ``Kiwi`` instance (built, with user words, on first access in each process)."""
        if self._pid != os.getpid():  # forked by a path that skipped os.fork's hooks
            self._forget_parent()
        if self._kiwi is None:
            with self._lock:
                if self._kiwi is None:
                    from kiwipiepy import Kiwi

                    kiwi = Kiwi(num_workers=-1 if self.num_workers is None else self.num_workers)
                    for word, _label in self._user_words:
                        kiwi.add_user_word(word, "NNP", 0.0)
                    kiwi.tokenize("워밍업 1개")  # build the lazy parts now, not on first use
                    self._kiwi = kiwi
        return self._kiwi

    def analyse_one(self, text: str, reference_date: datetime.date | None = None) -> Iterator[Part]:
        """The parts of one document.

        A document longer than ``2 * PIECE_CHARS`` is cut into sentence-sized pieces so
        kiwipiepy's threads share it; a short one goes straight to kiwipiepy (no pool round trip).
        """
        nm = normalize(text)
        if len(nm.text) > 2 * PIECE_CHARS:
            return self._parts([nm], reference_date, PIECE_CHARS)
        toks = self.kiwi.tokenize(nm.text) if nm.text else []
        out = [_new(Tok, (t.form, t.tag, t.start, t.end)) for t in toks]
        a = Analysed.build(nm, out, reference_date, self.user_entities)
        n = len(nm.text)
        return iter([Part(a, nm, _new(Section, (0, n, 0, n)), True)])

    def stream(
        self,
        texts: Iterable[str],
        reference_date: datetime.date | None = None,
        piece_chars: int = CHUNK_CHARS,
    ) -> Iterator[Part]:
        """``Part``s of the documents in order, lazily.

        All pieces of all documents go through one streaming kiwipiepy call: its worker threads
        analyse the next pieces while the caller runs the recognizers on this part, so the
        Python side overlaps the analysis instead of waiting for it. Memory stays bounded by
        kiwipiepy's read-ahead and one section, whatever the length of ``texts`` or of a text.
        """
        return self._parts((normalize(t) for t in texts), reference_date, piece_chars)

    def _parts(
        self, norms: Iterable[Normalized], reference_date: datetime.date | None, piece_chars: int
    ) -> Iterator[Part]:
        """``stream`` of texts already normalized (``analyse_one`` normalizes only once)."""
        pending: deque[tuple[Normalized, Normalized, Section, bool, list[tuple[int, int]]]]
        pending = deque()

        def jobs() -> Iterator[str]:
            for nm in norms:
                secs = sections(nm.text)
                for i, sec in enumerate(secs):
                    snm = nm if len(secs) == 1 else nm.slice(sec.start, sec.end)
                    pieces = split_points(snm.text, piece_chars) or [(0, 0)]
                    pending.append((nm, snm, sec, i == len(secs) - 1, pieces))
                    for a, b in pieces:
                        yield snm.text[a:b]

        results = iter(self.kiwi.tokenize(jobs()))
        while True:
            first = next(results, None)
            if first is None:
                return
            nm, snm, sec, last, pieces = pending.popleft()
            out: list[Tok] = []
            for i, (offset, _end) in enumerate(pieces):
                toks = first if i == 0 else next(results)
                for t in toks:
                    out.append(_new(Tok, (t.form, t.tag, t.start + offset, t.end + offset)))
            a = Analysed.build(snm, out, reference_date, self.user_entities)
            yield Part(a, nm, sec, last)
