"""The same SudachiPy analysis as a spaCy tokenizer, registered as
`ja_transcript.SudachiTokenizer.v1` (through the `spacy_tokenizers` entry point).

Each token gets what spaCy users expect: `pos_` (Universal POS, resolved from SudachiPy's
part of speech with spaCy's own Japanese tag maps, as spaCy's and GiNZA's tokenizers do),
`tag_` (the part of speech, up to four levels), `lemma_` (the dictionary form; the
surface for an unknown word), `norm_` (the normalized form) and `morph` (`Inflection=`
conjugation type and form). Readings and the other SudachiPy fields are token extensions:
`token._.reading`, `token._.normalized`, `token._.sudachi_pos` (all six levels) and
`token._.oov`. Compared with spaCy's own `JapaneseTokenizer` it

- never puts a reading into `morph`, so the StringStore does not grow by a morph entry for
  every reading (spaCy #13684): readings live in the doc's extension data;
- pickles and serialises its settings, and `to_disk` copies its user dictionaries into the
  pipeline folder, so worker processes started with `spawn` and a pipeline moved to another
  machine tokenize the same (spaCy's rebuilds from the split mode alone);
- cuts texts over SudachiPy's ~49 KB input limit at sentence or clause boundaries, and
  covers the text exactly even where SudachiPy normalizes characters (… ⑴ ㍿).

    >>> nlp = blank()
    >>> doc = nlp("札束で叩いた")
    >>> [(t.text, t.pos_, t.lemma_, t._.reading) for t in doc]
    [('札束', 'NOUN', '札束', 'サツタバ'), ('で', 'ADP', 'で', 'デ'), ('叩い', 'VERB', '叩く', 'タタイ'), ('た', 'AUX', 'た', 'タ')]
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import Sequence

import srsly
from spacy.lang.ja import resolve_pos
from spacy.tokens import Doc, MorphAnalysis, Token
from spacy.vocab import Vocab
from sudachipy import SplitMode

from .analyzer import Analyzer, get_analyzer, in_pieces

TOKENIZER_NAME = "ja_transcript.SudachiTokenizer.v1"
EXTENSIONS = ("reading", "normalized", "sudachi_pos", "oov")
_FIELDS = {"surface", "pos", "normalized_form", "reading_form", "dictionary_form"}
_local = threading.local()


def register_extensions() -> None:
    """Token extensions this package sets; called by the components that set them."""
    for name in EXTENSIONS:
        if not Token.has_extension(name):
            Token.set_extension(name, default=None)


class SudachiTokenizer:
    def __init__(self, vocab: Vocab, split_mode: str = "C", user_dicts: Sequence[str] = ()):
        self.vocab = vocab
        self.split_mode = split_mode
        self.user_dicts = tuple(str(p) for p in user_dicts)
        register_extensions()

    @property
    def analyzer(self) -> Analyzer:
        return get_analyzer(self.split_mode, self.user_dicts)  # per thread: SudachiPy is not thread-safe

    def _tokenizer(self):
        key = (self.split_mode, self.user_dicts)
        cache = getattr(_local, "tokenizers", None)
        if cache is None:
            cache = _local.tokenizers = {}
        if key not in cache:
            cache[key] = self.analyzer.dictionary.create(getattr(SplitMode, self.split_mode), fields=_FIELDS)
        return cache[key]

    def _morphemes(self, text: str) -> list[tuple]:
        """(surface, tag, inflection, lemma, normalized, reading, pos, oov) covering `text`
        exactly: empty pieces SudachiPy adds when it normalizes a character join the token
        before them (see `Analyzer._analyze`)."""
        tokenizer = self._tokenizer()

        def analyze(part: str, offset: int) -> list[list]:
            out: list[list] = []
            for m in tokenizer.tokenize(part):
                begin, stop = m.begin(), m.end()
                if begin == stop:
                    if out:
                        out[-1][4] += m.normalized_form()
                        out[-1][5] += m.reading_form()
                    continue
                pos = m.part_of_speech()
                out.append([part[begin:stop], "-".join(p for p in pos[:4] if p != "*"),
                            ";".join(p for p in pos[4:] if p != "*"), m.dictionary_form(), m.normalized_form(),
                            m.reading_form(), pos, m.is_oov()])
            return out

        return in_pieces(analyze, text)

    def __call__(self, text: str) -> Doc:
        morphemes = self._morphemes(text)
        doc = Doc(self.vocab, words=[m[0] for m in morphemes], spaces=[False] * len(morphemes))
        next_pos = None
        for i, (token, (surface, tag, inflection, lemma, normalized, reading, pos, oov)) in enumerate(
                zip(doc, morphemes)):
            token.tag_ = tag
            if next_pos:  # decided with the token before (a tag bigram rule)
                token.pos, next_pos = next_pos, None
            else:
                token.pos, next_pos = resolve_pos(surface, tag, morphemes[i + 1][1] if i + 1 < len(morphemes) else None)
            token.lemma_ = surface if oov or not lemma else lemma
            token.norm_ = surface if oov else normalized
            if inflection:
                token.morph = MorphAnalysis(self.vocab, {"Inflection": inflection})
            token._.reading = reading
            token._.normalized = normalized
            token._.sudachi_pos = pos
            token._.oov = oov
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __reduce__(self):
        return (SudachiTokenizer, (self.vocab, self.split_mode, self.user_dicts))

    # serialisation, so nlp.to_disk / from_disk keep the settings and the user dictionaries
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
        names = []
        for i, user_dict in enumerate(self.user_dicts):
            name = f"user_dict_{i}.dic"
            shutil.copyfile(user_dict, path / name)
            names.append(name)
        srsly.write_json(path / "cfg", {"split_mode": self.split_mode, "user_dicts": names})

    def from_disk(self, path, **kwargs) -> "SudachiTokenizer":
        cfg = srsly.read_json(Path(path) / "cfg")
        self.split_mode = cfg["split_mode"]
        self.user_dicts = tuple(str(Path(path) / name) for name in cfg["user_dicts"])
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
