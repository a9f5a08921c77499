"""The atom scan of the date finder: ``core.scan.Alternation``'s matches, with gates.

Half of all news sentences hold no date atom, and most branches of the atom pattern need
something a sentence rarely has: a digit, ``세기``, ``:``, ``Q``, ``(``. Each branch here
names those needs (a digit; one of a few literal strings), and a sentence that lacks them is
never searched by that branch: the test is one ``in`` per literal, where a search is one to two
microseconds. The matches are the alternation's, since a branch that cannot match anywhere in
the text cannot be the first to match at any position.

A branch of many literal words (``지난해``, ``오후`` …) is run by the standard library's
engine, written by ``grouped``: on such an alternation it is about ten times faster than
``regex`` (same syntax, same leftmost-first matches); such a branch must use no syntax of
``regex`` alone (possessive quantifiers or atomic groups need Python 3.11 in ``re``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

import regex

from newsfigs.core.scan import leftmost

Pattern = re.Pattern[str] | regex.Pattern[str]
Match = re.Match[str] | regex.Match[str]

_DIGIT = regex.compile(r"\d")
_REGEX_ONLY = regex.compile(r"\\[dDwWsSbB]|[?*+}]\+|\(\?>")
"""What ``small`` leaves to ``regex``: classes whose Unicode tables the two engines may not
share (``\\d``, ``\\w``, ``\\s``, ``\b``), possessive quantifiers and atomic groups (not in
``re`` before Python 3.11)."""


def small(pattern: str) -> Pattern:
    """A pattern tried at one place (right after an atom, or up to it), compiled by ``re``
    when it can be: a call costs ~0.2 µs there against ~0.5–1 µs for ``regex``, with the same
    matches for what ``re`` compiles and ``_REGEX_ONLY`` does not find (``regex`` otherwise, and
    for what ``re`` refuses: a variable-width lookbehind, a group name used twice)."""
    if _REGEX_ONLY.search(pattern) is None:
        try:
            return re.compile(pattern)
        except re.error:
            pass
    return regex.compile(pattern)


@dataclass(frozen=True, slots=True)
class Branch:
    """One branch of the scan and what a text must hold for it to match anywhere."""

    pattern: str
    digit: bool = False
    """The branch matches at least one ``\\d`` character."""
    needs: tuple[str, ...] = ()
    """Literal strings of which the branch always matches one (none: no such test)."""
    stdlib: bool = False
    """Compiled by ``re`` (faster on a large alternation of words) rather than ``regex``."""
    joint: str = ""
    """A pattern (for ``re``) that matches where the branch matches, for ``GatedScan``'s
    joint search (``grouped`` words, their optional parts left out); empty: not in it."""


class GatedScan:
    """``finditer`` and ``match`` of ``"|".join(branches)``, each branch searched alone and
    only in texts that hold what it needs (the same merge as ``core.scan.Alternation``)."""

    __slots__ = ("_branches", "_gated", "_joint", "_no_digit")

    def __init__(self, branches: Sequence[Branch]) -> None:
        self._branches: tuple[Pattern, ...] = tuple(
            re.compile(b.pattern) if b.stdlib else regex.compile(b.pattern) for b in branches
        )
        self._gated = tuple(
            (p, b.digit, b.needs, bool(b.joint))
            for p, b in zip(self._branches, branches, strict=True)
        )
        self._no_digit = tuple(g for g in self._gated if not g[1])
        joint = [b.joint for b in branches if b.joint]
        self._joint = re.compile("|".join(joint)) if joint else None

    def match(self, text: str, pos: int = 0) -> Match | None:
        """The alternation's match at ``pos``: its first branch that matches there."""
        for branch in self._branches:
            m = branch.match(text, pos)
            if m is not None:
                return m
        return None

    def finditer(self, text: str) -> list[Match]:
        """The matches of the whole alternation, left to right, none overlapping.

        The branches the text can feed each keep their next match; the leftmost of those
        (the lowest branch on a tie) is the alternation's, and a branch searches again only
        once the scan has passed its match.
        """
        # the joint branches' union: none of them matches before its first match
        joint = self._joint.search(text) if self._joint is not None else None
        live: list[Pattern] = []
        ahead: list[Match | None] = []
        gated = self._gated if _DIGIT.search(text) is not None else self._no_digit
        for branch, _, needs, in_joint in gated:
            if needs:  # a loop, not any(): no generator per branch and text
                for word in needs:
                    if word in text:
                        break
                else:
                    continue
            if not in_joint:
                m = branch.search(text)
            elif joint is not None:
                m = branch.search(text, joint.start())
            else:
                continue
            if m is not None:
                live.append(branch)
                ahead.append(m)
        if not ahead:
            return []
        if len(ahead) == 1:  # one branch alone: its own matches, one after the other
            first = ahead[0]
            assert first is not None
            return [first, *live[0].finditer(text, first.end())]
        # two engines' matches: one merge (the union of both match types is no single type)
        searches: list[Callable[[str, int], Any]] = [b.search for b in live]
        return list(leftmost(cast("list[Any]", ahead), searches, text))


NOT_AFTER_HANGUL = "(?<![가-힣].)"
"""Written right after a word's first character: no Hangul syllable before the word. The same
test as a ``(?<![가-힣])`` before the word, but with a character first the standard engine
skips straight to the characters words start with instead of trying every position."""


def longest_first(words: Iterable[str]) -> list[str]:
    """Each word once, longest first, then in code point order (a fixed order every process)."""
    return sorted(set(words), key=lambda w: (-len(w), w))


def literal(word: str) -> str:
    """``word`` as a pattern where each space may be left out (as ``date_numbers.alternation``)."""
    return regex.escape(word).replace(r"\ ", " ").replace(" ", r"\x20?")


def first_groups(alternatives: Iterable[tuple[str, str]], after_first: str = "") -> list[str]:
    """One pattern per first character of the (literal word, pattern after it) pairs: the
    words that share it, in the order given, under it once (``지(?:난해|난달)``), and
    ``after_first`` right after it (``NOT_AFTER_HANGUL``)."""
    groups: dict[str, list[str]] = {}
    for word, after in alternatives:
        groups.setdefault(word[0], []).append(literal(word[1:]) + after)
    return [f"{regex.escape(c)}{after_first}(?:{'|'.join(rest)})" for c, rest in groups.items()]


def grouped(alternatives: Iterable[tuple[str, str]], after_first: str = "") -> str:
    """``w1s1|w2s2|…`` written as ``first_groups``: the same matches in the same order, since
    at one position only the words of one first character can match."""
    return "|".join(first_groups(alternatives, after_first))


def ordered(words: Iterable[str]) -> list[tuple[str, str]]:
    """Literal words as (word, nothing after it) pairs, longest first (the order of
    ``date_numbers.alternation``)."""
    return [(w, "") for w in longest_first(words)]


def grouped_words(words: Iterable[str], after_first: str = "") -> str:
    """``grouped`` of literal words, longest first."""
    return grouped(ordered(words), after_first)


def joint(alternatives: Iterable[tuple[str, str]], after_first: str = "", then: str = "") -> str:
    """The ``Branch.joint`` of a branch of ``grouped`` words followed by ``then`` (what must
    follow them; an optional part may be left out): one alternative per first character, so
    that joined with other branches' the standard engine still skips to those characters."""
    return "|".join(g + then for g in first_groups(alternatives, after_first))
