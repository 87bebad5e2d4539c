"""Fit the corrector's confidence model on the DEV part of the correction benchmark.

    .venv/bin/pip install scikit-learn        # development only: the package ships the coefficients
    .venv/bin/python benchmarks/correction/fit_confidence.py [--out src/ja_transcript/data/correction_confidence.json]

Every candidate the corrector proposes (`Corrector.scored_candidates`, before any threshold or
choice between overlapping candidates) is one example, with the features of
`ja_transcript.correct.confidence.FEATURES`:

- on a misheard item (with the built-in lexicon and its domain's, as the benchmark runs it):
  right (1) when it overlaps the misheard span and names the expected term, else wrong (0);
- on a precision-set sentence (with the built-in lexicon and every domain lexicon): wrong;
- on a misheard item's sentence as written ("clean original", its domain's lexicon): wrong;
- on every line of the context benchmark's passages (`context.py`), the other lines its context:
  right only on the misheard line, as above.

The single sentences are seen as the benchmark scores them, alone (the other dev lines of their
file count as evidence elsewhere, as before); the passages teach what the lines around say.

Only `split == "dev"` is read; heldout is for measuring. The model is a logistic regression
on standardized features (scikit-learn, L2, C below); cross-validated log loss and accuracy are
printed, with folds by source sentence so that one sentence is never on both sides.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DATA = HERE / "data"
OUT = ROOT / "src" / "ja_transcript" / "data" / "correction_confidence.json"
C = 1.0  # L2 strength: the default; the cross-validated loss is flat between 0.3 and 3


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def examples(pipeline, text: str, context: list[tuple[int, str]] = (), elsewhere: list[str] = ()):
    """(candidate, features) the pipeline's corrector sees on `text`, a line of a transcript
    whose other lines are `context` (lines away, text) and, further off, `elsewhere`: the correct
    mentions of both are the evidence elsewhere, those of context lines within the corrector's
    window its context, as the pipeline gives them."""
    analyzer, aliases, corrector = pipeline.analyzer, pipeline.aliases, pipeline.corrector
    morphemes = analyzer.analyze(text)
    mentions = aliases.find(text, morphemes)
    evidence = Counter(entry.id for _, _, entry in mentions)
    window = []  # as `window_mentions` gives it in the pipeline: (lines away, as written, entry)
    around = []  # and those lines' morphemes
    for distance, line in [*context, *((None, t) for t in elsewhere)]:
        words = analyzer.analyze(line)
        found = aliases.find(line, words)
        evidence.update(entry.id for _, _, entry in found)
        if distance is not None and distance <= corrector.config.window:
            window += [(distance, line[a:b], entry) for a, b, entry in found]
            around.append(words)
    protected = [(s, e) for s, e, _ in mentions]
    out = []
    for cand, x in corrector.scored_candidates(text, morphemes, evidence, protected, window, None, around):
        if x is None:
            continue  # latin and variant candidates: not modelled
        blocked = any(cand.start < b and a < cand.end and not (cand.start <= a and b <= cand.end)
                      for a, b in protected)
        if not blocked:  # the corrector never applies these: they teach nothing
            out.append((cand, x))
    return out


def is_right(cand, item: dict) -> bool:
    overlaps = cand.start < item["end"] and item["start"] < cand.end
    return overlaps and (cand.entry.id == item["expected"]["canonical"]
                         or cand.entry.id in item["expected"]["replacements"])


def collect(data: Path = DATA, split: str = "dev"):
    from ja_transcript import Options, Pipeline

    items = [i for i in load_jsonl(data / "misheard.jsonl") if i["split"] == split]
    precision = [p for p in load_jsonl(data / "precision.jsonl") if p["split"] == split]
    lexicons = {p.stem: p for p in sorted((data / "lexicons").glob("*.jsonl"))}
    options = Options(min_confidence=0.0)
    pipelines = {d: Pipeline(lexicons=[p], options=options) for d, p in lexicons.items()}
    every = Pipeline(lexicons=list(lexicons.values()), options=options)
    # Transcript lines and everyday conversations are lines of files: the other dev lines of the
    # same file are their context (the benchmark scores each line alone; the pipeline sees a
    # transcript whole, so evidence from other lines must be learnt from somewhere).
    dev_lines: dict[str, dict[int, str]] = {}
    for i in items:
        if i["source"]["kind"] == "transcript":
            dev_lines.setdefault(i["source"]["file"], {})[i["source"]["line"]] = i["original"]
    for p in precision:
        if "file" in p["source"]:
            dev_lines.setdefault(p["source"]["file"], {})[p["source"]["line"]] = p["text"]

    def elsewhere(source: dict) -> list[str]:
        lines = dev_lines.get(source.get("file"), {})
        return [t for n, t in sorted(lines.items()) if n != source.get("line")]

    X, y, groups = [], [], []
    for item in items:
        for cand, x in examples(pipelines[item["domain"]], item["text"], elsewhere=elsewhere(item["source"])):
            X.append(x)
            y.append(1 if is_right(cand, item) else 0)
            groups.append(item["source"]["sentence_key"])
    for p in precision:
        for _, x in examples(every, p["text"], elsewhere=elsewhere(p["source"])):
            X.append(x)
            y.append(0)
            groups.append(f"precision:{p['id']}")
    originals = {(i["domain"], i["original"], i["source"]["sentence_key"]): i["source"] for i in items}
    for (domain, text, key), source in sorted(originals.items()):
        for _, x in examples(pipelines[domain], text, elsewhere=elsewhere(source)):
            X.append(x)
            y.append(0)
            groups.append(key)
    # Passages of the context benchmark (context.py): a misheard dictionary word among the lines
    # around it, the same passage as written, and everyday and other-domain passages with a
    # domain lexicon; every line is an example line, the others its context.
    passages = [p for p in load_jsonl(data / "context.jsonl") if p["split"] == split] \
        if (data / "context.jsonl").exists() else []
    for p in passages:
        group = f"context:{p['item'] or p['id']}"  # a misheard passage and its clean twin go together
        for k, line in enumerate(p["lines"]):
            around = [(abs(j - k), t) for j, t in enumerate(p["lines"]) if j != k]
            for cand, x in examples(pipelines[p["domain"]], line, around):
                right = p["kind"] == "misheard" and k == p["target"] and is_right(cand, p)
                X.append(x)
                y.append(1 if right else 0)
                groups.append(group)
    return X, y, groups


def fit(X, y, groups, c: float = C) -> tuple[dict, dict]:
    import numpy as np
    import sklearn
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, log_loss
    from sklearn.model_selection import GroupKFold
    from sklearn.preprocessing import StandardScaler

    from ja_transcript.correct.confidence import FEATURES

    X, y = np.asarray(X, dtype=float), np.asarray(y)
    cv_loss, cv_acc = [], []
    for train, test in GroupKFold(n_splits=5).split(X, y, groups):
        scaler = StandardScaler().fit(X[train])
        model = LogisticRegression(C=c, max_iter=2000).fit(scaler.transform(X[train]), y[train])
        p = model.predict_proba(scaler.transform(X[test]))[:, 1]
        cv_loss.append(log_loss(y[test], p, labels=[0, 1]))
        cv_acc.append(accuracy_score(y[test], p >= 0.5))
    scaler = StandardScaler().fit(X)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    model = LogisticRegression(C=c, max_iter=2000).fit((X - scaler.mean_) / scale, y)
    data = {
        "note": "logistic regression of the corrector's confidence; made by benchmarks/correction/fit_confidence.py "
                "on the dev part of the correction benchmark; do not edit by hand",
        "features": list(FEATURES),
        "mean": [round(float(v), 6) for v in scaler.mean_],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
        "fitted_on": {"examples": int(len(y)), "right": int(y.sum()), "split": "dev", "C": c,
                      "scikit_learn": sklearn.__version__},
    }
    report = {"cv_log_loss": round(float(np.mean(cv_loss)), 4), "cv_accuracy": round(float(np.mean(cv_acc)), 4),
              "examples": int(len(y)), "right": int(y.sum())}
    return data, report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--C", type=float, default=C)
    args = ap.parse_args(argv)
    X, y, groups = collect()
    data, report = fit(X, y, groups, args.C)
    print(json.dumps(report))
    for name, coef in sorted(zip(data["features"], data["coef"]), key=lambda t: -abs(t[1])):
        print(f"  {name:<20} {coef:+.3f}")
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"written: {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
