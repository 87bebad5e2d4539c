"""Cleaned text: the document's own cleaned_text as a file, one sentence a line; the --text option."""

import json

from typer.testing import CliRunner

from ja_transcript.cli import app
from ja_transcript.model import Document, Line, Sentence, Source
from ja_transcript.pipeline import Pipeline
from ja_transcript.readers import read_bytes
from ja_transcript.writers import to_json
from ja_transcript.writers.text import cleaned_text, corpus_lines

SOURCE = Source(path="a.txt", sha256="0" * 64, format="txt")


def processed(text: str) -> Document:
    return Pipeline().process(read_bytes(text.encode("utf-8"), "a.txt").transcripts[0])


def test_cleaned_text_is_the_documents_with_a_final_newline():
    doc = processed("ニュース紹介\nCoreWebが急凍した。\nCoreWebが急凍した。\nそれで、\n株が上がったらしい。\n")
    text = cleaned_text(doc)
    assert text == doc.cleaned_text + "\n"
    assert "CoreWeave" in text and "ニュース紹介" not in text  # corrected, title left out
    assert text.count("CoreWeaveが急騰した。") == 1  # the repeated line is gone
    assert cleaned_text(json.loads(to_json(doc))) == text  # the JSON as a dict gives the same


def test_empty_document_gives_empty_text():
    assert cleaned_text(Document(source=SOURCE, lines=[])) == ""
    assert cleaned_text(processed("\n\n")) == ""
    assert corpus_lines(Document(source=SOURCE, lines=[])) == []


def test_corpus_lines_are_the_sentences_and_nothing_else():
    doc = Document(source=SOURCE, lines=[Line(n=1, text="x", kind="speech", clean="x")],
                   sentences=[Sentence(id=0, text="はい。", lines=[1]), Sentence(id=1, text="  ", lines=[1]),
                              Sentence(id=2, text="それで\n上がった。 ", lines=[1])])
    assert corpus_lines(doc) == ["はい。", "それで 上がった。"]
    doc = processed("タイトル\n今日は、\n雨です。\nはい。\n")
    assert corpus_lines(doc) == doc.cleaned_text.split("\n") == ["今日は、雨です。", "はい。"]


def test_cli_text_option_names_files_like_the_json(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("暗号試算の話です。\n暗号試算の話です。\n", encoding="utf-8")
    (src / "c.jsonl").write_text('{"id": "ep1", "text": "はい。"}\n{"id": "ep/2", "text": ""}\n', encoding="utf-8")
    out, text_dir = tmp_path / "out", tmp_path / "text"
    result = CliRunner().invoke(app, ["process", str(src), "--out", str(out), "--text", str(text_dir)])
    assert result.exit_code == 0, result.output
    names = sorted(str(p.relative_to(text_dir)) for p in text_dir.rglob("*") if p.is_file())
    assert names == ["a.txt", "c/ep1.txt", "c/ep_2-93336870.txt"]
    for json_path in out.rglob("*.json"):
        doc = json.loads(json_path.read_text(encoding="utf-8"))
        txt = text_dir / json_path.relative_to(out).with_suffix(".txt")
        assert txt.read_text(encoding="utf-8") == (doc["cleaned_text"] + "\n" if doc["cleaned_text"] else "")
    assert (text_dir / "a.txt").read_text(encoding="utf-8") == "暗号資産の話です。\n"


def test_cli_views_refuse_stdin():
    result = CliRunner().invoke(app, ["process", "-", "--text", "somewhere"], input="はい。\n".encode("utf-8"))
    assert result.exit_code == 2 and "stdin" in result.output
