"""Find spans that are misheard forms of lexicon entries.

Three kinds of evidence, none of which needs the misheard form to be listed:

- reading: the span reads exactly like an entry but is written otherwise (暗号試算 ->
  暗号資産, 給投 / 急凍 -> 急騰, サツタバ -> 札束). Readings come from SudachiPy, and for
  single kanji from the kanji table, since a misheard kanji is often not a word on its own.
- phonetic: a katakana span close to an entry's katakana alias once spellings that sound
  alike are folded (コアビーブ ~ コアウィーブ -> CoreWeave).
- latin: a Latin-script near miss of a Latin alias (CoreWeb -> CoreWeave, Nvidea -> NVIDIA).

Real words stay: a span that is one dictionary word (史上, 口頭, 給湯, ソフト) is never
replaced for sounding like an entry, and a correctly written alias is a mention, not an edit.
An entry that the same transcript names correctly elsewhere gains confidence.
"""

from __future__ import annotations

import re

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, islice, product
from typing import Sequence

from rapidfuzz import fuzz, process
from rapidfuzz.distance import JaroWinkler, Levenshtein

from ..nlp import Analyzer, Morpheme
from ..nlp.kanji import kanji_readings, span_readings
from ..chars import is_kanji
from ..model import Edit
from .lexicon import Entry, Lexicon, fold
from .phonetic import devoice, is_katakana, is_latin, phonetic_key, phonetic_keys, to_katakana

_CONTENT_POS = {"名詞", "接頭辞", "接尾辞", "形状詞"}
_MAX_SPAN = 5  # tokens: a misheard term is rarely cut into more pieces (名 + の + 名 counts three)
_MAX_READINGS = 64  # per span, to bound the product of per-kanji readings
_LATIN_HEAD = re.compile(r"^([a-z][a-z0-9.&'-]*)([^a-z0-9 .&'-].*)$")
_KANA_HEAD = re.compile("^([ァ-ヺー・]+)([^ァ-ヺー・].*)$")
_KATAKANA_RUN = re.compile("[ァ-ヺ][ァ-ヺー・]{2,}")
_LATIN_RUN = re.compile("[A-Za-zＡ-Ｚａ-ｚ][A-Za-zＡ-Ｚａ-ｚ0-9０-９.&'-]{3,}")
_ENGLISH_ENDINGS = ("ing", "ed", "ly", "tion", "sion", "ness", "ment", "able", "ible", "ful", "less", "ous", "es")


@dataclass(frozen=True)
class CorrectorConfig:
    min_confidence: float = 0.6
    # Phonetic keys must agree this much (rapidfuzz ratio, 0-100): コアビーブ/コアウィーブ fold to
    # the same key; one differing mora in a 5-mora name scores ~80.
    phonetic_cutoff: float = 80.0
    min_phonetic_len: int = 3  # an equal key of 3 sounds (エザイ) is a match; fewer collide with loanwords
    min_fuzzy_len: int = 5  # a near (not equal) key needs more sounds: フランシス ~ フランス is chance
    # Jaro-Winkler for Latin names rewards the shared start that misheard names keep.
    latin_cutoff: float = 0.88
    min_latin_len: int = 5
    evidence_bonus: float = 0.1


def _is_kana(text: str) -> bool:
    return bool(text) and all("ァ" <= c <= "ヺ" or c == "ー" for c in text)


def _is_name_piece(m: Morpheme) -> bool:
    """A katakana token that can be part of a name (a lone ・ or ー cannot start or end one)."""
    return is_katakana(m.surface) and m.surface not in ("・", "ー")


class Corrector:
    """Lexicon-driven correction of one line at a time (`find`), pure given its inputs."""

    def __init__(self, lexicon: Lexicon, analyzer: Analyzer, config: CorrectorConfig = CorrectorConfig()):
        self.lexicon = lexicon
        self.analyzer = analyzer
        self.config = config
        self._known = lru_cache(maxsize=65536)(self._is_dictionary_word)
        self._dictionary_readings = lru_cache(maxsize=65536)(self._lookup_readings)
        self._cached_readings = lru_cache(maxsize=65536)(self._token_readings)
        self._starts = lru_cache(maxsize=65536)(self._starting_readings)
        by_reading: dict[str, set[Entry]] = {}
        by_key: dict[str, set[Entry]] = {}
        latin: dict[str, Entry] = {}
        for alias, entry in lexicon.by_alias.items():
            if all(is_latin(word) for word in alias.split(" ")):  # CoreWeave, The Athletic
                latin.setdefault(alias, entry)
                continue
            readings = self._alias_readings(entry.pattern)
            for reading in readings:
                by_reading.setdefault(reading, set()).add(entry)
            if readings and is_katakana(entry.pattern):
                for key in phonetic_keys(readings[0]):
                    by_key.setdefault(key, set()).add(entry)
        # Names of two scripts (NERV防災, ネルフ防災): the Latin or katakana head may be misheard
        # while the rest is said right, so heads are matched on their own before the rest.
        self._latin_heads: list[tuple[str, str, Entry]] = []
        self._kana_heads: dict[str, list[tuple[str, Entry]]] = {}
        for alias, entry in lexicon.by_alias.items():
            head = _LATIN_HEAD.match(alias) or _KANA_HEAD.match(alias)
            if head is None or len(head.group(1)) < 3:
                continue
            if head.re is _LATIN_HEAD:
                self._latin_heads.append((head.group(1), head.group(2), entry))
            else:
                key = devoice(phonetic_key(head.group(1)))
                self._kana_heads.setdefault(key, []).append((head.group(2), entry))
        # A reading shared by two ids says nothing about which one was meant: leave it out.
        self._by_reading = {r: next(iter(es)) for r, es in by_reading.items() if len({e.id for e in es}) == 1}
        self._by_key = {k: next(iter(es)) for k, es in by_key.items() if len({e.id for e in es}) == 1}
        self._prefixes = {r[:i] for r in self._by_reading for i in range(1, len(r) + 1)}
        self._keys = [k for k in self._by_key if len(k) >= config.min_fuzzy_len]
        self._devoiced = [devoice(k) for k in self._keys]
        by_devoiced: dict[str, set[str]] = {}
        for k, entry in self._by_key.items():
            by_devoiced.setdefault(devoice(k), set()).add(entry.id)
        self._by_devoiced = {devoice(k): e for k, e in self._by_key.items() if len(by_devoiced[devoice(k)]) == 1}
        self._latin = latin
        self._latin_keys: dict[int, list[str]] = {}  # by number of words: a phrase meets its own kind
        for k in latin:
            if len(k) >= config.min_latin_len:
                self._latin_keys.setdefault(k.count(" ") + 1, []).append(k)
        self._latin_phrases = max(self._latin_keys, default=1) > 1

    def _alias_readings(self, pattern: str, limit: int = 8) -> list[str]:
        """Readings of an alias: SudachiPy's first, then other dictionary readings of its
        words (中央駅 may come out as チュンアンエキ; チュウオウエキ is among the others).
        Symbols (・) are silent."""
        options = []
        for m in self.analyzer.analyze(pattern):
            if m.pos[0] in ("補助記号", "空白"):
                continue
            reading = to_katakana(m.reading)
            choices = [reading] if _is_kana(reading) else []
            choices += [r for r in self._dictionary_readings(m.surface)[:3] if r not in choices]
            if not choices:
                return []
            options.append(choices)
        return ["".join(combo) for combo in islice(product(*options), limit)] if options else []

    def _is_dictionary_word(self, surface: str) -> bool:
        return bool(self.analyzer.dictionary.lookup(surface))

    # -- readings ----------------------------------------------------------
    def _readings(self, m: Morpheme) -> tuple[str, ...]:
        return self._cached_readings(m.surface, m.reading, m.oov)

    def _token_readings(self, surface: str, reading: str, oov: bool) -> tuple[str, ...]:
        """The readings a token may stand for: SudachiPy's in context, the dictionary's other
        readings of the same word (竹田: タケタ, タケダ), and for a lone or unknown kanji
        string, the readings of its characters (凍: トウ)."""
        reading = to_katakana(reading)
        out = [reading] if _is_kana(reading) else []
        if len(surface) == 1 and is_kanji(surface):
            out.extend(r for r in kanji_readings(surface) if r not in out)
        elif oov and len(surface) <= 3 and all(is_kanji(c) for c in surface):
            out.extend(r for r in span_readings(surface, _MAX_READINGS) if r not in out)
        elif not oov and len(surface) > 1:
            out.extend(r for r in self._dictionary_readings(surface) if r not in out)
        return tuple(out[:_MAX_READINGS])

    def _starting_readings(self, surface: str, reading: str, oov: bool) -> tuple[str, ...]:
        """The token's readings that can begin an entry's reading (most tokens have none)."""
        return tuple(r for r in self._cached_readings(surface, reading, oov) if r in self._prefixes)

    def _lookup_readings(self, surface: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(to_katakana(r) for r in self.analyzer.readings(surface) if r))

    # -- candidates --------------------------------------------------------
    def find(self, text: str, morphemes: Sequence[Morpheme], evidence: Counter | None = None,
             protected: Sequence[tuple[int, int]] = ()) -> list[Edit]:
        """Edits for misheard spans of `text`, non-overlapping and sorted by start.

        `evidence` counts correctly written mentions per canonical id in the whole
        transcript; `protected` spans (aliases written correctly, collapsed loops) are left alone.
        """
        found = self._by_reading_spans(text, morphemes) + self._variant_spans(morphemes)
        if _KATAKANA_RUN.search(text):  # a C-speed look before a Python pass over the tokens
            found += self._phonetic_spans(text, morphemes)
        if _LATIN_RUN.search(text):
            found += self._latin_spans(text, morphemes)
        if not found:
            return []
        evidence = evidence or Counter()
        scored = []
        for edit in found:
            conf = edit.confidence
            if evidence.get(edit.canonical):
                conf = min(1.0, conf + self.config.evidence_bonus)
            if conf >= self.config.min_confidence:
                scored.append(edit.with_confidence(round(conf, 3)))
        return _select(text, scored, protected)

    def _edit(self, text: str, start: int, end: int, entry: Entry, method: str, conf: float) -> Edit:
        return Edit(start, end, text[start:end], entry.id, entry.id, entry.label, method, conf)

    def _by_reading_spans(self, text: str, morphemes: Sequence[Morpheme]) -> list[Edit]:
        out = []
        prefixes, by_reading, aliases = self._prefixes, self._by_reading, self.lexicon.by_alias
        n = len(morphemes)
        starts = self._starts
        for i in [i for i, m in enumerate(morphemes) if m[5][0] in _CONTENT_POS or m[6]]:
            first = morphemes[i]
            readings = starts(first.surface, first.reading, first.oov)
            if not readings:
                continue
            for j in range(i, min(n, i + _MAX_SPAN)):
                if j > i:
                    m = morphemes[j]
                    if m.pos[0] not in _CONTENT_POS and not m.oov and m.surface != "の":
                        break  # の may stand inside a name (葬送のフリーレン), nothing else may
                    readings = [a + b for a in readings for b in self._readings(m) if a + b in prefixes]
                if not readings:
                    break
                for reading in readings:
                    entry = by_reading.get(reading)
                    if entry is None:
                        continue
                    span = morphemes[i:j + 1]
                    start, end = first.start, morphemes[j].end
                    surface = text[start:end]
                    if fold(surface) in aliases:
                        break
                    conf = self._reading_confidence(span, surface, entry)
                    if conf:
                        out.append(self._edit(text, start, end, entry, "reading", conf))
                    break
        return out

    def _variant_spans(self, morphemes: Sequence[Morpheme]) -> list[Edit]:
        """A name written in a spelling SudachiPy knows as a variant of the alias (its normalized
        form is the alias): エンジェルス -> エンゼルス. Domain terms are left to their speakers."""
        out = []
        aliases = self.lexicon.by_alias
        for m in [m for m in morphemes if m[4] != m[0] and m[5][0] == "名詞" and not m[6]]:  # respelt nouns
            entry = aliases.get(fold(m.normalized))
            if entry is not None and entry.label != "TERM" and fold(m.surface) not in aliases:
                out.append(Edit(m.start, m.end, m.surface, entry.id, entry.id, entry.label, "variant", 0.8))
        return out

    def _reading_confidence(self, span: Sequence[Morpheme], surface: str, entry: Entry) -> float:
        """How likely a span that reads like `entry` is a mishearing of it; 0 for a real word."""
        if self._known(surface):
            return 0.0  # 史上 (シジョウ) is not 市場, 市町 not 市長: a dictionary word stays
        if len(span) == 2 and span[0].pos[1] == "数詞" and "助数詞" in span[1].pos[2]:
            return 0.0  # 二本 (ニホン) is a count, not 日本; 二頭流 may still be 二刀流
        if len(span) == 1:
            return 0.85 if is_katakana(surface) else 0.8  # サツタバ: kana spelling of 札束
        odd = any(m.oov or len(m.surface) == 1 or m.pos[0] == "接尾辞" for m in span)
        shared = bool(set(surface) & set(entry.pattern))
        if shared and odd:
            return 0.9
        if shared or odd:
            return 0.8  # 暗号試算: two words that together only read as the term
        return 0.0

    def _phonetic_spans(self, text: str, morphemes: Sequence[Morpheme]) -> list[Edit]:
        if not self._by_key and not self._kana_heads:
            return []
        out = []
        cfg = self.config
        n = len(morphemes)
        for i in range(n):
            if not ("ァ" <= morphemes[i].surface[0] <= "ヺ") or not _is_name_piece(morphemes[i]):
                continue
            for j in range(i, min(n, i + 3)):
                if not _is_name_piece(morphemes[j]):
                    break
                start, end = morphemes[i].start, morphemes[j].end
                surface = text[start:end]
                if fold(surface) in self.lexicon.by_alias or (i == j and self._known(surface)):
                    continue
                key = phonetic_key(surface)
                if len(key) < cfg.min_phonetic_len:
                    continue
                for rest, entry in self._kana_heads.get(devoice(key), ()):
                    if text.startswith(rest, end) and fold(text[start:end + len(rest)]) not in self.lexicon.by_alias:
                        # ネルブ防災 -> ネルフ防災
                        out.append(self._edit(text, start, end + len(rest), entry, "phonetic", 0.85))
                entry = self._by_key.get(key)
                if entry is not None:
                    out.append(self._edit(text, start, end, entry, "phonetic", 0.9))
                    continue
                entry = self._by_devoiced.get(devoice(key)) if len(key) > cfg.min_phonetic_len else None
                if entry is not None:  # オプシーボ ~ オプジーボ: only voicing differs
                    out.append(self._edit(text, start, end, entry, "phonetic", 0.85))
                    continue
                if len(key) < cfg.min_fuzzy_len or not self._keys:
                    continue
                # Compare without voicing marks: オプシーボ / オプジーボ, ドジャーズ / ドジャース.
                best = process.extractOne(devoice(key), self._devoiced, scorer=fuzz.ratio,
                                          score_cutoff=cfg.phonetic_cutoff)
                if best is None:
                    continue
                match = self._keys[best[2]]
                # アメリカン is not アメリカ: a longer or shorter word sharing the start is another word.
                if key.startswith(match) or match.startswith(key) or key[0] != match[0]:
                    continue
                if min(len(key), len(match)) / max(len(key), len(match)) < 0.75:
                    continue
                # A near key is weaker evidence than an equal one: 80 (one sound off in five)
                # stays under the default threshold unless the name is said right elsewhere.
                out.append(self._edit(text, start, end, self._by_key[match], "phonetic",
                                      round(0.9 * (best[1] - 50) / 50, 3)))
        return out

    def _latin_spans(self, text: str, morphemes: Sequence[Morpheme]) -> list[Edit]:
        if not self._latin_keys and not self._latin_heads:
            return []
        out = []
        longest = max(self._latin_keys, default=1)
        folded = fold(text)
        for i, m in enumerate(morphemes):
            if not _is_latin_word(m):
                continue
            if not self._known(m.surface):  # Amazing is an English word SudachiPy knows, not Amazon
                out += self._latin_edit(m.start, m.end, m.surface, 1)
                for head, rest, entry in self._latin_heads:  # NERVE防災 -> NERV防災
                    if folded.startswith(rest, m.end):
                        out += self._latin_edit(m.start, m.end + len(rest), text[m.start:m.end + len(rest)], 1,
                                                keys=[head], entry=entry, tail=len(rest))
            if not self._latin_phrases:
                continue
            j, words = i, 1  # The Atheletic -> The Athletic: words joined by single spaces
            while words < longest and j + 2 < len(morphemes) and morphemes[j + 1].surface == " " \
                    and _is_latin_word(morphemes[j + 2]):
                j, words = j + 2, words + 1
                if words in self._latin_keys and not all(self._known(w.surface) for w in morphemes[i:j + 1:2]):
                    surface = "".join(w.surface for w in morphemes[i:j + 1])
                    out += self._latin_edit(m.start, morphemes[j].end, surface, words)
        return out

    def _latin_edit(self, start: int, end: int, surface: str, words: int, keys: list[str] | None = None,
                    entry: Entry | None = None, tail: int = 0) -> list[Edit]:
        """An edit when `surface` (less its `tail`, said right) is a near miss of a Latin name."""
        cfg = self.config
        if fold(surface) in self.lexicon.by_alias:
            return []
        key = fold(surface[:len(surface) - tail])
        keys = keys if keys is not None else self._latin_keys.get(words)
        if not keys or len(key) < cfg.min_latin_len:
            return []
        best = process.extractOne(key, keys, scorer=JaroWinkler.normalized_similarity,
                                  score_cutoff=cfg.latin_cutoff)
        if best is None:
            return []
        match = best[0]
        # Metal is not Meta, Googles is not Google: a name misheard keeps its length, not its
        # prefix, unless the rest of a two-script name follows (NERVE防災 is NERV防災).
        if (match.startswith(key) or key.startswith(match)) and not tail:
            return []
        # Amazing is not Amazon: an English inflection marks a real word, not a misheard name.
        if key.endswith(_ENGLISH_ENDINGS) and not match.endswith(_ENGLISH_ENDINGS):
            return []
        if Levenshtein.normalized_similarity(key, match) < 0.6:
            return []
        entry = entry or self._latin[match]
        return [Edit(start, end, surface, entry.id, entry.id, entry.label, "latin", round(0.95 * best[1], 3))]


def _is_latin_word(m: Morpheme) -> bool:
    surface = m.surface
    return surface[0].isalpha() and is_latin(surface)


def _select(text: str, edits: list[Edit], protected: Sequence[tuple[int, int]]) -> list[Edit]:
    """Greedy choice of non-overlapping edits: most confident, then longest, then leftmost.

    A protected span (an alias written correctly) stays, unless an edit covers it whole and
    keeps it in its replacement: 大谷 in 大谷翔兵 -> 大谷翔平.

    Overlaps are found by bisection in the spans chosen and the protected ones, sorted: a long
    line can have thousands of candidate edits (18,000 x ㊤ reads ジョウ x 18,000).
    """
    chosen: list[Edit] = []
    starts: list[int] = []  # of the edits chosen, sorted; they never overlap, so their ends are sorted too
    ends: list[int] = []
    guard = sorted(protected)
    guard_starts = [a for a, _ in guard]
    reach = list(accumulate((b for _, b in guard), max))  # the furthest end of the protected spans up to each

    def blocked(edit: Edit) -> bool:
        j = bisect_left(guard_starts, edit.end) - 1  # the last protected span starting before the edit ends
        while j >= 0 and reach[j] > edit.start:
            a, b = guard[j]
            if edit.start < b and not (edit.start <= a and b <= edit.end and text[a:b] in edit.replacement):
                return True
            j -= 1
        return False

    for edit in sorted(edits, key=lambda e: (-e.confidence, -(e.end - e.start), e.start)):
        start, end = edit.start, edit.end
        i = bisect_right(starts, start)  # an overlapping edit is the one before or the one after
        if (i and ends[i - 1] > start and starts[i - 1] < end) or (i < len(starts) and starts[i] < end):
            continue
        if guard and blocked(edit):
            continue
        chosen.append(edit)
        starts.insert(i, start)
        ends.insert(i, end)
    return sorted(chosen, key=lambda e: e.start)
