"""Every loaded thing of the package goes through here: read once per process, lazily, cached.

Rules are code; word lists are data. Each table is a TSV with ``#`` comment lines.

One primitive instead of a cache per module: ``@resource`` turns a zero-argument loader (a
table, the gazetteer, the pint registry, the default extractor) into a value built on the
first call, once even when threads race for it (a lock, checked twice), and recorded in one
registry with its name and how long it took. ``@keyed_resource`` does the same per argument
(``read_rows(name)``). So ``clear_caches()`` can drop them all for tests, and ``warm_up`` can
load them all and say what took how long.

The one lazy thing not registered here is each ``Analyzer``'s kiwipiepy model: it is per
instance (an ``Extractor``'s own user words go in before it is built), so it stays an
attribute of ``Analyzer``; ``warm_up`` times it on its own.

A forked child gets fresh locks: a lock held by a build in another thread of the parent at
the fork would otherwise stay held forever in the child, where that thread does not exist.
"""

from __future__ import annotations

import functools
import os
import threading
import time
from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Generic, TypeVar

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)

_REGISTRY: dict[str, Resource[Any] | KeyedResource[Any, Any]] = {}
_registry_lock = threading.Lock()
_nesting = threading.local()  # seconds spent in nested builds, per thread


def _timed(build: Callable[[], T]) -> tuple[T, float]:
    """``build()`` and its own seconds: time spent building other resources inside it is
    left out (it is recorded on them), so the timings of a warm-up add up."""
    outer: float | None = getattr(_nesting, "seconds", None)
    _nesting.seconds = 0.0
    start = time.perf_counter()
    try:
        value = build()
    finally:
        elapsed = time.perf_counter() - start
        nested: float = _nesting.seconds
        _nesting.seconds = None if outer is None else outer + elapsed
    return value, elapsed - nested


def _name(build: Callable[..., Any]) -> str:
    return f"{build.__module__}.{build.__qualname__}".removeprefix("newsfigs.")


def _register(item: Resource[Any] | KeyedResource[Any, Any]) -> None:
    with _registry_lock:
        _REGISTRY[item.name] = item  # a reloaded module replaces its old entry


class Resource(Generic[T]):
    """A zero-argument loader whose value is built on the first call, once, under a lock."""

    def __init__(self, build: Callable[[], T], name: str) -> None:
        self.name = name
        self._build = build
        self._lock = threading.Lock()
        self._box: tuple[T] | None = None  # a box, so a loader may return None
        self.seconds: float | None = None
        """How long the build took (own time, without nested resources); None until built."""

    def __call__(self) -> T:
        box = self._box
        if box is None:
            with self._lock:
                box = self._box
                if box is None:
                    value, self.seconds = _timed(self._build)
                    box = self._box = (value,)
        return box[0]

    @property
    def loaded(self) -> bool:
        """True once built (and until ``clear``)."""
        return self._box is not None

    def clear(self) -> None:
        """Drop the value: the next call builds it again."""
        with self._lock:
            self._box = None
            self.seconds = None

    def timings(self) -> Iterator[tuple[str, float]]:
        """``(name, seconds)`` if loaded."""
        seconds = self.seconds
        if self._box is not None and seconds is not None:
            yield self.name, seconds

    def __repr__(self) -> str:
        return f"<resource {self.name}{' (loaded)' if self.loaded else ''}>"


class KeyedResource(Generic[K, T]):
    """A one-argument loader: one value per argument, each built once, under a lock."""

    def __init__(self, build: Callable[[K], T], name: str) -> None:
        self.name = name
        self._build = build
        self._lock = threading.Lock()
        self._values: dict[K, T] = {}
        self._seconds: dict[K, float] = {}

    def __call__(self, key: K) -> T:
        try:
            return self._values[key]
        except KeyError:
            pass
        with self._lock:
            if key not in self._values:
                value, seconds = _timed(functools.partial(self._build, key))
                self._seconds[key] = seconds
                self._values[key] = value
            return self._values[key]

    def clear(self) -> None:
        """Drop every value: the next call with any argument builds again."""
        with self._lock:
            self._values = {}
            self._seconds = {}

    def timings(self) -> Iterator[tuple[str, float]]:
        """``("name('key')", seconds)`` of each argument loaded."""
        for key, seconds in list(self._seconds.items()):
            yield f"{self.name}({key!r})", seconds

    def __repr__(self) -> str:
        return f"<keyed resource {self.name} ({len(self._values)} loaded)>"


def resource(build: Callable[[], T]) -> Resource[T]:
    """Decorator: ``build`` runs once, on the first call, whatever the threads; see module."""
    item = Resource(build, _name(build))
    functools.update_wrapper(item, build)
    _register(item)
    return item


def keyed_resource(build: Callable[[K], T]) -> KeyedResource[K, T]:
    """Decorator: ``build(key)`` runs once per key, on the first call with it."""
    item = KeyedResource(build, _name(build))
    functools.update_wrapper(item, build)
    _register(item)
    return item


def registered() -> list[Resource[Any] | KeyedResource[Any, Any]]:
    """Every resource of the modules imported so far."""
    with _registry_lock:
        return list(_REGISTRY.values())


def clear_caches() -> None:
    """Drop every loaded resource (tables, gazetteer, registry, default extractor).

    For tests: the next use loads again. Objects already handed out (an ``Extractor``, a
    ``Lexicon``) stay valid; only the cached references go.
    """
    for item in registered():
        item.clear()


def clear_resources(*prefixes: str) -> None:
    """Drop the loaded resources whose names start with one of ``prefixes`` (e.g. the tables
    built from the unit list after ``units.add_unit``); the others stay loaded."""
    for item in registered():
        if item.name.startswith(prefixes):
            item.clear()


def load_all() -> None:
    """Build every zero-argument resource not built yet (keyed ones load with their callers)."""
    done: set[str] = set()
    while True:  # a build may import a module that registers more
        todo = [r for r in registered() if isinstance(r, Resource) and r.name not in done]
        if not todo:
            return
        for r in todo:
            r()
            done.add(r.name)


def timings() -> dict[str, float]:
    """Name → seconds its build took, of every resource loaded now."""
    return {name: s for item in registered() for name, s in item.timings()}


def _fresh_locks() -> None:
    """In a forked child: new locks (see module); values already built are kept."""
    global _registry_lock
    _registry_lock = threading.Lock()
    for item in _REGISTRY.values():
        item._lock = threading.Lock()


if hasattr(os, "register_at_fork"):  # POSIX
    os.register_at_fork(after_in_child=_fresh_locks)


@dataclass(frozen=True)
class LoadReport:
    """What a warm-up loaded and how long each took.

    ``seconds``: name → seconds this warm-up spent loading it, its own time (resources it
    loaded in turn are listed separately), 0.0 for what was already loaded. ``total``: the
    whole call, in seconds.
    """

    seconds: Mapping[str, float]
    total: float
    disk_cache: Mapping[str, str] = field(default_factory=dict)
    """Table → "read" (from the disk cache), "written" (built, saved for the next process) or
    "built" (no usable cache directory); see core/disk_cache.py."""

    def __str__(self) -> str:
        rows = sorted(self.seconds.items(), key=lambda kv: -kv[1])
        lines = [f"{s:8.3f} s  {name}" for name, s in rows]
        cached = [f"disk cache: {name} {state}" for name, state in sorted(self.disk_cache.items())]
        return "\n".join([*lines, f"{self.total:8.3f} s  total", *cached])


@keyed_resource
def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of ``data/<name>`` split on tabs, without comments or blank lines."""
    text = resources.files("newsfigs").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    rows: list[tuple[str, ...]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(line.split("\t")))
    return tuple(rows)


@keyed_resource
def read_words(name: str) -> tuple[str, ...]:
    """First column of ``data/<name>``: a plain word list."""
    return tuple(row[0] for row in read_rows(name))


@keyed_resource
def read_word_set(name: str) -> frozenset[str]:
    """The words of ``data/<name>`` as a set (membership tests on the hot path)."""
    return frozenset(read_words(name))


def read_text(name: str) -> str:
    """The raw text of ``data/<name>`` (for the pint definitions file)."""
    return resources.files("newsfigs").joinpath("data").joinpath(name).read_text(encoding="utf-8")
