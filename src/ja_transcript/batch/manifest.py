"""The run manifest: `.ja-transcript-manifest.jsonl` in the output folder.

One line per input: its SHA-256, the fingerprint of everything that shaped its documents,
its output name, status, documents and errors. While a batch runs, a line is appended as
each input finishes (a kill loses at most the line being written, which is ignored when
read); at the end the file is rewritten in input order, with no clock times or absolute
paths, so the same run gives the same bytes. `--resume` trusts an input only when its
line says done with the same bytes and fingerprint and its documents are there.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable

from ..writers.document import AtomicFile, to_json_line, write_atomic

MANIFEST = ".ja-transcript-manifest.jsonl"
ERRORS = "errors.jsonl"


def entry(path: str, sha256: str | None, config: str, name: str, documents: list[str],
          errors: list[str]) -> dict:
    status = "done" if sha256 is not None and (documents or not errors) else "failed"
    return {"input": path, "sha256": sha256, "config": config, "name": name, "status": status,
            "documents": documents, "errors": errors}


class Manifest:
    """The manifest of an output folder (None: no folder, only this run's errors are kept).

    `entries` holds what earlier runs recorded (read at the start, for --resume). This run's
    entries are not held: each is appended to the file as its input finishes, and only where
    its line starts is kept (and the errors of failed inputs), so a batch's memory does not
    grow with its inputs; `finish` copies those lines back in input order.
    """

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.entries: dict[str, dict] = {}  # input -> its latest entry of earlier runs, in first-seen order
        self._recorded: dict[str, int] = {}  # input -> offset of its line in the file (-1: no folder), this run
        self._errors: dict[str, list[str]] = {}  # input -> its errors, this run (failed inputs only)
        self._journal = None
        if folder is not None and (folder / MANIFEST).is_file():
            with open(folder / MANIFEST, encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    try:
                        item = json.loads(line)
                        self.entries[item["input"]] = item
                    except (ValueError, KeyError, TypeError):
                        continue  # the line a kill cut short

    def is_done(self, path: str, sha256: str, config: str, name: str) -> bool:
        item = self.entries.get(path)
        return (item is not None and item.get("status") == "done" and item.get("sha256") == sha256
                and item.get("config") == config and item.get("name") == name
                and all((self.folder / doc).is_file() for doc in item.get("documents", ())))

    def errors(self, path: str) -> list[str]:
        """The errors of an input: this run's if it ran, else an earlier run's."""
        if path in self._recorded:
            return self._errors.get(path, [])
        return list(self.entries.get(path, {}).get("errors", ()))

    def record(self, item: dict) -> None:
        """Note a finished input, durably enough that a kill right after keeps it."""
        path = item["input"]
        if item["errors"]:
            self._errors[path] = list(item["errors"])
        else:
            self._errors.pop(path, None)
        if self.folder is None:
            self._recorded[path] = -1
            return
        if self._journal is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._journal = open(self.folder / MANIFEST, "ab")
        self._recorded[path] = self._journal.tell()
        self._journal.write(to_json_line(item).encode("utf-8"))
        self._journal.flush()

    def finish(self, order: Iterable[str], argument_errors: Iterable[tuple[str, str]] = ()) -> None:
        """Rewrite the manifest in `order` (this run's inputs), earlier runs' other inputs after
        them, and write errors.jsonl for this run's errors (or remove a stale one)."""
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        if self.folder is None:
            return
        order = list(order)
        listed = set(order)
        out = AtomicFile(self.folder / MANIFEST)
        try:
            journal = open(self.folder / MANIFEST, "rb") if self._recorded else None
            try:
                for path in order:
                    offset = self._recorded.get(path)
                    if offset is not None:
                        journal.seek(offset)
                        out.write(journal.readline().decode("utf-8"))
                    elif path in self.entries:
                        out.write(to_json_line(self.entries[path]))
            finally:
                if journal is not None:
                    journal.close()
            for path, item in self.entries.items():
                if path not in listed:
                    out.write(to_json_line(item))
        except BaseException:
            out.abort()
            raise
        out.commit()
        errors = [{"input": path, "message": message} for path, message in argument_errors]
        errors += [{"input": p, "message": m} for p in order for m in self.errors(p)]
        if errors:
            write_atomic(self.folder / ERRORS, "".join(to_json_line(e) for e in errors))
        elif (self.folder / ERRORS).exists():
            os.unlink(self.folder / ERRORS)
