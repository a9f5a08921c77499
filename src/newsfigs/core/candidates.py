"""Candidates: what a recognizer proposes, one typed class per kind, and the recognizer protocol.

Recognizers are pure: ``Analysed`` in, candidates out (normalized coordinates). Each class
carries exactly the fields of the model it becomes, so a misspelt or leaked field is a type
error, not a broken document. Which of overlapping candidates survive is decided by
``core.arbitration``; priorities are not carried here but derived from ``label`` and
``source`` there, in one table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar, Literal, TypeAlias, cast, get_args

from newsfigs.core.analyzer import Analysed
from newsfigs.models import Basis, Bound, DateInfo, Direction, FigureKind, OrgCategory, Period

Label = Literal["figure", "date", "person", "organization"]

FigureSource = Literal["numeral", "fraction", "day_word", "ratio"]
"""numeral + unit or classifier; 3분의 1 / 절반; 이틀, 사흘; 12대1, 3-2 (docs/figures.md)."""

PersonSource = Literal[
    "user", "byline", "wikidata", "title", "honorific", "latin", "age", "cast", "surname",
    "bare", "called", "given", "role", "well_known", "alias", "repeat", "hanja",
    "speaker", "addressee", "member", "listed",
    "obituary",
]  # fmt: skip
"""The rule that proposed a person (docs/entities.md, "Sources")."""

OrgSource = Literal[
    "user", "byline", "known", "suffix", "unit", "cue", "wikidata", "corp_mark", "frame",
    "affiliation", "institution", "alias", "repeat", "school", "glued", "team", "acronym",
    "business", "trade",
]  # fmt: skip
"""The rule that proposed an organization (docs/entities.md, "Sources")."""

_CATEGORIES = frozenset(get_args(OrgCategory))


def org_category(value: str | None) -> OrgCategory | None:
    """``value`` as a model category, or None for a rule's internal mark (``unit``).

    A department suffix once leaked its internal category into the model and every document
    naming a 팀 or 센터 failed validation: rules' marks stop here, at the candidate.
    """
    return cast(OrgCategory, value) if value in _CATEGORIES else None


@dataclass(frozen=True, slots=True, kw_only=True)
class FigureCandidate:
    """A measured figure (money, percent, count, duration …): a ``Figure`` to be."""

    label: ClassVar[Label] = "figure"
    start: int
    end: int
    source: FigureSource
    kind: FigureKind
    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    unit: str | None = None
    approximate: bool = False
    bound: Bound | None = None
    classifier: str | None = None
    counted: str | None = None
    equivalent: FigureCandidate | None = None
    terms: tuple[Decimal, ...] | None = None
    per: Period | None = None
    per_unit: Basis | None = None
    direction: Direction | None = None
    implied_unit: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class DateCandidate:
    """A date or time: a ``Figure`` of kind date/time with its ``DateInfo``."""

    label: ClassVar[Label] = "date"
    start: int
    end: int
    source: Literal["date"] = "date"
    kind: Literal["date", "time"]
    date: DateInfo
    approximate: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonCandidate:
    """A mention of a person; ``alias_of`` names the canonical name it repeats."""

    label: ClassVar[Label] = "person"
    start: int
    end: int
    source: PersonSource
    name: str
    title: str | None = None
    affiliation: str | None = None
    alias_of: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class OrgCandidate:
    """A mention of an organization; ``alias_of`` names the canonical name it repeats."""

    label: ClassVar[Label] = "organization"
    start: int
    end: int
    source: OrgSource
    name: str
    category: OrgCategory | None = None
    alias_of: str | None = None


NameCandidate: TypeAlias = PersonCandidate | OrgCandidate
Candidate: TypeAlias = FigureCandidate | DateCandidate | PersonCandidate | OrgCandidate

Recognizer = Callable[[Analysed], Sequence[Candidate]]
