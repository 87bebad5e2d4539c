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
    assert doc.schema_version == "1"


def test_stats_fields_are_the_pipelines():
    from ja_transcript.model import STATS_FIELDS
    from ja_transcript.pipeline import Pipeline

    assert tuple(Pipeline().process_text("はい。").stats) == STATS_FIELDS
