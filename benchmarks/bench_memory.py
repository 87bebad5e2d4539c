"""Peak memory of `ja-transcript process`: against the size of one transcript, and over a batch.

    python benchmarks/bench_memory.py [--sizes 15K,1M,5M,20M] [--keep DIR]
    python benchmarks/bench_memory.py --batch 200M [-j 1] [--keep DIR]

For each size a plain-text transcript is built (`build_transcript`) and processed by
`ja-transcript process FILE --out DIR` in a fresh process; its peak RSS comes from
`os.wait4` (the kernel's ru_maxrss of that one child). Reported: peak RSS per size and
the growth above the smallest size in MB of RSS per MB of input (target <= 40).

The transcript: the title of corpus/iwami_coreweave_news.txt, then copies of the spoken
lines of every plain-text transcript in the repository (corpus/*.txt, tests/e2e/**/*.txt;
each file's first line, its title, is dropped), one paragraph (blank line) per copy of a
file. Copy k of a file rotates its lines by 7k and adds k to every digit (mod 10), so the
text is not one block repeated: duplicate-line removal, which only looks a few lines back,
removes about what it removes in the real transcripts, and amounts vary. The text is cut at
a line end once it reaches the size (UTF-8 bytes).

--keep DIR keeps each size's input and output (DIR/<size>.txt, DIR/<size>/) to compare
outputs across versions.

--batch SIZE: a folder of ~200-line transcripts of SIZE in all (benchmarks/corpus.py
`build_files`) is processed by `ja-transcript process DIR --out --jsonl --tables -j N -v`.
Every --every seconds the RSS of its process tree (the main process and its workers, from
/proc; pages shared by forked workers count once per process) is sampled, and the input done
so far is counted from the "done:" lines. Reported: the tree's RSS as the input goes, its
peak while the first 10 MB of input were processed and over the whole batch, and how far
the second is above the first (target <= 10%: memory does not grow with the batch).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "tests" / "e2e").rglob("*.txt"))
_UNITS = {"K": 1e3, "M": 1e6, "G": 1e9}


def parse_size(text: str) -> int:
    """'15K' -> 15000, '1.5M' -> 1500000 (decimal units, as MB below)."""
    text = text.strip().upper().removesuffix("B")
    if text and text[-1] in _UNITS:
        return int(float(text[:-1]) * _UNITS[text[-1]])
    return int(text)


def _shift_digits(k: int) -> dict[int, str]:
    return str.maketrans("0123456789", "".join(str((d + k) % 10) for d in range(10)))


def transcript_lines(nbytes: int):
    """Lines (without newline) of a transcript of about `nbytes` UTF-8 bytes, in order."""
    title = SOURCES[0].read_text(encoding="utf-8").splitlines()[0]
    bodies = [[l for l in p.read_text(encoding="utf-8").splitlines()[1:] if l.strip()] for p in SOURCES]
    yield title
    size = len(title.encode()) + 1
    k = 0
    while True:
        table = _shift_digits(k)
        for body in bodies:
            r = 7 * k % len(body)
            for line in body[r:] + body[:r] + [""]:
                if k:
                    line = line.translate(table)
                yield line
                size += len(line.encode()) + 1
                if size >= nbytes:
                    return
        k += 1


def build_transcript(nbytes: int, path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for line in transcript_lines(nbytes):
            fh.write(line + "\n")
    return path


def peak_rss(cmd: list[str], cwd: Path | None = None) -> tuple[int, float]:
    """(exit status, peak RSS in MB) of `cmd` run in a fresh child process."""
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.stderr.write(stderr.decode(errors="replace"))
    return proc.returncode, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def cli() -> list[str]:
    exe = Path(sys.executable).with_name("ja-transcript")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "ja_transcript.cli"]


def measure_single(sizes: list[int], work: Path) -> list[tuple[int, float]]:
    """Peak RSS (MB) of `ja-transcript process` on one transcript of each size."""
    rows = []
    for nbytes in sizes:
        name = f"{nbytes // 1000}K"
        src = build_transcript(nbytes, work / f"{name}.txt")
        # Run inside `work` on relative paths: documents name their input as given, so
        # outputs of different runs (--keep) compare byte for byte.
        status, rss = peak_rss(cli() + ["process", src.name, "--out", name], cwd=work)
        if status:
            raise SystemExit(f"ja-transcript failed on {src} (exit {status})")
        rows.append((src.stat().st_size, rss))
        print(f"{src.stat().st_size / 1e6:8.3f} MB input  {rss:8.1f} MB peak RSS", flush=True)
    return rows


def report(rows: list[tuple[int, float]], target: float = 40.0) -> None:
    base_size, base_rss = rows[0]
    print(f"\n{'input MB':>9} {'peak RSS MB':>12} {'growth MB/MB':>13}")
    for size, rss in rows:
        growth = (rss - base_rss) / ((size - base_size) / 1e6) if size > base_size else float("nan")
        print(f"{size / 1e6:9.3f} {rss:12.1f} {growth:13.1f}")
    print(f"growth: peak RSS above the {base_size / 1e3:.0f} KB transcript's, per MB of input (target <= {target:g})")


_PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 2**20


def tree_rss(pid: int) -> dict[int, float]:
    """RSS in MB of `pid` and its descendants, by pid (processes that end meanwhile are skipped)."""
    out, todo = {}, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as fh:
                out[p] = int(fh.read().split()[1]) * _PAGE_MB
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except (OSError, ValueError):
            continue
    return out


def measure_batch(nbytes: int, work: Path, workers: int, every: float, first: float = 10e6) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from corpus import build_files

    files = build_files(work / "in", nbytes / 1e6)
    sizes = {p.name: p.stat().st_size for p in files}
    total = sum(sizes.values())
    print(f"batch: {total / 1e6:.1f} MB in {len(files)} files, -j {workers}, --jsonl --tables", flush=True)
    for name in ("out", "tables", "all.jsonl"):
        shutil.rmtree(work / name, ignore_errors=True) if name != "all.jsonl" else (work / name).unlink(missing_ok=True)
    cmd = cli() + ["process", "in", "--out", "out", "--jsonl", "all.jsonl", "--tables", "tables", "-j", str(workers),
                   "-v"]
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    done = [0]
    tail: list[str] = []

    def count() -> None:
        for line in proc.stderr:
            if line.startswith("done: "):
                done[0] += sizes.get(Path(line[6:].strip()).name, 0)
            else:
                tail.append(line)

    reader = threading.Thread(target=count, daemon=True)
    reader.start()
    samples: list[tuple[float, float, int, float]] = []  # (seconds, input done, processes, tree RSS MB)
    next_report = 0.0
    while proc.poll() is None:
        rss = tree_rss(proc.pid)
        if rss:
            samples.append((time.monotonic() - started, done[0], len(rss), sum(rss.values())))
            if done[0] >= next_report:
                t, d, n, r = samples[-1]
                print(f"{t:8.0f} s {d / 1e6:8.1f} MB done  {n} processes  {r:8.1f} MB RSS", flush=True)
                next_report = max(next_report + total / 20, first)
        time.sleep(every)
    reader.join()
    elapsed = time.monotonic() - started
    if proc.returncode:
        sys.stderr.write("".join(tail))
        raise SystemExit(f"ja-transcript failed (exit {proc.returncode})")
    early = max(r for _, d, _, r in samples if d <= first)
    peak = max(r for *_, r in samples)
    print(f"\n{total / 1e6:.1f} MB in {elapsed:.0f} s ({total / 1e6 / elapsed:.3f} MB/s); "
          f"{len(samples)} samples of the process tree's RSS")
    print(f"peak RSS while the first {first / 1e6:g} MB were processed: {early:8.1f} MB")
    print(f"peak RSS over the whole batch:                 {peak:8.1f} MB  "
          f"({100 * (peak / early - 1):+.1f}%, target <= +10%)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="15K,1M,5M,20M", help="comma-separated sizes, smallest first (15K, 1M, 2.5M)")
    parser.add_argument("--batch", help="instead: a batch of this size in all (200M), with --jsonl and --tables")
    parser.add_argument("-j", "--workers", type=int, default=1, help="worker processes for --batch")
    parser.add_argument("--every", type=float, default=0.5, help="seconds between RSS samples (--batch)")
    parser.add_argument("--keep", type=Path, help="keep inputs and outputs in this directory")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="bench_memory."))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if args.batch:
            measure_batch(parse_size(args.batch), work, args.workers, args.every)
        else:
            report(measure_single(sorted(parse_size(s) for s in args.sizes.split(",")), work))
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
