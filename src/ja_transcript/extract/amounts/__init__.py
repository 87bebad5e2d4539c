"""Amounts said in Japanese speech: money, percent, ratio, count, date, duration, number,
relative_date.

`extract_amounts(text)` returns one dict per amount with the schema-1 fields
``text, kind, value, low, high, unit, approximate, start, end`` (character offsets into
`text`; ``text[start:end] == text``).

How it reads: a scan over SudachiPy morphemes. A figure is one or more adjacent numeral
tokens (百|何十|億 -> 百何十億; a token such as 数千人 or 二人 is split into its figure and
its counter; one whose digits change notation is cut there: ２００７20人 is 2007 and 20人),
valued by `numerals.numeral_interval` (what joins is in `figures`). Then the unit after it, a range,
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
          day appends "Thh:mm" (午後3時半 -> "T15:30"); era years become Gregorian (令和7年 -> "2025",
          平成元年 -> "1989", 西暦 too); years before 1 AD count astronomically as ISO 8601 does
          (紀元前300年 -> "-0299": 1 BC is "0000"); 2025/5/17 and 15:00 are read too. N年 is a year
          when it has 4 digits, an era or a month after it, else a duration; N日 alone is a date
          before に / の / から / まで / 付 / "(" / 午前 / 午後 or after 翌 / 同月 / 今月 ..., else a
          duration (1日に3回 is a rate).
date range  value null, low and high the first and last date, inclusive, as ISO texts of one
          form (the precision said): 5月1日から3日まで -> "--05-01".."--05-03" (the second end takes
          the larger parts it leaves out from the first), 2020年〜2022年 and 2020〜2022年 ->
          "2020".."2022", 2020年から22年 -> "2020".."2022", 5月1〜3日, 午後1時から3時 ->
          "T13:00".."T15:00", 2012/3/8~3/10 (an hour without 午前 / 午後 is the first such hour after the first end;
          times alone may run past midnight, low after high); まで / にかけて after it are part of it.
          A range said in the wrong order (2022年から2020年) is two dates. Bands of time are ranges:
          19世紀 -> "1801".."1900", 紀元前3世紀 -> "-0299".."-0200", 1990年代 -> "1990".."1999"
          (90年代 too; 00年代 to 20年代 are this century's), 5月上旬 / 初旬 -> "--05-01".."--05-10",
          中旬 11..20, 下旬 21..the month's last day (February's 29th when no year is said);
          前半 / 後半 halve a century, decade or year (21世紀前半 -> "2001".."2050", 2024年前半 ->
          "2024-01".."2024-06"); 世紀末 and 世紀初頭 keep the century, approximate; 世紀半ば / 中頃
          is its middle as pyNormalizeNumExp reads it (18世紀半ば -> "1725".."1776"), approximate.
          以降 / 以後 and 以前 bound a date as 以上 / 以下 bound a figure: 7月7日以降 -> value
          "--07-07", low "--07-07".
relative_date  a date said relative to now, or to the time talked of, never made absolute:
          value the signed offset, unit a duration unit (y, mo, wk, d, h, min, s): 3年前 -> -3 y,
          2日後 -> +2 d, 2000年くらい前 -> -2000 y approximate (a span, not the year 2000), 数年前 ->
          low -9 high -1, 10年以上前 -> value -10 high -10 (bounds follow the sign), 5日前から2日前
          -> low -5 high -2; and the words 今日 0 d, 昨日 -1 d, 明日 +1 d, 一昨日 / おととい -2 d,
          明後日 / あさって +2 d, 今週 0 wk, 先週 -1 wk, 来週 +1 wk, 先々週 -2, 再来週 +2, 今月 / 先月 /
          来月 / 先々月 / 再来月 in mo, 今年 0 y, 去年 / 昨年 -1 y, 来年 +1 y, 一昨年 -2, 再来年 +2 (kana
          spellings too). Words anchored to another time (翌日, 前年) are not read.
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
  台 after a unit is a band: 1万円台 -> low 10000 high 20000, 20%台 -> 20..30, 9秒台 -> 9..10,
      3万人台 -> 30000..40000, value null (代 after a unit too: 3万円代); 前半 / 後半 halve it.
  代 after whole tens is a band of ages: 20代 -> count low 20 high 30 unit "歳", 20代前半 -> 20..25
      (before an office, 10代将軍, and with 目 it counts generations: unit 代 / 代目).
Dates take only the approximate words. Bounds keep inclusive / exclusive apart only in
the text (以上 vs 超).

Ranges: 10〜20%, 10から20%, 3人～8人, 3万から5万円, 2、3人 and 二、三日 ("two or three",
approximate): value null, low / high set. A bare first figure is said in the second's unit
and scale, every unit written after the second's digits: 3から5万円 -> 30000..50000,
5〜6千万 -> 5e7..6e7, 2〜3兆円, 2〜3割 -> 20..30 %. Neighbouring kanji digits side by side are
the same idiom without the comma: 二三人 -> 2..3, 四五日 -> 4..5 d, 三四十人 -> 30..40,
十二三歳 -> 12..13 (approximate); positional kanji (二〇二五, 一九九八) stay one figure.
Ranges of dates: above.

Ordinals with a counter stay counts, the counter said with its 目 (2つ目 -> 2, unit "つ目";
3年目 -> 3, unit "年目"). Not amounts: 第2 and a bare 2目, lexicalised words (一番, 一度,
一時, 十分 unless a time word follows as in 十分後), four-kanji idioms (一石二鳥, 十人十色),
money words without a figure.

Values are exact until output: int when whole, else float; date values, lows and highs are text.

The steps: figures (`figures`), the unit after a figure (`units`), dates (`dates`), ranges
and the hedge and bound words around an amount (`ranges`); the words each looks for are in
`vocabulary`.
"""

from __future__ import annotations

from fractions import Fraction

from ja_transcript.nlp import Morpheme, get_analyzer

from .dates import read_word_date, read_written_date
from .figures import figure_at, in_code
from .ranges import read_prefixes, read_range, read_relative, read_relative_range, read_suffixes
from .records import Amount, Doc, Figure
from .figures import needs_split, split_notations
from .units import read_single
from .vocabulary import (
    FIGURE_START, ORDINAL_AFTER, ORDINAL_BEFORE, RELATIVE_HEDGES, WORD_SEARCH, WORD_TOKENS,
)


def extract_amounts(text: str, morphemes: list[Morpheme] | None = None) -> list[dict]:
    """Every amount said in `text`, in order (see the module docstring for conventions).

    `morphemes` are `text`'s SudachiPy morphemes; they are computed when not given.

    >>> [(a["text"], a["kind"], a["value"], a["unit"]) for a in extract_amounts("契約は40億ドルで、2割増えた")]
    [('40億ドル', 'money', 4000000000, 'USD'), ('2割', 'percent', 20, '%')]
    >>> a = extract_amounts("百何十億ドルくらい")[0]
    >>> a["value"], a["low"], a["high"], a["approximate"]
    (None, 11000000000, 19000000000, True)
    >>> [(a["text"], a["kind"], a["value"], a["low"], a["high"], a["unit"]) for a in extract_amounts("5月1日から3日まで休んだのは3年前")]
    [('5月1日から3日まで', 'date', None, '--05-01', '--05-03', None), ('3年前', 'relative_date', -3, None, None, 'y')]
    """
    if morphemes is None:
        morphemes = get_analyzer().analyze(text)
    # most sentences of talk have no figure and no date word at all (a C-speed look)
    words = WORD_SEARCH.search(text) is not None
    if not words and FIGURE_START.isdisjoint(text):
        return []
    if words:
        starts = [k for k, m in enumerate(morphemes) if m.surface[:1] in FIGURE_START or m.surface in WORD_TOKENS]
    else:
        starts = [k for k, m in enumerate(morphemes) if m.surface[:1] in FIGURE_START]
    if not starts:
        return []
    doc = Doc(text, morphemes)
    if any(needs_split(morphemes[k].surface) for k in starts):  # ２００７20: two numbers in one token
        offsets = {morphemes[k].start for k in starts}
        morphemes = split_notations(morphemes)
        starts = [k for k, m in enumerate(morphemes) if m.start in offsets or m.surface[:1] in FIGURE_START]
        doc = Doc(text, morphemes)
    found: list[Amount] = []
    floor = 0
    i = 0  # the next morpheme to look at: those a figure or an amount covered are passed
    for k in starts:
        if k < i or morphemes[k].start < floor:
            continue
        surface = morphemes[k].surface
        fig = figure_at(doc, k) if surface[:1] in FIGURE_START else None
        amount = _read_amount(doc, fig, floor) if fig is not None else None
        if amount is None and fig is None and surface in WORD_TOKENS:
            amount = _read_word_amount(doc, k)
        if amount is None:
            i = max(k + 1, doc.index_from(fig.end)) if fig is not None else k + 1
            continue
        found.append(amount)
        floor = amount.end
        i = doc.index_from(amount.end)
    return [_as_dict(text, a) for a in found]


def _read_amount(doc: Doc, fig: Figure, floor: int) -> Amount | None:
    if doc.before(fig.start, ORDINAL_BEFORE, floor):
        return None
    amount = read_written_date(doc, fig) or read_single(doc, fig)
    if amount is None:
        return None
    if doc.after(amount.end, ORDINAL_AFTER):  # 1つ目, 2回目: the counter as said, with its 目
        if amount.kind in ("number", "date") or amount.value is None:
            return None
        amount.kind, amount.unit = "count", doc.text[fig.end:amount.end + 1]
        amount.end += 1
        return amount
    amount = read_range(doc, amount) or amount
    if amount.kind == "number" and (amount.weak or in_code(doc.text, fig.start, amount.end)):
        return None
    read_suffixes(doc, amount)
    read_relative(doc, amount)
    amount = read_relative_range(doc, amount) or amount
    read_prefixes(doc, amount, floor)
    return amount


def _read_word_amount(doc: Doc, k: int) -> Amount | None:
    """A date said without a figure (昨日, 来週, 平成元年), with its range or hedge."""
    amount = read_word_date(doc, k)
    if amount is None:
        return None
    if amount.kind == "date":
        return read_range(doc, amount) or amount
    hedge = doc.after(amount.end, RELATIVE_HEDGES)  # 去年くらい
    if hedge:
        amount.end += len(hedge)
        amount.approximate = True
    return amount


def _as_dict(text: str, a: Amount) -> dict:
    return {
        "text": text[a.start:a.end], "kind": a.kind, "value": _plain(a.value), "low": _plain(a.low),
        "high": _plain(a.high), "unit": a.unit, "approximate": a.approximate, "start": a.start, "end": a.end,
    }


def _plain(x):
    if isinstance(x, Fraction):
        return int(x) if x.denominator == 1 else float(x)
    return x
