"""Claims: clause splitting, what is not a claim, subjects, offsets, and the sample transcript."""

import dataclasses
import json
import re
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
    from ja_transcript.extract import claims as C

    flags = [C._CODE_FLAGS[code] for code in sc.codes]
    cands = set()
    for i, f in enumerate(flags):
        if f & C.F_COMMA:
            if i >= 1 and (flags[i - 1] & (C.F_PRED | C.F_LINK) or (i >= 2 and flags[i - 2] & C.F_JUNTAI)):
                cands.add(i - 1)
        elif f & C.F_LINK:
            cands.add(i)
        if f & C.F_JUNTAI and i + 1 < len(flags):
            cands.add(i + 1)
    return sorted(cands)


def _check_shortcuts(text):
    from ja_transcript.extract import claims as C

    sc = C._Scan(get_analyzer().analyze(text))
    fast = C._split(sc)
    original = C._link_candidates
    try:
        C._link_candidates = _unfiltered_candidates
        assert C._split(sc) == fast, text
    finally:
        C._link_candidates = original


def test_candidates_left_out_never_end_a_clause():
    texts = [text for text, _ in _sample_sentences()[1]] if SEED.exists() else []
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

    from ja_transcript.extract import claims as C

    dictionary = Dictionary()
    k = 0
    while (pos := dictionary.pos_of(k)) is not None:
        assert C._CODE_FLAGS[C._CODES[pos]] == C._pos_flags(pos)
        k += 1
    assert k > 1000 and len(C._CODE_FLAGS) < 64


# --- the sample transcript --------------------------------------------------------------------

def _sample_sentences():
    """Sentences of the sample, joined roughly as the pipeline will: lines up to a 。, without
    title, headings and removed duplicates, with the corrections the correction stage makes."""
    gold = json.loads((SEED / "iwami_coreweave_news.gold.json").read_text("utf-8"))
    lines = (SEED / "iwami_coreweave_news.txt").read_text("utf-8").split("\n")
    skip = {1, 90, 127, 182, 121, 122, 63}
    fixes = {"コアビーブ": "CoreWeave", "CoreWeb": "CoreWeave", "暗号試算": "暗号資産"}
    sentences, text, numbers = [], "", set()
    for n, line in enumerate(lines, 1):
        if n in skip:
            continue
        text += re.sub("|".join(fixes), lambda m: fixes[m.group()], line)
        numbers.add(n)
        if line.endswith("。") or n == len(lines):
            sentences.append((text, numbers))
            text, numbers = "", set()
    return gold, sentences


@pytest.mark.skipif(not SEED.exists(), reason="sample transcript not available")
def test_sample_transcript_claims_and_evidentiality():
    gold, sentences = _sample_sentences()
    claims = [(numbers, c) for text, numbers in sentences for c in find_claims(text)]
    found = right = 0
    for g in gold["claims"]:
        cand = [c for numbers, c in claims if set(g["lines"]) & numbers and g["key"] in c.text]
        found += bool(cand)
        right += any(c.evidentiality == g["evidentiality"] for c in cand)
    assert found / len(gold["claims"]) >= 0.9
    assert right / len(gold["claims"]) >= 0.9


@pytest.mark.skipif(not SEED.exists(), reason="sample transcript not available")
def test_sample_greetings_and_questions_are_not_claims():
    _, sentences = _sample_sentences()
    texts = [c.text for text, _ in sentences for c in find_claims(text)]
    for phrase in ("いわみです", "お過ごしでしょうか", "ありがとうございました", "さようなら",
                   "何のニュースなのか", "お話ししたい", "貼っておこう", "終わりにしたい"):
        assert not any(phrase in t for t in texts), phrase


# --- frozen outputs: any change of the rules or of their speed-ups shows here -----------------
#
# claims_reference_outputs.json holds every ClaimSpan field (the text as start:end) found on the
# case files, the sample transcript's sentences, random sequences of FRAGMENTS / PIECES and (by
# id) the JSeM sentences. Rewrite it only on purpose, after checking the differences:
#     .venv/bin/python tests/extract/test_claims.py --update-reference

REFERENCE = Path(__file__).parent / "cases" / "claims_reference_outputs.json"
JSEM = (SHARED / "eval/modality/jsem_evidentiality.json")


def _encode(text):
    return [[c.start, c.end, c.evidentiality, list(c.markers), c.subject] for c in find_claims(text)]


def _reference_texts():
    import random

    cases = Path(__file__).parent / "cases"
    texts = [c["text"] for name in ("claims_segmentation", "claims_evidentiality", "claims_unseen", "claims_chains")
             for group in json.loads((cases / f"{name}.json").read_text("utf-8")).values()
             if isinstance(group, list) for c in group]
    texts += [text for text, _ in _sample_sentences()[1]]
    rng = random.Random(20)
    for _ in range(150):
        texts.append("".join(rng.choice(FRAGMENTS) + rng.choice(JOINERS) for _ in range(rng.randint(1, 8))))
        texts.append("".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14))))
    return list(dict.fromkeys(texts))


def _update_reference():
    jsem = {item["jsem_id"]: _encode(item["text"]) for item in json.loads(JSEM.read_text("utf-8"))}
    data = {"about": "find_claims outputs, each claim as [start, end, evidentiality, markers, subject]; "
                     "written by tests/extract/test_claims.py --update-reference",
            "texts": {text: _encode(text) for text in _reference_texts()}, "jsem": jsem}
    dump = lambda value: json.dumps(value, ensure_ascii=False)  # noqa: E731
    lines = [f'{{\n"about": {dump(data["about"])},']
    for key in ("texts", "jsem"):  # one entry a line, so that a diff shows which text changed
        entries = ",\n".join(f"{dump(k)}: {dump(v)}" for k, v in data[key].items())
        lines.append(f'"{key}": {{\n{entries}\n}}' + ("," if key == "texts" else ""))
    REFERENCE.write_text("\n".join(lines) + "\n}\n", "utf-8")


def test_same_results_on_reference_texts():
    reference = json.loads(REFERENCE.read_text("utf-8"))
    assert len(reference["texts"]) > 300
    for text, expected in reference["texts"].items():
        assert _encode(text) == expected, text
        assert all(c.text == text[c.start:c.end] for c in find_claims(text))


@pytest.mark.skipif(not JSEM.exists(), reason="JSeM evidentiality set not available")
def test_same_results_on_jsem():
    expected = json.loads(REFERENCE.read_text("utf-8"))["jsem"]
    items = json.loads(JSEM.read_text("utf-8"))
    assert {item["jsem_id"] for item in items} == set(expected)
    for item in items:
        assert _encode(item["text"]) == expected[item["jsem_id"]], item["text"]


if __name__ == "__main__":
    import sys

    if "--update-reference" in sys.argv:
        _update_reference()
        print(f"wrote {REFERENCE}")
