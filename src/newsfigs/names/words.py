"""Words for the entity rules: runs of letters and digits, each split into stem and particle.

Names are written as space-separated words (``알렉세이 리하체프 로사톰 최고경영자``) with the
particle glued to the last one (``최고경영자는``). The entity rules reason over such words:
the *stem* is the leading run of nominal morphemes (kiwipiepy tags), the rest is the particle
or ending. Consecutive words separated only by spaces, the earlier one without a particle,
form one noun phrase (``joined``); names, titles and affiliations never cross anything else.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from newsfigs.core.analyzer import Analysed, Tok

_WORD = regex.compile(r"[\p{Hangul}\p{Latin}\d]++(?:[&\-][\p{Hangul}\p{Latin}\d]++)*+")
_HANGUL = regex.compile(r"\p{Hangul}++")
_LATIN = regex.compile(r"[A-Za-z][A-Za-z0-9&\-]*+")

NOMINAL = frozenset({"NNP", "NNG", "NNB", "NR", "SL", "SH", "SN", "XPN", "XSN", "NP"})
"""Tags that may be part of a name, title or organization stem."""

PARTICLES = frozenset(
    [
        "이",
        "가",
        "은",
        "는",
        "을",
        "를",
        "의",
        "에",
        "에서",
        "에게",
        "에게서",
        "와",
        "과",
        "도",
        "로",
        "으로",
        "만",
        "까지",
        "부터",
        "보다",
        "처럼",
        "이나",
        "나",
        "이란",
        "란",
        "이라고",
        "라고",
        "이라는",
        "라는",
        "이며",
        "며",
        "이다",
        "다",
        "와의",
        "과의",
        "에는",
        "에서는",
        "으로는",
        "로는",
        "에도",
        "에서도",
        "으로서",
        "로서",
        "으로부터",
        "로부터",
        "한테",
        "께",
        "께서",
        "께서는",
        "이랑",
        "랑",
        "조차",
        "마저",
        "뿐",
        "밖에",
        "들",
        "들은",
        "들이",
        "들의",
        "인",
        "이자",
        "이고",
        "였다",
        "이었다",
        "측",
    ]
)
"""Particles and endings that may follow a name glued to it (``로사톰이`` → ``로사톰``)."""


_new = tuple.__new__
"""``_new(Word, fields)``: a Word without the Python-level ``__new__`` of a named tuple."""


class Word(NamedTuple):
    """One written word: ``[start, end)``, its stem ``[start, stem_end)`` and its context.

    A named tuple, not a frozen dataclass: ``segment`` builds one per word of every document,
    and a tuple is built several times faster.
    """

    start: int
    stem_end: int
    end: int
    stem: str
    tags: tuple[str, ...]  # tags of the stem morphemes
    gap: str  # the text between the previous word and this one
    joined: bool  # one noun phrase with the previous word (spaces only, no particle before)
    # computed once in ``segment`` (the rules ask each several times per word):
    particle: bool  # something (a particle, an ending) follows the stem inside the word
    hangul: bool  # the stem is Hangul syllables only
    latin: bool  # the stem is a Latin word (an acronym, a brand)
    proper: bool  # kiwipiepy took the stem for a proper noun (its first morpheme is NNP)


def segment(a: Analysed) -> list[Word]:
    """The words of ``a`` with their stems (one pass over words and tokens).

    The hottest loop of the entity rules (every word of every document): tokens are unpacked
    once, and the common stems (Hangul syllables only) skip the regex tests.
    """
    text = a.text
    tokens = a.tokens
    n_tok = len(tokens)
    ti = 0
    out: list[Word] = []
    append = out.append
    prev_end = 0
    prev_particle = True
    carry = 0  # end of a multi-word token (a kiwipiepy multi.dict name) still running
    nominal = NOMINAL
    for m in _WORD.finditer(text):
        start, end = m.span()
        while ti < n_tok and tokens[ti][3] <= start:
            ti += 1
        stem_end = start
        tags: list[str] = []
        if carry > start:  # inside a spaced proper noun: the word belongs to it
            stem_end = carry if carry < end else end
            tags.append("NNP")
        j = ti
        while j < n_tok:
            form, tag, t_start, t_end = tokens[j]
            if t_start >= end:
                break
            j += 1
            if t_end <= t_start or t_end <= stem_end:
                continue
            if form == "-" and t_start == stem_end > start and _hyphen_joins(tokens, j, end):
                stem_end = t_end  # 레네라-에너테크: one hyphenated name
                continue
            if tag == "MM" and t_start == start and t_end == end:
                stem_end = end  # 전 (대통령): a whole-word prenoun may open a title
                tags.append(tag)
                break
            if tag not in nominal or t_start < stem_end or (tag == "XSN" and form == "들"):
                break
            if t_end > end:
                carry = t_end
                stem_end = end
            else:
                stem_end = t_end
            tags.append(tag)
        gap = text[prev_end:start]
        stem = text[start:stem_end]
        particle = stem_end < end
        if not stem:
            hangul = latin = False
        elif min(stem) >= "가" and max(stem) <= "힣":  # syllables only: most stems
            hangul, latin = True, False
        else:
            hangul = _HANGUL.fullmatch(stem) is not None
            latin = not hangul and _LATIN.fullmatch(stem) is not None
        append(
            _new(
                Word,
                (
                    start,
                    stem_end,
                    end,
                    stem,
                    tuple(tags),
                    gap,
                    not prev_particle and gap.isspace() and "\n" not in gap,  # first: never
                    particle,
                    hangul,
                    latin,
                    bool(tags) and tags[0] == "NNP",
                ),
            )
        )
        prev_end = end
        prev_particle = particle or not stem
    return out


def joined_run(words: list[Word], i: int, width: int) -> int:
    """How many words from ``i`` form one noun phrase, counting at most ``width``."""
    run, n = 1, len(words)
    while run < width and i + run < n and words[i + run].joined:
        run += 1
    return run


def _hyphen_joins(tokens: tuple[Tok, ...], j: int, end: int) -> bool:
    """True when token ``j`` (after a hyphen) is a proper noun or foreign word in the word."""
    if j >= len(tokens):
        return False
    nxt = tokens[j]
    return nxt.end <= end and nxt.tag in ("NNP", "SL") and nxt.start == tokens[j - 1].end


def rest(text: str, word: Word, length: int) -> str:
    """What follows the first ``length`` characters of ``word`` inside it."""
    return text[word.start + length : word.end]


def glued_particle(text: str, word: Word, length: int) -> bool:
    """True when ``word`` is a ``length``-character name plus nothing or a particle."""
    tail = rest(text, word, length)
    return tail == "" or tail in PARTICLES
