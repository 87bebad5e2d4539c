"""A dictionary word heard for a lexicon term, decided by the lines around it.

The transcripts below were written and labelled by hand: in the first set a dictionary word
stands where the speaker said the domain's term, and the lines around say so (the term's
field is named there, not in the word's own line); in the second, the same word is just the
word, in everyday talk, with the same domain lexicon loaded. Each runs whole through the
pipeline, which hands each line the mentions of its neighbours (`window_mentions`).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from ja_transcript import Options, Pipeline
from ja_transcript.correct.corrector import window_mentions

CASES = Path(__file__).parent / "cases" / "context"

# (domain, transcript, line (1-based), heard, term)
TERM_SAID = [
    ("conferences", "今年の学会は京都で開かれました。\n登壇者は全部で三十人ほどいました。\n"
                    "初日の公園では、AIの安全性が話題になりました。\n質疑応答もかなり盛り上がりましたね。\n"
                    "二日目の講演は録画で見られます。", 3, "公園", "講演"),
    ("medicine", "この薬は副作用が少ないと言われています。\nただ、どんな賞状が出たら受診すべきか知っておいてください。\n"
                 "処方された量は必ず守ってくださいね。", 2, "賞状", "症状"),
    ("politics", "国会の会期末が近づいてきました。\n内閣の支持率は下がり続けています。\n"
                 "年内に海産があるという見方も出ています。", 3, "海産", "解散"),
    ("baseball", "今日の先発は五回まで無失点でした。\n六回から中継ぎが出てきましたね。\n"
                 "七回に二点の特典を挙げて逆転しました。\nこの得点で試合が決まりました。", 3, "特典", "得点"),
    ("baseball", "今日の先発は五回まで無失点でした。\n六回から中継ぎが出てきましたね。\n"
                 "七回に二点の特典を挙げて逆転しました。\n継投がうまくはまった試合でした。", 3, "特典", "得点"),
]

# Known misses: (case index, cause). Strict xfails, so fixing the cause shows up here.
TERM_MISSES: dict[int, str] = {}

# (domain, transcript, the word that must stay)
WORD_SAID = [
    ("conferences", "日曜日は子供と公園に行きました。\n天気が良くて、公園は人でいっぱいでした。\n"
                    "お弁当を食べてから帰りました。", "公園"),
    ("medicine", "表彰式で賞状と記念品をもらったよ。\nすごいね、何の賞状？\n読書感想文のやつ。", "賞状"),
    ("politics", "港の直売所で新鮮な海産を仕入れてきたよ。\n今夜はお刺身にしようか。", "海産"),
    ("baseball", "このカードを作ると特典がつきますよ。\n特典ってどんなのですか？\n次のお買い物で使えるクーポンです。",
     "特典"),
]


@lru_cache(maxsize=None)
def pipeline(domain: str) -> Pipeline:
    return Pipeline(lexicons=[CASES / f"{domain}.jsonl"], options=Options())


def corrections(domain: str, text: str) -> list:
    return [c for c in pipeline(domain).process_text(text, format="txt").corrections if c.canonical is not None]


@pytest.mark.parametrize("k", range(len(TERM_SAID)))
def test_term_said_is_corrected_by_its_context(k):
    domain, text, line, heard, term = TERM_SAID[k]
    found = [(c.line, c.original, c.canonical) for c in corrections(domain, text)]
    if k in TERM_MISSES and (line, heard, term) not in found:
        pytest.xfail(TERM_MISSES[k])
    assert k not in TERM_MISSES, "a known miss is now corrected: remove it from TERM_MISSES"
    assert found == [(line, heard, term)]


@pytest.mark.parametrize("k", range(len(WORD_SAID)))
def test_word_said_stays_in_everyday_talk(k):
    domain, text, word = WORD_SAID[k]
    assert word in text
    assert corrections(domain, text) == []


@pytest.mark.xfail(strict=True, reason="the line's own words (年内, 見方: news of a forecast) fit 解散 better "
                                        "than 海産, so it is corrected after small talk too (0.85; 0.98 after "
                                        "the field's names)")
def test_the_same_line_is_the_term_or_the_word_by_its_neighbours():
    """One line, two transcripts: among the field's names it is the term, in small talk the word."""
    line = "年内に海産があるという見方も出ています。"
    topical = corrections("politics", f"国会の会期末が近づいてきました。\n内閣の支持率は下がり続けています。\n{line}")
    small_talk = corrections("politics", f"今日はいい天気ですね。\nお昼は何にしましょうか。\n{line}")
    assert small_talk == []
    assert [(c.original, c.canonical) for c in topical] == [("海産", "解散")]


def test_corrector_weighs_the_window_it_is_given():
    """Corrector.scored_candidates is a pure function of its inputs: the neighbours' mentions come
    in, and names of the term's field there make the term more likely."""
    p = pipeline("politics")
    line = "内閣は年内の海産も視野に入れています。"  # 内閣 in the line lets the dictionary word in
    morphemes = p.analyzer.analyze(line)
    mentions = p.aliases.find(line, morphemes)
    protected = [(a, b) for a, b, _ in mentions]
    entries = {e.id: e for e in p.lexicon.entries}
    around = [(1, "国会", entries["国会"]), (2, "会期末", entries["会期末"])]

    def confidence(window) -> float:
        evidence = Counter(e.id for *_, e in [*mentions, *window])
        [(cand, x)] = [(c, x) for c, x in p.corrector.scored_candidates(line, morphemes, evidence, protected, window)
                       if line[c.start:c.end] == "海産"]
        assert cand.entry.id == "解散"
        return p.corrector.model.probability(x)

    assert confidence(around) > confidence([]) + 0.1


def test_window_mentions_are_the_neighbours_within_the_width():
    p = pipeline("politics")
    texts = ["国会が開かれた。", "こんにちは。", "今日は晴れ。", "内閣が替わった。", "さようなら。"]
    matches = [p.aliases.find(t, p.analyzer.analyze(t)) for t in texts]
    got = [(d, s) for d, s, _ in window_mentions(matches, texts, 1, 2)]
    assert got == [(1, "国会"), (2, "内閣")]
    assert window_mentions(matches, texts, 4, 0) == []
