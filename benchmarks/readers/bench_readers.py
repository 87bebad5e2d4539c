"""Cloud-service exports read against hand-labelled lines (text, start, end, speaker).

    PYTHONPATH=src python benchmarks/readers/bench_readers.py [DIR]

DIR holds exports and expected.json (default: benchmarks/readers/heldout). Prints the share
of expected lines read exactly, per file and overall, and each difference.
"""

import json
import sys
from pathlib import Path

from ja_transcript.readers import read_path


def score(folder: Path) -> float:
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    right = total = 0
    for name, want in expected.items():
        result = read_path(folder / name)
        lines = [] if result.errors else [[l.text, l.start, l.end, l.speaker] for l in result.transcripts[0].lines]
        shape = None if result.errors else (result.transcripts[0].format, result.transcripts[0].time_unit)
        good = sum(1 for got, exp in zip(lines, want["lines"]) if got == exp)
        right, total = right + good, total + max(len(want["lines"]), len(lines))
        print(f"{name}: {good}/{len(want['lines'])} lines, shape {'ok' if shape == (want['format'], want['time_unit']) else shape}")
        for e in result.errors:
            print(f"  error: {e}")
        for got, exp in zip(lines, want["lines"]):
            if got != exp:
                print(f"  got {got}\n  exp {exp}")
        if len(lines) != len(want["lines"]):
            print(f"  {len(lines)} lines read, {len(want['lines'])} expected")
    print(f"overall: {right}/{total} = {right / total:.3f}")
    return right / total


if __name__ == "__main__":
    score(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "heldout")
