"""A name written glued to its title: ``홍원영사무관은``, ``김시담이사는``, ``머코스키의원은``.

Older news and headlines often leave out the space between a name and its title. Kiwipiepy
must give the name as one proper noun at the start of the word and the title as the rest
(``김시담``/NNP + ``이사``/NNG), so ``이사장`` and ``정관장`` stay words. A Korean full name
of the bare-name shape takes any title (``이사``, ``검사``: the weak ones too); a family name
of WikiData's people or the well-known list (``옐친대통령``, ``아베총리``) only a title that is
no common noun. Any other proper noun was measured and left out: glued before a title it
names an organization or a place more often than a person (``창원지법``, ``계양구``,
``한일합섬``). The name must be nothing known (no place, organization, title or cue word),
and ``등`` after the title (``교수등이``) is no part of it.
"""

from __future__ import annotations

from collections.abc import Callable

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import PersonCandidate
from newsfigs.core.resources import read_rows, resource
from newsfigs.names import people
from newsfigs.names.gazetteer import Known, NameTables, ends_with_suffix, person_surnames
from newsfigs.names.people import full_name_shape
from newsfigs.names.well_known import well_known_people
from newsfigs.names.words import Word


def name_glued_to_title(a: Analysed, w: Word, lex: NameTables) -> PersonCandidate | None:
    """The person named by the proper noun that opens ``w`` when the rest of it is a title."""
    stem = w.stem
    if len(stem) < 4 or len(w.tags) < 2 or w.tags[0] != "NNP" or stem in lex.titles:
        return None
    titles = lex.titles
    if not any(stem[k:] in titles or stem[k:-1] in titles for k in range(2, len(stem))):
        return None  # most words end in no title: skip the token look-up
    toks = a.tokens_in(w.start, w.stem_end)
    if len(toks) < 2 or toks[0].tag != "NNP" or toks[0].start != w.start:
        return None
    cut = toks[0].end - w.start
    name, title = stem[:cut], stem[cut:]
    if toks[-1].form == "등" and len(toks) > 2:
        title = title[:-1]  # 전상호교수등이: "and others"
    kind = lex.titles.get(title)
    if kind not in ("title", "weak") or len(name) < 2:
        return None
    if not all("가" <= ch <= "힣" for ch in name):
        return None
    if name in lex.places or name in lex.organizations or name in lex.titles:
        return None
    if name in lex.cues_before or name in lex.cues_after:
        return None
    if not full_name_shape(name, lex) and (
        kind != "title" or (name not in well_known_people() and name not in person_surnames())
    ):
        return None
    return PersonCandidate(start=w.start, end=w.start + cut, source="title", name=name, title=title)


def before_glued_title(
    words: list[Word],
    i: int,
    lex: NameTables,
    org_names: set[str],
    lookup: Callable[[str], Known | None],
    surnames_of: frozenset[str],
) -> PersonCandidate | None:
    """``김종성 한국학습진로테라피연구소장은``, ``조희연 서울시교육감``, ``스콧 베선트
    재무장관은``: a title glued to its organization after a person's name (the title, then the
    rest as the affiliation). A country written between is part of the affiliation (``스콧
    베선트 미국 재무장관`` → ``미국 재무부``).

    A Korean full name takes any such word; a foreign name only a title glued to an
    institution (``재무장관``, ``극동지부장``: not ``대표선수``, ``당구선수``), and not after
    another proper noun (``다리아 스테그니``: the name may be longer than what was read).
    """
    w = words[i]
    if not w.joined or not w.hangul:
        return None
    read = _glued_title(w.stem, lex)
    if read is None:
        return None
    title, aff, institution = read
    p = i - 1
    if words[p].stem in lex.places and p > 0 and words[p].joined:
        aff = f"{words[p].stem} {aff}"
        p -= 1
    prev = words[p]
    if prev.particle:
        return None
    if people.is_korean_name(prev, lex) or _name_read_as_noun(prev, lex):
        return people.person(words, p, p, prev.stem, "title", title=title, affiliation=aff)
    if not institution or (w.tags[:1] == ("NNP",) and full_name_shape(w.stem[:3], lex)):
        return None  # 대한통운 출하부 우인식차장: a name glued to its title (name_glued_to_title)
    hit = people.name_ending_at(words, p, lex, org_names, lookup, surnames_of)
    if hit is None or not hit.sure:
        return None
    if hit.first > 0 and words[hit.first].joined and words[hit.first - 1].proper:
        return None
    return people.person(words, hit.first, p, hit.name, "title", title=title, affiliation=aff)


def _glued_title(s: str, lex: NameTables) -> tuple[str, str, bool] | None:
    """``공정거래위원장`` → (``위원장``, ``공정거래위원회``), ``재무장관`` → (``장관``, ``재무부``),
    ``교육부장관`` → (``장관``, ``교육부``), ``연구소장`` → (``소장``, ``…연구소``); the flag
    says whether the rest names an institution (``대표선수`` → (``선수``, ``대표``, False))."""
    ends = title_institutions()
    short = s[-2:]
    inst = ends.get(short, "")
    whole = inst and len(s) > 2 + len(inst) and s[:-2].endswith(inst)
    if whole and not s[:-3].endswith(inst) and lex.titles.get(short) == "title":
        return short, s[:-2], True  # 교육부장관: the ministry is written whole
    for n in (3, 2):
        title = s[-n:]
        if len(s) - n >= 2 and lex.titles.get(title) == "title":
            head = s[:-1]  # 연구소장: the head (장) of the 연구소, whose name ends in 소
            if title[-1] == "장" and ends_with_suffix(head, lex, units=True):
                return title, head, True
            end = ends.get(title, "")  # 공정거래위원장: of the …위원회
            return title, s[:-n] + end, bool(end)
    return None


@resource
def title_institutions() -> dict[str, str]:
    """Title → the end of its institution's name (``data/names/title_institutions.tsv``)."""
    return {row[0]: row[1] for row in read_rows("names/title_institutions.tsv")}


def _name_read_as_noun(w: Word, lex: NameTables) -> bool:
    """A full name kiwipiepy read as a common noun (``정은호``/NNG): the bare-name shape, one
    morpheme, nothing known (only trusted before a title glued to its organization)."""
    s = w.stem
    if len(w.tags) != 1 or not w.hangul or not full_name_shape(s, lex):
        return False
    return s not in lex.places and s not in lex.organizations and s not in lex.titles
