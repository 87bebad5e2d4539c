import hashlib
import io
import json
import os
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ja_transcript.errors import TranscriptError
from ja_transcript.readers import (FORMATS, SUPPORTED_SUFFIXES, ReadResult, find_inputs, format_for_path, read_bytes,
                                   read_path, read_string, sniff_format)

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name,fmt", [
    ("text_cp932_crlf_nofinal.txt", "txt"),
    ("cues_utf8_crlf.srt", "srt"),
    ("cues_eucjp_crlf.vtt", "vtt"),
    ("whisper_openai.json", "whisper_json"),
    ("whisper_cpp.json", "whisper_cpp_json"),
    ("records.jsonl", "jsonl"),
])
def test_stdin_is_sniffed_like_the_named_file(name, fmt):
    data = (FIXTURES / name).read_bytes()
    named, piped = read_path(FIXTURES / name), read_bytes(data, "-")
    assert [t.format for t in piped.transcripts] == [fmt] * len(named.transcripts)
    assert [t.lines for t in piped.transcripts] == [t.lines for t in named.transcripts]
    assert {t.path for t in piped.transcripts} == {"-"}


def test_sniffing_edge_cases():
    assert sniff_format("[音楽]\nこんにちは") == "txt"
    assert sniff_format("00:00:01,000 --> 00:00:02,000\nはい\n") == "srt"
    assert sniff_format("12時から会議です\n") == "txt"
    assert sniff_format('{"text": "はい。"}') == "whisper_json"
    assert sniff_format('{\n  "id": 1,\n  "text": "はい。"\n}') == "jsonl"


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"])
def test_json_lines_with_unicode_line_separators_in_a_string_are_sniffed_as_json_lines(char):
    # JSON holds these raw in a string (str.splitlines() cuts there); only CR and LF end a line of JSON Lines
    text = f'{{"id": "a", "text": "は{char}い"}}\n{{"id": "b", "text": "いいえ"}}\n'
    assert sniff_format(text) == "jsonl"
    assert [t.record_id for t in read_bytes(text.encode(), "-").transcripts] == ["a", "b"]


@pytest.mark.parametrize("fmt,text", [
    ("srt", "1\n00:00:01,000 --> 00:00:02,000\nはい\n"),
    ("vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nはい\n"),
    ("whisper_json", '{"segments": [{"start": 0, "end": 1, "text": "はい"}]}'),
    ("jsonl", '{"id": "a", "text": "はい"}\n{"id": "b", "text": "はい"}\n'),
])
def test_a_str_with_a_byte_order_mark_before_its_content_is_read_in_its_format(fmt, text):
    # a file read with encoding="utf-8" (not "utf-8-sig") keeps the mark: it is no part of a cue or record
    for given in (None, fmt):
        (first, *_) = read_string("\ufeff" + text, format=given).check()
        assert (first.format, [line.text for line in first.lines]) == (fmt, ["はい"])


@pytest.mark.parametrize("start", ["1.5\n0:0:1,5 --> 0:0:2,5", "1\n00:00:01，000 --> 00:00:02．000",
                                   "00:00:01:000 - > 00:00:02:000"])
def test_srt_is_sniffed_as_the_srt_library_reads_cues(start):
    # what read_srt reads must not be taken for plain text when the name does not say SRT
    text = f"{start}\nはい\n\n2\n00:00:03,000 --> 00:00:04,000\nいいえ\n"
    assert sniff_format(text) == "srt"
    assert [line.text for line in read_bytes(text.encode(), "-").transcripts[0].lines] == ["はい", "いいえ"]


def test_sniffing_a_long_run_of_figures_is_quick():
    # the srt library's patterns backtrack over figures: only the text's head is matched
    t0 = time.perf_counter()
    assert sniff_format("1" * 50_000 + "\nはい") == "txt"
    assert time.perf_counter() - t0 < 2


def test_srt_with_cr_line_ends_is_sniffed_as_srt():
    # the SRT reader reads CR-only files (old Mac editors): detection must know them too
    text = "1\r00:00:01,000 --> 00:00:02,000\rはい\r\r2\r00:00:03,000 --> 00:00:04,000\rいいえ\r"
    assert sniff_format(text) == "srt"
    assert [line.text for line in read_bytes(text.encode(), "-").transcripts[0].lines] == ["はい", "いいえ"]
    assert sniff_format("") == "txt"


def test_explicit_format_and_unknown_suffix():
    data = "1\n00:00:00,000 --> 00:00:01,000\nはい\n".encode()
    assert read_bytes(data, "cues.srt", format="txt").transcripts[0].format == "txt"
    assert read_bytes(data, "cues.subtitles").transcripts[0].format == "srt"
    with pytest.raises(ValueError, match="format must be one of"):
        read_bytes(data, "x", format="docx")


def test_format_for_path():
    assert [format_for_path(f"a{s}") for s in SUPPORTED_SUFFIXES] == \
        ["txt", "txt", "srt", "vtt", "whisper_json", "jsonl", "jsonl"]
    assert format_for_path("a.md") is None


def test_stdin_errors_name_stdin():
    (error,) = read_bytes(b'{"segments": 3}', "-").errors
    assert str(error).startswith("<stdin> is not Whisper JSON") and error.path == "-"


def test_source_fields():
    data = "はい\n".encode("cp932")
    (t,) = read_bytes(data, "dir/sub/ep1.txt").transcripts
    assert (t.path, t.sha256, t.encoding) == ("dir/sub/ep1.txt", hashlib.sha256(data).hexdigest(), "cp932")


def test_read_path_never_changes_the_file(tmp_path):
    for fixture in (f for f in FIXTURES.rglob("*") if f.is_file()):
        target = tmp_path / fixture.name
        target.write_bytes(fixture.read_bytes())
        os.utime(target, (1_000_000_000, 1_000_000_000))
        before = (target.read_bytes(), target.stat().st_mtime_ns, oct(target.stat().st_mode))
        read_path(target)
        read_path(str(target), encoding="cp932")
        assert (target.read_bytes(), target.stat().st_mtime_ns, oct(target.stat().st_mode)) == before


def test_read_path_reports_unreadable_paths(tmp_path):
    (missing,) = read_path(tmp_path / "nope.txt").errors
    assert f"Cannot read {tmp_path / 'nope.txt'}" in str(missing)
    (directory,) = read_path(tmp_path).errors
    assert str(tmp_path) in str(directory)


def test_read_path_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("こんにちは\n".encode("euc_jp"))))
    (t,) = read_path("-").transcripts
    assert (t.path, t.format, t.lines[0].text) == ("-", "txt", "こんにちは")


def test_read_result_check():
    good = read_bytes(b"a\n", "a.txt")
    assert good.ok and good.check() == good.transcripts
    bad = ReadResult(errors=[TranscriptError("x")])
    with pytest.raises(TranscriptError):
        bad.check()


def _tree(root: Path) -> None:
    for rel in ["b.txt", "a.srt", "sub/z.vtt", "sub/deeper/y.json", "sub/x.jsonl", "A.TXT",
                ".hidden.txt", ".git/c.txt", "sub/.cache/d.txt", "notes.md", "sub/image.png"]:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"text": "はい"}) if rel.endswith((".json", ".jsonl")) else "はい\n", encoding="utf-8")


def test_find_inputs_walks_directories_deterministically(tmp_path, monkeypatch):
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    paths, errors = find_inputs(["."])
    assert errors == []
    assert paths == ["./A.TXT", "./a.srt", "./b.txt", "./sub/deeper/y.json", "./sub/x.jsonl", "./sub/z.vtt"]
    assert find_inputs(["sub/"]).paths == ["sub/deeper/y.json", "sub/x.jsonl", "sub/z.vtt"]


def test_find_inputs_keeps_files_as_given_and_reports_bad_paths(tmp_path, monkeypatch):
    _tree(tmp_path)
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    result = find_inputs(["notes.md", "missing.txt", "-", "empty", "b.txt", "./b.txt", "sub"])
    assert result.paths == ["notes.md", "-", "b.txt", "sub/deeper/y.json", "sub/x.jsonl", "sub/z.vtt"]
    assert [(e.code, e.path) for e in result.errors] == [("C002", "missing.txt"), ("C001", "empty")]
    assert all(e.path in str(e) for e in result.errors)
    # A file of unknown suffix is read by its content.
    (notes,) = read_path("notes.md").transcripts
    assert (notes.format, notes.lines[0].text) == ("txt", "はい")


def test_find_inputs_absolute_paths_stay_absolute(tmp_path):
    _tree(tmp_path)
    paths, _ = find_inputs([str(tmp_path / "sub")])
    assert paths[0] == f"{tmp_path.as_posix()}/sub/deeper/y.json"


_PIECES = st.sampled_from([
    "WEBVTT\n", "1\n", "00:00:01,000 --> 00:00:02,000\n", "00:01.000 --> 00:02.000", "\n\n", "\r", "<i>", "</i>",
    "<rt>", "{", "}", "[", "]", '"text"', '"segments"', '"id"', ":", ",", "null", "1e999", "はい。", "-->",
    "&amp;", "NOTE", "ﾃｽﾄ"])


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(_PIECES, max_size=16), fmt=st.sampled_from([None, *FORMATS]),
       path=st.sampled_from(["-", "a.json", "a.srt", "a.vtt", "a.jsonl", "a.txt"]))
def test_any_input_gives_a_result_with_a_clear_error(parts, fmt, path):
    result = read_bytes("".join(parts).encode(), path, format=fmt)
    assert all(isinstance(e, TranscriptError) and e.code != "R099" for e in result.errors)
    assert result.transcripts or result.errors


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=120), fmt=st.sampled_from([None, *FORMATS]))
def test_any_bytes_give_a_result(data, fmt):
    result = read_bytes(data, "-", format=fmt)
    assert all(e.code != "R099" for e in result.errors)


def test_unexpected_failures_stay_with_their_input():
    (error,) = read_bytes(b"[" * 100_000, "deep.json").errors
    assert error.code == "R099" and "deep.json" in str(error)


def test_every_format_a_reader_gives_is_in_the_schema():
    from typing import get_args

    from ja_transcript.model import SourceFormat
    from ja_transcript.readers import SOURCE_FORMATS

    assert set(SOURCE_FORMATS) == set(get_args(SourceFormat)) and set(FORMATS) <= set(SOURCE_FORMATS)
