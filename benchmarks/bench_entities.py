"""Entities on Stockmark's Wikipedia NER set: per-type and micro P/R/F1, and speed.

    .venv/bin/python benchmarks/bench_entities.py [--limit N] [--no-ginza] [--errors a|b|c] [--repeat 3]

Split: the sentences are cut into a development part (about 70%) and a held-out part (about
30%, 288 of the 1,000 sentences, 676 gold spans) by the article they come from: a sentence is
held out when the first 8 hex digits of SHA-256 of its `curid`, read as a number, leave a
remainder below 3 when divided by 10 (`is_held_out`). Rules are tuned on the development part
only; `--errors` lists development sentences only, and the held-out part is only scored.
Scores are printed for each part, then for all sentences together.

Data: ../shared/eval/ner/stockmark_wikipedia_ner_dev.json, 1,000 sentences of Japanese
Wikipedia with gold spans in 8 types (stockmarkteam/ner-wikipedia-dataset, CC-BY-SA 3.0).
It is written text, not speech: names are spelled out in full, with formal suffixes
(株式会社, 大学, 駅), which a transcript of speech has less often.

Configurations, each run on the raw sentence (SudachiPy analysis included in its time):
  (a) lexicon + POS: `find_entities` with the default lexicon and SudachiPy's proper nouns;
  (b) (a) with the ja_ginza backend merged (`find_entities(..., backend=GinzaEntities())`);
  (c) ja_ginza alone (`GinzaEntities().find`).
Speed: characters per second over the whole set, best of --repeat runs for (a), one run for
(b) and (c) (the model is loaded before timing). Also printed: the entity stage of (a) alone
on morphemes already there (as in the pipeline), and the scores (b) would have if GiNZA
replaced every part-of-speech span it overlaps (`merge_entities(..., replace=None)`, computed
from the spans of (a) and (c)).

Type mapping, Stockmark -> the class a prediction is compared in (project labels):
  人名                                   -> PERSON   (PERSON)
  法人名, 政治的組織名, その他の組織名     -> ORG      (ORG; right for any of the three, as the project
                                                       has one organisation label)
  地名                                   -> GPE/LOC  (GPE or LOC, both right: Stockmark does not
                                                       tell political units from other places)
  施設名                                 -> FAC      (FAC)
  製品名                                 -> PRODUCT  (PRODUCT, WORK_OF_ART or LAW: Stockmark's 製品名
                                                       holds titles of works and laws as well)
  イベント名                             -> EVENT    (EVENT)

Scoring: exact character span. "typed" needs the class as well; "untyped" only the span.
MISC (a proper noun of unknown kind) is a prediction of no class: wrong when typed, right
when untyped if its span is. TERM (lexicon domain words) and NORP (nationalities, religions)
are not scored: Stockmark has no type for them. Per-class precision divides by the
predictions of that class, recall by the gold spans of that class; the three organisation
types get their own recall row (a predicted ORG counts for each of them).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

from ja_transcript.correct.aliases import AliasMatcher
from ja_transcript.correct.lexicon import load_lexicon
from ja_transcript.extract.entities import find_entities, merge_entities
from ja_transcript.nlp import get_analyzer

SHARED = Path(__file__).resolve().parents[1].parent / "shared"  # the project's reference data, beside the checkout
DATA = (SHARED / "eval/ner/stockmark_wikipedia_ner_dev.json")
GOLD_CLASS = {"人名": "PERSON", "法人名": "ORG", "政治的組織名": "ORG", "その他の組織名": "ORG",
              "地名": "GPE/LOC", "施設名": "FAC", "製品名": "PRODUCT", "イベント名": "EVENT"}
PRED_CLASS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE/LOC", "LOC": "GPE/LOC", "FAC": "FAC",
              "PRODUCT": "PRODUCT", "WORK_OF_ART": "PRODUCT", "LAW": "PRODUCT", "EVENT": "EVENT",
              "MISC": None}  # labels not listed (TERM, NORP) are not scored
CLASSES = ("PERSON", "ORG", "GPE/LOC", "FAC", "PRODUCT", "EVENT")
ORG_TYPES = ("法人名", "政治的組織名", "その他の組織名")


def is_held_out(item: dict) -> bool:
    """Whether a sentence belongs to the held-out 30% (by a hash of its article id)."""
    return int(hashlib.sha256(item["curid"].encode("utf-8")).hexdigest()[:8], 16) % 10 < 3


def predicted(spans) -> set[tuple[int, int, str | None]]:
    return {(s.start, s.end, PRED_CLASS[s.label]) for s in spans if s.label in PRED_CLASS}


def score(items, predictions) -> dict:
    """Counts per class and overall: {key: [true positives, predictions, gold]}."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for item, pred in zip(items, predictions):
        gold = {(e["span"][0], e["span"][1], GOLD_CLASS[e["type"]]) for e in item["entities"]}
        gold_types = {(e["span"][0], e["span"][1]): e["type"] for e in item["entities"]}
        hits = pred & gold
        for _, _, cls in pred:
            counts[str(cls)][1] += 1
        for s, e, cls in gold:
            counts[cls][2] += 1
        for s, e, cls in hits:
            counts[cls][0] += 1
        for key in ("typed", "untyped"):
            counts[key][1] += len(pred)
            counts[key][2] += len(gold)
        counts["typed"][0] += len(hits)
        counts["untyped"][0] += len({(s, e) for s, e, _ in pred} & {(s, e) for s, e, _ in gold})
        for (s, e), t in gold_types.items():
            if t in ORG_TYPES:
                counts[t][2] += 1
                counts[t][0] += (s, e, "ORG") in pred
    return counts


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run(fn, texts: list[str], repeat: int = 1) -> tuple[list, float]:
    """The results of fn over texts and the best time of `repeat` runs."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        out = [fn(text) for text in texts]
        best = min(best, time.perf_counter() - t)
    return out, best


def pad(text: str, width: int) -> str:
    """Left-justify counting wide (CJK) characters as two columns."""
    cols = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - cols, 0)


def print_table(results: dict, chars: int) -> None:
    names = list(results)
    head = f"{'':<16}" + "".join(f"{n:>24}" for n in names)
    print(head)
    print(f"{'':<16}" + "".join(f"{'P     R     F1    n':>24}" for _ in names))
    rows = [*CLASSES, *ORG_TYPES, "typed", "untyped"]
    for row in rows:
        label = {"typed": "micro typed", "untyped": "micro untyped"}.get(row, row)
        if row in ORG_TYPES:
            label = f"  ORG {row}"
        cells = []
        for n in names:
            tp, n_pred, n_gold = results[n][0][row]
            p, r, f = prf(tp, n_pred, n_gold)
            if row in ORG_TYPES:
                cells.append(f"{'-':>5} {r:.3f} {'-':>5} {n_gold:>5}")
            else:
                cells.append(f"{p:.3f} {r:.3f} {f:.3f} {n_gold:>5}")
        print(pad(label, 16) + "".join(f"{c:>24}" for c in cells))
    misc = "".join(f"{results[n][0]['None'][1]:>24}" for n in names)
    print(f"{'MISC predicted':<16}{misc}")
    speed = "".join(f"{chars / results[n][1] / 1e3:>22.1f} K" for n in names)  # over all sentences
    print(f"{'chars/s':<16}{speed}")


def show_errors(items, predictions, limit: int = 400) -> None:
    shown = 0
    for item, pred in zip(items, predictions):
        text = item["text"]
        gold = {(e["span"][0], e["span"][1], GOLD_CLASS[e["type"]]) for e in item["entities"]}
        missed = sorted(gold - pred)
        wrong = sorted(pred - gold, key=lambda x: (x[0], x[1]))
        if not missed and not wrong:
            continue
        print(f"  {text}")
        for s, e, c in missed:
            print(f"      miss {text[s:e]} {c}")
        for s, e, c in wrong:
            print(f"      got  {text[s:e]} {c}")
        shown += 1
        if shown >= limit:
            return


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N sentences")
    ap.add_argument("--no-ginza", action="store_true", help="only configuration (a)")
    ap.add_argument("--errors", choices=("a", "b", "c"), help="list the sentences a configuration gets wrong")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs of (a); the best counts")
    args = ap.parse_args()

    items = json.loads(DATA.read_text("utf-8"))[: args.limit]
    texts = [item["text"] for item in items]
    chars = sum(map(len, texts))
    analyzer = get_analyzer()
    aliases = AliasMatcher(load_lexicon())
    analyzer.analyze(texts[0])  # load the dictionary before timing

    configs = {"(a) lexicon+POS": lambda t: find_entities(t, analyzer.analyze(t), aliases)}
    if not args.no_ginza:
        from ja_transcript.extract.ginza_backend import GinzaEntities, is_available

        if is_available():
            ginza = GinzaEntities()
            ginza.find(texts[0])  # load the model before timing
            configs["(b) +ja_ginza"] = lambda t: find_entities(t, analyzer.analyze(t), aliases, backend=ginza)
            configs["(c) ja_ginza alone"] = ginza.find
        else:
            print("ja_ginza is not installed: only (a). pip install \"ja-transcript[ginza]\"")

    results, spans = {}, {}
    for name, fn in configs.items():
        spans[name], seconds = run(fn, texts, args.repeat if name.startswith("(a)") else 1)
        results[name] = (seconds, [predicted(s) for s in spans[name]])
    parts = {"development": [not is_held_out(item) for item in items],
             "held-out": [is_held_out(item) for item in items],
             "all": [True] * len(items)}
    for part, chosen in parts.items():
        subset = [item for item, keep in zip(items, chosen) if keep]
        n_gold = sum(len(item["entities"]) for item in subset)
        n_chars = sum(len(item["text"]) for item in subset)
        print(f"\nStockmark Wikipedia NER, {part}: {len(subset)} sentences, {n_chars} chars, {n_gold} gold spans; "
              f"exact span (P R F1, n = gold spans)")
        table = {name: (score(subset, [p for p, keep in zip(preds, chosen) if keep]), seconds)
                 for name, (seconds, preds) in results.items()}
        print_table(table, chars)
    morphemes = [analyzer.analyze(t) for t in texts]
    _, stage = run(lambda i: find_entities(texts[i], morphemes[i], aliases), range(len(texts)), args.repeat)
    print(f"(a) entity stage alone, on SudachiPy morphemes: {chars / stage / 1e3:.0f} K chars/s")
    if "(c) ja_ginza alone" in spans:
        merged = [merge_entities(a, c, replace=None)
                  for a, c in zip(spans["(a) lexicon+POS"], spans["(c) ja_ginza alone"])]
        dev = [not is_held_out(item) for item in items]
        counts = score([i for i, k in zip(items, dev) if k], [predicted(s) for s, k in zip(merged, dev) if k])
        print("(b) if GiNZA replaced every part-of-speech span it overlaps, development: micro F1 typed "
              f"{prf(*counts['typed'])[2]:.3f}, untyped {prf(*counts['untyped'])[2]:.3f}")
    if args.errors:
        key = next(n for n in results if n.startswith(f"({args.errors})"))
        print(f"\nerrors of {key} on the development part (class None = MISC):")
        dev = [not is_held_out(item) for item in items]
        show_errors([i for i, k in zip(items, dev) if k], [p for p, k in zip(results[key][1], dev) if k])


if __name__ == "__main__":
    main()
