"""Fixtures of the corrector's tests."""

from __future__ import annotations

import json

import pytest

from ja_transcript import Options, Pipeline


@pytest.fixture(scope="session")
def lexicon_pipeline(tmp_path_factory):
    """`lexicon_pipeline(rows)`: a pipeline over a lexicon of those lines alone (no default lexicon)."""
    def build(rows: list[dict]) -> Pipeline:
        path = tmp_path_factory.mktemp("lexicon") / "lexicon.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        return Pipeline(lexicons=[path], use_default_lexicon=False, options=Options())
    return build
