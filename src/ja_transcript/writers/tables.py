"""Documents as tables for pandas, CSV and Parquet.

`to_frames` turns documents into seven tables, each row keyed by the transcript's
`source` (its path) and `record_id` (null unless the input was JSON Lines):

=============  ==================================================================
documents      one row per document: source, format, sha256, title, encoding, time_unit, ``stats_*``
lines          one row per input line; ``removed`` is split into removed (bool),
               removed_reason and duplicate_of
corrections    ``id`` is the correction's position in the document's list
sentences      ``lines`` is a list column; ``pieces`` the JSON of the pieces ([{line, start, end}])
entities       the entity's own ``source`` (lexicon, pos ...) is ``entity_source``;
               entities, amounts and claims have ``lines`` (a list column), ``start_time``
               and ``end_time``
amounts        ``id`` is the position that ``claims.amounts`` refers to; a numeric
               ``value`` is in ``value``, a text one (ISO dates) in ``value_text``;
               so are ``low`` / ``high`` (``low_text`` / ``high_text``: ranges of dates)
claims         ``entities``, ``amounts`` and ``markers`` are list columns
=============  ==================================================================

Every table has a fixed column order and nullable dtypes (``Int64``, ``Float64``,
``boolean``, ``string``), also when it has no rows, so batches concatenate cleanly.
Rows come in the order the documents were given, then in each document's own order.

List columns stay Python lists in the frames and become Parquet list columns; CSV has
no lists, so there they are JSON arrays in text (``[3,4]``, ``["CoreWeave"]``).
In CSV an empty field is null in a nullable text column (title, canonical, unit ...);
`read_tables` reads both formats back with these dtypes.
"""

from __future__ import annotations

from ..errors import Errors

import io
import json
from pathlib import Path
from typing import Any, Iterable, Iterator, Literal, Mapping

import pandas as pd

from ..model import Document
from .document import AtomicFile, encodable, write_atomic

TableFormat = Literal["csv", "parquet"]
MISSING_PYARROW = Errors.W001

# Column kinds: the pandas dtype each becomes; "list[...]" columns hold Python lists.
_PANDAS_DTYPE = {"string": "string", "int": "Int64", "float": "Float64", "bool": "boolean",
                 "list[string]": "object", "list[int]": "object"}

_KEY = (("source", "string"), ("record_id", "string"))

# Where an entity, amount or claim stands (schema 1.1).
_PLACE = (("lines", "list[int]"), ("start_time", "float"), ("end_time", "float"))
# Table -> its columns after the key, in output order. Names follow the JSON schema.
SCHEMAS: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (("format", "string"), ("sha256", "string"), ("schema_version", "string"),
                  ("title", "string"), ("encoding", "string"), ("time_unit", "string")),
    "lines": (("n", "int"), ("kind", "string"), ("text", "string"), ("clean", "string"),
              ("removed", "bool"), ("removed_reason", "string"), ("duplicate_of", "int"),
              ("start", "float"), ("end", "float"), ("speaker", "string")),
    "corrections": (("id", "int"), ("line", "int"), ("start", "int"), ("end", "int"),
                    ("original", "string"), ("replacement", "string"), ("canonical", "string"),
                    ("label", "string"), ("method", "string"), ("confidence", "float")),
    "sentences": (("id", "int"), ("text", "string"), ("lines", "list[int]"), ("start", "float"),
                  ("end", "float"), ("pieces", "string"), ("speaker", "string")),
    "entities": (("id", "int"), ("text", "string"), ("canonical", "string"), ("label", "string"),
                 ("sentence", "int"), ("start", "int"), ("end", "int"), ("entity_source", "string"), *_PLACE),
    "amounts": (("id", "int"), ("text", "string"), ("kind", "string"), ("value", "float"),
                ("value_text", "string"), ("low", "float"), ("high", "float"), ("low_text", "string"),
                ("high_text", "string"), ("unit", "string"),
                ("approximate", "bool"), ("sentence", "int"), ("start", "int"), ("end", "int"), *_PLACE),
    "claims": (("id", "int"), ("text", "string"), ("sentence", "int"), ("evidentiality", "string"),
               ("entities", "list[string]"), ("amounts", "list[int]"), ("markers", "list[string]"),
               ("subject", "string"), ("start", "int"), ("end", "int"), *_PLACE, ("speaker", "string")),
}
TABLES = tuple(SCHEMAS)
STATS_PREFIX = "stats_"


class MissingDependencyError(ImportError):
    """An optional dependency is needed for what was asked; the message says how to install it."""


def require_pyarrow():
    """Import pyarrow or raise `MissingDependencyError` naming the extra to install."""
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError as exc:
        raise MissingDependencyError(MISSING_PYARROW) from exc
    return pyarrow


def _number(value: Any) -> float | None:
    """A numeric value as float; text values (ISO dates) and bools are not numbers."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return None


def _doc_rows(doc: Mapping[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(table, row) for every row one document contributes, the key columns included."""
    source = doc.get("source") or {}
    key = {"source": source.get("path"), "record_id": source.get("record_id")}
    stats = {f"{STATS_PREFIX}{k}": v for k, v in (doc.get("stats") or {}).items()}
    yield "documents", {**key, "format": source.get("format"), "sha256": source.get("sha256"),
                        "schema_version": doc.get("schema_version"), "title": doc.get("title"),
                        "encoding": source.get("encoding"), "time_unit": source.get("time_unit"), **stats}
    for line in doc.get("lines", ()):
        removed = line.get("removed") or {}
        yield "lines", {**key, **line, "removed": bool(removed), "removed_reason": removed.get("reason"),
                        "duplicate_of": removed.get("duplicate_of")}
    for i, c in enumerate(doc.get("corrections", ())):
        yield "corrections", {**key, **c, "id": i}
    for s in doc.get("sentences", ()):
        yield "sentences", {**key, **s, "pieces": json.dumps(s.get("pieces", []), separators=(",", ":"))}
    for i, e in enumerate(doc.get("entities", ())):
        yield "entities", {**key, **e, "source": key["source"], "entity_source": e.get("source"), "id": i}
    for i, a in enumerate(doc.get("amounts", ())):
        value, low, high = a.get("value"), a.get("low"), a.get("high")
        yield "amounts", {**key, **a, "id": i, "value": _number(value),
                          "value_text": value if isinstance(value, str) else None,
                          "low": _number(low), "low_text": low if isinstance(low, str) else None,
                          "high": _number(high), "high_text": high if isinstance(high, str) else None}
    for c in doc.get("claims", ()):
        yield "claims", {**key, **c}


class TableBuilder:
    """Collects the rows of many documents, one at a time, and makes the frames at the end.

    Rows are kept column-wise: a batch holds its text once, not once per document object.
    """

    def __init__(self) -> None:
        self._columns = {t: {name: [] for name, _ in _KEY + SCHEMAS[t]} for t in TABLES}
        self._rows = dict.fromkeys(TABLES, 0)
        self._stats: dict[str, list] = {}  # stats_* columns of `documents`, in order of first appearance

    def add(self, doc: Document | Mapping[str, Any]) -> None:
        data = doc.model_dump(mode="json") if isinstance(doc, Document) else doc
        for table, row in _doc_rows(data):
            columns = self._columns[table]
            for name, values in columns.items():
                values.append(row.get(name))
            if table == "documents":
                for name, value in row.items():
                    if name.startswith(STATS_PREFIX):
                        self._stats.setdefault(name, [None] * self._rows[table]).append(value)
                for values in self._stats.values():  # documents without some stat: null
                    if len(values) <= self._rows[table]:
                        values.append(None)
            self._rows[table] += 1

    def frames(self) -> dict[str, pd.DataFrame]:
        out = {}
        for table in TABLES:
            kinds = dict(_KEY + SCHEMAS[table])
            data = dict(self._columns[table])
            if table == "documents":
                data.update(self._stats)
                kinds.update(dict.fromkeys(self._stats, "int"))
            out[table] = pd.DataFrame({name: _series(values, kinds[name]) for name, values in data.items()})
        return out


def _series(values: list, kind: str) -> pd.Series:
    if kind.startswith("list["):
        return pd.Series([list(v) if v is not None else [] for v in values], dtype="object")
    try:
        return pd.Series(values, dtype=_PANDAS_DTYPE[kind])
    except UnicodeEncodeError:  # pandas' string dtype is UTF-8 (Arrow): a lone surrogate gets U+FFFD, as in the other views
        return pd.Series([encodable(v) if isinstance(v, str) else v for v in values], dtype=_PANDAS_DTYPE[kind])


def to_frames(docs: Iterable[Document | Mapping[str, Any]]) -> dict[str, pd.DataFrame]:
    """The tables of these documents (`Document` records or their JSON as dicts), by table name.

    >>> from ja_transcript.model import Document, Line, Source
    >>> doc = Document(source=Source(path="a.txt", sha256="0", format="txt"),
    ...                lines=[Line(n=1, text="はい。", kind="speech", clean="はい。")])
    >>> frames = to_frames([doc])
    >>> list(frames["lines"].columns[:4]), len(frames["lines"]), len(frames["claims"])
    (['source', 'record_id', 'n', 'kind'], 1, 0)
    """
    builder = TableBuilder()
    for doc in docs:
        builder.add(doc)
    return builder.frames()


def column_kinds(table: str, columns: Iterable[str] = ()) -> dict[str, str]:
    """Column -> kind for a table; `columns` adds the stats_* columns of `documents`."""
    kinds = dict(_KEY + SCHEMAS[table])
    kinds.update({c: "int" for c in columns if table == "documents" and c.startswith(STATS_PREFIX)})
    return kinds


def to_csv_text(frame: pd.DataFrame, table: str) -> str:
    """One table as CSV: UTF-8 text, "\\n" line ends, list columns as JSON arrays."""
    frame = frame.copy()
    for name, kind in column_kinds(table, frame.columns).items():
        if kind.startswith("list[") and name in frame:
            frame[name] = [json.dumps(list(v), ensure_ascii=False, separators=(",", ":")) for v in frame[name]]
    return frame.to_csv(index=False, lineterminator="\n")


def _arrow_schema(table: str, columns: Iterable[str]):
    pa = require_pyarrow()
    types = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "list[string]": pa.list_(pa.string()), "list[int]": pa.list_(pa.int64())}
    kinds = column_kinds(table, columns)
    return pa.schema([pa.field(c, types[kinds[c]]) for c in columns])


def to_parquet_bytes(frame: pd.DataFrame, table: str) -> bytes:
    """One table as Parquet, with explicit column types (an all-empty list column is still a list)."""
    require_pyarrow()
    import pyarrow.parquet as pq

    arrow = _arrow_table(frame, _arrow_schema(table, frame.columns))
    buffer = io.BytesIO()
    pq.write_table(arrow, buffer)
    return buffer.getvalue()


def write_tables(frames: Mapping[str, pd.DataFrame], out_dir: str | Path,
                 fmt: TableFormat = "csv") -> list[Path]:
    """Write each table to `out_dir/<table>.<fmt>` atomically; returns the paths written."""
    if fmt not in ("csv", "parquet"):
        raise ValueError(f"Unknown table format {fmt!r}: use csv or parquet.")
    if fmt == "parquet":
        require_pyarrow()  # before any file is written
    out_dir = Path(out_dir)
    written = []
    for table, frame in frames.items():
        path = out_dir / f"{table}.{fmt}"
        if fmt == "csv":
            write_atomic(path, to_csv_text(frame, table))
        else:
            write_atomic(path, to_parquet_bytes(frame, table))
        written.append(path)
    return written


def doc_rows(doc: Document | Mapping[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(table, row) for every row a document contributes: what `TableStream.add` takes."""
    data = doc.model_dump(mode="json") if isinstance(doc, Document) else doc
    return list(_doc_rows(data))


class TableStream:
    """Writes the tables of a batch as its documents come, a chunk of rows at a time, so a
    batch of any size holds only one chunk a table; each file appears complete at `commit`.
    A chunk is kept column-wise (a list of values a column), not as a dict a row.

    The CSV is what `write_tables` writes for the same documents. The `documents` table
    takes its stats_* columns from the first document (every document has the same stats).
    """

    CHUNK_ROWS = 20_000

    def __init__(self, out_dir: str | Path, fmt: TableFormat = "csv"):
        if fmt not in ("csv", "parquet"):
            raise ValueError(f"Unknown table format {fmt!r}: use csv or parquet.")
        if fmt == "parquet":
            require_pyarrow()
        self.out_dir, self.fmt = Path(out_dir), fmt
        self._stats: list[str] | None = None
        self._chunks: dict[str, dict[str, list]] = {}  # table -> column -> values of the rows not written
        self._sizes = dict.fromkeys(TABLES, 0)  # rows in each chunk
        self._files: dict[str, Any] = {}
        self._parquet: dict[str, Any] = {}

    def add_rows(self, rows: Iterable[tuple[str, dict[str, Any]]]) -> None:
        for table, row in rows:
            if table == "documents" and self._stats is None:
                self._stats = [k for k in row if k.startswith(STATS_PREFIX)]
            chunk = self._chunks.get(table)
            if chunk is None:
                chunk = self._chunks[table] = {name: [] for name in self._columns(table)}
            for name, values in chunk.items():
                values.append(row.get(name))
            self._sizes[table] += 1
            if self._sizes[table] >= self.CHUNK_ROWS:
                self._flush(table)

    def _columns(self, table: str) -> dict[str, str]:
        kinds = dict(_KEY + SCHEMAS[table])
        if table == "documents":
            kinds.update(dict.fromkeys(self._stats or (), "int"))
        return kinds

    def _flush(self, table: str) -> None:
        chunk = self._chunks.pop(table, None) or {}
        rows, self._sizes[table] = self._sizes[table], 0
        kinds = self._columns(table)
        frame = pd.DataFrame({name: _series(chunk.pop(name, []), kind) for name, kind in kinds.items()})
        del chunk
        if self.fmt == "csv":
            out = self._files.get(table)
            if out is None:
                out = self._files[table] = AtomicFile(self.out_dir / f"{table}.csv")
                out.write(to_csv_text(frame.iloc[:0], table))
            if rows:
                body = to_csv_text(frame, table)
                out.write(body[body.index("\n") + 1:])
            return
        require_pyarrow()
        import pyarrow.parquet as pq

        schema = _arrow_schema(table, frame.columns)
        writer = self._parquet.get(table)
        if writer is None:
            out = self._files[table] = AtomicFile(self.out_dir / f"{table}.parquet", binary=True)
            writer = self._parquet[table] = pq.ParquetWriter(out.handle, schema)
        if rows:
            writer.write_table(_arrow_table(frame, schema))

    def commit(self) -> list[Path]:
        """Write what is left and make every table file appear; returns their paths."""
        paths = []
        for table in TABLES:
            self._flush(table)
            if table in self._parquet:
                self._parquet[table].close()
            self._files[table].commit()
            paths.append(self.out_dir / f"{table}.{self.fmt}")
        return paths

    def abort(self) -> None:
        for out in self._files.values():
            out.abort()


def _arrow_table(frame: pd.DataFrame, schema):
    """The frame as an Arrow table. Arrow strings are UTF-8: text with a lone surrogate (from
    JSON input) gets U+FFFD there, as in the other views."""
    pa = require_pyarrow()
    try:
        return pa.Table.from_pandas(frame, schema=schema, preserve_index=False)
    except UnicodeEncodeError:
        frame = frame.copy()
        for name in frame.columns:
            if frame[name].dtype == "string":
                frame[name] = pd.Series([encodable(v) if isinstance(v, str) else v for v in frame[name]],
                                        dtype="string")
            elif frame[name].dtype == object:
                frame[name] = [[encodable(x) if isinstance(x, str) else x for x in v] if isinstance(v, list) else v
                               for v in frame[name]]
        return pa.Table.from_pandas(frame, schema=schema, preserve_index=False)


def _from_csv(values: pd.Series, name: str, kind: str) -> pd.Series:
    """A CSV column read as text, back to its kind."""
    if kind.startswith("list["):
        return pd.Series([json.loads(v) if v else [] for v in values], dtype="object")
    if kind == "string":
        # Text that always has a value may be "" (a blank line): keep it; elsewhere "" is null.
        if name in _NEVER_NULL:
            return values.astype("string")
        return pd.Series([v if v else None for v in values], dtype="string")
    if kind == "bool":
        return pd.Series([{"True": True, "False": False}.get(v) for v in values], dtype="boolean")
    numbers = [float(v) if v else None for v in values]
    if kind == "int":
        numbers = [None if v is None else int(v) for v in numbers]
    return pd.Series(numbers, dtype=_PANDAS_DTYPE[kind])


def _from_parquet(values: pd.Series, kind: str) -> pd.Series:
    """A Parquet column back to its kind: list cells come back as arrays."""
    if kind.startswith("list["):
        return pd.Series([[] if v is None else v.tolist() if hasattr(v, "tolist") else list(v)
                          for v in values], dtype="object")
    return values.astype(_PANDAS_DTYPE[kind])


def _restore(frame: pd.DataFrame, table: str, from_csv: bool) -> pd.DataFrame:
    """Give a read-back table the dtypes `to_frames` makes; unknown columns are left alone."""
    kinds = column_kinds(table, frame.columns)
    out = {}
    for name in frame.columns:
        kind = kinds.get(name)
        if kind is None:
            out[name] = frame[name]
        elif from_csv:
            out[name] = _from_csv(frame[name], name, kind)
        else:
            out[name] = _from_parquet(frame[name], kind)
    return pd.DataFrame(out, columns=list(frame.columns))


# Text columns that always have a value (possibly "") in every table that has them.
_NEVER_NULL = frozenset({"source", "text", "clean", "kind", "format", "sha256", "schema_version",
                         "original", "replacement", "method", "evidentiality"})


def read_tables(in_dir: str | Path, fmt: TableFormat = "csv") -> dict[str, pd.DataFrame]:
    """Read the tables `write_tables` wrote, with the same dtypes and list columns."""
    in_dir = Path(in_dir)
    frames = {}
    for table in TABLES:
        path = in_dir / f"{table}.{fmt}"
        if not path.exists():
            continue
        if fmt == "csv":
            raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8")
            frames[table] = _restore(raw, table, from_csv=True)
        else:
            require_pyarrow()
            frames[table] = _restore(pd.read_parquet(path), table, from_csv=False)
    return frames
