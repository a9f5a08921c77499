"""The abbreviation table and the general rule that links short forms in an article."""

from __future__ import annotations

from newsfigs.names.abbreviations import abbreviates, abbreviations
from newsfigs.names.gazetteer import name_tables

# Rows the general rule cannot derive (the short form does not start with the full name's
# first syllable, or takes a syllable from outside the institution word): the table holds them.
IRREGULAR = frozenset(
    {"KDI", "LH", "건보공단", "경총", "권익위", "대검", "민주노총", "복지부", "선관위", "인권위",
     "전경련", "카이스트", "한전"}
)  # fmt: skip


def test_rule_derives_the_regular_rows() -> None:
    """Every row not marked irregular is what the general rule says, and vice versa."""
    for short, full in abbreviations().items():
        assert abbreviates(short, full) == (short not in IRREGULAR), (short, full)


# Short forms the rule alone would also read as another row's full name: the table is asked
# first, so these are never linked to the other organization.
CROSS = frozenset({("방통위", "방송통신심의위원회")})


def test_rule_links_no_two_organizations_of_the_table() -> None:
    """No short form of the table abbreviates another row's full name (except ``CROSS``)."""
    table = abbreviations()
    for short, full in table.items():
        for other in set(table.values()) - {full}:
            assert not abbreviates(short, other) or (short, other) in CROSS, (short, other)


def test_prefixes_are_other_organizations() -> None:
    assert not abbreviates("삼성", "삼성전자")
    assert not abbreviates("서울대", "서울대병원")
    assert not abbreviates("현대", "현대자동차")


def test_short_forms_are_known_names() -> None:
    """A short form of the table is recognized as an organization wherever it is written."""
    known = name_tables().organizations
    missing = [s for s in abbreviations() if s not in known]
    assert missing == []
