import pickle

import spacy

from ja_transcript.nlp.spacy_tokenizer import TOKENIZER_NAME, SudachiTokenizer, blank


def test_registered_in_spacys_registry():
    assert spacy.registry.tokenizers.get(TOKENIZER_NAME) is not None


def test_doc_text_is_the_input_and_tokens_carry_sudachis_analysis():
    nlp = blank()
    text = "サツタバで引っ叩いて、よっしゃー。"
    doc = nlp(text)
    assert doc.text == text
    hit = [t for t in doc if t.text == "引っ叩い"][0]
    assert (hit.norm_, hit.lemma_, hit.pos_, hit._.reading) == ("引っ叩く", "引っ叩く", "VERB", "ヒッパタイ")
    assert hit.morph.to_dict()["Inflection"] == "五段-カ行;連用形-イ音便"  # type;form, as spaCy's tokenizer
    assert "Reading" not in hit.morph.to_dict()
    assert [t.pos_ for t in doc if t.text in ("で", "、", "。")] == ["ADP", "PUNCT", "PUNCT"]


def test_lemma_is_the_dictionary_form_and_unknown_words_keep_their_surface():
    doc = blank()("ズヴォルヴァがしたと言って来た")
    assert [t.lemma_ for t in doc if t.text in ("し", "来")] == ["する", "来る"]  # not the normalized 為る
    unknown = [t for t in doc if t._.oov]
    assert [t.text for t in unknown] == ["ズヴォルヴァ"] and unknown[0].lemma_ == "ズヴォルヴァ"


def test_extensions_follow_tokens_through_a_merge():
    doc = blank()("暗号資産の価格")  # 暗号 / 資産 / の / 価格
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2], attrs={"_": {"reading": "アンゴウシサン"}})
    assert [(t.text, t._.reading) for t in doc] == [("暗号資産", "アンゴウシサン"), ("の", "ノ"), ("価格", "カカク")]


def test_covers_text_sudachi_normalizes():
    text = "ソフトバンクが…㍿⑴"
    doc = blank()(text)
    assert doc.text == text and all(t.text for t in doc)


def test_covers_long_text_that_normalization_makes_too_long():
    text = "㍿" * 20_000  # 240 KB to SudachiPy once normalized
    doc = blank()(text)
    assert doc.text == text and all(t.text for t in doc)


def test_settings_survive_pickling_and_disk(tmp_path):
    nlp = blank(split_mode="A")
    clone = pickle.loads(pickle.dumps(nlp))
    assert isinstance(clone.tokenizer, SudachiTokenizer) and clone.tokenizer.split_mode == "A"
    nlp.to_disk(tmp_path / "nlp")
    loaded = spacy.load(tmp_path / "nlp")
    assert loaded.tokenizer.split_mode == "A"
    assert [t.text for t in loaded("仮想通貨")] == ["仮想", "通貨"]


def test_string_store_grows_with_new_words_only_not_with_readings():
    nlp = blank()
    nlp("ユニークな読みの番目のコアビーブ")  # warm up the words every text below shares
    before = len(nlp.vocab.strings)
    numbers = set()
    for i in range(200):
        nlp(f"ユニークな読み{i}番目のコアビーブ{i}")
        numbers.add(str(i))
    # each new number is one new word (its text, which is also its lemma and norm, plus a few
    # shapes and tags: d, dd, ddd, 名詞-数詞); readings like ニヒャク and morph entries add nothing
    grown = set(nlp.vocab.strings) - set(blank().vocab.strings)
    assert len(nlp.vocab.strings) - before <= len(numbers) + 8
    assert "ヨミ" not in grown and "バンメ" not in grown and not any("Reading" in s for s in grown)
