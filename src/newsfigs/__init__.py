"""newsfigs: figures, people and organizations in Korean news, as typed Python objects.

>>> import newsfigs
>>> doc = newsfigs.extract("앤트로픽은 100억 달러(약 14조원)를 조달할 계획이다.")
>>> [(f.text, f.value, f.unit) for f in doc.figures]
[('100억 달러', Decimal('10000000000'), 'USD'), ('약 14조원', Decimal('14000000000000'), 'KRW')]
"""

import importlib
from types import ModuleType

from newsfigs.api import Extractor, extract, extract_many, warm_up
from newsfigs.core.resources import clear_caches
from newsfigs.models import VIEWS, DateInfo, Document, Figure, Mention, Organization, Person
from newsfigs.numbers import parse_number


def _load_views() -> None:
    """html and records fill in Document._repr_html_ and Document.to_records (models.VIEWS).

    Loaded on first use, not by ``import newsfigs``: a first ``extract`` needs neither.
    """
    from newsfigs import html, records  # noqa: F401


VIEWS.load_views = _load_views


def __getattr__(name: str) -> ModuleType:
    """``newsfigs.html`` and ``newsfigs.records`` after a bare ``import newsfigs``."""
    if name in ("html", "records"):
        return importlib.import_module(f"newsfigs.{name}")
    raise AttributeError(f"module 'newsfigs' has no attribute {name!r}")


__all__ = [
    "DateInfo",
    "Document",
    "Extractor",
    "Figure",
    "Mention",
    "Organization",
    "Person",
    "clear_caches",
    "extract",
    "extract_many",
    "parse_number",
    "warm_up",
]
__version__ = "0.1.0"
