"""SRT and WebVTT out: corrections applied, removed cues dropped, timings kept, and what is
written reads back with srt and webvtt-py to the same cleaned text."""

import html
import io

import pytest
import srt
import webvtt

from ja_transcript import Pipeline
from ja_transcript.errors import TranscriptError
from ja_transcript.writers.subtitles import cues, to_srt, to_vtt

SRT = """1
00:00:01,000 --> 00:00:03,200
今日は暗号試算の話です。

2
00:00:03,200 --> 00:00:05,000
ビットコインが給投しました。

3
00:00:05,000 --> 00:00:07,250
ビットコインが給投しました。

4
00:00:07,250 --> 00:01:02,004
<i>A&B</i>の決算は
来週です。
"""


@pytest.fixture(scope="module")
def doc():
    return Pipeline().process_text(SRT, "talk.srt", format="srt")


def test_srt_keeps_timings_applies_corrections_and_drops_removed_cues(doc):
    subs = list(srt.parse(to_srt(doc)))
    assert [s.content for s in subs] == ["今日は暗号資産の話です。", "ビットコインが急騰しました。", "A&Bの決算は来週です。"]
    assert [(s.start.total_seconds(), s.end.total_seconds()) for s in subs] == [
        (1.0, 3.2), (3.2, 5.0), (7.25, 62.004)]
    kept = list(srt.parse(to_srt(doc, keep_removed=True)))
    assert len(kept) == 4 and kept[2].content == "ビットコインが急騰しました。"


def test_vtt_reads_back_with_webvtt_py_to_the_same_text(doc):
    captions = webvtt.from_buffer(io.StringIO(to_vtt(doc)))
    assert [html.unescape(c.text) for c in captions] == ["今日は暗号資産の話です。", "ビットコインが急騰しました。", "A&Bの決算は来週です。"]
    assert [(c.start, c.end) for c in captions] == [
        ("00:00:01.000", "00:00:03.200"), ("00:00:03.200", "00:00:05.000"), ("00:00:07.250", "00:01:02.004")]


@pytest.mark.parametrize("write, fmt", [(to_srt, "srt"), (to_vtt, "vtt")])
def test_reading_what_was_written_gives_the_same_cleaned_text(doc, write, fmt):
    again = Pipeline().process_text(write(doc), f"again.{fmt}", format=fmt)
    assert again.cleaned_text == doc.cleaned_text
    assert [(l.start, l.end) for l in again.lines] == [(c.start, c.end) for c in cues(doc)]


def test_markup_in_clean_text_is_escaped_in_webvtt():
    vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\n1 &lt; 2 &amp; 3\n"
    doc = Pipeline().process_text(vtt, "x.vtt", format="vtt")
    assert doc.lines[0].clean == "1 < 2 & 3"
    assert "1 &lt; 2 &amp; 3" in to_vtt(doc)
    assert html.unescape(webvtt.from_buffer(io.StringIO(to_vtt(doc)))[0].text) == "1 < 2 & 3"  # webvtt-py keeps escapes


def test_an_untimed_transcript_is_a_clear_error_naming_it():
    doc = Pipeline().process_text("今日は晴れ。\n", "notes.txt", format="txt")
    with pytest.raises(TranscriptError, match="notes.txt has no timings"):
        to_srt(doc)
