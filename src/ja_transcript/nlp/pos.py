"""Part-of-speech classes of SudachiPy's tagset (first level) and words the stages share."""

from __future__ import annotations

SYMBOL = frozenset({"補助記号", "空白", "記号"})  # punctuation, blanks and symbols
PREDICATE = frozenset({"動詞", "形容詞", "助動詞"})  # words that end a predicate
COPULA = frozenset({"だ", "です"})  # the plain and polite copula, as surfaces
