"""ja-transcript in Dask: documents from a dask.bag of texts or paths, tables as dask frames.

    import dask.bag as db
    from ja_transcript import dask as jd

    docs = jd.documents(db.from_sequence(paths, npartitions=len(paths)), kind="path")
    frames = jd.tables(docs)                 # {"lines": dask DataFrame, "claims": ..., ...}
    frames["claims"].groupby("evidentiality").size().compute()
    jd.to_parquet(frames, "tables/")          # tables/<table>/part.<n>.parquet, a file per partition

Each worker process builds one pipeline from the settings (a `RunConfig`, whose lexicons
travel as content) the first time it needs it. Documents are the dicts `process_text`
gives, identical to a local run's. With one partition per input, the Parquet datasets are
partitioned by input. Needs the `dask` extra: `pip install "ja-transcript[dask]"`.
"""

from __future__ import annotations

from typing import Any

import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd

from . import __version__
from .batch.cluster import _pipeline
from .batch.config import RunConfig
from .model import STATS_FIELDS
from .writers.tables import STATS_PREFIX, TABLES, to_frames

__all__ = ["documents", "tables", "to_parquet"]


def _documents(items: list, config: RunConfig, fingerprint: str, kind: str) -> list[dict]:
    pipeline = _pipeline(config, fingerprint)
    out = []
    for item in items:
        if kind == "path":
            out += [d.model_dump(mode="json") for d in pipeline.process_path(item, encoding=config.encoding,
                                                                         time_unit=config.time_unit)]
        elif isinstance(item, tuple):  # (name, text)
            out.append(pipeline.process_text(item[1], item[0]).model_dump(mode="json"))
        else:
            out.append(pipeline.process_text(item).model_dump(mode="json"))
    return out


def documents(items: db.Bag, config: RunConfig | None = None, kind: str = "text") -> db.Bag:
    """A bag of schema-1 documents (dicts). `kind`: "text" (each item a transcript's text, or
    (name, text); the format is detected) or "path" (each item a file; a JSON Lines file gives
    a document per record). An input that cannot be read fails its partition with the
    reader's message (`TranscriptError`)."""
    if kind not in ("text", "path"):
        raise ValueError(f'kind must be "text" or "path", not {kind!r}')
    config = (config or RunConfig()).with_contents()
    return items.map_partitions(_documents, config, config.fingerprint(__version__), kind)


def _meta(table: str) -> pd.DataFrame:
    frame = to_frames([])[table]
    if table == "documents":
        for name in STATS_FIELDS:
            frame[f"{STATS_PREFIX}{name}"] = pd.Series([], dtype="Int64")
    return frame


def _table(docs: list[dict], table: str) -> pd.DataFrame:
    frame = to_frames(docs)[table]
    return frame.reindex(columns=_meta(table).columns).astype(_meta(table).dtypes.to_dict())


def tables(docs: db.Bag) -> dict[str, dd.DataFrame]:
    """The seven tables of `ja_transcript.writers.tables`, as dask DataFrames with the same
    columns and dtypes, a partition per partition of `docs`."""
    parts = docs.to_delayed()
    # list columns (sentence lines, claim entities ...) stay Python lists, not strings
    with dask.config.set({"dataframe.convert-string": False}):
        return {table: dd.from_delayed([dask.delayed(_table)(part, table) for part in parts], meta=_meta(table),
                                       verify_meta=False)
                for table in TABLES}


def to_parquet(frames: dict[str, dd.DataFrame], folder: str, **kwargs: Any) -> None:
    """Each table as a Parquet dataset `folder/<table>/part.<n>.parquet`."""
    from .writers.tables import _arrow_schema

    for table, frame in frames.items():
        frame.to_parquet(f"{folder}/{table}", write_index=False, schema=_arrow_schema(table, frame.columns),
                         **kwargs)
