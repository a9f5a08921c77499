"""Names newsfigs knows before reading: its own word lists and kiwipiepy's WikiData nouns.

Two sources, both built once per process on first use:

* ``name_tables()`` — the package's data files (titles, surnames, places, well-known
  organizations, organization suffixes, cue nouns), a few hundred rows each.
* ``wikidata()`` — the multi-word proper nouns that ``kiwipiepy_model`` ships in
  ``multi.dict``, each tagged with its WikiData class (``# Q5`` = human). Only the classes
  whose bare hits proved precise on the development corpora are kept (see
  docs/entities.md); the file is read from the installed package, never copied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from newsfigs.core.resources import read_rows, read_words, resource

WIKIDATA_CLASSES: dict[str, tuple[str, str | None]] = {
    "Q5": ("person", None),  # human
    "Q4830453": ("organization", "company"),  # business
    "Q891723": ("organization", "company"),  # public company
    "Q6881511": ("organization", "company"),  # enterprise
    "Q43229": ("organization", None),  # organization
    "Q7278": ("organization", "party"),  # political party
    "Q3918": ("organization", "university"),  # university
}
"""WikiData classes read from ``multi.dict`` → (label, organization category)."""


Known = tuple[str, "str | None", str]
"""A gazetteer entry: (label "person" | "organization", organization category, canonical)."""


@dataclass(frozen=True)
class NameTables:
    """The package's entity word lists, indexed for O(1) lookups on the hot path."""

    titles: dict[str, str]  # title → kind (title, weak, honorific, modifier)
    surnames: dict[str, str]  # surname → "common" | "rare"
    places: frozenset[str]
    organizations: dict[str, str]  # well-known name → category
    suffixes: dict[str, tuple[str, bool]]  # suffix → (category, may stand as its own word)
    suffix_lengths: tuple[int, ...]  # longest first
    teams: frozenset[str]  # suffix words after a sponsor's name (두산 베어스)
    industries: frozenset[str]  # suffixes naming a trade (식품): a place before one is no name
    cues_before: dict[str, str]  # 'AI 기업 앤트로픽': cue noun → category
    suffix_finals: frozenset[str]  # last characters of suffixes: most words end in none
    cue_finals: frozenset[str]  # last characters of the cue nouns before a name
    cues_after: frozenset[str]  # '삼성 관계자': word after a name


@resource
def name_tables() -> NameTables:
    """The entity word lists (read once per process)."""
    titles = {row[0]: row[1] for row in read_rows("names/titles.tsv")}
    surnames = {row[0]: row[1] for row in read_rows("names/surnames.tsv")}
    suffix_rows = read_rows("names/org_suffixes.tsv")
    suffixes = {row[0]: (row[1], row[2] in ("bare", "team")) for row in suffix_rows}
    before: dict[str, str] = {}
    after: set[str] = set()
    for word, position, category in read_rows("names/entity_cues.tsv"):
        if position == "before":
            before[word] = category
        else:
            after.add(word)
    return NameTables(
        titles=titles,
        surnames=surnames,
        places=frozenset(read_words("names/places.txt")),
        organizations={row[0]: row[1] for row in read_rows("names/organizations.tsv")},
        suffixes=suffixes,
        suffix_lengths=tuple(sorted({len(s) for s in suffixes}, reverse=True)),
        teams=frozenset(row[0] for row in suffix_rows if row[2] == "team"),
        industries=frozenset(row[0] for row in suffix_rows if row[2] == "industry"),
        cues_before=before,
        suffix_finals=frozenset(k[-1] for k in suffixes),
        cue_finals=frozenset(k[-1] for k in before),
        cues_after=frozenset(after),
    )


def ends_with_suffix(stem: str, lex: NameTables, *, units: bool) -> bool:
    """``stem`` ends with an organization suffix (``연구소``); ``units``: departments too."""
    for n in lex.suffix_lengths:
        hit = lex.suffixes.get(stem[-n:]) if len(stem) > n else None
        if hit is not None and (units or hit[0] != "unit"):
            return True
    return False


def _multi_dict_path() -> Path | None:
    try:
        import kiwipiepy_model
    except ImportError:  # pragma: no cover - kiwipiepy always brings it
        return None
    path = Path(kiwipiepy_model.get_model_path()) / "multi.dict"
    return path if path.is_file() else None


# Stdlib ``re`` here (not ``regex``): on the 12 MB file it is twice as fast, and the pattern
# cannot backtrack badly — every quantifier stops at the next tab, and lines are short.
_LINE = re.compile(
    r"^([^\t\n]+)\t([^\t\n]*)\t[^\t\n]*\t# (" + "|".join(WIKIDATA_CLASSES) + r")[ \t]*$",
    re.MULTILINE,
)


def parse_multi_dict(text: str) -> dict[str, Known]:
    """Entries of a ``multi.dict`` text whose WikiData class is one newsfigs uses.

    A line is ``surface<TAB>NNP or canonical/NNP<TAB>score<TAB># Qid``; an alias line points
    to its canonical surface, which is kept so both spellings land on one entity. One
    multiline regex over the whole file is ~3× faster than splitting and parsing each line.
    """
    out: dict[str, Known] = {}
    for surface, target, qid in _LINE.findall(text):
        label, category = WIKIDATA_CLASSES[qid]
        canonical = target[:-4] if target.endswith("/NNP") else surface
        out.setdefault(surface, (label, category, canonical))
    return out


@resource
def wikidata() -> dict[str, Known]:
    """Multi-word WikiData names (people, companies, parties …) keyed by surface."""
    path = _multi_dict_path()
    text = path.read_text(encoding="utf-8") if path else ""
    return parse_multi_dict(text)


@resource
def wikidata_firsts() -> dict[str, int]:
    """First word of each multi-word WikiData name → most words of a name it starts.

    The gazetteer scan joins 2–4 words into a key only at a word that starts some name, so
    most words cost one dict lookup instead of three string joins.
    """
    out: dict[str, int] = {}
    get = out.get
    for surface in wikidata():
        first, _, rest = surface.partition(" ")
        if rest:
            width = rest.count(" ") + 2
            if width > get(first, 1):
                out[first] = min(width, 4)
    return out


@resource
def person_surnames() -> frozenset[str]:
    """Last words of WikiData people (``트럼프`` of ``도널드 트럼프``), minus known words.

    A lone transliterated word before a title is a person only when it is such a family
    name (or already named in the document): ``트럼프 대통령`` yes, ``테슬라 CEO`` no.
    """
    lex = name_tables()
    out: set[str] = set()
    for surface, (label, _category, _canonical) in wikidata().items():
        if label != "person":
            continue
        last = surface.rsplit(" ", 1)[-1]
        if len(last) >= 2 and last not in lex.organizations and last not in lex.places:
            out.add(last)
    return frozenset(out)
