"""Throughput of `ja-transcript process` against SudachiPy alone, as whole processes.

    python benchmarks/bench_pipeline.py [--mb 3] [--repeat 3] [--dir /tmp/...]

Builds a folder of at least --mb megabytes of ~200-line transcripts from `corpus/` and the
repository's other transcripts (benchmarks/corpus.py), then runs, alternating, --repeat
times each:

- SudachiPy alone: a process that reads the same files and tokenizes them line by line in
  split mode C, reading every token's surface, reading form, normalized form and part of
  speech (the floor: the pipeline must tokenize the text once);
- `ja-transcript process DIR --out OUT -j 1`, and `-j 2`.

Reported: the medians, the ratio of the pipeline's throughput to SudachiPy's (machines are
shared and noisy: only ratios measured in one run mean anything), the scaling of -j 2 over
-j 1, each process's peak RSS, and each stage's share of the pipeline's time (in this
process, from timers around the stage functions).
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import build_files  # noqa: E402

# `python -m ja_transcript` rather than the venv's console script: it runs the code this
# interpreter imports (PYTHONPATH=src measures a working tree, not the installed package).
EXE = [sys.executable, "-m", "ja_transcript"]
SUDACHI_ALONE = """
import sys
from pathlib import Path
from sudachipy import Dictionary, SplitMode
tok = Dictionary().create(SplitMode.C)
for path in sorted(Path(sys.argv[1]).iterdir()):
    for line in path.read_text(encoding="utf-8").splitlines():
        for m in tok.tokenize(line):
            m.surface(), m.reading_form(), m.normalized_form(), m.part_of_speech()
"""


def timed_process(command: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with status {proc.returncode}")
    return seconds, usage.ru_maxrss / 1024


STAGES = {  # function the pipeline module calls -> stage name
    "line_kinds": "structure",
    "find_loops": "dedup (loops)",
    "find_duplicate_lines": "dedup (lines)",
    "build_sentences": "sentences",
    "find_entities": "entities",
    "extract_amounts": "amounts",
    "find_claims": "claims",
}


class _Timed:
    """An object with one method timed: the compiled Corrector's attributes are read-only."""

    def __init__(self, target, name, fn):
        self._target, self._name, self._fn = target, name, fn

    def __getattr__(self, attr):
        return self._fn if attr == self._name else getattr(self._target, attr)


def stage_shares(files: list[Path]) -> dict[str, float]:
    import ja_transcript.pipeline as pl
    from ja_transcript.writers import to_json

    pipeline = pl.Pipeline()
    gc.freeze()  # as the command line does once its pipeline is built
    spent: dict[str, float] = defaultdict(float)

    def timed(name, fn):
        def wrapper(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - t0
        return wrapper

    originals = {attr: getattr(pl, attr) for attr in STAGES if hasattr(pl, attr)}
    for attr, fn in originals.items():
        setattr(pl, attr, timed(STAGES[attr], fn))
    pipeline.analyzer.analyze = timed("tokenize (SudachiPy)", pipeline.analyzer.analyze)
    pipeline.corrector = _Timed(pipeline.corrector, "find", timed("correct (lexicon)", pipeline.corrector.find))
    pipeline.aliases.find = timed("lexicon aliases", pipeline.aliases.find)
    t0 = time.perf_counter()
    for path in files:
        (doc,) = pipeline.process_path(path)
        t1 = time.perf_counter()
        to_json(doc)
        spent["write JSON"] += time.perf_counter() - t1
    total = time.perf_counter() - t0
    for attr, fn in originals.items():
        setattr(pl, attr, fn)
    spent["other (reading, wiring, records)"] = total - sum(spent.values())
    return {k: v / total for k, v in sorted(spent.items(), key=lambda kv: -kv[1])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=3.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/ja_transcript_bench_pipeline"))
    parser.add_argument("--no-shares", action="store_true", help="skip the in-process stage shares")
    args = parser.parse_args()

    shutil.rmtree(args.dir, ignore_errors=True)
    inputs = args.dir / "inputs"
    files = build_files(inputs, args.mb)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in files)
    print(f"corpus: {len(files)} files of ~200 lines, {sum(p.stat().st_size for p in files) / 1e6:.2f} MB, "
          f"{chars:,} characters")

    runs = {"sudachi": [sys.executable, "-c", SUDACHI_ALONE, str(inputs)]}
    for j in (1, 2):
        runs[f"-j {j}"] = [*EXE, "process", str(inputs), "--out", str(args.dir / f"out{j}"), "-j", str(j), "-q"]
    times: dict[str, list[float]] = defaultdict(list)
    rss: dict[str, float] = defaultdict(float)
    for k in range(args.repeat):
        for name, command in runs.items():
            shutil.rmtree(args.dir / "out1", ignore_errors=True)
            shutil.rmtree(args.dir / "out2", ignore_errors=True)
            seconds, peak = timed_process(command)
            times[name].append(seconds)
            rss[name] = max(rss[name], peak)
            print(f"  run {k + 1}: {name:8} {seconds:7.2f} s  peak RSS {peak:6.0f} MB", flush=True)
    median = {name: statistics.median(values) for name, values in times.items()}
    for name, secs in median.items():
        print(f"{name:8} {chars / secs / 1000:8.1f} K chars/s  median {secs:.2f} s  peak RSS {rss[name]:.0f} MB")
    print(f"ja-transcript -j 1 / SudachiPy alone: {median['sudachi'] / median['-j 1']:.2f}x (target >= 0.5x)")
    print(f"scaling -j 2 over -j 1: {median['-j 1'] / median['-j 2']:.2f}x (target >= 1.8x)")
    if not args.no_shares:
        print("stage shares of the pipeline's time (one process, in-process timers):")
        for name, share in stage_shares(files).items():
            print(f"  {name:34} {share * 100:5.1f} %")


if __name__ == "__main__":
    main()
