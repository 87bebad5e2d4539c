"""Seconds or milliseconds: the unit of a transcript's numeric ``start`` / ``end`` times.

Tools write segment times under the same names in different units: openai-whisper,
faster-whisper, WhisperX and Hugging Face in seconds, whisper.cpp's ``offsets`` and many
podcast and editing tools in milliseconds. Read as seconds, milliseconds put a 20-minute
episode at two weeks; read as milliseconds, seconds squeeze it into 1.2 s. Where the
names say the unit (``offsets``, ``start_ms``, a Hugging Face ``timestamp`` pair) the
readers take it from them; for ``start`` / ``end`` `decide_unit` weighs what the times
themselves show, and refuses to guess when that is not enough.

Evidence that decides (any of these; if they disagree, the unit is not decided):

- a display time the segment also carries (``"timestamp": "00:00:03"``) agrees with
  ``start`` read as seconds, or with ``start`` / 1000 (within a second: displays are often
  cut to whole seconds; a segment at the very start agrees with both and says nothing);
- the speaking rate: read as seconds, the median segment says ``SPOKEN_RATE`` characters
  a second or more (people speak 5 to 10 Japanese characters a second, 15 Latin ones),
  or ``MS_RATE`` or fewer, which is a speaking rate only in milliseconds;
- a time of more than a day (``MAX_SECONDS``) read as seconds: only milliseconds.

Evidence that decides only when none of the above does:

- the segments carry Whisper's own fields (``seek``, ``tokens``, ``avg_logprob`` ...) or
  WhisperX's alignment scores, which those tools write in seconds;
- every time is a whole number and the median segment lasts ``MIN_MS_SEGMENT`` or more:
  a segment of 100 s or more is unusual, of 100 ms or more is any segment;
- some time has a fraction (2.48): the tools that write milliseconds write whole numbers.

A file can also say it: a top-level ``"time_unit": "s"`` or ``"ms"`` wins over all of this
(it is what the message about an undecided unit asks for).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median
from typing import Sequence

UNIT_NAMES = {"s": "seconds", "ms": "milliseconds"}

SPOKEN_RATE = 0.3  # characters a second: slower than this is silence more than speech
MS_RATE = 0.08  # ... and this, times 1000, is 80 a second: still fast speech, in milliseconds
MAX_SECONDS = 86_400.0  # a day: no transcript is longer
MIN_MS_SEGMENT = 100  # a median segment of 100 units or more, in whole numbers: milliseconds
DISPLAY_TOLERANCE = 1.0  # seconds: display times are often cut to whole seconds

_CLOCK = re.compile(r"\[?\s*(?:(\d{1,6}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,9}))?\s*\]?")


def parse_clock(text: str) -> float | None:
    """Seconds of a display time ("00:01:05", "1:05", "00:00:02,400", "[00:03]"), or None.

    >>> parse_clock("00:01:05"), parse_clock("1:05.5"), parse_clock("00:00:02,400"), parse_clock("三分")
    (65.0, 65.5, 2.4, None)
    """
    match = _CLOCK.fullmatch(text.strip())
    if not match:
        return None
    hours, minutes, seconds, fraction = match.groups()
    value = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return value + (int(fraction) / 10 ** len(fraction) if fraction else 0.0)


@dataclass(frozen=True)
class Timed:
    """What a segment shows about the unit of its ``start`` / ``end``."""

    index: int  # 1-based segment number
    start: float | None  # as written
    end: float | None
    chars: int  # characters of its text, spaces not counted
    display: float | None = None  # seconds, from a display time it carries
    display_text: str = ""  # that display time as written


@dataclass(frozen=True)
class Evidence:
    unit: str  # "s" | "ms"
    why: str  # for a human: what in the file shows it


class UnitUndecided(ValueError):
    """The evidence is missing or contradicts itself; `evidence` says what was found."""

    def __init__(self, evidence: str):
        super().__init__(evidence)
        self.evidence = evidence


def _number(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _display_evidence(timed: Sequence[Timed]) -> list[Evidence]:
    agree: dict[str, Timed] = {}
    for t in timed:
        if t.display is None or t.start is None:
            continue
        as_s = abs(t.start - t.display) <= DISPLAY_TOLERANCE
        as_ms = abs(t.start / 1000 - t.display) <= DISPLAY_TOLERANCE
        if as_s != as_ms:
            agree.setdefault("s" if as_s else "ms", t)
    out = []
    for unit, t in agree.items():
        reading = f'"start" {_number(t.start)}' if unit == "s" else f'"start" {_number(t.start)} / 1000'
        out.append(Evidence(unit, f"segment {t.index}'s display time {t.display_text!r} agrees with {reading}"))
    return out


def _rate_evidence(timed: Sequence[Timed]) -> list[Evidence]:
    rates = [t.chars / (t.end - t.start) for t in timed
             if t.chars and t.start is not None and t.end is not None and t.end > t.start]
    if not rates:
        return []
    rate = median(rates)
    if rate >= SPOKEN_RATE:
        return [Evidence("s", f"read as seconds, the median segment says {rate:.3g} characters a second")]
    if rate <= MS_RATE:
        return [Evidence("ms", f"read as seconds, the median segment says {rate:.2g} characters a second, "
                               f"as milliseconds {rate * 1000:.3g}")]
    return []


def _magnitude_evidence(timed: Sequence[Timed]) -> list[Evidence]:
    top = max((v for t in timed for v in (t.start, t.end) if v is not None), default=0)
    if top > MAX_SECONDS:
        return [Evidence("ms", f"the latest time, {_number(top)}, is {top / 3600:.0f} hours as seconds")]
    return []


def _whole_number_evidence(timed: Sequence[Timed]) -> list[Evidence]:
    values = [v for t in timed for v in (t.start, t.end) if v is not None]
    if not values:
        return []
    fractional = next((v for v in values if v != int(v)), None)
    if fractional is not None:
        return [Evidence("s", f"times have fractions ({_number(fractional)}), which tools writing "
                              "milliseconds do not write")]
    lengths = [t.end - t.start for t in timed if t.start is not None and t.end is not None and t.end > t.start]
    if lengths and median(lengths) >= MIN_MS_SEGMENT:
        return [Evidence("ms", f"every time is a whole number and the median segment lasts "
                               f"{_number(median(lengths))}, {median(lengths) / 60:.0f} minutes as seconds")]
    return []


def unit_evidence(timed: Sequence[Timed], tool_fields: Sequence[str] = ()) -> list[Evidence]:
    """The evidence that decides (display times, speaking rate, magnitude), or when there is
    none, the evidence that decides only then (the tool's fields, whole numbers, fractions).

    >>> [e.unit for e in unit_evidence([Timed(1, 3120, 6480, 18, 3.0, "00:00:03")])]
    ['ms', 'ms']
    >>> [e.unit for e in unit_evidence([Timed(1, 0.0, 2.4, 12)])]
    ['s']
    >>> [e.unit for e in unit_evidence([Timed(1, 0, 5, 0)], tool_fields=["seek"])]
    ['s']
    """
    strong = _display_evidence(timed) + _rate_evidence(timed) + _magnitude_evidence(timed)
    if strong:
        return strong
    weak = _whole_number_evidence(timed)
    if tool_fields:
        weak.append(Evidence("s", f"the segments carry the tool's own fields ({', '.join(tool_fields)}), "
                                  "which it writes in seconds"))
    return weak


def decide_unit(timed: Sequence[Timed], tool_fields: Sequence[str] = ()) -> str | None:
    """"s" or "ms" for these segments' times, None if none has a time; raises UnitUndecided
    when the evidence is missing or points both ways.

    >>> decide_unit([Timed(1, 0.0, 2.4, 12), Timed(2, 2.4, 5.0, 12)])
    's'
    >>> decide_unit([Timed(1, 0, 3120, 18, 0.0, "00:00:00"), Timed(2, 3120, 6480, 20, 3.0, "00:00:03")])
    'ms'
    >>> decide_unit([Timed(1, None, None, 5)]) is None
    True
    >>> decide_unit([Timed(1, 0, 5, 0)])
    Traceback (most recent call last):
    ...
    ja_transcript.readers.time_unit.UnitUndecided: nothing in the file shows it (no display times, no text to measure a speaking rate by, times that could be either)
    """
    if all(t.start is None and t.end is None for t in timed):
        return None
    evidence = unit_evidence(timed, tool_fields)
    units = {e.unit for e in evidence}
    if len(units) == 1:
        return units.pop()
    if not units:
        raise UnitUndecided("nothing in the file shows it (no display times, no text to measure a speaking "
                            "rate by, times that could be either)")
    sides = ["; ".join(e.why for e in evidence if e.unit == unit) + f", which says {UNIT_NAMES[unit]}"
             for unit in ("s", "ms")]
    raise UnitUndecided(", but ".join(sides))
