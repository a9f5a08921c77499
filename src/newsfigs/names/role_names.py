"""People named after a role word (``배우 김현숙은``, ``독일 총리 올라프 숄츠는``, ``가수
아이유가``): the role is the cue and becomes the title; no honorific or title follows the name.

The role is a title word (``data/names/titles.tsv``) or a word of
``data/names/role_words.txt`` — occupations written before a name but never after it as a
title (``가수``, ``투수``, ``래퍼``, ``칼럼니스트``).
"""

from __future__ import annotations

from newsfigs.core.candidates import PersonCandidate
from newsfigs.core.resources import read_word_set, read_words, resource
from newsfigs.names.gazetteer import NameTables, ends_with_suffix
from newsfigs.names.people import is_korean_name, person
from newsfigs.names.words import Word

_PERSON_PARTICLES = "names/person_particles.txt"

_QUOTES = frozenset("'\"‘’“”「」『』<>《》()")


@resource
def role_words() -> frozenset[str]:
    """Occupations and kin written right before a name (``data/names/role_words.txt``,
    ``data/names/kinship_words.txt``: ``딸 이방카가``, ``아들 준용씨``)."""
    return frozenset(read_words("names/role_words.txt") + read_words("names/kinship_words.txt"))


@resource
def role_finals() -> frozenset[str]:
    """Last characters of the role words: most words end in none, and skip ``is_role``."""
    return frozenset(w[-1] for w in role_words())


def is_role(stem: str, roles: frozenset[str]) -> bool:
    """A role word, or a compound ending in one (``트로트가수``, ``불펜투수``, ``사진작가``)."""
    if stem in roles:
        return True
    n = len(stem)
    return n > 2 and (stem[-2:] in roles or (n > 3 and stem[-3:] in roles))


def by_role(
    text: str, words: list[Word], i: int, lex: NameTables, orgs: set[str]
) -> PersonCandidate | None:
    """The person named right after the role word ``i``: a Korean full name, a foreign name of
    two or three words, or one word of a stage or foreign name."""
    return (
        after_role(text, words, i, lex)
        or foreign_after_role(text, words, i, lex)
        or one_word_after_role(text, words, i, lex, orgs)
    )


def one_word_after_role(
    text: str, words: list[Word], i: int, lex: NameTables, orgs: set[str]
) -> PersonCandidate | None:
    """``가수 아이유가``, ``래퍼 나다는``, ``투수 니퍼트,``: one proper noun after a role word.

    The word is one proper-noun morpheme of two to six syllables, nothing known (place,
    organization, title, cue, role); a person's particle or a break follows it — a word
    joined after it (``가수 아이유 콘서트``) leaves the name's end unknown.
    """
    if words[i].particle or i + 1 >= len(words):
        return None
    nxt = words[i + 1]
    s = nxt.stem
    if not nxt.joined or not nxt.hangul or nxt.tags != ("NNP",) or not 2 <= len(s) <= 6:
        return None
    if s in lex.places or s in lex.titles or s in lex.organizations or s in orgs:
        return None
    if s in lex.cues_before or s in lex.cues_after or s in role_words():
        return None
    if _QUOTES.intersection(nxt.gap) or ends_with_suffix(s, lex, units=True):
        return None
    if nxt.particle:
        if text[nxt.stem_end : nxt.end] not in read_word_set(_PERSON_PARTICLES):
            return None
    elif i + 2 < len(words) and words[i + 2].joined:
        return None
    elif s[-1:] in read_word_set(_PERSON_PARTICLES) or s[-2:] in read_word_set(_PERSON_PARTICLES):
        return None  # 유재환이, 나나가: kiwipiepy took the particle into the noun
    return person(words, i + 1, i + 1, s, "role", title=words[i].stem)


def after_role(text: str, words: list[Word], i: int, lex: NameTables) -> PersonCandidate | None:
    """``배우 김현숙은``, ``감독 봉준호``: a Korean full name right after a role word.

    The role (a title word with no particle) is the cue; the name must be one proper noun of
    the full-name shape and not start a longer name or carry a title of its own.
    """
    if words[i].particle or i + 1 >= len(words):
        return None
    nxt = words[i + 1]
    if not nxt.joined or not is_korean_name(nxt, lex) or len(nxt.stem) < 3:
        return None
    if _QUOTES.intersection(nxt.gap):
        return None
    if not nxt.particle and i + 2 < len(words):
        after = words[i + 2]
        if after.joined and (after.proper or after.stem in lex.titles):
            return None
    return person(words, i + 1, i + 1, nxt.stem, "role", title=words[i].stem)


def foreign_after_role(
    text: str, words: list[Word], i: int, lex: NameTables
) -> PersonCandidate | None:
    """``미국 우주비행사 제시카 와트킨스``, ``독일 총리 올라프 숄츠는``: a foreign name of two or
    three words right after a role word, with no honorific after it.

    Each word is one proper-noun morpheme of two syllables or more and no place, title,
    organization or cue noun, the last no Korean full name; the name ends where a particle or
    anything but a space follows, and not before a further proper noun or title (then the name
    is longer, or the title rule reads it).
    """
    if words[i].particle:
        return None
    n = len(words)
    j = i
    while j + 1 < n and j - i < 3:
        w = words[j + 1]
        if not (w.joined and w.proper and w.hangul and len(w.stem) >= 2 and len(w.tags) == 1):
            break  # one proper noun each: not 한국외국어+대
        s = w.stem
        if s in lex.places or s in lex.titles or s in lex.organizations or s in lex.cues_before:
            break
        j += 1
        if w.particle:
            break
    if j - i < 2 or _QUOTES.intersection(words[i + 1].gap):
        return None
    last = words[j]
    if is_korean_name(last, lex) or ends_with_suffix(last.stem, lex, units=True):
        return None  # 장을병 박경리, 남궁영 한국외국어대: Korean names, an organization
    if not last.particle and last.stem[-1:] in read_word_set(_PERSON_PARTICLES):
        return None  # 프리실라 챈이: kiwipiepy took the particle into the noun
    if not words[j].particle and j + 1 < n:
        after = words[j + 1]
        if after.joined and (after.proper or after.stem in lex.titles or after.latin):
            return None
    name = " ".join(w.stem for w in words[i + 1 : j + 1])
    return person(words, i + 1, j, name, "role", title=words[i].stem)
