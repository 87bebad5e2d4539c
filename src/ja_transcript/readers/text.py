"""Plain text: one RawLine per physical line."""

from __future__ import annotations

from ..chars import LINE_BREAK as _LINE_BREAK
from .base import RawLine, RawTranscript


def split_lines(text: str) -> list[str]:
    """The physical lines of `text`, without terminators (LF, CRLF or CR).

    A final terminator ends the last line; it does not start an empty one.

    >>> split_lines("a\\r\\nb\\n\\nc")
    ['a', 'b', '', 'c']
    >>> split_lines("a\\n")
    ['a']
    >>> split_lines("\\n")
    ['']
    >>> split_lines("")
    []
    """
    if not text:
        return []
    lines = _LINE_BREAK.split(text)
    if lines[-1] == "":
        lines.pop()
    return lines


def text_lines(text: str) -> tuple[RawLine, ...]:
    """Lines numbered from 1; blank lines are kept (the pipeline marks them blank)."""
    return tuple(RawLine(n=i, text=line) for i, line in enumerate(split_lines(text), start=1))


def read_text(text: str, path: str, sha256: str, encoding: str | None = None) -> RawTranscript:
    return RawTranscript(path=path, format="txt", sha256=sha256, lines=text_lines(text), encoding=encoding)
