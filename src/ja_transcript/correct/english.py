"""How a Latin-script name is said in Japanese, for names a lexicon lists in Latin letters only.

A recogniser writes what it hears in katakana (コアウィーブ, ジーピーユー) where the lexicon has
CoreWeave or GPU: to hear the name, the corrector needs its Japanese sound. An acronym is said
letter by letter (GPU ジーピーユー, 5G ファイブジー); a word is said as Japanese renders English,
which e2k's character model predicts (weave ウィーブ). Words of a name written together are
split where the case changes (CoreWeave: Core, Weave; GitHub: Git, Hub).

e2k (a small RNN trained on Wiktionary and JMdict renderings; its weights ship in its wheel) is
loaded at the first word that needs it; without it, only names spelt by letters get a sound.
"""

from __future__ import annotations

import re
from functools import lru_cache

LETTERS = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (
    "エー", "ビー", "シー", "ディー", "イー", "エフ", "ジー", "エイチ", "アイ", "ジェー", "ケー", "エル", "エム", "エヌ",
    "オー", "ピー", "キュー", "アール", "エス", "ティー", "ユー", "ブイ", "ダブリュー", "エックス", "ワイ", "ゼット")))
ENGLISH_DIGITS = dict(zip("0123456789", ("ゼロ", "ワン", "ツー", "スリー", "フォー", "ファイブ", "シックス", "セブン",
                                         "エイト", "ナイン")))
# a capital run (GPU, the OS of macOS), a capitalised or lower-case word, one digit
_PARTS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]")
_SAID_BY_LETTERS = 5  # a capital run this long or shorter is said letter by letter (ASML, KDDI)
# a rendering cannot begin with these (e2k may render an initial n as ン)
_NO_START = frozenset("ンッーァィゥェォャュョヮ")


def english_reading(name: str) -> str:
    """The katakana a Japanese speaker says for a Latin-script name, or "" when it cannot be
    told (a figure of several digits, a letter outside A-Z, a word e2k cannot render).

    >>> english_reading("GPU"), english_reading("5G"), english_reading("GPT-4")
    ('ジーピーユー', 'ファイブジー', 'ジーピーティーフォー')
    >>> english_reading("H100")
    ''
    """
    if re.search(r"[0-9]{2}", name) or not name.isascii():
        return ""
    out = []
    for word in re.split(r"[\s\-./&+]+", name):
        if not word:
            continue
        parts = _PARTS.findall(word)
        if "".join(parts) != word:
            return ""  # a mark inside a word (I/O, M&A): no sound told
        for part in parts:
            said = _said(part)
            if not said:
                return ""
            out.append(said)
    return "".join(out)


def _said(part: str) -> str:
    if part.isdigit():
        return ENGLISH_DIGITS[part]
    if (part.isupper() and len(part) <= _SAID_BY_LETTERS) or len(part) == 1:
        return "".join(LETTERS[c] for c in part.upper())
    return _rendered(part.lower())


@lru_cache(maxsize=4096)
def _rendered(word: str) -> str:
    model = _model()
    if model is None:
        return ""
    said = model(word)
    return said if said and said[0] not in _NO_START and all("ァ" <= ch <= "ヺ" or ch == "ー" for ch in said) else ""


@lru_cache(maxsize=1)
def _model():
    try:
        from e2k import C2K
    except ImportError:
        return None
    return C2K(model="turbo")  # the distilled model: half the time, about the same renderings
