"""Claims: clause splitting, what is not a claim, subjects, offsets, and the sample transcript."""

import dataclasses
import json
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from ja_transcript.extract.claims import ClaimSpan, find_claims
from ja_transcript.nlp import get_analyzer

CASES = json.loads((Path(__file__).parent / "cases" / "claims_segmentation.json").read_text("utf-8"))
CHAINS = json.loads((Path(__file__).parent / "cases" / "claims_chains.json").read_text("utf-8"))
SHARED = Path(__file__).resolve().parents[2].parent / "shared"  # the project's reference data, beside the checkout
SEED = (SHARED / "eval/seed")


def _ids(group):
    return [pytest.param(c, id=c["text"][:14]) for c in CASES[group]]


@pytest.mark.parametrize("case", _ids("split") + _ids("whole") + _ids("none"))
def test_segmentation(case):
    claims = find_claims(case["text"])
    got = [(c.text, c.evidentiality) for c in claims]
    assert len(claims) == len(case["claims"]), got
    for (key, evidentiality), claim in zip(case["claims"], claims):
        assert key in claim.text and claim.evidentiality == evidentiality, got


def _chain_ids():
    for group, cases in CHAINS.items():
        for c in cases if isinstance(cases, list) else ():
            marks = [pytest.mark.xfail(strict=True, reason=c["xfail"])] if "xfail" in c else []
            yield pytest.param(c, id=f"{group}-{c['text'][:12]}", marks=marks)


@pytest.mark.parametrize("case", list(_chain_ids()))
def test_markers_across_chained_clauses(case):
    test_segmentation(case)


@pytest.mark.parametrize("case", _ids("subjects"))
def test_subject(case):
    claims = find_claims(case["text"])
    assert claims and claims[-1].subject == case["subject"]


def test_markers_name_what_decided():
    assert find_claims("明日は雪が降るらしい。") == [
        ClaimSpan(0, 10, "明日は雪が降るらしい", "reported", ("らしい",), "雪")]
    assert find_claims("たぶん明日は雪が降るかもしれない。")[0].markers == ("たぶん", "かもしれ")


def test_claimspan_is_frozen():
    (claim,) = find_claims("試合は三対一で勝った。")
    with pytest.raises(dataclasses.FrozenInstanceError):
        claim.text = "x"


def test_given_morphemes_are_used_as_is():
    text = "天気予報によると、明日は雪が降るらしいけど、私は晴れると思う。"
    ms = get_analyzer().analyze(text)
    assert find_claims(text, ms) == find_claims(text)
    assert find_claims("", []) == []


def test_several_sentences_in_one_text():
    claims = find_claims("雨が降ったらしい。道が濡れている。本当かな？")
    assert [(c.text, c.evidentiality) for c in claims] == [("雨が降ったらしい", "reported"),
                                                           ("道が濡れている", "asserted")]


FRAGMENTS = ["雨が降るらしい", "試合は延期になった", "たぶん勝つと思う", "こんにちは", "株価が上がったっていうね",
             "彼は医者であり", "何が起きたのか", "野菜を切って", "ちょっと", "えー", "GPUは足りなくなっている",
             "お話ししたいと思います", "かもしれない", "２０％くらい上がった", "ABC社", " "]
JOINERS = ["", "、", "。", "けど、", "ので、", "から", "て、", "？", "\n"]


# Function words and markers in any order: no input may break the scan.
PIECES = ["の", "で", "に", "と", "が", "は", "か", "な", "も", "って", "という", "そう", "よう", "みたい", "らしい",
          "っぽい", "だ", "です", "でしょう", "だろう", "けど", "から", "ので", "し", "て", "、", "。", "？", "ない",
          "思う", "言う", "こと", "はず", "見込み", "模様", "違い", "気", "どう", "やら", "雨", "降る", "降り", "男",
          "によると", "たぶん", "かも", "しれない", "じゃ", "ん", "よ", "ね", "たい", "ください", "何", " ", "\n"]


def _check(text):
    claims = find_claims(text)
    end = 0
    for c in claims:
        assert text[c.start:c.end] == c.text and c.text.strip() == c.text and c.text
        assert c.start >= end
        end = c.end
        assert c.evidentiality in ("asserted", "reported", "speculative")
        assert (c.evidentiality == "asserted") == (c.markers == ())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(JOINERS)), max_size=8))
def test_offsets_slice_back_and_claims_are_ordered(parts):
    _check("".join(f + j for f, j in parts))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=14))
def test_any_sequence_of_function_words(pieces):
    _check("".join(pieces))


def test_text_ending_in_a_nominaliser():
    _check("だろうもによるとってっての")  # ended in の: once read past the last token
    assert [c.text for c in find_claims("雨が降っているので")] == ["雨が降っているので"]


# --- the scan's shortcuts ---------------------------------------------------------------------

def _unfiltered_candidates(sc):
    """Every token after which a clause may end, before the shortcuts of _link_candidates:
    sentence punctuation and conjunctive particles, a predicate or linking particle before a
    comma (or any token before a comma after の), and every token after の."""
    from ja_transcript.extract.claims import scan as S

    flags = [S.CODE_FLAGS[code] for code in sc.codes]
    cands = set()
    for i, f in enumerate(flags):
        if f & S.F_COMMA:
            if i >= 1 and (flags[i - 1] & (S.F_PRED | S.F_LINK) or (i >= 2 and flags[i - 2] & S.F_JUNTAI)):
                cands.add(i - 1)
        elif f & S.F_LINK:
            cands.add(i)
        if f & S.F_JUNTAI and i + 1 < len(flags):
            cands.add(i + 1)
    return sorted(cands)


def _check_shortcuts(text):
    from ja_transcript.extract.claims import clauses as CL, scan as S

    sc = S.Scan(get_analyzer().analyze(text))
    fast = CL.split_clauses(sc)
    original = CL.link_candidates
    try:
        CL.link_candidates = _unfiltered_candidates
        assert CL.split_clauses(sc) == fast, text
    finally:
        CL.link_candidates = original


def test_candidates_left_out_never_end_a_clause():
    texts = [text for text, _ in _sample_sentences()] if SEED.exists() else []
    texts += [c["text"] for group in ("split", "whole", "none", "subjects") for c in CASES[group]]
    texts += ["疲れていたのに、休まなかった。", "時間がないので急ぐ。", "何かというと、雨だ。", "んですけど、のです、"]
    for text in texts:
        _check_shortcuts(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=14))
def test_candidates_left_out_never_end_a_clause_in_any_sequence(pieces):
    _check_shortcuts("".join(pieces))


def test_pos_codes_fit_in_a_byte():
    """Every POS of the dictionary gets a one-byte code for its flags."""
    from sudachipy import Dictionary

    from ja_transcript.extract.claims import scan as S

    dictionary = Dictionary()
    k = 0
    while (pos := dictionary.pos_of(k)) is not None:
        assert S.CODE_FLAGS[S.CODES[pos]] == S.pos_flags(pos)
        k += 1
    assert k > 1000 and len(S.CODE_FLAGS) < 64


# --- the sample transcript, as the pipeline reads it -----------------------------------------

@lru_cache(maxsize=None)
def _sample_document():
    """The pipeline's document of the sample: its own corrections, removals and sentences."""
    from ja_transcript.pipeline import Pipeline

    return Pipeline().process_path(SEED / "iwami_coreweave_news.txt")[0]


def _sample_sentences():
    doc = _sample_document()
    return [(s.text, set(s.lines)) for s in doc.sentences]


@pytest.mark.skipif(not SEED.exists(), reason="sample transcript not available")
def test_sample_transcript_claims_and_evidentiality():
    """The reference's claims (hand-labelled, by line and key phrase) among the pipeline's claims."""
    gold = json.loads((SEED / "iwami_coreweave_news.gold.json").read_text("utf-8"))
    doc = _sample_document()
    lines_of = {s.id: set(s.lines) for s in doc.sentences}
    found = right = 0
    for g in gold["claims"]:
        cand = [c for c in doc.claims if set(g["lines"]) & lines_of[c.sentence] and g["key"] in c.text]
        found += bool(cand)
        right += any(c.evidentiality == g["evidentiality"] for c in cand)
    assert found / len(gold["claims"]) >= 0.9
    assert right / len(gold["claims"]) >= 0.9


@pytest.mark.skipif(not SEED.exists(), reason="sample transcript not available")
def test_sample_greetings_and_questions_are_not_claims():
    texts = [c.text for c in _sample_document().claims]
    for phrase in ("いわみです", "お過ごしでしょうか", "ありがとうございました", "さようなら",
                   "何のニュースなのか", "お話ししたい", "貼っておこう", "終わりにしたい"):
        assert not any(phrase in t for t in texts), phrase


