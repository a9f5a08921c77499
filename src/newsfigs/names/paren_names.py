"""People named before a parenthesis that only a person takes: an age or a Hanja original.

``더스틴 니퍼트(34)``, ``테임즈(31)``, ``박명진(70)`` — an age in parentheses follows people, so
it is the cue for a foreign name of one to three words, and for a Korean full name of the
bare-name shape that kiwipiepy read as a common noun. ``시진핑(習近平)``, ``아베 신조(安倍晋三)``
— a Hanja original follows Chinese, Japanese and Korean names, but also places and common
nouns (``장쑤(江蘇)``, ``장기(長期)``): one word needs kiwipiepy's proper noun and a Hanja
starting with a family name (``data/names/hanja_family_names.txt``), two or three words a
Hanja of three characters or more; a Hanja ending like a place or institution
(``data/names/hanja_non_name_finals.txt``: ``州``, ``省``, ``報``) names no person.
"""

from __future__ import annotations

import regex

from newsfigs.core.candidates import PersonCandidate
from newsfigs.core.resources import read_word_set
from newsfigs.names.gazetteer import NameTables, ends_with_suffix
from newsfigs.names.people import full_name_shape, is_foreign_word, is_korean_name, person
from newsfigs.names.role_names import role_words
from newsfigs.names.words import Word

_HANJA_FAMILY_NAMES = "names/hanja_family_names.txt"
_HANJA_NON_NAME_FINALS = "names/hanja_non_name_finals.txt"

_AGE = regex.compile(r"\(\d{1,3}+세?+(?:[·,/][^()\n]{1,20}+)?+\)")
_HANJA = regex.compile(r"\((\p{Han}{2,5}+)(?:[·,][^()\n]{1,20}+)?+\)")
_NOUNS = frozenset({"NNP", "NNG"})
_QUOTES = frozenset("'\"‘’“”「」『』<>《》")


def before_parenthesis(
    text: str, words: list[Word], i: int, lex: NameTables, orgs: set[str]
) -> PersonCandidate | None:
    """The person whose name ends at word ``i`` right before ``(34)`` or ``(習近平)``."""
    w = words[i]
    at = w.stem_end
    if w.end != at or not w.hangul:
        return None  # the parenthesis must follow the name itself: 니퍼트(34), not 니퍼트가(34)
    m = _AGE.match(text, at)
    if m is not None:
        return _aged(words, i, lex, orgs)
    m = _HANJA.match(text, at)
    if m is not None:
        return _with_hanja(words, i, m.group(1), lex, orgs)
    return None


def _name_words(words: list[Word], i: int, lex: NameTables, orgs: set[str]) -> int:
    """First word of a foreign name of one to three words ending at ``i``, -1 if none.

    No word may be a Korean full name (``전북현대 최강희(57)``: a team, then a Korean name the
    other rules read), and the name must start where the noun phrase starts, or after a word
    known to precede names (a title, a place, an organization: ``좌완 앤디 밴헤켄(38)``).
    """
    first = i
    while True:
        w = words[first]
        if not is_foreign_word(w, lex, orgs) or _known(w.stem, lex):
            return -1
        if full_name_shape(w.stem, lex) or (is_korean_name(w, lex) and len(w.stem) == 3):
            return -1
        if first == 0 or not w.joined or i - first == 2:
            break
        prev = words[first - 1]
        if not is_foreign_word(prev, lex, orgs) or _known(prev.stem, lex):
            break
        first -= 1
    w = words[first]
    if _QUOTES.intersection(w.gap):
        return -1  # ‘지아 지아’(Jia Jia): a quoted name is a work's or a character's
    if first > 0 and w.joined:
        prev = words[first - 1]
        if prev.latin or (prev.tags[:1] in (("NNP",), ("NNG",)) and not _known(prev.stem, lex)):
            return -1  # RA 디키(41), 피비 프라이스(42): where the name starts is unknown
    return first


def _known(stem: str, lex: NameTables) -> bool:
    """A place, organization or title, or a word ending like an organization or a title
    (``인천시교육감``, ``우인식차장``)."""
    if stem in lex.places or stem in lex.organizations or stem in lex.titles:
        return True
    if stem in role_words():
        return True
    for n in (2, 3, 4):
        if len(stem) > n and lex.titles.get(stem[-n:]) in ("title", "weak"):
            return True
    return ends_with_suffix(stem, lex, units=True)


def _aged(words: list[Word], i: int, lex: NameTables, orgs: set[str]) -> PersonCandidate | None:
    """``더스틴 니퍼트(34)``, ``테임즈(31)``, ``박명진(70)``/NNG."""
    w = words[i]
    korean = is_korean_name(w, lex)
    if not korean and full_name_shape(w.stem, lex) and not _known(w.stem, lex):
        if i > 0 and w.joined and words[i - 1].proper and words[i - 1].hangul:
            return None
        return person(words, i, i, w.stem, "age")
    first = _name_words(words, i, lex, orgs)
    if first < 0 or (first == i and korean):
        return None  # a Korean name with its age is people.by_age's
    return person(words, first, i, " ".join(x.stem for x in words[first : i + 1]), "age")


def _with_hanja(
    words: list[Word], i: int, hanja: str, lex: NameTables, orgs: set[str]
) -> PersonCandidate | None:
    """``시진핑(習近平)``, ``허준(許浚)``, ``아베 신조(安倍晋三)``."""
    if hanja[-1] in read_word_set(_HANJA_NON_NAME_FINALS):
        return None
    w = words[i]
    if w.proper and set(w.tags) <= _NOUNS and 2 <= len(w.stem) <= 4 and not _known(w.stem, lex):
        if i > 0 and w.joined and words[i - 1].proper:
            pass  # the end of a longer name: read below as several words
        elif hanja[0] in read_word_set(_HANJA_FAMILY_NAMES) and not _QUOTES.intersection(w.gap):
            return person(words, i, i, w.stem, "hanja")
    first = _name_words(words, i, lex, orgs)
    if first < 0 or first == i or len(hanja) < 3:
        return None
    return person(words, first, i, " ".join(x.stem for x in words[first : i + 1]), "hanja")
