"""kill -9 of the main process or of one worker: no orphans, no partial files, and after
--resume the same bytes as a run that was never interrupted."""

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXE = Path(sys.executable).with_name("ja-transcript")
TEXTS = sorted((ROOT / "tests" / "e2e").glob("*.txt")) + [ROOT / "corpus" / "iwami_coreweave_news.txt"]

pytestmark = pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux /proc")


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """A JSON Lines input of many records and some files: a few seconds on two workers."""
    root = tmp_path_factory.mktemp("kill")
    src = root / "in"
    src.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in TEXTS]
    with open(src / "a_many.jsonl", "w", encoding="utf-8") as fh:  # first in the run
        for i in range(48):
            fh.write(json.dumps({"id": f"ep{i:02d}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")
    for i, text in enumerate(texts * 2):
        (src / f"file{i:02d}.txt").write_text(text, encoding="utf-8")
    reference = root / "reference"
    subprocess.run(_command(src, reference), check=True, capture_output=True)
    return src, reference


def _command(src: Path, out: Path, *extra: str) -> list[str]:
    return [str(EXE), "process", str(src), "--out", str(out / "docs"), "--jsonl", str(out / "all.jsonl"),
            "-j", "2", "-q", *extra]


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _marked(mark: str) -> list[int]:
    """Processes whose environment carries `mark` (the run and every worker it started)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if mark.encode() in (entry / "environ").read_bytes():
                    pids.append(int(entry.name))
            except OSError:
                continue
    return pids


def _start(src: Path, out: Path) -> tuple[subprocess.Popen, str]:
    mark = f"JA_TRANSCRIPT_TEST_RUN={uuid.uuid4().hex}"
    env = {**os.environ, mark.split("=")[0]: mark.split("=")[1]}
    proc = subprocess.Popen(_command(src, out), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return proc, mark


def _wait_for_documents(out: Path, count: int, proc: subprocess.Popen, folder: str = "") -> None:
    deadline = time.monotonic() + 120
    while len(list((out / "docs" / folder).rglob("*.json"))) < count:
        assert proc.poll() is None, "the run ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.05)


def test_kill_main_process_then_resume(batch, tmp_path):
    src, reference = batch
    proc, mark = _start(src, tmp_path)
    _wait_for_documents(tmp_path, 5, proc, "a_many")  # in the middle of the JSON Lines input
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert len(list((tmp_path / "docs" / "a_many").glob("*.json"))) < 48
    deadline = time.monotonic() + 5
    while _marked(mark) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _marked(mark) == []  # every worker ended with its parent
    assert not (tmp_path / "all.jsonl").exists()  # a stream appears whole or not at all
    assert not [p for p in (tmp_path / "docs").rglob("*.tmp")]
    partial = _tree(tmp_path / "docs")
    assert len(partial) < len(_tree(reference / "docs"))
    done = subprocess.run(_command(src, tmp_path, "--resume"), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert _tree(tmp_path / "docs") == _tree(reference / "docs")
    assert (tmp_path / "all.jsonl").read_bytes() == (reference / "all.jsonl").read_bytes()


def test_kill_one_worker_the_batch_goes_on(batch, tmp_path):
    src, reference = batch
    proc, mark = _start(src, tmp_path)
    _wait_for_documents(tmp_path, 8, proc)
    workers = [pid for pid in _marked(mark) if pid != proc.pid]
    assert workers
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr.decode()
    assert _tree(tmp_path / "docs") == _tree(reference / "docs")
    assert (tmp_path / "all.jsonl").read_bytes() == (reference / "all.jsonl").read_bytes()
