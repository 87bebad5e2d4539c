"""Serialise documents: one JSON file each, JSON Lines for streams, written atomically."""

from __future__ import annotations

import io
import json
import os
import re
import sys
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
