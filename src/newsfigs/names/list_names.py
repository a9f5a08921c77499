"""People named beside other people: the members of a listed group, the items of a list.

``소녀시대 써니의``, ``마마무 문별과``: a performing group or club of the well-known list
(category ``other``) written right before one proper noun names a member. ``가수 유미, 배다해
등도``, ``김수현·이홍기``: a list of names joined by a comma or a middle dot; when one item is a
person found by another rule, its neighbours that are one proper noun each are people too.
"""

from __future__ import annotations

import bisect

from newsfigs.core.candidates import NameCandidate, PersonCandidate
from newsfigs.core.resources import read_word_set, read_words, resource
from newsfigs.names.context_names import unknown_name
from newsfigs.names.gazetteer import NameTables
from newsfigs.names.people import full_name_shape, given_syllables, person
from newsfigs.names.role_names import role_words
from newsfigs.names.words import Word

_PERSON_PARTICLES = "names/person_particles.txt"

_SEPARATORS = frozenset({",", "·", "ㆍ", "、"})
_WEAK_SEEDS = frozenset({"repeat", "given", "called"})
"""A person found by these is no seed: a wrong seed would spread to the whole list."""
_OPEN_QUOTES = frozenset("'\"‘“「『<《")
_LIST_END = frozenset({"등", "등도", "등이", "등은", "등을", "등의", "등과"})


def _one_name(text: str, words: list[Word], k: int, lex: NameTables, orgs: set[str]) -> bool:
    """Word ``k`` is one proper noun of two to four syllables that is nothing known."""
    w = words[k]
    s = w.stem
    if w.tags != ("NNP",) or not w.hangul or not 2 <= len(s) <= 4:
        return False
    if not unknown_name(s, lex, orgs) or s in role_words():
        return False  # a place, organization, title, cue; 한국대사, 윤중초교, 사자봉
    if w.particle:
        return text[w.stem_end : w.end] in read_word_set(_PERSON_PARTICLES)
    return s[-1:] not in read_word_set(
        _PERSON_PARTICLES
    )  # 나나가: the particle taken into the noun


def member_of_group(
    text: str, words: list[Word], i: int, lex: NameTables, orgs: set[str]
) -> PersonCandidate | None:
    """``소녀시대 써니의``: one proper noun right after a listed group or club."""
    w = words[i]
    if w.particle or i + 1 >= len(words) or lex.organizations.get(w.stem) != "other":
        return None
    if w.gap[-1:] in _OPEN_QUOTES:
        return None  # ‘엑소 플래닛 #3’: a quoted title
    nxt = words[i + 1]
    if not nxt.joined or not _one_name(text, words, i + 1, lex, orgs):
        return None
    if not nxt.particle and i + 2 < len(words) and words[i + 2].joined:
        return None  # 빅뱅 지드래곤 콘서트: where the name ends is unknown
    return person(words, i + 1, i + 1, nxt.stem, "member", affiliation=words[i].stem)


def listed_beside(
    text: str, words: list[Word], found: list[NameCandidate], lex: NameTables, orgs: set[str]
) -> list[PersonCandidate]:
    """Items of a comma or middle-dot list with people found by other rules.

    A list with two people found, or one found by a cue (a title, a role, an age …), makes
    every other item of one proper noun a person; a list with one bare name alone only its
    other full names (``춘향전·심청전``: the bare reading of ``심청전`` is no evidence).
    """
    seeds: dict[int, bool] = {}  # word → found by a cue (not by the name's shape alone)
    for c in found:
        if not isinstance(c, PersonCandidate) or c.source in _WEAK_SEEDS:
            continue
        k = bisect.bisect_left(words, c.start, key=_start)  # few people: no index of words
        if k < len(words) and words[k].start == c.start and words[k].stem_end == c.end:
            seeds[k] = seeds.get(k, False) or c.source != "bare"
    if not seeds:
        return []
    out: list[PersonCandidate] = []
    done: set[int] = set()
    for k in sorted(seeds):
        if k in done:
            continue
        chain = _chain(words, k)
        done.update(chain)
        found_here = [j for j in chain if j in seeds]
        strong = len(found_here) >= 2 or any(seeds[j] for j in found_here)
        for j in chain:
            if j in seeds or not _one_name(text, words, j, lex, orgs):
                continue
            if not _closed(text, words, j) or (words[j].joined and words[j - 1].stem):
                continue
            if strong or full_name_shape(words[j].stem, lex):
                out.append(person(words, j, j, words[j].stem, "listed"))
    return out


def _start(w: Word) -> int:
    return w.start


def _chain(words: list[Word], k: int) -> list[int]:
    """The items of the list word ``k`` is in: words joined by separators, no particle inside
    but after the last one."""
    first = k
    while first > 0 and not words[first - 1].particle and _separated(words[first]):
        first -= 1
    last = k
    while last + 1 < len(words) and not words[last].particle and _separated(words[last + 1]):
        last += 1
    return list(range(first, last + 1))


def _separated(w: Word) -> bool:
    return w.gap.strip(" ") in _SEPARATORS


def _closed(text: str, words: list[Word], j: int) -> bool:
    """The item ends the noun phrase: a particle, a separator, ``등`` or a break follows."""
    if words[j].particle or j + 1 >= len(words):
        return True
    nxt = words[j + 1]
    return not nxt.joined or nxt.stem in _LIST_END or text[nxt.start : nxt.end] in _LIST_END


@resource
def obituary_words() -> frozenset[str]:
    """``별세``, ``부친상``, ``장인상`` … (``data/names/obituary_words.txt``)."""
    return frozenset(read_words("names/obituary_words.txt"))


def before_obituary(text: str, words: list[Word], i: int, lex: NameTables) -> list[PersonCandidate]:
    """``최내정 별세``, ``지현 나현 부친상``: the names right before a death-notice word.

    Up to three words joined before it, each written as a full name or a two-syllable given
    name (kiwipiepy often cuts such names: the written word is read, not its tags).
    """
    out: list[PersonCandidate] = []
    k = i
    while k > 0 and i - k < 3 and words[k].gap == " ":  # kiwipiepy may cut the name: no `joined`
        w = words[k - 1]
        name = text[w.start : w.end]
        if not _written_name(name, lex):
            break
        out.append(PersonCandidate(start=w.start, end=w.end, source="obituary", name=name))
        k -= 1
    return out


def _written_name(name: str, lex: NameTables) -> bool:
    """A full name (``최내정``) or two given-name syllables (``나현``), nothing known."""
    if len(name) == 3:
        ok = full_name_shape(name, lex)
    elif len(name) == 2:
        given = given_syllables()
        ok = name[0] in given and name[1] in given
    else:
        return False
    if not ok or any(not "가" <= ch <= "힣" for ch in name):
        return False
    return name not in lex.places and name not in lex.organizations and name not in lex.titles
