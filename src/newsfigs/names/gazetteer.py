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
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from newsfigs.core.disk_cache import load_or_build
from newsfigs.core.resources import read_rows, read_text, read_words, resource

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


class Gazetteer(Mapping[str, Known]):
    """WikiData names as surface → (label, category, canonical), stored compactly.

    One small int per surface (its label and category) and the few aliases' canonical names:
    a fresh process reads it from the disk cache in a few tens of milliseconds, where a dict
    of 180,000 tuples took ten times longer to rebuild.
    """

    __slots__ = ("_aliases", "_codes", "_kinds")

    def __init__(
        self,
        kinds: Sequence[tuple[str, str | None]],
        codes: dict[str, int],
        aliases: dict[str, str],
    ) -> None:
        self._kinds = tuple(kinds)
        self._codes = codes
        self._aliases = aliases

    @classmethod
    def of(cls, entries: dict[str, Known]) -> Gazetteer:
        """The compact form of ``entries``."""
        kinds = sorted({(label, cat) for label, cat, _ in entries.values()}, key=str)
        index = {k: i for i, k in enumerate(kinds)}
        codes = {s: index[(label, cat)] for s, (label, cat, _) in entries.items()}
        aliases = {s: c for s, (_, _, c) in entries.items() if c != s}
        return cls(kinds, codes, aliases)

    def get(self, key: str, default: None = None) -> Known | None:  # type: ignore[override]
        """The entry of ``key``, or None (the hot path: one dict lookup when absent)."""
        code = self._codes.get(key)
        if code is None:
            return default
        label, cat = self._kinds[code]
        return (label, cat, self._aliases.get(key, key))

    def __getitem__(self, key: str) -> Known:
        hit = self.get(key)
        if hit is None:
            raise KeyError(key)
        return hit

    def __contains__(self, key: object) -> bool:
        return key in self._codes

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)


@dataclass(frozen=True)
class WikidataTables:
    """The gazetteer derived from ``multi.dict``, built together and cached on disk together."""

    names: Gazetteer  # surface → entry
    firsts: dict[str, int]  # first word → most words of a name it starts (2–4)
    person_surnames: frozenset[str]  # last words of people's names, minus known words


def _firsts(names: Mapping[str, Known]) -> dict[str, int]:
    out: dict[str, int] = {}
    get = out.get
    for surface in names:
        first, _, rest = surface.partition(" ")
        if rest:
            width = rest.count(" ") + 2
            if width > get(first, 1):
                out[first] = min(width, 4)
    return out


def _person_surnames(names: dict[str, Known], lex: NameTables) -> frozenset[str]:
    out: set[str] = set()
    for surface, (label, _category, _canonical) in names.items():
        if label != "person":
            continue
        last = surface.rsplit(" ", 1)[-1]
        if len(last) >= 2 and last not in lex.organizations and last not in lex.places:
            out.add(last)
    return frozenset(out)


def derive_tables(text: str, lex: NameTables) -> WikidataTables:
    """Every table newsfigs derives from the text of a ``multi.dict``."""
    names = parse_multi_dict(text)
    return WikidataTables(Gazetteer.of(names), _firsts(names), _person_surnames(names, lex))


def _encode(t: WikidataTables) -> Any:
    """Plain strings, bytes and small dicts: marshal reads them in a few tens of ms."""
    g = t.names
    return (
        list(g._kinds),
        "\n".join(g._codes),
        bytes(g._codes.values()),
        g._aliases,
        "\n".join(t.firsts),
        bytes(t.firsts.values()),
        "\n".join(sorted(t.person_surnames)),
    )


def _decode(data: Any) -> WikidataTables:
    """The tables back from ``_encode``'s shape; raises on any other shape (a cache miss)."""
    kinds_raw, surfaces, codes, aliases, first_keys, widths, surnames = data
    kinds = [(str(label), None if cat is None else str(cat)) for label, cat in kinds_raw]
    if not isinstance(codes, bytes) or not isinstance(aliases, dict) or max(codes) >= len(kinds):
        raise ValueError("not a gazetteer cache")
    names = dict(zip(surfaces.split("\n"), codes, strict=True)) if surfaces else {}
    firsts = dict(zip(first_keys.split("\n"), widths, strict=True)) if first_keys else {}
    people = frozenset(surnames.split("\n")) if surnames else frozenset()
    return WikidataTables(Gazetteer(kinds, names, aliases), firsts, people)


@resource
def wikidata_tables() -> WikidataTables:
    """The gazetteer tables: read from the disk cache, else derived from ``multi.dict``.

    The cache key covers every input (package and model versions, the file's size and time,
    this module's code, the word lists ``person_surnames`` consults), so it is never stale.
    """
    lex = name_tables()
    path = _multi_dict_path()
    if path is None:  # pragma: no cover - kiwipiepy always brings the model
        return derive_tables("", lex)
    stat = path.stat()
    key = (
        _version("newsfigs"),
        _version("kiwipiepy_model"),
        f"{path}:{stat.st_size}:{stat.st_mtime_ns}",
        Path(__file__).read_bytes(),
        read_text("names/organizations.tsv"),
        read_text("names/places.txt"),
    )
    return load_or_build(
        "wikidata",
        key,
        lambda: derive_tables(path.read_text(encoding="utf-8"), lex),
        _encode,
        _decode,
    )


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:  # pragma: no cover - an unusual install
        return "unknown"


@resource
def wikidata() -> Gazetteer:
    """Multi-word WikiData names (people, companies, parties …) keyed by surface."""
    return wikidata_tables().names


@resource
def wikidata_firsts() -> dict[str, int]:
    """First word of each multi-word WikiData name → most words of a name it starts.

    The gazetteer scan joins 2–4 words into a key only at a word that starts some name, so
    most words cost one dict lookup instead of three string joins.
    """
    return wikidata_tables().firsts


@resource
def person_surnames() -> frozenset[str]:
    """Last words of WikiData people (``트럼프`` of ``도널드 트럼프``), minus known words.

    A lone transliterated word before a title is a person only when it is such a family
    name (or already named in the document): ``트럼프 대통령`` yes, ``테슬라 CEO`` no.
    """
    return wikidata_tables().person_surnames
