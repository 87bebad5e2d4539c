"""Claims of spoken sentences in three domains, labelled by hand clause by clause
(cases/claims_domains.json, development; cases/claims_domains_heldout.json, held out), and
minimal pairs for how far a marker reaches: its own clause, the plain て-clauses leading
into it, not a polite or a けど / が clause."""

import json
from pathlib import Path

import pytest

from ja_transcript.extract.claims import find_claims
from ja_transcript.extract.evidentiality import sentence_evidentiality

CASES = Path(__file__).parent / "cases"


def load(name):
    return json.loads((CASES / name).read_text("utf-8"))["cases"]


def label_of(claims, key):
    """The evidentiality of the claim holding `key`; None when no claim holds it."""
    return next((c.evidentiality for c in claims if key in c.text), None)


def clause_accuracy(cases):
    right = total = 0
    for case in cases:
        claims = find_claims(case["text"])
        for key, want in case["claims"]:
            right += label_of(claims, key) == want
            total += 1
    return right / total


def test_the_sets_are_large_and_varied():
    dev, held = load("claims_domains.json"), load("claims_domains_heldout.json")
    for cases in (dev, held):
        domains = {c["domain"] for c in cases}
        assert len(domains) >= 3
        for d in domains:
            labels = {w for c in cases if c["domain"] == d for _, w in c["claims"]}
            assert {"asserted", "reported", "speculative"} <= labels
    assert len(dev) + len(held) >= 450
    assert not {c["text"] for c in dev} & {c["text"] for c in held}


def test_every_key_names_its_clause():
    for case in load("claims_domains.json") + load("claims_domains_heldout.json"):
        for key, _ in case["claims"]:
            assert key in case["text"], case


def test_development_floor():
    assert clause_accuracy(load("claims_domains.json")) >= 0.97


def test_held_out_floor():
    assert clause_accuracy(load("claims_domains_heldout.json")) >= 0.9


# Hand-labelled minimal pairs, written for these tests: (sentence, [(key, evidentiality)]).
SCOPE = [
    # a plain て-clause is inside the modality that closes its chain
    ("兄は大学をやめて、東京で店を開いたらしい。", [("大学をやめて", "reported"), ("店を開いた", "reported")]),
    ("選手たちは朝から走り込んで、かなり疲れているようだ。", [("朝から走り込んで", "speculative"),
                                                           ("かなり疲れている", "speculative")]),
    # a polite て-form makes a statement of its own
    ("駅前に古い本屋がありまして、そこが来月閉店するそうです。", [("古い本屋がありまして", "asserted"),
                                                             ("来月閉店する", "reported")]),
    ("私の叔父は漁師でして、今年はサンマが全然獲れないらしいです。", [("叔父は漁師でして", "asserted"),
                                                                  ("全然獲れない", "reported")]),
    # けど / が / から / ので clauses keep their own markers
    ("新しい監督が来るらしいけど、僕はまだ会っていない。", [("監督が来る", "reported"), ("まだ会っていない", "asserted")]),
    ("工場は止まっていますが、来週には再開する見込みです。", [("工場は止まって", "asserted"), ("来週には再開", "speculative")]),
    ("道が混んでいたので、たぶん遅れると思います。", [("道が混んでいた", "asserted"), ("遅れる", "speculative")]),
    # a final particle after a polite predicate closes an utterance
    ("外がうるさいですね、工事でも始まったのかな。", [("外がうるさい", "asserted"), ("工事でも始まった", "speculative")]),
    # a condition is part of the claim it frames; what marks the condition does not mark the claim
    ("友達が結婚するって聞いたら、なんだか嬉しくなった。", [("嬉しくなった", "asserted")]),
    ("この薬を飲めば、すぐに熱が下がるはずです。", [("熱が下がる", "speculative")]),
    ("専門家によると、気温が上がれば、虫が増えるということです。", [("虫が増える", "reported")]),
    # a question after が asks about the clause before it, which stays a claim
    ("この橋は来年架け替えられると聞きましたが、本当ですか。", [("架け替えられる", "reported"), ("本当", None)]),
]


@pytest.mark.parametrize("text, labels", SCOPE)
def test_a_marker_reaches_as_far_as_the_grammar_says(text, labels):
    claims = find_claims(text)
    for key, want in labels:
        assert label_of(claims, key) == want, (key, [(c.text, c.evidentiality) for c in claims])


@pytest.mark.parametrize("text, expected", [
    ("佐藤さんは来月から海外に赴任するらしくて、私は何も知らなかった。", "reported"),
    ("この道は夜になると暗いです。", "asserted"),
    ("明日は晴れると思いますが、傘は持っていきます。", "speculative"),
    ("店長は辞めたって聞いたけど、たぶん噂でしょう。", "speculative"),
])
def test_a_sentence_is_judged_by_all_its_claims(text, expected):
    assert sentence_evidentiality([c.evidentiality for c in find_claims(text)]) == expected
