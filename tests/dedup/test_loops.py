import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ja_transcript.dedup import DedupConfig, find_loops
from ja_transcript.chars import apply_edits


def collapse(text: str) -> str:
    return apply_edits(text, find_loops(text))


def spans(edits) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, e.replacement) for e in edits]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("フフフフフフフフフ", "フフフ"),  # a character: kept as a natural triple
        ("あ、あ、あ、あ、あ、あ、あの、", "あ、あ、あ、あの、"),  # a stammer
        ("はいはいはいはいはいはいはい", "はいはい"),  # a word: kept as a double
        ("ありがとうございます。" * 8, "ありがとうございます。" * 2),  # a sentence
        ("今日は" + "そうそう" * 6 + "って話", "今日はそうそうって話"),
        ("ご視聴ありがとうございました" * 5, "ご視聴ありがとうございました" * 2),
        ("最後の" + "ありがとう。" * 6 + "ありがとう", "最後のありがとう。ありがとう"),  # bare last copy
        ("hahahahahahahaha", "haha"),
    ],
)
def test_runaway_loops_collapse(text, expected):
    assert collapse(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "いろいろ考えたんですけど、まあまあでした。",
        "ははは、そうそうそう、それそれ。",
        "ふふふふ、はいはいはい、はいはいはいはい",  # up to four short copies are speech
        "ありがとうございます。ありがとうございます。ありがとうございます。",
        "すごーーーーーーい！",  # a stretched vowel is not a loop
        "人口は100000000人で、0.0000001%の確率",  # digits never loop
        "…………。。。。。",
        "",
        "あ",
    ],
)
def test_natural_repeats_untouched(text):
    assert find_loops(text) == []


def test_offsets_index_the_text_and_edits_are_sorted():
    text = "えっと、" + "あ、" * 7 + "それで" + "ウウウウウウウ" + "終わり"
    edits = spans(find_loops(text))
    assert [text[s:e] for s, e, _ in edits] == ["あ、" * 7, "ウ" * 7]
    assert edits == sorted(edits)
    assert all(e.original == text[e.start:e.end] and e.method == "loop" for e in find_loops(text))
    assert collapse(text) == "えっと、あ、あ、あ、それでウウウ終わり"


def test_config_sets_copies_kept_and_required():
    config = DedupConfig(loop_keep_phrase=1, loop_min_copies_long=3)
    text = "ありがとうございます。" * 3
    assert apply_edits(text, find_loops(text, config)) == "ありがとうございます。"


PHRASES = ["はい", "あ、", "ありがとうございます。", "そう", "フ", "いろいろ", "データ", "えー、", "暗号資産の", "1"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PHRASES), st.integers(1, 12)), max_size=8))
def test_collapsing_keeps_every_distinct_phrase(parts):
    text = "".join(p * k for p, k in parts)
    edits = spans(find_loops(text))
    previous_end = 0
    for start, end, replacement in edits:
        assert previous_end <= start < end <= len(text)
        # a replacement is the run's own beginning: nothing is invented
        assert text[start:end].startswith(replacement) and replacement
        previous_end = end
    out = apply_edits(text, find_loops(text))
    for phrase, _ in parts:
        assert phrase in out
    assert len(out) <= len(text)
    assert spans(find_loops(text)) == edits  # deterministic


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="あいうアイ、。はそ1ー", max_size=60))
def test_arbitrary_text_keeps_its_characters_and_collapses_once(text):
    out = collapse(text)
    assert set(out) == set(text)
    assert collapse(out) == out


def test_runs_of_non_letters_are_passed_in_linear_time():
    # 5000 digits took 14 s: every position was tried with every unit size, though no unit
    # may start with a digit; letters still loop as before
    import time

    start = time.perf_counter()
    for run in ("7" * 5000, "。" * 5000, "😀" * 5000, " " * 5000):
        assert find_loops("価格は" + run + "らしい") == []
    assert time.perf_counter() - start < 2
    assert spans(find_loops("あ" * 5000)) == [(0, 5000, "あああ")]
