"""The compiled twins of the corrector's modules (ja_transcript/_native.py) against the pure code."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ja_transcript import _native

ROOT = Path(__file__).resolve().parents[1]
BUILT = all(importlib.util.find_spec(_native.twin_name(n)) is not None for n in
            ("ja_transcript.correct." + p.rsplit("/", 1)[1][:-3] for p in _native.COMPILED))
# .ci/run sets this where a C compiler is found: the build must then have compiled the twins
# (a type error in a listed module makes mypyc fail, and the install falls back to pure Python)
EXPECTED = os.environ.get("JA_TRANSCRIPT_EXPECT_NATIVE", "") not in ("", "0")
needs_twins = pytest.mark.skipif(not BUILT, reason="no compiled twins: the package was built without mypyc "
                                                   "(pip install -e . with a C compiler builds them)")


def test_twins_are_built_where_expected():
    if not EXPECTED:
        pytest.skip("JA_TRANSCRIPT_EXPECT_NATIVE is not set")
    assert BUILT, "no compiled twins: see the install's output for why mypyc failed (pip install -v -e .)"


def _env(pure: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != _native.PURE_ENV}
    if pure:
        env[_native.PURE_ENV] = "1"
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), *filter(None, [env.get("PYTHONPATH")])])
    return env


def _run(code: str, pure: bool) -> str:
    return subprocess.run([sys.executable, "-c", code], env=_env(pure), check=True, capture_output=True,
                          text=True).stdout


@pytest.mark.parametrize("value, forced", [("1", True), ("yes", True), ("0", False), ("", False), (None, False)])
def test_the_switch_forces_the_pure_code(monkeypatch, value, forced):
    if value is None:
        monkeypatch.delenv(_native.PURE_ENV, raising=False)
    else:
        monkeypatch.setenv(_native.PURE_ENV, value)
    assert _native.pure_forced() is forced


@needs_twins
def test_twins_are_used_where_built_and_the_switch_turns_them_off():
    code = "import ja_transcript._native as n; print(sorted(n.compiled_modules().items()))"
    names = ["ja_transcript.correct." + p.rsplit("/", 1)[1][:-3] for p in _native.COMPILED]
    assert _run(code, pure=False).strip() == str(sorted((n, True) for n in names))
    assert _run(code, pure=True).strip() == str(sorted((n, False) for n in names))
    code = "import ja_transcript.correct.phonetic as p; print(p.morae.__module__, p.__file__.endswith('.py'))"
    assert _run(code, pure=False).split() == ["ja_transcript.correct._phonetic_c", "True"]
    assert _run(code, pure=True).split() == ["ja_transcript.correct.phonetic", "True"]


@needs_twins
def test_a_twin_of_another_source_is_not_used(tmp_path):
    # an editable checkout edited since its build: its twin is stale, the pure code runs
    edited = tmp_path / "phonetic.py"
    edited.write_bytes((ROOT / "src/ja_transcript/correct/phonetic.py").read_bytes() + b"\n# edited\n")
    assert _native.twin("ja_transcript.correct.phonetic", str(edited)) is None
    assert _native.twin("ja_transcript.correct.phonetic",
                        str(ROOT / "src/ja_transcript/correct/phonetic.py")) is not None


@needs_twins
def test_compiled_and_pure_write_identical_documents(tmp_path):
    # the repository's transcripts with their domain lexicons, so that every generator of
    # the corrector finds candidates (sound, kana, mixed, katakana, Latin)
    inputs = [ROOT / "corpus", *sorted((ROOT / "benchmarks/transcripts").glob("*.txt")),
              *sorted((ROOT / "tests/e2e").glob("*.txt"))]
    lexicons = sorted((ROOT / "benchmarks/transcripts").glob("*.lexicon.jsonl"))
    assert len(inputs) > 5 and lexicons
    outs = {}
    for pure in (False, True):
        out = tmp_path / ("pure" if pure else "compiled")
        args = [sys.executable, "-m", "ja_transcript", "process", *map(str, inputs), "--out", str(out), "-q"]
        for lexicon in lexicons:
            args += ["--lexicon", str(lexicon)]
        subprocess.run(args, env=_env(pure), check=True, capture_output=True)
        outs[pure] = {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    assert len(outs[False]) > 5
    assert sorted(outs[False]) == sorted(outs[True])
    differing = [str(p) for p in outs[False] if outs[False][p] != outs[True][p]]
    assert not differing
    # the documents hold corrections, so the corrector had work to do
    documents = [json.loads(data) for p, data in outs[False].items() if p.suffix == ".json"]
    assert sum(len(d["corrections"]) for d in documents) >= 20
