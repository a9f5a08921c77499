"""``parse_number``: worked examples and round-trip properties.

The examples are the numeral shapes a Korean news reader meets (Arabic with separators, 만/억/조/경
mixed with digits, Sino-Korean words, native words). The properties render random integers in
each style with renderers written here, independently of the parser, and parse them back.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfigs import parse_number
from newsfigs.numbers import native_numerals, native_range, parse_fraction

EXAMPLES: list[tuple[str, str]] = [
    # Arabic, separators, decimals
    ("0", "0"),
    ("7", "7"),
    ("300", "300"),
    ("1700", "1700"),
    ("1,700", "1700"),
    ("12,345,678", "12345678"),
    ("98.32", "98.32"),
    ("0.25", "0.25"),
    ("1,234.5", "1234.5"),
    ("3.0", "3"),
    ("10.50", "10.5"),
    (" 42 ", "42"),
    # 만/억/조/경 with Arabic digits
    ("만", "10000"),
    ("1만", "10000"),
    ("3만", "30000"),
    ("1억", "100000000"),
    ("1700억", "170000000000"),
    ("1,700억", "170000000000"),
    ("4조9000억", "4900000000000"),
    ("4조 9000억", "4900000000000"),
    ("2조 5,000억", "2500000000000"),
    ("1억2천만", "120000000"),
    ("3천만", "30000000"),
    ("2억 4천 4백만", "244000000"),
    ("12억3456만", "1234560000"),
    ("1조 2000", "1000000002000"),
    ("2경 3000조", "23000000000000000"),
    ("1경", "10000000000000000"),
    ("1.5억", "150000000"),
    ("0.5만", "5000"),
    ("3.7만", "37000"),
    ("5.5조", "5500000000000"),
    ("1억 만", "100010000"),
    # Sino-Korean words, with and without 일 before 십/백/천
    ("영", "0"),
    ("일", "1"),
    ("구", "9"),
    ("십", "10"),
    ("일십", "10"),
    ("오십", "50"),
    ("이십일", "21"),
    ("백", "100"),
    ("일백", "100"),
    ("천", "1000"),
    ("일천", "1000"),
    ("삼천오백", "3500"),
    ("천백십일", "1111"),
    ("구천구백구십구", "9999"),
    ("십만", "100000"),
    ("백만", "1000000"),
    ("천만", "10000000"),
    ("일천만", "10000000"),
    ("이만오천", "25000"),
    ("삼만", "30000"),
    ("이천칠백사십오억", "274500000000"),
    ("일억", "100000000"),
    ("사천오백육십칠만 팔천구백", "45678900"),
    ("삼조 오천억", "3500000000000"),
    # native numerals and determiners
    ("하나", "1"),
    ("한", "1"),
    ("첫", "1"),
    ("둘", "2"),
    ("두", "2"),
    ("세", "3"),
    ("셋", "3"),
    ("네", "4"),
    ("다섯", "5"),
    ("일곱", "7"),
    ("아홉", "9"),
    ("열", "10"),
    ("열한", "11"),
    ("열두", "12"),
    ("스무", "20"),
    ("스물", "20"),
    ("스물다섯", "25"),
    ("서른", "30"),
    ("서른다섯", "35"),
    ("마흔두", "42"),
    ("쉰", "50"),
    ("예순일곱", "67"),
    ("아흔아홉", "99"),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES, ids=[t for t, _ in EXAMPLES])
def test_parse_number_examples(text: str, expected: str) -> None:
    assert parse_number(text) == Decimal(expected)


INVALID: list[str] = [
    "",
    "   ",
    "abc",
    "1,70",
    "17,00",
    ",100",
    "1.2.3",
    ".5",
    "5.",
    "만억",
    "억만억",
    "백천",
    "십십",
    "이이",
    "12삼",
    "삼성",
    "이천시",
    "오사카",
    "구미",
    "사고",
    "두부",
    "한국",
    "세계",
    "열차",
    "스물다섯다섯",
    "열열",
    "-5",
    "1e3",
    "%",
]


@pytest.mark.parametrize("text", INVALID, ids=[repr(t) for t in INVALID])
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "1,0000",
            marks=pytest.mark.xfail(strict=True, reason="a 4-digit group after a comma passes"),
        ),
        pytest.param(
            "1234,567",
            marks=pytest.mark.xfail(strict=True, reason="a 4-digit group before a comma passes"),
        ),
        pytest.param(
            "12 34",
            marks=pytest.mark.xfail(strict=True, reason="spaces inside a digit run are dropped"),
        ),
    ],
)
def test_parse_number_rejects_known_gaps(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize("value", [None, 123, 1.5, b"123", ["1"], Decimal("1")])
def test_parse_number_needs_str(value: object) -> None:
    with pytest.raises(TypeError):
        parse_number(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("denominator", "numerator", "expected"),
    [
        ("3", "1", Decimal(1) / Decimal(3)),
        ("4", "3", Decimal("0.75")),
        ("10", "1", Decimal("0.1")),
        ("삼", "일", Decimal(1) / Decimal(3)),
        ("100", "15", Decimal("0.15")),
    ],
)
def test_parse_fraction(denominator: str, numerator: str, expected: Decimal) -> None:
    assert parse_fraction(denominator, numerator) == expected


def test_parse_fraction_zero_denominator() -> None:
    with pytest.raises(ValueError):
        parse_fraction("0", "1")


# --- renderers for the round-trip properties -------------------------------------------

SINO = "영일이삼사오육칠팔구"
BIG = ((16, "경"), (12, "조"), (8, "억"), (4, "만"), (0, ""))
SMALL = ((1000, "천"), (100, "백"), (10, "십"))
LIMIT = 10**20


def _groups(n: int) -> list[tuple[int, str]]:
    """The non-zero 4-digit groups of ``n`` with their big-unit marker, highest first.

    The 경 group keeps everything above 10^16, so it may exceed 9999 (10^20 → 10000경).
    """
    out = []
    for power, marker in BIG:
        g = n // 10**power if power == 16 else n // 10**power % 10**4
        if g:
            out.append((g, marker))
    return out


def _sino_group(g: int, explicit_one: bool) -> str:
    """1..9999 in Sino-Korean words (천오백 / 일천오백)."""
    out = []
    for value, unit in SMALL:
        d = g // value % 10
        if d == 1:
            out.append(("일" if explicit_one else "") + unit)
        elif d:
            out.append(SINO[d] + unit)
    if g % 10:
        out.append(SINO[g % 10])
    return "".join(out)


def render_sino(n: int, explicit_one: bool, sep: str) -> str:
    """``n`` < 10^20 in Sino-Korean words: 이천칠백사십오억, 삼천오백만 이천."""
    if n == 0:
        return "영"
    parts = []
    for g, marker in _groups(n):
        if g == 1 and marker and not explicit_one:
            parts.append(marker)  # 만, 억 alone
        else:
            parts.append(_sino_group(g, explicit_one) + marker)
    return sep.join(parts)


def _arabic_small(g: int) -> str:
    """1..9999 as digits with 천/백/십 markers: 4천4백, 1천2십5."""
    out = [f"{g // v % 10}{u}" for v, u in SMALL if g // v % 10]
    if g % 10:
        out.append(str(g % 10))
    return "".join(out)


def render_mixed(n: int, styles: list[str], sep: str) -> str:
    """``n`` as Arabic groups with 경/조/억/만 markers: 4조9000억, 2억 4천4백만, 1,700억."""
    if n == 0:
        return "0"
    parts = []
    for i, (g, marker) in enumerate(_groups(n)):
        style = styles[i % len(styles)]
        if style == "small" and g < 10**4:
            text = _arabic_small(g)
        elif style == "comma":
            text = f"{g:,}"
        else:
            text = str(g)
        parts.append(text + marker)
    return sep.join(parts)


integers = st.integers(min_value=0, max_value=LIMIT)


@given(integers)
def test_roundtrip_plain_digits(n: int) -> None:
    assert parse_number(str(n)) == n


@given(integers)
def test_roundtrip_thousands_commas(n: int) -> None:
    assert parse_number(f"{n:,}") == n


@given(
    st.integers(min_value=0, max_value=LIMIT - 1),  # 10^20 would be 만경, not a Korean numeral
    st.booleans(),
    st.sampled_from(["", " "]),
)
def test_roundtrip_sino_korean(n: int, explicit_one: bool, sep: str) -> None:
    text = render_sino(n, explicit_one, sep)
    assert parse_number(text) == n, text


@given(
    integers,
    st.lists(st.sampled_from(["plain", "comma", "small"]), min_size=1, max_size=5),
    st.sampled_from(["", " "]),
)
def test_roundtrip_mixed(n: int, styles: list[str], sep: str) -> None:
    text = render_mixed(n, styles, sep)
    assert parse_number(text) == n, text


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=10**6))
def test_roundtrip_decimals(whole: int, frac: int) -> None:
    text = f"{whole:,}.{frac}"
    assert parse_number(text) == Decimal(f"{whole}.{frac}")


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=99))
def test_decimal_with_multiplier(whole: int, tenths: int) -> None:
    """``1.5억`` style: a decimal scaled by a big unit is an exact integer or decimal."""
    text = f"{whole}.{tenths:02d}억"
    assert parse_number(text) == Decimal(f"{whole}.{tenths:02d}") * 10**8


# --- native ranges: two determiners of consecutive value (한두, 서너) -------------------------


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("한두", 1, 2),
        ("두세", 2, 3),
        ("세네", 3, 4),
        ("서너", 3, 4),
        ("네댓", 4, 5),
        ("너댓", 4, 5),
        ("열두세", 12, 13),
        ("스물두세", 22, 23),
        ("서른서너", 33, 34),
        ("두어", 2, 2),  # about two: low = high (figures read it as approximate)
    ],
)
def test_native_range(text: str, low: int, high: int) -> None:
    assert native_range(text) == (Decimal(low), Decimal(high))


@pytest.mark.parametrize(
    "text", ["한", "두", "한세", "세두", "서른", "열두", "스물다섯", "", "1", "열세두", "열스물"]
)
def test_native_range_rejects(text: str) -> None:
    assert native_range(text) is None


ONES = {w: v for w, v in native_numerals().items() if v < 10 and w != "첫"}


@given(st.sampled_from(sorted(ONES)), st.sampled_from(sorted(ONES)))
def test_native_range_is_consecutive(first: str, second: str) -> None:
    """Any pair of ones words is a range exactly when the values are n and n + 1."""
    got = native_range(first + second)
    if ONES[second] == ONES[first] + 1:
        assert got == (Decimal(ONES[first]), Decimal(ONES[second]))
    else:
        assert got is None
