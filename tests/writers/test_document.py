"""JSON documents: any text of an input can be written, and reads back the same."""

import json

import pytest

from ja_transcript.pipeline import Pipeline
from ja_transcript.writers import to_json, to_json_line, write_atomic


def test_lone_surrogate_is_escaped_and_reads_back(tmp_path):
    doc = Pipeline().process_text("は\ud800い。")
    text = to_json(doc)
    text.encode("utf-8")  # has a UTF-8 form
    assert json.loads(text)["lines"][0]["text"] == "は\ud800い。"
    assert json.loads(to_json_line(doc.model_dump(mode="json")))["lines"][0]["text"] == "は\ud800い。"
    path = tmp_path / "d.json"
    write_atomic(path, text)
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(text)


def test_standard_library_fallback_formats_like_pydantic():
    doc = Pipeline().process_text("暗号試算の価格が20%くらい給投したらしい。")
    assert json.dumps(doc.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n" == to_json(doc)


TALK = ("暗号資産の話\n今日は暗号試算の価格が20%くらい給投したらしいです。\nソフトバンクが40億ドルを出すそうです。\n"
        "ソフトバンクが40億ドルを出すそうです。\nたぶん来年の5月17日ですね。\n")


def test_streamed_json_is_pydantics_whatever_the_chunk_and_spool_sizes(monkeypatch):
    from ja_transcript.writers.document import DocumentJson

    doc = Pipeline().process_text(TALK * 5)
    expected = doc.model_dump_json(indent=1) + "\n"
    assert to_json(doc) == expected
    for chunk, spool in ((1, 0), (2, 10), (3, 1 << 20)):
        monkeypatch.setattr(DocumentJson, "CHUNK", chunk)
        monkeypatch.setattr(DocumentJson, "SPOOL_BYTES", spool)
        assert to_json(doc) == expected
    empty = Pipeline().process_text("")
    assert to_json(empty) == empty.model_dump_json(indent=1) + "\n"


def test_pipeline_writes_the_json_as_it_goes_and_holds_no_document(monkeypatch):
    from ja_transcript.writers.document import DocumentJson

    monkeypatch.setattr(DocumentJson, "CHUNK", 2)
    from ja_transcript.readers import read_string

    pipeline = Pipeline()
    transcript = read_string(TALK * 5, "t.txt").transcripts[0]
    written: list[bytes] = []
    seen_before_finish = []
    out = DocumentJson(written.append)
    finish = out.finish

    def spy(**fields):
        seen_before_finish.append(len(b"".join(written)))
        return finish(**fields)

    out.finish = spy
    pipeline.run(transcript, out)
    text = b"".join(written).decode("utf-8")
    assert text == to_json(pipeline.process(transcript))
    # the lines and corrections, and sentences but the last chunk, were out before the end
    assert seen_before_finish[0] > text.index('"sentences"') > text.index('"lines"') > 0


def test_records_out_of_order_are_refused():
    from ja_transcript.model import Correction, Line
    from ja_transcript.writers.document import DocumentJson

    out = DocumentJson(lambda data: None)
    out.start(source=None, title=None)
    out.add("corrections", Correction(line=1, start=0, end=1, original="a", replacement="b", method="m",
                                      confidence=1.0))
    with pytest.raises(ValueError):
        out.add("lines", Line(n=1, text="a", kind="speech", clean="a"))


def test_a_record_with_a_lone_surrogate_alone_goes_through_the_standard_library():
    doc = Pipeline().process_text("は\ud800い。\n" + "いいえ。\n" * 3)
    text = to_json(doc)
    assert json.loads(text) == json.loads(json.dumps(doc.model_dump(mode="json")))
    clean = Pipeline().process_text("はい。\n" + "いいえ。\n" * 3)
    # the other records are written as pydantic writes them
    assert to_json(clean).split('"n": 2', 1)[1] == text.split('"n": 2', 1)[1].replace("は\\ud800い", "はい")
