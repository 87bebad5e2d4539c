"""Comparison keys for spoken lines.

Two lines that were *said* the same way should get the same key even when the
transcriber wrote them differently: full/half width, katakana/hiragana, small kana,
long-vowel marks, punctuation and spaces, kanji vs Arabic digits (`spoken_key`); one level
up, okurigana and kana-vs-kanji spellings of the same word (`lemma_key`, from
SudachiPy's normalized forms: 言われたり / いわれたり, 分かる / わかる); and the same
sound written with other kanji (`reading_key`: 試算 / 資産, a homophone
mis-transcription of the same speech).

`spoken_key` is a few string operations and is run on every line; the other two tokenize,
so callers run them only on the few lines that already look alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ja_transcript.nlp import Morpheme, get_analyzer

# One translation table: katakana to hiragana, small kana to large (ウィ / ウイ, ッ / ツ
# are written either way in loanwords), kanji digits to Arabic (五月 / 5月, 一つ / 1つ).
_FOLD_TABLE = {code: code - (ord("ァ") - ord("ぁ")) for code in range(ord("ァ"), ord("ヶ") + 1)}
_FOLD_TABLE.update(str.maketrans("ヷヸヹヺ", "わゐゑを"))
_SMALL, _LARGE = "ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ"
_FOLD_TABLE.update({ord(s): ord(b) for s, b in zip(_SMALL, _LARGE)})
_FOLD_TABLE.update({ord(s) + (ord("ァ") - ord("ぁ")): ord(b) for s, b in zip(_SMALL, _LARGE)})
_FOLD_TABLE.update(str.maketrans("〇一二三四五六七八九", "0123456789"))
# Everything that is not a letter or digit (punctuation, symbols, spaces), plus the
# long-vowel marks and wave dashes that stretch a sound (サーバー / サーバ).
_DROP = re.compile(r"[\W_ー〜～]+")


def spoken_key(text: str) -> str:
    """The cheap comparison key of `text`.

    >>> spoken_key("データセンター、マイニング工場")
    'でたせんたまいにんぐ工場'
    >>> spoken_key("ＣｏｒｅＷｅａｖｅ は ｺｱｳｨｰﾌﾞ。") == spoken_key("coreweaveはコアウイーブ")
    True
    >>> spoken_key("一つ、二つ") == spoken_key("1つ2つ")
    True
    >>> spoken_key("「……」")
    ''
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return _DROP.sub("", text).translate(_FOLD_TABLE)


# Morphemes that do not change what a line says: symbols, fillers and interjections
# (えー, はい), the softening sentence-final particles (ね, よ, さ, わ: not か, a
# question, nor な, which may forbid), and the plain copula and polite endings (です,
# ます, だ: not でしょう / だろう, a guess). Negation (ない, ん), tense (た) and case
# particles stay.
_NEUTRAL_POS = frozenset(["補助記号", "空白", "感動詞"])
_NEUTRAL_PARTICLES = frozenset(["ね", "よ", "さ", "わ"])
_NEUTRAL_AUXILIARIES = frozenset(["です", "でし", "ます", "まし", "ませ", "だ", "だっ"])


def is_neutral(m: Morpheme) -> bool:
    """True for a morpheme left out of the SudachiPy keys."""
    if m.pos[0] in _NEUTRAL_POS:
        return True
    if m.pos[0] == "助詞":
        return m.pos[1] == "終助詞" and m.normalized in _NEUTRAL_PARTICLES
    return m.pos[0] == "助動詞" and m.surface in _NEUTRAL_AUXILIARIES


def lemma_key_of(morphemes: Iterable[Morpheme]) -> str:
    """`spoken_key` of the SudachiPy normalized forms of the morphemes that carry content.

    Inflected words become their normalized lemma (言わ -> 言う); the endings that
    follow are morphemes of their own, so tense and negation still count.
    """
    return spoken_key("".join(m.normalized for m in morphemes if not is_neutral(m)))


def reading_key_of(morphemes: Iterable[Morpheme]) -> str:
    """`spoken_key` of the readings (numerals by value) of the morphemes that carry content.

    The same sound written with different kanji (a homophone mis-transcription:
    試算 / 資産) gets the same key.
    """
    return spoken_key("".join(
        m.normalized if m.pos[1] == "数詞" else m.reading for m in morphemes if not is_neutral(m)
    ))


def reading_key(text: str) -> str:
    """A key on which homophones and spelling variants compare equal.

    >>> reading_key("暗号試算の話") == reading_key("暗号資産のはなし")
    True
    >>> reading_key("100億ドル") == reading_key("百億ドル")
    True
    >>> reading_key("今年") == reading_key("去年")
    False
    """
    return reading_key_of(get_analyzer().analyze(text))


def lemma_key(text: str) -> str:
    """A key on which okurigana and kana-vs-kanji spelling variants compare equal.

    >>> lemma_key("言われたりしますけど") == lemma_key("いわれたりしますけど")
    True
    >>> lemma_key("分かる人") == lemma_key("わかるひと")
    True
    >>> lemma_key("取合い") == lemma_key("取り合い")
    True
    >>> lemma_key("行った") == lemma_key("行かない")
    False
    >>> lemma_key("えー、わかりますよね。") == lemma_key("分かる")
    True
    >>> lemma_key("わかりません") == lemma_key("分かる")
    False
    >>> lemma_key("行きますか") == lemma_key("行く")
    False
    >>> lemma_key("高いでしょう") == lemma_key("高いです")
    False
    """
    return lemma_key_of(get_analyzer().analyze(text))
