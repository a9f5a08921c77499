"""The notebook view: a document's text with its figures, people and organizations highlighted.

Styles are inline attributes, not a ``<style>`` block, because notebook front ends and GitHub's
notebook viewer strip style sheets from untrusted output but keep ``style=""``. Every piece of
the caller's text goes through ``html.escape``; spans may overlap or nest and the markup stays
well formed, because a span that crosses another is closed and reopened around it.
"""

from __future__ import annotations

import datetime
import html as _html
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, localcontext
from itertools import pairwise

from newsfigs.models import VIEWS, DateInfo, Document, Figure
from newsfigs.numbers import CONTEXT
from newsfigs.shown import BOUND_SIGN, basis_text

_COLOURS: dict[str, tuple[str, str, str]] = {
    # category: (background, border, legend label)
    "figure": ("#ffe9a3", "#c99a06", "Figure"),
    "date": ("#cdeccd", "#3f8f3f", "Date / time"),
    "person": ("#d4e4ff", "#3466c2", "Person"),
    "organization": ("#f7d0e2", "#b23c72", "Organization"),
}
_RANK = {c: i for i, c in enumerate(_COLOURS)}
_FONT = (
    "system-ui, 'Apple SD Gothic Neo', 'Malgun Gothic', 'Noto Sans CJK KR', "
    "'Noto Sans KR', sans-serif"
)
_UNIT_SIGN = {"percent": "%", "percentage_point": "%p"}


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    category: str
    kind: str
    title: str
    note: str


_MYRIADS = ((12, "조"), (8, "억"), (4, "만"))
"""Korean groups of four digits: a value reads ``1,700억``, never ``170,000,000,000``."""


def _num(d: Decimal) -> str:
    """``d`` with the largest Korean group that leaves a whole part: ``1,700억``, ``3.5조``.

    Exact (the digits are only shifted), so no value is rounded to look short.
    """
    with localcontext(CONTEXT):
        size = abs(d)
        for exponent, word in _MYRIADS:
            if size >= Decimal(10) ** exponent:
                return format(d.scaleb(-exponent).normalize(), ",f") + word
        return format(d.normalize() if d == d.to_integral_value() else d, ",f")


def _unit(f: Figure) -> str:
    if f.classifier:
        return f.classifier
    if f.unit is None or f.unit in ("dimensionless", "count"):
        return ""
    return _UNIT_SIGN.get(f.unit, f.unit)


def _period(start: datetime.date, end: datetime.date) -> str:
    """``2021`` for a whole year, ``2021-03`` for a whole month, else ``start – end``."""
    next_day = end + datetime.timedelta(days=1)
    if start.month == start.day == 1 and next_day == start.replace(year=start.year + 1):
        return str(start.year)
    if start.day == next_day.day == 1 and (start.year, start.month) == (end.year, end.month):
        return start.isoformat()[:7]
    return f"{start.isoformat()} – {end.isoformat()}"


_PARTS = {"early": "초", "mid": "중순", "late": "말"}
_HALVES = {1: "상반기", 2: "하반기"}
_WEEKDAYS = "월화수목금토일"


def _written(d: DateInfo) -> list[str]:
    """The calendar fields as a Korean reader writes them: ``2025년``, ``3월``, ``22일`` …"""
    words: list[str] = []
    if d.decade is not None:
        words.append(f"{d.decade}년대")
    if d.year is not None:
        words.append(f"{d.year}년")
    if d.half is not None:
        words.append(_HALVES[d.half])
    if d.quarter is not None:
        words.append(f"{d.quarter}분기")
    if d.month is not None:
        words.append(f"{d.month}월")
    if d.day is not None:
        words.append(f"{d.day}일")
    if d.part is not None and d.precision in ("part_of_month", "part_of_year", "part_of_decade"):
        words.append(_PARTS[d.part])
    if d.weekday is not None:
        words.append(f"({_WEEKDAYS[d.weekday]})")
    if d.hour is not None:
        words.append(f"{d.hour}:{d.minute or 0:02d}")
    return words


def _relative(d: DateInfo) -> str:
    """The relative cue in words: ``last year``, ``3 days ago``, ``in 2 months``."""
    unit = d.offset_unit
    if d.offset is not None and unit is not None:
        n = abs(d.offset)
        if d.anchor == "event":  # 투표 3일 전: counted from the event, not from now
            side = "before" if d.offset < 0 else "after"
            return f"{n} {unit}{'s' if n != 1 else ''} {side} an event"
        if d.relative == "ago" or (d.relative != "later" and d.offset < 0 and n > 1):
            return f"{n} {unit}{'s' if n != 1 else ''} ago"
        if d.relative == "later" or (d.offset > 0 and n > 1):
            return f"in {n} {unit}{'s' if n != 1 else ''}"
        return {-1: "last", 0: "this", 1: "next"}[d.offset] + f" {unit}"
    return {
        "last": "the last such day",
        "next": "the coming such day",
        "this": "the same day",
    }.get(d.relative or "", "")


def _missing(d: DateInfo) -> str:
    """What keeps the date from a calendar day, in words."""
    if d.anchor == "event":
        return "the event is not dated"
    if d.relative is not None:
        return "no reference date"
    if d.day is not None and d.month is None:
        return "month not given"
    if d.year is None and (d.month, d.quarter, d.half) != (None, None, None):
        return "year not given"
    return ""


def _date_note(d: DateInfo | None) -> str:
    """The resolved date when there is one, else the date in words and what it lacks.

    ``2026-03-22``; ``2021``; ``22일, month not given``; ``상반기, this year``; never field
    dumps such as ``day=22``.
    """
    if d is None:
        return "not resolved"
    if d.resolved is not None:
        return d.resolved.isoformat()
    if d.resolved_start is not None and d.resolved_end is not None:
        return _period(d.resolved_start, d.resolved_end)
    head = " ".join(_written(d))
    if d.end is not None and _written(d.end):
        head += " – " + " ".join(_written(d.end))
    parts = [x for x in (head, _relative(d), _missing(d)) if x]
    return ", ".join(parts) or "not resolved"


def figure_note(f: Figure) -> str:
    """The normalized value in a few characters: ``1,700억 USD``, ``≈240조 KRW``, ``≥0.5×``."""
    if f.kind in ("date", "time"):
        return _date_note(f.date)
    if f.terms is not None:  # a ratio or score
        return ":".join(_num(t) for t in f.terms)
    if f.value is not None:
        number = _num(f.value)
    elif f.low is not None and f.high is not None:
        number = f"{_num(f.low)}–{_num(f.high)}"
    else:
        number = "?"
    prefix = ("≈" if f.approximate else "") + BOUND_SIGN.get(f.bound or "", "")
    if f.kind == "multiplier":
        return f"{prefix}{number}×"
    unit = _unit(f)
    sep = "" if unit in ("%", "%p") else " "
    return f"{prefix}{number}{sep}{unit}".rstrip()


def _exact(f: Figure) -> str:
    """The exact value, digits grouped by three, when the note shortened it."""
    values = [v for v in (f.value, f.low, f.high) if v is not None]
    if not values or all(abs(v) < 10_000 for v in values):
        return ""
    if f.value is not None:
        return format(f.value, ",f")
    return f"{format(f.low, ',f')}–{format(f.high, ',f')}"


def _figure_title(f: Figure, equivalent_of: Figure | None) -> str:
    exact = _exact(f)
    lines = [f"{f.kind}: {figure_note(f)}" + (f" ({exact})" if exact else "")]
    if f.counted:
        lines.append(f"counted: {f.counted}")
    if f.kind == "match_time" and f.classifier:
        lines.append(f"period: {f.classifier}")
    if f.per is not None:
        lines.append(f"per {f.per}")
    if f.per_unit is not None:
        lines.append(f"per {basis_text(f)}")
    if f.direction is not None:
        lines.append(f"direction: {f.direction}")
    if f.implied_unit:
        lines.append(f"unit not written: {f.unit} implied by the subject")
    if f.equivalent is not None:
        lines.append(f"equivalent: {f.equivalent.text} ({figure_note(f.equivalent)})")
    if equivalent_of is not None:
        lines.append(f"equivalent of: {equivalent_of.text}")
    return "\n".join(lines)


def _spans(doc: Document) -> list[_Span]:
    found: list[_Span] = []
    seen: set[tuple[int, int]] = {(f.start, f.end) for f in doc.figures}
    parents = {(f.equivalent.start, f.equivalent.end): f for f in doc.figures if f.equivalent}
    figures = list(doc.figures)
    for f in doc.figures:
        eq = f.equivalent
        if eq is not None and (eq.start, eq.end) not in seen:
            # Normally the equivalent is also a figure of its own; show it even when it is not.
            seen.add((eq.start, eq.end))
            figures.append(eq)
    for f in figures:
        category = "date" if f.kind in ("date", "time") else "figure"
        parent = parents.get((f.start, f.end))
        title = _figure_title(f, parent if parent is not f else None)
        note = figure_note(f)
        if "".join(note.split()) == "".join(f.text.split()):
            note = ""  # "98.32%" after 98.32%: the tooltip still has it, the text need not
        found.append(_Span(f.start, f.end, category, f.kind, title, note))
    for p in doc.people:
        facts = [p.name, p.title or "", p.affiliation or ""]
        title = "person: " + " · ".join(x for x in facts if x)
        found.extend(_Span(m.start, m.end, "person", "person", title, "") for m in p.mentions)
    for o in doc.organizations:
        title = f"organization: {o.name}" + (f" ({o.category})" if o.category else "")
        if o.generic:
            title += ", a generic reference (정부, 검찰 …)"
        found.extend(
            _Span(m.start, m.end, "organization", o.category or "organization", title, "")
            for m in o.mentions
        )
    n = len(doc.text)
    # Defensive: a span outside the text or an empty one has nothing to highlight.
    return [s for s in found if 0 <= s.start < s.end <= n]


def _open(s: _Span, continued: bool) -> str:
    bg, border, _ = _COLOURS[s.category]
    left = "0" if continued else "3px"
    style = (
        f"background:{bg};border-bottom:2px solid {border};border-radius:{left};"
        "padding:0 1px;color:#111"  # dark on pastel, also in a dark notebook theme
    )
    return (
        f'<mark class="nf nf-{s.category}" data-nf="{s.category}" '
        f'data-kind="{_html.escape(s.kind)}" title="{_html.escape(s.title)}" style="{style}">'
    )


def _close(s: _Span, at: int) -> str:
    if at != s.end or not s.note:
        return "</mark>"
    note = (
        '<sub class="nf-note" style="font-size:70%;color:#555;margin-left:2px;'
        f'user-select:none">{_html.escape(s.note)}</sub>'
    )
    return note + "</mark>"


def _markup(text: str, spans: list[_Span]) -> str:
    """Escaped text with well-formed ``<mark>`` nesting, outer spans first."""
    bounds = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    ordered = sorted(spans, key=lambda s: (s.start, -s.end, _RANK[s.category]))
    out: list[str] = []
    opened: list[_Span] = []
    first = 0  # spans before ordered[first] have ended; spans are scanned from there only
    for a, b in pairwise(bounds):
        while first < len(ordered) and ordered[first].end <= a:
            first += 1
        want = []
        for s in ordered[first:]:
            if s.start > a:
                break
            if s.end >= b:
                want.append(s)
        keep = 0
        while keep < min(len(opened), len(want)) and opened[keep] is want[keep]:
            keep += 1
        out.extend(_close(s, a) for s in reversed(opened[keep:]))
        del opened[keep:]
        for s in want[keep:]:
            out.append(_open(s, continued=s.start < a))
            opened.append(s)
        out.append(_html.escape(text[a:b]))
    out.extend(_close(s, len(text)) for s in reversed(opened))
    return "".join(out)


def _legend(doc: Document, spans: list[_Span]) -> str:
    counts = {c: 0 for c in _COLOURS}
    counts["figure"] = sum(f.kind not in ("date", "time") for f in doc.figures)
    counts["date"] = len(doc.figures) - counts["figure"]
    counts["person"] = len(doc.people)
    counts["organization"] = len(doc.organizations)
    chips = []
    for category, (bg, border, label) in _COLOURS.items():
        chips.append(
            f'<span data-legend="{category}" style="background:{bg};border-bottom:2px solid '
            f'{border};border-radius:3px;padding:0 4px;margin-right:8px;color:#111">'
            f"{label} {counts[category]}</span>"
        )
    ref = doc.reference_date.isoformat() if doc.reference_date else "none"
    hint = f"reference date {ref} · hover a highlight for details"
    return (
        '<div class="nf-legend" style="font-size:85%;margin-bottom:6px">'
        + "".join(chips)
        + f'<span style="color:#666">{_html.escape(hint)}</span></div>'
    )


def render(doc: Document) -> str:
    """An HTML fragment: legend, then the text with highlights and value notes."""
    spans = _spans(doc)
    body = _markup(doc.text, spans)
    return (
        f'<div class="newsfigs-document" style="font-family:{_FONT};line-height:1.9;'
        'max-width:60em">'
        + _legend(doc, spans)
        + '<div class="nf-text" style="white-space:pre-wrap;word-break:keep-all;'
        'overflow-wrap:anywhere">' + f"{body}</div></div>"
    )


def page_start(title: str = "newsfigs") -> str:
    """The head of a standalone page (UTF-8 declared, so a browser opens it from disk)."""
    return (
        '<!DOCTYPE html>\n<html lang="ko"><head><meta charset="utf-8">'
        f"<title>{_html.escape(title)}</title></head>\n"
        '<body style="margin:16px">\n'
    )


def page_end() -> str:
    """The tail matching ``page_start``."""
    return "</body></html>\n"


def page(docs: Document | Iterable[Document], title: str = "newsfigs") -> str:
    """A standalone HTML page of one or many documents, separated by rules."""
    items = [docs] if isinstance(docs, Document) else list(docs)
    parts = [render(d) for d in items]
    return page_start(title) + "\n<hr>\n".join(parts) + "\n" + page_end()


VIEWS.html = render  # Document._repr_html_ (models does not import this module)
