"""End to end: auto-transcripts from three domains the default lexicon does not cover,
each scored against a hand-made reference (`*.gold.json`, the format of the sample's
reference in the shared evaluation data) with the shared scorer.

- baseball_talk: a two-host baseball radio show (names, team names, pitching terms);
- naples_vlog: a travel and cooking vlog (Italian places, food words, euros);
- family_podcast: a married couple talking about holidays and the household budget.

Each measure is held to what the product promises. A measure the pipeline does not reach
yet is a strict xfail naming the stage at fault, so the suite stays green, the gap stays
visible, and the marker has to go once the gap is closed.
"""

from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path

import pytest

from ja_transcript.pipeline import Pipeline
from ja_transcript.readers import read_path

HERE = Path(__file__).parent
SHARED = Path(__file__).resolve().parents[2].parent / "shared"  # the project's reference data, beside the checkout
SCORER = (SHARED / "tools/score.py")
TRANSCRIPTS = ("baseball_talk", "naples_vlog", "family_podcast")

# measure -> (rule, bound): "min" a ratio at least bound, "none" an empty list, "zero" a count of 0.
MEASURES = {
    "headings_recall": ("min", 1.0),
    "headings_false": ("none", None),
    "sentence_joins": ("min", 0.8),
    "lines_lost": ("zero", None),
    "corrections_precision": ("min", 0.9),
    "corrections_recall": ("min", 0.8),
    "must_not_change_broken": ("none", None),
    "removed_recall": ("min", 0.8),
    "removed_false": ("none", None),
    "kept_broken": ("none", None),
    "amounts_recall": ("min", 0.8),
    "entities_recall": ("min", 0.8),
    "claims_recall": ("min", 0.8),
    "evidentiality_accuracy": ("min", 0.8),
}

# Measures not reached yet, with the stage at fault and the general cause.
KNOWN_GAPS: dict[tuple[str, str], str] = {}


def _passes(value, rule: str, bound) -> bool:
    """
    >>> _passes(0.8, "min", 0.8), _passes([], "none", None), _passes(1, "zero", None)
    (True, True, False)
    """
    if rule == "min":
        return value >= bound
    if rule == "none":
        return not value
    return value == 0


@lru_cache(maxsize=None)
def _scorer():
    if not SCORER.exists():
        return None
    spec = importlib.util.spec_from_file_location("score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@lru_cache(maxsize=None)
def _document(name: str) -> dict:
    lexicon = HERE / f"{name}.jsonl"
    pipeline = Pipeline(lexicons=[lexicon] if lexicon.exists() else [])
    return pipeline.process(read_path(HERE / f"{name}.txt").transcripts[0]).model_dump(mode="json")


def _gold(name: str) -> dict:
    return json.loads((HERE / f"{name}.gold.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _scores(name: str) -> dict:
    return _scorer().score(_document(name), _gold(name))


def _cases():
    for name in TRANSCRIPTS:
        for measure in MEASURES:
            gap = KNOWN_GAPS.get((name, measure))
            marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
            yield pytest.param(name, measure, marks=marks, id=f"{name}-{measure}")


@pytest.mark.parametrize("name,measure", list(_cases()))
def test_measure(name: str, measure: str) -> None:
    if _scorer() is None:
        pytest.skip(f"the shared scorer {SCORER} is missing; end-to-end scores need it")
    scores = _scores(name)
    rule, bound = MEASURES[measure]
    details = {k: v for k, v in scores.items() if isinstance(v, list) and v}
    assert _passes(scores[measure], rule, bound), (
        f"{name}: {measure} = {scores[measure]!r} (wanted {rule} {bound}); details: {details}")


def test_known_gaps_name_real_cases() -> None:
    assert {name for name, _ in KNOWN_GAPS} <= set(TRANSCRIPTS)
    assert {measure for _, measure in KNOWN_GAPS} <= set(MEASURES)


@pytest.mark.parametrize("name", TRANSCRIPTS)
def test_reference_matches_its_transcript(name: str) -> None:
    """The reference's line numbers and quoted texts point at what the transcript says."""
    lines = (HERE / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    gold = _gold(name)
    assert gold["line_count"] == len(lines)

    def text(n: int) -> str:
        assert 1 <= n <= len(lines), n
        return lines[n - 1]

    for n in [gold["title_line"], *gold["heading_lines"]]:
        assert text(n).strip() and text(n)[-1] not in "、。", n
    for c in gold["corrections"]:
        assert c["original"] in text(c["line"]), c
    for m in gold["must_not_change"]:
        assert m["text"] in text(m["line"]), m
    for a in gold["amounts"]:
        assert a["text"] in text(a["line"]), a
    removed = {r["line"] for r in gold["removed_lines"]}
    for r in gold["removed_lines"]:
        assert r["duplicate_of"] not in removed, r
        text(r["line"]), text(r["duplicate_of"])
    assert not removed & set(gold["kept_lines"])
    for j in gold["sentence_joins"]:
        assert not set(j["lines"]) & removed, j
    for c in gold["claims"]:
        assert c["evidentiality"] in ("asserted", "reported", "speculative")
        assert all(1 <= n <= len(lines) for n in c["lines"])


@pytest.mark.parametrize("name", TRANSCRIPTS)
def test_lexicon_lines_are_entity_ruler_patterns(name: str) -> None:
    path = HERE / f"{name}.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        assert set(entry) == {"label", "pattern", "id"} and all(entry.values()), entry
