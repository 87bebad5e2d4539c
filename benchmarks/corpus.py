"""Benchmark corpora: folders of transcripts of about 200 lines, built from the repository's own.

The lines of the repository's transcripts (`corpus/`, `tests/e2e/`, the new-domain sets of
`benchmarks/transcripts*/`, the correction benchmark's written transcripts and everyday talk,
and the corrector's domain cases: about 3,500 distinct lines of podcasts, radio, streams and
conversation) are laid end to end and cut into files
of `lines_per_file` lines, each file starting further along (so files differ, and within a
file repeated lines are only those the transcripts have), until the folder holds the
megabytes asked for.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [p for pattern in ("corpus/*.txt", "tests/e2e/*.txt", "benchmarks/transcripts*/*.txt",
                             "benchmarks/correction/sources/*/*.txt", "tests/correct/cases/*.txt")
           for p in sorted(ROOT.glob(pattern)) if p.name != "first_run.txt"]


def pool() -> list[str]:
    lines = []
    for path in SOURCES:
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


def build_files(folder: Path, megabytes: float, lines_per_file: int = 200) -> list[Path]:
    """Write files into `folder` until they hold `megabytes` of UTF-8; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = pool()
    target, size, start, paths = megabytes * 1e6, 0, 0, []
    while size < target:
        chunk = [lines[(start + k) % len(lines)] for k in range(lines_per_file)]
        data = ("\n".join(chunk) + "\n").encode("utf-8")
        path = folder / f"t{len(paths):05d}.txt"
        path.write_bytes(data)
        paths.append(path)
        size += len(data)
        start += 37  # a prime step: every file a different window
    return paths


def build_text(megabytes: float) -> str:
    """One transcript of `megabytes` (the pool repeated, each pass shifted one line)."""
    lines, out, size, shift = pool(), [], 0, 0
    while size < megabytes * 1e6:
        for line in lines[shift:] + lines[:shift]:
            out.append(line)
            size += len(line.encode("utf-8")) + 1
            if size >= megabytes * 1e6:
                break
        shift += 1
    return "\n".join(out) + "\n"
