"""The disk cache of derived tables: read when fresh, rebuilt when stale, corrupt or unwritable,
and never a different result (core/disk_cache.py, docs/performance.md)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsfigs
from newsfigs.core import disk_cache
from newsfigs.core.disk_cache import load_or_build
from newsfigs.names import gazetteer
from newsfigs.names.gazetteer import WikidataTables

TEXT = "삼성전자 이재용 회장과 도널드 트럼프 대통령은 12일 LG전자 구광모 회장을 만났다."
GAZETTEER = (
    gazetteer.wikidata_tables,
    gazetteer.wikidata,
    gazetteer.wikidata_firsts,
    gazetteer.person_surnames,
)


def _fresh_gazetteer() -> WikidataTables:
    for item in GAZETTEER:
        item.clear()
    return gazetteer.wikidata_tables()


def _plain(t: WikidataTables) -> tuple[object, ...]:
    return dict(t.names.items()), t.firsts, t.person_surnames


@pytest.fixture
def cache_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv(disk_cache.ENV, str(tmp_path))
    yield tmp_path
    monkeypatch.undo()
    _fresh_gazetteer()  # the rest of the suite goes back to its own cache directory


def test_written_once_then_read_with_the_same_tables(cache_in: Path) -> None:
    first = _fresh_gazetteer()
    assert disk_cache.STATUS["wikidata"] == "written"
    assert len(list(cache_in.glob("wikidata-*.marshal"))) == 1
    doc_built = newsfigs.extract(TEXT)
    second = _fresh_gazetteer()
    assert disk_cache.STATUS["wikidata"] == "read"
    assert _plain(second) == _plain(first)
    assert len(first.names) > 10_000 and first.person_surnames  # the real multi.dict
    assert newsfigs.extract(TEXT) == doc_built


def test_cached_tables_equal_a_fresh_derivation(cache_in: Path) -> None:
    _fresh_gazetteer()
    cached = _fresh_gazetteer()
    assert disk_cache.STATUS["wikidata"] == "read"
    path = gazetteer._multi_dict_path()
    assert path is not None
    derived = gazetteer.derive_tables(path.read_text(encoding="utf-8"), gazetteer.name_tables())
    assert _plain(cached) == _plain(derived)


@pytest.mark.parametrize(
    "garbage", [b"", b"\x00\x01not marshal", b"\xe9" * 64], ids=["empty", "junk", "truncated"]
)
def test_a_corrupt_file_is_rebuilt_and_replaced(cache_in: Path, garbage: bytes) -> None:
    good = _plain(_fresh_gazetteer())
    (path,) = cache_in.glob("wikidata-*.marshal")
    path.write_bytes(garbage)
    assert _plain(_fresh_gazetteer()) == good
    assert disk_cache.STATUS["wikidata"] == "written"
    assert _plain(_fresh_gazetteer()) == good and disk_cache.STATUS["wikidata"] == "read"


def test_an_unwritable_directory_still_gives_the_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(disk_cache.ENV, str(blocker / "cache"))
    try:
        tables = _fresh_gazetteer()
        assert disk_cache.STATUS["wikidata"] == "built"
        assert len(tables.names) > 10_000
    finally:
        monkeypatch.undo()
        _fresh_gazetteer()


def test_an_empty_setting_turns_the_cache_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(disk_cache.ENV, "")
    assert disk_cache.cache_dir() is None
    calls: list[int] = []
    for _ in range(2):
        load_or_build("toy", ["k"], lambda: calls.append(1) or 7, lambda v: v, int)
    assert calls == [1, 1] and disk_cache.STATUS["toy"] == "built"


def test_a_changed_input_is_a_new_file_and_the_old_one_goes(cache_in: Path) -> None:
    built: list[str] = []

    def build(key: str) -> str:
        built.append(key)
        return key * 2

    for key in ("v1", "v1", "v2", "v2"):
        assert load_or_build("toy", [key], lambda k=key: build(k), lambda v: v, str) == key * 2
    assert built == ["v1", "v2"]  # each key built once, then read
    (only,) = cache_in.glob("toy-*.marshal")
    assert only.name == f"toy-{disk_cache.fingerprint(['v2'])}.marshal"


def test_a_decode_that_rejects_the_shape_is_a_miss(cache_in: Path) -> None:
    load_or_build("toy", ["k"], lambda: "text", lambda v: v, str)

    def strict(data: object) -> int:
        if not isinstance(data, int):
            raise TypeError("expected an int")
        return data

    assert load_or_build("toy", ["k"], lambda: 5, lambda v: v, strict) == 5
    assert disk_cache.STATUS["toy"] == "written"


def test_the_default_directory_is_the_platform_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(disk_cache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/some/where")
    folder = disk_cache.cache_dir()
    assert folder is not None and folder.name == "newsfigs"
    if os.name == "posix" and os.uname().sysname == "Linux":
        assert folder == Path("/some/where/newsfigs")


def test_the_compact_gazetteer_answers_like_the_parsed_dict() -> None:
    path = gazetteer._multi_dict_path()
    assert path is not None
    parsed = gazetteer.parse_multi_dict(path.read_text(encoding="utf-8"))
    compact = gazetteer.Gazetteer.of(parsed)
    assert len(compact) == len(parsed) and list(compact) == sorted(parsed)
    for key, entry in parsed.items():
        assert compact.get(key) == entry, key
    for missing in ("", "\x00", "가", "없는 이름 하나", key + " ", "\U0010ffff"):
        assert compact.get(missing) == parsed.get(missing)
        assert (missing in compact) is (missing in parsed)


def test_a_tiny_gazetteer_keeps_order_aliases_and_edges() -> None:
    entries = {
        "나 다": ("person", None, "나 다"),
        "가 나": ("organization", "company", "가나 주식회사"),
        "다 라": ("organization", None, "다 라"),
    }
    g = gazetteer.Gazetteer.of(entries)
    assert list(g) == ["가 나", "나 다", "다 라"]
    assert g["가 나"] == ("organization", "company", "가나 주식회사")
    assert g.get("나 다") == ("person", None, "나 다")
    assert g.get("가") is None and g.get("라") is None and g.get("나") is None
    empty = gazetteer.Gazetteer.of({})
    assert len(empty) == 0 and empty.get("가") is None and list(empty) == []


def test_extract_never_loads_pint_until_a_quantity_is_asked_for() -> None:
    """Cold start pays for the unit registry only when a program computes with units."""
    import subprocess
    import sys

    code = (
        "import sys, newsfigs\n"
        "doc = newsfigs.extract('발전 용량 64기가와트(GW)를 확보했다.')\n"
        "assert 'pint' not in sys.modules, 'extract loaded pint'\n"
        "(fig,) = [f for f in doc.figures if f.kind == 'power']\n"
        "assert fig.quantity.to('MW').magnitude == 64000\n"
        "assert 'pint' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
