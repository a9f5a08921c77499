"""Dates and times: ``2026년 3월 22일``, ``지난 3일``, ``올 상반기``, ``22일 오후 3시`` …

One precompiled regex finds *atoms* (a number with 년/월/일/분기/시/분, an ISO or dotted date,
``15:30``, a word of ``data/dates/date_words.tsv``, a native count before a unit of time of
``data/shared/time_units.tsv``); adjacent atoms (nothing or one space between)
are joined when they go from coarse to fine (year → month → day → weekday → part of day → hour
→ minute), so ``2026년 3월 22일(월) 오후 3시`` is one figure. Small anchored regexes then look
right after an atom for what only makes sense there: a part (``말``, ``초순``), a weekday in
parentheses, ``반``, a range (``~``), ``께``/``경``, a duration cue (``간``, ``동안`` …: then it is
not a date). Tokens only disambiguate: a word must start and end on morpheme boundaries.
Resolution lives in ``resolve_dates``; the conventions are in docs/dates.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import regex

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import DateCandidate
from newsfigs.core.resources import read_rows, resource
from newsfigs.dates import resolve_dates as dates
from newsfigs.dates.date_numbers import (
    alternation,
    direction_after,
    length_after,
    length_before,
    offset_after,
    year_before_noun,
)
from newsfigs.numbers import native_numerals, parse_number
from newsfigs.units import TimeUnit, time_units

# slot order: an expression goes from coarse to fine
_ORDER = {
    "cue": 0,
    "year": 1,
    "sub": 2,
    "month": 3,
    "week": 3,
    "day": 4,
    "weekday": 5,
    "daypart": 6,
    "hour": 7,
    "minute": 8,
}
_SEP = r"[~∼〜\-–]"

# after a day only: 3일치, 3일분, 5일선, 3일 연속, 1일 평균
_DUR_AFTER_DAY = regex.compile(
    r"(?:치|분(?!기)|선(?=[이을은의에도과와]?(?![가-힣]))|\x20?(?:평균|이동평균))"
)
# 1일 2회, 1일 3잔: "per day", not the 1st
_PER_DAY = regex.compile(r"\x20?\d{1,3}+\x20?(?:회|번|차례|잔|알|끼|시간)(?![가-힣])")
_HALF_HOUR = regex.compile(r"\x20?반")
_RANGE = regex.compile(rf"\x20?{_SEP}\x20?")
_HM_CONTEXT = regex.compile(r"\x20?(?:에|부터|까지|께|경|쯤|현재|기준)")


@dataclass(frozen=True)
class DateWords:
    atoms: regex.Pattern[str]
    words: dict[str, tuple[str, str, str]]
    parts: dict[str, str]  # 초순, 중순, 말 … → early | mid | late
    part: regex.Pattern[str]  # one of ``parts`` right after a year or month (3월 말)
    cue_before: regex.Pattern[str]  # 지난, 오는 right before a number (searched up to it)
    weekday_paren: regex.Pattern[str]  # (월), (월요일) after a day
    weekdays: dict[str, int]  # 월 → 0 … 일 → 6: a weekday word without 요일
    recurring_before: regex.Pattern[str]  # 매주 월요일, 매월 25일: no particular date (searched)
    recurring_after: regex.Pattern[str]  # 일요일마다, 3일마다
    approx_before: regex.Pattern[str]  # 약 3년 전: a qualifier of qualifiers.tsv (searched)
    approx_after: regex.Pattern[str]  # 3일께, 오후 3시경, 1990년 무렵
    offsets: dict[str, TimeUnit]  # units that count back with 전/후/뒤 (data/shared/time_units.tsv)
    day_words: dict[str, tuple[int, TimeUnit]]  # 이틀 → (2, 일): data/shared/day_words.tsv
    length_nouns: tuple[str, ...]  # 2000년 이상 역사: a length, not the year 2000


@resource
def date_words() -> DateWords:
    """The atom regex, built once from the word table."""
    words: dict[str, tuple[str, str, str]] = {}
    parts: dict[str, str] = {}
    length_nouns: list[str] = []
    rows = read_rows("dates/date_words.tsv")
    # what may follow 지난/오는 and 올: a number, a weekday, a half or part of the year
    weekdays = [r[0] for r in rows if r[1] == "weekday"]
    year_parts = [r[0] for r in rows if r[1] in ("half", "year_part")]
    after_cue = rf"(?=\x20?(?:\d|{alternation(weekdays + year_parts)}))"
    after_prefix = rf"(?=\x20?(?:\d|{alternation(year_parts)}))"
    alts: list[str] = []
    for row in rows:
        word, role, value = row[0], row[1], row[2]
        extra = row[3] if len(row) > 3 else ""
        flags = extra.split()
        not_before = next((f[1:] for f in flags if f.startswith("!")), "")
        extra = next((f for f in flags if not f.startswith("!")), "")
        if role == "part":
            parts[word] = value
            continue
        if role == "length_noun":
            length_nouns.append(word)
            continue
        if role in ("recurring", "approx"):
            continue
        words[word.replace(" ", "")] = (role, value, extra)
        pat = alternation([word])
        if role == "cue":
            pat += after_cue
        elif role == "year_prefix":
            pat += after_prefix
        if not_before:  # words that must not follow: 연말정산 is a tax return
            pat += rf"(?!\x20?(?:{not_before}))"
        alts.append(pat)
    alts.sort(key=len, reverse=True)
    offsets = {u: tu for u, tu in time_units().items() if tu.offset is not None}
    units = alternation([*_POSITIONS, *offsets])
    day_words = {w: (int(v), offsets[u]) for w, v, u in read_rows("shared/day_words.tsv")}
    atoms = regex.compile(
        r"(?P<iso>(?<![0-9A-Za-z_.])(?P<iy>(?:1[89]|2[01])\d\d)(?P<sep>[./\-])\x20?(?P<im>\d{1,2})"
        r"(?P=sep)\x20?(?P<id>\d{1,2})(?:\.(?!\d))?+(?![0-9A-Za-z_.\-/]))"
        r"|(?P<hm>(?<![\w.:])(?P<hh>[01]?\d|2[0-4]):(?P<mm>[0-5]\d)(?![\d:]))"
        r"|(?P<num>(?<![A-Za-z0-9_:/])(?<!\d[.,])(?P<apos>['‘’](?=\d\d년))?(?P<n1>\d{1,4}+)"
        rf"(?:\x20?{_SEP}\x20?(?P<n2>\d{{1,4}}+))?(?P<yeo>여)?(?P<unit>{units}))"
        rf"|(?P<day_word>(?<![가-힣])(?:{alternation(day_words)}))"
        rf"|(?P<native>(?<![가-힣])(?P<nn>{_native()})\x20?(?P<nu>{alternation(offsets)}))"
        rf"|(?P<word>{'|'.join(alts)})"
    )
    part = regex.compile(rf"\x20?(?P<part>{alternation(parts)})")
    cues = [r[0] for r in rows if r[1] == "cue"]
    cue_before = regex.compile(rf"(?<![가-힣])(?:{alternation(cues)})\x20?$")
    short = {r[0].removesuffix("요일"): int(r[2]) for r in rows if r[1] == "weekday"}
    weekday_paren = regex.compile(rf"\x20?\((?P<wd>{alternation(short)})(?:요일)?\)")
    every = {w: where for w, role, where, *_ in rows if role == "recurring"}
    approx = {w: where for w, role, where, *_ in rows if role == "approx"}
    glued = alternation(w for w, where in approx.items() if where == "glued")
    spaced = alternation(w for w, where in approx.items() if where == "spaced")
    about = [w for w, role, where in read_rows("shared/qualifiers.tsv")
             if role == "approximate" and where == "before"]  # fmt: skip
    return DateWords(
        atoms,
        words,
        parts,
        part,
        cue_before,
        weekday_paren,
        short,
        regex.compile(
            rf"(?<![가-힣])(?:{alternation(w for w in every if every[w] == 'before')})\x20?$"
        ),
        regex.compile(alternation(w for w in every if every[w] == "after")),
        regex.compile(rf"(?<![가-힣])(?:{alternation(about)})\x20?$"),
        regex.compile(rf"{glued}|\x20?(?:{spaced})"),
        offsets,
        day_words,
        tuple(length_nouns),
    )


def _native() -> str:
    """Native numerals before a unit of time: 한, 두, 석, 넉, 열두, 스무 … (not 첫: first)."""
    table = native_numerals()
    tens = alternation(w for w, v in table.items() if v >= 10 and v % 10 == 0)
    ones = alternation(w for w, v in table.items() if v < 10 and w != "첫")
    return rf"(?:{tens})(?:{ones})?+|{ones}"


@dataclass(slots=True)
class _Atom:
    start: int
    end: int
    slots: tuple[str, ...]
    fields: dict[str, Any]
    numeric: bool = True  # may be part of the end of a range
    terminal: bool = False  # nothing finer may follow


@dataclass(slots=True)
class _Expr:
    start: int = -1
    end: int = -1
    slots: list[str] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)
    terminal: bool = False
    numeric: bool = True

    def add(self, atom: _Atom) -> None:
        if self.start < 0:
            self.start = atom.start
        self.end = atom.end
        self.slots.extend(atom.slots)
        self.fields.update(atom.fields)
        self.terminal = atom.terminal
        self.numeric = self.numeric and atom.numeric

    def accepts(self, atom: _Atom) -> bool:
        """May ``atom`` continue this expression (coarse to fine, sensible neighbours)?"""
        if not self.slots:
            return True
        first, has = atom.slots[0], set(self.slots)
        if self.terminal or _ORDER[first] <= _ORDER[self.slots[-1]]:
            return False
        only_cue = has == {"cue"}
        if "_rel" in atom.fields or first == "week":
            return False  # 이날, 지난달, 지난주 … start an expression
        if first == "day":
            return "month" in has or only_cue
        if first == "weekday":
            return bool(has & {"day", "week"}) or only_cue
        if first in ("daypart", "hour"):
            return bool(has & {"day", "weekday", "daypart"})
        if first == "minute":
            return self.slots[-1] == "hour"
        if first == "sub":
            return "year" in has or only_cue
        return True


def _word_atom(a: Analysed, m: regex.Match[str], lex: DateWords) -> _Atom | None:
    s, e = m.span()
    if s not in a.starts or e not in a.ends:
        return None
    role, value, extra = lex.words[m.group().replace(" ", "")]
    if role in ("day", "week", "month", "year", "year_prefix"):
        k = int(value)
        unit = "year" if role == "year_prefix" else role
        rel = "last" if k < 0 else "next" if k > 0 else "this"
        f: dict[str, Any] = {"offset": k, "offset_unit": unit, "relative": rel, "_rel": True}
        if role == "year_prefix":
            f["_needs_more"] = True
        return _Atom(s, e, (_REL_SLOT[unit],), f, numeric=False)
    if role == "cue":
        return _Atom(s, e, ("cue",), {"relative": value, "_needs_more": True}, numeric=False)
    if role == "half":
        return _Atom(s, e, ("sub",), {"half": int(value)}, numeric=False, terminal=True)
    if role == "year_part":
        return _Atom(s, e, ("sub",), {"part": value}, numeric=False, terminal=True)
    if role == "weekday":
        return _Atom(s, e, ("weekday",), {"weekday": int(value)}, numeric=False)
    if role == "day_part":
        if not a.tag_at.get(s, "").startswith("NN") or a.tag_at.get(e) in _COMPOUND_TAGS:
            return None  # 낮은 (low) is not 낮 (daytime); 새벽배송 is a delivery service
        f = {"day_part": value}
        if value in ("noon", "midnight"):
            f["hour"] = 12 if value == "noon" else 0
        if extra != "alone":
            f["_attached"] = True
        return _Atom(s, e, ("daypart",), f)
    return None


_COMPOUND_TAGS = frozenset({"NNG", "NNP"})
_REL_SLOT = {"day": "day", "week": "week", "month": "month", "year": "year"}


def _ago(
    a: Analysed, s: int, e: int, n: int, unit: TimeUnit, n2: int | None = None, yeo: bool = False
) -> _Atom | None:
    """``3일 전``, ``1년 반 전``, ``3∼4년 후``, ``2분기 전`` (6 months): a relative date, or
    None without 전/후/뒤."""
    assert unit.offset is not None
    far = n2 * unit.per if n2 is not None else None
    off = offset_after(a, e, n * unit.per, far, unit.offset, yeo)
    if off is None:
        return None
    return _Atom(s, off.end, ("cue",), off.fields, numeric=False, terminal=True)


_NATIVE_TAGS = frozenset({"NR", "MM", "NNG", "NNB"})  # 두/MM 달, not 너/NP


def _count_atom(a: Analysed, m: regex.Match[str], lex: DateWords) -> _Atom | None:
    """``이틀 전``, ``일주일 뒤``, ``두 달 전``, ``두 분기 전``: a native count of a unit of time,
    a date only with 전/후/뒤 after it."""
    s, e = m.span()
    if s not in a.starts or e not in a.ends:
        return None
    if m.lastgroup == "day_word":
        n, unit = lex.day_words[m.group()]
        return _ago(a, s, e, n, unit)
    if any(tok.tag not in _NATIVE_TAGS for tok in a.tokens_in(s, m.end("nn"))):
        return None
    return _ago(a, s, e, int(parse_number(m.group("nn"))), lex.offsets[m.group("nu")])


def _num_atom(a: Analysed, m: regex.Match[str], lex: DateWords) -> _Atom | None:
    text = a.text
    s, e = m.span()
    unit = m.group("unit")
    u0 = e - len(unit)
    if a.tag_at.get(u0) not in ("NNB", "NNG") or (unit in ("시", "분") and a.tag_at[u0] != "NNB"):
        return None  # 3시장, 5시즌 …
    n1 = int(m.group("n1"))
    raw2 = m.group("n2")
    n2 = int(raw2) if raw2 is not None else None
    apos = m.group("apos") is not None
    if apos and unit not in ("년", "년도", "년대"):
        return None
    digits = len(m.group("n1"))
    yeo = m.group("yeo") is not None
    offset = lex.offsets.get(unit)
    if offset is not None and not (unit == "년" and digits == 4):
        ago = _ago(a, s, e, n1, offset, n2, yeo)
        if ago is not None or yeo:
            return ago
        if direction_after(a, e):
            return None  # 2분기 전 실적: 전 is "ago" or 全 "all", so neither Q2 nor a length
    if yeo or (offset is not None and unit not in _POSITIONS):
        return None
    year_noun = unit == "년" and digits == 4 and year_before_noun(a, e, lex.length_nouns)
    if not year_noun and unit != "월" and length_after(a, e):  # 2월 내: a month, never a length
        return None
    if unit == "일" and (
        _DUR_AFTER_DAY.match(text, e) or (n1 == 1 and n2 is None and _PER_DAY.match(text, e))
    ):
        return None
    if unit == "년대":
        if n1 % 10 or digits not in (2, 4):
            return None
        decade = n1 if digits == 4 else dates.two_digit_year(n1)
        f: dict[str, Any] = {"decade": decade}
        if n2 is not None and raw2 is not None:  # 1980~1990년대, 1980~90년대
            last = n2 if len(raw2) == 4 else decade - decade % 100 + n2
            if n2 % 10 or len(raw2) not in (2, 4) or not decade < last <= 2190:
                return None
            f["_end"] = {"decade": last}
        return _Atom(s, e, ("year",), f, terminal=n2 is not None)
    if unit in ("년", "년도"):
        marked = apos or unit == "년도" or m.group("n1")[0] == "0" or _past_year(text, s, n1, lex)
        return _year_atom(s, e, n1, digits, n2, raw2, marked)
    if unit in ("월", "일") and length_before(text, s):
        return None
    lo, hi, slot, key = _RANGES[unit]
    if not lo <= n1 <= hi or (n2 is not None and (not lo <= n2 <= hi or n2 == n1)):
        return None
    if unit == "분기" and n2 is not None and n2 < n1:
        return None
    f = {key: n1}
    if n2 is not None:
        f["_end"] = {key: n2}
    return _Atom(s, e, (slot,), f, terminal=unit == "분기" or n2 is not None)


_RANGES = {
    "월": (1, 12, "month", "month"),
    "일": (1, 31, "day", "day"),
    "분기": (1, 4, "sub", "quarter"),
    "시": (0, 24, "hour", "hour"),
    "분": (0, 59, "minute", "minute"),
}
_POSITIONS = ("년대", "년도", "년", *_RANGES)  # units whose number names a point in the calendar


def _past_year(text: str, s: int, n: int, lex: DateWords) -> bool:
    """``지난 84년`` is 1984, but ``지난 10년``/``지난 30년`` read as "the past N years"."""
    return n % 5 != 0 and lex.cue_before.search(text, max(0, s - 3), s) is not None


def _year_atom(
    s: int, e: int, n1: int, digits: int, n2: int | None, raw2: str | None, marked: bool
) -> _Atom | None:
    """4-digit years 1100–2199 are years; 2-digit ones need ' or 도 or a finer neighbour."""
    if digits == 4:
        year = n1
        if not 1100 <= year <= 2199:
            return None
    elif digits == 2:
        year = dates.two_digit_year(n1)
    else:
        return None
    f: dict[str, Any] = {"year": year}
    if digits == 2 and not marked:
        f["_two_digit"] = True
    if n2 is not None and raw2 is not None:
        end = n2 if len(raw2) == 4 else year - year % 100 + n2 if len(raw2) == 2 else -1
        if not year < end <= 2199:
            return None
        f["_end"] = {"year": end}
    return _Atom(s, e, ("year",), f, terminal=n2 is not None)


def _atoms(a: Analysed) -> list[_Atom]:
    lex = date_words()
    out: list[_Atom] = []
    for m in lex.atoms.finditer(a.text):
        kind = m.lastgroup
        atom: _Atom | None
        if kind == "word":
            atom = _word_atom(a, m, lex)
        elif kind == "num":
            atom = _num_atom(a, m, lex)
        elif kind in ("day_word", "native"):
            atom = _count_atom(a, m, lex)
        elif kind == "iso":
            y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
            ok = 1 <= mo <= 12 and 1 <= d <= 31
            f = {"year": y, "month": mo, "day": d}
            atom = _Atom(*m.span(), ("year", "month", "day"), f) if ok else None
        else:  # hm
            f = {"hour": int(m.group("hh")), "minute": int(m.group("mm")), "_hm": True}
            atom = _Atom(*m.span(), ("hour", "minute"), f)
        if atom is not None and (not out or atom.start >= out[-1].end):
            out.append(atom)  # not 6개월 전 again inside 3년 6개월 전
    return out


def _attachments(a: Analysed, expr: _Expr, lex: DateWords) -> None:
    """What may follow the last atom directly: a part, a weekday in parentheses, 반."""
    text, last = a.text, expr.slots[-1]
    if last in ("year", "month") and "sub" not in expr.slots:
        m = lex.part.match(text, expr.end)
        if m and m.end() in a.ends and "_end" not in expr.fields:
            expr.add(
                _Atom(
                    m.start(),
                    m.end(),
                    ("sub" if last == "year" else "day",),
                    {"part": lex.parts[m.group("part")]},
                    terminal=True,
                )
            )
            return
    if last == "day" and "day" in expr.fields:
        m = lex.weekday_paren.match(text, expr.end)
        if m:
            expr.add(_Atom(m.start(), m.end(), ("weekday",), {"weekday": lex.weekdays[m["wd"]]}))
    elif last == "hour" and "_end" not in expr.fields:
        m = _HALF_HOUR.match(text, expr.end)
        if m and m.end() in a.ends:
            expr.add(_Atom(m.start(), m.end(), ("minute",), {"minute": 30}))


def _expression(a: Analysed, atoms: list[_Atom], i: int, lex: DateWords) -> tuple[_Expr, int]:
    """The longest expression starting at ``atoms[i]``; returns it and the next index."""
    expr = _Expr()
    expr.add(atoms[i])
    _attachments(a, expr, lex)
    j = i + 1
    while j < len(atoms):
        nxt = atoms[j]
        gap = a.text[expr.end : nxt.start]
        if gap not in ("", " ") or not expr.accepts(nxt):
            break
        expr.add(nxt)
        _attachments(a, expr, lex)
        j += 1
    return expr, j


def _valid(expr: _Expr, a: Analysed) -> bool:
    f = expr.fields
    finer = set(expr.slots) - {"cue", "year"}
    if f.get("_needs_more") and len(expr.slots) < 2:
        return False
    if f.get("_two_digit") and not finer:
        return False  # 근속 26년, 20∼50년 수령: lengths of time, not years
    if f.get("_attached") and expr.slots == ["daypart"]:
        return False
    if expr.slots == ["minute"]:
        return False
    if f.get("_hm") and not (set(expr.slots) & {"day", "weekday", "daypart"}):
        return _HM_CONTEXT.match(a.text, expr.end) is not None
    return True


def _end_fields(e1: _Expr, e2: _Expr | None) -> dict[str, Any] | None:
    """The written end of a range, with the start's part of day when the end has none."""
    if e2 is None:
        end = e1.fields.get("_end")
        if end is None:
            return None
        end = dict(end)
    else:
        end = {k: v for k, v in e2.fields.items() if not k.startswith("_")}
    if "hour" in end and "day_part" not in end and "day_part" in e1.fields:
        end["day_part"] = e1.fields["day_part"]
    return end


def recognize(a: Analysed) -> list[DateCandidate]:
    """Date and time candidates of ``a`` (normalized coordinates), resolved when possible."""
    lex = date_words()
    atoms = _atoms(a)
    out: list[DateCandidate] = []
    i = 0
    while i < len(atoms):
        expr, j = _expression(a, atoms, i, lex)
        if not _valid(expr, a):
            i += 1
            continue
        e2: _Expr | None = None
        sep = _RANGE.match(a.text, expr.end) if "_end" not in expr.fields else None
        if sep and j < len(atoms) and atoms[j].start == sep.end():
            cand, k = _expression(a, atoms, j, lex)
            first = next((s for s in expr.slots if s != "cue"), "cue")
            if (
                first != "cue"
                and cand.numeric
                and dates.precision_of(cand.fields) == dates.precision_of(expr.fields)
                and _ORDER[cand.slots[0]] >= _ORDER[first]
                and _valid(cand, a)
            ):
                e2, j = cand, k
        if lex.recurring_before.search(
            a.text, max(0, expr.start - 4), expr.start
        ) or lex.recurring_after.match(a.text, e2.end if e2 else expr.end):
            i = j
            continue
        start, end = expr.start, e2.end if e2 else expr.end
        approx = lex.approx_after.match(a.text, end)
        if approx is not None and approx.end() in a.ends:
            end = approx.end()
        approximate = end != (e2.end if e2 else expr.end) or "_approx" in expr.fields
        if expr.fields.get("relative") in ("ago", "later"):
            before = lex.approx_before.search(a.text, max(0, start - 3), start)
            if before is not None:
                start, approximate = before.start(), True
        end_fields = _end_fields(expr, e2)
        if end_fields is not None:
            end_fields = {k: v for k, v in end_fields.items() if not k.startswith("_")}
        info = dates.resolve(dates.build(expr.fields, end_fields), a.reference_date)
        timed = info.hour is not None or info.day_part is not None
        out.append(
            DateCandidate(
                start=start,
                end=end,
                kind="time" if timed else "date",
                date=info,
                approximate=approximate,
            )
        )
        i = j
    return out
