"""DESIGN.md's invariants as properties, over generated transcripts (tests/transcript_gen.py)
in every input format, and over any text or bytes at all.

- Nothing is lost: every input line is in `lines` exactly as the generator wrote it.
- Every correction replays; every offset slices back (`invariants.check_document`, which
  also validates the JSON Schema).
- The same input gives byte-identical JSON, in another pipeline and after other inputs.
- Bad input never takes anything down: `process_text` and `process_path` give documents or
  raise `TranscriptError` (the project's clear message), whatever they are given.

Bounded for CI (a few hundred examples, well under a minute); `benchmarks/fuzz.py` runs the
same generator over 100,000 inputs.
"""

import random
import re
import tempfile
from pathlib import Path

import jsonschema  # noqa: F401  (check_document validates against the JSON Schema with it)
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import ja_transcript
import transcript_gen
from ja_transcript.errors import TranscriptError
from ja_transcript.invariants import check_document
from ja_transcript.pipeline import Pipeline
from ja_transcript.readers import FORMATS
from ja_transcript.writers import to_json

SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
GEN = transcript_gen.Settings(max_lines=25, long_line=0.02)
# A case is drawn from a seed, not from hypothesis' own randoms: those lean to 0.0, and every
# rare branch of the generator (a damaged input, a 50 KB line) would be taken most of the time.
# A failing example's seed remakes it: transcript_gen.generate(random.Random(seed), GEN).
cases = st.integers(0, 2 ** 63).map(lambda seed: transcript_gen.generate(random.Random(seed), GEN))
# every code point, lone surrogates included (a str can hold them; JSON can escape them), and
# often one of the generator's odd characters, line ends and marks, which all code points seldom give
_ODD = sorted({c for pool in transcript_gen.NOISE + transcript_gen.SCRIPTS + (transcript_gen.SURROGATES,)
               for item in pool for c in item} | set("\r\n{}[]\",:-->"))
any_char = st.characters(codec=None, exclude_categories=()) | st.sampled_from(_ODD)


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory(prefix="ja-transcript-inv-") as name:
        yield Path(name)


def documents(case, folder: Path, pipeline=None) -> list:
    """The case's documents as dicts, through the public API (or `pipeline`'s, as Documents)."""
    if isinstance(case.data, str):
        if pipeline is not None:
            return [pipeline.process_text(case.data, format=case.given_format)]
        return [ja_transcript.process_text(case.data, format=case.given_format)]
    path = folder / ("input" + case.suffix)
    path.write_bytes(case.data)
    return pipeline.process_path(path) if pipeline is not None else ja_transcript.process_path(path)


@settings(max_examples=250, deadline=None, suppress_health_check=SLOW)
@given(cases)
def test_generated_transcripts_keep_every_invariant(folder, case):
    try:
        docs = documents(case, folder)
    except TranscriptError as exc:
        # a clear error is right for damaged input; an input the generator made valid is read
        assert case.expected is None or getattr(exc, "code", None) == "P003", str(exc)
        return
    if case.expected is not None:
        assert len(docs) == len(case.expected)
    for k, doc in enumerate(docs):
        assert check_document(doc, None if case.expected is None else case.expected[k]) == []


@pytest.fixture(scope="module")
def pipelines():
    return Pipeline(), Pipeline()


@settings(max_examples=50, deadline=None, suppress_health_check=SLOW)
@given(cases)
def test_the_same_input_gives_byte_identical_json(folder, pipelines, case):
    first, other = pipelines
    try:
        json = [to_json(doc) for doc in documents(case, folder, first)]
    except TranscriptError:
        return
    assert [to_json(doc) for doc in documents(case, folder, other)] == json  # another pipeline
    assert [to_json(doc) for doc in documents(case, folder, first)] == json  # again, caches filled


@settings(max_examples=100, deadline=None, suppress_health_check=SLOW)
@given(st.text(any_char, max_size=300), st.sampled_from((None, *FORMATS)))
def test_any_text_in_any_format_gives_a_document_or_a_clear_error(text, fmt):
    try:
        doc = ja_transcript.process_text(text, format=fmt)
    except TranscriptError:
        return
    assert check_document(doc) == []
    if doc["source"]["format"] == "txt":  # text is taken exactly as given
        lines = re.split(r"\r\n|\r|\n", text)
        if lines[-1] == "":  # a final line end ends the last line; it starts no other
            lines.pop()
        assert [line["text"] for line in doc["lines"]] == lines


@settings(max_examples=100, deadline=None, suppress_health_check=SLOW)
@given(st.binary(max_size=600) | cases.map(lambda case: transcript_gen.damage_bytes(
           random.Random(len(case.data)), case.data if isinstance(case.data, bytes)
           else case.data.encode("utf-8", "surrogatepass"))),
       st.sampled_from(sorted(set(transcript_gen.SUFFIXES.values())) + [".dat"]))
def test_any_bytes_in_any_file_give_documents_or_a_clear_error(folder, data, suffix):
    path = folder / ("input" + suffix)
    path.write_bytes(data)
    try:
        docs = ja_transcript.process_path(path)
    except TranscriptError:
        return
    for doc in docs:
        assert check_document(doc) == []
