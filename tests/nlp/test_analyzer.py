import pytest
from hypothesis import given, settings, strategies as st

from ja_transcript.nlp.analyzer import MAX_CHUNK_CHARS, Analyzer, chunk_spans, get_analyzer


def test_offsets_slice_back_and_readings_are_katakana():
    text = "オープンAIとCoreWeaveが40億ドルの契約を結んだ。"
    ms = get_analyzer().analyze(text)
    assert "".join(m.surface for m in ms) == text
    assert all(text[m.start:m.end] == m.surface for m in ms)
    assert [m.reading for m in ms if m.surface == "契約"] == ["ケイヤク"]


def test_long_text_over_sudachi_limit_is_cut_with_global_offsets():
    sentence = "暗号資産の価格が急騰したというニュースが流れました。"
    text = sentence * 3000  # ~75,000 chars, ~225 KB: SudachiPy alone rejects this
    ms = get_analyzer().analyze(text)
    assert "".join(m.surface for m in ms) == text
    assert ms[-1].end == len(text)
    assert all(text[m.start:m.end] == m.surface for m in ms[::997])


def test_long_text_without_punctuation_is_still_cut():
    text = "あ" * (MAX_CHUNK_CHARS * 2 + 5)
    assert "".join(m.surface for m in get_analyzer().analyze(text)) == text


@pytest.mark.parametrize("char", ["㍿", "㌖", "…"])
def test_text_that_normalization_makes_too_long_is_cut_again(char):
    # SudachiPy's limit applies after normalization: 12,000 x ㍿ (株式会社) is 144 KB to it
    text = "はい、" + char * (MAX_CHUNK_CHARS + 3000)
    ms = get_analyzer().analyze(text)
    assert "".join(m.surface for m in ms) == text
    assert all(text[m.start:m.end] == m.surface for m in ms)


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="あいう。、 abc", max_size=60), st.integers(min_value=1, max_value=10))
def test_chunks_cover_the_text_in_order(text, limit):
    spans = chunk_spans(text, limit)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(0 < e - s <= limit for s, e in spans)


def test_analyzer_pickles_by_settings():
    import pickle

    a = pickle.loads(pickle.dumps(Analyzer("A")))
    assert a.mode == "A" and [m.surface for m in a.analyze("仮想通貨")] == ["仮想", "通貨"]


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="あいう。、 abc日本語", max_size=30), st.integers(0, 31), st.integers(0, 31),
       st.integers(-5, 5))
def test_shifted_keeps_the_morphemes_inside_the_span(text, start, end, shift):
    from ja_transcript.nlp.analyzer import shifted

    ms = get_analyzer().analyze(text)
    expected = [(m.surface, m.start + shift, m.end + shift) for m in ms if m.start >= start and m.end <= end]
    assert [tuple(m[:3]) for m in shifted(ms, shift, start, end)] == expected


# Characters SudachiPy rewrites before analysis (… -> ．．．, ⑴ -> (1), ㍿ -> 株式会社): it then
# reports morphemes with empty surfaces. The analysis must still cover the input exactly.
@pytest.mark.parametrize("text", ["ソフトバンクが…", "CoreWeave‥です", "㈱ABC⑴‼⁉", "㍿の話…。", "…", "a\ufe0fb"])
def test_surfaces_are_slices_that_cover_the_input(text):
    ms = get_analyzer().analyze(text)
    assert "".join(m.surface for m in ms) == text
    assert all(m.surface and text[m.start:m.end] == m.surface for m in ms)
    assert [m.start for m in ms[1:]] == [m.end for m in ms[:-1]]


def test_normalized_pieces_stay_with_their_character():
    (m,) = [m for m in get_analyzer().analyze("⑴") if m.surface == "⑴"]
    assert m.normalized == "(1)"


def test_lone_surrogate_is_analysed_in_place():
    text = "は\ud800い"
    ms = get_analyzer().analyze(text)
    assert "".join(m.surface for m in ms) == text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_code_points_are_covered(text):
    ms = get_analyzer().analyze(text)
    assert "".join(m.surface for m in ms) == text
    assert all(text[m.start:m.end] == m.surface for m in ms)
