import hashlib
import json
from pathlib import Path

from ja_transcript.readers import read_bytes, read_path
from ja_transcript.readers.jsonl import unique_ids

FIXTURES = Path(__file__).parent / "fixtures"


def test_bad_lines_do_not_take_down_the_others():
    path = FIXTURES / "records.jsonl"
    result = read_path(path)
    records = {t.record_id: t for t in result.transcripts}
    assert list(records) == ["ep1", "ep2", "5", "ep1-2", "7"]
    assert [line.text for line in records["ep1"].lines] == ["こんにちは。", "さようなら。"]
    assert records["ep1"].title == "第1回"
    assert [(line.n, line.text, line.start, line.end) for line in records["ep2"].lines] == [(1, "はい。", 0, 1.5)]
    assert [line.text for line in records["ep1-2"].lines] == ["重複したID"]
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    assert {(t.format, t.sha256) for t in result.transcripts} == {("jsonl", sha)}
    assert [(e.line, e.code) for e in result.errors] == [(4, "R030"), (7, "R031")]
    assert all(str(path) in str(e) for e in result.errors)
    assert "line 7" in str(result.errors[1]) and '"text"' in str(result.errors[1])


def test_unique_ids_are_deterministic_and_keep_written_ids():
    assert unique_ids(["a", "a", "a-2", "b", "a"]) == ["a", "a-3", "a-2", "b", "a-4"]
    assert unique_ids(["1", "2"]) == ["1", "2"]


def test_ids_from_line_numbers_and_odd_ids():
    lines = [{"text": "一"}, {"id": "", "text": "二"}, {"id": 2, "text": "三"}, {"id": [1], "text": "四"},
             {"id": None, "text": "五"}, 5, "文字列"]
    data = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines).encode()
    result = read_bytes(data, "x.jsonl")
    assert [t.record_id for t in result.transcripts] == ["1", "2", "2-2", "5"]
    assert [e.line for e in result.errors] == [4, 6, 7]
    assert "must be a string or a number" in str(result.errors[0])


def test_segment_problem_names_line_and_segment():
    data = b'{"id": "a", "segments": [{"text": "x"}, {"start": 1}]}\n'
    (error,) = read_bytes(data, "x.jsonl").errors
    assert "x.jsonl, line 1: segment 2 has no \"text\" string" in str(error)


def test_empty_jsonl_is_an_error():
    (error,) = read_bytes(b"\n\n", "empty.jsonl").errors
    assert "empty.jsonl holds no JSON Lines records" in str(error)


def test_json_lines_saved_as_json_are_read_as_json_lines():
    result = read_path(FIXTURES / "records_as.json")
    assert result.errors == []
    assert [(t.format, t.record_id) for t in result.transcripts] == [("jsonl", "ep1"), ("jsonl", "ep2")]


def test_crlf_and_bom():
    data = b"\xef\xbb\xbf" + '{"id": "a", "text": "はい"}\r\n{"id": "b", "text": "いいえ"}\r\n'.encode()
    result = read_bytes(data, "x.jsonl")
    assert [(t.record_id, t.lines[0].text) for t in result.transcripts] == [("a", "はい"), ("b", "いいえ")]


def test_lines_python_cannot_parse_are_bad_lines_like_any_other():
    # nested thousands deep (RecursionError) or a number of 5000 digits (ValueError) took the
    # whole file down with one generic error
    text = '{"id": "a", "text": "x"}\n' + "[" * 100000 + "\n" + '{"id": "b", "n": ' + "1" * 5000 + "}\n" \
        + '{"id": "c", "text": "y"}\n'
    result = read_bytes(text.encode(), "b.jsonl")
    assert [t.record_id for t in result.transcripts] == ["a", "c"]
    assert [(e.code, e.line) for e in result.errors] == [("R030", 2), ("R030", 3)]
    assert "nested too deeply" in str(result.errors[0]) and "4300 digits" in str(result.errors[1])


def test_json_lines_of_every_shape_each_with_its_unit_and_speakers():
    result = read_path(FIXTURES / "jsonl" / "mixed_shapes.jsonl")
    assert result.errors == []
    records = {t.record_id: t for t in result.transcripts}
    assert {k: (t.format, t.time_unit) for k, t in records.items()} == {
        "openai": ("jsonl", "s"), "cpp": ("jsonl", "ms"), "whisperx": ("jsonl", "s"), "hf": ("jsonl", "s"),
        "podcast": ("jsonl", "ms"), "declared": ("jsonl", "ms")}
    rows = {k: [(l.start, l.end, l.speaker) for l in t.lines] for k, t in records.items()}
    assert rows["openai"] == [(0.0, 3.24, None), (3.24, 7.6, None)]
    assert rows["cpp"] == [(0.0, 3.52, None), (3.52, 7.84, None)]
    assert rows["whisperx"] == [(0.031, 2.753, "SPEAKER_00"), (3.114, 5.902, "SPEAKER_01"), (6.207, 8.455, "SPEAKER_00")]
    assert rows["hf"][-1] == (11.86, None, None)
    assert rows["podcast"] == [(0.0, 3.12, "田中"), (3.12, 6.48, "佐藤"), (6.9, 11.25, "田中")]
    assert rows["declared"] == [(0.0, 0.005, None), (0.005, 0.009, None)]  # "time_unit" of the record
    assert records["podcast"].title == "商店街ラジオ 第12回"


def test_bad_times_in_a_record_name_its_line_and_segment_and_spare_the_others():
    lines = [{"id": "a", "segments": [{"start": 0.0, "end": 2.0, "text": "はい"}]},
             {"id": "b", "segments": [{"start": 0.0, "end": 2.0, "text": "はい"}, {"start": 3.0, "end": 1.0, "text": "え"}]},
             {"id": "c", "segments": [{"start": "0", "end": 2.0, "text": "はい"}]},
             {"id": "d", "segments": [{"start": 0, "end": 5, "text": ""}]}]
    data = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines).encode()
    result = read_bytes(data, "x.jsonl")
    assert [t.record_id for t in result.transcripts] == ["a"]
    assert [(e.code, e.line) for e in result.errors] == [("R024", 2), ("R023", 3), ("R025", 4)]
    assert str(result.errors[0]).startswith('x.jsonl, line 2: segment 2 ends before it starts ("start" 3.0, "end" 1.0)')
    assert str(result.errors[1]).startswith("x.jsonl, line 3: segment 1 has \"start\" '0', which is not a time")
    assert 'add "time_unit": "ms" (or "time_unit": "s") to that line\'s object' in str(result.errors[2])
