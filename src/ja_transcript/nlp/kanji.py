"""Readings of single kanji, and of short kanji spans built from them.

SudachiPy knows words, not characters: a misheard span such as 急凍 splits into 急 + 凍
with 凍 out of vocabulary and no reading at all. To test whether such a span can sound
like a lexicon term, we need each kanji's on'yomi and kun'yomi; they come from the
packaged table `data/kanji_readings.tsv`, derived from KANJIDIC2 (EDRDG, CC BY-SA; see
the file header and `scripts/build_kanji_readings.py`).

Readings are katakana; kun'yomi are stems without okurigana (凍る -> コオ).
`span_readings` lists a bounded number of readings of a span, usual ones first;
`can_read` answers exactly whether a span can sound like a given reading.
"""

from __future__ import annotations

import heapq
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Iterator, NamedTuple

from ..chars import to_katakana

_DATA_FILE = "kanji_readings.tsv"
_REPEAT_MARKS = "々〻"  # 人々: repeat the previous kanji

# Rendaku: the voiced (and, for the h-row, half-voiced) forms of a non-initial kanji's
# first kana. ヂ/ヅ and ジ/ズ both occur in dictionary readings (鼻血 ハナジ, 三日月 ミカヅキ).
_VOICED = {
    **dict(zip("カキクケコサシスセソタテト", "ガギグゲゴザジズゼゾダデド")),
    "チ": "ヂジ", "ツ": "ヅズ",
    **dict(zip("ハヒフヘホ", "バビブベボ")),
}
_HALF_VOICED = dict(zip("ハヒフヘホ", "パピプペポ"))
_SOKUON_FINALS = "ツチクキ"  # 学 ガク + 校 コウ -> ガッコウ
_VOICELESS = set("カキクケコサシスセソタチツテトパピプペポ")  # the rows that can follow ッ


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    """The packaged kanji table, read once."""
    text = (resources.files("ja_transcript") / "data" / _DATA_FILE).read_text(encoding="utf-8")
    table: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        kanji, _, readings = line.partition("\t")
        table[kanji] = tuple(readings.split())
    return table


def kanji_readings(ch: str) -> tuple[str, ...]:
    """On'yomi then kun'yomi stems of one kanji, in katakana; () when unknown.

    >>> "トウ" in kanji_readings("凍") and "トウ" in kanji_readings("騰")
    True
    >>> kanji_readings("給")[0]
    'キュウ'
    >>> kanji_readings("凍")[:3]
    ('トウ', 'コオ', 'コゴ')
    >>> kanji_readings("a"), kanji_readings("急騰")
    ((), ())
    """
    table = _table()
    found = table.get(ch)
    if found is None and len(ch) == 1:  # a compatibility ideograph (U+F900..) has a unified twin
        found = table.get(unicodedata.normalize("NFC", ch))
    return found or ()


def _is_kana(ch: str) -> bool:
    return "ぁ" <= ch <= "ゖ" or "ァ" <= ch <= "ヺ" or ch == "ー"


def _position_options(surface: str) -> list[tuple[tuple[str, ...], bool]] | None:
    """Per character: (candidate readings, whether sound changes apply). None if unreadable."""
    options: list[tuple[tuple[str, ...], bool]] = []
    for ch in surface:
        if ch in _REPEAT_MARKS:
            if not options or not options[-1][1]:
                return None
            options.append(options[-1])
        elif _is_kana(ch):  # written as pronounced: no sound changes
            options.append(((to_katakana(ch),), False))
        else:
            readings = kanji_readings(ch)
            if not readings:
                return None
            options.append((readings, True))
    return options


class _Form(NamedTuple):
    """One way to read one character of a span."""

    kana: str
    cost: int  # reading rank in the table + 1 per sound change: usual readings first
    sokuon: bool = False  # ends in ッ: the next kana must be k/s/t/p
    half_voiced: bool = False  # starts with p-: only after ン or ッ (散歩 サンポ)


def _forms(readings: tuple[str, ...], changes: bool, first: bool, last: bool) -> list[_Form]:
    """Every form of one character's readings, cheapest first."""
    forms = []
    for rank, reading in enumerate(readings):
        forms.append(_Form(reading, rank))
        if not changes:
            continue
        if not last and len(reading) >= 2 and reading[-1] in _SOKUON_FINALS:
            forms.append(_Form(reading[:-1] + "ッ", rank + 1, sokuon=True))
        if not first:
            head, rest = reading[0], reading[1:]
            forms += [_Form(v + rest, rank + 1) for v in _VOICED.get(head, "")]
            if head in _HALF_VOICED:
                forms.append(_Form(_HALF_VOICED[head] + rest, rank + 1, half_voiced=True))
    return sorted(forms, key=lambda f: f.cost)  # stable: source order within a cost


def _valid(parts: tuple[_Form, ...]) -> bool:
    """Sokuon only before k/s/t/p; p- only after ン or ッ."""
    for prev, cur in zip(parts, parts[1:]):
        if prev.sokuon and cur.kana[0] not in _VOICELESS:
            return False
        if cur.half_voiced and not prev.kana.endswith(("ン", "ッ")):
            return False
    return True


def _cheapest_first(columns: list[list[_Form]], cap: int) -> Iterator[tuple[_Form, ...]]:
    """Combinations of one form per column in order of total cost (ties: by index).

    Each column is sorted by cost, so popping a combination and pushing its one-step
    successors enumerates all combinations in nondecreasing total cost; `cap` bounds
    the number visited.
    """
    start = (0,) * len(columns)
    heap = [(sum(col[0].cost for col in columns), start)]
    seen = {start}
    while heap and cap > 0:
        total, idx = heapq.heappop(heap)
        cap -= 1
        yield tuple(col[i] for col, i in zip(columns, idx))
        for j, col in enumerate(columns):
            if idx[j] + 1 < len(col):
                nxt = idx[:j] + (idx[j] + 1,) + idx[j + 1:]
                if nxt not in seen:
                    seen.add(nxt)
                    step = col[idx[j] + 1].cost - col[idx[j]].cost
                    heapq.heappush(heap, (total + step, nxt))


def _columns(surface: str) -> list[list[_Form]] | None:
    options = _position_options(surface)
    if not options:
        return None
    n = len(options)
    return [_forms(r, changes, i == 0, i == n - 1) for i, (r, changes) in enumerate(options)]


@lru_cache(maxsize=4096)
def _span_readings(surface: str, limit: int) -> tuple[str, ...]:
    columns = _columns(surface)
    if not columns or limit <= 0:
        return ()
    out: dict[str, None] = {}
    # combinations that break a sound rule or repeat a reading are skipped, so visit
    # more than `limit`, but a bounded number
    for parts in _cheapest_first(columns, cap=limit * 8):
        if _valid(parts):
            out.setdefault("".join(f.kana for f in parts))
            if len(out) >= limit:
                break
    return tuple(out)


def span_readings(surface: str, limit: int = 64) -> list[str]:
    """Possible readings of a short kanji span, at most `limit`, in a fixed order.

    The product of the characters' readings, with the common sound changes of compounds:
    rendaku (a non-initial kanji's first kana voiced: 本棚 ホンダナ) and sokuon (a final
    ツ/チ/ク/キ before a k/s/t/p sound: 学校 ガッコウ, 発表 ハッピョウ). It over-generates
    on purpose: it answers "can this span sound like X?", not "how is it read?".
    Kana in the span stand for themselves; 々 repeats the previous kanji. A character
    with no known reading (Latin, digits, a kanji missing from the table) gives [].

    >>> span_readings("急凍")[0]
    'キュウトウ'
    >>> "ガッコウ" in span_readings("学校"), "ホンダナ" in span_readings("本棚")
    (True, True)
    >>> span_readings("凍る")[:2]
    ['トウル', 'コオル']
    >>> span_readings("CPU")
    []
    """
    return list(_span_readings(surface, limit))


def can_read(surface: str, reading: str) -> bool:
    """Whether `surface` can be read as `reading` (kana), under the rules of `span_readings`.

    Exact and unbounded, unlike `span_readings`: it aligns the characters' forms to the
    reading left to right instead of listing every product.

    >>> can_read("急凍", "キュウトウ"), can_read("三日月", "みかづき"), can_read("急凍", "キュウユ")
    (True, True, False)
    """
    columns = _columns(surface)
    target = to_katakana(reading)
    if not columns or not target:
        return False

    @lru_cache(maxsize=None)
    def fits(i: int, offset: int, after_sokuon: bool) -> bool:
        if i == len(columns):
            return offset == len(target)
        for form in columns[i]:
            if not target.startswith(form.kana, offset):
                continue
            if after_sokuon and form.kana[0] not in _VOICELESS:
                continue
            if form.half_voiced and not target[:offset].endswith(("ン", "ッ")):
                continue
            if fits(i + 1, offset + len(form.kana), form.sokuon):
                return True
        return False

    return fits(0, 0, False)
