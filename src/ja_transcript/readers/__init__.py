"""Read transcripts: plain text, SRT, WebVTT, speech-recognition JSON and JSON Lines, in any common encoding.

Speech-recognition JSON is read in the shapes openai-whisper, faster-whisper, whisper.cpp,
WhisperX, the Hugging Face pipeline and podcast tools write (`whisper.py`), and in those
of the cloud services AssemblyAI, Deepgram, Google Speech-to-Text and Amazon Transcribe
(`cloud.py`), told apart by content; the format "whisper_json" reads any of them, and the
transcript's `format` names the shape found (`SOURCE_FORMATS`).

    >>> result = read_bytes("タイトル\\r\\nこんにちは。\\r\\n".encode("cp932"), "ep1.txt")
    >>> [(line.n, line.text) for line in result.transcripts[0].lines]
    [(1, 'タイトル'), (2, 'こんにちは。')]

Errors are returned, not raised: `read_bytes` and `read_path` give a `ReadResult` whose
`errors` hold a `TranscriptError` per input (or JSON Lines line) that could not be read,
each naming it and saying what to do; `ReadResult.check()` raises the first instead.
`find_inputs` likewise returns the paths it found and the errors for those it could not
use, so a batch can report them and go on with the rest.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
import sys
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

import srt

from ..errors import Errors, TranscriptError
from .base import (FORMATS, SOURCE_FORMATS, STDIN, SUFFIX_FORMATS, SUPPORTED_SUFFIXES, TIME_UNITS, RawLine,
                   RawTranscript, ReadResult, reader_error)
from .decode import decode as _decode
from .jsonl import read_jsonl
from .subtitles import read_srt, read_vtt
from .text import read_text, split_lines
from .cloud import service_of
from .whisper import read_whisper

__all__ = [
    "FORMATS", "SOURCE_FORMATS", "SUPPORTED_SUFFIXES", "Inputs", "RawLine", "RawTranscript", "ReadResult",
    "TranscriptError", "find_inputs", "format_for_path", "read_bytes", "read_path", "read_string",
    "sniff_format",
]


def _single(reader: Callable[..., RawTranscript], timed: bool = False) -> Callable[..., ReadResult]:
    """A reader of one transcript; `timed`: it takes the `time_unit` override."""
    if timed:
        return lambda text, path, sha256, encoding, time_unit: ReadResult(
            [reader(text, path, sha256, encoding, time_unit)])
    return lambda text, path, sha256, encoding, time_unit: ReadResult([reader(text, path, sha256, encoding)])


# Each is called with (text, path, sha256, encoding, time_unit): time_unit is the unit of times
# that do not say theirs ("s" or "ms"; None: decided from evidence), for the JSON readers.
_READERS: dict[str, Callable[[str, str, str, str | None, str | None], ReadResult]] = {
    "txt": _single(read_text),
    "srt": _single(read_srt),
    "vtt": _single(read_vtt),
    "whisper_json": _single(read_whisper, timed=True),
    "jsonl": read_jsonl,
}

# An SRT cue's start as the srt library reads it (its index and timestamp patterns: 1.5, 0:0:1,5,
# the full-width ，．。： of Japanese input methods), with LF, CRLF or CR line ends (read_srt takes all).
# Looked for in the first _CUE_START characters only: the patterns backtrack over long runs of figures.
_SRT_START = re.compile(rf"\A(?:{srt.RGX_INDEX}[ \t]*(?:\r\n?|\n)[ \t]*)?{srt.RGX_TIMESTAMP}[ \t]*-[ -] *>")
_CUE_START = 200
_SEGMENT_KEYS = ("segments", "transcription", "chunks")


def format_for_path(path: str | os.PathLike) -> str | None:
    """The format its suffix names (case-insensitive), or None.

    >>> format_for_path("a/ep1.SRT"), format_for_path("ep1.ndjson"), format_for_path("-")
    ('srt', 'jsonl', None)
    """
    return SUFFIX_FORMATS.get(os.path.splitext(os.fspath(path))[1].lower())


def _first_line_is_object(text: str) -> bool:
    # JSON Lines are split at line ends only: a string may hold U+2028 or U+0085 as they are
    first = next((line for line in split_lines(text) if line.strip()), "")
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return False


def sniff_format(text: str) -> str:
    """The format of decoded text whose name says nothing (stdin, an unknown suffix).

    A "WEBVTT" header; a JSON document that is a list or has segments (an object with
    an "id" is one JSON Lines record); JSON Lines; an SRT cue; else plain text.

    >>> sniff_format("WEBVTT\\n\\n00:00.000 --> 00:01.000\\nはい")
    'vtt'
    >>> sniff_format('{"text": "はい", "segments": []}'), sniff_format('{"id": 1, "text": "はい"}\\n')
    ('whisper_json', 'jsonl')
    >>> sniff_format("1\\n00:00:00,000 --> 00:00:01,000\\nはい\\n"), sniff_format("[音楽]\\nはい")
    ('srt', 'txt')

    A byte-order mark before the content (a file read without decoding it away) is skipped.
    """
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("WEBVTT"):
        return "vtt"
    body = text.removeprefix("\ufeff")  # a str read from a file with a byte-order mark starts with one
    if head[:1] in ("{", "["):
        try:
            data = json.loads(body)
        except json.JSONDecodeError:
            if _first_line_is_object(body):
                return "jsonl"
        else:
            if (isinstance(data, dict) and "id" in data and not any(k in data for k in _SEGMENT_KEYS)
                    and service_of(data) is None):
                return "jsonl"
            if isinstance(data, (dict, list)):
                return "whisper_json"
    if _SRT_START.match(body.lstrip()[:_CUE_START]):
        return "srt"
    return "txt"


def _is_json_lines(text: str) -> bool:
    """A .json file that is really JSON Lines (several objects, one per line)."""
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        return exc.msg == "Extra data" and _first_line_is_object(text)
    return False


def read_bytes(data: bytes, path: str, format: str | None = None, encoding: str | None = None,
               time_unit: str | None = None) -> ReadResult:
    """Read one input's bytes. `path` names it ("-" for stdin) and, without `format`, gives the
    format by its suffix; with an unknown suffix the content decides (`sniff_format`).

    An explicit `encoding` wins over detection. An explicit `time_unit` ("s" or "ms") is
    the unit of JSON ``start`` / ``end`` times instead of the one decided from evidence
    (`time_unit.decide_unit`); a file's own "time_unit" and units that a format or its keys
    name (whisper.cpp's offsets, the cloud services) stay as they are. Never raises
    `TranscriptError`: a failure is returned in `ReadResult.errors`.
    """
    _check_format(format)
    _check_time_unit(time_unit)
    try:
        text, codec = _decode(data, path, encoding)
    except TranscriptError as exc:
        return ReadResult(errors=[exc])
    return _read_decoded(text, path, hashlib.sha256(data).hexdigest(), codec, format, time_unit)


def read_string(text: str, path: str = STDIN, format: str | None = None, time_unit: str | None = None) -> ReadResult:
    r"""Read a transcript that is already text, exactly as it is: nothing is decoded, dropped or
    replaced (a byte-order mark, NUL or a lone surrogate stays a character of the first line of
    a plain text; before cues or JSON, a byte-order mark is no part of them).
    Without `format` the content decides, as for stdin (`sniff_format`); `path` only names it.

    The SHA-256 is that of the text in UTF-8 (lone surrogates as their 3-byte form);
    `time_unit` as for `read_bytes`.

    >>> read_string("1\n00:00:01,000 --> 00:00:02,000\nはい\n").transcripts[0].format
    'srt'
    """
    _check_format(format)
    _check_time_unit(time_unit)
    sha256 = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return _read_decoded(text, path, sha256, None, format or sniff_format(text), time_unit)


def _check_format(format: str | None) -> None:
    if format is not None and format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")


def _check_time_unit(time_unit: str | None) -> None:
    if time_unit is not None and time_unit not in TIME_UNITS:
        raise ValueError(f"time_unit must be one of {', '.join(TIME_UNITS)} or None, not {time_unit!r}")


def _read_decoded(text: str, path: str, sha256: str, codec: str | None, format: str | None,
                  time_unit: str | None = None) -> ReadResult:
    try:
        fmt = format or format_for_path(path) or sniff_format(text)
        if format is None and fmt == "whisper_json" and _is_json_lines(text):
            fmt = "jsonl"
        return _READERS[fmt](text, path, sha256, codec, time_unit)
    except TranscriptError as exc:
        return ReadResult(errors=[exc])
    except (RecursionError, ValueError) as exc:  # e.g. JSON nested too deep: still this input's error only
        return ReadResult(errors=[reader_error("R099", path, reason=f"{type(exc).__name__}: {exc}"[:200])])


def _as_given(path: str | os.PathLike) -> str:
    text = os.fspath(path)
    return text.replace(os.sep, "/") if os.sep != "/" else text


def read_path(path: str | os.PathLike, encoding: str | None = None, time_unit: str | None = None) -> ReadResult:
    """Read one file ("-" reads stdin). The file is opened read-only and never changed.
    `encoding` and `time_unit` as for `read_bytes`."""
    given = _as_given(path)
    try:
        data = sys.stdin.buffer.read() if given == STDIN else Path(path).read_bytes()
    except OSError as exc:
        return ReadResult(errors=[reader_error("R005", given, reason=exc.strerror or str(exc))])
    return read_bytes(data, given, encoding=encoding, time_unit=time_unit)


class Inputs(NamedTuple):
    """What `find_inputs` found: the paths to read, and an error for each unusable argument."""

    paths: list[str]
    errors: list[TranscriptError]


def _error(message: str, code: str, path: str) -> TranscriptError:
    error = TranscriptError(message)
    error.code, error.path, error.line = code, path, None
    return error


def _walk(root: str, errors: list[TranscriptError]) -> list[str]:
    """Supported files under `root`, hidden files and folders skipped, sorted by path parts."""
    def report(exc: OSError) -> None:
        where = _as_given(exc.filename or root)
        errors.append(reader_error("R005", where, reason=exc.strerror or str(exc)))

    found = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=report):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        rel = Path(os.path.relpath(dirpath, root)).parts
        rel = () if rel == (".",) else rel
        found += [(*rel, name) for name in filenames
                  if not name.startswith(".") and format_for_path(name) is not None]
    base = _as_given(root).rstrip("/") or "/"
    return [posixpath.join(base, *parts) for parts in sorted(found)]


def find_inputs(paths: Iterable[str]) -> Inputs:
    """Expand the command line's paths into the inputs to read.

    A directory gives its supported files (`SUPPORTED_SUFFIXES`), searched recursively,
    hidden ones skipped, sorted; a directory without any is an error. A file (or "-")
    is kept as given whatever its suffix: an unknown suffix is read by content. A path
    that does not exist is an error. The same input given twice is kept once.
    """
    found: list[str] = []
    errors: list[TranscriptError] = []
    for path in paths:
        given = _as_given(path)
        if given == STDIN:
            found.append(given)
        elif os.path.isdir(path):
            files = _walk(path, errors)
            if not files:
                message = Errors.C001.format(path=given, suffixes=" ".join(SUPPORTED_SUFFIXES))
                errors.append(_error(message, "C001", given))
            found += files
        elif os.path.exists(path):
            found.append(given)
        else:
            errors.append(_error(Errors.C002.format(path=given), "C002", given))
    seen: set[str] = set()
    unique = []
    for path in found:
        key = path if path == STDIN else os.path.normpath(path)
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return Inputs(unique, errors)
