"""What a passage is about, from word vectors: whether a term fits the words around a span
better than the dictionary word heard there (講演 among 発表 and 研究, 公園 among 散歩 and 子供).

The vectors are chiVe's (Works Applications, Apache License 2.0; word2vec on a web corpus of
Japanese, keyed by SudachiPy's normalized form), as ja_ginza ships them pruned to 20,000 rows,
reduced here to 64 dimensions for 111,858 words (`scripts/build_topic_vectors.py` makes
`data/topic_vectors.npz`). A passage is the inverse-frequency weighted mean of its content
words; a word's fit is its cosine with that mean.

    >>> t = default_topics()
    >>> from ja_transcript.nlp import get_analyzer
    >>> line = t.passage(get_analyzer().analyze("新しい研究の成果を発表する予定です"))
    >>> [f > 0 for f in line.fit(t.text("講演"), t.text("公園"), (0, 0))]
    [True, True]
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import Iterable, Sequence

import numpy as np

from ..nlp import Morpheme, get_analyzer
from .confidence import zipf

DATA_FILE = "topic_vectors.npz"
_CONTENT = ("名詞", "動詞", "形容詞")
_NOT_CONTENT = ("数詞", "非自立可能", "代名詞", "助数詞可能")  # 事, 所, これ, 円: they tell no topic
_MAX_ZIPF = 7.0  # the commonest Japanese words (の, に) are about Zipf 7.5: weight 7 - Zipf, at least 1


class Topics:
    """Word vectors (unit length, float32) looked up by a token's normalized form or surface."""

    def __init__(self, words: Sequence[str], rows: np.ndarray, vectors: np.ndarray):
        self._row = dict(zip(words, rows.tolist()))
        unit = vectors.astype(np.float32)
        self._vectors = unit / np.linalg.norm(unit, axis=1, keepdims=True)
        self._text = lru_cache(maxsize=4096)(self._of_text)

    @classmethod
    def load(cls, path=None) -> "Topics":
        source = path or files("ja_transcript") / "data" / DATA_FILE
        with source.open("rb") as f, np.load(f) as data:
            words = data["words"].tobytes().decode("utf-8").split("\n")
            return cls(words, data["rows"], data["vectors"])

    def word(self, m: Morpheme) -> np.ndarray | None:
        row = self._row.get(m.normalized)
        if row is None:
            row = self._row.get(m.surface)
        return None if row is None else self._vectors[row]

    def words(self, morphemes: Sequence[Morpheme]) -> np.ndarray | None:
        """A span's vector: its word's, or the weighted mean of its content words'."""
        if len(morphemes) == 1:
            return self.word(morphemes[0])
        return _unit(self.weighted(morphemes))

    def text(self, text: str) -> np.ndarray | None:
        """A term's vector: the word's, or the mean of its content words' (植田和男: 植田, 和男)."""
        return self._text(text)

    def _of_text(self, text: str) -> np.ndarray | None:
        row = self._row.get(text)
        if row is not None:
            return self._vectors[row]
        return self.words(get_analyzer().analyze(text))

    def weighted(self, morphemes: Iterable[Morpheme]) -> np.ndarray | None:
        """The sum of the content words' vectors, each weighted by how rare the word is (a
        common word tells less of the topic, as in tf-idf); None when none has a vector."""
        total = None
        for _, _, v in self._content(morphemes):
            total = v if total is None else total + v
        return total

    def _content(self, morphemes: Iterable[Morpheme]) -> list[tuple[int, int, np.ndarray]]:
        out = []
        for m in morphemes:
            if m.pos[0] not in _CONTENT or m.pos[1] in _NOT_CONTENT or m.pos[2] in _NOT_CONTENT:
                continue
            v = self.word(m)
            if v is not None:
                out.append((m.start, m.end, max(1.0, _MAX_ZIPF - zipf(m.surface)) * v))
        return out

    def passage(self, morphemes: Iterable[Morpheme], around: Iterable[Iterable[Morpheme]] = ()) -> "Passage":
        """A line's words and those of the lines `around` it, for `Passage.fit`."""
        total = None
        for line in around:
            more = self.weighted(line)
            if more is not None:
                total = more if total is None else total + more
        return Passage(self._content(morphemes), total)


class Passage:
    """The content words of a line (with their offsets) and the sum of those around it."""

    def __init__(self, words: list[tuple[int, int, np.ndarray]], around: np.ndarray | None):
        self._words, self._around = words, around

    def fit(self, term: np.ndarray | None, word: np.ndarray | None, skip: tuple[int, int]) -> tuple[float, float]:
        """How much better the term fits than the word heard on `skip` (a cosine difference,
        -2 to 2): with the line's other words, and with those and the lines around; 0 when a
        vector is unknown."""
        if term is None or word is None:
            return 0.0, 0.0
        a, b = skip
        line = None
        for start, end, v in self._words:
            if end <= a or start >= b:
                line = v if line is None else line + v
        both = line if self._around is None else self._around if line is None else line + self._around
        return _fit(term, word, line), _fit(term, word, both)


def _fit(term: np.ndarray, word: np.ndarray, total: np.ndarray | None) -> float:
    t = _unit(total)
    return 0.0 if t is None else float(term @ t - word @ t)


def _unit(v: np.ndarray | None) -> np.ndarray | None:
    if v is None:
        return None
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else None


@lru_cache(maxsize=1)
def default_topics() -> Topics:
    """The shipped vectors, read once (about 0.1 s) when a dictionary word first needs them."""
    return Topics.load()
