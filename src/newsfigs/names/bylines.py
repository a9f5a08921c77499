"""Reporter bylines: ``[더구루=정예린 기자]``, ``(서울=연합뉴스) 홍길동 기자 =``, e-mail lines.

A byline names a reporter (a person with title 기자 or 특파원, affiliated with the outlet) and
the outlet (an organization of category ``media``). Bylines have a few fixed shapes, so
they are matched on the characters, before and independently of the morpheme rules.
"""

from __future__ import annotations

import regex

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import NameCandidate, OrgCandidate, PersonCandidate
from newsfigs.names.gazetteer import NameTables
from newsfigs.names.people import korean_name

_ROLE = r"(?:선임기자|기자|특파원|통신원|객원기자|인턴기자)"
_ROLE_CORE = regex.compile(r"기자|특파원|통신원")
"""Every byline role contains one of these: a text with none holds no byline (most texts)."""
_NAMES = r"\p{Hangul}{2,4}+(?:[·,]\s?+\p{Hangul}{2,4}+){0,3}+"
# [더구루=정예린 기자]  [아시아경제 뉴욕=김철수 특파원]
_OUTLET_FIRST = regex.compile(
    rf"[\[(【]\s*+(?P<outlet>[^\[\]()【】=\n]{{1,25}}?)\s*+=\s*+"
    rf"(?P<names>{_NAMES})\s?+(?P<role>{_ROLE})\s*+[\])】]"
)
# (서울=연합뉴스) 홍길동 기자 =   [서울=뉴시스] 홍길동 기자
_PLACE_FIRST = regex.compile(
    rf"[\[(【]\s*+[^\[\]()【】=\n]{{1,15}}?\s*+=\s*+(?P<outlet>[^\[\]()【】=\n]{{1,25}}?)\s*+"
    rf"[\])】]\s*+(?P<names>{_NAMES})\s?+(?P<role>{_ROLE})"
)
# [이데일리 홍길동 기자]
_SPACED = regex.compile(
    rf"[\[(【]\s*+(?P<outlet>[^\[\]()【】=\s]{{2,15}}+)\s++"
    rf"(?P<names>{_NAMES})\s?+(?P<role>{_ROLE})\s*+[\])】]"
)
# 홍길동 기자 hong@example.com
_EMAIL = regex.compile(
    rf"(?<!\p{{Hangul}})(?P<names>\p{{Hangul}}{{2,4}}+)\s?+(?P<role>{_ROLE})\s*+[=(]?\s*+"
    r"[\w.+\-]{1,40}+@[\w\-]{1,40}+(?:\.[\w\-]{1,20}+){1,4}+"
)
_NAME = regex.compile(r"\p{Hangul}{2,4}+")
# [최유진/한빛증권 연구위원 : …]  the speaker caption of broadcast news transcripts
_CAPTION = regex.compile(r"\[\s*+(?P<names>\p{Hangul}{2,4}+)\s*+/\s*+(?P<rest>[^\[\]/:\n]{1,40}+):")


def _outlet(a: Analysed, m: regex.Match[str], lex: NameTables) -> tuple[OrgCandidate | None, str]:
    """The outlet organization (a trailing place such as ``뉴욕`` is not part of it)."""
    start, end = m.span("outlet")
    text = a.text[start:end]
    head, _, tail = text.rpartition(" ")
    if head and tail in lex.places:
        text = head.strip()
        end = start + len(text)
    if not text or text.isspace():
        return None, ""
    outlet = OrgCandidate(start=start, end=end, source="byline", name=text, category="media")
    return outlet, text


def recognize(a: Analysed, lex: NameTables) -> list[NameCandidate]:
    """Reporters and outlets of the bylines of ``a``."""
    out: list[NameCandidate] = []
    text = a.text
    taken: list[tuple[int, int]] = []
    patterns = (_OUTLET_FIRST, _PLACE_FIRST, _SPACED, _EMAIL) if _ROLE_CORE.search(text) else ()
    for pattern in patterns:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            outlet_text = ""
            if "outlet" in pattern.groupindex:
                cand, outlet_text = _outlet(a, m, lex)
                if cand is None:
                    continue
                out.append(cand)
            role = m.group("role")
            n0 = m.start("names")
            for nm in _NAME.finditer(m.group("names")):
                if not korean_name(nm.group(), lex):
                    continue
                reporter = PersonCandidate(
                    start=n0 + nm.start(),
                    end=n0 + nm.end(),
                    source="byline",
                    name=nm.group(),
                    title=role,
                    affiliation=outlet_text or None,
                )
                out.append(reporter)
            taken.append(m.span())
    out.extend(_captions(text, lex))
    return out


def _captions(text: str, lex: NameTables) -> list[NameCandidate]:
    """``[최유진/한빛증권 연구위원 : …]``: the speaker, with the title and affiliation after ``/``.

    The last word before ``:`` must be a title (``[홍길동/서울 마포구 : …]`` names a resident
    and the place where they live, not a role)."""
    out: list[NameCandidate] = []
    for m in _CAPTION.finditer(text):
        name = m.group("names")
        head, _, title = m.group("rest").strip().rpartition(" ")
        if not korean_name(name, lex) or lex.titles.get(title) not in ("title", "weak"):
            continue
        affiliation = head.strip() or None
        if affiliation is not None and affiliation in lex.places:
            affiliation = None
        start = m.start("names")
        out.append(
            PersonCandidate(
                start=start,
                end=start + len(name),
                source="title",
                name=name,
                title=title,
                affiliation=affiliation,
            )
        )
    return out
