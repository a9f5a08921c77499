"""The basis of a price or amount per unit: ``배럴당 80달러``, ``3.3㎡당 4,190만원``,
``1인당 30만원`` (docs/figures.md, "Prices per unit").

The figure stays the amount as written (80 USD); the basis goes into ``per_unit`` so a
program can divide (80 USD per 1 barrel, 41,900,000 KRW per 3.3 m²). A length per a volume or
an energy is an economy (``1kWh당 6km`` → 6 km/kWh), not a plain length.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from newsfigs.core.analyzer import Analysed
from newsfigs.core.resources import read_rows, resource
from newsfigs.core.scan import literal_alternation
from newsfigs.figures.figure_patterns import AR, Patterns, patterns
from newsfigs.figures.signs import sign_tables
from newsfigs.models import Basis, FigureKind
from newsfigs.numbers import parse_number

# kinds that take a basis (1인당 30만원, 가구당 84㎡, 1인당 10GB), and the kinds of unit a basis
# may have; a money basis (달러당 1,380원) only of money, the share (주당 7만원) only of money
# right after it
_TAKES_BASIS = frozenset(
    {"money", "count", "mass", "volume", "energy", "length", "area", "data_size"}
)
_ECONOMY_OF = frozenset({"volume", "energy"})  # 1kWh당 6km, ℓ당 13.5km: length per these
_SHARE = "주"
_COUNT = "count"
# the words between the basis and the figure name the thing priced: nouns and their particles
# (3.3㎡당 평균 분양가는 3,200만원), never a verb or a number
_GAP_TAGS = frozenset({"NNG", "NNP", "XSN", "XPN", "JKS", "JX", "JKG", "SL"})
_WINDOW = 40


@dataclass(frozen=True)
class BasisTables:
    """The basis pattern and what each written basis word means."""

    pattern: regex.Pattern[str]  # searched with endpos = the figure's start
    bare: frozenset[str]  # words that are a basis alone before 당 (배럴당, 평당, 인당)
    units: dict[str, tuple[str, FigureKind | None]]  # word → (unit, kind of that unit)


@resource
def basis_tables() -> BasisTables:
    """Build the pattern from ``data/figures/basis_words.tsv`` and the unit tables (once)."""
    P: Patterns = patterns()
    units: dict[str, tuple[str, FigureKind | None]] = {
        s: (e.unit, e.kind) for s, e in P.units.items() if e.kind in _TAKES_BASIS
    }
    rows = read_rows("figures/basis_words.tsv")
    for word, unit in rows:
        entry = P.units.get(word)
        units[word] = (unit, entry.kind if entry is not None and unit != _COUNT else None)
    pattern = regex.compile(
        rf"(?<![0-9A-Za-z가-힣.,])(?:(?P<num>{AR}[만억]?+)\x20?+)?+"
        rf"(?P<u>{literal_alternation(units)})당"
        r"\x20?+(?P<gap>(?:[가-힣]{1,8}+\x20){0,2}+)\Z"
    )
    return BasisTables(pattern, frozenset(w for w, _ in rows), units)


@dataclass(frozen=True)
class Based:
    """A basis before a figure, and the kind of its unit (None for a thing counted)."""

    basis: Basis
    kind: FigureKind | None


def basis_before(a: Analysed, kind: FigureKind, start: int) -> Based | None:
    """The basis written before the figure starting at ``start``, if ``kind`` takes one."""
    t = a.text
    lo = max(0, start - _WINDOW)
    if kind not in _TAKES_BASIS or "당" not in t[lo:start]:
        return None
    B = basis_tables()
    m = B.pattern.search(t, lo, start)
    if m is None or not _gap_is_nouns(a, m.start("gap"), m.end("gap")):
        return None
    word, num = m.group("u"), m.group("num")
    if num is None and word not in B.bare:
        return None  # a unit alone (m당, g당 of a longer word): only the listed words
    unit, basis_kind = B.units[word]
    if unit == _COUNT and word == _SHARE and num is None and (kind != "money" or m.group("gap")):
        return None  # 주당 40시간, 주당 임금: a week, unsure
    if basis_kind == "money" and kind != "money":
        return None  # 달러당 1,380원 is an exchange rate; 달러당 3명 is no basis
    value = parse_number(num) if num is not None else Decimal(1)
    if value <= 0:
        return None
    noun = word if unit == _COUNT else None
    return Based(Basis(value=value, unit=unit, noun=noun), basis_kind)


def rate_or_basis(word: str) -> bool:
    """``주당``, ``달러당``, ``하루``: a rate or basis word, never the noun a count counts."""
    if word in sign_tables().rates:
        return True
    return word.endswith("당") and word[:-1] in basis_tables().bare


def economy_unit(based: Based, unit: str) -> tuple[FigureKind, str] | None:
    """``1kWh당 6km`` → ``km/kWh``: a length per one unit of volume or energy is an economy
    (kind and unit; ``ℓ당 13.5km`` is read by the rate words)."""
    if based.basis.value != 1 or based.kind not in _ECONOMY_OF:
        return None
    kind: FigureKind = "energy_efficiency" if based.kind == "energy" else "fuel_economy"
    return kind, f"{unit}/{based.basis.unit}"


def _gap_is_nouns(a: Analysed, start: int, end: int) -> bool:
    """The words between the basis and the figure are a noun phrase (or nothing)."""
    if start == end:
        return True
    return all(tok.tag in _GAP_TAGS for tok in a.tokens_in(start, end) if tok.end <= end)
