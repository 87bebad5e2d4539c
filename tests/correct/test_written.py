"""The written form of corrections, kana spellings of names, and kana words with affixes glued on.

Every expectation here is hand-labelled: what a careful reader of Japanese would want the clean
text to say, not what the corrector happened to output.
"""

from __future__ import annotations

import json

import pytest

from ja_transcript import Options, Pipeline
from ja_transcript.correct.lexicon import Lexicon, load_lexicon, parse_lines


def _lexicon_file(tmp_path, rows: list[dict]):
    path = tmp_path / "lex.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def default():
    return Pipeline(options=Options())


def _edits(pipeline, text):
    doc = pipeline.process_text(text, format="txt")
    return [(c.original, c.replacement, c.canonical) for c in doc.corrections if c.canonical], doc


@pytest.mark.parametrize("text, original, replacement, canonical", [
    ("コアビーブの株価が上がった。", "コアビーブ", "CoreWeave", "CoreWeave"),   # written: CoreWeave
    ("アメリガの大統領が来日した。", "アメリガ", "アメリカ", "United States"),  # written: アメリカ, not the id
    ("ビッドコインの価格が下がった。", "ビッドコイン", "ビットコイン", "Bitcoin"),
])
def test_the_written_form_goes_into_the_text_and_the_id_stays_canonical(default, text, original, replacement,
                                                                       canonical):
    edits, doc = _edits(default, text)
    assert (original, replacement, canonical) in edits
    assert replacement in doc.cleaned_text and original not in doc.cleaned_text
    assert canonical in {e.canonical for e in doc.entities}


def test_without_written_the_matched_alias_keeps_the_heard_script(tmp_path):
    path = _lexicon_file(tmp_path, [
        {"label": "ORG", "pattern": "Zyxtron", "id": "Zyxtron"},
        {"label": "ORG", "pattern": "ジクストロン", "id": "Zyxtron"},
    ])
    pipeline = Pipeline(lexicons=[path], use_default_lexicon=False, options=Options())
    edits, doc = _edits(pipeline, "ジクストロソの新製品を買った。")  # katakana heard: katakana written
    assert edits == [("ジクストロソ", "ジクストロン", "Zyxtron")]
    assert "ジクストロン" in doc.cleaned_text
    edits, _ = _edits(pipeline, "Zyxtrom announced it.")  # Latin heard: Latin written
    assert [e[1:] for e in edits] == [("Zyxtron", "Zyxtron")]


@pytest.mark.parametrize("text", [
    "ちゅうごくに行ったことがある。",     # 中国 in hiragana
    "ニッポンの未来を考えよう。",         # 日本 read ニッポン
    "こどもとかんこくりょうりを食べた。",  # 韓国 in hiragana, in a longer kana stretch
    "あめりかのニュースを見た。",         # アメリカ in hiragana
    "トウキョウに住んでいます。",         # 東京 in katakana
    "ノルウェイに留学していた。",         # ノルウェー with its long vowel written イ
    "トーキョーの夜景がきれいだ。",       # 東京 with its long vowels written ー
])
def test_a_name_in_kana_with_its_own_reading_is_a_mention(default, text):
    edits, doc = _edits(default, text)
    assert edits == []
    assert doc.lines[0].clean == text


@pytest.mark.parametrize("text", [
    "キュウトウ器が壊れて、ビットコインどころじゃない。",   # 給湯器 (キュウトウ + 器), not 急騰器
    "半導体の話だけど、コクサイ線で出張した。",           # 国際線, not 国債線
    "AIの時代でもトウシン大のパネルが人気だ。",           # 等身大, not 投信大
    "株価の話はさておき、ケッサン書を作る。",             # a kana word with its suffix: left as said
])
def test_a_kana_word_with_an_affix_glued_on_is_not_cut(default, text):
    edits, doc = _edits(default, text)
    glued = text.split("、")[-1] if "、" in text else text
    assert [e for e in edits if e[0] in glued] == []


def test_an_unknown_kana_run_before_a_suffix_is_still_corrected(default):
    edits, _ = _edits(default, "ビットコインとアンゴウシサン業者の話をした。")
    assert ("アンゴウシサン", "暗号資産", "暗号資産") in edits


def test_the_sample_corrections_work_with_the_default_lexicon_alone(default):
    edits, _ = _edits(default, "オープンAIとコアビーブが契約して、CoreWebの株や暗号試算がサツタバで動いた。")
    assert {("コアビーブ", "CoreWeave", "CoreWeave"), ("CoreWeb", "CoreWeave", "CoreWeave"),
            ("暗号試算", "暗号資産", "暗号資産"), ("サツタバ", "札束", "札束")} <= set(edits)


# -- the lexicon field ---------------------------------------------------------------

def _line(**kw):
    return json.dumps(kw, ensure_ascii=False)


@pytest.mark.parametrize("value", ["", "  ", 3, ["アメリカ"], " アメリカ", None])
def test_a_bad_written_value_is_an_error_naming_file_and_line(value):
    entries, errors = parse_lines([_line(label="GPE", pattern="米国", id="United States"),
                                   _line(label="GPE", pattern="アメリカ", id="United States", written=value)],
                                  "places.jsonl")
    assert len(entries) == 1 and len(errors) == 1
    assert "places.jsonl, line 2" in str(errors[0]) and '"written"' in str(errors[0])


def test_two_written_forms_of_one_id_are_an_error():
    entries, errors = parse_lines([_line(label="GPE", pattern="米国", id="United States", written="アメリカ"),
                                   _line(label="GPE", pattern="USA", id="United States", written="米国")], "x.jsonl")
    assert len(entries) == 1 and "x.jsonl, line 2" in str(errors[0]) and "line 1" in str(errors[0])


def test_written_given_on_one_line_applies_to_the_id_and_names_it():
    entries, errors = parse_lines([_line(label="GPE", pattern="United States", id="United States",
                                         written="アメリカ"),
                                   _line(label="GPE", pattern="米国", id="United States")])
    lex = Lexicon(entries)
    assert errors == [] and {e.written for e in lex.entries} == {"アメリカ"}
    assert lex.by_alias["アメリカ"].id == "United States"  # the written form is a mention of its id


def test_a_later_file_gives_the_written_form(tmp_path):
    a = _lexicon_file(tmp_path, [{"label": "GPE", "pattern": "米国", "id": "United States", "written": "米国"}])
    b = tmp_path / "b.jsonl"
    b.write_text(_line(label="GPE", pattern="アメリカ", id="United States", written="アメリカ") + "\n",
                 encoding="utf-8")
    lex = load_lexicon([a, b], use_default=False)
    assert {e.written for e in lex.entries} == {"アメリカ"}


def test_a_reading_given_in_the_lexicon_is_how_the_name_is_heard(tmp_path):
    # SudachiPy reads 駿 シュン: without the reading, ミヤザキシ (a place, 宮崎市) is a mora from it
    path = _lexicon_file(tmp_path, [{"label": "PERSON", "pattern": "宮崎駿", "id": "宮崎駿",
                                     "reading": "ミヤザキハヤオ"}])
    pipeline = Pipeline(lexicons=[path], use_default_lexicon=False, options=Options())
    assert _edits(pipeline, "みやざきはやおの映画を見た。")[0] == []           # the name spelt in kana: a mention
    assert _edits(pipeline, "ミヤザキハヤウ監督の新作が出た。")[0] == [("ミヤザキハヤウ", "宮崎駿", "宮崎駿")]
    assert _edits(pipeline, "ミヤザキシュン監督の新作が出た。")[0] == []


def test_an_english_word_in_capitals_is_a_word_not_a_misheard_name(default):
    # SudachiPy files English words in lower case: WHITE FOX is two words, not White House
    assert _edits(default, "制作会社WHITE FOXの新作が発表された。")[0] == []


@pytest.mark.parametrize("text", [
    "日本製鐵の野球部が優勝した。",   # 鐵: the old form of 鉄, the company's own former spelling
    "新日本製鐵の工場を訪れた。",
])
def test_a_name_in_old_form_kanji_is_a_spelling_not_a_mishearing(default, text):
    assert _edits(default, text)[0] == []


def test_a_name_spelt_in_kana_is_an_entity_with_its_canonical_form(default):
    # a mention, not an edit: the text keeps ちゅうごく, the entities name China there, and a
    # correction earlier on the line does not move it off its characters
    doc = default.process_text("コアビーブとちゅうごくの関係について話します。", format="txt")
    assert [(c.original, c.replacement) for c in doc.corrections if c.canonical] == [("コアビーブ", "CoreWeave")]
    found = {(e.text, e.canonical) for e in doc.entities}
    assert ("ちゅうごく", "China") in found and ("CoreWeave", "CoreWeave") in found
    sentence = doc.sentences[0].text
    for e in doc.entities:
        assert sentence[e.start:e.end] == e.text


@pytest.mark.parametrize("text", ["ピクセル数が多いカメラだ。", "アルファベットで書いてください。", "ビザが必要です。"])
def test_a_common_word_sounding_like_a_latin_name_is_no_entity(default, text):
    # Pixel, Alphabet and Visa are heard as ピクセル, アルファベット, ビザ: those words are words
    doc = default.process_text(text, format="txt")
    assert doc.corrections == [] or all(c.canonical is None for c in doc.corrections)
    assert [e for e in doc.entities if e.canonical in ("Pixel", "Alphabet", "Visa")] == []
