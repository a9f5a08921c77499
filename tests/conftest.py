"""Shared fixtures: one analyzer for the whole session (it takes ~2 s to load)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# The suite never reads or writes the user's own disk cache (core/disk_cache.py): a fresh
# directory per run, so every run also builds and writes the cache once.
os.environ["NEWSFIGS_CACHE_DIR"] = tempfile.mkdtemp(prefix="newsfigs-test-cache-")

import newsfigs  # after the cache directory is chosen

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def _warm() -> None:
    newsfigs.warm_up()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout, or skip: it is development material, not ours."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (development corpora live beside the checkout)")
    return SHARED
