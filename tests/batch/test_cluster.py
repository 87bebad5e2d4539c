"""The same batch on a Dask cluster: byte-identical to a serial run, also when a worker is killed."""

import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from ja_transcript.batch import RunConfig, Targets, run_batch  # noqa: E402
from ja_transcript.batch import cluster as cluster_module  # noqa: E402
from ja_transcript.readers import stream  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
TEXTS = sorted((ROOT / "tests" / "e2e").glob("*.txt")) + [ROOT / "corpus" / "iwami_coreweave_news.txt"]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as c:
        yield c


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("cluster")
    src = root / "in"
    src.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in TEXTS]
    with open(src / "many.jsonl", "w", encoding="utf-8") as fh:
        for i in range(30):
            fh.write(json.dumps({"id": f"ep{i:02d}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")
        fh.write("{not json\n")
    for i, text in enumerate(texts):
        (src / f"file{i}.txt").write_text(text, encoding="utf-8")
    lexicon = root / "lexicon.jsonl"
    lexicon.write_text('{"label": "ORG", "pattern": "ネルフ防災", "id": "NERV防災"}\n', encoding="utf-8")
    return src, lexicon


def _targets(folder: Path) -> Targets:
    return Targets(out=folder / "docs", jsonl=str(folder / "all.jsonl"), tables=folder / "tables")


def _config(lexicon: Path) -> RunConfig:
    return RunConfig(lexicons=(str(lexicon),), views=frozenset({"jsonl", "tables"}))


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def serial(batch, tmp_path_factory):
    src, lexicon = batch
    out = tmp_path_factory.mktemp("serial")
    result = run_batch([str(src)], _config(lexicon), _targets(out))
    assert result.documents == 30 + len(TEXTS) and len(result.errors) == 1
    return _tree(out)


@pytest.fixture
def small_tasks(monkeypatch):
    """Ranges of a few records: the JSON Lines input becomes several tasks."""
    monkeypatch.setattr(stream, "STREAM_BYTES", 0)
    monkeypatch.setattr(cluster_module, "RECORDS_PER_TASK", 4)


def test_dask_run_is_byte_identical_to_a_serial_run(batch, serial, cluster, tmp_path, small_tasks, monkeypatch):
    src, lexicon = batch
    monkeypatch.chdir(src.parent)  # inputs given relative, as users do; workers get absolute paths
    result = run_batch(["in"], _config(lexicon), _targets(tmp_path), executor="dask",
                       scheduler=cluster.scheduler_address)
    assert len(result.errors) == 1
    serial_relative = run_batch(["in"], _config(lexicon), _targets(tmp_path / "serial"))
    assert serial_relative.documents == result.documents
    assert _tree(tmp_path / "serial") == {k: v for k, v in _tree(tmp_path).items() if not k.startswith("serial/")}


def test_a_worker_killed_mid_run_changes_nothing(batch, serial, cluster, tmp_path, small_tasks):
    src, lexicon = batch
    client = distributed.Client(cluster.scheduler_address)
    pids = list(client.run(os.getpid).values())
    client.close()

    def kill_one():
        deadline = time.monotonic() + 60
        while len(list((tmp_path / "docs").rglob("*.json"))) < 5 and time.monotonic() < deadline:
            time.sleep(0.02)
        os.kill(pids[0], signal.SIGKILL)
        killed.append(time.monotonic())

    killed = []
    killer = threading.Thread(target=kill_one)
    killer.start()
    run_batch([str(src)], _config(lexicon), _targets(tmp_path), executor="dask", scheduler=cluster.scheduler_address)
    finished = time.monotonic()
    killer.join()
    assert killed and killed[0] < finished  # the worker died while the batch ran
    assert _tree(tmp_path) == serial


def test_small_inputs_side_by_side_go_as_one_task(tmp_path, monkeypatch):
    from ja_transcript.batch.work import Job

    sizes = [100, 100, 100, 5000, 100, 100]
    jobs = []
    for k, n in enumerate(sizes):
        path = tmp_path / f"t{k}.txt"
        path.write_text("あ" * (n // 3), encoding="utf-8")
        jobs.append(Job(k, str(path), f"t{k}"))
    jobs.append(Job(len(jobs), str(tmp_path / "missing.txt"), "missing"))  # cannot be sized: alone
    monkeypatch.setattr(cluster_module, "TASKS_PER_WORKER", 1)
    monkeypatch.setattr(cluster_module, "TASK_BYTES", 400)
    groups = cluster_module.task_groups(jobs, workers=1)
    assert [[j.index for j in g] for g in groups] == [[0, 1, 2], [3], [4, 5], [6]]
    assert [j for g in groups for j in g] == jobs  # every job once, in order
