"""Hallucinations: what Whisper's metadata judges silent, and known phrases standing alone,
are removed (losslessly); the same phrases inside speech stay."""

import json
from pathlib import Path

from ja_transcript import Pipeline
from ja_transcript.dedup.hallucinations import Segment, find_hallucinations, is_phrase

CASES = json.loads((Path(__file__).parent / "hallucination_cases" / "recordings.json").read_text("utf-8"))


def test_every_labelled_segment_of_six_recordings():
    for video in CASES["videos"]:
        segments = [Segment(k, s["text"], s["start"], s["end"], s["no_speech_prob"], s["avg_logprob"],
                            s["compression_ratio"]) for k, s in enumerate(video["segments"], 1)]
        found = find_hallucinations(segments)
        labelled = {k for k, s in enumerate(video["segments"], 1) if s["hallucination"]}
        assert set(found) == labelled, video["video"]
        assert all(r.reason == "hallucination" and r.duplicate_of is None for r in found.values())


def test_whispers_own_thresholds():
    silent = Segment(1, "お疲れ様でした", 0, 30, no_speech_prob=0.8, avg_logprob=-1.3)
    quiet_but_sure = Segment(2, "ここを見てください", 30, 33, no_speech_prob=0.8, avg_logprob=-0.4)
    looping = Segment(3, "あ" * 40, 33, 40, compression_ratio=3.1)
    assert set(find_hallucinations([silent, quiet_but_sure, looping])) == {1, 3}


def test_a_phrase_in_ongoing_speech_stays():
    segments = [Segment(1, "今日はここまで", 0, 2), Segment(2, "ご視聴ありがとうございました", 2.1, 4),
                Segment(3, "と言いたいところですが、もう一つ", 4.1, 7)]
    assert find_hallucinations(segments) == {}
    assert is_phrase("ご視聴ありがとうございました！") and not is_phrase("ありがとう")


def test_the_pipeline_marks_a_closing_phrase_of_a_timed_transcript():
    vtt = ("WEBVTT\n\n00:00.000 --> 00:03.000\n今日は株価の話でした。\n\n"
           "00:03.500 --> 00:05.000\nまた来週。\n\n00:09.000 --> 00:30.000\nご視聴ありがとうございました\n")
    doc = Pipeline().process_text(vtt, "v.vtt", format="vtt")
    assert [line.removed.reason if line.removed else None for line in doc.lines] == [None, None, "hallucination"]
    assert "ご視聴" not in doc.cleaned_text and doc.lines[2].text == "ご視聴ありがとうございました"


def test_an_untimed_transcript_keeps_its_closing_words():
    doc = Pipeline().process_text("今日は株価の話でした。\nご視聴ありがとうございました\n", "t.txt", format="txt")
    assert not any(line.removed for line in doc.lines)
