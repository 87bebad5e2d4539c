"""Figures: the run of numeral tokens at a morpheme (百|何十|億 -> 百何十億), valued as an
interval, split from a counter glued to it (数千人), and figures inside names and codes."""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

from ..numerals import VAGUE_DIGITS, NumeralError, numeral_interval

from .records import Amount, Doc, Figure
from .vocabulary import (
    BIG_EXP, DIGITS, FIGURE_START, LEXICALIZED, NAME_SPLIT_COUNTERS, NUMERAL_CHARS, PREFIX_CHARS, UNITS,
    UNIT_CHARS, WEAK_FIGURES,
)


@lru_cache(maxsize=4096)
def _interval(s: str) -> tuple[Fraction, Fraction] | None:
    """`numeral_interval(s)`, None if `s` is no numeral: cached, as the same figures recur (一, 10, 百)."""
    try:
        return numeral_interval(s)
    except NumeralError:
        return None


def figure_at(doc: Doc, i: int) -> Figure | None:
    """The figure starting at morpheme `i`: adjacent numeral tokens joined, or None."""
    ms = doc.ms
    pieces: list[str] = []
    pos = ms[i].start
    for j in range(i, len(ms)):
        m = ms[j]
        s = m.surface
        if m.start != pos or not s:
            break
        if m.pos[1] == "数詞" and all(c in NUMERAL_CHARS for c in s):
            piece, whole = s, True
        else:
            k = 0
            while k < len(s) and s[k] in PREFIX_CHARS:
                k += 1
            if k == 0:
                break
            piece, whole = s[:k], k == len(s)
            # 数千人, 二人: a figure and a counter in one token. A name such as 十条 is not split
            # unless it continues a figure (数|十人) or ends in a counter of people or things:
            # SudachiPy tags 十人 ("ten people") as a place name.
            if not whole and (s in LEXICALIZED or s[k:] not in UNITS or (
                    not pieces and m.pos[1] == "固有名詞" and s[k:] not in NAME_SPLIT_COUNTERS)):
                break
        if pieces and not _joins(pieces[-1], piece):
            break
        pieces.append(piece)
        pos += len(piece)
        if not whole:
            break
    while pieces:  # the longest prefix of the pieces that is a well-formed numeral
        s = "".join(pieces)
        interval = _interval(s)
        if interval is not None:
            low, high = interval
            break
        pieces.pop()
    else:
        return None
    if s in ("何", "幾"):  # 何人, 何回: a question, not an amount
        return None
    start = ms[i].start
    return Figure(start, start + len(s), low, high, s, BIG_EXP.get(s[-1], 0),
                   not any(c in DIGITS for c in s), s in WEAK_FIGURES)


def _joins(left: str, right: str) -> bool:
    """Adjacent numeral tokens form one figure only across a unit or vague digit (百|何十|億);
    two digit strings side by side (２００７|20) are two figures."""
    a, b = left[-1], right[0]
    return a in UNIT_CHARS or a in VAGUE_DIGITS or b in UNIT_CHARS or b in VAGUE_DIGITS


def from_figure(fig: Figure, kind: str, unit: str | None, end: int, scale=1) -> Amount:
    if fig.low == fig.high:
        return Amount(fig.start, end, kind, fig.low * scale, None, None, unit, False)
    return Amount(fig.start, end, kind, None, fig.low * scale, fig.high * scale, unit, True)


def exact_int(fig: Figure) -> int | None:
    if fig.low == fig.high and fig.low.denominator == 1 and fig.low >= 0:
        return int(fig.low)
    return None


def figure_after(doc: Doc, pos: int) -> Figure | None:
    j = doc.start_index.get(pos)
    if j is None or doc.ms[j].surface[:1] not in FIGURE_START:
        return None
    return figure_at(doc, j)


def in_code(text: str, start: int, end: int) -> bool:
    """A figure inside a name or code: GPT-4, iPhone 15, H100, ver2.3, 080-1234-5678, 3D."""
    before = text[start - 1] if start else ""
    if before == " " and start >= 2:
        before = text[start - 2] if text[start - 2].isascii() and text[start - 2].isalpha() else ""
    if before.isascii() and before.isalpha():
        return True
    if before in ("-", ".", "/", ":", "_") and start >= 2 and text[start - 2].isascii() \
            and text[start - 2].isalnum():
        return True
    after = text[end] if end < len(text) else ""
    if after.isascii() and after.isalpha():
        return True
    return after in ("-", ".", "/", ":", "_") and end + 1 < len(text) and text[end + 1].isdigit()
