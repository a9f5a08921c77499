"""One organization, one entity: short forms and full names (``공정위`` ↔ ``공정거래위원회``).

Korean news shortens organization names by taking syllables of the full name in order: the
first syllable of (most of) its words and a syllable of the institution word (``공정`` +
``위`` of 공정거래위원회, ``과기정통부``, ``현대차``, ``KB손보``). Two sources decide that a
short form names the same organization as a full name:

* ``data/names/abbreviations.tsv``: common abbreviations and their full names; when only the
  short form appears, the full name of the table is the canonical name;
* the general rule ``abbreviates``, for an article that writes both forms: the short form's
  syllables are taken in order from the full name, starting with its first syllable, the
  last from its institution word; a short form that is the full name's beginning must end
  inside its suffix word (``금융위`` of 금융위원회, but ``삼성`` is not ``삼성전자``, ``서울대``
  not ``서울대병원``). The table is asked first: ``방통위`` is 방송통신위원회 even where the
  article also names 방송통신심의위원회, which the rule alone would accept.
"""

from __future__ import annotations

import dataclasses

from newsfigs.core.candidates import NameCandidate, OrgCandidate
from newsfigs.core.resources import read_rows, resource
from newsfigs.names.gazetteer import name_tables


@resource
def abbreviations() -> dict[str, str]:
    """Short form → full name (``data/names/abbreviations.tsv``)."""
    return {row[0]: row[1] for row in read_rows("names/abbreviations.tsv")}


_INSTITUTION = 3
"""How far from its end the full name's institution word (위원회, 자동차, 회의소) reaches."""


def abbreviates(short: str, full: str) -> bool:
    """``short`` is a syllable abbreviation of ``full`` (``공정위``, ``공정거래위원회``)."""
    if len(short) < 2 or len(short) >= len(full) or short[0] != full[0] or " " in short:
        return False
    if full.startswith(short):  # 금융위 of 금융위원회: cut inside the institution word only
        lex = name_tables()
        return any(
            len(full) - n < len(short) and full[-n:] in lex.suffixes
            for n in lex.suffix_lengths
            if n < len(full)
        )
    k = 0
    for ch in short:
        k = full.find(ch, k) + 1
        if k == 0:
            return False
    return k > len(full) - _INSTITUTION  # the last syllable is of the institution word


def link_short_forms(cands: list[NameCandidate]) -> list[NameCandidate]:
    """Organization candidates with ``alias_of`` set on short forms to their full name.

    A full name written in the same article wins (``한전`` → ``한국전력`` when the article
    writes 한국전력); otherwise the table's full name. Candidates already linked (an alias
    in parentheses, a repeat) keep their link.
    """
    names = {c.name for c in cands if isinstance(c, OrgCandidate) and c.alias_of is None}
    if not names:
        return cands
    table = abbreviations()
    fulls = frozenset(table.values())
    target: dict[str, str] = {}
    for short in names:
        listed = table.get(short)
        if listed is not None and listed in names:
            target[short] = listed
            continue
        others = fulls if listed is not None else frozenset()  # 방송통신심의위원회 is 방심위
        written = [f for f in names if abbreviates(short, f) and f not in others]
        if len(written) == 1:
            target[short] = written[0]  # 한전 → 한국전력 when the article writes 한국전력
        elif listed is not None:
            target[short] = listed
    if not target:
        return cands
    return [
        dataclasses.replace(c, alias_of=target[c.name])
        if isinstance(c, OrgCandidate) and c.alias_of is None and c.name in target
        else c
        for c in cands
    ]
