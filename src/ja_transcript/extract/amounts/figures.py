"""Figures: the run of numeral tokens at a morpheme (百|何十|億 -> 百何十億), valued as an
interval, split from a counter glued to it (数千人), and figures inside names and codes.

What makes one figure of several tokens, beside the numeral grammar (`numerals`):

- tokens join across a unit or a vague digit (百|何十|億), and digits of one notation
  split by the tokenizer join again (参|弐|壱, 六|零|一, 2|9); a change of notation between
  digits starts a new figure, also inside one token (２００７20人 is 2007 and 20人,
  ２００７二十人 is 2007 and 二十人: `split_notations`);
- a comma joins only after 千 and before more of the figure (三千,九百二十一);
- 万 億 兆 join always; the units past them (京 垓 ... 極, 恒河沙 ... 無量大数, which
  SudachiPy may cut in two: 無量|大数) join after a number only when a further part of the
  figure or a unit word follows (9999極9999載, 1恒河沙人, 5千京円), since their characters
  are also words after a digit (東京一極集中, 二正面);
- where the tokens joined are no numeral, the figure is their longest prefix that is.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

from ja_transcript.nlp import Morpheme

from ..numerals import BIG_UNITS, KANJI_DIGITS, VAGUE_DIGITS, NumeralError, numeral_interval

from .records import Amount, Doc, Figure
from .vocabulary import (
    BIG_EXP, DIGITS, FIGURE_START, LEXICALIZED, NAME_SPLIT_COUNTERS, NUMERAL_CHARS, PREFIX_CHARS, UNITS,
    UNIT_CHARS, WEAK_FIGURES,
)

# big units past 兆 (and every multi-character name): joined only when more of the figure or a unit follows
_RARE_BIG = frozenset(BIG_UNITS) - frozenset(BIG_EXP)
_PLAIN_KANJI_DIGITS = frozenset("一二三四五六七八九")  # 大字 are written, not said in ranges
_RARE_CHARS = frozenset(u for u in _RARE_BIG if len(u) == 1)
_MULTI_BIG = sorted((u for u in BIG_UNITS if len(u) > 1), key=len, reverse=True)
_MULTI_ENDS = frozenset(u[-1] for u in _MULTI_BIG)  # 沙 祇 他 多 議 数
_MULTI_STARTS = frozenset(u[0] for u in _MULTI_BIG)  # 恒 阿 那 不 無
_FIGURE_CHARS = NUMERAL_CHARS | _RARE_CHARS
_THOUSANDS = frozenset("千仟阡")
_COMMA = frozenset(",，")
_JOINERS = UNIT_CHARS | _RARE_CHARS | VAGUE_DIGITS | _COMMA
_HALF, _FULL, _KANJI = frozenset("0123456789"), frozenset("０１２３４５６７８９"), frozenset(KANJI_DIGITS)


def _big_exp(s: str) -> int:
    """The exponent of the big unit `s` ends with (万 4 ... 無量大数 68), else 0."""
    exp = BIG_UNITS.get(s[-1], 0)
    if s[-1] in _MULTI_ENDS:
        exp = next((BIG_UNITS[u] for u in _MULTI_BIG if s.endswith(u)), exp)
    return exp


def _notation(c: str) -> int:
    """0 for a character that is no digit, else 1 half-width, 2 full-width, 3 kanji."""
    return 1 if c in _HALF else 2 if c in _FULL else 3 if c in _KANJI else 0


@lru_cache(maxsize=4096)
def _interval(s: str) -> tuple[Fraction, Fraction] | None:
    """`numeral_interval(s)`, None if `s` is no numeral: cached, as the same figures recur (一, 10, 百).
    Two neighbouring kanji digits side by side are "this or the next" (`approximate_pair`)."""
    pair = approximate_pair(s)
    if pair is not None:
        return pair
    try:
        return numeral_interval(s)
    except NumeralError:
        return None


def approximate_pair(s: str) -> tuple[Fraction, Fraction] | None:
    """二三人, 四五日, 三四十人, 十二三歳, 二三百万: two kanji digits in a row, the second one more
    than the first, say "two or three" (low..high at that place), not the positional 23.
    Positional kanji (二〇二五, 一九九八) have a 〇 or more digits in a row, so they stay.

    >>> approximate_pair("三四十"), approximate_pair("十二三"), approximate_pair("二〇二五")
    ((Fraction(30, 1), Fraction(40, 1)), (Fraction(12, 1), Fraction(13, 1)), None)
    """
    digit = [KANJI_DIGITS.get(c) if c in _PLAIN_KANJI_DIGITS else None for c in s]
    runs = [k for k in range(len(s) - 1) if digit[k] is not None and digit[k + 1] is not None]
    if len(runs) != 1 or any(c in "〇零" for c in s):
        return None
    k = runs[0]
    if (k > 0 and digit[k - 1] is not None) or digit[k + 1] != digit[k] + 1 or digit[k] == 0:
        return None
    try:
        low = numeral_interval(s[:k + 1] + s[k + 2:])
        high = numeral_interval(s[:k] + s[k + 1:])
    except NumeralError:
        return None
    if low[0] != low[1] or high[0] != high[1]:
        return None
    return low[0], high[0]


def _cuts(s: str) -> list[int]:
    """Offsets in `s` where a digit follows a digit of another notation (２００７|20, ２００７|二)."""
    out = []
    prev = _notation(s[0]) if s else 0
    for k in range(1, len(s)):
        cur = _notation(s[k])
        if cur and prev and cur != prev:
            out.append(k)
        prev = cur
    return out


def needs_split(s: str) -> bool:
    """A numeral token with digits of two notations (２００７20, ２００７二)."""
    if len(s) < 2 or not NUMERAL_CHARS.issuperset(s):
        return False
    kinds = (not _HALF.isdisjoint(s)) + (not _FULL.isdisjoint(s)) + (not _KANJI.isdisjoint(s))
    return kinds > 1 and bool(_cuts(s))


def split_notations(ms: list[Morpheme]) -> list[Morpheme]:
    """The morphemes with every numeral token cut where its digits change notation:
    ２００７20 -> ２００７|20 (one number is written in one notation)."""
    out: list[Morpheme] = []
    for m in ms:
        if not needs_split(m.surface):
            out.append(m)
            continue
        bounds = [0, *_cuts(m.surface), len(m.surface)]
        for a, b in zip(bounds, bounds[1:]):
            piece = m.surface[a:b]
            out.append(m._replace(surface=piece, start=m.start + a, end=m.start + b, reading=piece,
                                  normalized=piece))
    return out


def _big_name_at(doc: Doc, j: int) -> tuple[str, int] | None:
    """A big unit past 兆 starting at morpheme `j` and ending on a token boundary: (name, next index)."""
    ms, text = doc.ms, doc.text
    start = ms[j].start
    s = ms[j].surface
    if s in _RARE_CHARS:
        return s, j + 1
    if s[:1] not in _MULTI_STARTS:
        return None
    for name in _MULTI_BIG:
        if text.startswith(name, start) and start + len(name) in doc.bounds:
            k = j
            while k < len(ms) and ms[k].end <= start + len(name):
                k += 1
            return name, k
    return None


def _figure_goes_on(doc: Doc, pos: int) -> bool:
    """More of a figure, or a unit word, at `pos` (after a big unit past 兆)."""
    if pos < len(doc.text) and doc.text[pos] in FIGURE_START and pos in doc.start_index:
        return True
    return doc.after(pos, UNITS) is not None


def figure_at(doc: Doc, i: int) -> Figure | None:
    """The figure starting at morpheme `i`: adjacent numeral tokens joined, or None."""
    ms = doc.ms
    pieces: list[str] = []
    pos = ms[i].start
    j = i
    while j < len(ms):
        m = ms[j]
        s = m.surface
        if m.start != pos or not s:
            break
        nxt = j + 1
        big = _big_name_at(doc, j) if pieces else None
        if big is not None:  # 9999|無量|大数, 1|恒河沙|人, 9999|極|9999
            piece, nxt = big
            whole = True
            if not _figure_goes_on(doc, pos + len(piece)):
                break
        elif _FIGURE_CHARS.issuperset(s) and (m.pos[1] == "数詞" or not _RARE_CHARS.isdisjoint(s)):
            piece, whole = s, True
            if s[-1] in _RARE_CHARS and not _figure_goes_on(doc, m.end):  # 5|千京|円 but not 一|極|集中
                break
        elif s in _COMMA:  # 三千|,|九百二十一
            if not (pieces and pieces[-1][-1] in _THOUSANDS and nxt < len(ms)
                    and ms[nxt].surface[:1] in FIGURE_START):
                break
            piece, whole = s, True
        else:
            k = 0
            while k < len(s) and (s[k] in PREFIX_CHARS or (pieces and s[k] in _RARE_CHARS)):  # 5千|京円
                k += 1
            if k == 0 or (k == len(s) and s[-1] in _RARE_CHARS and not _figure_goes_on(doc, m.end)):
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
        j = nxt
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
    big_exp = _big_exp(s)
    return Figure(start, start + len(s), low, high, s, big_exp,
                   not any(c in DIGITS for c in s), s in WEAK_FIGURES)


def _joins(left: str, right: str) -> bool:
    """Adjacent numeral tokens form one figure across a unit, a vague digit or a comma
    (百|何十|億, 三千|,|九百), or when digits of one notation meet (参|弐|壱, 2|9); digits of two
    notations side by side (２００７|20, ２００７|二) are two figures."""
    a, b = left[-1], right[0]
    if a in _JOINERS or b in _JOINERS or right in BIG_UNITS or (a in _MULTI_ENDS and _big_exp(left)):
        return True
    na, nb = _notation(a), _notation(b)
    return bool(na) and na == nb


def unit_multiplier(fig: Figure) -> Fraction:
    """What the units written after a figure's leading digits multiply them by: 6千万 -> 10^7,
    3兆 -> 10^12, 5万 -> 10^4, 1.5億 -> 10^8; 1 when no unit follows the digits, or more digits
    do (3万5千), or the figure is vague.

    A range's bare first figure is said in these units (5〜6千万: the 5 is 5千万)."""
    s = fig.text
    k = 0
    while k < len(s) and (s[k] in DIGITS or s[k] in _PLAIN_KANJI_DIGITS or (k and s[k] in ".．")):
        k += 1
    rest = s[k:]
    if k == 0 or not rest or fig.low != fig.high or any(c in DIGITS or c in KANJI_DIGITS for c in rest):
        return Fraction(1)
    lead = _interval(s[:k])
    if lead is None or lead[0] != lead[1] or lead[0] <= 0:
        return Fraction(1)
    return fig.low / lead[0]


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
