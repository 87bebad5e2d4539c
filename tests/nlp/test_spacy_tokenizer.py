import pickle

import spacy

from ja_transcript.nlp.spacy_tokenizer import TOKENIZER_NAME, SudachiTokenizer, blank


def test_registered_in_spacys_registry():
    assert spacy.registry.tokenizers.get(TOKENIZER_NAME) is not None


def test_doc_text_is_the_input_and_readings_are_kept():
    nlp = blank()
    text = "サツタバで引っ叩いて、よっしゃー。"
    doc = nlp(text)
    assert doc.text == text
    assert len(doc.user_data["reading_forms"]) == len(doc)
    assert [t.norm_ for t in doc if t.text == "引っ叩い"] == ["引っ叩く"]


def test_settings_survive_pickling_and_disk(tmp_path):
    nlp = blank(split_mode="A")
    clone = pickle.loads(pickle.dumps(nlp))
    assert isinstance(clone.tokenizer, SudachiTokenizer) and clone.tokenizer.split_mode == "A"
    nlp.to_disk(tmp_path / "nlp")
    loaded = spacy.load(tmp_path / "nlp")
    assert loaded.tokenizer.split_mode == "A"
    assert [t.text for t in loaded("仮想通貨")] == ["仮想", "通貨"]


def test_no_morph_entry_per_reading():
    nlp = blank()
    before = len(nlp.vocab.morphology.tags) if hasattr(nlp.vocab.morphology, "tags") else None
    for i in range(200):
        nlp(f"ユニークな読み{i}番目のコアビーブ{i}")
    after = len(nlp.vocab.morphology.tags) if hasattr(nlp.vocab.morphology, "tags") else None
    assert before == after
