"""Serialise documents: one JSON file each, JSON Lines for streams, written atomically."""

from __future__ import annotations

import io
import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterable

from pydantic import TypeAdapter
from pydantic_core import PydanticSerializationError

from ..model import SECTIONS, Document


# A lone surrogate (which JSON inputs may escape, "\\ud800") has no UTF-8 form.
_SURROGATE = re.compile("[\ud800-\udfff]")


def to_json(doc: Document) -> str:
    """The document as JSON text: field order of the schema, UTF-8 characters kept, final newline.

    The text `doc.model_dump_json(indent=1)` gives (pydantic's serializer, in Rust: the
    standard library's indenting encoder is pure Python and took as long as the rest of
    the pipeline), made a chunk of records at a time by `DocumentJson`. A record pydantic
    cannot write (a lone surrogate in its text) goes through the standard library, the
    surrogate escaped.
    """
    parts: list[bytes] = []
    write_json(doc, parts.append)
    return b"".join(parts).decode("utf-8")


def write_json(doc: Document, write: Callable[[bytes], Any]) -> None:
    """Write `to_json(doc)` as UTF-8 through `write`, a chunk of records at a time: the whole
    text is never held."""
    out = DocumentJson(write)
    out.start(**{name: getattr(doc, name) for name in _HEAD_FIELDS})
    for section in SECTIONS:
        for record in getattr(doc, section):
            out.add(section, record)
    out.finish(**{name: getattr(doc, name) for name in _TAIL_FIELDS})


_DIRECT = frozenset(SECTIONS[:3])  # come in order; the others interleave with sentences
_FIELDS = tuple(Document.model_fields)
_HEAD_FIELDS = _FIELDS[:_FIELDS.index(SECTIONS[0])]
_TAIL_FIELDS = _FIELDS[_FIELDS.index(SECTIONS[-1]) + 1:]
assert _FIELDS[len(_HEAD_FIELDS):len(_FIELDS) - len(_TAIL_FIELDS)] == SECTIONS, "DocumentJson needs the lists together"
_ITEM_TYPES = {name: Document.model_fields[name].annotation for name in SECTIONS}


class DocumentJson:
    """A document's JSON (exactly `to_json`'s), written as its records come.

    Call `start` with the fields before the lists (source, title), `add` each record of
    each list (lines, then corrections, then sentences; entities, amounts and claims may
    come interleaved with the sentences), then `finish` with the fields after them
    (cleaned_text, stats). Records are serialised `CHUNK` at a time; lines, corrections and
    sentences are written at once, the other lists wait in temporary files (in memory
    while small) until `finish`. So a document of any size holds a chunk of records and
    no JSON text of its own.
    """

    CHUNK = 256
    SPOOL_BYTES = 1 << 20  # a waiting list moves to disk beyond this

    def __init__(self, write: Callable[[bytes], Any]):
        self._write = write
        self._head: dict[str, Any] | None = None
        self._pending: dict[str, list] = {name: [] for name in SECTIONS}
        self._count = dict.fromkeys(SECTIONS, 0)
        self._spool: dict[str, Any] = {}
        self._open = 0  # position in SECTIONS of the list being written

    def start(self, **head: Any) -> None:
        self._head = head
        text = _shell_json(head)
        self._write(text[:text.index(_marker(SECTIONS[0]))])
        self._begin(SECTIONS[0])

    def add(self, section: str, record: Any) -> None:
        if section != SECTIONS[self._open] and section in _DIRECT:
            at = SECTIONS.index(section)
            if at < self._open:
                raise ValueError(f"a record of {section} after those of {SECTIONS[self._open]}")
            while self._open < at:
                self._end(SECTIONS[self._open])
                self._open += 1
                self._begin(SECTIONS[self._open])
        pending = self._pending[section]
        pending.append(record)
        if len(pending) >= self.CHUNK:
            self._flush(section)

    def finish(self, **tail: Any) -> None:
        while self._open < len(_DIRECT) - 1:
            self._end(SECTIONS[self._open])
            self._open += 1
            self._begin(SECTIONS[self._open])
        self._end(SECTIONS[self._open])
        for section in SECTIONS[len(_DIRECT):]:
            self._flush(section)  # into its temporary file
            self._begin(section)
            spool = self._spool.pop(section, None)
            if spool is not None:
                spool.seek(0)
                while chunk := spool.read(1 << 16):
                    self._write(chunk)
                spool.close()
            self._end(section)
        text = _shell_json({**self._head, **tail})
        self._write(text[text.index(_marker(SECTIONS[-1])) + len(_marker(SECTIONS[-1])):] + b"\n")

    def close(self) -> None:
        """Drop the temporary files (`finish` does, too)."""
        for spool in self._spool.values():
            spool.close()
        self._spool.clear()

    def _begin(self, section: str) -> None:
        # the field's name; its items or "[]" follow
        self._write((b"," if section != SECTIONS[0] else b"") + _marker(section)[:-2])

    def _end(self, section: str) -> None:
        self._flush(section)
        self._write(b"\n ]" if self._count[section] else b"[]")

    def _flush(self, section: str) -> None:
        records = self._pending[section]
        if not records:
            return
        self._pending[section] = []
        body = _items_json(section, records)
        if section in _DIRECT:
            write = self._write
        else:
            spool = self._spool.get(section)
            if spool is None:
                spool = self._spool[section] = tempfile.SpooledTemporaryFile(self.SPOOL_BYTES)
            write = spool.write
        write(b",\n" + body if self._count[section] else b"[\n" + body)
        self._count[section] += len(records)


def _marker(section: str) -> bytes:
    """How an empty list field stands in the document's JSON: after its line break, before its comma."""
    return f'\n "{section}": []'.encode()


def _shell_json(fields: dict[str, Any]) -> bytes:
    """The JSON of a document with these fields and every list empty."""
    shell = Document.model_construct(**fields, **{name: [] for name in SECTIONS})
    try:
        return shell.model_dump_json(indent=1).encode("utf-8")
    except PydanticSerializationError:
        return _fallback_json(shell.model_dump(mode="json")).encode("utf-8")


def _items_json(section: str, records: list) -> bytes:
    """Records as the items of a list field of the document: indented two levels, comma-separated."""
    try:
        text = _adapter(section).dump_json(records, indent=1)
        return b" " + text[2:-2].replace(b"\n", b"\n ")  # strip "[\n" and "\n]", one level deeper
    except PydanticSerializationError:
        return b",\n".join(_record_json(r) for r in records)


def _record_json(record: Any) -> bytes:
    try:
        text = record.model_dump_json(indent=1).encode("utf-8")
    except PydanticSerializationError:
        text = _fallback_json(record.model_dump(mode="json")).encode("utf-8")
    return b"  " + text.replace(b"\n", b"\n  ")


def _fallback_json(data: Any) -> str:
    """The standard library's JSON of `data`, laid out as pydantic's, lone surrogates escaped."""
    return escape_surrogates(json.dumps(data, ensure_ascii=False, indent=1))


_ADAPTERS: dict[str, TypeAdapter] = {}


def _adapter(section: str) -> TypeAdapter:
    adapter = _ADAPTERS.get(section)
    if adapter is None:
        adapter = _ADAPTERS[section] = TypeAdapter(_ITEM_TYPES[section])
    return adapter


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


TEMP_PREFIX = ".ja-transcript-"  # temporary files: short names (any target name fits) that a run can recognise
TEMP_SUFFIX = ".tmp"


def _umask() -> int:
    global _UMASK
    if _UMASK is None:
        _UMASK = os.umask(0)
        os.umask(_UMASK)
    return _UMASK


_UMASK: int | None = None


class AtomicFile:
    """A file written in pieces and seen complete or not at all.

    The data goes to a temporary file beside the target, which `commit` renames onto it
    with the permissions a new file would get under the user's umask; `abort` removes it.
    A symbolic link is followed (its target is replaced, the link kept). "-" (stdout), a
    path under /dev or /proc, or a target that is not a regular file (a pipe, a process
    substitution) is written directly. Text is UTF-8 with LF line ends; a lone surrogate becomes U+FFFD.
    """

    def __init__(self, path: str | Path, binary: bool = False):
        self.binary = binary
        self.path = Path(path)
        self._tmp: str | None = None
        self._stdout = str(path) == "-"
        self._owned = False
        if self._stdout:  # bytes, so that text is UTF-8 whatever the terminal's encoding
            self._fh = getattr(sys.stdout, "buffer", None) or sys.stdout
            self._direct = True
            return
        target = Path(os.path.realpath(self.path))
        # /dev/stdout or /dev/fd/N may resolve to the regular file the shell redirected to:
        # renaming onto that would detach it from the shell, so such paths are written
        # directly, through a copy of the very descriptor (sharing its offset).
        self._direct = (os.fspath(path).startswith(("/dev/", "/proc/"))
                        or (target.exists() and not target.is_file()))
        if self._direct:
            fd = _STD_FD.get(os.fspath(path))
            if fd is None and (m := _FD_PATH.match(os.fspath(path))):
                fd = int(m.group(1))
            self._fh = os.fdopen(os.dup(fd), "wb") if fd is not None else open(path, "wb")
            self._stdout = True  # encode text on write
            self._owned = True
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        self.target = target
        fd, self._tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=target.parent)
        self._fh = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", **_TEXT)

    @property
    def handle(self):
        """The open file, for writers that take one (pyarrow's ParquetWriter)."""
        return self._fh

    def write(self, data: str | bytes) -> None:
        if not self.binary:
            data = encodable(data)
            if self._stdout and not isinstance(self._fh, io.TextIOBase):
                data = data.encode("utf-8")
        self._fh.write(data)

    def commit(self) -> None:
        if self._direct:
            self._fh.flush()
            if self._owned:
                self._fh.close()
            return
        try:
            self._fh.close()
            os.chmod(self._tmp, 0o666 & ~_umask())
            os.replace(self._tmp, self.target)
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        if self._tmp is None:
            return
        try:
            self._fh.close()
        except OSError:
            pass
        try:
            os.unlink(self._tmp)
        except FileNotFoundError:
            pass
        self._tmp = None


_TEXT = {"encoding": "utf-8", "newline": "\n"}
_STD_FD = {"/dev/stdout": 1, "/dev/stderr": 2}
_FD_PATH = re.compile(r"^/(?:dev|proc/self)/fd/(\d+)$")


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write text (UTF-8, LF) or bytes to `path` via a temporary file and a rename: no
    partial file is ever seen (see `AtomicFile`)."""
    out = AtomicFile(path, binary=isinstance(data, bytes))
    try:
        out.write(data)
    except BaseException:
        out.abort()
        raise
    out.commit()


def remove_stale_temporaries(folder: str | Path) -> None:
    """Remove temporary files a killed run left in `folder` (and below): only this package's names."""
    for tmp in Path(folder).rglob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        try:
            tmp.unlink()
        except OSError:
            pass


def removed_records(doc: Document) -> Iterable[dict]:
    """Every removed line with its reason, the line it duplicates and its times (null where
    the source is untimed): the `--removed` view."""
    kept = {line.n: line.text for line in doc.lines}
    for line in doc.lines:
        if line.removed:
            yield {"source": doc.source.path, "record_id": doc.source.record_id, "line": line.n,
                   "text": line.text, "reason": line.removed.reason,
                   "duplicate_of": line.removed.duplicate_of,
                   "duplicate_text": kept.get(line.removed.duplicate_of), "start": line.start, "end": line.end}
