"""``Extractor``: the analyzer, the recognizers and the model building, behind ``extract``.

The module-level default extractor is a resource (``core.resources``): created on first use,
and its analyzer loads on the first extraction, so ``import newsfigs`` stays cheap.
"""

from __future__ import annotations

import dataclasses
import datetime
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import localcontext
from typing import Any

from newsfigs.core.analyzer import Analysed, Analyzer, Part
from newsfigs.core.arbitration import resolve_overlaps, settle
from newsfigs.core.candidates import (
    Candidate,
    DateCandidate,
    FigureCandidate,
    NameCandidate,
    OrgCandidate,
    PersonCandidate,
    Recognizer,
)
from newsfigs.core.resources import LoadReport, load_all, resource, timings
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


def _figure(c: FigureCandidate | DateCandidate, norm: Normalized) -> Figure:
    """The model of a figure or date candidate, its span mapped back to the caller's text."""
    start, end = norm.to_original(c.start, c.end)
    text = norm.original[start:end]
    if isinstance(c, DateCandidate):
        return Figure(
            start=start, end=end, text=text, kind=c.kind, approximate=c.approximate, date=c.date
        )
    return Figure(
        start=start,
        end=end,
        text=text,
        kind=c.kind,
        value=c.value,
        low=c.low,
        high=c.high,
        unit=c.unit,
        approximate=c.approximate,
        bound=c.bound,
        classifier=c.classifier,
        counted=c.counted,
        terms=c.terms,
        per=c.per,
        direction=c.direction,
        implied_unit=c.implied_unit,
        equivalent=_figure(c.equivalent, norm) if c.equivalent is not None else None,
    )


def _shift(c: Candidate, offset: int) -> Candidate:
    """``c`` (and the equivalent nested in it) moved from section to document offsets."""
    if isinstance(c, FigureCandidate) and c.equivalent is not None:
        eq = _shift(c.equivalent, offset)
        assert isinstance(eq, FigureCandidate)
        return dataclasses.replace(c, start=c.start + offset, end=c.end + offset, equivalent=eq)
    return dataclasses.replace(c, start=c.start + offset, end=c.end + offset)


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

    def warm_up(self) -> LoadReport:
        """Load the analyzer and every resource (tables, gazetteer, unit registry) now, not on
        first use; the report says what was loaded and how long each took."""
        return _warm_up(lambda: self)

    def _documents(self, parts: Iterator[Part]) -> Iterator[Document]:
        """Documents from analysed parts: a long document's sections are merged back here.

        A section keeps the candidates starting in the span it owns (shifted to document
        offsets); overlap groups are resolved as soon as no later section can touch them.
        """
        held: list[Candidate] = []
        figures: list[Figure] = []
        named: list[NameCandidate] = []
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
                    kept, held = settle(held, sec.own_end)
                for c in kept:
                    if isinstance(c, (PersonCandidate, OrgCandidate)):
                        named.append(c)
                    else:
                        figures.append(_figure(c, p.doc))
                doc = self._document(p, figures, named) if p.last else None
            if doc is not None:
                yield doc
                figures, named = [], []

    def _document(self, p: Part, figures: list[Figure], named: list[NameCandidate]) -> Document:
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


_WARM_UP_TEXT = "워밍업: 2026년 3월 22일 1,700억 달러(약 240조원), 삼성전자 홍길동 대표."
"""A text that runs every recognizer, so their lazy parts are built by ``warm_up``."""


def _warm_up(get: Callable[[], Extractor]) -> LoadReport:
    """Load ``get()``'s analyzer, run it once, then build every registered resource left.

    The analyzer is the extractor's own (not a registered resource), so it is timed here.
    """
    start = time.perf_counter()
    before = timings()
    extractor = get()
    kiwi_start = time.perf_counter()
    extractor.analyzer.kiwi  # noqa: B018 - the access builds it
    kiwi_seconds = time.perf_counter() - kiwi_start
    extractor.extract(_WARM_UP_TEXT)
    load_all()
    loaded = {name: s for name, s in timings().items() if name not in before}
    seconds = {"analyzer": kiwi_seconds, **loaded, **dict.fromkeys(before, 0.0)}
    return LoadReport(seconds=seconds, total=time.perf_counter() - start)


@resource
def default_extractor() -> Extractor:
    """The process-wide extractor used by the module-level functions."""
    return Extractor()


def extract(text: str, reference_date: datetime.date | None = None) -> Document:
    """Figures, people and organizations of ``text`` as a ``Document``."""
    return default_extractor().extract(text, reference_date)


def extract_many(
    texts: Iterable[str], reference_date: datetime.date | None = None
) -> Iterator[Document]:
    """``extract`` over many texts, lazily; kiwipiepy's threads analyse ahead of the recognizers."""
    return default_extractor().extract_many(texts, reference_date)


def warm_up() -> LoadReport:
    """Load the default analyzer and every resource now (about 2 s), not on the first call.

    Returns what was loaded and how long each took (``print`` it for a table); ignore it if
    all you want is the loading.
    """
    return _warm_up(default_extractor)
