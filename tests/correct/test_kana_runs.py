"""Terms said in kana that SudachiPy cuts into pieces it cannot read as words.

A kana run the dictionary has no word for comes out as one-kana fragments (ひ|の|じ), a kana
く taken for the numeral 九, or an interjection cut off its start (ぐう|ぐ|ん): the pieces are
no words said, so they neither join two words by a particle, nor make a number, nor open talk.
Hand-labelled: each line says the term in kana with one sound misheard.
"""

from __future__ import annotations

import pytest


LEXICON = [
    {"label": "GPE", "pattern": "日野市", "id": "日野市"},
    {"label": "TERM", "pattern": "改革", "id": "改革"},
    {"label": "FAC", "pattern": "羽田空港", "id": "羽田空港"},
    {"label": "FAC", "pattern": "羽田", "id": "羽田空港"},
    {"label": "ORG", "pattern": "東京大学", "id": "東京大学"},
    {"label": "ORG", "pattern": "空軍", "id": "空軍"},
]


@pytest.fixture(scope="module")
def pipeline(lexicon_pipeline):
    return lexicon_pipeline(LEXICON)


def corrections(pipeline, text):
    return [(c.original, c.canonical) for c in pipeline.process_text(text, format="txt").corrections if c.canonical]


@pytest.mark.parametrize("text, original, canonical", [
    ("ひのじの公園に行った。", "ひのじ", "日野市"),             # ひ|の|じ: the の is a sound of ヒノシ
    ("政府はかいかっくを進める。", "かいかっく", "改革"),        # かい|かっ|く: a kana く is no numeral 九
    ("はねだくうこから出発した。", "はねだくうこ", "羽田空港"),  # はねだ spells 羽田; the run says more
])
def test_a_term_said_in_kana_and_cut_into_pieces_is_corrected(pipeline, text, original, canonical):
    assert (original, canonical) in corrections(pipeline, text)


@pytest.mark.parametrize("text", [
    "東京の大学に通っている。",      # two words joined by a particle, not 東京大学
    "はねだで降りた。",              # 羽田 spelt in kana: a mention, not an edit
    "この本の内容はいいよ。",
])
def test_words_and_mentions_stay(pipeline, text):
    assert corrections(pipeline, text) == []


def test_a_katakana_name_of_the_dictionary_is_the_term_where_the_transcript_writes_the_term(lexicon_pipeline):
    # アイセン is a surname SudachiPy knows; katakana writes the sounds heard, so where the
    # transcript names アイゼン right, アイセン (voicing lost) is that name misheard
    pipeline = lexicon_pipeline([{"label": "PERSON", "pattern": "アイゼン", "id": "アイゼン"}])
    text = "アイゼンは強い戦士だ。\n弟子もいる。\nアイセンは今日も山にいる。\n"
    doc = pipeline.process_text(text, format="txt")
    assert [(c.original, c.canonical) for c in doc.corrections if c.canonical] == [("アイセン", "アイゼン")]
    # alone, with nothing else to go on, the dictionary's name stands
    assert corrections(pipeline, "アイセンは今日も山にいる。") == []


def test_an_honorific_after_a_kana_name_makes_no_word_with_it(lexicon_pipeline):
    # 様 is a suffix to SudachiPy, but it follows a person's name: ハイダー様 is ハイター misheard
    # with its honorific, not one word ハイダー様 of which a part would be replaced
    pipeline = lexicon_pipeline([{"label": "PERSON", "pattern": "ハイター", "id": "ハイター"}])
    doc = pipeline.process_text("ハイター様は優しかった。\nそうですね。\nハイダー様の教えです。\n", format="txt")
    assert [(c.original, c.canonical) for c in doc.corrections if c.canonical] == [("ハイダー", "ハイター")]


def test_a_reading_in_the_lexicon_teaches_the_reading_of_its_word(lexicon_pipeline):
    # スミヤ is told for 角谷 (SudachiPy: カドヤ): a name misheard in its given part is still heard
    pipeline = lexicon_pipeline([{"label": "PERSON", "pattern": "角谷美香", "id": "角谷美香", "reading": "スミヤミカ"}])
    assert corrections(pipeline, "角谷美佳さんがゲストです。") == [("角谷美佳", "角谷美香")]
    assert corrections(pipeline, "角谷さんの店に行った。") == []


def test_a_no_said_for_the_kanji_read_no_is_part_of_the_name(lexicon_pipeline):
    # 之 is said ノ: 龍|の|介 is the name written with the particle's kana, not two words joined
    pipeline = lexicon_pipeline([{"label": "PERSON", "pattern": "芥川龍之介", "id": "芥川龍之介"},
                                    {"label": "ORG", "pattern": "東京大学", "id": "東京大学"}])
    assert corrections(pipeline, "芥川龍の介の小説を読んだ。") == [("芥川龍の介", "芥川龍之介")]
    assert corrections(pipeline, "東京の大学に通っている。") == []


def test_a_term_in_a_variant_spelling_is_corrected_a_name_in_old_form_kanji_kept(lexicon_pipeline):
    pipeline = lexicon_pipeline([{"label": "TERM", "pattern": "補正予算", "id": "補正予算"},
                                    {"label": "TERM", "pattern": "一般会計", "id": "一般会計"},
                                    {"label": "ORG", "pattern": "日本製鉄", "id": "日本製鉄"}])
    # 補整 is folded to 補正 by SudachiPy, but a budget is 補正予算: the term written otherwise
    assert corrections(pipeline, "一般会計の補整予算が可決された。") == [("補整予算", "補正予算")]
    assert corrections(pipeline, "日本製鐵の野球部が優勝した。") == []


@pytest.mark.parametrize("text, expected", [
    ("みついふどうさん株式会社の決算が出た。", []),  # the name in kana, 株式会社 as written: a mention
    ("新垣ゆいさんが主演です。", [("新垣ゆい", "新垣結衣")]),  # written but for a kana piece: misspelt
])
def test_a_name_mostly_in_kana_is_a_mention_mostly_written_is_corrected(lexicon_pipeline, text, expected):
    pipeline = lexicon_pipeline([{"label": "ORG", "pattern": "三井不動産株式会社", "id": "三井不動産"},
                                    {"label": "PERSON", "pattern": "新垣結衣", "id": "新垣結衣"}])
    assert corrections(pipeline, text) == expected


def test_a_small_vowel_written_large_is_one_beat_more_not_another_name(lexicon_pipeline):
    # フエルン: the same sounds as フェルン with エ written large; the index is asked both ways
    pipeline = lexicon_pipeline([{"label": "PERSON", "pattern": "フェルン", "id": "フェルン"},
                                    {"label": "ORG", "pattern": "ウィキメディア", "id": "ウィキメディア"}])
    assert corrections(pipeline, "フエルンが怒っている。") == [("フエルン", "フェルン")]
    assert corrections(pipeline, "ウイキメディアの寄付を募っている。") == [("ウイキメディア", "ウィキメディア")]
    assert corrections(pipeline, "カエルが鳴いている。") == []
