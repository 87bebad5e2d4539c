"""The readings cache: a second build reads no alias with SudachiPy and corrects the same;
a damaged file, another split mode or another lexicon never lends its readings."""

import json

import pytest

from ja_transcript import Pipeline
from ja_transcript.correct import cache as cache_module
from ja_transcript.nlp import Analyzer

# Misheard terms of three domains (finance, medicine, sports), each with the expected term.
LEXICON = [
    {"label": "TERM", "pattern": "暗号資産", "id": "暗号資産"},
    {"label": "PRODUCT", "pattern": "オプジーボ", "id": "オプジーボ"},
    {"label": "TERM", "pattern": "継投", "id": "継投"},
]
TEXTS = {"暗号試算の規制が強まった。": "暗号資産", "オプシーボの治験が始まった。": "オプジーボ"}


@pytest.fixture
def lexicon(tmp_path, monkeypatch):
    monkeypatch.setattr(cache_module, "MIN_ALIASES", 1)  # cache even a small lexicon
    path = tmp_path / "lexicon.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in LEXICON), encoding="utf-8")
    return path


def count_readings(monkeypatch):
    """The lexicon's aliases SudachiPy is asked to read (the analyzer is patched, not the
    Corrector: a compiled Corrector calls its own methods natively, past any patch)."""
    calls = []
    patterns = {r["pattern"] for r in LEXICON}
    original = Analyzer.analyze

    def counted(self, text):
        if text in patterns:
            calls.append(text)
        return original(self, text)

    monkeypatch.setattr(Analyzer, "analyze", counted)
    return calls


def corrected(pipeline):
    return {text: [c.canonical for c in pipeline.process_text(text, format="txt").corrections] for text in TEXTS}


def test_second_build_reads_no_alias_and_corrects_the_same(lexicon, tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    calls = count_readings(monkeypatch)
    first = corrected(Pipeline([lexicon], cache_dir=folder))
    assert calls and list(folder.glob("readings-*.json"))
    calls.clear()
    second = corrected(Pipeline([lexicon], cache_dir=folder))
    assert calls == []
    assert first == second == {text: [term] for text, term in TEXTS.items()}


def test_damaged_file_is_read_anew_and_rewritten(lexicon, tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    Pipeline([lexicon], cache_dir=folder)
    (path,) = folder.glob("readings-*.json")
    path.write_text(path.read_text(encoding="utf-8")[:40], encoding="utf-8")  # cut short
    calls = count_readings(monkeypatch)
    assert corrected(Pipeline([lexicon], cache_dir=folder)) == {text: [term] for text, term in TEXTS.items()}
    assert calls
    assert json.loads(path.read_text(encoding="utf-8"))["readings"]["暗号資産"] == ["アンゴウシサン"]


def test_another_split_mode_or_lexicon_gets_its_own_file(lexicon, tmp_path):
    patterns = ["暗号資産", "継投"]
    a = cache_module.ReadingsCache.open(patterns, "C", (), tmp_path)
    assert cache_module.ReadingsCache.open(patterns, "A", (), tmp_path).path != a.path
    assert cache_module.ReadingsCache.open(patterns + ["急騰"], "C", (), tmp_path).path != a.path
    assert cache_module.ReadingsCache.open(list(patterns), "C", (), tmp_path).path == a.path


def test_switched_off(lexicon, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    Pipeline([lexicon], cache_dir=False)
    assert not (tmp_path / ".cache").exists()
    monkeypatch.setenv("JA_TRANSCRIPT_CACHE_DIR", "off")
    assert cache_module.default_cache_dir() is None
    Pipeline([lexicon])
    assert not (tmp_path / ".cache").exists()


def test_small_lexicon_is_not_cached(tmp_path, monkeypatch):
    monkeypatch.setattr(cache_module, "MIN_ALIASES", 1000)
    assert cache_module.ReadingsCache.open(["暗号資産"], "C", (), tmp_path) is None
