"""The same SudachiPy analysis as a spaCy tokenizer, registered as
`ja_transcript.SudachiTokenizer.v1` (through the `spacy_tokenizers` entry point).

Compared with spaCy's own `JapaneseTokenizer` it

- keeps readings in `doc.user_data["reading_forms"]` instead of a morph entry per unique
  reading, so a long-lived process does not grow without bound (spaCy #13684);
- pickles and serialises its settings, user dictionaries included, so worker processes
  started with `spawn` / `forkserver` get the same tokenizer (spaCy's rebuilds from the
  split mode alone);
- cuts texts over SudachiPy's ~49 KB input limit at sentence or clause boundaries.

    >>> nlp = blank()
    >>> doc = nlp("札束で叩く")
    >>> [t.text for t in doc], doc.user_data["reading_forms"]
    (['札束', 'で', '叩く'], ['サツタバ', 'デ', 'タタク'])
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import srsly
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .analyzer import Analyzer, get_analyzer

TOKENIZER_NAME = "ja_transcript.SudachiTokenizer.v1"


class SudachiTokenizer:
    def __init__(self, vocab: Vocab, split_mode: str = "C", user_dicts: Sequence[str] = ()):
        self.vocab = vocab
        self.split_mode = split_mode
        self.user_dicts = tuple(user_dicts)

    @property
    def analyzer(self) -> Analyzer:
        return get_analyzer(self.split_mode, self.user_dicts)  # per thread: SudachiPy is not thread-safe

    def __call__(self, text: str) -> Doc:
        morphemes = self.analyzer.analyze(text)
        words = [m.surface for m in morphemes]
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words))
        for token, m in zip(doc, morphemes):
            token.tag_ = "-".join(p for p in m.pos[:4] if p != "*")
            if not m.oov:  # an OOV form would add a string per unseen word
                token.norm_ = m.normalized
                token.lemma_ = m.normalized
        doc.user_data["reading_forms"] = [m.reading for m in morphemes]
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __reduce__(self):
        return (SudachiTokenizer, (self.vocab, self.split_mode, self.user_dicts))

    # serialisation, so nlp.to_disk / from_disk keep the settings
    def _cfg(self) -> dict:
        return {"split_mode": self.split_mode, "user_dicts": list(self.user_dicts)}

    def to_bytes(self, **kwargs) -> bytes:
        return srsly.msgpack_dumps(self._cfg())

    def from_bytes(self, data: bytes, **kwargs) -> "SudachiTokenizer":
        cfg = srsly.msgpack_loads(data)
        self.split_mode, self.user_dicts = cfg["split_mode"], tuple(cfg["user_dicts"])
        return self

    def to_disk(self, path, **kwargs) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg", self._cfg())

    def from_disk(self, path, **kwargs) -> "SudachiTokenizer":
        cfg = srsly.read_json(Path(path) / "cfg")
        self.split_mode, self.user_dicts = cfg["split_mode"], tuple(cfg["user_dicts"])
        return self


def create_tokenizer(split_mode: str = "C", user_dicts: Sequence[str] = ()):
    """The registered function: spaCy calls it with the config's settings, then with `nlp`."""

    def make(nlp) -> SudachiTokenizer:
        return SudachiTokenizer(nlp.vocab, split_mode, user_dicts)

    return make


def blank(split_mode: str = "C", user_dicts: Sequence[str] = ()):
    """A blank Japanese spaCy pipeline with this tokenizer."""
    import spacy

    config = {"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME, "split_mode": split_mode,
                                    "user_dicts": list(user_dicts)}}}
    return spacy.blank("ja", config=config)
