"""Label adapters: newsfigs' output as spans labelled in a corpus's own convention.

Each convention is one table from a newsfigs label (``person``, ``organization`` or a figure
kind) to a corpus label. A key ``"kind:unit"`` refines a kind by its unit and wins over the
plain kind: KLUE-style corpora put durations in hours or minutes under TI and longer ones under
DT, as the TTA guidelines they follow do. The library's own conventions are never bent to a
corpus; the mapping lives here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import regex

from newsfigs.models import FIGURE_KINDS, Document

# KLUE / klp2016 style: PS, OG, LC, DT, TI, QT (QT = every quantity that is not a date or time).
KLUE: dict[str, str] = {
    "person": "PS",
    "organization": "OG",
    "date": "DT",
    "time": "TI",
    "duration": "DT",
    "duration:hour": "TI",
    "duration:minute": "TI",
    "duration:second": "TI",
    "money": "QT",
    "percent": "QT",
    "percentage_point": "QT",
    "energy": "QT",
    "power": "QT",
    "mass": "QT",
    "length": "QT",
    "area": "QT",
    "volume": "QT",
    "temperature": "QT",
    "data_size": "QT",
    "count": "QT",
    "ordinal": "QT",
    "multiplier": "QT",
    "age": "QT",
    "speed": "QT",
    "fuel_economy": "QT",
    "frequency": "QT",
    "voltage": "QT",
    "current": "QT",
    "charge": "QT",
    "energy_efficiency": "QT",
    "pressure": "QT",
    "concentration": "QT",
    "ratio": "QT",
    "match_time": "TI",  # 후반 35분: a time within a match, as the corpus tags clock times
}

# KMOU style: money MNY, ratios PNT (the corpus tags 1.8배 as PNT), every other number NOH.
KMOU: dict[str, str] = {
    "person": "PER",
    "organization": "ORG",
    "date": "DAT",
    "time": "TIM",
    "duration": "DUR",
    "money": "MNY",
    "percent": "PNT",
    "percentage_point": "PNT",
    "multiplier": "PNT",
    "energy": "NOH",
    "power": "NOH",
    "mass": "NOH",
    "length": "NOH",
    "area": "NOH",
    "volume": "NOH",
    "temperature": "NOH",
    "data_size": "NOH",
    "count": "NOH",
    "ordinal": "NOH",
    "age": "NOH",
    "speed": "NOH",
    "fuel_economy": "NOH",
    "frequency": "NOH",
    "voltage": "NOH",
    "current": "NOH",
    "charge": "NOH",
    "energy_efficiency": "NOH",
    "pressure": "NOH",
    "concentration": "NOH",
    "ratio": "NOH",
    "match_time": "TIM",  # KMOU tags 후반 35분, 7회말 as times (TIM 11, NOH 3 in the corpus)
}

# Our own gold (seeds/gold.jsonl): labels are newsfigs' labels, unchanged.
NEWSFIGS: dict[str, str] = {
    "person": "person",
    "organization": "organization",
    **{kind: kind for kind in FIGURE_KINDS},
}


# KMOU tags an outlet named as the channel of a programme or work as part of that work (POH),
# and a channel with its broadcaster (``KBS 2TV``, ``SBS 파워FM``) as POH too: ``MBC
# '복면가왕'``, ``SBS 월화드라마 '피고인'``, ``KBS 2TV 드라마 '태양의 후예'``. newsfigs reports
# the outlet as a media organization there too; such a mention is a different kind of thing in
# KMOU, so it is not scored (decided on the text after the mention, never on the gold).
# Up to two genre words (``예능 프로그램``, ``월화드라마``) may stand between. (The genre part
# was once possessive: ``예능프로그램 ‘…’`` then never matched, as ``예능`` alone was kept.)
_PROGRAMME_AFTER = regex.compile(
    r"\s?+(?:[0-9A-Za-z가-힣]{0,6}?\s?(?:TV|FM|tv)(?![A-Za-z])"
    r"|(?:[가-힣]{0,6}?(?:드라마|예능|프로그램|라디오|토크쇼|오디션|일일극|시트콤)\s?){0,2}"
    r"['\"‘“「『<《〈])"
)


# KMOU writes a university's department as part of its name (``서울대 법대``, ``고려대
# 경영학과``); klp2016 does not (``서울대 국문과`` → ``서울대``), and newsfigs follows klp2016
# (the university is the organization). Where a department is written right after a university
# mention, the mention is a different span in KMOU's convention, so it is not scored there.
_DEPARTMENT_AFTER = regex.compile(
    r" [가-힣A-Za-z]{0,12}?(?:학과|학부|과|대학원|대학|대|스쿨|교실|전공|연구소|병원|"
    r"사업단|산학협력단|창업지원단)(?:[은는이가을를의에와도]|에서|으로|로)?(?![가-힣A-Za-z])"
)

# KMOU files an organization named in the title of an event or prize it runs or sponsors
# under the event (POH): ``KBS 연기대상``, ``BMW 레이디스 챔피언십``, ``유럽축구연맹(UEFA)
# 챔피언스리그``. newsfigs reports the organization; such a mention (and its alias in
# parentheses) is not scored in KMOU, decided on the text after it (up to three words, then
# an event word).
_EVENT_AFTER = regex.compile(
    r"\)?(?:\([A-Za-z]{2,8}\))?(?: [0-9A-Za-z가-힣~∼\-]{1,12}){0,3}? ?[가-힣A-Za-z]{0,8}"
    r"(?:챔피언스리그|월드컵|포칼|선수권대회|선수권|챔피언십|시상식|연기대상|연예대상|페스티벌|"
    r"박람회|전시회|플레이오프|최강전|콘테스트|컨테스트|Festival|Show|Championship)"
    r"(?![가-힣A-Za-z])"
)

# Both corpora tag countries acting in the news as organizations some of the time (KMOU:
# ``미국은``, ``북한``, ``한·중·일``; the issue names this convention difference). newsfigs reports
# countries and cities as places, never as organizations, so such gold mentions are mapped to
# the corpus's place label before scoring (decided on the gold text alone: a name in
# newsfigs' place list, or one-syllable country abbreviations: ``美``, ``北``, ``한미``, ``한·중``).
# Scores are reported with and without this mapping.
_COUNTRY_ABBREVIATIONS = regex.compile(
    r"[美中日北韓英佛獨露朝미중일북남한러영독불](?:[·ㆍ\-]?[美中日北韓英佛獨露朝미중일북남한러영독불]){0,2}"
)


def is_place_name(text: str) -> bool:
    """A country, city or region (newsfigs' place list) or country abbreviations (``한미``)."""
    from newsfigs.names.gazetteer import name_tables

    return text in name_tables().places or _COUNTRY_ABBREVIATIONS.fullmatch(text) is not None


def klue_institution_part(span: Span) -> Span:
    """``중국 정부`` as klp2016 writes it: the place is LC, only the institution word is OG.

    newsfigs reports a place written before an institution word of
    ``data/names/institutions.tsv`` as one named organization (issue 14 asks for it); klp2016
    annotates ``중국``/LC and ``정부``/OG. Such an organization is scored as its institution
    part only (decided on our mention's text: a place name, an optional space, a listed
    institution word). Every other span is returned unchanged.
    """
    if span.label != "organization":
        return span
    from newsfigs.names.institutions import institutions

    words = institutions().category
    text = span.text
    for cut in range(1, len(text) - 1):
        head, rest = text[:cut], text[cut:]
        inst = rest.lstrip(" ")
        if inst in words and is_place_name(head):
            start = span.start + cut + len(rest) - len(inst)
            return Span(start, span.end, span.label, inst, span.fields)
    return span


PROGRAMME = "media outlet of a programme: the corpus files it under the work"
EVENT = "organization in an event's name: the corpus files it under the event"
DEPARTMENT = "university before its department: the corpus names the department"


def kmou_context(span: Span, text: str) -> str | None:
    """Why KMOU files this mention as something else (then it is not scored), or ``None``."""
    if span.label != "organization":
        return None
    category = span.fields.get("category")
    if category == "media" and _PROGRAMME_AFTER.match(text, span.end):
        return PROGRAMME
    if category == "university" and _DEPARTMENT_AFTER.match(text, span.end):
        return DEPARTMENT
    if _EVENT_AFTER.match(text, span.end):
        return EVENT
    return None


@dataclass(frozen=True)
class Convention:
    """A corpus labelling convention: the mapping table and every label such corpora use."""

    name: str
    table: Mapping[str, str]
    labels: frozenset[str]
    """Every label of the convention, including those newsfigs never produces (LOC, POH …)."""
    context: Callable[[Span, str], str | None] | None = None
    """Span, document text → why this corpus files such a mention as another thing or another
    span (the prediction is then not scored), ``None`` to score it."""
    places: tuple[str, str] | None = None
    """(organization label, place label): gold organizations that are places are mapped."""
    narrow: Callable[[Span], Span] | None = None
    """A newsfigs span → the part of it this corpus annotates with the mapped label (the
    prediction is scored as that part)."""

    def map_gold(self, spans: list[Span]) -> tuple[list[Span], int]:
        """Gold spans with countries and cities tagged as organizations moved to places."""
        if self.places is None:
            return spans, 0
        org, place = self.places
        out: list[Span] = []
        moved = 0
        for s in spans:
            if s.label == org and is_place_name(s.text.strip()):
                out.append(Span(s.start, s.end, place, s.text, s.fields))
                moved += 1
            else:
                out.append(s)
        return out, moved

    @property
    def produced(self) -> frozenset[str]:
        """Corpus labels newsfigs can output under this convention."""
        return frozenset(self.table.values())

    def map(self, label: str, unit: str | None = None) -> str | None:
        """The corpus label of a newsfigs label (figure kind refined by unit), None if unmapped."""
        if unit is not None:
            refined = self.table.get(f"{label}:{unit}")
            if refined is not None:
                return refined
        return self.table.get(label)


CONVENTIONS: dict[str, Convention] = {
    "klue": Convention(
        "klue",
        KLUE,
        frozenset({"PS", "OG", "LC", "DT", "TI", "QT"}),
        places=("OG", "LC"),
        narrow=klue_institution_part,
    ),
    "kmou": Convention(
        "kmou",
        KMOU,
        frozenset({"PER", "ORG", "LOC", "DAT", "TIM", "DUR", "MNY", "PNT", "NOH", "POH"}),
        kmou_context,
        places=("ORG", "LOC"),
    ),
    "newsfigs": Convention("newsfigs", NEWSFIGS, frozenset(NEWSFIGS.values())),
}


@dataclass(frozen=True)
class Span:
    """One labelled span of a sentence; ``fields`` hold a figure's values for value scoring."""

    start: int
    end: int
    label: str
    text: str
    fields: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass
class Adapted:
    """Predicted spans in corpus labels, and what was dropped on the way (with why)."""

    spans: list[Span]
    dropped: dict[str, int] = field(default_factory=dict)
    """Corpus label (or ``newsfigs:<label>`` when unmapped) → predictions not scored."""
    excused: frozenset[tuple[int, int, str]] = frozenset()
    """(start, end, corpus label) of predictions left unscored for a convention (a generic
    institution, a programme's channel …): a gold span at exactly that place and label is left
    unscored too, so a mention found but not judged is neither a hit nor a miss."""


def _figure_fields(f: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "value": f.value,
        "low": f.low,
        "high": f.high,
        "unit": f.unit,
    }
    if f.date is not None:
        out["date"] = f.date.model_dump(exclude_none=True)
    return out


def newsfigs_spans(doc: Document) -> list[Span]:
    """Every span newsfigs reports in ``doc`` with its newsfigs label (figures and mentions).

    Equivalents (``1700억 달러(약 240조원)``) are separate items of ``doc.figures`` already, so
    nested ``equivalent`` figures are not walked again.
    """
    spans = [Span(f.start, f.end, f.kind, f.text, _figure_fields(f)) for f in doc.figures]
    for person in doc.people:
        spans.extend(Span(m.start, m.end, "person", m.text) for m in person.mentions)
    for org in doc.organizations:
        category = {"category": org.category, "generic": org.generic}
        spans.extend(Span(m.start, m.end, "organization", m.text, category) for m in org.mentions)
    unique = {(s.start, s.end, s.label): s for s in spans}
    return sorted(unique.values(), key=lambda s: (s.start, s.end, s.label))


def adapt(doc: Document, convention: Convention, annotated: Iterable[str]) -> Adapted:
    """``doc``'s spans in ``convention``'s labels, keeping only labels the corpus annotates.

    A prediction whose label the corpus never annotates (QT on klp2016) cannot be judged, so it
    is dropped and counted instead of being scored as a false positive.
    """
    keep = frozenset(annotated)
    out: list[Span] = []
    dropped: dict[str, int] = {}
    excused: set[tuple[int, int, str]] = set()
    for s in newsfigs_spans(doc):
        if convention.narrow is not None:
            s = convention.narrow(s)
        label = convention.map(s.label, s.fields.get("unit"))
        if label is None:
            key = f"newsfigs:{s.label}"
            dropped[key] = dropped.get(key, 0) + 1
        elif label not in keep:
            dropped[label] = dropped.get(label, 0) + 1
        elif s.fields.get("generic"):  # 정부, 검찰: neither corpus tags them consistently
            key = f"{label} (generic institution)"
            dropped[key] = dropped.get(key, 0) + 1
            excused.add((s.start, s.end, label))
        elif convention.context is not None and (why := convention.context(s, doc.text)):
            key = f"{label} ({why})"
            dropped[key] = dropped.get(key, 0) + 1
            excused.add((s.start, s.end, label))
        else:
            out.append(Span(s.start, s.end, label, s.text, s.fields))
    return Adapted(out, dropped, frozenset(excused))


def excuse_gold(gold: list[Span], adapted: Adapted) -> tuple[list[Span], int]:
    """Gold spans without those at a place and label whose prediction was left unscored.

    Leaving the prediction out but keeping the gold span would count every such mention as a
    miss even where newsfigs found exactly what the corpus wrote (``MBC`` before a programme,
    ``정부``): both sides of the comparison are left out instead, and counted.
    """
    if not adapted.excused:
        return gold, 0
    kept = [g for g in gold if (g.start, g.end, g.label) not in adapted.excused]
    return kept, len(gold) - len(kept)
