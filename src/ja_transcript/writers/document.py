"""Serialise documents: one JSON file each, JSON Lines for streams, written atomically."""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Iterable

from pydantic_core import PydanticSerializationError

from ..model import Document


# A lone surrogate (which JSON inputs may escape, "\\ud800") has no UTF-8 form.
_SURROGATE = re.compile("[\ud800-\udfff]")


def to_json(doc: Document) -> str:
    """The document as JSON text: field order of the schema, UTF-8 characters kept, final newline.

    pydantic's serializer (Rust) is used: the standard library's indenting encoder is
    pure Python and took as long as the rest of the pipeline. It cannot write a lone
    surrogate; such a document goes through the standard library, the surrogate escaped.
    """
    try:
        return doc.model_dump_json(indent=1) + "\n"
    except PydanticSerializationError:
        return escape_surrogates(json.dumps(doc.model_dump(mode="json"), ensure_ascii=False, indent=1)) + "\n"


def to_json_line(obj: dict) -> str:
    return escape_surrogates(json.dumps(obj, ensure_ascii=False, separators=(",", ":"))) + "\n"


def escape_surrogates(json_text: str) -> str:
    r"""JSON text with each lone surrogate written as its escape, so the text has a UTF-8 form
    and reads back to the same string (surrogates only occur inside JSON strings).

    >>> escape_surrogates('"a\ud800"')
    '"a\\ud800"'
    """
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)


def encodable(text: str) -> str:
    """`text` with each lone surrogate replaced by U+FFFD: for views (text, HTML, tables) whose
    formats cannot hold one; the JSON document keeps it."""
    return _SURROGATE.sub("\ufffd", text)


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write text (UTF-8, LF) or bytes to `path` via a temporary file and a rename: no
    partial file is ever seen."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if isinstance(data, bytes):
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(encodable(data))
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def removed_records(doc: Document) -> Iterable[dict]:
    """Every removed line with its reason and the line it duplicates (the `--removed` view)."""
    kept = {line.n: line.text for line in doc.lines}
    for line in doc.lines:
        if line.removed:
            yield {"source": doc.source.path, "record_id": doc.source.record_id, "line": line.n,
                   "text": line.text, "reason": line.removed.reason,
                   "duplicate_of": line.removed.duplicate_of,
                   "duplicate_text": kept.get(line.removed.duplicate_of)}
