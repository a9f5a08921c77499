"""Korean numerals → ``Decimal``: Arabic, 만/억/조/경 mixed, Sino-Korean and native words.

Pure functions, no analyzer: ``parse_number("4조9000억") == Decimal("4900000000000")``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import (
    ROUND_HALF_EVEN,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
    localcontext,
)
from typing import ParamSpec, TypeVar

import regex

from newsfigs.core.resources import read_rows, resource

SINO_DIGITS: dict[str, int] = {
    "영": 0, "공": 0, "일": 1, "이": 2, "삼": 3, "사": 4,
    "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9,
}  # fmt: skip
SMALL_UNITS: dict[str, int] = {"십": 10, "백": 100, "천": 1000}

MIDDLE_DOTS = "·ㆍ∙"
"""The dots news writes between two numbers read as one (3·4분기, 3·1절, 6·25): figures and
dates both treat the number after one as the tail of the first."""
BIG_UNITS: dict[str, int] = {"만": 10**4, "억": 10**8, "조": 10**12, "경": 10**16}
SPOKEN_POINT = "점"  # 삼점오 = 3.5: the decimal point read aloud
HALF = "반"  # 반 리터 = 0.5 L: a half standing for the number

CONTEXT = Context(
    prec=28,
    rounding=ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    capitals=1,
    clamp=0,
    flags=[],
    traps=[InvalidOperation, DivisionByZero, Overflow],
)
"""The ``decimal`` context of all of newsfigs' arithmetic: Python's default, fixed here so
results never depend on the caller's ``decimal.getcontext()`` (its precision, rounding or
traps). ``with localcontext(CONTEXT)`` is entered per call, never around a ``yield``."""

_P = ParamSpec("_P")
_R = TypeVar("_R")


def in_context(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """``fn`` run in ``CONTEXT`` whatever the caller's decimal context."""

    @functools.wraps(fn)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with localcontext(CONTEXT):
            return fn(*args, **kwargs)

    return run


_ARABIC = regex.compile(r"\d++(?:\.\d++)?")
_COMMA_GROUPED = regex.compile(r"\d{1,3}(?:,\d{3})++(?:\.\d++)?")
_PLAIN = regex.compile(r"[0-9]++(?:\.[0-9]++)?+")


@resource
def native_numerals() -> dict[str, int]:
    """Native numeral words and determiners (하나, 두, 스무, 서른 …) → value."""
    return {row[0]: int(row[1]) for row in read_rows("shared/numerals.tsv")}


@resource
def contracted_ranges() -> dict[str, tuple[int, int]]:
    """Contracted native ranges (대여섯, 예닐곱, 일고여덟 …) → (low, high)."""
    return {row[0]: (int(row[1]), int(row[2])) for row in read_rows("shared/numeral_ranges.tsv")}


def _native_value(text: str) -> int | None:
    """Value of a native numeral such as 스물다섯 or 열한 (tens word + unit word)."""
    table = native_numerals()
    if text in table:
        return table[text]
    for i in range(1, len(text)):
        tens, ones = text[:i], text[i:]
        tv, ov = table.get(tens), table.get(ones)
        if tv is not None and ov is not None and tv % 10 == 0 and tv >= 10 and 0 < ov < 10:
            return tv + ov
    return None


def native_range(text: str) -> tuple[Decimal, Decimal] | None:
    """``한두`` → (1, 2), ``서너`` → (3, 4): two native determiners of consecutive value.

    Korean writes "one or two", "three or four" by running two determiners together; any pair
    whose values are n and n + 1 (below ten) is such a range, also after a tens word (``열두세``
    → (12, 13), ``스물두세`` → (22, 23)). Contracted forms that are not a
    plain pair (``대여섯`` 5–6, ``예닐곱`` 6–7, ``일고여덟`` 7–8, ``두서너`` 2–4) are listed in
    ``data/numeral_ranges.tsv``.
    """
    contracted = contracted_ranges().get(text)
    if contracted is not None:
        return Decimal(contracted[0]), Decimal(contracted[1])
    table = native_numerals()
    tens = 0
    for i in range(1, len(text) - 1):  # 열두세 → 12–13: a tens word before the pair
        value = table.get(text[:i])
        if value is not None and value >= 10 and value % 10 == 0:
            tens, text = value, text[i:]
            break
    for i in range(1, len(text)):
        low, high = table.get(text[:i]), table.get(text[i:])
        if low is not None and high is not None and high == low + 1 and high < 10:
            return Decimal(tens + low), Decimal(tens + high)
    return None


def _strip_commas(text: str) -> str:
    """Drop thousands separators, insisting they group by three (1,700 yes; 1,70 no)."""

    def fix(m: regex.Match[str]) -> str:
        return m.group(0).replace(",", "")

    out = _COMMA_GROUPED.sub(fix, text)
    if "," in out:
        raise ValueError(f"misplaced thousands separator in {text!r}")
    return out


@in_context
def parse_number(text: str) -> Decimal:
    """Parse a Korean or Arabic numeral into an exact ``Decimal``.

    Accepts ``1,700``, ``98.32``, ``4조9000억``, ``2억 4천 4백만``, ``삼천오백``,
    ``이천칠백사십오억``, ``서른다섯``, ``두``. Raises ``ValueError`` for anything else.
    """
    return read_number(text)


def read_number(text: str) -> Decimal:
    """``parse_number`` in the decimal context already entered: for the recognizers, which
    ``api.Extractor`` runs inside ``CONTEXT`` (entering it again per number cost a third of
    reading a plain number)."""
    if not isinstance(text, str):
        raise TypeError(f"parse_number expects a str, got {type(text).__name__}")
    if _PLAIN.fullmatch(text):  # 2014, 3.5: most numbers, read as the loop below reads them
        plain = Decimal(0) + Decimal(text)
        return plain.normalize() if plain != plain.to_integral_value() else plain.quantize(1)
    s = "".join(_strip_commas(text.strip()).split())
    if not s:
        raise ValueError("empty numeral")
    if s == HALF:
        return Decimal("0.5")
    if SPOKEN_POINT in s:
        return _spoken_decimal(s, text)
    native = _native_value(s)
    if native is not None:
        return Decimal(native)
    total = Decimal(0)  # finished big-unit groups
    section = Decimal(0)  # small-unit terms of the current group
    pending: Decimal | None = None  # a digit string or Sino digit not yet placed
    last_big = 10**20
    last_small = 10**5
    i = 0
    while i < len(s):
        ch = s[i]
        m = _ARABIC.match(s, i)
        if m:
            if pending is not None:
                raise ValueError(f"two numbers in a row in {text!r}")
            try:
                pending = Decimal(m.group(0))
            except InvalidOperation as exc:  # pragma: no cover - regex guarantees digits
                raise ValueError(text) from exc
            i = m.end()
            continue
        if ch in SINO_DIGITS:
            if pending is not None:
                raise ValueError(f"two digits in a row in {text!r}")
            pending = Decimal(SINO_DIGITS[ch])
        elif ch in SMALL_UNITS:
            mult = SMALL_UNITS[ch]
            if mult >= last_small:
                raise ValueError(f"small units out of order in {text!r}")
            last_small = mult
            section += (Decimal(1) if pending is None else pending) * mult
            pending = None
        elif ch in BIG_UNITS:
            mult = BIG_UNITS[ch]
            if mult >= last_big:
                raise ValueError(f"big units out of order in {text!r}")
            last_big = mult
            group = section + (pending if pending is not None else Decimal(0))
            if group == 0:
                group = Decimal(1)  # 만 alone = 10000, 억 alone = 10^8
            total += group * mult
            section, pending, last_small = Decimal(0), None, 10**5
        else:
            raise ValueError(f"not a numeral: {text!r}")
        i += 1
    result = total + section + (pending if pending is not None else Decimal(0))
    return result.normalize() if result != result.to_integral_value() else result.quantize(1)


def _spoken_decimal(s: str, text: str) -> Decimal:
    """``삼점오`` → 3.5, ``영점영이`` → 0.02: Sino digits read one by one after 점."""
    whole, _, digits = s.partition(SPOKEN_POINT)
    if not whole or not digits or any(ch not in SINO_DIGITS for ch in digits):
        raise ValueError(f"not a spoken decimal: {text!r}")
    left = parse_number(whole)
    if left != left.to_integral_value():
        raise ValueError(f"a decimal before 점 in {text!r}")
    fraction = "".join(str(SINO_DIGITS[ch]) for ch in digits)
    return Decimal(f"{left.quantize(1)}.{fraction}").normalize()


@in_context
def parse_fraction(denominator: str, numerator: str) -> Decimal:
    """``3분의 1`` is written denominator first: returns numerator / denominator."""
    den = parse_number(denominator)
    if den == 0:
        raise ValueError("zero denominator")
    return parse_number(numerator) / den
