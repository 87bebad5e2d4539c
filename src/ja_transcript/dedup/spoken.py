"""One spoken line with its comparison keys (folded text, lemmas, reading), each made at
most once, and the parts of speech that close a clause."""

from __future__ import annotations

import re

from collections.abc import Sequence


from ja_transcript.nlp import Morpheme, get_analyzer
from ja_transcript.chars import SENTENCE_ENDS

from .normalize import spoken_key, lemma_key_of, reading_key_of




# Last morphemes that close a clause: a copula or auxiliary (です, ます, た, だ), a
# sentence-final particle (よ, ね, か), a conjunctive particle (けど, から, て).
CLOSING_POS = {("助動詞",), ("助詞", "終助詞"), ("助詞", "接続助詞")}


SYMBOL_POS = frozenset(["補助記号", "空白"])


_LATIN_WORD = re.compile("[a-z0-9]{3,}")


class Line:
    """One spoken line and its keys, each computed at most once."""

    __slots__ = ("n", "text", "key", "size", "ends_sentence", "_morphemes", "_lemma", "_reading")

    def __init__(self, n: int, text: str, morphemes: Sequence[Morpheme] | None = None):
        self.n = n
        self.text = text
        self.key = spoken_key(text)
        # How much the line says: a Latin word counts about one kana per two letters (Netflix
        # is ネトフリ-long), so "Netflixはさ" is as short as the spoken line it is.
        self.size = len(self.key) - sum(len(w) // 2 for w in _LATIN_WORD.findall(self.key))
        tail = text.rstrip()
        self.ends_sentence = bool(tail) and tail[-1] in SENTENCE_ENDS
        self._morphemes = morphemes
        self._lemma: str | None = None
        self._reading: str | None = None

    @property
    def morphemes(self) -> Sequence[Morpheme]:
        if self._morphemes is None:
            self._morphemes = get_analyzer().analyze(self.text)
        return self._morphemes

    @property
    def lemma(self) -> str:
        if self._lemma is None:
            self._lemma = lemma_key_of(self.morphemes)
        return self._lemma

    @property
    def reading(self) -> str:
        if self._reading is None:
            self._reading = reading_key_of(self.morphemes)
        return self._reading
