import json

import pytest

from ja_transcript.correct.lexicon import Lexicon, fold, load_lexicon, parse_lines, read_lexicon_file
from ja_transcript.errors import LexiconError


def line(**kw):
    return json.dumps(kw, ensure_ascii=False)


def test_good_lines_comments_and_blank_lines():
    entries, errors = parse_lines(["# sources: ...", "", line(label="ORG", pattern="トヨタ", id="Toyota")])
    assert errors == [] and [(e.pattern, e.id, e.label) for e in entries] == [("トヨタ", "Toyota", "ORG")]


@pytest.mark.parametrize("bad, needle", [
    ("{not json", "not a JSON object"),
    ("[1, 2]", "not a JSON object"),
    (line(label="ORG", pattern="トヨタ"), 'missing "id"'),
    (line(label="ORG", pattern=[{"LOWER": "toyota"}], id="Toyota"), "plain string"),
    (line(label="org", pattern="トヨタ", id="Toyota"), "upper-case"),
    (line(label="ORG", pattern="  ", id="Toyota"), "non-empty"),
    (line(label="PERSON", pattern="宮崎駿", id="宮崎駿", reading="Miyazaki"), '"reading" must be'),
    (line(label="PERSON", pattern="宮崎駿", id="宮崎駿", reading=""), '"reading" must be'),
    (line(label="PERSON", pattern="宮崎駿", id="宮崎駿", reading="宮崎はやお"), '"reading" must be'),
])
def test_bad_lines_are_reported_by_number_and_the_rest_is_kept(bad, needle):
    good = line(label="ORG", pattern="トヨタ", id="Toyota")
    entries, errors = parse_lines([good, bad], "my.jsonl")
    assert len(entries) == 1 and len(errors) == 1
    message = str(errors[0])
    assert "my.jsonl, line 2" in message and needle in message


def test_alias_of_two_ids_is_an_error():
    entries, errors = parse_lines([line(label="ORG", pattern="メタ", id="Meta"),
                                   line(label="TERM", pattern="メタ", id="メタ")], "x.jsonl")
    assert len(entries) == 1 and "line 1" in str(errors[0]) and "x.jsonl, line 2" in str(errors[0])


def test_load_strict_raises_with_file_and_line(tmp_path):
    path = tmp_path / "lex.jsonl"
    path.write_text(line(label="ORG", pattern="A社", id="A") + "\n{oops\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="lex.jsonl, line 2"):
        load_lexicon([path], use_default=False)
    assert len(load_lexicon([path], use_default=False, strict=False)) == 1


def test_missing_file_names_it(tmp_path):
    with pytest.raises(LexiconError, match="nope.jsonl"):
        read_lexicon_file(tmp_path / "nope.jsonl")


def test_later_file_overrides_an_alias():
    lex = Lexicon(list(parse_lines([line(label="ORG", pattern="ジェミニ", id="Gemini")])[0])
                  + list(parse_lines([line(label="PRODUCT", pattern="ジェミニ", id="Google Gemini")])[0]))
    assert lex.by_alias["ジェミニ"].id == "Google Gemini"


def test_fold_keeps_length():
    text = "ＮＶＩＤＩＡとNvidia"
    assert len(fold(text)) == len(text) and fold(text) == "nvidiaとnvidia"


def test_default_lexicon_loads():
    lex = load_lexicon()
    assert len(lex.ids) >= 150


def test_a_reading_is_kept_in_katakana_for_its_line_only():
    entries, errors = parse_lines([line(label="PERSON", pattern="宮崎駿", id="Hayao Miyazaki", reading="みやざきはやお")])
    assert errors == [] and entries[0].reading == "ミヤザキハヤオ"
    lexicon = Lexicon(entries)
    assert lexicon.by_alias[fold("宮崎駿")].reading == "ミヤザキハヤオ"
    assert lexicon.by_alias[fold("Hayao Miyazaki")].reading == ""  # the id is another spelling, read as it stands
