"""Every numeral case of five peer suites (cases/numeral_suites.json), bare and in sentences.

A case marked `convention` is read as its `ours` says, for the reason it gives; every other
case must pass as the suite states it.
"""

import json
from pathlib import Path

import pytest

from ja_transcript.extract.amounts import extract_amounts
from ja_transcript.extract.numerals import NumeralError, parse_numeral, parse_numeral_range

CASES = json.loads((Path(__file__).parent / "cases" / "numeral_suites.json").read_text("utf-8"))["cases"]
# a figure said with a counter, inside a sentence: (template, counter, unit as extracted)
CONTEXTS = [("価格は{}円だった。", "円", "JPY"), ("参加者は{}人だった。", "人", "人"),
            ("報告によると{}人が参加したらしい。", "人", "人")]


def _id(case):
    return f"{case['suite'].split('/')[1]}:{case['kind']}:{case['input']}"


def _of(*kinds):
    return [pytest.param(c, id=_id(c)) for c in CASES if c["kind"] in kinds]


def _reading(case):
    """What this project gives for the case: the suite's value, or `ours` where the case says so."""
    if "convention" in case:
        return case["ours"]
    return "error" if case["kind"] == "error" else case.get("value")


def test_the_case_file_covers_every_suite():
    suites = {c["suite"] for c in CASES}
    assert suites == {"geolonia/japanese-numeral", "twada/japanese-numerals-to-number", "nagataaaas/Kanjize",
                      "takumakanari/japanese-numbers-python", "tkscode/pyNormalizeNumExp"}
    assert all(c["licence"] in ("MIT", "BSD-3-Clause") and c["file"] for c in CASES)
    conventions = [c for c in CASES if "convention" in c] + [
        e for c in CASES for e in c.get("expected", []) if "convention" in e]
    assert len(conventions) <= 12, "convention differences are the exception: keep each explicit"


@pytest.mark.parametrize("case", _of("numeral", "error"))
def test_bare(case):
    expected = _reading(case)
    if expected == "error":
        with pytest.raises(NumeralError) as err:
            parse_numeral(case["input"])
        message = str(err.value)
        assert repr(case["input"]) in message or case["input"] is None or not case["input"].strip(), message
        return
    value = parse_numeral(case["input"])
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize("case", _of("vague"))
def test_bare_vague(case):
    assert parse_numeral_range(case["input"]) == (case["low"], case["high"])
    with pytest.raises(NumeralError, match="vague digit"):
        parse_numeral(case["input"])


@pytest.mark.parametrize("case", [c for c in _of("numeral", "error") if "spoken" in c.values[0]])
def test_neighbouring_digits_in_speech(case):
    """A case marked `spoken` is, with a counter in a sentence, the range its `spoken` says."""
    for template, counter, unit in CONTEXTS:
        sentence = template.format(case["input"])
        [a] = extract_amounts(sentence)
        assert a["text"] == case["input"] + counter, (sentence, a)
        assert (a["value"], [a["low"], a["high"]], a["approximate"]) == (None, case["spoken"], True), (sentence, a)


@pytest.mark.parametrize("case", [c for c in _of("numeral", "vague") if "spoken" not in c.values[0]])
def test_in_context(case):
    expected = _reading(case)
    if expected == "error":
        return test_refused_in_context(case)
    for template, counter, unit in CONTEXTS:
        sentence = template.format(case["input"])
        amounts = extract_amounts(sentence)
        assert len(amounts) == 1, (sentence, amounts)
        a = amounts[0]
        assert a["text"] == case["input"] + counter and a["unit"] == unit, (sentence, a)
        assert sentence[a["start"]:a["end"]] == a["text"]
        if case["kind"] == "vague":
            assert (a["value"], a["low"], a["high"], a["approximate"]) == (None, case["low"], case["high"], True)
        else:
            assert a["value"] == expected and type(a["value"]) is type(expected), (sentence, a)


@pytest.mark.parametrize("case", _of("error"))
def test_refused_in_context(case):
    """A malformed numeral is not read as one figure: no amount spans it."""
    if not case["input"] or "convention" in case or "spoken" in case:
        return
    for template, _, _ in CONTEXTS:
        sentence = template.format(case["input"])
        assert not [a for a in extract_amounts(sentence) if case["input"] in a["text"]], sentence


def _found(amounts, start, end, item) -> bool:
    """An amount overlapping [start, end) says the item's value (as its value, an end of its
    range, a field of its date, or the size of a relative date's signed offset: 二千年前 is
    -2000 y) or its low..high."""
    for a in amounts:
        if not (a["start"] < end and start < a["end"]):
            continue
        said = [a["value"], a["low"], a["high"]]
        if a["kind"] == "relative_date":
            said = [abs(x) for x in said if isinstance(x, (int, float))]
        if "low" in item:
            if (a["low"], a["high"]) == (item["low"], item["high"]):
                return True
        elif item["value"] in said:
            return True
        elif a["kind"] == "date" and item["value"] in [int(p) for p in a["value"].replace("T", "-").split("-") if p]:
            return True
    return False


@pytest.mark.parametrize("case", _of("text"))
def test_numbers_in_text(case):
    text = case["input"]
    amounts = extract_amounts(text)
    if not case["expected"]:
        assert amounts == [], amounts
        return
    pos = 0
    for item in case["expected"]:
        start = text.index(item["text"], pos)
        pos = end = start + len(item["text"])
        found = _found(amounts, start, end, item)
        assert found != ("convention" in item), (item, amounts)
