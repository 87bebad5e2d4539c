"""Sound tags: lines of tags only are nonspeech and outside sentences; tags inside speech
leave the clean text by recorded edits; parentheses that hold words stay."""

import pytest

from ja_transcript import Pipeline
from ja_transcript.nonspeech import is_nonspeech, nonspeech_edits, tag_spans


@pytest.mark.parametrize("text", ["[音楽]", "［拍手］", "♪～", "♪ ♪", "(笑)", "（拍手）。", "[Music]", "(applause)",
                                  "♪春の小川は さらさら行くよ♪", "[音楽] [拍手]"])
def test_lines_of_tags_only_are_nonspeech(text):
    assert is_nonspeech(text)


@pytest.mark.parametrize("text", ["(なんです)って言ってた", "はい（笑）", "価格(税込)は千円", "[音楽]の授業が好き",
                                  "今日は晴れ。", "（株）ソフトバンク", "(1)売上"])
def test_speech_with_or_without_tags_is_not(text):
    assert not is_nonspeech(text)


def test_only_sound_words_count_in_parentheses():
    assert tag_spans("価格(税込)は千円（笑）") == [(9, 12)]
    assert tag_spans("（株）ソフトバンク") == []


def test_tags_inside_speech_are_recorded_edits_that_replay():
    edits = nonspeech_edits("♪音楽♪ こんにちは [拍手] どうも")
    assert [(e.original, e.replacement, e.method) for e in edits] == [
        ("♪音楽♪ ", "", "nonspeech"), ("[拍手] ", "", "nonspeech")]


def test_pipeline_keeps_tags_out_of_sentences_and_loses_nothing():
    vtt = ("WEBVTT\n\n00:00.000 --> 00:02.000\n[音楽]\n\n00:02.000 --> 00:04.000\n"
           "こんにちは（笑）今日は晴れです。\n\n00:04.000 --> 00:06.000\n♪～\n")
    doc = Pipeline().process_text(vtt, "talk.vtt", format="vtt")
    assert [line.kind for line in doc.lines] == ["nonspeech", "speech", "nonspeech"]
    assert [line.text for line in doc.lines] == ["[音楽]", "こんにちは（笑）今日は晴れです。", "♪～"]
    assert doc.lines[1].clean == "こんにちは今日は晴れです。"
    assert doc.cleaned_text == "こんにちは今日は晴れです。"
    assert [c.method for c in doc.corrections] == ["nonspeech"]


def test_a_text_transcript_gets_nonspeech_lines_too():
    doc = Pipeline().process_text("今日は雨です。\n[拍手]\nありがとうございます。\n", "t.txt", format="txt")
    assert [line.kind for line in doc.lines] == ["speech", "nonspeech", "speech"]
