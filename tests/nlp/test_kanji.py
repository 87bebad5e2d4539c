import importlib.util
import os
import re
import sqlite3
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from ja_transcript.nlp.kanji import _span_readings, _table, can_read, kanji_readings, span_readings

ROOT = Path(__file__).resolve().parents[2]
KATAKANA = re.compile(r"^[ァ-ヺー]+$")


def _tsv_text() -> str:
    return (resources.files("ja_transcript") / "data" / "kanji_readings.tsv").read_text(encoding="utf-8")


def _builder():
    spec = importlib.util.spec_from_file_location("build_kanji_readings", ROOT / "scripts" / "build_kanji_readings.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the packaged table ---------------------------------------------------------------


def test_header_names_source_licence_and_attribution():
    header = [line for line in _tsv_text().splitlines() if line.startswith("#")]
    text = "\n".join(header)
    assert "KANJIDIC2" in text
    assert "Electronic Dictionary Research and Development Group" in text
    assert "CC BY-SA" in text and "creativecommons.org/licenses/by-sa" in text
    assert "edrdg.org/edrdg/licence.html" in text
    assert "scripts/build_kanji_readings.py" in text
    assert re.search(r"^# date: \d{4}-\d{2}-\d{2}$", text, re.M)


def test_rows_are_sorted_unique_katakana_and_small():
    rows = [line.split("\t") for line in _tsv_text().splitlines() if line and not line.startswith("#")]
    kanji = [k for k, _ in rows]
    assert kanji == sorted(kanji) and len(set(kanji)) == len(kanji)
    for k, readings in rows:
        assert len(k) == 1
        parts = readings.split(" ")
        assert parts and len(set(parts)) == len(parts), k
        assert all(KATAKANA.match(p) for p in parts), k
    size = len(_tsv_text().encode("utf-8"))
    assert size < 1_000_000


def test_loader_covers_joyo_and_jinmeiyo_scale():
    table = _table()
    assert 3000 <= len(table) <= 6500
    for ch in "亜愛曖握扱宛嵐安案暗以衣位":  # jōyō, including 2010 additions (曖 宛 嵐)
        assert table[ch], ch
    for ch in "凜雫颯":  # jinmeiyō
        assert ch in table


@pytest.mark.parametrize(
    ("kanji", "reading"),
    [("凍", "トウ"), ("凍", "コオ"), ("凍", "コゴ"), ("騰", "トウ"), ("給", "キュウ"), ("急", "キュウ"),
     ("日", "ニチ"), ("日", "ヒ"), ("棚", "タナ"), ("学", "ガク"), ("算", "サン")],
)
def test_known_readings(kanji, reading):
    assert reading in kanji_readings(kanji)


def test_on_before_kun_and_okurigana_dropped():
    assert kanji_readings("凍")[0] == "トウ"
    assert "コオル" not in kanji_readings("凍")  # こお.る -> コオ


def test_unknown_and_non_kanji():
    assert kanji_readings("a") == ()
    assert kanji_readings("") == ()
    assert kanji_readings("急騰") == ()  # one character at a time
    assert kanji_readings("\U0002a6b2") == ()  # CJK extension B, not in the table


def test_compatibility_ideograph_falls_back_to_unified():
    assert kanji_readings("\ufa19") == kanji_readings("神") != ()


# --- span readings ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("span", "reading"),
    [("急凍", "キュウトウ"), ("給投", "キュウトウ"), ("試算", "シサン"), ("急騰", "キュウトウ"),
     ("学校", "ガッコウ"), ("本棚", "ホンダナ"), ("発表", "ハッピョウ"), ("散歩", "サンポ"),
     ("一杯", "イッパイ"), ("手紙", "テガミ"), ("札束", "サツタバ"), ("人々", "ヒトビト"),
     ("鼻血", "ハナジ"), ("暗号試算", "アンゴウシサン"), ("凍る", "コオル")],
)
def test_span_readings_contains(span, reading):
    assert reading in span_readings(span)
    assert can_read(span, reading)


def test_plain_reading_comes_first():
    assert span_readings("急凍")[0] == "キュウトウ"
    assert span_readings("試算")[0] == "シサン"


def test_sound_changes_respect_their_contexts():
    assert "ガッゴウ" not in span_readings("学校")  # no sokuon before a voiced sound
    assert "テパミ" not in span_readings("手紙")  # p- only after ン or ッ
    assert "ガクコウ" in span_readings("学校")  # the plain product is kept too
    assert not can_read("学校", "ガッゴウ")
    assert not can_read("手紙", "テパミ")
    assert span_readings("試算")[0][0] == "シ"  # the first kanji is never voiced


def test_unreadable_spans_give_nothing():
    assert span_readings("") == []
    assert span_readings("CPU") == []
    assert span_readings("々") == []  # nothing to repeat
    assert span_readings("急\U0002a6b2") == []
    assert not can_read("CPU", "シーピーユー")
    assert not can_read("急凍", "")


@pytest.mark.parametrize("limit", [0, 1, 5, 17])
def test_limit_is_honoured(limit):
    full = span_readings("暗号試算", limit=200)
    got = span_readings("暗号試算", limit=limit)
    assert len(got) == min(limit, len(full))
    assert got == full[:limit]  # a smaller limit is a prefix of a larger one


def test_default_limit_bounds_long_spans():
    got = span_readings("生生生生生生生生")
    assert len(got) == 64 and len(set(got)) == 64


def test_can_read_is_exact_where_the_list_is_cut():
    # ミ + カ + ヅキ uses late readings of each kanji: past the first 64, still readable
    assert "ミカヅキ" not in span_readings("三日月")
    assert can_read("三日月", "ミカヅキ") and can_read("三日月", "みかづき")


@pytest.mark.parametrize("span", ["急凍", "学校", "本棚", "発表", "人々", "一杯", "三日月", "暗号試算"])
def test_every_listed_reading_is_readable(span):
    assert all(can_read(span, r) for r in span_readings(span))


def test_deterministic_across_calls_and_processes():
    first = span_readings("暗号試算")
    _span_readings.cache_clear()
    assert span_readings("暗号試算") == first
    code = "from ja_transcript.nlp.kanji import span_readings as s; print(' '.join(s('暗号試算')))"
    outs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout.split()
        for seed in ("1", "2")
    ]
    assert outs[0] == outs[1] == first


# --- the builder, on a tiny database of the source's shape ------------------------------


def _tiny_db(path: Path) -> None:
    con = sqlite3.connect(path)
    con.executescript("""
        CREATE TABLE character (ID INTEGER PRIMARY KEY, literal TEXT, stroke_count INTEGER,
                                grade TEXT, freq TEXT, jlpt TEXT);
        CREATE TABLE codepoint (cid INTEGER, cp_type TEXT, value TEXT);
        CREATE TABLE rm_group (ID INTEGER PRIMARY KEY, cid INTEGER);
        CREATE TABLE reading (gid INTEGER, r_type TEXT, value TEXT, on_type TEXT, r_status TEXT);
        INSERT INTO character VALUES (1, '棚', 11, '8', '1594', '1'), (2, '凍', 10, '8', NULL, NULL),
                                     (3, '𪚲', 30, NULL, NULL, NULL), (4, '\ufa19', 9, '10', NULL, NULL),
                                     (5, '丂', 2, NULL, NULL, NULL);
        INSERT INTO codepoint VALUES (5, 'jis208', '1-48-1');
        INSERT INTO rm_group VALUES (1, 1), (2, 2), (3, 3), (4, 4), (5, 5);
        INSERT INTO reading VALUES (1, 'ja_on', 'ホウ', '', ''), (1, 'pinyin', 'peng2', '', ''),
                                   (1, 'ja_kun', 'たな', '', ''), (1, 'ja_kun', '-だな', '', ''),
                                   (2, 'ja_on', 'トウ', '', ''), (2, 'ja_kun', 'こお.る', '', ''),
                                   (2, 'ja_kun', 'こご.える', '', ''), (2, 'ja_kun', 'こご.る', '', ''),
                                   (3, 'ja_on', 'ヨウ', '', ''), (4, 'ja_on', 'シン', '', ''),
                                   (5, 'ja_on', 'コウ', '', '');
    """)
    con.commit()
    con.close()


def test_builder_keeps_graded_or_jis_kanji_and_cleans_readings(tmp_path):
    build = _builder()
    db = tmp_path / "tiny.db"
    _tiny_db(db)
    table = build.read_table(str(db))
    assert table == {"棚": ["ホウ", "タナ", "ダナ"], "凍": ["トウ", "コオ", "コゴ"], "丂": ["コウ"]}


def test_builder_output_is_sorted_and_reproducible(tmp_path):
    build = _builder()
    db = tmp_path / "tiny.db"
    _tiny_db(db)
    a, b = tmp_path / "a.tsv", tmp_path / "b.tsv"
    assert build.main(["--db", str(db), "--out", str(a), "--date", "2024-01-01"]) == 0
    assert build.main(["--db", str(db), "--out", str(b), "--date", "2024-01-01"]) == 0
    assert a.read_bytes() == b.read_bytes()
    rows = [line for line in a.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert rows == ["丂\tコウ", "凍\tトウ コオ コゴ", "棚\tホウ タナ ダナ"]
    assert "# date: 2024-01-01" in a.read_text(encoding="utf-8")
