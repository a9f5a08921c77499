"""Derived tables kept on disk between processes, so a fresh process starts fast.

Some tables are costly to derive but never change for one installation: the WikiData
gazetteer parsed out of kiwipiepy_model's 12 MB ``multi.dict`` takes ~0.5 s a process, its
cached form ~0.05 s. ``load_or_build`` keeps such a table in the user's cache directory under
a name that hashes everything it was derived from (newsfigs' and kiwipiepy_model's versions,
the source file, the code that builds it, the data files it reads), so a stale file is never
read: any change of an input is a new file name.

Rules (docs/performance.md): the cache is an optimization only. A directory that cannot be
written, a file that is truncated, corrupt or of another shape — every failure falls back to
building in memory, silently, with the same result. ``NEWSFIGS_CACHE_DIR`` moves the
directory; set to an empty string it turns the disk cache off.

The format is ``marshal`` (plain str/bytes/tuples, read ~10× faster than parsing): it is only
read from the user's own cache directory, written by this module, and checked by the
caller's ``decode`` before use.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

FORMAT = 1
"""Bumped when this module's file layout changes."""

ENV = "NEWSFIGS_CACHE_DIR"

STATUS: dict[str, str] = {}
"""name → "read" | "written" | "built" (no usable cache) of this process, for ``warm_up``."""


def cache_dir() -> Path | None:
    """Where caches go: ``$NEWSFIGS_CACHE_DIR``, else the platform's user cache directory."""
    configured = os.environ.get(ENV)
    if configured is not None:
        return Path(configured) if configured.strip() else None
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "newsfigs" / "Cache" if base else None
    if sys.platform == "darwin":  # pragma: no cover - exercised on macOS only
        return Path.home() / "Library" / "Caches" / "newsfigs"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "newsfigs"


def fingerprint(parts: Iterable[str | bytes]) -> str:
    """A short hash of everything a table is derived from."""
    h = hashlib.sha256(str(FORMAT).encode())
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()[:20]


def load_or_build(
    name: str,
    key: Iterable[str | bytes],
    build: Callable[[], T],
    encode: Callable[[T], Any],
    decode: Callable[[Any], T],
) -> T:
    """``decode`` of the cached file for ``(name, key)``, else ``build()`` (written for next time).

    ``encode`` turns the table into marshal-able data; ``decode`` turns it back and raises
    (any exception) when the data is not of the expected shape, which counts as a miss.
    """
    folder = cache_dir()
    path = folder / f"{name}-{fingerprint(key)}.marshal" if folder is not None else None
    if path is not None:
        try:
            with path.open("rb") as fh:
                value = decode(marshal.load(fh))
        except Exception:  # missing, unreadable or corrupt: rebuild below
            pass
        else:
            STATUS[name] = "read"
            return value
    value = build()
    STATUS[name] = "built"
    if path is not None and _write(path, encode(value)):
        STATUS[name] = "written"
        _prune(path, name)
    return value


def _prune(keep: Path, name: str) -> None:
    """Remove this table's files of other fingerprints (older versions): one file per table."""
    for old in keep.parent.glob(f"{name}-*.marshal"):
        if old != keep:
            with contextlib.suppress(OSError):
                old.unlink()


def _write(path: Path, data: Any) -> bool:
    """Write atomically (temp file, then rename): a reader never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                marshal.dump(data, fh)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, ValueError):  # read-only, full, or a value marshal cannot write
        return False
    return True
