"""The tense of the predicate a bare day belongs to: ``31일 발표했다`` is past, ``14일 평가전을
치른다`` is to come.

A bare ``N일`` names a day of a month nobody wrote; the reference date narrows it to a few
candidates, and the verb picks one: a past event happened on or before the day of the
article, a future or scheduled one on or after it. The predicate is the first one after the
day in its sentence, read on kiwipiepy's morphemes:

- a past ending (``었``/``았``/``였``) says past, ``겠`` or a future adnominal (``열릴 예정``)
  says future;
- an adnominal ``ㄴ`` after an action verb (``열린 회의``, ``발표된 자료``) says past, ``ㄹ``
  (``나올 대표단``) future, but only if the clause's own verb does not say otherwise; an
  adjective before its noun (``큰 폭으로 올랐다``) hands over to the next predicate;
- the plain present of an action verb (``치른다``, ``개막한다``) is what news writes for what is
  set to happen: scheduled;
- a connective (``발표하고``, ``걷고 있다``) hands over to the next predicate; an auxiliary
  (``있다``) without a past ending says nothing (``걷고 있다``: a photo of any day);
- a quotation (``"…하겠다"고 밝혔다``, ``하겠다고 밝혔다``) is skipped: the day is the saying's;
- a verb that ties nouns like a particle (``에 대한``, ``에 따른``, ``을 위한``:
  ``data/dates/tense_neutral_verbs.txt``) is no predicate of an event.

When nothing is said before the sentence ends, the answer is None and the day keeps the
rule that needs no verb (docs/dates.md).
"""

from __future__ import annotations

import bisect
import datetime
from typing import Literal

from newsfigs.core.analyzer import Analysed, Tok
from newsfigs.core.resources import read_rows, read_word_set, resource
from newsfigs.dates.calendar_spans import add_months, calendar_date, plus_days
from newsfigs.dates.resolve_dates import resolve
from newsfigs.models import DateInfo

Tense = Literal["past", "future"]

_REACH = 30
"""Morphemes read after the day before giving up (a long clause says little about the day)."""
_ACTION = frozenset({"VV", "XSV"})
"""Stems of action verbs (kiwipiepy adds ``-I``/``-R`` for irregular ones: stripped)."""
_PREDICATE = frozenset({"VV", "VA", "VX", "XSV", "XSA", "VCP", "VCN"})
_OPEN_QUOTES = frozenset("\"'“‘「『")
_CLOSE_QUOTES = frozenset("\"'”’」』")
_IF = frozenset({"면", "으면"})
"""``에 따르면``, ``에 의하면``: a source is cited; what follows is its content, not the day's."""
_QUOTATIVE = frozenset({"다고", "라고", "냐고", "자고"})
"""Connective endings that close a quoted clause (``하겠다고 밝혔다``)."""


@resource
def _endings() -> dict[tuple[str, str], str]:
    """(form, tag) → past, future, done or scheduled (``data/dates/tense_endings.tsv``)."""
    return {(form, tag): tense for form, tag, tense in read_rows("dates/tense_endings.tsv")}


def _tok_start(t: Tok) -> int:
    return t.start


def tense_after(a: Analysed, end: int) -> Tense | None:
    """The tense of the first predicate after ``end`` in its sentence, or None if unsaid.

    An adnominal one (``열린 회의``, ``나올 대표단``) may be the day's or may only describe a
    noun of a clause whose own verb the day belongs to; it counts only when the clause's verb
    agrees (``14일 열린 회의에서 결정됐다``) or says nothing; ``11일 회담에 나올 대표단 명단을
    교환했다`` is left unsaid."""
    tokens = a.tokens
    i = bisect.bisect_left(tokens, end, key=_tok_start)
    endings = _endings()
    neutral = read_word_set("dates/tense_neutral_verbs.txt")
    stem: str | None = None  # the tag of the predicate being read
    said: Tense | None = None  # what its endings said so far (``했``, ``하겠``)
    adnominal: Tense | None = None  # an adnominal's tense, until the clause's verb agrees
    quoted = False
    tied = False  # the last predicate ties nouns (에 따르면, 에 대한)

    def settle(tense: Tense | None) -> Tense | None:
        """The verb's explicit tense against the adnominal's: both must agree."""
        if adnominal is None or tense is None:
            return tense or adnominal
        return tense if tense == adnominal else None

    for tok in tokens[i : i + _REACH]:
        form, tag = tok.form, tok.tag.split("-", 1)[0]
        if quoted:
            quoted = not (tag in ("SS", "SSC") and form in _CLOSE_QUOTES)
            continue
        if tag == "SF":
            return settle(said)
        if tag in ("SS", "SSO") and form in _OPEN_QUOTES:
            quoted, stem, said = True, None, None
            continue
        if tag in _PREDICATE:
            stem = None if form in neutral else tag  # 에 대한, 에 따른: no event's tense
            tied = form in neutral
            continue
        if tied and tag == "EC" and form in _IF:
            return adnominal  # 25일 국토부에 따르면: the day is the source's, not the news'
        if stem is None:
            continue
        kind = endings.get((form, tag))
        if tag == "EP":
            if said is None and kind in ("past", "future"):
                said = "past" if kind == "past" else "future"
            continue
        if tag == "EC" and form in _QUOTATIVE:
            stem = said = None  # the end of a quoted clause: the day is the saying's
            continue
        if tag == "ETM":
            if said is None and kind == "done" and stem in _ACTION:
                said = "past"  # 열린 회의, 발표된 자료
            elif said is None and kind == "future":
                said = "future"  # 열릴 예정, 나올 대표단
            elif said is None and stem in _ACTION:
                return adnominal  # 방한하는 총리: a present adnominal says nothing more
            if adnominal is None:
                adnominal = said
            stem = said = None  # 큰 폭으로: an adjective before a noun says nothing
            continue
        if said is not None:
            return settle(said)  # 발표했고, 하겠다
        if kind == "scheduled":  # 치른다 (not 있다); weaker than an adnominal's own tense
            return adnominal or ("future" if stem in _ACTION else None)
        if tag == "EC":
            stem = None  # 발표하고, 걷고 있다: the next predicate says it
            continue
        return adnominal  # 있다, 이다, 기: the verb says nothing, the adnominal stands
    return settle(said)


def _unplaced(info: DateInfo) -> bool:
    """No year, weekday, cue, offset, anchor, holiday, Nth or second end: nothing but the
    reference date places the day or month written (bare_day, bare_month)."""
    return (
        info.year is None
        and info.weekday is None
        and info.relative is None
        and info.offset_unit is None
        and info.anchor is None
        and info.end is None
        and info.holiday is None
        and info.nth is None
        and not info.recurring
    )


def bare_day(info: DateInfo) -> bool:
    """Only a day of the month is written (``14일``, ``14일 오후 3시``): no month, year,
    weekday, cue, offset or second end. Its month comes from the reference date."""
    return info.day is not None and info.month is None and _unplaced(info)


def by_tense(info: DateInfo, ref: datetime.date | None, tense: str) -> DateInfo:
    """A bare day resolved by the tense of its verb: ``past`` → the latest such day up to the
    day after ref, ``future`` → the first from the day before ref, in ref's month or the one
    next to it on that side (``31일 발표했다`` on 3 December: 31 October is out of reach, so
    unresolved rather than guessed). The day of slack on each side is for a reference date that
    is a publication date: a story written the evening before, an event abroad a day ahead."""
    if ref is None or info.day is None:
        return info
    past = tense == "past"
    edge = plus_days(ref, 1 if past else -1) or ref
    found: datetime.date | None = None
    for k in (0, -1) if past else (0, 1):
        d = calendar_date(*add_months(edge.year, edge.month, k), info.day)
        if d is not None and (d <= edge if past else d >= edge):
            found = d
            break
    return info.model_copy(update={"resolved": found})


def bare_month(info: DateInfo) -> bool:
    """A month with no year (``11월``, ``12월 25일``, ``11월 중순``): no weekday, cue, offset or
    second end. Its year comes from the reference date."""
    return info.month is not None and _unplaced(info)


def month_by_tense(info: DateInfo, ref: datetime.date | None, tense: str) -> DateInfo:
    """A month without a year whose verb is in the past: its latest occurrence up to ref
    (``11월 들어온 난민`` in a March story is last November, ``12월 25일 발생한 사고`` last
    Christmas), where the bare month rule took the reference year's, a date still to come. A day
    written with the month keeps the bare day's slack of one day after ref. Only the past moves
    a month: the plain present that says "scheduled" of a bare day also says "ongoing" of a
    month (``3월 15일부터 시행해 4월까지 운영한다``), and moving it a year ahead would turn a
    likely date into a far one. The written fields stay as written; only the resolution
    changes."""
    if ref is None or info.month is None or tense != "past":
        return info
    edge = plus_days(ref, 1) or ref
    written = (info.month, info.day or 1)
    year = edge.year - 1 if written > (edge.month, edge.day) else edge.year
    blank = {"year": year, "resolved": None, "resolved_start": None, "resolved_end": None}
    dated = resolve(info.model_copy(update=blank), ref)
    return info.model_copy(
        update={
            "resolved": dated.resolved,
            "resolved_start": dated.resolved_start,
            "resolved_end": dated.resolved_end,
        }
    )
