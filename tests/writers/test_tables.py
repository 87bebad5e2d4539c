"""Tables: columns, dtypes and row counts; CSV and Parquet round trips; the --tables option."""

import json
import sys

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal
from typer.testing import CliRunner

from ja_transcript import model
from ja_transcript.cli import app
from ja_transcript.model import (Amount, Claim, Correction, Document, Entity, Line, Removal, Sentence,
                                 Source)
from ja_transcript.writers import to_json
from ja_transcript.writers.tables import (SCHEMAS, TABLES, MissingDependencyError, read_tables,
                                          require_pyarrow, to_frames, write_tables)


def small_doc() -> Document:
    """Two speech lines (one a removed repeat), a heading, a blank line, and one of everything."""
    lines = [Line(n=1, text="決算の話", kind="heading", clean="決算の話"),
             Line(n=2, text="CoreWebの売上は数千億円らしい。", kind="speech",
                  clean="CoreWeaveの売上は数千億円らしい。", start=1.0, end=3.5),
             Line(n=3, text="CoreWebの売上は数千億円らしい。", kind="speech",
                  clean="CoreWeaveの売上は数千億円らしい。", removed=Removal(reason="repeat", duplicate_of=2)),
             Line(n=4, text="", kind="blank", clean=""),
             Line(n=5, text="5月17日に発表。", kind="speech", clean="5月17日に発表。")]
    text0, text1 = "CoreWeaveの売上は数千億円らしい。", "5月17日に発表。"
    return Document(
        source=Source(path="in/a.txt", sha256="ab" * 32, format="txt"), title=None, lines=lines,
        corrections=[Correction(line=2, start=0, end=7, original="CoreWeb", replacement="CoreWeave",
                                canonical="CoreWeave", label="ORG", method="latin", confidence=0.86),
                     Correction(line=3, start=0, end=7, original="CoreWeb", replacement="CoreWeave",
                                method="loop", confidence=1.0)],
        sentences=[Sentence(id=0, text=text0, lines=[2], start=1.0, end=3.5),
                   Sentence(id=1, text=text1, lines=[5])],
        entities=[Entity(text="CoreWeave", canonical="CoreWeave", label="ORG", sentence=0, start=0, end=9)],
        amounts=[Amount(text="数千億円", kind="money", low=1e11, high=9e11, unit="JPY", approximate=True,
                        sentence=0, start=13, end=17),
                 Amount(text="5月17日", kind="date", value="--05-17", sentence=1, start=0, end=5)],
        claims=[Claim(id=0, text=text0[:-1], sentence=0, evidentiality="reported", entities=["CoreWeave"],
                      amounts=[0], markers=["らしい"], subject="CoreWeaveの売上"),
                Claim(id=1, text=text1[:-1], sentence=1, evidentiality="asserted", amounts=[1])],
        cleaned_text=f"{text0}\n{text1}", stats={"lines": 5, "removed_lines": 1})


def record_doc() -> Document:
    """A JSON Lines record: has a record id, a title, and a stat the other document lacks."""
    return Document(source=Source(path="in/b.jsonl", sha256="cd" * 32, format="jsonl", record_id="ep1"),
                    title="第1回", lines=[Line(n=1, text="はい。", kind="speech", clean="はい。")],
                    sentences=[Sentence(id=0, text="はい。", lines=[1])], cleaned_text="はい。",
                    stats={"lines": 1, "headings": 0})


def test_tables_have_fixed_columns_and_one_row_per_record():
    frames = to_frames([small_doc(), record_doc()])
    assert list(frames) == list(TABLES)
    for table in TABLES:
        expected = ["source", "record_id"] + [name for name, _ in SCHEMAS[table]]
        if table == "documents":
            expected += ["stats_lines", "stats_removed_lines", "stats_headings"]  # in order of first appearance
        assert list(frames[table].columns) == expected, table
    counts = {t: len(f) for t, f in frames.items()}
    assert counts == {"documents": 2, "lines": 6, "corrections": 2, "sentences": 3, "entities": 1,
                      "amounts": 2, "claims": 2}


def test_keys_values_and_nulls():
    frames = to_frames([small_doc(), record_doc()])
    docs, lines, amounts = frames["documents"], frames["lines"], frames["amounts"]
    assert list(docs["record_id"].isna()) == [True, False] and docs["record_id"][1] == "ep1"
    assert docs["stats_headings"].isna()[0] and docs["stats_removed_lines"].isna()[1]
    assert docs["stats_lines"].dtype == "Int64" and docs["title"].dtype == "string"
    assert list(lines["n"]) == [1, 2, 3, 4, 5, 1]  # documents in the order given, then their own order
    removed = lines[lines["removed"]]
    assert list(removed["n"]) == [3] and removed["removed_reason"].iloc[0] == "repeat"
    assert removed["duplicate_of"].iloc[0] == 2 and lines["duplicate_of"].isna().sum() == 5
    assert lines["text"][3] == "" and not pd.isna(lines["text"][3])  # a blank line is "", not null
    assert lines["start"].dtype == "Float64" and lines["start"][1] == 1.0 and pd.isna(lines["start"][0])
    # a numeric value goes to `value`, a text one (an ISO date) to `value_text`
    assert pd.isna(amounts["value"][0]) and amounts["low"][0] == 1e11 and amounts["value_text"][1] == "--05-17"
    assert frames["claims"]["entities"][0] == ["CoreWeave"] and frames["claims"]["amounts"][1] == [1]
    assert frames["entities"]["entity_source"][0] == "lexicon"
    assert frames["entities"]["source"][0] == "in/a.txt"
    assert frames["corrections"]["canonical"].isna().tolist() == [False, True]


def test_ranges_of_dates_go_to_the_text_columns(tmp_path):
    doc = small_doc()
    doc.amounts.append(Amount(text="5月1日から3日まで", kind="date", low="--05-01", high="--05-03", sentence=1,
                              start=0, end=10))
    doc.amounts.append(Amount(text="3年前", kind="relative_date", value=-3.0, unit="y", sentence=1, start=0, end=3))
    amounts = to_frames([doc])["amounts"]
    assert (amounts["low_text"][2], amounts["high_text"][2]) == ("--05-01", "--05-03")
    assert pd.isna(amounts["low"][2]) and amounts["low"][0] == 1e11 and pd.isna(amounts["low_text"][0])
    assert (amounts["kind"][3], amounts["value"][3]) == ("relative_date", -3.0)
    write_tables(to_frames([doc]), tmp_path, "csv")
    assert read_tables(tmp_path, "csv")["amounts"]["high_text"][2] == "--05-03"


def test_empty_batch_gives_the_same_columns_and_dtypes():
    full, empty = to_frames([small_doc()]), to_frames([])
    for table in TABLES:
        if table == "documents":  # stats columns come from the documents themselves
            continue
        assert len(empty[table]) == 0
        assert empty[table].dtypes.to_dict() == full[table].dtypes.to_dict(), table


def test_json_dicts_give_the_same_frames_as_records():
    doc = small_doc()
    from_records = to_frames([doc])
    from_json = to_frames([json.loads(to_json(doc))])
    for table in TABLES:
        assert_frame_equal(from_records[table], from_json[table])


def test_every_model_field_has_a_column():
    """A field added to the model must get a column here (renamed ones are listed)."""
    renamed = {("Entity", "source"): "entity_source", ("Line", "removed"): "removed_reason"}
    models = {"lines": model.Line, "corrections": model.Correction, "sentences": model.Sentence,
              "entities": model.Entity, "amounts": model.Amount, "claims": model.Claim}
    for table, cls in models.items():
        columns = {name for name, _ in SCHEMAS[table]}
        for field in cls.model_fields:
            assert renamed.get((cls.__name__, field), field) in columns, f"{cls.__name__}.{field}"
    doc_columns = {name for name, _ in SCHEMAS["documents"]} | {"source", "record_id"}
    for field in model.Source.model_fields:
        assert {"path": "source"}.get(field, field) in doc_columns, f"Source.{field}"


def test_csv_round_trip_keeps_dtypes_lists_and_empty_strings(tmp_path):
    frames = to_frames([small_doc(), record_doc()])
    paths = write_tables(frames, tmp_path, "csv")
    assert sorted(p.name for p in paths) == sorted(f"{t}.csv" for t in TABLES)
    assert not list(tmp_path.glob(".*"))  # no temporary files left
    claims_csv = (tmp_path / "claims.csv").read_text(encoding="utf-8")
    assert '"[""CoreWeave""]"' in claims_csv and "らしい" in claims_csv  # lists as JSON text, UTF-8 kept
    back = read_tables(tmp_path, "csv")
    for table in TABLES:
        assert_frame_equal(back[table], frames[table], check_exact=True)


def test_parquet_round_trip_has_list_columns(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    frames = to_frames([small_doc(), record_doc()])
    write_tables(frames, tmp_path, "parquet")
    schema = pq.read_schema(tmp_path / "claims.parquet")
    assert pa.types.is_list(schema.field("amounts").type) and schema.field("amounts").type.value_type == pa.int64()
    assert pa.types.is_list(schema.field("markers").type) and schema.field("markers").type.value_type == pa.string()
    back = read_tables(tmp_path, "parquet")
    for table in TABLES:
        assert_frame_equal(back[table], frames[table], check_exact=True)
    # an all-empty list column is still a typed list, not null
    write_tables(to_frames([record_doc()]), tmp_path / "one", "parquet")
    empty_list = pq.read_schema(tmp_path / "one" / "claims.parquet").field("entities").type
    assert pa.types.is_list(empty_list) and empty_list.value_type == pa.string()


def test_missing_pyarrow_names_the_extra(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    with pytest.raises(MissingDependencyError, match=r'pip install "ja-transcript\[parquet\]"'):
        require_pyarrow()
    with pytest.raises(MissingDependencyError):
        write_tables(to_frames([small_doc()]), tmp_path, "parquet")
    assert not list(tmp_path.iterdir())  # nothing half written


def test_cli_tables_option(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("CoreWebが急凍したらしい。\nCoreWebが急凍したらしい。\n", encoding="utf-8")
    (src / "b.jsonl").write_text('{"id": "ep1", "text": "はい。"}\n{"id": "ep2", "text": "そうですね。"}\n',
                                 encoding="utf-8")
    result = CliRunner().invoke(app, ["process", str(src), "--out", str(tmp_path / "out"),
                                      "--tables", str(tmp_path / "tables")])
    assert result.exit_code == 0, result.output
    frames = read_tables(tmp_path / "tables", "csv")
    assert set(frames) == set(TABLES)
    docs = frames["documents"]
    assert docs["record_id"].tolist()[1:] == ["ep1", "ep2"] and pd.isna(docs["record_id"][0])
    assert frames["lines"]["removed"].sum() == 1
    assert "CoreWeave" in frames["entities"]["canonical"].tolist()


def test_cli_parquet_without_pyarrow_fails_early(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    (tmp_path / "a.txt").write_text("はい。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["process", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"),
                                      "--tables", str(tmp_path / "t"), "--table-format", "parquet"])
    assert result.exit_code == 2
    assert 'pip install "ja-transcript[parquet]"' in result.output
    assert not (tmp_path / "out").exists()  # failed before processing anything


def test_streamed_tables_equal_the_whole_batch_written_at_once(tmp_path, monkeypatch):
    from ja_transcript.writers.tables import TableStream, doc_rows

    from ja_transcript.pipeline import Pipeline

    pipeline = Pipeline()
    docs = [pipeline.process_text(t, f"{i}.txt") for i, t in enumerate(
        ["暗号試算の価格が20%くらい給投したらしい。\nはい。", "CoreWebの契約は40億ドルです。", "", "見出し\n話です。"])]
    write_tables(to_frames(docs), tmp_path / "whole", "csv")
    monkeypatch.setattr(TableStream, "CHUNK_ROWS", 2)  # many chunks
    stream = TableStream(tmp_path / "stream", "csv")
    for d in docs:
        stream.add_rows(doc_rows(d))
    stream.commit()
    for table in TABLES:
        assert (tmp_path / "stream" / f"{table}.csv").read_bytes() == (tmp_path / "whole" / f"{table}.csv").read_bytes()
    stream = TableStream(tmp_path / "pq", "parquet")
    for d in docs:
        stream.add_rows(doc_rows(d))
    stream.commit()
    back, whole = read_tables(tmp_path / "pq", "parquet"), to_frames(docs)
    for table in TABLES:
        assert_frame_equal(back[table], whole[table])


def test_a_table_stream_holds_at_most_a_chunk_of_rows(tmp_path, monkeypatch):
    from ja_transcript.pipeline import Pipeline
    from ja_transcript.writers.tables import TableStream, doc_rows

    monkeypatch.setattr(TableStream, "CHUNK_ROWS", 3)
    pipeline = Pipeline()
    stream = TableStream(tmp_path / "t", "csv")
    for i in range(6):
        stream.add_rows(doc_rows(pipeline.process_text("はい。\nそうですね。\n40億ドルです。\n", f"{i}.txt")))
        assert all(n < 3 for n in stream._sizes.values())
    # the rows went to the tables' temporary files, which appear under their names at commit
    written = list((tmp_path / "t").iterdir())
    assert written and all(p.name.startswith(".ja-transcript-") for p in written)
    stream.commit()
    assert len(read_tables(tmp_path / "t")["lines"]) == 18


def test_a_lone_surrogate_becomes_a_replacement_character_in_the_tables(tmp_path):
    from ja_transcript.pipeline import Pipeline
    from ja_transcript.writers.tables import TableStream, doc_rows

    doc = Pipeline().process_text("は\ud800い。\n", "s.txt")
    assert to_frames([doc])["lines"]["text"].tolist() == ["は\ufffdい。"]
    stream = TableStream(tmp_path / "t", "csv")
    stream.add_rows(doc_rows(doc))
    stream.commit()
    assert read_tables(tmp_path / "t")["lines"]["text"].tolist() == ["は\ufffdい。"]
