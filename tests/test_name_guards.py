"""The per-word guards of ``names.find_names`` must hold wherever the rule they skip could fire.

``find_names`` calls some rules only when a cheap condition holds (speed: most words meet
none); the condition must be necessary for the rule, or a rule change would be silently
skipped. Checked here on every title of the word list, glued after short and long heads.
"""

from __future__ import annotations

import pytest

from newsfigs.names import find_names, glued_titles
from newsfigs.names.gazetteer import name_tables

HEADS = ["가", "교육", "재무", "연구소", "공정거래위", "한국학습진로테라피연구"]
"""Heads of one to ten characters, so every split of head and title is tried."""


@pytest.mark.parametrize("head", HEADS)
def test_title_end_holds_wherever_a_glued_title_is_read(head: str) -> None:
    lex = name_tables()
    for title in lex.titles:
        for stem in (head + title, head + title + "등"):
            if glued_titles._glued_title(stem, lex) is not None:
                assert find_names._title_end(stem, lex.titles), stem
