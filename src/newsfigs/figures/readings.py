"""Readings of a number with a counting word or no unit that the recognizer weighs: an age
group (``20대 여성``), "the N major" (``4대 은행``), a phase (``3기 신도시``), a band written
apart (``90만원 대``), won implied by a money noun (``매출 3150억``) and shares (``100주를
매수``). Helpers of ``figures.find_figures``.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from newsfigs.core.analyzer import Analysed
from newsfigs.core.candidates import FigureCandidate
from newsfigs.core.resources import read_rows, read_word_set, resource
from newsfigs.core.scan import literal_alternation, word_before
from newsfigs.figures.figure_context import counted_noun
from newsfigs.figures.figure_patterns import Patterns
from newsfigs.figures.operands import Operand, is_hangul, whole
from newsfigs.numbers import BIG_UNITS

_AGE_NEXT = frozenset({"NNG", "NNP", "NNB", "SL"})  # 20대 여성, 20대 중반, 30대 A씨
AMOUNT_UNITS = frozenset("억조경")  # …억대, …조대: an amount's range, never a count of 대
_LABEL_NEXT = _AGE_NEXT | {"XPN"}  # 3기 신도시: 신 is a prefix
_LABEL_BELOW = 10  # 300세대 (households) counts; 5세대 이동통신 names a generation
# 90만원 대 100만원, 찬성 7표 대 반대 2표: a number right after, or after one short word
_VERSUS = regex.compile(r"\x20?+(?:\p{Hangul}{1,4}+\x20)?+[\d$₩€£¥일이삼사오육칠팔구십백천만]")
_BAND_TAGS = frozenset({"XSN", "XPN", "NNB", "NNG"})  # the analyzer's readings of a lone 대
_NOT_AFTER_WON = frozenset({"NNG", "NNP", "NNB", "SL", "XSN"})  # 3조 달러: a unit or noun goes on
_PEOPLE = "figures/people_nouns.txt"
_GENERATION_WORDS = "figures/generation_words.txt"
_GENERATIONS = 10  # 재벌 2세, 교포 3세: below this a 세 after a generation word is no age
_REGNAL_NAMES = "figures/regnal_names.txt"
_AGE_GAP = regex.compile(
    r"\x20?+(?:연상|연하|터울|차이(?!나)|어린(?!이)|(?:위|아래)(?:[의로]|(?!\p{Hangul})))"
)  # 2살 연상, 세 살 차이, 두 살 어린 (not 5세 어린이), 두 살 위 (not 35세 위원장)
_MONTH_AFTER = regex.compile(r"\x20?+(?:1[0-2]|[1-9])월")
_DATED_YEARS = 100  # 20012년 9월, 1500년 3월: a year this large before a month is a date
_REGNALS = 30  # 루이 14세, 베네딕토 16세: regnal numbers stay below this
_AGE_GROUPS = frozenset(Decimal(n) for n in range(10, 100, 10))


def spaced_band(a: Analysed, P: Patterns, end: int) -> bool:
    """``90만원 대 가격``: a 대 of its own after the unit; not ``90만원 대 100만원`` or ``찬성
    7표 대 반대 2표`` (versus), nor the prefix of ``12.3인치 대형화면``."""
    t = a.text
    if not t.startswith(" ", end) or P.decade_suffix.match(t, end + 1) is None:
        return False
    if not whole(a, end + 1, end + 2) or a.tag_at.get(end + 1) not in _BAND_TAGS:
        return False
    nxt = end + 2
    if nxt < len(t) and is_hangul(t[nxt]) and not (a.tag_at.get(nxt) or "").startswith("J"):
        return False
    return _VERSUS.match(t, end + 2) is None


def implied_won(a: Analysed, P: Patterns, op: Operand, before: int) -> int | None:
    """``매출 3150억``, ``자산 20조``: a money noun before a bare big-unit number (KRW).

    The number must end in 만/억/조/경 as a whole word (``매출 3조 달성``, ``3150억을``), and
    the noun end right before it (``연매출 3000억`` too): a reader of Korean news takes won.
    Returns where the figure ends: after a big unit the analyzer read as a noun (``예산
    656조가``, 조 as a bound noun) too.
    """
    e = won_end(a, op)
    if e is None:
        return None
    return e if P.money_subject.search(a.text, max(0, before - 12), before) is not None else None


def won_end(a: Analysed, op: Operand) -> int | None:
    """Where a bare big-unit number ends if a money noun before it makes it won (the part of
    ``implied_won`` that needs no noun: a cheap test that most bare numbers fail)."""
    t = a.text
    e = op.numeral_end
    if op.group != "ar" or op.high is not None or op.end != e or op.approximate:
        return None
    if t[e - 1] not in BIG_UNITS:
        if t[e : e + 1] not in BIG_UNITS or e not in a.starts:
            return None
        if any(c in BIG_UNITS for c in t[op.start : e]):
            return None
        e += 1  # the analyzer's 조/NNB: still the number's unit after digits
    if e not in a.ends:
        return None
    nxt = a.tag_at.get(e)
    if nxt is not None and nxt in _NOT_AFTER_WON and not t.startswith("대", e):
        return None
    return e


def labels_kind(a: Analysed, op: Operand, end: int) -> bool:
    """A small number with 기/세대/종 and a noun right after names a phase or a class.

    Even after a noun (``수도권 3기 신도시``): ``원전 2기를`` still counts, ``원전 2기 건설`` is
    left unread (unsure).
    """
    if op.value >= _LABEL_BELOW:
        return False
    nxt = end + 1 if a.text.startswith(" ", end) else end
    return a.tag_at.get(nxt) in _LABEL_NEXT


def versus(a: Analysed, end: int) -> bool:
    """``찬성 8 대 반대 1``, ``8 대 2``: a number after the 대 (or after one short word) makes
    it "versus", never a count of 대."""
    return _VERSUS.match(a.text, end) is not None and a.text.startswith(" ", end)


def major_prefix(a: Analysed, op: Operand, counted: str | None, end: int) -> bool:
    """``4대 은행``, ``5대 그룹``, ``3대 악재``: "the N major", not N vehicles; ``1대1``: a pair.

    A small whole number glued to 대 with a noun right after it and no counted noun before it
    names a set of the biggest; a digit right after 대 makes a ratio or a score (``12대1``),
    which ``figures.ratios`` reads (``차량 4대 도입`` keeps its count).
    """
    t = a.text
    if t[end : end + 1].isdigit():
        return True
    if counted is not None or op.high is not None or op.group not in ("ar", "sino"):
        return False
    if op.value > 20 or op.end - op.numeral_end != 1 or not t.startswith(" ", end):
        return False
    return a.tag_at.get(end + 1) in ("NNG", "NNP")


def age_group(a: Analysed, op: Operand, counted: str | None, end: int) -> bool:
    """``20대`` is people in their twenties unless a counted noun frames it as vehicles.

    ``소방차 20대가`` counts fire engines; ``20대 여성``, ``거주 20대 남성``, ``응답자 중
    20대가`` and ``20∼30대`` are age groups (a noun after 대, or no counted noun before), and so
    is ``여성 20대가``: 대 never counts people (``data/figures/people_nouns.txt``).
    """
    if op.value not in _AGE_GROUPS or op.approximate:
        return False
    if op.high is not None and op.high not in _AGE_GROUPS:  # 20∼30대 남성: a range of groups
        return False
    if op.group not in ("ar", "sino"):
        return False
    nxt = end + 1 if a.text.startswith(" ", end) else end
    if counted is None or a.tag_at.get(nxt) in _AGE_NEXT:
        return True
    return any(counted.endswith(noun) for noun in read_word_set(_PEOPLE))  # 여성 20대가


_MANY_SHARES = 1000  # no one counts weeks by the thousand: 1,000주 이상, 50만주 are shares
_PER = "당"  # 1주당 배당금: the share is the basis of a rate, not a number of shares


@resource
def share_cues() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """(before, after) patterns of ``data/figures/share_cues.tsv`` (once per process)."""
    rows = read_rows("figures/share_cues.tsv")
    before = literal_alternation([w for w, where in rows if where == "before"])
    after = literal_alternation([w for w, where in rows if where == "after"])
    return (
        regex.compile(rf"(?<![가-힣])(?:{before})(?:을|를|은|는|이|가|도)?+\x20?+\Z"),
        regex.compile(rf"(?:을|를|씩|만|도)\x20?+(?:{after})"),
    )


def shares(a: Analysed, op: Operand, start: int, end: int) -> bool:
    """``주식 100주``, ``자사주 50만주``, ``100주를 매수``, ``1,000주 이상``: N주 counts shares.

    ``주`` after a number is a week as often (``2주 연속``, ``2주 보유 후``): shares need a share
    word right before, a verb of trading after the object particle (``300주를 순매수``), or a
    number of a thousand or more (written in digits).
    A duration cue (``100주 연속``) or ``당`` (``1주당``) after it leaves it.
    """
    t = a.text
    if op.group != "ar" or op.high is not None or op.value != op.value.to_integral_value():
        return False
    if t.startswith(_PER, end) or end not in a.ends:
        return False
    before, after = share_cues()
    if before.search(t, max(0, start - 8), start) is not None:
        return True
    m = after.match(t, end)
    return m is not None or op.value >= _MANY_SHARES


@resource
def times_classifiers() -> frozenset[str]:
    """Classifiers of a count of times (``data/figures/times_classifiers.txt``): 주 3회."""
    return frozenset(row[0] for row in read_rows("figures/times_classifiers.txt"))


@resource
def number_labels() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """(before, after) patterns of ``data/figures/number_labels.tsv`` (once per process)."""
    rows = read_rows("figures/number_labels.tsv")
    before = literal_alternation([w for w, where in rows if where == "before"])
    after = literal_alternation([w for w, where in rows if where == "after"])
    return (
        regex.compile(rf"(?<![가-힣])(?:{before})\x20?+\Z"),
        regex.compile(rf"\x20(?:{after})"),
    )


def labels_number(a: Analysed, op: Operand, start: int, end: int) -> bool:
    """``기호 2번 후보``, ``4번 타자``, ``10번 출구``, ``등번호 7번``: N번 numbers a thing.

    Digits only (``두 번 후보에 올랐다`` counts times). A label word right before the number,
    or a label noun after one space ending a morpheme (``출구로``, ``타자들``); ``3번 시도
    끝에`` still counts attempts.
    """
    if op.group != "ar":
        return False
    before, after = number_labels()
    if before.search(a.text, max(0, start - 5), start) is not None:
        return True
    m = after.match(a.text, end)
    return m is not None and (m.end() in a.ends or m.end() == len(a.text))


def generation(a: Analysed, P: Patterns, op: Operand, start: int) -> bool:
    """A word of ``data/figures/generation_words.txt`` right before: ``재벌 2세``, ``교포 3세``."""
    if op.value >= _GENERATIONS:
        return False
    noun = counted_noun(a, P, start)
    return noun is not None and any(noun.endswith(w) for w in read_word_set(_GENERATION_WORDS))


def regnal(a: Analysed, op: Operand, start: int) -> bool:
    """A monarch's or pope's number: ``엘리자베스 2세``, ``루이 14세``, ``프란치스코 1세``.

    The word one space before is a given name that reigns by number
    (``data/figures/regnal_names.txt``), and the number is small. An athlete's age written so
    (``메시 13세 때``) has a name that is not listed."""
    return op.value < _REGNALS and word_before(a.text, start) in read_word_set(_REGNAL_NAMES)


def age_gap(t: str, end: int) -> bool:
    """``13살 연하``, ``두 살 위``, ``세 살 차이``: a difference of ages, no one's age."""
    return _AGE_GAP.match(t, end) is not None


def dated_year(t: str, value: Decimal, end: int) -> bool:
    """``20012년 9월`` (a typing slip), ``1500년 3월``: a large number of years with a month
    after it is a date the date reader could not take, never a length of time."""
    return value >= _DATED_YEARS and _MONTH_AFTER.match(t, end) is not None


_UNIT_WORD = regex.compile(r"\s?단위")


def unit_of_account(t: str, c: FigureCandidate) -> bool:
    """``억원 단위``, ``만 원 단위로``: a big unit named as the scale of amounts, not one."""
    return t[c.start] in "만억조경" and _UNIT_WORD.match(t, c.end) is not None
