"""The figure corpus: whole news sentences and every non-date figure a reader expects in them.

``corpus/figures.jsonl`` holds one case a line (``id``, ``text``, ``figures``; optional
``xfail`` with the reason of a known gap). ``corpus/figures_negative.txt`` holds sentences
with no figure except dates and times. Dates and times have their own corpus, so they are
left out of the comparison here; everything else ``extract`` reports must be expected.
"""

from __future__ import annotations

import itertools
import json
import unicodedata
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, get_args

import pytest

import newsfigs
from newsfigs.core.resources import read_rows
from newsfigs.figures.stages import SIZES, STAGE
from newsfigs.models import FIGURE_KINDS, Basis, Bound, Direction, Figure, Period
from newsfigs.units import classifiers, registry, unit_surfaces

CORPUS = Path(__file__).resolve().parent / "corpus"
DATE_KINDS = frozenset({"date", "time"})
OPTIONAL = ("approximate", "bound", "classifier", "counted", "per", "direction", "implied_unit")
# Qualifiers and equivalents change what a figure means, so the corpus states them whenever
# they apply and an absent one is checked against its default (False / None); classifier and
# counted (and per, direction, implied_unit) are checked only when given.
DEFAULTS: dict[str, Any] = {"approximate": False, "bound": None}
FIGURE_KEYS = frozenset(
    {
        "text",
        "start",
        "kind",
        "value",
        "low",
        "high",
        "terms",
        "unit",
        "equivalent",
        "per_unit",
        *OPTIONAL,
    }
)
STAGE_SIZES = frozenset(str(size) for size in SIZES)
MIN_CASES = 350
MIN_NEGATIVES = 80


def _load_cases() -> list[dict[str, Any]]:
    lines = (CORPUS / "figures.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _load_negatives() -> list[tuple[str, str | None]]:
    """Sentences and an optional ``xfail`` reason (``sentence<TAB>xfail: reason``)."""
    out: list[tuple[str, str | None]] = []
    for raw in (CORPUS / "figures_negative.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        text, _, note = raw.partition("\t")
        reason = note.strip().removeprefix("xfail:").strip() if note.strip() else None
        out.append((text.strip(), reason or None))
    return out


CASES = _load_cases()
NEGATIVES = _load_negatives()


def _start(text: str, fig: dict[str, Any]) -> int:
    """Where the expected span begins: ``start`` when given, else its only occurrence."""
    start = fig.get("start")
    return int(start) if start is not None else text.find(fig["text"])


def _show(value: object) -> str:
    return format(value.normalize(), "f") if isinstance(value, Decimal) else repr(value)


def _amount(fig: dict[str, Any]) -> str:
    if "terms" in fig:
        return ":".join(fig["terms"])
    return str(fig["value"]) if "value" in fig else f"{fig['low']}..{fig['high']}"


def _describe_expected(fig: dict[str, Any], start: int) -> str:
    amount = _amount(fig)
    extra = "".join(f" {k}={fig[k]!r}" for k in (*OPTIONAL, "equivalent") if k in fig)
    return f"{fig['text']!r}@{start} {fig['kind']} {amount} {fig['unit']}{extra}"


def _describe_actual(f: Figure) -> str:
    amount = _show(f.value) if f.value is not None else f"{_show(f.low)}..{_show(f.high)}"
    if f.terms is not None:
        amount = ":".join(_show(t) for t in f.terms)
    extra = "".join(
        f" {k}={getattr(f, k)!r}" for k in OPTIONAL if getattr(f, k) not in (None, False)
    )
    if f.equivalent is not None:
        extra += f" equivalent={f.equivalent.text!r}"
    if f.per_unit is not None:
        extra += f" per_unit={f.per_unit.model_dump(mode='json', exclude_defaults=True)}"
    return f"{f.text!r}@{f.start} {f.kind} {amount} {f.unit}{extra}"


def _basis(given: dict[str, Any] | None) -> Basis | None:
    """The expected basis of a price per unit (null: none), checked against the registry."""
    if given is None:
        return None
    basis = Basis.model_validate(given)
    registry().Unit(basis.unit)
    return basis


def _field_problems(fig: dict[str, Any], f: Figure) -> list[str]:
    """Differences between one expected figure and the actual figure on the same span."""
    problems = []
    if f.kind != fig["kind"]:
        problems.append(f"kind {f.kind!r} != {fig['kind']!r}")
    if f.unit != fig["unit"]:
        problems.append(f"unit {f.unit!r} != {fig['unit']!r}")
    if "terms" in fig:
        if f.terms != tuple(Decimal(t) for t in fig["terms"]):
            problems.append(f"terms {f.terms!r} != {fig['terms']}")
    elif "value" in fig:
        if f.value != Decimal(fig["value"]):
            problems.append(f"value {_show(f.value)} != {fig['value']}")
    else:
        got = (f.low, f.high)
        if f.value is not None or got != (Decimal(fig["low"]), Decimal(fig["high"])):
            problems.append(
                f"range {_show(f.value) if f.value is not None else ''}"
                f"{_show(f.low)}..{_show(f.high)} != {fig['low']}..{fig['high']}"
            )
    for key in OPTIONAL:
        want = fig.get(key, DEFAULTS.get(key))
        if (key in fig or key in DEFAULTS) and getattr(f, key) != want:
            problems.append(f"{key} {getattr(f, key)!r} != {want!r}")
    if "per_unit" in fig and f.per_unit != _basis(fig["per_unit"]):
        problems.append(f"per_unit {f.per_unit!r} != {fig['per_unit']!r}")
    eq = f.equivalent.text if f.equivalent is not None else None
    if eq != fig.get("equivalent"):
        problems.append(f"equivalent {eq!r} != {fig.get('equivalent')!r}")
    return problems


def _diff(text: str, expected: list[dict[str, Any]], doc: newsfigs.Document) -> list[str]:
    """Readable lines for every missing, unexpected or wrong figure (empty when all agree)."""
    want = {(_start(text, g), _start(text, g) + len(g["text"])): g for g in expected}
    got = {(f.start, f.end): f for f in doc.figures if f.kind not in DATE_KINDS}
    lines = []
    for key in sorted(want.keys() | got.keys()):
        g, f = want.get(key), got.get(key)
        if f is None and g is not None:
            lines.append(f"  missing:    {_describe_expected(g, key[0])}")
        elif g is None and f is not None:
            lines.append(f"  unexpected: {_describe_actual(f)}")
        elif g is not None and f is not None:
            problems = _field_problems(g, f)
            if problems:
                lines.append(f"  wrong:      {_describe_actual(f)}: " + "; ".join(problems))
    return lines


def _case_param(case: dict[str, Any]) -> Any:
    marks = []
    if case.get("xfail"):
        marks.append(pytest.mark.xfail(strict=True, reason=case["xfail"]))
    return pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", [_case_param(c) for c in CASES])
def test_figures(case: dict[str, Any]) -> None:
    doc = newsfigs.extract(case["text"])
    lines = _diff(case["text"], case["figures"], doc)
    if lines:
        pytest.fail(f"{case['id']}: {case['text']}\n" + "\n".join(lines), pytrace=False)


def _negative_param(i: int, text: str, reason: str | None) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(text, id=f"negative-{i:03d}", marks=marks)


@pytest.mark.parametrize("text", [_negative_param(i, t, r) for i, (t, r) in enumerate(NEGATIVES)])
def test_no_figures(text: str) -> None:
    doc = newsfigs.extract(text)
    lines = _diff(text, [], doc)
    if lines:
        pytest.fail(f"{text}\n" + "\n".join(lines), pytrace=False)


# --- integrity of the data files --------------------------------------------------------------


def _kind_units() -> set[tuple[str, str]]:
    """Every (unit, kind) pair the unit and classifier tables can produce."""
    pairs = {(e.unit, e.kind) for e in unit_surfaces().values()}
    pairs |= {(e.unit, e.kind) for e in classifiers().values()}
    pairs.add(("dimensionless", "ratio"))  # figures.ratios: 12대1, 3-2 역전승
    pairs |= {("minute", "match_time"), ("ordinal", "match_time")}  # 후반 35분, 7회말
    return pairs


def _decimal(value: object) -> Decimal:
    if not isinstance(value, str):
        raise AssertionError(f"numbers are decimal strings, got {value!r}")
    try:
        d = Decimal(value)
    except InvalidOperation as exc:
        raise AssertionError(f"not a decimal string: {value!r}") from exc
    assert d.is_finite(), value
    return d


def _check_figure(case: dict[str, Any], fig: dict[str, Any], pairs: set[tuple[str, str]]) -> None:
    text = case["text"]
    where = f"{case['id']} {fig.get('text')!r}"
    assert set(fig) <= FIGURE_KEYS, f"{where}: unknown keys {set(fig) - FIGURE_KEYS}"
    span = fig["text"]
    assert isinstance(span, str) and span.strip() == span and span, where
    if "start" in fig:
        start = fig["start"]
        assert isinstance(start, int) and text[start : start + len(span)] == span, where
    else:
        assert text.count(span) == 1, f"{where}: occurs {text.count(span)} times, give start"
    assert fig["kind"] in FIGURE_KINDS and fig["kind"] not in DATE_KINDS, where
    registry().Unit(fig["unit"])  # raises for a unit the registry does not know
    assert (fig["unit"], fig["kind"]) in pairs, f"{where}: no table row gives this unit+kind"
    if "terms" in fig:
        assert fig["kind"] == "ratio" and "value" not in fig and "low" not in fig, where
        assert len(fig["terms"]) >= 2 and all(_decimal(t).is_finite() for t in fig["terms"]), where
    elif "value" in fig:
        assert "low" not in fig and "high" not in fig, where
        _decimal(fig["value"])
    else:
        assert _decimal(fig["low"]) <= _decimal(fig["high"]), where
    if "approximate" in fig:
        assert isinstance(fig["approximate"], bool), where
    if "bound" in fig:
        assert fig["bound"] in get_args(Bound), where
    if "direction" in fig:  # null: the figure must carry no direction
        assert fig["direction"] is None or fig["direction"] in get_args(Direction), where
    if "per" in fig:
        assert fig["per"] in get_args(Period), where
    if "implied_unit" in fig:
        assert isinstance(fig["implied_unit"], bool), where
    if fig.get("per_unit") is not None:  # 배럴당 80달러: the basis resolves in the registry
        assert _basis(fig["per_unit"]) is not None, where
    if "classifier" in fig and fig["kind"] == "match_time":  # the period: 후반, 연장 말
        periods = {row[0] for row in read_rows("figures/match_periods.tsv")}
        assert set(fig["classifier"].split()) <= periods, where
    elif "classifier" in fig and fig["kind"] == "ordinal" and fig["classifier"] == STAGE:
        assert fig["value"] in STAGE_SIZES, where  # 16강: a tournament stage
    elif "classifier" in fig:
        assert fig["classifier"] in classifiers(), where
    if "counted" in fig:  # a word, not a span: compared in NFC even when the text is not
        counted = fig["counted"]
        before = unicodedata.normalize("NFC", text[: _start(text, fig)])
        assert counted and counted == unicodedata.normalize("NFC", counted), where
        assert counted in before, where
    if "equivalent" in fig:
        others = [g["text"] for g in case["figures"] if g is not fig]
        assert fig["equivalent"] in others, f"{where}: equivalent is not a figure of the case"


def test_corpus_integrity() -> None:
    assert len(CASES) >= MIN_CASES
    pairs = _kind_units()
    ids: set[str] = set()
    for case in CASES:
        assert set(case) <= {"id", "text", "figures", "xfail"}, case.get("id")
        cid = case["id"]
        assert isinstance(cid, str) and cid not in ids, f"duplicate id {cid}"
        assert cid == cid.strip().lower() and " " not in cid, cid
        ids.add(cid)
        text = case["text"]
        assert isinstance(text, str) and text.strip() == text and text, cid
        if "xfail" in case:
            assert isinstance(case["xfail"], str) and case["xfail"].strip(), cid
        assert case["figures"], f"{cid}: a case lists at least one figure"
        for fig in case["figures"]:
            _check_figure(case, fig, pairs)
        spans = sorted((_start(text, g), _start(text, g) + len(g["text"])) for g in case["figures"])
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end <= start, f"{cid}: expected spans overlap"


def test_negative_integrity() -> None:
    texts = [t for t, _ in NEGATIVES]
    assert len(texts) >= MIN_NEGATIVES
    assert len(set(texts)) == len(texts), "duplicate negative sentence"
    positives = {unicodedata.normalize("NFC", c["text"]) for c in CASES}
    assert not positives & set(texts), "a sentence is both a positive and a negative case"


def test_corpus_covers_every_kind() -> None:
    kinds = {fig["kind"] for case in CASES for fig in case["figures"]}
    assert kinds == set(FIGURE_KINDS) - DATE_KINDS


DURATION_ROLES = frozenset({"cue", "glued", "within", "length", "before", "past", "sentence"})


def test_duration_words_are_known() -> None:
    """Each duration word has a known role; a ``length`` word is an after-qualifier too."""
    after = {row[0] for row in read_rows("shared/qualifiers.tsv") if row[2] == "after"}
    for word, role in read_rows("shared/duration_words.tsv"):
        assert role in DURATION_ROLES, f"{word}: unknown role {role}"
        if role == "length":
            assert word in after, f"{word}: a length word must be in qualifiers.tsv (after)"
