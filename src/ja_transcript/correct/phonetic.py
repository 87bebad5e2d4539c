"""Kana phonetics: fold the spellings a transcriber confuses into one comparable key."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Sequence

from ..chars import is_katakana, to_katakana  # noqa: F401 (is_katakana re-exported for the corrector)


# Digraphs first: loanword sounds that Japanese ears (and transcribers) merge.
_DIGRAPHS = [
    ("ヴァ", "バ"), ("ヴィ", "ビ"), ("ヴェ", "ベ"), ("ヴォ", "ボ"), ("ヴュ", "ビュ"), ("ヴ", "ブ"),
    ("ウィ", "ビ"), ("ウェ", "ベ"), ("ウォ", "ボ"),  # w / v merge: ウィーブ ~ ビーブ
    ("ティ", "チ"), ("ディ", "ジ"), ("トゥ", "ツ"), ("ドゥ", "ズ"),
    ("ファ", "ハ"), ("フィ", "ヒ"), ("フェ", "ヘ"), ("フォ", "ホ"),
    ("シェ", "セ"), ("ジェ", "ゼ"), ("チェ", "セ"),
    ("クァ", "カ"), ("クィ", "キ"), ("クェ", "ケ"), ("クォ", "コ"), ("グァ", "ガ"),
]
_SINGLE = str.maketrans({
    "ァ": "ア", "ィ": "イ", "ゥ": "ウ", "ェ": "エ", "ォ": "オ", "ャ": "ヤ", "ュ": "ユ", "ョ": "ヨ", "ヮ": "ワ",
    "ヂ": "ジ", "ヅ": "ズ", "ヲ": "オ", "ヰ": "イ", "ヱ": "エ", "ヵ": "カ", "ヶ": "ケ",
    "ー": None, "ッ": None, "・": None, "＝": None, "=": None, " ": None, "　": None, "-": None,
})


_VOWEL_OF = {}
for _vowel_kana, _row in zip("アイウエオ", ("アカサタナハマヤラワガザダバパ", "イキシチニヒミリギジヂビピ",
                                      "ウクスツヌフムユルグズヅブプ", "エケセテネヘメレゲゼデベペ",
                                      "オコソトノホモヨロヲゴゾドボポ")):
    for _kana in _row:
        _VOWEL_OF[_kana] = _vowel_kana
# A vowel kana after a mora of the same vowel, or ウ after o and イ after e, is a long vowel.
_LENGTHENS = {("ア", "ア"), ("イ", "イ"), ("ウ", "ウ"), ("エ", "エ"), ("オ", "オ"), ("オ", "ウ"), ("エ", "イ")}


def _drop_long_vowels(text: str) -> str:
    """
    >>> _drop_long_vowels("キイトルダ"), _drop_long_vowels("コウトウ")
    ('キトルダ', 'コト')
    """
    out = []
    previous = ""
    for ch in text:
        if (previous, ch) in _LENGTHENS:
            continue
        out.append(ch)
        previous = _VOWEL_OF.get(ch, ch if ch in "アイウエオ" else "")
    return "".join(out)


def phonetic_key(kana: str) -> str:
    """A key under which kana spellings that sound alike coincide.

    Long vowels (ー, and a vowel kana that lengthens the mora before it), small tsu and
    separators are dropped; small kana become full size; v- and w- sounds merge with b-.

    >>> phonetic_key("コアウィーブ") == phonetic_key("コアビーブ")
    True
    >>> phonetic_key("エヌビディア") == phonetic_key("エヌヴィディア")
    True
    >>> phonetic_key("キートルーダ") == phonetic_key("キイトルーダ")
    True
    """
    text = to_katakana(unicodedata.normalize("NFKC", kana))
    for a, b in _DIGRAPHS:
        if a in text:
            text = text.replace(a, b)
    return _drop_long_vowels(text.translate(_SINGLE))


# Loanword sounds that are heard two ways: ディ as ジ or デ (ディズニー / デズニー), ティ as チ
# or テ, グア / クア as ガ / カ (グアンチャーレ / ガンチャーレ).
_SECOND_HEARINGS = [("ディ", "デ"), ("ティ", "テ"), ("デュ", "ジュ"), ("グア", "ガ"), ("クア", "カ"),
                    ("グァ", "ガ"), ("クァ", "カ"), ("フュ", "ヒュ")]


def phonetic_keys(kana: str) -> list[str]:
    """The key of `kana` and the keys of its other common hearings (for lexicon aliases).

    >>> phonetic_key("デズニーランド") in phonetic_keys("ディズニーランド")
    True
    """
    keys = [phonetic_key(kana)]
    text = to_katakana(unicodedata.normalize("NFKC", kana))
    for a, b in _SECOND_HEARINGS:
        if a in text:
            key = phonetic_key(text.replace(a, b))
            if key not in keys:
                keys.append(key)
    return keys


def is_latin(text: str) -> bool:
    """True for an ASCII or full-width word of letters (digits and . - & allowed after the first).

    >>> is_latin("CoreWeb"), is_latin("GPT-4"), is_latin("4K")
    (True, True, False)
    """
    if not text:
        return False
    text = unicodedata.normalize("NFKC", text)
    return text[0].isascii() and text[0].isalpha() and all(
        c.isascii() and (c.isalnum() or c in ".-&'") for c in text)


_DEVOICE = str.maketrans("ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポ",
                         "カキクケコサシスセソタチツテトハヒフヘホハヒフヘホ")


def devoice(key: str) -> str:
    """Drop voicing marks: transcribers often mishear voiced and voiceless consonants.

    >>> devoice("オプジボ") == devoice("オプシボ")
    True
    """
    return key.translate(_DEVOICE)


# --- morae and a weighted edit distance over them ----------------------------------------------
#
# A mora is the unit of Japanese timing: a kana with the small kana that follow it (キョ, ティ,
# ウィ), or one of the special morae ー (a long vowel), ッ (a geminate) and ン (the moraic
# nasal). Misheard forms mostly differ from the said ones by one mora (Kawai & Hirose 1997;
# the ASR error patterns in benchmarks/correction/README.md), so distances are counted in morae.

_SMALL = set("ァィゥェォャュョヮ")
_VOWEL_KANA = "アイウエオ"


def _vowel(mora: str) -> str:
    """The vowel a mora ends in ('' for ー ッ ン and anything not kana).

    >>> _vowel("キョ"), _vowel("カ"), _vowel("ン")
    ('オ', 'ア', '')
    """
    last = mora[-1]
    if last in _SMALL:
        return {"ァ": "ア", "ィ": "イ", "ゥ": "ウ", "ェ": "エ", "ォ": "オ", "ャ": "ア", "ュ": "ウ", "ョ": "オ",
                "ヮ": "ア"}[last]
    return _VOWEL_OF.get(last, last if last in _VOWEL_KANA else "")


@lru_cache(maxsize=65536)
def morae(kana: str) -> tuple[str, ...]:
    """The morae of a kana string (hiragana or katakana), in katakana.

    A vowel kana that lengthens the mora before it (a same vowel, ウ after o, イ after e) is
    written ー, so that コウ and コー, ケイ and ケー, which are said alike, compare equal.
    Anything that is not kana (・, spaces) is dropped.

    >>> morae("きょうと"), morae("コーヒー"), morae("ティッシュ")
    (('キョ', 'ー', 'ト'), ('コ', 'ー', 'ヒ', 'ー'), ('ティ', 'ッ', 'シュ'))
    >>> morae("センセイ")
    ('セ', 'ン', 'セ', 'ー')
    """
    text = to_katakana(unicodedata.normalize("NFKC", kana))
    out: list[str] = []
    for ch in text:
        if not ("ァ" <= ch <= "ヺ" or ch == "ー"):
            continue
        if ch in _SMALL and out and out[-1] not in ("ー", "ッ", "ン"):
            out[-1] += ch
            continue
        if out and ch in _VOWEL_KANA:
            v = _vowel(out[-1])
            if v and (v == ch or (v, ch) in (("オ", "ウ"), ("エ", "イ"))):
                out.append("ー")
                continue
        out.append(ch)
    return tuple(out)


# Costs of single changes, in morae (a change nothing explains costs 1). Each is the reason a
# listener or a recogniser confuses the two, not a value fitted to cases.
#   ー, ッ inserted or dropped: 0.3. These special morae differ from their neighbours only in
#     duration, which depends on speaking rate (Kawai & Hirose, Eurospeech 1997; Short, Hirose &
#     Minematsu, SLaTE 2013): the commonest one-mora miss of Japanese ASR.
#   ン inserted or dropped: 0.4. Also a duration-bearing mora, but with its own nasal quality,
#     which before a vowel or a nasal is only a nasalised vowel (簡易 カンイ heard カイ).
_INDEL = {"ー": 0.3, "ッ": 0.3, "ン": 0.4}
#   A vowel kana inserted or dropped after a mora of another vowel: 0.6 (a diphthong's second
#     part is short and weak in fast speech: アイ heard ア).
_INDEL_VOWEL = 0.6

_VOICE = str.maketrans("ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴ",
                       "カキクケコサシスセソタチツテトハヒフヘホハヒフヘホフ")
_LOAN_SPELLINGS = [  # one sound, two spellings of a loanword: 0.15
    ("ティ", "チ"), ("ディ", "ジ"), ("トゥ", "ツ"), ("ドゥ", "ズ"), ("ヴァ", "バ"), ("ヴィ", "ビ"), ("ヴ", "ブ"),
    ("ヴェ", "ベ"), ("ヴォ", "ボ"), ("ウィ", "イ"), ("ウェ", "エ"), ("ウォ", "オ"), ("ファ", "ハ"), ("フィ", "ヒ"),
    ("フェ", "ヘ"), ("フォ", "ホ"), ("シェ", "セ"), ("ジェ", "ゼ"), ("チェ", "セ"), ("クァ", "カ"), ("グァ", "ガ"),
    ("ヂ", "ジ"), ("ヅ", "ズ"), ("ヲ", "オ"), ("ティ", "テ"), ("ディ", "デ"), ("デュ", "ジュ"), ("フュ", "ヒュ"),
    ("ウィ", "ビ"), ("ウェ", "ベ"), ("ウォ", "ボ"), ("ヴィ", "イ"),
]
_LOAN = {frozenset(p) for p in _LOAN_SPELLINGS}
_DEVOICED_PAIRS = {frozenset(p) for p in (("シ", "ス"), ("キ", "ク"), ("チ", "ツ"), ("ヒ", "フ"), ("ピ", "プ"),
                                          ("シュ", "ス"), ("シ", "シュ"))}


@lru_cache(maxsize=1 << 16)
def substitution_cost(a: str, b: str) -> float:
    """The cost of hearing mora `b` for mora `a` (symmetric).

    >>> substitution_cost("カ", "ガ"), substitution_cost("ティ", "チ"), substitution_cost("キョ", "コ")
    (0.35, 0.15, 0.35)
    >>> substitution_cost("カ", "ミ")
    1.0
    """
    if a == b:
        return 0.0
    pair = frozenset((a, b))
    if pair in _LOAN:
        return 0.15
    if "ン" in pair and "ム" in pair:
        return 0.3  # ン before a labial is [m]: サンマ / サムマ are one sound
    if a.translate(_VOICE) == b.translate(_VOICE):
        # Voicing: voiced and voiceless stops and fricatives differ by voice onset time,
        # which spontaneous speech and compounding (rendaku) blur: 0.35.
        return 0.35
    if pair in _DEVOICED_PAIRS:
        # High vowels are devoiced between voiceless consonants (Tokyo Japanese), leaving シ and
        # ス, キ and ク nearly alike; シュ / シ merge in dialects and fast speech: 0.4.
        return 0.4
    base_a, base_b = a.translate(_VOICE), b.translate(_VOICE)
    if len(a) == 2 and a[1] in "ャュョ" or len(b) == 2 and b[1] in "ャュョ":
        # Yōon: a palatal glide lost or added (キョ / コ, キョ / キ, シュ / ス) changes one
        # articulatory feature of one mora: 0.35 (0.5 if voicing changes as well).
        for y, p in ((a, b), (b, a)):
            if len(y) == 2 and y[1] in "ャュョ":
                plain = {"ャ": "ア", "ュ": "ウ", "ョ": "オ"}[y[1]]
                yb, pb = y.translate(_VOICE), p.translate(_VOICE)
                if pb == yb[0] or (_VOWEL_OF.get(pb[0]) == plain and _same_consonant(yb[0], pb[0])):
                    return 0.35 if (y[0] == yb[0]) == (p[0] == pb[0]) else 0.5
    va, vb = _vowel(a), _vowel(b)
    if va and va == vb:
        return 0.8  # same vowel, another consonant: a consonant misheard
    if va and vb and _same_consonant(base_a[0], base_b[0]) and len(a) == len(b):
        return 0.8  # same consonant, another vowel
    return 1.0


_ROWS = ["アイウエオ", "カキクケコ", "サシスセソ", "タチツテト", "ナニヌネノ", "ハヒフヘホ", "マミムメモ", "ヤユヨ",
         "ラリルレロ", "ワヲ"]
_ROW_OF = {k: i for i, row in enumerate(_ROWS) for k in row}


def _same_consonant(a: str, b: str) -> bool:
    return a in _ROW_OF and _ROW_OF.get(a) == _ROW_OF.get(b)


@lru_cache(maxsize=1 << 14)
def indel_cost(mora: str, before: str) -> float:
    """The cost of a mora inserted or dropped after `before` ('' at the start).

    >>> indel_cost("ー", "カ"), indel_cost("ン", "カ"), indel_cost("イ", "カ"), indel_cost("カ", "")
    (0.3, 0.4, 0.6, 1.0)
    """
    cost = _INDEL.get(mora)
    if cost is not None:
        return cost
    if mora in _VOWEL_KANA and before:
        return _INDEL_VOWEL
    return 1.0


def mora_distance(a: Sequence[str], b: Sequence[str], limit: float = 9.0) -> float:
    """`_distance`, or, where a mora with a small vowel stands (フェ, ティ, ウィ), the distance
    with it written large (フ エ, テ イ, ウ イ) and 0.3 more, if less: a small vowel written large
    is the same sounds with one beat more (フエルン for フェルン, ウイルス for ウィルス).

    >>> mora_distance(morae("フエルン"), morae("フェルン")), mora_distance(morae("ウイルス"), morae("ウィルス"))
    (0.3, 0.3)
    """
    d = _distance(a, b, limit)
    if d > 0.3 and (_has_small_vowel(a) or _has_small_vowel(b)):
        large = _distance(_large(a), _large(b), limit) + 0.3
        if large < d:
            return round(large, 4)
    return d


_SMALL_VOWEL = {"ァ": "ア", "ィ": "イ", "ゥ": "ウ", "ェ": "エ", "ォ": "オ"}


def _has_small_vowel(mm: Sequence[str]) -> bool:
    return any(len(x) == 2 and x[1] in _SMALL_VOWEL for x in mm)


def _large(mm: Sequence[str]) -> tuple[str, ...]:
    """The morae with each small vowel written large (ティ -> テ イ: the consonant's kana of
    that vowel's row where there is one, as a writer spells it, else the kana itself)."""
    out: list[str] = []
    for x in mm:
        if len(x) == 2 and x[1] in _SMALL_VOWEL:
            out += [x[0], _SMALL_VOWEL[x[1]]]
        else:
            out.append(x)
    return tuple(out)


# the morae a small vowel makes with the kana before it, as loanwords are spelt
_WITH_SMALL_VOWEL = frozenset("ファ フィ フェ フォ ティ ディ トゥ ドゥ ウィ ウェ ウォ シェ ジェ チェ ツァ ツィ ツェ ツォ "
                              "ヴァ ヴィ ヴェ ヴォ クァ クィ クェ クォ グァ イェ".split())
_SMALLER = {v: k for k, v in _SMALL_VOWEL.items()}


@lru_cache(maxsize=1 << 16)  # asked of every span the corrector looks up, twice (prune, then look up)
def small_vowels(mm: tuple[str, ...]) -> tuple[str, ...]:
    """The morae with a vowel written large after a kana read as one mora with it (フ エ ->
    フェ, テ イ -> ティ), where loanwords spell such a mora: the other way of `_large`.

    >>> small_vowels(morae("フエルン")), small_vowels(morae("カエル"))
    (('フェ', 'ル', 'ン'), ('カ', 'エ', 'ル'))
    """
    if len(mm) < 2:
        return mm
    out: list[str] = []
    for x in mm:
        if out and x in _SMALLER and out[-1] + _SMALLER[x] in _WITH_SMALL_VOWEL:
            out[-1] += _SMALLER[x]
        else:
            out.append(x)
    return tuple(out)


def _distance(a: Sequence[str], b: Sequence[str], limit: float = 9.0) -> float:
    """Weighted edit distance between two mora sequences (see `substitution_cost`,
    `indel_cost`); a value above `limit` may be returned as `limit` + something (it is cut
    short once every path costs more).

    >>> mora_distance(morae("ケーキ"), morae("ケキ"))
    0.3
    >>> mora_distance(morae("キュウトウ"), morae("キュウトウ")), mora_distance(morae("トウキョウ"), morae("トキョ"))
    (0.0, 0.6)
    >>> round(mora_distance(morae("ガッコウ"), morae("カッコウ")), 2)
    0.35
    """
    # The insertion costs of `b` depend on `b` only: computed once, not once a row. The sums and
    # comparisons are those of the plain recurrence, in the same order, so values are the same.
    ins = [indel_cost(bj, b[j - 1] if j else "") for j, bj in enumerate(b)]
    prev = [0.0]
    total = 0.0
    for c in ins:
        total += c
        prev.append(total)
    before = ""
    for ai in a:
        del_cost = indel_cost(ai, before)
        before = ai
        row = _SUBSTITUTIONS.get(ai)
        if row is None:
            row = _SUBSTITUTIONS[ai] = _SubstitutionRow(ai)
        left = prev[0] + del_cost
        cur = [left]
        best = left
        for bj, diag, up, ins_j in zip(b, prev, prev[1:], ins):
            sub = diag + row[bj]
            dele = up + del_cost
            v = sub if sub < dele else dele
            ins_v = left + ins_j
            left = v if v < ins_v else ins_v
            cur.append(left)
            if left < best:
                best = left
        if best > limit:
            return best
        prev = cur
    return round(prev[-1], 4)


class _SubstitutionRow(dict):
    """The costs of hearing each mora for one mora `a`, filled as morae are met (a dict
    look-up in the inner loop of `mora_distance`, which runs a million times a transcript
    with a large lexicon)."""

    def __init__(self, a: str):
        super().__init__({a: 0.0})
        self.a = a

    def __missing__(self, b: str) -> float:
        cost = self[b] = substitution_cost(self.a, b)
        return cost


_SUBSTITUTIONS: dict[str, _SubstitutionRow] = {}


def coarse_key(mm: Sequence[str]) -> str:
    """A key that forgets the cheap differences (special morae, voicing, glides, loanword
    spellings), one character a remaining mora: candidates are looked up by it.

    >>> coarse_key(morae("ギュウトウ")) == coarse_key(morae("キュト"))
    True
    """
    out = []
    for x in mm:
        if x in _INDEL:
            continue
        x = x.translate(_VOICE)
        if len(x) == 2:
            x = _COARSE_DIGRAPHS.get(x, x[0])
        out.append(x)
    return "".join(out)


@lru_cache(maxsize=1 << 16)
def coarse_keys(mm: tuple[str, ...], limit: int = 4) -> list[str]:
    """`coarse_key`, and the keys with a yōon mora heard as the plain mora of its vowel
    (キョ as コ, シュ as ス) as well as of its consonant (キョ as キ): a glide lost leaves either.

    >>> coarse_keys(morae("キョウト"))
    ['キト', 'コト']
    """
    keys = [""]
    options_of = _COARSE_OPTIONS
    for x in mm:
        options = options_of.get(x)
        if options is None:
            options = options_of[x] = _coarse_options(x)
        if not options:
            continue
        if len(options) == 1:  # most morae: extend every key in place
            o = options[0]
            keys = [k + o for k in keys]
        else:
            keys = [k + o for k in keys for o in options][:limit]
    return keys


def _coarse_options(x: str) -> tuple[str, ...]:
    """What one mora may be heard as in a coarse key (nothing for the special morae)."""
    if x in _INDEL:
        return ()
    x = x.translate(_VOICE)
    if len(x) == 2 and x[1] in "ャュョ":
        plain = _ROWS[_ROW_OF.get(x[0], 0)]["アイウエオ".index({"ャ": "ア", "ュ": "ウ", "ョ": "オ"}[x[1]])] \
            if x[0] in _ROW_OF and len(_ROWS[_ROW_OF[x[0]]]) == 5 else x[0]
        return (x[0],) if plain == x[0] else (x[0], plain)
    if len(x) == 2:
        return (_COARSE_DIGRAPHS.get(x, x[0]),)
    return (x,)


_COARSE_OPTIONS: dict[str, tuple[str, ...]] = {}  # mora -> its options, filled as morae are met


# Loanword digraphs (voicing already dropped) under the plain kana they are heard as; a yōon
# digraph keys under its first kana (キョ, キ).
_COARSE_DIGRAPHS = {"ティ": "チ", "トゥ": "ツ", "テュ": "チ", "フィ": "ヒ", "ファ": "ハ", "フェ": "ヘ", "フォ": "ホ",
                    "フュ": "ヒ", "ウィ": "ヒ", "ウェ": "ヘ", "ウォ": "ホ", "シェ": "セ", "チェ": "セ", "クァ": "カ",
                    "クィ": "キ", "クェ": "ケ", "クォ": "コ", "ツァ": "サ", "イェ": "エ"}


# The compiled twin, when built, replaces the definitions above (ja_transcript/_native.py).
# Nothing may follow these lines: the build compiles what precedes them.
from .._native import adopt  # noqa: E402

adopt(globals())
