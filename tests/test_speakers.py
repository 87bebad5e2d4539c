"""Speakers: kept on lines, sentences and claims; a sentence is one speaker's; another
speaker's echo stays."""

import json

from ja_transcript import Pipeline


def podcast(segments):
    return json.dumps({"segments": [{"speaker": s, "start": a, "end": b, "text": t} for s, a, b, t in segments]},
                      ensure_ascii=False)


def test_echo_by_another_speaker_stays_and_each_sentence_is_one_speakers():
    text = podcast([("田中", 0.0, 2.5, "投稿頻度を減らしたんですよね"), ("佐藤", 2.6, 5.0, "投稿頻度を減らしたんですよね"),
                    ("佐藤", 5.1, 8.0, "それで再生数はどうなったんですか。"), ("田中", 8.2, 11.0, "むしろ増えたらしいです。")])
    doc = Pipeline().process_text(text, "talk.json", format="whisper_json")
    assert [line.speaker for line in doc.lines] == ["田中", "佐藤", "佐藤", "田中"]
    assert not any(line.removed for line in doc.lines)  # the echo is the other speaker's
    assert [(s.speaker, s.lines) for s in doc.sentences] == [("田中", [1]), ("佐藤", [2, 3]), ("田中", [4])]
    claim = next(c for c in doc.claims if "増えた" in c.text)
    assert (claim.speaker, claim.evidentiality) == ("田中", "reported")


def test_one_speakers_repeat_is_still_removed():
    text = podcast([("田中", 0.0, 2.0, "今日はGPUクラウドの話をします。"), ("田中", 2.0, 4.0, "今日はGPUクラウドの話をします。")])
    doc = Pipeline().process_text(text, "talk.json", format="whisper_json")
    assert doc.lines[1].removed is not None and doc.lines[1].removed.reason == "repeat"
