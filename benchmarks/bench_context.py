"""Lexicon correction of dictionary words in context: passages of several lines.

    .venv/bin/python benchmarks/bench_context.py [--split dev|heldout|both] [--min-confidence 0.6]

Data: benchmarks/correction/data/context.jsonl, made by benchmarks/correction/context.py (see there).
Each passage is processed as one transcript by `ja_transcript.Pipeline` with the built-in lexicon
and the passage's domain lexicon, at min_confidence 0 so that every candidate is seen.

- `misheard`: a misheard dictionary word on the `target` line; right when a correction on that
  line overlaps the span and names the expected term. Every other lexicon correction is false.
- `clean` (the same passage as written), `everyday`, `other_domain`: every correction is false.

Recall = right / misheard passages; precision = right / (right + every false correction).
Heldout is for measuring: its figures are printed, no per-passage outcome is kept.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from ja_transcript import Options, Pipeline

HERE = Path(__file__).resolve().parent
DATA = HERE / "correction" / "data"
sys.path.insert(0, str(HERE))
from bench_correction import ratio, reliability  # noqa: E402


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def is_right(c: dict, p: dict) -> bool:
    return (c["line"] == p["target"] + 1 and c["start"] < p["end"] and p["start"] < c["end"]
            and (c["canonical"] == p["expected"]["canonical"] or c["replacement"] in p["expected"]["replacements"]))


def evaluate(passages: list[dict], pipelines: dict, threshold: float, split: str) -> dict:
    points, by_type, false_by_kind, kinds = [], defaultdict(Counter), Counter(), Counter()
    tp = fp = 0
    examples = []
    for p in (p for p in passages if p["split"] == split):
        kinds[p["kind"]] += 1
        doc = pipelines[p["domain"]].process_text("\n".join(p["lines"]), format="txt")
        found = [c.model_dump() for c in doc.corrections if c.canonical is not None]
        hit = False
        for c in found:
            right = p["kind"] == "misheard" and is_right(c, p)
            points.append((c["confidence"], right))
            if c["confidence"] < threshold:
                continue
            if right and not hit:
                hit = True
                tp += 1
            elif not right:
                fp += 1
                false_by_kind[p["kind"]] += 1
                if split == "dev" and len(examples) < 40:
                    examples.append({"id": p["id"], "kind": p["kind"], "original": c["original"],
                                     "canonical": c["canonical"], "confidence": c["confidence"]})
        if p["kind"] == "misheard":
            by_type[p["error"]["type"]]["items"] += 1
            by_type[p["error"]["type"]]["right"] += hit
    return {
        "passages": dict(kinds), "threshold": threshold,
        "recall": ratio(tp, kinds["misheard"]), "precision": ratio(tp, tp + fp), "right": tp,
        "false": dict(false_by_kind),
        "by_type": {t: {**c, "recall": ratio(c["right"], c["items"])} for t, c in sorted(by_type.items())},
        "reliability_all_candidates": reliability(points),
        **({"false_examples": examples} if split == "dev" else {}),
    }


def table(name: str, r: dict) -> str:
    out = [f"== {name}: passages {r['passages']}, confidence >= {r['threshold']}",
           f"recall {r['recall']}  precision {r['precision']}  right {r['right']}  false by kind {r['false']}"]
    for t, c in r["by_type"].items():
        out.append(f"    {t:<20} {c['right']:>4} / {c['items']:<4} recall {c['recall']}")
    rel = r["reliability_all_candidates"]
    out.append(f"  reliability, all candidates: {rel['corrections']}, ECE {rel['ece']}")
    for b in rel["bins"]:
        out.append(f"    {b['bin']:<9} {b['count']:>6}  {b['mean_confidence']:>9}  {b['accuracy']:>8}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "heldout", "both"), default="dev")
    ap.add_argument("--min-confidence", type=float, default=Options().min_confidence)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    passages = load_jsonl(args.data / "context.jsonl")
    options = Options(min_confidence=0.0)
    started = time.perf_counter()
    pipelines = {p.stem: Pipeline(lexicons=[p], options=options)
                 for p in sorted((args.data / "lexicons").glob("*.jsonl"))}
    results = {}
    for split in (("dev", "heldout") if args.split == "both" else (args.split,)):
        results[split] = evaluate(passages, pipelines, args.min_confidence, split)
        print(table(split, results[split]))
    print(f"({time.perf_counter() - started:.1f} s)")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
