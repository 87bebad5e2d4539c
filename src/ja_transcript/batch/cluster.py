"""Batches on a Dask cluster (dask.distributed): `process --executor dask [--scheduler ADDRESS]`.

Tasks are inputs, and ranges of records of big JSON Lines inputs, so one huge file is
spread over the cluster too; small inputs side by side go as one task (`task_groups`), as a
task costs the scheduler and the client a few milliseconds whatever its size. Each worker process builds one pipeline, from settings that
travel as content (lexicon texts, not paths), the first time it needs it. Workers write
each document's files themselves, atomically and under the same names as a local run; the
client gets back only what the batch-wide streams and the manifest need, and writes those
in input order. A worker that dies loses nothing: Dask runs its tasks again elsewhere, and
a task is deterministic, so the result is the same bytes.

The output folders must be storage every worker sees (a shared file system), at the same
path; so must the inputs.
"""

from __future__ import annotations

import os
import threading
import uuid
from dataclasses import replace
from typing import Iterator

from ..errors import Errors
from .config import RunConfig
from .sinks import Targets
from .work import Failed, Finished, Job, Message, run_job

RECORDS_PER_TASK = 200  # records of a big JSON Lines input per task
TASK_BYTES = 512 * 1024  # inputs are grouped into tasks of about this much (at most)
TASKS_PER_WORKER = 16  # but into this many tasks a worker at least, so the work stays balanced
_local = threading.local()  # in each worker thread: its pipeline (SudachiPy is not thread-safe)


def _pipeline(config: RunConfig, fingerprint: str):
    """The calling thread's pipeline for these settings, built on first use; a new batch's
    settings replace the old (one pipeline a thread)."""
    if getattr(_local, "fingerprint", None) != fingerprint:
        _local.pipeline, _local.fingerprint = config.build_pipeline(), fingerprint
    return _local.pipeline


def run_task(config: RunConfig, fingerprint: str, targets: Targets, jobs: list[Job]) -> list[list[Message]]:
    """One task on a worker: process its jobs, write their documents' files, return the rest
    (one list of messages a job)."""
    pipeline = _pipeline(config, fingerprint)
    return [list(run_job(pipeline, replace(job, files=targets), config.views)) for job in jobs]


def task_groups(jobs: list[Job], workers: int) -> list[list[Job]]:
    """Consecutive jobs in groups of about `TASK_BYTES` of input, or less when the batch is
    small (at least `TASKS_PER_WORKER` groups a worker); a range of records, or a file that
    cannot be sized, is a group of its own.

    >>> from .work import Job
    >>> [len(g) for g in task_groups([Job(k, f"/nonexistent/{k}", str(k)) for k in range(3)], 2)]
    [1, 1, 1]
    """
    sizes = []
    for job in jobs:
        try:
            sizes.append(None if job.part is not None else os.path.getsize(job.source))
        except OSError:
            sizes.append(None)
    target = min(TASK_BYTES, sum(n or 0 for n in sizes) // (TASKS_PER_WORKER * max(1, workers)))
    groups: list[list[Job]] = []
    size = target  # the next job opens a group
    for job, n in zip(jobs, sizes):
        if n is None or size + n > target:
            groups.append([job])
            size = target if n is None else n
        else:
            groups[-1].append(job)
            size += n
    return groups


class DaskExecutor:
    local_files = False  # the workers write each document's files

    def __init__(self, config: RunConfig, targets: Targets, workers: int, scheduler: str | None):
        from .. import __version__

        self.config = config.with_contents()
        self.fingerprint = config.fingerprint(__version__)
        # the workers' view of the outputs: absolute paths (their working folder may differ)
        self.targets = replace(targets, out=_absolute(targets.out), text=_absolute(targets.text),
                               html=_absolute(targets.html), srt=_absolute(targets.srt), vtt=_absolute(targets.vtt),
                               jsonl=None, removed=None, tables=None)
        self.workers, self.scheduler = max(1, workers), scheduler

    def split(self, job: Job) -> list[Job]:
        """A big JSON Lines input becomes a job per range of records."""
        from ..readers import format_for_path
        from ..readers import stream

        job = replace(job, location=os.path.abspath(job.path))
        if format_for_path(job.path) != "jsonl" or job.encoding not in (None, "utf-8", "utf8"):
            return [job]
        try:
            if os.path.getsize(job.path) < stream.STREAM_BYTES:
                return [job]
        except OSError:
            return [job]
        found = stream.scan(job.path, RECORDS_PER_TASK, name=job.path, time_unit=job.time_unit)
        if found is None:
            return [job]
        parts = []
        ends = [r.first_record for r in found.ranges[1:]] + [len(found.ids)]
        for part, upto in zip(found.ranges, ends):  # each task carries only its own ids
            own = replace(found, ids=found.ids[part.first_record:upto], ranges=[])
            parts.append(replace(job, part=(own, replace(part, first_record=0))))
        return parts

    def run(self, jobs: list[Job]) -> Iterator[tuple[Job, Message]]:
        if not jobs:
            return
        from distributed import Client, LocalCluster, as_completed

        cluster = None
        if self.scheduler is None:
            cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
        client = Client(self.scheduler or cluster)
        run = uuid.uuid4().hex[:8]  # task keys of this run only
        try:
            config = client.scatter(self.config, broadcast=True)  # sent once to each worker
            workers = max(1, sum(client.nthreads().values()))
            window = 4 * workers
            pending = iter(task_groups(jobs, workers))
            futures = as_completed()
            by_key: dict[str, list[Job]] = {}

            def submit(group: list[Job]) -> None:
                future = client.submit(run_task, config, self.fingerprint, self.targets, group, pure=False,
                                       key=f"ja-transcript-{run}-{group[0].index}")
                by_key[future.key] = group
                futures.add(future)

            for group in [g for g in (next(pending, None) for _ in range(window)) if g is not None]:
                submit(group)
            for future in futures:
                group = by_key.pop(future.key)
                try:
                    results = future.result()
                except Exception as exc:  # the task killed worker after worker, or failed there
                    results = [[Failed(Errors.P006.format(path=job.path, reason=f"{type(exc).__name__}: {exc}")),
                                Finished(None, 0)] for job in group]
                future.release()
                nxt = next(pending, None)
                if nxt is not None:
                    submit(nxt)
                for job, messages in zip(group, results):
                    for message in messages:
                        yield job, message
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def _absolute(path):
    return None if path is None else path.absolute()
