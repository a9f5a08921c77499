"""Mentions that repeat a name found elsewhere: aliases in parentheses right after a name
(``(EIA)``, ``(이하 에너테크)``, ``FAA(미국 연방항공청)``) and every later occurrence of a
name or alias found so far (``로사톰은``, ``리하체프 CEO``) — ``find_names`` steps 4 and 5.
"""

from __future__ import annotations

import dataclasses

import regex

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import NameCandidate, OrgCandidate, PersonCandidate
from newsfigs.names.words import PARTICLES, Word, joined_run

_ALIAS = regex.compile(
    r"\((?:이하\s?+['\"‘“]?+(?P<defined>[^()'\"‘“’”\n]{1,20}?)['\"’”]?+"
    r"|(?P<latin>[A-Za-z][A-Za-z0-9&.'\-]{0,30}+(?: [A-Za-z0-9&.'\-]{1,20}+){0,5}+))\)"
)
_LATIN_HEAD = regex.compile(r"[A-Za-z]")


_LATIN_BEFORE_PAREN = regex.compile(r"(?<![A-Za-z0-9&.\-])[A-Z][A-Za-z0-9&.\-]{1,11}+\($")


def aliases(a: Analysed, cands: list[NameCandidate]) -> list[NameCandidate]:
    """``(EIA)``, ``(Renera)``, ``(이하 에너테크)`` right after a mention: alias mentions.

    The other way round too: ``FAA(미국 연방항공청)``, a Latin name written before the
    organization in parentheses, is an alias of it."""
    text = a.text
    out: list[NameCandidate] = []
    for c in cands:
        before = _alias_before(text, c)
        if before is not None:
            out.append(before)
        m = _ALIAS.match(text, c.end)
        if m is None:
            continue
        group = "defined" if m.group("defined") else "latin"
        start = m.start(group)
        alias = m.group(group).strip()
        if not alias or alias == c.name:
            continue
        if group == "latin" and c.label == "person" and not _person_latin(alias):
            continue
        out.append(
            dataclasses.replace(
                c, start=start, end=start + len(alias), name=alias, alias_of=c.name, source="alias"
            )
        )
    return out


def _person_latin(alias: str) -> bool:
    """``(Emin Askerov)``, ``(Tim)``: a person's Latin name is capitalized and has lowercase
    letters. Capitals alone after a person (``이강인(PSG)``, ``(XYZ)``) are a club, a company
    or a country code far more often than the person's name: no alias, as no alias is better
    than a person merged with an organization at its every later mention."""
    return alias[:1].isupper() and any(ch.islower() for ch in alias)


def _alias_before(text: str, c: NameCandidate) -> NameCandidate | None:
    """``FAA`` of ``FAA(미국 연방항공청)``: a Latin name right before an organization that
    fills a parenthesis is an alias of it."""
    if not isinstance(c, OrgCandidate) or text[c.start - 1 : c.start] != "(":
        return None
    if text[c.end : c.end + 1] != ")":
        return None
    m = _LATIN_BEFORE_PAREN.search(text, max(0, c.start - 14), c.start)
    if m is None:
        return None
    alias = m.group()[:-1]
    end = m.start() + len(alias)
    return dataclasses.replace(
        c, start=m.start(), end=end, name=alias, alias_of=c.name, source="alias"
    )


def repeated(a: Analysed, words: list[Word], cands: list[NameCandidate]) -> list[NameCandidate]:
    """Every other occurrence of a name or alias found so far (with a glued particle too)."""
    known: dict[str, tuple[bool, str]] = {}  # surface → (is a person, canonical)
    for c in cands:
        name = c.name
        canonical = c.alias_of or name
        surface = a.text[c.start : c.end]
        for s in (surface, name):
            if len(s) >= 2 or _LATIN_HEAD.match(s):
                known.setdefault(s, (isinstance(c, PersonCandidate), canonical))
        if isinstance(c, PersonCandidate) and " " in name and c.source != "alias":
            last = name.rsplit(" ", 1)[1]
            if len(last) >= 2:
                known.setdefault(last, (True, canonical))
    if not known:
        return []
    firsts = {s.split(" ", 1)[0]: s.count(" ") + 1 for s in known}
    heads = {s[:2] for s in known}  # a word with a particle is read only if it starts so
    out: list[NameCandidate] = []
    text = a.text
    for i, w in enumerate(words):
        stem = w.stem
        if not stem:
            continue
        span = w.stem_end - w.start
        # this word and the joined words after it, up to the widest name it starts
        for k in range(joined_run(words, i, firsts.get(stem, 1)), 1, -1):
            j = i + k - 1
            key = " ".join(x.stem for x in words[i : j + 1])
            if key in known:
                is_person, canonical = known[key]
                out.append(_repeat(is_person, w.start, words[j].stem_end, key, canonical))
                break
        hit = known.get(stem)
        if (
            hit is None
            and w.end - w.start > 2
            and (text[w.start : w.start + 2] in heads or text[w.start] in heads)
        ):
            word = text[w.start : w.end]
            for s in (word[:-2], word[:-1]):
                if s in known and word[len(s) :] in PARTICLES:
                    hit, span = known[s], len(s)
                    break
        if hit is not None:
            name = text[w.start : w.start + span]
            out.append(_repeat(hit[0], w.start, w.start + span, name, hit[1]))
    return out


def _repeat(is_person: bool, start: int, end: int, name: str, canonical: str) -> NameCandidate:
    """A later occurrence of a name found elsewhere in the document."""
    if is_person:
        return PersonCandidate(start=start, end=end, source="repeat", name=name, alias_of=canonical)
    return OrgCandidate(start=start, end=end, source="repeat", name=name, alias_of=canonical)
