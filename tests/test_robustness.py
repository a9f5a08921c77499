"""Robustness (issue 7): odd input, Unicode forms, long and adversarial input, threads, workers.

Timing checks use generous bounds and ratios (a shared 2-core machine); the measured numbers
live in ``python -m benchmarks.scaling``. See docs/robustness.md for the guarantees.
"""

from __future__ import annotations

import datetime
import itertools
import json
import multiprocessing
import pickle
import time
import unicodedata
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from benchmarks.scaling import ADVERSARIAL
from tests.strategies import check_document, to_full_width, to_nfd

import newsfigs
from newsfigs.core import analyzer as analysis
from newsfigs.core.analyzer import sections
from newsfigs.core.textnorm import normalize

SEED_LIKE = (
    "22일 블룸버그에 따르면 앤트로픽은 기업가치 1700억 달러(약 240조원)를 목표로 "
    "100억 달러(약 14조원)를 조달할 계획이다. 발전 용량 64기가와트(GW) 중 33GW를 차지했다."
)
SENTENCES = (
    SEED_LIKE,
    "알렉세이 리하체프 로사톰 최고경영자(CEO)는 지난 3일 루카셴코 대통령을 만났다.",
    "삼성전자 홍길동 대표는 올해 영업이익이 전년 대비 12.5% 증가한 4조9000억원이라고 밝혔다.",
    "에너테크인터내셔널(이하 에너테크)은 2026년 상반기 3~5GWh 규모의 공장을 짓는다.",
    "직원 300여명이 참석했고, 기온은 영하 3℃였다.",
    "국제에너지기구(IEA)에 따르면 유가는 배럴당 80달러 안팎이다.",
)


def _figures(doc: newsfigs.Document) -> list[tuple[object, ...]]:
    return [(f.kind, f.value, f.low, f.high, f.unit, f.approximate, f.bound) for f in doc.figures]


def _names(doc: newsfigs.Document) -> tuple[list[str], list[str]]:
    return [p.name for p in doc.people], [o.name for o in doc.organizations]


# --- input types ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad",
    ["3억원".encode(), bytearray(b"x"), memoryview(b"x"), None, 3, 3.5, ["3억원"], object()],
)
def test_non_str_raises_a_type_error_naming_str(bad: object) -> None:
    with pytest.raises(TypeError, match="expects text as str") as err:
        newsfigs.extract(bad)  # type: ignore[arg-type]
    if isinstance(bad, (bytes, bytearray, memoryview)):
        assert "decode" in str(err.value)


def test_non_str_inside_extract_many_and_extractor_words() -> None:
    with pytest.raises(TypeError, match="decode"):
        list(newsfigs.extract_many(["3억원", "3억원".encode()]))  # type: ignore[list-item]
    with pytest.raises(TypeError, match="expects text as str"):
        newsfigs.Extractor(organizations=[3])  # type: ignore[list-item]


@pytest.mark.parametrize(
    "text", ["", " ", "\n\t  \n", "\u3000", "\xa0\xa0", "\r\n", "\u200b", "\ufeff", "&nbsp;"]
)
def test_empty_and_whitespace_give_an_empty_document(text: str) -> None:
    doc = newsfigs.extract(text)
    assert doc.text == text
    assert (doc.figures, doc.people, doc.organizations) == ([], [], [])


# --- odd Unicode -------------------------------------------------------------------------------

ODD = {
    "controls": "매출 \x00\x01\x07 3억원\x1b[0m 증가 5%\x7f\x85",
    "zero-width": "매출\u200b 3억원\u200c 증가\u200d 5%\ufeff 홍길동\u2060 대표",
    "emoji": "👍🏽 삼성전자 주가 3% 🚀🚀 1,700억원 👨‍👩‍👧 🇰🇷",
    "lone surrogates": "매출 \ud800 3억원 \udfff 5% 증가\udc80",
    "only surrogates": "\ud800\udc00\udfff\ud800",
    "html entities": "매출 3억&nbsp;원 &amp; 5&#37; &lt;b&gt;삼성전자&lt;/b&gt; &#xD800; &#0; &x;",
    "mixed scripts": "Москва 3억원 東京 5% مرحبا 10명 שלום ΑΒΓ 3.5ｋｍ",
    "bidi controls": "\u202e매출 3억원\u202c \u200f5%\u200e",
    "combining flood": "3" + "\u0301" * 500 + "억원 " + "\u0308" * 300,
    "private use": "\ue000 3억원 \U000f0000 5%",
    "noncharacters": "\ufffe\uffff 3억원 \U0010ffff",
    "compatibility jamo": "ㅋㅋㅋ 3억원 ㄱ씨",
    "circled numbers": "①3억원 ② 5% ⑴ 10명",
}


@pytest.mark.parametrize("name", sorted(ODD))
def test_odd_unicode_gives_valid_results(name: str) -> None:
    text = ODD[name]
    check_document(text, newsfigs.extract(text))


def test_html_entities_are_decoded_with_spans_into_the_original() -> None:
    text = "매출 3억&nbsp;원, 점유율 5&#37;"
    money, pct = newsfigs.extract(text).figures
    assert (money.text, money.value, money.unit) == ("3억&nbsp;원", Decimal(300000000), "KRW")
    assert (pct.text, pct.value) == ("5&#37;", Decimal(5))


def test_circled_numbers_do_not_merge_into_the_next_figure() -> None:
    """NFKC would read ①3억원 as 13억원; the marker is kept as written."""
    assert all(f.value != 1300000000 for f in newsfigs.extract("①3억원을 벌었다").figures)
    (f,) = newsfigs.extract("① 3억원을 벌었다").figures
    assert f.value == 300000000 and f.text == "3억원"


def test_json_of_a_document_with_lone_surrogates() -> None:
    """UTF-8 cannot encode lone surrogates: JSON writes U+FFFD, one for one, offsets intact."""
    text = "매출 \ud800 3억원"
    data = json.loads(newsfigs.extract(text).model_dump_json())
    assert data["text"] == "매출 \ufffd 3억원"
    (fig,) = data["figures"]
    assert data["text"][fig["start"] : fig["end"]] == fig["text"] == "3억원"


# --- Unicode forms -----------------------------------------------------------------------------

EQUIVALENT = [
    ("nfd seed", to_nfd(SEED_LIKE), SEED_LIKE),
    *((f"nfd {i}", to_nfd(s), s) for i, s in enumerate(SENTENCES[1:], 1)),
    ("full-width energy", "용량 ３ＧＷｈ 규모", "용량 3GWh 규모"),
    ("full-width money", "１７００억 달러（약 ２４０조원）", "1700억 달러(약 240조원)"),
    ("full-width percent", "점유율 ５０％, 금리 ０．２５％ｐ", "점유율 50%, 금리 0.25%p"),
    ("full-width comma", "１，７００억원", "1,700억원"),
    ("full-width seed", to_full_width(SEED_LIKE), SEED_LIKE),
    ("compat kW", "출력 ３㎾ 설비", "출력 3kW 설비"),
    ("compat m2", "면적 ８４㎡ 아파트", "면적 84m2 아파트"),
    ("superscript m2", "면적 84m² 아파트", "면적 84m2 아파트"),
    ("compat degC", "기온 영하 ３℃", "기온 영하 3°C"),
    ("compat km MW", "거리 ５㎞, 발전 ２㎿", "거리 5km, 발전 2MW"),
]


@pytest.mark.parametrize(("name", "variant", "plain"), EQUIVALENT, ids=[e[0] for e in EQUIVALENT])
def test_unicode_forms_give_the_same_results(name: str, variant: str, plain: str) -> None:
    doc, ref = newsfigs.extract(variant), newsfigs.extract(plain)
    check_document(variant, doc)
    assert _figures(doc) == _figures(ref)
    assert _names(doc) == _names(ref)
    for f, g in zip(doc.figures, ref.figures, strict=True):
        assert variant[f.start : f.end] == f.text
        if name.startswith("nfd"):
            assert unicodedata.normalize("NFC", f.text) == g.text
        else:
            assert unicodedata.normalize("NFKC", f.text) == unicodedata.normalize("NFKC", g.text)


# --- long input --------------------------------------------------------------------------------


@pytest.fixture
def small_sections(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sections of 300 characters (margin 100), so short tests cut a document many times."""
    monkeypatch.setattr(analysis, "SECTION_CHARS", 300)
    monkeypatch.setattr(analysis, "MARGIN", 100)


def _shifted(docs: list[newsfigs.Document], sep: str) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    offset = 0
    for d in docs:
        pairs = zip(d.figures, _figures(d), strict=True)
        out += [(f.start + offset, f.end + offset, *t) for f, t in pairs]
        offset += len(d.text) + len(sep)
    return out


def _spans(doc: newsfigs.Document) -> list[tuple[object, ...]]:
    return [(f.start, f.end, *t) for f, t in zip(doc.figures, _figures(doc), strict=True)]


def _mentions(doc: newsfigs.Document) -> set[tuple[int, int]]:
    entities = [*(p.mentions for p in doc.people), *(o.mentions for o in doc.organizations)]
    return {(m.start, m.end) for mentions in entities for m in mentions}


@pytest.mark.parametrize("sep", ["\n", " ", "\n\n"])
def test_long_document_matches_its_sentences(small_sections: None, sep: str) -> None:
    parts = [SENTENCES[i % len(SENTENCES)] for i in range(40)]
    text = sep.join(parts)
    assert len(sections(normalize(text).text)) > 5
    doc = newsfigs.extract(text)
    check_document(text, doc)
    singles = [newsfigs.extract(p) for p in parts]
    assert _spans(doc) == _shifted(singles, sep)
    offset, expected = 0, set()
    for d in singles:
        expected |= {(s + offset, e + offset) for s, e in _mentions(d)}
        offset += len(d.text) + len(sep)
    assert expected <= _mentions(doc), "a mention of a sentence is missing from the long text"


def test_cuts_at_spaces_lose_nothing(small_sections: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """No sentence end anywhere: sections are cut at spaces, inside figure phrases too."""
    phrase = "기업가치 1700억 달러(약 240조원) 용량 64기가와트(GW) 중 33GW 3~5% 직원 300여명 "
    text = phrase * 40
    sectioned = newsfigs.extract(text)
    monkeypatch.setattr(analysis, "SECTION_CHARS", 10**9)
    whole = newsfigs.extract(text)
    check_document(text, sectioned)
    assert _spans(sectioned) == _spans(whole)
    assert len(sectioned.figures) == 40 * len(newsfigs.extract(phrase).figures)


def test_long_document_offsets_with_normalization(small_sections: None) -> None:
    """Changed characters before a cut shift every later offset: spans must still slice back."""
    parts = [to_full_width(s) if i % 3 == 0 else to_nfd(s) for i, s in enumerate(SENTENCES * 6)]
    text = "&nbsp;\n".join(parts)
    doc = newsfigs.extract(text)
    check_document(text, doc)
    plain = newsfigs.extract("\n".join(SENTENCES * 6))
    assert _figures(doc) == _figures(plain)


def test_long_document_is_analysed_one_section_at_a_time(
    small_sections: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bounded memory: no analysed unit (and so no token list) is larger than one section."""
    sizes: list[int] = []
    build = analysis.Analysed.build

    def spy(norm: Any, tokens: Any, *args: Any, **kwargs: Any) -> analysis.Analysed:
        sizes.append(len(norm.text))
        return build(norm, tokens, *args, **kwargs)

    monkeypatch.setattr(analysis.Analysed, "build", spy)
    text = "\n".join(SENTENCES * 10)
    check_document(text, newsfigs.extract(text))
    list(newsfigs.extract_many([text, text]))
    assert len(sizes) > 20
    assert max(sizes) <= analysis.SECTION_CHARS + 2 * analysis.MARGIN < len(text) // 5


def test_sections_cover_the_text_and_own_disjoint_spans() -> None:
    text = ("가나다 " * 50 + "라마. " * 20 + "\n\n" + "1" * 3000 + " ") * 30
    secs = sections(text, limit=1000, margin=100)
    assert secs[0].own_start == 0 and secs[-1].own_end == len(text)
    for a, b in itertools.pairwise(secs):
        assert a.own_end == b.own_start
    for s in secs:
        assert s.start <= s.own_start < s.own_end <= s.end
        assert s.own_end - s.own_start <= 1000
        assert s.own_start - s.start <= 100 and s.end - s.own_end <= 100


def test_ten_megabytes_normalize_and_cut_into_bounded_sections() -> None:
    """The 10 MB case end to end is in benchmarks/scaling.py; here its two linear steps."""
    text = ("１７００억 달러（약 ２４０조원） 가\u11a8 &nbsp; " + SEED_LIKE + "\n") * 75_000
    assert len(text) > 10_000_000
    t0 = time.perf_counter()
    nm = normalize(text)
    secs = sections(nm.text)
    assert time.perf_counter() - t0 < 120
    assert max(s.end - s.start for s in secs) <= analysis.SECTION_CHARS + 2 * analysis.MARGIN
    assert nm.nstart is not None and len(nm.nstart) < len(text) // 5  # the map is compact
    i = nm.text.index("1700")
    assert nm.to_original(i, i + 4) == (text.index("１７００"), text.index("１７００") + 4)


# --- adversarial input -------------------------------------------------------------------------

ADV_N = 600
"""Base length of each adversarial case (checked at n and 10n)."""


def _best(text: str, repeat: int = 2) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        check_document(text, newsfigs.extract(text))
        best = min(best, time.perf_counter() - t0)
    return best


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_input_finishes_in_linear_time(name: str) -> None:
    build = ADVERSARIAL[name]
    small, large = _best(build(ADV_N)), _best(build(10 * ADV_N), repeat=1)
    assert large < 30, f"{name}: {large:.1f} s for {10 * ADV_N} characters"
    # linear: about 10×; quadratic: about 100×. A 0.05 s floor absorbs scheduler noise.
    assert large < 35 * max(small, 0.05), f"{name}: {small:.3f} s → {large:.3f} s"


# --- threads and processes ---------------------------------------------------------------------

THREADS = 8
THREAD_ROUNDS = 5


def test_threads_give_the_same_results_as_sequential_runs() -> None:
    texts = [*SENTENCES, *ODD.values(), SEED_LIKE * 4, " ".join(SENTENCES) * 3]
    ref = datetime.date(2026, 11, 24)
    expected = [newsfigs.extract(t, ref).model_dump() for t in texts]
    jobs = list(range(len(texts))) * THREAD_ROUNDS
    extractor = newsfigs.Extractor()  # a fresh one: its analyzer is built under contention

    def run(i: int) -> tuple[int, dict[str, Any]]:
        ex = extractor if i % 2 else newsfigs.api.default_extractor()
        return i, ex.extract(texts[i], ref).model_dump()

    expected_many = [d.model_dump() for d in newsfigs.extract_many(texts, ref)]
    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(run, jobs))
        many = list(pool.map(lambda _: list(newsfigs.extract_many(texts, ref)), range(THREADS)))
    assert len(results) == len(texts) * THREAD_ROUNDS  # extract calls, on 8 threads at once
    for i, got in results:
        assert got == expected[i], texts[i][:40]
    for docs in many:  # extract_many cuts long texts into other pieces: compare like with like
        assert [d.model_dump() for d in docs] == expected_many


def _in_worker(payload: bytes, texts: list[str]) -> list[dict[str, Any]]:
    extractor = pickle.loads(payload)
    return [extractor.extract(t).model_dump() for t in texts]


def _rebuild_in_worker(args: tuple[tuple[str, ...], tuple[str, ...], list[str]]) -> list[str]:
    organizations, people, texts = args
    ex = newsfigs.Extractor(organizations=organizations, people=people)
    return [ex.extract(t).model_dump_json() for t in texts]


def test_extractor_pickles_and_rebuilds_in_a_spawned_worker() -> None:
    ex = newsfigs.Extractor(organizations=["쿠루밍"], people=["정예린"])
    texts = ["쿠루밍은 3억원을 투자했다. 정예린 기자", *SENTENCES[:3]]
    ex.extract(texts[0])  # the analyzer is built: pickling must still send only the recipe
    payload = pickle.dumps(ex)
    assert len(payload) < 10_000
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        copied = pool.apply(_in_worker, (payload, texts))
        rebuilt = pool.apply(_rebuild_in_worker, ((ex.organizations, ex.people, texts),))
    # the worker imports the code on disk afresh, so compare within the worker, and check the
    # user words took effect there as they do here
    assert [newsfigs.Document.model_validate_json(r).model_dump() for r in rebuilt] == copied
    assert "쿠루밍" in [o["name"] for o in copied[0]["organizations"]]
    assert "쿠루밍" in [o.name for o in ex.extract(texts[0]).organizations]
    assert "쿠루밍" not in [o.name for o in newsfigs.extract(texts[0]).organizations]


# --- the shared news corpus --------------------------------------------------------------------

CORPUS_STEP = 3
"""Every 3rd KLUE sentence (about 4,200): the variety of the corpus in well under a minute."""


def test_shared_news_corpus_goes_through_without_exception(shared_dir: Path) -> None:
    path = shared_dir / "data" / "klue_news_sentences.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    lines = path.read_text(encoding="utf-8").splitlines()[::CORPUS_STEP]
    try:
        docs = list(newsfigs.extract_many(lines))
    except Exception:
        failures = _failures(lines, newsfigs.extract)
        pytest.fail(f"{len(failures)} of {len(lines)} sentences raise, e.g. {failures[:3]}")
    assert len(docs) == len(lines)
    for line, doc in zip(lines, docs, strict=True):
        check_document(line, doc)


def _failures(lines: list[str], run: Callable[[str], object]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for line in lines:
        try:
            run(line)
        except Exception as e:
            out.append((line, f"{type(e).__name__}: {str(e)[:120]}"))
    return out
