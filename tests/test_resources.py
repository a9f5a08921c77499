"""The one resource loader (``core.resources``): built once under races, cleared on demand,
timed by ``warm_up``, and nothing else in the package caches on its own."""

from __future__ import annotations

import ast
import datetime
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import newsfigs
from newsfigs.core.resources import (
    _REGISTRY,
    KeyedResource,
    LoadReport,
    Resource,
    clear_caches,
    read_rows,
    registered,
    resource,
)
from newsfigs.names.gazetteer import name_tables, wikidata
from newsfigs.units import registry

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsfigs"
THREADS = 16
TEXTS = (
    "22일 블룸버그에 따르면 앤트로픽은 기업가치 1700억 달러(약 240조원)를 목표로 "
    "100억 달러(약 14조원)를 조달할 계획이다. 발전 용량 64기가와트(GW) 중 33GW를 차지했다.",
    "삼성전자 홍길동 대표는 올해 영업이익이 전년 대비 12.5% 증가한 4조9000억원이라고 밝혔다.",
    "알렉세이 리하체프 로사톰 최고경영자(CEO)는 지난 3일 루카셴코 대통령을 만났다. "
    "지난해 3분기 직원 300여명이 참석했고, 기온은 영하 3℃였다. 이틀간 열린다.",
)
REF = datetime.date(2026, 3, 22)


def _race(call: Callable[[], object]) -> list[object]:
    """``call()`` from ``THREADS`` threads released at once by a barrier."""
    barrier = threading.Barrier(THREADS)

    def run() -> object:
        barrier.wait()
        return call()

    with ThreadPoolExecutor(THREADS) as pool:
        return list(pool.map(lambda _: run(), range(THREADS)))


def test_a_resource_is_built_once_when_threads_race() -> None:
    builds: list[int] = []

    def build() -> object:
        builds.append(1)
        time.sleep(0.05)  # slow enough that every other thread arrives during the build
        return object()

    item = Resource(build, "test.race")
    results = _race(item)
    assert len(builds) == 1
    assert all(r is results[0] for r in results)
    assert item.loaded and item.seconds is not None and item.seconds >= 0.04


def test_a_keyed_resource_is_built_once_per_key_when_threads_race() -> None:
    builds: list[str] = []

    def build(key: str) -> object:
        builds.append(key)
        time.sleep(0.05)
        return object()

    item: KeyedResource[str, object] = KeyedResource(build, "test.keyed")
    results = _race(lambda: item("a"))
    assert builds == ["a"] and all(r is results[0] for r in results)
    assert item("b") is not results[0] and builds == ["a", "b"]
    assert dict(item.timings()).keys() == {"test.keyed('a')", "test.keyed('b')"}


def test_a_failed_build_is_not_cached() -> None:
    attempts: list[int] = []

    def build() -> int:
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError("disk hiccup")
        return 7

    item = Resource(build, "test.retry")
    with pytest.raises(OSError):
        item()
    assert not item.loaded
    assert item() == 7 and len(attempts) == 2


def _build_in_child(item: Resource[int], done: Any) -> None:
    done.put(item())


@pytest.mark.skipif(not hasattr(os, "register_at_fork"), reason="no fork on this platform")
def test_a_forked_child_is_not_blocked_by_a_build_running_in_the_parent() -> None:
    item = resource(lambda: 7)  # registered, as the package's loaders are
    try:
        ctx = multiprocessing.get_context("fork")
        done = ctx.Queue()
        with item._lock:  # as if another thread of the parent were building it at the fork
            child = ctx.Process(target=_build_in_child, args=(item, done))
            child.start()
        child.join(timeout=30)
        assert child.exitcode == 0 and done.get(timeout=5) == 7
    finally:
        _REGISTRY.pop(item.name, None)


def test_nested_builds_are_timed_apart() -> None:
    inner = Resource(lambda: time.sleep(0.1), "test.inner")

    def outer_build() -> None:
        time.sleep(0.02)
        inner()

    outer = Resource(outer_build, "test.outer")
    outer()
    assert inner.seconds is not None and outer.seconds is not None
    assert inner.seconds >= 0.09
    assert outer.seconds < 0.09, "the outer time leaves out the inner build"


def test_every_loader_is_registered() -> None:
    names = {r.name for r in registered()}
    expected = {
        "api.default_extractor",
        "core.resources.read_rows",
        "core.resources.read_words",
        "units.registry",
        "units.unit_surfaces",
        "units.classifiers",
        "numbers.native_numerals",
        "numbers.contracted_ranges",
        "names.gazetteer.name_tables",
        "names.gazetteer.wikidata",
        "names.gazetteer.wikidata_firsts",
        "names.gazetteer.person_surnames",
        "names.people.given_syllables",
        "figures.figure_patterns.patterns",
        "dates.find_dates.date_words",
    }
    assert expected <= names, expected - names


def test_clear_caches_makes_the_next_call_rebuild() -> None:
    before = (name_tables(), wikidata(), registry(), read_rows("names/titles.tsv"))
    extractor = newsfigs.api.default_extractor()
    newsfigs.clear_caches()
    after = (name_tables(), wikidata(), registry(), read_rows("names/titles.tsv"))
    for old, new in zip(before, after, strict=True):
        assert old is not new
    assert before[0] == after[0] and before[1] == after[1] and before[3] == after[3]
    assert newsfigs.api.default_extractor() is not extractor
    assert newsfigs.clear_caches is clear_caches


def test_warm_up_reports_the_analyzer_the_registry_the_gazetteer_and_the_tables() -> None:
    clear_caches()
    report = newsfigs.warm_up()
    assert isinstance(report, LoadReport)
    for name in (
        "analyzer",
        "api.default_extractor",
        "units.registry",
        "names.gazetteer.wikidata",
        "names.gazetteer.name_tables",
        "figures.figure_patterns.patterns",
        "dates.find_dates.date_words",
        "core.resources.read_rows('names/titles.tsv')",
    ):
        assert name in report.seconds, name
    assert report.seconds["analyzer"] > 0.1, "the kiwipiepy model takes time to load"
    assert all(s >= 0 for s in report.seconds.values())
    assert report.total >= sum(report.seconds.values()) - 1e-3, "own times add up"
    assert all(r.loaded for r in registered() if isinstance(r, Resource))
    assert "units.registry" in str(report)

    again = newsfigs.warm_up()
    assert again.seconds["units.registry"] == 0.0, "already loaded: nothing spent"
    assert again.seconds.keys() >= report.seconds.keys()


def test_extraction_is_identical_after_clear_caches() -> None:
    before = [newsfigs.extract(t, REF).model_dump() for t in TEXTS]
    clear_caches()
    after = [newsfigs.extract(t, REF).model_dump() for t in TEXTS]
    assert after == before
    assert any(d["figures"] for d in before) and any(d["people"] for d in before)


def _calls(tree: ast.AST) -> set[str]:
    """Dotted names used in ``tree`` (``functools.cache``, ``threading.Lock``, ``lru_cache`` …)."""
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            out.add(f"{node.value.id}.{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.module in ("functools", "threading"):
            out.update(f"{node.module}.{a.name}" for a in node.names)
    return out


def test_nothing_else_caches_or_locks_on_its_own() -> None:
    """Loaders use ``@resource``: a new ``functools.cache`` or hand-made lock is flagged.

    ``core/analyzer.py`` keeps a lock for its per-instance kiwipiepy model (see
    ``core/resources.py`` for why that one is not a registered resource).
    """
    banned = {"functools.cache", "functools.lru_cache", "threading.Lock", "threading.RLock"}
    allowed = {"core/resources.py", "core/analyzer.py"}
    offenders = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).as_posix()
        used = _calls(ast.parse(path.read_text(encoding="utf-8"))) & banned
        if used and rel not in allowed:
            offenders[rel] = sorted(used)
    assert offenders == {}, f"use core.resources.resource instead: {offenders}"
