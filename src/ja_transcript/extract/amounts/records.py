"""A figure, an amount as read, and the text with its morphemes indexed by offset."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from fractions import Fraction
from typing import Sequence

from ja_transcript.nlp import Morpheme

from .vocabulary import Words


@dataclass(slots=True)
class Figure:
    start: int
    end: int
    low: Fraction
    high: Fraction
    text: str
    big_exp: int  # exponent of the 万 / 億 / 兆 it ends with, else 0
    kanji: bool  # written without Arabic digits
    weak: bool  # a lone kanji digit or 数: not an amount without a counter


@dataclass(slots=True)
class Amount:
    start: int
    end: int
    kind: str
    value: Fraction | str | None
    low: Fraction | str | None  # text (ISO 8601 style) for a range of dates
    high: Fraction | str | None
    unit: str | None
    approximate: bool
    weak: bool = False
    scale: int = 1  # what the unit multiplies its figure by (割: 10), for a range's first figure
    fields: dict | None = None  # a date's parts as said (Y, M, D, h, m), for the second end of a range


class Doc:
    """The text with its morphemes, indexed by character offset."""

    __slots__ = ("text", "ms", "starts", "bounds", "start_index")

    def __init__(self, text: str, ms: Sequence[Morpheme]):
        self.text = text
        self.ms = ms
        self.starts = [m.start for m in ms]
        self.start_index = dict(zip(self.starts, range(len(ms))))
        self.bounds = set(self.starts)
        self.bounds.update([m.end for m in ms])

    def index_from(self, offset: int) -> int:
        """Index of the first morpheme starting at or after `offset`."""
        return bisect_left(self.starts, offset)

    def after(self, pos: int, words: Words, anchored: bool = True) -> str | None:
        """The longest of `words` starting at `pos` and ending on a token boundary; with
        `anchored`, `pos` must be a boundary too (a unit may end a token: 数千|人 in 数千人)."""
        if anchored and pos not in self.bounds:
            return None
        text = self.text
        for n in range(min(words.maxlen, len(text) - pos), 0, -1):
            w = text[pos:pos + n]
            if w in words and pos + n in self.bounds:
                return w
        return None

    def before(self, pos: int, words: Words, floor: int = 0) -> str | None:
        """The longest of `words` ending at `pos` and starting on a token boundary at or after `floor`."""
        text = self.text
        for n in range(min(words.maxlen, pos - floor), 0, -1):
            w = text[pos - n:pos]
            if w in words and pos - n in self.bounds:
                return w
        return None
