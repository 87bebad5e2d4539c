"""JSeM-style sentences labelled by hand (cases/jsem_style.json): each development case's
sentence label, and a floor for the held-out split, which is scored, never tuned on.

A sentence is judged by its claims, as benchmarks/bench_evidentiality.py judges JSeM."""

import json
from collections import Counter
from pathlib import Path

import pytest

from ja_transcript.extract.claims import find_claims
from ja_transcript.extract.evidentiality import sentence_evidentiality

CASES = json.loads((Path(__file__).parent / "cases" / "jsem_style.json").read_text("utf-8"))["cases"]
DEV = [c for c in CASES if c["split"] == "dev"]
HELD = [c for c in CASES if c["split"] == "heldout"]
# Measured at the end of the session that wrote the set (see the file's "about"); a floor,
# not a target: lower it only with a reason, never raise it by tuning on these cases.
HELD_THREE_WAY = 129 / 131
HELD_BINARY = 129 / 131


def judge(text):
    return sentence_evidentiality([c.evidentiality for c in find_claims(text)])


def test_the_set_is_large_split_by_index_and_labelled_three_ways():
    first = [c for c in CASES if "written" not in c]  # the set as it stood at the first run
    assert len(first) >= 240
    assert [c["split"] for c in first] == ["heldout" if i % 5 in (1, 3) else "dev" for i in range(len(first))]
    assert len({c["text"] for c in CASES}) == len(CASES)
    assert len({c["id"] for c in CASES}) == len(CASES)
    labels = Counter(c["expected"] for c in HELD)
    assert min(labels[k] for k in ("asserted", "reported", "speculative")) >= 25
    # every phenomenon of the held-out split is in development too (one set of conventions)
    assert {c["phenomenon"] for c in HELD} <= {c["phenomenon"] for c in DEV}


@pytest.mark.parametrize("case", DEV, ids=[c["id"] for c in DEV])
def test_development_case(case):
    assert judge(case["text"]) == case["expected"], case["text"]


def test_held_out_floor():
    got = [judge(c["text"]) for c in HELD]
    three = sum(g == c["expected"] for g, c in zip(got, HELD)) / len(HELD)
    binary = sum((g == "asserted") == (c["expected"] == "asserted") for g, c in zip(got, HELD)) / len(HELD)
    assert three >= HELD_THREE_WAY
    assert binary >= HELD_BINARY
