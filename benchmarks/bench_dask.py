"""Scaling on Dask: the same batch on one Dask worker and on two, as whole processes.

    python benchmarks/bench_dask.py [--mb 20] [--repeat 3] [--dir /tmp/bench_dask]

Builds a folder of --mb megabytes of ~200-line transcripts (benchmarks/corpus.py) and runs
`ja-transcript process DIR --out OUT --executor dask -j N` for N = 1 and 2, alternating,
--repeat times each; reports the median times and their ratio (the speed-up of two workers
over one), and checks both runs wrote the same documents.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from corpus import build_files

EXE = Path(sys.executable).with_name("ja-transcript")


def run(inputs: Path, out: Path, workers: int) -> float:
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([str(EXE), "process", str(inputs), "--out", str(out), "--executor", "dask", "-j", str(workers),
                    "-q"], check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/ja_transcript_bench_dask"))
    args = parser.parse_args()
    inputs = args.dir / "inputs"
    shutil.rmtree(args.dir, ignore_errors=True)
    files = build_files(inputs, args.mb)
    size = sum(p.stat().st_size for p in files)
    print(f"corpus: {len(files)} files, {size / 1e6:.1f} MB")
    times = {1: [], 2: []}
    for _ in range(args.repeat):
        for workers in (1, 2):
            times[workers].append(run(inputs, args.dir / f"out{workers}", workers))
            print(f"  -j {workers}: {times[workers][-1]:.1f} s", flush=True)
    same = subprocess.run(["diff", "-rq", str(args.dir / "out1"), str(args.dir / "out2")]).returncode == 0
    one, two = statistics.median(times[1]), statistics.median(times[2])
    print(f"one worker {one:.1f} s, two workers {two:.1f} s (medians of {args.repeat}): "
          f"scaling {one / two:.2f}x; documents identical: {same}")


if __name__ == "__main__":
    main()
