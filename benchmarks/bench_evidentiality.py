"""Claims and evidentiality: accuracy on JSeM and the project's case files, and speed.

    .venv/bin/python benchmarks/bench_evidentiality.py [--errors] [--repeat 5] [--heldout]

Reported:

- JSeM evidentiality set (../shared/eval/modality/jsem_evidentiality.json): whether every
  sentence yields at least one claim; a sentence is judged by its claims (`sentence_label`:
  speculative when any claim is, else reported when any claim is, else asserted: JSeM labels
  a sentence by the evidential form it holds, wherever its clause stands); asserted-vs-not
  accuracy, three-way accuracy and the confusion table (rows: reference, columns: found);
- the sample transcript (../shared/eval/seed), on the sentences the pipeline builds from it
  (corrected, de-duplicated, rebuilt across headings): claims recall and evidentiality
  accuracy as tools/score.py counts them;
- the case files under tests/extract/cases/: claims_evidentiality.json (written with the rules)
  and claims_unseen.json (written after the rules, never tuned to), separately;
- the hand-labelled domain sets claims_domains.json (development) and
  claims_domains_heldout.json (held out), per domain: each labelled clause right (the claim
  holding its key has its evidentiality; a null label: no claim holds the key), and each
  sentence right by `sentence_label` of its labels against that of the claims found;
- the JSeM-style set jsem_style.json (sentences written for the project in JSeM's manner, its
  "about" says how): development and held-out split apart (the held-out one with --heldout),
  each sentence judged as the JSeM section judges it; asserted-vs-not, three-way, the
  confusion table and per phenomenon; --errors lists the development split's errors only;
- speed: find_claims on SudachiPy morphemes against SudachiPy alone (split mode C, reading
  surface, reading, normalized form and POS of every token), best of --repeat runs.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from sudachipy import Dictionary, SplitMode

from ja_transcript.extract.claims import find_claims
from ja_transcript.extract.evidentiality import sentence_evidentiality as judge
from ja_transcript.nlp import get_analyzer
from ja_transcript.pipeline import Pipeline
from ja_transcript.readers import read_path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(__file__).resolve().parents[1].parent / "shared"  # the project's reference data, beside the checkout
EVAL = (SHARED / "eval")
CASES = ROOT / "tests" / "extract" / "cases"
LABELS = ("asserted", "reported", "speculative")


def sentence_label(labels) -> str | None:
    """A sentence's evidentiality from its claims' labels (`sentence_evidentiality`)."""
    return judge([x for x in labels if x is not None])


def sentence_evidentiality(text: str) -> str | None:
    return sentence_label([c.evidentiality for c in find_claims(text)])


def jsem(show_errors: bool) -> None:
    path = EVAL / "modality" / "jsem_evidentiality.json"
    if not path.exists():
        print(f"JSeM: {path} not found")
        return
    items = json.loads(path.read_text("utf-8"))
    got = [sentence_evidentiality(item["text"]) for item in items]
    n = len(items)
    claimed = sum(g is not None for g in got)
    binary = sum((g == "asserted") == (item["expected"] == "asserted") for g, item in zip(got, items))
    three = sum(g == item["expected"] for g, item in zip(got, items))
    print(f"JSeM evidentiality ({n} sentences; a sentence is judged by its claims)")
    print(f"  every sentence a claim: {'yes' if claimed == n else 'no'} ({claimed}/{n})")
    print(f"  asserted vs not:        {binary}/{n} = {binary / n:.3f}")
    print(f"  three-way:              {three}/{n} = {three / n:.3f}")
    confusion = Counter((item["expected"], g) for g, item in zip(got, items))
    cols = LABELS + (None,)
    print("  reference \\ found   " + "".join(f"{str(c):>12}" for c in cols))
    for row in LABELS:
        print(f"  {row:<19}" + "".join(f"{confusion[(row, c)]:>12}" for c in cols))
    if show_errors:
        for g, item in zip(got, items):
            if g != item["expected"]:
                print(f"    {item['jsem_id']}: {item['expected']} -> {g}  {item['text']}")


def jsem_style(split: str, show_errors: bool) -> None:
    path = CASES / "jsem_style.json"
    if not path.exists():
        print(f"jsem_style.json: not found")
        return
    items = [c for c in json.loads(path.read_text("utf-8"))["cases"] if c["split"] == split]
    got = [sentence_evidentiality(c["text"]) for c in items]
    n = len(items)
    binary = sum((g == "asserted") == (c["expected"] == "asserted") for g, c in zip(got, items))
    three = sum(g == c["expected"] for g, c in zip(got, items))
    print(f"jsem_style.json {split} ({n} sentences): asserted vs not {binary}/{n} = {binary / n:.3f}, "
          f"three-way {three}/{n} = {three / n:.3f}")
    confusion = Counter((c["expected"], g) for g, c in zip(got, items))
    cols = LABELS + (None,)
    print("  reference \\ found   " + "".join(f"{str(c):>12}" for c in cols))
    for row in LABELS:
        print(f"  {row:<19}" + "".join(f"{confusion[(row, c)]:>12}" for c in cols))
    per: dict = {}
    for g, c in zip(got, items):
        row = per.setdefault(c["phenomenon"], [0, 0])
        row[0] += g == c["expected"]
        row[1] += 1
    print("  per phenomenon: " + ", ".join(f"{k} {ok}/{m}" for k, (ok, m) in sorted(per.items())))
    if show_errors and split == "dev":
        for g, c in zip(got, items):
            if g != c["expected"]:
                print(f"    {c['id']} [{c['phenomenon']}] {c['expected']} -> {g}  {c['text']}")


def sample(show_errors: bool) -> None:
    seed = EVAL / "seed"
    if not (seed / "iwami_coreweave_news.gold.json").exists():
        print("sample transcript: not found")
        return
    gold = json.loads((seed / "iwami_coreweave_news.gold.json").read_text("utf-8"))
    # the pipeline's own sentences: corrected, de-duplicated, rebuilt across headings
    doc = Pipeline().process(read_path(seed / "iwami_coreweave_news.txt").transcripts[0])
    sentences = [(s.text, set(s.lines)) for s in doc.sentences]
    claims = [(numbers, c) for text, numbers in sentences for c in find_claims(text)]
    found = right = 0
    for g in gold["claims"]:
        cand = [c for numbers, c in claims if set(g["lines"]) & numbers and g["key"] in c.text]
        found += bool(cand)
        ok = any(c.evidentiality == g["evidentiality"] for c in cand)
        right += ok
        if show_errors and not ok:
            print(f"    {g['key']}: {g['evidentiality']} -> {[c.evidentiality for c in cand] or 'no claim'}")
    n = len(gold["claims"])
    print(f"sample transcript: {len(sentences)} sentences, {len(claims)} claims; "
          f"claims recall {found}/{n} = {found / n:.3f}, "
          f"evidentiality accuracy {right}/{n} = {right / n:.3f}")


def case_file(name: str, show_errors: bool) -> None:
    path = CASES / name
    if not path.exists():
        print(f"{name}: not found")
        return
    data = json.loads(path.read_text("utf-8"))
    total = right = 0
    parts = []
    for group, expected in (("reported", "reported"), ("speculative", "speculative"),
                            ("asserted", "asserted"), ("lookalikes", "asserted")):
        cases = data.get(group, [])
        ok = 0
        for case in cases:
            claims = find_claims(case["text"])
            key = case.get("key")
            judged = [c for c in claims if key in c.text] if key else claims[-1:]
            got = judged[0].evidentiality if judged else None
            ok += got == expected
            if show_errors and got != expected:
                print(f"    [{group}] {expected} -> {got}  {case['text']}")
        total += len(cases)
        right += ok
        parts.append(f"{group} {ok}/{len(cases)}")
    print(f"{name}: {right}/{total} = {right / max(total, 1):.3f}  ({', '.join(parts)})")


def label_of(claims, key: str) -> str | None:
    """The evidentiality of the claim holding `key`, "none" when no claim does."""
    for c in claims:
        if key in c.text:
            return c.evidentiality
    return "none"


def score_domains(cases) -> dict:
    """Per domain: [clauses right, clauses, sentences right, sentences] and the errors."""
    out: dict = {}
    for case in cases:
        claims = find_claims(case["text"])
        row = out.setdefault(case["domain"], [0, 0, 0, 0, []])
        for key, want in case["claims"]:
            got = label_of(claims, key)
            ok = got == "none" if want is None else got == want
            row[0] += ok
            row[1] += 1
            if not ok:
                row[4].append(f"{key}: {want} -> {got}  {case['text']}")
        want = sentence_label([w for _, w in case["claims"]])
        row[2] += sentence_label([c.evidentiality for c in claims]) == want
        row[3] += 1
    return out


def domains(name: str, show_errors: bool) -> None:
    path = CASES / name
    if not path.exists():
        print(f"{name}: not found")
        return
    scores = score_domains(json.loads(path.read_text("utf-8"))["cases"])
    total = [sum(r[k] for r in scores.values()) for k in range(4)]
    print(f"{name}: clauses {total[0]}/{total[1]} = {total[0] / total[1]:.3f}, "
          f"sentences {total[2]}/{total[3]} = {total[2] / total[3]:.3f}")
    for domain, (c_ok, c_n, s_ok, s_n, errors) in scores.items():
        print(f"  {domain:<8} clauses {c_ok}/{c_n} = {c_ok / c_n:.3f}, sentences {s_ok}/{s_n} = {s_ok / s_n:.3f}")
        if show_errors:
            for e in errors:
                print(f"    {e}")


def speed(repeat: int) -> None:
    text = (ROOT / "corpus" / "iwami_coreweave_news.txt").read_text("utf-8")
    sentences = [s + "。" for s in text.replace("\n", "").split("。") if s] * 20
    chars = sum(map(len, sentences))
    tokenizer = Dictionary().create(SplitMode.C)
    analyzer = get_analyzer()
    morphemes = [analyzer.analyze(s) for s in sentences]

    def sudachi():
        for s in sentences:
            for m in tokenizer.tokenize(s):
                m.surface(), m.reading_form(), m.normalized_form(), m.part_of_speech()

    def claims():
        for s, ms in zip(sentences, morphemes):
            find_claims(s, ms)

    def best(fn):
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        return min(times)

    t_sudachi, t_claims = best(sudachi), best(claims)
    print(f"speed ({len(sentences)} sentences, {chars} chars, best of {repeat}): "
          f"SudachiPy alone {chars / t_sudachi / 1e3:.0f} K chars/s, "
          f"find_claims on its morphemes {chars / t_claims / 1e3:.0f} K chars/s, "
          f"{t_claims / len(sentences) * 1e6:.1f} µs a sentence "
          f"(claims take {t_claims / t_sudachi:.2f}x SudachiPy's time)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", action="store_true", help="list the sentences judged wrong")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--heldout", action="store_true",
                    help="also score the held-out sets (claims_domains_heldout.json, jsem_style.json's heldout split)")
    args = ap.parse_args()
    jsem(args.errors)
    sample(args.errors)
    case_file("claims_evidentiality.json", args.errors)
    case_file("claims_unseen.json", args.errors)
    domains("claims_domains.json", args.errors)
    if args.heldout:
        domains("claims_domains_heldout.json", False)
    jsem_style("dev", args.errors)
    if args.heldout:
        jsem_style("heldout", False)
    speed(args.repeat)


if __name__ == "__main__":
    main()
