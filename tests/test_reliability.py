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

import multiprocessing
import os
from multiprocessing.connection import Connection
from typing import Any

import pytest

import newsfigs
from newsfigs import Document

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
