"""Organizations by their legal-form mark: ``(주)한화``, ``메이크스페이스(주)``, ``(사)나눔광장``.

A mark of incorporation is the evidence no other rule needs: whatever the word, written right
before or after the mark it is a company (``주``, ``유``) or an association (``사``, ``재``).
Split from ``names/organizations.py`` (round 8) to keep that module to one concept per file.
"""

from __future__ import annotations

import regex

from newsfigs.core.candidates import OrgCandidate
from newsfigs.names.words import Word

_CORP_MARK = regex.compile(r"\(([주유재사])\)")


def corp_marks(text: str, words: list[Word]) -> list[OrgCandidate]:
    """``(주)한화``, ``메이크스페이스(주)``, ``(사)나눔광장``: a legal-form mark names a company
    (``주``, ``유``) or an association (``사``, ``재``) written right before or after it.

    The mark is part of the name as written (``㈜`` is normalized to ``(주)`` first).
    """
    if "(" not in text:
        return []
    out: list[OrgCandidate] = []
    starts = {w.start: k for k, w in enumerate(words)}
    ends = {w.stem_end: k for k, w in enumerate(words) if w.stem}
    for m in _CORP_MARK.finditer(text):
        company = m.group(1) in ("주", "유")
        k = starts.get(m.end())
        if k is not None and words[k].stem and (words[k].hangul or words[k].latin):
            w = words[k]
            start, end = m.start(), w.stem_end
        else:
            k = ends.get(m.start())
            if k is None or words[k].particle or not (words[k].hangul or words[k].latin):
                continue
            w = words[k]
            start, end = w.start, m.end()
        # a common word (``(주)리서치``) names the company only with its mark: the bare word
        # must not become a name that later occurrences repeat
        name = w.stem if w.proper or w.latin else text[start:end]
        out.append(
            OrgCandidate(
                start=start,
                end=end,
                source="corp_mark",
                name=name,
                category="company" if company else "association",
            )
        )
    return out
