from pathlib import Path

import pytest

from ja_transcript.readers import read_bytes, read_path
from ja_transcript.readers.subtitles import join_layout_lines, srt_cue_text, vtt_cue_text

FIXTURES = Path(__file__).parent / "fixtures"

SRT_CUES = [
    (1, "日常の反省とニュース紹介", 0.0, 2.5),
    (2, "こんにちは、いわみです。", 2.5, 5.0),
    (3, "急騰したらしいです。", 5.0, 7.25),
    (4, "CoreWeave is a GPU cloud", 60.0, 3600.001),
]
VTT_CUES = [
    (1, "日常の反省とニュース紹介", 0.0, 2.5),
    (2, "こんにちは、いわみです。", 2.5, 5.0),
    (3, "暗号資産 & 急騰", 5.0, 7.25),
    (4, "", 7.25, 8.0),  # a cue with no words is kept: the pipeline marks it blank
]


def _cues(result):
    assert result.errors == []
    (transcript,) = result.transcripts
    return [(line.n, line.text, line.start, line.end) for line in transcript.lines]


@pytest.mark.parametrize("name", ["cues_utf8_crlf.srt", "cues_cp932_lf.srt"])
def test_srt_fixtures(name):
    result = read_path(FIXTURES / name)
    assert _cues(result) == SRT_CUES
    assert result.transcripts[0].format == "srt"


@pytest.mark.parametrize("name", ["cues_utf8bom_lf.vtt", "cues_eucjp_crlf.vtt"])
def test_vtt_fixtures(name):
    result = read_path(FIXTURES / name)
    assert _cues(result) == VTT_CUES
    assert result.transcripts[0].format == "vtt"


def test_srt_with_cr_line_ends_and_no_final_newline():
    data = "1\r00:00:01,000 --> 00:00:02,000\rはい。\r\r2\r00:00:02,000 --> 00:00:03,500\rそうです".encode()
    assert _cues(read_bytes(data, "old.srt")) == [(1, "はい。", 1.0, 2.0), (2, "そうです", 2.0, 3.5)]


def test_cue_numbers_are_file_order_not_srt_indexes():
    data = "7\n00:00:05,000 --> 00:00:06,000\n後\n\n3\n00:00:01,000 --> 00:00:02,000\n前\n".encode()
    assert [(n, text) for n, text, _, _ in _cues(read_bytes(data, "x.srt"))] == [(1, "後"), (2, "前")]


def test_srt_keeps_angle_brackets_that_are_not_tags():
    assert srt_cue_text("A<B、<b>太字</b>") == "A<B、太字"


def test_vtt_markup_is_removed():
    assert vtt_cue_text(["<c.yellow>はい</c><00:00:01.000>、<i>そう</i><b>です</b>"]) == "はい、そうです"
    assert vtt_cue_text(["<v.loud 岩見>3 &lt; 5</v>"]) == "3 < 5"
    assert vtt_cue_text(["<ruby>札束<rp>(</rp><rt>さつたば</rt><rp>)</rp></ruby>です"]) == "札束です"
    assert vtt_cue_text(["<ruby>札束<rt>さつたば</ruby>です"]) == "札束です"  # </rt> may be left out


def test_layout_lines_join():
    assert join_layout_lines(["暗号", "資産"]) == "暗号資産"
    assert join_layout_lines(["price is", "100 dollars"]) == "price is 100 dollars"
    assert join_layout_lines(["GPUの", "CoreWeave"]) == "GPUのCoreWeave"
    assert join_layout_lines([]) == ""


def test_malformed_srt_names_file_and_line():
    result = read_path(FIXTURES / "malformed.srt")
    assert result.transcripts == []
    (error,) = result.errors
    assert "malformed.srt, line 5" in str(error) and "00:00:02,000 -> 00:00:03,000" in str(error)
    assert error.line == 5


def test_text_saved_as_srt_is_refused():
    result = read_bytes("こんにちは。\nただのテキストです。\n".encode(), "notes.srt")
    assert "notes.srt, line 1" in str(result.errors[0])


def test_vtt_without_header():
    result = read_path(FIXTURES / "malformed_header.vtt")
    assert "malformed_header.vtt" in str(result.errors[0]) and "WEBVTT" in str(result.errors[0])


def test_vtt_with_unreadable_timing_is_refused_not_dropped():
    # webvtt-py skips such a cue silently; its words would be lost.
    result = read_path(FIXTURES / "malformed_timing.vtt")
    (error,) = result.errors
    assert "malformed_timing.vtt, line 6" in str(error) and "00:00:01,000" in str(error)


def test_vtt_short_timestamps_and_settings():
    data = "WEBVTT\n\n1:02.5 --> 1:04.25 line:0 align:start\nはい\n".encode()
    assert _cues(read_bytes(data, "x.vtt")) == [(1, "はい", 62.5, 64.25)]


def test_empty_srt_has_no_cues():
    assert _cues(read_bytes(b"", "empty.srt")) == []


def test_vtt_character_reference_at_the_end_of_a_layout_line():
    # "&amp;" ends in ";", which used to count as Latin punctuation and put a space after "&"
    assert vtt_cue_text(["A &amp;", "B"]) == "A &B"
    assert vtt_cue_text(["AT&amp;T", "is"]) == "AT&T is"


def test_srt_text_with_a_byte_order_mark():
    from ja_transcript.readers import read_string

    text = "\ufeff1\n00:00:01,000 --> 00:00:02,000\nはい\n"
    assert [l.text for l in read_string(text, "a.srt", format="srt").check()[0].lines] == ["はい"]
    assert read_string("\ufeff\n\n", "a.srt", format="srt").check()[0].lines == ()


def test_srt_times_too_large_are_an_error_naming_the_cue():
    text = "1\n00:00:00,000 --> 00:00:01,000\nはい\n\n2\n999999999999:00:00,000 --> 999999999999:00:01,000\nえ\n"
    (error,) = read_bytes(text.encode(), "a.srt").errors
    assert str(error).startswith("a.srt, line 6: the SRT cue starting here cannot be read: '999999999999:00:00,000")


def test_srt_long_digit_runs_are_read_fast_and_kept():
    # the srt library backtracks cubically over a digit run in a timing line (400 digits: 1 s)
    import time

    start = time.perf_counter()
    bad = read_bytes(("1\n00:00:00,000 -->" + "1" * 3000 + " 00:00:01,000\nはい\n").encode(), "a.srt")
    good = read_bytes(("1\n00:00:00,000 --> 00:00:01,000\nはい" + "1" * 3000 + "\n\n2\n00:00:01,000 --> "
                       "00:00:02,000\n" + "2" * 25 + "\n").encode(), "a.srt")
    assert time.perf_counter() - start < 1
    assert bad.errors[0].code == "R010" and "1" * 20 in str(bad.errors[0])
    assert [l.text for l in good.check()[0].lines] == ["はい" + "1" * 3000, "2" * 25]


# --- each tool's own layout, speakers, and times that run backwards ------------------------------

def _rows(name):
    result = read_path(FIXTURES / name)
    assert result.errors == []
    (transcript,) = result.transcripts
    assert transcript.time_unit is None  # clock times: no unit to decide
    return [(line.n, line.text, line.start, line.end, line.speaker) for line in transcript.lines]


def test_srt_with_formatting_tags():
    assert _rows("srt/cinema_tags.srt") == [
        (1, "（ナレーション）ここは港町の小さな映画館。", 1.0, 3.2, None),
        (2, "本日の上映は二本立てです", 3.4, 6.0, None),
        (3, "チケットは窓口でお求めください。", 6.2, 9.5, None),
        (4, "どうぞ、ごゆっくり。", 9.8, 12.0, None),
    ]


def test_webvtt_voices_settings_and_header_blocks():
    # REGION, STYLE and NOTE blocks give no lines; cue settings and identifiers are not text;
    # the speaker is the cue's first voice (cue 3 has two: 田中 asks, 佐藤 answers)
    assert _rows("webvtt/bousai_voices.vtt") == [
        (1, "今日は地域の防災について伺います。", 1.0, 4.5, "田中"),
        (2, "よろしくお願いします。まずは備蓄の話からですね。", 4.8, 8.25, "佐藤"),
        (3, "水は何日分あればいいですか。三日分が目安です。", 8.5, 11.0, "田中"),
        (4, "（拍手）", 11.2, 13.0, None),
    ]


def test_youtube_auto_captions_are_read_cue_by_cue():
    # each cue repeats the line before it (rolling captions); the reader gives each cue's text as
    # shown, word timings removed: taking the repeats out is a later stage's work, losslessly
    assert _rows("youtube/auto_ja.vtt") == [
        (1, "今日は新しいカメラを紹介します", 0.32, 2.869, None),
        (2, "今日は新しいカメラを紹介します", 2.869, 2.879, None),
        (3, "今日は新しいカメラを紹介しますまず見た目からです", 2.879, 5.51, None),
        (4, "まず見た目からです", 5.51, 5.52, None),
        (5, "まず見た目からです[音楽]", 5.52, 8.15, None),
    ]


def test_a_voice_tag_in_srt_names_the_speaker_and_nothing_else_does():
    data = ("1\n00:00:01,000 --> 00:00:02,000\n<v 田中>はい。\n\n"
            "2\n00:00:02,000 --> 00:00:03,000\n佐藤：そうですね。\n").encode()
    (t,) = read_bytes(data, "x.srt").check()
    assert [(line.text, line.speaker) for line in t.lines] == [("はい。", "田中"), ("佐藤：そうですね。", None)]


def test_srt_cue_ending_before_it_starts_is_refused_naming_it():
    data = ("1\n00:00:01,000 --> 00:00:02,000\nはい。\n\n"
            "7\n00:00:05,000 --> 00:00:04,000\n逆です。\n").encode()
    (error,) = read_bytes(data, "x.srt").errors
    assert (error.code, error.line) == ("R014", 6)
    assert str(error).startswith("x.srt, line 6: SRT cue 2 (numbered 7) ends before it starts "
                                 "(00:00:05,000 --> 00:00:04,000)")


def test_webvtt_cue_ending_before_it_starts_is_refused_naming_it():
    data = "WEBVTT\n\nNOTE メモ\n\n00:01.000 --> 00:02.000\nはい。\n\n00:05.000 --> 00:04.000\n逆です。\n".encode()
    (error,) = read_bytes(data, "x.vtt").errors
    assert (error.code, error.line) == ("R014", 8)
    assert str(error).startswith("x.vtt, line 8: WebVTT cue 2 ends before it starts (00:00:05.000 --> 00:00:04.000)")


def test_a_cue_of_no_length_is_kept():
    data = "WEBVTT\n\n00:01.000 --> 00:01.000\nはい。\n".encode()
    assert [(l.start, l.end) for l in read_bytes(data, "x.vtt").check()[0].lines] == [(1.0, 1.0)]
