"""Exports of cloud speech services: told by their structure, lines with speakers and times, clear errors."""

import json
from pathlib import Path

import pytest

from ja_transcript.readers import read_bytes, read_path, read_string, sniff_format
from ja_transcript.readers.cloud import Word, group_words, join_words

CLOUD = Path(__file__).parent / "fixtures" / "cloud"


def _read(name, **kwargs):
    result = read_path(CLOUD / name, **kwargs)
    assert result.errors == []
    (transcript,) = result.transcripts
    return transcript


def _rows(transcript):
    return [(line.text, line.start, line.end, line.speaker) for line in transcript.lines]


def _error(data, name="export.json"):
    result = read_bytes(json.dumps(data, ensure_ascii=False).encode("utf-8"), name)
    assert result.transcripts == []
    (error,) = result.errors
    return error


# --- AssemblyAI --------------------------------------------------------------------------------

def test_assemblyai_utterances_give_a_line_per_speaker_turn_in_milliseconds():
    t = _read("assemblyai_utterances_nikujaga.json")
    assert (t.format, t.time_unit) == ("assemblyai_json", "ms")
    assert _rows(t) == [
        ("今日は肉じゃがを作ります。", 0.24, 2.31, "A"),
        ("おお、いいですね。", 2.48, 3.4, "B"),
        ("じゃがいもは男爵を使います。", 3.62, 5.91, "A"),
        ("メークインじゃないんですか？", 6.1, 7.82, "B"),
    ]
    assert [line.n for line in t.lines] == [1, 2, 3, 4]


def test_assemblyai_words_are_joined_into_sentences():
    # no spaces between Japanese words, one between Latin ones; a line ends after 。 and at a pause
    t = _read("assemblyai_words_weather.json")
    assert (t.format, t.time_unit) == ("assemblyai_json", "ms")
    assert _rows(t) == [
        ("明日の東京は晴れるでしょう。", 0.12, 2.3, None),
        ("最高気温は25度の予想です。", 2.5, 5.0, None),
        ("NHK NEWS WEBで詳しくお伝えします", 6.2, 9.0, None),
        ("それではまた", 10.2, 11.0, None),
    ]


def test_assemblyai_text_only_is_split_into_sentences_without_times():
    t = _read("assemblyai_text_only.json")
    assert (t.format, t.time_unit) == ("assemblyai_json", None)
    assert _rows(t) == [("はじめまして。", None, None, None), ("営業部の田中です。", None, None, None),
                        ("よろしくお願いします。", None, None, None)]


def test_assemblyai_export_on_stdin_is_not_taken_for_json_lines():
    # its "id" would make a lone object a JSON Lines record
    text = (CLOUD / "assemblyai_text_only.json").read_text(encoding="utf-8")
    assert sniff_format(text) == "whisper_json"
    assert read_string(text).transcripts[0].format == "assemblyai_json"


# --- Deepgram ----------------------------------------------------------------------------------

def test_deepgram_utterances_are_preferred_and_keep_the_text_as_written():
    t = _read("deepgram_utterances_interview.json")
    assert (t.format, t.time_unit) == ("deepgram_json", "s")
    assert _rows(t) == [
        ("本日はよろしくお願いします。", 0.52, 2.88, "0"),
        ("よろしくお願いします。", 3.1, 4.02, "1"),
        ("まず、起業したきっかけを教えてください。", 4.5, 8.76, "0"),
        ("大学で AI の研究をしていたのがきっかけです。", 9.2, 14.05, "1"),
    ]


def test_deepgram_paragraph_sentences_carry_their_paragraphs_speaker():
    t = _read("deepgram_paragraphs_lecture.json")
    assert _rows(t) == [
        ("それでは講義を始めます。", 0.8, 2.4, "0"),
        ("今日のテーマは光合成です。", 2.6, 4.9, "0"),
        ("植物は光のエネルギーで糖を作ります。", 6.3, 9.8, "0"),
    ]


def test_deepgram_punctuated_words_are_grouped_by_sentence_and_speaker():
    t = _read("deepgram_words_phone.json")
    assert _rows(t) == [
        ("もしもし、山田です。", 0.3, 1.8, "0"),
        ("あ、お疲れ様です", 2.1, 3.2, "1"),
        ("明日の会議は10時からですか？", 3.3, 5.3, "0"),
    ]


def test_deepgram_transcript_alone():
    data = {"metadata": {}, "results": {"channels": [{"alternatives": [{"transcript": "はい。わかりました。"}]}]}}
    t = read_bytes(json.dumps(data).encode(), "dg.json").check()[0]
    assert (t.format, _rows(t)) == ("deepgram_json", [("はい。", None, None, None), ("わかりました。", None, None, None)])


# --- Google Cloud Speech-to-Text ---------------------------------------------------------------

def test_google_v1_operation_results_span_their_words_or_follow_the_result_before():
    t = _read("google_v1_operation_kyoto.json")
    assert (t.format, t.time_unit) == ("google_stt_json", "s")
    # the second result has no words: it runs from where the first ended; the third is silence
    assert _rows(t) == [
        ("京都に着きました", 0.4, 2.2, None),
        ("これから清水寺に向かいます", 2.5, 6.12, None),
        ("坂道が結構きついですね", 8.3, 10.2, None),
    ]


def test_google_v2_offsets_and_speaker_labels():
    # the first word's startOffset is left out, as proto3 JSON leaves out a zero duration
    t = _read("google_v2_support_call.json")
    assert _rows(t) == [("お電話ありがとうございます", 0.0, 2.1, "1"),
                        ("プリンターが動かなくなってしまって", 2.9, 5.2, "2")]


def test_google_v1_diarization_result_gives_speakers_and_no_line():
    t = _read("google_v1_diarized_restaurant.json")
    assert _rows(t) == [("いらっしゃいませ", 0.5, 1.6, "1"), ("二人です", 2.4, 3.3, "2")]


# --- Amazon Transcribe -------------------------------------------------------------------------

def test_aws_audio_segments_are_preferred():
    t = _read("aws_audio_segments_meeting.json")
    assert (t.format, t.time_unit) == ("aws_transcribe_json", "s")
    assert _rows(t) == [
        ("それでは定例会議を始めます。", 0.64, 2.95, "spk_0"),
        ("先週の売上は前年比で12%増えました。", 3.4, 7.81, "spk_0"),
        ("すごいですね。", 8.2, 9.05, "spk_1"),
    ]


def test_aws_items_take_their_speakers_from_the_speaker_segments():
    t = _read("aws_items_speaker_labels.json")
    assert _rows(t) == [
        ("おはようございます。", 0.1, 1.2, "spk_0"),
        ("今日も暑いですね。", 1.6, 3.2, "spk_1"),
        ("エアコンをつけましょうか？", 3.5, 5.0, "spk_0"),
    ]


def test_aws_transcript_alone():
    data = {"jobName": "j", "results": {"transcripts": [{"transcript": "了解です。"}], "items": []}}
    t = read_bytes(json.dumps(data).encode(), "aws.json").check()[0]
    assert (t.format, _rows(t)) == ("aws_transcribe_json", [("了解です。", None, None, None)])


# --- joining words -----------------------------------------------------------------------------

@pytest.mark.parametrize("left,right,joined", [
    ("東京", "タワー", "東京タワー"),
    ("iPhone", "15", "iPhone 15"),
    ("Open", "AI", "Open AI"),
    ("GPU", "を", "GPUを"),
    ("第", "3", "第3"),
    ("３", "月", "３月"),
    ("Ｎ", "Ｈ", "Ｎ Ｈ"),  # full-width Latin letters are Latin letters too
    ("café", "au", "café au"),
])
def test_join_words(left, right, joined):
    assert join_words(left, right) == joined


def test_a_full_stop_inside_a_quotation_does_not_end_the_sentence():
    words = [Word("彼は", 0, .4, None), Word("「行く。", .4, 1, None), Word("」", 1, 1.1, None),
             Word("と", 1.1, 1.2, None), Word("言った。", 1.2, 1.6, None), Word("次に", 1.7, 2.0, None)]
    assert [t for t, *_ in group_words(words)] == ["彼は「行く。」と言った。", "次に"]


def test_a_question_quoted_inside_one_word_does_not_end_the_sentence():
    words = [Word("子どもに", 0, .4, None), Word("「うつる？」", .4, .8, None), Word("って", .8, 1, None),
             Word("聞かれて。", 1, 1.5, None), Word("はい", 1.6, 1.8, None)]
    assert [t for t, *_ in group_words(words)] == ["子どもに「うつる？」って聞かれて。", "はい"]


def test_punctuation_alone_never_starts_a_line():
    # a closing bracket after a pause, and a 。 of another speaker, still close what they close
    words = [Word("「そうです。", 0, .8, "A"), Word("」", 2.0, 2.1, "A"), Word("。", None, None, "B"),
             Word("はい", 2.3, 2.5, "B")]
    assert [(t, s) for t, _, _, s in group_words(words)] == [("「そうです。」。", "A"), ("はい", "B")]


def test_a_short_pause_does_not_cut_a_line():
    words = [Word("えっと", 0, 0.5, None), Word("ですね", 1.2, 1.6, None), Word("はい", 2.5, 2.8, None)]
    assert [t for t, *_ in group_words(words)] == ["えっとですね", "はい"]  # 0.7 s goes on, 0.9 s cuts


# --- broken fields: the file, the item and the fix ---------------------------------------------

def test_assemblyai_bad_time_names_the_utterance():
    data = {"id": "x", "status": "completed", "text": "はい。",
            "utterances": [{"speaker": "A", "text": "はい。", "start": 0, "end": 500},
                           {"speaker": "B", "text": "どうも。", "start": "1.5s", "end": 2000}]}
    error = _error(data)
    assert error.code == "R041"
    assert str(error).startswith('export.json: in this AssemblyAI JSON, utterances[1] has "start" \'1.5s\'')
    assert "milliseconds" in str(error) and "Fix that time" in str(error)


def test_assemblyai_job_that_did_not_finish():
    error = _error({"id": "x", "status": "error", "error": "Download error", "text": None,
                    "words": None, "utterances": None})
    assert error.code == "R043" and "'error'" in str(error)


def test_deepgram_end_before_start_names_the_utterance():
    data = {"results": {"channels": [{"alternatives": [{"transcript": ""}]}],
                        "utterances": [{"start": 4.2, "end": 3.9, "transcript": "はい", "speaker": 0}]}}
    error = _error(data)
    assert error.code == "R042"
    assert 'results.utterances[0] ends before it starts ("start" 4.2, "end" 3.9)' in str(error)


def test_deepgram_without_channels():
    error = _error({"metadata": {}, "results": {"channels": []}})
    assert error.code == "R043" and "results.channels" in str(error)


def test_deepgram_word_without_text():
    data = {"results": {"channels": [{"alternatives": [{"transcript": "", "words": [{"start": 0, "end": 1}]}]}]}}
    error = _error(data)
    assert error.code == "R040" and 'results.channels[0].alternatives[0].words[0] has no "word" string' in str(error)


def test_google_duration_without_its_unit():
    data = {"results": [{"alternatives": [{"transcript": "はい"}], "resultEndTime": "1.2s"},
                        {"alternatives": [{"transcript": "いいえ"}], "resultEndTime": "12.34"}]}
    error = _error(data)
    assert error.code == "R041" and 'results[1] has "resultEndTime" \'12.34\'' in str(error)
    assert '"12.340s"' in str(error)


def test_google_alternatives_not_a_list():
    error = _error({"results": [{"alternatives": {"transcript": "はい"}, "resultEndTime": "1s"}]})
    assert error.code == "R040" and "results[0].alternatives is an object" in str(error)


def test_google_channel_that_is_no_number():
    error = _error({"results": [{"alternatives": [{"transcript": "はい"}], "resultEndTime": "1s", "channelTag": [1]}]})
    assert error.code == "R040" and 'results[0] has "channelTag" [1]' in str(error)


def test_aws_bad_item_time_and_missing_content():
    items = [{"type": "pronunciation", "start_time": "0.5", "end_time": "0.9", "alternatives": [{"content": "はい"}]},
             {"type": "pronunciation", "start_time": "abc", "end_time": "1.2", "alternatives": [{"content": "そう"}]}]
    error = _error({"jobName": "j", "results": {"transcripts": [], "items": items}})
    assert error.code == "R041" and 'results.items[1] has "start_time" \'abc\'' in str(error)
    items[1] = {"type": "pronunciation", "start_time": "1.0", "end_time": "1.2", "alternatives": []}
    error = _error({"jobName": "j", "results": {"transcripts": [], "items": items}})
    assert error.code == "R040" and "results.items[1].alternatives is empty" in str(error)


def test_a_broken_export_in_json_lines_names_the_line_and_the_rest_are_read():
    good = {"id": "ep1", "status": "completed", "text": "はい。", "utterances": None}
    bad = {"id": "ep2", "utterances": [{"speaker": "A", "text": "はい", "start": -5, "end": 10}]}
    data = "\n".join(json.dumps(d, ensure_ascii=False) for d in (good, bad)).encode("utf-8")
    result = read_bytes(data, "exports.jsonl")
    assert [(t.record_id, t.format) for t in result.transcripts] == [("ep1", "jsonl")]
    (error,) = result.errors
    assert str(error).startswith("exports.jsonl, line 2: in this AssemblyAI JSON, utterances[0]")


def test_whisper_shapes_are_not_taken_for_a_service():
    # segments win: a Whisper file with a stray "words" list stays Whisper
    data = {"text": "はい", "segments": [{"start": 0.0, "end": 1.2, "text": "はい"}], "words": [{"text": "はい"}]}
    assert read_bytes(json.dumps(data).encode(), "w.json").check()[0].format == "whisper_json"
