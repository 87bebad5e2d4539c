"""Build src/ja_transcript/data/kanji_readings.tsv from KANJIDIC2.

The source is the KANJIDIC2 table inside the `jamdict-data` package (a SQLite build of
the EDRDG dictionary files). It is a build-time input only; the project does not depend
on it. Run from a separate virtual environment:

    python3 -m venv /tmp/kvenv && /tmp/kvenv/bin/pip install jamdict-data
    /tmp/kvenv/bin/python scripts/build_kanji_readings.py \\
        --out src/ja_transcript/data/kanji_readings.tsv

Kept: every kanji with a school grade (jōyō 1-6 and 8, jinmeiyō 9 and 10), a newspaper
frequency rank, or a JIS X 0208 code point -- the set any transcriber realistically
writes. CJK compatibility ideographs are dropped: NFC maps them to their unified
character, which has its own row.

Readings per kanji, in source order, deduplicated: on'yomi as given (katakana); kun'yomi
converted to katakana with the okurigana after "." dropped (こお.る -> コオ); the
affix markers "-" stripped (-だな -> ダナ). Name-only readings (nanori) are left out:
they would let nearly any span read as nearly anything. Sound changes in compounds
(rendaku, sokuon) are not stored; ja_transcript.nlp.kanji generates them.

Output rows are sorted by code point, so the same source gives the same file; the date
line is today's unless SOURCE_DATE_EPOCH or --date says otherwise.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import sqlite3
import sys
import unicodedata
from pathlib import Path

_HIRA_TO_KATA = {c: c + 0x60 for c in range(ord("ぁ"), ord("ゖ") + 1)}

HEADER = """\
# kanji -> readings (katakana), one kanji a line: kanji<TAB>reading reading ...
# source: KANJIDIC2 (Electronic Dictionary Research and Development Group),
#   as compiled into the PyPI package jamdict-data {data_version} ({data_compiled}).
#   https://www.edrdg.org/wiki/index.php/KANJIDIC_Project
# licence: Creative Commons Attribution-ShareAlike 3.0 (CC BY-SA 3.0),
#   https://creativecommons.org/licenses/by-sa/3.0/ , under the EDRDG General Dictionary
#   Licence Statement https://www.edrdg.org/edrdg/licence.html (the version shipped with
#   the source package). This file is a derived work and is distributed under the same licence.
# attribution: This file uses the KANJIDIC2 dictionary file. This file is the property of
#   the Electronic Dictionary Research and Development Group, and is used in conformance
#   with the Group's licence. Copyright James William Breen and the EDRDG.
# built by: scripts/build_kanji_readings.py -- kanji with a grade, a frequency rank or a
#   JIS X 0208 code point; on'yomi as given; kun'yomi in katakana with okurigana (after ".")
#   dropped; "-" affix markers stripped; deduplicated in source order; nanori left out.
# kanji: {count}; readings: {readings}
# date: {date}
"""


def to_katakana(text: str) -> str:
    """Hiragana to katakana.

    >>> to_katakana("こお")
    'コオ'
    """
    return text.translate(_HIRA_TO_KATA)


def clean_reading(raw: str) -> str:
    """One KANJIDIC2 reading as a katakana stem.

    >>> clean_reading("こご.える"), clean_reading("-だな"), clean_reading("トウ")
    ('コゴ', 'ダナ', 'トウ')
    """
    return to_katakana(raw.split(".", 1)[0].replace("-", ""))


def dedupe(items) -> list[str]:
    """Drop empty and repeated items, keeping the first occurrence's place.

    >>> dedupe(["タナ", "", "ダナ", "タナ"])
    ['タナ', 'ダナ']
    """
    seen: dict[str, None] = {}
    for item in items:
        if item:
            seen.setdefault(item)
    return list(seen)


_KEEP_SQL = """
SELECT ch.ID, ch.literal FROM character ch
WHERE ch.grade IS NOT NULL OR ch.freq IS NOT NULL
   OR EXISTS (SELECT 1 FROM codepoint cp WHERE cp.cid = ch.ID AND cp.cp_type = 'jis208')
"""

# rowid order is the order of the KANJIDIC2 XML (on'yomi before kun'yomi).
_READINGS_SQL = """
SELECT r.value FROM rm_group g JOIN reading r ON r.gid = g.ID
WHERE g.cid = ? AND r.r_type IN ('ja_on', 'ja_kun')
ORDER BY g.ID, r.rowid
"""


def read_table(db_path: str) -> dict[str, list[str]]:
    """kanji -> cleaned readings, for the kept kanji that have any."""
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        table: dict[str, list[str]] = {}
        for cid, literal in con.execute(_KEEP_SQL).fetchall():
            if unicodedata.normalize("NFC", literal) != literal:  # compatibility ideograph
                continue
            readings = dedupe(clean_reading(v) for (v,) in con.execute(_READINGS_SQL, (cid,)))
            if readings:
                table[literal] = readings
        return table
    finally:
        con.close()


def render(table: dict[str, list[str]], data_version: str, data_compiled: str, date: str) -> str:
    """The TSV text: header, then rows sorted by code point."""
    header = HEADER.format(
        data_version=data_version,
        data_compiled=data_compiled,
        count=len(table),
        readings=sum(len(v) for v in table.values()),
        date=date,
    )
    rows = [f"{k}\t{' '.join(table[k])}\n" for k in sorted(table)]
    return header + "".join(rows)


def _build_date(explicit: str | None) -> str:
    if explicit:
        return explicit
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = _dt.datetime.fromtimestamp(int(epoch), _dt.UTC) if epoch else _dt.datetime.now(_dt.UTC)
    return when.date().isoformat()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, type=Path, help="TSV file to write")
    ap.add_argument("--db", help="jamdict SQLite database (default: the one in jamdict-data)")
    ap.add_argument("--date", help="date for the header (default: SOURCE_DATE_EPOCH or today)")
    args = ap.parse_args(argv)

    data_version, data_compiled = "?", "date unknown"
    db = args.db
    try:
        import jamdict_data  # build-time only

        db = db or jamdict_data.JAMDICT_DB_PATH
        data_version = jamdict_data.__version__
        # the package states its compile date only in its description
        data_compiled = jamdict_data.__description__.rsplit("Compiled date:", 1)[-1].strip(" .")
        data_compiled = f"compiled {data_compiled}"
    except ImportError:
        if not db:
            sys.exit("jamdict-data is not installed: pip install jamdict-data (in a separate venv), or pass --db")

    table = read_table(db)
    text = render(table, data_version, data_compiled, _build_date(args.date))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8", newline="\n")
    print(f"{args.out}: {len(table)} kanji, {sum(map(len, table.values()))} readings, "
          f"{args.out.stat().st_size} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
