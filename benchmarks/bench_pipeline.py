"""Throughput of the full pipeline against SudachiPy alone, measured in one run.

    python benchmarks/bench_pipeline.py [--mb 2] [--repeat 3]

The corpus is built from the files in corpus/ (each transcript repeated until the total
reaches --mb megabytes of UTF-8), processed as separate transcripts. Reported:

- SudachiPy alone: split mode C, line by line, reading each token's surface, reading form,
  normalized form and part of speech (the floor: the pipeline must tokenize);
- the full pipeline: read -> ... -> JSON text of every document (not written to disk);
- their ratio (machines are shared and noisy, so only the ratio is stable), the best of
  --repeat runs each, interleaved;
- the pipeline's throughput on --workers processes (batch mode, `ja-transcript process -j N`),
  as a ratio to one SudachiPy process;
- each stage's share of the pipeline's time (from timers around the stage functions).
"""

from __future__ import annotations

import argparse
import math
import time
from collections import defaultdict
from pathlib import Path

from sudachipy import Dictionary, SplitMode

import ja_transcript.pipeline as pl
from ja_transcript.readers import read_path
from ja_transcript.writers import to_json

ROOT = Path(__file__).resolve().parent.parent


def build_corpus(megabytes: float):
    transcripts = []
    for path in sorted((ROOT / "corpus").iterdir()):
        if path.is_file():
            transcripts.extend(read_path(str(path)).transcripts)
    size = sum(len(l.text.encode()) for t in transcripts for l in t.lines)
    copies = max(1, math.ceil(megabytes * 1e6 / size))
    return transcripts * copies


def sudachi_alone(lines: list[str]) -> None:
    tok = Dictionary().create(SplitMode.C)
    for line in lines:
        for m in tok.tokenize(line):
            m.surface(), m.reading_form(), m.normalized_form(), m.part_of_speech()


def run_pipeline(pipeline, corpus) -> None:
    for raw in corpus:
        to_json(pipeline.process(raw))


STAGES = {  # function the pipeline module calls -> stage name
    "line_kinds": "structure",
    "find_loops": "dedup (loops)",
    "find_duplicate_lines": "dedup (lines)",
    "build_sentences": "sentences",
    "find_entities": "entities",
    "extract_amounts": "amounts",
    "find_claims": "claims",
}


_worker = None


def _init_worker() -> None:
    global _worker
    _worker = pl.Pipeline()


def _process_one(raw) -> int:
    return len(to_json(_worker.process(raw)))


def run_workers(corpus, workers: int) -> float:
    """Seconds for the corpus on `workers` processes, one pipeline each (as `--workers` does)."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker) as pool:
        list(pool.map(_process_one, corpus[:workers], chunksize=1))  # warm: every worker has loaded
        t0 = time.perf_counter()
        list(pool.map(_process_one, corpus, chunksize=4))
        return time.perf_counter() - t0


def stage_shares(pipeline, corpus) -> dict[str, float]:
    spent: dict[str, float] = defaultdict(float)

    def timed(name, fn):
        def wrapper(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - t0
        return wrapper

    originals = {attr: getattr(pl, attr) for attr in STAGES}
    for attr, name in STAGES.items():
        setattr(pl, attr, timed(name, originals[attr]))
    analyze, find, aliases = pipeline.analyzer.analyze, pipeline.corrector.find, pipeline.aliases.find
    pipeline.analyzer.analyze = timed("tokenize (SudachiPy)", analyze)
    pipeline.corrector.find = timed("correct (lexicon)", find)
    pipeline.aliases.find = timed("lexicon aliases", aliases)
    t0 = time.perf_counter()
    for raw in corpus:
        doc = pipeline.process(raw)
        t1 = time.perf_counter()
        to_json(doc)
        spent["write JSON"] += time.perf_counter() - t1
    total = time.perf_counter() - t0
    for attr, fn in originals.items():
        setattr(pl, attr, fn)
    pipeline.analyzer.analyze, pipeline.corrector.find, pipeline.aliases.find = analyze, find, aliases
    spent["other (wiring, model)"] = total - sum(spent.values())
    return {k: v / total for k, v in sorted(spent.items(), key=lambda kv: -kv[1])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2, help="also measure this many worker processes (0: skip)")
    args = parser.parse_args()

    corpus = build_corpus(args.mb)
    lines = [l.text for t in corpus for l in t.lines]
    chars = sum(map(len, lines))
    nbytes = sum(len(l.encode()) for l in lines)
    pipeline = pl.Pipeline()
    run_pipeline(pipeline, corpus[:2])  # warm caches and lazy loads

    best = {"sudachi": float("inf"), "pipeline": float("inf")}
    for _ in range(args.repeat):
        t0 = time.perf_counter(); sudachi_alone(lines); best["sudachi"] = min(best["sudachi"], time.perf_counter() - t0)
        t0 = time.perf_counter(); run_pipeline(pipeline, corpus); best["pipeline"] = min(best["pipeline"], time.perf_counter() - t0)

    print(f"corpus: {len(corpus)} transcripts, {chars:,} characters, {nbytes / 1e6:.2f} MB UTF-8")
    for name, secs in best.items():
        print(f"{name:10} {chars / secs / 1000:9.1f} K chars/s  ({secs:.2f} s, best of {args.repeat})")
    print(f"ratio pipeline / SudachiPy alone: {best['sudachi'] / best['pipeline']:.2f}x (target >= 0.5x)")
    if args.workers > 1:
        secs = min(run_workers(corpus, args.workers) for _ in range(args.repeat))
        print(f"pipeline on {args.workers} worker processes: {chars / secs / 1000:.1f} K chars/s, "
              f"{best['sudachi'] / secs:.2f}x one SudachiPy process")
    print("stage shares of pipeline time:")
    for name, share in stage_shares(pipeline, corpus).items():
        print(f"  {name:24} {share * 100:5.1f} %")


if __name__ == "__main__":
    main()
