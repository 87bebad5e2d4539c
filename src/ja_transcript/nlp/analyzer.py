"""SudachiPy morphological analysis, kept lean.

The pipeline reads each token's surface, reading, normalized form and part of speech
once, into plain tuples (`Morpheme`). A transcript repeats a few thousand words, so the
strings of a dictionary word are read once and shared by all its morphemes (a bounded
cache, emptied when full: long runs do not grow memory, unlike spaCy's vocabulary,
spaCy #13684). An `Analyzer` is cheap to rebuild in a worker process, user dictionaries
included (spaCy's tokenizer drops them when pickled).

SudachiPy rejects inputs over ~49 KB (spaCy #13207), so longer texts are cut at
sentence or clause boundaries first; offsets stay global. Its limit applies to the text
once its characters are normalized, and one character can grow (㍿ -> 株式会社), so a piece
it still finds too long is cut again (`in_pieces`).
"""

from __future__ import annotations

import json
import re
import threading
from bisect import bisect_left, bisect_right
from operator import itemgetter
from typing import Callable, NamedTuple, Sequence

from sudachipy import Dictionary, SplitMode
from sudachipy.errors import SudachiError

# SudachiPy's hard limit is 49,149 bytes; stay well under it (UTF-8 Japanese is 3 bytes/char).
MAX_CHUNK_CHARS = 12_000
_CUT_AFTER = "。！？!?\n、，, 　"
# The word fields a Morpheme reads: SudachiPy then skips decoding the others (split
# forms, dictionary form, synonyms), which saves ~5% of its tokenizing time.
_FIELDS = {"surface", "pos", "normalized_form", "reading_form"}
_SURROGATE = re.compile("[\ud800-\udfff]")
# Words whose strings are shared (see `Analyzer._analyze`); ~300 bytes each when full.
CACHE_WORDS = 1 << 16


class Morpheme(NamedTuple):
    surface: str
    start: int  # character offset in the analysed text
    end: int
    reading: str  # katakana reading (SudachiPy reading_form)
    normalized: str  # SudachiPy normalized form (表記揺れ resolved: 引っ叩く, 100)
    pos: tuple  # six-level SudachiPy part of speech
    oov: bool

    @property
    def pos1(self) -> str:
        return self.pos[0]


def chunk_spans(text: str, limit: int = MAX_CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut `text` into spans of at most `limit` characters, preferring punctuation.

    >>> chunk_spans("あいう。えお", limit=4)
    [(0, 4), (4, 6)]
    >>> chunk_spans("", limit=4)
    []
    """
    spans = []
    start, n = 0, len(text)
    while start < n:
        end = min(start + limit, n)
        if end < n:
            cut = max(text.rfind(c, start, end) for c in _CUT_AFTER)
            if cut > start:
                end = cut + 1
        spans.append((start, end))
        start = end
    return spans


def in_pieces(analyze_piece: Callable[[str, int], list], text: str, limit: int = MAX_CHUNK_CHARS) -> list:
    """`analyze_piece(piece, offset)` over pieces of `text` that SudachiPy takes, results joined.

    Pieces are at most `limit` characters, cut at punctuation where there is some
    (`chunk_spans`); a piece SudachiPy refuses as too long once normalized (12,000 x ㍿ is
    48,000 characters then) is cut in halves, and so on.

    >>> in_pieces(lambda piece, offset: [(offset, piece)], "あいう。えお", limit=4)
    [(0, 'あいう。'), (4, 'えお')]
    """
    if len(text) <= limit:
        try:
            return analyze_piece(text, 0)
        except SudachiError as exc:
            if len(text) < 2 or "too long" not in str(exc):
                raise
            limit = (len(text) + 1) // 2
    out = []
    for start, end in chunk_spans(text, limit):
        out.extend(in_pieces(lambda piece, offset, start=start: analyze_piece(piece, start + offset),
                             text[start:end], limit))
    return out


_new = tuple.__new__  # builds a Morpheme without NamedTuple's argument handling
_start, _end = itemgetter(1), itemgetter(2)


def shifted(morphemes: Sequence[Morpheme], shift: int, start: int, end: int) -> list[Morpheme]:
    """The morphemes inside [start, end), moved by `shift` characters.

    `morphemes` are in text order (starts and ends ascending), as `Analyzer.analyze` gives them.

    >>> [tuple(m[:3]) for m in shifted(Analyzer().analyze("はい、そう"), -3, 3, 5)]
    [('そう', 0, 2)]
    """
    # In text order the morphemes inside are one run: find its ends by bisection.
    lo = bisect_left(morphemes, start, key=_start)
    hi = bisect_right(morphemes, end, lo=lo, key=_end)
    if shift == 0:
        return list(morphemes[lo:hi])
    return [_new(Morpheme, (m[0], m[1] + shift, m[2] + shift, m[3], m[4], m[5], m[6]))
            for m in morphemes[lo:hi]]


class Analyzer:
    """One SudachiPy tokenizer (split mode C by default). Not shared between threads."""

    def __init__(self, mode: str = "C", user_dicts: Sequence[str] = ()):
        self.mode = mode
        self.user_dicts = tuple(user_dicts)
        # SudachiPy takes its settings as JSON text (a dict is refused)
        config = json.dumps({"userDict": list(self.user_dicts)}) if self.user_dicts else None
        self.dictionary = Dictionary(config=config) if config else Dictionary()
        self._tokenizer = self.dictionary.create(getattr(SplitMode, mode), fields=_FIELDS)
        # Tokenizing into one reused MorphemeList spares an allocation per line; every
        # value is copied out of it into a Morpheme before the next call.
        self._out = self._tokenizer.tokenize("")
        self._words: dict[int, tuple] = {}  # word_id() -> (surface, reading, normalized, pos, oov)

    def __reduce__(self):  # rebuild from settings in another process: user dicts survive
        return (Analyzer, (self.mode, self.user_dicts))

    def analyze(self, text: str) -> list[Morpheme]:
        """Tokenize `text` of any length.

        >>> [m.surface for m in Analyzer().analyze("札束で叩く")]
        ['札束', 'で', '叩く']
        """
        return in_pieces(self._analyze, text)

    def _analyze(self, text: str, offset: int) -> list[Morpheme]:
        # SudachiPy normalizes some characters before analysis (… -> ．．．, ⑴ -> (1), ㍿ -> 株式会社)
        # and reports the extra pieces as morphemes with an empty surface. Offsets come from
        # begin()/end(), which always index the input, and an empty piece is folded into the
        # morpheme before it, so surfaces are slices of `text` that cover it exactly.
        out = []
        append = out.append
        try:
            tokens = self._tokenizer.tokenize(text, out=self._out)
        except UnicodeEncodeError:  # a lone surrogate (JSON may escape one): analyse U+FFFD in its place
            tokens = self._tokenizer.tokenize(_SURROGATE.sub("\ufffd", text), out=self._out)
        words = self._words
        if len(words) > CACHE_WORDS:
            words.clear()
        for m in tokens:  # the hot loop of the whole pipeline
            begin, end = m.begin(), m.end()
            if begin == end:
                if out:
                    last = out[-1]
                    out[-1] = _new(Morpheme, (last[0], last[1], last[2], last[3] + m.reading_form(),
                                              last[4] + m.normalized_form(), last[5], last[6]))
                continue
            # A dictionary word met again with the same surface has the same fields: take its
            # strings from the cache instead of fresh copies (a third of the memory of the
            # morphemes, and fewer calls into SudachiPy). The surface is compared in place.
            wid = m.word_id()
            word = words.get(wid)
            if word is not None and len(word[0]) == end - begin and text.startswith(word[0], begin):
                append(_new(Morpheme, (word[0], begin + offset, end + offset, word[1], word[2], word[3], word[4])))
                continue
            word = (text[begin:end], m.reading_form(), m.normalized_form(), m.part_of_speech(), m.is_oov())
            # Out-of-vocabulary ids stand for a part of speech, not a word, so they are not kept
            # (SudachiPy also gives joined numbers and katakana runs one id each, but a cached
            # word is only reused for the same surface).
            if not word[4]:
                words.setdefault(wid, word)
            append(_new(Morpheme, (word[0], begin + offset, end + offset, word[1], word[2], word[3], word[4])))
        return out

    def readings(self, surface: str) -> list[str]:
        """Every reading the dictionary has for `surface` as one word (kanji have several).

        >>> Analyzer().readings("札")[:2]
        ['サツ', 'フダ']
        """
        return _dedupe(m.reading_form() for m in self.dictionary.lookup(surface))


def _dedupe(items) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        if item:
            seen.setdefault(item, None)
    return list(seen)


_local = threading.local()


def get_analyzer(mode: str = "C", user_dicts: Sequence[str] = ()) -> Analyzer:
    """The calling thread's analyzer for these settings (SudachiPy is not thread-safe)."""
    key = (mode, tuple(user_dicts))
    cache = getattr(_local, "cache", None)
    if cache is None:
        cache = _local.cache = {}
    if key not in cache:
        cache[key] = Analyzer(mode, key[1])
    return cache[key]
