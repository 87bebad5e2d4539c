"""Batches: many inputs into an output folder, on local worker processes.

    run_batch(["corpus/"], RunConfig(), Targets(out=Path("outputs")), workers=2)

The layers, each its own module: `naming` (output names), `work` (one job: read, process,
render; yields messages), `pool` (fault-tolerant worker processes), `sinks` (document
files at once, batch-wide streams in input order), `manifest` (what is done, for
--resume, and errors.jsonl).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from .. import __version__
from ..errors import Errors
from .config import RunConfig
from .manifest import ERRORS, MANIFEST, Manifest, entry
from .naming import input_names
from .sinks import BatchWriter, Targets
from .work import Failed, Finished, Job, Rendered, render, run_job

__all__ = ["BatchResult", "RunConfig", "Targets", "run_batch", "MANIFEST", "ERRORS"]


@dataclass
class BatchResult:
    inputs: int = 0
    documents: int = 0  # written in this run
    skipped: int = 0  # inputs already done (--resume)
    errors: list[str] = field(default_factory=list)  # this run's inputs and arguments, in order
    notices: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def run_batch(paths: Sequence[str], config: RunConfig, targets: Targets, workers: int = 1,
              resume: bool = False, pipeline=None, on_start: Callable[[int], None] | None = None,
              on_input: Callable[[str], None] | None = None) -> BatchResult:
    """Process every input found under `paths` into `targets`; never raises for an input's sake.

    `pipeline` is the one built from `config` if the caller has it already (it is built
    once per process); `on_start` is called with the number of inputs to process, `on_input`
    with each input's path as it finishes.
    """
    from ..readers import find_inputs
    from ..writers.document import remove_stale_temporaries

    result = BatchResult()
    files, arg_errors = find_inputs(paths)
    argument_errors = [(getattr(e, "path", ""), str(e)) for e in arg_errors]
    result.errors.extend(message for _, message in argument_errors)
    names, clashes = input_names(files)
    for stem, clashing in clashes:
        result.notices.append(Errors.N001.format(stem=stem, inputs=", ".join(clashing)))
    fingerprint = config.fingerprint(__version__)
    if targets.out is not None:
        remove_stale_temporaries(targets.out)
    manifest = Manifest(targets.out)
    result.inputs = len(files)

    jobs, done = [], []
    for index, (path, name) in enumerate(zip(files, names)):
        if resume and _is_done(manifest, path, fingerprint, name):
            done.append(index)
        else:
            jobs.append(Job(index, path, name, config.encoding))
    result.skipped = len(done)
    if on_start is not None:
        on_start(len(jobs))

    writer = BatchWriter(targets, list(range(len(files))))
    collected: dict[int, tuple[list[str], list[str]]] = {}
    try:
        for index in done:  # their documents stand; the batch-wide outputs still get them
            item = manifest.entries[files[index]]
            if writer.streams:
                _replay(writer, index, targets.out, item, config.views)
            writer.finished(index)
        if pipeline is None and jobs:  # once, here: forked workers share it
            pipeline = config.build_pipeline()
        for job, message in _messages(jobs, config, workers, pipeline):
            docs, errors = collected.setdefault(job.index, ([], []))
            if isinstance(message, Rendered):
                writer.document(job.index, message)
                docs.append(message.relpath)
            elif isinstance(message, Failed):
                errors.append(message.message)
            elif isinstance(message, Finished):
                manifest.record(entry(job.path, message.sha256, fingerprint, job.name, docs, errors))
                writer.finished(job.index)
                del collected[job.index]
                if on_input is not None:
                    on_input(job.path)
        writer.commit()
    except BaseException:
        writer.abort()
        manifest.finish(files, argument_errors)
        raise
    manifest.finish(files, argument_errors)
    result.documents = writer.written
    for path in files:
        result.errors.extend(manifest.entries.get(path, {}).get("errors", ()))
    return result


def _is_done(manifest: Manifest, path: str, fingerprint: str, name: str) -> bool:
    try:
        sha256 = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return False
    return manifest.is_done(path, sha256, fingerprint, name)


def _replay(writer: BatchWriter, index: int, out: Path, item: dict, views: frozenset[str]) -> None:
    """Feed the documents of an input done earlier to the batch-wide outputs."""
    from ..model import Document

    for relpath in item["documents"]:
        doc = Document.model_validate_json((out / relpath).read_text(encoding="utf-8"))
        writer.document(index, render(doc, item["name"], views), replay=True)


def _messages(jobs: list[Job], config: RunConfig, workers: int, pipeline):
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            for message in run_job(pipeline, job, config.views):
                yield job, message
        return
    from .pool import WorkerPool

    yield from WorkerPool(workers, config, pipeline=pipeline).run(jobs)
