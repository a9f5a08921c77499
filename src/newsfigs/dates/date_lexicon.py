"""The date and time words as the date finder reads them: one table, built once.

``data/dates/date_words.tsv`` gives the words (지난, 올해, 상반기, 오후 …) and
``data/dates/day_neighbours.tsv`` what right after a date atom says it is no date (``3일치``,
``1일 2회``) or makes a bare ``15:30`` a time; ``build`` compiles them with the units of time
and the native numerals into the regexes of ``DateWords``. Kept apart from ``find_dates.py``
(the atoms and how they join) so the vocabulary has one place; the resource that caches the
result is ``find_dates.date_words``.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from newsfigs.core.resources import read_rows
from newsfigs.dates.date_numbers import alternation
from newsfigs.dates.date_scan import (
    NOT_AFTER_HANGUL,
    Branch,
    GatedScan,
    Pattern,
    grouped,
    grouped_words,
    joint,
    literal,
    longest_first,
    ordered,
    small,
)
from newsfigs.dates.holidays import words as holiday_words
from newsfigs.numbers import MIDDLE_DOTS, SINO_DIGITS, SMALL_UNITS, native_numerals
from newsfigs.units import TimeUnit, time_units

POSITIONS = ("년대", "년도", "년", "월", "일", "분기", "시", "분")
"""Units whose number names a point in the calendar (not a length)."""


@dataclass(frozen=True)
class DateWords:
    atoms: GatedScan
    words: dict[str, tuple[str, str, str]]
    parts: dict[str, str]  # 초순, 중순, 말 … → early | mid | late
    part: Pattern  # one of ``parts`` right after a year or month (3월 말)
    cue_before: Pattern  # 지난, 오는 right before a number (searched up to it)
    weekday_paren: Pattern  # (월), (월요일) after a day
    weekdays: dict[str, int]  # 월 → 0 … 일 → 6: a weekday word without 요일
    recurring_before: Pattern  # 매주 월요일, 매월 25일: no particular date (searched)
    recurring_after: Pattern  # 일요일마다, 3일마다
    approx_before: Pattern  # 약 3년 전: a qualifier of qualifiers.tsv (searched)
    approx_after: Pattern  # 3일께, 오후 3시경, 1990년 무렵; group count: 전후
    offsets: dict[str, TimeUnit]  # units that count back with 전/후/뒤 (data/shared/time_units.tsv)
    day_words: dict[str, tuple[int, TimeUnit]]  # 이틀 → (2, 일), 반년 → (6, 개월): counts
    length_nouns: tuple[str, ...]  # 2000년 이상 역사: a length, not the year 2000
    length_verbs: frozenset[str]  # 84년 된: a verb after a bare two-digit year that counts years
    whole_nouns: frozenset[str]  # 3분기 전 세계: nouns after 전 read as 全 "all", not "ago"
    anaphor_before: Pattern  # 그로부터 (3일 뒤): from the time named last (searched)
    year_events: frozenset[str]  # 27년 상장: nouns after a bare two-digit year that date it
    about_after: frozenset[str]  # 3일 정도: "about" after a number, which no date takes (not 쯤)
    not_day: Pattern  # 3일치, 3일분, 5일선, 1일 평균: a quantity of days
    per_day: Pattern  # 1일 2회: a rate per day, not the 1st
    clock_after: Pattern  # 15:30 현재, 15:30부터: a time, not a score
    range_from: Pattern  # 15일부터 (then 18일까지): the start of an interval
    range_to: Pattern  # 18일까지: the end of an interval
    month_names: dict[str, int]  # 유월 → 6: a spelled month after a spelled year
    zones: dict[str, str]  # 현지시간, 현지 시각 … → the canonical DateInfo.time_zone
    zone_after: Pattern  # (현지시간) right after a date or time
    zone_before: Pattern  # 현지시간 right before a date (searched up to it)


def _neighbours() -> tuple[Pattern, Pattern, Pattern]:
    """The three patterns of ``day_neighbours.tsv`` (not_day, per_day, clock_after)."""
    rows = read_rows("dates/day_neighbours.tsv")
    glued: list[str] = []
    spaced: list[str] = []
    for word, role, flag in rows:
        if role != "not_day":
            continue
        w = regex.escape(word)
        if flag.startswith("!"):
            w += rf"(?!{regex.escape(flag[1:])})"
        elif flag.startswith("+"):
            w += rf"(?=[{regex.escape(flag[1:])}]?(?![가-힣]))"
        (spaced if flag == "spaced" else glued).append(w)
    not_day = small(rf"(?:{'|'.join(glued)}|\x20?(?:{'|'.join(spaced)}))")
    per = alternation(w for w, role, _ in rows if role == "per_day")
    per_day = small(rf"\x20?\d{{1,3}}+\x20?(?:{per})(?![가-힣])")
    clock = alternation(w for w, role, _ in rows if role == "clock_after")
    return not_day, per_day, small(rf"\x20?(?:{clock})")


def _native() -> str:
    """Native numerals before a unit of time: 한, 두, 석, 넉, 열두, 스무 … (not 첫: first)."""
    table = native_numerals()
    tens = alternation(w for w, v in table.items() if v >= 10 and v % 10 == 0)
    ones = alternation(w for w, v in table.items() if v < 10 and w != "첫")
    return rf"(?:{tens})(?:{ones})?+|{ones}"


def _native_pairs() -> list[tuple[str, str]]:
    """``_native()`` as (word, pattern after it) pairs for ``grouped`` on the standard engine:
    a tens word, then a ones word kept as ``?+`` keeps it (no ones word starts another, so at
    most one can match where one stands: ``(?:O|(?!O))`` never falls back to a shorter
    reading, ``열일곱X`` is no ``열일``), or a ones word alone."""
    table = native_numerals()
    tens = longest_first(w for w, v in table.items() if v >= 10 and v % 10 == 0)
    ones = longest_first(w for w, v in table.items() if v < 10 and w != "첫")
    if any(a != b and b.startswith(a) for a in ones for b in ones):
        raise ValueError("a native ones word starts another: (?:O|(?!O)) is no longer O?+")
    o = alternation(ones)
    return [(t, f"(?:{o}|(?!{o}))") for t in tens] + [(w, "") for w in ones]


def _sino() -> str:
    """The Sino-Korean digits and small units (일 … 구, 십, 백, 천) as a character class body."""
    return "".join(ch for ch in (*SINO_DIGITS, *SMALL_UNITS) if ch != "영")


def build(sep: str) -> DateWords:
    """The atom regex and its neighbours, from the word tables (``sep``: the range dashes)."""
    words: dict[str, tuple[str, str, str]] = {}
    parts: dict[str, str] = {}
    length_nouns: list[str] = []
    rows = read_rows("dates/date_words.tsv")
    zone_words = [w for w, r, *_ in rows if r == "zone"]
    zones = {w.replace(" ", ""): v.replace("_", " ") for w, r, v, *_ in rows if r == "zone"}
    # what may follow 지난/오는 and 올: a number, a weekday, a half or part of the year
    weekdays = [r[0] for r in rows if r[1] == "weekday"]
    year_parts = [r[0] for r in rows if r[1] in ("half", "year_part", "season")]
    named = holiday_words()
    after_cue = rf"(?=\x20?(?:\d|{alternation(weekdays + year_parts + named)}))"
    after_prefix = rf"(?=\x20?(?:\d|{alternation(year_parts + named)}))"
    brk = alternation(w for w, r, *_ in rows if r == "holiday_break")
    labels = [w for w, r, *_ in rows if r == "year_label"]
    alts: list[tuple[str, str]] = []  # (word, pattern after it): the longest word first
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
        if role in ("length_verb", "whole_noun", "year_label", "year_event", "count_word"):
            continue
        if role == "anaphor":
            continue
        if role in ("recurring", "approx", "interval", "zone", "holiday_break", "month_name"):
            continue
        words[word.replace(" ", "")] = (role, value, extra)
        pat = ""
        if role == "cue":
            pat += after_cue
        elif role == "year_prefix":
            pat += after_prefix
        if not_before:  # words that must not follow: 연말정산 is a tax return
            pat += rf"(?!\x20?(?:{not_before}))"
        alts.append((word, pat))
    alts.sort(key=lambda wp: (-len(wp[0].replace(" ", "")), -len(literal(wp[0]) + wp[1])))
    offsets = {u: tu for u, tu in time_units().items() if tu.offset is not None}
    units = alternation([*POSITIONS, *offsets])
    # native counts of minutes are people (두 분 전에 is "before the two of them"): digits only
    counted = [u for u, tu in offsets.items() if tu.offset != "minute"]
    day_words = {w: (int(v), offsets[u]) for w, v, u in read_rows("shared/day_words.tsv")}
    day_words |= {r[0]: (int(r[2]), offsets[r[3]]) for r in rows if r[1] == "count_word"}
    native = _native_pairs()
    # each branch with what a text must hold for it to match (date_scan: the gates)
    atoms = GatedScan(
        [
            Branch(
                r"(?P<iso>(?<![0-9A-Za-z_.])(?P<iy>(?:1[89]|2[01])\d\d)(?P<sep>[./\-])\x20?"
                r"(?P<im>\d{1,2})(?P=sep)\x20?(?P<id>\d{1,2})(?:\.(?!\d))?+(?![0-9A-Za-z_.\-/]))",
                digit=True,
            ),
            # 21세기, 2027학년도
            Branch(
                r"(?P<century>(?<![\d.])(?P<cn>\d{1,2}+)세기)|(?P<school>(?<![\d.])(?P<sy>\d{4})학년도)",
                digit=True,
                needs=("세기", "학년도"),
            ),
            # 4pm, 10:30 a.m.: a clock time with its half of the day; (?=\d) first lets the
            # engine skip to digits (a leading lookbehind made it try every position: 8 → 1.5 µs)
            Branch(
                r"(?P<latin_clock>(?=\d)(?<![0-9A-Za-z_.:])(?P<lh>1[0-2]|0?[1-9])(?::(?P<lm>[0-5]\d))?+"
                r"\x20?(?P<ap>[AaPp])\.?[Mm]\.?(?![A-Za-z]))",
                digit=True,
                needs=("m", "M"),
            ),
            Branch(
                r"(?P<hm>(?<![\w.:])(?P<hh>[01]?\d|2[0-4]):(?P<mm>[0-5]\d)(?![\d:]))",
                digit=True,
                needs=(":",),
            ),
            # 3·4분기, 3/4분기: the third quarter (never 4분기); 3Q, 3Q25: the third quarter
            # (of 2025; 00–49 only: 1Q84 is a novel)
            Branch(
                rf"(?P<qslash>(?<![0-9A-Za-z_.{MIDDLE_DOTS}/])(?P<qn>[1-4])\x20?[{MIDDLE_DOTS}/]\x20?4분기)",
                needs=("4분기",),
            ),
            Branch(
                r"(?P<qlatin>(?<![0-9A-Za-z_.\-가-힣])(?P<qq>[1-4])Q(?P<qy>[0-4]\d)?+(?![0-9A-Za-z_]))",
                digit=True,
                needs=("Q",),
            ),
            # 2015시즌, 2025∼2026 시즌: a year counted in seasons (no 년)
            Branch(
                rf"(?P<ylabel>(?<![\d.,:/\-~∼〜–A-Za-z가-힣])(?P<ly>(?:19|20)\d\d)"
                rf"(?:\x20?{sep}\x20?(?P<ly2>(?:19|20)?\d\d))?+\x20?(?:{alternation(labels)}))",
                digit=True,
                needs=tuple(label.split(" ")[0] for label in labels),
            ),
            # 〈반칙왕〉(2000), 나쓰메 소세키(1867~1916): a year alone in parentheses after a name
            Branch(
                rf"(?P<yparen>(?<=[가-힣A-Za-z〉》」』’”\]]\()(?P<ly>(?:1[89]|20)\d\d)"
                rf"(?:{sep}(?P<ly2>(?:1[89]|20)\d\d))?+(?=\)))",
                digit=True,
                needs=("(",),
            ),
            Branch(
                r"(?P<num>(?<![A-Za-z0-9_:/])(?<!\d[.,])(?P<apos>['‘’](?=\d\d년))?(?P<n1>\d{1,4}+)"
                rf"(?:\x20?{sep}\x20?(?P<n2>\d{{1,4}}+))?(?P<yeo>여)?(?P<unit>{units}))",
                digit=True,
            ),
            # words after no Hangul syllable: each branch alone keeps the engine's skip to the
            # characters its words start with (joined, the standard engine tries every position)
            Branch(
                rf"(?P<holiday>(?P<hw>{grouped_words(named, NOT_AFTER_HANGUL)})"
                rf"(?P<brk>\x20?(?:{brk}))?)",
                stdlib=True,
                joint=joint(ordered(named), NOT_AFTER_HANGUL),
            ),
            Branch(
                rf"(?P<day_word>{grouped_words(day_words, NOT_AFTER_HANGUL)})",
                stdlib=True,
                joint=joint(ordered(day_words), NOT_AFTER_HANGUL),
            ),
            Branch(
                rf"(?P<native>(?P<nn>{grouped(native, NOT_AFTER_HANGUL)})"
                rf"\x20?(?P<nu>{alternation(counted)}))",
                stdlib=True,
                joint=joint(native, NOT_AFTER_HANGUL, rf"\x20?(?:{alternation(counted)})"),
            ),
            # a spelled date: 이천이십삼년 (유월 (십일)); the day's digits stop before its 일
            Branch(
                rf"(?P<spoken_date>(?<![가-힣])(?P<spy>[{_sino()}]{{2,8}}+)년"
                rf"(?:\x20?(?P<spm>{alternation(r[0] for r in rows if r[1] == 'month_name')})"
                rf"(?:\x20?(?P<spd>[{_sino()}]{{1,3}})일)?)?)",
                needs=("년",),
            ),
            # spoken clock times: 네시, 오후 네 시 사십오분, 두시 반; 삼십분 전
            Branch(rf"(?P<spoken_hour>(?P<sh>{_native()})\x20?시(?!간))", needs=("시",)),
            Branch(
                rf"(?P<spoken_min>(?<![가-힣])(?P<sm>[{_sino()}]{{1,4}}+)\x20?분(?!기))",
                needs=("분",),
            ),
            Branch(rf"(?P<word>{grouped(alts)})", stdlib=True, joint=joint(alts)),
        ]
    )
    part = small(rf"\x20?(?P<part>{alternation(parts)})")
    cues = [r[0] for r in rows if r[1] == "cue"]
    cue_before = small(rf"(?<![가-힣])(?:{alternation(cues)})\x20?$")
    short = {r[0].removesuffix("요일"): int(r[2]) for r in rows if r[1] == "weekday"}
    weekday_paren = small(rf"\x20?\((?P<wd>{alternation(short)})(?:요일)?\)")
    every = {w: where for w, role, where, *_ in rows if role == "recurring"}
    approx = {w: where for w, role, where, *_ in rows if role == "approx"}
    glued = alternation(w for w, where in approx.items() if where == "glued")
    counts = [w for w, role, _, *extra in rows if role == "approx" and extra == ["count"]]
    spaced = alternation(w for w, where in approx.items() if where == "spaced" and w not in counts)
    spaced = rf"(?P<count>{alternation(counts)})|{spaced}" if counts else spaced
    about = [w for w, role, where in read_rows("shared/qualifiers.tsv")
             if role == "approximate" and where == "before"]  # fmt: skip
    about_after = frozenset(
        w
        for w, role, where in read_rows("shared/qualifiers.tsv")
        if role == "approximate" and where == "after" and w not in approx
    )
    return DateWords(
        atoms,
        words,
        parts,
        part,
        cue_before,
        weekday_paren,
        short,
        small(rf"(?<![가-힣])(?:{alternation(w for w in every if every[w] == 'before')})\x20?$"),
        small(alternation(w for w in every if every[w] == "after")),
        small(rf"(?<![가-힣])(?:{alternation(about)})\x20?$"),
        small(rf"{glued}|\x20?(?:{spaced})"),
        offsets,
        day_words,
        tuple(length_nouns),
        frozenset(w for w, r, *_ in rows if r == "length_verb"),
        frozenset(w for w, r, *_ in rows if r == "whole_noun"),
        small(rf"(?<![가-힣])(?:{alternation(w for w, r, *_ in rows if r == 'anaphor')})\x20?$"),
        frozenset(w for w, r, *_ in rows if r == "year_event"),
        about_after,
        *_neighbours(),
        small(rf"(?:{alternation(w for w, r, v, *_ in rows if v == 'from')})\x20?"),
        small(alternation(w for w, r, v, *_ in rows if v == "to")),
        {w: int(v) for w, r, v, *_ in rows if r == "month_name"},
        zones,
        small(rf"\x20?\(\x20?(?P<z>{alternation(zone_words)})\x20?\)"),
        small(rf"(?<![가-힣])(?P<z>{alternation(zone_words)})\x20?$"),
    )
