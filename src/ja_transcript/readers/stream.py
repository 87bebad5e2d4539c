"""Big JSON Lines inputs, read a record at a time, or a range of records at a time.

`read_path` holds a whole input (its bytes, its text and every record's lines); for a
JSON Lines file of hundreds of megabytes that is several times its size. `scan` reads the
file once for what must be known before the first record is given (the SHA-256 and the
record ids, which are made unique over the whole file) and marks where ranges of records
start; `records` then gives the records of one range, so ranges can be read by different
processes or machines. The records are exactly those `read_jsonl` gives.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Iterator

from .base import RawTranscript, TranscriptError, reader_error
from .jsonl import parse_record, unique_ids
from .text import split_lines

STREAM_BYTES = 16 * 2**20  # smaller inputs are read whole: simpler, and as fast


@dataclass(frozen=True)
class Range:
    """Records `first_record`.. of a file, from byte `start` (a line start) to byte `end`
    (-1: the end of the file)."""

    start: int
    end: int
    first_line: int  # 1-based number of the range's first line
    first_record: int


@dataclass(frozen=True)
class Scan:
    sha256: str
    ids: list[str]  # every record's unique id, in file order
    ranges: list[Range]
    failed: int  # lines that are not records


def _lines(path: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, str]]:
    """(byte offset of the physical line, each logical line in it): lines end at LF, CRLF or CR
    as in `split_lines`, a byte-order mark at the start is dropped; raises UnicodeDecodeError."""
    with open(path, "rb") as fh:
        fh.seek(start)
        offset = start
        for raw in fh:
            if end is not None and offset >= end:
                return
            text = raw.decode("utf-8")
            if offset == 0:
                text = text.removeprefix("\ufeff")
            for line in split_lines(text) or [""]:
                yield offset, line
            offset += len(raw)


def scan(path: str, records_per_range: int | None = None, name: str | None = None,
         time_unit: str | None = None) -> Scan | None:
    """The file's hash, record ids and ranges of `records_per_range` records (one range if
    None); None when the file is not strict UTF-8 throughout (read it whole then). `name`
    is how messages name the file (default: `path`); `time_unit` as for `read_jsonl`."""
    name = path if name is None else name
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(2**20), b""):
            digest.update(block)
    ids, starts, failed = [], [(0, 1, 0)], 0
    last_offset = -1
    try:
        for number, (offset, line) in enumerate(_lines(path), start=1):
            parsed = parse_record(line, number, name, time_unit)
            if isinstance(parsed, Exception):
                failed += 1
            elif parsed is not None:
                if records_per_range and ids and len(ids) % records_per_range == 0 and offset != last_offset:
                    starts.append((offset, number, len(ids)))
                ids.append(parsed[0])
            last_offset = offset
    except UnicodeDecodeError:
        return None
    ranges = [Range(s, starts[i + 1][0] if i + 1 < len(starts) else -1, n, r) for i, (s, n, r) in enumerate(starts)]
    return Scan(digest.hexdigest(), unique_ids(ids), ranges, failed)


def records(path: str, found: Scan, part: Range, name: str | None = None, time_unit: str | None = None
            ) -> Iterator[RawTranscript | TranscriptError]:
    """The records (and the errors of bad lines) of one range, in file order; records and
    messages name the file `name` (default: `path`)."""
    name = path if name is None else name
    given, number = part.first_record, part.first_line - 1
    for _, line in _lines(path, part.start, None if part.end < 0 else part.end):
        number += 1
        parsed = parse_record(line, number, name, time_unit)
        if isinstance(parsed, Exception):
            yield parsed
        elif parsed is not None:
            yield RawTranscript(path=name, format="jsonl", sha256=found.sha256, lines=parsed.lines,
                                record_id=found.ids[given], title=parsed.title, encoding="utf-8",
                                time_unit=parsed.time_unit)
            given += 1
    if part.first_record == 0 and not found.ids and not found.failed:
        yield reader_error("R032", name)


def stream_jsonl(path: str, name: str | None = None, time_unit: str | None = None
                 ) -> tuple[str, Iterator[RawTranscript | TranscriptError]] | None:
    """(SHA-256, the records and errors in file order), or None when the file must be read
    whole (it is not UTF-8: the encoding is detected on the whole file then)."""
    found = scan(path, name=name, time_unit=time_unit)
    if found is None:
        return None
    return found.sha256, records(path, found, found.ranges[0], name, time_unit)
