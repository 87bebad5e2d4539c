"""Speech-recognition JSON: one RawLine per segment, with its start and end in seconds.

The shapes the common tools write, told apart by their content (each is the `source.format`
of what it gives):

- ``whisper_json``: openai-whisper's ``transcribe`` (and stable-ts): ``{"text", "segments":
  [{"id", "seek", "start", "end", "text", "tokens", "temperature", "avg_logprob",
  "compression_ratio", "no_speech_prob", "words"?}], "language"}``; faster-whisper's segments
  as its users save them (``[s._asdict() for s in segments]``: the same fields, ``words`` as
  [start, end, word, probability] lists), alone or under "segments"; any other list of
  ``{"start", "end", "text"}`` segments; or only ``{"text": ...}`` (see `text_to_lines`);
- ``whisper_cpp_json``: whisper.cpp ``--output-json``: ``{"systeminfo", "model", "params",
  "result", "transcription": [{"timestamps": {"from", "to"}, "offsets": {"from", "to"},
  "text", "speaker"?}]}``, offsets in milliseconds;
- ``whisperx_json``: WhisperX: ``{"segments": [{"start", "end", "text", "words": [{"word",
  "start", "end", "score", "speaker"?}], "speaker"?}], "word_segments", "language"}``; its
  alignment's ``score`` on words, or ``word_segments``, marks it;
- ``hf_chunks``: Hugging Face ``pipeline("automatic-speech-recognition",
  return_timestamps=True)``: ``{"text", "chunks": [{"timestamp": [start, end], "text"}]}``,
  in seconds, the end null for a chunk cut off;
- ``podcast_json``: segments with a ``speaker`` and none of the tools' marks above (exports of
  podcast hosting and editing tools), often in milliseconds, with a display time
  (``"timestamp": "00:00:03"``) beside the numbers.

The exports of cloud services (AssemblyAI, Deepgram, Google, Amazon) are read by `cloud.py`.

A segment's text is kept as written except its outer whitespace: Whisper starts every
segment with a space, an artefact of its tokenizer marking a word start, not speech. Its
``speaker`` (a name or a number) is the line's speaker; whisper.cpp's "?" (it could not
tell) is none.

Times are numbers, 0 or more, or null; an end before its start is refused. The unit of
``start`` / ``end`` is decided from evidence (`time_unit.decide_unit`, which refuses to
guess) unless the file says it (``"time_unit": "s"`` or ``"ms"`` at the top); whisper.cpp's
``offsets`` and ``start_ms`` / ``end_ms`` are milliseconds and a Hugging Face ``timestamp``
pair is seconds by their names. The unit found is `RawTranscript.time_unit`.
"""

from __future__ import annotations

import json
import sys
from typing import Any, NamedTuple

from ..chars import SENTENCE_ENDS

from .base import TIME_UNITS, RawLine, RawTranscript, reader_error
from .text import text_lines
from .time_unit import Timed, UnitUndecided, decide_unit, parse_clock

_OPEN = "「『（(［【〈《"
_CLOSE = "」』）)］】〉》"
_END = SENTENCE_ENDS


class SegmentProblem(ValueError):
    """A segment that cannot be read; `index` is 1-based, `problem` reads after "segment N"."""

    def __init__(self, index: int, problem: str):
        super().__init__(f"segment {index} {problem}")
        self.index = index
        self.problem = problem


class TimeProblem(ValueError):
    """Times that cannot be read: the catalogue's `code` (R023-R026) and the fields of its message
    but the path and where in it (the reader knows those)."""

    def __init__(self, code: str, **fields: object):
        super().__init__(code)
        self.code = code
        self.fields = fields

    def error(self, path: str, line: int | None = None):
        """The reader error, for a file (`line` None) or one line of a JSON Lines file."""
        at = "" if line is None else f", line {line}"
        return reader_error(self.code, path, line=line, at=at, **self.fields)


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


def _short_repr(value: Any) -> str:
    """`repr(value)`, cut to a readable length (JSON numbers can have thousands of digits).

    >>> _short_repr(10 ** 100)
    '1000000000000000000000000000000000000000...'
    """
    text = repr(value)
    return text if len(text) <= 40 else text[:40] + "..."


def _time(value: Any, what: str, index: int) -> int | float | None:
    """`value` as written if it is a time: a number from 0 to float's largest (NaN, infinities
    and integers of hundreds of digits are no time), or None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= sys.float_info.max:
        raise TimeProblem("R023", index=index, what=what, value=_short_repr(value))
    return value


# How a segment gives its times: (start key, end key, unit by name or None for evidence).
_OFFSETS = ('"offsets.from"', '"offsets.to"', "ms")  # whisper.cpp
_MS_KEYS = ('"start_ms"', '"end_ms"', "ms")
_START_END = ('"start"', '"end"', None)
_PAIR = ('"timestamp" start', '"timestamp" end', "s")  # Hugging Face
_DISPLAY_KEYS = ("timestamp", "time", "timecode", "start_time")  # a display time beside "start"


class _Segment(NamedTuple):
    index: int
    text: str
    speaker: str | None
    keys: tuple[str, str, str | None]
    start: int | float | None  # as written
    end: int | float | None
    display: str | None  # a display time as written, beside "start" / "end"
    scores: tuple | None = None  # Whisper's no_speech_prob, avg_logprob, compression_ratio


def _raw_times(segment: dict, index: int) -> tuple[tuple[str, str, str | None], Any, Any]:
    """Which keys give the segment's times, and their values (unchecked)."""
    offsets = segment.get("offsets")
    if isinstance(offsets, dict):
        return _OFFSETS, offsets.get("from"), offsets.get("to")
    if "start_ms" in segment or "end_ms" in segment:
        return _MS_KEYS, segment.get("start_ms"), segment.get("end_ms")
    if "start" in segment or "end" in segment:
        return _START_END, segment.get("start"), segment.get("end")
    stamp = segment.get("timestamp")
    if isinstance(stamp, (list, tuple)):
        if len(stamp) != 2:
            raise SegmentProblem(index, f'has "timestamp" {_short_repr(stamp)}, not a [start, end] pair')
        return _PAIR, stamp[0], stamp[1]
    if stamp is not None and not isinstance(stamp, str):
        raise SegmentProblem(index, f'has "timestamp" {_short_repr(stamp)}, neither a [start, end] pair '
                                    'nor a display time')
    return _START_END, None, None


def _speaker(segment: dict, index: int, shape: str) -> str | None:
    value = segment.get("speaker")
    if value is None:
        return None
    if isinstance(value, str):
        name = value.strip()
        return None if not name or (shape == "whisper_cpp_json" and name == "?") else name
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise SegmentProblem(index, f'has "speaker" {_short_repr(value)}, which is no name: give a string or a number')


def _read_segment(segment: Any, index: int, shape: str) -> _Segment:
    if not isinstance(segment, dict):
        raise SegmentProblem(index, f"is {describe_json(segment)}, not an object")
    text = segment.get("text")
    if not isinstance(text, str):
        raise SegmentProblem(index, 'has no "text" string')
    keys, start, end = _raw_times(segment, index)
    start, end = _time(start, keys[0], index), _time(end, keys[1], index)
    if start is not None and end is not None and end < start:
        raise TimeProblem("R024", index=index, start_key=keys[0], start=_short_repr(start), end_key=keys[1],
                          end=_short_repr(end))
    display = None
    if keys is _START_END:
        display = next((segment[k] for k in _DISPLAY_KEYS if isinstance(segment.get(k), str)), None)
    return _Segment(index, text.strip(), _speaker(segment, index, shape), keys, start, end, display,
                    _scores(segment))


def _scores(segment: Any) -> tuple | None:
    """Whisper's scores of a segment, each a number or None; None when it has none."""
    if not isinstance(segment, dict):
        return None
    found = tuple(v if isinstance(v, (int, float)) and not isinstance(v, bool) and v == v else None
                  for v in (segment.get(k) for k in ("no_speech_prob", "avg_logprob", "compression_ratio")))
    return found if any(v is not None for v in found) else None


_WHISPER_FIELDS = ("seek", "tokens", "temperature", "avg_logprob", "compression_ratio", "no_speech_prob")


def _scored_words(segment: Any) -> bool:
    words = segment.get("words") if isinstance(segment, dict) else None
    return isinstance(words, list) and any(isinstance(w, dict) and "score" in w for w in words)


def segments_shape(data: Any, key: str | None, segments: list) -> str:
    """The `source.format` of a document whose segments are `segments` (under `key`)."""
    if key == "transcription":
        return "whisper_cpp_json"
    if key == "chunks":
        return "hf_chunks"
    if isinstance(data, dict) and "word_segments" in data or any(_scored_words(s) for s in segments):
        return "whisperx_json"
    objects = [s for s in segments if isinstance(s, dict)]
    if any(field in s for s in objects for field in _WHISPER_FIELDS):
        return "whisper_json"
    if any(s.get("speaker") is not None for s in objects):
        return "podcast_json"
    return "whisper_json"


def _tool_fields(data: Any, shape: str, segments: list) -> list[str]:
    """The fields of a tool that writes "start" / "end" in seconds, as found in the document."""
    if shape == "whisperx_json":
        return ["word_segments" if isinstance(data, dict) and "word_segments" in data else "word scores"]
    found = {field for s in segments if isinstance(s, dict) for field in _WHISPER_FIELDS if field in s}
    return [field for field in _WHISPER_FIELDS if field in found]


def _declared_unit(data: Any) -> str | None:
    value = data.get("time_unit") if isinstance(data, dict) else None
    if value is None:
        return None
    if value not in TIME_UNITS:
        raise TimeProblem("R026", value=_short_repr(value))
    return value


def _fix(data: Any, record: bool) -> str:
    option = "or give the run --time-unit ms (or s) for every file whose times do not say their unit"
    if not isinstance(data, dict):
        return f'wrap the list as {{"time_unit": "ms", "segments": [...]}} (or "s"), {option}'
    where = "that line's object" if record else "the top-level object"
    return f'add "time_unit": "ms" (or "time_unit": "s") to {where}, {option}'


class Parsed(NamedTuple):
    lines: tuple[RawLine, ...]
    format: str  # the shape: one of base.JSON_SHAPES
    time_unit: str | None  # of the times as written: "s", "ms", or None without any


def parse_segments(data: Any, key: str | None, segments: list, record: bool = False,
                   time_unit: str | None = None) -> Parsed:
    """The lines of `segments`, times in seconds; raises SegmentProblem or TimeProblem.

    `time_unit` ("s" or "ms"), when given, is the unit of ``start`` / ``end`` instead of the
    one the evidence would decide (the file's own "time_unit" still wins: it is about this
    file); units the keys name (whisper.cpp's offsets, ``start_ms``) are not changed by it.
    """
    shape = segments_shape(data, key, segments)
    declared = _declared_unit(data) or time_unit
    read = [_read_segment(segment, index, shape) for index, segment in enumerate(segments, start=1)]
    by_evidence = [s for s in read if s.keys[2] is None and (s.start is not None or s.end is not None)]
    named = {s.keys[2] for s in read if s.keys[2] is not None and (s.start is not None or s.end is not None)}
    unit = declared
    if by_evidence and unit is None:
        timed = [Timed(s.index, s.start, s.end, sum(not c.isspace() for c in s.text),
                       parse_clock(s.display) if s.display else None, s.display or "") for s in by_evidence]
        try:
            unit = decide_unit(timed, _tool_fields(data, shape, segments))
        except UnitUndecided as exc:
            raise TimeProblem("R025", evidence=exc.evidence, fix=_fix(data, record)) from None
    scale = {"s": 1, "ms": 1000}
    lines = []
    for s in read:
        factor = scale[s.keys[2] or unit] if s.start is not None or s.end is not None else 1
        lines.append(RawLine(n=s.index, text=s.text, start=None if s.start is None else _seconds(s.start, factor),
                             end=None if s.end is None else _seconds(s.end, factor), speaker=s.speaker,
                             asr_scores=s.scores))
    recorded = (unit if by_evidence else None) or (named.pop() if len(named) == 1 else None)
    return Parsed(tuple(lines), shape, recorded)


def _seconds(value: int | float, factor: int) -> int | float:
    return value if factor == 1 else value / factor


def describe_json(value: Any) -> str:
    if isinstance(value, dict):
        keys = ", ".join(list(map(str, value))[:8])
        return f"an object with keys {keys}" if keys else "an empty object"
    if isinstance(value, list):
        return f"a list of {len(value)} items"
    return {str: "a string", bool: "a boolean", type(None): "null"}.get(type(value), "a number")


_SEGMENT_KEYS = ("segments", "transcription", "chunks")


def parse_container(data: Any, record: bool = False, time_unit: str | None = None) -> Parsed | None:
    """The lines of a parsed speech-recognition document, or None if it is none of the shapes;
    raises SegmentProblem or TimeProblem (a `cloud.ExportProblem` for a cloud service's
    export) for a segment, field or times that cannot be read. `record`: `data` is a line of
    a JSON Lines file (for the messages). `time_unit`: see `parse_segments`."""
    from .cloud import parse_service, service_of  # cloud builds on this module's helpers

    if isinstance(data, list):
        return parse_segments(data, None, data, record, time_unit)
    if not isinstance(data, dict):
        return None
    for key in _SEGMENT_KEYS:
        if isinstance(data.get(key), list) and (data[key] or not isinstance(data.get("text"), str)):
            return parse_segments(data, key, data[key], record, time_unit)
    service = service_of(data)
    if service is not None:
        return parse_service(data, service)
    if isinstance(data.get("text"), str):
        return Parsed(text_to_lines(data["text"]), "whisper_json", None)
    return None


def stated_title(data: Any) -> str | None:
    title = data.get("title") if isinstance(data, dict) else None
    return title if isinstance(title, str) and title.strip() else None


def read_whisper(text: str, path: str, sha256: str, encoding: str | None = None,
                 time_unit: str | None = None) -> RawTranscript:
    try:
        # a byte-order mark (in a str read without decoding it away) is no part of the JSON
        data = json.loads(text.removeprefix("\ufeff"))
    except json.JSONDecodeError as exc:
        raise reader_error("R020", path, line=exc.lineno, column=exc.colno, reason=exc.msg) from None
    try:
        parsed = parse_container(data, time_unit=time_unit)
    except SegmentProblem as exc:
        raise reader_error("R022", path, index=exc.index, problem=exc.problem) from None
    except TimeProblem as exc:
        raise exc.error(path) from None
    if parsed is None:
        raise reader_error("R021", path, found=describe_json(data))
    return RawTranscript(path=path, format=parsed.format, sha256=sha256, lines=parsed.lines,
                         title=stated_title(data), encoding=encoding, time_unit=parsed.time_unit)
