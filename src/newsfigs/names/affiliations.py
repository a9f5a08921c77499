"""People named with a title: the name before it and the organization between (affiliation).

``알렉세이 리하체프 로사톰 최고경영자(CEO)``, ``홍민석 한빛투자증권 연구원``, ``박정우 한국대
화학과 교수``, ``한국대 김하늘 교수``: the name is the person, the title goes to ``title`` and
the organization written between (or right before the name) to ``affiliation``. An unknown
organization in that position is an organization of its own (source ``affiliation``).
"""

from __future__ import annotations

from collections.abc import Callable

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import NameCandidate
from newsfigs.names import organizations as orgs
from newsfigs.names import people
from newsfigs.names.gazetteer import Known, NameTables, person_surnames
from newsfigs.names.words import Word


def at_title(
    a: Analysed,
    words: list[Word],
    i: int,
    lex: NameTables,
    org_names: set[str],
    org_end: dict[int, tuple[int, str]],
    latin_end: dict[int, tuple[int, str]],
    lookup: Callable[[str], Known | None],
    surnames_of: frozenset[str],
) -> list[NameCandidate]:
    """The person named before the title at word ``i``, with the affiliation between."""
    t0, title = people.title_span(a.text, words, i, lex)
    p = people.linked(words, t0)
    if p < 0:
        return []
    affiliation: str | None = None
    aff = org_end.get(p)
    pw = words[p]
    if aff is None and (pw.stem in lex.places or (pw.latin and pw.stem.isupper())):
        aff = (p, pw.stem)
    if aff is not None and people.is_korean_name(pw, lex) and aff[0] == p:
        aff = None
    if aff is not None:
        affiliation = aff[1]
        p = people.linked(words, aff[0])
        if p < 0:
            return []
    hit = people.name_ending_at(words, p, lex, org_names, lookup, surnames_of)
    if p in latin_end:
        hit = people.NameHit(latin_end[p][0], latin_end[p][1], True)
    if hit is None or not hit.sure:
        if affiliation is not None:
            return []
        if hit is None and people.surname_alone(words[p], lex):  # 박 대통령, 김 시장
            return [people.person(words, p, p, words[p].stem, "surname", title=title)]
        return name_then_affiliation(words, p, lex, title)
    weak = lex.titles[words[i].stem] == "weak" and t0 == i and " " not in hit.name
    if weak and not people.is_korean_name(words[hit.first], lex):
        return []
    if affiliation is None:
        q = people.linked(words, hit.first) if hit.first > 0 else -1
        before = org_end.get(q) if q >= 0 else None
        if before is not None:
            affiliation = before[1]
    return [
        people.person(words, hit.first, p, hit.name, "title", title=title, affiliation=affiliation)
    ]


def name_then_affiliation(
    words: list[Word], p: int, lex: NameTables, title: str
) -> list[NameCandidate]:
    """``조희연 성공회대 교수``: a Korean name, then an unknown proper noun, then the title.

    The word between is the affiliation, and an organization of unknown category when the
    name before it has the full Korean shape (so not the second word of ``조지 애커로프``).
    """
    q = people.linked(words, p)
    w = words[p]
    if q < 0 or not words[p].joined or not people.is_korean_name(words[q], lex):
        return []
    if not (w.proper or w.latin) or w.stem in lex.places or w.stem in lex.titles:
        return []
    if people.is_korean_name(w, lex):
        return []
    if w.stem in person_surnames():
        return []  # 조엘 코헨 감독: a foreign name, not 조엘 of 코헨
    out: list[NameCandidate] = [
        people.person(words, q, q, words[q].stem, "title", title=title, affiliation=w.stem)
    ]
    weak = lex.titles.get(title.split(" ")[-1]) == "weak"  # 시장, 지사: a city's, not a firm's
    if len(w.stem) >= 2 and not weak and people.full_name_shape(words[q].stem, lex):
        out.append(orgs.org(words, p, p, None, "affiliation"))  # not after 조지, 마나비
    return out
