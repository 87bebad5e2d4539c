"""How likely a candidate correction is right: features of the candidate in its context,
combined by a logistic regression whose coefficients ship as data.

The model is fitted by `benchmarks/correction/fit_confidence.py` on the development part of
the correction benchmark only (scikit-learn, at development time); here it is a dot product
and a sigmoid, so the confidence of a correction is the fitted probability that it is right,
and `--min-confidence` trades recall for precision.

Features (each a number; the model file lists them by name, in order, with the scaling):

- sound: `distance` (weighted mora distance to the entry's reading, 0 when equal),
  `distance_per_mora`, `exact`, `log_morae` (the entry's length in morae), `ambiguous`
  (another entry is as near);
- the span as a word: `span_is_word` (SudachiPy's dictionary has the whole span as one word),
  `span_zipf` (how common that word is: wordfreq's Zipf value, 0 when unknown),
  `term_zipf` (how common the entry's alias is as a word), `tokens`, `cuts_token` (an edge
  of the span falls inside a token), `has_oov`, `single_kanji`, `function_tokens`
  (particles and auxiliaries inside the span), `numeral`;
- script: `span_hiragana`, `span_katakana`, `term_katakana`, `script_change`, `shares_chars`,
  `len_ratio`;
- context: `evidence` (the entry is written correctly in another line of the transcript),
  `same_line` (it is written correctly in this line, so this span is likely another word),
  `nearby` (other lexicon mentions in the line, of names rarer than everyday words),
  `next_particle`, `prev_particle`;
- the entry and the method: `label_term`, `method_katakana` (the katakana key match);
- the lines around (`CorrectorConfig.window` each side), where a transcript states its topic:
  `window_domain` (other names of the entry's own lexicon written there, rarer than everyday
  words, up to 3), `window_nearest` (1 / lines away of the nearest of them, 0 when none),
  `window_label` (other names of the entry's label there), `term_in_window` (the entry itself
  written there); and for a span that is a dictionary word, where only context can tell,
  `word_window_domain`, `word_term_around` (the term written around or anywhere else) and
  `word_topic_fit` (how much nearer the term is than the word to the topic of the line's own
  words, by word vectors: `topics.py`) and `word_topic_fit_around` (of the line's and the
  lines' around).

Latin near misses and SudachiPy's spelling variants are not in the benchmark, so the model
has nothing to learn them from: their confidence stays a fixed function of the match
(`Corrector._unmodelled_confidence`), not a fitted probability.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Sequence

MODEL_FILE = "correction_confidence.json"

FEATURES = (
    "distance", "distance_per_mora", "exact", "log_morae", "ambiguous",
    "span_is_word", "span_zipf", "term_zipf", "tokens", "cuts_token", "has_oov", "single_kanji",
    "function_tokens", "numeral",
    "span_hiragana", "span_katakana", "term_katakana", "script_change", "shares_chars", "len_ratio",
    "evidence", "same_line", "nearby", "next_particle", "prev_particle",
    "label_term", "method_katakana",
    "window_domain", "window_nearest", "window_label", "term_in_window",
    "word_window_domain", "word_term_around", "word_topic_fit",
)


@dataclass(frozen=True)
class ConfidenceModel:
    """A fitted logistic regression over standardized features."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    def probability(self, x: Sequence[float]) -> float:
        z = self.intercept
        for v, m, s, c in zip(x, self.mean, self.scale, self.coef):
            z += c * (v - m) / s
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    @classmethod
    def from_dict(cls, data: dict) -> "ConfidenceModel":
        return cls(tuple(data["features"]), tuple(data["mean"]), tuple(data["scale"]), tuple(data["coef"]),
                   float(data["intercept"]))


@lru_cache(maxsize=1)
def default_model() -> ConfidenceModel:
    """The shipped model; features the code computes but the model does not know are an error."""
    data = json.loads((files("ja_transcript") / "data" / MODEL_FILE).read_text(encoding="utf-8"))
    model = ConfidenceModel.from_dict(data)
    if model.features != FEATURES:
        raise ValueError(f"{MODEL_FILE} was fitted on other features; rerun benchmarks/correction/fit_confidence.py")
    return model


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """wordfreq's Japanese word frequencies (its data ships in the wheel; read once, lazily)."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict("ja", wordlist="best")


def zipf(word: str) -> float:
    """wordfreq's Zipf value of a word (log10 of its frequency per billion words), 0 if unknown.

    >>> zipf("公園") > zipf("講演") > 0, zipf("ぬぬぬぬ")
    (True, 0.0)
    """
    frequencies = _frequencies()
    f = frequencies.get(word)
    if not f and "々" in word[1:]:  # the iteration mark spells the kanji again: 上々 is counted as 上上
        f = frequencies.get(re.sub("(.)々", r"\1\1", word))
    return math.log10(f) + 9.0 if f else 0.0
