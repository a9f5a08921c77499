"""Figures."""

from __future__ import annotations

from newsfigs.analysis import Analysed
from newsfigs.pipeline import Candidate


def recognize(a: Analysed) -> list[Candidate]:
    """Date and time candidates of ``a``."""
    return []
