"""Speech-recognition JSON: one RawLine per segment, with its start and end in seconds.

Accepted shapes (what the common tools write):

- openai-whisper, faster-whisper, whisperX, stable-ts: ``{"text", "segments": [{"start",
  "end", "text", ...}], "language"}``, or the bare list of segments;
- whisper.cpp (``-oj``): ``{"transcription": [{"offsets": {"from", "to"}, "text"}]}``,
  offsets in milliseconds;
- Hugging Face ``pipeline(..., return_timestamps=True)``: ``{"text", "chunks":
  [{"timestamp": [start, end], "text"}]}``;
- only ``{"text": ...}``: split into lines (see `text_to_lines`).

A segment's text is kept as written except its outer whitespace: Whisper starts every
segment with a space, an artefact of its tokenizer marking a word start, not speech.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from ..chars import SENTENCE_ENDS

from .base import RawLine, RawTranscript, reader_error
from .text import text_lines

_OPEN = "「『（(［【〈《"
_CLOSE = "」』）)］】〉》"
_END = SENTENCE_ENDS


class SegmentProblem(ValueError):
    """A segment that cannot be read; `index` is 1-based, `problem` reads after "segment N"."""

    def __init__(self, index: int, problem: str):
        super().__init__(f"segment {index} {problem}")
        self.index = index
        self.problem = problem


def split_sentences(text: str) -> list[str]:
    """Split text after runs of 。！？!? outside brackets (keeping them); trim each piece.

    >>> split_sentences(" こんにちは。今日は「晴れ！」です？！ではまた")
    ['こんにちは。', '今日は「晴れ！」です？！', 'ではまた']
    """
    pieces, start, depth, i = [], 0, 0, 0
    while i < len(text):
        char = text[i]
        i += 1
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(depth - 1, 0)
        elif char in _END and depth == 0:
            while i < len(text) and text[i] in _END:
                i += 1
            pieces.append(text[start:i])
            start = i
    pieces.append(text[start:])
    return [piece.strip() for piece in pieces if piece.strip()]


def text_to_lines(text: str) -> tuple[RawLine, ...]:
    """Lines of a transcript given as one string.

    With line breaks, its physical lines as in a text file (exact, blank ones kept);
    without (Whisper joins all segments into one), one line per sentence.

    >>> [line.text for line in text_to_lines("一行目\\n二行目")]
    ['一行目', '二行目']
    >>> [line.text for line in text_to_lines(" はい。そうです。")]
    ['はい。', 'そうです。']
    """
    if "\n" in text or "\r" in text:
        return text_lines(text)
    return tuple(RawLine(n=i, text=s) for i, s in enumerate(split_sentences(text), start=1))


def _seconds(value: Any, scale: float, what: str, index: int) -> float | None:
    """`value` in seconds; a segment problem unless it is a number from 0 to float's largest
    (NaN, infinities and integers of hundreds of digits are no time)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= sys.float_info.max:
        raise SegmentProblem(index, f"has {what} {_short_repr(value)}, which is not a number of seconds")
    return value / scale


def _short_repr(value: Any) -> str:
    """`repr(value)`, cut to a readable length (JSON numbers can have thousands of digits).

    >>> _short_repr(10 ** 100)
    '1000000000000000000000000000000000000000...'
    """
    text = repr(value)
    return text if len(text) <= 40 else text[:40] + "..."


def _segment_times(segment: dict, index: int) -> tuple[float | None, float | None]:
    if "offsets" in segment and isinstance(segment["offsets"], dict):  # whisper.cpp, milliseconds
        offsets = segment["offsets"]
        return (_seconds(offsets.get("from"), 1000, '"offsets.from"', index),
                _seconds(offsets.get("to"), 1000, '"offsets.to"', index))
    if "timestamp" in segment:  # Hugging Face chunks: [start, end], end None for a cut-off chunk
        stamp = segment["timestamp"]
        if not isinstance(stamp, (list, tuple)) or len(stamp) != 2:
            raise SegmentProblem(index, f'has "timestamp" {stamp!r}, not a [start, end] pair')
        return _seconds(stamp[0], 1, '"timestamp" start', index), _seconds(stamp[1], 1, '"timestamp" end', index)
    return _seconds(segment.get("start"), 1, '"start"', index), _seconds(segment.get("end"), 1, '"end"', index)


def segment_lines(segments: list) -> tuple[RawLine, ...]:
    """One RawLine per segment, numbered from 1; raises SegmentProblem for a bad one."""
    lines = []
    for index, segment in enumerate(segments, start=1):
        if not isinstance(segment, dict):
            raise SegmentProblem(index, f"is {describe_json(segment)}, not an object")
        text = segment.get("text")
        if not isinstance(text, str):
            raise SegmentProblem(index, 'has no "text" string')
        start, end = _segment_times(segment, index)
        lines.append(RawLine(n=index, text=text.strip(), start=start, end=end))
    return tuple(lines)


def describe_json(value: Any) -> str:
    if isinstance(value, dict):
        keys = ", ".join(list(map(str, value))[:8])
        return f"an object with keys {keys}" if keys else "an empty object"
    if isinstance(value, list):
        return f"a list of {len(value)} items"
    return {str: "a string", bool: "a boolean", type(None): "null"}.get(type(value), "a number")


def container_lines(data: Any) -> tuple[RawLine, ...] | None:
    """The lines of a parsed speech-recognition document, or None if it is none of the shapes."""
    if isinstance(data, list):
        return segment_lines(data)
    if not isinstance(data, dict):
        return None
    for key in ("segments", "transcription", "chunks"):
        if isinstance(data.get(key), list) and (data[key] or not isinstance(data.get("text"), str)):
            return segment_lines(data[key])
    if isinstance(data.get("text"), str):
        return text_to_lines(data["text"])
    return None


def stated_title(data: Any) -> str | None:
    title = data.get("title") if isinstance(data, dict) else None
    return title if isinstance(title, str) and title.strip() else None


def read_whisper(text: str, path: str, sha256: str, encoding: str | None = None) -> RawTranscript:
    try:
        # a byte-order mark (in a str read without decoding it away) is no part of the JSON
        data = json.loads(text.removeprefix("\ufeff"))
    except json.JSONDecodeError as exc:
        raise reader_error("R020", path, line=exc.lineno, column=exc.colno, reason=exc.msg) from None
    try:
        lines = container_lines(data)
    except SegmentProblem as exc:
        raise reader_error("R022", path, index=exc.index, problem=exc.problem) from None
    if lines is None:
        raise reader_error("R021", path, found=describe_json(data))
    return RawTranscript(path=path, format="whisper_json", sha256=sha256, lines=lines,
                         title=stated_title(data), encoding=encoding)
