"""GiNZA backend: label mapping, offsets and loading with a stand-in model; then the real ja_ginza if installed."""

from types import SimpleNamespace

import pytest

from ja_transcript.extract import ginza_backend
from ja_transcript.extract.entities import find_entities
from ja_transcript.extract.ginza_backend import ENE_LABELS, GinzaEntities, load_ginza
from ja_transcript.nlp import get_analyzer

PROJECT_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "NORP", "MISC"}


def test_mapping_uses_project_labels_and_leaves_out_non_names():
    assert set(ENE_LABELS.values()) <= PROJECT_LABELS
    for ene in ("Date", "Time", "Money", "Percent", "N_Person", "Position_Vocation", "Age", "Period_Year"):
        assert ene not in ENE_LABELS  # amounts and titles are not named entities here
    assert ENE_LABELS["Company"] == ENE_LABELS["Political_Party"] == "ORG"
    assert ENE_LABELS["Country"] == "GPE" and ENE_LABELS["Mountain"] == "LOC" and ENE_LABELS["Station"] == "FAC"


class FakeNlp:
    """Stands in for the spaCy pipeline: tags every occurrence of the given words."""

    def __init__(self, words: dict[str, str]):
        self.words = words
        self.texts: list[str] = []

    def __call__(self, text):
        self.texts.append(text)
        ents = []
        for word, label in self.words.items():
            start = text.find(word)
            while start >= 0:
                tokens = [SimpleNamespace(norm_=c.upper()) for c in word]  # one token a character
                ents.append(FakeEnt(word, label, start, start + len(word), tokens))
                start = text.find(word, start + 1)
        return SimpleNamespace(ents=sorted(ents, key=lambda e: e.start_char))


class FakeEnt(list):
    def __init__(self, text, label, start, end, tokens):
        super().__init__(tokens)
        self.text, self.label_, self.start_char, self.end_char = text, label, start, end


@pytest.fixture
def fake_ginza(monkeypatch):
    nlp = FakeNlp({"abc": "Company", "xyz": "Date", "tokyo": "City"})
    monkeypatch.setattr(GinzaEntities, "nlp", property(lambda self: nlp))
    return nlp


def test_find_maps_labels_drops_unmapped_and_normalizes(fake_ginza):
    spans = GinzaEntities().find("abc and xyz in tokyo")
    assert [(s.text, s.label, s.canonical, s.source) for s in spans] == [
        ("abc", "ORG", "ABC", "ginza"), ("tokyo", "GPE", "TOKYO", "ginza")]


def test_long_text_is_cut_and_offsets_stay_global(fake_ginza):
    text = ("あ" * 7000 + "。abc。") * 3  # over one chunk: SudachiPy would reject it whole
    spans = GinzaEntities().find(text)
    assert len(fake_ginza.texts) > 1
    assert len(spans) == 3 and all(text[s.start:s.end] == "abc" for s in spans)


def test_nothing_is_loaded_until_first_use(monkeypatch):
    def fail(model):
        raise AssertionError("loaded too early")

    monkeypatch.setattr(ginza_backend, "load_ginza", fail)
    GinzaEntities()  # constructing, and building a pipeline with it, loads nothing


def test_missing_model_says_how_to_install():
    with pytest.raises(ImportError, match=r"ja-transcript\[ginza\]"):
        load_ginza("ja_no_such_model_for_tests")


def test_merged_through_find_entities_with_the_fake(fake_ginza):
    text = "abcは東京駅にある"
    spans = find_entities(text, get_analyzer().analyze(text), None, backend=GinzaEntities())
    assert [(s.text, s.label, s.source) for s in spans] == [("abc", "ORG", "ginza"), ("東京駅", "FAC", "pos")]


# -- the real model ------------------------------------------------------------------------

def test_real_ja_ginza():
    pytest.importorskip("ja_ginza")
    text = "レッドフォックス株式会社は、東京都千代田区に本社を置く。日本の会社である。"
    ginza = GinzaEntities()
    spans = ginza.find(text)
    assert all(text[s.start:s.end] == s.text and s.source == "ginza" for s in spans)
    got = {(s.text, s.label) for s in spans}
    assert {("レッドフォックス株式会社", "ORG"), ("東京都千代田区", "GPE"), ("日本", "GPE")} <= got
    assert load_ginza() is ginza.nlp is GinzaEntities().nlp  # one model per process

    from ja_transcript.correct.aliases import AliasMatcher
    from ja_transcript.correct.lexicon import load_lexicon

    merged = find_entities(text, get_analyzer().analyze(text), AliasMatcher(load_lexicon()), backend=ginza)
    japan = [s for s in merged if s.text == "日本"]
    assert japan and japan[0].source == "lexicon" and japan[0].canonical == "Japan"  # the lexicon wins
