"""Shared fixtures: one analyzer for the whole session (it takes ~2 s to load)."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsfigs

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
