"""Names with no cue at all: the shape of the word is the only evidence.

A three-syllable proper noun of a common surname and given-name syllables (``박근혜는``), a
given name with the familiar suffix ``이`` (``춘복이가``) and a two-syllable given name before
a person's particle or a kinship word (``세호가``, ``세호 아버지``). Each is measured alone in
docs/entities.md; the word lists (given-name syllables, place-final syllables, particles,
kinship words) are data files.
"""

from __future__ import annotations

from newsfigs.core.analyzer import Analysed
from newsfigs.core.resources import read_word_set, read_words, resource
from newsfigs.names.gazetteer import NameTables, name_tables
from newsfigs.names.people import full_name_shape, given_syllables, is_korean_name
from newsfigs.names.words import Word

_KINSHIP_WORDS = "names/kinship_words.txt"
_PERSON_PARTICLES = "names/person_particles.txt"
_GLUED_NOUNS = "names/person_glued_nouns.txt"
_ROLE_WORDS = "names/role_words.txt"

WRAP = frozenset("'\"‘’“”「」『』<>《》")


@resource
def non_name_finals() -> frozenset[str]:
    return frozenset(read_words("names/non_name_finals.txt"))


_NAME_TAGS = frozenset({("NNP",), ("NNP", "NNP"), ("NNP", "NNG")})
"""Tags of a written full name: one proper noun, or kiwipiepy's split 윤+혜진, 윤정+호."""


_SPLIT_TAGS = frozenset(
    {("NNP", "NNG", "NNG"), ("NNP", "XPN", "NNG"), ("NNP", "NNP", "NNG"), ("NNP", "NNG", "NNP")}
)
"""A full name kiwipiepy cuts in three, surname first as a proper noun (``김+태+원``): measured
alone 0.98 on KMOU (167 right, 3 wrong)."""


def _unknown_word(s: str, lex: NameTables) -> bool:
    """No place, organization or title of the tables."""
    return s not in lex.places and s not in lex.organizations and s not in lex.titles


def bare_korean_name(text: str, words: list[Word], i: int, lex: NameTables) -> bool:
    """A three-syllable Korean name with no cue at all (``박근혜는``, ``문재인``).

    Kiwipiepy's proper-noun tag on a whole surname-shaped word is right most of the time when
    the surname is a common one and both other syllables are given-name syllables
    (``data/given_syllables.txt``); quoted titles (``'허삼관'``) and the first word of a
    longer name (``제임스 해리스``) are left out.
    """
    w = words[i]
    if len(w.stem) != 3:
        return False
    if w.tags in _SPLIT_TAGS:
        if not _unknown_word(w.stem, lex):
            return False
    elif w.tags not in _NAME_TAGS or not is_korean_name(w, lex):
        return False
    if len(w.tags) > 1 and (
        w.stem[1:] in lex.titles or w.stem[2:] in lex.titles or w.stem[:2] in lex.places
    ):
        return False  # 박기자, 김일병: a surname and a title; 서울서: a place and a particle
    given = given_syllables()
    if lex.surnames.get(w.stem[0]) != "common" or w.stem[1] not in given:
        return False
    if w.stem[2] not in given or w.stem[2] == "이" or w.stem[2] in non_name_finals():
        return False
    if i > 0 and w.joined and _address_unit(words[i - 1]):
        return False  # 석곡면 연반리, 파주시 봉일천: the next unit of an address
    return _stands_alone(text, words, i, full_name=True)


_ADDRESS_UNITS = frozenset("시군구읍면")


def _address_unit(w: Word) -> bool:
    """A proper noun naming an administrative unit (``곡성군``, ``석곡면``, ``화성시``)."""
    return len(w.stem) >= 2 and w.stem[-1] in _ADDRESS_UNITS and w.tags[-1:] == ("NNP",)


def _stands_alone(text: str, words: list[Word], i: int, full_name: bool = False) -> bool:
    """Not quoted (a title: ``'허삼관'``, ``‘집밥 백선생’``), not the start of a longer name.

    Parentheses are no quotes here: ``사월(백진희)``, ``이종호(왼쪽)`` name people. A Korean
    full name may stand before another proper noun (``김영한 청와대 민정수석``, ``오재원
    이대호``) unless a quote opens before it (``‘전설의 마녀’``: a work's title) or it ends a
    foreign name (``가토 고이치``).
    """
    w = words[i]
    if w.gap[-1:] in WRAP and text[w.end : w.end + 1] in WRAP:
        return False
    if i + 1 < len(words):
        nxt = words[i + 1]
        if nxt.joined and nxt.proper and nxt.hangul and not (full_name and _heads_phrase(words, i)):
            return False
    return True


def _heads_phrase(words: list[Word], i: int) -> bool:
    """A full name opening a phrase of proper nouns: no quote before, no proper noun before
    but another full name (``김영란 전수안 박시환 이홍훈``: a list of names, space-separated)."""
    w = words[i]
    if w.gap[-1:] in WRAP:
        return False
    if not (i > 0 and w.joined and words[i - 1].proper):
        return True
    return _name_shaped(words[i - 1])


def _name_shaped(w: Word) -> bool:
    """A word of the bare-name shape that is no known word (``전수안``, not ``청와대``)."""
    if w.particle or w.tags not in _NAME_TAGS or not w.hangul:
        return False
    s = w.stem
    lex = name_tables()
    if not full_name_shape(s, lex) or s[2] == "이" or s[2] in non_name_finals():
        return False
    return _unknown_word(s, lex)


def glued_particle_name(text: str, words: list[Word], i: int, lex: NameTables) -> bool:
    """``안재욱의``, ``유재환이``: kiwipiepy took a full name and its particle for one noun.

    The word is one proper noun of four or five syllables: a full name of the
    bare-name shape, then a particle persons take (``data/names/person_particles.txt``).
    """
    w = words[i]
    s = w.stem
    if w.tags not in _GLUED_TAGS or w.particle or not w.hangul or len(s) not in (4, 5):
        return False
    name = s[:3]
    if s[3:] not in read_word_set(_PERSON_PARTICLES) or not full_name_shape(name, lex):
        return False
    if name[2] == "이" or name[2] in non_name_finals():
        return False
    if s in lex.places or s in lex.organizations or s in lex.titles:
        return False
    if name in lex.places or name in lex.organizations or name in lex.titles:
        return False
    return _stands_alone(text, words, i)


_GLUED_TAGS = frozenset({("NNP",)})


def hyphen_pair(w: Word, lex: NameTables) -> list[tuple[int, str]]:
    """``신성록-신제록``, ``김병만-류담-박정철``, ``박상진 사장-황성수 전무``: full names a
    headline joins with a hyphen, with where each starts.

    Kiwipiepy's hyphenated proper noun is one word here; every part of the bare-name shape
    that is no known word is a person (``류담``, a stage name, and ``사장``, a title, are
    read by other rules or not at all).
    """
    if "-" not in w.stem or not w.proper:
        return []
    out: list[tuple[int, str]] = []
    at = w.start
    for p in w.stem.split("-"):
        if _hyphen_part(p, lex):
            out.append((at, p))
        at += len(p) + 1
    return out


def _hyphen_part(p: str, lex: NameTables) -> bool:
    if not full_name_shape(p, lex) or p[2] == "이" or p[2] in non_name_finals():
        return False
    return p not in lex.places and p not in lex.organizations and p not in lex.titles


def called_name(text: str, words: list[Word], i: int, lex: NameTables) -> bool:
    """``춘복이가``, ``경심이나``: a given name with the familiar suffix ``이``.

    Kiwipiepy tags the whole word a proper noun; both syllables before ``이`` must be
    given-name syllables. The mention is the word as written, suffix included.
    """
    w = words[i]
    s = w.stem
    if w.tags != ("NNP",) or not w.hangul:
        return False
    if len(s) != 3 or s[2] != "이":
        return False
    given = given_syllables()
    if s[0] not in given or s[1] not in given or s[:2] in lex.places or s in lex.places:
        return False
    if s in lex.titles or s in lex.cues_before or s in lex.cues_after:
        return False
    if s in lex.organizations or s[:2] in lex.organizations:
        return False
    if i > 0 and w.joined and words[i - 1].proper and words[i - 1].hangul:
        return False  # 선다이 피차이: the end of a longer name
    return _stands_alone(text, words, i)


def given_name_alone(text: str, words: list[Word], i: int, lex: NameTables, orgs: set[str]) -> bool:
    """``세호가``, ``설현은``: a two-syllable given name alone, a person's particle after it.

    Kiwipiepy tags the word one proper noun and both syllables are given-name syllables; the
    particle must be one a person takes (``는``, ``가``, ``에게`` — not ``에``, ``에서``, ``로``,
    which places take), and known places, organizations and words are left out.
    """
    w = words[i]
    s = w.stem
    if len(s) != 2 or w.tags != ("NNP",) or not w.hangul:
        return False
    if w.particle:
        if text[w.stem_end : w.end] not in read_word_set(_PERSON_PARTICLES):
            return False
    elif (
        i + 1 >= len(words)
        or not words[i + 1].joined
        or words[i + 1].stem not in read_word_set(_KINSHIP_WORDS)
    ):
        return False  # 세호 아버지, 현우 부자: a kinship word after the name
    given = given_syllables()
    if s[0] not in given or s[1] not in given or s[1] in non_name_finals():
        return False
    if s in lex.places or s in lex.titles or s in lex.organizations or s in orgs:
        return False
    if s in lex.cues_before or s in lex.cues_after or s in lex.surnames:
        return False
    if s in read_word_set(_ROLE_WORDS):
        return False  # 래퍼가, 멤버는: an occupation (data/names/role_words.txt), not a name
    if i > 0 and w.joined and words[i - 1].proper:
        return False  # 아베 신조: the end of a longer name
    return _stands_alone(text, words, i)


def name_glued_to_noun(a: Analysed, words: list[Word], i: int, lex: NameTables) -> bool:
    """``한상진서울대교수가``, ``김인호철도청장의``, ``박관용대통령비서실장은``: a full name
    written glued to its organization and title. Kiwipiepy's first morpheme is the three name
    syllables as a proper noun, of the bare-name shape and no known word, and the word ends in
    a title (a title right after the name is the glued-title rule's) or is the name and a noun
    of ``data/names/person_glued_nouns.txt`` (``안철수측``, ``이창호중``). Any other noun glued
    after such a name was measured and left out (0.55 on KMOU: ``윤동주문학상``,
    ``서태지기념사업회``, ``남한강변``)."""
    w = words[i]
    s = w.stem
    if len(s) < 4 or len(w.tags) < 2 or not w.hangul or s[3:] in lex.titles:
        return False
    titled = len(s) >= 6 and any(lex.titles.get(s[-n:]) == "title" for n in (2, 3, 4))
    if not titled and s[3:] not in read_word_set(_GLUED_NOUNS):
        return False
    toks = a.tokens_in(w.start, w.stem_end)
    if toks[0].tag != "NNP" or toks[0].start != w.start or toks[0].end != w.start + 3:
        return False
    name = s[:3]
    if not full_name_shape(name, lex) or name[2] == "이" or name[2] in non_name_finals():
        return False
    if not _unknown_word(name, lex) or not _unknown_word(s, lex):
        return False
    return not (i > 0 and w.joined and words[i - 1].proper)
