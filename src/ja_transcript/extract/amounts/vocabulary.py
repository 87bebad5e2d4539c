"""The characters and words amounts are read from: digits, units and counters, currencies,
date parts, eras, and the cue, hedge and bound words around a figure."""

from __future__ import annotations

import re

from ..numerals import BIG_UNITS, KANJI_DIGITS, SMALL_UNITS, VAGUE_DIGITS


DIGITS = frozenset("0123456789０１２３４５６７８９")
# The big units of everyday figures, taken from the numeral grammar's one table (numerals.BIG_UNITS,
# 万 ... 無量大数): they always join a figure. Those past 兆 are words too (京都, 正, 載), so a
# figure takes them only when more of it or a unit follows (figures._RARE_BIG).
BIG_EXP = {u: e for u, e in BIG_UNITS.items() if e <= 12}
UNIT_CHARS = frozenset(SMALL_UNITS) | frozenset(BIG_EXP)
UNIT_NAMES = frozenset(SMALL_UNITS) | frozenset(u for u in BIG_UNITS if len(u) == 1)  # 十 百 千 万 ... 極
PREFIX_CHARS = DIGITS | frozenset(KANJI_DIGITS) | UNIT_CHARS | VAGUE_DIGITS
NUMERAL_CHARS = PREFIX_CHARS | frozenset(".,．，")
FIGURE_START = DIGITS | frozenset(KANJI_DIGITS) | frozenset(SMALL_UNITS) | VAGUE_DIGITS
WEAK_FIGURES = frozenset(KANJI_DIGITS) | frozenset(SMALL_UNITS) | {"数"}
KANJI_FIGURE_CHARS = frozenset(KANJI_DIGITS) | UNIT_CHARS

# --------------------------------------------------------------------------- lexicons
class Words(dict):
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
MONEY_SYMBOLS = Words({"$": "USD", "＄": "USD", "US$": "USD", "¥": "JPY", "￥": "JPY", "€": "EUR", "£": "GBP"})
_PERCENT = ("%", "％", "パーセント", "パー")
_WARI = ("割", "割引", "割引き", "割増", "割増し")  # tenths; 割引 / 割増 say what the percentage is of
_DURATIONS = {
    "秒": "s", "秒間": "s", "分": "min", "分間": "min", "時間": "h", "日間": "d", "週": "wk",
    "週間": "wk", "ヶ月": "mo", "ヵ月": "mo", "か月": "mo", "カ月": "mo", "ケ月": "mo", "箇月": "mo",
    "ヶ月間": "mo", "か月間": "mo", "カ月間": "mo", "年間": "y",
}
_DATE_PARTS = ("年", "年度", "年代", "年前半", "年後半", "月", "日", "時", "時半", "世紀", "世紀末")
_COUNTERS = (
    "人", "名", "個", "つ", "件", "社", "台", "回", "本", "枚", "冊", "匹", "頭", "羽", "杯", "軒", "隻", "機",
    "基", "点", "位", "歳", "才", "段階", "種類", "項目", "カ国", "か国", "ヶ国", "ヵ国", "箇国", "カ所",
    "か所", "ヶ所", "箇所", "店", "店舗", "世代", "世帯", "期", "棟", "戸", "部", "通", "箱", "袋", "着", "曲",
    "話", "章", "条", "問", "試合", "勝", "敗", "票", "株", "席", "周年", "年生", "代", "階", "号", "ページ",
    "行", "文字", "語", "校", "チーム", "例", "組", "足", "品", "銘柄", "ポイント", "倍速", "人分",
    "枠", "拠点", "工場", "度", "ユーザー", "アカウント", "ドット", "ピクセル", "光年", "錠", "粒", "缶", "泊",
    "食", "皿", "玉", "安打", "得点", "ゴール", "打点", "勝利", "議席", "番手",
)
_MEASURES = {
    "km": "km", "キロメートル": "km", "m": "m", "メートル": "m", "cm": "cm", "センチ": "cm",
    "センチメートル": "cm", "mm": "mm", "ミリ": "mm", "kg": "kg", "キログラム": "kg", "g": "g",
    "グラム": "g", "t": "t", "トン": "t", "L": "L", "リットル": "L", "ml": "mL", "mL": "mL",
    "ミリリットル": "mL", "cc": "mL", "mg": "mg", "ミリグラム": "mg",
    "KB": "kB", "MB": "MB", "GB": "GB", "TB": "TB", "PB": "PB", "メガバイト": "MB", "ギガバイト": "GB",
    "テラバイト": "TB", "W": "W", "ワット": "W", "kW": "kW", "キロワット": "kW", "MW": "MW",
    "メガワット": "MW", "GW": "GW", "ギガワット": "GW", "kWh": "kWh", "キロワット時": "kWh",
    "GHz": "GHz", "ギガヘルツ": "GHz", "Hz": "Hz", "ヘルツ": "Hz", "℃": "℃", "坪": "坪",
    "平米": "m2", "ヘクタール": "ha", "キロ": "キロ",
}

# surface after a figure -> (category, payload); matched longest first, ending on a token boundary
UNITS: dict = {}
UNITS.update({w: ("count", w) for w in _COUNTERS})
UNITS.update({w: ("count", sym) for w, sym in _MEASURES.items()})
UNITS.update({w: ("money", code) for w, code in _MONEY.items()})
UNITS.update({w: ("percent", "%") for w in _PERCENT})
UNITS.update({w: ("wari", "%") for w in _WARI})
UNITS.update({"倍": ("ratio", "x")})
UNITS.update({w: ("duration", u) for w, u in _DURATIONS.items()})
UNITS.update({w: ("date", w) for w in _DATE_PARTS})
UNITS = Words(UNITS)
# A price moved by a figure: 312ドル高 (up $312), 50円安. SudachiPy has ドル高 / 円安 (a strong
# dollar, a weak yen) as words, so the currency ends inside the token after the figure.
MONEY_MOVES = {w + move: (w, code) for w, code in _MONEY.items() for move in ("高", "安")}
# What a figure measures, said after it: a margin (1秒差, 3点差), or for a length the side of a
# cube or a square, a width, a thickness (5センチ角, 2センチ幅, 10メートル四方, 3ミリ厚). A hedge
# after it hedges the figure (1秒差くらい, 5センチ角くらい).
MARGIN = Words(["差"])
DIMENSIONS = Words(["角", "幅", "四方", "厚"])
LENGTHS = frozenset({"km", "m", "cm", "mm"})
# tagged 助数詞 by SudachiPy but, after a figure, mostly part of a word (二次 = secondary)
NOT_COUNTERS = frozenset({"次"})
NAME_SPLIT_COUNTERS = frozenset({"人", "名", "つ", "個", "円", "歳"})

# a year or day word read as a duration when the figure is not a calendar date
DATE_FALLBACK = {"年": ("duration", "y"), "日": ("duration", "d"), "年代": ("count", "年代"),
                 "世紀": ("count", "世紀")}
DURATION_STEPS = {("y", "mo"): 12, ("wk", "d"): 7, ("d", "h"): 24, ("h", "min"): 60, ("min", "s"): 60}

# era -> the Western year before its first year (令和1 = 2019); 西暦 names the Western era itself
ERAS = Words({"令和": 2018, "平成": 1988, "昭和": 1925, "大正": 1911, "明治": 1867, "西暦": 0})
ERA_LAST = {"明治": 45, "大正": 15, "昭和": 64, "平成": 31}  # the last year of each era that has ended
FIRST_YEAR = Words(["元年"])  # 平成元年: the era's first year
BC = Words(["紀元前"])  # 紀元前300年: astronomical year 1 - 300 (1 BC is year 0, as ISO 8601 counts)
THIRDS = Words({"上旬": (1, 10), "初旬": (1, 10), "中旬": (11, 20), "下旬": (21, 31)})  # the days of a month
HALVES = Words({"前半": 0, "後半": 1})  # the first or second half of a century, decade, year or band
# 19世紀初頭 (and the token 世紀末): the century, approximate; 18世紀半ば: its middle (years 25..76,
# as pyNormalizeNumExp reads it), approximate
CENTURY_EDGES = Words(["初頭"])
CENTURY_MIDDLE = Words(["半ば", "中頃", "中ごろ"])
DATE_BOUNDS = Words({"以降": "low", "以後": "low", "以前": "high"})  # 7月7日以降: on or after the date
DATE_RANGE_MARKS = Words(("〜", "～", "~", "から"))
DATE_RANGE_ENDS = Words(("まで", "にかけて"))  # 5月1日から3日まで: part of the range said
AMPM = Words({"午前": 0, "午後": 12})
DAY_CUES = Words(("に", "の", "から", "まで", "付", "付け", "(", "（", "午前", "午後"))
DAY_CUES_BEFORE = Words(("翌", "同月", "今月", "先月", "来月", "毎月", "前月"))
# after N年, these make it a span of years (2000年前, 1000年以上), not a calendar year
YEAR_SPAN_CUES = Words(("前", "後", "ぶり", "以上", "以内", "近く", "超", "分", "連続", "間", "余り", "弱", "強"))
SPAN_OVER = Words(("にわたって", "にわたり", "にわたる", "に渡って", "に渡り", "半"))  # 3世紀にわたって, 3世紀半: spans
SPAN_HEDGES = Words(("くらい", "ぐらい", "ほど", "程", "程度"))  # 2000年くらい前: a span still
# after a duration: before / after now (or the time talked of), a relative date
RELATIVE_AFTER = Words({"前": -1, "まえ": -1, "後": 1, "のち": 1})
RELATIVE_HEDGES = Words(("くらい", "ぐらい", "ほど", "程", "程度", "頃", "ごろ"))  # 3年前くらい
# words that say a day, week, month or year relative to the time of speaking: (offset, unit)
DEICTIC_DATES = Words({
    "今日": (0, "d"), "きょう": (0, "d"), "本日": (0, "d"), "昨日": (-1, "d"), "きのう": (-1, "d"),
    "明日": (1, "d"), "あした": (1, "d"), "あす": (1, "d"), "一昨日": (-2, "d"), "おととい": (-2, "d"),
    "明後日": (2, "d"), "あさって": (2, "d"),
    "今週": (0, "wk"), "先週": (-1, "wk"), "来週": (1, "wk"), "先々週": (-2, "wk"), "再来週": (2, "wk"),
    "今月": (0, "mo"), "先月": (-1, "mo"), "来月": (1, "mo"), "先々月": (-2, "mo"), "再来月": (2, "mo"),
    "今年": (0, "y"), "ことし": (0, "y"), "本年": (0, "y"), "去年": (-1, "y"), "昨年": (-1, "y"),
    "来年": (1, "y"), "一昨年": (-2, "y"), "おととし": (-2, "y"), "再来年": (2, "y"),
})
# the tokens a date said without a figure starts with: a deictic word (SudachiPy splits four:
# 一昨|日, 一昨|年, 先々|週, 先々|月) or an era before 元年; and a quick look for them in a text
WORD_TOKENS = frozenset(DEICTIC_DATES) | {"一昨", "先々"} | frozenset(ERAS)
WORD_SEARCH = re.compile("|".join(sorted(DEICTIC_DATES, key=len, reverse=True))
                         + "|(?:" + "|".join(e for e in ERAS if ERAS[e]) + ")元年")
TIME_CUES = Words(("後", "前", "間", "以内", "以上", "ほど", "程度", "くらい", "ぐらい", "近く", "弱", "強", "おき"))

# Figure + unit written as one word that is not an amount ("the most", "once", "a moment").
LEXICALIZED = frozenset({
    "一番", "一度", "一時", "十分", "一部", "一面", "一種", "一方", "一体", "一応", "一同", "一目", "一口",
    "一言", "一段", "一家", "一期", "十二分",
})
TIME_WORDS = frozenset({"十分", "十二分", "一時"})  # amounts again before a time word (十分後)

APPROX, LOW, _HIGH, LOW_APPROX, HIGH_APPROX, BAND = range(6)
SUFFIX_WORDS = Words({
    "くらい": APPROX, "ぐらい": APPROX, "程度": APPROX, "前後": APPROX, "ほど": APPROX, "程": APPROX,
    "頃": APPROX, "ごろ": APPROX, "以上": LOW, "超": LOW, "超え": LOW, "以下": _HIGH, "未満": _HIGH,
    "以内": _HIGH, "強": LOW_APPROX, "余り": LOW_APPROX, "あまり": LOW_APPROX, "ちょっと": LOW_APPROX,
    "弱": HIGH_APPROX, "近く": HIGH_APPROX, "足らず": HIGH_APPROX, "台": BAND, "代": BAND,
})
PREFIX_WORDS = Words({
    "約": APPROX, "およそ": APPROX, "凡そ": APPROX, "おおよそ": APPROX, "大体": APPROX,
    "だいたい": APPROX, "ほぼ": APPROX, "概ね": APPROX, "おおむね": APPROX, "ざっと": APPROX,
    "推定": APPROX, "最大": _HIGH, "最高": _HIGH, "最低": LOW, "少なくとも": LOW,
    "〜": _HIGH, "～": _HIGH, "~": _HIGH,
})
SIGN_WORDS = Words({"マイナス": -1, "プラス": 1, "▲": -1, "△": -1, "-": -1, "−": -1, "－": -1, "+": 1,
                      "＋": 1})
DATE_SEPARATORS = Words("/-.／－．")
SIGN_OPENERS = frozenset("（(「『【[、。,，:：=＝~〜～")
RANGE_MARKS = Words({"〜": False, "～": False, "~": False, "から": False, "乃至": False, "ないし": False,
                       "-": True, "－": True, "−": True})  # True: only with a unit after the second figure
PAIR_MARKS = Words("、,，")  # 2、3人: two neighbouring figures
ORDINAL_BEFORE = Words(["第"])
ORDINAL_AFTER = Words(["目"])
AGE_BAND = "代"  # 20代: the ages 20 to 29, after a figure of whole tens
# N代 right before an office counts its holders (10代将軍 = the 10th shogun), not ages
OFFICES = Words(("将軍", "大統領", "首相", "総理", "総理大臣", "天皇", "当主", "藩主", "社長", "会長", "横綱", "名人",
                 "家元", "院長", "校長", "学長", "総長", "理事長", "頭取", "組長"))
HALF = Words(["半"])
NO = Words(["の"])
EXTRA = Words(["余"])  # 100余人
