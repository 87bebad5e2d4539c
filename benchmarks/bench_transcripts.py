"""Score the new-domain transcripts of a set (default benchmarks/transcripts/) against their hand-made references.

Each transcript <name>.txt (or .srt, .vtt, .json: any input the reader takes) is processed with its <name>.lexicon.jsonl (and the default lexicon) by the
`ja-transcript` command, and scored by the shared scorer (../shared/tools/score.py beside the
checkout). Prints the scorer's figures per transcript, then micro totals over all of them
(hits over required items, summed), which the per-transcript ratios cannot give.

    python benchmarks/bench_transcripts.py [--sets DIR] [--out DIR] [NAME ...]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = HERE / "transcripts"
SCORER = HERE.parents[1] / "shared" / "tools" / "score.py"  # ../shared beside the checkout
CLI = Path(sys.executable).with_name("ja-transcript")


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


INPUT_SUFFIXES = (".txt", ".srt", ".vtt", ".json")  # .json: a Whisper-style export, never <name>.gold.json


def transcript_of(sets: Path, name: str) -> Path | None:
    """The transcript <name>.<suffix> of a set, whatever format it comes in."""
    found = [sets / f"{name}{s}" for s in INPUT_SUFFIXES if (sets / f"{name}{s}").exists()]
    return found[0] if found else None


def process(txt: Path, out: Path, name: str) -> Path:
    """Run the command line on one transcript with its lexicon; return its document's path."""
    env = dict(os.environ, PYTHONPATH=str(HERE.parent / "src"))
    lexicon = txt.with_name(f"{name}.lexicon.jsonl")
    cmd = [str(CLI), "process", str(txt), "--lexicon", str(lexicon), "--out", str(out), "-q"]
    subprocess.run(cmd, check=True, env=env)
    return out / f"{name}.json"


def counts(res: dict, gold: dict) -> dict:
    """Hits and totals behind the scorer's ratios, so they can be summed over transcripts."""
    req = lambda items: [g for g in items if not isinstance(g, dict) or g.get("required", True)]
    n_head = len(gold.get("heading_lines", [])) + (1 if gold.get("title_line") else 0)
    n_corr = len(req(gold.get("corrections", [])))
    n_rem = len(req(gold.get("removed_lines", [])))
    n_amt = len(req(gold.get("amounts", [])))
    n_ent = len(req(gold.get("entities", [])))
    n_join = len(gold.get("sentence_joins", []))
    n_claim = len(gold.get("claims", [])) + len(gold.get("claims_evidentiality", []))
    return {
        "headings": (round(res["headings_recall"] * n_head), n_head),
        "corrections": (n_corr - len(res["corrections_missed"]), n_corr),
        "removed": (n_rem - len(res["removed_missed"]), n_rem),
        "sentence_joins": (round(res["sentence_joins"] * n_join), n_join),
        "amounts": (n_amt - len(res["amounts_missed"]), n_amt),
        "entities": (n_ent - len(res["entities_missed"]), n_ent),
        "claims": (round(res["claims_recall"] * n_claim), n_claim),
        "evidentiality": (round(res["evidentiality_accuracy"] * n_claim), n_claim),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help="transcripts to score (default: all)")
    ap.add_argument("--sets", type=Path, default=SETS,
                    help="folder of <name>.txt (or .srt, .vtt, .json), <name>.lexicon.jsonl and <name>.gold.json (default: %(default)s)")
    ap.add_argument("--out", type=Path, help="folder for the documents (default: a temporary one)")
    args = ap.parse_args(argv)
    if not SCORER.exists():
        print(f"the shared scorer is missing: {SCORER}; check out the project beside ../shared", file=sys.stderr)
        return 2
    sets = args.sets
    names = args.names or sorted(p.name[: -len(".gold.json")] for p in sets.glob("*.gold.json"))
    if not names:
        print(f"no <name>.gold.json in {sets}", file=sys.stderr)
        return 2
    scorer = load_scorer()
    out = args.out or Path(tempfile.mkdtemp(prefix="bench_transcripts_"))
    total: dict = {}
    false = {"headings_false": 0, "corrections_false": 0, "must_not_change_broken": 0, "removed_false": 0,
             "kept_broken": 0, "lines_lost": 0}
    for name in names:
        txt = transcript_of(sets, name)
        if txt is None:
            print(f"{name}: no transcript {name}{{{','.join(INPUT_SUFFIXES)}}} in {sets}", file=sys.stderr)
            return 2
        gold = json.loads((sets / f"{name}.gold.json").read_text(encoding="utf-8"))
        doc = json.loads(process(txt, out, name).read_text(encoding="utf-8"))
        res = scorer.score(doc, gold)
        print(f"== {name}")
        for k, v in res.items():
            print(f"  {k:28} {v}")
        for k, (hit, n) in counts(res, gold).items():
            h, t = total.get(k, (0, 0))
            total[k] = (h + hit, t + n)
        for k in false:
            false[k] += res[k] if isinstance(res[k], int) else len(res[k])
        ncorr = len([c for c in doc.get("corrections", []) if c.get("canonical") is not None])
        total["corrections_made"] = (total.get("corrections_made", (0, 0))[0] + ncorr, 0)
    print("== micro totals over", len(names), "transcripts")
    for k, (hit, n) in total.items():
        if k == "corrections_made":
            continue
        print(f"  {k:28} {hit}/{n} = {hit / n if n else 1.0:.3f}")
    made = total["corrections_made"][0]
    print(f"  {'corrections_precision':28} {made - false['corrections_false']}/{made}")
    for k, v in false.items():
        print(f"  {k:28} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
