"""The compact store of a transcript's morphemes gives back exactly what it was given."""

from hypothesis import given, settings, strategies as st

from ja_transcript.nlp import Morpheme, get_analyzer
from ja_transcript.nlp.store import MorphemeStore

LINES = ["オープンAIとCoreWeaveが40億ドルの契約を結んだ。", "", "はい、はい。", "ソフトバンクが…", "暗号資産 \t の話"]


def test_lines_read_back_equal_to_their_analysis():
    analysed = [get_analyzer().analyze(t) for t in LINES * 3]
    store = MorphemeStore(analysed)
    assert len(store) == len(analysed)
    assert list(store) == analysed and store[-1] == analysed[-1] and store[1:3] == analysed[1:3]
    assert all(type(m) is Morpheme for line in store for m in line)
    assert len(store._words) < sum(map(len, analysed))  # repeated words are stored once


def test_a_line_is_a_new_list_each_time_and_can_be_replaced():
    store = MorphemeStore([get_analyzer().analyze("急凍した")])
    first = store[0]
    first.clear()
    assert store[0] == get_analyzer().analyze("急凍した")
    store[0] = get_analyzer().analyze("急騰した")
    assert [m.surface for m in store[0]] == ["急騰", "し", "た"]


def test_morphemes_that_do_not_tile_the_line_are_kept_as_given():
    ms = get_analyzer().analyze("はい、そう")
    gap = [ms[0]._replace(start=1, end=2)] + ms[1:]  # as a caller might shift them
    store = MorphemeStore([gap, ms])
    assert store[0] == gap and store[1] == ms


def test_views_read_the_line_back_on_use():
    ms = get_analyzer().analyze("今日は暗号資産の話です。")
    store = MorphemeStore([ms])
    view = store.view(0)
    assert len(view) == len(ms) and list(view) == ms and view[0] == ms[0] and view[-1] == ms[-1]
    assert view == ms and bool(store.view(0)) and not MorphemeStore([[]]).view(0)
    store[0] = get_analyzer().analyze("はい。")
    assert [m.surface for m in view] == ["はい", "。"]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(alphabet="あいう漢字カナ。、 abc12…\t", max_size=30), max_size=8))
def test_any_lines_round_trip(lines):
    analysed = [get_analyzer().analyze(t) for t in lines]
    assert list(MorphemeStore(analysed)) == analysed


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="あいう漢字カナ。、 abc12", max_size=30), st.integers(0, 32), st.integers(0, 32),
       st.integers(-40, 40))
def test_a_piece_read_back_shifted_is_analyzer_shifted(text, a, b, shift):
    from ja_transcript.nlp.analyzer import shifted

    ms = get_analyzer().analyze(text)
    start, end = min(a, b), max(a, b)
    store = MorphemeStore([ms])
    assert store.shifted(0, shift, start, end) == shifted(ms, shift, start, end)
    assert all(store.view(0)[k] == ms[k] for k in range(-len(ms), len(ms)))
