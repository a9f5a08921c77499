"""The notebook view: escaped text, well-formed highlights, and a real browser draws them."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import struct
import subprocess
import zlib
from decimal import Decimal
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsfigs
from newsfigs import Document, Figure, Mention, Organization, Person
from newsfigs.html import figure_note, page, render

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_629ee8cb122f066e.txt"
VOID = {"meta", "br", "hr"}


class _Checker(HTMLParser):
    """Balanced tags, and the text outside value notes, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.in_note = 0
        self.marks: list[dict[str, str | None]] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts += 1
        if tag in VOID:
            return
        self.stack.append(tag)
        d = dict(attrs)
        if tag == "sub" and d.get("class") == "nf-note":
            self.in_note += 1
        if tag == "mark":
            self.marks.append(d)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
        if tag == "sub" and self.in_note:
            self.in_note -= 1

    def handle_data(self, data: str) -> None:
        if self.in_note == 0:
            self.text.append(data)


def _check(markup: str) -> _Checker:
    c = _Checker()
    c.feed(markup)
    c.close()
    assert c.stack == [], f"unclosed tags {c.stack}"
    return c


def _shown_text(markup: str) -> str:
    """The document's text as rendered, without the legend and the value notes."""
    body = markup.split('<div class="nf-text"', 1)[1]
    return "".join(_check('<div class="nf-text"' + body[: body.rindex("</div>")]).text)


def _figure(text: str, part: str, kind: str = "money", unit: str = "KRW") -> Figure:
    i = text.index(part)
    return Figure(start=i, end=i + len(part), text=part, kind=kind, value=Decimal(100), unit=unit)


def test_text_is_escaped() -> None:
    text = "<script>alert('x')</script> A&B \"인용\" 매출 100억원 <b>굵게</b>"
    doc = Document(text=text, figures=[_figure(text, "100억원")])
    markup = render(doc)
    checker = _check(markup)
    assert checker.scripts == 0, "the caller's <script> must not become a tag"
    assert "&lt;script&gt;" in markup and "A&amp;B" in markup
    assert "<b>" not in markup
    assert _shown_text(markup) == text


def test_titles_and_notes_are_escaped() -> None:
    text = '회사 "A&B<i>" 관계자'
    part = "A&B<i>"
    i = text.index(part)
    org = Organization(
        name=part, mentions=[Mention(start=i, end=i + len(part), text=part)], category="company"
    )
    markup = render(Document(text=text, organizations=[org]))
    checker = _check(markup)
    assert checker.marks[0]["title"] == "organization: A&B<i> (company)"
    assert "<i>" not in markup


def test_every_kind_of_span_is_highlighted_with_its_value() -> None:
    text = "홍길동 대표는 한빛전자가 3조원을 투자한다고 2025년 3월 4일 밝혔다."
    date_at = text.index("2025년 3월 4일")
    date = Figure(
        start=date_at,
        end=date_at + len("2025년 3월 4일"),
        text="2025년 3월 4일",
        kind="date",
        date={"year": 2025, "month": 3, "day": 4, "resolved": "2025-03-04", "precision": "day"},
    )
    money = _figure(text, "3조원")
    money = money.model_copy(update={"value": Decimal("3E+12"), "approximate": True})
    person = Person(name="홍길동", title="대표", mentions=[Mention(start=0, end=3, text="홍길동")])
    i = text.index("한빛전자")
    org = Organization(name="한빛전자", mentions=[Mention(start=i, end=i + 4, text="한빛전자")])
    doc = Document(text=text, figures=[money, date], people=[person], organizations=[org])
    markup = doc._repr_html_()
    marks = _check(markup).marks
    assert [m["data-nf"] for m in marks] == ["person", "organization", "figure", "date"]
    assert len({m["style"] for m in marks}) == 4, "each category has its own colour"
    assert marks[2]["title"] == "money: ≈3조 KRW (3,000,000,000,000)", "compact, exact after"
    assert marks[3]["title"] == "date: 2025-03-04"
    assert marks[0]["title"] == "person: 홍길동 · 대표"
    assert "≈3조 KRW</sub>" in markup, "the value is shown inline too, never 13 bare digits"
    for category in ("figure", "date", "person", "organization"):
        assert f'data-legend="{category}"' in markup
    assert _shown_text(markup) == text


def test_figure_notes() -> None:
    text = "10~20% 절반 이상 최대 12GWh"
    pct = Figure(start=0, end=6, text="10~20%", kind="percent", low=10, high=20, unit="percent")
    half = Figure(
        start=7,
        end=12,
        text="절반 이상",
        kind="multiplier",
        value=Decimal("0.5"),
        unit="dimensionless",
        bound="at_least",
    )
    gwh = Figure(
        start=13, end=21, text="최대 12GWh", kind="energy", value=12, unit="GWh", bound="at_most"
    )
    assert [figure_note(f) for f in (pct, half, gwh)] == ["10–20%", "≥0.5×", "≤12 GWh"]
    assert text[13:21] == "최대 12GWh"


COMPACT_VALUES = [
    ("1700억 달러", "170000000000", "USD", False, "1,700억 USD"),
    ("약 240조원", "240000000000000", "KRW", True, "≈240조 KRW"),
    ("3.5조원", "3500000000000", "KRW", False, "3.5조 KRW"),
    ("3조 5천억원", "3.5E+12", "KRW", False, "3.5조 KRW"),
    ("12,345,678원", "12345678", "KRW", False, "1,234.5678만 KRW"),
    ("9,999원", "9999", "KRW", False, "9,999 KRW"),
    ("1만원", "10000", "KRW", False, "1만 KRW"),
    ("-2조원", "-2000000000000", "KRW", False, "-2조 KRW"),
    ("0.25달러", "0.25", "USD", False, "0.25 USD"),
]


@pytest.mark.parametrize(("text", "value", "unit", "approx", "note"), COMPACT_VALUES)
def test_values_are_compact_and_exact(
    text: str, value: str, unit: str, approx: bool, note: str
) -> None:
    f = Figure(
        start=0,
        end=len(text),
        text=text,
        kind="money",
        value=Decimal(value),
        unit=unit,
        approximate=approx,
    )
    assert figure_note(f) == note
    digits = [len(run) for run in "".join(c if c.isdigit() else " " for c in note).split()]
    assert max(digits) <= 4, "never a long run of bare digits"


DATE_NOTES = [
    ({"day": 22, "precision": "day"}, "22일, month not given"),
    (
        {"half": 1, "relative": "this", "offset": 0, "offset_unit": "year", "precision": "half"},
        "상반기, this year, no reference date",
    ),
    (
        {"relative": "last", "offset": -1, "offset_unit": "year", "precision": "year"},
        "last year, no reference date",
    ),
    (
        {"relative": "ago", "offset": -3, "offset_unit": "day", "precision": "day"},
        "3 days ago, no reference date",
    ),
    (
        {"relative": "later", "offset": 2, "offset_unit": "month", "precision": "month"},
        "in 2 months, no reference date",
    ),
    ({"month": 3, "precision": "month"}, "3월, year not given"),
    ({"hour": 15, "minute": 5, "precision": "minute"}, "15:05"),
    ({"year": 2021, "resolved_start": "2021-01-01", "resolved_end": "2021-12-31"}, "2021"),
    ({}, "not resolved"),
]


@pytest.mark.parametrize(("fields", "note"), DATE_NOTES)
def test_date_notes_are_words_not_field_dumps(fields: dict[str, object], note: str) -> None:
    f = Figure(start=0, end=2, text="날짜", kind="date", date=fields)
    assert figure_note(f) == note
    assert "=" not in note


def test_every_tooltip_has_content_without_a_reference_date() -> None:
    text = (
        "올해 상반기 22일 지난해 3월 홍길동 대표는 한빛전자가 1700억 달러(약 240조원)를 "
        "낸다고 밝혔다."
    )
    doc = newsfigs.extract(text)
    assert doc.reference_date is None and len(doc.figures) >= 5
    marks = _check(render(doc)).marks
    assert len(marks) >= len(doc.figures)
    for m in marks:
        title = m["title"] or ""
        assert title.split(": ", 1)[1].strip(), f"empty tooltip {title!r}"
        assert "=" not in title and "None" not in title, title


def test_overlapping_and_nested_spans_stay_well_formed() -> None:
    text = "가나다라마바사아자차카타파하"
    outer = _figure(text, "나다라마바사")
    inner = _figure(text, "다라")
    crossing = Person(name="마바사아자", mentions=[Mention(start=4, end=9, text="마바사아자")])
    doc = Document(text=text, figures=[outer, inner], people=[crossing])
    markup = render(doc)
    checker = _check(markup)
    assert _shown_text(markup) == text
    assert [m["data-nf"] for m in checker.marks].count("person") == 2, "split around the figure"


def test_equivalent_missing_from_figures_is_still_shown() -> None:
    text = "1700억 달러(약 240조원)"
    krw = _figure(text, "약 240조원")
    usd = _figure(text, "1700억 달러", unit="USD").model_copy(update={"equivalent": krw})
    marks = _check(render(Document(text=text, figures=[usd]))).marks
    assert len(marks) == 2
    assert "equivalent of: 1700억 달러" in (marks[1]["title"] or "")


def test_out_of_range_and_empty_spans_are_ignored() -> None:
    text = "짧은 글"
    ghost = Person(
        name="유령", mentions=[Mention(start=2, end=2, text=""), Mention(start=5, end=7, text="xy")]
    )
    markup = render(Document(text=text, people=[ghost]))
    assert _check(markup).marks == [] and _shown_text(markup) == text


@st.composite
def _documents(draw: st.DrawFn) -> Document:
    text = draw(st.text(alphabet="가나<>&\"' \n1억원", min_size=1, max_size=30))
    n = len(text)

    def span() -> tuple[int, int]:
        a = draw(st.integers(0, n - 1))
        return a, draw(st.integers(a + 1, n))

    figures = []
    for _ in range(draw(st.integers(0, 4))):
        a, b = span()
        figures.append(
            Figure(start=a, end=b, text=text[a:b], kind="count", value=Decimal(1), unit="count")
        )
    people = []
    for _ in range(draw(st.integers(0, 3))):
        a, b = span()
        people.append(Person(name="x", mentions=[Mention(start=a, end=b, text=text[a:b])]))
    return Document(text=text, figures=figures, people=people)


@settings(max_examples=150, deadline=None)
@given(_documents())
def test_any_spans_give_well_formed_markup_and_the_same_text(doc: Document) -> None:
    assert _shown_text(render(doc)) == doc.text


def _png_pixels(data: bytes, max_rows: int) -> tuple[int, int, list[bytes]]:
    """Width, height and the top RGB rows of an 8-bit non-interlaced PNG (Chromium's kind)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    width = height = channels = 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and interlace == 0 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(min(height, max_rows)):
        filt = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = prev[x]
            corner = prev[x - channels] if x >= channels else 0
            if filt == 1:
                line[x] = (line[x] + left) & 255
            elif filt == 2:
                line[x] = (line[x] + up) & 255
            elif filt == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif filt == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[x] = (line[x] + pred) & 255
        rgb = line if channels == 3 else bytearray(b for i, b in enumerate(line) if i % 4 != 3)
        rows.append(bytes(rgb))
        prev = line
    return width, height, rows


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None and Path("/usr/bin/chromium").exists():
        found = "/usr/bin/chromium"
    if found is None:
        pytest.skip("Chromium is not installed (apt-get install chromium to run this check)")
    return found


def _browser(tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--enable-logging=stderr",  # the page's console messages, errors included
        "--v=0",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    url = (tmp_path / "seed.html").as_uri()
    return subprocess.run(
        [_chromium(), *flags, *extra, url], capture_output=True, text=True, timeout=120
    )


def test_seed_article_renders_in_a_real_browser(tmp_path: Path) -> None:
    """Headless Chromium loads the page without a console message and paints every colour.

    Set ``NEWSFIGS_SCREENSHOT=/some/file.png`` to keep the picture and look at it.
    """
    _chromium()
    first_line = SEED.read_text(encoding="utf-8").splitlines()[0]
    doc = newsfigs.extract(first_line, datetime.date(2026, 3, 22))
    kinds = {f.kind for f in doc.figures}
    assert doc.people and doc.organizations and "date" in kinds and kinds - {"date"}
    hostile = '<script>console.error("injected")</script><img src=x onerror="console.log(1)">'
    trap = Document(
        text=hostile + " 매출 100억원", figures=[_figure(hostile + " 매출 100억원", "100억원")]
    )
    (tmp_path / "seed.html").write_text(page([doc, trap]), encoding="utf-8")
    loaded = _browser(tmp_path, "--dump-dom")
    assert loaded.returncode == 0, loaded.stderr
    console = [line for line in loaded.stderr.splitlines() if ":CONSOLE" in line]
    assert console == [], f"the page logged {console}"
    dom = loaded.stdout
    titles = [unescape(t) for t in re.findall(r'<mark [^>]*title="([^"]*)"', dom)]
    assert titles and all(t.split(": ", 1)[1].strip() for t in titles), "every tooltip says"
    assert not any("=" in t for t in titles), "no field dumps in tooltips"
    first, second = dom.split("<body", 1)[1].split("<hr>")
    assert _shown_text(first) == doc.text, "the browser shows the text as is"
    assert _shown_text(second) == trap.text and "<script" not in second
    spans = sum(len(p.mentions) for p in doc.people) + sum(
        len(o.mentions) for o in doc.organizations
    )
    assert dom.count('data-nf="figure"') + dom.count('data-nf="date"') >= len(doc.figures)
    assert dom.count('data-nf="person"') + dom.count('data-nf="organization"') >= spans
    png = tmp_path / "seed.png"
    shot = _browser(tmp_path, f"--screenshot={png}", "--window-size=1000,600")
    assert shot.returncode == 0, shot.stderr
    assert png.exists() and png.stat().st_size > 20_000, "expected a non-trivial screenshot"
    keep = os.environ.get("NEWSFIGS_SCREENSHOT")
    if keep:
        shutil.copyfile(png, keep)
    width, height, rows = _png_pixels(png.read_bytes(), max_rows=400)
    assert (width, height) == (1000, 600)
    legend = sum(row.count(bytes.fromhex("ffe9a3")) for row in rows[:45])
    assert legend > 100, "the legend chips are at the top"
    for colour in ("ffe9a3", "cdeccd", "d4e4ff", "f7d0e2"):  # figure, date, person, organization
        painted = sum(row.count(bytes.fromhex(colour)) for row in rows[50:])  # below legend
        assert painted > 100, f"highlight colour #{colour} should be on screen"
