"""Names a lexicon lists in Latin letters only, heard in katakana (correct/english.py).

Hand-labelled: a recogniser writes what it hears in katakana; a near miss of how Japanese says
the name is the name misheard, the rendering itself is the name written in another script.
"""

from __future__ import annotations

import pytest

from ja_transcript.correct.english import english_reading

LEXICON = [
    {"label": "ORG", "pattern": "CoreWeave", "id": "CoreWeave"},
    {"label": "ORG", "pattern": "Databricks", "id": "Databricks"},
    {"label": "ORG", "pattern": "Snowflake", "id": "Snowflake"},
    {"label": "ORG", "pattern": "AMD", "id": "AMD"},
    {"label": "TERM", "pattern": "GPU", "id": "GPU"},
    {"label": "GPE", "pattern": "Spain", "id": "Spain"},
    {"label": "GPE", "pattern": "スペイン", "id": "Spain"},
]


@pytest.fixture(scope="module")
def pipeline(lexicon_pipeline):
    return lexicon_pipeline(LEXICON)


def corrections(pipeline, text):
    return [(c.original, c.replacement) for c in pipeline.process_text(text, format="txt").corrections if c.canonical]


@pytest.mark.parametrize("name, said", [
    ("GPU", "ジーピーユー"), ("5G", "ファイブジー"), ("GPT-4", "ジーピーティーフォー"),  # letters and digits by name
    ("CoreWeave", "コアウィーブ"),  # split where the case changes, each word rendered
    ("H100", ""),  # a figure of several digits: said ヒャク or ワンハンドレッド, not told
])
def test_how_a_latin_name_is_said(name, said):
    assert english_reading(name) == said


@pytest.mark.parametrize("text, original, replacement", [
    ("コアビーブの株価が上がった。", "コアビーブ", "CoreWeave"),          # ウィ heard as ビ
    ("データブリクスが上場を検討している。", "データブリクス", "Databricks"),  # the geminate lost
    ("スノーフレイクの決算が出た。", "スノーフレイク", "Snowflake"),          # レー heard as レイ
    ("ジーピーユーが足りない。", "ジーピーユー", "GPU"),                    # a term in kana is corrected to the term
])
def test_a_katakana_near_miss_of_a_latin_name_is_corrected(pipeline, text, original, replacement):
    assert corrections(pipeline, text) == [(original, replacement)]


@pytest.mark.parametrize("text", [
    "コアウィーブの株価が上がった。",   # the name in katakana: a mention, the heard script kept
    "AMCの映画館に行った。",            # letters written are letters heard: no sound match to AMD
    "雪のスノーフレークがきれいだ。",
])
def test_renderings_and_other_letters_stay(pipeline, text):
    assert corrections(pipeline, text) == []


def test_a_name_with_a_japanese_alias_is_heard_by_that_alias_only(pipeline):
    # Spain has スペイン: the Latin alias gets no second sound, so a near miss names one entry
    assert corrections(pipeline, "スーペインに旅行した。") == [("スーペイン", "スペイン")]


def test_a_reading_given_to_a_latin_name_is_how_it_is_heard(lexicon_pipeline):
    # e2k renders no sound for nvidia that a speaker says; the lexicon's reading is used instead
    pipeline = lexicon_pipeline([{"label": "ORG", "pattern": "NVIDIA", "id": "NVIDIA", "reading": "エヌビディア"}])
    assert corrections(pipeline, "エヌビデアの決算が発表された。") == [("エヌビデア", "NVIDIA")]
    assert corrections(pipeline, "エヌビディアの決算が発表された。") == []
