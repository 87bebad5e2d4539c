"""Japanese numerals as written in transcripts: Arabic, full-width, kanji, 大字 and mixed.

`parse_numeral` reads one numeral string to its exact value; `parse_numeral_range`
also accepts the vague digits 数 / 何 / 幾 ("some digit 1..9 at this place") and
returns the lowest and highest value they allow.

Grammar (checked, not guessed):

- a number is groups ``[section] big-unit`` with big units (万 億 兆 京 ... 無量大数)
  strictly descending, then an optional last section; a big unit without a section
  before it is allowed only at the very start (万 = 10000, but 一億万 is an error);
- a section is terms ``[coefficient] small-unit`` (十 百 千, also 拾 佰 仟 ...) with
  small units strictly descending, then an optional tail; a coefficient is one kanji
  digit or an Arabic number (12千, 1.5億 are common in writing), never a run of kanji
  digits (三五十 is an error);
- whatever follows a unit must be smaller than it (千1 = 1001, but 1万10千 is an
  error, as are 千千, 十百千, 二十五十);
- a run of kanji digits with no unit is positional (二〇二〇 = 2020, 三〇八 = 308);
- Arabic numbers may use comma grouping (1,000; groups of three) and a decimal point;
  full-width digits and punctuation are read like ASCII;
- one leading sign (-, −, －, +, ＋, マイナス, プラス) applies to the whole number;
- a run of digits is at most `MAX_DIGITS` long: no unit names a larger place (無量大数 is
  10^68), and so every value is a finite float (a transcript's serial numbers and noise
  can hold thousands of digits).

Values are computed exactly (fractions) and returned as `int` when whole, else `float`.
"""

from __future__ import annotations

from fractions import Fraction

__all__ = [
    "NumeralError",
    "parse_numeral",
    "parse_numeral_range",
    "numeral_interval",
    "KANJI_DIGITS",
    "SMALL_UNITS",
    "BIG_UNITS",
    "VAGUE_DIGITS",
    "MAX_DIGITS",
]


class NumeralError(ValueError):
    """The string is not a well-formed numeral; the message says where and why."""


KANJI_DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    # 大字 (used on cheques and in legal text)
    "壱": 1, "壹": 1, "弐": 2, "貳": 2, "弍": 2, "参": 3, "參": 3, "肆": 4, "伍": 5, "陸": 6,
    "漆": 7, "柒": 7, "捌": 8, "玖": 9,
}
SMALL_UNITS: dict[str, int] = {
    "十": 10, "拾": 10, "什": 10, "百": 100, "佰": 100, "陌": 100, "千": 1000, "仟": 1000, "阡": 1000,
}
# Exponent of ten for each myriad unit; multi-character names are matched longest first.
BIG_UNITS: dict[str, int] = {
    "万": 4, "萬": 4, "億": 8, "兆": 12, "京": 16, "垓": 20, "𥝱": 24, "秭": 24, "穣": 28, "溝": 32,
    "澗": 36, "正": 40, "載": 44, "極": 48, "恒河沙": 52, "阿僧祇": 56, "那由他": 60, "那由多": 60,
    "不可思議": 64, "無量大数": 68,
}
# 数 / 何 / 幾 stand for one unknown digit 1..9 (数千 = 1000..9000, 十数 = 11..19).
VAGUE_DIGITS = frozenset("数何幾")

_SIGNS = {"-": -1, "−": -1, "－": -1, "+": 1, "＋": 1, "マイナス": -1, "プラス": 1}
# The longest run of digits (Arabic, or kanji read positionally) that is a numeral.
MAX_DIGITS = 72
# Full-width digits and punctuation read as ASCII.
_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_ASCII_DIGITS = frozenset("0123456789")
_MULTI_BIG = sorted((u for u in BIG_UNITS if len(u) > 1), key=len, reverse=True)

# Lexeme kinds
_ARABIC, _KRUN, _SMALL, _BIG = "arabic", "kanji digits", "small unit", "big unit"
_DIGIT_KINDS = (_ARABIC, _KRUN)


def parse_numeral(s: str) -> int | float:
    """The value of one numeral string.

    >>> parse_numeral("百二十三"), parse_numeral("三〇八"), parse_numeral("二千二十")
    (123, 308, 2020)
    >>> parse_numeral("3億4千8百万"), parse_numeral("１，０００"), parse_numeral("1.5億")
    (348000000, 1000, 150000000)
    >>> parse_numeral("壱萬弐拾")
    10020
    >>> parse_numeral("0.25")
    0.25
    >>> parse_numeral("千千")
    Traceback (most recent call last):
    ...
    ja_transcript.extract.numerals.NumeralError: '千' repeats or follows a smaller unit in '千千'
    """
    low, high = _parse(s, vague=False)
    return _plain(low)


def parse_numeral_range(s: str) -> tuple[int | float, int | float]:
    """Lowest and highest value of a numeral that may contain vague digits 数 / 何 / 幾.

    >>> parse_numeral_range("数千"), parse_numeral_range("十数"), parse_numeral_range("百何十億")
    ((1000, 9000), (11, 19), (11000000000, 19000000000))
    >>> parse_numeral_range("40億")
    (4000000000, 4000000000)
    """
    low, high = _parse(s, vague=True)
    return _plain(low), _plain(high)


def numeral_interval(s: str) -> tuple[Fraction, Fraction]:
    """Like `parse_numeral_range`, as exact fractions (for further arithmetic).

    >>> numeral_interval("1.5万")
    (Fraction(15000, 1), Fraction(15000, 1))
    """
    return _parse(s, vague=True)


def _plain(x: Fraction) -> int | float:
    return int(x) if x.denominator == 1 else float(x)


def _parse(s: str, vague: bool) -> tuple[Fraction, Fraction]:
    if not isinstance(s, str):
        raise NumeralError(f"expected a string, got {type(s).__name__}")
    text = s.strip()
    if not text:
        raise NumeralError("empty numeral")
    sign, body = _split_sign(text)
    if not body:
        raise NumeralError(f"a sign needs a number after it in {s!r}")
    lexemes = _lex(body.translate(_WIDTH), s, vague)
    low = _evaluate(lexemes, s, pick=1)
    high = _evaluate(lexemes, s, pick=9) if vague and _has_vague(lexemes) else low
    return (sign * low, sign * high) if sign > 0 else (sign * high, sign * low)


def _split_sign(text: str) -> tuple[int, str]:
    for mark, sign in _SIGNS.items():
        if text.startswith(mark):
            return sign, text[len(mark):]
    return 1, text


def _lex(body: str, original: str, vague: bool) -> list[tuple[str, object]]:
    """Cut the numeral into lexemes: (kind, payload)."""
    out: list[tuple[str, object]] = []
    i, n = 0, len(body)
    while i < n:
        c = body[i]
        if c in _ASCII_DIGITS:
            j = i
            while j < n and (body[j] in _ASCII_DIGITS or body[j] in ".,"):
                j += 1
            out.append((_ARABIC, _arabic(body[i:j], original)))
            i = j
        elif c in KANJI_DIGITS or c in VAGUE_DIGITS:
            if c in VAGUE_DIGITS and not vague:
                raise NumeralError(f"{c!r} is a vague digit; {original!r} has no single value")
            j = i
            digits = []
            while j < n and (body[j] in KANJI_DIGITS or body[j] in VAGUE_DIGITS):
                if body[j] in VAGUE_DIGITS and not vague:
                    raise NumeralError(f"{body[j]!r} is a vague digit; {original!r} has no single value")
                digits.append(None if body[j] in VAGUE_DIGITS else KANJI_DIGITS[body[j]])
                j += 1
            if len(digits) > 1 and None in digits:
                raise NumeralError(f"a vague digit cannot stand in a run of digits in {original!r}")
            if len(digits) > MAX_DIGITS:
                raise NumeralError(f"a run of {len(digits)} digits is not a numeral in {original[:20]!r}...")
            out.append((_KRUN, digits))
            i = j
        elif c in SMALL_UNITS:
            out.append((_SMALL, (c, SMALL_UNITS[c])))
            i += 1
        elif c in BIG_UNITS:
            out.append((_BIG, (c, BIG_UNITS[c])))
            i += 1
        else:
            name = next((u for u in _MULTI_BIG if body.startswith(u, i)), None)
            if name is None:
                raise NumeralError(f"unexpected character {c!r} at position {i} in {original!r}")
            out.append((_BIG, (name, BIG_UNITS[name])))
            i += len(name)
        if len(out) > 1 and out[-1][0] in _DIGIT_KINDS and out[-2][0] in _DIGIT_KINDS:
            raise NumeralError(f"Arabic and kanji digits run together in {original!r}")
    return out


def _arabic(token: str, original: str) -> Fraction:
    """An Arabic number with optional comma grouping and one decimal point."""
    if sum(c in _ASCII_DIGITS for c in token) > MAX_DIGITS:
        raise NumeralError(f"a run of more than {MAX_DIGITS} digits is not a numeral in {original[:20]!r}...")
    whole, dot, frac = token.partition(".")
    if dot and (not frac or not frac.isdigit() or not whole):
        raise NumeralError(f"malformed decimal {token!r} in {original!r}")
    if "," in whole:
        groups = whole.split(",")
        if not (1 <= len(groups[0]) <= 3) or any(len(g) != 3 for g in groups[1:]):
            raise NumeralError(f"malformed digit grouping {token!r} in {original!r}")
        whole = "".join(groups)
    if not whole.isdigit():
        raise NumeralError(f"malformed number {token!r} in {original!r}")
    value = Fraction(int(whole))
    if frac:
        value += Fraction(int(frac), 10 ** len(frac))
    return value


def _has_vague(lexemes) -> bool:
    return any(kind == _KRUN and None in payload for kind, payload in lexemes)


def _digits_value(digits: list, pick: int) -> Fraction:
    value = 0
    for d in digits:
        value = value * 10 + (pick if d is None else d)
    return Fraction(value)


def _evaluate(lexemes, original: str, pick: int) -> Fraction:
    """Value with every vague digit read as `pick` (1 for the lowest, 9 for the highest)."""
    total = Fraction(0)
    last_big: int | None = None  # exponent of the previous big unit
    section: list = []
    for kind, payload in lexemes:
        if kind != _BIG:
            section.append((kind, payload))
            continue
        name, exp = payload
        if last_big is not None and exp >= last_big:
            raise NumeralError(f"{name!r} repeats or follows a smaller unit in {original!r}")
        if not section and last_big is not None:
            raise NumeralError(f"{name!r} needs a number before it in {original!r}")
        coefficient = _section_value(section, original, pick) if section else Fraction(1)
        if coefficient == 0:
            raise NumeralError(f"{name!r} has a zero coefficient in {original!r}")
        total += coefficient * 10**exp
        last_big, section = exp, []
    if section:
        rest = _section_value(section, original, pick)
        if last_big is not None and rest >= 10**last_big:
            raise NumeralError(f"the part after the last unit is too large in {original!r}")
        total += rest
    elif not lexemes:
        raise NumeralError(f"no digits in {original!r}")
    return total


def _section_value(section, original: str, pick: int) -> Fraction:
    """Value of the part between big units: terms `[coefficient] 十/百/千`, then a tail."""
    value = Fraction(0)
    last_unit: int | None = None
    pending = None  # a number waiting to see whether a small unit follows it
    for kind, payload in section:
        if kind == _SMALL:
            name, unit = payload
            if last_unit is not None and unit >= last_unit:
                raise NumeralError(f"{name!r} repeats or follows a smaller unit in {original!r}")
            if pending is None:
                coefficient = Fraction(1)
            elif pending[0] == _KRUN:
                if len(pending[1]) != 1:
                    raise NumeralError(f"{name!r} takes one digit before it in {original!r}")
                coefficient = _digits_value(pending[1], pick)
            else:
                coefficient = pending[1]
            if coefficient == 0:
                raise NumeralError(f"{name!r} has a zero coefficient in {original!r}")
            if last_unit is not None and coefficient * unit >= last_unit:
                raise NumeralError(f"{name!r} is out of order in {original!r}")
            value += coefficient * unit
            last_unit, pending = unit, None
        else:
            pending = (kind, payload)
    if pending is not None:
        tail = _digits_value(pending[1], pick) if pending[0] == _KRUN else pending[1]
        if last_unit is not None and tail >= last_unit:
            raise NumeralError(f"the digits after a unit are too large in {original!r}")
        value += tail
    return value
