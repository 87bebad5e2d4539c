"""Kana phonetics: fold the spellings a transcriber confuses into one comparable key."""

from __future__ import annotations

import unicodedata

_HIRA_TO_KATA = {c: c + 0x60 for c in range(ord("ぁ"), ord("ゖ") + 1)}

# Digraphs first: loanword sounds that Japanese ears (and transcribers) merge.
_DIGRAPHS = [
    ("ヴァ", "バ"), ("ヴィ", "ビ"), ("ヴェ", "ベ"), ("ヴォ", "ボ"), ("ヴュ", "ビュ"), ("ヴ", "ブ"),
    ("ウィ", "ビ"), ("ウェ", "ベ"), ("ウォ", "ボ"),  # w / v merge: ウィーブ ~ ビーブ
    ("ティ", "チ"), ("ディ", "ジ"), ("トゥ", "ツ"), ("ドゥ", "ズ"),
    ("ファ", "ハ"), ("フィ", "ヒ"), ("フェ", "ヘ"), ("フォ", "ホ"),
    ("シェ", "セ"), ("ジェ", "ゼ"), ("チェ", "セ"),
    ("クァ", "カ"), ("クィ", "キ"), ("クェ", "ケ"), ("クォ", "コ"), ("グァ", "ガ"),
]
_SINGLE = str.maketrans({
    "ァ": "ア", "ィ": "イ", "ゥ": "ウ", "ェ": "エ", "ォ": "オ", "ャ": "ヤ", "ュ": "ユ", "ョ": "ヨ", "ヮ": "ワ",
    "ヂ": "ジ", "ヅ": "ズ", "ヲ": "オ", "ヰ": "イ", "ヱ": "エ", "ヵ": "カ", "ヶ": "ケ",
    "ー": None, "ッ": None, "・": None, "＝": None, "=": None, " ": None, "　": None, "-": None,
})


def to_katakana(text: str) -> str:
    """Hiragana to katakana; everything else unchanged.

    >>> to_katakana("さつたば")
    'サツタバ'
    """
    return text.translate(_HIRA_TO_KATA)


def phonetic_key(kana: str) -> str:
    """A key under which kana spellings that sound alike coincide.

    Long vowels, small tsu and separators are dropped; small kana become full size;
    v- and w- sounds merge with b-.

    >>> phonetic_key("コアウィーブ") == phonetic_key("コアビーブ")
    True
    >>> phonetic_key("エヌビディア") == phonetic_key("エヌヴィディア")
    True
    """
    text = to_katakana(unicodedata.normalize("NFKC", kana))
    for a, b in _DIGRAPHS:
        if a in text:
            text = text.replace(a, b)
    return text.translate(_SINGLE)


def is_katakana(text: str) -> bool:
    """True for a non-empty run of katakana (the long-vowel mark and middle dot count).

    >>> is_katakana("コアビーブ"), is_katakana("コア語")
    (True, False)
    """
    return bool(text) and all("ァ" <= c <= "ヺ" or c in "ー・" for c in text)


def is_latin(text: str) -> bool:
    """True for an ASCII or full-width word of letters (digits and . - & allowed after the first).

    >>> is_latin("CoreWeb"), is_latin("GPT-4"), is_latin("4K")
    (True, True, False)
    """
    if not text:
        return False
    text = unicodedata.normalize("NFKC", text)
    return text[0].isascii() and text[0].isalpha() and all(
        c.isascii() and (c.isalnum() or c in ".-&'") for c in text)
