"""A job writes its documents' files itself, the JSON streamed, and yields only what the streams need."""

import json
import os

import pytest

from ja_transcript.batch.sinks import Targets
from ja_transcript.batch.work import Failed, Finished, Job, Rendered, run_job
from ja_transcript.pipeline import Pipeline
from ja_transcript.writers import to_json
from ja_transcript.writers.document import DocumentJson

TALK = "今日は暗号試算の話です。\n今日は暗号試算の話です。\nソフトバンクが40億ドルを出すそうです。\n"


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def write_input(tmp_path, name="talk.txt", text=TALK * 3):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_document_file_is_written_by_the_job_before_its_message(pipeline, tmp_path, monkeypatch):
    monkeypatch.setattr(DocumentJson, "CHUNK", 2)
    path = write_input(tmp_path)
    out = tmp_path / "out"
    job = Job(0, str(path), "talk", files=Targets(out=out))
    messages = run_job(pipeline, job)
    rendered = next(messages)
    assert isinstance(rendered, Rendered) and rendered.json == "" and rendered.views == {}
    assert (out / "talk.json").read_text(encoding="utf-8") == to_json(pipeline.process_path(path)[0])
    assert isinstance(next(messages), Finished)


def test_with_views_the_job_writes_the_files_and_passes_on_only_the_streams(pipeline, tmp_path):
    path = write_input(tmp_path)
    targets = Targets(out=tmp_path / "out", jsonl=str(tmp_path / "all.jsonl"), text=tmp_path / "text")
    job = Job(0, str(path), "talk", files=targets)
    rendered, finished = run_job(pipeline, job, frozenset({"jsonl", "text"}))
    doc = pipeline.process_path(path)[0]
    assert rendered.json == "" and set(rendered.views) == {"jsonl"}
    assert json.loads(rendered.views["jsonl"]) == json.loads(to_json(doc))
    assert (tmp_path / "out" / "talk.json").read_text(encoding="utf-8") == to_json(doc)
    assert (tmp_path / "text" / "talk.txt").is_file()


def test_without_files_the_message_carries_the_document(pipeline, tmp_path):
    path = write_input(tmp_path)
    rendered, _ = run_job(pipeline, Job(0, str(path), "talk"))
    assert rendered.json == to_json(pipeline.process_path(path)[0])
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_document_that_cannot_be_written_fails_alone(pipeline, tmp_path):
    path = write_input(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o500)
    try:
        messages = list(run_job(pipeline, Job(0, str(path), "talk", files=Targets(out=out))))
    finally:
        out.chmod(0o700)
    failed, finished = messages
    assert isinstance(failed, Failed) and str(path) in failed.message and "cannot write" in failed.message
    assert isinstance(finished, Finished) and finished.documents == 0
    assert list(out.iterdir()) == []


def test_a_write_error_midway_leaves_no_partial_file(pipeline, tmp_path, monkeypatch):
    path = write_input(tmp_path)
    out = tmp_path / "out"
    calls = []

    def full_disk(self, data):
        calls.append(data)
        if len(calls) > 3:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr("ja_transcript.writers.document.AtomicFile.write", full_disk)
    monkeypatch.setattr(DocumentJson, "CHUNK", 1)
    failed, finished = run_job(pipeline, Job(0, str(path), "talk", files=Targets(out=out)))
    assert isinstance(failed, Failed) and "No space left" in failed.message
    assert list(out.iterdir()) == []
