from hypothesis import given, strategies as st

from ja_transcript.correct.phonetic import is_katakana, is_latin, phonetic_key, to_katakana


def test_sound_alike_spellings_share_a_key():
    assert phonetic_key("コアビーブ") == phonetic_key("コアウィーブ") == phonetic_key("コアヴィーヴ")
    assert phonetic_key("ベートーヴェン") == phonetic_key("ベートーベン")
    assert phonetic_key("ディズニー") == phonetic_key("ジズニー")
    assert phonetic_key("ソフトバンク") != phonetic_key("ソフト")


def test_hiragana_and_katakana_share_a_key():
    assert phonetic_key("さつたば") == phonetic_key("サツタバ")


@given(st.text(alphabet=st.characters(min_codepoint=0x30A1, max_codepoint=0x30FA), max_size=20))
def test_key_is_idempotent(kana):
    assert phonetic_key(phonetic_key(kana)) == phonetic_key(kana)


@given(st.text(alphabet=st.characters(min_codepoint=0x3041, max_codepoint=0x3096), max_size=20))
def test_to_katakana_keeps_length(text):
    assert len(to_katakana(text)) == len(text) and is_katakana(to_katakana(text)) == bool(text)


def test_script_tests():
    assert is_latin("Nvidea") and is_latin("ＧＰＵ") and not is_latin("GPU市場") and not is_latin("")
    assert is_katakana("サム・アルトマン") and not is_katakana("札束")


# -- morae and the weighted mora distance (costs from phonetics, see phonetic.py) --------------
from ja_transcript.correct.phonetic import coarse_key, mora_distance, morae  # noqa: E402


def test_morae_count_special_morae_and_join_small_kana():
    assert morae("しゅっぱつ") == ("シュ", "ッ", "パ", "ツ")
    assert morae("キャンパス") == ("キャ", "ン", "パ", "ス")
    assert morae("とうきょう") == morae("トーキョー")  # a lengthening vowel kana is ー


def test_one_special_mora_off_is_cheaper_than_one_sound_off():
    cheap = [("ケーキ", "ケキ"), ("オンセン", "オセン"), ("ガッコウ", "ガコウ"), ("サクガ", "サクカ"),
             ("キャンパス", "カンパス"), ("シュウギイン", "シュウギン")]
    dear = [("ケーキ", "ケーミ"), ("オンセン", "オンテン"), ("サクガ", "サクラ")]
    for a, b in cheap:
        assert 0 < mora_distance(morae(a), morae(b)) < 0.5, (a, b)
    for a, b in dear:
        assert mora_distance(morae(a), morae(b)) >= 0.8, (a, b)


def test_loanword_spellings_of_one_sound_are_nearly_equal():
    assert mora_distance(morae("ディズニー"), morae("ジズニー")) <= 0.15
    assert mora_distance(morae("コアウィーブ"), morae("コアビーブ")) <= 0.15


def test_distance_is_symmetric_and_zero_only_for_the_same_sound():
    words = ["キュウトウ", "キュート", "コウトウ", "ギュウトウ", "キュウ"]
    for a in words:
        for b in words:
            d = mora_distance(morae(a), morae(b))
            assert d == mora_distance(morae(b), morae(a))
            assert (d == 0) == (morae(a) == morae(b))


def test_coarse_key_forgets_the_cheap_differences():
    assert coarse_key(morae("キュウトウ")) == coarse_key(morae("ギュト"))
    assert coarse_key(morae("オンセン")) == coarse_key(morae("オセン"))
    assert coarse_key(morae("オンセン")) != coarse_key(morae("オンテン"))
