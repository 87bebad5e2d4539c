import jsonschema
import pytest
from pydantic import ValidationError

from ja_transcript.model import Amount, Document, Line, Source, json_schema


def test_schema_is_valid_and_names_the_contract_fields():
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert set(schema["required"]) >= {"source", "lines"}
    assert {"schema_version", "source", "title", "lines", "corrections", "sentences", "entities", "amounts",
            "claims", "cleaned_text", "stats"} <= set(schema["properties"])


def test_records_reject_unknown_fields_and_bad_kinds():
    with pytest.raises(ValidationError):
        Line(n=1, text="x", kind="chapter", clean="x")
    with pytest.raises(ValidationError):
        Amount(text="3倍", kind="ratio", sentence=0, start=0, end=2, colour="red")


def test_a_minimal_document_validates_against_its_schema():
    doc = Document(source=Source(path="-", sha256="0" * 64, format="txt"),
                   lines=[Line(n=1, text="はい", kind="speech", clean="はい")])
    jsonschema.validate(doc.model_dump(mode="json"), json_schema())
    assert doc.schema_version == "1.1"


def test_stats_fields_are_the_pipelines():
    from ja_transcript.model import STATS_FIELDS
    from ja_transcript.pipeline import Pipeline

    assert tuple(Pipeline().process_text("はい。").stats) == STATS_FIELDS


def test_records_equal_those_of_model_construct():
    from ja_transcript.model import Amount, Claim, Entity, Line, Removal, build

    cases = [
        (Entity, {"text": "大谷", "canonical": "大谷翔平", "label": "PERSON", "sentence": 0, "start": 1, "end": 3,
                  "source": "lexicon", "lines": [2], "start_time": 1.5, "end_time": 3.0}),
        (Line, {"n": 1, "text": "a", "kind": "speech", "clean": "a", "removed": None, "start": None, "end": None,
                "speaker": None}),
        (Removal, {"reason": "repeat", "duplicate_of": 2}),
        (Claim, {"id": 0, "text": "x", "sentence": 0, "evidentiality": "asserted", "entities": [], "amounts": [1],
                 "markers": [], "subject": None, "start": 0, "end": 1, "lines": [1], "start_time": None,
                 "end_time": None, "speaker": "田中"}),
        (Amount, {"id": 0, "text": "2割", "kind": "percent", "value": 20, "low": None, "high": None, "unit": "%",
                  "approximate": False, "sentence": 0, "start": 0, "end": 2, "lines": [1], "start_time": None,
                  "end_time": None}),
    ]
    for cls, fields in cases:
        fast, slow = build(cls, dict(fields)), cls.model_construct(**fields)
        assert fast == slow and fast.model_fields_set == slow.model_fields_set
        assert fast.model_dump_json() == slow.model_dump_json() and list(fast) == list(slow)


def test_edits_become_the_corrections_of_their_line_and_replay():
    from ja_transcript.chars import apply_edits
    from ja_transcript.model import Correction, Edit

    edits = [Edit(0, 2, "ab", "X", None, None, "t", 1.0), Edit(3, 4, "d", "YY", "Y", "TERM", "t", 0.5)]
    assert apply_edits("abcde", edits) == "XcYYe"
    corrections = [e.correction(7) for e in edits]
    assert corrections[1] == Correction(line=7, start=3, end=4, original="d", replacement="YY", canonical="Y",
                                        label="TERM", method="t", confidence=0.5)
    assert apply_edits("abcde", corrections) == "XcYYe"


def test_amount_of_an_extracted_amount_keeps_whole_numbers_integers():
    import json

    from ja_transcript.extract.amounts import extract_amounts
    from ja_transcript.model import Amount

    found = extract_amounts("売上は3万から5万円くらい、金利は0.5%")
    amount = Amount.of(found[0], 7, 4, ([2], 1.0, 2.5))
    assert amount == Amount.model_validate({**found[0], "id": 7, "sentence": 4, "lines": [2], "start_time": 1.0,
                                            "end_time": 2.5})
    data = json.loads(amount.model_dump_json())
    assert (data["low"], data["high"]) == (30000, 50000) and isinstance(data["low"], int)  # schema 1.1
    assert json.loads(Amount.of(found[1], 8, 4).model_dump_json())["value"] == 0.5
