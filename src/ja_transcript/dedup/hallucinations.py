"""Hallucinations: segments Whisper wrote where nothing was said.

Two kinds of evidence, each from a source rather than from cases:

- Whisper's own metadata. Its decoder skips a segment as silence when no_speech_prob is
  above 0.6 and avg_logprob below -1.0, and retries one whose compression_ratio is above
  2.4 (repetitive text); these are its defaults (openai/whisper, transcribe.py), and a
  segment past them that is still in the output is what Whisper itself judged not speech.
- A phrase Whisper is known to invent (data/words.toml, with its sources) standing alone:
  at the end of the transcript (after it only other such phrases or sound tags), or in a
  silence: the gaps before and after it both at least `silence` seconds, or the segment
  lasting that much longer than saying the phrase takes (Whisper gives a silence of 30 s the
  text it invents). People say these phrases too, so a phrase inside ongoing speech stays.

Removals are lossless, like every removal: the line stays in the document, marked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..extract.words import table
from ..model import Removal, build
from .normalize import spoken_key

_PHRASES = frozenset(spoken_key(p) for p in table("hallucinations", "phrases"))


@dataclass(frozen=True)
class HallucinationConfig:
    no_speech_prob: float = 0.6  # Whisper's no_speech_threshold
    avg_logprob: float = -1.0  # Whisper's logprob_threshold
    compression_ratio: float = 2.4  # Whisper's compression_ratio_threshold
    # A silence long enough to stand a phrase apart: Whisper cuts segments at pauses of
    # about a second within speech; two seconds on both sides is no pause in a sentence.
    silence: float = 2.0
    # Characters a second of slow speech: spontaneous Japanese runs at about 7 to 8 morae a
    # second (Corpus of Spontaneous Japanese), so a phrase said takes at most length / 4 seconds.
    slow_rate: float = 4.0


@dataclass(frozen=True)
class Segment:
    """What the stage needs of a spoken line."""

    n: int
    text: str
    start: float | None = None
    end: float | None = None
    no_speech_prob: float | None = None
    avg_logprob: float | None = None
    compression_ratio: float | None = None


def is_phrase(text: str) -> bool:
    """Whether `text` is one of the known phrases (folded: width, kana, punctuation).

    >>> is_phrase("ご視聴ありがとうございました。"), is_phrase("ご視聴ありがとうございました、では本題です")
    (True, False)
    """
    return spoken_key(text) in _PHRASES


def find_hallucinations(segments: Sequence[Segment], config: HallucinationConfig = HallucinationConfig()
                        ) -> dict[int, Removal]:
    """Spoken lines to remove as hallucinations, by n (`duplicate_of` null: nothing else
    was said in their place)."""
    out: dict[int, Removal] = {}
    phrase = [is_phrase(s.text) for s in segments]
    for k, s in enumerate(segments):
        if _judged_silent(s, config) or (phrase[k] and (_at_end(phrase, k) or _in_silence(segments, k, config))):
            out[s.n] = build(Removal, {"reason": "hallucination", "duplicate_of": None})
    return out


def _judged_silent(s: Segment, config: HallucinationConfig) -> bool:
    if s.no_speech_prob is not None and s.avg_logprob is not None \
            and s.no_speech_prob > config.no_speech_prob and s.avg_logprob < config.avg_logprob:
        return True
    return s.compression_ratio is not None and s.compression_ratio > config.compression_ratio


def _at_end(phrase: list[bool], k: int) -> bool:
    return all(phrase[k:])


def _in_silence(segments: Sequence[Segment], k: int, config: HallucinationConfig) -> bool:
    s = segments[k]
    if s.start is None or s.end is None:
        return False
    if s.end - s.start - len(spoken_key(s.text)) / config.slow_rate >= config.silence:
        return True  # the phrase stands over a silence of its own
    before = s.start - segments[k - 1].end if k and segments[k - 1].end is not None else s.start
    after = segments[k + 1].start - s.end if k + 1 < len(segments) and segments[k + 1].start is not None else None
    return before >= config.silence and (after is None or after >= config.silence)
