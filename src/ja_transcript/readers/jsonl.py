"""JSON Lines: one transcript per line.

Each line is an object with the transcript as ``"text"`` (a string) or as segments
(``"segments"``, or any other shape `whisper.parse_container` knows, with its speakers and
its unit of time decided record by record, or given as the record's ``"time_unit"``), and
optionally ``"id"`` and ``"title"`` (segments win over "text" when a record has both: they
carry the timings). Blank lines are skipped. A bad line is reported by its line number and
does not stop the others from being read.

Record ids: ``str(id)``, or the 1-based line number when a record has no id (or an
empty one). A repeated id keeps its first record and the later ones get the first
free suffix ``-2``, ``-3``, ... that no record of the file uses, so an id written in
the file is never changed and the result depends only on the file.
"""

from __future__ import annotations

import json
from typing import NamedTuple

from .base import RawLine, RawTranscript, ReadResult, reader_error
from .text import split_lines
from .whisper import SegmentProblem, TimeProblem, describe_json, parse_container, stated_title


class Record(NamedTuple):
    """One good line of a JSON Lines input."""

    record_id: str  # as written (made unique over the file by `unique_ids`)
    title: str | None
    lines: tuple[RawLine, ...]
    time_unit: str | None  # of its times as written: "s", "ms", or None


def unique_ids(ids: list[str]) -> list[str]:
    """Make record ids unique without changing any first occurrence.

    >>> unique_ids(["a", "a", "a-2", "b", "a"])
    ['a', 'a-3', 'a-2', 'b', 'a-4']
    """
    taken, seen, out = set(ids), set(), []
    for record_id in ids:
        if record_id in seen:
            k = 2
            while f"{record_id}-{k}" in taken:
                k += 1
            record_id = f"{record_id}-{k}"
            taken.add(record_id)
        seen.add(record_id)
        out.append(record_id)
    return out


def _record_id(value: object, line: int) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        return str(line)
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    raise ValueError(f'"id" is {describe_json(value)}; it must be a string or a number')


def parse_record(line: str, number: int, path: str, time_unit: str | None = None):
    """One line of a JSON Lines input: its `Record`, None for a blank line, or the
    TranscriptError that says what is wrong with it. `time_unit`: see `whisper.parse_segments`."""
    if not line.strip():
        return None
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return reader_error("R030", path, line=number, reason=f"{exc.msg} at column {exc.colno}")
    except RecursionError:  # only this line is lost, as for any other bad line
        return reader_error("R030", path, line=number, reason="arrays or objects nested too deeply")
    except ValueError as exc:  # a number of more digits than Python reads (sys.get_int_max_str_digits)
        return reader_error("R030", path, line=number, reason=str(exc).split(";")[0])
    try:
        if not isinstance(data, dict):
            raise ValueError(f"found {describe_json(data)}, not an object")
        parsed = parse_container(data, record=True, time_unit=time_unit)
        if parsed is None:
            raise ValueError(f'found {describe_json(data)}, with no "text" string or "segments" list')
        record_id = _record_id(data.get("id"), number)
    except TimeProblem as exc:
        return exc.error(path, number)
    except (ValueError, SegmentProblem) as exc:  # SegmentProblem says "segment N ..."
        return reader_error("R031", path, line=number, problem=str(exc))
    return Record(record_id, stated_title(data), parsed.lines, parsed.time_unit)


def read_jsonl(text: str, path: str, sha256: str, encoding: str | None = None,
               time_unit: str | None = None) -> ReadResult:
    records, errors = [], []
    # a byte-order mark (in a str read without decoding it away) is no part of the first record
    for number, line in enumerate(split_lines(text.removeprefix("\ufeff")), start=1):
        parsed = parse_record(line, number, path, time_unit)
        if isinstance(parsed, Exception):
            errors.append(parsed)
        elif parsed is not None:
            records.append(parsed)
    if not records and not errors:
        errors.append(reader_error("R032", path))
    ids = unique_ids([record.record_id for record in records])
    transcripts = [
        RawTranscript(path=path, format="jsonl", sha256=sha256, lines=record.lines, record_id=record_id,
                      title=record.title, encoding=encoding, time_unit=record.time_unit)
        for record_id, record in zip(ids, records)
    ]
    return ReadResult(transcripts, errors)
