"""Entities: lexicon matches with canonical ids, names by part of speech, and merging a backend."""

from functools import lru_cache

import pytest
from hypothesis import given, settings, strategies as st

from ja_transcript.correct.aliases import AliasMatcher
from ja_transcript.correct.lexicon import Lexicon, load_lexicon, parse_lines
from ja_transcript.extract.entities import BACKEND_REPLACES, EntitySpan, find_entities, merge_entities, pos_entities
from ja_transcript.nlp import get_analyzer


@lru_cache(maxsize=None)
def default_aliases() -> AliasMatcher:
    return AliasMatcher(load_lexicon())


def small_aliases(*lines: str) -> AliasMatcher:
    entries, errors = parse_lines(lines)
    assert not errors
    return AliasMatcher(Lexicon(entries))


def pos(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.label) for s in pos_entities(text, get_analyzer().analyze(text))]


def found(text: str, aliases=None, backend=None) -> list[EntitySpan]:
    return find_entities(text, get_analyzer().analyze(text), aliases, backend=backend)


# (text, names found by part of speech, in order)
POS_CASES = [
    # proper nouns next to each other are one name; a place name before a given name is a surname
    ("田中太郎は大阪に住む", [("田中太郎", "PERSON"), ("大阪", "GPE")]),
    ("ライターの兵庫慎司は言う", [("兵庫慎司", "PERSON")]),
    # katakana words joined by ・ are one name; between kanji names ・ lists them
    ("デヴィッド・リンチが撮った", [("デヴィッド・リンチ", "PERSON")]),
    ("刑事ジョン・ブックは", [("ジョン・ブック", "PERSON")]),
    ("韓国・中国の企業", [("韓国", "GPE"), ("中国", "GPE")]),
    # a head word names the kind, as a morpheme of its own or the end of a proper noun
    ("長崎ペンギン水族館に行く", [("長崎ペンギン水族館", "FAC")]),
    ("会津川口駅で降りる", [("会津川口駅", "FAC")]),
    ("親和銀行と日本女子大学", [("親和銀行", "ORG"), ("日本女子大学", "ORG")]),
    ("フェンダー社のギター", [("フェンダー社", "ORG")]),
    ("エアバス・ヘリコプターズ社が作った", [("エアバス・ヘリコプターズ社", "ORG")]),
    ("ウッドストック・フェスティバルと比べる", [("ウッドストック・フェスティバル", "EVENT")]),
    ("ワシントン条約を結ぶ", [("ワシントン条約", "LAW")]),
    ("アメリカ合衆国ハワイ準州マウイ島", [("アメリカ合衆国ハワイ準州マウイ島", "LOC")]),
    ("カリフォルニア州サンディエゴ", [("カリフォルニア州サンディエゴ", "GPE")]),  # a city: GPE
    # a head word needs a name before it
    ("同社の社長は全国大会に出た", []),
    ("国立美術館で見た", []),
    # a role after a name is not part of it
    ("田中社長と岸田首相", [("田中", "PERSON"), ("岸田", "PERSON")]),
    # a legal form before or after makes a company, whatever the words between
    ("株式会社フェローピクチャーズの作品", [("株式会社フェローピクチャーズ", "ORG")]),
    ("東洋パルプ株式会社を設立", [("東洋パルプ株式会社", "ORG")]),
    ("レッドフォックス株式会社は東京都千代田区にある", [("レッドフォックス株式会社", "ORG"), ("東京都千代田区", "GPE")]),
    # institutions the dictionary has as one common noun
    ("文部科学省と海上保安庁", [("文部科学省", "ORG"), ("海上保安庁", "ORG")]),
    # a year or an ordinal before an event belongs to it; X の 戦い is an event
    ("2010 FIFAワールドカップに出た", [("2010 FIFAワールドカップ", "EVENT")]),
    ("1996年アトランタオリンピック", [("1996年アトランタオリンピック", "EVENT")]),
    ("第一次世界大戦の後", [("第一次世界大戦", "EVENT")]),
    ("2009年大会まで", []),
    ("関ヶ原の戦いで敗れた", [("関ヶ原の戦い", "EVENT")]),
    # a company and its factory are two names; with nothing between, one
    ("王子製紙釧路工場", [("王子製紙", "ORG"), ("釧路工場", "FAC")]),
    # one character is a piece of a longer name unless an honorific follows
    ("新董事長に任命", []),
    ("李さんが来た", [("李", "PERSON")]),
    # sports clubs
    ("FCディナモ・ブカレスト戦", [("FCディナモ・ブカレスト", "ORG")]),
]


@pytest.mark.parametrize("text,expected", [pytest.param(t, e, id=t[:12]) for t, e in POS_CASES])
def test_names_by_part_of_speech(text, expected):
    assert pos(text) == expected


def test_canonical_is_sudachi_normalized_form():
    (span,) = pos_entities("第二次世界大戦", get_analyzer().analyze("第二次世界大戦"))
    assert span.canonical == "第2次世界大戦" and span.source == "pos"


def test_lexicon_match_wins_with_its_canonical_id():
    aliases = small_aliases('{"label": "ORG", "pattern": "コアウィーブ", "id": "CoreWeave"}',
                            '{"label": "PERSON", "pattern": "田中", "id": "田中一郎"}')
    spans = found("コアウィーブの田中が話した", aliases)
    assert [(s.text, s.canonical, s.label, s.source) for s in spans] == [
        ("コアウィーブ", "CoreWeave", "ORG", "lexicon"), ("田中", "田中一郎", "PERSON", "lexicon")]


def test_lexicon_match_ends_the_compound_around_it():
    # a lexicon name that is not a place stops the part-of-speech name there
    assert [s.text for s in found("CoreWeave社が上場", default_aliases())][0] == "CoreWeave"
    aliases = small_aliases('{"label": "ORG", "pattern": "トヨタ自動車", "id": "Toyota"}')
    assert [(s.text, s.source) for s in found("トヨタ自動車労組が発表", aliases)] == [("トヨタ自動車", "lexicon")]


def test_a_lexicon_place_begins_a_longer_name():
    # 日本 and 東京 are the lexicon's places; a name with a head word after them holds them
    spans = [(s.text, s.label, s.source) for s in found("日本サッカー協会と東京新聞社が後援した", default_aliases())]
    assert spans == [("日本サッカー協会", "ORG", "pos"), ("東京新聞社", "ORG", "pos")]
    # alone, or before a common noun, the place stays the lexicon's, with its canonical id
    spans = found("東京の会社と日本代表", default_aliases())
    assert [(s.text, s.canonical, s.source) for s in spans] == [("東京", "Tokyo", "lexicon"), ("日本", "Japan", "lexicon")]


def test_default_lexicon_sample_names():
    spans = found("オープンAIとアメリカのNVIDIA、ChatGPTの話", default_aliases())
    got = {(s.text, s.canonical, s.label) for s in spans}
    assert {("オープンAI", "OpenAI", "ORG"), ("アメリカ", "United States", "GPE"), ("NVIDIA", "NVIDIA", "ORG"),
            ("ChatGPT", "ChatGPT", "PRODUCT")} <= got


FRAGMENTS = ["田中", "太郎", "株式会社", "東京", "駅", "・", "サム", "アルトマン", "の", "戦い", "第", "3", "回", "大会",
             "2010", "年", " ", "FIFA", "さん", "は", "、", "。", "銀行", "李", "社", "オリンピック", "CoreWeave", "日本"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12))
def test_spans_slice_back_sorted_and_disjoint(parts):
    text = "".join(parts)
    spans = found(text, default_aliases())
    for s in spans:
        assert text[s.start:s.end] == s.text and s.text and s.canonical
    for a, b in zip(spans, spans[1:]):
        assert a.end <= b.start


# -- merging a statistical backend ---------------------------------------------------------

class FakeBackend:
    """Returns fixed spans found by their text, as a recognizer would."""

    def __init__(self, *named: tuple[str, str]):
        self.named = named
        self.calls = 0

    def find(self, text):
        self.calls += 1
        out = []
        for name, label in self.named:
            start = text.find(name)
            if start >= 0:
                out.append(EntitySpan(start, start + len(name), name, name, label, "fake"))
        return out


def test_backend_never_overrides_the_lexicon():
    aliases = small_aliases('{"label": "ORG", "pattern": "トヨタ自動車", "id": "Toyota"}')
    spans = found("トヨタ自動車労組が発表", aliases, FakeBackend(("トヨタ自動車労組", "ORG")))
    assert [(s.text, s.canonical, s.source) for s in spans] == [("トヨタ自動車", "Toyota", "lexicon")]


def test_backend_replaces_guessed_kinds_and_keeps_said_kinds():
    # MISC (kind unknown) and a 地名 place are guesses: the backend replaces them.
    # A head word (駅) or SudachiPy's person-name dictionary says the kind: that span stays.
    text = "ニューヨーク・ヤンキースの田中太郎が大阪駅に着いた"
    assert pos(text) == [("ニューヨーク・ヤンキース", "MISC"), ("田中太郎", "PERSON"), ("大阪駅", "FAC")]
    backend = FakeBackend(("ヤンキース", "ORG"), ("田中", "PERSON"), ("大阪", "GPE"), ("着い", "EVENT"))
    spans = found(text, None, backend)
    assert backend.calls == 1
    assert [(s.text, s.label, s.source) for s in spans] == [
        ("ヤンキース", "ORG", "fake"), ("田中太郎", "PERSON", "pos"), ("大阪駅", "FAC", "pos"), ("着い", "EVENT", "fake")]


def test_backend_may_replace_every_guess_when_asked():
    text = "田中太郎が大阪駅に着いた"
    backend = FakeBackend(("田中", "PERSON"), ("大阪", "GPE"))
    merged = merge_entities(found(text), backend.find(text), replace=None)
    assert [(s.text, s.source) for s in merged] == [("田中", "fake"), ("大阪", "fake")]


def test_merge_adds_backend_spans_where_nothing_overlaps():
    lex = EntitySpan(0, 2, "日本", "Japan", "GPE", "lexicon")
    extra = EntitySpan(3, 6, "ABC", "ABC", "PRODUCT", "ginza")
    assert merge_entities([lex], [extra]) == [lex, extra]
    assert merge_entities([], []) == []
    assert {"MISC", "GPE", "LOC"} == BACKEND_REPLACES


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="東京大学の田中さん、ソフトバンク。", max_size=20),
       st.lists(st.tuples(st.integers(0, 20), st.integers(1, 6)), max_size=3))
def test_blocked_marks_the_morphemes_overlapping_a_taken_span(text, spans):
    from ja_transcript.extract.entities import _blocked

    ms = get_analyzer().analyze(text)
    taken = [(s, s + n) for s, n in spans]
    assert _blocked(ms, taken) == [any(a < m.end and m.start < b for a, b in taken) for m in ms]


def test_given_lexicon_matches_are_used_as_found():
    aliases = default_aliases()
    text = "ソフトバンクの孫正義さんと東京大学"
    ms = get_analyzer().analyze(text)
    assert find_entities(text, ms, aliases, matches=aliases.find(text, ms)) == find_entities(text, ms, aliases)
    assert [s.source for s in find_entities(text, ms, aliases, matches=[])] == ["pos"] * len(pos_entities(text, ms))


def test_regions_and_natural_features_are_loc_cities_gpe():
    from ja_transcript.nlp import get_analyzer

    text = "アジアと関東を回って、富士山の後にナポリへ行った。"
    spans = [(s.text, s.label) for s in pos_entities(text, get_analyzer().analyze(text))]
    assert ("アジア", "LOC") in spans and ("関東", "LOC") in spans and ("ナポリ", "GPE") in spans
    assert ("富士山", "LOC") in spans


def test_term_comes_from_a_lexicon_only():
    # 市場 and 採掘 are TERM because the default lexicon lists them; without it they are no entity
    text = "市場で採掘の話をした"
    assert [(s.text, s.label) for s in found(text, default_aliases())] == [("市場", "TERM"), ("採掘", "TERM")]
    assert found(text, small_aliases('{"label": "ORG", "pattern": "コアウィーブ", "id": "CoreWeave"}')) == []
    assert all(s.label != "TERM" for s in found("半導体の需要と株価の動き", None))
