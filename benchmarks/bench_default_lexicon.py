"""False corrections of the built-in lexicon alone on text that needs none.

    .venv/bin/python benchmarks/bench_default_lexicon.py [--split dev|heldout|both] [--show N]

Two sets of correct text, each sentence processed alone by `ja_transcript.Pipeline` with the
default lexicon only (no domain lexicon), at the CLI's confidence threshold:
  precision set   benchmarks/correction/data/precision.jsonl: everyday talk and Wikipedia NER
                  sentences, by split (dev for work; heldout scored once);
  NER sentences   the 1,000 Stockmark Wikipedia sentences of ../shared/eval/ner (only that
                  part), all of them (the correction benchmark draws its misheard items from
                  some of them, so these count as seen data).
Every correction there is false: the sentences are written text or everyday talk said right.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from ja_transcript import Options, Pipeline

HERE = Path(__file__).resolve().parent
PRECISION = HERE / "correction" / "data" / "precision.jsonl"
NER = HERE.parents[1] / "shared" / "eval" / "ner" / "stockmark_wikipedia_ner_dev.json"


def false_corrections(pipeline: Pipeline, texts: list[str]) -> list[dict]:
    out = []
    for text in texts:
        for c in pipeline.process_text(text, format="txt").corrections:
            if c.canonical is not None:
                out.append({"text": text, "original": c.original, "replacement": c.replacement,
                            "canonical": c.canonical, "method": c.method, "confidence": c.confidence})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "heldout", "both"), default="dev")
    ap.add_argument("--ner", type=Path, default=NER)
    ap.add_argument("--show", type=int, default=20, help="print up to N false corrections of each set")
    args = ap.parse_args(argv)
    pipeline = Pipeline(options=Options())
    rows = [json.loads(line) for line in PRECISION.read_text(encoding="utf-8").splitlines() if line.strip()]
    sets = {}
    for split in (("dev", "heldout") if args.split == "both" else (args.split,)):
        for part in ("everyday", "ner"):
            sets[f"precision set {split}, {part}"] = [r["text"] for r in rows if r["split"] == split
                                                      and r["domain"].split("_")[0] == part]
    if args.ner.exists():
        sets["NER sentences (all 1,000)"] = [r["text"] for r in json.loads(args.ner.read_text(encoding="utf-8"))]
    for name, texts in sets.items():
        found = false_corrections(pipeline, texts)
        by = Counter(f"{c['original']}->{c['canonical']}" for c in found)
        print(f"{name}: {len(texts)} sentences, {len(found)} false corrections"
              + (f" ({', '.join(f'{k} x{v}' for k, v in by.most_common(8))})" if found else ""))
        for c in found[:args.show]:
            print(f"    {c['original']} -> {c['replacement']} ({c['canonical']}, {c['method']} {c['confidence']}): "
                  f"{c['text'][:60]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
