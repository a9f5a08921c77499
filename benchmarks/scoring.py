"""Scoring predicted spans against gold spans: strict spans, characters, figure values, errors.

Pure code (no newsfigs calls), so the arithmetic is unit-tested on hand-made spans.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from benchmarks.adapters import Span
from newsfigs.models import DateInfo

CONTEXT = 30
"""Characters of context shown on each side of an error."""

VALUE_KEYS = ("value", "low", "high", "unit")
DATE_FIELDS = frozenset(DateInfo.model_fields)


def prf(tp: int, gold: int, pred: int) -> tuple[float, float, float]:
    """Precision, recall, F1; 0.0 where undefined (no predictions or no gold)."""
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class LabelScore:
    """Counts for one corpus label."""

    label: str
    produced: bool = True
    gold: int = 0
    pred: int = 0
    tp: int = 0
    char_gold: int = 0
    char_pred: int = 0
    char_tp: int = 0
    value_checked: int = 0
    value_ok: int = 0

    @property
    def prf(self) -> tuple[float, float, float]:
        """Strict span precision, recall, F1."""
        return prf(self.tp, self.gold, self.pred)

    @property
    def char_prf(self) -> tuple[float, float, float]:
        """Character-level precision, recall, F1 (partial overlaps earn partial credit)."""
        return prf(self.char_tp, self.char_gold, self.char_pred)

    @property
    def value_accuracy(self) -> float | None:
        """Share of span-matched figures whose value and unit are right (None: none checked)."""
        return self.value_ok / self.value_checked if self.value_checked else None

    def add(self, other: LabelScore) -> None:
        """Accumulate ``other``'s counts (for micro averages)."""
        for name in (
            "gold",
            "pred",
            "tp",
            "char_gold",
            "char_pred",
            "char_tp",
            "value_checked",
            "value_ok",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class ErrorCase:
    """A false positive (``fp``), a miss (``miss``) or a wrong value (``value``), and why."""

    kind: str
    label: str
    text: str
    doc_id: str
    context: str
    note: str


def _decimal(v: Any) -> Decimal | None:
    if v is None:
        return None
    try:
        d = Decimal(str(v))
    except InvalidOperation:
        return None
    return d if d.is_finite() else None


def _close(a: Decimal, b: Decimal) -> bool:
    """Equal up to 1e-9 relative: ``3분의 1`` written with fewer digits in gold still matches."""
    scale = max(abs(a), abs(b), Decimal(1))
    return abs(a - b) <= scale * Decimal("1e-9")


@cache
def canonical_unit(unit: str) -> str:
    """The registry's name for ``unit`` (so ``kWh`` and ``kilowatt_hour`` compare equal)."""
    try:
        from newsfigs.units import registry

        return str(registry().Unit(unit))
    except Exception:  # an unknown unit in gold compares as written
        return unit


def value_check(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> tuple[bool | None, str]:
    """Whether ``pred`` has the values gold states (value/low/high/unit, date fields), and why not.

    Only keys present in the gold entity are checked, and only date fields the model has; the
    verdict is None when gold states none of them (a span-only annotation), so such figures
    count toward span accuracy only.
    """
    checked = False
    for key in VALUE_KEYS:
        if key not in gold:
            continue
        checked = True
        g, p = gold[key], pred.get(key)
        if key == "unit":
            same = (g is None) == (p is None) and (
                g is None or canonical_unit(str(g)) == canonical_unit(str(p))
            )
        else:
            gd, pd = _decimal(g), _decimal(p)
            same = (gd is None) == (pd is None) and (gd is None or pd is None or _close(gd, pd))
        if not same:
            return False, f"{key}: gold {g}, got {p}"
    gold_date = gold.get("date")
    if isinstance(gold_date, Mapping):
        pred_date = pred.get("date") or {}
        for key, g in gold_date.items():
            if key not in DATE_FIELDS:
                continue
            checked = True
            if str(pred_date.get(key)) != str(g):
                return False, f"date.{key}: gold {g}, got {pred_date.get(key)}"
    return (True, "") if checked else (None, "")


def context(text: str, start: int, end: int, width: int = CONTEXT) -> str:
    """``…left⟦span⟧right…`` on one line."""
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    s = f"{'…' if start > width else ''}{left}⟦{text[start:end]}⟧{right}"
    s += "…" if end + width < len(text) else ""
    return " ".join(s.split())


def _note(span: Span, others: Iterable[Span], other_name: str) -> str:
    """Why a span is an error: boundary (same label overlaps), label confusion, or nothing."""
    same_span: list[str] = []
    boundary: list[str] = []
    crossing: list[str] = []
    for o in others:
        if o.end <= span.start or o.start >= span.end:
            continue
        if (o.start, o.end) == (span.start, span.end):
            same_span.append(o.label)
        elif o.label == span.label:
            boundary.append(o.text)
        else:
            crossing.append(f"{o.label} '{o.text}'")
    if same_span:
        return f"{other_name} labels it {', '.join(same_span)}"
    if boundary:
        return f"boundary: {other_name} has '{boundary[0]}'"
    if crossing:
        return f"overlaps {other_name} {crossing[0]}"
    return "spurious" if other_name == "gold" else "not found"


@dataclass
class Scorer:
    """Accumulates scores over documents for a set of corpus labels."""

    produced: frozenset[str]
    """Corpus labels newsfigs can output (others are reported as "not produced")."""
    labels: dict[str, LabelScore] = field(default_factory=dict)
    errors: list[ErrorCase] = field(default_factory=list)

    def score(self, label: str) -> LabelScore:
        """The (created on demand) score of ``label``."""
        s = self.labels.get(label)
        if s is None:
            s = self.labels[label] = LabelScore(label, produced=label in self.produced)
        return s

    def add(self, doc_id: str, text: str, gold: list[Span], pred: list[Span]) -> None:
        """Score one document's predictions against its gold spans."""
        gold_by_key = {(s.start, s.end, s.label): s for s in gold}
        pred_by_key = {(s.start, s.end, s.label): s for s in pred}
        for key, g in gold_by_key.items():
            sc = self.score(g.label)
            sc.gold += 1
            p = pred_by_key.get(key)
            if p is None:
                note = _note(g, pred, "newsfigs")
                self.errors.append(
                    ErrorCase("miss", g.label, g.text, doc_id, context(text, g.start, g.end), note)
                )
                continue
            sc.tp += 1
            ok, why = value_check(g.fields, p.fields)
            if ok is not None:
                sc.value_checked += 1
                sc.value_ok += int(ok)
            if ok is False:
                self.errors.append(
                    ErrorCase("value", g.label, g.text, doc_id, context(text, g.start, g.end), why)
                )
        for key, p in pred_by_key.items():
            self.score(p.label).pred += 1
            if key not in gold_by_key:
                note = _note(p, gold, "gold")
                self.errors.append(
                    ErrorCase("fp", p.label, p.text, doc_id, context(text, p.start, p.end), note)
                )
        gold_chars = _chars(gold)
        pred_chars = _chars(pred)
        for label in gold_chars.keys() | pred_chars.keys():
            g_set = gold_chars.get(label, set())
            p_set = pred_chars.get(label, set())
            sc = self.score(label)
            sc.char_gold += len(g_set)
            sc.char_pred += len(p_set)
            sc.char_tp += len(g_set & p_set)

    def micro(self, only_produced: bool) -> LabelScore:
        """Counts summed over labels (all, or only those newsfigs produces)."""
        name = "micro (produced labels)" if only_produced else "micro (all labels)"
        total = LabelScore(name)
        for s in self.labels.values():
            if s.produced or not only_produced:
                total.add(s)
        return total


def _chars(spans: Iterable[Span]) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for s in spans:
        out.setdefault(s.label, set()).update(range(s.start, s.end))
    return out
