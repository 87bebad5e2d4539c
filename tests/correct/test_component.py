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


def _user_dictionary(tmp_path):
    """A SudachiPy user dictionary that knows one product name as a word."""
    import subprocess
    import sys
    from pathlib import Path

    import sudachidict_core

    system = Path(sudachidict_core.__file__).parent / "resources" / "system.dic"
    csv = tmp_path / "user.csv"
    csv.write_text("ネルフ防災,4786,4786,5000,ネルフ防災,名詞,固有名詞,一般,*,*,*,ネルフボウサイ,ネルフ防災,*,*,*,*,*\n",
                   encoding="utf-8")
    out = tmp_path / "user.dic"
    subprocess.run([str(Path(sys.executable).with_name("sudachipy")), "ubuild", "-s", str(system), "-o", str(out),
                    str(csv)], check=True, capture_output=True)
    return out


def test_saved_pipeline_loads_without_its_files_and_gives_the_same_spans_in_two_processes(tmp_path):
    import shutil

    import spacy

    user_dict = _user_dictionary(tmp_path)
    lex = tmp_path / "lex.jsonl"
    lex.write_text('{"label": "PRODUCT", "pattern": "キイトルーダ", "id": "Keytruda"}\n'
                   '{"label": "ORG", "pattern": "ネルフ防災", "id": "NERV防災"}\n', encoding="utf-8")
    nlp = blank(user_dicts=[str(user_dict)])
    nlp.add_pipe("ja_transcript_corrector", config={"lexicons": [str(lex)], "use_default_lexicon": False})
    texts = ["キートルーダの治験が始まりました。", "ネルフ防災のアプリで地震を知った。", "暗号試算の話です。"] * 3

    def spans(pipeline, **kw):
        return [([(s.start_char, s.end_char, s.label_) for s in d.spans[SPANS_KEY]],
                 [(e.text, e.label_, e.kb_id_) for e in d.ents], [t.text for t in d])
                for d in pipeline.pipe(texts, **kw)]

    expected = spans(nlp)
    assert expected[0][0] == [(0, 6, "Keytruda")] and expected[0][1] == [("キートルーダ", "PRODUCT", "Keytruda")]
    assert "ネルフ防災" in expected[1][2]  # one token: the user dictionary is in use
    assert expected[1][1] == [("ネルフ防災", "ORG", "NERV防災")] and expected[2][0] == []
    nlp.to_disk(tmp_path / "saved")
    shutil.move(tmp_path / "saved", tmp_path / "moved")
    lex.unlink()
    user_dict.unlink()
    loaded = spacy.load(tmp_path / "moved")
    assert spans(loaded) == expected
    assert spans(loaded, n_process=2, batch_size=2) == expected


def test_component_pickles_by_its_contents(tmp_path):
    import pickle

    lex = tmp_path / "lex.jsonl"
    lex.write_text('{"label": "PRODUCT", "pattern": "キイトルーダ", "id": "Keytruda"}\n', encoding="utf-8")
    nlp = blank()
    nlp.add_pipe("ja_transcript_corrector", config={"lexicons": [str(lex)], "use_default_lexicon": False})
    nlp("はい")
    lex.unlink()
    clone = pickle.loads(pickle.dumps(nlp))
    doc = clone("キートルーダの治験")
    assert [s.label_ for s in doc.spans[SPANS_KEY]] == ["Keytruda"]
