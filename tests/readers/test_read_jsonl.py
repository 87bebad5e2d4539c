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
