"""Departments written after their parent organization (``서울중앙지검 형사1부``, ``LG전자
모바일사업본부``, ``현대차 노조``): one organization, the parent's span extended; and a
university's hospital named with it (``고려대 안암병원``).

A sub-unit suffix (``부``, ``팀``, ``본부`` …) makes no organization by itself; see
docs/entities.md ("Dropped or narrowed after measuring").
"""

from __future__ import annotations

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import OrgCandidate
from newsfigs.names.gazetteer import NameTables
from newsfigs.names.organizations import UNIT, generic_word
from newsfigs.names.words import Word

_UNIT_PARENTS = frozenset({"government", "company", "media", "investor", "party"})


def unit_word(a: Analysed, w: Word, lex: NameTables) -> bool:
    """A department name: a descriptor, then a sub-unit suffix as its own morpheme.

    ``사업본부`` (사업 + 본부), ``형사1부`` (형사 + 1 + 부), ``방위사업수사부``; not a
    single-morpheme word that merely ends so (``지도부``, ``내부``, ``정부``, ``박지원``).
    """
    if not w.hangul and not any(c.isdigit() for c in w.stem):
        return False
    if generic_word(w.stem):
        return False  # 조사결과, 제2회의실, 비서실장실: a result or a room, no department
    toks = a.tokens_in(w.start, w.stem_end)
    if len(toks) == 1 and toks[0].tag == "NNP" and w.hangul:
        return _branch(w.stem, lex)  # 안산지원, 부산지사: one proper noun, a place and the unit
    if len(toks) < 2 or toks[-1].end != w.stem_end or toks[-1].tag == "NNP":
        return False
    last = toks[-1].form  # 부, or a word ending in it after a descriptor: 방위 사업 수사부
    return any(lex.suffixes.get(last[-n:], ("", False))[0] == UNIT for n in (3, 2, 1))


def _branch(stem: str, lex: NameTables) -> bool:
    """``안산지원``, ``목포지원``, ``부산지사``: a branch named by its place, as one proper noun."""
    for n in (2, 3):
        if len(stem) > n + 1 and lex.suffixes.get(stem[-n:], ("", False))[0] == UNIT:
            return stem[:-n] in lex.places
    return False


def sub_units(
    a: Analysed, words: list[Word], parents: list[OrgCandidate], lex: NameTables
) -> list[OrgCandidate]:
    """``LG전자 모바일사업본부``, ``서울중앙지검 형사1부``: a department after its parent.

    A sub-unit suffix makes no organization by itself (``특별진료팀``, ``대책본부``). Written
    right after a company, agency, outlet, investor or party (one noun phrase, at most one
    word between), the department extends the parent's span and takes its category.
    """
    ends = {c.end: c for c in parents if c.category in _UNIT_PARENTS}
    schools = {c.end: c for c in parents if c.category == "university"}
    out: list[OrgCandidate] = []
    for k, w in enumerate(words):
        school = schools.get(w.stem_end)
        if school is not None and not w.particle and k + 1 < len(words):
            hospital = _hospital(words[k + 1], school)
            if hospital is not None:
                out.append(hospital)
        parent = ends.get(w.stem_end)
        if parent is None or w.particle or parent.start > w.start:
            continue
        for j in range(k + 1, min(k + 3, len(words))):
            x = words[j]
            if j == k + 1 and x.joined and x.stem in _UNIONS:  # 현대차 노조: its union
                union = OrgCandidate(
                    start=parent.start,
                    end=x.stem_end,
                    source="unit",
                    name=f"{parent.name} {x.stem}",
                    category="association",
                )
                out.append(union)
                break
            if not x.joined or not x.stem or x.stem in lex.titles or x.stem in lex.cues_after:
                break
            if unit_word(a, x, lex):
                if x.stem[-1] == "부" and parent.name.endswith("부"):
                    break  # 재무부 상공자원부: two ministries, not a ministry's department
                if x.stem in lex.organizations:
                    break  # 경제기획원 재무부: a listed organization is its own, not a unit
                tail = " ".join(y.stem for y in words[k + 1 : j + 1])
                department = OrgCandidate(
                    start=parent.start,
                    end=x.stem_end,
                    source="unit",
                    name=f"{parent.name} {tail}",
                    category=parent.category,
                )
                out.append(department)
                break
            if x.particle:
                break
    return out


_UNIONS = frozenset({"노조", "노동조합"})
_HOSPITAL = "병원"


def _hospital(x: Word, school: OrgCandidate) -> OrgCandidate | None:
    """``고려대 안암병원``, ``가천대 길병원``, ``서울대 병원``: a university's hospital is an
    organization of its own, named with the university (not a department of it)."""
    if not x.joined or not x.hangul or not x.stem.endswith(_HOSPITAL):
        return None
    return OrgCandidate(
        start=school.start,
        end=x.stem_end,
        source="unit",
        name=f"{school.name} {x.stem}",
        category="other",
    )
