"""Helpers the amount tests share: a labelled amount and an extracted one in the same shape."""

from ja_transcript.extract.amounts import extract_amounts


def expected(a: dict) -> dict:
    return {"text": a["text"], "kind": a["kind"], "value": a.get("value"), "low": a.get("low"),
            "high": a.get("high"), "unit": a.get("unit"), "approximate": a.get("approximate", False)}


def compared(a: dict) -> dict:
    return {k: a[k] for k in ("text", "kind", "value", "low", "high", "unit", "approximate")}


def one(text: str) -> dict:
    found = extract_amounts(text)
    assert len(found) == 1, found
    return found[0]
