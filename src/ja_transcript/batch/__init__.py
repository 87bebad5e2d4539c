"""Batches: many inputs into an output folder, on local worker processes.

    run_batch(["corpus/"], RunConfig(), Targets(out=Path("outputs")), workers=2)

The layers, each its own module: `naming` (output names), `work` (one job: read, process,
write the documents' files, render the streams' parts; yields messages), `pool`
(fault-tolerant worker processes), `sinks` (batch-wide streams in input order), `manifest`
(what is done, for --resume, and errors.jsonl).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
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
              on_input: Callable[[str], None] | None = None, executor: str = "local",
              scheduler: str | None = None) -> BatchResult:
    """Process every input found under `paths` into `targets`; never raises for an input's sake.

    `executor` "local" runs `workers` local processes; "dask" runs on the dask.distributed
    cluster at `scheduler` (without one, a local cluster of `workers` processes).
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
    if executor == "dask":
        from .cluster import DaskExecutor

        runner = DaskExecutor(config, targets, workers, scheduler)
    else:
        runner = LocalExecutor(config, workers, pipeline, targets)

    # Units, in the order the batch-wide streams are written: an input done before (--resume),
    # or a job: an input, or on a cluster a range of a big JSON Lines input's records.
    jobs, replays, units_of = [], [], {}
    for i, (path, name) in enumerate(zip(files, names)):
        unit = len(jobs) + len(replays)
        if resume and _is_done(manifest, path, fingerprint, name):
            replays.append((unit, i))
            continue
        parts = runner.split(Job(unit, path, name, config.encoding, config.time_unit, input=i))
        jobs += [replace(part, index=unit + k) for k, part in enumerate(parts)]
        units_of[i] = len(parts)
    result.skipped = len(replays)
    if on_start is not None:
        on_start(len(units_of))

    writer = BatchWriter(targets, list(range(len(jobs) + len(replays))))
    collected: dict[int, dict[int, tuple[list[str], list[str], str | None]]] = {}
    try:
        for unit, i in replays:  # their documents stand; the batch-wide outputs still get them
            item = manifest.entries[files[i]]
            if writer.streams:
                _replay(writer, unit, targets.out, item, config.views)
            writer.finished(unit)
        current: dict[int, tuple[list[str], list[str]]] = {}
        for job, message in runner.run(jobs):
            docs, errors = current.setdefault(job.index, ([], []))
            if isinstance(message, Rendered):
                writer.document(job.index, message, files=runner.local_files)
                docs.append(message.relpath)
            elif isinstance(message, Failed):
                errors.append(message.message)
            elif isinstance(message, Finished):
                del current[job.index]
                writer.finished(job.index)
                parts = collected.setdefault(job.input, {})
                parts[job.index] = (docs, errors, message.sha256)
                if len(parts) == units_of[job.input]:
                    del collected[job.input]
                    done = [parts[k] for k in sorted(parts)]
                    sha256 = None if any(p[2] is None for p in done) else done[0][2]
                    manifest.record(entry(job.path, sha256, fingerprint, job.name,
                                          [d for p in done for d in p[0]], [e for p in done for e in p[1]]))
                    if on_input is not None:
                        on_input(job.path)
        writer.commit()
    except BaseException:
        writer.abort()
        manifest.finish(files, argument_errors)
        raise
    if targets.out is not None:
        # every job is done and no worker writes now: a worker killed while writing a document
        # left its temporary file, which the job, run again, did not know of
        remove_stale_temporaries(targets.out)
    manifest.finish(files, argument_errors)
    result.documents = writer.written
    for path in files:
        result.errors.extend(manifest.errors(path))
    return result


class LocalExecutor:
    """Jobs in this process (one worker, or one input) or on local worker processes."""

    local_files = False  # each job writes its documents' files (the document as it is made)

    def __init__(self, config: RunConfig, workers: int, pipeline=None, targets: Targets | None = None):
        self.config, self.workers, self.pipeline = config, workers, pipeline
        self.targets = targets

    def split(self, job: Job) -> list[Job]:
        return [replace(job, files=self.targets)]  # a big JSON Lines input streams through one worker

    def run(self, jobs: list[Job]):
        if not jobs:
            return
        if self.pipeline is None:  # once, here: forked workers share it
            self.pipeline = self.config.build_pipeline()
        if self.workers <= 1 or len(jobs) <= 1:
            for job in jobs:
                for message in run_job(self.pipeline, job, self.config.views):
                    yield job, message
            return
        from .pool import WorkerPool

        yield from WorkerPool(self.workers, self.config, pipeline=self.pipeline).run(jobs)


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
        writer.document(index, render(doc, item["name"], views, document=False), replay=True)
