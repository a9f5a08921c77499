"""Institutions as actors: ``정부``, ``국회``, ``검찰``, ``금융당국`` and their named forms.

News names the institutions of its own country by a common noun (``검찰은 … 기소했다``): the
reader knows which one from the article, so these are organizations that are *generic
references* (``Organization.generic``), kept apart so a user can keep or drop them. A
country written before the word names one institution whatever the article (``중국 정부``,
``美 정부``: one name, not generic), and so do the glued armies of ``data/names/institutions.tsv``
(``미군``, ``북한군``). The words and whether each is generic are data, not code.
"""

from __future__ import annotations

import dataclasses
from typing import NamedTuple

from newsfigs.core.candidates import OrgCandidate
from newsfigs.core.resources import read_rows, read_word_set, resource
from newsfigs.names import organizations as orgs
from newsfigs.names.gazetteer import NameTables
from newsfigs.names.words import Word


class Institutions(NamedTuple):
    """``data/names/institutions.tsv`` indexed for the scan."""

    category: dict[str, str]  # word (or two spaced words: 군 당국) → category
    generic: frozenset[str]  # words that are generic references
    authorities: frozenset[str]  # generic words a country before them does not name (북한 당국)
    spaced_lasts: frozenset[str]  # last words of the spaced rows (당국 of 군 당국)


@resource
def institutions() -> Institutions:
    """The institution words (read once per process)."""
    rows = read_rows("names/institutions.tsv")
    return Institutions(
        category={row[0]: row[1] for row in rows},
        generic=frozenset(row[0] for row in rows if row[2] in ("generic", "authority")),
        authorities=frozenset(row[0] for row in rows if row[2] == "authority"),
        spaced_lasts=frozenset(row[0].rsplit(" ", 1)[1] for row in rows if " " in row[0]),
    )


def is_generic(name: str) -> bool:
    """True for a generic reference (``정부``), false for a named one (``중국 정부``)."""
    return name in institutions().generic


def recognize(text: str, words: list[Word], lex: NameTables) -> list[OrgCandidate]:
    """Every word that is an institution of the table, with a country before it if written."""
    table = institutions()
    out: list[OrgCandidate] = []
    for i, w in enumerate(words):
        stem = w.stem
        if not stem or not w.hangul:
            continue
        if stem in table.spaced_lasts and i > 0 and w.joined:
            pair = f"{words[i - 1].stem} {stem}"
            if pair in table.category:
                out.append(orgs.org(words, i - 1, i, table.category[pair], "institution", pair))
                continue
        category = table.category.get(stem)
        if category is None:
            if stem[-1] in _LOCAL and _local_government(text, words, i, lex):
                out.append(orgs.org(words, i, i, "government", "institution"))
            continue
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt is not None and _organ(nxt, lex):
            c = orgs.placed(text, words, i, category, "institution", lex)
            name = f"{text[c.start : c.end]} {nxt.stem}"
            out.append(dataclasses.replace(c, end=nxt.stem_end, name=name))
            continue
        if _modifier(text, w, nxt, lex):
            continue
        if stem in table.authorities:
            out.append(orgs.org(words, i, i, category, "institution"))
        else:
            out.append(orgs.placed(text, words, i, category, "institution", lex))
    return out


_LOCAL = frozenset("시도")
"""Last syllable of a city's or a province's government named by its place: ``대구시``."""
_ACTOR_PARTICLES = frozenset({"는", "은", "가", "와", "과", "도"})
"""Particles of a subject or a partner: ``대구시는 … 추진한다``, ``경북도와 포항시가``."""


def _local_government(text: str, words: list[Word], i: int, lex: NameTables) -> bool:
    """``대구시는``, ``경북도와``: a metropolitan city or a province of
    ``data/names/local_governments.txt`` (one proper noun) as the subject or partner of a
    clause is its government, as news and KMOU read it; ``대구시의 인구`` and ``대구시에서``
    are where (genitive and locative particles are left out, and so is a bare word)."""
    w = words[i]
    if w.tags != ("NNP",) or w.stem not in read_word_set(_LOCAL_GOVERNMENTS):
        return False
    return text[w.stem_end : w.end] in _ACTOR_PARTICLES


_LOCAL_GOVERNMENTS = "names/local_governments.txt"
_DAY = "날"
_PLURAL = "들"


def _modifier(text: str, w: Word, nxt: Word | None, lex: NameTables) -> bool:
    """``미군 기지``, ``국군의 날``, ``이라크군들``: a place, a day or members, not an actor.

    Right before a noun of the same phrase (no particle between) the institution word
    qualifies that noun, unless the noun is a title or a reporting frame (``정부 대변인``,
    ``정부 관계자``); before ``의 날`` it is part of a day's name; with the plural ``들`` it
    counts the members.
    """
    if text.startswith(_PLURAL, w.stem_end):
        return True  # 이라크군들: soldiers, not the army
    if nxt is None:
        return False
    if nxt.stem == _DAY and text[w.stem_end : w.end] == "의":
        return True
    if not nxt.joined or not nxt.hangul:
        return False
    return nxt.stem not in lex.titles and nxt.stem not in lex.cues_after


def _organ(w: Word, lex: NameTables) -> bool:
    """``보건복지위원회`` of ``국회 보건복지위원회``: a body named with a suffix, right after
    its institution (so the parent is the evidence that the common nouns before the suffix
    name a body), is part of one nested name."""
    if not (w.joined and w.hangul):
        return False
    for n in lex.suffix_lengths:
        hit = lex.suffixes.get(w.stem[-n:]) if len(w.stem) - n >= 2 else None
        if hit is not None and hit[0] != orgs.UNIT:
            return True  # not 특별수사본부, 대정부: departments and common nouns
    return False
