"""Person mentions: names before titles and honorifics, ages, Latin originals, gazetteer hits.

A Korean name is a surname from ``data/surnames.tsv`` plus one to three syllables that
kiwipiepy took for a proper noun; a transliterated foreign name is two proper-noun words
(``알렉세이 리하체프``). Either needs a cue — a title after it (``대통령``, ``최고경영자``), an
honorific (``씨``), an age in parentheses, a Latin original in parentheses — or a WikiData
entry for the whole name; names with no cue at all are ``bare_names``'. The mention is the name
only; title and affiliation are fields.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import PersonCandidate, PersonSource
from newsfigs.core.resources import read_words, resource
from newsfigs.names.gazetteer import Known, NameTables, name_tables, wikidata_firsts
from newsfigs.names.well_known import well_known_people
from newsfigs.names.words import Word

_CLOSE_GAP = regex.compile(r"\)\s++")
_AGE = regex.compile(r"\(\d{1,3}+세?+(?:[·,/][^()\n]{1,20}+)?+\)")
_AGE_GAP = regex.compile(r"\s?+\(\d{1,3}+세?+(?:[·,/][^()\n]{1,20}+)?+\)\s?+")
_LATIN_PAREN = regex.compile(r"\(([A-Z][A-Za-z.'\-]*+(?: [A-Za-z][A-Za-z.'\-]*+){0,4}+)\)")
_TITLE_PAREN = regex.compile(r"\([A-Z]{2,5}+\)")
_CAST = regex.compile(r"\(([가-힣]{1,5}(?: [가-힣]{1,5}){0,2}) 분\)")


@dataclass(frozen=True, slots=True)
class NameHit:
    """A name found ending at some word: first word index, canonical name, how sure."""

    first: int
    name: str
    sure: bool


def person(
    words: list[Word],
    i: int,
    j: int,
    name: str,
    source: PersonSource,
    *,
    title: str | None = None,
    affiliation: str | None = None,
) -> PersonCandidate:
    """A person candidate covering the stems of words ``i..j``; an anonymized ``박모`` is
    named by the surname (``박모(48) 경위`` → ``박``), as ``박모(48)씨`` is."""
    return PersonCandidate(
        start=words[i].start,
        end=words[j].stem_end,
        source=source,
        name=anonymized_surname(name),
        title=title,
        affiliation=affiliation,
    )


def anonymized_surname(name: str) -> str:
    """``박모`` (Mr. Park, anonymized) is named by the surname ``박``; any other name as is."""
    if len(name) == 2 and name[1] == "모" and name_tables().surnames.get(name[0]) == "common":
        return name[0]
    return name


def korean_name(stem: str, lex: NameTables) -> bool:
    """Surname + 1–3 syllables (two-syllable surnames need a four-syllable name)."""
    n = len(stem)
    if n < 2 or n > 4:
        return False
    if n == 4:
        return lex.surnames.get(stem[:2]) is not None
    return stem[0] in lex.surnames


def is_korean_name(w: Word, lex: NameTables) -> bool:
    """A written Korean full name: the shape above, kiwipiepy's proper noun, no known word.

    Kiwipiepy may cut a full name in three, surname first as a proper noun (``박/NNP 서/NNG
    준/NNG``): read as one when the three syllables have the bare-name shape."""
    if not w.hangul or not w.proper or not korean_name(w.stem, lex):
        return False
    if any(t not in ("NNP", "NNG") for t in w.tags):
        return False
    if len(w.tags) > 2 and (len(w.tags) > 3 or not full_name_shape(w.stem, lex)):
        return False
    s = w.stem
    return s not in lex.places and s not in lex.organizations and s not in lex.titles


def is_foreign_word(w: Word, lex: NameTables, orgs: set[str]) -> bool:
    """One word of a transliterated name: a Hangul proper noun that is nothing else known."""
    if not w.hangul or len(w.stem) < 2 or not w.proper:
        return False
    s = w.stem
    if s in lex.places or s in lex.titles or s in lex.organizations or s in orgs:
        return False
    if s in lex.cues_before or s in lex.cues_after:
        return False
    return all(t in ("NNP", "NNG") for t in w.tags)


def linked(words: list[Word], k: int) -> int:
    """The word that word ``k`` continues in a noun phrase, -1 if none.

    Usually ``k - 1`` (only spaces between, no particle); across a short parenthetical, the
    word before it (``에민 아스케로브(Emin Askerov) 레네라 총괄 책임``).
    """
    w = words[k]
    if w.joined:
        return k - 1
    if k == 0 or not _CLOSE_GAP.fullmatch(w.gap):
        return -1
    for j in range(k - 1, max(k - 8, 0), -1):
        if "(" in words[j].gap:
            opened = words[j].gap
            prev = words[j - 1]
            if opened.startswith("(") and not prev.particle and prev.stem:
                return j - 1
            return -1
    return -1


def name_ending_at(
    words: list[Word],
    p: int,
    lex: NameTables,
    orgs: set[str],
    lookup: Callable[[str], Known | None],
    surnames_of: frozenset[str],
) -> NameHit | None:
    """The person name whose last word is ``p``, if its words look like one."""
    w = words[p]
    for k in (3, 2):
        first = p - k + 1
        if first < 0 or not all(words[x].joined for x in range(first + 1, p + 1)):
            continue
        hit = lookup(" ".join(x.stem for x in words[first : p + 1]))
        if hit is not None and hit[0] == "person":
            return NameHit(first, hit[2], True)
    if p > 0 and words[p].joined and w.stem in surnames_of and not _after_noun(words, p, lex):
        given = words[p - 1]  # 버락 오바마, 조 루소, 조엘 코헨: a known family name
        if given.hangul and not given.particle and _given_name(given, lex, orgs):
            return NameHit(p - 1, f"{given.stem} {w.stem}", True)
    if is_korean_name(w, lex):
        return NameHit(p, w.stem, True)
    if p > 0 and w.joined and _short_family_name(w, lex, orgs):
        given = words[p - 1]  # 팀 쿡 애플 CEO: 팀/NNG 쿡/NNP; 조셉 윤 (a Korean surname:
        korean = w.stem in lex.surnames  # the given name a proper noun, not 이날 김, 뒤 문)
        if _foreign_given_name(given, lex, orgs) and (given.proper or not korean):
            return NameHit(p - 1, f"{given.stem} {w.stem}", True)
    if not is_foreign_word(w, lex, orgs):
        return None
    if p > 0 and words[p].joined and is_foreign_word(words[p - 1], lex, orgs):
        if is_korean_name(words[p - 1], lex):
            return None  # 조희연 성공회대 교수: a name, then the affiliation
        return NameHit(p - 1, f"{words[p - 1].stem} {w.stem}", True)
    return NameHit(p, w.stem, w.stem in surnames_of or w.stem in well_known_people())


def _after_noun(words: list[Word], p: int, lex: NameTables) -> bool:
    """A Korean full name of the bare-name shape (``김대중``) after a common noun is the whole
    name: the noun (``당시 김대중 대통령``, ``국립서울현충원 김대중``) is no given name, even
    when WikiData lists the name as a family name (``버락 오바마``: a proper noun before)."""
    w = words[p]
    return not words[p - 1].proper and is_korean_name(w, lex) and full_name_shape(w.stem, lex)


def _short_family_name(w: Word, lex: NameTables, orgs: set[str]) -> bool:
    """A one-syllable transliterated family name (``쿡``, ``황``): a proper noun, nothing known."""
    s = w.stem
    if len(s) != 1 or w.tags != ("NNP",) or not w.hangul or w.particle:
        return False
    return (
        s not in lex.titles and s not in lex.places and s not in lex.organizations and s not in orgs
    )


def _foreign_given_name(w: Word, lex: NameTables, orgs: set[str]) -> bool:
    """The word before a one-syllable family name is a given name when WikiData's people and
    names start with it (``팀`` of ``팀 덩컨``, ``빌``, ``잭``), it is nothing else known, and no
    Korean surname (``이 쿡``) or word of a title phrase (``당시``, ``현지`` start no name)."""
    s = w.stem
    if not w.hangul or w.particle or s not in wikidata_firsts() or s in lex.surnames:
        return False
    if s in lex.places or s in lex.titles or s in lex.organizations or s in orgs:
        return False
    if s in lex.cues_before or s in lex.cues_after:
        return False
    return all(t in ("NNP", "NNG") for t in w.tags)


def _given_name(w: Word, lex: NameTables, orgs: set[str]) -> bool:
    """A word before a known family name that may be the given name (``빌``, ``버락``)."""
    s = w.stem
    if len(s) == 1:
        return w.proper and lex.titles.get(s) is None
    if s in lex.places or s in lex.titles or s in lex.organizations or s in orgs:
        return False
    return s not in lex.cues_before and all(t in ("NNP", "NNG") for t in w.tags)


def title_span(text: str, words: list[Word], i: int, lex: NameTables) -> tuple[int, str]:
    """First word of the title ending at word ``i`` (modifiers included) and its text."""
    t0 = i
    while t0 > 0 and words[t0].joined and lex.titles.get(words[t0 - 1].stem) == "modifier":
        t0 -= 1
    end = words[i].stem_end
    m = _TITLE_PAREN.match(text, end)
    if m is not None:
        end = m.end()
    return t0, text[words[t0].start : end]


def surname_alone(w: Word, lex: NameTables) -> bool:
    """A lone common surname kiwipiepy took for a proper noun (``박 대통령``, not ``이 관계자``)."""
    return len(w.stem) == 1 and w.proper and lex.surnames.get(w.stem) == "common"


def honorific_name(stem: str, lex: NameTables) -> tuple[str, str] | None:
    """``박`` / ``김모`` / ``홍길동`` before 씨 → (written name, canonical name)."""
    if len(stem) == 1 and lex.surnames.get(stem) == "common":
        return stem, stem
    if len(stem) == 2 and stem[1] == "모" and lex.surnames.get(stem[0]) == "common":
        return stem, stem[0]
    if korean_name(stem, lex):
        return stem, stem
    return None


def by_honorific(a: Analysed, words: list[Word], i: int, lex: NameTables) -> PersonCandidate | None:
    """``박씨``, ``김모(33)씨``, ``홍길동 씨``: the name before the honorific."""
    w = words[i]
    stem = w.stem
    if len(stem) >= 2 and lex.titles.get(stem[-1]) == "honorific" and w.hangul:
        if a.tag_at.get(w.start + len(stem) - 1) not in ("NNB", "NNG", "XSN"):
            return None
        got = honorific_name(stem[:-1], lex)
        if got is None:
            return None
        written, name = got
        return PersonCandidate(
            start=w.start,
            end=w.start + len(written),
            source="honorific",
            name=name,
            title=stem[-1],
        )
    if lex.titles.get(stem) != "honorific" or i == 0:
        return None
    prev = words[i - 1]
    aged = _AGE_GAP.fullmatch(w.gap) is not None
    for j in range(i - 2, max(i - 5, -1), -1):  # 김모(33)씨, 박영희(45·회사원) 씨
        if _AGE_GAP.fullmatch(a.text, words[j].end, w.start):
            prev, aged = words[j], True
            break
    if prev.particle or not prev.hangul:
        return None
    if not (w.joined or aged):
        return None
    got = honorific_name(prev.stem, lex)
    if got is None or (len(prev.stem) > 2 and not prev.proper and not aged):
        return None
    written, name = got
    return PersonCandidate(
        start=prev.start, end=prev.start + len(written), source="honorific", name=name, title=stem
    )


_GLUED_KINDS = frozenset({"title", "weak"})
"""Titles a letter or a surname may be glued to (``A경위``, ``김이사가``, ``남경사로``): a weak
title (also a common noun) is safe there, as kiwipiepy split the letter or surname off."""

_LETTER_HONORIFICS = frozenset({"씨", "양", "군"})
"""After a single capital letter (A씨, B양, C군), 양 and 군 are honorifics too (after a Hangul
word 군 is as often a county: 양평군)."""


def by_letter(a: Analysed, words: list[Word], i: int, lex: NameTables) -> PersonCandidate | None:
    """``A씨``, ``B 양``, ``A(33)씨``, ``A 일병``, ``B의원``: an anonymized person (the letter)."""
    w = words[i]
    stem = w.stem
    if len(stem) >= 2 and stem[0].isascii() and stem[0].isupper():
        if stem[1:] not in _LETTER_HONORIFICS and lex.titles.get(stem[1:]) not in _GLUED_KINDS:
            return None
        title = stem[1:]
    elif len(stem) == 1 and stem.isascii() and stem.isupper() and i + 1 < len(words):
        nxt = words[i + 1]
        aged = nxt.stem.isdigit() and i + 2 < len(words)
        if aged:  # A(33)씨, A(44·여)씨: the first word after the parenthesis
            nxt = next(
                (x for x in words[i + 2 : i + 6] if x.start >= a.text.find(")", w.stem_end)),
                words[i + 2],
            )
        if nxt.stem not in _LETTER_HONORIFICS and lex.titles.get(nxt.stem) != "title":
            return None
        if not ((nxt.joined and not aged) or _AGE_GAP.fullmatch(a.text, w.stem_end, nxt.start)):
            return None
        title = nxt.stem
    else:
        return None
    if w.start > 0 and a.text[w.start - 1].isascii() and a.text[w.start - 1].isalnum():
        return None
    return PersonCandidate(
        start=w.start, end=w.start + 1, source="honorific", name=stem[0], title=title
    )


def by_glued_title(a: Analysed, w: Word, lex: NameTables) -> PersonCandidate | None:
    """``박기자``, ``김대표``, ``윤교수``: a surname written glued to a title.

    Kiwipiepy must have split the surname off as a proper noun of its own (``이사장`` and
    ``정관장`` are one word to it); ``여`` (female: 여교수) is never read as a surname here.
    """
    stem = w.stem
    if len(stem) < 3 or not w.hangul or w.tags[:1] != ("NNP",) or stem[0] == "여":
        return None
    kind = lex.titles.get(stem[1:])
    if lex.surnames.get(stem[0]) != "common" or kind not in _GLUED_KINDS:
        return None
    if kind == "weak" and stem[0] == "신":
        return None  # 신시장: the prefix "new" (新) before a common noun
    if stem in lex.titles:
        return None
    toks = a.tokens_in(w.start, w.stem_end)
    if len(toks) < 2 or toks[0].end != w.start + 1:
        return None
    return PersonCandidate(
        start=w.start, end=w.start + 1, source="surname", name=stem[0], title=stem[1:]
    )


def by_age(a: Analysed, w: Word, lex: NameTables) -> PersonCandidate | None:
    """``홍길동(45)``, ``김철수(52·회사원)``: a Korean name with an age in parentheses."""
    if w.particle or not is_korean_name(w, lex):
        return None
    if _AGE.match(a.text, w.stem_end) is None:
        return None
    return PersonCandidate(
        start=w.start, end=w.stem_end, source="age", name=anonymized_surname(w.stem)
    )


def latin_original(text: str, w: Word) -> tuple[str, int] | None:
    """The Latin original in parentheses right after ``w`` and its number of words."""
    m = _LATIN_PAREN.match(text, w.stem_end)
    if m is None:
        return None
    latin = m.group(1)
    return latin, latin.count(" ") + 1


@resource
def given_syllables() -> frozenset[str]:
    """Syllables of Korean given names (``data/given_syllables.txt``)."""
    return frozenset(read_words("names/given_syllables.txt"))


def full_name_shape(stem: str, lex: NameTables) -> bool:
    """Three syllables: a common surname, then two given-name syllables (``홍길동``)."""
    given = given_syllables()
    return (
        len(stem) == 3
        and lex.surnames.get(stem[0]) == "common"
        and stem[1] in given
        and stem[2] in given
    )


def by_cast(text: str) -> list[PersonCandidate]:
    """``영애씨(김현숙 분)``: the actor who plays a part, named in the cast parenthesis."""
    if "분)" not in text:
        return []
    out: list[PersonCandidate] = []
    for m in _CAST.finditer(text):
        out.append(PersonCandidate(start=m.start(1), end=m.end(1), source="cast", name=m.group(1)))
    return out
