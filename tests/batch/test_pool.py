"""The worker pool: a job whose worker dies is retried once, then reported; the rest go on."""

import os

import pytest

from ja_transcript.batch import pool as pool_module
from ja_transcript.batch.config import RunConfig
from ja_transcript.batch.pool import WorkerPool
from ja_transcript.batch.work import Failed, Finished, Job, Rendered

pytestmark = pytest.mark.skipif(pool_module._start_method() != "fork", reason="patches run_job in forked workers")


def fake_run_job(pipeline, job, views):
    """Two documents per job; the job named "crash" kills its worker, "flaky" only on the first try."""
    if job.name == "crash":
        os._exit(9)
    if job.name == "flaky" and not os.path.exists(job.path + ".tried"):
        open(job.path + ".tried", "w").close()
        yield Rendered(None, f"{job.name}/1.json", "{}", {})
        os._exit(9)
    for k in (1, 2):
        yield Rendered(None, f"{job.name}/{k}.json", "{}", {})
    yield Finished("sha", 2)


@pytest.fixture
def patched(monkeypatch):
    monkeypatch.setattr(pool_module, "run_job", fake_run_job)


def collect(jobs, **kw):
    out: dict[str, list] = {}
    for job, message in WorkerPool(2, RunConfig(), pipeline=object(), **kw).run(jobs):
        out.setdefault(job.name, []).append(message)
    return out


def test_dead_worker_job_is_retried_without_repeating_messages(patched, tmp_path):
    jobs = [Job(i, str(tmp_path / name), name) for i, name in enumerate(["a", "flaky", "b", "c"])]
    out = collect(jobs)
    assert [m.relpath for m in out["flaky"] if isinstance(m, Rendered)] == ["flaky/1.json", "flaky/2.json"]
    assert all(isinstance(out[n][-1], Finished) and out[n][-1].sha256 == "sha" for n in "abc")


def test_job_that_kills_its_worker_twice_is_reported_and_the_rest_go_on(patched, tmp_path):
    jobs = [Job(i, f"in/{name}.txt", name) for i, name in enumerate(["a", "crash", "b", "c", "d"])]
    out = collect(jobs, max_jobs=2)  # and workers are recycled on the way
    failed, finished = out["crash"]
    assert isinstance(failed, Failed) and "in/crash.txt" in failed.message and "twice" in failed.message
    assert isinstance(finished, Finished) and finished.sha256 is None
    assert all(len(out[n]) == 3 for n in "abcd")
