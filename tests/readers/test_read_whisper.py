import json
from pathlib import Path

import pytest

from ja_transcript.readers import read_bytes, read_path
from ja_transcript.readers.whisper import split_sentences

FIXTURES = Path(__file__).parent / "fixtures"
SEGMENTS = [(1, "こんにちは、いわみです。", 0.0, 2.4), (2, "暗号資産が急騰しました。", 2.4, 5.0)]


def _lines(result, fmt="whisper_json"):
    assert result.errors == []
    (transcript,) = result.transcripts
    assert transcript.format == fmt
    return [(line.n, line.text, line.start, line.end) for line in transcript.lines]


@pytest.mark.parametrize("name", ["whisper_openai.json", "whisper_indented_cp932.json"])
def test_openai_whisper_output(name):
    # Whisper's leading space on each segment is trimmed; the rest is as written.
    assert _lines(read_path(FIXTURES / name)) == SEGMENTS


def test_whisper_cpp_offsets_in_milliseconds():
    assert _lines(read_path(FIXTURES / "whisper_cpp.json"), "whisper_cpp_json") == [(1, "こんにちは", 0.0, 2.4), (2, "さようなら", 2.4, 5.0)]


def test_hugging_face_chunks():
    assert _lines(read_path(FIXTURES / "hf_chunks.json"), "hf_chunks") == [(1, "こんにちは", 0.0, 2.4), (2, "さようなら", 2.4, None)]


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


# --- each tool's own layout (tests/readers/fixtures/<tool>/) ------------------------------------

def _read(name):
    result = read_path(FIXTURES / name)
    assert result.errors == []
    (transcript,) = result.transcripts
    return transcript


def _rows(transcript):
    return [(line.n, line.text, line.start, line.end, line.speaker) for line in transcript.lines]


def test_openai_whisper_segments_with_metadata_and_words():
    # whisper --word_timestamps True -f json: ASCII-escaped, one line; seconds
    t = _read("openai_whisper/weekend_radio.json")
    assert (t.format, t.time_unit, t.encoding) == ("whisper_json", "s", "utf-8")
    assert _rows(t) == [(1, "皆さんこんにちは、週末ラジオの時間です。", 0.0, 3.24, None),
                        (2, "今日は朝から雨が降っていますね。", 3.24, 7.6, None),
                        (3, "午後には晴れるという予報なので、少し期待しています。", 7.6, 12.08, None)]


def test_faster_whisper_segments_as_its_users_save_them():
    # [s._asdict() for s in segments]: a bare list, ids from 1, words as [start, end, word, p] arrays
    t = _read("faster_whisper/station_redevelopment.json")
    assert (t.format, t.time_unit) == ("whisper_json", "s")
    assert _rows(t) == [(1, "駅前の再開発が始まりました。", 0.0, 2.8, None),
                        (2, "完成は三年後の予定だそうです。", 2.8, 6.64, None),
                        (3, "古い商店は残るのでしょうか。", 7.12, 9.86, None)]


@pytest.mark.parametrize("name,speakers", [
    ("whisper_cpp/curry.json", [None, None, None]),
    # -ojf --diarize: tokens with their own offsets; speaker "0" / "1", "?" where it could not tell
    ("whisper_cpp/curry_diarize_full.json", ["0", "1", None]),
])
def test_whisper_cpp_output_json(name, speakers):
    t = _read(name)
    assert (t.format, t.time_unit) == ("whisper_cpp_json", "ms")
    assert _rows(t) == [(1, "今日はカレーを作ります。", 0.0, 3.52, speakers[0]),
                        (2, "まず玉ねぎを炒めて、飴色にしましょう。", 3.52, 7.84, speakers[1]),
                        (3, "焦がさないように気をつけて。", 7.84, 10.96, speakers[2])]


def test_whisperx_diarized_segments_keep_their_speakers():
    t = _read("whisperx/baseball_diarized.json")
    assert (t.format, t.time_unit) == ("whisperx_json", "s")
    assert _rows(t) == [(1, "昨日の試合、見ましたか。", 0.031, 2.753, "SPEAKER_00"),
                        (2, "見ました、九回の逆転はすごかったですね。", 3.114, 5.902, "SPEAKER_01"),
                        (3, "あの一打で球場が揺れました。", 6.207, 8.455, "SPEAKER_00")]


def test_hugging_face_pipeline_chunks():
    t = _read("hf_pipeline/library_chunks.json")
    assert (t.format, t.time_unit) == ("hf_chunks", "s")
    assert _rows(t)[0] == (1, "市立図書館は月曜日が休館日です。", 0.0, 3.4, None)
    assert _rows(t)[-1] == (4, "ご利用ください", 11.86, None, None)  # the last chunk, cut off: no end


def test_podcast_json_in_milliseconds_with_display_times_and_speakers():
    # The archive every file of which was refused: "timestamp" is a display string, not a
    # Hugging Face [start, end] pair, and start / end are milliseconds.
    t = _read("podcast/shotengai_ep12.json")
    assert (t.format, t.time_unit, t.title) == ("podcast_json", "ms", "商店街ラジオ 第12回")
    assert _rows(t) == [(1, "こんにちは、商店街ラジオの田中です。", 0.0, 3.12, "田中"),
                        (2, "ゲストの佐藤です、よろしくお願いします。", 3.12, 6.48, "佐藤"),
                        (3, "今日は駅前の八百屋さんの話から始めましょう。", 6.9, 11.25, "田中"),
                        (4, "あのお店は創業七十年になるそうですね。", 11.25, 15.83, "佐藤"),
                        (5, "そうなんですよ。", 15.83, 18.02, "田中"),
                        (6, "すごいですね。", 18.02, 18.94, "佐藤")]


def test_podcast_json_in_milliseconds_without_display_times():
    # no display time: the speaking rate decides (as seconds, 13 characters in 66 minutes)
    t = _read("podcast/morning_ms_numbered.json")
    assert (t.format, t.time_unit) == ("podcast_json", "ms")
    assert _rows(t) == [(1, "皆さんおはようございます。", 0.42, 4.38, "0"),
                        (2, "おはようございます、今朝は冷えましたね。", 4.38, 9.12, "1"),
                        (3, "この冬一番の寒さだったそうです。", 9.12, 14.66, "0")]


def test_untimed_and_text_only_documents_have_no_time_unit():
    assert read_path(FIXTURES / "whisper_text_only.json").transcripts[0].time_unit is None
    data = json.dumps({"segments": [{"text": "はい"}]}).encode()
    assert read_bytes(data, "x.json").transcripts[0].time_unit is None


# --- bad times: a message naming the file and the segment ----------------------------------------

def _error(data, path="w.json"):
    result = read_bytes(json.dumps(data, ensure_ascii=False).encode(), path)
    assert result.transcripts == []
    (error,) = result.errors
    return error


@pytest.mark.parametrize("segment,code,message", [
    ({"start": 5.2, "end": 4.8, "text": "はい"}, "R024", 'w.json: segment 2 ends before it starts ("start" 5.2, "end" 4.8)'),
    ({"start": -1.5, "end": 4.8, "text": "はい"}, "R023", 'w.json: segment 2 has "start" -1.5, which is not a time'),
    ({"start": "3.5", "end": 4.8, "text": "はい"}, "R023", "w.json: segment 2 has \"start\" '3.5', which is not a time"),
    ({"start": True, "end": 4.8, "text": "はい"}, "R023", 'w.json: segment 2 has "start" True, which is not a time'),
    ({"offsets": {"from": 5200, "to": 4800}, "text": "はい"}, "R024",
     'w.json: segment 2 ends before it starts ("offsets.from" 5200, "offsets.to" 4800)'),
    ({"timestamp": [5.2, 4.8], "text": "はい"}, "R024",
     'w.json: segment 2 ends before it starts ("timestamp" start 5.2, "timestamp" end 4.8)'),
])
def test_bad_times_name_the_segment(segment, code, message):
    error = _error({"segments": [{"start": 0.0, "end": 2.0, "text": "こんにちは"}, segment]})
    assert error.code == code and str(error).startswith(message)


def test_an_end_equal_to_the_start_is_a_time():
    data = {"segments": [{"start": 2.0, "end": 2.0, "text": "あ"}, {"start": 2.0, "end": 4.0, "text": "こんにちは"}]}
    assert [l.end for l in read_bytes(json.dumps(data).encode(), "x.json").check()[0].lines] == [2.0, 4.0]


def test_undecidable_unit_is_a_message_with_the_fix_not_a_guess():
    error = _error({"segments": [{"start": 0, "end": 5, "text": ""}, {"start": 5, "end": 9, "text": ""}]})
    assert error.code == "R025"
    assert str(error).startswith('w.json: cannot tell whether the times in "start" and "end" are seconds or '
                                 "milliseconds: nothing in the file shows it")
    assert 'add "time_unit": "ms" (or "time_unit": "s") to the top-level object' in str(error)
    # a bare list has no top-level object to add it to
    assert 'wrap the list as {"time_unit": "ms", "segments": [...]}' in str(_error([{"start": 0, "end": 5, "text": ""}]))


def test_contradicting_evidence_is_a_message_naming_both_sides():
    # the display times agree with seconds, the speaking rate only with milliseconds
    segments = [{"start": 65, "end": 5000, "timestamp": "00:01:05", "text": "こんにちは"},
                {"start": 5000, "end": 9000, "timestamp": "01:23:20", "text": "さようなら"}]
    message = str(_error({"segments": segments}))
    assert ("segment 1's display time '00:01:05' agrees with \"start\" 65, which says seconds, but read as "
            "seconds, the median segment says 0.0011 characters a second, as milliseconds 1.13, which says "
            "milliseconds") in message


def test_a_declared_unit_decides():
    segments = [{"start": 0, "end": 5, "text": ""}, {"start": 5, "end": 9, "text": ""}]
    for unit, ends in (("ms", [0.005, 0.009]), ("s", [5, 9])):
        t = read_bytes(json.dumps({"time_unit": unit, "segments": segments}).encode(), "x.json").check()[0]
        assert ([l.end for l in t.lines], t.time_unit) == (ends, unit)
    error = _error({"time_unit": "msec", "segments": segments})
    assert (error.code, str(error)[:40]) == ("R026", "w.json: \"time_unit\" is 'msec', which is ")


def test_a_speaker_that_is_no_name_is_a_segment_problem():
    error = _error({"segments": [{"start": 0, "end": 2, "text": "はい", "speaker": {"id": 3}}]})
    assert error.code == "R022" and "segment 1 has \"speaker\" {'id': 3}, which is no name" in str(error)


# --- the time unit given by the caller (--time-unit) -------------------------------------------

# Two slow replies in whole numbers: 0.25-0.3 characters a second as seconds, 8-10 ms segments
# as milliseconds; nothing in the file says which.
UNDECIDED = {"segments": [{"speaker": "佐藤", "start": 12, "end": 20, "text": "はい"},
                          {"speaker": "鈴木", "start": 20, "end": 30, "text": "うーん"}]}


def _with_unit(data, time_unit, name="talk.json"):
    return read_bytes(json.dumps(data, ensure_ascii=False).encode("utf-8"), name, time_unit=time_unit)


def test_an_undecided_unit_is_an_error_that_names_the_option():
    (error,) = _with_unit(UNDECIDED, None).errors
    assert error.code == "R025" and "--time-unit ms" in str(error)


@pytest.mark.parametrize("unit,times", [("ms", [(0.012, 0.02), (0.02, 0.03)]), ("s", [(12, 20), (20, 30)])])
def test_the_given_unit_reads_times_that_do_not_say_theirs(unit, times):
    (t,) = _with_unit(UNDECIDED, unit).check()
    assert [(line.start, line.end) for line in t.lines] == times
    assert (t.format, t.time_unit) == ("podcast_json", unit)


def test_the_given_unit_wins_over_the_evidence():
    # the display times say milliseconds; the caller says seconds and is obeyed
    (t,) = read_path(FIXTURES / "podcast" / "shotengai_ep12.json", time_unit="s").check()
    (decided,) = read_path(FIXTURES / "podcast" / "shotengai_ep12.json").check()
    assert (decided.time_unit, t.time_unit) == ("ms", "s")
    assert t.lines[1].start == decided.lines[1].start * 1000


def test_a_files_own_unit_wins_over_the_given_one():
    (t,) = _with_unit({"time_unit": "s", **UNDECIDED}, "ms").check()
    assert (t.time_unit, t.lines[0].start) == ("s", 12)


def test_units_named_by_the_format_are_not_changed_by_the_given_one():
    (cpp,) = read_path(FIXTURES / "whisper_cpp.json", time_unit="s").check()
    assert (cpp.time_unit, cpp.lines[1].start) == ("ms", 2.4)  # whisper.cpp's offsets are milliseconds
    (hf,) = read_path(FIXTURES / "hf_chunks.json", time_unit="ms").check()
    assert (hf.time_unit, hf.lines[1].start) == ("s", 2.4)  # a Hugging Face timestamp pair is seconds
    (aai,) = read_path(FIXTURES / "cloud" / "assemblyai_utterances_nikujaga.json", time_unit="s").check()
    assert (aai.time_unit, aai.lines[0].start) == ("ms", 0.24)  # AssemblyAI writes milliseconds


def test_the_given_unit_reads_every_json_lines_record():
    records = [{"id": "a", **UNDECIDED}, {"id": "b", "segments": [{"start": 3, "end": 9, "text": "ええ"}]}]
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode("utf-8")
    result = read_bytes(data, "talks.jsonl", time_unit="ms")
    assert result.errors == []
    assert [(t.record_id, t.time_unit, t.lines[0].start) for t in result.transcripts] == [("a", "ms", 0.012),
                                                                                            ("b", "ms", 0.003)]


def test_an_unknown_unit_is_a_programming_error():
    with pytest.raises(ValueError, match="time_unit must be one of s, ms"):
        read_bytes(b"{}", "x.json", time_unit="seconds")
