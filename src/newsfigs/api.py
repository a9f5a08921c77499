"""``Extractor``: the analyzer, the recognizers and the model building, behind ``extract``.

The module-level default extractor is created on import but loads nothing until first use, so
``import newsfigs`` stays cheap.
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from newsfigs.analysis import Analysed, Analyzer
from newsfigs.models import Document, Figure, Organization, Person
from newsfigs.pipeline import Candidate, Recognizer, resolve_overlaps

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
    from newsfigs.recognizers import dates, entities, figures

    return [figures.recognize, dates.recognize, entities.recognize]


def _figure(c: Candidate, a: Analysed) -> Figure:
    start, end = a.norm.to_original(c.start, c.end)
    fields = dict(c.fields)
    eq = fields.pop("equivalent", None)
    if isinstance(eq, Candidate):
        fields["equivalent"] = _figure(eq, a)
    return Figure(start=start, end=end, text=a.norm.original[start:end], **fields)


class Extractor:
    """Finds figures, people and organizations; one per process is plenty.

    ``organizations`` and ``people`` are extra names the analyzer learns before its first use.
    """

    def __init__(
        self,
        *,
        organizations: Iterable[str] = (),
        people: Iterable[str] = (),
        recognizers: Sequence[Recognizer] | None = None,
    ) -> None:
        self.organizations = tuple(dict.fromkeys(_check_text(o).strip() for o in organizations))
        self.people = tuple(dict.fromkeys(_check_text(p).strip() for p in people))
        words = [(w, "organization") for w in self.organizations if w]
        words += [(w, "person") for w in self.people if w]
        self.analyzer = Analyzer(words)
        self._recognizers = list(recognizers) if recognizers is not None else None

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle the recipe: a worker rebuilds its own analyzer (user words can't be copied)."""
        return (_rebuild, (self.organizations, self.people, self._recognizers))

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

    def _document(self, a: Analysed) -> Document:
        candidates: list[Candidate] = []
        for recognize in self.recognizers:
            candidates.extend(recognize(a))
        kept = resolve_overlaps(candidates)
        figures = [_figure(c, a) for c in kept if c.label == "figure"]
        people: list[Person] = []
        organizations: list[Organization] = []
        named = [c for c in kept if c.label in ("person", "organization")]
        if named:
            from newsfigs.entities import link

            people, organizations = link(named, a)
        return Document(
            text=a.norm.original,
            reference_date=a.reference_date,
            figures=figures,
            people=people,
            organizations=organizations,
        )

    def extract(self, text: str, reference_date: datetime.date | None = None) -> Document:
        """Everything newsfigs finds in ``text`` (spans index ``text`` itself)."""
        text = _check_text(text)
        ref = _check_date(reference_date)
        (a,) = self.analyzer.analyse([text], ref)
        return self._document(a)

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
        for a in self.analyzer.stream(checked, ref):
            yield self._document(a)


def _rebuild(
    organizations: tuple[str, ...],
    people: tuple[str, ...],
    recognizers: list[Recognizer] | None,
) -> Extractor:
    return Extractor(organizations=organizations, people=people, recognizers=recognizers)


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
    """``extract`` over many texts, batched through kiwipiepy's multi-threaded list call."""
    return default_extractor().extract_many(texts, reference_date)


def warm_up() -> None:
    """Load the default analyzer now (about 2 s) instead of on the first call."""
    default_extractor().warm_up()
