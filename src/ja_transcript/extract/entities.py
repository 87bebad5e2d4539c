"""Entities: lexicon aliases with their canonical ids, then names found by part of speech.

Lexicon matches come first and win: a name found by part of speech never overlaps one, and
a lexicon match ends the noun compound around it. A place (GPE, LOC) is the exception: it
often begins a longer name (日本|サッカー|協会, 東京|新聞社), and a part-of-speech name that
holds it whole and goes on takes its place. The rest is read from SudachiPy's
analysis, one noun compound (a run of nouns, prefixes and noun suffixes) at a time:

- proper nouns (固有名詞) next to each other make one name (姓 + 名, 地名 + 地名); katakana and
  Latin words joined by ・, = or a space make one name when a proper noun is among them
  (ジョン・ブック). Between kanji words ・ lists names (韓国・朝鮮) and separates them;
- a head word ending a name says its kind and belongs to it: 株式会社, 銀行, 大学, 省, 軍 -> ORG;
  駅, 空港, 神社, 高校 -> FAC; 県, 市 -> GPE; 島, 川, 山 -> LOC; 戦争, 大会, オリンピック -> EVENT;
  賞, 号 -> PRODUCT; 法, 条約 -> LAW. It may be a morpheme of its own (長崎|ペンギン|水族館) or
  the end of a proper noun (親和銀行). It needs a name before it in the compound (a proper
  noun, an unknown word or a Latin capital word; for 社 any katakana word: フェンダー社):
  同社, 全国大会, 国立美術館 stay common nouns. A year or 第N回 just before an event or award
  belongs to it (2010 FIFAワールドカップ). Two heads with a name between them are two names
  (王子製紙|釧路|工場: a company and its factory);
- a legal form makes an ORG of the words before it (東洋|パルプ|株式会社) or of the name after
  it (株式会社|フェロー|ピクチャーズ); a common noun ending in 省, 庁 or 議院 is an institution
  (文部科学省);
- X の 戦い / 乱 / 変 / 役 / 陣 is an EVENT (関ヶ原の戦い);
- otherwise a name takes SudachiPy's subclass: 人名 PERSON, 地名-国 GPE, 地名-一般 GPE (a city or
  state, as in OntoNotes) or LOC (a continent, region or natural feature: アジア, 関東, 富士山),
  一般 MISC (the kind is unknown). Place
  names before a given name are surnames (兵庫|慎司 is a PERSON).

Where the form leaves the kind a guess (MISC, or a place from 地名), the context may say it
(entity_context: Xの社長, Xを買収, Xを発売, メーカーのX; an era name before a year is a date
and no name), and a title in quotes (映画「X」, 『X』) is one name over the words inside it.

A name of one character is kept only before an honorific (李さん): alone it is mostly a piece
of a longer name SudachiPy split. The canonical form of a part-of-speech span is SudachiPy's
normalized form of its morphemes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from operator import itemgetter
from typing import Protocol, Sequence

from ..correct.aliases import AliasMatcher
from ..correct.lexicon import Entry
from ..model import Entity, build
from ..nlp import Morpheme
from .entity_context import QUOTED, apply_context, apposed_words, kind_from_context, quoted_titles
from .words import table


@dataclass(frozen=True)
class EntitySpan:
    """An entity found in a text (offsets into it); `entity(sentence)` is its record."""

    start: int
    end: int
    text: str
    canonical: str
    label: str
    source: str  # lexicon | pos | ginza

    def entity(self, sentence: int, place: tuple = ((), None, None)) -> Entity:
        """This span as the `Entity` of sentence `sentence` (its text), standing at `place`
        (lines, start_time, end_time)."""
        return build(Entity, {"text": self.text, "canonical": self.canonical, "label": self.label,
                              "sentence": sentence, "start": self.start, "end": self.end, "source": self.source,
                              "lines": list(place[0]), "start_time": place[1], "end_time": place[2]})


class EntityBackend(Protocol):
    """A statistical recognizer merged in by `find_entities` (e.g. `ginza_backend.GinzaEntities`)."""

    def find(self, text: str) -> list[EntitySpan]: ...


# Head words: the last word of a name that says what kind of name it is, and the other word
# lists of names (data/words.toml, with their sources).
_HEADS: dict[str, str] = {}
for _label in ("ORG", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "LAW"):
    _HEADS.update(dict.fromkeys(sorted(table("entities", f"heads_{_label.lower()}")), _label))
del _label
_MAX_HEAD = max(map(len, _HEADS))
# Heads that make a name of any compound before them (東洋|パルプ|株式会社), or of the common
# noun they end (セガホールディングス), and institutions SudachiPy has as one common noun
# (文部科学省, 海上保安庁, 衆議院): these never end an ordinary word.
_STRONG_HEADS = tuple(sorted(table("entities", "strong_heads")))
_INSTITUTION_ENDS = tuple(sorted(table("entities", "institution_ends")))
_ORG_PREFIXES = table("entities", "org_prefixes")  # before the name: 株式会社フェロー, FCディナモ
_EVENT_AFTER_NO = table("entities", "event_after_no")  # 関ヶ原 の 戦い
_ORDINAL_COUNTERS = table("entities", "ordinal_counters")  # 第 N 回
_HONORIFICS = table("entities", "honorifics")
_JOINERS = frozenset("・=＝· ")
_ADMIN = tuple(sorted(table("entities", "admin_ends")))
_NATURAL = tuple(sorted(table("entities", "natural_ends")))
_REGIONS = table("entities", "regions")
_NOT_IN_NAME_PREFIXES = table("entities", "not_in_name_prefixes")

_OPENERS = frozenset(["名詞", "接頭辞"])  # parts of speech that can open a noun compound
_START, _END = itemgetter(1), itemgetter(2)

_FOREIGN = re.compile(r"[\u30A1-\u30FA\u30FC-\u30FFA-Za-z0-9Ａ-Ｚａ-ｚ０-９&'.\-]+")  # katakana or Latin word
_KATAKANA = re.compile(r"[\u30A1-\u30FA\u30FC]+")
_LATIN_NAME = re.compile(r"[A-Za-z0-9Ａ-Ｚａ-ｚ０-９&.\-]*[A-ZＡ-Ｚ][A-Za-z0-9Ａ-Ｚａ-ｚ０-９&.\-]+")


# Part-of-speech spans a backend may replace: those whose kind is a guess (MISC: unknown;
# GPE / LOC from 地名, often a surname or a piece of a longer name). A PERSON from SudachiPy's
# name dictionary or a kind said by a head word (株式会社, 駅, 大会) is kept against a backend:
# on Stockmark's NER set this merge scores micro F1 0.56 where replacing every overlapped
# span scores 0.49, and the part-of-speech spans alone 0.53 (benchmarks/bench_entities.py).
BACKEND_REPLACES = frozenset({"MISC", "GPE", "LOC"})
_PLACE_LABELS = frozenset({"GPE", "LOC"})


def find_entities(text: str, morphemes: Sequence[Morpheme], aliases: AliasMatcher | None,
                  backend: EntityBackend | None = None, *,
                  matches: Sequence[tuple[int, int, Entry]] | None = None) -> list[EntitySpan]:
    """Entity mentions in `text` (offsets into it), sorted by start.

    With a `backend` (e.g. `ginza_backend.GinzaEntities()`), its spans are merged in by
    `merge_entities`: lexicon matches still win. `matches` are `aliases.find(text, morphemes)`
    when the caller has them already.
    """
    if matches is None and aliases is not None:
        matches = aliases.find(text, morphemes)
    lexicon = [EntitySpan(start, end, text[start:end], entry.id, entry.label, "lexicon")
               for start, end, entry in matches or ()]
    hard = [(s.start, s.end) for s in lexicon if s.label not in _PLACE_LABELS]
    found = apply_context(pos_entities(text, morphemes, hard), morphemes)
    covered = [*hard, *((s.start, s.end) for s in found)]
    found += [EntitySpan(a, b, text[a:b], text[a:b], label, "pos") for a, b, label in apposed_words(text, morphemes, covered)]
    # A title in quotes is one name (「東京物語」), over the names read inside it, unless the
    # lexicon has a name there or the quotes hold just one name whose kind is known and no
    # kind noun before them says otherwise (ドラマ「半沢直樹」 is a work, 「赤木まり子」 a person).
    for start, end, label in quoted_titles(text, morphemes, lambda m: _head_label(m, False)):
        if any(a < end and start < b for a, b in hard) or label is None and \
                any(s.start == start and s.end == end and s.label != "MISC" for s in found):
            continue
        title = EntitySpan(start, end, text[start:end], text[start:end], label or QUOTED, "pos")
        if label is None:
            title = replace(title, label=kind_from_context(title, morphemes))
        found = [s for s in found if not _overlap(s, title)] + [title]
        lexicon = [s for s in lexicon if not _overlap(s, title)]
    # A place the lexicon knows may begin a longer name (日本|サッカー|協会, 東京|新聞社,
    # ニューヨーク・ヤンキース): a part-of-speech name that holds it whole and goes on wins.
    places = [s for s in lexicon if s.label in _PLACE_LABELS]
    if places:
        longer = [s for s in found if any(_holds(s, p) for p in places)]
        places = [p for p in places if not any(_holds(s, p) for s in longer)]
        found = [s for s in found if not any(_overlap(s, p) for p in places)]
    out = [s for s in lexicon if s.label not in _PLACE_LABELS] + places + found
    if backend is not None:
        return merge_entities(out, backend.find(text))
    return sorted(out, key=lambda s: (s.start, s.end))


def merge_entities(lexicon_and_pos: Sequence[EntitySpan], backend: Sequence[EntitySpan],
                   replace: frozenset[str] | None = BACKEND_REPLACES) -> list[EntitySpan]:
    """Lexicon spans win; backend spans replace the part-of-speech spans of `replace` labels.

    A backend span overlapping a lexicon span, or a part-of-speech span whose label is not
    in `replace`, is dropped; one overlapping only replaceable spans removes them; one
    overlapping nothing is added. `replace=None` lets the backend replace every
    part-of-speech span.

    >>> lex = EntitySpan(0, 6, "ソフトバンク", "ソフトバンクグループ", "ORG", "lexicon")
    >>> misc = EntitySpan(7, 9, "孫正", "孫正", "MISC", "pos")
    >>> fac = EntitySpan(12, 15, "大阪駅", "大阪駅", "FAC", "pos")
    >>> backend = [EntitySpan(4, 8, "ンクの孫", "ンクの孫", "ORG", "ginza"),
    ...            EntitySpan(7, 10, "孫正義", "孫正義", "PERSON", "ginza"),
    ...            EntitySpan(12, 14, "大阪", "大阪", "GPE", "ginza"),
    ...            EntitySpan(20, 22, "東京", "東京", "GPE", "ginza")]
    >>> [(s.text, s.source) for s in merge_entities([lex, misc, fac], backend)]
    [('ソフトバンク', 'lexicon'), ('孫正義', 'ginza'), ('大阪駅', 'pos'), ('東京', 'ginza')]
    >>> [s.text for s in merge_entities([lex, misc, fac], backend, replace=None)]
    ['ソフトバンク', '孫正義', '大阪', '東京']
    """
    fixed = [s for s in lexicon_and_pos if s.source == "lexicon" or (replace is not None and s.label not in replace)]
    added = [b for b in backend if not any(_overlap(b, s) for s in fixed)]
    guessed = [s for s in lexicon_and_pos if s not in fixed and not any(_overlap(s, b) for b in added)]
    return sorted([*fixed, *added, *guessed], key=lambda s: (s.start, s.end))


def _overlap(a: EntitySpan, b: EntitySpan) -> bool:
    return a.start < b.end and b.start < a.end


def _holds(outer: EntitySpan, inner: EntitySpan) -> bool:
    """Whether `outer` covers `inner` and is longer."""
    return outer.start <= inner.start and inner.end <= outer.end and outer.end - outer.start > inner.end - inner.start


def pos_entities(text: str, morphemes: Sequence[Morpheme], taken: Sequence[tuple[int, int]] = ()) -> list[EntitySpan]:
    """Names found by part of speech, outside the `taken` character spans (lexicon matches).

    >>> from ja_transcript.nlp import get_analyzer
    >>> def show(t): return [(s.text, s.label) for s in pos_entities(t, get_analyzer().analyze(t))]
    >>> show("田中太郎は大阪に住む")
    [('田中太郎', 'PERSON'), ('大阪', 'GPE')]
    >>> show("長崎ペンギン水族館と親和銀行")
    [('長崎ペンギン水族館', 'FAC'), ('親和銀行', 'ORG')]
    >>> show("2010 FIFAワールドカップで関ヶ原の戦いを語る")
    [('2010 FIFAワールドカップ', 'EVENT'), ('関ヶ原の戦い', 'EVENT')]
    """
    ms = morphemes
    n = len(ms)
    blocked = _blocked(ms, taken)
    spans: list[tuple[int, int, str]] = []  # morpheme index ranges [i, j) and labels
    j = 0
    # Only a noun or a prefix opens a compound (`_member` of a first word): one pass picks them.
    for i in [k for k, m in enumerate(ms) if m.pos[0] in _OPENERS]:
        if i < j or blocked[i] or not _member(ms, i, i):
            continue  # inside the compound before, or not an opener after all
        j = i + 1
        while j < n and not blocked[j] and _member(ms, j, i):
            j += 1
        while _is_joiner(ms[j - 1]):  # a joiner is only taken between two words
            j -= 1
        found = _compound(ms, i, j)
        if found and found[-1][1] == j and j + 1 < n and ms[j].surface == "の" \
                and ms[j + 1].surface in _EVENT_AFTER_NO and not blocked[j + 1] \
                and (j + 2 == n or not _member(ms, j + 2, j + 2)):
            start, _, _ = found.pop()  # 関ヶ原 の 戦い
            found.append((start, j + 2, "EVENT"))
            j += 2
        spans.extend(found)
    out = []
    for a, b, label in spans:
        start, end = ms[a].start, ms[b - 1].end
        if end - start == 1 and not (b < n and ms[b].surface in _HONORIFICS):
            continue
        canonical = "".join(m.normalized for m in ms[a:b])
        out.append(EntitySpan(start, end, text[start:end], canonical, label, "pos"))
    return out


def _blocked(ms: Sequence[Morpheme], taken: Sequence[tuple[int, int]]) -> list[bool]:
    """Whether each morpheme overlaps a taken span (morphemes in text order).

    >>> from ja_transcript.nlp import Morpheme
    >>> ms = [Morpheme(s, i, i + 1, "", "", (), False) for i, s in enumerate("あいうえ")]
    >>> _blocked(ms, [(1, 3)]), _blocked(ms, [(0, 1), (3, 9)])
    ([False, True, True, False], [True, False, False, True])
    """
    out = [False] * len(ms)
    for start, end in taken:  # the morphemes ending after `start` and starting before `end`
        lo = bisect_right(ms, start, key=_END)
        hi = bisect_left(ms, end, lo=lo, key=_START)
        out[lo:hi] = [True] * (hi - lo)
    return out


def _member(ms: Sequence[Morpheme], i: int, first: int) -> bool:
    """Whether morpheme i continues a noun compound that began at `first`."""
    m = ms[i]
    p0 = m.pos[0]
    if p0 == "名詞":
        return m.pos[1] != "助動詞語幹"
    if p0 == "接頭辞":
        return True
    if p0 == "接尾辞":
        return m.pos[1] == "名詞的" and i > first
    if _is_joiner(m):  # ・ between katakana or Latin words; a space between Latin words only
        if i == first or i + 1 >= len(ms) or not _is_foreign(ms[i - 1]) or not _is_foreign(ms[i + 1]):
            return False
        return m.surface != " " or (_is_latin(ms[i - 1]) and _is_latin(ms[i + 1]))
    return False


def _compound(ms: Sequence[Morpheme], lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Names in the noun compound ms[lo:hi]: those named by head words, and plain name runs."""
    for p in range(lo, hi - 1):  # 株式会社 + name
        if ms[p].surface in _ORG_PREFIXES and (_is_nameish(ms[p + 1]) or _is_word(ms[p + 1])):
            end = p + 1
            while end < hi and (_is_nameish(ms[end]) or _is_word(ms[end]) or _is_joiner(ms[end])):
                end += 1
            return [*_compound(ms, lo, p), (p, end, "ORG"), *_compound(ms, end, hi)]
    c = _rightmost_head(ms, lo, hi)
    if c is not None:
        label = _head_label(ms[c], c == lo)
        # after an earlier head the compound names a second thing: 王子製紙|釧路|工場 is a company
        # and its factory; with no name between them it is one (東京大学|病院)
        p = _rightmost_head(ms, lo, c)
        start = _name_start(ms, p + 1, c, label) if p is not None else None
        if start is not None:
            return [*_compound(ms, lo, p + 1), *_name_runs(ms, p + 1, start), (start, c + 1, label),
                    *_name_runs(ms, c + 1, hi)]
        start = _name_start(ms, lo, c, label)
        if start is not None:
            return [*_name_runs(ms, lo, start), (start, c + 1, label), *_name_runs(ms, c + 1, hi)]
    return _name_runs(ms, lo, hi)


def _rightmost_head(ms: Sequence[Morpheme], lo: int, hi: int) -> int | None:
    for c in range(hi - 1, lo - 1, -1):
        if _head_label(ms[c], c == lo) is not None:
            return c
    return None


def _head_label(m: Morpheme, first: bool) -> str | None:
    """The kind a head word gives; a proper noun may end in one (親和銀行, 川口駅)."""
    s = m.surface
    if m.pos[1] == "固有名詞":
        if m.pos[2] != "一般":  # a person's or a place's name says its kind itself (前橋, 福建省)
            return None
        if len(s) >= 2 and s in _HEADS:  # ワールドカップ
            return _HEADS[s]
        for k in range(min(len(s) - 1, _MAX_HEAD), 0, -1):
            label = _HEADS.get(s[-k:])
            if label is None or k < 3 and _KATAKANA.fullmatch(s[-k - 1:]):
                continue  # no short head inside a katakana word: エアバス is not a bus company
            # a one-character place word is no head here (広島 of テレビ新広島): place names
            # SudachiPy knows are tagged 地名
            return None if k == 1 and label in ("GPE", "LOC") else label
        return None
    if len(s) >= 3 and s.endswith(_INSTITUTION_ENDS) or len(s) > 4 and s.endswith(_STRONG_HEADS):
        return "ORG"
    if first:  # a common head word needs a name before it
        return None
    return _HEADS.get(s)


def _name_start(ms: Sequence[Morpheme], lo: int, c: int, label: str) -> int | None:
    """Where the name ending in the head word ms[c] starts, or None when nothing names it."""
    if ms[c].pos[1] == "固有名詞" or ms[c].surface not in _HEADS:
        start = c  # the word carries its own head word; earlier names join it
        while start > lo:
            if _is_nameish(ms[start - 1]):
                start -= 1
            elif start - 2 >= lo and _is_joiner(ms[start - 1]) and _is_nameish(ms[start - 2]):
                start -= 2
            else:
                break
    elif ms[c].surface in _STRONG_HEADS:
        start = next((k for k in range(lo, c) if ms[k].surface not in _NOT_IN_NAME_PREFIXES
                      and ms[k].pos[1] != "数詞" and ms[k].pos[2] != "助数詞可能"), None)  # not 2012年
    else:
        start = next((k for k in range(lo, c) if _is_nameish(ms[k])), None)
        if start is None and ms[c].surface == "社" and c > lo and _is_word(ms[c - 1]):
            start = c - 1  # フェンダー社: a katakana or Latin word before 社 is a company's name
            while start > lo and (_is_word(ms[start - 1]) or _is_joiner(ms[start - 1]) and start - 2 >= lo):
                start -= 1
            while _is_joiner(ms[start]):
                start += 1
    if label in ("EVENT", "PRODUCT"):  # 2010年|アトランタ|オリンピック; 第|一|次|世界|大戦 has no name
        if start is not None:
            ordinal = _ordinal_start(ms, lo, start)
            if ordinal is not None:
                return ordinal
        elif c - lo > 3 and ms[lo].surface == "第" and _ordinal_start(ms, lo, lo + 3) == lo:
            return lo
    if start is None:
        return None
    while start > lo and ms[start - 1].pos[0] == "接頭辞" and ms[start - 1].surface not in _NOT_IN_NAME_PREFIXES:
        start -= 1
    return start


def _ordinal_start(ms: Sequence[Morpheme], lo: int, at: int) -> int | None:
    """Start of a year (2010年, 2010 ) or an ordinal (第33回) just before index `at`."""
    if at - lo >= 2 and ms[at - 2].pos[1] == "数詞" and len(ms[at - 2].surface) == 4 \
            and ms[at - 1].surface in ("年", " "):
        return at - 2
    if at - lo >= 3 and ms[at - 3].surface == "第" and ms[at - 2].pos[1] == "数詞" \
            and ms[at - 1].surface in _ORDINAL_COUNTERS:
        return at - 3
    return None


def _name_runs(ms: Sequence[Morpheme], lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Runs of proper nouns in ms[lo:hi], with katakana / Latin words joined to them by ・."""
    out = []
    i = lo
    floor = lo
    while i < hi:
        if ms[i].pos[1] != "固有名詞":
            i += 1
            continue
        j = i + 1
        while j < hi:
            if ms[j].pos[1] == "固有名詞":
                j += 1
            elif _is_joiner(ms[j]) and j + 1 < hi and _is_foreign(ms[j - 1]) and _is_foreign(ms[j + 1]):
                j += 2
            else:
                break
        while i - 2 >= floor and _is_joiner(ms[i - 1]) and _is_foreign(ms[i - 2]) and _is_foreign(ms[i]):
            i -= 2  # モティラル・ネルー: the unknown first name joins by ・
        out.append((i, j, _run_label(ms[i:j])))
        i = floor = j
    return out


def _run_label(run: Sequence[Morpheme]) -> str:
    labels = [_proper_label(m) for m in run if m.pos[1] == "固有名詞"]
    if all(label == "PERSON" for label in labels):
        return "PERSON"
    if labels[-1] == "PERSON" and all(label in ("PERSON", "GPE", "LOC") for label in labels):
        return "PERSON"  # a place name before a given name is a surname: 兵庫|慎司
    if labels[0] == "PERSON" and any(_is_joiner(m) for m in run):
        return "PERSON"  # デヴィッド・リンチ
    if all(label in ("GPE", "LOC") for label in labels):
        return labels[-1]
    return "MISC"


def _proper_label(m: Morpheme) -> str:
    sub = m.pos[2]
    if sub == "人名":
        return "PERSON"
    if sub == "地名":
        # Cities, prefectures and states are GPE, as in OntoNotes; continents, regions and
        # natural features are LOC.
        if m.pos[3] == "国":
            return "GPE"
        return "LOC" if m.surface in _REGIONS or m.surface.endswith(_NATURAL) else "GPE"
    return "MISC"  # 固有名詞-一般: organisations, products and events alike


def _is_nameish(m: Morpheme) -> bool:
    """A word that can be (part of) a name: proper noun, unknown word, Latin capital word.

    One character is not enough (芝 in 人工芝広場 is a place name by the dictionary).
    """
    if len(m.surface) < 2:
        return False
    if m.pos[1] == "固有名詞":
        return True
    if m.oov and m.pos[1] != "数詞" and m.pos[0] == "名詞":
        return True
    return _LATIN_NAME.fullmatch(m.surface) is not None


def _is_joiner(m: Morpheme) -> bool:
    return m.surface in _JOINERS


def _is_foreign(m: Morpheme) -> bool:
    return _FOREIGN.fullmatch(m.surface) is not None


def _is_word(m: Morpheme) -> bool:
    """A katakana or Latin word, not a bare number."""
    return not m.surface.isdigit() and _is_foreign(m)


def _is_latin(m: Morpheme) -> bool:
    return m.surface.isascii() and m.surface.isalnum()
