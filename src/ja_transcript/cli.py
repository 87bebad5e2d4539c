"""Command line: `ja-transcript process`, `ja-transcript schema`, `ja-transcript lexicon check`."""

from __future__ import annotations

import json
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from enum import Enum
from pathlib import Path
from typing import Iterator, List, Optional

import typer
from tqdm import tqdm

from .errors import Errors, LexiconError, TranscriptError
from .model import json_schema
from .writers import removed_records, to_json, to_json_line, write_atomic

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Clean Japanese speech transcripts into corrected text and structured JSON.")
lexicon_app = typer.Typer(no_args_is_help=True, help="Work with lexicon files.")
app.add_typer(lexicon_app, name="lexicon")


def _settings(lexicon: list[str], no_default_lexicon: bool, no_correct: bool, no_dedup: bool,
              min_confidence: float, ginza: bool = False) -> dict:
    return {"lexicons": tuple(lexicon), "use_default_lexicon": not no_default_lexicon,
            "correct": not no_correct, "dedup": not no_dedup, "min_confidence": min_confidence,
            "ginza": ginza}


def _make_pipeline(settings: dict):
    from .pipeline import Options, Pipeline

    options = Options(correct=settings["correct"], dedup=settings["dedup"],
                      min_confidence=settings["min_confidence"], ginza=settings["ginza"])
    return Pipeline(settings["lexicons"], settings["use_default_lexicon"], options)


# One pipeline per worker process, built from plain settings: SudachiPy tokenizers cannot be
# shared between threads or pickled, so every process makes its own.
_worker_pipeline = None


def _init_worker(settings: dict) -> None:
    global _worker_pipeline
    _worker_pipeline = _make_pipeline(settings)


def _process_file(job: tuple[str, Optional[str]]) -> tuple[str, list[tuple[str, str, list[dict]]], list[str]]:
    """Read and process one input file; returns (path, [(name, json, removed)], errors)."""
    from .readers import read_path

    path, encoding = job
    outputs, errors = [], []
    try:
        result = read_path(path, encoding=encoding)
    except TranscriptError as exc:
        return path, [], [str(exc)]
    errors.extend(str(e) for e in result.errors)
    for raw in result.transcripts:
        try:
            doc = _worker_pipeline.process(raw)
        except Exception as exc:  # one bad transcript must not take down the batch
            where = f"{path} record {raw.record_id}" if raw.record_id else path
            errors.append(Errors.P002.format(path=where, reason=f"{type(exc).__name__}: {exc}"))
            continue
        outputs.append((raw.record_id or "", to_json(doc), list(removed_records(doc))))
    return path, outputs, errors


def safe_name(record_id: str) -> str:
    """A record id as a file name that stays inside the output directory.

    >>> safe_name("ep-01"), safe_name("../x"), safe_name("a/b c")
    ('ep-01', 'x', 'a_b_c')
    """
    name = re.sub(r"[^\w.\-]+", "_", record_id).strip("._")
    return name or "record"


def _output_path(out: Path, path: str, record_id: str, is_jsonl: bool) -> Path:
    stem = Path(path).stem
    return out / stem / f"{safe_name(record_id)}.json" if is_jsonl else out / f"{stem}.json"


class TableFormat(str, Enum):
    csv = "csv"
    parquet = "parquet"


class _Views:
    """The --text, --html and --tables outputs, made from each JSON document as it is written.

    They are built in the main process from the JSON the workers return, so the workers and
    the JSON output stay exactly as they are without these options.
    """

    def __init__(self, text: Optional[Path], html: Optional[Path], tables: Optional[Path],
                 table_format: TableFormat) -> None:
        from .writers.tables import TableBuilder

        self.text, self.html, self.tables, self.table_format = text, html, tables, table_format
        self.builder = TableBuilder() if tables is not None else None

    def __bool__(self) -> bool:
        return any(x is not None for x in (self.text, self.html, self.tables))

    def add(self, path: str, record_id: str, json_text: str) -> list[str]:
        """Write the views of one document; returns error messages instead of raising."""
        from .model import Document
        from .writers.html import to_html
        from .writers.text import cleaned_text

        try:
            doc = Document.model_validate_json(json_text)
            if self.text is not None:
                target = _output_path(self.text, path, record_id, is_jsonl=bool(record_id))
                write_atomic(target.with_suffix(".txt"), cleaned_text(doc))
            if self.html is not None:
                target = _output_path(self.html, path, record_id, is_jsonl=bool(record_id))
                write_atomic(target.with_suffix(".html"), to_html(doc))
            if self.builder is not None:
                self.builder.add(doc)
        except Exception as exc:  # a view that fails must not take down the batch
            where = f"{path} record {record_id}" if record_id else path
            return [Errors.P002.format(path=where, reason=f"{type(exc).__name__}: {exc}")]
        return []

    def finish(self) -> list[str]:
        from .writers.tables import write_tables

        if self.builder is None:
            return []
        try:
            write_tables(self.builder.frames(), self.tables, self.table_format.value)
        except OSError as exc:
            return [Errors.W002.format(path=self.tables, reason=exc)]
        return []


def _already_done(out: Path, path: str) -> bool:
    """Whether `out` holds the documents of `path` made from its current bytes (for --resume).

    Every document records the SHA-256 of its input, so a changed input is processed again.
    """
    import hashlib

    stem = Path(path).stem
    docs = [out / f"{stem}.json"] if (out / f"{stem}.json").exists() else sorted((out / stem).glob("*.json"))
    if not docs:
        return False
    try:
        digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        return all(json.loads(d.read_text(encoding="utf-8"))["source"]["sha256"] == digest for d in docs)
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _run(jobs: list[tuple[str, Optional[str]]], settings: dict, workers: int) -> Iterator:
    if workers <= 1 or len(jobs) <= 1:
        _init_worker(settings)
        yield from map(_process_file, jobs)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(settings,)) as pool:
        yield from pool.map(_process_file, jobs, chunksize=1)


@app.command()
def process(
    paths: List[str] = typer.Argument(..., help="Transcript files or directories; '-' reads stdin."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Directory for the JSON documents."),
    lexicon: List[str] = typer.Option([], "--lexicon", "-l", help="Lexicon file (JSON Lines); repeatable."),
    no_default_lexicon: bool = typer.Option(False, "--no-default-lexicon", help="Do not use the built-in lexicon."),
    min_confidence: float = typer.Option(0.6, "--min-confidence", min=0.0, max=1.0,
                                         help="Lowest confidence of a correction that is applied."),
    no_correct: bool = typer.Option(False, "--no-correct", help="Switch off lexicon correction."),
    no_dedup: bool = typer.Option(False, "--no-dedup", help="Switch off duplicate-line removal."),
    removed: Optional[Path] = typer.Option(None, "--removed", help="Also write every removed line to this JSON Lines file."),
    jsonl: Optional[Path] = typer.Option(None, "--jsonl", help="Also write every document, one a line, to this JSON Lines file."),
    resume: bool = typer.Option(False, "--resume", help="Skip inputs whose documents in --out were made from the same bytes."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Input encoding (default: detect)."),
    workers: int = typer.Option(1, "--workers", "-j", min=1, help="Worker processes for many files."),
    ginza: bool = typer.Option(False, "--ginza", help="Add ja_ginza's entities for names no lexicon has "
                                                       '(pip install "ja-transcript[ginza]"; slow, ~2 GB).'),
    text_dir: Optional[Path] = typer.Option(None, "--text", help="Also write the cleaned text: DIR/<stem>.txt."),
    html_dir: Optional[Path] = typer.Option(None, "--html", help="Also write a review page: DIR/<stem>.html."),
    tables_dir: Optional[Path] = typer.Option(None, "--tables",
                                              help="Also write the batch as tables: DIR/<table>.csv."),
    table_format: TableFormat = typer.Option(TableFormat.csv, "--table-format",
                                             help="Format of --tables; parquet needs pyarrow (the parquet extra)."),
) -> None:
    """Process transcripts into schema-1 JSON documents (DIR/<stem>.json)."""
    from .readers import find_inputs

    settings = _settings(lexicon, no_default_lexicon, no_correct, no_dedup, min_confidence, ginza)
    if ginza:
        from .extract.ginza_backend import is_available

        if not is_available():
            typer.echo(f"error: {Errors.W003}", err=True)
            raise typer.Exit(2)
    try:
        _make_pipeline(settings)  # fail early, once, on a bad lexicon
    except LexiconError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)

    views = _Views(text_dir, html_dir, tables_dir, table_format)
    if views and paths == ["-"]:
        typer.echo(f"error: {Errors.C004}", err=True)
        raise typer.Exit(2)
    if tables_dir is not None and table_format is TableFormat.parquet:
        from .writers.tables import MissingDependencyError, require_pyarrow

        try:
            require_pyarrow()  # before the batch runs, not after it
        except MissingDependencyError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2)

    if paths == ["-"]:
        raise typer.Exit(_process_stdin(settings, encoding, out, removed))
    if out is None:
        typer.echo(f"error: {Errors.C003}", err=True)
        raise typer.Exit(2)

    files, errors = find_inputs(paths)
    errors = [str(e) for e in errors]
    if resume:
        done = [f for f in files if _already_done(out, f)]
        files = [f for f in files if f not in done]
        if done:
            typer.echo(f"{len(done)} input(s) already done in {out}, skipped (--resume).", err=True)
    jobs = [(f, encoding) for f in files]
    written: dict[Path, str] = {}
    removed_lines: list[str] = []
    documents: list[str] = []
    bar = tqdm(total=len(jobs), unit="file", file=sys.stderr, disable=len(jobs) <= 1)
    for path, outputs, errs in _run(jobs, settings, workers):
        errors.extend(errs)
        for record_id, text, rem in outputs:
            target = _output_path(out, path, record_id, is_jsonl=bool(record_id))
            if target in written:
                errors.append(f"{path}: output {target} was already written for {written[target]}; "
                              "give inputs with the same name separate --out directories.")
                continue
            write_atomic(target, text)
            written[target] = path
            removed_lines.extend(to_json_line(r) for r in rem)
            if jsonl is not None:
                documents.append(to_json_line(json.loads(text)))
            if views:
                errors.extend(views.add(path, record_id, text))
        bar.update(1)
    bar.close()
    errors.extend(views.finish())
    if removed is not None:
        write_atomic(removed, "".join(removed_lines))
    if jsonl is not None:
        write_atomic(jsonl, "".join(documents))
    for message in errors:
        typer.echo(f"error: {message}", err=True)
    typer.echo(f"{len(written)} document(s) written to {out}, {len(errors)} error(s).", err=True)
    raise typer.Exit(1 if errors else 0)


def _process_stdin(settings: dict, encoding: Optional[str], out: Optional[Path], removed: Optional[Path]) -> int:
    from .readers import read_bytes

    _init_worker(settings)
    try:
        result = read_bytes(sys.stdin.buffer.read(), "-", encoding=encoding)
    except TranscriptError as exc:
        typer.echo(f"error: {exc}", err=True)
        return 1
    docs = [_worker_pipeline.process(raw) for raw in result.transcripts]
    for doc in docs:
        if out is not None:
            write_atomic(out / f"{safe_name(doc.source.record_id or 'stdin')}.json", to_json(doc))
        elif len(docs) == 1:
            sys.stdout.write(to_json(doc))
        else:  # many records on stdin: one document a line (JSON Lines)
            sys.stdout.write(to_json_line(doc.model_dump(mode="json")))
    if removed is not None:
        write_atomic(removed, "".join(to_json_line(r) for d in docs for r in removed_records(d)))
    for e in result.errors:
        typer.echo(f"error: {e}", err=True)
    return 1 if result.errors else 0


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output document."""
    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@lexicon_app.command("check")
def lexicon_check(files: List[Path] = typer.Argument(..., help="Lexicon files to validate.")) -> None:
    """Validate lexicon files; report bad lines by number."""
    from .correct.lexicon import read_lexicon_file

    bad = 0
    for path in files:
        try:
            entries, errors = read_lexicon_file(path)
        except LexiconError as exc:
            typer.echo(f"error: {exc}", err=True)
            bad += 1
            continue
        for e in errors:
            typer.echo(f"error: {e}", err=True)
        bad += len(errors)
        ids = {e.id for e in entries}
        typer.echo(f"{path}: {len(entries)} aliases of {len(ids)} ids, {len(errors)} bad line(s)")
    raise typer.Exit(1 if bad else 0)


def main() -> None:
    app()
