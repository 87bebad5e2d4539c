"""Characters: one home for the character classes, foldings and edits every stage shares.

Each is defined once, with the range it covers, so that "kanji" or "a sentence end" means
the same thing in the corrector, the amounts and the duplicate finder.
"""

from __future__ import annotations

import re
from typing import Iterable

import jaconv

# --- classes -------------------------------------------------------------------------------

def is_kanji(ch: str) -> bool:
    """A CJK ideograph (the unified block and extension A) or the repetition mark 々.

    >>> is_kanji("札"), is_kanji("々"), is_kanji("㐂"), is_kanji("さ")
    (True, True, True, False)
    """
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or ch == "々"


def is_katakana(text: str) -> bool:
    """True for a non-empty run of katakana (the long-vowel mark and middle dot count).

    >>> is_katakana("コアビーブ"), is_katakana("コア語")
    (True, False)
    """
    return bool(text) and all("ァ" <= c <= "ヺ" or c in "ー・" for c in text)


# Marks that end a sentence whatever stands around them. The full stop "." is left out: in
# transcripts it is as often a decimal point or part of a name (3.5, Node.js) as an end.
SENTENCE_ENDS = frozenset("。．！？!?")

# Line ends of text files: LF, CRLF or CR; not the form feed or U+2028 that str.splitlines()
# also splits at (line numbers would then differ from editors', and JSON may hold them raw).
LINE_BREAK = re.compile(r"\r\n|\r|\n")


# --- foldings (each keeps the length, so offsets found in the folded text index the original) -

_LATIN = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}
_LATIN.update({0xFF21 + i: ord("a") + i for i in range(26)})
_LATIN.update({0xFF41 + i: ord("a") + i for i in range(26)})
_LATIN.update({0xFF10 + i: ord("0") + i for i in range(10)})


def to_katakana(text: str) -> str:
    """Hiragana (and its iteration marks ゝ ゞ) to katakana, one character for one
    (jaconv's table); everything else unchanged.

    >>> to_katakana("さつたば"), to_katakana("いすゞ")
    ('サツタバ', 'イスヾ')
    """
    return text.translate(_HIRA_TO_KATA)


_HIRA_TO_KATA = jaconv.jaconv.H2K_TABLE  # jaconv's table, without its per-call wrapper


def fold_latin(text: str) -> str:
    """Latin letters and digits of either width to lower-case ASCII.

    >>> fold_latin("ＣｏｒｅWeave１")
    'coreweave1'
    """
    return text.translate(_LATIN)


# --- edits ---------------------------------------------------------------------------------

def apply_edits(text: str, edits: Iterable) -> str:
    """`text` with non-overlapping edits applied (anything with `start`, `end` and
    `replacement`, as `model.Edit` and `model.Correction`; offsets into `text`).

    >>> from ja_transcript.model import Edit
    >>> apply_edits("暗号試算の話", [Edit(0, 4, "暗号試算", "暗号資産", "暗号資産", "TERM", "reading", 0.9)])
    '暗号資産の話'
    """
    out, last = [], 0
    for e in sorted(edits, key=lambda e: e.start):
        out.append(text[last:e.start])
        out.append(e.replacement)
        last = e.end
    out.append(text[last:])
    return "".join(out)
