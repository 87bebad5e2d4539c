"""Worker processes that survive their own failures and never outlive the batch.

`concurrent.futures.ProcessPoolExecutor` gives up on every pending job when one worker
dies (BrokenProcessPool), and its workers linger when the main process is killed. Here
each worker runs one job at a time over its own pipe, so the pool knows which job a dead
worker held: that job is run again once in a fresh worker (messages already delivered are
not delivered twice: a job is deterministic), then reported as failed; the rest goes on.

Workers end with their parent: each watches its parent's pid and exits when it changes
(the parent was killed, even by SIGKILL). They are recycled after `max_jobs` jobs, so a
long batch cannot accumulate memory in them.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from multiprocessing.connection import wait
from typing import Iterable, Iterator

from ..errors import Errors
from .config import RunConfig
from .work import Failed, Finished, Job, Message, run_job

_inherited = None  # the parent's pipeline, which forked workers use as they find it
_PARENT_POLL_S = 0.5


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(_PARENT_POLL_S)
        if os.getppid() != parent:
            os._exit(1)


def _worker(conn, config: RunConfig, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and ends the workers
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    pipeline = _inherited if _inherited is not None else config.build_pipeline()
    gc.freeze()  # as the command line does: the pipeline stays, collections need not walk it
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        for message in run_job(pipeline, job, config.views):
            conn.send(message)


class _Worker:
    def __init__(self, context, config: RunConfig):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(child, config, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.jobs = 0
        self.task: _Task | None = None

    def stop(self, kill: bool = False) -> None:
        try:
            if kill:
                self.process.kill()
            else:
                self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.process.join(timeout=None if not kill else 5)
        self.conn.close()


class _Task:
    def __init__(self, job: Job):
        self.job = job
        self.attempts = 0
        self.delivered = 0  # messages given out, over all attempts
        self.received = 0  # messages of the current attempt


def _start_method() -> str:
    # fork shares the parent's pipeline (and a big lexicon) with no rebuilding; elsewhere
    # (macOS, Windows) each worker builds its own from the settings.
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


class WorkerPool:
    """Runs jobs on `workers` processes; yields (job, message) as messages arrive.

    At most `ahead` jobs past the earliest unfinished one are started, so a receiver that
    writes outputs in job order buffers a bounded number of them.
    """

    def __init__(self, workers: int, config: RunConfig, pipeline=None, max_jobs: int = 200,
                 ahead: int | None = None):
        global _inherited
        _inherited = pipeline
        self.size = workers
        self.config = config
        self.max_jobs = max_jobs
        self.ahead = ahead if ahead is not None else 4 * workers
        self.context = multiprocessing.get_context(_start_method())
        self.idle: list[_Worker] = []
        self.busy: list[_Worker] = []

    def run(self, jobs: Iterable[Job]) -> Iterator[tuple[Job, Message]]:
        pending = deque(_Task(job) for job in jobs)
        unfinished = sorted(task.job.index for task in pending)
        done: set[int] = set()
        head = 0  # position in `unfinished` of the earliest job not finished
        try:
            while pending or self.busy:
                while pending and len(self.busy) < self.size:
                    while head < len(unfinished) and unfinished[head] in done:
                        done.discard(unfinished[head])  # behind the head: no longer asked about
                        head += 1
                    limit = unfinished[min(head + self.ahead, len(unfinished) - 1)]
                    if pending[0].job.index > limit and self.busy:
                        break
                    self._start(pending.popleft())
                ready = wait([w.conn for w in self.busy])
                for worker in [w for w in self.busy if w.conn in ready]:
                    yield from self._receive(worker, pending, done)
        finally:
            self.close()

    def _start(self, task: _Task) -> None:
        while True:
            worker = self.idle.pop() if self.idle else _Worker(self.context, self.config)
            try:
                worker.conn.send(task.job)
                break
            except OSError:  # an idle worker died (killed between jobs): not this job's fault
                worker.stop(kill=True)
        task.attempts += 1
        task.received = 0
        worker.task = task
        worker.jobs += 1
        self.busy.append(worker)

    def _receive(self, worker: _Worker, pending: deque, done: set[int]) -> Iterator[tuple[Job, Message]]:
        task = worker.task
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):  # the worker died holding this job
            self.busy.remove(worker)
            worker.stop(kill=True)
            if task.attempts < 2:
                pending.appendleft(task)
                return
            code = worker.process.exitcode
            yield task.job, Failed(Errors.P004.format(path=task.job.path, how=_how(code)))
            yield task.job, Finished(None, 0)
            done.add(task.job.index)
            return
        task.received += 1
        if task.received <= task.delivered and not isinstance(message, Finished):
            return  # delivered by an earlier attempt
        if not isinstance(message, Finished):
            task.delivered += 1
            yield task.job, message
            return
        yield task.job, message
        done.add(task.job.index)
        worker.task = None
        self.busy.remove(worker)
        if worker.jobs >= self.max_jobs:
            worker.stop()
        else:
            self.idle.append(worker)

    def close(self) -> None:
        for worker in self.busy:
            worker.stop(kill=True)
        for worker in self.idle:
            worker.stop()
        self.busy, self.idle = [], []


def _how(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name if -exitcode in signal.Signals._value2member_map_ else -exitcode
        hint = " (SIGKILL often means the machine ran out of memory)" if exitcode == -signal.SIGKILL else ""
        return f"was killed by signal {name}{hint}"
    return f"exited with status {exitcode}"
