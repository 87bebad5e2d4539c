"""The sound index finds every lexicon reading near a span's, whatever the lexicon's size."""

from ja_transcript.correct.index import SoundIndex
from ja_transcript.correct.lexicon import Entry
from ja_transcript.correct.phonetic import mora_distance, morae


def _index(*words: str) -> SoundIndex:
    return SoundIndex((morae(w), Entry(w, w, "TERM"), w) for w in words)


def test_finds_one_cheap_change_and_one_dear_change():
    index = _index("キュウトウ", "センター", "カイギ")
    assert [m.sound.alias for m in index.near(morae("キュウト"), 0.5)] == ["キュウトウ"]  # long vowel lost
    assert [m.sound.alias for m in index.near(morae("センタ"), 0.5)] == ["センター"]
    assert [m.sound.alias for m in index.near(morae("カイシ"), 1.0)] == ["カイギ"]  # one mora misheard
    assert index.near(morae("カイシ"), 0.5) == []


def test_agrees_with_a_scan_of_every_entry():
    words = ["キュウトウ", "コウトウ", "キョウト", "トウキョウ", "カイギ", "カイシャ", "ケーキ", "センター", "サンガ"]
    index = _index(*words)
    for query in ["キュート", "コート", "キヨト", "トキョ", "カイキ", "カシャ", "ケキ", "センタ", "サガ"]:
        mm = morae(query)
        found = {m.sound.alias for m in index.near(mm, 0.45)}
        # a scan may find more (two dear changes the coarse key does not see), never less at one change
        scanned = {w for w in words if mora_distance(mm, morae(w)) <= 0.45}
        assert found == scanned, query
