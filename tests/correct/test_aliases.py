import json

from ja_transcript.correct.aliases import AliasMatcher
from ja_transcript.correct.lexicon import Lexicon, parse_lines
from ja_transcript.nlp import get_analyzer


def matcher(*rows):
    entries, errors = parse_lines([json.dumps(dict(zip(("label", "pattern", "id"), r)), ensure_ascii=False)
                                   for r in rows])
    assert not errors
    return AliasMatcher(Lexicon(entries))


def find(m, text):
    return [(text[s:e], entry.id) for s, e, entry in m.find(text, get_analyzer().analyze(text))]


def test_longest_alias_wins_and_case_and_width_fold():
    m = matcher(("ORG", "コインデスク", "CoinDesk"), ("ORG", "コインデスクジャパン", "CoinDesk Japan"),
                ("ORG", "NVIDIA", "NVIDIA"))
    assert find(m, "コインデスクジャパンの記事とＮｖｉｄｉａの株") == [("コインデスクジャパン", "CoinDesk Japan"),
                                                         ("Ｎｖｉｄｉａ", "NVIDIA")]


def test_alias_inside_a_longer_word_is_not_a_match():
    m = matcher(("GPE", "日本", "Japan"), ("ORG", "ソフト", "Soft"))
    assert find(m, "日本語のソフトウェア") == []
    assert find(m, "日本のソフト") == [("日本", "Japan"), ("ソフト", "Soft")]


def test_a_match_may_cross_a_join_only_between_two_characters_of_an_alias():
    m = matcher(("ORG", "ソフトバンク", "SoftBank"), ("ORG", "NVIDIA", "NVIDIA"))
    assert m.may_cross("ソフトバンク", 3) and m.may_cross("ＮＶidia", 2)
    assert not m.may_cross("ソフト。バンク", 4) and not m.may_cross("ソフト", 0) and not m.may_cross("ソフト", 3)


def test_text_without_the_first_character_of_any_alias_has_no_match():
    m = matcher(("ORG", "ソフトバンク", "SoftBank"))
    assert find(m, "今日はいい天気ですね") == [] and find(m, "今日はソフトバンク") == [("ソフトバンク", "SoftBank")]
