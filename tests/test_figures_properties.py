"""Properties of ``extract`` over arbitrary text: it never raises and every span slices back.

Random strings rarely hit the recognizer's interesting paths, so besides plain ``st.text()``
the strategies glue together the pieces of Korean news figures (digits with separators,
만/억/조, native numerals, units, classifiers, qualifiers, particles, brackets, ranges) in any
order, including the broken orders no article contains.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.strategies import check_document

import newsfigs
from newsfigs.units import classifiers, unit_surfaces

PIECES = sorted(
    {
        *unit_surfaces(),
        *classifiers(),
        *"0123456789,.~-–() %$₩€£¥\u3000\n\t",
        *"만억조경천백십",
        *["1,700", "98.32", "4조9000억", "13만", "5,678", "2경", "3~5", "0.25", "１２", "㎾"],
        *["한", "두", "세", "서너", "한두", "석", "넉", "열", "스무", "서른", "수십", "제"],
        *["약", "최대", "최소", "이상", "이하", "미만", "초과", "가량", "여", "대", "반"],
        *["넘는", "이 넘는", "가 넘게", "을 넘는", "간", "동안", "만에", "째", "분의"],
        *["섭씨", "영하", "원", "달러", "명", "대", "년", "월", "일", "시", "분", "초"],
        *["을", "를", "이", "가", "의", "에", "로", "는", "직원", "소방차", "지난해", "2차전지"],
        *["(약 ", ")", "(GW)", "ᄒ", "ᅡ", "ᆫ", "\u200b", "\ufeff", "A", "S24", "v2.3.1"],
    }
)

news_like = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
any_text = st.one_of(st.text(max_size=200), news_like)

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@SETTINGS
@given(any_text)
def test_extract_never_raises_and_spans_slice_back(text: str) -> None:
    check_document(text, newsfigs.extract(text))


@SETTINGS
@given(news_like, news_like)
def test_figures_inside_a_sentence_slice_back(head: str, tail: str) -> None:
    """A known figure between random pieces: whatever is found still indexes the input."""
    text = f"{head} 매출 1,700억 달러(약 240조원), 직원 300명 {tail}"
    check_document(text, newsfigs.extract(text))
