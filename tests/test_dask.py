"""ja_transcript.dask: documents from bags, tables as dask frames, Parquet by partition."""

from pathlib import Path

import pytest

pytest.importorskip("distributed")

import dask.bag as db  # noqa: E402
from pandas.testing import assert_frame_equal  # noqa: E402

import ja_transcript  # noqa: E402
from ja_transcript import dask as jd  # noqa: E402
from ja_transcript.batch import RunConfig  # noqa: E402
from ja_transcript.writers.tables import TABLES, read_tables, to_frames  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PATHS = [str(p) for p in sorted((ROOT / "tests" / "e2e").glob("*.txt"))[:3]]


def test_documents_from_paths_and_texts_equal_a_local_run():
    docs = jd.documents(db.from_sequence(PATHS, npartitions=len(PATHS)), kind="path").compute()
    assert docs == [ja_transcript.process_path(p)[0] for p in PATHS]
    texts = ["暗号試算の価格が給投したらしい。", "1\n00:00:01,000 --> 00:00:02,000\nはい。\n"]
    docs = jd.documents(db.from_sequence(texts, npartitions=2)).compute()
    assert docs == [ja_transcript.process_text(t) for t in texts]
    assert docs[1]["source"]["format"] == "srt"


def test_user_lexicon_travels_as_content(tmp_path):
    lexicon = tmp_path / "l.jsonl"
    lexicon.write_text('{"label": "PRODUCT", "pattern": "キイトルーダ", "id": "Keytruda"}\n', encoding="utf-8")
    bag = jd.documents(db.from_sequence(["キートルーダの治験です。"]), RunConfig(lexicons=(str(lexicon),)))
    lexicon.unlink()  # the workers never read the file
    (doc,) = bag.compute(scheduler="processes", num_workers=2)
    assert [c["canonical"] for c in doc["corrections"]] == ["Keytruda"]


def test_tables_as_dask_frames_and_parquet_by_partition(tmp_path):
    docs = jd.documents(db.from_sequence(PATHS, npartitions=len(PATHS)), kind="path")
    frames = jd.tables(docs)
    local = to_frames([ja_transcript.process_path(p)[0] for p in PATHS])
    for table in TABLES:
        got = frames[table].compute().reset_index(drop=True)
        assert_frame_equal(got, local[table].reset_index(drop=True), check_dtype=True)
    jd.to_parquet(frames, str(tmp_path))
    assert len(list((tmp_path / "lines").glob("*.parquet"))) == len(PATHS)
    import pandas as pd

    assert len(pd.read_parquet(tmp_path / "lines")) == len(local["lines"])
    assert frames["claims"].groupby("evidentiality").size().compute().sum() == len(local["claims"])
