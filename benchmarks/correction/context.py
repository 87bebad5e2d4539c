"""Make the context benchmark: misheard dictionary words inside passages of several lines.

    .venv/bin/python benchmarks/correction/context.py      # writes data/context.jsonl (deterministic, < 1 s)

The correction benchmark scores each sentence alone, so a corrector never sees the topic that
a real transcript states in its neighbouring lines. Here each misheard item whose span is a
dictionary word (`span_is_word`: 公園 for 講演, 特典 for 得点) is put back among the lines
around it, written correctly:

- a written transcript line: the lines of the same file within WINDOW lines of it;
- a NER sentence: the other sentences of the same article (`curid`), nearest first, filled up
  with sentences of the same domain drawn by the seed.

Only sentences of the item's own split are used as context, so a dev passage holds no heldout
text. Each such passage also comes as written (kind `clean`: the item's line as it was said),
which must get no correction.

Guards (no correction is right in them), each with one domain lexicon loaded:

- `everyday`: the precision set's everyday conversations, cut into passages of at most
  PASSAGE lines, each with every domain lexicon in turn (they are full of 公園, 機会, 帰省 ...);
- `other_domain`: the precision set's NER sentences of one domain, PASSAGE at a time, with each
  other domain's lexicon.

A passage: {id, split, kind, domain (the lexicon loaded), lines, target (index of the misheard
line, or null), item (its id), start, end, expected, error}.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
OUT = DATA / "context.jsonl"
WINDOW = 2  # lines each side of a misheard line
PASSAGE = 6  # lines of a guard passage
SEED = 11


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _conversations(path: Path) -> list[list[int]]:
    """Line numbers (1-based) of each blank-separated conversation of an everyday file."""
    out, block = [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            if block:
                out.append(block)
            block = []
        elif not line.startswith("#"):
            block.append(n)
    if block:
        out.append(block)
    return out


def build(data: Path = DATA) -> list[dict]:
    rng = random.Random(SEED)
    items = load_jsonl(data / "misheard.jsonl")
    precision = load_jsonl(data / "precision.jsonl")
    domains = sorted(p.stem for p in (data / "lexicons").glob("*.jsonl"))

    # Sentences written correctly, by where they come from and their split.
    file_lines: dict[tuple[str, str], dict[int, str]] = defaultdict(dict)  # (split, file) -> line -> text
    articles: dict[tuple[str, str], dict[int, str]] = defaultdict(dict)  # (split, curid) -> index -> text
    by_domain: dict[tuple[str, str], dict[int, str]] = defaultdict(dict)  # (split, domain) -> index -> text
    for i in items:
        s = i["source"]
        if s["kind"] == "transcript":
            file_lines[(i["split"], s["file"])][s["line"]] = i["original"]
        else:
            articles[(i["split"], s["curid"])][s["index"]] = i["original"]
            by_domain[(i["split"], i["domain"])][s["index"]] = i["original"]
    for p in precision:
        s = p["source"]
        if s["kind"] == "ner":
            articles[(p["split"], s["curid"])][s["index"]] = p["text"]
            by_domain[(p["split"], p["domain"].removeprefix("ner_"))][s["index"]] = p["text"]

    out: list[dict] = []
    for item in items:
        if not item["error"]["span_is_word"]:
            continue
        s, split = item["source"], item["split"]
        if s["kind"] == "transcript":
            lines = file_lines[(split, s["file"])]
            near = sorted((n for n in lines if n != s["line"] and abs(n - s["line"]) <= WINDOW))
            before = [lines[n] for n in near if n < s["line"]]
            after = [lines[n] for n in near if n > s["line"]]
        else:
            same = articles[(split, s["curid"])]
            near = sorted((n for n in same if n != s["index"]), key=lambda n: (abs(n - s["index"]), n))[:2 * WINDOW]
            pool = sorted(n for n, t in by_domain[(split, item["domain"])].items()
                          if n not in same and t != item["original"])
            near += rng.sample(pool, min(len(pool), 2 * WINDOW - len(near)))
            before = [(same | by_domain[(split, item["domain"])])[n] for n in near[::2]]
            after = [(same | by_domain[(split, item["domain"])])[n] for n in near[1::2]]
        for kind, line in (("misheard", item["text"]), ("clean", item["original"])):
            out.append({"id": f"c{len(out):05d}", "split": split, "kind": kind, "domain": item["domain"],
                        "lines": before + [line] + after, "target": len(before), "item": item["id"],
                        "start": item["start"] if kind == "misheard" else None,
                        "end": item["end"] if kind == "misheard" else None,
                        "expected": item["expected"] if kind == "misheard" else None,
                        "error": item["error"] if kind == "misheard" else None})

    def guard(kind: str, split: str, lines: list[str], lexicons: list[str]) -> None:
        for domain in lexicons:
            out.append({"id": f"c{len(out):05d}", "split": split, "kind": kind, "domain": domain, "lines": lines,
                        "target": None, "item": None, "start": None, "end": None, "expected": None, "error": None})

    everyday: dict[tuple[str, int], tuple[str, str]] = {}
    for p in precision:
        if p["source"]["kind"] == "everyday":
            everyday[(p["source"]["file"], p["source"]["line"])] = (p["split"], p["text"])
    for file in sorted({f for f, _ in everyday}):
        for block in _conversations(HERE / file):
            said = [everyday[(file, n)] for n in block if (file, n) in everyday]
            for k in range(0, len(said), PASSAGE):
                part = said[k:k + PASSAGE]
                guard("everyday", part[0][0], [t for _, t in part], domains)
    ner: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for p in precision:
        if p["source"]["kind"] == "ner":
            ner[(p["split"], p["domain"].removeprefix("ner_"))].append((p["source"]["index"], p["text"]))
    for (split, domain), sentences in sorted(ner.items()):
        sentences.sort()
        for k in range(0, len(sentences), PASSAGE):
            guard("other_domain", split, [t for _, t in sentences[k:k + PASSAGE]], [d for d in domains if d != domain])
    return out


def main() -> int:
    passages = build()
    OUT.write_text("".join(json.dumps(p, ensure_ascii=False, sort_keys=True) + "\n" for p in passages),
                   encoding="utf-8")
    counts = defaultdict(int)
    for p in passages:
        counts[(p["split"], p["kind"])] += 1
    print(json.dumps({f"{s}/{k}": v for (s, k), v in sorted(counts.items())}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
