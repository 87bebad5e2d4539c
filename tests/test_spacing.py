"""ASR spacing: removed by recorded edits where the whole transcript is spaced, never next
to Latin letters or digits, and kept in a transcript with occasional spaces."""

from ja_transcript import Pipeline
from ja_transcript.spacing import is_spaced, spacing_edits


def test_a_spaced_transcript_is_joined_back_losslessly():
    text = "今日 は 天気 が いい ので 散歩 に 行き ました\n公園 には 人 が たくさん いて\nGPU の 値段 は 3 万円 です\n"
    doc = Pipeline().process_text(text, "w.txt", format="txt")
    assert [line.clean for line in doc.lines] == ["今日は天気がいいので散歩に行きました", "公園には人がたくさんいて",
                                                 "GPU の値段は 3 万円です"]
    assert {c.method for c in doc.corrections} == {"spacing"}
    assert all(c.original.strip() == "" and c.canonical is None for c in doc.corrections)


def test_occasional_spaces_are_the_writers():
    text = "今日はいい天気ですね。\nそうですね　本当に。\n明日も晴れるといいな。\n"
    doc = Pipeline().process_text(text, "w.txt", format="txt")
    assert doc.corrections == [] and doc.lines[1].clean == "そうですね　本当に。"


def test_spaces_next_to_latin_or_digits_stay():
    assert spacing_edits("CoreWeave の GPU クラウド 2 台") == []
    assert not is_spaced(["GPU クラウド", "iPhone 15 の話"])
