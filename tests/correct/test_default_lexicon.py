"""The built-in default lexicon: format, size, uniqueness and the names a transcript of the domain needs."""

import json
import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from importlib.resources import files

import pytest

LABELS = {"ORG", "PRODUCT", "PERSON", "GPE", "LOC", "FAC", "EVENT", "TERM"}
_HIRAGANA = re.compile(r"^[\u3041-\u309f]+$")


@lru_cache(maxsize=1)
def _text() -> str:
    return (files("ja_transcript") / "data" / "default_lexicon.jsonl").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _rows() -> tuple[dict, ...]:
    return tuple(json.loads(line) for line in _text().splitlines() if line.strip() and not line.startswith("#"))


def _aliases() -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for row in _rows():
        out[row["id"]].add(row["pattern"])
    return out


def _key(pattern: str) -> str:
    # Matching folds Latin case and width, so NVIDIA and ｎｖｉｄｉａ are one alias.
    return unicodedata.normalize("NFKC", pattern).casefold()


def test_every_line_is_a_comment_or_a_pattern_object():
    lines = _text().splitlines()
    assert lines, "the default lexicon is empty"
    for number, line in enumerate(lines, start=1):
        if line.startswith("#"):
            continue
        assert line.strip(), f"line {number} is blank: readers of plain JSON Lines reject it"
        obj = json.loads(line)
        assert {"label", "pattern", "id"} <= set(obj) <= {"label", "pattern", "id", "written", "reading"}, \
            f"line {number}: keys {sorted(obj)}"
        assert obj["label"] in LABELS, f"line {number}: label {obj['label']!r}"
        for key in ("pattern", "id", *(("written",) if "written" in obj else ())):
            value = obj[key]
            assert isinstance(value, str) and value == value.strip() and value, f"line {number}: {key} {value!r}"


def test_header_names_sources_date_and_licence():
    header = "\n".join(line for line in _text().splitlines() if line.startswith("#"))
    for source in ("NASDAQ-100", "Nikkei 225", "TOPIX Core30", "資金決済法", "JVCEA", "JPX", "金融庁", "ISO 3166",
                   "JIS X 0304", "Wikipedia"):
        assert source in header, source
    assert re.search(r"Date: \d{4}-\d{2}-\d{2}", header)
    assert "CC0-1.0" in header


def test_every_group_names_its_sources():
    groups = _text().split("# --- ")[1:]
    assert len(groups) >= 10
    for group in groups:
        title, *rest = group.splitlines()
        assert any(line.startswith("# Sources:") for line in rest[:3]), title


def test_every_name_has_its_written_form_on_its_id_line():
    written = {r["id"]: r.get("written") for r in _rows() if r["pattern"] == r["id"]}
    missing = [i for i, label in {r["id"]: r["label"] for r in _rows()}.items() if label != "TERM" and not written[i]]
    assert missing == []


@pytest.mark.parametrize("canonical, written", [
    ("United States", "アメリカ"), ("Japan", "日本"), ("China", "中国"), ("United Kingdom", "イギリス"),
    ("Tokyo", "東京都"), ("Kyiv", "キーウ"), ("CoreWeave", "CoreWeave"), ("Bitcoin", "ビットコイン"),
    ("Sam Altman", "サム・アルトマン"), ("Xi Jinping", "習近平"), ("トヨタ自動車", "トヨタ自動車"),
])
def test_written_forms_are_japanese_usage(canonical, written):
    assert {r.get("written") for r in _rows() if r["id"] == canonical and r["pattern"] == canonical} == {written}


def test_size_and_spread():
    assert 1000 <= len(_rows()) <= 2000
    labels = {row["id"]: row["label"] for row in _rows()}
    assert len(labels) >= 600
    per_label = defaultdict(int)
    for label in labels.values():
        per_label[label] += 1
    assert per_label["TERM"] >= 60
    for label in ("ORG", "PRODUCT", "PERSON", "GPE"):
        assert per_label[label] >= 15, (label, per_label[label])


def test_an_id_has_one_label_and_a_line_of_its_own():
    labels: dict[str, set[str]] = defaultdict(set)
    for row in _rows():
        labels[row["id"]].add(row["label"])
    assert {i: ls for i, ls in labels.items() if len(ls) > 1} == {}
    assert [i for i, patterns in _aliases().items() if i not in patterns] == []


def test_no_alias_under_two_ids():
    owner: dict[str, str] = {}
    clashes = []
    for row in _rows():
        key = _key(row["pattern"])
        if owner.setdefault(key, row["id"]) != row["id"]:
            clashes.append((row["pattern"], owner[key], row["id"]))
    assert clashes == []


def test_no_repeated_lines():
    seen = [(r["label"], r["pattern"], r["id"]) for r in _rows()]
    assert len(seen) == len(set(seen))


def test_no_one_character_or_all_hiragana_alias():
    assert [r["pattern"] for r in _rows() if len(r["pattern"]) < 2] == []
    assert [r["pattern"] for r in _rows() if _HIRAGANA.match(r["pattern"])] == []


@pytest.mark.parametrize("word", [
    "米", "メタ", "マスク", "トランプ", "サークル", "マイナー", "リンゴ", "アーム", "ストラテジー", "US",
    "タイ", "チリ", "スイカ", "チップ", "大分", "京大", "理研",
])
def test_everyday_words_are_not_aliases(word):
    # Each is an ordinary word (rice, meta-, face mask, playing cards, club, minor, ...) that
    # would tag or "correct" unrelated speech.
    assert _key(word) not in {_key(r["pattern"]) for r in _rows()}


@pytest.mark.parametrize("misheard", ["コアビーブ", "CoreWeb", "サツタバ", "暗号試算", "給投", "急凍"])
def test_misheard_forms_are_not_listed(misheard):
    # The correction stage must find these by sound and reading; a listed mishearing would
    # turn a correction into a plain mention.
    assert misheard not in {r["pattern"] for r in _rows()}


@pytest.mark.parametrize("canonical, label, patterns", [
    ("CoreWeave", "ORG", {"CoreWeave", "コアウィーブ"}),
    ("OpenAI", "ORG", {"OpenAI", "オープンAI"}),
    ("NVIDIA", "ORG", {"NVIDIA", "エヌビディア"}),
    ("Google", "ORG", {"Google", "グーグル"}),
    ("CoinDesk", "ORG", {"コインデスク", "コインデスクジャパン"}),
    ("ChatGPT", "PRODUCT", {"ChatGPT"}),
    ("Gemini", "PRODUCT", {"Gemini", "ジェミニ"}),
    ("Bitcoin", "PRODUCT", {"ビットコイン"}),
    ("Meta", "ORG", {"Meta", "メタ・プラットフォームズ"}),
    ("ソフトバンクグループ", "ORG", {"ソフトバンクグループ"}),
    ("Sam Altman", "PERSON", {"サム・アルトマン"}),
    ("United States", "GPE", {"アメリカ", "米国"}),
    ("Japan", "GPE", {"日本"}),
    ("China", "GPE", {"中国"}),
    ("暗号資産", "TERM", {"暗号資産"}),
    ("仮想通貨", "TERM", {"仮想通貨"}),
    ("急騰", "TERM", {"急騰"}),
    ("札束", "TERM", {"札束"}),
    ("時価総額", "TERM", {"時価総額"}),
    ("半導体", "TERM", {"半導体"}),
])
def test_names_of_the_domain_are_present(canonical, label, patterns):
    rows = [r for r in _rows() if r["id"] == canonical]
    assert rows, canonical
    assert {r["label"] for r in rows} == {label}
    assert patterns <= {r["pattern"] for r in rows}


def test_loads_as_spacy_entity_ruler_patterns():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("ja")
    nlp.add_pipe("entity_ruler").add_patterns(list(_rows()))
    doc = nlp("オープンAIとコアウィーブの契約でエヌビディアの株価が急騰した。")
    found = {(ent.text, ent.label_, ent.ent_id_) for ent in doc.ents}
    assert {("オープンAI", "ORG", "OpenAI"), ("コアウィーブ", "ORG", "CoreWeave"),
            ("エヌビディア", "ORG", "NVIDIA"), ("急騰", "TERM", "急騰")} <= found


def test_a_written_form_names_no_other_id():
    # The written form is itself a mention of its id: one that is another id's alias would make a
    # corrected name read back as that other entity.
    owner = {_key(r["pattern"]): r["id"] for r in _rows()}
    assert [(r["id"], r["written"]) for r in _rows()
            if "written" in r and owner.get(_key(r["written"]), r["id"]) != r["id"]] == []


def test_readings_are_given_for_peoples_kanji_names_only_and_are_kana():
    # a reading is how a person's name is said where SudachiPy reads it otherwise; places,
    # companies and terms are read by the dictionary
    for number, line in enumerate(_text().splitlines(), start=1):
        if line.startswith("{") and "reading" in (obj := json.loads(line)):
            assert obj["label"] == "PERSON" and not obj["pattern"].isascii(), f"line {number}"
            assert all("ァ" <= ch <= "ヺ" or ch == "ー" for ch in obj["reading"]), f"line {number}: {obj['reading']}"
