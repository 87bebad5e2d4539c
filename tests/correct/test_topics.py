"""Word vectors say which of two same-sounding words a line is about (correct/topics.py).

Each case: a line, the term, the dictionary word heard on the span, and whether the line's
other words are about the term (True) or about the word (False), as a reader judges it."""

from __future__ import annotations

import pytest

from ja_transcript.correct.topics import Passage, default_topics
from ja_transcript.nlp import get_analyzer

CASES = [
    # conferences / parks
    ("学会の公園で最新の研究について話しました", "講演", "公園", True),
    ("日曜日に公園のベンチで子供とお弁当を食べた", "講演", "公園", False),
    # company results / arithmetic
    ("今期の計算では営業利益と売上高が過去最高でした", "決算", "計算", True),
    ("小学生が足し算と引き算の計算ドリルを解いている", "決算", "計算", False),
    # medicine / stones
    ("病院の石が患者の症状を丁寧に診てくれた", "医師", "石", True),
    ("川原で平たい石を拾って水面に投げた", "医師", "石", False),
    # computers / orbits
    ("ノートパソコンの起動に時間がかかってアプリが開かない", "軌道", "起動", False),
]


@pytest.fixture(scope="module")
def topics():
    return default_topics()


def _fit(topics, line: str, term: str, word: str) -> tuple[float, float]:
    start = line.index(word)
    return topics.passage(get_analyzer().analyze(line)).fit(topics.text(term), topics.text(word),
                                                            (start, start + len(word)))


@pytest.mark.parametrize("line, term, word, about_term", CASES)
def test_a_line_says_which_word_it_is_about(topics, line, term, word, about_term):
    line_fit, with_around = _fit(topics, line, term, word)
    assert (line_fit > 0) is about_term
    assert with_around == line_fit  # no lines around: the same figure


def test_words_are_found_by_their_normalized_form(topics):
    [went] = [m for m in get_analyzer().analyze("駅まで行った") if m.surface == "行っ"]
    assert topics.word(went) is not None  # 行っ is looked up as 行く


def test_the_span_itself_is_left_out_of_the_line():
    topics = default_topics()
    line = "公園"
    assert _fit(topics, line, "講演", "公園") == (0.0, 0.0)  # no other words: nothing to tell


def test_unknown_vectors_tell_nothing(topics):
    passage = topics.passage(get_analyzer().analyze("研究の発表を聞いた"))
    assert passage.fit(None, topics.text("公園"), (0, 0)) == (0.0, 0.0)
    assert passage.fit(topics.text("講演"), None, (0, 0)) == (0.0, 0.0)


def test_the_lines_around_count_in_the_second_figure_only(topics):
    analyze = get_analyzer().analyze
    line = "その公園は"
    around = [analyze("国際学会の二日目です"), analyze("研究者が成果を発表します")]
    alone = topics.passage(analyze(line)).fit(topics.text("講演"), topics.text("公園"), (2, 4))
    passage = topics.passage(analyze(line), around)
    assert isinstance(passage, Passage)
    line_fit, with_around = passage.fit(topics.text("講演"), topics.text("公園"), (2, 4))
    assert line_fit == alone[0]
    assert with_around > 0.2  # the lines around are about a conference
