"""The invariants of the output document (README: Guarantees), on transcripts of several kinds."""

import re
from pathlib import Path

import jsonschema  # noqa: F401  (check_document validates against the JSON Schema with it)
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from ja_transcript.correct.lexicon import Entry, Lexicon
from ja_transcript.invariants import check_document
from ja_transcript.pipeline import Options, Pipeline
from ja_transcript.readers import read_bytes
from ja_transcript.writers import to_json

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "iwami_coreweave_news.txt"

COOKING = """週末の料理教室
こんにちは、今日はね、鶏の唐揚げを作っていきます。
まず鶏もも肉を300グラムくらい用意して、
一口大に切っていきます。
一口大に切っていきます。
一口大に切っていきます。
下味の付け方
醤油を大さじ2杯、
生姜とニンニクを入れて30分ほど置きます。
たぶんこれが一番大事なポイントだと思います。
油の温度は170度くらいが良いらしいです。

はい。
それでは揚げていきましょう。
"""

SMALL_TALK = "昨日さ、駅前のカフェに行ったんだけど\r\nすごく混んでて、\r\n結局コンビニでコーヒー買ったよ。\r\nえー、そうなんだ。\r\n"


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def process(pipeline, text, path="t.txt"):
    return pipeline.process(read_bytes(text.encode("utf-8"), path, format="txt").transcripts[0])


def check_invariants(doc, text):
    d = doc.model_dump(mode="json")
    expected = re.split(r"\r\n|\r|\n", text)
    if expected[-1] == "":  # a final newline ends the last line; it does not start another
        expected.pop()
    assert check_document(d, expected) == []
    return d


@pytest.mark.parametrize("text", [COOKING, SMALL_TALK, SAMPLE.read_text(encoding="utf-8"), "", "\n\n", "はい"])
def test_invariants(pipeline, text):
    check_invariants(process(pipeline, text), text)


def test_cooking_show_structure_dedup_and_extraction(pipeline):
    d = check_invariants(process(pipeline, COOKING), COOKING)
    kinds = [l["kind"] for l in d["lines"]]
    assert kinds[0] == "title" and kinds[6] == "heading" and kinds[11] == "blank"
    assert d["title"] == "週末の料理教室"
    assert [l["n"] for l in d["lines"] if l["removed"]] == [5, 6]
    assert all(l["removed"]["duplicate_of"] == 4 for l in d["lines"] if l["removed"])
    # the heading on line 7 is not part of any sentence; lines 8-9 make one sentence
    assert any(s["lines"] == [8, 9] for s in d["sentences"])
    assert all(7 not in s["lines"] for s in d["sentences"])
    units = {(a["kind"], a.get("unit")) for a in d["amounts"]}
    assert ("percent", "%") not in units and any(k == "duration" for k, _ in units)
    ev = {c["evidentiality"] for c in d["claims"]}
    assert {"speculative", "reported"} <= ev


def test_sample_parts(pipeline):
    d = check_invariants(process(pipeline, SAMPLE.read_text(encoding="utf-8")), SAMPLE.read_text(encoding="utf-8"))
    assert {l["n"] for l in d["lines"] if l["kind"] in ("title", "heading")} == {1, 90, 127, 182}
    assert any({126, 128, 129} <= set(s["lines"]) for s in d["sentences"])
    assert any({181, 183} <= set(s["lines"]) for s in d["sentences"])
    for part in ("corrections", "sentences", "entities", "amounts", "claims"):
        assert d[part], part


def test_deterministic_byte_identical(pipeline):
    a = to_json(process(pipeline, COOKING))
    b = to_json(Pipeline().process(read_bytes(COOKING.encode("utf-8"), "t.txt", format="txt").transcripts[0]))
    assert a == b


def test_stages_switch_off():
    text = "暗号試算が急凍した。\n暗号試算が急凍した。\n"
    d = process(Pipeline(options=Options(correct=False, dedup=False)), text).model_dump()
    assert d["corrections"] == [] and not any(l["removed"] for l in d["lines"])
    d = process(Pipeline(options=Options(dedup=False)), text).model_dump()
    assert d["lines"][0]["clean"] == "暗号資産が急騰した。"


line_text = st.text(alphabet=st.sampled_from(list("あいうえおかきくけこ暗号試算急凍、。 ABCはいそうですね")), max_size=25)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(line_text, max_size=12), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_every_line_kept_and_replayed_for_any_input(pipeline, lines, newline, final):
    text = newline.join(lines) + (newline if final and lines else "")
    doc = process(pipeline, text)
    check_invariants(doc, text)


names_line = st.text(alphabet=st.sampled_from(list("ソフトバンク日本語のとはCoreWeaveコアウィーブ、。 ")), max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(names_line, min_size=1, max_size=8))
def test_sentence_matches_taken_from_lines_are_those_of_the_sentence(pipeline, monkeypatch, lines):
    """Aliases are matched once per line; a sentence takes its lines' matches unless one may
    run across a join of lines, where the sentence is matched itself."""
    import ja_transcript.pipeline as pl
    from ja_transcript.extract.entities import find_entities

    def checked(text, morphemes, aliases, backend=None, *, matches=None):
        if matches is not None:
            assert matches == aliases.find(text, morphemes), text
        return find_entities(text, morphemes, aliases, backend, matches=matches)

    monkeypatch.setattr(pl, "find_entities", checked)
    process(pipeline, "\n".join(lines))


def test_an_alias_split_over_two_lines_is_found_in_their_sentence():
    lexicon = Lexicon([Entry("ソフトバンク", "SoftBank", "ORG")])
    d = process(Pipeline(lexicon=lexicon), "今日はソフト\nバンクの話です。\n")
    assert [(e.text, e.canonical) for e in d.entities] == [("ソフトバンク", "SoftBank")]


def test_run_hands_records_to_the_sink_one_by_one_in_document_order(pipeline):
    """`Pipeline.run` streams: each record reaches the sink as it is made, none is gathered first."""
    from ja_transcript.pipeline import DocumentBuilder

    raw = read_bytes(COOKING.encode("utf-8"), "t.txt", format="txt").transcripts[0]
    calls = []

    class Recorder(DocumentBuilder):
        def start(self, **fields):
            calls.append(("start", None))
            super().start(**fields)

        def add(self, section, record):
            calls.append((section, record))
            super().add(section, record)

        def finish(self, **fields):
            calls.append(("finish", None))
            return super().finish(**fields)

    doc = pipeline.run(raw, Recorder())
    assert doc == pipeline.process(raw) and to_json(doc) == to_json(process(pipeline, COOKING))
    names = [name for name, _ in calls]
    assert names[0] == "start" and names[-1] == "finish"
    order = {"lines": 0, "corrections": 1, "sentences": 2, "entities": 2, "amounts": 2, "claims": 2}
    ranks = [order[n] for n in names[1:-1]]
    assert ranks == sorted(ranks) and names.count("lines") == len(doc.lines)
    # each sentence's entities, amounts and claims come right after it, before the next sentence
    current = -1
    for name, record in calls[1:-1]:
        if name == "sentences":
            current = record.id
        elif name in ("entities", "amounts", "claims"):
            assert record.sentence == current
