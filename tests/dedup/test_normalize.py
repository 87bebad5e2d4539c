import pytest

from ja_transcript.dedup.normalize import spoken_key, lemma_key, reading_key


@pytest.mark.parametrize(
    "a, b",
    [
        ("データセンター、", "でーたせんたー"),  # katakana / hiragana, punctuation
        ("ＧＰＵ　３０個", "GPU30個"),  # full / half width, spaces
        ("ｺｱｳｨｰﾌﾞ", "コアウイーブ"),  # half-width kana, small kana
        ("サーバー", "サーバ"),  # long-vowel mark
        ("五月", "5月"),  # kanji digit
        ("「はい！」", "はい"),  # brackets, exclamation
    ],
)
def test_fold_equal(a, b):
    assert spoken_key(a) == spoken_key(b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("今年", "去年"),
        ("2ゲーム", "3ゲーム"),
        ("行く", "行かない"),
    ],
)
def test_fold_different(a, b):
    assert spoken_key(a) != spoken_key(b)


def test_fold_of_only_punctuation_is_empty():
    assert spoken_key("……。、!?　") == ""


@pytest.mark.parametrize(
    "a, b",
    [
        ("言われたりしますけど", "いわれたりしますけど"),  # kana vs kanji
        ("分かる人がいたら", "わかる人がいたら"),
        ("取り合いになって", "取合いになって"),  # okurigana
        ("作ってみてください", "作ってみて下さい"),
        ("焼き色が付くまで", "焼き色がつくまで"),
        ("わからないことがあれば聞いてくださいね", "分からないことがあれば聞いてください"),  # ね
        ("ホームランです！", "ホームラン"),  # copula
    ],
)
def test_lemma_key_equal(a, b):
    assert lemma_key(a) == lemma_key(b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("行きます", "行きません"),  # negation stays
        ("行きます", "行きました"),  # tense stays
        ("行きます", "行きますか"),  # a question stays
        ("高いです", "高いでしょう"),  # a guess stays
        ("塩分を控える", "水分を控える"),
    ],
)
def test_lemma_key_different(a, b):
    assert lemma_key(a) != lemma_key(b)


def test_reading_key_folds_homophones_and_numbers():
    assert reading_key("暗号試算のマイナー") == reading_key("暗号資産のマイナー")
    assert reading_key("黒玉子を買った") == reading_key("黒たまごを買った")
    assert reading_key("百億ドル") == reading_key("100億ドル")
    assert reading_key("1日6グラム") != reading_key("1日7グラム")
