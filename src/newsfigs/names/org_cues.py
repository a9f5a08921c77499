"""Organizations named by a cue word before them or a reporting frame after them.

``AI 기업 앤트로픽``, ``영국 일간 가디언``, ``걸그룹 레이디스 코드`` (a cue noun before the name),
``블룸버그에 따르면``, ``삼성 관계자`` (a frame after it). Split from ``organizations`` (the
well-known names and suffix rules), which the cue rules took past the module size guide.
"""

from __future__ import annotations

import regex

from newsfigs.names.gazetteer import NameTables
from newsfigs.names.organizations import titled
from newsfigs.names.people import korean_name
from newsfigs.names.role_names import role_words
from newsfigs.names.words import Word

_QUOTE_GAP = regex.compile(r"\s{0,2}+['‘「『<《]")
_LATIN_PAREN_OPEN = regex.compile(r"\([A-Za-z]")
_DIGIT = regex.compile(r"\d")
_CLOSES = "'\"’”」』>》("


def proper_name(w: Word, lex: NameTables) -> bool:
    """A word that may be an organization's whole name when a cue says it is one."""
    if w.stem in lex.places or w.stem in lex.titles or w.stem in lex.cues_before:
        return False
    if w.latin:
        return len(w.stem) >= 2
    return w.hangul and len(w.stem) >= 2 and w.proper


def by_cue_before(
    text: str, words: list[Word], i: int, lex: NameTables
) -> tuple[int, int, str] | None:
    """``AI 기업 앤트로픽``, ``자회사 '레네라(Renera)'`` → (first, last word, category)."""
    w = words[i]
    if i + 1 >= len(words) or w.particle:
        return None
    category = lex.cues_before.get(w.stem)
    if category is None and w.tags[-1:] != ("NNB",):
        # a cue glued to a word (경제매체, 선전매체); not a duration or count (3일간,
        # 일주일간: a number or kiwipiepy's bound noun 간), whose last letters spell a cue
        for n in (5, 4, 3, 2):
            if len(w.stem) > n and w.stem[-n:] in lex.cues_before and not _DIGIT.search(w.stem):
                category = lex.cues_before[w.stem[-n:]]
                break
    if category is None:
        return None
    nxt = words[i + 1]
    quoted = _QUOTE_GAP.fullmatch(nxt.gap) is not None
    if not (nxt.joined or quoted):
        return None
    if not (nxt.hangul or nxt.latin or nxt.tags[:1] in (("NNP",), ("SL",))):
        return None
    if nxt.stem in lex.places or nxt.stem in lex.titles or nxt.stem in lex.cues_before:
        return None
    if titled(nxt.stem, lex):
        return None  # 이 회사 전용호본부장: a person with a glued title
    if quoted:
        # take the words up to the closing quote (a quoted name may have spaces)
        j = i + 1
        while j + 1 < len(words) and j - i < 4 and words[j + 1].joined:
            j += 1
        close = text[words[j].stem_end : words[j].stem_end + 1]
        if close in _CLOSES and close:
            return i + 1, j, category
        if words[j].particle and text[words[j].end : words[j].end + 1] not in _CLOSES:
            return None  # '제국의 아이들': the quote closes after more words than were read
        return i + 1, i + 1, category
    if (
        category != "media"
        and nxt.proper
        and nxt.hangul
        and len(nxt.stem) == 3
        and korean_name(nxt.stem, lex)
    ):
        # 바른정당 유승민 후보: a person after a party, not a party's name; an outlet's cue
        # (영국 일간 가디언, 외신) is followed by the outlet, whose name may look like one
        return None
    latin_after = _LATIN_PAREN_OPEN.match(text, nxt.stem_end) is not None
    if not (nxt.proper or nxt.latin or latin_after):
        return None
    end = _outlet_end(words, i + 1, lex) if category == "media" else i + 1
    if end is None or _runs_on(words, end, lex):
        return None
    return i + 1, end, category


def _runs_on(words: list[Word], k: int, lex: NameTables) -> bool:
    """The name after a cue may go on into the next word, which ends the phrase with a
    particle and is no title, role or frame: ``걸그룹 레이디스 코드가``, ``일간 알마스리
    알윰은`` — where the name ends is unknown, and a cut name is worse than none (round 8;
    ``걸그룹 카라 멤버가``, ``가디언 기자는``, ``쥬얼리 출신`` end where they should)."""
    if words[k].particle or k + 1 >= len(words):
        return False
    nxt = words[k + 1]
    if not (nxt.joined and nxt.particle and nxt.stem):
        return False
    s = nxt.stem
    return not (s in lex.titles or s in lex.cues_after or s in role_words())


_MAX_OUTLET_WORDS = 4


def _outlet_end(words: list[Word], k: int, lex: NameTables) -> int | None:
    """The last word of an outlet named after its cue: ``일간 르 몽드는`` (a transliterated
    name of several proper nouns), or None when the name runs on through a word
    kiwipiepy reads as no noun (``일간 코리에레 델라 세라가``: ``델라`` a verb) — a cut
    name is worse than none.

    Only proper nouns up to one that carries the particle: a name then a title (``일간 가디언
    존 스미스 기자``) has no particle on the name, and the outlet stays one word."""
    j = k
    while j + 1 < len(words) and j - k + 1 < _MAX_OUTLET_WORDS and not words[j].particle:
        nxt = words[j + 1]
        if nxt.joined and not nxt.stem:
            return None
        if not (nxt.joined and nxt.hangul and nxt.tags == ("NNP",)):
            return k  # 가디언 보도에 따르면: a common noun after the outlet is no part of it
        if nxt.stem in lex.places or nxt.stem in lex.titles or nxt.stem in lex.cues_after:
            return k
        j += 1
        if nxt.particle:
            return j
    return k


def by_cue_after(text: str, words: list[Word], i: int, lex: NameTables) -> bool:
    """``블룸버그에 따르면``, ``삼성 관계자는``, ``구글 측은``: the frame names an organization."""
    w = words[i]
    if i + 1 >= len(words):
        return False
    nxt = words[i + 1]
    if not w.particle and nxt.joined and nxt.stem in lex.cues_after:
        return True
    return text[w.stem_end : w.end] == "에" and text.startswith("따르면", nxt.start)
