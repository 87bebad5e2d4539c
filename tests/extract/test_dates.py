"""Dates, date and time ranges, centuries, eras, 旬, bands (台 / 代) and relative dates.

The labelled cases (`cases/amounts_dates.json`) were written from the language before the
rules; `cases/amounts_dates_heldout.json` was held out and scored once (README, Measured quality).
"""

import json
from pathlib import Path

import pytest

from amount_cases import compared, expected, one
from ja_transcript.extract.amounts import extract_amounts
from ja_transcript.model import Amount, json_schema

CASES = Path(__file__).parent / "cases"
DEV = json.loads((CASES / "amounts_dates.json").read_text("utf-8"))


def span(text: str) -> tuple:
    a = one(text)
    return a["kind"], a["value"], a["low"], a["high"], a["unit"]


@pytest.mark.parametrize("case", [pytest.param(c, id=f'{c["domain"]}:{c["text"][:14]}') for c in DEV["cases"]])
def test_labelled_cases(case):
    assert [compared(a) for a in extract_amounts(case["text"])] == [expected(a) for a in case["amounts"]]


@pytest.mark.parametrize("text", DEV["none"])
def test_no_amount(text):
    assert extract_amounts(text) == []


# ----------------------------------------------------------------- centuries
@pytest.mark.parametrize("text, low, high", [
    ("19世紀", "1801", "1900"), ("1世紀", "0001", "0100"), ("20世紀前半", "1901", "1950"),
    ("20世紀後半", "1951", "2000"), ("十九世紀", "1801", "1900"), ("紀元前1世紀", "-0099", "0000"),
])
def test_centuries(text, low, high):
    assert span(text + "の話") == ("date", None, low, high, None)


def test_century_end_and_start_words_keep_the_century():
    for word in ("世紀末", "世紀初頭"):
        a = one(f"19{word}の文化")
        assert (a["text"], a["low"], a["high"], a["approximate"]) == (f"19{word}", "1801", "1900", True)


def test_middle_of_a_century():  # as pyNormalizeNumExp reads it: years 25 to 76 of the century
    a = one("18世紀半ばの絵")
    assert (a["text"], a["low"], a["high"], a["approximate"]) == ("18世紀半ば", "1725", "1776", True)
    assert one("18世紀中頃に")["low"] == "1725"


def test_a_span_of_centuries_is_no_date():
    assert span("三世紀半も続いた") == ("count", 3.5, None, None, "世紀")
    assert span("3世紀にわたって") == ("count", 3, None, None, "世紀")


def test_bc_years():
    assert one("紀元前300年に")["value"] == "-0299"  # astronomical numbering: 1 BC is year 0


# ----------------------------------------------------------------- 旬 and halves
@pytest.mark.parametrize("text, low, high", [
    ("5月上旬", "--05-01", "--05-10"), ("5月初旬", "--05-01", "--05-10"), ("5月中旬", "--05-11", "--05-20"),
    ("5月下旬", "--05-21", "--05-31"), ("4月下旬", "--04-21", "--04-30"), ("2月下旬", "--02-21", "--02-29"),
    ("2023年2月下旬", "2023-02-21", "2023-02-28"), ("2024年2月下旬", "2024-02-21", "2024-02-29"),
])
def test_thirds_of_a_month(text, low, high):
    assert span(text + "に") == ("date", None, low, high, None)


@pytest.mark.parametrize("text, low, high", [
    ("2024年前半", "2024-01", "2024-06"), ("2024年後半", "2024-07", "2024-12"),
    ("1990年代前半", "1990", "1994"), ("1990年代後半", "1995", "1999"),
])
def test_halves_of_dates(text, low, high):
    assert span(text + "に") == ("date", None, low, high, None)


def test_a_month_alone_is_no_range():
    assert span("5月に") == ("date", "--05", None, None, None)
    assert extract_amounts("上旬に") == []


# ----------------------------------------------------------------- eras
@pytest.mark.parametrize("text, value", [
    ("平成元年", "1989"), ("令和元年", "2019"), ("昭和元年", "1926"), ("昭和64年", "1989"), ("大正12年", "1923"),
    ("明治元年", "1868"), ("平成三十一年四月三十日", "2019-04-30"), ("令和元年5月1日", "2019-05-01"),
    ("令和6年度", "2024"), ("西暦2000年", "2000"),
])
def test_eras_give_the_western_year(text, value):
    a = one(text + "に")
    assert (a["kind"], a["value"], a["text"]) == ("date", value, text)


@pytest.mark.parametrize("text, low, high", [
    ("昭和40年代", "1965", "1974"), ("平成10年代", "1998", "2007"), ("昭和60年代", "1985", "1989"),
])
def test_decades_of_an_era(text, low, high):  # 昭和60年代 ends with the era (昭和64年 = 1989)
    assert span(text + "に") == ("date", None, low, high, None)


def test_gannen_needs_an_era():
    assert extract_amounts("元年に") == []


# ----------------------------------------------------------------- ranges of dates and times
@pytest.mark.parametrize("text, low, high", [
    ("5月1日から3日まで", "--05-01", "--05-03"), ("5月1日〜3日", "--05-01", "--05-03"),
    ("2020年〜2022年", "2020", "2022"), ("2020〜2022年", "2020", "2022"), ("2020年から22年", "2020", "2022"),
    ("2020年5月から2021年3月", "2020-05", "2021-03"), ("5月から7月にかけて", "--05", "--07"),
    ("午後1時から3時", "T13:00", "T15:00"), ("午前11時から1時", "T11:00", "T13:00"),
    ("15:00〜17:30", "T15:00", "T17:30"), ("3月中旬から下旬", "--03-11", "--03-31"),
    ("19世紀から20世紀", "1801", "2000"), ("1990年代から2000年代", "1990", "2009"),
    ("2025年5月1日から3日", "2025-05-01", "2025-05-03"), ("2020〜22年", "2020", "2022"),
    ("1998から2001年", "1998", "2001"),
])
def test_date_ranges(text, low, high):
    a = one(text + "に")
    assert (a["kind"], a["value"], a["low"], a["high"], a["text"]) == ("date", None, low, high, text)


def test_written_date_range_with_a_short_second_end():
    a = one("2012/3/8~3/10の間に")
    assert (a["text"], a["low"], a["high"]) == ("2012/3/8~3/10", "2012-03-08", "2012-03-10")


@pytest.mark.parametrize("text, value, low, high", [
    ("7月7日以降", "--07-07", "--07-07", None), ("7月7日以前", "--07-07", None, "--07-07"),
    ("2020年以降", "2020", "2020", None), ("2020年以後", "2020", "2020", None),
])
def test_date_bounds(text, value, low, high):  # as 20人以上: the value stays the date said, the bound is set
    a = one(text + "に")
    assert (a["text"], a["kind"], a["value"], a["low"], a["high"]) == (text, "date", value, low, high)


def test_date_range_needs_a_second_date():
    assert [a["value"] for a in extract_amounts("4月1日から制度が変わる")] == ["--04-01"]
    # a date from which a count or duration follows is two amounts
    assert [a["text"] for a in extract_amounts("5月から3人増えた")] == ["5月", "3人"]


def test_backwards_range_is_two_dates():
    assert [a["value"] for a in extract_amounts("2022年から2020年に")] == ["2022", "2020"]


def test_overnight_time_range():
    a = one("午後11時から午前2時まで")
    assert (a["low"], a["high"]) == ("T23:00", "T02:00")


# ----------------------------------------------------------------- ranges take the second figure's unit
@pytest.mark.parametrize("text, low, high", [
    ("2〜3割", 20, 30), ("2から3割", 20, 30), ("2〜3割引き", 20, 30), ("2割から3割", 20, 30), ("1〜2割5分", 10, 25),
])
def test_a_range_scales_its_first_figure_like_the_second(text, low, high):
    assert span(text) == ("percent", None, low, high, "%")


def test_range_of_big_units_still_scales():
    assert span("3から5万円")[2:4] == (30000, 50000)


# ----------------------------------------------------------------- bands: 台 and 代
@pytest.mark.parametrize("text, kind, low, high, unit", [
    ("3万円台", "money", 30000, 40000, "JPY"), ("9秒台", "duration", 9, 10, "s"),
    ("3万人台", "count", 30000, 40000, "人"), ("2点台", "count", 2, 3, "点"), ("1倍台", "ratio", 1, 2, "x"),
    ("20代", "count", 20, 30, "歳"), ("10代", "count", 10, 20, "歳"), ("20代前半", "count", 20, 25, "歳"),
    ("20代後半", "count", 25, 30, "歳"), ("30代から40代", "count", 30, 50, "歳"), ("1万円台前半", "money", 10000, 15000, "JPY"),
    ("3万円代", "money", 30000, 40000, "JPY"),
])
def test_bands(text, kind, low, high, unit):
    assert span(text + "の") == (kind, None, low, high, unit)


def test_dai_of_generations_stays_a_count():
    assert span("3代続く店") == ("count", 3, None, None, "代")
    assert one("3代目の社長")["unit"] == "代目"
    assert extract_amounts("第20代の大統領") == []
    assert span("10代将軍の時代") == ("count", 10, None, None, "代")  # the 10th shogun: an office's holders


def test_dai_as_counter_of_machines_is_no_band():
    assert span("車が10万台") == ("count", 100000, None, None, "台")


# ----------------------------------------------------------------- relative dates
@pytest.mark.parametrize("text, value, unit", [
    ("3年前", -3, "y"), ("2日後", 2, "d"), ("3ヶ月前", -3, "mo"), ("2週間後", 2, "wk"), ("5分前", -5, "min"),
    ("1時間半後", 1.5, "h"), ("三年前", -3, "y"), ("2000年前", -2000, "y"),
])
def test_figure_with_mae_or_go(text, value, unit):
    assert span(text + "に") == ("relative_date", value, None, None, unit)


@pytest.mark.parametrize("text, value, unit", [
    ("今日", 0, "d"), ("昨日", -1, "d"), ("明日", 1, "d"), ("きのう", -1, "d"), ("あした", 1, "d"),
    ("おととい", -2, "d"), ("あさって", 2, "d"), ("明後日", 2, "d"), ("一昨日", -2, "d"),
    ("今週", 0, "wk"), ("先週", -1, "wk"), ("来週", 1, "wk"), ("再来週", 2, "wk"), ("先々週", -2, "wk"),
    ("今月", 0, "mo"), ("先月", -1, "mo"), ("来月", 1, "mo"), ("再来月", 2, "mo"), ("先々月", -2, "mo"),
    ("今年", 0, "y"), ("去年", -1, "y"), ("昨年", -1, "y"), ("来年", 1, "y"), ("再来年", 2, "y"),
    ("一昨年", -2, "y"), ("おととし", -2, "y"),
])
def test_deictic_date_words(text, value, unit):
    a = one(text + "の話")
    assert (a["text"], a["kind"], a["value"], a["unit"], a["approximate"]) == (text, "relative_date", value, unit,
                                                                             False)


def test_relative_span_after_a_hedge():
    # 2000年くらい前 is 2000 years ago, not the year 2000
    a = one("2000年くらい前の話")
    assert (a["text"], a["kind"], a["value"], a["unit"], a["approximate"]) == (
        "2000年くらい前", "relative_date", -2000, "y", True)
    a = one("2000年くらいに")
    assert (a["kind"], a["value"], a["approximate"]) == ("date", "2000", True)


def test_relative_bounds_follow_the_sign():
    a = one("10年以上前に")
    assert (a["value"], a["low"], a["high"]) == (-10, None, -10)
    a = one("3日以内に")  # no 前 / 後: a duration bound still
    assert (a["kind"], a["high"]) == ("duration", 3)
    a = one("約3年前に")
    assert (a["text"], a["value"], a["approximate"]) == ("約3年前", -3, True)


def test_not_relative():
    assert span("3人前の料理") == ("count", 3, None, None, "人")  # portions, not a time
    assert one("午後3時前に")["kind"] == "date"  # before a time of day: the time stays
    assert one("3年ぶりに")["kind"] == "duration"
    assert extract_amounts("この前の件") == []


# ----------------------------------------------------------------- the schema
def test_documents_with_date_ranges_and_relative_dates_validate():
    jsonschema = pytest.importorskip("jsonschema")
    text = "5月1日から3日まで、3年前、来週、19世紀、20代、2〜3割"
    amounts = [Amount.of(a, k, 0).model_dump(mode="json") for k, a in enumerate(extract_amounts(text))]
    kinds = {a["kind"] for a in amounts}
    assert {"date", "relative_date", "count", "percent"} <= kinds
    schema = json_schema()
    item = {**schema["$defs"]["Amount"], "$defs": schema["$defs"]}
    for a in amounts:
        jsonschema.validate(a, item)
