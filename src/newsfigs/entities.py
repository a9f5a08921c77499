"""Linking person and organization mentions into document entities (stub)."""

from __future__ import annotations

from newsfigs.analysis import Analysed
from newsfigs.models import Organization, Person
from newsfigs.pipeline import Candidate


def link(candidates: list[Candidate], a: Analysed) -> tuple[list[Person], list[Organization]]:
    """Group mention candidates into people and organizations."""
    return [], []
