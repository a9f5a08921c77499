"""A name written glued to its title: ``홍원영사무관은``, ``김시담이사는``, ``머코스키의원은``.

Older news and headlines often leave out the space between a name and its title. Kiwipiepy
must give the name as one proper noun at the start of the word and the title as the rest
(``김시담``/NNP + ``이사``/NNG), so ``이사장`` and ``정관장`` stay words. A Korean full name
of the bare-name shape takes any title (``이사``, ``검사``: the weak ones too); a family name
of WikiData's people or the well-known list (``옐친대통령``, ``아베총리``) only a title that is
no common noun. Any other proper noun was measured and left out: glued before a title it
names an organization or a place more often than a person (``창원지법``, ``계양구``,
``한일합섬``). The name must be nothing known (no place, organization, title or cue word),
and ``등`` after the title (``교수등이``) is no part of it.
"""

from __future__ import annotations

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import PersonCandidate
from newsfigs.names.gazetteer import NameTables, person_surnames
from newsfigs.names.people import full_name_shape
from newsfigs.names.well_known import well_known_people
from newsfigs.names.words import Word


def name_glued_to_title(a: Analysed, w: Word, lex: NameTables) -> PersonCandidate | None:
    """The person named by the proper noun that opens ``w`` when the rest of it is a title."""
    stem = w.stem
    if len(stem) < 4 or w.tags[:1] != ("NNP",) or stem in lex.titles:
        return None
    toks = a.tokens_in(w.start, w.stem_end)
    if len(toks) < 2 or toks[0].tag != "NNP" or toks[0].start != w.start:
        return None
    cut = toks[0].end - w.start
    name, title = stem[:cut], stem[cut:]
    if toks[-1].form == "등" and len(toks) > 2:
        title = title[:-1]  # 전상호교수등이: "and others"
    kind = lex.titles.get(title)
    if kind not in ("title", "weak") or len(name) < 2:
        return None
    if not all("가" <= ch <= "힣" for ch in name):
        return None
    if name in lex.places or name in lex.organizations or name in lex.titles:
        return None
    if name in lex.cues_before or name in lex.cues_after:
        return None
    if not full_name_shape(name, lex) and (
        kind != "title" or (name not in well_known_people() and name not in person_surnames())
    ):
        return None
    return PersonCandidate(start=w.start, end=w.start + cut, source="title", name=name, title=title)
