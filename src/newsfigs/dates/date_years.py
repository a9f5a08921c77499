"""When a two-digit ``N년`` is a year (``98년 외환위기``, ``27년 상장``) and not a length.

A four-digit year is a year; a two-digit one is too often a length of time (``근속 26년``,
``75년 역사``) to be read as one without something around it that dates it: ``지난``/``오는``
(``past_year``), a year of the last century with nothing that counts years around it
(``bare_year``), or a year of this century before a noun that a year dates (``event_year``).
The atom itself is built in ``date_atoms``; the conventions are in docs/dates.md.
"""

from __future__ import annotations

from newsfigs.core.analyzer import Analysed
from newsfigs.dates.date_lexicon import DateWords
from newsfigs.dates.date_numbers import noun_before


def past_year(text: str, s: int, n: int, lex: DateWords) -> bool:
    """``지난 84년`` is 1984, but ``지난 10년``/``지난 30년`` read as "the past N years"."""
    return n % 5 != 0 and lex.cue_before.search(text, max(0, s - 3), s) is not None


BARE_YEARS = (71, 99)
"""Two-digit years read without a mark: 1971–1999 (a length of 71–99 years is rare)."""
_NOT_AFTER_YEAR = frozenset({"JKS", "JKO", "JKC", "VA", "VX", "VCP", "XSV", "XSA"})
"""Right after ``N년``: a subject or object makes it a length (``75년이 지났다``, ``75년을``)."""
_VERB_TAGS = frozenset({"VV"})


def bare_year(a: Analysed, s: int, e: int, n: int, lex: DateWords) -> bool:
    """``98년 외환위기``, ``그는 88년 서울올림픽``, ``96년 낸``: a bare two-digit year of
    ``BARE_YEARS`` (not a multiple of 10: ``70년 역사``, ``지난 80년``) is a year when nothing
    around it counts years: no noun right before (``광복 75년`` is an anniversary), no
    subject or object or verb of ``length_verb`` rows right after (``75년이 지났다``, ``84년
    된``), no length noun after
    (``75년 역사``), not ``지난``/``오는`` with a multiple of 5 (``지난 75년``)."""
    lo, hi = BARE_YEARS
    if not lo <= n <= hi or n % 10 == 0 or noun_before(a, s):
        return False
    if n % 5 == 0 and lex.cue_before.search(a.text, max(0, s - 3), s) is not None:
        return False
    p = e + 1 if a.text.startswith(" ", e) else e
    tag = a.tag_at.get(p)
    if tag is None and p < len(a.text) and a.text[p] not in " .,":
        return False  # inside a token: 75년생 is read elsewhere
    if tag in _NOT_AFTER_YEAR:
        return False
    if tag in _VERB_TAGS:  # 96년 낸 논문 (a year), 84년 된 건물 (a length)
        tok = next((t for t in a.tokens_in(p, p + 1) if t.start == p), None)
        return tok is not None and tok.form not in lex.length_verbs
    return not any(a.text.startswith(w, p) for w in lex.length_nouns)


EVENT_YEARS = (0, 69)
"""Two-digit years read as 2000–2069 before a noun of the ``year_event`` rows."""
ROUND = 10


def event_year(a: Analysed, s: int, e: int, n1: int, n2: int | None, lex: DateWords) -> bool:
    """``27년 상장``, ``28년 완공``, ``25~26년 실적``: a bare two-digit year of this century
    before a noun that a year dates (a plan, an account: ``year_event`` rows), with no noun
    before (``근속 26년``), no cue (``지난 24년``: ``past_year`` decides) and no round number
    (``10년 기준``, ``30년 목표``: as often a length)."""
    lo, hi = EVENT_YEARS
    if not all(lo <= n <= hi and n % ROUND for n in (n1, n2) if n is not None):
        return False
    if noun_before(a, s) or lex.cue_before.search(a.text, max(0, s - 3), s) is not None:
        return False
    p = e + 1 if a.text.startswith(" ", e) else e
    tok = next((t for t in a.tokens_in(p, p + 1) if t.start == p), None)
    return tok is not None and tok.tag == "NNG" and tok.form in lex.year_events
