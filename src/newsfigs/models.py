"""Result models: what `extract` returns.

Every item carries ``start``/``end``/``text`` indexing the caller's original string, so a
highlight or a join back to the source never needs the morphemes. Values are ``Decimal`` and
units are strings of newsfigs' pint registry, so the JSON stays plain and exact; the pint
quantity is built on demand.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal, NamedTuple, Protocol

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, model_validator

from newsfigs.shown import figure_value, plural, short

if TYPE_CHECKING:
    import pint


def _json_safe(value: str) -> str:
    """Lone surrogates (valid in a Python str, not in UTF-8) become U+FFFD, one for one."""
    return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


Text = Annotated[str, PlainSerializer(_json_safe, when_used="json")]
"""A str that JSON output can always encode; same length, so offsets stay valid."""


FigureKind = Literal[
    "money",
    "percent",
    "percentage_point",
    "energy",
    "power",
    "mass",
    "length",
    "area",
    "volume",
    "temperature",
    "data_size",
    "speed",
    "fuel_economy",
    "frequency",
    "voltage",
    "current",
    "charge",
    "ratio",
    "count",
    "ordinal",
    "multiplier",
    "duration",
    "age",
    "match_time",
    "date",
    "time",
]
"""Every kind of figure newsfigs reports (see docs/figures.md)."""

FIGURE_KINDS: tuple[str, ...] = FigureKind.__args__  # type: ignore[attr-defined]

Bound = Literal["at_least", "more_than", "at_most", "less_than"]
"""이상 → at_least, 초과/넘는 → more_than, 이하/최대 → at_most, 미만 → less_than."""

Direction = Literal["increase", "decrease"]
"""What the predicate says the figure did: 늘어, 증가, 상승, ▲ → increase; 줄어, 감소, 하락,
△/▽/▼ → decrease (docs/figures.md, "Signs and directions")."""

Period = Literal["year", "half", "quarter", "month", "week", "day", "hour", "minute", "second"]
"""The period of a rate: 연 4.5% → year, 월 150만원씩 → month, 시속 80km has its own unit."""

DatePrecision = Literal[
    "year",
    "half",
    "quarter",
    "month",
    "part_of_month",
    "day",
    "decade",
    "hour",
    "minute",
    "week",
    "part_of_year",
    "part_of_decade",
    "part_of_day",
    "season",
    "century",
    "part_of_century",
]

DayPart = Literal["dawn", "morning", "am", "daytime", "noon", "pm", "evening", "night", "midnight"]
"""새벽, 아침, 오전, 낮, 정오, 오후, 저녁, 밤, 자정 (see docs/dates.md)."""


class Spanned(BaseModel):
    """A piece of the caller's text: ``original[start:end] == text``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int = Field(ge=0, description="Index of the first character in the original text.")
    end: int = Field(ge=0, description="Index one past the last character (exclusive).")
    text: Text = Field(description="Exactly original[start:end].")

    @model_validator(mode="after")
    def _ordered(self) -> Spanned:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) precedes start ({self.start})")
        if len(self.text) != self.end - self.start:
            raise ValueError("text length does not match the span")
        return self


class DateInfo(BaseModel):
    """Structured fields of a date or time figure (rules in docs/dates.md).

    The calendar fields are **as written** (``오후 3시`` → hour 15; ``올해`` → no year but
    relative ``this``, offset 0 year), so the same text gives the same fields whatever the
    article's date. ``resolved`` (one day) or ``resolved_start``/``resolved_end`` (a period) are
    set only when the text alone or the text plus the reference date pins the date down;
    nothing is guessed.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    year: int | None = Field(default=None, ge=1, le=9999, description="Four digits: '26년 → 2026.")
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(
        default=None, ge=1, le=31, description="As written; 2월 30일 is kept, not resolved."
    )
    quarter: int | None = Field(default=None, ge=1, le=4)
    half: int | None = Field(default=None, ge=1, le=2, description="상반기 → 1, 하반기 → 2.")
    part: Literal["early", "mid", "late"] | None = Field(
        default=None, description="초/중순/말 of the month, year or decade the precision names."
    )
    decade: int | None = Field(default=None, ge=0, le=9990, description="2020년대 → 2020.")
    century: int | None = Field(default=None, ge=1, le=99, description="21세기 → 21.")
    season: Literal["spring", "summer", "autumn", "winter"] | None = Field(
        default=None, description="봄, 여름, 가을, 겨울 (March–May … December–February)."
    )
    school_year: bool | None = Field(
        default=None,
        description="True for 학년도: the year runs from March to the next February.",
    )
    hour: int | None = Field(
        default=None, ge=0, le=24, description="0–23 with its part of day; a bare 24시 stays 24."
    )
    minute: int | None = Field(default=None, ge=0, le=59)
    weekday: int | None = Field(
        default=None, ge=0, le=6, description="0 = Monday, as written in the text."
    )
    relative: Literal["last", "this", "next", "ago", "later"] | None = Field(
        default=None,
        description="The relative cue: last (지난, 지난해, 어제), this (올해, 이날), "
        "next (오는, 내년, 내일), ago (N… 전), later (N… 후/뒤).",
    )
    offset: int | None = Field(
        default=None,
        description="Signed count of offset_unit from the reference date (지난해 → -1 year, "
        "3일 전 → -3 day), in the smallest unit written (3년 6개월 전, 1년 반 전 → -42, -18 "
        "month); None when the cue names a day instead (지난 3일).",
    )
    offset_unit: Literal["minute", "hour", "day", "week", "month", "year"] | None = Field(
        default=None,
        description="The unit of offset; minute and hour (3시간 전, 30분 뒤) are never resolved "
        "to a day, as the reference date has no time of day.",
    )
    anchor: Literal["text"] | None = Field(
        default=None,
        description="text: the offset counts from the day or year the article named last "
        "before it (이날, 전날, 이듬해, 그해), not from the reference date (docs/dates.md).",
    )
    day_part: DayPart | None = None
    nth: int | None = Field(
        default=None,
        ge=-1,
        le=5,
        description="The Nth such weekday of the month (5월 둘째 주 일요일 → 2; 마지막 → -1).",
    )
    recurring: bool | None = Field(
        default=None,
        description="True when the text names a rule, not one date (매달 셋째 주 수요일): "
        "never resolved.",
    )
    holiday: str | None = Field(
        default=None,
        description="A named day, by its canonical name (추석, 설날, 어린이날: "
        "data/dates/holidays.tsv); its year as written or from the reference date.",
    )
    holiday_break: bool | None = Field(
        default=None,
        description="True for 연휴: the days off around the holiday (추석 연휴: the day before "
        "to the day after), resolved as a period.",
    )
    time_zone: str | None = Field(
        default=None,
        description="The time zone the text names for it (22일(현지시간), 한국시간 23일), as "
        "one canonical phrase: 현지시간, 한국시간, 미국 동부시간 … (docs/dates.md).",
    )
    precision: DatePrecision | None = Field(
        default=None, description="The finest unit written (docs/dates.md)."
    )
    end: DateInfo | None = Field(
        default=None, description="The end of a range, as written (its fields only)."
    )
    resolved: datetime.date | None = Field(
        default=None, description="The calendar day, for a day, part of day, hour or minute."
    )
    resolved_start: datetime.date | None = Field(
        default=None, description="First day of a period or range."
    )
    resolved_end: datetime.date | None = Field(
        default=None, description="Last day of a period or range (inclusive)."
    )

    @model_validator(mode="after")
    def _consistent(self) -> DateInfo:
        """One shape per meaning: an offset has a unit, a day is not also a period."""
        if (self.offset is None) != (self.offset_unit is None):
            raise ValueError("offset and offset_unit go together")
        if self.decade is not None and self.decade % 10:
            raise ValueError("a decade is a multiple of 10")
        if (self.resolved_start is None) != (self.resolved_end is None):
            raise ValueError("resolved_start and resolved_end go together")
        if self.resolved is not None and self.resolved_start is not None:
            raise ValueError("resolved (one day) excludes resolved_start/resolved_end")
        if self.end is not None and self.end.offset_unit not in (None, self.offset_unit):
            raise ValueError("a range of offsets counts both ends in the same unit")
        start, end = self.resolved_start, self.resolved_end
        if start is not None and end is not None and start > end:
            raise ValueError("resolved_start must not follow resolved_end")
        return self


class Figure(Spanned):
    """A unit-bearing number: money, energy, a count, a date …

    A single value has ``value`` set; a range has ``low`` and ``high`` (and no ``value``).
    """

    kind: FigureKind
    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    unit: str | None = Field(
        default=None, description="A unit of newsfigs' pint registry (None for dates and times)."
    )
    approximate: bool = Field(default=False, description="약, 여, 가량, 안팎, 정도, 수십 …")
    bound: Bound | None = None
    classifier: Text | None = Field(
        default=None,
        description="명, 개, 대 … for counts; the period of a match time (후반, 연장 전반, 말).",
    )
    counted: Text | None = Field(default=None, description="The counted noun when adjacent.")
    equivalent: Figure | None = Field(
        default=None, description="The parenthetical conversion, e.g. (약 240조원)."
    )
    date: DateInfo | None = None
    terms: tuple[Decimal, ...] | None = Field(
        default=None,
        description="A ratio's or score's numbers in written order: 경쟁률 12대1 → (12, 1).",
    )
    per: Period | None = Field(
        default=None, description="The period of a rate: 연 4.5% → year, 월 150만원씩 → month."
    )
    direction: Direction | None = Field(
        default=None,
        description="Increase or decrease, from the predicate (3.2% 감소) or a ▲/△ mark; the "
        "value keeps the sign that is written.",
    )
    implied_unit: bool = Field(
        default=False,
        description="The unit is not written but implied by the subject: 매출 3150억 → KRW.",
    )

    @model_validator(mode="after")
    def _values(self) -> Figure:
        if self.kind == "ratio":
            if self.terms is None or len(self.terms) < 2 or self.value is not None:
                raise ValueError("a ratio has two or more terms and no value")
        elif self.terms is not None:
            raise ValueError("only a ratio has terms")
        needs_value = self.kind not in ("date", "time", "ratio")
        if needs_value and self.value is None and (self.low is None or self.high is None):
            raise ValueError("a figure needs a value or both low and high")
        for v in (self.value, self.low, self.high, *(self.terms or ())):
            if v is not None and not v.is_finite():
                raise ValueError("figure values must be finite")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError("low must not exceed high")
        return self

    def __repr__(self) -> str:
        """One line: ``Figure(money '1700억 달러' = 170000000000 USD @134:142)``."""
        where = f"@{self.start}:{self.end}"
        if self.equivalent is not None:
            where += f", equivalent {short(self.equivalent.text, 30)!r}"
        return f"Figure({self.kind} {short(self.text, 60)!r} = {figure_value(self)} {where})"

    @property
    def is_range(self) -> bool:
        """True when the figure is a range (``low``–``high``)."""
        return self.value is None and self.low is not None

    @property
    def quantity(self) -> pint.Quantity[Any] | None:
        """``value`` with its unit as a pint quantity (None for ranges, dates, times)."""
        if self.value is None or self.unit is None:
            return None
        from newsfigs.units import quantity

        q: pint.Quantity[Any] = quantity(self.value, self.unit)
        return q

    @property
    def range_quantities(self) -> tuple[pint.Quantity[Any], pint.Quantity[Any]] | None:
        """``(low, high)`` as pint quantities for a range, else None."""
        if self.low is None or self.high is None or self.unit is None:
            return None
        from newsfigs.units import quantity

        return quantity(self.low, self.unit), quantity(self.high, self.unit)


class Mention(Spanned):
    """One place in the text where an entity is named."""


class Person(BaseModel):
    """A person of the document with every mention of them."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: Text
    aliases: list[Text] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    title: Text | None = None
    affiliation: Text | None = None

    def __repr__(self) -> str:
        """One line: ``Person('이재용', 회장, 삼성전자, 2 mentions)``."""
        facts = [
            repr(short(self.name, 40)),
            *(short(x, 30) for x in (self.title, self.affiliation) if x),
        ]
        return f"Person({', '.join(facts)}, {plural(len(self.mentions), 'mention')})"


OrgCategory = Literal[
    "company",
    "government",
    "media",
    "investor",
    "university",
    "party",
    "international",
    "research",
    "association",
    "other",
]


class Organization(BaseModel):
    """An organization of the document with every mention of it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: Text
    aliases: list[Text] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    category: OrgCategory | None = None
    generic: bool = False
    """A generic reference to an institution (``정부``, ``검찰``, ``국회``): which one is known
    from the article, not from the name (docs/entities.md, "Institutions as actors")."""

    def __repr__(self) -> str:
        """One line: ``Organization('삼성전자', company, 2 mentions)``."""
        facts = [repr(short(self.name, 40)), *([self.category] if self.category else [])]
        return f"Organization({', '.join(facts)}, {plural(len(self.mentions), 'mention')})"


class Document(BaseModel):
    """Everything newsfigs found in one text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: Text
    reference_date: datetime.date | None = None
    figures: list[Figure] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)

    def __repr__(self) -> str:
        """One line with counts: ``Document('삼성전자는 지난해 …' (120 chars), 3 figures, …)``."""
        counts = ", ".join(
            (
                plural(len(self.figures), "figure"),
                plural(len(self.people), "person", "people"),
                plural(len(self.organizations), "organization"),
            )
        )
        ref = f", reference_date={self.reference_date.isoformat()}" if self.reference_date else ""
        return f"Document({short(self.text, 40)!r} ({len(self.text):,} chars), {counts}{ref})"

    def __iter__(self) -> Any:  # pydantic's would yield (field, value) pairs
        """Not iterable: ``for x in doc`` would otherwise quietly give pydantic's field pairs."""
        raise TypeError(
            "a Document is not iterable: use doc.spans() (every figure and mention in text "
            "order), doc.figures, doc.people or doc.organizations"
        )

    def spans(self) -> list[Span]:
        """Every figure and every person or organization mention, in text order.

        A figure comes before a mention of the same span; ``item`` is the Figure, Person or
        Organization, so a mention leads to its entity.
        """
        found = [Span(f.start, f.end, f.text, f.kind, f) for f in self.figures]
        for p in self.people:
            found.extend(Span(m.start, m.end, m.text, "person", p) for m in p.mentions)
        for o in self.organizations:
            found.extend(Span(m.start, m.end, m.text, "organization", o) for m in o.mentions)
        found.sort(key=lambda s: (s.start, s.end))  # stable: figures first on a shared span
        return found

    def figures_of(self, *kinds: str) -> list[Figure]:
        """The figures of the given kinds (``"money"``, ``"percent"`` …), in text order."""
        unknown = [k for k in kinds if k not in FIGURE_KINDS]
        if unknown or not kinds:
            raise ValueError(f"figures_of expects kinds among {FIGURE_KINDS}, got {kinds!r}")
        return [f for f in self.figures if f.kind in kinds]

    def _repr_html_(self) -> str:
        """Jupyter's view: the text with figures, people and organizations highlighted."""
        if VIEWS.html is None:  # pragma: no cover - the package imports newsfigs.html
            raise RuntimeError("newsfigs.html is not loaded: import newsfigs")
        return VIEWS.html(self)

    def to_records(
        self, *, decimals: Literal["decimal", "float", "str"] = "decimal"
    ) -> list[dict[str, Any]]:
        """One flat dict per figure and entity mention, ready for ``pandas.DataFrame``."""
        if VIEWS.records is None:  # pragma: no cover - the package imports newsfigs.records
            raise RuntimeError("newsfigs.records is not loaded: import newsfigs")
        return VIEWS.records(self, decimals=decimals)


class Span(NamedTuple):
    """One highlight of ``Document.spans()``: a figure or an entity mention."""

    start: int
    end: int
    text: str
    kind: str
    """The figure's kind, or ``person`` / ``organization``."""
    item: Figure | Person | Organization


class RecordsView(Protocol):
    """The signature of ``newsfigs.records.to_records``."""

    def __call__(
        self, doc: Document, *, decimals: Literal["decimal", "float", "str"] = ...
    ) -> list[dict[str, Any]]: ...


class Views:
    """Where ``Document._repr_html_`` and ``Document.to_records`` find their implementation.

    ``newsfigs.html`` and ``newsfigs.records`` build on these models and fill in their slot
    when imported (``newsfigs/__init__`` imports both), so they import models and models
    imports neither: no import cycle, and the methods still work.
    """

    html: Callable[[Document], str] | None = None
    records: RecordsView | None = None


VIEWS = Views()
