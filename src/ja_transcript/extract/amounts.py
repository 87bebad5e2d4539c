"""Amounts said in Japanese speech: money, percent, ratio, count, date, duration, number.

`extract_amounts(text)` returns one dict per amount with the schema-1 fields
``text, kind, value, low, high, unit, approximate, start, end`` (character offsets into
`text`; ``text[start:end] == text``).

How it reads: a scan over SudachiPy morphemes. A figure is one or more adjacent numeral
tokens (百|何十|億 -> 百何十億; a token such as 数千人 or 二人 is split into its figure and
its counter), valued by `numerals.numeral_interval`. Then the unit after it, a range,
and hedge or bound words after and before it. Those words count only as whole
morphemes, so the 約 of 契約 is never "about".

Conventions
-----------
money     ISO 4217: 円 JPY, ドル USD (米ドル, USドル too), 豪ドル AUD, 香港ドル HKD, カナダドル CAD,
          ユーロ EUR, ポンド GBP, 元 / 人民元 CNY, ウォン KRW, ...; $ ¥ € £ before the figure.
percent   unit "%" (%, ％, パーセント, パー). 割 is tenths, then 分 hundredths and 厘 thousandths:
          2割 -> 20, 3割5分 -> 35, 3割4分5厘 -> 34.5.
ratio     unit "x": 3倍 -> 3; N分のM -> M/N (3分の1 -> 0.333...).
duration  秒 s, 分 / 分間 min, 時間 h, 日 / 日間 d, 週 / 週間 wk, ヶ月 / か月 / カ月 mo, 年 / 年間 y.
          A following 半 adds a half (3時間半 -> 3.5 h); 1時間30分 -> 90 min, 3年5ヶ月 -> 41 mo.
date      ISO 8601 style text, the year left out when not said: 2025年5月17日 -> "2025-05-17",
          5月17日 -> "--05-17", 5月 -> "--05", 2025年 -> "2025", 17日 alone -> "---17"; a time of
          day appends "Thh:mm" (午後3時半 -> "T15:30"); era years (令和7年) become Gregorian;
          2025/5/17 and 15:00 are read too. N年 is a year when it has 4 digits, an era or a
          month after it, else a duration; N日 alone is a date before に / の / から / まで / 付 /
          "(" / 午前 / 午後 or after 翌 / 同月 / 今月 ..., else a duration (1日に3回 is a rate).
count     the counter as said (人, つ, 台, 社, 段階, カ国, ...); measures get a symbol (km, kg, GW).
number    a figure with no unit, skipped inside names and codes (GPT-4, iPhone 15, ver2.3, 080-...).

Vague figures: 数 / 何 / 幾 are one digit 1..9 at their place, so 数千 -> 1000..9000,
数十 -> 10..90, 十数 -> 11..19, 百数十 -> 110..190, 何兆 -> 1e12..9e12, 百何十億 ->
1.1e10..1.9e10: value null, low / high set, approximate true. A lone 何 / 幾 (何人, 何回) is a
question word, not an amount; a lone 数 or a lone kanji digit needs a counter (数日, 一つ).

Hedges and bounds (the word is part of the amount's text; value stays the figure said):
  約 およそ 大体 ほぼ 概ね ざっと 推定 (before), くらい ぐらい 程度 前後 ほど 頃 (after)
      -> approximate true
  以上 超 超え (after), 最低 少なくとも (before) -> low = the figure
  以下 未満 以内 (after), 最大 最高 ～ (before) -> high = the figure
  強 余り あまり ちょっと 余 (100余人) -> low = the figure, approximate true
  弱 近く 足らず -> high = the figure, approximate true
  台 after a unit is a band: 1万円台 -> low 10000 high 20000, 20%台 -> 20..30, value null.
Dates take only the approximate words. Bounds keep inclusive / exclusive apart only in
the text (以上 vs 超).

Ranges: 10〜20%, 10から20%, 3人～8人, 3万から5万円 (the 3 is read as 3万), 2、3人 and
二、三日 ("two or three", approximate): value null, low / high set.

Ordinals with a counter stay counts, the counter said with its 目 (2つ目 -> 2, unit "つ目";
3年目 -> 3, unit "年目"). Not amounts: 第2 and a bare 2目, lexicalised words (一番, 一度,
一時, 十分 unless a time word follows as in 十分後), four-kanji idioms (一石二鳥, 十人十色),
money words without a figure.

Values are exact until output: int when whole, else float.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Sequence

from ja_transcript.chars import is_kanji
from ja_transcript.nlp import Morpheme, get_analyzer

from .numerals import KANJI_DIGITS, SMALL_UNITS, VAGUE_DIGITS, NumeralError, numeral_interval

__all__ = ["extract_amounts"]

# --------------------------------------------------------------------------- characters
_DIGITS = frozenset("0123456789０１２３４５６７８９")
_BIG_EXP = {"万": 4, "萬": 4, "億": 8, "兆": 12}
_UNIT_CHARS = frozenset(SMALL_UNITS) | frozenset(_BIG_EXP)
_PREFIX_CHARS = _DIGITS | frozenset(KANJI_DIGITS) | _UNIT_CHARS | VAGUE_DIGITS
_NUMERAL_CHARS = _PREFIX_CHARS | frozenset(".,．，")
_FIGURE_START = _DIGITS | frozenset(KANJI_DIGITS) | frozenset(SMALL_UNITS) | VAGUE_DIGITS
_WEAK_FIGURES = frozenset(KANJI_DIGITS) | frozenset(SMALL_UNITS) | {"数"}
_KANJI_FIGURE_CHARS = frozenset(KANJI_DIGITS) | _UNIT_CHARS

# --------------------------------------------------------------------------- lexicons
class _Words(dict):
    """A word table that knows its longest key (for boundary-checked matching)."""

    def __init__(self, words):
        super().__init__(words if isinstance(words, dict) else dict.fromkeys(words, True))
        self.maxlen = max(map(len, self))


_MONEY = {
    "円": "JPY", "日本円": "JPY", "ドル": "USD", "米ドル": "USD", "USドル": "USD", "アメリカドル": "USD",
    "豪ドル": "AUD", "オーストラリアドル": "AUD", "香港ドル": "HKD", "カナダドル": "CAD", "加ドル": "CAD",
    "シンガポールドル": "SGD", "台湾ドル": "TWD", "NZドル": "NZD", "ニュージーランドドル": "NZD",
    "ユーロ": "EUR", "ポンド": "GBP", "英ポンド": "GBP", "元": "CNY", "人民元": "CNY", "中国元": "CNY",
    "ウォン": "KRW", "ルピー": "INR", "インドルピー": "INR", "ルーブル": "RUB", "フラン": "CHF",
    "スイスフラン": "CHF", "バーツ": "THB", "レアル": "BRL", "リラ": "TRY", "ドン": "VND",
    "ルピア": "IDR", "リンギット": "MYR", "ランド": "ZAR", "ディルハム": "AED",
}
_MONEY_SYMBOLS = _Words({"$": "USD", "＄": "USD", "US$": "USD", "¥": "JPY", "￥": "JPY", "€": "EUR", "£": "GBP"})
_PERCENT = ("%", "％", "パーセント", "パー")
_WARI = ("割", "割引", "割増")  # tenths; 割引 / 割増 say what the percentage is of
_DURATIONS = {
    "秒": "s", "秒間": "s", "分": "min", "分間": "min", "時間": "h", "日間": "d", "週": "wk",
    "週間": "wk", "ヶ月": "mo", "ヵ月": "mo", "か月": "mo", "カ月": "mo", "ケ月": "mo", "箇月": "mo",
    "ヶ月間": "mo", "か月間": "mo", "カ月間": "mo", "年間": "y",
}
_DATE_PARTS = ("年", "年度", "年代", "月", "日", "時", "時半")
_COUNTERS = (
    "人", "名", "個", "つ", "件", "社", "台", "回", "本", "枚", "冊", "匹", "頭", "羽", "杯", "軒", "隻", "機",
    "基", "点", "位", "歳", "才", "段階", "種類", "項目", "カ国", "か国", "ヶ国", "ヵ国", "箇国", "カ所",
    "か所", "ヶ所", "箇所", "店", "店舗", "世代", "世帯", "期", "棟", "戸", "部", "通", "箱", "袋", "着", "曲",
    "話", "章", "条", "問", "試合", "勝", "敗", "票", "株", "席", "周年", "年生", "代", "階", "号", "ページ",
    "行", "文字", "語", "校", "チーム", "例", "組", "足", "品", "銘柄", "ポイント", "倍速", "人分", "世紀",
    "枠", "拠点", "工場", "度", "ユーザー", "アカウント", "ドット", "ピクセル", "光年", "錠", "粒", "缶", "泊",
    "食", "皿", "玉", "安打", "得点", "ゴール", "打点", "勝利", "議席",
)
_MEASURES = {
    "km": "km", "キロメートル": "km", "m": "m", "メートル": "m", "cm": "cm", "センチ": "cm",
    "センチメートル": "cm", "mm": "mm", "ミリ": "mm", "kg": "kg", "キログラム": "kg", "g": "g",
    "グラム": "g", "t": "t", "トン": "t", "L": "L", "リットル": "L", "ml": "mL", "mL": "mL",
    "KB": "kB", "MB": "MB", "GB": "GB", "TB": "TB", "PB": "PB", "メガバイト": "MB", "ギガバイト": "GB",
    "テラバイト": "TB", "W": "W", "ワット": "W", "kW": "kW", "キロワット": "kW", "MW": "MW",
    "メガワット": "MW", "GW": "GW", "ギガワット": "GW", "kWh": "kWh", "キロワット時": "kWh",
    "GHz": "GHz", "ギガヘルツ": "GHz", "Hz": "Hz", "ヘルツ": "Hz", "℃": "℃", "坪": "坪",
    "平米": "m2", "ヘクタール": "ha", "キロ": "キロ",
}

# surface after a figure -> (category, payload); matched longest first, ending on a token boundary
_UNITS: dict = {}
_UNITS.update({w: ("count", w) for w in _COUNTERS})
_UNITS.update({w: ("count", sym) for w, sym in _MEASURES.items()})
_UNITS.update({w: ("money", code) for w, code in _MONEY.items()})
_UNITS.update({w: ("percent", "%") for w in _PERCENT})
_UNITS.update({w: ("wari", "%") for w in _WARI})
_UNITS.update({"倍": ("ratio", "x")})
_UNITS.update({w: ("duration", u) for w, u in _DURATIONS.items()})
_UNITS.update({w: ("date", w) for w in _DATE_PARTS})
_UNITS = _Words(_UNITS)
# tagged 助数詞 by SudachiPy but, after a figure, mostly part of a word (二次 = secondary)
_NOT_COUNTERS = frozenset({"次"})
_NAME_SPLIT_COUNTERS = frozenset({"人", "名", "つ", "個", "円", "歳"})

# a year or day word read as a duration when the figure is not a calendar date
_DATE_FALLBACK = {"年": ("duration", "y"), "日": ("duration", "d"), "年代": ("count", "年代")}
_DURATION_STEPS = {("y", "mo"): 12, ("wk", "d"): 7, ("d", "h"): 24, ("h", "min"): 60, ("min", "s"): 60}

_ERAS = _Words({"令和": 2018, "平成": 1988, "昭和": 1925, "大正": 1911, "明治": 1867})
_AMPM = _Words({"午前": 0, "午後": 12})
_DAY_CUES = _Words(("に", "の", "から", "まで", "付", "付け", "(", "（", "午前", "午後"))
_DAY_CUES_BEFORE = _Words(("翌", "同月", "今月", "先月", "来月", "毎月", "前月"))
# after N年, these make it a span of years (2000年前, 1000年以上), not a calendar year
_YEAR_SPAN_CUES = _Words(("前", "後", "ぶり", "以上", "以内", "近く", "超", "分", "連続", "間", "余り", "弱", "強"))
_TIME_CUES = _Words(("後", "前", "間", "以内", "以上", "ほど", "程度", "くらい", "ぐらい", "近く", "弱", "強", "おき"))

# Figure + unit written as one word that is not an amount ("the most", "once", "a moment").
_LEXICALIZED = frozenset({
    "一番", "一度", "一時", "十分", "一部", "一面", "一種", "一方", "一体", "一応", "一同", "一目", "一口",
    "一言", "一段", "一家", "一期", "十二分",
})
_TIME_WORDS = frozenset({"十分", "十二分", "一時"})  # amounts again before a time word (十分後)

_APPROX, _LOW, _HIGH, _LOW_APPROX, _HIGH_APPROX, _BAND = range(6)
_SUFFIX_WORDS = _Words({
    "くらい": _APPROX, "ぐらい": _APPROX, "程度": _APPROX, "前後": _APPROX, "ほど": _APPROX, "程": _APPROX,
    "頃": _APPROX, "ごろ": _APPROX, "以上": _LOW, "超": _LOW, "超え": _LOW, "以下": _HIGH, "未満": _HIGH,
    "以内": _HIGH, "強": _LOW_APPROX, "余り": _LOW_APPROX, "あまり": _LOW_APPROX, "ちょっと": _LOW_APPROX,
    "弱": _HIGH_APPROX, "近く": _HIGH_APPROX, "足らず": _HIGH_APPROX, "台": _BAND,
})
_PREFIX_WORDS = _Words({
    "約": _APPROX, "およそ": _APPROX, "凡そ": _APPROX, "おおよそ": _APPROX, "大体": _APPROX,
    "だいたい": _APPROX, "ほぼ": _APPROX, "概ね": _APPROX, "おおむね": _APPROX, "ざっと": _APPROX,
    "推定": _APPROX, "最大": _HIGH, "最高": _HIGH, "最低": _LOW, "少なくとも": _LOW,
    "〜": _HIGH, "～": _HIGH, "~": _HIGH,
})
_SIGN_WORDS = _Words({"マイナス": -1, "プラス": 1, "▲": -1, "△": -1, "-": -1, "−": -1, "－": -1, "+": 1,
                      "＋": 1})
_DATE_SEPARATORS = _Words("/-.／－．")
_SIGN_OPENERS = frozenset("（(「『【[、。,，:：=＝~〜～")
_RANGE_MARKS = _Words({"〜": False, "～": False, "~": False, "から": False, "乃至": False, "ないし": False,
                       "-": True, "－": True, "−": True})  # True: only with a unit after the second figure
_PAIR_MARKS = _Words("、,，")  # 2、3人: two neighbouring figures
_ORDINAL_BEFORE = _Words(["第"])
_ORDINAL_AFTER = _Words(["目"])
_HALF = _Words(["半"])
_NO = _Words(["の"])
_EXTRA = _Words(["余"])  # 100余人


# --------------------------------------------------------------------------- records
@dataclass(slots=True)
class _Figure:
    start: int
    end: int
    low: Fraction
    high: Fraction
    text: str
    big_exp: int  # exponent of the 万 / 億 / 兆 it ends with, else 0
    kanji: bool  # written without Arabic digits
    weak: bool  # a lone kanji digit or 数: not an amount without a counter


@dataclass(slots=True)
class _Amount:
    start: int
    end: int
    kind: str
    value: Fraction | str | None
    low: Fraction | None
    high: Fraction | None
    unit: str | None
    approximate: bool
    weak: bool = False


class _Doc:
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

    def after(self, pos: int, words: _Words, anchored: bool = True) -> str | None:
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

    def before(self, pos: int, words: _Words, floor: int = 0) -> str | None:
        """The longest of `words` ending at `pos` and starting on a token boundary at or after `floor`."""
        text = self.text
        for n in range(min(words.maxlen, pos - floor), 0, -1):
            w = text[pos - n:pos]
            if w in words and pos - n in self.bounds:
                return w
        return None


# --------------------------------------------------------------------------- public API
def extract_amounts(text: str, morphemes: list[Morpheme] | None = None) -> list[dict]:
    """Every amount said in `text`, in order (see the module docstring for conventions).

    `morphemes` are `text`'s SudachiPy morphemes; they are computed when not given.

    >>> [(a["text"], a["kind"], a["value"], a["unit"]) for a in extract_amounts("契約は40億ドルで、2割増えた")]
    [('40億ドル', 'money', 4000000000, 'USD'), ('2割', 'percent', 20, '%')]
    >>> a = extract_amounts("百何十億ドルくらい")[0]
    >>> a["value"], a["low"], a["high"], a["approximate"]
    (None, 11000000000, 19000000000, True)
    """
    if morphemes is None:
        morphemes = get_analyzer().analyze(text)
    if _FIGURE_START.isdisjoint(text):  # most sentences of talk have no figure at all (a C-speed look)
        return []
    starts = [k for k, m in enumerate(morphemes) if m.surface[:1] in _FIGURE_START]
    if not starts:
        return []
    doc = _Doc(text, morphemes)
    found: list[_Amount] = []
    floor = 0
    i = 0  # the next morpheme to look at: those a figure or an amount covered are passed
    for k in starts:
        if k < i or morphemes[k].start < floor:
            continue
        fig = _figure_at(doc, k)
        amount = _read_amount(doc, fig, floor) if fig is not None else None
        if amount is None:
            i = max(k + 1, doc.index_from(fig.end)) if fig is not None else k + 1
            continue
        found.append(amount)
        floor = amount.end
        i = doc.index_from(amount.end)
    return [_as_dict(text, a) for a in found]


def _as_dict(text: str, a: _Amount) -> dict:
    return {
        "text": text[a.start:a.end], "kind": a.kind, "value": _plain(a.value), "low": _plain(a.low),
        "high": _plain(a.high), "unit": a.unit, "approximate": a.approximate, "start": a.start, "end": a.end,
    }


def _plain(x):
    if isinstance(x, Fraction):
        return int(x) if x.denominator == 1 else float(x)
    return x


# --------------------------------------------------------------------------- figures
@lru_cache(maxsize=4096)
def _interval(s: str) -> tuple[Fraction, Fraction] | None:
    """`numeral_interval(s)`, None if `s` is no numeral: cached, as the same figures recur (一, 10, 百)."""
    try:
        return numeral_interval(s)
    except NumeralError:
        return None


def _figure_at(doc: _Doc, i: int) -> _Figure | None:
    """The figure starting at morpheme `i`: adjacent numeral tokens joined, or None."""
    ms = doc.ms
    pieces: list[str] = []
    pos = ms[i].start
    for j in range(i, len(ms)):
        m = ms[j]
        s = m.surface
        if m.start != pos or not s:
            break
        if m.pos[1] == "数詞" and all(c in _NUMERAL_CHARS for c in s):
            piece, whole = s, True
        else:
            k = 0
            while k < len(s) and s[k] in _PREFIX_CHARS:
                k += 1
            if k == 0:
                break
            piece, whole = s[:k], k == len(s)
            # 数千人, 二人: a figure and a counter in one token. A name such as 十条 is not split
            # unless it continues a figure (数|十人) or ends in a counter of people or things:
            # SudachiPy tags 十人 ("ten people") as a place name.
            if not whole and (s in _LEXICALIZED or s[k:] not in _UNITS or (
                    not pieces and m.pos[1] == "固有名詞" and s[k:] not in _NAME_SPLIT_COUNTERS)):
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
    return _Figure(start, start + len(s), low, high, s, _BIG_EXP.get(s[-1], 0),
                   not any(c in _DIGITS for c in s), s in _WEAK_FIGURES)


def _joins(left: str, right: str) -> bool:
    """Adjacent numeral tokens form one figure only across a unit or vague digit (百|何十|億);
    two digit strings side by side (２００７|20) are two figures."""
    a, b = left[-1], right[0]
    return a in _UNIT_CHARS or a in VAGUE_DIGITS or b in _UNIT_CHARS or b in VAGUE_DIGITS


def _from_figure(fig: _Figure, kind: str, unit: str | None, end: int, scale=1) -> _Amount:
    if fig.low == fig.high:
        return _Amount(fig.start, end, kind, fig.low * scale, None, None, unit, False)
    return _Amount(fig.start, end, kind, None, fig.low * scale, fig.high * scale, unit, True)


def _exact_int(fig: _Figure) -> int | None:
    if fig.low == fig.high and fig.low.denominator == 1 and fig.low >= 0:
        return int(fig.low)
    return None


def _figure_after(doc: _Doc, pos: int) -> _Figure | None:
    j = doc.start_index.get(pos)
    if j is None or doc.ms[j].surface[:1] not in _FIGURE_START:
        return None
    return _figure_at(doc, j)


# --------------------------------------------------------------------------- amounts
def _read_amount(doc: _Doc, fig: _Figure, floor: int) -> _Amount | None:
    if doc.before(fig.start, _ORDINAL_BEFORE, floor):
        return None
    amount = _read_written_date(doc, fig) or _read_single(doc, fig)
    if amount is None:
        return None
    if doc.after(amount.end, _ORDINAL_AFTER):  # 1つ目, 2回目: the counter as said, with its 目
        if amount.kind in ("number", "date") or amount.value is None:
            return None
        amount.kind, amount.unit = "count", doc.text[fig.end:amount.end + 1]
        amount.end += 1
        return amount
    amount = _read_range(doc, amount) or amount
    if amount.kind == "number" and (amount.weak or _in_code(doc.text, fig.start, amount.end)):
        return None
    _read_suffixes(doc, amount)
    _read_prefixes(doc, amount, floor)
    return amount


def _unit_after(doc: _Doc, pos: int) -> tuple[str, str, object, int] | None:
    """(surface, category, payload, end) of the unit at `pos`: lexicon first, then any counter
    SudachiPy tags as one (助数詞); the unit must end on a token boundary."""
    w = doc.after(pos, _UNITS, anchored=False)
    if w is not None:
        category, payload = _UNITS[w]
        return w, category, payload, pos + len(w)
    j = doc.start_index.get(pos)
    if j is not None:
        m = doc.ms[j]
        if "助数詞" in m.pos[2] and not m.surface.isascii() and m.surface not in _NOT_COUNTERS:
            return m.surface, "count", m.surface, m.end
    return None


def _read_single(doc: _Doc, fig: _Figure) -> _Amount | None:
    """Figure + unit (no range, no hedges); kind number when no unit follows."""
    pos, extra = fig.end, False
    if doc.after(pos, _EXTRA):  # 100余人: a little over 100
        pos, extra = pos + 1, True
    hit = _unit_after(doc, pos)
    if hit is None:
        if extra:
            return None
        amount = _from_figure(fig, "number", None, fig.end)
        # a lone kanji digit, or kanji digits with no unit (五四運動), is rarely a number said
        amount.weak = fig.weak or (fig.kanji and not any(c in _UNIT_CHARS or c in "〇零" for c in fig.text))
        return amount
    surface, category, payload, end = hit
    core = fig.text + surface
    if fig.kanji and core in _LEXICALIZED and not (core in _TIME_WORDS and (
            doc.after(end, _TIME_CUES) or doc.before(fig.start, _AMPM))):
        return None
    if fig.kanji and _in_idiom(doc.text, fig, end):
        return None
    if category == "date":
        amount = _read_date(doc, fig, surface, end)
        if amount is not None:
            return amount
        if surface not in _DATE_FALLBACK:  # 四六時中, 13月: not a time, not an amount
            return None
        category, payload = _DATE_FALLBACK[surface]
    if category == "wari":
        amount = _read_wari(doc, fig, end)
    elif category == "duration":
        amount = _read_fraction(doc, fig, end) if surface == "分" else None
        amount = amount or _read_duration(doc, fig, payload, end)
    else:
        amount = _from_figure(fig, category, payload, end)
        if category == "count":
            _add_half(doc, amount)
    if extra and amount.kind != "date" and amount.value is not None:
        amount.low, amount.approximate = amount.value, True
    return amount


def _in_idiom(text: str, fig: _Figure, end: int) -> bool:
    """一石二鳥, 二人三脚, 十人十色: a four-kanji idiom of two figure + kanji pairs."""
    return (len(fig.text) == 1 and end - fig.end == 1 and end + 2 <= len(text)
            and text[end] in _KANJI_FIGURE_CHARS and is_kanji(text[end + 1])
            and (end + 2 == len(text) or not is_kanji(text[end + 2]))
            and (fig.start == 0 or not is_kanji(text[fig.start - 1])))


def _add_half(doc: _Doc, amount: _Amount) -> None:
    """1本半, 3時間半: a following 半 adds one half."""
    if amount.value is not None and doc.after(amount.end, _HALF):
        amount.value += Fraction(1, 2)
        amount.end += 1


def _read_wari(doc: _Doc, fig: _Figure, end: int) -> _Amount:
    """2割 -> 20 %; 3割5分 -> 35; 3割4分5厘 -> 34.5."""
    amount = _from_figure(fig, "percent", "%", end, scale=10)
    if amount.value is None:
        return amount
    for word, scale in (("分", 1), ("厘", Fraction(1, 10))):
        nxt = _figure_after(doc, amount.end)
        if nxt is None or nxt.low != nxt.high or nxt.low >= 10 or not doc.text.startswith(word, nxt.end) \
                or nxt.end + 1 not in doc.bounds:
            break
        amount.value += nxt.low * scale
        amount.end = nxt.end + 1
    return amount


def _read_fraction(doc: _Doc, fig: _Figure, end: int) -> _Amount | None:
    """3分の1 -> ratio 1/3."""
    if fig.low != fig.high or fig.low == 0 or not doc.after(end, _NO):
        return None
    num = _figure_after(doc, end + 1)
    if num is None or num.low != num.high:
        return None
    return _Amount(fig.start, num.end, "ratio", num.low / fig.low, None, None, "x", False)


def _read_duration(doc: _Doc, fig: _Figure, unit: str, end: int) -> _Amount:
    """A duration, with smaller units that follow folded in (1時間30分 -> 90 min)."""
    amount = _from_figure(fig, "duration", unit, end)
    while amount.value is not None:
        nxt = _figure_after(doc, amount.end)
        hit = _unit_after(doc, nxt.end) if nxt is not None and nxt.low == nxt.high else None
        if hit is None:
            break
        surface, category, payload, stop = hit
        if category == "date":
            category, payload = _DATE_FALLBACK.get(surface, (None, None))
        factor = _DURATION_STEPS.get((amount.unit, payload)) if category == "duration" else None
        if factor is None:
            break
        amount.value = amount.value * factor + nxt.low
        amount.unit, amount.end = payload, stop
    _add_half(doc, amount)
    return amount


# --------------------------------------------------------------------------- dates
def _read_date(doc: _Doc, fig: _Figure, part: str, end: int) -> _Amount | None:
    """Calendar dates and times of day said with 年 / 月 / 日 / 時; None when the figure
    is a span instead (3年, 3日かかる)."""
    n = _exact_int(fig)
    if n is None:
        return None
    start = fig.start
    fields: dict[str, int] = {}
    if part in ("年", "年度", "年代"):
        era = doc.before(fig.start, _ERAS)
        month = _next_part(doc, end, "月", 1, 12) if part == "年" else None
        if era:
            year, start = _ERAS[era] + n, fig.start - len(era)
        elif month is not None and n < 100:  # 09年5月, 99年5月: two-digit years
            year = n + (2000 if n < 50 else 1900)
        elif 1000 <= n <= 2999 and (month is not None or not doc.after(end, _YEAR_SPAN_CUES)):
            year = n
        else:
            return None
        if part == "年代":
            return _Amount(start, end, "date", str(year)[:3], None, None, None, False) if year % 10 == 0 \
                else None
        fields["Y"] = year
        if part == "年度":
            return _Amount(start, end, "date", _iso(fields), None, None, None, False)
    elif part == "月":
        if not 1 <= n <= 12:
            return None
        fields["M"] = n
    elif part == "日":
        cue = doc.after(end, _DAY_CUES)
        if cue == "に" and _figure_after(doc, end + 1) is not None:
            cue = None  # 1日に3回: a rate per day, not the first of the month
        if not 1 <= n <= 31 or not (cue or doc.before(fig.start, _DAY_CUES_BEFORE)):
            return None
        fields["D"] = n
    else:  # 時, 時半: a time of day
        ampm = doc.before(fig.start, _AMPM)
        if not 0 <= n <= 24:
            return None
        if ampm:
            start = fig.start - len(ampm)
            n += _AMPM[ampm] if n < 12 else 0
        fields["h"] = n
        if part == "時半":
            fields["m"] = 30
    end = _extend_date(doc, fields, end)
    return _Amount(start, end, "date", _iso(fields), None, None, None, False)


def _next_part(doc: _Doc, pos: int, part: str, lo: int, hi: int, with_end: bool = False):
    """The value of `figure + part` at `pos` when it lies in lo..hi."""
    nxt = _figure_after(doc, pos)
    if nxt is None:
        return None
    n = _exact_int(nxt)
    if n is None or not lo <= n <= hi or not doc.text.startswith(part, nxt.end) \
            or nxt.end + len(part) not in doc.bounds:
        return None
    return (n, nxt.end + len(part)) if with_end else n


def _extend_date(doc: _Doc, fields: dict, end: int) -> int:
    """Read the smaller parts that follow: 年 -> 月 -> 日 -> 時 -> 分."""
    if "Y" in fields:
        hit = _next_part(doc, end, "月", 1, 12, True)
        if hit is None:
            return end
        fields["M"], end = hit
    if "M" in fields and "D" not in fields:
        hit = _next_part(doc, end, "日", 1, 31, True)
        if hit is None:
            return end
        fields["D"], end = hit
    if "D" in fields and "h" not in fields:
        pos = end
        ampm = doc.after(pos, _AMPM)
        if ampm:
            pos += len(ampm)
        hit = _next_part(doc, pos, "時半", 0, 24, True) or _next_part(doc, pos, "時", 0, 24, True)
        if hit is None:
            return end
        hour, end = hit
        fields["h"] = hour + (_AMPM[ampm] if ampm and hour < 12 else 0)
        if doc.text[end - 1] == "半":
            fields["m"] = 30
    if "h" in fields and "m" not in fields:
        hit = _next_part(doc, end, "分", 0, 59, True)
        if hit is not None:
            fields["m"], end = hit
    return end


def _iso(f: dict) -> str:
    """ISO 8601 style: 2025-05-17, --05-17 (no year said), --05, ---17, T15:30."""
    if "Y" in f:
        out = f"{f['Y']:04d}" + (f"-{f['M']:02d}" if "M" in f else "") + (f"-{f['D']:02d}" if "D" in f else "")
    elif "M" in f:
        out = f"--{f['M']:02d}" + (f"-{f['D']:02d}" if "D" in f else "")
    elif "D" in f:
        out = f"---{f['D']:02d}"
    else:
        out = ""
    if "h" in f:
        out += f"T{f['h']:02d}:{f.get('m', 0):02d}"
    return out


def _read_written_date(doc: _Doc, fig: _Figure) -> _Amount | None:
    """2025/5/17, 2025-05-17, 2025.5.17 (year first, one separator) and 15:00. Other slashed
    or dotted figures (fractions, versions, phone numbers) are left alone."""
    text, n, pos = doc.text, _exact_int(fig), fig.end
    if n is None or fig.kanji or pos >= len(text):
        return None
    sep = text[pos]
    if sep in _DATE_SEPARATORS and 1000 <= n <= 2999:
        month = _figure_after(doc, pos + 1)
        m = _exact_int(month) if month else None
        if m is None or not 1 <= m <= 12 or month.end >= len(text) or text[month.end] != sep:
            return None
        day = _figure_after(doc, month.end + 1)
        d = _exact_int(day) if day else None
        if d is None or not 1 <= d <= 31 or doc.after(day.end, _DATE_SEPARATORS):
            return None
        return _Amount(fig.start, day.end, "date", _iso({"Y": n, "M": m, "D": d}), None, None, None, False)
    if sep in ":：" and 0 <= n <= 24 and pos + 3 <= len(text) and text[pos + 1:pos + 3].isdigit() \
            and (pos + 3 == len(text) or not text[pos + 3].isdigit()):
        minute = int(text[pos + 1:pos + 3])
        if minute < 60:
            return _Amount(fig.start, pos + 3, "date", _iso({"h": n, "m": minute}), None, None, None, False)
    return None


# --------------------------------------------------------------------------- ranges, hedges
def _read_range(doc: _Doc, first: _Amount) -> _Amount | None:
    """10〜20%, 10から20%, 3人～8人, 3万から5万円, 2、3人."""
    if first.kind == "date":
        return None
    mark = doc.after(first.end, _RANGE_MARKS)
    pair = None if mark else doc.after(first.end, _PAIR_MARKS)
    if not (mark or pair):
        return None
    fig2 = _figure_after(doc, first.end + len(mark or pair))
    second = _read_single(doc, fig2) if fig2 is not None else None
    if second is None or second.kind == "date" or doc.after(second.end, _ORDINAL_AFTER):
        return None
    if (pair or _RANGE_MARKS[mark]) and second.kind == "number":
        return None
    low = first.value if first.value is not None else first.low
    high = second.value if second.value is not None else second.high
    if low is None or high is None:
        return None
    if first.kind == "number":
        if fig2.big_exp and low * 10**fig2.big_exp <= high and low < 10**fig2.big_exp \
                and not any(c in _BIG_EXP for c in doc.text[first.start:first.end]):
            low *= 10**fig2.big_exp  # 3から5万円: the 3 is 3万
    elif (first.kind, first.unit) != (second.kind, second.unit):
        return None
    if pair and not _neighbours(low, high):
        return None
    if not low < high:
        return None
    return _Amount(first.start, second.end, second.kind, None, low, high, second.unit,
                   first.approximate or second.approximate or bool(pair))


def _neighbours(low: Fraction, high: Fraction) -> bool:
    """2、3 or 20、30: the idiom "two or three" (next digit at the same place)."""
    if low <= 0 or low.denominator != 1 or high.denominator != 1:
        return False
    place = 1
    while low % (place * 10) == 0:
        place *= 10
    return low // place < 9 and high - low == place


def _read_suffixes(doc: _Doc, amount: _Amount) -> None:
    """Hedge and bound words after the amount (at most one of each)."""
    seen: set[int] = set()
    for _ in range(2):
        word = doc.after(amount.end, _SUFFIX_WORDS)
        if word is None:
            return
        effect = _SUFFIX_WORDS[word]
        group = _APPROX if effect == _APPROX else _LOW
        if group in seen or not _apply(amount, effect, suffix=True):
            return
        seen.add(group)
        amount.end += len(word)


def _read_prefixes(doc: _Doc, amount: _Amount, floor: int) -> None:
    """Currency symbols, signs and hedge words before the amount."""
    for _ in range(3):
        symbol = doc.before(amount.start, _MONEY_SYMBOLS, floor)
        if symbol and amount.kind == "number":
            amount.kind, amount.unit = "money", _MONEY_SYMBOLS[symbol]
            amount.start -= len(symbol)
            continue
        sign = doc.before(amount.start, _SIGN_WORDS, floor)
        if sign and amount.kind != "date" and amount.value is not None \
                and _sign_fits(doc.text, amount.start - len(sign)):
            amount.value *= _SIGN_WORDS[sign]
            amount.start -= len(sign)
            continue
        word = doc.before(amount.start, _PREFIX_WORDS, floor)
        if word and _apply(amount, _PREFIX_WORDS[word], suffix=False):
            amount.start -= len(word)
            continue
        return


def _sign_fits(text: str, pos: int) -> bool:
    """A hyphen or plus is a sign only after a space, punctuation or a particle (その-3人),
    never where it joins two words (GPT-4, 2時間券-1日券)."""
    if text[pos] not in "-−－+＋" or pos == 0:
        return True
    before = text[pos - 1]
    return before.isspace() or before in _SIGN_OPENERS or "ぁ" <= before <= "ゖ"


def _apply(amount: _Amount, effect: int, suffix: bool) -> bool:
    """Apply one hedge or bound; False when it does not fit this amount."""
    if effect == _APPROX:
        amount.approximate = True
        return True
    if amount.kind == "date" or (amount.value is None and amount.low is not None and amount.high is not None
                                 and not amount.approximate):
        return False  # bounds do not apply to dates or to explicit ranges
    if effect == _BAND:
        if not suffix or amount.value is None or amount.kind in ("number", "count", "duration", "ratio"):
            return False
        step = _place(amount.value)
        if step is None:
            return False
        amount.low, amount.high, amount.value = amount.value, amount.value + step, None
        return True
    if effect in (_LOW, _LOW_APPROX):
        bound = amount.value if amount.value is not None else amount.low
        if bound is None:
            return False  # 〜十数以上: an upper bound already took the figure's top
        amount.low, amount.high = bound, None
    else:
        bound = amount.value if amount.value is not None else amount.high
        if bound is None:
            return False  # a lower bound already took the figure's bottom
        amount.high, amount.low = bound, None
    if effect in (_LOW_APPROX, _HIGH_APPROX):
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


def _in_code(text: str, start: int, end: int) -> bool:
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
