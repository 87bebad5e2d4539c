"""The package's public API: `process_text` takes a string as it is; `process_path` reads a file."""

import pytest

import ja_transcript
from ja_transcript.errors import TranscriptError


@pytest.mark.parametrize("text", [
    "ソフトバンクが…",            # SudachiPy rewrites … into three morphemes
    "、\n\t\u0312",               # a tab and a combining mark alone on a line
    "はい\x00です", "abc\x1b$Bdef", "a\x00",  # control characters are text, not an encoding hint
    "\ufeffはい",                 # a BOM in a str is a character
    "は\ud800い",                 # a lone surrogate (JSON can escape one)
])
def test_text_is_taken_exactly_as_given(text):
    doc = ja_transcript.process_text(text)
    assert "\n".join(line["text"] for line in doc["lines"]) == text.rstrip("\n")
    assert doc["source"]["format"] == "txt"


def test_subtitles_given_as_text_are_read_as_subtitles():
    srt = "1\n00:00:01,000 --> 00:00:02,500\nはい、CoreWebの話です。\n\n2\n00:00:03,000 --> 00:00:04,000\n以上です。\n"
    doc = ja_transcript.process_text(srt)
    assert doc["source"]["format"] == "srt"
    assert [line["start"] for line in doc["lines"]] == [1.0, 3.0]
    assert "-->" not in doc["cleaned_text"]
    vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nこんにちは。\n"
    assert ja_transcript.process_text(vtt)["source"]["format"] == "vtt"


def test_format_can_be_given():
    text = "1\n00:00:01,000 --> 00:00:02,500\nはい。\n"
    doc = ja_transcript.process_text(text, format="txt")
    assert [line["text"] for line in doc["lines"]] == text.rstrip("\n").split("\n")
    with pytest.raises(ValueError, match="format must be one of"):
        ja_transcript.process_text("はい", format="docx")


def test_unreadable_text_raises_the_readers_message():
    with pytest.raises(TranscriptError, match="not valid JSON"):
        ja_transcript.process_text('{"segments": [', format="whisper_json")


def test_many_records_point_to_process_path():
    jsonl = '{"id": "a", "text": "はい。"}\n{"id": "b", "text": "いいえ。"}\n'
    with pytest.raises(TranscriptError, match="process_path"):
        ja_transcript.process_text(jsonl)


def test_process_path_gives_a_document_per_record(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text('{"id": "a", "text": "はい。"}\n{"id": "b", "text": "いいえ。"}\n', encoding="utf-8")
    docs = ja_transcript.process_path(path)
    assert [d["source"]["record_id"] for d in docs] == ["a", "b"]
    single = tmp_path / "ep.txt"
    single.write_bytes("暗号試算の話です。".encode("cp932"))
    (doc,) = ja_transcript.process_path(single)
    assert doc["lines"][0]["clean"] == "暗号資産の話です。"


def test_speakers_and_the_unit_of_time_reach_the_document():
    import jsonschema
    from pathlib import Path

    from ja_transcript.model import json_schema

    fixtures = Path(__file__).parent / "readers" / "fixtures"
    (doc,) = ja_transcript.process_path(fixtures / "podcast" / "shotengai_ep12.json")
    assert {k: doc["source"][k] for k in ("format", "encoding", "time_unit")} == {
        "format": "podcast_json", "encoding": "utf-8", "time_unit": "ms"}
    assert [(line["start"], line["speaker"]) for line in doc["lines"][:2]] == [(0.0, "田中"), (3.12, "佐藤")]
    jsonschema.validate(doc, json_schema())
    (vtt,) = ja_transcript.process_path(fixtures / "webvtt" / "bousai_voices.vtt")
    assert [line["speaker"] for line in vtt["lines"]] == ["田中", "佐藤", "田中", None]
    assert vtt["source"]["time_unit"] is None
    text = ja_transcript.process_text("はい。")
    assert (text["source"]["encoding"], text["lines"][0]["speaker"]) == (None, None)
