"""The entity corpus: whole news sentences and the people and organizations a reader expects.

``corpus/entities.jsonl`` holds one case a line: ``id``, ``text``; ``people`` and
``organizations`` (each expected mention by its ``text`` — first occurrence unless ``start``
is given — with the entity's ``name``, ``title``, ``affiliation``, ``category``, ``generic``,
``aliases`` when stated); ``absent`` (words that must not be a mention of either kind); optional
``xfail`` with the reason of a known gap (strict: a fixed gap must lose its marker).
Conventions are in docs/entities.md.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any, get_args

import pytest

import newsfigs
from newsfigs.models import Document, Organization, OrgCategory, Person

CORPUS = Path(__file__).resolve().parent / "corpus"
MIN_CASES = 150
CASE_KEYS = frozenset({"id", "text", "people", "organizations", "absent", "xfail"})
ENTITY_KEYS = frozenset(
    {"text", "start", "name", "title", "affiliation", "category", "generic", "aliases"}
)


def _load() -> list[dict[str, Any]]:
    lines = (CORPUS / "entities.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


CASES = _load()


def _param(case: dict[str, Any]) -> Any:
    marks = []
    if case.get("xfail"):
        marks.append(pytest.mark.xfail(reason=case["xfail"], strict=True))
    return pytest.param(case, id=case["id"], marks=marks)


def _find(doc: Document, label: str, start: int, end: int) -> Person | Organization | None:
    entities: list[Person] | list[Organization] = (
        doc.people if label == "person" else doc.organizations
    )
    for e in entities:
        if any(m.start == start and m.end == end for m in e.mentions):
            return e
    return None


def problems(case: dict[str, Any], doc: Document) -> list[str]:
    """What ``doc`` gets wrong against ``case`` (empty when right)."""
    text = case["text"]
    out: list[str] = []
    for label, key in (("person", "people"), ("organization", "organizations")):
        for exp in case.get(key, []):
            start = exp.get("start", text.find(exp["text"]))
            end = start + len(exp["text"])
            got = _find(doc, label, start, end)
            if got is None:
                found = [
                    (m.text, type(e).__name__)
                    for e in [*doc.people, *doc.organizations]
                    for m in e.mentions
                    if m.start < end and start < m.end
                ]
                out.append(f"no {label} mention {exp['text']!r} (overlapping: {found})")
                continue
            for field in ("name", "title", "affiliation", "category", "generic"):
                if field in exp and getattr(got, field, None) != exp[field]:
                    out.append(
                        f"{exp['text']!r}: {field} {getattr(got, field, None)!r} != {exp[field]!r}"
                    )
            for alias in exp.get("aliases", []):
                if alias not in got.aliases:
                    out.append(f"{exp['text']!r}: alias {alias!r} missing from {got.aliases}")
    for word in case.get("absent", []):
        for e in [*doc.people, *doc.organizations]:
            for m in e.mentions:
                if m.text == word:
                    out.append(f"{word!r} must not be a mention ({type(e).__name__} {e.name!r})")
    return out


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_entity_case(case: dict[str, Any]) -> None:
    doc = newsfigs.extract(case["text"])
    found = problems(case, doc)
    assert not found, f"{case['text']}\n" + "\n".join(found)


def test_corpus_shape() -> None:
    """Enough cases, unique ids, known keys, NFC text, expected mentions inside the text."""
    assert len(CASES) >= MIN_CASES
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    for c in CASES:
        assert set(c) <= CASE_KEYS, c["id"]
        assert unicodedata.normalize("NFC", c["text"]) == c["text"], c["id"]
        assert c.get("people") or c.get("organizations") or c.get("absent"), c["id"]
        for e in [*c.get("people", []), *c.get("organizations", [])]:
            assert set(e) <= ENTITY_KEYS, c["id"]
            start = e.get("start", c["text"].find(e["text"]))
            assert c["text"][start : start + len(e["text"])] == e["text"], c["id"]
        for word in c.get("absent", []):
            assert word in c["text"], c["id"]


# Sentences whose department-like words (부, 팀, 센터, 본부 …) once made an organization of
# category "unit", which the model rejects: extract must return, and no such word alone
# becomes an organization.
UNIT_SENTENCES = (
    "철도노조 직무대리 체제는 협상을 중단했다.",
    "경기과기원은 이데일리 측으로부터 요청받았다고 대책본부는 밝혔다.",
    "시흥의 한 정신과 병원에서 진료를 받았다.",
    "어나니머스의 한국지부 격인 단체가 공격을 주도했다.",
    "이 병원 어린이병동에서 특별진료팀의 집중 치료를 받으며 회복 중이다.",
    "경찰은 특공대와 강력팀 등 경찰관 40여명을 투입했다.",
    "광양노인복지센터가 포스코에너지 도움으로 전기요금을 줄였다.",
    "남자 일반부 개인혼영 200m 결승에서 1위를 차지했다.",
    "서울고법 형사1부와 서울중앙지검 특수부, 해외 지사, 사무국, 수사대, 재판부가 나섰다.",
    "LG전자 모바일 커뮤니케이션 사업본부는 적자를 냈고 질병관리본부는 대학원생을 뽑았다.",
)


@pytest.mark.parametrize(
    "text", UNIT_SENTENCES, ids=[f"unit{i:02d}" for i in range(len(UNIT_SENTENCES))]
)
def test_department_suffixes_never_crash(text: str) -> None:
    doc = newsfigs.extract(text)
    assert {o.category for o in doc.organizations} <= {None, *get_args(OrgCategory)}
    for org in doc.organizations:
        for m in org.mentions:
            assert m.text == text[m.start : m.end]


def test_user_lists_are_found() -> None:
    """Names given to ``Extractor`` are entities even with no other evidence."""
    ex = newsfigs.Extractor(organizations=["큐리오시스"], people=["한별하"])
    doc = ex.extract("큐리오시스는 한별하와 함께 새 장비를 선보였다.")
    assert [o.name for o in doc.organizations] == ["큐리오시스"]
    assert [p.name for p in doc.people] == ["한별하"]


def test_institution_rows_are_valid() -> None:
    """Each institution row has a model category and a known reference kind, and no word is
    also a well-known organization (one meaning per surface)."""
    from newsfigs.core.resources import read_rows
    from newsfigs.names.gazetteer import name_tables

    known = name_tables().organizations
    for word, category, reference in read_rows("names/institutions.tsv"):
        assert category in get_args(OrgCategory), word
        assert reference in ("generic", "authority", "named"), word
        assert word not in known, word
