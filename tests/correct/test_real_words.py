"""Real words that sound like lexicon entries stay; misheard forms of each kind are fixed.

The everyday conversation (cases/everyday.txt) is full of words that read like news and
finance terms (試算/資産, 史上/市場, 口頭/高騰, 上々/上場, 給湯/急騰, 汽車/記者, 会議/懐疑):
run with the default lexicon, and with a stand-in lexicon of exactly those terms, it must
come out untouched.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from ja_transcript.correct.aliases import AliasMatcher
from ja_transcript.correct.corrector import Corrector
from ja_transcript.model import Edit
from ja_transcript.correct.lexicon import Lexicon, load_lexicon, parse_lines
from ja_transcript.nlp import get_analyzer

CASES = Path(__file__).parent / "cases"
EVERYDAY = json.loads((CASES / "everyday.expected.json").read_text(encoding="utf-8"))


def everyday_lexicon(name: str) -> Lexicon:
    """"default" is the built-in lexicon; any other name is a stand-in file in cases/."""
    return load_lexicon(use_default=True) if name == "default" else load_lexicon([CASES / name], use_default=False)


def correct_lines(lines: list[str], lexicon: Lexicon) -> list[tuple[int, Edit]]:
    """(1-based line, edit) pairs, with the transcript's correct mentions as evidence."""
    analyzer = get_analyzer()
    matcher, corrector = AliasMatcher(lexicon), Corrector(lexicon, analyzer)
    morphemes = [analyzer.analyze(line) for line in lines]
    found = [matcher.find(line, ms) for line, ms in zip(lines, morphemes)]
    evidence = Counter(entry.id for matches in found for _, _, entry in matches)
    return [(n, edit)
            for n, (line, ms, matches) in enumerate(zip(lines, morphemes, found), start=1)
            for edit in corrector.find(line, ms, evidence, [(s, e) for s, e, _ in matches])]


def inline_lexicon(*rows: tuple[str, str, str]) -> Lexicon:
    lines = [json.dumps({"label": label, "pattern": pattern, "id": id_}, ensure_ascii=False)
             for label, pattern, id_ in rows]
    entries, errors = parse_lines(lines)
    assert not errors
    return Lexicon(entries)


def term(pattern: str, label: str = "TERM", id_: str | None = None) -> list[tuple[str, str, str]]:
    """One lexicon row, as (label, pattern, id); the id defaults to the pattern."""
    return [(label, pattern, id_ or pattern)]


def edits_in(text: str, lexicon: Lexicon) -> list[tuple[str, str | None, str]]:
    analyzer = get_analyzer()
    edits = Corrector(lexicon, analyzer).find(text, analyzer.analyze(text))
    for edit in edits:
        assert edit.original == text[edit.start:edit.end]
    return [(e.original, e.canonical, e.method) for e in edits]


# -- the everyday conversation -------------------------------------------------
@pytest.mark.parametrize("lexicon_name", ["default", *EVERYDAY["stand_in_lexicon"]])
def test_everyday_conversation_gets_no_correction(lexicon_name):
    lines = (CASES / EVERYDAY["transcript"]).read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 60
    lexicon = everyday_lexicon(lexicon_name)
    edits = [(n, e.original, e.canonical, e.method) for n, e in correct_lines(lines, lexicon)]
    assert edits == []


def test_everyday_spans_are_in_the_text():
    lines = (CASES / EVERYDAY["transcript"]).read_text(encoding="utf-8").splitlines()
    assert EVERYDAY["corrections"] == []
    for item in EVERYDAY["must_not_change"]:
        assert item["text"] in lines[item["line"] - 1], item


def test_stand_in_lexicon_holds_the_sound_alike_terms():
    """The stand-in must contain the terms the everyday words sound like, or the test proves nothing."""
    lexicon = load_lexicon([CASES / p for p in EVERYDAY["stand_in_lexicon"]], use_default=False)
    assert {"時価", "市場", "高騰", "上場", "急騰", "暗号資産", "札束", "記者", "懐疑"} <= lexicon.ids


# -- single sentences: real words stay -----------------------------------------
STAY = [
    # (lexicon rows, sentence): each word reads like an entry but is a word of its own
    (term("時価"), "自家製のパンを買いました。"),
    (term("時価"), "ガイドブックをじかに書店で買ってきた。"),
    (term("市場"), "もう史上最高の出来でしたね。"),
    (term("市場"), "週末に車の試乗に行ってきました。"),
    (term("市場"), "ちょっと私情を挟むと、前の車のほうが好きでした。"),
    (term("高騰"), "口頭でざっくり金額を言われました。"),
    (term("高騰"), "息子が試合で好投したらしいです。"),
    (term("高騰"), "江東区の倉庫で働いています。"),
    (term("上場"), "週末の天気は上々でした。"),
    (term("急騰"), "うちの給湯器が壊れちゃって。"),
    (term("急騰"), "最後の急登がほんとにきつかった。"),
    (term("暗号資産") + term("資産"), "家計の試算をやり直しました。"),
    (term("記者"), "下の子が汽車が大好きで。"),
    (term("懐疑"), "月曜の会議で聞かれました。"),
    (term("国債"), "国際線で台湾に行きたいですね。"),
    (term("東証", "ORG", "東京証券取引所"), "冬山は凍傷が怖いですからね。"),
    (term("減益"), "母はまだまだ現役で畑をやってます。"),
    (term("為替"), "川瀬で遊べる公園に行きました。"),
    (term("日本", "GPE", "Japan"), "牛乳を二本買って帰りました。"),
    (term("市長"), "視聴者の皆さんから質問をいただきました。"),
    (term("首長"), "違法ではないという主張を続けています。"),
    (term("維新", "ORG", "日本維新の会"), "党の威信をかけて取り組みます。"),
    (term("治験"), "かなりいい知見が得られたそうです。"),
    (term("抗体医薬"), "社長の交代も話題になりました。"),
    (term("ソフトバンク", "ORG", "SoftBank"), "ソフトな口調で話す人です。"),
    (term("コアウィーブ", "ORG", "CoreWeave"), "コアなファンが多いんですよ。"),
    (term("オープンAI", "ORG", "OpenAI"), "夏はオープンエアのライブに行きたい。"),
    (term("インテル", "ORG", "Intel"), "インテリアショップに寄りました。"),
    (term("Amazon", "ORG"), "子どもがすぐAmazingって言うんですよ。"),
    # a correctly written alias is a mention, not a correction
    (term("オープンAI", "ORG", "OpenAI") + term("OpenAI", "ORG"), "オープンAIが新しいモデルを出しました。"),
    (term("暗号資産"), "暗号資産のニュースです。"),
]

# Dictionary words that SudachiPy splits into single kanji in context stay too.
STAY += [
    (term("市長"), "県内の市町と連携して進めます。"),
    (term("市長"), "市庁の職員が対応しました。"),
    (term("市場"), "糸状の菌が見えます。"),
]


@pytest.mark.parametrize("rows, sentence", [pytest.param(r, s, id=s) for r, s in STAY])
def test_real_word_stays(rows, sentence):
    assert edits_in(sentence, inline_lexicon(*rows)) == []


# -- single sentences: misheard forms are fixed, one per kind of evidence -------
FIX = [
    # reading: other kanji, same reading (a word plus a word, or an out-of-vocabulary kanji)
    (term("暗号資産"), "暗号試算のマイナー株が上がった。", "暗号試算", "暗号資産", "reading"),
    (term("急騰"), "契約締結を受けて給投というね。", "給投", "急騰", "reading"),
    (term("奪三振"), "7回を投げて脱三振が10個。", "脱三振", "奪三振", "reading"),
    (term("立憲民主党", "ORG"), "立件民主党と国民民主党が協力するのか。", "立件民主党", "立憲民主党", "reading"),
    # reading: a kanji word spelt in kana
    (term("札束"), "サツタバで叩くようなね。", "サツタバ", "札束", "reading"),
    (term("小池百合子", "PERSON"), "小池ゆり子知事が予算案を発表しました。", "小池ゆり子", "小池百合子", "reading"),
    # phonetic: a katakana approximation of a foreign name
    (term("コアウィーブ", "ORG", "CoreWeave"), "コアビーブという会社がね。", "コアビーブ", "CoreWeave", "phonetic"),
    (term("アストラゼネカ", "ORG", "AstraZeneca"), "アストラゼネガと共同で開発している。",
     "アストラゼネガ", "AstraZeneca", "phonetic"),
    # latin: a near miss in Latin letters
    (term("CoreWeave", "ORG"), "CoreWebの株価が上がった。", "CoreWeb", "CoreWeave", "latin"),
    (term("NVIDIA", "ORG"), "Nvideaの決算が出ました。", "Nvidea", "NVIDIA", "latin"),
    (term("Pfizer", "ORG"), "Phizerが肥満症の薬で苦戦している。", "Phizer", "Pfizer", "latin"),
]


@pytest.mark.parametrize("rows, sentence, original, canonical, method", FIX, ids=[f[1] for f in FIX])
def test_misheard_form_is_fixed(rows, sentence, original, canonical, method):
    assert edits_in(sentence, inline_lexicon(*rows)) == [(original, canonical, method)]


def test_multi_word_latin_name_is_fixed_and_english_phrases_stay():
    lexicon = inline_lexicon(("ORG", "The Athletic", "The Athletic"), ("ORG", "New York Times", "New York Times"))
    assert edits_in("The Atheletic によると、", lexicon) == [("The Atheletic", "The Athletic", "latin")]
    assert edits_in("The athletes ran in New York.", lexicon) == []


def test_spelling_variant_of_a_name_is_fixed_but_not_of_a_term():
    lexicon = inline_lexicon(("ORG", "エンゼルス", "Los Angeles Angels"), ("TERM", "マニフェスト", "マニフェスト"))
    assert edits_in("エンジェルスの試合", lexicon) == [("エンジェルス", "Los Angeles Angels", "variant")]
    assert edits_in("マニュフェストを読んだ", lexicon) == []


def test_a_name_with_no_inside_is_read_whole():
    lexicon = inline_lexicon(("PRODUCT", "葬送のフリーレン", "葬送のフリーレン"), ("PRODUCT", "フリーレン", "葬送のフリーレン"))
    assert edits_in("送葬のフリーレンの2期が始まった", lexicon) == [("送葬のフリーレン", "葬送のフリーレン", "reading")]
    assert edits_in("葬送のフリーレンの2期", lexicon) == []


def test_two_script_name_with_a_misheard_head():
    lexicon = inline_lexicon(("PRODUCT", "NERV防災", "NERV防災"), ("PRODUCT", "ネルフ防災", "NERV防災"))
    assert edits_in("NERVE防災のアプリ", lexicon) == [("NERVE防災", "NERV防災", "latin")]
    assert edits_in("ネルブ防災を入れて", lexicon) == [("ネルブ防災", "NERV防災", "phonetic")]
    assert edits_in("ネルフ防災とNERV防災", lexicon) == []
    assert edits_in("NERVEの話とネルブの話", lexicon) == []


@pytest.mark.parametrize("line", [
    "はいどうも、皆さんこんにちは。",  # はい|どう|も: 配当 (ハイトウ) in the default lexicon
    "はいどうもー、ゲームニュースの時間です。",
    "ああそうなんですか、知りませんでした。",
    "うーんしかいはどうしますかね。",
])
def test_an_interjection_opening_a_kana_stretch_is_no_part_of_a_name(line):
    from ja_transcript import process_text

    assert process_text(line)["corrections"] == []


# -- compounds: the sounds of a compound are not the sounds of its parts ------------------
@pytest.mark.parametrize("rows, sentence, original, canonical", [
    # Sino-Japanese gemination (促音化): チ, ツ, ク before a voiceless consonant, h becoming p
    (term("北方領土", "LOC"), "北宝領土の問題を話し合った。", "北宝領土", "北方領土"),  # 北 + 方: ホッポウ
    (term("八方美人", "TERM"), "あの人は八法美人だと言われる。", "八法美人", "八方美人"),
    # a verb's 連用形 heading a compound noun
    (term("食べ放題"), "この店は食べ砲台が人気です。", "食べ砲台", "食べ放題"),
    (term("替え玉"), "ラーメンの変え玉を頼んだ。", "変え玉", "替え玉"),
])
def test_a_compound_is_heard_with_its_sound_changes(rows, sentence, original, canonical):
    assert [(o, c) for o, c, _ in edits_in(sentence, inline_lexicon(*rows))] == [(original, canonical)]


@pytest.mark.parametrize("rows, sentence", [
    (term("北海道", "GPE"), "北の会堂に集まった。"),  # not side by side: no compound
    (term("食べ放題"), "よく食べる砲台の兵士。"),  # a verb that ends its clause heads no compound
])
def test_words_apart_are_not_joined_as_a_compound(rows, sentence):
    assert edits_in(sentence, inline_lexicon(*rows)) == []


@pytest.mark.parametrize("rows, sentence, original, canonical", [
    # Latin letters are said by name (SudachiPy reads a lone G as グラム), a digit beside them in English too
    (term("5G"), "ファイブジーの基地局が増えた。", "ファイブジー", "5G"),
    (term("A4用紙"), "エーフォー用紙に印刷してください。", "エーフォー用紙", "A4用紙"),
])
def test_letters_and_digits_of_a_name_are_said_as_people_say_them(rows, sentence, original, canonical):
    assert [(o, c) for o, c, _ in edits_in(sentence, inline_lexicon(*rows))] == [(original, canonical)]


@pytest.mark.parametrize("sentence", [
    "京都風の味付けにしました。",  # 京都 + 風, not 京都府
    "東京堂で本を買った。",  # 東京 + 堂 (a bookshop), not 東京都
])
def test_a_name_written_right_with_a_suffix_is_another_name(sentence):
    lexicon = inline_lexicon(("GPE", "京都", "Kyoto"), ("GPE", "京都府", "Kyoto"), ("GPE", "東京", "Tokyo"),
                             ("GPE", "東京都", "Tokyo"))
    assert edits_in(sentence, lexicon) == []


# A dictionary word heard for a term of the same sound, told apart by what the line is about
# (correct/topics.py): each pair is the same word in a line about the term and in a line about
# the word itself, judged by reading them.
TOPIC_PAIRS = [
    (("TERM", "講演", "講演"),
     "国際学会の公園で教授が最新の研究成果を発表した", "近所の公園でブランコに乗って子供と遊んだ", "公園"),
    (("TERM", "決算", "決算"),
     "四半期の計算で売上と利益が大きく伸びました", "電卓で割り勘の計算をしてお釣りを配った", "計算"),
    pytest.param(("TERM", "決算", "決算"),
                 "三月期の計算で営業利益と純利益が増えた", "算数の宿題で計算を間違えた", "計算",
                 marks=pytest.mark.xfail(strict=True, reason="fit 0.17, under the 0.2 gate: profit is "
                                                             "calculated too, and 三月期 leaves only 期 of its words")),
]


@pytest.mark.parametrize("row, about_term, about_word, heard", TOPIC_PAIRS)
def test_a_word_heard_for_a_term_is_fixed_only_where_the_line_is_about_the_term(row, about_term, about_word, heard):
    lexicon = inline_lexicon(row)
    [(_, edit)] = correct_lines([about_term], lexicon)
    assert (edit.original, edit.canonical) == (heard, row[2])
    assert correct_lines([about_word], lexicon) == []
