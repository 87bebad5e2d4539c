"""One job of a batch: read an input, process each transcript, render its outputs.

The same job runs in the main process, in a worker process or on a cluster. Given
`Job.files`, it writes each document's own files itself (atomically), the document's JSON
streamed as the pipeline makes it, so neither the job nor the receiver ever holds a long
transcript's document or its JSON whole; it yields messages for the rest: what the
batch-wide streams (--jsonl, --removed, --tables) and the manifest need, written in input
order by whoever receives them (see `batch.sinks`). Every view is rendered completely in
the job: the receiver never parses a document back.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, NamedTuple

from ..errors import Errors
from .naming import record_name


@dataclass(frozen=True)
class Job:
    index: int  # position in the run: outputs that stream are written in this order
    path: str  # as given ("/" separators)
    name: str  # output name: DIR/<name>.json, or DIR/<name>/<record>.json for JSON Lines
    encoding: str | None = None
    time_unit: str | None = None  # of JSON times that do not say theirs; None: decided from evidence
    location: str | None = None  # where to open it, if not at `path` (a worker elsewhere: an absolute path)
    part: Any = None  # (readers.stream.Scan, Range): only this range of a big JSON Lines input
    input: int = 0  # position of the input among the run's inputs (a job may be part of one)
    # The `sinks.Targets` whose per-document files (document, text, review page) the job writes
    # itself, the document streamed as it is made; None: whoever receives its messages writes them.
    files: Any = None

    @property
    def source(self) -> str:
        return self.location or self.path


class Rendered(NamedTuple):
    """One document and its views."""

    record_id: str | None
    relpath: str  # of the document inside the output folder, "/" separators
    json: str
    views: dict[str, Any]  # view name -> its text or rows (only the views asked for)


class Failed(NamedTuple):
    """An error for part (a JSON Lines line or record) or all of an input."""

    message: str
    record_id: str | None = None


class Finished(NamedTuple):
    """The job's last message."""

    sha256: str | None  # of the input's bytes; None when it could not be read
    documents: int


Message = Rendered | Failed | Finished


def document_relpath(name: str, record_id: str | None) -> str:
    return f"{name}/{record_name(record_id)}.json" if record_id is not None else f"{name}.json"


def render(doc, name: str, views: frozenset[str], document: bool = True) -> Rendered:
    """The document as JSON (unless `document` is false: "") and the views asked for (jsonl,
    removed, tables, text, html, srt, vtt). Subtitles of an untimed document raise
    TranscriptError (W006): that input fails with the message, before anything is written."""
    from ..writers import cleaned_text, removed_records, to_html, to_json, to_json_line
    from ..writers.tables import doc_rows

    record_id = doc.source.record_id
    out: dict[str, Any] = {}
    if views & {"jsonl", "tables"}:
        data = doc.model_dump(mode="json")
        if "jsonl" in views:
            out["jsonl"] = to_json_line(data)
        if "tables" in views:
            out["tables"] = doc_rows(data)
    if "removed" in views:
        out["removed"] = "".join(to_json_line(r) for r in removed_records(doc))
    if "text" in views:
        out["text"] = cleaned_text(doc)
    if "html" in views:
        out["html"] = to_html(doc)
    if "srt" in views or "vtt" in views:
        from ..writers.subtitles import to_srt, to_vtt

        if "srt" in views:
            out["srt"] = to_srt(doc)
        if "vtt" in views:
            out["vtt"] = to_vtt(doc)
    return Rendered(record_id, document_relpath(name, record_id), to_json(doc) if document else "", out)


def write_document(pipeline, raw, job: Job, views: frozenset[str]) -> Rendered:
    """Process `raw` and write its files into `job.files`; returns what is left for the
    batch-wide streams. Without views the document's JSON is written as the pipeline makes
    it, so a long transcript's document is never held whole; with views it is written from
    the document, a chunk of records at a time."""
    from ..writers.document import AtomicFile, DocumentJson, write_json
    from .sinks import STREAM_VIEWS, write_files

    targets = job.files
    relpath = document_relpath(job.name, raw.record_id)
    doc = pipeline.process(raw) if views or targets.out is None else None
    # the views first: one that cannot be made (subtitles of an untimed input) fails the
    # input before any of its files is written
    rendered = render(doc, job.name, views, document=False) if views else None
    if targets.out is not None:
        out = AtomicFile(targets.out / relpath, binary=True)
        try:
            if doc is None:
                pipeline.run(raw, DocumentJson(out.write))
            else:
                write_json(doc, out.write)
        except BaseException:
            out.abort()
            raise
        out.commit()
    if rendered is None:
        return Rendered(raw.record_id, relpath, "", {})
    del doc
    write_files(targets, rendered, document=False)
    return Rendered(raw.record_id, relpath, "", {k: v for k, v in rendered.views.items() if k in STREAM_VIEWS})


def run_job(pipeline, job: Job, views: frozenset[str] = frozenset()) -> Iterator[Message]:
    """Process one input. Never raises for the input's sake: what fails is a `Failed` message."""
    from ..readers import read_bytes
    from ..readers.base import reader_error

    streamed = _stream(job)
    if streamed is not None:
        sha256, items = streamed
    else:
        try:
            data = Path(job.source).read_bytes()
        except OSError as exc:
            yield Failed(str(reader_error("R005", job.path, reason=exc.strerror or str(exc))))
            yield Finished(None, 0)
            return
        sha256 = hashlib.sha256(data).hexdigest()
        result = read_bytes(data, job.path, encoding=job.encoding, time_unit=job.time_unit)
        del data
        items = [*result.errors, *result.transcripts]
    documents = 0
    for raw in items:
        if isinstance(raw, Exception):
            yield Failed(str(raw))
            continue
        try:
            if job.files is None:
                rendered = render(pipeline.process(raw), job.name, views)
            else:
                rendered = write_document(pipeline, raw, job, views)
        except OSError as exc:  # writing its files
            yield Failed(Errors.W005.format(path=job.path, reason=exc), raw.record_id)
            continue
        except Exception as exc:  # a bug must cost one transcript, not the batch
            where = f"{job.path} record {raw.record_id}" if raw.record_id is not None else job.path
            yield Failed(Errors.P002.format(path=where, reason=f"{type(exc).__name__}: {exc}"), raw.record_id)
            continue
        documents += 1
        yield rendered
    yield Finished(sha256, documents)


def _stream(job: Job):
    """A big JSON Lines input as a stream of records (see readers.stream), else None."""
    from ..readers import format_for_path
    from ..readers import stream

    if job.part is not None:
        found, part = job.part
        return found.sha256, stream.records(job.source, found, part, job.path, job.time_unit)
    if format_for_path(job.path) != "jsonl" or job.encoding not in (None, "utf-8", "utf8"):
        return None
    try:
        if Path(job.source).stat().st_size < stream.STREAM_BYTES:
            return None
        return stream.stream_jsonl(job.source, job.path, job.time_unit)
    except OSError:
        return None  # read whole, which reports the error
