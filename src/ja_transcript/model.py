"""The one data model: the schema-1 output document and its parts.

The JSON document, the JSON Schema (`ja-transcript schema`) and the tables are all made
from these records. Field names are a contract (see the README's "Output schema"): add
fields freely, never rename.

What the stages return: a record of this module where the stage knows all of it (a line's
`Removal`), else a small explanation type that makes its record once the pipeline says where
it stands: an `Edit` (loops, lexicon) is a `Correction` of a line, an `EntitySpan` or a
`ClaimSpan` (offsets into one sentence) an `Entity` or a `Claim` of a sentence, an extracted
amount (a dict, as `extract_amounts` gives it) an `Amount` (`Amount.of`).

Records are built with `build`, not validated: the stages produce well-typed values, and
validating the thousands of small records of a transcript would cost more than extracting
them (the tests validate every output against the JSON Schema instead).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal, Optional, TypeVar

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.1"

LineKind = Literal["title", "heading", "speech", "nonspeech", "blank"]
# whisper_cpp_json, whisperx_json, hf_chunks, podcast_json: schema 1.1 (readers/whisper.py says what each is);
# assemblyai_json, deepgram_json, google_stt_json, aws_transcribe_json: schema 1.1 (readers/cloud.py)
SourceFormat = Literal["txt", "srt", "vtt", "whisper_json", "whisper_cpp_json", "whisperx_json", "hf_chunks",
                       "podcast_json", "assemblyai_json", "deepgram_json", "google_stt_json", "aws_transcribe_json",
                       "jsonl"]
TimeUnit = Literal["s", "ms"]
RemovalReason = Literal["repeat", "near_repeat", "restart", "hallucination"]
AmountKind = Literal["money", "percent", "ratio", "count", "date", "duration", "number", "relative_date"]
Evidentiality = Literal["asserted", "reported", "speculative"]


# The counts a document's `stats` holds, in order (the pipeline's; the tables' stats_* columns).
STATS_FIELDS = ("lines", "speech_lines", "headings", "corrections", "removed_lines", "sentences", "entities",
                "amounts", "claims", "title")


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


R = TypeVar("R", bound=Record)
_set = object.__setattr__
_ALL_SET: dict[type, set[str]] = {}


def build(cls: type[R], fields: dict) -> R:
    """``cls.model_construct(**fields)`` where `fields` has every field of `cls`, in order.

    pydantic's `model_construct` looks up aliases and defaults field by field (5.7 µs a
    record against 1.6 µs here), a cost the thousands of records of a transcript feel. With
    every field given, a record is just its state, set the way `model_construct` sets it
    (tests/test_model.py checks both give equal records). The records of a class share one
    set of set fields: a set each was half a document's memory; pydantic only ever adds a
    name to it (on assignment), and every name is in it already.
    """
    record = cls.__new__(cls)
    _set(record, "__dict__", fields)
    _set(record, "__pydantic_fields_set__", _ALL_SET.get(cls) or _ALL_SET.setdefault(cls, set(cls.model_fields)))
    _set(record, "__pydantic_extra__", None)
    _set(record, "__pydantic_private__", None)
    return record


class Source(Record):
    path: str = Field(description='as given on the command line, "/" separators; "-" for stdin')
    sha256: str = Field(description="SHA-256 of the input bytes")
    format: SourceFormat
    record_id: Optional[str] = Field(None, description="the record's id inside a JSON Lines input")
    encoding: Optional[str] = Field(None, description="the codec the input was decoded with (Python's name: "
                                    "utf-8, cp932, euc_jp ...); null for a text given as text")
    time_unit: Optional[TimeUnit] = Field(None, description="the unit the input wrote its numeric times in "
                                          "(s or ms; in this document they are seconds); null without numeric "
                                          "times (text, or subtitles' clock times)")


class Removal(Record):
    reason: RemovalReason
    duplicate_of: Optional[int] = Field(
        description="n of the line that is kept; null for a hallucination (nothing was said in its place)")


class Line(Record):
    n: int = Field(description="1-based line (or cue) number in the input")
    text: str = Field(description="exactly as read")
    kind: LineKind
    clean: str = Field(description="the line after corrections")
    removed: Optional[Removal] = None
    start: Optional[float] = None
    end: Optional[float] = None
    speaker: Optional[str] = Field(None, description="who says it, as the input names them (a JSON segment's "
                                   "speaker, a WebVTT voice); null if unknown")


class Correction(Record):
    line: int
    start: int = Field(description="character offset in the line's text")
    end: int
    original: str
    replacement: str
    canonical: Optional[str] = None
    label: Optional[str] = None
    method: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Edit:
    """A change a stage proposes to one line's text, offsets into that line: a loop collapsed
    (method "loop") or a term corrected against the lexicon."""

    start: int
    end: int
    original: str
    replacement: str
    canonical: Optional[str]
    label: Optional[str]
    method: str
    confidence: float

    def correction(self, line: int) -> Correction:
        """This edit as the `Correction` of line `line`."""
        return build(Correction, {"line": line, "start": self.start, "end": self.end, "original": self.original,
                                  "replacement": self.replacement, "canonical": self.canonical, "label": self.label,
                                  "method": self.method, "confidence": self.confidence})

    def with_confidence(self, confidence: float) -> Edit:
        return replace(self, confidence=confidence)


class Piece(Record):
    """A slice of a line's clean text that a sentence is made of."""

    line: int
    start: int = Field(description="character offset in the line's clean text")
    end: int


class Sentence(Record):
    id: int
    text: str
    lines: list[int]
    start: Optional[float] = None
    end: Optional[float] = None
    pieces: list[Piece] = Field([], description="the text is the concatenation of these slices of the lines' "
                                                "clean text (schema 1.1)")
    speaker: Optional[str] = Field(None, description="who says it (a sentence is one speaker's); null if unknown")


# Where an item of a sentence stands in the transcript (schema 1.1): the lines its text comes
# from and their times (seconds; null where the source is untimed).
_LINES = Field([], description="n of the lines the item's text comes from")
_START_TIME = Field(None, description="start of its first line, in seconds")
_END_TIME = Field(None, description="end of its last line, in seconds")


class Entity(Record):
    text: str
    canonical: str
    label: str
    sentence: int
    start: int
    end: int
    source: str = Field("lexicon", description="lexicon | pos (SudachiPy proper noun) | ginza")
    lines: list[int] = _LINES
    start_time: Optional[float] = _START_TIME
    end_time: Optional[float] = _END_TIME


class Amount(Record):
    id: int = Field(0, description="its position in the document's amounts; claims refer to it (schema 1.1)")
    text: str
    kind: AmountKind
    value: int | float | str | None = Field(None, description="whole numbers are integers (schema 1.1)")
    low: int | float | str | None = Field(None, description="a number, or ISO 8601 style text for a range of dates")
    high: int | float | str | None = Field(None, description="a number, or ISO 8601 style text for a range of dates")
    unit: Optional[str] = None
    approximate: bool = False
    sentence: int
    start: int
    end: int
    lines: list[int] = _LINES
    start_time: Optional[float] = _START_TIME
    end_time: Optional[float] = _END_TIME

    @classmethod
    def of(cls, amount: dict, id: int, sentence: int, place: tuple = ((), None, None)) -> Amount:
        """An amount as `extract_amounts` gives it: amount `id`, in sentence `sentence`,
        standing at `place` (lines, start_time, end_time)."""
        return build(cls, {"id": id, "text": amount["text"], "kind": amount["kind"], "value": amount["value"],
                           "low": amount["low"], "high": amount["high"], "unit": amount["unit"],
                           "approximate": amount["approximate"], "sentence": sentence, "start": amount["start"],
                           "end": amount["end"], "lines": list(place[0]), "start_time": place[1],
                           "end_time": place[2]})


class Claim(Record):
    id: int
    text: str
    sentence: int
    evidentiality: Evidentiality
    entities: list[str] = []
    amounts: list[int] = Field([], description="ids of the amounts it states")
    markers: list[str] = Field([], description="the evidential markers that decided evidentiality")
    subject: Optional[str] = None
    start: Optional[int] = Field(None, description="character offset in the sentence text (schema 1.1)")
    end: Optional[int] = None
    lines: list[int] = _LINES
    start_time: Optional[float] = _START_TIME
    end_time: Optional[float] = _END_TIME
    speaker: Optional[str] = Field(None, description="who said it; null if unknown")


class Document(Record):
    schema_version: Literal["1.1"] = SCHEMA_VERSION
    source: Source
    title: Optional[str] = None
    lines: list[Line]
    corrections: list[Correction] = []
    sentences: list[Sentence] = []
    entities: list[Entity] = []
    amounts: list[Amount] = []
    claims: list[Claim] = []
    cleaned_text: str = ""
    stats: dict[str, int] = {}


# The list fields of a document, in order: `Pipeline.run` hands their records to a sink one by one.
SECTIONS = ("lines", "corrections", "sentences", "entities", "amounts", "claims")


def json_schema() -> dict:
    """The JSON Schema of the output document (draft 2020-12)."""
    schema = Document.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "ja-transcript document, schema version 1"
    return schema
