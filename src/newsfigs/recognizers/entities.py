"""People and organizations (stub until the entity recognizer lands)."""

from __future__ import annotations

from newsfigs.analysis import Analysed
from newsfigs.pipeline import Candidate


def recognize(a: Analysed) -> list[Candidate]:
    """Person and organization mention candidates of ``a``."""
    return []
