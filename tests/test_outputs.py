"""outputs/ is exactly what the README's run command writes for corpus/, and valid."""

import json
from pathlib import Path

import jsonschema

from ja_transcript.model import json_schema
from ja_transcript.pipeline import Pipeline
from ja_transcript.readers import find_inputs, read_path
from ja_transcript.writers import to_json

ROOT = Path(__file__).resolve().parent.parent


def test_outputs_reproduce_byte_for_byte_and_validate(monkeypatch):
    monkeypatch.chdir(ROOT)  # paths in the documents are as given on the command line: corpus/...
    files, errors = find_inputs(["corpus/"])
    assert files and not errors
    pipeline = Pipeline()
    schema = json_schema()
    for path in files:
        for raw in read_path(path).transcripts:
            expected = (ROOT / "outputs" / f"{Path(path).stem}.json").read_text(encoding="utf-8")
            assert to_json(pipeline.process(raw)) == expected, f"outputs/ is stale for {path}"
            jsonschema.validate(json.loads(expected), schema)
