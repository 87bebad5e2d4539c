"""Where a batch's messages go: document files at once, batch-wide outputs in input order.

Documents, cleaned text and review pages are one file each, written (atomically) by the
job that makes them (`work.write_document`), or here the moment they arrive (stdin). The
batch-wide outputs (--jsonl, --removed, --tables) are streams that
must not depend on which worker finished first: each job's part is written when every
earlier job has been written, and held until then (the pool bounds how far ahead jobs run).
Streams appear complete at `commit`, or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..writers.document import AtomicFile, write_atomic
from .work import Rendered

STREAM_VIEWS = ("jsonl", "removed", "tables")


@dataclass
class Targets:
    """The outputs a batch writes; None means not asked for."""

    out: Path | None = None  # documents: OUT/<name>.json
    jsonl: str | None = None  # a file, or "-" for stdout
    removed: str | None = None
    tables: Path | None = None
    table_format: str = "csv"
    text: Path | None = None
    html: Path | None = None
    srt: Path | None = None
    vtt: Path | None = None

    @property
    def views(self) -> frozenset[str]:
        asked = {"jsonl": self.jsonl, "removed": self.removed, "tables": self.tables, "text": self.text,
                 "html": self.html, "srt": self.srt, "vtt": self.vtt}
        return frozenset(k for k, v in asked.items() if v is not None)


def write_files(targets: Targets, rendered: Rendered, document: bool = True) -> None:
    """The one-file outputs of a document: itself, its cleaned text, its review page, its
    subtitles."""
    if targets.out is not None and document:
        write_atomic(targets.out / rendered.relpath, rendered.json)
    stem = rendered.relpath[: -len(".json")]
    if targets.text is not None:
        write_atomic(targets.text / f"{stem}.txt", rendered.views["text"])
    if targets.html is not None:
        write_atomic(targets.html / f"{stem}.html", rendered.views["html"])
    if targets.srt is not None:
        write_atomic(targets.srt / f"{stem}.srt", rendered.views["srt"])
    if targets.vtt is not None:
        write_atomic(targets.vtt / f"{stem}.vtt", rendered.views["vtt"])


class BatchWriter:
    def __init__(self, targets: Targets, order: list[int]):
        from ..writers.tables import TableStream

        self.targets = targets
        self.order = order  # job indexes in the order streams are written
        self.head = 0
        self.held: dict[int, list[dict[str, Any]]] = {}  # parts of jobs after the head
        self.done: set[int] = set()
        self.streams: dict[str, Any] = {}
        if targets.jsonl is not None:
            self.streams["jsonl"] = AtomicFile(targets.jsonl)
        if targets.removed is not None:
            self.streams["removed"] = AtomicFile(targets.removed)
        if targets.tables is not None:
            self.streams["tables"] = TableStream(targets.tables, targets.table_format)
        self.written = 0

    def document(self, index: int, rendered: Rendered, replay: bool = False, files: bool = True) -> None:
        """Write a document and its views. `replay`: it is in the output folder already (an
        input done earlier); `files=False`: whoever rendered it wrote its files (a cluster
        worker), only the batch-wide streams are left."""
        if files:
            write_files(self.targets, rendered, document=not replay)
        self.written += not replay
        if not self.streams:
            return
        part = {k: rendered.views[k] for k in STREAM_VIEWS if k in self.streams}
        if self.head < len(self.order) and index == self.order[self.head]:
            self._emit(part)
        else:
            self.held.setdefault(index, []).append(part)

    def finished(self, index: int) -> None:
        self.done.add(index)
        while self.head < len(self.order):
            for part in self.held.pop(self.order[self.head], ()):
                self._emit(part)
            if self.order[self.head] not in self.done:
                break
            self.done.discard(self.order[self.head])  # behind the head: a batch keeps no state per job done
            self.head += 1

    def _emit(self, part: dict[str, Any]) -> None:
        for name, value in part.items():
            if name == "tables":
                self.streams[name].add_rows(value)
            elif value:
                self.streams[name].write(value)

    def commit(self) -> None:
        for stream in self.streams.values():
            stream.commit()

    def abort(self) -> None:
        for stream in self.streams.values():
            stream.abort()
