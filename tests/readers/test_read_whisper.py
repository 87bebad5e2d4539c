import json
from pathlib import Path

import pytest

from ja_transcript.readers import read_bytes, read_path
from ja_transcript.readers.whisper import split_sentences

FIXTURES = Path(__file__).parent / "fixtures"
SEGMENTS = [(1, "こんにちは、いわみです。", 0.0, 2.4), (2, "暗号資産が急騰しました。", 2.4, 5.0)]


def _lines(result):
    assert result.errors == []
    (transcript,) = result.transcripts
    assert transcript.format == "whisper_json"
    return [(line.n, line.text, line.start, line.end) for line in transcript.lines]


@pytest.mark.parametrize("name", ["whisper_openai.json", "whisper_indented_cp932.json"])
def test_openai_whisper_output(name):
    # Whisper's leading space on each segment is trimmed; the rest is as written.
    assert _lines(read_path(FIXTURES / name)) == SEGMENTS


def test_whisper_cpp_offsets_in_milliseconds():
    assert _lines(read_path(FIXTURES / "whisper_cpp.json")) == [(1, "こんにちは", 0.0, 2.4), (2, "さようなら", 2.4, 5.0)]


def test_hugging_face_chunks():
    assert _lines(read_path(FIXTURES / "hf_chunks.json")) == [(1, "こんにちは", 0.0, 2.4), (2, "さようなら", 2.4, None)]


def test_text_only_is_split_into_sentences():
    lines = _lines(read_path(FIXTURES / "whisper_text_only.json"))
    assert [text for _, text, _, _ in lines] == ["こんにちは。", "今日は「晴れ！」ですね？", "ではまた"]
    assert [n for n, _, _, _ in lines] == [1, 2, 3]


def test_text_with_line_breaks_keeps_its_lines():
    data = json.dumps({"text": "一行目\n\n三行目"}).encode()
    assert [text for _, text, _, _ in _lines(read_bytes(data, "x.json"))] == ["一行目", "", "三行目"]


def test_bare_list_of_segments_and_title():
    data = json.dumps([{"start": 1, "end": 2, "text": "はい"}]).encode()
    assert _lines(read_bytes(data, "x.json")) == [(1, "はい", 1, 2)]
    data = json.dumps({"title": "第1回", "segments": [{"text": "はい"}]}).encode()
    assert read_bytes(data, "x.json").transcripts[0].title == "第1回"


def test_empty_segments_fall_back_to_text():
    data = json.dumps({"text": "はい。", "segments": []}).encode()
    assert [text for _, text, _, _ in _lines(read_bytes(data, "x.json"))] == ["はい。"]


@pytest.mark.parametrize("name,expected", [
    ("malformed.json", "malformed.json is not valid JSON: Expecting ',' delimiter (line 2, column 15)"),
    ("not_whisper.json", "not_whisper.json is not Whisper JSON"),
    ("bad_segment.json", "bad_segment.json: segment 2 has \"start\" 'abc'"),
])
def test_malformed_whisper_json(name, expected):
    result = read_path(FIXTURES / name)
    assert result.transcripts == []
    assert expected in str(result.errors[0])


@pytest.mark.parametrize("segment,problem", [
    ("はい", "segment 1 is a string, not an object"),
    ({"start": 0}, 'segment 1 has no "text" string'),
    ({"text": "x", "end": -1}, "segment 1 has \"end\" -1"),
    ({"text": "x", "timestamp": 3}, 'segment 1 has "timestamp" 3'),
])
def test_bad_segments(segment, problem):
    result = read_bytes(json.dumps({"segments": [segment]}).encode(), "x.json")
    assert problem in str(result.errors[0])


def test_split_sentences():
    assert split_sentences("はい。そうです！！本当？") == ["はい。", "そうです！！", "本当？"]
    assert split_sentences("「はい。そうです。」と言った。") == ["「はい。そうです。」と言った。"]
    assert split_sentences("  ") == []


@pytest.mark.parametrize("segment, what", [
    ({"text": "a", "start": 10 ** 400}, '"start" 1000000000000000000000000000000000000000...'),
    ({"text": "a", "offsets": {"from": 10 ** 400, "to": 1}}, '"offsets.from" 1000'),
    ({"text": "a", "timestamp": [float("nan"), 1]}, '"timestamp" start nan'),
])
def test_times_that_are_no_float_are_segment_problems(segment, what):
    # an int of 400 digits raised OverflowError out of the reader
    (error,) = read_bytes(json.dumps({"segments": [segment]}).encode(), "w.json").errors
    assert f"w.json: segment 1 has {what}" in str(error)
