"""What ``extract_many`` accepts: a text, or a ``(text, reference_date)`` pair, checked.

A news archive has a date per article, so a call may mix bare texts (which take the call's
``reference_date``) and pairs (which carry their own). Checks are strict and say what was
expected: a float NaN from a DataFrame, a None, bytes or a date string are TypeErrors.
"""

from __future__ import annotations

import datetime
import warnings
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Union

TextItem = Union[str, tuple[str, Union[datetime.date, None]]]  # noqa: UP007 - a runtime alias on 3.10
"""One input of ``extract_many``."""


@dataclass(frozen=True)
class Skipped:
    """An item ``extract_many(..., on_error="skip")`` could not use: its position and why."""

    index: int
    reason: str


class BadItem(TypeError):
    """An item of the wrong type or shape (the message names it)."""


def check_text(text: object) -> str:
    """``text`` itself when it is a str; a TypeError saying what to do otherwise."""
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            "newsfigs expects text as str, got bytes: decode it first, e.g. data.decode('utf-8')"
        )
    if isinstance(text, float) and text != text:
        raise TypeError("newsfigs expects text as str, got float NaN (a missing value?)")
    raise TypeError(f"newsfigs expects text as str, got {type(text).__name__}")


def check_date(reference_date: object) -> datetime.date | None:
    """A ``date`` (a ``datetime`` reduced to its day) or None; a TypeError otherwise."""
    if reference_date is None or reference_date != reference_date:  # pandas' NaT is no date
        return None
    if isinstance(reference_date, datetime.datetime):
        return reference_date.date()
    if isinstance(reference_date, datetime.date):
        return reference_date
    raise TypeError(
        f"reference_date must be a datetime.date or None, got {type(reference_date).__name__}"
    )


def read_item(item: object, default: datetime.date | None) -> tuple[str, datetime.date | None]:
    """``(text, reference_date)`` of one item; a bare text takes ``default``."""
    if isinstance(item, tuple):
        if len(item) != 2:
            raise TypeError(
                f"expected a text or a (text, reference_date) pair, got {len(item)} values"
            )
        return check_text(item[0]), check_date(item[1])
    return check_text(item), default


Entry = Union[tuple[int, str, Union[datetime.date, None]], Skipped]  # noqa: UP007 - runtime alias
"""An item read from the input: (index, text, reference date), or why it was skipped."""


def read_entry(i: int, item: object, ref: datetime.date | None, skip: bool) -> Entry:
    """Item ``i`` read and checked; with ``skip``, a bad one becomes a ``Skipped``."""
    try:
        text, date = read_item(item, ref)
    except TypeError as e:
        if not skip:
            raise BadItem(f"extract_many item {i}: {e}") from None
        return Skipped(i, str(e))
    return (i, text, date)


def skipped_heads(pending: deque[Entry]) -> Iterator[None]:
    """A None (and a warning) for each skipped item at the head of ``pending``."""
    while pending and isinstance(pending[0], Skipped):
        s = pending.popleft()
        assert isinstance(s, Skipped)
        warn_skipped(s.index, s.reason)
        yield None


def warn_skipped(index: int, reason: str) -> None:
    """The warning of a skipped item, pointing at the caller's loop."""
    warnings.warn(SkippedItemWarning(f"extract_many item {index} skipped: {reason}"), stacklevel=3)


class SkippedItemWarning(UserWarning):
    """An item ``extract_many(..., on_error="skip")`` answered with None, and why."""
