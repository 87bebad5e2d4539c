"""Every item of a timed document maps back to its lines, their characters and their times."""

from pathlib import Path

import pytest

from ja_transcript import Pipeline
from ja_transcript.invariants import check_document
from ja_transcript.placement import Placement

FIXTURES = Path(__file__).parent / "readers" / "fixtures"
TIMED = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".srt", ".vtt", ".json") and p.is_file())

SRT = """1
00:00:01,000 --> 00:00:04,000
ソフトバンクは先週、CoreWeaveと

2
00:00:04,000 --> 00:00:07,500
40億ドルの契約を結んだらしいです。

3
00:00:08,000 --> 00:00:10,000
株価は2割上がりました。
"""


def characters(doc, item):
    """The item's text read back from its lines' clean text through its sentence's pieces."""
    sentence = doc["sentences"][item["sentence"]]
    clean = {line["n"]: line["clean"] for line in doc["lines"]}
    out, offset = [], 0
    for p in sentence["pieces"]:
        length = p["end"] - p["start"]
        lo, hi = max(item["start"], offset), min(item["end"], offset + length)
        if lo < hi:
            out.append(clean[p["line"]][p["start"] + lo - offset:p["start"] + hi - offset])
        offset += length
    return "".join(out)


def documents():
    docs = [Pipeline().process_text(SRT, "talk.srt", format="srt").model_dump(mode="json")]
    for path in TIMED:
        try:
            docs += [d.model_dump(mode="json") for d in Pipeline().process_path(path)]
        except Exception:  # fixtures of bad input are refused: not documents
            continue
    return [d for d in docs if any(line["start"] is not None for line in d["lines"])]


def test_every_item_maps_back_to_its_lines_characters_and_times():
    docs = documents()
    assert len(docs) >= 5
    checked = 0
    for doc in docs:
        assert check_document(doc) == [], doc["source"]["path"]
        times = {line["n"]: (line["start"], line["end"]) for line in doc["lines"]}
        for part in ("entities", "amounts", "claims"):
            for item in doc[part]:
                assert characters(doc, item) == item["text"], (doc["source"]["path"], part, item["text"])
                assert item["start_time"] == times[item["lines"][0]][0]
                assert item["end_time"] == times[item["lines"][-1]][1]
                checked += 1
    assert checked >= 20


def test_an_item_across_two_cues_has_both_lines_and_spans_their_times():
    doc = Pipeline().process_text(SRT, "talk.srt", format="srt")
    claim = next(c for c in doc.claims if "契約" in c.text)
    assert claim.lines == [1, 2] and (claim.start_time, claim.end_time) == (1.0, 7.5)
    amount = next(a for a in doc.amounts if a.text == "40億ドル")
    assert amount.lines == [2] and (amount.start_time, amount.end_time) == (4.0, 7.5)
    assert amount.id in claim.amounts and isinstance(amount.value, int)


@pytest.mark.parametrize("start, end, lines", [(0, 1, [3]), (3, 5, [3, 4]), (4, 4, [4]), (9, 10, [4])])
def test_placement_of_offset_ranges(start, end, lines):
    assert Placement([(3, 2, 6), (4, 0, 6)], {3: (0.0, 1.0), 4: (1.0, 2.0)}).place(start, end)[0] == lines
