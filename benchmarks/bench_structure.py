"""Title and heading detection (`structure.line_kinds`) on hand-labelled short transcripts.

Run:  .venv/bin/python benchmarks/bench_structure.py [--split dev|heldout|both] [-v]

Data: tests/structure_cases/{dev,heldout}.txt, 64 transcripts of 5-17 lines written for this
set in many domains and styles (cooking, news, lectures, games, interviews, vlogs ...; with
and without punctuation, with and without a title; headings of noun, verb and question shape,
bracketed, numbered, timestamped, English; speech that looks like a heading: short answers,
one-word replies, list items said aloud). Each line is labelled by hand:
``T`` title, ``H`` heading, ``S`` speech, ``B`` a blank line. The split (40 % held out) was
made by a hash of the case id before the rules were changed.

Reported per split: title and heading precision / recall over lines, and the transcripts
whose every line has its labelled kind.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "structure_cases"
sys.path.insert(0, str(ROOT / "src"))

_KIND = {"T": "title", "H": "heading", "S": "speech", "B": "blank"}


def load_cases(path: Path) -> list[tuple[str, list[str], list[str]]]:
    """(case header, line texts, labelled kinds) of every case in a file."""
    cases: list[tuple[str, list[str], list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("### "):
            cases.append((line[4:], [], []))
        elif line.strip():
            tag, _, text = line.partition(" ")
            cases[-1][1].append(text if tag != "B" else "")
            cases[-1][2].append(_KIND[tag])
    return cases


def score(cases, verbose: bool = False) -> dict:
    from ja_transcript.nlp import get_analyzer
    from ja_transcript.structure import line_kinds

    analyze = get_analyzer().analyze
    counts = {k: {"tp": 0, "fp": 0, "fn": 0} for k in ("title", "heading")}
    exact = 0
    for header, texts, gold in cases:
        got = line_kinds(texts, [analyze(t) for t in texts])
        exact += got == gold
        for n, (text, g, p) in enumerate(zip(texts, gold, got), 1):
            for k, c in counts.items():
                c["tp"] += g == k and p == k
                c["fp"] += g != k and p == k
                c["fn"] += g == k and p != k
            if verbose and g != p:
                print(f"  {header.split()[0]}:{n} gold {g}, got {p}: {text}")
    out = {"transcripts": len(cases), "exact": exact}
    for k, c in counts.items():
        found = c["tp"] + c["fp"]
        said = c["tp"] + c["fn"]
        out[k] = {"precision": round(c["tp"] / found, 3) if found else 1.0,
                  "recall": round(c["tp"] / said, 3) if said else 1.0, "false": c["fp"], "missed": c["fn"],
                  "labelled": said}
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--split", choices=("dev", "heldout", "both"), default="dev")
    p.add_argument("-v", "--verbose", action="store_true", help="list every line whose kind is wrong")
    args = p.parse_args(argv)
    for split in (("dev", "heldout") if args.split == "both" else (args.split,)):
        print(split)
        result = score(load_cases(CASES / f"{split}.txt"), args.verbose)
        print(f"  transcripts exactly right: {result['exact']}/{result['transcripts']}")
        for k in ("title", "heading"):
            r = result[k]
            print(f"  {k}: precision {r['precision']}, recall {r['recall']} "
                  f"({r['labelled']} labelled, {r['missed']} missed, {r['false']} false)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
