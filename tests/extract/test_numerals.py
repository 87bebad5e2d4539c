"""Numeral parsing: every written shape, errors, the shared numeral cases, and properties."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from ja_transcript.extract.numerals import NumeralError, parse_numeral, parse_numeral_range

SHARED = Path(__file__).resolve().parents[2].parent / "shared"  # the project's reference data, beside the checkout
KANJI_CASES = (SHARED / "eval/numbers/kanji_numeral_cases.json")


@pytest.mark.parametrize("text, value", [
    ("0", 0), ("123", 123), ("１２３", 123), ("1,000", 1000), ("１，０００", 1000), ("12,345,678", 12345678),
    ("3.5", 3.5), ("０．２５", 0.25), ("百二十三", 123), ("三〇八", 308), ("二千二十", 2020), ("二〇二五", 2025),
    ("十", 10), ("十一", 11), ("百", 100), ("千十", 1010), ("一千", 1000), ("百八", 108), ("千二三四", 1234),
    ("百万", 1000000), ("二億五千万", 250000000), ("三億八", 300000008), ("百兆三", 100000000000003),
    ("壱弐参", 123), ("弐拾参", 23), ("壱萬", 10000), ("参拾萬", 300000), ("壱阡陌拾壱", 1111),
    ("3億4千8百万", 348000000), ("3兆2000億", 3200000000000), ("1.5億", 150000000), ("4千８百", 4800),
    ("2百23", 223), ("12千345", 12345), ("250.32千", 250320), ("9.3万", 93000), ("1億2500万", 125000000),
    ("-5", -5), ("マイナス百", -100), ("＋3", 3), ("1無量大数", 10**68), ("一恒河沙", 10**52),
])
def test_parse_numeral(text, value):
    assert parse_numeral(text) == value
    assert type(parse_numeral(text)) is type(value)


@pytest.mark.parametrize("text", [
    "", "   ", "千千", "万万", "一億万", "十百千", "三五十", "二十五十", "八百五百", "四万三億二兆", "1万10千",
    "1万0万", "1億-2万", "千2e1", "三あ八", "1,00", "1.2.3", ".5", "5.", "一2", "-", "数十", "何兆", "〇千",
    "万", "億千万", "一十", "一百", "〇〇", "十〇", "２００７20", "1億12345万",
])
def test_invalid_numerals_are_rejected(text):
    with pytest.raises(NumeralError):
        parse_numeral(text)


def test_error_message_says_what_and_where():
    with pytest.raises(NumeralError, match=r"unexpected character 'あ' at position 1 in '三あ八'"):
        parse_numeral("三あ八")
    with pytest.raises(NumeralError, match="needs a number before it"):
        parse_numeral("一億万")
    assert issubclass(NumeralError, ValueError)


@pytest.mark.parametrize("text, low, high", [
    ("数千", 1000, 9000), ("数百億", 10**10, 9 * 10**10), ("十数", 11, 19), ("数十", 10, 90),
    ("百数十", 110, 190), ("何十", 10, 90), ("百何十億", 11 * 10**9, 19 * 10**9), ("何兆", 10**12, 9 * 10**12),
    ("二十数", 21, 29), ("数十万", 10**5, 9 * 10**5), ("十数万", 110000, 190000), ("幾千", 1000, 9000),
    ("数", 1, 9), ("40億", 4 * 10**9, 4 * 10**9), ("マイナス数十", -90, -10),
])
def test_vague_ranges(text, low, high):
    assert parse_numeral_range(text) == (low, high)


def test_vague_digit_not_in_a_digit_run():
    with pytest.raises(NumeralError):
        parse_numeral_range("三数")


def test_shared_numeral_cases():
    """At least 99% of kanji2number right and every *_error case rejected."""
    if not KANJI_CASES.exists():
        pytest.skip("the reference data (shared/eval/numbers) is not beside this checkout")
    cases = json.loads(KANJI_CASES.read_text("utf-8"))
    todo = [c for c in cases if c["kind"] == "kanji2number"]
    wrong = []
    for c in todo:
        try:
            if parse_numeral(c["input"]) != int(c["expected"]):
                wrong.append(c["input"])
        except NumeralError:
            wrong.append(c["input"])
    assert len(todo) - len(wrong) >= 0.99 * len(todo), wrong
    accepted = []
    for c in cases:
        if c["kind"].endswith("_error"):
            try:
                parse_numeral(c["input"])
                accepted.append(c["input"])
            except NumeralError:
                pass
    assert not accepted


def test_shared_number2kanji_cases_read_back():
    if not KANJI_CASES.exists():
        pytest.skip("the reference data (shared/eval/numbers) is not beside this checkout")
    cases = json.loads(KANJI_CASES.read_text("utf-8"))
    for c in cases:
        if c["kind"] == "number2kanji":
            assert parse_numeral(c["expected"]) == int(c["input"])


# ----------------------------------------------------------------- properties
_DIGITS = "〇一二三四五六七八九"
_BIG = [(10**16, "京"), (10**12, "兆"), (10**8, "億"), (10**4, "万")]


def to_kanji(n: int) -> str:
    """Plain kanji rendering (千二百三十四万五千六), for the round trip."""
    if n == 0:
        return "〇"
    out = []
    for size, name in _BIG + [(1, "")]:
        part, n = divmod(n, size)
        if part:
            out.append(_small_kanji(part) + name)
    return "".join(out)


def _small_kanji(n: int) -> str:
    out = []
    for size, name in ((1000, "千"), (100, "百"), (10, "十")):
        d, n = divmod(n, size)
        if d:
            out.append(("" if d == 1 else _DIGITS[d]) + name)
    if n:
        out.append(_DIGITS[n])
    return "".join(out)


def to_mixed(n: int) -> str:
    """Arabic groups with kanji myriads, as in news text (3億4500万)."""
    if n == 0:
        return "0"
    out = []
    for size, name in _BIG + [(1, "")]:
        part, n = divmod(n, size)
        if part:
            out.append(f"{part}{name}")
    return "".join(out)


@given(st.integers(min_value=0, max_value=10**20))
def test_arabic_round_trip(n):
    assert parse_numeral(str(n)) == n
    assert parse_numeral(f"{n:,}") == n
    assert parse_numeral(str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))) == n


@given(st.integers(min_value=0, max_value=10**20 - 1))
def test_kanji_round_trip(n):
    assert parse_numeral(to_kanji(n)) == n
    assert parse_numeral(to_mixed(n)) == n


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=99))
def test_decimals(whole, frac):
    assert parse_numeral(f"{whole}.{frac:02d}") == pytest.approx(whole + frac / 100)


@settings(max_examples=300)
@given(st.text(alphabet="〇一二三四五六七八九十百千万億兆数何0123456789.,あ-", max_size=8))
def test_only_numeral_errors(s):
    """Any string either parses or raises NumeralError, and ranges are ordered."""
    try:
        low, high = parse_numeral_range(s)
    except NumeralError:
        return
    assert low <= high


def test_a_digit_run_longer_than_any_place_is_no_numeral():
    # 5000 digits: past Python's int-from-str limit (a ValueError, not a NumeralError, before);
    # 320: an int past float's range (the document's float(value) overflowed)
    from ja_transcript.extract.numerals import MAX_DIGITS, NumeralError, parse_numeral

    for text in ("7" * 5000, "9" * 320, "0." + "0" * 4400 + "1", "一" * 400):
        with pytest.raises(NumeralError, match="digits is not a numeral|than 72 digits"):
            parse_numeral(text)
    assert parse_numeral("9" * MAX_DIGITS) == int("9" * MAX_DIGITS) == 10**72 - 1
    assert parse_numeral("9999無量大数") == 9999 * 10**68  # the largest place named, exactly
    for text in ("9" * MAX_DIGITS + "無量大数", "10000無量大数"):  # 10^72 and past
        with pytest.raises(NumeralError, match="too large"):
            parse_numeral(text)


def test_amounts_of_figures_no_one_says_are_left_out():
    from ja_transcript.extract.amounts import extract_amounts

    for figure in ("9" * 320, "7" * 5000):
        assert extract_amounts(f"価格は{figure}円らしい") == []
    assert extract_amounts("価格は3000円らしい")[0]["value"] == 3000
