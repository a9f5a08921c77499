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

from newsfigs.date_info import DateInfo as DateInfo
from newsfigs.date_info import DatePrecision as DatePrecision
from newsfigs.date_info import DayPart as DayPart
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
    "energy_efficiency",
    "frequency",
    "voltage",
    "current",
    "charge",
    "pressure",
    "concentration",
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


class Basis(BaseModel):
    """What a price or amount per unit is per: ``3.3㎡당 4,190만원`` → 3.3 m**2.

    ``unit`` is a unit of the registry (``m**2``, ``barrel``, ``kWh``, ``USD``), or ``count``
    with the thing counted in ``noun`` (``1인당`` → 1 count of 인), so ``fig.quantity /
    fig.per_unit.quantity`` is a price per m² or per barrel (docs/figures.md, "Prices per unit").
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    value: Decimal = Field(default=Decimal(1), description="The basis as written (3.3㎡당 → 3.3).")
    unit: str = Field(description="A unit of newsfigs' pint registry, or count.")
    noun: Text | None = Field(default=None, description="What a count basis counts (인, 가구).")

    @property
    def quantity(self) -> pint.Quantity[Any]:
        """The basis as a pint quantity (1 barrel, 3.3 m**2, 1 count)."""
        from newsfigs.units import quantity

        q: pint.Quantity[Any] = quantity(self.value, self.unit)
        return q


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
    per_unit: Basis | None = Field(
        default=None,
        description="The basis of a price per unit: 배럴당 80달러 → 1 barrel, 1인당 → 1 count 인.",
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
        if VIEWS.html is None:
            VIEWS.load_views()
        if VIEWS.html is None:  # pragma: no cover - loading newsfigs.html fills the slot
            raise RuntimeError("newsfigs.html is not loaded: import newsfigs")
        return VIEWS.html(self)

    def to_records(
        self, *, decimals: Literal["decimal", "float", "str"] = "decimal"
    ) -> list[dict[str, Any]]:
        """One flat dict per figure and entity mention, ready for ``pandas.DataFrame``."""
        if VIEWS.records is None:
            VIEWS.load_views()
        if VIEWS.records is None:  # pragma: no cover - loading newsfigs.records fills the slot
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
    when imported, so they import models and models imports neither: no import cycle, and the
    methods still work. ``import newsfigs`` does not load them (a first ``extract`` needs
    neither): it sets ``load_views``, which the methods call the first time.
    """

    html: Callable[[Document], str] | None = None
    records: RecordsView | None = None
    load_views: Callable[[], None] = staticmethod(lambda: None)
    """Imports the modules that fill the slots (set by ``newsfigs/__init__``)."""


VIEWS = Views()
