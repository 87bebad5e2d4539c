import pytest

from ja_transcript.nlp import get_analyzer
from ja_transcript.structure import explain_kinds, is_polite, line_form, line_kinds, punctuated_share


def kinds(lines):
    a = get_analyzer()
    return line_kinds(lines, [a.analyze(t) for t in lines])


def test_title_and_heading_inside_a_sentence_of_another_domain():
    lines = [
        "週末の料理教室",
        "今日はね、鶏肉を使った料理を作っていきます。",
        "まず鶏もも肉を一口大に切って、",
        "下味の付け方",
        "塩と胡椒をしっかり揉み込んでいきます。",
        "",
        "次はソースです。",
    ]
    assert kinds(lines) == ["title", "speech", "speech", "heading", "speech", "blank", "speech"]


@pytest.mark.parametrize("line", [
    "今、マイニングをね、仮想通貨マイニングを",  # ends in a particle: an unfinished clause
    "それが一番の問題",  # a case-marked subject: speech
    "はい",
    "そうですね",
    "3000円",
])
def test_speech_lines_are_not_headings(line):
    context = ["こんにちは、今日は天気の話をします。", line, "そういうことなんですよ。"]
    assert kinds(context)[1] == "speech"


def test_unpunctuated_transcript_needs_a_pure_noun_phrase():
    lines = ["今日は大谷選手の話をします", "ドジャースの先発投手", "昨日の試合で打ったんですよ", "すごかったですね"]
    a = get_analyzer()
    assert punctuated_share(lines) == 0.0
    assert line_form(lines[1], a.analyze(lines[1])).ending == "noun"
    assert line_form(lines[2], a.analyze(lines[2])).ending == "polite"


def test_first_line_that_is_speech_is_not_a_title():
    assert kinds(["こんにちは、いわみです。", "今日の話題"])[0] == "speech"


def test_long_line_without_punctuation_is_speech():
    line = "人工知能を使った新しいサービスの開発と大規模なデータセンターの建設と電力の確保の問題"
    assert kinds(["はい。", line])[1] == "speech"


def test_timed_cues_are_all_speech():
    lines = ["今日のゲスト", "山田さんです。"]
    a = get_analyzer()
    assert line_kinds(lines, [a.analyze(t) for t in lines], timed=True) == ["speech", "speech"]


def test_fragmentary_unpunctuated_text_has_no_headings():
    lines = ["今日のゲスト", "山田さんです", "昨日の試合", "すごかったですね", "最後の打席", "ホームランでした"] * 3
    assert "heading" not in kinds(lines) and "title" not in kinds(lines)


def test_space_separated_title_of_noun_phrases():
    lines = ["はままつ朝ラジ ローカルニュースと天気 9月1日防災の日スペシャル", "おはようございます、朝の時間です。",
             "今日は防災の日ですね。"]
    assert kinds(lines)[0] == "title"
    spoken = ["今日は いい天気", "おはようございます、朝の時間です。", "今日は防災の日ですね。"]
    assert kinds(spoken)[0] == "speech"  # a space in speech: its first part ends in a particle
