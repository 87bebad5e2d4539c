from ja_transcript.correct.component import SPANS_KEY
from ja_transcript.nlp.spacy_tokenizer import blank


def test_component_annotates_without_changing_text(tmp_path):
    lex = tmp_path / "lex.jsonl"
    lex.write_text('{"label": "PRODUCT", "pattern": "キイトルーダ", "id": "Keytruda"}\n', encoding="utf-8")
    nlp = blank()
    nlp.add_pipe("ja_transcript_corrector", config={"lexicons": [str(lex)], "use_default_lexicon": False})
    text = "キートルーダの治験の結果が出ました。"
    doc = nlp(text)
    assert doc.text == text
    spans = doc.spans[SPANS_KEY]
    assert [(s.text, s.label_) for s in spans] == [("キートルーダ", "Keytruda")]
    detail = doc.user_data[SPANS_KEY][0]
    assert detail["method"] == "phonetic" and text[detail["start"]:detail["end"]] == detail["original"]


def test_component_works_with_spacys_own_tokenizer():
    import spacy

    nlp = spacy.blank("ja")
    nlp.add_pipe("ja_transcript_corrector")
    doc = nlp("CoreWebの株が急凍した")
    assert {s.label_ for s in doc.spans[SPANS_KEY]} == {"CoreWeave", "急騰"}
