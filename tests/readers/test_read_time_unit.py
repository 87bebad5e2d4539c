"""The evidence for seconds or milliseconds, rule by rule (readers/time_unit.py)."""

import pytest

from ja_transcript.readers.time_unit import Timed, UnitUndecided, decide_unit, parse_clock, unit_evidence


def _units(timed, tool_fields=()):
    return [e.unit for e in unit_evidence(timed, tool_fields)]


@pytest.mark.parametrize("text,seconds", [
    ("00:00:03", 3.0), ("0:03", 3.0), ("01:02:03", 3723.0), ("00:00:02,400", 2.4), ("00:00:02.4", 2.4),
    ("[00:01:05]", 65.0), (" 12:34 ", 754.0), ("3", None), ("03秒", None), ("", None), ("00:00:xx", None),
    ("1" * 5000 + ":00:00", None), ("00:00:00." + "1" * 5000, None),  # no int() of thousands of digits
])
def test_display_clocks(text, seconds):
    assert parse_clock(text) == seconds


def test_display_times_agreeing_with_start_in_seconds_or_milliseconds():
    assert _units([Timed(2, 65.2, 70.0, 0, 65.0, "00:01:05")]) == ["s"]
    assert _units([Timed(2, 65200, 70000, 0, 65.0, "00:01:05")]) == ["ms"]
    # at the very start both agree: no evidence from it
    assert _units([Timed(1, 0, 1, 0, 0.0, "00:00:00")]) == []
    # a display time that agrees with neither (another clock) says nothing
    assert _units([Timed(1, 10, 11, 0, 3600.0, "01:00:00")]) == []


@pytest.mark.parametrize("chars,length,unit", [
    (20, 3.0, "s"),  # 6.7 characters a second
    (2, 6.0, "s"),  # はい over 6 s: slow, still speech
    (20, 3000, "ms"),  # 0.0067 a second as seconds, 6.7 as milliseconds
    (40, 500, "ms"),  # 80 a second as milliseconds: fast speech, yet speech
    (3, 20.0, None),  # 0.15 a second: a long silence or a very slow segment, unit unknown
])
def test_speaking_rate(chars, length, unit):
    assert _units([Timed(1, 10, 10 + length, chars)]) == ([unit] if unit else [])


def test_the_median_segment_decides_the_rate_not_an_outlier():
    timed = [Timed(1, 0.0, 2.0, 12), Timed(2, 2.0, 30.0, 1), Timed(3, 30.0, 33.0, 15)]
    assert _units(timed) == ["s"]


def test_more_than_a_day_as_seconds_is_milliseconds():
    assert _units([Timed(1, 90_000_000, 90_003_000, 0)]) == ["ms"]


def test_weak_evidence_only_when_nothing_stronger():
    untexted = [Timed(1, 0, 4000, 0), Timed(2, 4000, 9000, 0)]
    assert _units(untexted) == ["ms"]  # whole numbers, median segment 4500: 75 minutes as seconds
    assert _units([Timed(1, 0.0, 2.48, 0)]) == ["s"]  # a fraction
    assert _units([Timed(1, 0, 5, 0)], ["seek", "tokens"]) == ["s"]  # Whisper's own fields
    assert _units([Timed(1, 0, 5, 0)]) == []
    # with a speaking rate, neither whole numbers nor the tool's fields count
    assert _units([Timed(1, 0, 3120, 18)], ["seek"]) == ["ms"]


def test_decide_refuses_contradicting_or_missing_evidence():
    assert decide_unit([Timed(1, 0, 3120, 18, 0.0, "00:00:00"), Timed(2, 3120, 6480, 20, 3.0, "00:00:03")]) == "ms"
    assert decide_unit([Timed(1, None, None, 3)]) is None
    with pytest.raises(UnitUndecided, match="nothing in the file shows it"):
        decide_unit([Timed(1, 0, 5, 0)])
    with pytest.raises(UnitUndecided, match="which says seconds, but .* which says milliseconds"):
        decide_unit([Timed(1, 0, 4000, 0), Timed(2, 4000, 9000, 0)], ["seek"])
