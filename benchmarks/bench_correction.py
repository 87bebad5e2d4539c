"""Lexicon correction on the development benchmark of benchmarks/correction/ (issue 11).

    .venv/bin/python benchmarks/bench_correction.py [--split dev|heldout|both] [--min-confidence 0.6]
                                                    [--json benchmarks/correction/results.json]

Data (made by benchmarks/correction/generate.py; see benchmarks/correction/README.md):
  misheard.jsonl   one sentence with one misheard mention each, its offsets and the expected term
  precision.jsonl  sentences that must get no correction (everyday talk, other Wikipedia sentences)
  lexicons/*.jsonl one lexicon per domain

Each sentence is processed alone by `ja_transcript.Pipeline` (as a one-line transcript):
  misheard items   with the built-in lexicon and their domain's lexicon;
  precision set    (a) with the built-in lexicon and every domain lexicon, (b) with the built-in one only;
  clean originals  the misheard items' sentences as written, with their domain's lexicon (extra check).
The pipeline runs with min_confidence 0, so every candidate is seen with its confidence; the
figures count the corrections at or above --min-confidence (the CLI's default, 0.6), and the
reliability table uses every candidate.

A correction is counted right when it overlaps the misheard span and names the expected term
(its canonical id, or a replacement that is one of the term's aliases). Every other lexicon
correction (canonical not null) is false. Recall = right / misheard items; precision = right /
all corrections on the misheard items, on the precision set (a) and on the mentions together.
mentions.jsonl holds names written in kana with their own reading (ちゅうごく for 中国): a correct
spelling in another script, so any correction there is false.
Figures are printed for dev and heldout apart. Per-item outcomes are written for dev only:
heldout is for measuring, not for reading cases from.
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
SPLITS = ("dev", "heldout")
BINS = 10


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def corrections(pipeline: Pipeline, text: str) -> list[dict]:
    doc = pipeline.process_text(text, format="txt")
    return [c.model_dump() for c in doc.corrections]


def is_right(c: dict, item: dict) -> bool:
    overlaps = c["start"] < item["end"] and item["start"] < c["end"]
    names = c["canonical"] == item["expected"]["canonical"] or c["replacement"] in item["expected"]["replacements"]
    return overlaps and names


def ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def reliability(points: list[tuple[float, bool]]) -> dict:
    """Confidence bins of width 1/BINS: count, mean confidence, observed accuracy; ECE."""
    bins = [[0, 0.0, 0] for _ in range(BINS)]
    for conf, right in points:
        b = bins[min(BINS - 1, int(conf * BINS))]
        b[0] += 1
        b[1] += conf
        b[2] += right
    rows, ece, n = [], 0.0, len(points)
    for k, (count, total, right) in enumerate(bins):
        if not count:
            continue
        conf, acc = total / count, right / count
        ece += count / n * abs(acc - conf)
        rows.append({"bin": f"{k / BINS:.1f}-{(k + 1) / BINS:.1f}", "count": count, "mean_confidence": round(conf, 4),
                     "accuracy": round(acc, 4)})
    return {"bins": rows, "ece": round(ece, 4) if n else None, "corrections": n}


def evaluate(items, precision, pipelines, threshold: float, split: str, keep_outcomes: bool,
             mentions: list[dict] = ()) -> dict:
    items = [i for i in items if i["split"] == split]
    precision = [p for p in precision if p["split"] == split]
    applied = lambda cs: [c for c in cs if c["canonical"] is not None and c["confidence"] >= threshold]  # noqa: E731
    points: list[tuple[float, bool]] = []
    by = {k: defaultdict(Counter) for k in ("type", "domain", "pattern", "source", "type_span_is_word", "source_kind")}
    outcomes, miss_causes = [], defaultdict(Counter)
    tp = fp_items = 0
    for item in items:
        found = [c for c in corrections(pipelines[item["domain"]], item["text"]) if c["canonical"] is not None]
        for c in found:
            points.append((c["confidence"], is_right(c, item)))
        used = applied(found)
        right = [c for c in used if is_right(c, item)]
        wrong = [c for c in used if not is_right(c, item)]
        hit = bool(right)
        tp += hit
        fp_items += len(wrong) + max(0, len(right) - 1)
        err = item["error"]
        keys = {"type": err["type"], "domain": item["domain"], "source": err["source"].split(":")[0],
                "pattern": err["pattern"] or "-", "type_span_is_word": f"{err['type']}/{'word' if err['span_is_word'] else 'not_word'}",
                "source_kind": item["source"]["kind"]}
        for k, v in keys.items():
            by[k][v]["items"] += 1
            by[k][v]["right"] += hit
            by[k][v]["false"] += len(wrong)
        if not hit:
            low = [c for c in found if is_right(c, item)]
            overlapping = [c for c in used if c["start"] < item["end"] and item["start"] < c["end"]]
            cause = ("below_threshold" if low else "other_term" if overlapping else "no_candidate")
            miss_causes[err["type"]][cause] += 1
        if keep_outcomes:
            outcomes.append({"id": item["id"], "type": err["type"], "pattern": err["pattern"], "said": item["said"],
                             "misheard": item["misheard"], "expected": item["expected"]["canonical"], "hit": hit,
                             "corrections": [{k: c[k] for k in ("start", "end", "original", "replacement",
                                                                  "canonical", "method", "confidence")}
                                             for c in found]})
    # precision set: (a) every domain lexicon, (b) the built-in lexicon only
    fp_precision = Counter()
    false_examples = defaultdict(list)
    for p in precision:
        for config in ("all_domains", "default_only"):
            found = [c for c in corrections(pipelines[config], p["text"]) if c["canonical"] is not None]
            if config == "all_domains":
                points.extend((c["confidence"], False) for c in found)
            for c in applied(found):
                fp_precision[config] += 1
                fp_precision[f"{config}/{p['domain']}"] += 1
                if keep_outcomes:
                    false_examples[config].append({"id": p["id"], "original": c["original"], "canonical": c["canonical"],
                                                   "method": c["method"], "confidence": c["confidence"]})
    # kana spellings of names (ちゅうごく for 中国): mentions, so any correction on them is false
    fp_mentions = 0
    for m in mentions:
        if m["split"] != split:
            continue
        found = [c for c in corrections(pipelines[m["domain"]], m["text"]) if c["canonical"] is not None]
        points.extend((c["confidence"], False) for c in found)
        fp_mentions += len(applied(found))
        if keep_outcomes:
            false_examples["kana_name_mentions"] += [{"id": m["id"], "text": m["text"], "original": c["original"],
                                                      "replacement": c["replacement"], "confidence": c["confidence"]}
                                                     for c in applied(found)]
    # clean originals: each distinct sentence as written, with its domain's lexicon
    originals = {(i["domain"], i["original"]) for i in items}
    fp_clean = 0
    for domain, text in sorted(originals):
        fp_clean += len(applied(corrections(pipelines[domain], text)))
    total = tp + fp_items + fp_precision["all_domains"] + fp_mentions
    result = {
        "items": len(items), "precision_sentences": len(precision), "threshold": threshold,
        "recall": ratio(tp, len(items)),
        "precision": ratio(tp, total),
        "right": tp, "false_on_misheard_items": fp_items,
        "false_on_precision_set": {"all_domain_lexicons": fp_precision["all_domains"],
                                   "default_lexicon_only": fp_precision["default_only"],
                                   "by_part": {k: v for k, v in sorted(fp_precision.items()) if "/" in k}},
        "precision_with_default_only_set": ratio(tp, tp + fp_items + fp_precision["default_only"]),
        "recall_without_kana": ratio(sum(v["right"] for k, v in by["type"].items() if k != "kana"),
                                     sum(v["items"] for k, v in by["type"].items() if k != "kana")),
        "clean_originals": {"sentences": len(originals), "false_corrections": fp_clean},
        "kana_name_mentions": {"items": sum(1 for m in mentions if m["split"] == split),
                               "false_corrections": fp_mentions},
        "reliability_all_candidates": reliability(points),
        "reliability_applied": reliability([pt for pt in points if pt[0] >= threshold]),
        "misses_by_cause": {k: dict(v) for k, v in sorted(miss_causes.items())},
    }
    for k, table in by.items():
        result[f"by_{k}"] = {v: {"items": c["items"], "right": c["right"], "recall": ratio(c["right"], c["items"]),
                                 "false": c["false"]} for v, c in sorted(table.items())}
    if keep_outcomes:
        result["outcomes"] = outcomes
        result["false_on_precision_examples"] = dict(false_examples)
    return result


def table(name: str, r: dict) -> str:
    out = [f"== {name}: {r['items']} misheard items, {r['precision_sentences']} precision sentences, "
           f"confidence >= {r['threshold']}",
           f"recall {r['recall']}  (without kana renderings {r['recall_without_kana']})   precision {r['precision']}"
           f"   right {r['right']}, false on misheard items {r['false_on_misheard_items']}",
           f"precision set, false corrections: with every domain lexicon "
           f"{r['false_on_precision_set']['all_domain_lexicons']}, default lexicon only "
           f"{r['false_on_precision_set']['default_lexicon_only']}; clean originals "
           f"{r['clean_originals']['false_corrections']} false in {r['clean_originals']['sentences']} sentences; "
           f"kana spellings of names (mentions) {r['kana_name_mentions']['false_corrections']} false in "
           f"{r['kana_name_mentions']['items']}"]
    for key in ("type", "type_span_is_word", "pattern", "domain", "source_kind"):
        out.append(f"  by {key.replace('_', ' ')}:")
        for v, c in r[f"by_{key}"].items():
            out.append(f"    {v:<34} {c['right']:>5} / {c['items']:<5} recall {c['recall']!s:<7} false {c['false']}")
    out.append("  misses by cause (no_candidate: nothing proposed on the span; below_threshold: the right"
               " term under the threshold; other_term: another term applied there):")
    for t, causes in r["misses_by_cause"].items():
        out.append(f"    {t:<20} " + ", ".join(f"{k} {v}" for k, v in sorted(causes.items())))
    for label in ("reliability_all_candidates", "reliability_applied"):
        rel = r[label]
        out.append(f"  {label.replace('_', ' ')}: {rel['corrections']} corrections, ECE {rel['ece']}")
        out.append("    bin        count  mean conf  accuracy")
        for b in rel["bins"]:
            out.append(f"    {b['bin']:<9} {b['count']:>6}  {b['mean_confidence']:>9}  {b['accuracy']:>8}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "heldout", "both"), default="both")
    ap.add_argument("--min-confidence", type=float, default=Options().min_confidence)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--json", type=Path, default=HERE / "correction" / "results.json")
    ap.add_argument("--limit", type=int, default=0, help="only the first N items and sentences (a quick look)")
    args = ap.parse_args(argv)
    items = load_jsonl(args.data / "misheard.jsonl")
    precision = load_jsonl(args.data / "precision.jsonl")
    mentions = load_jsonl(args.data / "mentions.jsonl") if (args.data / "mentions.jsonl").exists() else []
    if args.limit:
        items, precision = items[:args.limit], precision[:args.limit]
    lexicons = {p.stem: p for p in sorted((args.data / "lexicons").glob("*.jsonl"))}
    options = Options(min_confidence=0.0)
    started = time.perf_counter()
    pipelines = {d: Pipeline(lexicons=[p], options=options) for d, p in lexicons.items()}
    pipelines["all_domains"] = Pipeline(lexicons=list(lexicons.values()), options=options)
    pipelines["default_only"] = Pipeline(options=options)
    splits = SPLITS if args.split == "both" else (args.split,)
    results = {"data": str(args.data.relative_to(HERE.parent)) if args.data.is_relative_to(HERE.parent) else str(args.data)}
    for split in splits:
        results[split] = evaluate(items, precision, pipelines, args.min_confidence, split, keep_outcomes=split == "dev",
                                  mentions=mentions)
        print(table(split, results[split]))
    results["seconds"] = round(time.perf_counter() - started, 1)
    print(f"({results['seconds']} s)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"written: {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
