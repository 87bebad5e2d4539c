"""The correction benchmark's files (benchmarks/correction/data) are valid and regenerate byte for byte."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from ja_transcript.correct.lexicon import read_lexicon_file

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "correction"
DATA = BENCH / "data"


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]


def test_misheard_items_point_at_their_spans():
    items = load("misheard.jsonl")
    assert len(items) >= 1000 and len({i["domain"] for i in items}) >= 5
    for i in items:
        s, e = i["start"], i["end"]
        assert i["text"][s:e] == i["misheard"] != i["said"]
        assert i["text"] == i["original"][:s] + i["misheard"] + i["original"][s + len(i["said"]):]
        assert i["expected"]["canonical"] == i["term"]["id"] and i["split"] in ("dev", "heldout")


def test_split_is_by_source_sentence_and_terms_are_in_their_lexicons():
    splits = defaultdict(set)
    ids = {}
    for path in sorted((DATA / "lexicons").glob("*.jsonl")):
        entries, errors = read_lexicon_file(path)
        assert not errors
        ids[path.stem] = {e.id for e in entries}
    for i in load("misheard.jsonl"):
        splits[i["source"]["sentence_key"]].add(i["split"])
        assert i["term"]["id"] in ids[i["domain"]]
    assert all(len(s) == 1 for s in splits.values())
    precision = load("precision.jsonl")
    assert len(precision) >= 2000 and {p["split"] for p in precision} == {"dev", "heldout"}


@pytest.mark.skipif(not (BENCH.parents[2] / "shared" / "eval" / "ner").exists(),
                    reason="the shared NER sentences are not beside the checkout")
def test_generator_is_deterministic(tmp_path):
    spec = importlib.util.spec_from_file_location("bench_generate", BENCH / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(BENCH))
    try:
        spec.loader.exec_module(module)
        shutil.copy(DATA / "resources.json", tmp_path / "resources.json")  # no dictionary scan, no e2k
        assert module.main(["--out", str(tmp_path)]) == 0
    finally:
        sys.path.remove(str(BENCH))
    for name in ("misheard.jsonl", "precision.jsonl", *(f"lexicons/{p.name}" for p in (DATA / "lexicons").glob("*"))):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name
