"""Kana phonetics: fold the spellings a transcriber confuses into one comparable key."""

from __future__ import annotations

import unicodedata

from ..chars import is_katakana, to_katakana  # noqa: F401 (re-exported for the corrector)


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


_VOWEL_OF = {}
for _vowel, _row in zip("アイウエオ", ("アカサタナハマヤラワガザダバパ", "イキシチニヒミリギジヂビピ",
                                      "ウクスツヌフムユルグズヅブプ", "エケセテネヘメレゲゼデベペ",
                                      "オコソトノホモヨロヲゴゾドボポ")):
    for _kana in _row:
        _VOWEL_OF[_kana] = _vowel
# A vowel kana after a mora of the same vowel, or ウ after o and イ after e, is a long vowel.
_LENGTHENS = {("ア", "ア"), ("イ", "イ"), ("ウ", "ウ"), ("エ", "エ"), ("オ", "オ"), ("オ", "ウ"), ("エ", "イ")}


def _drop_long_vowels(text: str) -> str:
    """
    >>> _drop_long_vowels("キイトルダ"), _drop_long_vowels("コウトウ")
    ('キトルダ', 'コト')
    """
    out = []
    previous = ""
    for ch in text:
        if (previous, ch) in _LENGTHENS:
            continue
        out.append(ch)
        previous = _VOWEL_OF.get(ch, ch if ch in "アイウエオ" else "")
    return "".join(out)


def phonetic_key(kana: str) -> str:
    """A key under which kana spellings that sound alike coincide.

    Long vowels (ー, and a vowel kana that lengthens the mora before it), small tsu and
    separators are dropped; small kana become full size; v- and w- sounds merge with b-.

    >>> phonetic_key("コアウィーブ") == phonetic_key("コアビーブ")
    True
    >>> phonetic_key("エヌビディア") == phonetic_key("エヌヴィディア")
    True
    >>> phonetic_key("キートルーダ") == phonetic_key("キイトルーダ")
    True
    """
    text = to_katakana(unicodedata.normalize("NFKC", kana))
    for a, b in _DIGRAPHS:
        if a in text:
            text = text.replace(a, b)
    return _drop_long_vowels(text.translate(_SINGLE))


# Loanword sounds that are heard two ways: ディ as ジ or デ (ディズニー / デズニー), ティ as チ
# or テ, グア / クア as ガ / カ (グアンチャーレ / ガンチャーレ).
_SECOND_HEARINGS = [("ディ", "デ"), ("ティ", "テ"), ("デュ", "ジュ"), ("グア", "ガ"), ("クア", "カ"),
                    ("グァ", "ガ"), ("クァ", "カ"), ("フュ", "ヒュ")]


def phonetic_keys(kana: str) -> list[str]:
    """The key of `kana` and the keys of its other common hearings (for lexicon aliases).

    >>> phonetic_key("デズニーランド") in phonetic_keys("ディズニーランド")
    True
    """
    keys = [phonetic_key(kana)]
    text = to_katakana(unicodedata.normalize("NFKC", kana))
    for a, b in _SECOND_HEARINGS:
        if a in text:
            key = phonetic_key(text.replace(a, b))
            if key not in keys:
                keys.append(key)
    return keys


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


_DEVOICE = str.maketrans("ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポ",
                         "カキクケコサシスセソタチツテトハヒフヘホハヒフヘホ")


def devoice(key: str) -> str:
    """Drop voicing marks: transcribers often mishear voiced and voiceless consonants.

    >>> devoice("オプジボ") == devoice("オプシボ")
    True
    """
    return key.translate(_DEVOICE)
