"""The command line: batch processing, stdin, errors that name the input, atomic outputs."""

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from ja_transcript.cli import app

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


@pytest.fixture
def batch(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text("暗号試算の話です。\n暗号試算の話です。\n", encoding="utf-8")
    (src / "sub" / "b.srt").write_text(
        "1\n00:00:01,000 --> 00:00:02,000\nこんにちは。\n\n2\n00:00:02,500 --> 00:00:04,000\n今日は雨らしいです。\n",
        encoding="utf-8")
    (src / "c.jsonl").write_text('{"id": "ep1", "text": "はい。"}\n{bad\n{"id": "ep/2", "text": "そうですね。"}\n',
                                 encoding="utf-8")
    (src / "d.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    (src / ".hidden.txt").write_text("見えない", encoding="utf-8")
    return src


def test_batch_writes_each_document_and_reports_each_failure(batch, tmp_path):
    out = tmp_path / "out"
    before = {p: p.read_bytes() for p in batch.rglob("*") if p.is_file()}
    result = run("process", str(batch), "--out", str(out), "--removed", str(tmp_path / "removed.jsonl"))
    assert result.exit_code == 1  # the bad JSONL line and the binary file
    names = sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))
    # "ep/2" is no file name: made safe, with a hash of the id so that it cannot meet another id's name
    assert names == ["a.json", "b.json", "c/ep1.json", "c/ep_2-93336870.json"]
    assert "c.jsonl, line 2" in result.output and "d.txt" in result.output
    assert [p.name for p in out.rglob(".*")] == [".ja-transcript-manifest.jsonl"]  # no temporary files
    assert {p: p.read_bytes() for p in batch.rglob("*") if p.is_file()} == before  # inputs untouched
    b = json.loads((out / "b.json").read_text(encoding="utf-8"))
    assert b["source"]["format"] == "srt" and b["lines"][1]["start"] == 2.5
    removed = [json.loads(l) for l in (tmp_path / "removed.jsonl").read_text(encoding="utf-8").splitlines()]
    assert removed == [{"source": str(batch / "a.txt"), "record_id": None, "line": 2, "text": "暗号試算の話です。",
                        "reason": "repeat", "duplicate_of": 1, "duplicate_text": "暗号試算の話です。",
                        "start": None, "end": None}]


def test_stdin_to_stdout():
    result = run("process", "-", input="CoreWebが急凍した。\n".encode("utf-8"))
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["source"]["path"] == "-"
    assert doc["lines"][0]["clean"] == "CoreWeaveが急騰した。"


def test_options_switch_stages_and_confidence(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("暗号試算。\n暗号試算。\n", encoding="utf-8")
    run("process", str(path), "--out", str(tmp_path / "o1"), "--no-correct", "--no-dedup")
    d = json.loads((tmp_path / "o1" / "x.json").read_text(encoding="utf-8"))
    assert d["corrections"] == [] and not any(l["removed"] for l in d["lines"])
    run("process", str(path), "--out", str(tmp_path / "o2"))
    confidences = [c["confidence"] for c in json.loads((tmp_path / "o2" / "x.json").read_text("utf-8"))["corrections"]]
    assert confidences and all(0.6 <= c < 1.0 for c in confidences)  # a probability, never certainty
    run("process", str(path), "--out", str(tmp_path / "o3"), "--min-confidence", "1.0")
    d = json.loads((tmp_path / "o3" / "x.json").read_text(encoding="utf-8"))
    assert d["corrections"] == []


def test_user_lexicon_and_bad_lexicon(tmp_path):
    text = tmp_path / "t.txt"
    text.write_text("キートルーダの治験が始まりました。\n", encoding="utf-8")
    lex = tmp_path / "pharma.jsonl"
    lex.write_text('{"label": "PRODUCT", "pattern": "キイトルーダ", "id": "Keytruda"}\n', encoding="utf-8")
    result = run("process", str(text), "--out", str(tmp_path / "o"), "--lexicon", str(lex), "--no-default-lexicon")
    assert result.exit_code == 0
    d = json.loads((tmp_path / "o" / "t.json").read_text(encoding="utf-8"))
    assert [c["canonical"] for c in d["corrections"]] == ["Keytruda"]
    lex.write_text('{"label": "PRODUCT", "pattern": "キイトルーダ"}\n', encoding="utf-8")
    result = run("process", str(text), "--out", str(tmp_path / "o3"), "--lexicon", str(lex))
    assert result.exit_code == 2 and "pharma.jsonl, line 1" in result.output and 'missing "id"' in result.output
    assert not (tmp_path / "o3").exists()


def test_lexicon_check(tmp_path):
    lex = tmp_path / "l.jsonl"
    lex.write_text('{"label": "ORG", "pattern": "A社", "id": "A"}\n# c\n{"label": "ORG"}\n', encoding="utf-8")
    result = run("lexicon", "check", str(lex))
    assert result.exit_code == 1 and "l.jsonl, line 3" in result.output
    good = ROOT / "src" / "ja_transcript" / "data" / "default_lexicon.jsonl"
    assert run("lexicon", "check", str(good)).exit_code == 0


def test_missing_input_is_reported_and_others_go_on(tmp_path):
    ok = tmp_path / "ok.txt"
    ok.write_text("はい。\n", encoding="utf-8")
    result = run("process", str(tmp_path / "missing.txt"), str(ok), "--out", str(tmp_path / "o"))
    assert result.exit_code == 1 and "missing.txt" in result.output
    assert (tmp_path / "o" / "ok.json").exists()


def test_schema_command_is_the_models_schema():
    schema = json.loads(run("schema").stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["schema_version"]["const"] == "1.1"


def test_workers_give_the_same_documents(batch, tmp_path):
    run("process", str(batch), "--out", str(tmp_path / "one"))
    run("process", str(batch), "--out", str(tmp_path / "two"), "--workers", "2")
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*.json")}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*.json")}
    assert one == two and len(one) == 4


def test_console_script_is_installed():
    exe = Path(sys.executable).with_name("ja-transcript")
    result = subprocess.run([str(exe), "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "process" in result.stdout


def test_python_m_runs_the_command_line():
    from ja_transcript import __version__

    result = subprocess.run([sys.executable, "-m", "ja_transcript", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and __version__ in result.stdout


def test_ginza_option_without_the_model_says_how_to_install(tmp_path, monkeypatch):
    import ja_transcript.extract.ginza_backend as backend

    monkeypatch.setattr(backend, "is_available", lambda model="ja_ginza": False)
    path = tmp_path / "x.txt"
    path.write_text("はい。\n", encoding="utf-8")
    result = run("process", str(path), "--out", str(tmp_path / "o"), "--ginza")
    assert result.exit_code == 2 and 'ja-transcript[ginza]' in result.output


def test_output_does_not_depend_on_hash_seed(tmp_path):
    exe = Path(sys.executable).with_name("ja-transcript")
    sample = ROOT / "corpus" / "iwami_coreweave_news.txt"
    outs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([str(exe), "process", str(sample), "--out", str(tmp_path / seed)], env=env, check=True,
                       capture_output=True)
        outs.append((tmp_path / seed / "iwami_coreweave_news.json").read_bytes())
    assert outs[0] == outs[1]


def test_jsonl_holds_every_document_in_order(batch, tmp_path):
    run("process", str(batch), "--out", str(tmp_path / "o"), "--jsonl", str(tmp_path / "all.jsonl"))
    docs = [json.loads(l) for l in (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(Path(d["source"]["path"]).name, d["source"]["record_id"]) for d in docs] == [
        ("a.txt", None), ("c.jsonl", "ep1"), ("c.jsonl", "ep/2"), ("b.srt", None)]
    assert docs[0] == json.loads((tmp_path / "o" / "a.json").read_text(encoding="utf-8"))


def test_resume_skips_what_is_done_and_redoes_what_changed(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("はい。\n", encoding="utf-8")
    (src / "b.txt").write_text("そうですね。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run("process", str(src), "--out", str(out)).exit_code == 0
    (src / "b.txt").write_text("暗号試算の話です。\n", encoding="utf-8")
    result = run("process", str(src), "--out", str(out), "--resume")
    assert result.exit_code == 0 and "1 input(s) already done" in result.output
    assert json.loads((out / "b.json").read_text(encoding="utf-8"))["lines"][0]["clean"] == "暗号資産の話です。"


def test_subtitles_out_for_timed_inputs_and_a_clear_error_for_untimed(tmp_path):
    import srt as srt_lib

    batch = tmp_path / "in"
    batch.mkdir()
    (batch / "talk.srt").write_text("1\n00:00:01,000 --> 00:00:02,500\n暗号試算の話です。\n\n"
                                    "2\n00:00:03,000 --> 00:00:04,000\n[音楽]\n", encoding="utf-8")
    (batch / "notes.txt").write_text("今日は晴れ。\n", encoding="utf-8")
    out, subs, vtts = tmp_path / "out", tmp_path / "srt", tmp_path / "vtt"
    result = run("process", str(batch), "--out", str(out), "--srt", str(subs), "--vtt", str(vtts))
    assert result.exit_code == 1
    assert "notes.txt has no timings" in result.output
    cues = list(srt_lib.parse((subs / "talk.srt").read_text(encoding="utf-8")))
    assert [(c.content, c.start.total_seconds(), c.end.total_seconds()) for c in cues] == [
        ("暗号資産の話です。", 1.0, 2.5), ("[音楽]", 3.0, 4.0)]
    assert (vtts / "talk.vtt").read_text(encoding="utf-8").startswith("WEBVTT\n\n00:00:01.000 --> 00:00:02.500\n")
    assert not (subs / "notes.srt").exists() and not (out / "notes.json").exists()


def test_no_terms_leaves_domain_words_out_and_names_in(tmp_path):
    src = tmp_path / "t.txt"
    src.write_text("CoreWeaveの株価が上がった。\n", encoding="utf-8")
    run("process", str(src), "--out", str(tmp_path / "a"))
    run("process", str(src), "--out", str(tmp_path / "b"), "--no-terms")
    a = json.loads((tmp_path / "a" / "t.json").read_text(encoding="utf-8"))
    b = json.loads((tmp_path / "b" / "t.json").read_text(encoding="utf-8"))
    assert "TERM" in {e["label"] for e in a["entities"]}
    assert [e["label"] for e in b["entities"]] == ["ORG"] and b["stats"]["entities"] == 1
    assert a["claims"] == b["claims"]


def test_time_unit_option_reads_times_that_do_not_say_their_unit(tmp_path):
    # whole numbers and slow replies: seconds or milliseconds alike
    talk = tmp_path / "talk.json"
    talk.write_text(json.dumps({"segments": [{"speaker": "佐藤", "start": 12, "end": 20, "text": "はい"},
                                             {"speaker": "鈴木", "start": 20, "end": 30, "text": "うーん"}]},
                               ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    result = run("process", str(talk), "--out", str(out))
    assert result.exit_code == 1 and "talk.json" in result.output and "--time-unit ms" in result.output
    result = run("process", str(talk), "--out", str(out), "--time-unit", "ms", "--resume")
    assert result.exit_code == 0, result.output
    doc = json.loads((out / "talk.json").read_text(encoding="utf-8"))
    assert doc["source"]["time_unit"] == "ms" and (doc["lines"][0]["start"], doc["lines"][1]["end"]) == (0.012, 0.03)
    # another unit is another setting: --resume does the input again
    result = run("process", str(talk), "--out", str(out), "--time-unit", "s", "--resume")
    assert result.exit_code == 0 and "already done" not in result.output
    doc = json.loads((out / "talk.json").read_text(encoding="utf-8"))
    assert doc["source"]["time_unit"] == "s" and doc["lines"][0]["start"] == 12


def test_time_unit_option_on_stdin_and_a_bad_value():
    data = json.dumps({"segments": [{"start": 12, "end": 20, "text": "はい"}]}, ensure_ascii=False)
    result = run("process", "-", "--time-unit", "ms", input=data)
    assert result.exit_code == 0 and json.loads(result.stdout)["source"]["time_unit"] == "ms"
    assert run("process", "-", "--time-unit", "minutes", input=data).exit_code == 2
