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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

Pattern = re.Pattern[str] | regex.Pattern[str]
Match = re.Match[str] | regex.Match[str]

_DIGIT = regex.compile(r"\d")


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


class GatedScan:
    """``finditer`` and ``match`` of ``"|".join(branches)``, each branch searched alone and
    only in texts that hold what it needs (the same merge as ``core.scan.Alternation``)."""

    __slots__ = ("_branches", "_gated")

    def __init__(self, branches: Sequence[Branch]) -> None:
        self._branches: tuple[Pattern, ...] = tuple(
            re.compile(b.pattern) if b.stdlib else regex.compile(b.pattern) for b in branches
        )
        self._gated = tuple(
            (p, b.digit, b.needs) for p, b in zip(self._branches, branches, strict=True)
        )

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
        digit = _DIGIT.search(text) is not None
        live: list[Pattern] = []
        ahead: list[Match | None] = []
        for branch, needs_digit, needs in self._gated:
            if needs_digit and not digit:
                continue
            if needs:  # a loop, not any(): no generator per branch and text
                for word in needs:
                    if word in text:
                        break
                else:
                    continue
            m = branch.search(text)
            if m is not None:
                live.append(branch)
                ahead.append(m)
        if len(ahead) < 2:  # one branch alone: its own matches, one after the other
            return [m for m in ahead if m is not None] + (
                list(live[0].finditer(text, ahead[0].end())) if ahead and ahead[0] else []
            )
        out: list[Match] = []
        pos, n = 0, len(text) + 1
        while True:
            best: Match | None = None
            best_start = n
            for k, m in enumerate(ahead):
                if m is None:
                    continue
                start = m.start()
                if start < pos:
                    m = ahead[k] = live[k].search(text, pos)
                    if m is None:
                        continue
                    start = m.start()
                if start < best_start:  # strictly: on a tie the lower branch stays
                    best, best_start = m, start
            if best is None:
                return out
            out.append(best)
            pos = max(best.end(), best_start + 1)


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


def grouped(alternatives: Iterable[tuple[str, str]], after_first: str = "") -> str:
    """``w1s1|w2s2|…`` for (literal word, pattern after it) pairs, in the order given, with the
    words that share a first character under it once (``지(?:난해|난달)``): the same matches in
    the same order, since at one position only the words of one first character can match.
    ``after_first`` is put right after each first character (``NOT_AFTER_HANGUL``)."""
    groups: dict[str, list[str]] = {}
    for word, after in alternatives:
        groups.setdefault(word[0], []).append(literal(word[1:]) + after)
    return "|".join(
        f"{regex.escape(first)}{after_first}(?:{'|'.join(rest)})" for first, rest in groups.items()
    )


def grouped_words(words: Iterable[str], after_first: str = "") -> str:
    """``grouped`` of literal words, longest first (the order of ``date_numbers.alternation``)."""
    return grouped(((w, "") for w in longest_first(words)), after_first)
