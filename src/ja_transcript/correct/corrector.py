"""Find spans that are misheard forms of lexicon entries, and how likely each is right.

Candidates come from four kinds of evidence, none of which needs the misheard form listed:

- sound: a span whose reading is equal or near (a weighted mora distance, `phonetic.py`) to
  an entry's reading, written otherwise: 暗号試算 -> 暗号資産, 給投 / 急凍 -> 急騰, サツタバ
  -> 札束, 秀吟議員 -> 衆議院議員. Spans are runs of tokens and, in kana, any stretch of
  characters (a hiragana spelling cuts SudachiPy's tokens anywhere). Readings come from
  SudachiPy in context, its dictionary's other readings of the word, and for a lone or
  unknown kanji the readings of its characters (the kanji table). An index on coarse sound
  keys (`index.py`) keeps the cost per span independent of the lexicon's size.
- katakana key: a katakana span whose folded key equals or nearly equals an entry's
  katakana alias (コアビーブ ~ コアウィーブ -> CoreWeave).
- latin: a Latin-script near miss of a Latin alias (CoreWeb -> CoreWeave, Nvidea -> NVIDIA).
- variant: a spelling SudachiPy knows as a variant of a name (エンジェルス -> エンゼルス).

Each candidate is described by features (how far the sounds are, whether the span is a
dictionary word and how common, scripts, the entry written correctly elsewhere, lexicon
terms nearby ...), and its confidence is the probability a fitted logistic regression gives
it (`confidence.py`). A dictionary word is thus replaced only when its context makes the
term likely, and a correctly written alias is a mention, not an edit.
"""

from __future__ import annotations

import math
import re

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, islice, product
from operator import attrgetter
from typing import Any, Sequence

from sudachipy import SplitMode
from rapidfuzz import fuzz, process
from rapidfuzz.distance import JaroWinkler, Levenshtein

from ..nlp import Analyzer, Morpheme
from ..nlp.kanji import kanji_readings, span_readings
from ..chars import is_kanji
from ..extract.words import table
from ..model import Edit
from .confidence import FEATURES, ConfidenceModel, default_model, zipf
from .topics import Passage, Topics, default_topics
from .english import ENGLISH_DIGITS as _ENGLISH_DIGITS, LETTERS as _LETTERS, english_reading
from .index import Match, SoundIndex
from .lexicon import DEFAULT_LEXICON, Entry, Lexicon, fold
from .phonetic import (
    devoice, is_katakana, is_latin, morae, mora_distance, phonetic_key, phonetic_keys, small_vowels, to_katakana,
)

_CONTENT_POS = {"名詞", "接頭辞", "接尾辞", "形状詞"}
_FUNCTION_POS = {"助詞", "助動詞"}
_INFLECTING = {"動詞", "形容詞", "助動詞"}
_MAX_SPAN = 5  # tokens: a misheard term is rarely cut into more pieces (名 + の + 名 counts three)
_MAX_READINGS = 64  # per span, to bound the product of per-kanji readings
_NEAR_READINGS = 3  # readings per token tried for near (not equal) sounds
_NEAR_COMBOS = 12  # combinations of them per span
_MAX_KANA_SPAN = 24  # characters of a kana stretch compared as one span
_LATIN_HEAD = re.compile(r"^([a-z][a-z0-9.&'-]*)([^a-z0-9 .&'-].*)$")
_KANA_HEAD = re.compile("^([ァ-ヺー・]+)([^ァ-ヺー・].*)$")
_KATAKANA_RUN = re.compile("[ァ-ヺ][ァ-ヺー・]{2,}")
_KANA_RUN = re.compile("[ぁ-ゖァ-ヺー]{2,}")
_LATIN_RUN = re.compile("[A-Za-zＡ-Ｚａ-ｚ][A-Za-zＡ-Ｚａ-ｚ0-9０-９.&'-]{3,}")
# A lexicon mention this common as a word (日本, 東京, 政府: Zipf 5 and over, ten per 100,000
# words) says nothing of the topic; a rarer one (トヨタ, 首相, 大谷) does.
_EVERYDAY_ZIPF = 5.0
_HONORIFICS = table("entities", "honorifics")
_TOPIC_FIT = 0.2  # cosine: a term this much nearer the passage's topic than the word heard may stand for it
_NO_FIT = (0.0, 0.0)
_PRIOR_GAP = 3.0  # Zipf: a term this much commoner than the dictionary word written may stand for it
_NEXT_PARTICLE = FEATURES.index("next_particle")
_MAX_SOUND_SPAN = 7  # tokens of a near-sound span, the joiners of a name's parts (・) included
_JOINERS = frozenset("・．.＝=")
# Latin letters said by name, as SudachiPy reads FC (エフシー) and as katakana spells them.
_DIGITS = re.compile("[0-9０-９]")
_NUMERALS = re.compile("[0-9０-９〇一二三四五六七八九十百千万億兆]")
_KATAKANA_PART = re.compile("[ァ-ヺー]+")
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
    # Near sounds are searched within this distance for an entry of n morae (exact only below
    # 3 morae: a near match of two morae is chance). The bound only limits the search; whether
    # a near sound is a correction is the confidence model's decision.
    near_limits: tuple[float, ...] = (0.0, 0.0, 0.0, 0.45, 0.6, 0.8, 0.8, 1.0)
    # Lines each side of a line whose lexicon mentions are its context: a transcript states its
    # topic in the lines around a word, seldom in the word's own sentence.
    window: int = 3
    model: ConfidenceModel | None = None  # None: the shipped model


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span that may be a misheard form of `entry`, with what the features need."""

    start: int
    end: int
    entry: Entry
    method: str  # reading | phonetic | latin | variant
    distance: float  # weighted mora distance to the entry's reading; for latin 1 - similarity
    term_morae: int
    alias: str  # the alias whose sound or spelling matched
    kind: str = "sound"  # sound | katakana | latin | variant: the generator
    similarity: float = 0.0  # latin: Jaro-Winkler
    ambiguous: bool = False


def _is_kana(text: str) -> bool:
    """Katakana only (as SudachiPy writes readings)."""
    return _KATAKANA_ONLY.fullmatch(text) is not None


_KATAKANA_ONLY = re.compile("[ァ-ヺー]+")


def _is_kana_text(text: str) -> bool:
    """Hiragana or katakana (with ー and ・), of either script or both."""
    return bool(text) and all("ぁ" <= ch <= "ゖ" or "ァ" <= ch <= "ヺ" or ch in "ー・" for ch in text)


def _overlapping(morphemes: Sequence[Morpheme], start: int, end: int) -> tuple[int, int]:
    """The index range of the morphemes overlapping [start, end) (morphemes tile their text in
    order, so a bisection finds it: a long line has thousands of candidates)."""
    lo = bisect_right(morphemes, start, key=_END)
    return lo, max(lo, bisect_left(morphemes, end, key=_START))


_START, _END = attrgetter("start"), attrgetter("end")


def _is_hiragana(text: str) -> bool:
    return bool(text) and not text.translate(_HIRAGANA_GONE)


_HIRAGANA_GONE = dict.fromkeys([*range(ord("ぁ"), ord("ゖ") + 1), ord("ー")])  # translate deletes them


def _is_name_piece(m: Morpheme) -> bool:
    """A katakana token that can be part of a name (a lone ・ or ー cannot start or end one)."""
    return is_katakana(m.surface) and m.surface not in ("・", "ー")


def _script(text: str) -> str:
    if _is_hiragana(text):
        return "hiragana"
    if is_katakana(text):
        return "katakana"
    if all(is_latin(w) for w in text.split(" ")):
        return "latin"
    return "kanji" if any(is_kanji(c) for c in text) else "mixed"


class Corrector:
    """Lexicon-driven correction of one line at a time (`find`), pure given its inputs."""

    def __init__(self, lexicon: Lexicon, analyzer: Analyzer, config: CorrectorConfig = CorrectorConfig(),
                 readings: dict[str, list[str]] | None = None):
        """`readings`: aliases' readings already known, by pattern (a cache, see `cache.py`);
        those read here are added to it."""
        self.lexicon = lexicon
        self.analyzer = analyzer
        self.config = config
        self._model = config.model  # the shipped one is read at the first use
        self._topics: Topics | None = None  # read when a dictionary word first needs them
        self._entries = lru_cache(maxsize=65536)(self._dictionary_entries)
        self._dictionary_readings = lru_cache(maxsize=65536)(self._lookup_readings)
        self._taught = self._readings_taught(lexicon)
        self._cached_readings = lru_cache(maxsize=65536)(self._token_readings)
        self._starts = lru_cache(maxsize=65536)(self._starting_readings)
        self._zipf = lru_cache(maxsize=65536)(zipf)
        by_reading: dict[str, set[Entry]] = {}
        by_key: dict[str, set[Entry]] = {}
        latin: dict[str, Entry] = {}
        sounds: list[tuple[tuple[str, ...], Entry, str]] = []
        self._alias_of: dict[tuple[str, str], str] = {}  # (reading, id) -> alias read so
        # ids the lexicon names in Japanese script too: their Latin aliases need no sound of their own
        japanese = {e.id for e in lexicon.entries for name in (e.pattern, e.written) if name and not _all_latin(name)}
        for alias, entry in lexicon.by_alias.items():
            said_as_english = False
            if _all_latin(alias):  # CoreWeave, The Athletic
                latin.setdefault(alias, entry)
                if entry.id in japanese and not entry.reading:
                    continue
                # listed in Latin letters only: heard as Japanese says it (GPU ジーピーユー, CoreWeave
                # コアウィーブ), or as its `reading` says; a katakana near miss is this name
                if entry.reading:
                    alias_readings = [entry.reading]
                elif readings is not None and (cached := readings.get(entry.pattern)) is not None:
                    alias_readings = cached
                else:
                    r = english_reading(entry.pattern)  # a model's run per word: kept with the readings
                    alias_readings = [r] if r and len(morae(r)) >= 3 else []
                    if readings is not None:
                        readings[entry.pattern] = alias_readings
                said_as_english = True
            elif entry.reading:
                alias_readings = [entry.reading]
            elif readings is not None and (cached := readings.get(entry.pattern)) is not None:
                alias_readings = cached
            else:
                alias_readings = self._alias_readings(entry.pattern)
                if readings is not None:
                    readings[entry.pattern] = alias_readings
            for reading in alias_readings:
                by_reading.setdefault(reading, set()).add(entry)
                self._alias_of.setdefault((reading, entry.id), entry.pattern)
                sounds.append((morae(reading), entry, entry.pattern))
            if alias_readings and (said_as_english or is_katakana(entry.pattern)):
                for key in phonetic_keys(alias_readings[0]):
                    by_key.setdefault(key, set()).add(entry)
        self._index = SoundIndex(sounds)
        self._mora_split = lru_cache(maxsize=1 << 16)(morae)  # a transcript's kana stretches recur
        written = [e.pattern for e in lexicon.by_alias.values() if not _is_hiragana(e.pattern)]
        self._alias_chars = frozenset(ch for a in written for ch in a)
        self._alias_pairs = frozenset(a[i:i + 2] for a in written for i in range(len(a) - 1))
        self._in_an_alias = lru_cache(maxsize=1 << 16)(self._may_be_in_an_alias)
        self._spelt = {(s.morae, s.entry.id) for s in self._index.sounds}  # how each entry sounds
        self._written_of: dict[str, list[str]] = {}  # each entry's aliases as written
        for entry in lexicon.entries:
            self._written_of.setdefault(entry.id, []).append(entry.pattern)
        self._morae_of: dict[str, int] = {}
        for s in self._index.sounds:  # an entry's length: its shortest reading
            n = self._morae_of.get(s.entry.id)
            self._morae_of[s.entry.id] = len(s.morae) if n is None else min(n, len(s.morae))
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

    @property
    def model(self) -> ConfidenceModel:
        if self._model is None:
            self._model = default_model()
        return self._model

    def _alias_readings(self, pattern: str, limit: int = 8) -> list[str]:
        """Readings of an alias: SudachiPy's first, then other dictionary readings of its
        words (中央駅 may come out as チュンアンエキ; チュウオウエキ is among the others).
        Symbols (・) are silent."""
        options = []
        words = [m for m in self.analyzer.analyze(pattern) if m.pos[0] not in ("補助記号", "空白")]
        for k, m in enumerate(words):
            reading = to_katakana(m.reading)
            choices = [reading] if _is_kana(reading) else []
            choices += [r for r in self._dictionary_readings(m.surface)[:3] if r not in choices]
            surface = m.surface
            if surface.isascii() and surface.isalpha() and len(surface) <= 4:
                # Letters are said by name: SudachiPy reads a lone A or G as a unit (アール, グラム)
                spelt = "".join(_LETTERS[c] for c in surface.upper())
                if spelt in choices:
                    choices.remove(spelt)
                choices.insert(0 if len(surface) == 1 or not choices else len(choices), spelt)
            elif len(surface) == 1 and surface.isdigit() and any(
                    w.surface.isascii() and w.surface.isalpha() for w in words[max(0, k - 1):k + 2]):
                choices.append(_ENGLISH_DIGITS[surface])  # a digit in a model name: A1c エーワンシー, F1 エフワン
            if not choices:
                return []
            options.append(choices)
        return ["".join(combo) for combo in islice(product(*options), limit)] if options else []

    def _may_be_in_an_alias(self, surface: str) -> bool:
        """False when `surface` stands in no alias: a character or a pair of them no alias has."""
        if len(surface) == 1:
            return surface in self._alias_chars
        pairs = self._alias_pairs
        return all(surface[i:i + 2] in pairs for i in range(len(surface) - 1))

    def _word_said(self, surface: str, morphemes: Sequence[Morpheme], c: Candidate) -> bool:
        """Whether the span is a dictionary word that fits where it stands: a kana verb in its
        plain form before は, を or が does not (`_noun_in_kana`)."""
        if not self._known(surface):
            return False
        lo, hi = _overlapping(morphemes, c.start, c.end)
        return not (hi - lo == 1 and _noun_in_kana(morphemes, lo))

    def _said_with_no(self, entry_id: str) -> bool:
        """Whether some reading of the entry has the mora ノ (之, 乃 and 野 are said so: 新之助)."""
        return any("ノ" in s.morae for s in self._index.sounds_of(entry_id))

    def _dictionary_entries(self, surface: str) -> tuple[tuple[bool, bool], ...]:
        """What the dictionary has for `surface`, one (proper noun, one short unit) per entry:
        looked up once (cached) for the questions below, which the candidate loops ask."""
        return tuple((m.part_of_speech()[1] == "固有名詞", len(m.split(SplitMode.A)) <= 1)
                     for m in self.analyzer.dictionary.lookup(surface))

    def _common_word(self, surface: str) -> bool:
        """A word the dictionary has as other than a proper noun (ピクセル; not ニッポン)."""
        return any(not proper for proper, _ in self._entries(surface))

    def _foreign_name(self, surface: str) -> bool:
        """A katakana word the dictionary has as proper nouns only (アイセン, a surname)."""
        return is_katakana(surface) and all(proper for proper, _ in self._entries(surface))

    def _unit_word(self, surface: str) -> bool:
        """Whether the dictionary has `surface` as one short unit of common vocabulary only,
        written in kanji (野兎; not 文科相 = 文科 + 相, nor a name such as アイセン, nor じか, 直
        in kana): wordfreq counts such words by that spelling, so their Zipf value is their own,
        not 0 for a compound, a person's rarity for a name, or a kana spelling's for the word."""
        if not any(is_kanji(ch) for ch in surface):
            return False
        found = self._entries(surface)
        return bool(found) and all(unit and not proper for proper, unit in found)

    def _known(self, surface: str) -> bool:
        if self._entries(surface):
            return True
        # SudachiPy files Latin words in lower case (its input plugin folds case first): WHITE is
        # the English word white; a romanized name filed so (otani) is no English word
        return surface.isascii() and not surface.islower() and self._common_word(surface.lower())

    # -- readings ----------------------------------------------------------
    def _readings(self, m: Morpheme) -> tuple[str, ...]:
        return self._cached_readings(m.surface, m.reading, m.oov)

    def _readings_taught(self, lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
        """Readings of words the lexicon's own readings teach: where a pattern with a `reading`
        is read by SudachiPy right but for one word (反田恭平 ソリタキョウヘイ, SudachiPy タンダ +
        キョウヘイ), that word is read so wherever it stands (反田 ソリタ), and a name misheard in
        its other part (反田京平) is still heard as the name."""
        taught: dict[str, list[str]] = {}
        for entry in lexicon.entries:
            if not entry.reading or _all_latin(entry.pattern):
                continue
            words = [m for m in self.analyzer.analyze(entry.pattern) if m.pos[0] not in ("補助記号", "空白")]
            said = [to_katakana(m.reading) for m in words]
            for k, m in enumerate(words):
                head, tail = "".join(said[:k]), "".join(said[k + 1:])
                rest = entry.reading[len(head):len(entry.reading) - len(tail)]
                if len(words) > 1 and entry.reading.startswith(head) and entry.reading.endswith(tail) \
                        and len(head) + len(tail) < len(entry.reading) and rest != said[k] \
                        and all(is_kanji(ch) for ch in m.surface):
                    taught.setdefault(m.surface, []).append(rest)
                    break
        return {w: tuple(dict.fromkeys(rs)) for w, rs in taught.items()}

    def _token_readings(self, surface: str, reading: str, oov: bool) -> tuple[str, ...]:
        """The readings a token may stand for: SudachiPy's in context, the dictionary's other
        readings of the same word (竹田: タケタ, タケダ), and for a lone or unknown kanji
        string, the readings of its characters (凍: トウ). A kana token reads as written."""
        if _is_hiragana(surface) or is_katakana(surface):
            return (to_katakana(surface).replace("・", ""),)
        if surface.isascii() and surface.isalpha() and len(surface) <= 4 and not _is_kana(reading):
            return ("".join(_LETTERS[c] for c in surface.upper()),)  # F.C. エフシー: letters by name
        reading = to_katakana(reading)
        out = [reading] if _is_kana(reading) else []
        out.extend(r for r in self._taught.get(surface, ()) if r not in out)  # second: SudachiPy's in context first
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

    # -- find ----------------------------------------------------------------
    def find(self, text: str, morphemes: Sequence[Morpheme], evidence: Counter | None = None,
             protected: Sequence[tuple[int, int]] = (), window: Sequence[Nearby] = (),
             mentions: list[tuple[int, int, Entry]] | None = None,
             around: Sequence[Sequence[Morpheme]] = ()) -> list[Edit]:
        """Edits for misheard spans of `text`, non-overlapping and sorted by start.

        `evidence` counts correctly written mentions per canonical id in the whole
        transcript; `protected` spans (aliases written correctly, collapsed loops) are left alone;
        `window` holds the mentions written correctly in the lines around this one
        (`window_mentions`), and `around` those lines' morphemes, whose words say the topic.
        Names spelt in kana with their own reading (ちゅうごく), which are mentions and no
        edits, are added to `mentions` when a list is given.
        """
        scored = []
        for cand, x in self.scored_candidates(text, morphemes, evidence, protected, window, mentions, around):
            if x is None:
                conf = self._unmodelled_confidence(cand, evidence)
            else:
                conf = min(round(self.model.probability(x), 3), 0.999)  # a fitted probability, never certainty
            if conf >= self.config.min_confidence and conf > 0:
                e = cand.entry
                scored.append(Edit(cand.start, cand.end, text[cand.start:cand.end], written_form(cand), e.id,
                                   e.label, cand.method, conf))
        return _select(text, scored, protected)

    def _unmodelled_confidence(self, cand: Candidate, evidence: Counter | None) -> float:
        """Latin near misses and spelling variants: the benchmark has none, so no fitted
        probability; the match's own strength (Jaro-Winkler x 0.95; 0.8 for a variant), and
        0.1 more when the name is written right elsewhere in the transcript."""
        conf = 0.95 * cand.similarity if cand.kind == "latin" else 0.8
        if evidence and evidence.get(cand.entry.id):
            conf += 0.1
        return round(min(conf, 1.0), 3)

    def scored_candidates(self, text: str, morphemes: Sequence[Morpheme], evidence: Counter | None = None,
                          protected: Sequence[tuple[int, int]] = (), window: Sequence[Nearby] = (),
                          mentions: list[tuple[int, int, Entry]] | None = None,
                          around_lines: Sequence[Sequence[Morpheme]] = ()
                          ) -> list[tuple[Candidate, list[float] | None]]:
        """Every candidate with its feature vector (in `confidence.FEATURES` order), None for
        the kinds the model does not cover (latin, variant); kana mentions into `mentions`."""
        found = self.candidates(text, morphemes, mentions)
        if not found:
            return []
        evidence = evidence or Counter()
        telling = [(a, b) for a, b in protected if self._zipf(text[a:b]) < _EVERYDAY_ZIPF]
        here = Counter(e.id for e in (self.lexicon.by_alias.get(fold(text[a:b])) for a, b in protected) if e)
        around = _Around.of(window, self._zipf)
        scored: dict[int, list[float] | None] = {}
        words = []  # dictionary words: decided once the names heard on the line are known
        for k, c in enumerate(found):
            if c.kind in ("latin", "variant"):
                scored[k] = None
            elif self._word_said(text[c.start:c.end], morphemes, c):
                words.append(k)
            elif (x := self._scored(c, text, morphemes, evidence, telling, here, around, _NO_FIT)) is not None:
                scored[k] = x
        if words:
            # A name heard on the line and corrected with confidence says the line's topic as
            # much as one written right (すき屋とか吉野屋とか: 吉野家 among the chains)
            threshold = self.config.min_confidence
            heard = [(c.start, c.end, c.entry.id) for k, c in enumerate(found) if (x := scored.get(k)) is not None
                     and self.model.probability(x) >= threshold]
            passage = self.topics.passage(morphemes, around_lines)
            for k in words:
                c = found[k]
                names = telling + [(a, b) for a, b, i in heard if i != c.entry.id]
                fit = self._topic_fit(c, text, morphemes, passage)
                if self._word_may_be_term(c, text, evidence, names, here, fit[0]):
                    x = self._scored(c, text, morphemes, evidence, names, here, around, fit)
                    if x is not None:
                        scored[k] = x
        return [(found[k], scored[k]) for k in sorted(scored)]

    @property
    def topics(self) -> Topics:
        if self._topics is None:
            self._topics = default_topics()
        return self._topics

    def _topic_fit(self, c: Candidate, text: str, morphemes: Sequence[Morpheme], passage: Passage
                   ) -> tuple[float, float]:
        """How much better the term fits than the dictionary word heard on the span
        (`topics.Passage.fit`): the words of the line itself, and those with the lines around."""
        t = self.topics
        lo, hi = _overlapping(morphemes, c.start, c.end)
        inside = morphemes[lo:hi]
        if inside and inside[0].start == c.start and inside[-1].end == c.end:
            word = t.words(inside)
        else:
            word = t.text(text[c.start:c.end])
        return passage.fit(self._term_vector(c), word, (c.start, c.end))

    def _term_vector(self, c: Candidate) -> Any:
        """The vector of the alias heard, else of the entry's other names: they all name one
        thing (第九 has none of its own, 交響曲第9番 has 交響曲's)."""
        t = self.topics
        v = t.text(c.alias)
        if v is None:
            for name in (*self._written_of.get(c.entry.id, ()), c.entry.written or "", c.entry.id):
                if name and name != c.alias and (v := t.text(name)) is not None:
                    break
        return v

    def _word_may_be_term(self, c: Candidate, text: str, evidence: Counter, telling: list[tuple[int, int]],
                          here: Counter, fit: float) -> bool:
        """The tests a dictionary word must pass before it is scored as the term misheard."""
        surface = text[c.start:c.end]
        span_zipf, term_zipf = self._zipf(surface), self._zipf(c.alias)
        # A dictionary word is a word said, unless its own line says the term is being talked
        # about: other names of the lexicon stand in the same line. Names of the field in the
        # lines around, or the term written there, do not let it in: measured, they let in the
        # words a talk on the field is full of (a talk on 治験 still has 知見); they weigh in the
        # confidence of the candidates that are let in. Or when the term is said a thousand
        # times as often as the word (Zipf three higher) and the word is one short unit, whose
        # frequency is its own (野兎 for 野党, 急凍 for 急騰): the prior then favours the term the
        # recogniser missed. Or when the span is a name in katakana (the dictionary knows many
        # foreign names: アイセン) and the transcript writes the term right elsewhere: katakana
        # writes the sounds heard, so a name of the dictionary there is no sign it was said.
        # Or when the term fits the line's own words clearly better than the word does (講演
        # among 研究 and 発表 where 公園 was heard). Not the lines around: measured, their topic
        # lets in the common words any talk on it has (a talk on rockets still boots computers).
        fits = fit >= _TOPIC_FIT
        if not fits and not any(b <= c.start or a >= c.end for a, b in telling) and not (
                term_zipf - span_zipf >= _PRIOR_GAP and self._unit_word(surface)) and not (
                evidence.get(c.entry.id) and self._foreign_name(surface)):
            return False
        # Nor when the line writes the term itself right: the recogniser knew the term here, so
        # the other spelling of its sound is the other word.
        if here.get(c.entry.id):
            return False
        # Nor when the word is over ten times as common as the term (Zipf one higher): a name or
        # two nearby cannot outweigh that prior (同じ系統の変化球 in a talk on 継投).
        if span_zipf - term_zipf > 1.0:
            return False
        # A common word for a rarer word (計算 for 決算): both are vocabulary, the prior favours
        # the word said, and names nearby do not tell which was meant; only the transcript
        # saying the term elsewhere does.
        return fits or not (c.entry.label == "TERM" and span_zipf > term_zipf and not evidence.get(c.entry.id))

    def _scored(self, c: Candidate, text: str, morphemes: Sequence[Morpheme], evidence: Counter,
                telling: list[tuple[int, int]], here: Counter, around: "_Around",
                fit: tuple[float, float]) -> list[float] | None:
        """The candidate's features, or None when its span is a kana title styled so."""
        x = self._features(c, text, morphemes, evidence, telling, here, around, fit)
        # A name in hiragana that runs on into a word (はままつ朝ラジ) is a title styled so,
        # written on purpose, not a mishearing: a kana spelling said alone is followed by a
        # particle or a mark.
        surface = text[c.start:c.end]
        if c.entry.label != "TERM" and c.distance == 0 and _is_hiragana(surface) and c.end < len(text) \
                and not _is_hiragana(text[c.end]) and not x[_NEXT_PARTICLE]:
            return None
        return x

    def candidates(self, text: str, morphemes: Sequence[Morpheme],
                   mentions: list[tuple[int, int, Entry]] | None = None) -> list[Candidate]:
        """Candidate corrections, one per span and entry (the nearest reading); the names
        spelt in kana with their own reading, longest first and apart, into `mentions`."""
        found = self._by_reading_spans(text, morphemes) + self._variant_spans(morphemes)
        found += self._sound_spans(text, morphemes)
        if _KANA_RUN.search(text):
            found += self._kana_spans(text, morphemes)
            found += self._mixed_spans(text, morphemes)
        if _KATAKANA_RUN.search(text):  # a C-speed look before a Python pass over the tokens
            found += self._phonetic_spans(text, morphemes)
        if _LATIN_RUN.search(text):
            found += self._latin_spans(text, morphemes)
        if not found:
            return []
        best: dict[tuple[int, int, str], Candidate] = {}
        spelt: list[tuple[int, int, Entry]] = []  # names written in kana with their own reading
        aliases = self.lexicon.by_alias
        counts = _counted(morphemes)
        for c in found:
            if (c.start, c.end) in counts:
                continue  # 二本 (ニホン) is a count, not 日本; 二頭流 may still be 二刀流
            surface = text[c.start:c.end]
            if (c.end < len(text) and is_katakana(text[c.end - 1:c.end + 1])) or \
                    (c.start > 0 and is_katakana(text[c.start - 1:c.start + 1])):
                continue  # a katakana word is heard whole: フリーレ|ンな is SudachiPy's cut, not a span
            lo, hi = _overlapping(morphemes, c.start, c.end)
            if "の" not in c.alias and "ノ" not in c.alias and _joined_by_no(morphemes, lo, hi, c, surface) \
                    and not self._said_with_no(c.entry.id):
                continue  # 東京の大学 is two words joined by a particle, not 東京大学 (but 之 of 新之助 is said ノ)
            if c.kind != "latin" and surface.isascii() and _all_latin(c.alias):
                continue  # letters written for a name in letters (AMC, AMD): for the Latin matcher to judge
            if _DIGITS.search(surface) and not _DIGITS.search(c.alias):
                continue  # a transcriber writes figures as said: 第13条 is no 第一三共
            if not _NUMERALS.search(c.alias) and any(m.pos[1] == "数詞" and not _is_kana_text(m.surface)
                                                     for m in morphemes[lo:hi]):
                continue  # 三十 (サンジュウ) is a number, not 増収; a kana く is SudachiPy's guess of 九
            folded = fold(surface)
            if folded in aliases or folded == fold(c.entry.id):
                continue  # a mention written right (of this entry or another) is not an edit
            if c.entry.label != "TERM" and _old_form_kanji(morphemes, lo, hi, c, surface) and fold(c.alias) == fold(
                    "".join(m.normalized for m in morphemes[lo:hi])):
                continue  # 國學院: a name in old-form kanji (國 for 国), its own spelling; a term's variant
                # (補整 for 補正, which SudachiPy also folds) is corrected to the term
            if c.entry.label != "TERM" and (self._spells_alias(surface, c.entry) or (
                    c.distance == 0 and c.method == "reading" and _kana_and_alias_words(surface, c.alias))):
                spelt.append((c.start, c.end, c.entry))
                continue  # ちゅうごく, ニッポン: the name written in kana, a mention, not an edit
            if self._inside_word(c, morphemes, lo, hi):
                continue  # キュウトウ器 is one word (給湯器) written so, not 急騰 + 器
            if surface != c.alias and (c.alias in surface or (surface in c.alias and not _is_kana_text(surface))):
                continue  # 原子力発電所 holds 原子力発電 written right, 化学研究所 is part of 理化学研究所: other names
            if self._suffixed_name(c, surface, morphemes, lo, hi):
                continue  # 東京 + 堂: a name of the entry written right, and a suffix: another name
            if _other_name(morphemes, lo, hi, c):
                continue  # 漳州 (a place SudachiPy knows) is no misheard 増収
            if _grammar_only(morphemes, lo, hi, c, surface):
                continue  # で|は|なく is a particle and an ending, no name said in kana
            if hi > lo and morphemes[lo].pos[0] == "感動詞" and len(morphemes[lo].surface) > 1 \
                    and morphemes[lo].start == c.start and not (lo + 1 < hi and _fragment(morphemes[lo + 1])):
                # はい|どう(も): an interjection opens talk, no part of a name (a lone あ may be);
                # one SudachiPy cut off the start of a kana run it could not read is no interjection
                continue
            key = (c.start, c.end, c.entry.id)
            old = best.get(key)
            # SudachiPy's own word that this is a variant spelling beats any sound match
            if old is None or (c.kind != "variant", c.distance) < (old.kind != "variant", old.distance):
                best[key] = c
        if spelt and mentions is not None:
            for a, b, entry in sorted(set(spelt), key=lambda m: (m[0] - m[1], m[0])):
                # a common word that sounds like the name (ピクセル, アルファベット) is that word
                if all(b <= x or y <= a for x, y, _ in mentions) and not self._common_word(text[a:b]):
                    mentions.append((a, b, entry))
        if spelt:  # a stretch inside the name spelt in kana, or a mora longer, is that mention, cut,
            # whichever entry it sounds near (ほうむしょう spells 法務省: no misheard 農務省); one
            # reaching further says more than the name (はねだ|くうこ: the airport misheard)
            best = {k: c for k, c in best.items()
                    if not any(a < c.end and c.start < b
                               and ((a <= c.start and c.end <= b)
                                    or len(morae(text[min(a, c.start):max(b, c.end)])) <= len(morae(text[a:b])) + 1)
                               for a, b, _ in spelt)}
        # Two entries as near to one span: the sound does not say which was meant.
        nearest: dict[tuple[int, int], list[Candidate]] = {}
        for c in best.values():
            nearest.setdefault((c.start, c.end), []).append(c)
        out = []
        for group in nearest.values():
            low = min(c.distance for c in group)
            tied = len({c.entry.id for c in group if c.distance <= low + 1e-9}) > 1
            for c in group:
                out.append(Candidate(c.start, c.end, c.entry, c.method, c.distance, c.term_morae, c.alias, c.kind,
                                     c.similarity, tied and c.distance <= low + 1e-9) if tied else c)
        out.sort(key=lambda c: (c.start, c.end, c.entry.id))
        return out

    def _suffixed_name(self, c: Candidate, surface: str, morphemes: Sequence[Morpheme], lo: int, hi: int) -> bool:
        """Whether the span is a name of the entry written right followed by suffixes only
        (東京 + 堂): a name made on it, not a mishearing of a longer one (東京都)."""
        for alias in self._written_of.get(c.entry.id, ()):
            if len(alias) > 1 and surface.startswith(alias) and surface != alias:
                rest = [m for m in morphemes[lo:hi] if m.start >= c.start + len(alias)]
                if rest and rest[0].start == c.start + len(alias) and all(m.pos[0] == "接尾辞" for m in rest):
                    return True
        return False

    def _spells_alias(self, surface: str, entry: Entry) -> bool:
        """Whether a kana `surface` is the entry's name spelt otherwise: it reads exactly as an
        alias (ちゅうごく, ニッポン), or has an alias's very morae and is a word of the dictionary
        (ノルウェイ for ノルウェー, a long vowel written either way). The same sounds in a spelling
        no dictionary has (エイザイ for エーザイ) are the transcriber's, and are corrected."""
        if not _is_kana_text(surface):
            return False
        if (to_katakana(surface).replace("・", ""), entry.id) in self._alias_of:
            return True
        return (morae(surface), entry.id) in self._spelt and self._known(surface)

    def _inside_word(self, c: Candidate, morphemes: Sequence[Morpheme], lo: int, hi: int) -> bool:
        """Whether the span is one kana dictionary word with an affix glued to it: SudachiPy
        gives a suffix (器, 的, 性) to the noun before it and a prefix (お, 超) to the one after,
        so the word said is the whole (給湯器 written キュウトウ器), of which a lexicon term of the
        same sound (急騰) would replace a part. An unknown kana run (アンゴウシサン業者) has no
        word of its own and stays a candidate."""
        if hi - lo != 1:
            return False
        m = morphemes[lo]
        if (m.start, m.end) != (c.start, c.end) or m.oov or not _is_kana_text(m.surface):
            return False
        after = morphemes[hi] if hi < len(morphemes) else None
        before = morphemes[lo - 1] if lo else None
        if after is not None and after.surface in _HONORIFICS:
            return False  # ハイダー様: an honorific follows a person's name, it makes no word with it
        return (after is not None and after.pos[0] == "接尾辞") or (before is not None and before.pos[0] == "接頭辞")

    def _cand(self, start: int, end: int, entry: Entry, mm: tuple[str, ...] | None, kind: str,
              text: str = "", similarity: float = 0.0) -> Candidate:
        """A katakana-key, latin or variant candidate, its distance measured on readings."""
        n = self._morae_of.get(entry.id, 0)
        if kind == "latin":
            return Candidate(start, end, entry, "latin", round(1 - similarity, 4), n, entry.pattern, kind,
                             similarity)
        best, alias = 9.0, entry.pattern
        if mm is not None:
            for s in self._index.sounds_of(entry.id):
                d = mora_distance(mm, s.morae, best)
                if d < best:
                    best, alias = d, s.alias
        method = "variant" if kind == "variant" else "phonetic"
        return Candidate(start, end, entry, method, best if best < 9.0 else 1.0, n, alias, kind)

    # -- generators ----------------------------------------------------------
    def _by_reading_spans(self, text: str, morphemes: Sequence[Morpheme]) -> list[Candidate]:
        """Token runs that read exactly like an entry, with every reading of their kanji."""
        out = []
        prefixes, by_reading = self._prefixes, self._by_reading
        n = len(morphemes)
        starts = self._starts
        for i in [i for i, m in enumerate(morphemes) if m[5][0] in _CONTENT_POS or m[6]]:
            first = morphemes[i]
            readings: Sequence[str] = starts(first.surface, first.reading, first.oov)
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
                if morphemes[j].surface == "の":
                    continue  # a span does not end in a particle (大隅の is 大隅 and の)
                for reading in readings:
                    entry = by_reading.get(reading)
                    if entry is None:
                        continue
                    mm = morae(reading)
                    out.append(Candidate(first.start, morphemes[j].end, entry, "reading", 0.0,
                                         self._morae_of.get(entry.id, len(mm)),
                                         self._alias_of.get((reading, entry.id), entry.pattern)))
                    break
        return out

    def _variant_spans(self, morphemes: Sequence[Morpheme]) -> list[Candidate]:
        """A name written in a spelling SudachiPy knows as a variant of the alias (its normalized
        form is the alias): エンジェルス -> エンゼルス. Domain terms are left to their speakers."""
        out = []
        aliases = self.lexicon.by_alias
        for m in [m for m in morphemes if m[4] != m[0] and m[5][0] == "名詞" and not m[6]]:  # respelt nouns
            entry = aliases.get(fold(m.normalized))
            if entry is not None and entry.label != "TERM" and fold(m.surface) not in aliases:
                out.append(self._cand(m.start, m.end, entry, morae(to_katakana(m.reading)), "variant"))
        return out

    def _may_extend(self, mm: tuple[str, ...]) -> bool:
        """`SoundIndex.may_extend`, asked as `_near` asks the index: also with small vowels."""
        may_extend = self._index.may_extend
        return may_extend(mm) or ((small := small_vowels(mm)) != mm and may_extend(small))

    def _near(self, mm: tuple[str, ...]):
        """Index matches of the morae `mm` within the search bound of each entry's length."""
        limits = self.config.near_limits
        n = len(mm)
        if n < 2:
            return []
        top = limits[min(n + 1, len(limits) - 1)]  # the entry may be a mora longer
        found = self._index.near(mm, top)
        small = small_vowels(mm)
        if small != mm:  # フエルン may be フェルン with its small vowel written large: look that up too
            seen = {id(m.sound) for m in found}
            found = found + [Match(m.sound, d) for m in self._index.near(small, top) if id(m.sound) not in seen
                             and (d := mora_distance(mm, m.sound.morae, top)) <= top]
        return [m for m in found if m.distance <= limits[min(len(m.sound.morae), len(limits) - 1)]]

    def _sound_spans(self, text: str, morphemes: Sequence[Morpheme]) -> list[Candidate]:
        """Token runs whose reading is near an entry's: each token's readings (SudachiPy's in
        context first, then the dictionary's and, for a lone or unknown kanji, the kanji
        table's), a bounded number of combinations per run."""
        out = []
        n = len(morphemes)
        morae_of, may_extend = self._mora_split, self._may_extend
        for i in range(n):
            first = morphemes[i]
            if not (first[5][0] in _CONTENT_POS or first[6] or _compound_head(morphemes, i)) \
                    or first.surface in ("・", "ー"):
                continue
            if first[5][0] == "接尾辞" and i > 0:
                continue  # a suffix belongs to the word before it (四世役 is 四世 + 役)
            combos: list[str] = [""]
            before = None  # the token the next one joins
            for j in range(i, min(n, i + _MAX_SOUND_SPAN)):
                m = morphemes[j]
                if j > i and m.surface in _JOINERS:
                    continue  # ユニリーバ・ザパン, 京都ザンガF.C.: a name's parts; silent, never an end
                if j > i and m.pos[0] not in _CONTENT_POS and not m.oov and m.surface != "の":
                    break
                if m.pos[0] in ("補助記号", "空白"):
                    break
                readings = self._readings(m)[:_NEAR_READINGS]
                if not readings:
                    break
                joined = [a + b for a in combos for b in readings]
                if before is not None and _sino_pair(before, m):
                    joined += [c for a in combos for b in readings if (c := geminated(a, b))]
                combos = joined[:_NEAR_COMBOS]
                before = m
                if m.surface == "の":
                    continue
                start, end = first.start, m.end
                live = False
                for reading in combos:
                    mm = morae_of(reading)
                    if not may_extend(mm):
                        continue  # nothing is near it, nor near anything it begins
                    live = True
                    for match in self._near(mm):
                        s = match.sound
                        out.append(Candidate(start, end, s.entry, _method(match.distance, text, start, end, s.alias),
                                             match.distance, self._morae_of.get(s.entry.id, len(s.morae)), s.alias))
                if not live and not any(r[-1:] in _GEMINATING for r in combos):
                    break  # a longer run begins with one of these (unless a sound change turns its end to ッ)
        return out

    def _mixed_spans(self, text: str, morphemes: Sequence[Morpheme]) -> list[Candidate]:
        """A term said partly in kana: words written right, then (or after) hiragana tokens of
        any kind (日本どうろうこうだん, たあぶち幸一). The words must be in the alias as
        written; the hiragana reads as written, the words as SudachiPy reads them."""
        out = []
        n = len(morphemes)
        hira = [_is_hiragana(m.surface) for m in morphemes]
        # the words must stand in an alias as written: a cheap look at the aliases' characters first
        word = [not hira[k] and (m.pos[0] in _CONTENT_POS or m.oov) and self._in_an_alias(m.surface)
                for k, m in enumerate(morphemes)]
        for i in range(n):
            if not (hira[i] or word[i]):
                continue
            kinds: list[str] = []
            reading, kana_chars = "", 0
            for j in range(i, min(n, i + _MAX_SOUND_SPAN + 2)):
                m = morphemes[j]
                kind = "h" if hira[j] else "w" if word[j] else ""
                if not kind or (kinds and kind != kinds[-1] and len(set(kinds)) == 2):
                    break  # one block of words and one of hiragana, in either order
                kinds.append(kind)
                if kind == "h":
                    kana_chars += len(m.surface)
                    if kana_chars > _MAX_KANA_SPAN:
                        break
                r = self._readings(m)
                if not r:
                    break
                reading += r[0]
                if len(set(kinds)) < 2 or (kind == "h" and m.pos[0] in _FUNCTION_POS):
                    continue  # the hiragana ends the span: not on a particle (全固体電池に)
                if kinds[0] == "h" and morphemes[i].pos[0] in _FUNCTION_POS:
                    break  # nor does it begin on one (に全固体電池)
                words = [morphemes[k].surface for k in range(i, j + 1) if not hira[k]]
                for match in self._near(morae(reading)):
                    snd = match.sound
                    if all(w in snd.alias for w in words) and not _is_hiragana(snd.alias):
                        out.append(Candidate(morphemes[i].start, m.end, snd.entry,
                                             _method(match.distance, text, morphemes[i].start, m.end, snd.alias),
                                             match.distance,
                                             self._morae_of.get(snd.entry.id, len(snd.morae)), snd.alias))
        return out

    def _kana_spans(self, text: str, morphemes: Sequence[Morpheme]) -> list[Candidate]:
        """Stretches of kana read as written, from any token start to any character: a
        kanji term spelt in hiragana (めんえき) is cut into tokens that are no words of it."""
        out = []
        starts = {m.start for m in morphemes}
        tokens = {(m.start, m.end) for m in morphemes}
        token_at = {m.start: k for k, m in enumerate(morphemes)}
        # A katakana token is a word as written (SudachiPy keeps an unknown katakana run whole):
        # a stretch may cut hiragana tokens, never a katakana one.
        # A token with kanji (お世話) is a word too: only an all-hiragana token may be cut.
        inside_word = {k for m in morphemes if len(m.surface) > 1 and not _is_hiragana(m.surface)
                       for k in range(m.start + 1, m.end)}
        for run in _KANA_RUN.finditer(text):
            a, b = run.span()
            for s in range(a, b - 1):
                if s not in starts or text[s] == "ー":
                    continue
                k = token_at.get(s)
                if k and morphemes[k].pos[0] in _FUNCTION_POS and morphemes[k - 1].pos[0] in _INFLECTING:
                    continue  # やり|たいけど: an ending goes with the verb before it
                for e in range(s + 2, min(b, s + _MAX_KANA_SPAN) + 1):
                    if e in inside_word:
                        continue
                    if (s, e) in tokens and not _noun_in_kana(morphemes, token_at[s]):
                        continue  # one whole token: the token runs have it
                    surface = text[s:e]
                    mixed = not _is_hiragana(surface) and not is_katakana(surface)
                    mm = self._mora_split(surface)
                    if len(mm) < 3:
                        continue
                    if not self._may_extend(mm):
                        break  # nothing in the lexicon begins like this stretch
                    for match in self._near(mm):
                        snd = match.sound
                        if mixed and not all(k in snd.alias for k in _KATAKANA_PART.findall(surface)):
                            # Kana of two scripts: the katakana is the name written right and the
                            # hiragana the rest said in kana (ブルックリンちく, ラベンダーまあつり);
                            # バスと is a word and a particle.
                            continue
                        out.append(Candidate(s, e, snd.entry, _method(match.distance, text, s, e, snd.alias),
                                             match.distance, self._morae_of.get(snd.entry.id, len(snd.morae)),
                                             snd.alias))
        return out

    # -- features ------------------------------------------------------------
    def _features(self, c: Candidate, text: str, morphemes: Sequence[Morpheme], evidence: Counter,
                  protected: Sequence[tuple[int, int]], here: Counter, around: "_Around",
                  fit: tuple[float, float]) -> list[float]:
        surface = text[c.start:c.end]
        lo, hi = _overlapping(morphemes, c.start, c.end)
        inside = morphemes[lo:hi]
        before = morphemes[lo - 1:lo] if lo else ()  # the token just before the span, if any
        after = morphemes[hi:hi + 1]
        cuts = bool(inside) and (inside[0].start != c.start or inside[-1].end != c.end)
        span_script, term_script = _script(surface), _script(c.alias)
        is_word = self._word_said(surface, morphemes, c)
        n = max(c.term_morae, 1)
        nearby = sum(1 for a, b in protected if b <= c.start or a >= c.end)

        def particle(m: Morpheme | None) -> float:
            """Whether a noun may stand before (after) this: a particle, the copula, a mark, the
            line's end, or する of a verbal noun (急騰した)."""
            return 1.0 if m is None or m.pos[0] in ("助詞", "助動詞", "補助記号", "空白") or m.normalized == "為る" \
                else 0.0

        values = {
            "distance": c.distance,
            "distance_per_mora": c.distance / n,
            "exact": 1.0 if c.distance == 0 else 0.0,
            "log_morae": math.log(n),
            "ambiguous": 1.0 if c.ambiguous else 0.0,
            "span_is_word": 1.0 if is_word else 0.0,
            "span_zipf": self._zipf(surface) if is_word or span_script != "kanji" else self._zipf(surface),
            "term_zipf": self._zipf(c.alias),
            "tokens": float(len(inside)),
            "cuts_token": 1.0 if cuts else 0.0,
            "has_oov": 1.0 if any(m.oov for m in inside) else 0.0,
            "single_kanji": 1.0 if any(len(m.surface) == 1 and is_kanji(m.surface) for m in inside) else 0.0,
            "function_tokens": float(sum(1 for m in inside if m.pos[0] in _FUNCTION_POS)),
            "numeral": 1.0 if any(m.pos[1] == "数詞" for m in inside) else 0.0,
            "span_hiragana": 1.0 if span_script == "hiragana" else 0.0,
            "span_katakana": 1.0 if span_script == "katakana" else 0.0,
            "term_katakana": 1.0 if term_script == "katakana" else 0.0,
            "script_change": 1.0 if span_script != term_script else 0.0,
            "shares_chars": 1.0 if set(surface) & set(c.alias) else 0.0,
            "len_ratio": len(surface) / max(len(c.alias), 1),
            "evidence": 1.0 if evidence.get(c.entry.id, 0) > here.get(c.entry.id, 0) else 0.0,
            "same_line": 1.0 if here.get(c.entry.id) else 0.0,
            "nearby": float(min(nearby, 3)),
            "next_particle": particle(after[0] if after else None),
            "prev_particle": particle(before[-1] if before else None),
            "label_term": 1.0 if c.entry.label == "TERM" else 0.0,
            **around.features(c.entry),
            "method_katakana": 1.0 if c.kind == "katakana" else 0.0,
        }
        # Context weighs most where the sound cannot decide: a dictionary word said for the term.
        values["word_window_domain"] = values["span_is_word"] * values["window_domain"]
        values["word_term_around"] = values["span_is_word"] * max(values["term_in_window"], values["evidence"])
        values["word_topic_fit"] = fit[1]
        return [values[f] for f in FEATURES]

    def _phonetic_spans(self, text: str, morphemes: Sequence[Morpheme]) -> list[Candidate]:
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
                for rest, head_of in self._kana_heads.get(devoice(key), ()):
                    if text.startswith(rest, end) and fold(text[start:end + len(rest)]) not in self.lexicon.by_alias:
                        # ネルブ防災 -> ネルフ防災
                        out.append(self._cand(start, end + len(rest), head_of,
                                              morae(text[start:end + len(rest)]) if is_katakana(text[start:end + len(rest)]) else morae(surface),
                                              "katakana"))
                entry = self._by_key.get(key)
                mm = morae(surface)
                if entry is not None:
                    out.append(self._cand(start, end, entry, mm, "katakana"))
                    continue
                entry = self._by_devoiced.get(devoice(key)) if len(key) > cfg.min_phonetic_len else None
                if entry is not None:  # オプシーボ ~ オプジーボ: only voicing differs
                    out.append(self._cand(start, end, entry, mm, "katakana"))
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
                out.append(self._cand(start, end, self._by_key[match], mm, "katakana"))
        return out

    def _latin_spans(self, text: str, morphemes: Sequence[Morpheme]) -> list[Candidate]:
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
                    entry: Entry | None = None, tail: int = 0) -> list[Candidate]:
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
        return [self._cand(start, end, entry, None, "latin", similarity=round(best[1], 4))]



Nearby = tuple[int, str, Entry]  # a mention written correctly in another line: (lines away, as written, entry)


def window_mentions(matches: Sequence[Sequence[tuple[int, int, Entry]]], texts: Sequence[str], i: int,
                    width: int) -> list[Nearby]:
    """The mentions found in the `width` lines before and after line `i` (`matches[k]` are
    line k's (start, end, entry)), with how many lines away each is."""
    return [(abs(k - i), texts[k][a:b], entry)
            for k in range(max(0, i - width), min(len(matches), i + width + 1)) if k != i
            for a, b, entry in matches[k]]


def _lexicon_of(entry: Entry) -> str:
    """The lexicon file an entry comes from (its source is "path:line"): one domain's words.
    The built-in lexicon is names of every field, no domain: "" (its names tell no topic)."""
    path = entry.source.rpartition(":")[0] or entry.source
    return "" if path == DEFAULT_LEXICON else path


@dataclass(frozen=True)
class _Around:
    """What the lines around a line say of its topic: the mentions there of names rarer than
    everyday words (as `telling` in the line), and every id written there."""

    telling: tuple[tuple[int, Entry], ...]
    ids: frozenset[str]

    @classmethod
    def of(cls, window: Sequence[Nearby], zipf_of) -> "_Around":
        return cls(tuple((d, e) for d, s, e in window if zipf_of(s) < _EVERYDAY_ZIPF),
                   frozenset(e.id for _, _, e in window))

    def features(self, entry: Entry) -> dict[str, float]:
        lexicon = _lexicon_of(entry)
        same: dict[str, int] = {}  # id -> nearest distance, other names of the term's lexicon
        label: set[str] = set()
        for d, e in self.telling:
            if e.id == entry.id:
                continue
            if lexicon and _lexicon_of(e) == lexicon:
                same[e.id] = min(d, same.get(e.id, d))
            if e.label == entry.label:
                label.add(e.id)
        return {
            "window_domain": float(min(len(same), 3)),
            "window_nearest": 1.0 / min(same.values()) if same else 0.0,
            "window_label": float(min(len(label), 3)),
            "term_in_window": 1.0 if entry.id in self.ids else 0.0,
        }


def written_form(c: Candidate) -> str:
    """What a correction writes: the entry's written form, else the alias the heard form
    matched (アメリガ -> アメリカ, not the id United States: the speaker's script is kept)."""
    return c.entry.written or c.alias


def _method(distance: float, text: str, start: int, end: int, alias: str) -> str:
    """"reading" when the span reads as the alias, "phonetic" when it only sounds near it or
    is another katakana spelling of a katakana alias (キートルーダ for キイトルーダ)."""
    if distance == 0 and not (is_katakana(text[start:end]) and is_katakana(alias)):
        return "reading"
    return "phonetic"


def _other_name(morphemes: Sequence[Morpheme], lo: int, hi: int, c: Candidate) -> bool:
    """Whether the span is one proper noun SudachiPy knows (a person, a place) and the entry a
    domain word: a name written is no misheard term (漳州 is not 増収). Names of other names
    stay candidates (a surname for a place is a common mishearing), and so do unknown words."""
    if hi - lo != 1 or c.entry.label != "TERM":
        return False
    m = morphemes[lo]
    return not m.oov and m.pos[1] == "固有名詞" and (m.start, m.end) == (c.start, c.end)


def _old_form_kanji(morphemes: Sequence[Morpheme], lo: int, hi: int, c: Candidate, surface: str) -> bool:
    """Whether the span is whole tokens, and some kanji token of it SudachiPy normalizes to
    another kanji spelling of the same word (製鐵 -> 製鉄, 國 -> 国): a spelling, not a sound."""
    if hi <= lo or morphemes[lo].start != c.start or morphemes[hi - 1].end != c.end:
        return False
    return any(m.normalized != m.surface and len(m.normalized) == len(m.surface) and is_kanji(m.surface[:1])
               and m.reading and all(is_kanji(ch) for ch in m.normalized) for m in morphemes[lo:hi])


def _noun_in_kana(morphemes: Sequence[Morpheme], k: int) -> bool:
    """A hiragana token SudachiPy reads as a verb or adjective in its plain form right before
    は, を or が: a plain form takes no such particle, so it is a noun written
    in kana (野党). The token runs skip verbs; the kana stretches look at it."""
    m = morphemes[k]
    if m.pos[0] not in ("動詞", "形容詞") or not m.pos[5].startswith(("終止形", "連体形")) or k + 1 >= len(morphemes):
        return False
    after = morphemes[k + 1]
    return _is_hiragana(m.surface) and after.surface in ("は", "を", "が") and after.pos[1] in ("係助詞", "格助詞")


def _kana_and_alias_words(surface: str, alias: str) -> bool:
    """Mostly kana, and besides only words written as in the alias (みなもとのきっちょうあんHD for
    源吉兆庵HD): with the alias's very reading, the name spelt in kana, a mention. A name
    written as the alias but for a kana piece (小池ゆり子) is the name misspelt, and corrected."""
    words = _NOT_KANA.findall(surface)
    return bool(words) and 2 * sum(map(len, words)) < len(surface) and all(w in alias for w in words)


_NOT_KANA = re.compile("[^ぁ-ゖァ-ヺー・]+")


def _all_latin(alias: str) -> bool:
    return all(is_latin(word) for word in alias.split(" "))


def _fragment(m: Morpheme) -> bool:
    """A single kana that is no particle or ending: a piece SudachiPy cut off a kana run it
    could not read as words (ひ|の|じ), not a word said."""
    return len(m.surface) == 1 and _is_kana_text(m.surface) and m.pos[0] not in _FUNCTION_POS


def _joined_by_no(morphemes: Sequence[Morpheme], lo: int, hi: int, c: Candidate, surface: str) -> bool:
    """Whether a の inside the span joins two words (東京の大学). In a kana run cut into
    fragments (ひ|の|じ for ヒノシ) a の token beside a fragment is a sound of the name."""
    if "の" not in surface[1:-1]:
        return False
    sounds = [k for k in range(lo + 1, hi - 1) if morphemes[k].surface == "の"
              and (_fragment(morphemes[k - 1]) or _fragment(morphemes[k + 1]))]
    return surface[1:-1].count("の") > len(sounds)


def _grammar_only(morphemes: Sequence[Morpheme], lo: int, hi: int, c: Candidate, surface: str) -> bool:
    """A hiragana span that begins on a particle and is made of particles, auxiliaries and
    inflected words only, on token edges: grammar (で|は|なく), not a name spelt in kana."""
    if not _is_hiragana(surface) or hi <= lo or morphemes[lo].pos[0] != "助詞":
        return False
    if morphemes[lo].start != c.start or morphemes[hi - 1].end != c.end:
        return False
    return all(m.pos[0] in _FUNCTION_POS or m.pos[0] in _INFLECTING for m in morphemes[lo:hi])


def _compound_head(morphemes: Sequence[Morpheme], i: int) -> bool:
    """A verb's 連用形 right before a noun heads a compound noun (替え玉, 持ち帰り, 乗り場)."""
    m = morphemes[i]
    return m.pos[0] == "動詞" and m.pos[5].startswith("連用形") and i + 1 < len(morphemes) \
        and morphemes[i + 1].pos[0] == "名詞" and morphemes[i + 1].start == m.end


def _sino_pair(a: Morpheme, b: Morpheme) -> bool:
    """Two kanji words side by side, where Sino-Japanese sound changes happen."""
    return is_kanji(a.surface[-1:]) and is_kanji(b.surface[:1])


_VOICELESS_HEAD = frozenset("カキクケコサシスセソタチツテトハヒフヘホ")
_GEMINATING = frozenset("チツクキ")  # the endings `geminated` turns to ッ
_H_TO_P = str.maketrans("ハヒフヘホ", "パピプペポ")


def geminated(a: str, b: str) -> str:
    """The reading of a Sino-Japanese compound whose first part ends in チ, ツ, ク or キ before
    a voiceless consonant: the mora becomes ッ, and h after it p (一 + 風 イップウ, 学 + 校 ガッコウ,
    出 + 発 シュッパツ); '' when the sounds do not meet so.

    >>> geminated("イチ", "フウドウ"), geminated("ガク", "コウ"), geminated("イチ", "バン")
    ('イップウドウ', 'ガッコウ', '')
    """
    if len(a) < 2 or a[-1] not in "チツクキ" or not b or b[0] not in _VOICELESS_HEAD:
        return ""
    return a[:-1] + "ッ" + b[0].translate(_H_TO_P) + b[1:]


def _counted(morphemes: Sequence[Morpheme]) -> set[tuple[int, int]]:
    """Spans of a numeral and its counter (二本, 三頭)."""
    return {(a.start, b.end) for a, b in zip(morphemes, morphemes[1:])
            if a.pos[1] == "数詞" and "助数詞" in b.pos[2]}


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


# The compiled twin, when built, replaces the definitions above (ja_transcript/_native.py).
# Nothing may follow these lines: the build compiles what precedes them.
from .._native import adopt  # noqa: E402

adopt(globals())
