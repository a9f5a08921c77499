"""Companies named by their trade: an unlisted proper noun as the subject of a sentence about
products, sales or shares (``라이스랩은 … 신제품을 출시했다``, ``토니모리는 … 영업이익``).

kiwipiepy tags most brand and company names as proper nouns, as it tags people and places; the
sentence tells them apart. A word is read as a company when it is one proper-noun morpheme of
two syllables or more with a subject or topic particle (``은``, ``는``, ``이``, ``가``), no
place, title, listed name or person's name, and a word of ``data/names/trade_cues.txt``
(``출시``, ``매출``, ``영업이익``, ``주가``, ``브랜드`` …) follows later in the same sentence,
before any quotation mark.
Measured on the development corpora (docs/entities.md, "Issue 14, round 6").
"""

from __future__ import annotations

import regex

from newsfigs.core.candidates import OrgCandidate
from newsfigs.core.resources import read_words, resource
from newsfigs.names import organizations as orgs
from newsfigs.names.gazetteer import NameTables, person_surnames
from newsfigs.names.people import korean_name
from newsfigs.names.well_known import well_known_people
from newsfigs.names.words import Word

_SUBJECT = frozenset({"은", "는", "이", "가"})
"""Particles of a sentence's subject or topic (not ``의``, ``을``: a brand is owned or bought
as often as it acts)."""
_SENTENCE_END = regex.compile(r"[.?!\n\"“”]")
"""Where the search for a trade word stops: the sentence's end, or a quotation (``X는 “…
출시 …”``: a speaker, who is a person as often as a company)."""
_REACH = 120
"""Characters after the word searched for a trade word (a sentence of news is rarely longer)."""


@resource
def _trade_cues() -> regex.Pattern[str]:
    words = sorted(read_words("names/trade_cues.txt"), key=len, reverse=True)
    return regex.compile("|".join(regex.escape(w) for w in words))


def by_trade(text: str, words: list[Word], i: int, lex: NameTables) -> OrgCandidate | None:
    """``토니모리는 … 신제품을 출시했다``: an unlisted proper noun, subject of a trade sentence."""
    w = words[i]
    stem = w.stem
    if not w.proper or not w.hangul or len(w.tags) != 1 or len(stem) < 2:
        return None
    if text[w.stem_end : w.end] not in _SUBJECT:
        return None
    if i > 0 and w.joined and (words[i - 1].proper or words[i - 1].latin):
        return None  # the end of a longer name (a person's, a place's)
    if stem in lex.places or stem in lex.titles or stem in lex.organizations:
        return None
    if stem in lex.cues_before or korean_name(stem, lex) or stem in person_surnames():
        return None
    if orgs.titled(stem, lex) or stem in well_known_people():
        return None  # 워홀은 …: a person the well-known list names
    stop = _SENTENCE_END.search(text, w.end, w.end + _REACH)
    end = stop.start() if stop is not None else min(len(text), w.end + _REACH)
    if _trade_cues().search(text, w.end, end) is None:
        return None
    return orgs.org(words, i, i, "company", "trade")
