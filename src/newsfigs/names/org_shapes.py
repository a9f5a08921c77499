"""Organizations read from the shape of one written word (issue 14, round 5).

* **Schools by their short name** (``순천향대``, ``한국외국어대``, ``단원고``): kiwipiepy takes
  such a name for one proper noun, and its last syllable says what it names
  (``data/names/school_shapes.tsv``: ``대`` a university, ``고`` a high school). Common nouns
  of the same shape (``명문대``, ``사립대``, ``냉장고``) are tagged as common nouns; proper nouns
  that end so and name something else — places, people, works, eras, units — are refused by
  the place list, the full-name shape and ``data/names/non_school_endings.txt``.
* **A well-known name glued to the next noun** (``청와대측은``, ``YG행을``):
  kiwipiepy's noun run covers both words, so the well-known name of
  ``data/organizations.tsv`` is read off its front when the rest is a noun of
  ``data/names/org_glued_nouns.txt`` (its side, going to it). Not before a glued
  title (``유엔총장``, ``교육부장관``: measured, KMOU tags no organization there 9 times in
  12, and ``방송통신위원장`` cuts wrong) nor before ``전`` (a match against a club:
  ``LG전`` is the club, the match or both, half and half), ``서`` or ``내`` (``서울시내``: a place).
* **A national team named by its country** (``한국대표팀``, ``호주 축구대표팀``, ``한국
  대표팀``): ``대표팀`` alone is a generic reference (which team, the article says), but with
  the country glued before it or written right before it the name is whole.
* **A name defined by its Latin acronym** (``국제원자력기구(IAEA)``, ``미국 지질조사국(USGS)``,
  ``한국국제협력단(KOICA)``): a Hangul word right before a parenthesized acronym of capitals
  is an organization when it ends with a last word of ``data/names/acronym_org_finals.txt``
  (기구, 국, 단, 연맹, 위원회 …); the body may be common nouns, as the acronym shows the
  whole is a name. Terms with acronyms end otherwise (``국내총생산(GDP)``, ``가상현실(VR)``:
  measured, company and department suffixes let terms in — ``헤드마운트디스플레이(HMD)``,
  ``특별전담팀(TF)`` — and so does a listed acronym, a club after a player: ``원종현(NC)``).
  A word joined by ``·`` or a listed organization right before is part of the name
  (``아시아·태평양경제협력체(APEC)``, ``백악관 비밀경호국(SS)``). The acronym becomes the
  alias (``find_names._aliases``).
* **A company with its head in parentheses** (``채선당(대표 김익수)``, ``K옥션(대표
  이상규)``): what news writes after a business's name (a press release, a column). A
  department or a two-syllable common noun before it names no company. A phone number in
  parentheses was measured and left out: shopping columns list brands so
  (``랑콤(080-022-3332)``, 14 right on KMOU), but venues, events and places have phones too
  (``한옥마을(02-2266-6937)``, ``설날맞이무대(02-…)``: 0 of 2 on klp2016).
* **A listed short form kiwipiepy reads as a common noun** (``헌재는``: ``헌재``/NNG): a
  two-syllable short form of ``data/names/abbreviations.tsv`` that is also a well-known name
  is the organization whatever the tag (the table names it; longer listed names need a
  proper-noun tag or three syllables, ``names/known_names.py``).
"""

from __future__ import annotations

import regex

from newsfigs.core.candidates import OrgCandidate, org_category
from newsfigs.core.resources import read_rows, read_word_set, read_words, resource
from newsfigs.names import organizations as orgs
from newsfigs.names.abbreviations import abbreviations
from newsfigs.names.gazetteer import NameTables
from newsfigs.names.people import full_name_shape
from newsfigs.names.words import Word

_ORG_GLUED_NOUNS = "names/org_glued_nouns.txt"

_MIN_SCHOOL = 3
"""Syllables of a school's short name at least (body of two, then ``대`` or ``고``)."""
_NATIONAL_TEAM = "대표팀"
_BUSINESS_AFTER = regex.compile(r"\(대표(?:이사)? \p{Hangul}{2,4}+\)")
"""``(대표 김익수)``: a business's head right after its name."""
_MIDDLE_DOT = "·"
_ACRONYM_AFTER = regex.compile(r"\(([A-Z][A-Z0-9&]{1,7}+)\)")
"""A parenthesized acronym of capitals (``(IAEA)``, ``(S&P)``) right after a word."""
_LONGEST_GLUED = 2
"""Longest noun read off the end of a glued word (``측``, ``쪽``)."""


@resource
def _school_shapes() -> dict[str, str]:
    return {row[0]: row[1] for row in read_rows("names/school_shapes.tsv")}


@resource
def _non_school_endings() -> tuple[str, ...]:
    return read_words("names/non_school_endings.txt")


@resource
def _acronym_finals() -> tuple[str, ...]:
    return read_words("names/acronym_org_finals.txt")


def school(text: str, words: list[Word], i: int, lex: NameTables) -> OrgCandidate | None:
    """``순천향대는``, ``단원고``: one proper noun ending in a school's last syllable."""
    w = words[i]
    stem = w.stem
    category = _school_shapes().get(stem[-1:])
    if category is None or len(stem) < _MIN_SCHOOL or w.tags != ("NNP",) or not w.hangul:
        return None
    if stem in lex.places or stem in lex.organizations or stem in lex.titles:
        return None  # 해운대, 시카고: places; listed names have their own rule and category
    if full_name_shape(stem, lex) or stem.endswith(_non_school_endings()):
        return None  # 이용대, 박종대: people; 알파고, 야인시대: a work, an era
    half = len(stem) // 2
    if len(stem) % 2 == 0 and stem[:half] == stem[half:]:
        return None  # 세종사이버대세종사이버대: a crawler glued the name twice, no sure span
    return orgs.placed(text, words, i, category, "school", lex)  # 뉴질랜드 빅토리아대


def known_glued(words: list[Word], i: int, lex: NameTables) -> OrgCandidate | None:
    """``청와대측은``, ``YG행을``: a listed name, then a glued noun of the list."""
    w = words[i]
    stem = w.stem
    if len(w.tags) < 2:
        return None  # one morpheme: nothing glued (and most words stop here)
    glued = read_word_set(_ORG_GLUED_NOUNS)
    for k in range(min(_LONGEST_GLUED, len(stem) - 2), 0, -1):
        if stem[-k:] not in glued:
            continue
        name = stem[:-k]
        category = lex.organizations.get(name)
        if category is None:
            return None
        return OrgCandidate(
            start=w.start,
            end=w.start + len(name),
            source="glued",
            name=name,
            category=org_category(category),
        )
    return None


def national_team(words: list[Word], i: int, lex: NameTables) -> OrgCandidate | None:
    """``한국대표팀``, ``호주 축구대표팀``, ``한국 대표팀``: a team named by its country."""
    w = words[i]
    stem = w.stem
    if not stem.endswith(_NATIONAL_TEAM) or not w.hangul:
        return None
    body = stem[: -len(_NATIONAL_TEAM)]
    if any(body[:k] in lex.places for k in range(2, len(body) + 1)):
        first = i  # 한국대표팀, 브라질올림픽축구대표팀
    elif i > 0 and w.joined and words[i - 1].stem in lex.places:
        first = i - 1  # 한국 축구대표팀, 한국 대표팀
    else:
        return None
    name = " ".join(x.stem for x in words[first : i + 1])
    return OrgCandidate(
        start=words[first].start, end=w.stem_end, source="team", name=name, category="other"
    )


_FC = "FC"
"""``FC서울``, ``FC 바르셀로나``: a football club written with ``FC`` before its town or name."""


def club_after_fc(words: list[Word], i: int, lex: NameTables) -> OrgCandidate | None:
    """``FC바르셀로나``, ``FC도쿄``, ``FC 서울``: ``FC`` first, then one proper noun (a town
    too: the club is named after it), is a football club (round 8).

    ``FC`` after a name is the suffix rule's (``강원 FC``, ``MAX FC``); a common noun after
    it is no club (``FC방식``, ``MAX FC 남녀``), nor a word that is itself a known name."""
    w = words[i]
    if w.stem == _FC and not w.particle and i + 1 < len(words):
        if i > 0 and w.joined and (words[i - 1].proper or words[i - 1].latin):
            return None  # 서울 FC, MAX FC: the suffix rule's
        nxt = words[i + 1]
        if not (nxt.joined and nxt.hangul and nxt.tags == ("NNP",)):
            return None
        if nxt.stem in lex.titles or nxt.stem in lex.organizations:
            return None
        last = i + 1
    elif w.stem.startswith(_FC) and w.tags in (("SL", "NNP"), ("NNP",)):
        if len(w.stem) < 4 or not "가" <= w.stem[2] <= "힣":
            return None  # FCA코리아: another company's acronym
        last = i
    else:
        return None
    name = " ".join(x.stem for x in words[i : last + 1])
    return OrgCandidate(
        start=w.start, end=words[last].stem_end, source="team", name=name, category="other"
    )


def before_acronym(text: str, words: list[Word], i: int, lex: NameTables) -> OrgCandidate | None:
    """``국제원자력기구(IAEA)``, ``미국 지질조사국(USGS)``: a name before its Latin acronym."""
    w = words[i]
    if w.particle or not w.hangul or len(w.stem) < 3 or text[w.stem_end : w.stem_end + 1] != "(":
        return None
    if _ACRONYM_AFTER.match(text, w.stem_end) is None:
        return None
    stem = w.stem
    if stem in lex.titles or stem in lex.places:
        return None
    if not any(stem.endswith(f) and len(stem) - len(f) >= 2 for f in _acronym_finals()):
        return _subsidiary(
            words, i, lex
        )  # 국제올림픽 위원회(IOC): the final word alone is not the name
    if any(lex.suffixes.get(stem[-n:], ("",))[0] == orgs.UNIT for n in lex.suffix_lengths):
        return None  # 경영대학원(MBA): a department's word names a degree or a unit
    if orgs.generic_word(stem):
        return None  # 비정부기구(NGO), 부속기구(SBI): a kind of body, not its name
    prev = words[i - 1] if i > 0 else None
    if prev is not None and w.joined and prev.stem == _FEDERAL and not prev.particle:
        first = i - 2 if i > 1 and prev.joined and words[i - 2].stem in lex.places else i - 1
        return orgs.org(words, first, i, None, "acronym")  # 미국 연방 고속도로교통안전국(NHTSA)
    c = orgs.placed(text, words, i, None, "acronym", lex)
    if c.start != w.start or prev is None or not prev.hangul or prev.particle:
        return c
    if w.gap == _MIDDLE_DOT or (w.joined and prev.stem in lex.organizations):
        # 아시아·태평양경제협력체(APEC), 백악관 비밀경호국(SS): one name
        name = f"{prev.stem}{w.gap}{stem}" if w.gap == _MIDDLE_DOT else None
        return orgs.org(words, i - 1, i, None, "acronym", name)
    return c


def _subsidiary(words: list[Word], i: int, lex: NameTables) -> OrgCandidate | None:
    """``현대차그룹 메타플랜트 아메리카(HMGMA)``, ``알카에다 이라크지부(AQI)``: a listed
    organization (or a listed name and its suffix, ``현대차그룹``) and one to three proper
    nouns after it, then an acronym: the whole is the name of a body the parent set up.

    Every word after the parent must be kiwipiepy's proper noun, no title and no listed name
    (``금융그룹 뱅크오브아메리카(BOA)``: the listed name is the organization, the word before a
    description); a place before the acronym is refused first (``삼성전자 베트남(SEV)``)."""
    j = i
    while j > 0 and i - j < _MAX_AFTER_PARENT and words[j].joined:
        prev = words[j - 1]
        if prev.particle or not prev.stem:
            return None
        j -= 1
        category = _listed_parent(prev.stem, lex)
        if category is not None:
            body = words[j + 1 : i + 1]
            if all(
                x.proper
                and x.hangul
                and x.stem not in lex.titles
                and x.stem not in lex.organizations
                for x in body
            ):
                return orgs.org(words, j, i, category or None, "acronym")
            return None
    return None


def _listed_parent(stem: str, lex: NameTables) -> str | None:
    """The category of a listed organization, or of a listed name and an organization suffix
    (``현대차그룹``: 현대차's); None when the word is neither."""
    listed = lex.organizations.get(stem)
    if listed is not None:
        return listed
    for n in lex.suffix_lengths:
        hit = lex.suffixes.get(stem[-n:]) if len(stem) > n else None
        if hit is not None and hit[0] != orgs.UNIT and stem[:-n] in lex.organizations:
            return lex.organizations[stem[:-n]]
    return None


_MAX_AFTER_PARENT = 3
"""Proper nouns at most between a parent organization and the acronym of its body."""
_FEDERAL = "연방"
"""``미국 연방 고속도로교통안전국(NHTSA)``: "federal", written as its own word inside a
federation's agency name (one noun phrase with the country before it)."""


def before_business_note(
    text: str, words: list[Word], i: int, lex: NameTables
) -> OrgCandidate | None:
    """``채선당(대표 김익수)``: a company before its head."""
    w = words[i]
    if w.particle or not w.stem or text[w.stem_end : w.stem_end + 1] != "(":
        return None
    if _BUSINESS_AFTER.match(text, w.stem_end) is None:
        return None
    if not (w.hangul or w.latin or w.tags[0] in ("SL", "NNP")):
        return None  # K옥션 (SL + NNG) is a name; digits and symbols are not
    stem = w.stem
    if stem in lex.titles or stem in lex.places or (w.tags == ("NNG",) and len(stem) <= 2):
        return None
    if any(lex.suffixes.get(stem[-n:], ("",))[0] == orgs.UNIT for n in lex.suffix_lengths):
        return None  # 고객지원센터(대표 …): a department, not a company
    return orgs.org(words, i, i, "company", "business")


def short_form(words: list[Word], i: int, lex: NameTables) -> OrgCandidate | None:
    """``헌재는``: a listed two-syllable short form that kiwipiepy tags as a common noun."""
    w = words[i]
    stem = w.stem
    if len(stem) != 2 or w.tags != ("NNG",) or stem not in abbreviations():
        return None
    nxt = words[i + 1] if i + 1 < len(words) else None
    if not w.particle and nxt is not None and nxt.joined:
        return None  # 박한철 헌재 소장: part of a title phrase, as news and KMOU write it
    category = lex.organizations.get(stem)
    if category is None:
        return None
    return OrgCandidate(
        start=w.start, end=w.stem_end, source="known", name=stem, category=org_category(category)
    )
