"""Batches through the command line: names, the manifest and --resume, streams, messages."""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ja_transcript.batch import ERRORS, MANIFEST
from ja_transcript.cli import app

EXE = Path(sys.executable).with_name("ja-transcript")


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def documents(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def inputs(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("暗号試算の話です。\n暗号試算の話です。\n", encoding="utf-8")
    (src / "b.txt").write_text("そうですね。\n", encoding="utf-8")
    return src


def test_long_stem_and_long_record_id_are_written(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / ("長" * 79 + ".txt")).write_text("はい、そうです。\n", encoding="utf-8")
    (src / "r.jsonl").write_text(json.dumps({"id": "x" * 300, "text": "はい。"}) + "\n", encoding="utf-8")
    (src / "z.txt").write_text("最後の入力です。\n", encoding="utf-8")
    result = run("process", src, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    docs = documents(tmp_path / "out")
    assert len([n for n in docs if n.endswith(".json")]) == 3 and "z.json" in docs
    assert all(len(part.encode()) < 200 for name in docs for part in Path(name).parts)


def test_ids_that_clean_to_one_name_are_both_written(tmp_path):
    path = tmp_path / "ids.jsonl"
    path.write_text('{"id": "a/b", "text": "一つ目です。"}\n{"id": "a_b", "text": "二つ目です。"}\n', encoding="utf-8")
    result = run("process", path, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    texts = sorted(json.loads(b)["lines"][0]["text"] for n, b in documents(tmp_path / "out").items()
                   if n.endswith(".json"))
    assert texts == ["一つ目です。", "二つ目です。"]


def test_same_stem_other_format_get_their_own_documents_and_a_note(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "talk.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\n字幕です。\n", encoding="utf-8")
    (src / "talk.vtt").write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nウェブです。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("process", src, "--out", out)
    assert result.exit_code == 0 and "share the output name 'talk'" in result.output
    first = documents(out)
    assert json.loads(first["talk.srt.json"])["source"]["format"] == "srt"
    assert json.loads(first["talk.vtt.json"])["source"]["format"] == "vtt"
    run("process", src, "--out", out, "--resume")
    assert documents(out) == first  # stable: no swapping on a resumed run


def test_resume_redoes_what_changed_in_bytes_or_settings(inputs, tmp_path):
    out = tmp_path / "out"
    assert run("process", inputs, "--out", out).exit_code == 0
    result = run("process", inputs, "--out", out, "--resume")
    assert "2 input(s) already done" in result.output and "0 document(s) written" in result.output
    (inputs / "b.txt").write_text("暗号試算です。\n", encoding="utf-8")
    result = run("process", inputs, "--out", out, "--resume")
    assert "1 document(s) written" in result.output
    result = run("process", inputs, "--out", out, "--resume", "--no-correct")  # other options: redone
    assert "2 document(s) written" in result.output
    assert json.loads((out / "b.json").read_text(encoding="utf-8"))["corrections"] == []
    lexicon = tmp_path / "l.jsonl"
    lexicon.write_text('{"label": "TERM", "pattern": "話", "id": "話"}\n', encoding="utf-8")
    result = run("process", inputs, "--out", out, "--resume", "--no-correct", "--lexicon", lexicon)
    assert "2 document(s) written" in result.output  # another lexicon: redone


def test_resume_keeps_batch_outputs_whole(inputs, tmp_path):
    out, first, second = tmp_path / "out", tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    run("process", inputs, "--out", out, "--jsonl", first)
    run("process", inputs, "--out", out, "--jsonl", second, "--resume")
    assert first.read_bytes() == second.read_bytes() and len(first.read_text().splitlines()) == 2


def test_manifest_is_deterministic_and_names_each_input(inputs, tmp_path):
    run("process", inputs, "--out", tmp_path / "o1")
    run("process", inputs, "--out", tmp_path / "o2", "-j", "2")
    m1, m2 = (tmp_path / "o1" / MANIFEST).read_bytes(), (tmp_path / "o2" / MANIFEST).read_bytes()
    assert m1 == m2
    items = [json.loads(line) for line in m1.decode().splitlines()]
    assert [(Path(i["input"]).name, i["status"], i["documents"]) for i in items] == [
        ("a.txt", "done", ["a.json"]), ("b.txt", "done", ["b.json"])]


def test_manifest_holds_no_absolute_paths_for_relative_inputs(inputs, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run("process", "in", "--out", "out")
    assert str(tmp_path) not in (tmp_path / "out" / MANIFEST).read_text(encoding="utf-8")


def test_failures_go_to_errors_jsonl_and_the_rest_goes_on(inputs, tmp_path):
    (inputs / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00binary")
    out = tmp_path / "out"
    result = run("process", inputs, "--out", out)
    assert result.exit_code == 1 and "a PNG image" in result.output
    assert "2 document(s) written" in result.output and "1 error(s)" in result.output
    (error,) = [json.loads(line) for line in (out / ERRORS).read_text(encoding="utf-8").splitlines()]
    assert error["input"].endswith("bad.txt") and "PNG" in error["message"]
    (inputs / "bad.txt").unlink()
    assert run("process", inputs, "--out", out, "--resume").exit_code == 0
    assert not (out / ERRORS).exists()  # no stale error list


def test_output_files_follow_the_umask(inputs, tmp_path):
    old = os.umask(0o022)
    try:
        run("process", inputs, "--out", tmp_path / "out", "--jsonl", tmp_path / "all.jsonl")
    finally:
        os.umask(old)
    for path in [tmp_path / "out" / "a.json", tmp_path / "all.jsonl"]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_out_that_is_a_file_or_dash_is_a_clear_error(inputs, tmp_path):
    afile = tmp_path / "file.txt"
    afile.write_text("x", encoding="utf-8")
    result = run("process", inputs, "--out", afile)
    assert result.exit_code == 2 and "is a file, not a folder" in result.output
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = run("process", inputs, "-o", "-")
    finally:
        os.chdir(cwd)
    assert result.exit_code == 2 and "--jsonl -" in result.output and not (tmp_path / "-").exists()


def test_jsonl_to_stdout_and_through_a_symlink(inputs, tmp_path):
    done = subprocess.run([EXE, "process", inputs, "--jsonl", "-"], capture_output=True, text=True)
    assert done.returncode == 0 and len(done.stdout.splitlines()) == 2
    done = subprocess.run(f"'{EXE}' process '{inputs}' --jsonl /dev/stdout | cat", shell=True,
                          capture_output=True, text=True)
    assert done.returncode == 0 and len(done.stdout.splitlines()) == 2, done.stderr
    done = subprocess.run(["bash", "-c", f"'{EXE}' process '{inputs}' --jsonl >(cat) -q; wait"],
                          capture_output=True, text=True)
    assert done.returncode == 0 and len(done.stdout.splitlines()) == 2, done.stderr
    target = tmp_path / "real.jsonl"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    assert run("process", inputs, "--jsonl", link).exit_code == 0
    assert link.is_symlink() and len(target.read_text(encoding="utf-8").splitlines()) == 2


def test_every_bad_lexicon_line_is_listed(inputs, tmp_path):
    lexicon = tmp_path / "bad.jsonl"
    lexicon.write_text('{"label": "ORG"}\n{"label": "ORG", "pattern": "A社", "id": "A"}\nnot json\n', encoding="utf-8")
    result = run("process", inputs, "--out", tmp_path / "out", "--lexicon", lexicon)
    assert result.exit_code == 2
    assert "bad.jsonl, line 1" in result.output and "bad.jsonl, line 3" in result.output
    assert not (tmp_path / "out").exists()


def test_a_raw_line_separator_inside_a_pattern_is_not_a_line_end(inputs, tmp_path):
    lexicon = tmp_path / "l.jsonl"
    lexicon.write_text('{"label": "ORG", "pattern": "A\u2028社", "id": "A"}\nbroken\n', encoding="utf-8")
    result = run("lexicon", "check", lexicon)
    assert "l.jsonl, line 2" in result.output and "1 aliases" in result.output


def test_pipeline_is_built_once_per_run(inputs, tmp_path, monkeypatch):
    from ja_transcript.batch.config import RunConfig

    built = []
    original = RunConfig.build_pipeline
    monkeypatch.setattr(RunConfig, "build_pipeline", lambda self: built.append(1) or original(self))
    assert run("process", inputs, "--out", tmp_path / "out", "-j", "2").exit_code == 0
    assert len(built) == 1  # checked and run with one build; forked workers share it


def test_version_and_quiet():
    assert run("--version").output.startswith("ja-transcript ")


def test_no_progress_bar_when_stderr_is_not_a_terminal(inputs, tmp_path):
    done = subprocess.run([EXE, "process", inputs, "--out", tmp_path / "out"], capture_output=True, text=True)
    assert done.stderr.strip().splitlines() == ["2 document(s) written to %s from 2 input(s), 0 error(s)." % (tmp_path / "out")]
