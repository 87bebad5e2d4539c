"""JSON documents: any text of an input can be written, and reads back the same."""

import json

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
