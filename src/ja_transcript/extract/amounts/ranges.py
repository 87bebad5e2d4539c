"""Ranges (10〜20%, 3万から5万円, 2、3人) and the hedge and bound words around an amount
(約, くらい, 以上, 未満, 弱, 台, signs), which set approximate, low and high."""

from __future__ import annotations

from fractions import Fraction

from .figures import figure_after
from .records import Amount, Doc
from .units import read_single
from .vocabulary import (
    APPROX, BAND, BIG_EXP, HIGH_APPROX, LOW, LOW_APPROX, MONEY_SYMBOLS, ORDINAL_AFTER, PAIR_MARKS,
    PREFIX_WORDS, RANGE_MARKS, SIGN_OPENERS, SIGN_WORDS, SUFFIX_WORDS,
)


def read_range(doc: Doc, first: Amount) -> Amount | None:
    """10〜20%, 10から20%, 3人～8人, 3万から5万円, 2、3人."""
    if first.kind == "date":
        return None
    mark = doc.after(first.end, RANGE_MARKS)
    pair = None if mark else doc.after(first.end, PAIR_MARKS)
    if not (mark or pair):
        return None
    fig2 = figure_after(doc, first.end + len(mark or pair))
    second = read_single(doc, fig2) if fig2 is not None else None
    if second is None or second.kind == "date" or doc.after(second.end, ORDINAL_AFTER):
        return None
    if (pair or RANGE_MARKS[mark]) and second.kind == "number":
        return None
    low = first.value if first.value is not None else first.low
    high = second.value if second.value is not None else second.high
    if low is None or high is None:
        return None
    if first.kind == "number":
        if fig2.big_exp and low * 10**fig2.big_exp <= high and low < 10**fig2.big_exp \
                and not any(c in BIG_EXP for c in doc.text[first.start:first.end]):
            low *= 10**fig2.big_exp  # 3から5万円: the 3 is 3万
    elif (first.kind, first.unit) != (second.kind, second.unit):
        return None
    if pair and not _neighbours(low, high):
        return None
    if not low < high:
        return None
    return Amount(first.start, second.end, second.kind, None, low, high, second.unit,
                   first.approximate or second.approximate or bool(pair))


def _neighbours(low: Fraction, high: Fraction) -> bool:
    """2、3 or 20、30: the idiom "two or three" (next digit at the same place)."""
    if low <= 0 or low.denominator != 1 or high.denominator != 1:
        return False
    place = 1
    while low % (place * 10) == 0:
        place *= 10
    return low // place < 9 and high - low == place


def read_suffixes(doc: Doc, amount: Amount) -> None:
    """Hedge and bound words after the amount (at most one of each)."""
    seen: set[int] = set()
    for _ in range(2):
        word = doc.after(amount.end, SUFFIX_WORDS)
        if word is None:
            return
        effect = SUFFIX_WORDS[word]
        group = APPROX if effect == APPROX else LOW
        if group in seen or not _apply(amount, effect, suffix=True):
            return
        seen.add(group)
        amount.end += len(word)


def read_prefixes(doc: Doc, amount: Amount, floor: int) -> None:
    """Currency symbols, signs and hedge words before the amount."""
    for _ in range(3):
        symbol = doc.before(amount.start, MONEY_SYMBOLS, floor)
        if symbol and amount.kind == "number":
            amount.kind, amount.unit = "money", MONEY_SYMBOLS[symbol]
            amount.start -= len(symbol)
            continue
        sign = doc.before(amount.start, SIGN_WORDS, floor)
        if sign and amount.kind != "date" and amount.value is not None \
                and _sign_fits(doc.text, amount.start - len(sign)):
            amount.value *= SIGN_WORDS[sign]
            amount.start -= len(sign)
            continue
        word = doc.before(amount.start, PREFIX_WORDS, floor)
        if word and _apply(amount, PREFIX_WORDS[word], suffix=False):
            amount.start -= len(word)
            continue
        return


def _sign_fits(text: str, pos: int) -> bool:
    """A hyphen or plus is a sign only after a space, punctuation or a particle (その-3人),
    never where it joins two words (GPT-4, 2時間券-1日券)."""
    if text[pos] not in "-−－+＋" or pos == 0:
        return True
    before = text[pos - 1]
    return before.isspace() or before in SIGN_OPENERS or "ぁ" <= before <= "ゖ"


def _apply(amount: Amount, effect: int, suffix: bool) -> bool:
    """Apply one hedge or bound; False when it does not fit this amount."""
    if effect == APPROX:
        amount.approximate = True
        return True
    if amount.kind == "date" or (amount.value is None and amount.low is not None and amount.high is not None
                                 and not amount.approximate):
        return False  # bounds do not apply to dates or to explicit ranges
    if effect == BAND:
        if not suffix or amount.value is None or amount.kind in ("number", "count", "duration", "ratio"):
            return False
        step = _place(amount.value)
        if step is None:
            return False
        amount.low, amount.high, amount.value = amount.value, amount.value + step, None
        return True
    if effect in (LOW, LOW_APPROX):
        bound = amount.value if amount.value is not None else amount.low
        if bound is None:
            return False  # 〜十数以上: an upper bound already took the figure's top
        amount.low, amount.high = bound, None
    else:
        bound = amount.value if amount.value is not None else amount.high
        if bound is None:
            return False  # a lower bound already took the figure's bottom
        amount.high, amount.low = bound, None
    if effect in (LOW_APPROX, HIGH_APPROX):
        amount.approximate = True
    return True


def _place(value: Fraction) -> Fraction | None:
    """The place of the last significant digit: 10000 -> 10000, 150 -> 10, 3.5 -> 0.1
    (None for a value with no finite decimal form, such as 1/3)."""
    if value.denominator != 1:
        for k in range(1, 13):
            if (value * 10**k).denominator == 1:
                return Fraction(1, 10**k)
        return None
    place = 1
    while value and value % (place * 10) == 0:
        place *= 10
    return Fraction(place)
