"""Headline surnames in Hanja: ``朴대통령``, ``盧 前대통령``, ``李 전 총리``.

Korean headlines write a well-known person's surname as one Hanja character before the title.
Such a character is no word of the entity rules (words are Hangul, Latin and digits), so the
rule reads it from the text before a title word. The characters and their Hangul readings are
data (``data/names/hanja_surnames.tsv``); characters headlines also use for a country or an
institution (``韓``, ``美``, ``北``) are not listed. The person is named by the Hangul surname,
so a full name of the article (``박근혜``) links to it like ``박 대통령``.
"""

from __future__ import annotations

from newsfigs.core.candidates import PersonCandidate
from newsfigs.core.resources import read_rows, resource
from newsfigs.names.gazetteer import NameTables
from newsfigs.names.people import title_span
from newsfigs.names.words import Word

_FORMER = "前"


@resource
def hanja_surnames() -> dict[str, str]:
    """Hanja surname → its Hangul reading."""
    return {row[0]: row[1] for row in read_rows("names/hanja_surnames.tsv")}


def by_hanja_surname(
    text: str, words: list[Word], i: int, lex: NameTables
) -> PersonCandidate | None:
    """The Hanja surname right before the title ending at word ``i`` (a space, ``前`` between)."""
    t0, title = title_span(text, words, i, lex)
    first = words[t0]
    gap = first.gap
    if gap.isspace() or not gap:
        return None  # most titles: no Hanja before
    head = gap.rstrip(" ")
    if head.endswith(_FORMER):
        head = head[: -len(_FORMER)].rstrip(" ")
    table = hanja_surnames()
    for n in (2, 1):
        h = head[-n:]
        if len(h) != n or h not in table:
            continue
        if len(head) > n and head[-n - 1].isalnum():
            return None  # 金融, 大李: part of a longer Hanja or Hangul word
        start = first.start - len(gap) + len(head) - n
        before = text[start + n : first.start].strip(" ")
        return PersonCandidate(
            start=start,
            end=start + n,
            source="surname",
            name=table[h],
            title=f"{before}{title}" if before else title,
        )
    return None
