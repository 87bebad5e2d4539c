"""The unit after a figure, and the amount it makes: money, percent and 割, ratios and
fractions (3分の1), counts and measures, durations (1時間30分, 3時間半)."""

from __future__ import annotations

from fractions import Fraction

from ja_transcript.chars import is_kanji

from .dates import read_date
from .figures import figure_after, from_figure
from .records import Amount, Doc, Figure
from .vocabulary import (
    AGE_BAND, AMPM, DATE_FALLBACK, DURATION_STEPS, EXTRA, HALF, HALVES, KANJI_FIGURE_CHARS, LEXICALIZED, MONEY_MOVES, NO,
    NOT_COUNTERS, OFFICES, ORDINAL_AFTER, TIME_CUES, TIME_WORDS, UNITS, UNIT_CHARS,
)


def unit_after(doc: Doc, pos: int) -> tuple[str, str, object, int] | None:
    """(surface, category, payload, end) of the unit at `pos`: lexicon first, then any counter
    SudachiPy tags as one (助数詞); the unit must end on a token boundary."""
    w = doc.after(pos, UNITS, anchored=False)
    if w is not None:
        category, payload = UNITS[w]
        return w, category, payload, pos + len(w)
    j = doc.start_index.get(pos)
    if j is not None and doc.ms[j].surface in MONEY_MOVES:  # 312ドル高: the dollar's part
        w, code = MONEY_MOVES[doc.ms[j].surface]
        return w, "money", code, pos + len(w)
    if j is not None:
        m = doc.ms[j]
        if "助数詞" in m.pos[2] and not m.surface.isascii() and m.surface not in NOT_COUNTERS:
            return m.surface, "count", m.surface, m.end
    return None


def read_single(doc: Doc, fig: Figure) -> Amount | None:
    """Figure + unit (no range, no hedges); kind number when no unit follows."""
    pos, extra = fig.end, False
    if doc.after(pos, EXTRA):  # 100余人: a little over 100
        pos, extra = pos + 1, True
    hit = unit_after(doc, pos)
    if hit is None:
        if extra:
            return None
        amount = from_figure(fig, "number", None, fig.end)
        # a lone kanji digit, or kanji digits with no unit (五四運動), is rarely a number said
        amount.weak = fig.weak or (fig.kanji and not any(c in UNIT_CHARS or c in "〇零" for c in fig.text))
        return amount
    surface, category, payload, end = hit
    core = fig.text + surface
    if fig.kanji and core in LEXICALIZED and not (core in TIME_WORDS and (
            doc.after(end, TIME_CUES) or doc.before(fig.start, AMPM))):
        return None
    if fig.kanji and _in_idiom(doc.text, fig, end):
        return None
    if category == "date":
        amount = read_date(doc, fig, surface, end)
        if amount is not None:
            return amount
        if surface not in DATE_FALLBACK:  # 四六時中, 13月: not a time, not an amount
            return None
        category, payload = DATE_FALLBACK[surface]
    if category == "wari":
        amount = _read_wari(doc, fig, end)
    elif category == "duration":
        amount = _read_fraction(doc, fig, end) if surface == "分" else None
        amount = amount or _read_duration(doc, fig, payload, end)
    elif surface == AGE_BAND and _whole_tens(fig) and not doc.after(end, ORDINAL_AFTER) \
            and not doc.after(end, OFFICES):
        amount = _age_band(doc, fig, end)
    else:
        amount = from_figure(fig, category, payload, end)
        if category == "count":
            _add_half(doc, amount)
    if extra and amount.kind != "date" and amount.value is not None:
        amount.low, amount.approximate = amount.value, True
    return amount


def _whole_tens(fig: Figure) -> bool:
    return fig.low == fig.high and fig.low.denominator == 1 and 10 <= fig.low <= 90 and fig.low % 10 == 0


def _age_band(doc: Doc, fig: Figure, end: int) -> Amount:
    """20代: the ages 20 to 29, a band as 20%台 is (low 20, high 30, unit 歳); 前半 / 後半 halve it."""
    amount = Amount(fig.start, end, "count", None, fig.low, fig.low + 10, "歳", False)
    half = doc.after(end, HALVES)
    if half:
        if HALVES[half] == 0:
            amount.high = fig.low + 5
        else:
            amount.low = fig.low + 5
        amount.end += len(half)
    return amount


def _in_idiom(text: str, fig: Figure, end: int) -> bool:
    """一石二鳥, 二人三脚, 十人十色: a four-kanji idiom of two figure + kanji pairs."""
    return (len(fig.text) == 1 and end - fig.end == 1 and end + 2 <= len(text)
            and text[end] in KANJI_FIGURE_CHARS and is_kanji(text[end + 1])
            and (end + 2 == len(text) or not is_kanji(text[end + 2]))
            and (fig.start == 0 or not is_kanji(text[fig.start - 1])))


def _add_half(doc: Doc, amount: Amount) -> None:
    """1本半, 3時間半: a following 半 adds one half."""
    if amount.value is not None and doc.after(amount.end, HALF):
        amount.value += Fraction(1, 2)
        amount.end += 1


def _read_wari(doc: Doc, fig: Figure, end: int) -> Amount:
    """2割 -> 20 %; 3割5分 -> 35; 3割4分5厘 -> 34.5."""
    amount = from_figure(fig, "percent", "%", end, scale=10)
    amount.scale = 10
    if amount.value is None:
        return amount
    for word, scale in (("分", 1), ("厘", Fraction(1, 10))):
        nxt = figure_after(doc, amount.end)
        if nxt is None or nxt.low != nxt.high or nxt.low >= 10 or not doc.text.startswith(word, nxt.end) \
                or nxt.end + 1 not in doc.bounds:
            break
        amount.value += nxt.low * scale
        amount.end = nxt.end + 1
    return amount


def _read_fraction(doc: Doc, fig: Figure, end: int) -> Amount | None:
    """3分の1 -> ratio 1/3."""
    if fig.low != fig.high or fig.low == 0 or not doc.after(end, NO):
        return None
    num = figure_after(doc, end + 1)
    if num is None or num.low != num.high:
        return None
    return Amount(fig.start, num.end, "ratio", num.low / fig.low, None, None, "x", False)


def _read_duration(doc: Doc, fig: Figure, unit: str, end: int) -> Amount:
    """A duration, with smaller units that follow folded in (1時間30分 -> 90 min)."""
    amount = from_figure(fig, "duration", unit, end)
    while amount.value is not None:
        nxt = figure_after(doc, amount.end)
        hit = unit_after(doc, nxt.end) if nxt is not None and nxt.low == nxt.high else None
        if hit is None:
            break
        surface, category, payload, stop = hit
        if category == "date":
            category, payload = DATE_FALLBACK.get(surface, (None, None))
        factor = DURATION_STEPS.get((amount.unit, payload)) if category == "duration" else None
        if factor is None:
            break
        amount.value = amount.value * factor + nxt.low
        amount.unit, amount.end = payload, stop
    _add_half(doc, amount)
    return amount
