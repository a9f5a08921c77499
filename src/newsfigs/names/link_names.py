"""Linking person and organization mentions into document entities.

Mentions that name the same thing become one entity: the same canonical name, an alias
defined in parentheses (``에너지정보청(EIA)``, ``에너테크인터내셔널(이하 에너테크)``), a
later repeat of a name or alias, and a family name alone after the full name
(``리하체프 CEO`` after ``알렉세이 리하체프``; ``박 대통령`` after ``박근혜 대통령`` when the
document names only one 박). Titles, affiliations and categories are taken from the most
reliable mention that has one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import cast, get_args

from newsfigs.core.analyzer import Analysed
from newsfigs.core.arbitration import source_rank
from newsfigs.core.candidates import NameCandidate, PersonCandidate
from newsfigs.models import Mention, Organization, OrgCategory, Person
from newsfigs.names.institutions import is_generic


@dataclass
class _Group:
    """Mentions gathered for one entity, with the best field values seen so far."""

    name: str
    label: str
    rank: int
    mentions: list[tuple[int, int]] = field(default_factory=list)
    fields: dict[str, tuple[int, str]] = field(default_factory=dict)  # key → (rank, value)
    aliases: list[str] = field(default_factory=list)
    anonymized: bool = False  # a mention is 김모: a person the article does not name

    def take(self, c: NameCandidate, rank: int) -> None:
        self.mentions.append((c.start, c.end))
        if len(c.name) == 1 and c.end - c.start > 1:
            self.anonymized = True
        found = (
            {"title": c.title, "affiliation": c.affiliation}
            if isinstance(c, PersonCandidate)
            else {"category": c.category}
        )
        for key, value in found.items():
            if value and (key not in self.fields or rank < self.fields[key][0]):
                self.fields[key] = (rank, value)
        name = c.name
        if name and name != self.name and name not in self.aliases:
            self.aliases.append(name)


def _groups(candidates: list[NameCandidate], label: str) -> dict[str, _Group]:
    groups: dict[str, _Group] = {}
    alias_of: dict[str, str] = {}
    for c in candidates:
        if c.label == label and c.alias_of:
            alias_of.setdefault(c.name, c.alias_of)
    for c in candidates:
        if c.label != label:
            continue
        key = c.alias_of or c.name
        seen = {key}
        while key in alias_of and alias_of[key] not in seen:  # an alias of an alias
            key = alias_of[key]
            seen.add(key)
        rank = source_rank(c)
        g = groups.get(key)
        if g is None:
            g = groups[key] = _Group(key, label, rank)
        g.rank = min(g.rank, rank)
        g.take(c, rank)
    return groups


def _merge_short_names(groups: dict[str, _Group]) -> None:
    """Fold a lone family name into the one full name of the document that it ends or starts.

    The full names are indexed once (Korean ones by first syllable, spaced ones by last word),
    so a list of thousands of distinct people is linked in linear time, not by comparing every
    name with every other; the candidates of a name are those the full scan would find, in the
    same order.
    """
    by_first: dict[str, list[_Group]] = {}  # 박XX by 박 (2 to 4 syllables, no space)
    by_last: dict[str, list[_Group]] = {}  # 알렉세이 리하체프 by 리하체프
    for t in groups.values():
        if len(t.name) <= 1:
            continue
        if " " in t.name:
            by_last.setdefault(t.name.rsplit(" ", 1)[1], []).append(t)
        elif len(t.name) <= 4:
            by_first.setdefault(t.name[0], []).append(t)
    for key in list(groups):
        g = groups[key]
        if " " in g.name or g.anonymized:
            continue  # 김모 is nobody named: never the article's one 김 full name
        # Korean surname alone: 박 (씨, 대통령) → the one 박XX;
        # foreign family name: 리하체프 → 알렉세이 리하체프
        targets = (by_first if len(g.name) == 1 else by_last).get(g.name, [])
        if len(targets) != 1 or targets[0] is g:
            continue
        target = targets[0]
        target.mentions.extend(g.mentions)
        for k, v in g.fields.items():
            if k not in target.fields or v[0] < target.fields[k][0]:
                target.fields[k] = v
        for alias in [g.name, *g.aliases]:
            if alias != target.name and alias not in target.aliases:
                target.aliases.append(alias)
        del groups[key]


def _mentions(g: _Group, a: Analysed) -> list[Mention]:
    out: list[Mention] = []
    for s, e in sorted(set(g.mentions)):
        start, end = a.norm.to_original(s, e)
        out.append(Mention(start=start, end=end, text=a.norm.original[start:end]))
    return out


_CATEGORIES = frozenset(get_args(OrgCategory))


def _category(value: str | None) -> OrgCategory | None:
    """A category the model accepts; anything else (a rule's internal mark) is no category.

    A department suffix once leaked its internal category ``unit`` here and every document
    naming a 팀 or 센터 failed validation; a wrong category must never cost the document.
    """
    return cast(OrgCategory, value) if value in _CATEGORIES else None


def link(candidates: list[NameCandidate], a: Analysed) -> tuple[list[Person], list[Organization]]:
    """Group mention candidates into people and organizations (in order of first mention)."""
    ordered = sorted(candidates, key=lambda c: (c.start, c.end))
    person_groups = _groups(ordered, "person")
    _merge_short_names(person_groups)
    org_groups = _groups(ordered, "organization")
    people = [
        Person(
            name=g.name,
            aliases=g.aliases,
            mentions=_mentions(g, a),
            title=g.fields["title"][1] if "title" in g.fields else None,
            affiliation=g.fields["affiliation"][1] if "affiliation" in g.fields else None,
        )
        for g in sorted(person_groups.values(), key=lambda g: min(g.mentions))
    ]
    organizations = [
        Organization(
            name=g.name,
            aliases=g.aliases,
            mentions=_mentions(g, a),
            category=_category(g.fields["category"][1] if "category" in g.fields else None),
            generic=is_generic(g.name),
        )
        for g in sorted(org_groups.values(), key=lambda g: min(g.mentions))
    ]
    return people, organizations
