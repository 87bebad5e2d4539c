"""Command line: `ja-transcript process`, `ja-transcript schema`, `ja-transcript lexicon check`."""

from __future__ import annotations

import gc
import json
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from tqdm import tqdm

from .errors import Errors, LexiconError
from .model import json_schema

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Clean Japanese speech transcripts into corrected text and structured JSON.")
lexicon_app = typer.Typer(no_args_is_help=True, help="Work with lexicon files.")
app.add_typer(lexicon_app, name="lexicon")


class TableFormat(str, Enum):
    csv = "csv"
    parquet = "parquet"


class TimeUnit(str, Enum):
    auto = "auto"
    s = "s"
    ms = "ms"


class Executor(str, Enum):
    local = "local"
    dask = "dask"


class ExitCode:
    """Exit statuses (README: Command line)."""

    OK = 0  # every input processed
    INPUT_FAILED = 1  # some input or record failed; the others were written
    USAGE = 2  # bad options, lexicon or missing dependency: nothing was processed
    INTERNAL = 3  # a bug in ja-transcript: please report it
    INTERRUPTED = 130  # Ctrl-C: documents finished so far stand, --resume goes on from there


def _fail(message: str, code: int = ExitCode.USAGE):
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


class _Progress:
    """A bar on stderr when it is a terminal (never in pipes or logs), and -v lines."""

    def __init__(self, quiet: bool, verbose: bool):
        self.verbose = verbose and not quiet
        self.show_bar = not quiet and sys.stderr.isatty()
        self.bar = None

    def start(self, total: int) -> None:
        if self.show_bar and total > 1:
            tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked
            self.bar = tqdm(total=total, unit="file", file=sys.stderr)

    def advance(self, path: str) -> None:
        if self.bar is not None:
            self.bar.update(1)
        if self.verbose:
            (self.bar.write if self.bar is not None else lambda m: typer.echo(m, err=True))(f"done: {path}")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _version_callback(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"ja-transcript {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version_callback, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """Clean Japanese speech transcripts into corrected text and structured JSON."""


@app.command()
def process(
    paths: List[str] = typer.Argument(..., help="Transcript files or directories; '-' reads stdin."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Folder for the JSON documents."),
    lexicon: List[str] = typer.Option([], "--lexicon", "-l", help="Lexicon file (JSON Lines); repeatable."),
    no_default_lexicon: bool = typer.Option(False, "--no-default-lexicon", help="Do not use the built-in lexicon."),
    min_confidence: float = typer.Option(0.6, "--min-confidence", min=0.0, max=1.0,
                                         help="Lowest confidence of a correction that is applied."),
    no_correct: bool = typer.Option(False, "--no-correct", help="Switch off lexicon correction."),
    no_dedup: bool = typer.Option(False, "--no-dedup", help="Switch off duplicate-line removal."),
    no_terms: bool = typer.Option(False, "--no-terms", help="Leave TERM entities (the lexicon's domain words) "
                                  "out of the documents; names stay."),
    removed: Optional[str] = typer.Option(None, "--removed", help="Also write every removed line to this JSON Lines file ('-': stdout)."),
    jsonl: Optional[str] = typer.Option(None, "--jsonl", help="Also write every document, one a line, to this JSON Lines file ('-': stdout)."),
    resume: bool = typer.Option(False, "--resume", help="Skip inputs the manifest in --out records as done with the same bytes and settings."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Input encoding (default: detect)."),
    time_unit: TimeUnit = typer.Option(TimeUnit.auto, "--time-unit",
                                       help="Unit of JSON start/end times that do not say theirs: s, ms, or auto "
                                            "(decided from the times; a file's own \"time_unit\" still wins)."),
    workers: int = typer.Option(1, "--workers", "-j", min=1, help="Worker processes for many files."),
    ginza: bool = typer.Option(False, "--ginza", help="Add ja_ginza's entities for names no lexicon has "
                                                       '(pip install "ja-transcript[ginza]"; slow, ~2 GB).'),
    text_dir: Optional[Path] = typer.Option(None, "--text", help="Also write the cleaned text: DIR/<stem>.txt."),
    html_dir: Optional[Path] = typer.Option(None, "--html", help="Also write a review page: DIR/<stem>.html."),
    srt_dir: Optional[Path] = typer.Option(None, "--srt", help="Also write the cleaned transcript as subtitles "
                                           "with its timings: DIR/<stem>.srt (timed inputs only)."),
    vtt_dir: Optional[Path] = typer.Option(None, "--vtt", help="Also write WebVTT subtitles: DIR/<stem>.vtt "
                                           "(timed inputs only; speakers as voice tags)."),
    tables_dir: Optional[Path] = typer.Option(None, "--tables",
                                              help="Also write the batch as tables: DIR/<table>.csv."),
    table_format: TableFormat = typer.Option(TableFormat.csv, "--table-format",
                                             help="Format of --tables; parquet needs pyarrow (the parquet extra)."),
    executor: Executor = typer.Option(Executor.local, "--executor",
                                      help="local: worker processes here; dask: a Dask cluster (the dask extra)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Address of the Dask scheduler "
                                            "(tcp://host:8786); without it, a local cluster of -j processes."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors and the summary line."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also a line per input as it is done."),
) -> None:
    """Process transcripts into schema-1 JSON documents (DIR/<stem>.json)."""
    from .batch import RunConfig, Targets, run_batch

    if ginza:
        from .extract.ginza_backend import is_available

        if not is_available():
            _fail(Errors.W003)
    if tables_dir is not None and table_format is TableFormat.parquet:
        from .writers.tables import MissingDependencyError, require_pyarrow

        try:
            require_pyarrow()  # before the batch runs, not after it
        except MissingDependencyError as exc:
            _fail(str(exc))
    stdin = paths == ["-"]
    if stdin and (text_dir or html_dir or tables_dir or srt_dir or vtt_dir):
        _fail(Errors.C004)
    if out is not None and str(out) == "-":
        _fail(Errors.C006)
    if out is not None and out.exists() and not out.is_dir():
        _fail(Errors.C005.format(path=out))
    if out is None and not stdin and jsonl is None:
        _fail(Errors.C003)
    if resume and out is None:
        _fail(Errors.C007)
    if "-" in paths and not stdin:
        _fail(Errors.C008)
    if scheduler is not None and executor is not Executor.dask:
        _fail(Errors.C009)
    if executor is Executor.dask:
        try:
            import distributed  # noqa: F401
        except ImportError:
            _fail(Errors.W004)

    targets = Targets(out=out, jsonl=jsonl, removed=removed, tables=tables_dir, table_format=table_format.value,
                      text=text_dir, html=html_dir, srt=srt_dir, vtt=vtt_dir)
    config = RunConfig(lexicons=tuple(lexicon), use_default_lexicon=not no_default_lexicon, correct=not no_correct,
                       dedup=not no_dedup, min_confidence=min_confidence, ginza=ginza, terms=not no_terms,
                       encoding=encoding, time_unit=None if time_unit is TimeUnit.auto else time_unit.value,
                       views=targets.views)
    try:
        pipeline = config.build_pipeline()  # once: it checks the lexicons, and forked workers share it
    except LexiconError as exc:
        _fail(str(exc))
    # The lexicon, its sound index and the tokenizer live as long as the process: the cyclic
    # garbage collector need not walk them again at every collection while the inputs go.
    gc.freeze()
    if stdin:
        raise typer.Exit(_process_stdin(pipeline, config, targets))

    progress = _Progress(quiet, verbose)
    try:
        result = run_batch(paths, config, targets, workers=workers, resume=resume, pipeline=pipeline,
                           on_start=progress.start, on_input=progress.advance, executor=executor.value,
                           scheduler=scheduler)
    except KeyboardInterrupt:
        progress.close()
        typer.echo("interrupted: documents finished so far are written; rerun with --resume to go on.", err=True)
        raise typer.Exit(ExitCode.INTERRUPTED)
    except LexiconError as exc:
        progress.close()
        _fail(str(exc))
    progress.close()
    if not quiet:
        for notice in result.notices:
            typer.echo(f"note: {notice}", err=True)
    for message in result.errors:
        typer.echo(f"error: {message}", err=True)
    where = f" to {out}" if out is not None else ""
    skipped = f", {result.skipped} input(s) already done (--resume)" if result.skipped else ""
    typer.echo(f"{result.documents} document(s) written{where} from {result.inputs} input(s){skipped}, "
               f"{len(result.errors)} error(s).", err=True)
    raise typer.Exit(ExitCode.OK if result.ok else ExitCode.INPUT_FAILED)


def _process_stdin(pipeline, config, targets) -> int:
    """`process -`: the document to stdout (several records: one a line), or into --out."""
    from dataclasses import replace

    from .batch.sinks import BatchWriter
    from .batch.work import render
    from .readers import read_bytes

    result = read_bytes(sys.stdin.buffer.read(), "-", encoding=config.encoding, time_unit=config.time_unit)
    for e in result.errors:
        typer.echo(f"error: {e}", err=True)
    to_stdout = targets.out is None and targets.jsonl is None
    single = len(result.transcripts) == 1
    if to_stdout and not single:
        targets = replace(targets, jsonl="-")
    writer = BatchWriter(targets, [0])
    failed = bool(result.errors)
    for raw in result.transcripts:
        try:
            rendered = render(pipeline.process(raw), "stdin", targets.views)
        except Exception as exc:  # one record's bug must not lose the others
            where = f"<stdin> record {raw.record_id}" if raw.record_id is not None else "<stdin>"
            typer.echo(f"error: {Errors.P002.format(path=where, reason=f'{type(exc).__name__}: {exc}')}", err=True)
            failed = True
            continue
        if to_stdout and single:
            sys.stdout.write(rendered.json)
        writer.document(0, rendered)
    writer.finished(0)
    writer.commit()
    return ExitCode.INPUT_FAILED if failed else ExitCode.OK


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
    import os

    try:
        app()  # usage errors: typer's message and status 2
    except Exception as exc:  # a bug: say so plainly, the traceback only on request
        if os.environ.get("JA_TRANSCRIPT_DEBUG"):
            raise
        typer.echo(f"error: {Errors.P005.format(reason=f'{type(exc).__name__}: {exc}')}", err=True)
        sys.exit(ExitCode.INTERNAL)
