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
from array import array
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
    "Q476028": ("organization", "other"),  # association football club (a sports team)
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


def _sorted_text(words: Sequence[str]) -> tuple[str, array[int]]:
    """``words`` (sorted, no newline) as one text, each followed by a newline, and the offset
    of each in it plus the text's length: word ``i`` is ``text[off[i] : off[i + 1] - 1]``."""
    offsets = array("I", [0])
    total = 0
    for w in words:
        total += len(w) + 1
        offsets.append(total)
    return "".join(w + "\n" for w in words), offsets


class Gazetteer(Mapping[str, Known]):
    """WikiData names as surface → (label, category, canonical), stored compactly.

    The surfaces sorted in one text, found by bisection, with a byte per surface for its label
    and category and an aligned text of the aliases' canonical names. A dict of 180,000 str
    keys held ~40 MB and took ~0.1 s to rebuild in each process; this holds ~5 MB, loads from
    the disk cache in milliseconds, and a look-up (~1.5 per document) takes a few µs.
    """

    __slots__ = ("_canon", "_canon_off", "_codes", "_kinds", "_off", "_text")

    def __init__(
        self,
        kinds: Sequence[tuple[str, str | None]],
        text: str,
        offsets: array[int],
        codes: bytes,
        canon: str,
        canon_offsets: array[int],
    ) -> None:
        n = len(codes)
        if not (len(offsets) == len(canon_offsets) == n + 1):
            raise ValueError("gazetteer tables are not aligned")
        if offsets[-1] != len(text) or canon_offsets[-1] != len(canon):
            raise ValueError("gazetteer offsets do not end at the text's end")
        if n and max(codes) >= len(kinds):
            raise ValueError("gazetteer code out of range")
        self._kinds = tuple(kinds)
        self._text, self._off, self._codes = text, offsets, codes
        self._canon, self._canon_off = canon, canon_offsets

    @classmethod
    def of(cls, entries: Mapping[str, Known]) -> Gazetteer:
        """The compact form of ``entries``."""
        kinds = sorted({(label, cat) for label, cat, _ in entries.values()}, key=str)
        index = {k: i for i, k in enumerate(kinds)}
        surfaces = sorted(entries)
        text, offsets = _sorted_text(surfaces)
        codes = bytes(index[entries[s][:2]] for s in surfaces)
        canon, canon_offsets = _sorted_text(
            [c if c != s else "" for s in surfaces for c in (entries[s][2],)]
        )
        return cls(kinds, text, offsets, codes, canon, canon_offsets)

    def _find(self, key: str) -> int:
        """Index of ``key`` among the sorted surfaces, or -1."""
        text, off = self._text, self._off
        lo, hi = 0, len(self._codes)
        while lo < hi:
            mid = (lo + hi) >> 1
            if text[off[mid] : off[mid + 1] - 1] < key:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self._codes) and text[off[lo] : off[lo + 1] - 1] == key:
            return lo
        return -1

    def get(self, key: str, default: None = None) -> Known | None:  # type: ignore[override]
        """The entry of ``key``, or None."""
        i = self._find(key)
        if i < 0:
            return default
        label, cat = self._kinds[self._codes[i]]
        canon = self._canon[self._canon_off[i] : self._canon_off[i + 1] - 1]
        return (label, cat, canon or key)

    def __getitem__(self, key: str) -> Known:
        hit = self.get(key)
        if hit is None:
            raise KeyError(key)
        return hit

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key) >= 0

    def __iter__(self) -> Iterator[str]:
        return iter(self._text.split("\n")[:-1])

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
    """Plain strings and bytes: marshal reads them in milliseconds."""
    g = t.names
    return (
        list(g._kinds),
        g._text,
        g._off.tobytes(),
        g._codes,
        g._canon,
        g._canon_off.tobytes(),
        "\n".join(t.firsts),
        bytes(t.firsts.values()),
        "\n".join(sorted(t.person_surnames)),
    )


def _offsets(raw: Any) -> array[int]:
    out = array("I")
    out.frombytes(raw)
    return out


def _decode(data: Any) -> WikidataTables:
    """The tables back from ``_encode``'s shape; raises on any other shape (a cache miss)."""
    kinds_raw, text, off, codes, canon, canon_off, first_keys, widths, surnames = data
    kinds = [(str(label), None if cat is None else str(cat)) for label, cat in kinds_raw]
    if not all(isinstance(x, str) for x in (text, canon, first_keys, surnames)):
        raise TypeError("not a gazetteer cache")
    names = Gazetteer(kinds, text, _offsets(off), bytes(codes), canon, _offsets(canon_off))
    firsts = dict(zip(first_keys.split("\n"), widths, strict=True)) if first_keys else {}
    people = frozenset(surnames.split("\n")) if surnames else frozenset()
    return WikidataTables(names, firsts, people)


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
