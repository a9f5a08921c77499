"""Dates and times: ``2026년 3월 22일``, ``지난 3일``, ``올 상반기``, ``22일 오후 3시`` …

One precompiled regex finds *atoms* (a number with 년/월/일/분기/시/분, an ISO or dotted date,
``15:30``, a word of ``data/dates/date_words.tsv``, a native count before a unit of time of
``data/shared/time_units.tsv``); adjacent atoms (nothing or one space between)
are joined when they go from coarse to fine (year → month → day → weekday → part of day → hour
→ minute), so ``2026년 3월 22일(월) 오후 3시`` is one figure. Small anchored regexes then look
right after an atom for what only makes sense there: a part (``말``, ``초순``), a weekday in
parentheses, ``반``, a range (``~``), ``께``/``경``, a duration cue (``간``, ``동안`` …: then it is
not a date). Tokens only disambiguate: a word must start and end on morpheme boundaries.
The atoms are in ``date_atoms``, the vocabulary in ``date_lexicon``.
Resolution lives in ``resolve_dates``; the conventions are in docs/dates.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import DateCandidate
from newsfigs.core.resources import resource
from newsfigs.dates import resolve_dates as dates
from newsfigs.dates.date_atoms import Atom
from newsfigs.dates.date_atoms import atoms as find_atoms
from newsfigs.dates.date_lexicon import DateWords, build
from newsfigs.dates.date_numbers import counts_days
from newsfigs.dates.date_scan import Match, small
from newsfigs.dates.tense import bare_day, bare_month, by_tense, month_by_tense, tense_after

# slot order: an expression goes from coarse to fine
_ORDER = {
    "cue": 0,
    "year": 1,
    "sub": 2,
    "month": 3,
    "week": 3,
    "day": 4,
    "holiday": 4,
    "weekday": 5,
    "daypart": 6,
    "hour": 7,
    "minute": 8,
}
_SEP = r"[~∼〜\-–]"

_HALF_HOUR = small(r"\x20?반")
_RANGE = small(rf"\x20?{_SEP}\x20?")


@resource
def date_words() -> DateWords:
    """The atom regex and the word tables (``date_lexicon.build``), built once."""
    return build(_SEP)


@dataclass(slots=True)
class _Expr:
    start: int = -1
    end: int = -1
    slots: list[str] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)
    terminal: bool = False
    numeric: bool = True

    def add(self, atom: Atom) -> None:
        if self.start < 0:
            self.start = atom.start
        self.end = atom.end
        self.slots.extend(atom.slots)
        self.fields.update(atom.fields)
        self.terminal = atom.terminal
        self.numeric = self.numeric and atom.numeric

    def accepts(self, atom: Atom) -> bool:
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
        if first == "holiday":  # 2025년 추석, 올해 설 연휴, 지난 추석
            return has <= {"cue", "year"}
        if first == "weekday":
            return bool(has & {"day", "week"}) or only_cue
        if first in ("daypart", "hour"):
            return bool(has & {"day", "weekday", "daypart", "holiday"})
        if first == "minute":
            return self.slots[-1] == "hour"
        if first == "sub":
            return "year" in has or only_cue
        return True


def _attachments(a: Analysed, expr: _Expr, lex: DateWords) -> None:
    """What may follow the last atom directly: a part, a weekday in parentheses, 반."""
    text, last = a.text, expr.slots[-1]
    if last in ("year", "month") and "sub" not in expr.slots:
        m = lex.part.match(text, expr.end)
        if m and m.end() in a.ends and "_end" not in expr.fields:
            expr.add(
                Atom(
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
            expr.add(Atom(m.start(), m.end(), ("weekday",), {"weekday": lex.weekdays[m["wd"]]}))
    elif last == "hour" and "_end" not in expr.fields:
        m = _HALF_HOUR.match(text, expr.end)
        if m and m.end() in a.ends:
            expr.add(Atom(m.start(), m.end(), ("minute",), {"minute": 30}))


def _expression(a: Analysed, atoms: list[Atom], i: int, lex: DateWords) -> tuple[_Expr, int]:
    """The longest expression starting at ``atoms[i]``; returns it and the next index."""
    expr = _Expr()
    expr.add(atoms[i])
    _attachments(a, expr, lex)
    j = i + 1
    text = a.text
    while j < len(atoms):
        nxt = atoms[j]
        gap = text[expr.end : nxt.start]
        zone = lex.zone_after.fullmatch(gap.rstrip(" ")) if gap not in ("", " ") else None
        if (gap not in ("", " ") and zone is None) or not expr.accepts(nxt):
            break
        if zone is not None:  # 22일(현지시간) 오후 3시: one time, in that zone
            if "day" not in expr.slots or nxt.slots[0] not in ("daypart", "hour"):
                break
            expr.fields["time_zone"] = _zone(lex, zone)
        expr.add(nxt)
        _attachments(a, expr, lex)
        j += 1
    return expr, j


def _zone(lex: DateWords, m: Match) -> str:
    return lex.zones[m.group("z").replace(" ", "")]


def _time_zone(a: Analysed, start: int, end: int, lex: DateWords) -> str | None:
    """The zone written in parentheses right after the expression or right before it (both
    outside its span: ``22일(현지시간)``, ``한국시간 23일``)."""
    after = lex.zone_after.match(a.text, end)
    if after is not None:
        return _zone(lex, after)
    before = lex.zone_before.search(a.text, max(0, start - 12), start)
    if before is not None and before.start("z") in a.starts:
        return _zone(lex, before)
    return None


_TITLE_OPEN = "'‘"
_TITLE_CLOSE = small(r"['’](?![는고며란]|라고|라는)")
_TITLE_CHARS = 20
"""How long a title in single quotes may run after a date word that opens it."""


def _opens_title(expr: _Expr, text: str) -> bool:
    """``'내일은 없어'``, ``'일요일이 좋다'``, ``'오늘의 유머'``: a date word right after an
    opening single quote that closes soon after is the first word of a title (a song, a
    programme, a site), no date. Speech in single quotes goes on with a quoting particle
    (``'내일 발표하겠다'는``, ``'오늘 끝낸다'고``) and keeps its date, as does a written date
    (``'3월 위기설'``)."""
    s = expr.start
    if expr.numeric or s == 0 or text[s - 1] not in _TITLE_OPEN:
        return False
    return _TITLE_CLOSE.search(text, expr.end, expr.end + _TITLE_CHARS) is not None


def _valid(expr: _Expr, a: Analysed) -> bool:
    f = expr.fields
    if _opens_title(expr, a.text):
        return False
    if f.get("_needs_more") and len(expr.slots) < 2:
        return False
    if f.get("_two_digit") and set(expr.slots) <= {"cue", "year"}:
        return False  # 근속 26년, 20∼50년 수령: lengths of time, not years
    if f.get("_attached") and expr.slots == ["daypart"]:
        return False
    if expr.slots == ["minute"]:
        return False
    if f.get("_needs_weekday") and "weekday" not in f:
        return False  # 둘째 주 alone: a week of the month, not read
    if f.get("_spoken") and not set(expr.slots) & {"daypart", "minute", "day", "weekday"}:
        return False  # 네 시 alone: spoken hours need a part of day, a day or minutes
    if f.get("hour") == 24 and set(expr.slots) == {"hour"} and _noun_after(a, expr.end):
        return False  # 24시 편의점, 24시 영업: around the clock, not midnight
    if expr.slots == ["day"] and "day" in f:  # 10일이나 지났지만, 2∼3일 정도: days counted
        lex = date_words()
        if counts_days(a, expr.end, lex.length_verbs, lex.about_after):
            return False
    if f.get("_hm") and not (set(expr.slots) & {"day", "weekday", "daypart"}):
        return date_words().clock_after.match(a.text, expr.end) is not None
    return True


def _noun_after(a: Analysed, e: int) -> bool:
    """A noun right after ``e`` (one space allowed) that is no clock word (24시 기준)."""
    p = e + 1 if a.text.startswith(" ", e) else e
    return a.tag_at.get(p) in ("NNG", "NNP") and date_words().clock_after.match(a.text, e) is None


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


def _until(
    a: Analysed, atoms: list[Atom], j: int, expr: _Expr, lex: DateWords
) -> tuple[_Expr, int] | None:
    """``15일부터 18일까지``, ``토요일 오후 6시부터 화요일 오전 9시까지``: the end of an
    interval written with 부터 … 까지 (its span ends after 까지), or None.

    Both ends must be whole expressions; the end is read on or after the start (docs/dates.md),
    and two offsets must count in the same unit (``오늘부터 내일까지``, never ``어제부터 다음
    주까지``, whose ends the model cannot compare).
    """
    frm = lex.range_from.match(a.text, expr.end)
    if frm is None or j >= len(atoms) or atoms[j].start != frm.end():
        return None
    if frm.start() + len(frm.group().rstrip()) not in a.ends:
        return None
    cand, k = _expression(a, atoms, j, lex)
    to = lex.range_to.match(a.text, cand.end)
    if to is None or to.end() not in a.ends or "_end" in cand.fields or not _valid(cand, a):
        return None
    if cand.fields.get("relative") in ("ago", "later") or expr.fields.get("relative") in (
        "ago",
        "later",
    ):
        return None
    unit1, unit2 = expr.fields.get("offset_unit"), cand.fields.get("offset_unit")
    if unit2 is not None and unit1 != unit2:
        return None
    cand.end = to.end()  # the interval is the whole 15일부터 18일까지
    return cand, k


def recognize(a: Analysed) -> list[DateCandidate]:
    """Date and time candidates of ``a`` (normalized coordinates), resolved when possible."""
    lex = date_words()
    atoms = find_atoms(a, lex)
    if not atoms:
        return []
    text = a.text
    out: list[DateCandidate] = []
    i = 0
    while i < len(atoms):
        expr, j = _expression(a, atoms, i, lex)
        if not _valid(expr, a):
            i += 1
            continue
        e2: _Expr | None = None
        sep = _RANGE.match(text, expr.end) if "_end" not in expr.fields else None
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
        elif "_end" not in expr.fields:
            e2, j = _until(a, atoms, j, expr, lex) or (None, j)
        every = lex.recurring_before.search(text, max(0, expr.start - 4), expr.start)
        if every or lex.recurring_after.match(text, e2.end if e2 else expr.end):
            if every is None or "nth" not in expr.fields or e2 is not None:
                i = j
                continue
            expr.fields["recurring"] = True  # 매달 셋째 주 수요일: a rule, said so
            expr.start = every.start()
        start, end = expr.start, e2.end if e2 else expr.end
        approx = lex.approx_after.match(text, end)
        if approx is not None and approx.end() in a.ends:
            if approx.group("count") and expr.slots == ["day"] and e2 is None:
                i = j  # 3일 전후: the 3rd, or 3 days before and after an event? not said
                continue
            end = approx.end()
        approximate = end != (e2.end if e2 else expr.end) or "_approx" in expr.fields
        if expr.fields.get("relative") in ("ago", "later"):
            before = lex.approx_before.search(text, max(0, start - 3), start)
            if before is not None:
                start, approximate = before.start(), True
        end_fields = _end_fields(expr, e2)
        if end_fields is not None:
            end_fields = {k: v for k, v in end_fields.items() if not k.startswith("_")}
        if "time_zone" not in expr.fields:
            zone = _time_zone(a, start, end, lex)
            if zone is not None:
                expr.fields["time_zone"] = zone
        info = dates.resolve(dates.build(expr.fields, end_fields), a.reference_date)
        if a.reference_date is not None and bare_day(info):
            tense = tense_after(a, end)  # 31일 발표했다: past; 14일 평가전을 치른다: to come
            if tense is not None:
                info = by_tense(info, a.reference_date, tense)
        elif a.reference_date is not None and bare_month(info):
            tense = tense_after(a, end)  # 11월 들어온 난민: last November in a March story
            if tense is not None:
                info = month_by_tense(info, a.reference_date, tense)
        timed = (
            info.hour is not None
            or info.day_part is not None
            or info.offset_unit in ("minute", "hour")
        )
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
