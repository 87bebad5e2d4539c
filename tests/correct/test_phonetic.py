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
