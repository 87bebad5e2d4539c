"""ja-transcript: clean Japanese speech transcripts into corrected text and structured JSON.

    >>> import ja_transcript
    >>> doc = ja_transcript.process_text("暗号試算の価格が給投したらしい。")
    >>> doc["lines"][0]["clean"]
    '暗号資産の価格が急騰したらしい。'
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Sequence

__version__ = "0.1.0"


def __getattr__(name: str):
    # Heavy modules load on first use, so `import ja_transcript` stays cheap.
    if name in ("Pipeline", "Options"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "extract_amounts":
        from .extract.amounts import extract_amounts

        return extract_amounts
    raise AttributeError(name)


@lru_cache(maxsize=8)
def _pipeline(lexicons: tuple[str, ...], use_default_lexicon: bool):
    from .pipeline import Pipeline

    return Pipeline(lexicons, use_default_lexicon)


def process_text(text: str, lexicons: Sequence[str | Path] = (), use_default_lexicon: bool = True,
                 path: str = "-", *, format: str | None = None) -> dict:
    """Process one transcript given as text; returns the schema-1 document as a dict.

    The text is taken exactly as it is; its format (txt, srt, vtt, whisper_json, jsonl) is
    detected from the content unless `format` is given. The pipeline for a lexicon set is
    loaded once and reused; for other options, make a `Pipeline` and call its `process_text`.
    """
    pipeline = _pipeline(tuple(str(p) for p in lexicons), use_default_lexicon)
    return pipeline.process_text(text, path, format=format).model_dump(mode="json")


def process_path(path: str | Path, lexicons: Sequence[str | Path] = (), use_default_lexicon: bool = True,
                 encoding: str | None = None, time_unit: str | None = None) -> list[dict]:
    """Process one transcript file (any supported format and encoding); returns its documents
    as dicts: one, or one per record of a JSON Lines file. `time_unit` ("s" or "ms") is the
    unit of JSON times that do not say theirs; None decides it from the times."""
    pipeline = _pipeline(tuple(str(p) for p in lexicons), use_default_lexicon)
    return [doc.model_dump(mode="json") for doc in pipeline.process_path(path, encoding=encoding, time_unit=time_unit)]


__all__ = ["Options", "Pipeline", "extract_amounts", "process_path", "process_text", "__version__"]
