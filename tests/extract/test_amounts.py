"""Amount extraction: labelled spoken cases, each convention, offsets, and the sample transcript."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from amount_cases import compared, expected, one
from ja_transcript.extract.amounts import extract_amounts
from ja_transcript.nlp import get_analyzer

CASES = json.loads((Path(__file__).parent / "cases" / "amounts_spoken.json").read_text("utf-8"))
SHARED = Path(__file__).resolve().parents[2].parent / "shared"  # the project's reference data, beside the checkout
SEED = (SHARED / "eval/seed")
FIELDS = ("text", "kind", "value", "low", "high", "unit", "approximate", "start", "end")


@pytest.mark.parametrize("case", [pytest.param(c, id=c["text"][:16]) for c in CASES["cases"]])
def test_spoken_cases(case):
    got = extract_amounts(case["text"])
    assert [compared(a) for a in got] == [expected(a) for a in case["amounts"]]


@pytest.mark.parametrize("text", CASES["none"])
def test_no_amount(text):
    assert extract_amounts(text) == []


def test_schema_fields_and_offsets():
    text = "約3万円と20%くらい、5月17日に2段階で"
    for a in extract_amounts(text):
        assert tuple(a) == FIELDS
        assert text[a["start"]:a["end"]] == a["text"]


def test_morphemes_given_or_not():
    text = "数千人が集まり、売上は何兆円、3倍くらいになった"
    assert extract_amounts(text, get_analyzer().analyze(text)) == extract_amounts(text)


# ----------------------------------------------------------------- token boundaries
def test_yaku_of_keiyaku_is_not_about():
    a = one("契約2段階で")
    assert (a["text"], a["approximate"]) == ("2段階", False)
    a = one("約2段階で")
    assert (a["text"], a["approximate"]) == ("約2段階", True)


def test_hedge_words_must_be_whole_tokens():
    assert one("10人強化")["text"] == "10人"  # 強化 is a word, not 強 "a bit over"
    assert one("10人強")["low"] == 10


# ----------------------------------------------------------------- each hedge and bound
@pytest.mark.parametrize("text", ["約20人", "およそ20人", "大体20人", "だいたい20人", "ほぼ20人", "概ね20人",
                                  "ざっと20人", "20人くらい", "20人ぐらい", "20人程度", "20人前後", "20人ほど"])
def test_approximate_words(text):
    a = one(text)
    assert (a["text"], a["value"], a["low"], a["high"], a["approximate"]) == (text, 20, None, None, True)


@pytest.mark.parametrize("text, low, high, approximate", [
    ("20人以上", 20, None, False), ("20人超", 20, None, False), ("20人超え", 20, None, False),
    ("20人強", 20, None, True), ("20人あまり", 20, None, True), ("20余人", 20, None, True),
    ("20人以下", None, 20, False), ("20人未満", None, 20, False), ("20日以内", None, 20, False),
    ("20人弱", None, 20, True), ("20人近く", None, 20, True), ("最大20人", None, 20, False),
    ("少なくとも20人", 20, None, False),
])
def test_bounds_keep_the_figure(text, low, high, approximate):
    a = one(text)
    assert (a["text"], a["value"], a["low"], a["high"], a["approximate"]) == (text, 20, low, high, approximate)


@pytest.mark.parametrize("text, low, high", [
    ("数千", 1000, 9000), ("数十", 10, 90), ("十数", 11, 19), ("百数十", 110, 190), ("何十", 10, 90),
    ("数万", 10000, 90000), ("何百万", 10**6, 9 * 10**6),
])
def test_vague_number_words(text, low, high):
    a = one(text + "人")
    assert (a["value"], a["low"], a["high"], a["approximate"], a["unit"]) == (None, low, high, True, "人")


def test_vague_words_need_a_place_or_a_counter():
    assert extract_amounts("何人ですか") == []
    assert extract_amounts("何回も言った") == []
    assert one("数日かかる")["low"] == 1
    assert extract_amounts("数が多い") == []


# ----------------------------------------------------------------- kinds and units
@pytest.mark.parametrize("text, unit", [
    ("100円", "JPY"), ("100ドル", "USD"), ("100米ドル", "USD"), ("100豪ドル", "AUD"), ("100香港ドル", "HKD"),
    ("100カナダドル", "CAD"), ("100ユーロ", "EUR"), ("100ポンド", "GBP"), ("100元", "CNY"), ("100人民元", "CNY"),
    ("100ウォン", "KRW"), ("¥100", "JPY"), ("$100", "USD"), ("€100", "EUR"),
])
def test_currencies(text, unit):
    a = one(text)
    assert (a["kind"], a["value"], a["unit"]) == ("money", 100, unit)


def test_money_word_without_figure_is_not_an_amount():
    assert extract_amounts("ドルと円とユーロの話") == []


@pytest.mark.parametrize("text, value", [
    ("20%", 20), ("20％", 20), ("20パーセント", 20), ("2割", 20), ("3割5分", 35), ("3割4分5厘", 34.5),
])
def test_percent(text, value):
    a = one(text)
    assert (a["kind"], a["value"], a["unit"]) == ("percent", value, "%")


@pytest.mark.parametrize("text, value, unit", [
    ("10秒", 10, "s"), ("90分", 90, "min"), ("15分間", 15, "min"), ("3時間", 3, "h"), ("5日間", 5, "d"),
    ("2週間", 2, "wk"), ("3ヶ月", 3, "mo"), ("3か月", 3, "mo"), ("3カ月", 3, "mo"), ("2年間", 2, "y"),
    ("3年", 3, "y"), ("3時間半", 3.5, "h"), ("1時間30分", 90, "min"), ("2分30秒", 150, "s"),
])
def test_durations(text, value, unit):
    a = one(text + "かかった")
    assert (a["kind"], a["value"], a["unit"], a["text"]) == ("duration", value, unit, text)


@pytest.mark.parametrize("text, value", [
    ("5月17日に", "--05-17"), ("5月に", "--05"), ("2025年5月に", "2025-05"), ("2025年5月17日に", "2025-05-17"),
    ("2025年に", "2025"), ("17日に", "---17"), ("平成元年", "1989"), ("令和7年に", "2025"), ("2025/5/17に", "2025-05-17"),
    ("15:00に", "T15:00"), ("午後3時に", "T15:00"), ("5月3日午前9時に", "--05-03T09:00"),
])
def test_dates(text, value):
    found = [a for a in extract_amounts(text) if a["kind"] == "date"]
    assert [a["value"] for a in found] == ([value] if value else [])


def test_decade_is_a_range_of_years():
    a = one("1990年代に")
    assert (a["kind"], a["value"], a["low"], a["high"]) == ("date", None, "1990", "1999")


def test_year_or_span():
    assert one("2000年前の話")["kind"] == "relative_date"  # 2000 years ago (tests/extract/test_dates.py)
    assert one("2000年以上続く")["kind"] == "duration"
    assert one("2000年の話")["kind"] == "date"
    assert one("3日かかる")["kind"] == "duration"


@pytest.mark.parametrize("text, value, unit", [
    ("2段階", 2, "段階"), ("2つ", 2, "つ"), ("10万台", 100000, "台"), ("3人", 3, "人"), ("5社", 5, "社"),
    ("3匹", 3, "匹"), ("50カ国", 50, "カ国"), ("3kg", 3, "kg"), ("10キロメートル", 10, "km"),
])
def test_counts(text, value, unit):
    a = one(text)
    assert (a["kind"], a["value"], a["unit"]) == ("count", value, unit)


def test_ratio():
    assert (one("3倍")["kind"], one("3倍")["unit"]) == ("ratio", "x")
    assert one("1.5倍")["value"] == 1.5
    assert one("4分の1")["value"] == 0.25


def test_ranges():
    a = one("10から20%")
    assert (a["kind"], a["value"], a["low"], a["high"]) == ("percent", None, 10, 20)
    a = one("3万から5万円")
    assert (a["low"], a["high"], a["unit"]) == (30000, 50000, "JPY")
    a = one("3から5万円")  # said short: the 3 is 3万
    assert (a["low"], a["high"]) == (30000, 50000)
    assert one("5000から1万円")["low"] == 5000
    assert [a["text"] for a in extract_amounts("30匹からのプレゼント")] == ["30匹"]


def test_plain_numbers_and_names():
    assert one("答えは42です")["kind"] == "number"
    for text in ("GPT-4を使う", "iPhone 15を買った", "H100が足りない", "3Dプリンター", "ver2.3.4"):
        assert extract_amounts(text) == [], text
    assert [a["text"] for a in extract_amounts("H100を1万台")] == ["1万台"]


def test_ordinals():
    assert extract_amounts("第3四半期") == []
    a = one("1つ目の話")
    assert (a["kind"], a["value"], a["unit"]) == ("count", 1, "つ目")


def test_lexicalized_words():
    assert extract_amounts("一番大事なのは一度やってみること") == []
    assert one("十分後に")["unit"] == "min"


# ----------------------------------------------------------------- the sample transcript
def test_sample_gold_amounts():
    if not SEED.is_dir():
        pytest.skip("the reference data (shared/eval/seed) is not beside this checkout")
    lines = (SEED / "iwami_coreweave_news.txt").read_text("utf-8").split("\n")
    gold = json.loads((SEED / "iwami_coreweave_news.gold.json").read_text("utf-8"))["amounts"]
    for g in gold:
        found = {a["text"]: a for a in extract_amounts(lines[g["line"] - 1])}
        assert g["text"] in found, (g, list(found))
        a = found[g["text"]]
        assert (a["kind"], a.get("unit")) == (g["kind"], g.get("unit")), a
        assert (a["value"], a["low"], a["high"]) == (g.get("value"), g.get("low"), g.get("high")), a
        assert a["approximate"] == g.get("approximate", False), a


# ----------------------------------------------------------------- properties
_FRAGMENTS = ["約", "契約", "3", "百", "何十", "億", "ドル", "円", "%", "くらい", "、", "から", "〜", "人", "年", "月",
              "日", "数", "千", "以上", "GPT-", "は", "2割", "5分", "半", "第", "目", "マイナス", " ", "。", "十数",
              "世紀", "前", "後", "来週", "台", "代", "前半", "上旬", "元年", "平成", "紀元前", "まで", "時", "午後",
              "1990", "20"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=12))
def test_offsets_slice_back_and_do_not_overlap(parts):
    text = "".join(parts)
    found = extract_amounts(text)
    end = 0
    for a in found:
        assert text[a["start"]:a["end"]] == a["text"] and a["start"] >= end
        assert a["kind"] in ("money", "percent", "ratio", "count", "date", "duration", "number", "relative_date")
        if a["value"] is None:  # a range, a band or a vague figure (数十人以上)
            assert a["low"] is not None or a["high"] is not None
        if a["low"] is not None and a["high"] is not None and a["kind"] != "date":
            assert a["low"] < a["high"]
        end = a["end"]


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=10**12), st.sampled_from(["円", "ドル", "人", "%", "倍"]))
def test_any_figure_with_unit(n, unit):
    a = one(f"合計{n:,}{unit}です")
    assert a["value"] == n and a["text"] == f"{n:,}{unit}"


def test_two_bounds_on_a_vague_figure_keep_one():
    a = one("〜十数以上")
    assert a["value"] is None and (a["low"], a["high"]) == (11, None)


# -- neighbouring kanji digits: "two or three" (labelled by hand, several domains) -------------

@pytest.mark.parametrize("text, amount", [
    ("受付に二三人並んでいました。", ("二三人", "count", 2, 3, "人")),  # everyday talk
    ("完治まで四五日かかるそうです。", ("四五日", "duration", 4, 5, "d")),  # medicine
    ("五六人のグループで来店された。", ("五六人", "count", 5, 6, "人")),  # restaurant
    ("観客は三四十人ほどでした。", ("三四十人ほど", "count", 30, 40, "人")),  # event, with its hedge
    ("十二三歳の頃に始めました。", ("十二三歳", "count", 12, 13, "歳")),  # biography
    ("一本二三百円で売っています。", ("二三百円", "money", 200, 300, "JPY")),  # market
    ("損失は五六千万円にのぼる。", ("五六千万円", "money", 50_000_000, 60_000_000, "JPY")),  # business
])
def test_neighbouring_kanji_digits_are_a_range(text, amount):
    a = next(a for a in extract_amounts(text) if a["text"] == amount[0])
    assert (a["text"], a["kind"], a["low"], a["high"], a["unit"]) == amount
    assert a["value"] is None and a["approximate"] is True


@pytest.mark.parametrize("text, value", [
    ("二〇二五年に開業します。", "2025"),  # positional kanji: a year, not a range
    ("一九九八年の大会。", "1998"),
])
def test_positional_kanji_digits_stay_one_figure(text, value):
    assert one(text)["value"] == value


def test_digits_not_in_order_are_no_pair():
    assert one("二五人が来た。")["value"] == 25  # 五 is not the digit after 二


# -- ranges: the unit after the second figure applies to a bare first figure -----------------

@pytest.mark.parametrize("text, low, high, unit", [
    ("市場規模は2〜3兆円と言われる。", 2 * 10**12, 3 * 10**12, "JPY"),  # economy
    ("制作費は5〜6千万円です。", 5 * 10**7, 6 * 10**7, "JPY"),  # film
    ("2〜3割の人が反対した。", 20, 30, "%"),  # survey
    ("5〜6百人が避難した。", 500, 600, "人"),  # disaster news
    ("2〜3千人の観客。", 2000, 3000, "人"),  # sports
    ("1.5〜2億円の赤字。", 150_000_000, 200_000_000, "JPY"),  # business
    ("総額は2〜3京円になる。", 2 * 10**16, 3 * 10**16, "JPY"),  # a big unit past 兆
    ("3から5万円で買える。", 30_000, 50_000, "JPY"),  # shopping
])
def test_range_scales_the_bare_first_figure(text, low, high, unit):
    a = one(text)
    assert (a["low"], a["high"], a["unit"], a["value"]) == (low, high, unit, None)


def test_range_first_figure_with_its_own_size_is_not_scaled():
    a = one("5000から6万円の予算。")
    assert (a["low"], a["high"]) == (5000, 60000)


def test_amounts_take_big_units_from_the_numeral_grammar():
    from ja_transcript.extract.amounts.vocabulary import BIG_EXP
    from ja_transcript.extract.numerals import BIG_UNITS
    assert all(BIG_UNITS[u] == e for u, e in BIG_EXP.items())
    assert BIG_UNITS["無量大数"] == 68


@pytest.mark.parametrize("text, want", [
    # a price moved by a figure: SudachiPy's ドル高 / 円安 hold the currency (markets, forex, fuel)
    ("ダウ平均は前日比250ドル高で終わった", ("250ドル", "money", 250, "USD")),
    ("日経平均は一時600円安まで売られた", ("600円", "money", 600, "JPY")),
    ("ガソリンは先週より3円高くなった", ("3円", "money", 3, "JPY")),
])
def test_a_price_moved_by_a_figure_keeps_its_currency(text, want):
    got = [(a["text"], a["kind"], a["value"], a["unit"]) for a in extract_amounts(text)]
    assert want in got


@pytest.mark.parametrize("text", ["円高が進んで輸出株が下がった", "ドル高の影響が出ている"])
def test_a_currency_moving_without_a_figure_is_no_amount(text):
    assert extract_amounts(text) == []


@pytest.mark.parametrize("text, value, unit", [
    ("彼女は予選で5番手につけた", 5, "番手"),  # a place in order (skating, racing, elections)
    ("候補者の中では3番手の支持率だ", 3, "番手"),
])
def test_bante_is_a_counter(text, value, unit):
    a = extract_amounts(text)[0]
    assert (a["kind"], a["value"], a["unit"]) == ("count", value, unit)


@pytest.mark.parametrize("text, kind, value, unit", [
    ("最後は2秒差くらいでゴールした", "duration", 2, "s"),  # a margin, then its hedge
    ("試合は3点差ほどで終わった", "count", 3, "点"),
])
def test_a_hedge_after_a_margin_hedges_its_figure(text, kind, value, unit):
    a = extract_amounts(text)[0]
    assert (a["kind"], a["value"], a["unit"], a["approximate"]) == (kind, value, unit, True)


@pytest.mark.parametrize("text, value, unit", [
    ("板を2センチ幅くらいに切ってください", 2, "cm"),  # a width said after its length
    ("大根は3センチ角ぐらいに", 3, "cm"),  # the side of a cube
    ("10メートル四方ほどの畑です", 10, "m"),
])
def test_a_hedge_after_a_dimension_of_a_length_hedges_its_figure(text, value, unit):
    a = extract_amounts(text)[0]
    assert (a["kind"], a["value"], a["unit"], a["approximate"]) == ("count", value, unit, True)


def test_a_dimension_word_after_another_unit_is_not_read():
    a = extract_amounts("3人角くらい")[0]
    assert (a["text"], a["approximate"]) == ("3人", False)


@pytest.mark.parametrize("text, value, unit", [
    ("牛乳を200ミリリットル加えます", 200, "mL"),
    ("水は300ccです", 300, "mL"),  # a cubic centimetre is a millilitre
    ("この薬は5ミリグラムまで", 5, "mg"),
])
def test_volume_and_mass_measures_get_their_symbol(text, value, unit):
    a = extract_amounts(text)[0]
    assert (a["kind"], a["value"], a["unit"]) == ("count", value, unit)
