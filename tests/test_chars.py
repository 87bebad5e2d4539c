"""Character classes, foldings and sentence ends: one meaning wherever a stage asks."""

from ja_transcript.chars import SENTENCE_ENDS, apply_edits, fold_latin, is_kanji, is_katakana, to_katakana
from ja_transcript.dedup.spoken import Line
from ja_transcript.extract.amounts import extract_amounts
from ja_transcript.sentences import sentence_ends


def test_kanji_covers_extension_a_and_the_repetition_mark():
    # the corrector and the amounts once disagreed on these
    assert all(is_kanji(c) for c in "札束㐂々")
    assert not any(is_kanji(c) for c in "さサaー〇")


def test_katakana_runs():
    assert is_katakana("コアビーブ") and is_katakana("ジョン・ブック")
    assert not is_katakana("") and not is_katakana("コア語")


def test_foldings_keep_the_length_so_offsets_carry_over():
    for text in ("さつたばゝ", "ＣｏｒｅWeave１２", "いすゞ自動車"):
        assert len(to_katakana(text)) == len(text) and len(fold_latin(text)) == len(text)
    assert to_katakana("きゅうとう") == "キュウトウ"
    assert fold_latin("ＣｏｒｅWeave") == "coreweave"


def test_a_full_stop_is_no_sentence_end_anywhere():
    # "." is a decimal point or part of a name as often as an end: no stage may cut there
    assert "." not in SENTENCE_ENDS and "。" in SENTENCE_ENDS
    assert sentence_ends("Node.jsの3.5版です。") == [len("Node.jsの3.5版です。")]
    assert not Line(1, "バージョンは3.5").ends_sentence and Line(1, "そうです。").ends_sentence
    assert [a["text"] for a in extract_amounts("3.5%")] == ["3.5%"]


def test_edits_apply_in_order_of_start_whatever_their_order():
    from ja_transcript.model import Edit

    edits = [Edit(3, 4, "d", "YY", None, None, "t", 1.0), Edit(0, 2, "ab", "X", None, None, "t", 1.0)]
    assert apply_edits("abcde", edits) == "XcYYe"
