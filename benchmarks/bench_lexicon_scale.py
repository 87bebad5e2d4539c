"""A 100,000-entry lexicon: how long the pipeline takes to build, and its throughput
against the default lexicon's (issue 11: at most 5 s; at least 0.8x).

    .venv/bin/python benchmarks/bench_lexicon_scale.py [--entries 100000] [--cache DIR]

The lexicon is made of SudachiDict-core's proper nouns (people, places, organisations,
products), a seeded sample, as a user with a large name list would have; it is written to
--cache (default: the system's temporary folder) and reused. Throughput is measured on the
transcripts of corpus/ and tests/e2e/ processed one after another, best of 3, alternating.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def make_lexicon(path: Path, entries: int, seed: int = 7) -> None:
    sys.path.insert(0, str(HERE / "correction"))
    from sudachi_dic import iter_words

    labels = {"人名": "PERSON", "地名": "GPE", "組織": "ORG"}
    seen, rows = set(), []
    for w in iter_words():
        if w.pos[:2] != ("名詞", "固有名詞") or len(w.surface) < 2 or w.surface.lower() in seen:
            continue
        seen.add(w.surface.lower())
        rows.append({"label": labels.get(w.pos[2], "PRODUCT"), "pattern": w.surface, "id": w.surface})
    random.Random(seed).shuffle(rows)
    rows = sorted(rows[:entries], key=lambda r: r["pattern"])
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def texts() -> list[str]:
    paths = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "tests" / "e2e").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entries", type=int, default=100_000)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()))
    args = ap.parse_args(argv)
    lexicon = args.cache / f"ja_transcript_lexicon_{args.entries}.jsonl"
    if not lexicon.exists():
        make_lexicon(lexicon, args.entries)
    from ja_transcript import Pipeline

    docs = texts()
    chars = sum(len(t) for t in docs)
    started = time.perf_counter()
    default = Pipeline()
    default_build = time.perf_counter() - started
    started = time.perf_counter()
    large = Pipeline(lexicons=[lexicon])
    large_build = time.perf_counter() - started
    best = {"default": float("inf"), "large": float("inf")}
    for _ in range(3):
        for name, pipeline in (("default", default), ("large", large)):
            started = time.perf_counter()
            for t in docs:
                pipeline.process_text(t, format="txt")
            best[name] = min(best[name], time.perf_counter() - started)
    result = {"entries": len(large.lexicon), "build_s": {"default": round(default_build, 2), "large": round(large_build, 2)},
              "chars": chars, "chars_per_s": {k: round(chars / v) for k, v in best.items()},
              "throughput_ratio": round(best["default"] / best["large"], 3)}
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
