"""End to end: auto-transcripts from domains the default lexicon does not cover, each
scored against a hand-made reference (`*.gold.json`, the format of the sample's reference
in the shared evaluation data) with the shared scorer.

- baseball_talk: a two-host baseball radio show (names, team names, pitching terms);
- naples_vlog: a travel and cooking vlog (Italian places, food words, euros);
- family_podcast: a married couple talking about holidays and the household budget;
- local_radio_bousai: a two-presenter local radio segment: local news, weather and a
  disaster-preparedness feature (place names, agency and app names, 線状降水帯, 避難指示);
- game_anime_stream: a two-streamer live stream about a video game and this season's anime.

All five are **seen data**: their references were written before the pipeline ran on them,
but rules were then fixed against what they showed (the last two were held out and scored
once; their first-run figures are in the README). They guard against regressions; they do
not measure how the pipeline generalises. CONTRIBUTING.md says how a held-out set is used.

Each measure is held to what the product promises. A measure the pipeline does not reach
yet is a strict xfail naming the stage at fault, so the suite stays green, the gap stays
visible, and the marker has to go once the gap is closed. The floors (nothing lost,
sound-alike words left alone, corrections precise, no wrong line removed) are never excused.
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
# name -> its folder under tests/e2e
TRANSCRIPTS = {name: HERE for name in ("baseball_talk", "naples_vlog", "family_podcast", "local_radio_bousai",
                                        "game_anime_stream")}

# measure -> (rule, bound): "min" a ratio at least bound, "none" an empty list, "zero" a count of 0.
FLOORS = {
    "lines_lost": ("zero", None),
    "must_not_change_broken": ("none", None),
    "corrections_precision": ("min", 0.9),
    "removed_false": ("none", None),
    "kept_broken": ("none", None),
}
MEASURES = {
    **FLOORS,
    "headings_recall": ("min", 1.0),
    "headings_false": ("none", None),
    "sentence_joins": ("min", 0.8),
    "corrections_recall": ("min", 0.8),
    "removed_recall": ("min", 0.8),
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
    lexicon = TRANSCRIPTS[name] / f"{name}.jsonl"
    pipeline = Pipeline(lexicons=[lexicon] if lexicon.exists() else [])
    return pipeline.process(read_path(TRANSCRIPTS[name] / f"{name}.txt").transcripts[0]).model_dump(mode="json")


def _gold(name: str) -> dict:
    return json.loads((TRANSCRIPTS[name] / f"{name}.gold.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _scores(name: str) -> dict:
    return _scorer().score(_document(name), _gold(name))


def _cases():
    # a gap names a real transcript and measure, and never excuses a floor
    assert {name for name, _ in KNOWN_GAPS} <= set(TRANSCRIPTS)
    assert {measure for _, measure in KNOWN_GAPS} <= set(MEASURES) - set(FLOORS)
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


@pytest.mark.parametrize("name", TRANSCRIPTS)
def test_reference_matches_its_transcript(name: str) -> None:
    """The reference's line numbers and quoted texts point at what the transcript says."""
    lines = (TRANSCRIPTS[name] / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    gold = _gold(name)
    assert gold["line_count"] == len(lines)

    def text(n: int) -> str:
        assert 1 <= n <= len(lines), n
        return lines[n - 1]

    for n in [gold["title_line"], *gold["heading_lines"]]:
        assert text(n).strip() and text(n)[-1] not in "、。？", n
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
        assert any(c["key"] in text(n) for n in c["lines"]), c


@pytest.mark.parametrize("name", TRANSCRIPTS)
def test_lexicon_lines_are_entity_ruler_patterns(name: str) -> None:
    path = TRANSCRIPTS[name] / f"{name}.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        assert set(entry) == {"label", "pattern", "id"} and all(entry.values()), entry
