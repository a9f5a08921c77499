"""People named with a title: the name before it and the organization between (affiliation).

``알렉세이 리하체프 로사톰 최고경영자(CEO)``, ``홍민석 한빛투자증권 연구원``, ``박정우 한국대
화학과 교수``, ``한국대 김하늘 교수``: the name is the person, the title goes to ``title`` and
the organization written between (or right before the name) to ``affiliation``. An unknown
organization in that position is an organization of its own (source ``affiliation``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import regex

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import NameCandidate, OrgCandidate, PersonCandidate
from newsfigs.core.resources import read_word_set
from newsfigs.names import departments, misread_names, people
from newsfigs.names import organizations as orgs
from newsfigs.names.gazetteer import Known, NameTables, name_tables, person_surnames
from newsfigs.names.words import PARTICLES, Word

_PLACE_FINALS = "names/place_finals.txt"


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
    extra: list[NameCandidate] = []
    if aff is None:
        unknown = _unknown_affiliation(a, words, p, lex, org_end)
        if unknown is not None:
            first, written, org_cand = unknown
            q = people.linked(words, first)
            if q < 0:  # 박정우 한국대 화학과 교수: kiwipiepy cut the name (박정/XR + 우/NNG)
                m = misread_names.misread_before(a, words, first, lex)
                if m < 0:
                    return []
                named = misread_names.person_at(a, words, m, title, written)
                return [named, org_cand] if org_cand is not None else [named]
            if not people.is_korean_name(words[q], lex):
                return []
            aff = (first, written)
            extra = [org_cand] if org_cand is not None else []
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
        if hit is None and (q := _anonymized_surname(words, p, lex)) >= 0:  # 이 모 상무
            return [people.person(words, q, p, words[q].stem, "surname", title=title)]
        return name_then_affiliation(words, p, lex, title)
    weak = lex.titles[words[i].stem] == "weak" and t0 == i and " " not in hit.name
    if weak and not people.is_korean_name(words[hit.first], lex):
        return []
    if affiliation is None:
        q = people.linked(words, hit.first) if hit.first > 0 else -1
        before = org_end.get(q) if q >= 0 else None
        if before is not None:
            affiliation = before[1]
        elif q < 0 and (glued := _cut_organization_before(a.text, words, hit.first, org_names)):
            affiliation = glued  # 국민의힘 김민준 대변인 (국민/NNG 의/JKG 힘/NNG)
        elif q < 0 and (owner := _owner_before(a.text, words, hit.first, org_end)) is not None:
            affiliation = owner  # 쿠팡의 김범석 의장
        elif q >= 0 and hit.first == p and people.is_korean_name(words[p], lex):
            found = _organization_before(a, words, q, lex)  # 한국대 김하늘 교수
            if found is not None:
                affiliation = found.name
                extra = [found]
            elif (unit := _unit_before(a, words, q, lex, org_end)) is not None:
                affiliation, extra = unit  # 한국대 경영대학 김하늘 교수
    return [
        people.person(words, hit.first, p, hit.name, "title", title=title, affiliation=affiliation),
        *extra,
    ]


def _anonymized_surname(words: list[Word], p: int, lex: NameTables) -> int:
    """``이 모 상무``: word ``p`` is ``모`` (someone) after a surname alone, which it returns."""
    w = words[p]
    if w.stem != "모" or w.tags != ("NP",) or not w.joined or p == 0:
        return -1
    return p - 1 if people.surname_alone(words[p - 1], lex) else -1


def _owner_before(
    text: str, words: list[Word], k: int, org_end: dict[int, tuple[int, str]]
) -> str | None:
    """``쿠팡의 김범석 의장``, ``민주당의 이재명 대표``: an organization with the genitive ``의``,
    one space before the name, is the one the titled person belongs to."""
    j = k - 1
    if j < 0 or words[k].gap != " " or j not in org_end:
        return None
    w = words[j]
    return org_end[j][1] if text[w.stem_end : w.end] == _GENITIVE else None


_GENITIVE = "의"


def _cut_organization_before(text: str, words: list[Word], k: int, org_names: set[str]) -> str:
    """The organization written as the whole word before word ``k`` that kiwipiepy cut
    inside (``국민의힘``: ``국민``/NNG + ``의``/JKG + ``힘``/NNG, found by the written word);
    "" when there is none."""
    if k == 0:
        return ""
    prev, gap = words[k - 1], words[k].gap
    if not gap.isspace() or "\n" in gap or prev.stem_end == prev.end:
        return ""
    written = text[prev.start : prev.end]
    return written if written in org_names else ""


def university(a: Analysed, w: Word) -> bool:
    """``한국대``, ``성공회대``: a proper noun and ``대`` (a university named short).

    Only read so between a person's name and a title or department, or right before a
    name and title: ``대`` alone is also a counter, a generation and "versus".
    """
    if not w.hangul or len(w.stem) < 3 or w.stem[-1] != "대" or w.tags[:1] != ("NNP",):
        return False
    toks = a.tokens_in(w.start, w.stem_end)
    if len(toks) == 1:
        return toks[0].tag == "NNP"  # 한빛대 read as one proper noun
    return len(toks) == 2 and toks[-1].form == "대" and toks[-1].tag in _DAE_TAGS


_DAE_TAGS = frozenset({"NNB", "NNG", "XPN"})
"""Tags kiwipiepy gives ``대`` after a proper noun (``한국/NNP 대/XPN 경영대학``: a prefix read
where the word ends)."""


def _department(a: Analysed, w: Word, lex: NameTables) -> bool:
    """``화학과``, ``경영학과``, ``리서치센터``: a department word (after an organization)."""
    if departments.unit_word(a, w, lex):
        return True
    s = w.stem
    if not w.hangul or len(s) < 3 or any(t not in _DEPARTMENT_TAGS for t in w.tags):
        return False
    if orgs.generic_word(s):
        return s.endswith(_COLLEGE)  # 경영대학: a college of the university; not 조사결과
    return any(lex.suffixes.get(s[-n:], ("", False))[0] == orgs.UNIT for n in (3, 2, 1))


_COLLEGE = "대학"
_DEPARTMENT_TAGS = frozenset({"NNG", "NNP"})
"""Kiwipiepy tags a long department name a proper noun as often (``소비자아동학부``/NNP)."""


def _unknown_org_word(w: Word, lex: NameTables) -> bool:
    """A proper noun that may be an organization nobody listed (``와디즈``, ``Wadiz``)."""
    s = w.stem
    if not (w.proper and w.hangul) and not (w.latin and s[:1].isupper()):
        return False
    if len(s) < 2 or s in lex.places or s in lex.titles or s in lex.cues_before:
        return False
    if w.hangul and (s[-1] in read_word_set(_PLACE_FINALS) or s.endswith(_PARTICLE_ENDS)):
        return False  # 상모사곡동, 안탈리아에서 (kiwipiepy's proper noun with its particle)
    return not people.korean_name(s, lex) and s not in person_surnames()


_PARTICLE_ENDS = tuple(p for p in PARTICLES if len(p) >= 2)


def _unknown_affiliation(
    a: Analysed, words: list[Word], p: int, lex: NameTables, org_end: dict[int, tuple[int, str]]
) -> tuple[int, str, OrgCandidate | None] | None:
    """The affiliation ending at word ``p`` when no organization rule found one there.

    ``한국대 화학과``, ``한빛투자증권 리서치센터`` (an organization, known or not, then a
    department: the affiliation is both, the organization the first) or ``한국대`` alone.
    Returns (first word, affiliation as written, the organization if it is a new one).
    """
    w = words[p]
    if university(a, w) and p > 0 and w.joined:
        if (p - 1) in org_end and people.full_name_shape(w.stem, lex):
            return None  # 민주당 박찬대 원내대표: after an organization, the name's shape wins
        return p, w.stem, orgs.org(words, p, p, "university", "affiliation")
    if p == 0 or not w.joined or w.particle or not _department(a, w, lex):
        return None
    parent = org_end.get(p - 1)
    text = a.text
    if parent is not None:
        return parent[0], text[words[parent[0]].start : w.stem_end], None
    pw = words[p - 1]
    if university(a, pw):
        category: str | None = "university"
    elif _unknown_org_word(pw, lex):
        category = None
    else:
        return None
    written = text[pw.start : w.stem_end]
    return p - 1, written, orgs.org(words, p - 1, p - 1, category, "affiliation")


def _organization_before(
    a: Analysed, words: list[Word], q: int, lex: NameTables
) -> OrgCandidate | None:
    """``한국대 김하늘 교수``, ``와디즈 신혜성 대표``: an unknown organization before a Korean
    full name and its title is the person's affiliation."""
    w = words[q]
    if w.particle or orgs.OPEN_QUOTES.intersection(w.gap):
        return None
    if q > 0 and words[q].joined and words[q - 1].stem in lex.cues_before:
        return None  # 자회사 와디즈: the cue rule names it
    if university(a, w):
        return orgs.org(words, q, q, "university", "affiliation")
    if _unknown_org_word(w, lex):
        return orgs.org(words, q, q, None, "affiliation")
    return None


def _unit_before(
    a: Analysed, words: list[Word], q: int, lex: NameTables, org_end: dict[int, tuple[int, str]]
) -> tuple[str, list[NameCandidate]] | None:
    """``한국대 경영대학 김하늘 교수``, ``한빛증권 리서치센터 김하늘 연구원``: an organization and
    its department right before a Korean full name and its title. The affiliation is both as
    written; the organization is the first word (a new one when no rule found it)."""
    w = words[q]
    if q == 0 or w.particle or not w.joined or orgs.OPEN_QUOTES.intersection(w.gap):
        return None
    if not _department(a, w, lex):
        return None
    parent = org_end.get(q - 1)
    if parent is not None:
        return a.text[words[parent[0]].start : w.stem_end], []
    pw = words[q - 1]
    if pw.particle or not university(a, pw):
        return None
    if q > 1 and pw.joined and words[q - 2].stem in lex.cues_before:
        return None
    written = a.text[pw.start : w.stem_end]
    return written, [orgs.org(words, q - 1, q - 1, "university", "affiliation")]


def _party_word(w: Word) -> bool:
    """``미래당``: a party nobody listed, read by kiwipiepy as a common noun and ``당`` (two
    morphemes; ``식당``, ``성당`` are one), between a person's name and title."""
    return w.hangul and len(w.stem) >= 3 and w.stem[-1] == _PARTY and w.tags[-2:] == ("NNG", "NNG")


_PARTY = "당"


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
    party = _party_word(w)
    if not (w.proper or w.latin or party) or w.stem in lex.places or w.stem in lex.titles:
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
        category = "party" if party else None
        out.append(orgs.org(words, p, p, category, "affiliation"))  # not after 조지, 마나비
    return out


_AGE_BEFORE = regex.compile(r"\(\d{1,3}+세?+·$")


def _opened_before(text: str, start: int) -> int:
    """Where the parenthesis an organization at ``start`` opens is: right before it
    (``(토트넘)``) or before an age and a middle dot (``(25·하나금융그룹)``); -1 if neither."""
    if text[start - 1 : start] == "(":
        return start - 1
    m = _AGE_BEFORE.search(text, max(0, start - 6), start)
    return m.start() if m is not None else -1


def in_parentheses(text: str, cands: list[NameCandidate]) -> list[NameCandidate]:
    """``손흥민(토트넘)``, ``김민재(바이에른 뮌헨)``, ``김인경(25·하나금융그룹)``: an organization
    that fills the parenthesis right after a person's name (after an age, too) is the
    person's affiliation (sports pages and captions write the club or employer so). Only a
    person with no affiliation yet takes it."""
    filled = {
        opened: c.name
        for c in cands
        if isinstance(c, OrgCandidate)
        and text[c.end : c.end + 1] == ")"
        and (opened := _opened_before(text, c.start)) >= 0
    }
    if not filled:
        return cands
    out: list[NameCandidate] = []
    for c in cands:
        if isinstance(c, PersonCandidate) and c.affiliation is None:
            name = filled.get(c.end)
            if name is not None and text[c.end : c.end + 1] == "(":
                c = dataclasses.replace(c, affiliation=name)
        out.append(c)
    return out


_SUBJECT_KINDS = frozenset({"company", "university", "research", "investor", "association"})
"""Organizations whose titled people the clause after their topic names (``카카오는 정신아
대표가``); an agency, court, outlet or club as the topic acts on outsiders as often
(``검찰은 최 회장을``, ``CNN은 트럼프 대통령이``)."""

_SUBJECT_PARTICLES = frozenset("이가은는의")
_TOPIC_GAPS = ("은 ", "는 ")


def subject_before(text: str, cands: list[NameCandidate]) -> list[NameCandidate]:
    """``카카오는 정신아 대표가 이끄는``: an organization as the topic (``은``/``는``, one space)
    right before a titled person who is the subject of the clause (``이``, ``가``, ``은``,
    ``는``, ``의`` after the title) is the person's affiliation. Only a company, party,
    university, institute, investor or association (``_SUBJECT_KINDS``), only a title of a
    member (no office one person holds — ``대통령``, ``장관``, ``기자``:
    ``data/names/lone_name_titles.txt`` — and no honorific), only a person with none yet."""
    topics = {
        c.end + 2: c.name
        for c in cands
        if isinstance(c, OrgCandidate)
        and c.category in _SUBJECT_KINDS
        and text[c.end : c.end + 2] in _TOPIC_GAPS
    }
    if not topics:
        return cands
    lex = name_tables()
    offices = read_word_set(_OFFICES)
    out: list[NameCandidate] = []
    for c in cands:
        owner = topics.get(c.start)
        if (
            owner is not None
            and isinstance(c, PersonCandidate)
            and c.affiliation is None
            and c.title not in offices
            and _member_title(text, c, lex)
        ):
            c = dataclasses.replace(c, affiliation=owner)
        out.append(c)
    return out


_OFFICES = "names/lone_name_titles.txt"


def _member_title(text: str, c: PersonCandidate, lex: NameTables) -> bool:
    """``c``'s title is a job or rank written right after it, then a subject's particle."""
    title = c.title
    if title is None or lex.titles.get(title.split()[-1]) not in ("title", "weak"):
        return False
    at = c.end + 1 if text[c.end : c.end + 1] == " " else c.end
    if not text.startswith(title, at):
        return False
    end = at + len(title)
    if text[end : end + 1] not in _SUBJECT_PARTICLES:
        return False
    after = text[end + 1 : end + 2]
    return not ("가" <= after <= "힣")
