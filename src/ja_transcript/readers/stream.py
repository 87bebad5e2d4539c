"""Big JSON Lines inputs, read a record at a time: memory stays that of one record.

`read_path` holds a whole input (its bytes, its text and every record's lines); for a
JSON Lines file of hundreds of megabytes that is several times its size. A first pass
over the file reads only what must be known before the first record is given (the
SHA-256 and the record ids, which are made unique over the whole file), a second pass
gives the records. The records are exactly those `read_jsonl` gives.
"""

from __future__ import annotations

import hashlib
from typing import Iterator

from .base import RawTranscript, TranscriptError, reader_error
from .jsonl import parse_record, unique_ids

STREAM_BYTES = 16 * 2**20  # smaller inputs are read whole: simpler, and as fast


def _lines(path: str) -> Iterator[str]:
    # Text mode with universal newlines ends lines at LF, CRLF and CR, as `split_lines` does
    # (not at U+2028); utf-8-sig drops a byte-order mark as `decode` does.
    with open(path, encoding="utf-8-sig", newline=None) as fh:
        for line in fh:
            yield line.removesuffix("\n")


def _first_pass(path: str) -> tuple[str, list[str]] | None:
    """The file's SHA-256 and its records' ids; None if it is not strict UTF-8 throughout."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(2**20), b""):
            digest.update(block)
    ids = []
    try:
        for number, line in enumerate(_lines(path), start=1):
            parsed = parse_record(line, number, path)
            if isinstance(parsed, tuple):
                ids.append(parsed[0])
    except UnicodeDecodeError:
        return None
    return digest.hexdigest(), unique_ids(ids)


def stream_jsonl(path: str) -> tuple[str, Iterator[RawTranscript | TranscriptError]] | None:
    """(SHA-256, the records and errors in file order), or None when the file must be read
    whole (it is not UTF-8: the encoding is detected on the whole file then)."""
    first = _first_pass(path)
    if first is None:
        return None
    sha256, ids = first

    def records() -> Iterator[RawTranscript | TranscriptError]:
        given = failed = 0
        for number, line in enumerate(_lines(path), start=1):
            parsed = parse_record(line, number, path)
            if isinstance(parsed, Exception):
                failed += 1
                yield parsed
            elif parsed is not None:
                _, title, lines = parsed
                yield RawTranscript(path=path, format="jsonl", sha256=sha256, lines=lines, record_id=ids[given],
                                    title=title, encoding="utf-8")
                given += 1
        if not given and not failed:
            yield reader_error("R032", path)

    return sha256, records()


