"""The one data model: the schema-1 output document and its parts.

Every stage reads and returns these records; the JSON document, the JSON Schema
(`ja-transcript schema`) and the tables are all made from them. Field names are a
contract (see the README's "Output schema"): add fields freely, never rename.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

LineKind = Literal["title", "heading", "speech", "blank"]
SourceFormat = Literal["txt", "srt", "vtt", "whisper_json", "jsonl"]
RemovalReason = Literal["repeat", "near_repeat", "restart"]
AmountKind = Literal["money", "percent", "ratio", "count", "date", "duration", "number"]
Evidentiality = Literal["asserted", "reported", "speculative"]


# The counts a document's `stats` holds, in order (the pipeline's; the tables' stats_* columns).
STATS_FIELDS = ("lines", "speech_lines", "headings", "corrections", "removed_lines", "sentences", "entities",
                "amounts", "claims")


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(Record):
    path: str = Field(description='as given on the command line, "/" separators; "-" for stdin')
    sha256: str = Field(description="SHA-256 of the input bytes")
    format: SourceFormat
    record_id: Optional[str] = Field(None, description="the record's id inside a JSON Lines input")


class Removal(Record):
    reason: RemovalReason
    duplicate_of: int = Field(description="n of the line that is kept")


class Line(Record):
    n: int = Field(description="1-based line (or cue) number in the input")
    text: str = Field(description="exactly as read")
    kind: LineKind
    clean: str = Field(description="the line after corrections")
    removed: Optional[Removal] = None
    start: Optional[float] = None
    end: Optional[float] = None


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


class Sentence(Record):
    id: int
    text: str
    lines: list[int]
    start: Optional[float] = None
    end: Optional[float] = None


class Entity(Record):
    text: str
    canonical: str
    label: str
    sentence: int
    start: int
    end: int
    source: str = Field("lexicon", description="lexicon | pos (SudachiPy proper noun) | ginza")


class Amount(Record):
    text: str
    kind: AmountKind
    value: float | str | None = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None
    approximate: bool = False
    sentence: int
    start: int
    end: int


class Claim(Record):
    id: int
    text: str
    sentence: int
    evidentiality: Evidentiality
    entities: list[str] = []
    amounts: list[int] = []
    markers: list[str] = Field([], description="the evidential markers that decided evidentiality")
    subject: Optional[str] = None


class Document(Record):
    schema_version: Literal["1"] = SCHEMA_VERSION
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
