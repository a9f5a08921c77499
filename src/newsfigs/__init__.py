"""newsfigs: figures, people and organizations in Korean news, as typed Python objects.

>>> import newsfigs
>>> doc = newsfigs.extract("앤트로픽은 100억 달러(약 14조원)를 조달할 계획이다.")
>>> [(f.text, f.value, f.unit) for f in doc.figures]
[('100억 달러', Decimal('10000000000'), 'USD'), ('약 14조원', Decimal('14000000000000'), 'KRW')]
"""

# html and records fill in Document._repr_html_ and Document.to_records (models.VIEWS)
from newsfigs import html, records  # noqa: F401
from newsfigs.api import Extractor, extract, extract_many, warm_up
from newsfigs.core.resources import clear_caches
from newsfigs.models import DateInfo, Document, Figure, Mention, Organization, Person
from newsfigs.numbers import parse_number

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
