"""The records every reader returns, and the readers' error messages.

A reader turns the bytes of one input into `RawTranscript`s: the text exactly as
read, line by line (or cue by cue), with timings where the format has them. It
never interprets the text: titles, headings and blank lines are the pipeline's
business.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Errors, TranscriptError

FORMATS = ("txt", "srt", "vtt", "whisper_json", "jsonl")  # what a reader can be asked for

# What `RawTranscript.format` (and so a document's `source.format`) can be: the formats, with
# the speech-recognition JSON told apart by its shape (see `whisper.py`); "whisper_json" as
# a format to read means any of these shapes.
JSON_SHAPES = ("whisper_json", "whisper_cpp_json", "whisperx_json", "hf_chunks", "podcast_json",
               "assemblyai_json", "deepgram_json", "google_stt_json", "aws_transcribe_json")
SOURCE_FORMATS = ("txt", "srt", "vtt", *JSON_SHAPES, "jsonl")
TIME_UNITS = ("s", "ms")

# Suffix (lower-cased) -> format. A directory is searched for these suffixes only.
SUFFIX_FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".srt": "srt",
    ".vtt": "vtt",
    ".json": "whisper_json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
SUPPORTED_SUFFIXES = tuple(SUFFIX_FORMATS)

STDIN = "-"


@dataclass(frozen=True, slots=True)  # slots: a transcript has one per line, kept while it is processed
class RawLine:
    """One line of a text file, one subtitle cue, or one transcription segment."""

    n: int  # 1-based line number (txt), cue number in file order (srt/vtt), or segment index + 1
    text: str  # as read: no line terminator; see the format's reader for what else it removes
    start: float | None = None  # seconds, whatever unit the input wrote them in
    end: float | None = None
    speaker: str | None = None  # who says it, as the input names them; None where it does not say
    # Whisper's own scores of the segment, where the input has them: (no_speech_prob,
    # avg_logprob, compression_ratio), each None if absent (dedup.hallucinations reads them)
    asr_scores: tuple[float | None, float | None, float | None] | None = None


@dataclass(frozen=True)
class RawTranscript:
    """One transcript as read from an input (a file, stdin, or one JSON Lines record)."""

    path: str  # as given ("/" separators); "-" for stdin
    format: str  # one of SOURCE_FORMATS
    sha256: str  # of the input bytes (for a JSON Lines record: of the whole file)
    lines: tuple[RawLine, ...]
    record_id: str | None = None  # the record's id in a JSON Lines input
    title: str | None = None  # a title the container itself states, e.g. a record's "title"
    encoding: str | None = None  # the codec the bytes were decoded with
    time_unit: str | None = None  # the unit of the input's numeric times ("s" or "ms"); None without any


@dataclass(frozen=True)
class ReadResult:
    """What reading one input gives: the transcripts that could be read, and the errors.

    An input that cannot be read at all gives no transcript and one error; a JSON Lines
    input gives one transcript per good record and one error per bad line.
    """

    transcripts: list[RawTranscript] = field(default_factory=list)
    errors: list[TranscriptError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def check(self) -> list[RawTranscript]:
        """The transcripts, or raise the first error (for callers that want all or nothing)."""
        if self.errors:
            raise self.errors[0]
        return self.transcripts


def display_path(path: str) -> str:
    """How an input is named in messages: its path as given, or <stdin>."""
    return "<stdin>" if path == STDIN else path


def reader_error(code: str, path: str, *, line: int | None = None, **fields: object) -> TranscriptError:
    """A `TranscriptError` with the catalogue message `code` filled in.

    The error also carries `code`, `path` and `line` as attributes, for callers that
    list errors as data.

    >>> e = reader_error("R030", "a.jsonl", line=3, reason="Expecting value")
    >>> str(e).startswith("a.jsonl, line 3: not valid JSON")
    True
    >>> (e.code, e.path, e.line)
    ('R030', 'a.jsonl', 3)
    """
    template: str = getattr(Errors, code)
    error = TranscriptError(template.format(path=display_path(path), line=line, **fields))
    error.code = code
    error.path = path
    error.line = line
    return error
