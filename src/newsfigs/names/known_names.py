"""Names known before reading: the caller's names, kiwipiepy's WikiData nouns and the
package's list of well-known organizations, found word by word (``find_names`` step 2).

A name of several words is looked up only at a word that starts one (``wikidata_firsts``), so
most words cost one dict look-up.
"""

from __future__ import annotations

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import NameCandidate, OrgCandidate, org_category
from newsfigs.core.resources import resource
from newsfigs.names import organizations as orgs
from newsfigs.names import people
from newsfigs.names.gazetteer import Known, NameTables, name_tables, wikidata, wikidata_firsts
from newsfigs.names.words import PARTICLES, Word, joined_run


class Lookup:
    """User names first, then the WikiData gazetteer (one dict lookup each)."""

    def __init__(self, a: Analysed) -> None:
        self.user = a.user_entities
        self.wd = wikidata()
        self.firsts = wikidata_firsts()
        spaced = [k.split(" ") for k in self.user if " " in k]
        if spaced:
            self.firsts = dict(self.firsts)
            for parts in spaced:
                width = min(len(parts), 4)
                self.firsts[parts[0]] = max(self.firsts.get(parts[0], 0), width)

    def __call__(self, key: str) -> Known | None:
        label = self.user.get(key)
        if label is not None:
            return (label, None, key)
        return self.wd.get(key)


def gazetteer_hits(
    text: str, words: list[Word], lookup: Lookup, lex: NameTables
) -> list[NameCandidate]:
    """Multi-word WikiData and user names, and single-word user and well-known names."""
    out: list[NameCandidate] = []
    firsts = lookup.firsts
    user = lookup.user
    known = lex.organizations
    spaced_firsts = orgs.spaced_known()
    heads = _known_heads()
    for i, w in enumerate(words):
        stem = w.stem
        if not stem:
            continue
        # this word and the joined words after it, up to the widest name it starts
        for k in range(joined_run(words, i, firsts.get(stem, 1)), 1, -1):
            j = i + k - 1
            hit = lookup(" ".join(x.stem for x in words[i : j + 1]))
            if hit is None:
                continue
            by_user = hit[2] in user
            if hit[0] == "person":
                out.append(people.person(words, i, j, hit[2], "user" if by_user else "wikidata"))
            else:
                out.append(orgs.org(words, i, j, hit[1], "user" if by_user else "wikidata", hit[2]))
            break
        if stem in spaced_firsts:
            spaced = _spaced_known(words, i, lex)
            if spaced is not None:
                out.append(spaced)
                continue
        label = user.get(stem) if user else None
        if label == "person":
            out.append(people.person(words, i, i, stem, "user"))
        elif label is not None:
            out.append(orgs.org(words, i, i, None, "user"))
        elif stem in known and (w.proper or w.latin or len(stem) > 2):
            if orgs.in_address(words, i, lex):
                continue
            out.append(orgs.placed(text, words, i, known[stem], "known", lex))
        elif text[w.start : w.start + 2] in heads and w.end - w.start > max(len(stem), 2):
            cut = _known_word(text, w, lex)  # a longer written word that starts like a name
            if cut is not None:
                out.append(cut)
    return out


@resource
def _known_heads() -> frozenset[str]:
    """The first two characters of every well-known organization's name.

    ``_known_word`` reads a written word longer than its stem; most such words start unlike
    any listed name, and this one look-up spares them the call."""
    return frozenset(name[:2] for name in name_tables().organizations)


def _spaced_known(words: list[Word], i: int, lex: NameTables) -> OrgCandidate | None:
    """``레알 마드리드``, ``포항 스틸러스``: a well-known name of several words, as listed."""
    width = orgs.spaced_known().get(words[i].stem)
    if width is None:
        return None
    for k in range(min(width, len(words) - i), 1, -1):
        j = i + k - 1
        if not all(words[x].joined for x in range(i + 1, j + 1)):
            continue
        name = " ".join(x.stem for x in words[i : j + 1])
        category = lex.organizations.get(name)
        if category is not None:
            return orgs.org(words, i, j, category, "known", name)
    return None


def _known_word(text: str, w: Word, lex: NameTables) -> OrgCandidate | None:
    """``KB손보는``: a well-known name written as the whole word (a particle may follow) that
    kiwipiepy cut elsewhere (``KB``/SL + ``손보``/VV): the written word is the name."""
    if w.end - w.start <= max(w.stem_end - w.start, 2):
        return None  # every candidate would be no longer than the stem (the caller checks)
    word = text[w.start : w.end]
    for n in (0, 1, 2):
        name = word[: len(word) - n] if n else word
        if len(name) <= max(len(w.stem), 2) or name not in lex.organizations:
            continue
        if n and word[-n:] not in PARTICLES:
            continue
        category = org_category(lex.organizations[name])
        return OrgCandidate(
            start=w.start, end=w.start + len(name), source="known", name=name, category=category
        )
    return None
