"""Ranges (10〜20%, 3万から5万円, 2、3人) and the hedge and bound words around an amount
(約, くらい, 以上, 未満, 弱, 台, signs), which set approximate, low and high."""

from __future__ import annotations

from fractions import Fraction

from .dates import date_order, iso, read_date, read_written_date, read_written_month_day, third_after
from .figures import exact_int, figure_after, unit_multiplier
from .records import Amount, Doc
from .units import read_single, unit_after
from .vocabulary import (
    AMPM, APPROX, BAND, BC, DATE_BOUNDS, DATE_RANGE_ENDS, DATE_RANGE_MARKS, ERAS, HALVES, HIGH_APPROX, LOW,
    LOW_APPROX, MARGIN, DIMENSIONS, LENGTHS, MONEY_SYMBOLS, ORDINAL_AFTER, PAIR_MARKS, PREFIX_WORDS, RANGE_MARKS, RELATIVE_AFTER,
    RELATIVE_HEDGES, SIGN_OPENERS, SIGN_WORDS, SUFFIX_WORDS, UNIT_NAMES, Words,
)

_PARTS = ("Y", "M", "D", "h", "m")
# the part a date's smallest part is followed by, with its word and its values: 5月|1〜3日
_NEXT_PART = {"Y": ("M", "月", 1, 12), "M": ("D", "日", 1, 31)}
_YEAR = Words(["年"])
_PART_RANGE = {"Y": (1000, 2999), "M": (1, 12), "D": (1, 31), "h": (0, 24)}


def read_range(doc: Doc, first: Amount) -> Amount | None:
    """10〜20%, 10から20%, 3人～8人, 3万から5万円, 2、3人; of dates, 5月1日から3日まで,
    2020〜2022年, 5月1〜3日."""
    if first.kind == "date":
        return read_date_range(doc, first)
    if first.kind == "relative_date":
        return None
    mark = doc.after(first.end, RANGE_MARKS)
    pair = None if mark else doc.after(first.end, PAIR_MARKS)
    if not (mark or pair):
        return None
    fig2 = figure_after(doc, first.end + len(mark or pair))
    second = read_single(doc, fig2) if fig2 is not None else None
    if second is None or doc.after(second.end, ORDINAL_AFTER):
        return None
    if first.kind == "number" and second.kind == "duration" and mark:
        second = _short_year(doc, first, fig2) or second  # 2020〜22年: the 22 is 2022
    if second.kind == "date":
        return _figure_date_range(doc, first, second) if mark and first.kind == "number" else None
    if (pair or RANGE_MARKS[mark]) and second.kind == "number":
        return None
    low = first.value if first.value is not None else first.low
    high = second.value if second.value is not None else second.high
    if low is None or high is None:
        return None
    if first.kind == "number":  # a bare first figure is said in the second's unit: 2〜3割, 3から5万円
        scale = second.scale
        units = unit_multiplier(fig2)
        if units > 1 and low * scale * units <= high and low < units \
                and not any(c in UNIT_NAMES for c in doc.text[first.start:first.end]):
            low *= units  # 3から5万円: the 3 is 3万; 5〜6千万: the 5 is 5千万; 2〜3兆円
        low *= scale  # 2〜3割: the 2 is 2割, 20 %
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
    if amount.kind == "date" and isinstance(amount.value, str):
        bound = doc.after(amount.end, DATE_BOUNDS)  # 7月7日以降: the date said, and the bound
        if bound:
            setattr(amount, DATE_BOUNDS[bound], amount.value)
            amount.end += len(bound)
            return
    measured = doc.after(amount.end, MARGIN) or (doc.after(amount.end, DIMENSIONS) if amount.unit in LENGTHS else None)
    if measured and doc.after(amount.end + len(measured), SUFFIX_WORDS):
        amount.end += len(measured)  # 1秒差くらい, 5センチ角くらい: the hedge is about the figure
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
        if effect == BAND:
            read_half(doc, amount)


def read_half(doc: Doc, amount: Amount) -> None:
    """前半 / 後半 after a band: its lower or upper half (20代前半 -> 20..25, 2点台後半 -> 2.5..3)."""
    half = doc.after(amount.end, HALVES)
    if half is None or amount.value is not None or amount.low is None or amount.high is None:
        return
    mid = (amount.low + amount.high) / 2
    if HALVES[half] == 0:
        amount.high = mid
    else:
        amount.low = mid
    amount.end += len(half)


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
    if amount.kind in ("date", "relative_date") or (
            amount.value is None and amount.low is not None and amount.high is not None and not amount.approximate):
        return False  # bounds do not apply to dates or to explicit ranges
    if effect == BAND:  # 3万円台, 9秒台, 3万人台: figures from this one up to the next at its last place
        if not suffix or amount.value is None or amount.value < 0 or amount.kind in ("number", "relative_date"):
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


# ----------------------------------------------------------------------------- dates
def read_date_range(doc: Doc, first: Amount) -> Amount | None:
    """A range of dates or times: 5月1日から3日まで, 2020年〜2022年, 午後1時から3時,
    5月上旬から中旬, 19世紀から20世紀, and 5月1〜3日 (one part said as a range). The second
    end takes what it leaves out from the first; low and high are inclusive ISO texts."""
    mark = doc.after(first.end, DATE_RANGE_MARKS)
    if mark is None:
        return _part_range(doc, first)
    second = _second_date(doc, first, first.end + len(mark))
    if second is None:
        return None
    low = first.value if first.value is not None else first.low
    high = second.value if second.value is not None else second.high
    if not isinstance(low, str) or not isinstance(high, str) or not _in_order(low, high):
        return None
    return _date_range(doc, first.start, second.end, low, high, first.approximate or second.approximate,
                       second.fields)


def _second_date(doc: Doc, first: Amount, pos: int) -> Amount | None:
    """The date at `pos` after a range mark, read as the second end of `first`."""
    third = third_after(doc, first, pos)  # 5月上旬から|中旬
    if third is not None:
        return third
    at = pos
    for words in (AMPM, BC, ERAS):  # 午前9時から|午後5時, 紀元前3世紀から|紀元前1世紀
        w = doc.after(at, words)
        if w:
            at += len(w)
    fig = figure_after(doc, at)
    if fig is None:
        return None
    written = read_written_date(doc, fig) or read_written_month_day(doc, fig, first)
    if written is not None:
        return written
    hit = unit_after(doc, fig.end)
    if hit is None or hit[1] != "date":
        return None
    return read_date(doc, fig, hit[0], hit[3], prev=first)


def _in_order(low: str, high: str) -> bool:
    """low before high, of one form; times of day alone may run past midnight (23時から2時)."""
    if low[:1] == "T" and high[:1] == "T":
        return low != high
    if (low[:2] == "--") != (high[:2] == "--") or (low[:1] == "T") != (high[:1] == "T"):
        return False
    return date_order(low) < date_order(high)


def _date_range(doc: Doc, start: int, end: int, low: str, high: str, approximate: bool, fields) -> Amount:
    tail = doc.after(end, DATE_RANGE_ENDS)  # まで, にかけて
    if tail:
        end += len(tail)
    return Amount(start, end, "date", None, low, high, None, approximate, fields=fields)


def _part_range(doc: Doc, first: Amount) -> Amount | None:
    """5月1〜3日, 2020年5〜7月: the part after the date's smallest is said as a range."""
    fields = first.fields
    if first.value is None or not fields:
        return None
    said = [k for k in _PARTS if k in fields]
    if not said or said[-1] not in _NEXT_PART:
        return None
    key, word, lo, hi = _NEXT_PART[said[-1]]
    fig1 = figure_after(doc, first.end)
    mark = doc.after(fig1.end, DATE_RANGE_MARKS) if fig1 is not None else None
    fig2 = figure_after(doc, fig1.end + len(mark)) if mark else None
    if fig2 is None or not doc.text.startswith(word, fig2.end) or fig2.end + len(word) not in doc.bounds:
        return None
    a, b = exact_int(fig1), exact_int(fig2)
    if a is None or b is None or not lo <= a < b <= hi:
        return None
    return _date_range(doc, first.start, fig2.end + len(word), iso({**fields, key: a}), iso({**fields, key: b}),
                       first.approximate, {**fields, key: b})


def _short_year(doc: Doc, first: Amount, fig2) -> Amount | None:
    """The second end of 2020〜22年 as a year in the first figure's century."""
    n = exact_int(fig2)
    if n is None or n >= 100 or not isinstance(first.value, Fraction) or first.value.denominator != 1 \
            or not 1000 <= first.value <= 2999 or not doc.after(fig2.end, _YEAR):
        return None
    prev = Amount(first.start, first.end, "date", None, None, None, None, False, fields={"Y": int(first.value)})
    return read_date(doc, fig2, "年", fig2.end + 1, prev=prev)


def _figure_date_range(doc: Doc, first: Amount, second: Amount) -> Amount | None:
    """2020〜2022年, 5〜7月, 1〜3時: a bare first figure is the same part as the second's smallest."""
    fields = second.fields
    if second.value is None or not fields or first.value is None:
        return None
    said = [k for k in _PARTS if k in fields]
    part = said[-1]
    n = first.value
    lo, hi = _PART_RANGE.get(part, (0, -1))
    if n.denominator != 1 or not lo <= n <= hi:
        return None
    low = iso({**{k: v for k, v in fields.items() if _PARTS.index(k) < _PARTS.index(part)}, part: int(n)})
    if not _in_order(low, second.value):
        return None
    return _date_range(doc, first.start, second.end, low, second.value, second.approximate, fields)


# ----------------------------------------------------------------------------- relative dates
def read_relative(doc: Doc, amount: Amount) -> None:
    """A duration before 前 / 後 is a date relative to now or to the time talked of: 3年前 ->
    -3 y, 2日後 -> +2 d, 10年以上前 -> high -10; a hedge may follow (3年前くらい)."""
    if amount.kind != "duration":
        return
    word = doc.after(amount.end, RELATIVE_AFTER)
    if word is None:
        return
    sign = RELATIVE_AFTER[word]
    amount.kind = "relative_date"
    amount.end += len(word)
    if amount.value is not None:
        amount.value *= sign
    if sign < 0:
        amount.low, amount.high = (-amount.high if amount.high is not None else None,
                                   -amount.low if amount.low is not None else None)
    hedge = doc.after(amount.end, RELATIVE_HEDGES)
    if hedge:
        amount.end += len(hedge)
        amount.approximate = True


def read_relative_range(doc: Doc, first: Amount) -> Amount | None:
    """5日前から2日前にかけて: two relative dates of one unit, in time order."""
    if first.kind != "relative_date" or first.value is None:
        return None
    mark = doc.after(first.end, DATE_RANGE_MARKS)
    fig2 = figure_after(doc, first.end + len(mark)) if mark else None
    second = read_single(doc, fig2) if fig2 is not None else None
    if second is None or second.kind != "duration":
        return None
    read_suffixes(doc, second)
    read_relative(doc, second)
    if second.kind != "relative_date" or second.unit != first.unit or second.value is None \
            or not first.value < second.value:
        return None
    end = second.end
    tail = doc.after(end, DATE_RANGE_ENDS)
    if tail:
        end += len(tail)
    return Amount(first.start, end, "relative_date", None, first.value, second.value, first.unit,
                  first.approximate or second.approximate)
