"""What ``extract_many`` accepts: a text, or a ``(text, reference_date)`` pair, checked.

A news archive has a date per article, so a call may mix bare texts (which take the call's
``reference_date``) and pairs (which carry their own). Checks are strict and say what was
expected: a float NaN from a DataFrame, a None, bytes or a date string are TypeErrors.
"""

from __future__ import annotations

import datetime
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
