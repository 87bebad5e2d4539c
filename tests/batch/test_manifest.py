"""The run manifest: this run's entries go to the file as inputs finish and are not held."""

import json

from ja_transcript.batch.manifest import ERRORS, MANIFEST, Manifest, entry


def test_entries_of_this_run_are_written_not_held_and_end_in_input_order(tmp_path):
    manifest = Manifest(tmp_path)
    names = [f"in/{i}.txt" for i in range(5)]
    for path in reversed(names):  # inputs finish in any order
        manifest.record(entry(path, "0" * 64, "cfg", path[3:-4], [f"{path[3:-4]}.json"],
                              ["bad line"] if path == "in/3.txt" else []))
        assert manifest.entries == {}  # what earlier runs recorded only
    journal = (tmp_path / MANIFEST).read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["input"] for line in journal] == names[::-1]  # durable as they finish
    manifest.finish(names)
    lines = [json.loads(line) for line in (tmp_path / MANIFEST).read_text(encoding="utf-8").splitlines()]
    assert [item["input"] for item in lines] == names
    assert [item["status"] for item in lines] == ["done"] * 5
    assert manifest.errors("in/3.txt") == ["bad line"] and manifest.errors("in/1.txt") == []
    assert json.loads((tmp_path / ERRORS).read_text(encoding="utf-8")) == {"input": "in/3.txt", "message": "bad line"}


def test_a_rerun_replaces_its_inputs_entries_and_keeps_the_others(tmp_path):
    first = Manifest(tmp_path)
    for path in ("a.txt", "b.txt"):
        first.record(entry(path, "1" * 64, "old", path[:-4], [], ["failed"]))
    first.finish(["a.txt", "b.txt"])
    second = Manifest(tmp_path)
    assert second.errors("b.txt") == ["failed"]  # an earlier run's, until this run records it
    second.record(entry("b.txt", "2" * 64, "new", "b", ["b.json"], []))
    second.finish(["b.txt"])
    lines = [json.loads(line) for line in (tmp_path / MANIFEST).read_text(encoding="utf-8").splitlines()]
    assert [(item["input"], item["config"]) for item in lines] == [("b.txt", "new"), ("a.txt", "old")]
    assert not (tmp_path / ERRORS).exists()
