"""Precision and recall of hallucination removal on the labelled segments of
tests/dedup/hallucination_cases/recordings.json (six recordings, written with Whisper's metadata).

    python benchmarks/bench_hallucinations.py

Each segment is labelled by hand; the stage (`dedup.hallucinations.find_hallucinations`)
sees each recording's segments in order, with their times and metadata.
"""

from __future__ import annotations

import json
from pathlib import Path

from ja_transcript.dedup.hallucinations import Segment, find_hallucinations

CASES = Path(__file__).resolve().parent.parent / "tests" / "dedup" / "hallucination_cases" / "recordings.json"


def score() -> dict:
    data = json.loads(CASES.read_text(encoding="utf-8"))
    tp = fp = fn = total = 0
    for video in data["videos"]:
        segments = [Segment(k, s["text"], s["start"], s["end"], s["no_speech_prob"], s["avg_logprob"],
                            s["compression_ratio"]) for k, s in enumerate(video["segments"], 1)]
        found = find_hallucinations(segments)
        for k, s in enumerate(video["segments"], 1):
            total += 1
            tp += s["hallucination"] and k in found
            fp += not s["hallucination"] and k in found
            fn += s["hallucination"] and k not in found
    return {"recordings": len(data["videos"]), "segments": total, "hallucinations": tp + fn,
            "precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
            "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0, "false": fp, "missed": fn}


if __name__ == "__main__":
    print(json.dumps(score(), indent=1))
