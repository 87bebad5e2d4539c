"""Mishearing patterns on kana readings, each a pure function of (kana, position).

These are the patterns of the benchmark's `near_homophone` items. They are written from
descriptions of Japanese phonetics and of spontaneous-speech variation (see README.md,
"Error sources"), not from the corrector's cost table (src/ja_transcript/correct/phonetic.py):
the benchmark must not be built from the model it measures.

A reading is cut into morae first: a kana with its small ャュョァィゥェォ, and ー ッ ン each
on their own.

>>> morae("キュウトウ")
['キュ', 'ウ', 'ト', 'ウ']
>>> sorted(set(apply_all("ケーキ")))[:3]
[('long_vowel_deletion', 'ケキ'), ('voicing', 'ケーギ'), ('voicing', 'ゲーキ')]
"""

from __future__ import annotations

from typing import Iterator

SMALL = set("ャュョァィゥェォヮ")
VOWEL_OF: dict[str, str] = {}
for _vowel, _row in zip("アイウエオ", ("アカサタナハマヤラワガザダバパァャヮ", "イキシチニヒミリギジヂビピィ",
                                      "ウクスツヌフムユルグズヅブプゥュヴ", "エケセテネヘメレゲゼデベペェ",
                                      "オコソトノホモヨロヲゴゾドボポォョ")):
    for _k in _row:
        VOWEL_OF[_k] = _vowel

# Voiced <-> voiceless obstruents (k/g, s/z, t/d, h/b and p/b).
VOICING = {}
for a, b in zip("カキクケコサシスセソタチツテトハヒフヘホパピプペポ", "ガギグゲゴザジズゼゾダヂヅデドバビブベボバビブベボ"):
    VOICING.setdefault(a, b)
    VOICING.setdefault(b, a)
VOICING["ヂ"], VOICING["ヅ"] = "チ", "ツ"
# High vowels devoice between voiceless consonants and are then heard as the other high
# vowel: シ/ス, キ/ク, チ/ツ, ヒ/フ, ピ/プ.
DEVOICED = {"シ": "ス", "ス": "シ", "キ": "ク", "ク": "キ", "チ": "ツ", "ツ": "チ", "ヒ": "フ", "フ": "ヒ",
            "ピ": "プ", "プ": "ピ"}
VOICELESS_ONSET = set("カキクケコサシスセソタチツテトハヒフヘホパピプペポ")
YOON_PLAIN = {a + s: b for a, row in (("キ", "カコ"), ("ギ", "ガゴ"), ("シ", "サソ"), ("ジ", "ザゾ"), ("ヒ", "ハホ"),
                                       ("ビ", "バボ"), ("ピ", "パポ"), ("ミ", "マモ"), ("ニ", "ナノ"), ("リ", "ラロ"))
              for s, b in zip("ャョ", row)}
LONG_AFTER = {"ア": "ア", "イ": "イ", "ウ": "ウ", "エ": "イ", "オ": "ウ"}  # how kana spell a lengthened vowel

PATTERNS = ("long_vowel_deletion", "long_vowel_insertion", "voicing", "yoon_loss", "geminate_deletion",
            "geminate_insertion", "nasal_deletion", "nasal_insertion", "vowel_devoicing")


def morae(kana: str) -> list[str]:
    out: list[str] = []
    for ch in kana:
        if ch in SMALL and out and out[-1] not in ("ー", "ッ", "ン"):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _vowel(mora: str) -> str | None:
    return VOWEL_OF.get(mora[-1]) if mora else None


def _is_long(ms: list[str], i: int) -> bool:
    """Mora i lengthens the one before it (ー, or a vowel kana that spells a long vowel)."""
    if i == 0:
        return False
    if ms[i] == "ー":
        return True
    v = _vowel(ms[i - 1])
    return ms[i] in "アイウエオ" and v is not None and (v, ms[i]) in {
        ("ア", "ア"), ("イ", "イ"), ("ウ", "ウ"), ("エ", "エ"), ("オ", "オ"), ("オ", "ウ"), ("エ", "イ")}


def candidates(kana: str, katakana_spelling: bool) -> Iterator[tuple[str, int, str]]:
    """Every (pattern, mora position, new kana) one change away under the patterns.

    `katakana_spelling`: the kana are a katakana word's spelling (a long vowel is ー), not a
    reading (where it is a vowel kana)."""
    ms = morae(kana)
    n = len(ms)
    for i, m in enumerate(ms):
        if _is_long(ms, i):
            yield "long_vowel_deletion", i, "".join(ms[:i] + ms[i + 1:])
        v = _vowel(m)
        nxt = ms[i + 1] if i + 1 < n else ""
        if v and m not in ("ッ", "ン", "ア", "イ", "ウ", "エ", "オ") and not _is_long(ms, i) \
                and not (nxt and _is_long(ms, i + 1)) and nxt not in ("ッ", "ン", "ー") and i + 1 < n:
            lengthen = "ー" if katakana_spelling else LONG_AFTER[v]
            yield "long_vowel_insertion", i, "".join(ms[:i + 1] + [lengthen] + ms[i + 1:])
        if m[0] in VOICING:
            yield "voicing", i, "".join(ms[:i] + [VOICING[m[0]] + m[1:]] + ms[i + 1:])
        if len(m) == 2 and m[1] in "ャュョ":  # シュ heard as シ; キョ as コ: the palatal glide is lost
            plain = m[0] if m[1] == "ュ" else YOON_PLAIN.get(m)
            if plain:
                yield "yoon_loss", i, "".join(ms[:i] + [plain] + ms[i + 1:])
        if m == "ッ":
            yield "geminate_deletion", i, "".join(ms[:i] + ms[i + 1:])
        if 0 < i and m[0] in VOICELESS_ONSET and ms[i - 1] not in ("ッ", "ン", "ー") and i + 0 < n:
            yield "geminate_insertion", i, "".join(ms[:i] + ["ッ"] + ms[i:])
        if m == "ン" and i > 0:
            yield "nasal_deletion", i, "".join(ms[:i] + ms[i + 1:])
        if 0 < i < n and v and nxt and nxt not in ("ン", "ッ", "ー") and not _is_long(ms, i + 1) \
                and nxt[0] in "カキクケコガギグゲゴタチツテトダデドマミムメモバビブベボパピプペポナニヌネノ":
            yield "nasal_insertion", i, "".join(ms[:i + 1] + ["ン"] + ms[i + 1:])
        if m in DEVOICED and nxt and nxt[0] in VOICELESS_ONSET:
            yield "vowel_devoicing", i, "".join(ms[:i] + [DEVOICED[m]] + ms[i + 1:])


def apply_all(kana: str, katakana_spelling: bool = True) -> list[tuple[str, str]]:
    return [(p, new) for p, _, new in candidates(kana, katakana_spelling) if new != kana]
