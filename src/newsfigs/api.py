"""``Extractor``: the analyzer, the recognizers and the model building, behind ``extract``.

The module-level default extractor is a resource (``core.resources``): created on first use,
and its analyzer loads on the first extraction, so ``import newsfigs`` stays cheap.
"""

from __future__ import annotations

import dataclasses
import datetime
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import localcontext
from typing import Any, Literal, overload

from newsfigs import vocabulary
from newsfigs.core import disk_cache
from newsfigs.core.analyzer import Analysed, Analyzer, Part
from newsfigs.core.arbitration import resolve_overlaps, settle
from newsfigs.core.candidates import (
    Candidate,
    FigureCandidate,
    NameCandidate,
    OrgCandidate,
    PersonCandidate,
    Recognizer,
)
from newsfigs.core.resources import LoadReport, load_all, resource, timings
from newsfigs.dates.appositions import apposed_days
from newsfigs.dates.article_dates import in_article
from newsfigs.items import (
    BadItem,
    Entry,
    Skipped,
    TextItem,
    check_date,
    check_text,
    read_entry,
    skipped_heads,
    warn_skipped,
)
from newsfigs.items import SkippedItemWarning as SkippedItemWarning  # documented here
from newsfigs.models import Document, Figure, Organization, Person
from newsfigs.numbers import CONTEXT
from newsfigs.trusted import figure_of, span_of, trusted

BATCH_SIZE = 256
"""Documents a caller such as the CLI reads before flushing results (``extract_many`` streams)."""


_check_text = check_text
_check_date = check_date


def default_recognizers() -> list[Recognizer]:
    """The recognizers run by default, in no particular order (overlaps are resolved after)."""
    from newsfigs.dates import find_dates
    from newsfigs.figures import find_figures
    from newsfigs.names import find_names

    return [find_figures.recognize, find_dates.recognize, find_names.recognize]


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
        organizations: Iterable[str | Organization] = (),
        people: Iterable[str | Person] = (),
        recognizers: Sequence[Recognizer] | None = None,
        num_workers: int | None = None,
    ) -> None:
        self._org_entries = vocabulary.entries(organizations, Organization, "organizations")
        self._person_entries = vocabulary.entries(people, Person, "people")
        self.organizations = tuple(e.name for e in self._org_entries)
        self.people = tuple(e.name for e in self._person_entries)
        words = [(w, "organization") for w in vocabulary.words(self._org_entries)]
        words += [(w, "person") for w in vocabulary.words(self._person_entries)]
        self.analyzer = Analyzer(words, num_workers)
        self._recognizers = list(recognizers) if recognizers is not None else None

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle the recipe: a worker rebuilds its own analyzer (user words can't be copied)."""
        return (
            _rebuild,
            (self._org_entries, self._person_entries, self._recognizers, self.analyzer.num_workers),
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
                        figures.append(figure_of(c, p.doc))
                doc = self._document(p, figures, named) if p.last else None
            if doc is not None:
                yield doc
                figures, named = [], []

    def _document(self, p: Part, figures: list[Figure], named: list[NameCandidate]) -> Document:
        people: list[Person] = []
        organizations: list[Organization] = []
        if named:
            from newsfigs.names.link_names import link

            # the linker reads only the document's normalization: a one-section document's own
            # Analysed has it, a long one's last section does not
            whole = p.analysed if p.analysed.norm is p.doc else Analysed(p.doc, ())
            people, organizations = link(named, whole)
        if len(figures) > 1:
            figures.sort(key=span_of)
        ref = p.analysed.reference_date
        # two dates joined by 인 are one day before the article stage counts from them, and
        # again after it, which re-reads a weekday or relative day near the last named day
        text = p.doc.original
        figures = apposed_days(in_article(apposed_days(figures, text, ref), ref, text), text, ref)
        return trusted(
            Document,
            {
                "text": p.doc.original,
                "reference_date": p.analysed.reference_date,
                "figures": figures,
                "people": people,
                "organizations": organizations,
            },
        )

    def _finish(self, doc: Document) -> Document:
        """The caller's vocabulary applied to a finished document."""
        if not (self._org_entries or self._person_entries):
            return doc
        return vocabulary.apply(doc, self._person_entries, self._org_entries)

    def extract(self, text: str, reference_date: datetime.date | None = None) -> Document:
        """Everything newsfigs finds in ``text`` (spans index ``text`` itself)."""
        text = _check_text(text)
        ref = _check_date(reference_date)
        return self._finish(next(self._documents(self.analyzer.analyse_one(text, ref))))

    @overload
    def extract_many(
        self,
        items: Iterable[TextItem],
        reference_date: datetime.date | None = None,
        *,
        on_error: Literal["raise"] = "raise",
    ) -> Iterator[Document]: ...

    @overload
    def extract_many(
        self,
        items: Iterable[TextItem],
        reference_date: datetime.date | None = None,
        *,
        on_error: Literal["skip"],
    ) -> Iterator[Document | None]: ...

    def extract_many(
        self,
        items: Iterable[TextItem],
        reference_date: datetime.date | None = None,
        *,
        on_error: Literal["raise", "skip"] = "raise",
    ) -> Iterator[Document] | Iterator[Document | None]:
        """Documents for ``items`` in order, lazily; analysis runs ahead on kiwipiepy's threads.

        An item is a text or a ``(text, reference_date)`` pair (mixed freely); a bare text uses
        ``reference_date``. ``on_error="skip"`` yields None for a bad item (warning with its
        index) so the output stays aligned with the input; ``"raise"`` names the item.
        """
        if isinstance(items, (str, bytes)):
            raise TypeError("extract_many expects an iterable of str; for one text use extract")
        if on_error not in ("raise", "skip"):
            raise ValueError(f"on_error must be 'raise' or 'skip', got {on_error!r}")
        ref = _check_date(reference_date)
        return self._stream(iter(items), ref, on_error == "skip")

    def _stream(
        self, items: Iterator[TextItem], ref: datetime.date | None, skip: bool
    ) -> Iterator[Document | None]:
        """One streaming analysis for the whole input, each document with its own date.

        kiwipiepy analyses ahead while the recognizers run; ``pending`` holds the items it has
        read and not yet answered, in order, so each part gets its item's date, a bad item
        its place, and a failure its item (after which the stream restarts past it).
        """
        source = enumerate(items)
        pending: deque[Entry] = deque()
        retry: deque[Entry] = deque()

        generation = [0]  # a restart retires the feed of the failed stream

        def feed(mine: int) -> Iterator[str]:
            while generation[0] == mine:
                if retry:
                    entry = retry.popleft()
                else:
                    nxt = next(source, None)
                    if nxt is None:
                        return
                    entry = read_entry(*nxt, ref, skip)
                pending.append(entry)
                if not isinstance(entry, Skipped):
                    yield entry[1]

        while True:
            try:
                parts = self.analyzer.stream(feed(generation[0]))
                for doc in self._documents(_dated(parts, pending)):
                    yield from skipped_heads(pending)
                    finished = self._finish(doc)
                    pending.popleft()
                    yield finished
                yield from skipped_heads(pending)
                return
            except BadItem:
                raise
            except Exception as e:
                yield from skipped_heads(pending)
                if not pending:
                    raise
                generation[0] += 1
                head = pending.popleft()
                assert not isinstance(head, Skipped)
                retry.extend(pending)
                pending.clear()
                i, text, date = head
                if not skip:
                    if hasattr(e, "add_note"):  # Python 3.11+
                        e.add_note(f"newsfigs: while extracting extract_many item {i}")
                    raise
                try:  # the failure may be a later item's (kiwipiepy reads ahead): try it alone
                    yield self.extract(text, date)
                except Exception as again:
                    warn_skipped(i, f"extraction failed: {again!r}")
                    yield None


def _dated(parts: Iterator[Part], pending: deque[Entry]) -> Iterator[Part]:
    """``parts`` with each item's own reference date (the analyzer gets one for all)."""
    for p in parts:
        head = next(x for x in pending if not isinstance(x, Skipped))
        date = head[2]
        if date is not None:
            p = dataclasses.replace(
                p, analysed=dataclasses.replace(p.analysed, reference_date=date)
            )
        yield p


def _rebuild(
    organizations: tuple[str | Organization, ...],
    people: tuple[str | Person, ...],
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
    return LoadReport(
        seconds=seconds, total=time.perf_counter() - start, disk_cache=dict(disk_cache.STATUS)
    )


@resource
def default_extractor() -> Extractor:
    """The process-wide extractor used by the module-level functions."""
    return Extractor()


def extract(text: str, reference_date: datetime.date | None = None) -> Document:
    """Figures, people and organizations of ``text`` as a ``Document``."""
    return default_extractor().extract(text, reference_date)


@overload
def extract_many(
    items: Iterable[TextItem],
    reference_date: datetime.date | None = None,
    *,
    on_error: Literal["raise"] = "raise",
) -> Iterator[Document]: ...


@overload
def extract_many(
    items: Iterable[TextItem],
    reference_date: datetime.date | None = None,
    *,
    on_error: Literal["skip"],
) -> Iterator[Document | None]: ...


def extract_many(
    items: Iterable[TextItem],
    reference_date: datetime.date | None = None,
    *,
    on_error: Literal["raise", "skip"] = "raise",
) -> Iterator[Document] | Iterator[Document | None]:
    """``extract`` over many texts or ``(text, reference_date)`` pairs, lazily, in order.

    kiwipiepy's threads analyse ahead of the recognizers; see ``Extractor.extract_many``.
    """
    return default_extractor().extract_many(items, reference_date, on_error=on_error)


def warm_up() -> LoadReport:
    """Load the default analyzer and every resource now (about 2 s), not on the first call.

    Returns what was loaded and how long each took (``print`` it for a table); ignore it if
    all you want is the loading.
    """
    return _warm_up(default_extractor)
