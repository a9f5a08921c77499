"""People and organizations: the rules of ``people``, ``organizations`` and ``bylines`` in order.

1. bylines (fixed shapes on the characters);
2. organizations (user names, well-known names, WikiData, suffixes, cue nouns, frames,
   legal-form marks ``(주)``), then departments written after them (``서울중앙지검 형사1부``);
3. people (titles with affiliations, honorifics, ages, Latin originals, cast notes ``(X 분)``,
   WikiData, user names);
4. aliases defined in parentheses right after a mention (``(EIA)``, ``(이하 에너테크)``);
5. every later occurrence of a name found so far (``로사톰은``, ``리하체프 CEO``, ``GIC·QIA``).

All spans are in normalized coordinates; ``newsfigs.names.link_names.link`` groups them.
"""

from __future__ import annotations

import dataclasses

from newsfigs.core.analyzer import Analysed
from newsfigs.core.arbitration import priority, source_rank
from newsfigs.core.candidates import NameCandidate, OrgCandidate, PersonCandidate, PersonSource
from newsfigs.names import (
    abbreviations,
    affiliations,
    bare_names,
    buildings,
    bylines,
    context_names,
    departments,
    glued_titles,
    hanja_names,
    institutions,
    list_names,
    mentions,
    misread_names,
    org_cues,
    org_shapes,
    paren_names,
    people,
    role_names,
    surname_links,
    title_names,
    trade_names,
    well_known,
)
from newsfigs.names import organizations as orgs
from newsfigs.names.corp_marks import corp_marks
from newsfigs.names.gazetteer import (
    NameTables,
    name_tables,
    person_surnames,
)
from newsfigs.names.known_names import Lookup, gazetteer_hits
from newsfigs.names.words import Word, segment

_ONE_PROPER = ("NNP",)
_ONE_COMMON = ("NNG",)


def _organizations(a: Analysed, words: list[Word], lex: NameTables) -> list[OrgCandidate]:
    """The per-word organization rules, each called only when its cheapest condition holds.

    Most words end in no suffix, hold one morpheme and are no proper noun: checked here
    once per word, they skip the calls (the rules check their full conditions themselves).
    """
    out: list[OrgCandidate] = []
    text = a.text
    suffix_finals = lex.suffix_finals
    cue_finals = lex.cue_finals
    short_forms = abbreviations.abbreviations()
    paren = "(" in text  # most sentences hold none: the per-word look after the stem is skipped
    for i, w in enumerate(words):
        stem = w.stem
        if not stem:
            continue
        last = stem[-1]
        tags = w.tags
        if last in suffix_finals:  # most words end in no suffix's last character
            c = orgs.by_suffix(text, words, i, lex)
            if c is not None:
                out.append(c)
        one_proper = w.hangul and tags == _ONE_PROPER  # school and by_trade need it
        shaped = org_shapes.school(text, words, i, lex) if one_proper else None
        if shaped is None and len(tags) > 1:
            shaped = org_shapes.known_glued(words, i, lex)
        if shaped is None and len(stem) == 2 and tags == _ONE_COMMON and stem in short_forms:
            shaped = org_shapes.short_form(words, i, lex)
        if shaped is None and stem.endswith(org_shapes._NATIONAL_TEAM):
            shaped = org_shapes.national_team(words, i, lex)
        if shaped is None and paren and not w.particle and text[w.stem_end : w.stem_end + 1] == "(":
            shaped = org_shapes.before_acronym(
                text, words, i, lex
            ) or org_shapes.before_business_note(text, words, i, lex)
        if shaped is None and stem[:2] == "FC":
            shaped = org_shapes.club_after_fc(words, i, lex)
        if shaped is None and one_proper:
            shaped = trade_names.by_trade(text, words, i, lex)
        if shaped is not None:
            out.append(shaped)
        if last in cue_finals:
            cue = org_cues.by_cue_before(text, words, i, lex)
            if cue is not None:
                out.append(orgs.org(words, cue[0], cue[1], cue[2], "cue"))
        if (
            (w.proper or w.latin)
            and org_cues.proper_name(w, lex)
            and org_cues.by_cue_after(text, words, i, lex)
            and not people.korean_name(stem, lex)
            and stem not in person_surnames()
            and not orgs.titled(stem, lex)
        ):
            out.append(orgs.org(words, i, i, None, "frame"))
    return out


def _people(
    a: Analysed, words: list[Word], lex: NameTables, org_cands: list[OrgCandidate], lookup: Lookup
) -> list[NameCandidate]:
    text = a.text
    org_names = {c.name for c in org_cands}
    ends: _Ends | None = None  # built when a rule first needs it: most sentences never do
    surnames_of = person_surnames()
    out: list[NameCandidate] = [*people.by_cast(text)]
    latin_end: dict[int, tuple[int, str]] = {}
    for i, w in enumerate(words if "(" in text else ()):
        # a Latin original opens with a parenthesis right after the stem: most words skip
        lat = people.latin_original(text, w) if text[w.stem_end : w.stem_end + 1] == "(" else None
        if lat is not None and lat[1] >= 2:
            for c in _latin_person(words, i, lat, lex, org_names):
                ends = ends or _org_ends(text, words, org_cands, org_names)
                first = ends[0][c.start]
                latin_end[i] = (first, c.name)
                quoted = orgs.OPEN_QUOTES.intersection(words[first].gap)
                if not quoted and all(x.proper for x in words[first : i + 1]):
                    out.append(c)
    titles = lex.titles
    roles = role_names.role_words()
    role_ends = role_names.role_finals()
    obituary = list_names.obituary_words()
    known_alone = well_known.well_known_people()
    known_firsts = well_known.well_known_full_names()
    known_orgs = lex.organizations
    paren = "(" in text
    for i, w in enumerate(words):
        stem = w.stem
        if not stem:
            continue
        kind = titles.get(stem)
        if kind in ("title", "weak"):
            ends = ends or _org_ends(text, words, org_cands, org_names)
            org_end = ends[1]
            out.extend(
                affiliations.at_title(
                    a, words, i, lex, org_names, org_end, latin_end, lookup, surnames_of
                )
            )
            misread = misread_names.before_title(
                a, words, i, lex, org_end
            ) or title_names.lone_name_before_title(text, words, i, lex, org_names)
            misread = misread or title_names.name_after_glued_word(a, words, i, lex)
            if misread is not None:
                out.append(misread)
            hanja = hanja_names.by_hanja_surname(text, words, i, lex)
            if hanja is not None:
                out.append(hanja)
            r = role_names.by_role(text, words, i, lex, org_names)
            if r is not None:
                out.append(r)
        elif stem[-1] in role_ends and role_names.is_role(stem, roles):
            r = role_names.by_role(text, words, i, lex, org_names)
            if r is not None:
                out.append(r)
        elif stem in known_orgs:
            r = list_names.member_of_group(text, words, i, lex, org_names)
            if r is not None:
                out.append(r)
        elif stem in obituary:
            out.extend(list_names.before_obituary(text, words, i, lex))
        if (
            kind is None
            and w.joined
            and w.hangul
            and words[i - 1].hangul
            and _title_end(stem, titles)
        ):
            g = glued_titles.before_glued_title(words, i, lex, org_names, lookup, surnames_of)
            if g is not None:
                out.append(g)
        # Each rule below needs a cue its guard checks first (an honorific, a capital letter,
        # kiwipiepy's proper noun): most words are none of these, and skip the calls.
        if kind == "honorific" or titles.get(stem[-1]) == "honorific":
            h = people.by_honorific(a, words, i, lex)
            if h is not None:
                out.append(h)
        if "A" <= stem[0] <= "Z":
            t = people.by_letter(a, words, i, lex)
            if t is not None:
                out.append(t)
        if not w.hangul:
            if w.proper and "-" in stem:  # hyphen_pair's own first test
                for at, part in bare_names.hyphen_pair(w, lex):
                    out.append(PersonCandidate(start=at, end=at + 3, source="bare", name=part))
            continue
        if paren and text[w.stem_end : w.stem_end + 1] == "(":
            p = paren_names.before_parenthesis(text, words, i, lex, org_names)
            if p is not None:
                out.append(p)
        if w.proper and (  # both read one proper noun
            bare_names.glued_particle_name(text, words, i, lex)
            or bare_names.name_glued_to_noun(a, words, i, lex)
        ):
            out.append(
                PersonCandidate(start=w.start, end=w.start + 3, source="bare", name=stem[:3])
            )
            continue
        if stem in known_alone or stem in known_firsts:
            k = well_known.by_well_known(text, words, i)
            if k is not None:
                out.append(k)
        if not w.proper:
            continue
        t = glued_titles.name_glued_to_title(a, w, lex) or people.by_glued_title(a, w, lex)
        if t is not None:
            out.append(t)
        g = people.by_age(a, w, lex)
        if g is not None:
            out.append(g)
        elif bare_names.bare_korean_name(text, words, i, lex):
            out.append(people.person(words, i, i, stem, "bare"))
        elif bare_names.called_name(text, words, i, lex):
            out.append(people.person(words, i, i, stem[:2], "called"))
        elif bare_names.given_name_alone(text, words, i, lex, org_names):
            out.append(people.person(words, i, i, stem, "given"))
        elif w.particle:  # both rules below read the particle
            first = context_names.speaker_before_quote(text, words, i, lex, org_names)
            source: PersonSource = "speaker"
            if first < 0:
                first = context_names.addressee(text, words, i, lex, org_names)
                source = "addressee"
            if first >= 0:
                name = " ".join(x.stem for x in words[first : i + 1])
                out.append(people.person(words, first, i, name, source))
    return out


def _title_end(stem: str, titles: dict[str, str]) -> bool:
    """Whether ``stem`` may end in a title glued to its organization: the cheapest condition
    of ``glued_titles.before_glued_title`` (its ``_glued_title`` reads a title of kind
    ``title``, two or three characters, after at least two more), tested before the call."""
    n = len(stem)
    return (n >= 4 and titles.get(stem[-2:]) == "title") or (
        n >= 5 and titles.get(stem[-3:]) == "title"
    )


_Ends = tuple[dict[int, int], dict[int, tuple[int, str]]]


def _org_ends(
    text: str, words: list[Word], org_cands: list[OrgCandidate], org_names: set[str]
) -> _Ends:
    """Word index at each word start, and the organization ending at each word: last word →
    (first word, name as written). Needed only by the rules at a title or a Latin original."""
    first_at: dict[int, int] = {}
    org_end: dict[int, tuple[int, str]] = {}
    end_at: dict[int, int] = {}
    for i, w in enumerate(words):
        first_at[w.start] = i
        if w.stem:
            end_at[w.stem_end] = i
            if w.stem in org_names:
                org_end[i] = (i, w.stem)
    for o in sorted(org_cands, key=lambda o: o.start - o.end):
        last = end_at.get(o.end)
        if last is not None and o.start in first_at:
            org_end.setdefault(last, (first_at[o.start], text[o.start : o.end]))
    return first_at, org_end


def _latin_person(
    words: list[Word], i: int, lat: tuple[str, int], lex: NameTables, org_names: set[str]
) -> list[PersonCandidate]:
    """``에민 아스케로브(Emin Askerov)``: as many Hangul words as Latin ones → a person."""
    latin, n = lat
    first = i - n + 1
    if first < 0 or any(not words[x].joined for x in range(first + 1, i + 1)):
        return []
    part = words[first : i + 1]
    for x in part:
        s = x.stem
        if not x.hangul or s in lex.places or s in lex.titles or s in lex.cues_before:
            return []
        if s in lex.organizations or s in org_names:
            return []
    if any(word in lex.suffixes for word in latin.split()):
        return []
    name = " ".join(x.stem for x in part)
    if name.replace(" ", "") in lex.organizations:
        return []
    return [people.person(words, first, i, name, "latin")]


def recognize(a: Analysed) -> list[NameCandidate]:
    """Person and organization mention candidates of ``a``."""
    if not a.tokens:
        return []
    lex = name_tables()
    lookup = Lookup(a)
    words = segment(a)
    found = bylines.recognize(a, lex)
    found += gazetteer_hits(a.text, words, lookup, lex)
    found += _organizations(a, words, lex)
    found += corp_marks(a.text, words)
    found += institutions.recognize(a.text, words, lex)
    org_cands = [c for c in found if isinstance(c, OrgCandidate)]
    if org_cands:  # a department extends a parent found before it
        found += departments.sub_units(a, words, org_cands, lex)
        org_cands = [c for c in found if isinstance(c, OrgCandidate)]
    found += _people(a, words, lex, org_cands, lookup)
    found = affiliations.in_parentheses(a.text, found)
    found = affiliations.subject_before(a.text, found)
    found += list_names.listed_beside(a.text, words, found, lex, {c.name for c in org_cands})
    found = title_names.shared_title(a.text, found)
    found += mentions.aliases(a, found)
    found = abbreviations.link_short_forms(found)
    found += mentions.repeated(a, words, found)
    found += surname_links.surnames_in_context(words, found, lex)
    found = surname_links.link_surnames(a.text, found)
    found = buildings.drop_venues(words, found)
    return _merge_same_span(found)


def _merge_same_span(cands: list[NameCandidate]) -> list[NameCandidate]:
    """One candidate per span and label: the strongest rule's fields, gaps filled by others.

    Overlap resolution keeps one candidate per span, so what the others know (the alias
    link of ``(GIC)``, a category) must be folded in first. The strongest is the surer source
    (``core.arbitration.SOURCE_RANK``) or the higher priority; an alias link always joins.
    """
    best: dict[tuple[int, int, str], NameCandidate] = {}
    merged: dict[tuple[int, int, str], NameCandidate] = {}
    for c in cands:
        key = (c.start, c.end, c.label)
        old = best.get(key)
        if old is None:
            best[key] = merged[key] = c
            continue
        if source_rank(c) < source_rank(old) or priority(c) > priority(old):
            best[key] = c
            m = _fill(c, merged[key])
        else:
            m = _fill(merged[key], c)
        if c.source == "alias":
            m = dataclasses.replace(m, alias_of=c.alias_of)
        merged[key] = m
    return list(merged.values())


def _fill(strong: NameCandidate, weak: NameCandidate) -> NameCandidate:
    """``strong`` with its empty fields taken from ``weak`` (same span and label)."""
    gaps = {
        name: value
        for name in _FIELD_NAMES[type(strong)]
        if getattr(strong, name) is None and (value := getattr(weak, name)) is not None
    }
    return dataclasses.replace(strong, **gaps) if gaps else strong


_FIELD_NAMES: dict[type, tuple[str, ...]] = {
    cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in (PersonCandidate, OrgCandidate)
}
"""The fields of each candidate class, read once at import (``dataclasses.fields`` is slow)."""
