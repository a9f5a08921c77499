"""Reliability (issue 17): safe after fork, linear on hostile shapes, independent of the caller.

1. a forked child of a process that used newsfigs extracts a long text and a batch;
2. linking people is indexed (near-linear in the number of distinct names), same output;
3. results do not depend on the caller's ``decimal`` context;
4. the number patterns do not backtrack over long comma runs;
5. the table format cuts long cells in linear time, same output.

No test here asserts a duration: the linearity checks count work or run under a timeout that
only a quadratic step could blow.
"""

from __future__ import annotations

import ast
import copy
import decimal
import io
import itertools
import multiprocessing
import os
import random
import subprocess
import sys
import types
import unicodedata
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pytest
import regex
from benchmarks.scaling import personnel_list

import newsfigs
from newsfigs import Document, formats, units
from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import PersonCandidate
from newsfigs.core.textnorm import normalize
from newsfigs.figures import figure_patterns
from newsfigs.names import link_names
from newsfigs.numbers import parse_fraction, parse_number

SRC = Path(__file__).resolve().parents[1] / "src"

LONG = (
    "삼성전자 홍길동 대표는 올해 영업이익이 전년 대비 12.5% 증가한 4조9000억원이라고 밝혔다. "
    "쿠루밍은 3억원을 투자했다. 에너테크인터내셔널(이하 에너테크)은 2026년 상반기 3~5GWh 규모의 "
    "공장을 짓는다. 직원 300여명이 참석했고, 기온은 영하 3℃였다.\n"
) * 20


# --- 1. fork --------------------------------------------------------------------------------------

FORK_TIMEOUT = 120
"""Seconds a forked child may take (it rebuilds the analyzer, ~2 s): a hang never ends."""


def _results(ex: newsfigs.Extractor, texts: list[str]) -> tuple[str, list[str]]:
    one = ex.extract(texts[0]).model_dump_json()
    many = [d.model_dump_json() for d in ex.extract_many(texts)]
    return one, many


def _in_forked_child(
    conn: Connection, extractors: list[newsfigs.Extractor], texts: list[str]
) -> None:
    try:
        conn.send([_results(ex, texts) for ex in extractors])
    finally:
        conn.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_a_forked_child_extracts_long_texts_and_batches() -> None:
    assert len(LONG) > 2000  # through kiwipiepy's worker threads in both calls
    texts = [LONG, "쿠루밍은 3억원을 투자했다.", LONG[:700], "1,700억 달러(약 240조원)"]
    user = newsfigs.Extractor(organizations=["쿠루밍"])
    extractors = [newsfigs.api.default_extractor(), user]
    newsfigs.warm_up()
    expected = [_results(ex, texts) for ex in extractors]  # both analyzers built and used
    orgs = [[o.name for o in Document.model_validate_json(e[0]).organizations] for e in expected]
    assert "쿠루밍" in orgs[1] and "쿠루밍" not in orgs[0]
    ctx = multiprocessing.get_context("fork")
    reader, writer = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_in_forked_child, args=(writer, extractors, texts))
    child.start()
    writer.close()
    try:
        answered = reader.poll(FORK_TIMEOUT)
        got: Any = reader.recv() if answered else None
        child.join(FORK_TIMEOUT if answered else 0)
    finally:
        if child.is_alive():
            child.kill()
            child.join()
        reader.close()
    assert answered, f"the forked child hung (no answer in {FORK_TIMEOUT} s)"
    assert child.exitcode == 0
    assert got == expected  # the user words survive the rebuild in the child


# --- 2. linking -----------------------------------------------------------------------------------


def _merge_short_names_by_scanning(groups: dict[str, link_names._Group]) -> None:
    """The rule as it was written before indexing: every name against every full name."""
    full = [g for g in groups.values() if len(g.name) > 1]
    for key in list(groups):
        g = groups[key]
        if " " in g.name:
            continue
        if len(g.name) == 1:
            targets = [
                t
                for t in full
                if t.name[0] == g.name and " " not in t.name and 2 <= len(t.name) <= 4
            ]
        else:
            targets = [t for t in full if " " in t.name and t.name.rsplit(" ", 1)[1] == g.name]
        if len(targets) != 1 or targets[0] is g:
            continue
        target = targets[0]
        target.mentions.extend(g.mentions)
        for k, v in g.fields.items():
            if k not in target.fields or v[0] < target.fields[k][0]:
                target.fields[k] = v
        for alias in [g.name, *g.aliases]:
            if alias != target.name and alias not in target.aliases:
                target.aliases.append(alias)
        del groups[key]


def _random_groups(rng: random.Random) -> dict[str, link_names._Group]:
    """Person groups whose names collide often: lone syllables, 2–5 syllables, spaced names."""
    syllables = "박김이근혜리하체프알렉세"
    words = ["리하체프", "알렉세이", "박근혜", "김", "이하", "체프"]
    groups: dict[str, link_names._Group] = {}
    for i in range(rng.randint(0, 25)):
        shape = rng.random()
        if shape < 0.25:
            name = rng.choice(syllables)
        elif shape < 0.7:
            name = "".join(rng.choices(syllables, k=rng.randint(2, 5)))
        else:
            name = " ".join(rng.choices(words, k=rng.randint(2, 3)))
        g = groups.setdefault(name, link_names._Group(name, "person", rng.randint(0, 7)))
        g.mentions.append((i * 10, i * 10 + len(name)))
        if rng.random() < 0.5:
            g.fields[rng.choice(["title", "affiliation"])] = (rng.randint(0, 7), f"v{i}")
        if rng.random() < 0.3:
            g.aliases.append(rng.choice(words))
    return groups


def _state(groups: dict[str, link_names._Group]) -> list[tuple[Any, ...]]:
    return [(k, g.name, g.rank, g.mentions, g.fields, g.aliases) for k, g in groups.items()]


def test_indexed_short_name_merging_equals_the_full_scan_on_random_groups() -> None:
    rng = random.Random(17)
    merged = 0
    for _ in range(3000):
        groups = _random_groups(rng)
        expected = copy.deepcopy(groups)
        _merge_short_names_by_scanning(expected)
        before = len(groups)
        link_names._merge_short_names(groups)
        assert _state(groups) == _state(expected)
        merged += len(groups) < before
    assert merged > 500  # the random groups exercise the merges, not only the misses


LINKED = (
    "알렉세이 리하체프 로사톰 최고경영자(CEO)는 지난 3일 루카셴코 대통령을 만났다. "
    "리하체프 CEO는 협력을 약속했다. 박근혜 대통령은 이날 회의를 주재했다. 박 대통령은 "
    "삼성전자 홍길동 대표와 만났다. 홍 대표는 투자를 늘린다. "
)


def test_linking_a_personnel_list_gives_the_same_document_as_the_full_scan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = LINKED + personnel_list(3000) + LINKED
    doc = newsfigs.extract(text)
    monkeypatch.setattr(link_names, "_merge_short_names", _merge_short_names_by_scanning)
    assert newsfigs.extract(text) == doc
    people = {p.name: p for p in doc.people}
    assert len(people) > 200
    assert "리하체프" in people["알렉세이 리하체프"].aliases  # the merges still happen
    assert "박" in people["박근혜"].aliases


def _name_reads(n: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """How often linking reads a group's name, for ``n`` distinct people (and how many)."""
    reads = [0]

    class Counted(link_names._Group):
        def __getattribute__(self, attr: str) -> Any:
            if attr == "name":
                reads[0] += 1
            return super().__getattribute__(attr)

    monkeypatch.setattr(link_names, "_Group", Counted)
    cands: list[PersonCandidate] = []
    parts: list[str] = []
    pos = 0
    names = (
        s + a + b for s in "김이박최정" for a in "민서준지현우진영수경" for b in "호은성철동혜연재"
    )
    for name in itertools.islice(names, n):
        item = f"▲과장 {name} "
        start = pos + 4
        cands.append(
            PersonCandidate(
                start=start, end=start + len(name), source="title", name=name, title="과장"
            )
        )
        parts.append(item)
        pos += len(item)
    a = Analysed(normalize("".join(parts)), ())
    people, _ = link_names.link(cands, a)
    return reads[0], len(people)


def test_linking_reads_each_name_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    small, n_small = _name_reads(100, monkeypatch)
    large, n_large = _name_reads(400, monkeypatch)
    assert (n_small, n_large) == (100, 400)
    # linear: 4× the names, 4× the reads; comparing every pair made it 16×
    assert large <= 5 * small, (small, large)


# --- 3. decimal context ---------------------------------------------------------------------------

HOSTILE = {
    "prec=3": decimal.Context(prec=3),
    "Inexact trapped": decimal.Context(traps=[decimal.Inexact]),
    "Rounded trapped": decimal.Context(traps=[decimal.Rounded]),
    "ROUND_FLOOR, prec=5": decimal.Context(prec=5, rounding=decimal.ROUND_FLOOR),
    "prec=1, ROUND_UP, capitals=0": decimal.Context(
        prec=1, rounding=decimal.ROUND_UP, capitals=0, traps=[decimal.Inexact]
    ),
}
"""Contexts a caller may have set for its own arithmetic."""

DECIMAL_TEXTS = (
    "매출은 12,345,678원이다.",
    "금리는 1.23456789%였다.",
    "인구의 3분의 1이 참여했다.",
    "4조9000억원을 투자했다. 2억 4천 4백만 원도 냈다.",
    "기업가치 1700억 달러(약 240조원)를 목표로 100억 달러(약 14조원)를 조달한다.",
    "10년 6개월 만에 3.5배 늘었고, 1000여억원이 들었다.",
    "수십만 명이 3~5GWh, 0.25%p, 1.5배, 영하 3℃, 12.5㎡(3.78평)을 봤다.",
    "직원 300여명이 참석했다. 징역 1년 6월. 사흘 만에 절반이 나갔다.",
)


def _default_context_results(texts: tuple[str, ...]) -> list[dict[str, Any]]:
    with decimal.localcontext(decimal.Context()):
        return [newsfigs.extract(t).model_dump() for t in texts]


@pytest.mark.parametrize("name", list(HOSTILE))
def test_results_do_not_depend_on_the_callers_decimal_context(name: str) -> None:
    expected = _default_context_results(DECIMAL_TEXTS)
    assert expected[0]["figures"][0]["value"] == decimal.Decimal(12345678)
    with decimal.localcontext(HOSTILE[name]) as ctx:
        got = [newsfigs.extract(t).model_dump() for t in DECIMAL_TEXTS]
        many = newsfigs.extract_many(DECIMAL_TEXTS)
        first = next(many)
        assert decimal.getcontext() is ctx  # the generator never leaks its own context
        got_many = [first.model_dump(), *(d.model_dump() for d in many)]
        ex = newsfigs.Extractor(organizations=["쿠루밍"])  # built and warmed up in this context
        ex.warm_up()
        got_new = [ex.extract(t).model_dump() for t in DECIMAL_TEXTS]
    assert got == expected
    assert got_many == expected
    assert got_new == expected


@pytest.mark.parametrize("name", list(HOSTILE))
def test_parse_number_and_fraction_do_not_depend_on_the_callers_context(name: str) -> None:
    numerals = ["12,345,678", "1.23456789", "4조9000억", "이천칠백사십오억", "98.32", "1,700.5"]
    fractions = [("3", "1"), ("7", "2"), ("삼", "일")]
    with decimal.localcontext(decimal.Context()):
        expected = [parse_number(n) for n in numerals], [parse_fraction(*f) for f in fractions]
    with decimal.localcontext(HOSTILE[name]):
        got = [parse_number(n) for n in numerals], [parse_fraction(*f) for f in fractions]
    assert got == expected
    assert [str(v) for v in got[0]] == [str(v) for v in expected[0]]


def test_the_unit_registry_built_in_a_hostile_context_is_exact(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with decimal.localcontext(decimal.Context()):
        expected = units.quantity(decimal.Decimal(1), "pyeong").to("meter ** 2").magnitude
    units.registry.clear()  # built afresh below
    with decimal.localcontext(HOSTILE["prec=3"]):
        registry = units.registry()
    assert registry is not None and units.registry() is registry
    with decimal.localcontext(decimal.Context()):
        got = units.quantity(decimal.Decimal(1), "pyeong").to("meter ** 2").magnitude
    assert got == expected == decimal.Decimal(400) / decimal.Decimal(121)


# --- 4. comma runs --------------------------------------------------------------------------------

COMMA_RUN_CHARS = 500_000
"""Scanned in about a second when linear; the quadratic scan took 167 s for 200,000 characters
on the development machine (over 10 minutes for this size)."""
COMMA_RUN_TIMEOUT = 60

_SCAN_COMMA_RUNS = """
import sys
from newsfigs import numbers
from newsfigs.figures.figure_patterns import patterns

P = patterns()
groups = ",000" * (int(sys.argv[1]) // 4)
out = {}
for name, text in {
    "bad": "1" + groups + ",00원",  # the last group is short: no grouped number at all
    "good": "1" + groups + "원",
    "two digits": "12" + groups + ",00원",
    "decimal": "1.5" + groups + ",00원",
}.items():
    spans = [m.span() for m in P.numeral.finditer(text)]
    fractions = [m.span() for m in P.fraction.finditer(text + " 3분의 1")]
    kept = numbers._COMMA_GROUPED.sub("", text)
    out[name] = (len(text), len(spans), spans[:3], spans[-2:], fractions, kept)
print(out)
"""


def test_long_comma_runs_are_scanned_in_linear_time() -> None:
    """A subprocess, so a quadratic scan is killed at the timeout instead of hanging the suite."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    args = [sys.executable, "-c", _SCAN_COMMA_RUNS, str(COMMA_RUN_CHARS)]
    try:
        done = subprocess.run(
            args, capture_output=True, text=True, timeout=COMMA_RUN_TIMEOUT, env=env, check=True
        )
    except subprocess.TimeoutExpired:
        done = None
    if done is None:
        pytest.fail(
            f"{COMMA_RUN_CHARS:,} characters of comma groups: no result in {COMMA_RUN_TIMEOUT} s"
        )
    got = ast.literal_eval(done.stdout)
    k = COMMA_RUN_CHARS // 4  # groups
    for name, lead in (("bad", 1), ("two digits", 2), ("decimal", 3)):
        n, count, first, last, fractions, kept = got[name]
        end = lead + 4 * k  # where the groups end; ",00원" follows
        # the lead alone, then every group alone, then "00": the short group spoils the grouping
        assert count == k + 2
        assert first == [(0, lead), (lead + 1, lead + 4), (lead + 5, lead + 8)]
        assert last == [(end - 3, end), (end + 1, end + 3)]
        assert fractions == [(n + 1, n + 6)]  # the 3분의 1 after the run
        # numbers._COMMA_GROUPED takes the whole run at once (from the 5 of 1.5)
        assert kept == ("1." if name == "decimal" else "") + ",00원"
    n, count, first, last, fractions, kept = got["good"]
    assert (count, first, last, fractions, kept) == (
        1,
        [(0, n - 1)],
        [(0, n - 1)],
        [(n + 1, n + 6)],
        "원",
    )


def _before_the_guard(p: regex.Pattern[str]) -> regex.Pattern[str]:
    """``p`` as written before ``AR`` skipped groups already tried (quadratic on comma runs)."""
    guard = f"(?!{figure_patterns._TRIED_GROUP})"
    assert guard in p.pattern
    return regex.compile(p.pattern.replace(guard, ""))


NUMBER_STRINGS = (
    "1,700억 달러(약 240조원)", "₩15,000, 어린이 7,000원", "98.32%", "4조9000억원",
    "2억 4천 4백만 원", "1,234,567.89달러", "12,34,567", "1234,567,890원", "1.5,000,000원",
    "1,00,000원", "1,0000원", "3분의 1", "1,000분의 3", "13만 5,678대", "2경 3,039조",
    "1~2,000,000명", "2,000~3,000명", "300여명", "1,700.5.3", "1,000,000,00원", "0,001",
    "1,,000", ",000,000", "1.000,000,000", "1234,567분의 1", "1,0000,000,000분의 1",
)  # fmt: skip


def test_the_number_patterns_match_as_before_on_number_strings() -> None:
    P = figure_patterns.patterns()
    rng = random.Random(4)
    atoms = [*"0123456789" * 3, ",", ".", "억", "만", "원", " ", "~", "분의", ",000", ",00", "1.5"]
    texts = [
        *NUMBER_STRINGS,
        *("".join(rng.choices(atoms, k=rng.randint(1, 24))) for _ in range(3000)),
    ]
    for new in (P.numeral, P.fraction):
        old = _before_the_guard(new)
        for text in texts:
            assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]
            assert [m.groupdict() for m in new.finditer(text)] == [
                m.groupdict() for m in old.finditer(text)
            ]
            for pos in range(len(text)):  # where the recognizer matches: never after "3" or "3,"
                if not regex.search(r"\d,?\Z", text[max(0, pos - 2) : pos]):
                    a, b = new.match(text, pos), old.match(text, pos)
                    assert (a and a.span()) == (b and b.span()), (text, pos)


# --- 5. the table format --------------------------------------------------------------------------


def _cell_by_trimming(text: str, width: int) -> str:
    """The cell as it was written before: one character dropped and the rest measured again."""
    text = " ".join(text.split())
    if formats._width(text) > width:
        while formats._width(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (width - formats._width(text))


def test_table_cells_are_cut_as_before() -> None:
    rng = random.Random(5)
    chars = "가나다ABC12 \u0301\u3000ｱＡ…😀\t\n"
    for _ in range(5000):
        text = "".join(rng.choices(chars, k=rng.randint(0, 40)))
        width = rng.randint(1, 30)
        assert formats._cell(text, width) == _cell_by_trimming(text, width), (text, width)


def _table(docs: list[Document]) -> str:
    out = io.StringIO()
    writer = formats.TableWriter(out, with_source=False)
    writer.start()
    for i, doc in enumerate(docs):
        writer.write(i, formats.Item("stdin", i + 1, doc.text), doc)
    writer.end()
    return out.getvalue()


def test_the_table_format_writes_the_same_lines_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [newsfigs.extract(t) for t in (*DECIMAL_TEXTS, LINKED, LONG[:600])]
    table = _table(docs)
    monkeypatch.setattr(formats, "_cell", _cell_by_trimming)
    assert _table(docs) == table
    assert table.count("\n") > 60


def _widths_measured(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """Characters whose width ``formats`` looks up while writing the table of ``text``."""
    calls = [0]

    def counted(c: str) -> str:
        calls[0] += 1
        return unicodedata.east_asian_width(c)

    doc = newsfigs.extract(text)
    monkeypatch.setattr(formats, "unicodedata", types.SimpleNamespace(east_asian_width=counted))
    table = _table([doc])
    return calls[0], table


def test_a_long_figure_text_costs_the_table_no_more_than_a_short_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # zero-width spaces inside a figure (scraped text): thousands of characters in its text
    short, short_table = _widths_measured("3" + "\u200b" * 1000 + "억원", monkeypatch)
    long, long_table = _widths_measured("3" + "\u200b" * 4000 + "억원", monkeypatch)
    assert "3억 KRW" in long_table and "…" in long_table  # Korean groups (issue 16)
    assert long_table.replace("0-4003", "0-1003") == short_table  # the same lines
    # only the columns shown are measured, whatever the length (trimming measured ~n²/2)
    assert long == short < 200
