"""``Extractor``: the analyzer, the recognizers and the model building, behind ``extract``.

The module-level default extractor is created on import but loads nothing until first use, so
``import newsfigs`` stays cheap.
"""

from __future__ import annotations

import dataclasses
import datetime
import threading
from collections.abc import Iterable, Iterator, Sequence
from decimal import localcontext
from typing import Any

from newsfigs.core.analyzer import Analysed, Analyzer, Part
from newsfigs.core.candidates import Candidate, Recognizer, resolve_overlaps
from newsfigs.core.textnorm import Normalized
from newsfigs.models import Document, Figure, Organization, Person
from newsfigs.numbers import CONTEXT

BATCH_SIZE = 256
"""Documents a caller such as the CLI reads before flushing results (``extract_many`` streams)."""


def _check_text(text: object) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            "newsfigs expects text as str, got bytes: decode it first, e.g. data.decode('utf-8')"
        )
    raise TypeError(f"newsfigs expects text as str, got {type(text).__name__}")


def _check_date(reference_date: object) -> datetime.date | None:
    if reference_date is None:
        return None
    if isinstance(reference_date, datetime.datetime):
        return reference_date.date()
    if isinstance(reference_date, datetime.date):
        return reference_date
    raise TypeError(
        f"reference_date must be a datetime.date or None, got {type(reference_date).__name__}"
    )


def default_recognizers() -> list[Recognizer]:
    """The recognizers run by default, in no particular order (overlaps are resolved after)."""
    from newsfigs.dates import find_dates
    from newsfigs.figures import find_figures
    from newsfigs.names import find_names

    return [find_figures.recognize, find_dates.recognize, find_names.recognize]


def _figure(c: Candidate, norm: Normalized) -> Figure:
    start, end = norm.to_original(c.start, c.end)
    fields = dict(c.fields)
    eq = fields.pop("equivalent", None)
    if isinstance(eq, Candidate):
        fields["equivalent"] = _figure(eq, norm)
    return Figure(start=start, end=end, text=norm.original[start:end], **fields)


def _shift(c: Candidate, offset: int) -> Candidate:
    """``c`` (and candidates nested in its fields) moved from section to document offsets."""
    fields = c.fields
    if any(isinstance(v, Candidate) for v in fields.values()):
        fields = {
            k: _shift(v, offset) if isinstance(v, Candidate) else v for k, v in fields.items()
        }
    return dataclasses.replace(c, start=c.start + offset, end=c.end + offset, fields=fields)


def _settle(held: list[Candidate], boundary: int) -> tuple[list[Candidate], list[Candidate]]:
    """Resolve the overlap groups of ``held`` that end by ``boundary``; return (kept, pending).

    Later sections only add candidates starting at or after ``boundary``, so a group of mutually
    overlapping candidates that ends by then is final, and resolving it alone gives what
    resolving the whole document at once would. This keeps a long document's memory bounded.
    """
    held.sort(key=lambda c: c.start)
    kept: list[Candidate] = []
    pending: list[Candidate] = []
    group: list[Candidate] = []
    group_end = -1
    for c in [*held, None]:
        if group and (c is None or c.start >= group_end):
            if group_end <= boundary:
                kept.extend(resolve_overlaps(group))
            else:
                pending.extend(group)
            group = []
        if c is not None:
            group.append(c)
            group_end = max(group_end, c.end) if len(group) > 1 else c.end
    return kept, pending


class Extractor:
    """Finds figures, people and organizations; one per process is plenty.

    ``organizations`` and ``people`` are extra names the analyzer learns before its first use;
    ``num_workers`` is kiwipiepy's thread count (None: one per core; 1 in each process of a pool).
    """

    def __init__(
        self,
        *,
        organizations: Iterable[str] = (),
        people: Iterable[str] = (),
        recognizers: Sequence[Recognizer] | None = None,
        num_workers: int | None = None,
    ) -> None:
        self.organizations = tuple(dict.fromkeys(_check_text(o).strip() for o in organizations))
        self.people = tuple(dict.fromkeys(_check_text(p).strip() for p in people))
        words = [(w, "organization") for w in self.organizations if w]
        words += [(w, "person") for w in self.people if w]
        self.analyzer = Analyzer(words, num_workers)
        self._recognizers = list(recognizers) if recognizers is not None else None

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle the recipe: a worker rebuilds its own analyzer (user words can't be copied)."""
        return (
            _rebuild,
            (self.organizations, self.people, self._recognizers, self.analyzer.num_workers),
        )

    @property
    def recognizers(self) -> list[Recognizer]:
        """The recognizers this extractor runs."""
        if self._recognizers is None:
            self._recognizers = default_recognizers()
        return self._recognizers

    def warm_up(self) -> None:
        """Load the analyzer, the lexicons and the unit registry now, not on first use."""
        from newsfigs.units import registry

        self.extract("워밍업: 2026년 3월 22일 1,700억 달러(약 240조원), 삼성전자 홍길동 대표.")
        registry()

    def _documents(self, parts: Iterator[Part]) -> Iterator[Document]:
        """Documents from analysed parts: a long document's sections are merged back here.

        A section keeps the candidates starting in the span it owns (shifted to document
        offsets); overlap groups are resolved as soon as no later section can touch them.
        """
        held: list[Candidate] = []
        figures: list[Figure] = []
        named: list[Candidate] = []
        for p in parts:
            # all arithmetic in newsfigs' own decimal context, never the caller's; entered per
            # part, not around the yield (a generator would leak it into the caller's code)
            with localcontext(CONTEXT):
                sec = p.section
                for recognize in self.recognizers:
                    for c in recognize(p.analysed):
                        if sec.own_start <= c.start + sec.start < sec.own_end:
                            held.append(_shift(c, sec.start) if sec.start else c)
                if p.last:
                    kept, held = resolve_overlaps(held), []
                else:
                    kept, held = _settle(held, sec.own_end)
                figures.extend(_figure(c, p.doc) for c in kept if c.label == "figure")
                named.extend(c for c in kept if c.label in ("person", "organization"))
                doc = self._document(p, figures, named) if p.last else None
            if doc is not None:
                yield doc
                figures, named = [], []

    def _document(self, p: Part, figures: list[Figure], named: list[Candidate]) -> Document:
        people: list[Person] = []
        organizations: list[Organization] = []
        if named:
            from newsfigs.names.link_names import link

            people, organizations = link(named, Analysed(p.doc, ()))
        figures.sort(key=lambda f: (f.start, f.end))
        return Document(
            text=p.doc.original,
            reference_date=p.analysed.reference_date,
            figures=figures,
            people=people,
            organizations=organizations,
        )

    def extract(self, text: str, reference_date: datetime.date | None = None) -> Document:
        """Everything newsfigs finds in ``text`` (spans index ``text`` itself)."""
        text = _check_text(text)
        ref = _check_date(reference_date)
        return next(self._documents(self.analyzer.analyse_one(text, ref)))

    def extract_many(
        self,
        texts: Iterable[str],
        reference_date: datetime.date | None = None,
    ) -> Iterator[Document]:
        """Documents for ``texts`` in order, lazily; analysis runs ahead on kiwipiepy's threads."""
        if isinstance(texts, (str, bytes)):
            raise TypeError("extract_many expects an iterable of str; for one text use extract")
        ref = _check_date(reference_date)
        return self._stream(iter(texts), ref)

    def _stream(self, it: Iterator[str], ref: datetime.date | None) -> Iterator[Document]:
        # one streaming analysis for the whole input: kiwipiepy analyses ahead while the
        # recognizers run, and memory stays bounded by its read-ahead
        checked = (_check_text(t) for t in it)
        yield from self._documents(self.analyzer.stream(checked, ref))


def _rebuild(
    organizations: tuple[str, ...],
    people: tuple[str, ...],
    recognizers: list[Recognizer] | None,
    num_workers: int | None = None,
) -> Extractor:
    return Extractor(
        organizations=organizations,
        people=people,
        recognizers=recognizers,
        num_workers=num_workers,
    )


_default: Extractor | None = None
_default_lock = threading.Lock()


def default_extractor() -> Extractor:
    """The process-wide extractor used by the module-level functions."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Extractor()
    return _default


def extract(text: str, reference_date: datetime.date | None = None) -> Document:
    """Figures, people and organizations of ``text`` as a ``Document``."""
    return default_extractor().extract(text, reference_date)


def extract_many(
    texts: Iterable[str], reference_date: datetime.date | None = None
) -> Iterator[Document]:
    """``extract`` over many texts, lazily; kiwipiepy's threads analyse ahead of the recognizers."""
    return default_extractor().extract_many(texts, reference_date)


def warm_up() -> None:
    """Load the default analyzer now (about 2 s) instead of on the first call."""
    default_extractor().warm_up()
