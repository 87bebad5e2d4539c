"""Japanese numerals as written in transcripts: Arabic, full-width, kanji, 大字 and mixed.

`parse_numeral` reads one numeral string to its exact value; `parse_numeral_range`
also accepts the vague digits 数 / 何 / 幾 ("some digit 1..9 at this place") and
returns the lowest and highest value they allow; `numeral_interval` gives the same as
exact fractions. A string that is not a well-formed numeral raises `NumeralError`,
whose message says what is wrong, where, and how it would be written.

The grammar
-----------
A lexer cuts the string into lexemes; a recursive-descent parser reads them by this
grammar (``{x}`` is any number of x, ``[x]`` at most one)::

    numeral     = [sign] ( "〇" | number )
    number      = { group } [ section ]          at least one of them
    group       = section BIG                    万 億 兆 京 垓 𥝱 穣 溝 澗 正 載 極 恒河沙 ... 無量大数
    section     = term { term } [ tail ]  |  tail
    term        = [ coefficient ] SMALL [ "," ]  十 百 千 (大字 拾 佰 阡 ...); the comma only after 千
    coefficient = DIGIT | VAGUE | arabic         one kanji digit, 数 / 何 / 幾, or an Arabic number
    tail        = digits | VAGUE | arabic
    digits      = DIGIT { DIGIT }                positional: 二〇二五, 三〇八
    arabic      = ASCII or full-width digits, in groups of three after commas, [ "." digits ]
    sign        = "-" | "−" | "－" | "+" | "＋" | "マイナス" | "プラス"

and these conditions, each with its own error:

- places descend: within a section each small unit is smaller than the one before it, and
  each term is smaller than the unit before it (千百十 = 1110; 十百千, 十十, 二十五十 and
  1千12百 are errors); big units descend the same way, and each group and the last
  section are smaller than the big unit before them (1万10千, 1億12345万, 四万三億二兆 are
  errors). The first group's section may be as large as written: 2234千億, 7000千, 12千345.
- a unit takes at most one kanji digit before it (三五十 and 六七百 are errors) and never a
  zero (〇千, 0万); a big unit needs a number before it (万, 億千万 and 一億万 are errors).
- 一 before 十 or 百 is left out in common writing (十, 百, 百十; 一十 and 一百 are errors),
  but kept before 千 (一千五百) and in 大字 (壱百壱拾 = 110).
- a run of kanji digits does not start with 〇 unless it is the whole numeral (〇 = 0;
  〇〇, 〇一二三, 十〇, 千〇〇 are errors).
- Arabic and kanji digits are not written side by side (一2, 2000三十), nor half-width and
  full-width digits in one Arabic number (２００７20); a comma inside an Arabic number
  groups three digits (1,000; 1,00 is an error); the decimal point needs digits on both
  sides; a sign only begins a numeral (1億-2万 is an error).
- the value is below 10^72 (無量大数 is 10^68, the largest place named), and a run of
  digits is at most `MAX_DIGITS` long (a transcript's serial numbers and noise can hold
  thousands of digits).

Where the peer suites disagree, the reading is that of usage: 千万 = 10^7 (twada's
japanese-numerals-to-number asks for 一千万; takumakanari's japanese-numbers reads 千億,
geolonia writes 千兆), and an enumeration comma 、 is not a digit separator (2、3人 is "two
or three"). `tests/extract/cases/numeral_suites.json` holds every numeral case of five
peer suites with these differences noted.

Values are computed exactly (fractions) and returned as `int` when whole, else `float`.
"""

from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple

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
    "LIMIT",
]


class NumeralError(ValueError):
    """The string is not a well-formed numeral; the message says where and why."""


KANJI_DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    # 大字 (used on cheques and in legal text)
    "壱": 1, "壹": 1, "弐": 2, "貳": 2, "弍": 2, "参": 3, "參": 3, "肆": 4, "伍": 5, "陸": 6,
    "漆": 7, "柒": 7, "捌": 8, "玖": 9,
}
# Small units with the exponent of ten they name.
SMALL_UNITS: dict[str, int] = {
    "十": 10, "拾": 10, "什": 10, "百": 100, "佰": 100, "陌": 100, "千": 1000, "仟": 1000, "阡": 1000,
}
# Exponent of ten for each myriad unit; multi-character names are matched longest first.
BIG_UNITS: dict[str, int] = {
    "万": 4, "萬": 4, "億": 8, "兆": 12, "京": 16, "垓": 20, "𥝱": 24, "秭": 24, "穣": 28, "穰": 28,
    "溝": 32, "澗": 36, "正": 40, "載": 44, "極": 48, "恒河沙": 52, "阿僧祇": 56, "那由他": 60,
    "那由多": 60, "不可思議": 64, "無量大数": 68,
}
# 数 / 何 / 幾 stand for one unknown digit 1..9 (数千 = 1000..9000, 十数 = 11..19).
VAGUE_DIGITS = frozenset("数何幾")

# The longest run of digits (Arabic, or kanji read positionally) that is a numeral.
MAX_DIGITS = 72
# Every value is below this: no unit names a place past 10^71.
LIMIT = 10**72

_SIGNS = {"-": -1, "−": -1, "－": -1, "+": 1, "＋": 1, "マイナス": -1, "プラス": 1}
_SIGN_CHARS = frozenset("-−－+＋")
_HALF, _FULL = frozenset("0123456789"), frozenset("０１２３４５６７８９")
_DIGIT_CHARS = _HALF | _FULL
_POINTS, _COMMAS = frozenset(".．"), frozenset(",，")
_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_MULTI_BIG = sorted((u for u in BIG_UNITS if len(u) > 1), key=len, reverse=True)
_ONE_DROPPED = frozenset("十百")  # common-writing units whose coefficient 一 is left out
_THOUSAND = 1000

# Lexeme kinds
ARABIC, DIGIT, VAGUE, SMALL, BIG, COMMA = "Arabic number", "kanji digit", "vague digit", "unit", "big unit", ","

Interval = tuple[int | Fraction, int | Fraction]


class _Lexeme(NamedTuple):
    kind: str
    text: str
    pos: int  # offset in the string as given
    value: object  # ARABIC: int or Fraction; DIGIT: int; SMALL: its value; BIG: its exponent


def parse_numeral(s: str) -> int | float:
    """The value of one numeral string.

    >>> parse_numeral("百二十三"), parse_numeral("三〇八"), parse_numeral("二千二十")
    (123, 308, 2020)
    >>> parse_numeral("3億4千8百万"), parse_numeral("１，０００"), parse_numeral("1.5億")
    (348000000, 1000, 150000000)
    >>> parse_numeral("壱萬弐拾"), parse_numeral("九〇〇七兆一九九二億五四七四万九九一")
    (10020, 9007199254740991)
    >>> parse_numeral("0.25")
    0.25
    >>> parse_numeral("千千")
    Traceback (most recent call last):
    ...
    ja_transcript.extract.numerals.NumeralError: '千' repeats at position 1 in '千千': each place is said once
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


def _parse(s: str, vague: bool) -> Interval:
    if not isinstance(s, str):
        raise NumeralError(f"a numeral is a string, not {type(s).__name__}")
    if s.isascii() and s.isdigit() and len(s) <= MAX_DIGITS:  # 2025, 40: most figures said
        value = Fraction(int(s))
        return value, value
    text = s.strip()
    if not text:
        raise NumeralError("an empty string is not a numeral")
    offset = len(s) - len(s.lstrip())
    sign, body = 1, text
    for mark, value in _SIGNS.items():
        if text.startswith(mark):
            sign, body, offset = value, text[len(mark):], offset + len(mark)
            break
    if not body:
        raise NumeralError(f"a sign needs a number after it in {s!r}")
    lexemes = _lex(body, offset, s, vague)
    low, high = _Parser(lexemes, s).numeral()
    low, high = Fraction(low), Fraction(high)
    if high >= LIMIT:
        shown = repr(s) if len(s) <= 40 else repr(s[:40]) + "..."
        raise NumeralError(f"{shown} is too large: numerals name places up to 10^71 (無量大数 is 10^68)")
    return (low, high) if sign > 0 else (-high, -low)


# --------------------------------------------------------------------------- lexer
def _lex(body: str, offset: int, original: str, vague: bool) -> list[_Lexeme]:
    out: list[_Lexeme] = []
    i, n = 0, len(body)
    while i < n:
        c, pos = body[i], offset + i
        if c in _DIGIT_CHARS:
            j = i + 1
            while j < n and (body[j] in _DIGIT_CHARS or (
                    (body[j] in _POINTS or body[j] in _COMMAS) and j + 1 < n and body[j + 1] in _DIGIT_CHARS)):
                j += 1
            token = body[i:j]
            out.append(_Lexeme(ARABIC, token, pos, _arabic(token, pos, original)))
        elif c in KANJI_DIGITS:
            j = i + 1
            out.append(_Lexeme(DIGIT, c, pos, KANJI_DIGITS[c]))
        elif c in VAGUE_DIGITS:
            if not vague:
                raise NumeralError(f"{c!r} is a vague digit: {original!r} has no single value "
                                   f"(parse_numeral_range gives its lowest and highest)")
            j = i + 1
            out.append(_Lexeme(VAGUE, c, pos, None))
        elif c in SMALL_UNITS:
            j = i + 1
            out.append(_Lexeme(SMALL, c, pos, SMALL_UNITS[c]))
        elif c in BIG_UNITS:
            j = i + 1
            out.append(_Lexeme(BIG, c, pos, BIG_UNITS[c]))
        elif c in _COMMAS:
            j = i + 1
            out.append(_Lexeme(COMMA, c, pos, None))
        else:
            name = next((u for u in _MULTI_BIG if body.startswith(u, i)), None)
            if name is not None:
                j = i + len(name)
                out.append(_Lexeme(BIG, name, pos, BIG_UNITS[name]))
            elif c in _POINTS:
                raise NumeralError(f"the decimal point at position {pos} in {original!r} needs digits on both sides")
            elif c in _SIGN_CHARS:
                raise NumeralError(f"a sign can only begin a numeral: {c!r} at position {pos} in {original!r}")
            else:
                raise NumeralError(f"unexpected character {c!r} at position {pos} in {original!r}")
        i = j
    return out


def _arabic(token: str, pos: int, original: str) -> int | Fraction:
    """An Arabic number: digits of one width, optional comma grouping and one decimal point."""
    digits = [c for c in token if c in _DIGIT_CHARS]
    if len(digits) > MAX_DIGITS:
        raise NumeralError(f"a run of {len(digits)} digits is not a numeral (more than {MAX_DIGITS} digits) "
                           f"in {original[:20]!r}...")
    if _HALF.intersection(digits) and _FULL.intersection(digits):
        raise NumeralError(f"half-width and full-width digits are mixed in {token!r} at position {pos} "
                           f"in {original!r}: they are two numbers")
    plain = token.translate(_WIDTH)
    whole, dot, frac = plain.partition(".")
    if "." in frac:
        raise NumeralError(f"{token!r} at position {pos} in {original!r} has more than one decimal point")
    if "," in frac:
        raise NumeralError(f"a comma after the decimal point in {token!r} in {original!r}")
    if "," in whole:
        groups = whole.split(",")
        if not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:]):
            raise NumeralError(f"malformed digit grouping {token!r} at position {pos} in {original!r}: "
                               f"commas group three digits (1,000)")
        whole = "".join(groups)
    if not frac:
        return int(whole)  # ints while the numeral has no decimal: Fraction arithmetic is slow
    return int(whole) + Fraction(int(frac), 10 ** len(frac))


# --------------------------------------------------------------------------- parser
class _Parser:
    """Recursive descent over the lexemes; every value an interval (low, high) so that the
    vague digits 数 / 何 / 幾 are read as 1 and as 9 at once."""

    def __init__(self, lexemes: list[_Lexeme], original: str):
        self.lx = lexemes
        self.i = 0
        self.s = original

    # helpers
    def peek(self, k: int = 0) -> _Lexeme | None:
        j = self.i + k
        return self.lx[j] if j < len(self.lx) else None

    def error(self, message: str, at: _Lexeme | None = None) -> NumeralError:
        where = f" at position {at.pos}" if at is not None else ""
        head, _, advice = message.partition(": ")
        return NumeralError(f"{head}{where} in {self.s!r}" + (f": {advice}" if advice else ""))

    # numeral = [sign] ("〇" | number)
    def numeral(self) -> Interval:
        if len(self.lx) == 1 and self.lx[0].kind == DIGIT and self.lx[0].value == 0:
            return 0, 0  # 〇 / 零 alone
        value = self.number()
        if self.i < len(self.lx):
            raise self.error(f"{self.lx[self.i].text!r} cannot follow what comes before it", self.lx[self.i])
        return value

    # number = {group} [section]
    def number(self) -> Interval:
        low = high = 0
        last: _Lexeme | None = None  # the previous big unit
        while True:
            here = self.peek()
            if here is None:
                break
            section = self.section()
            unit = self.peek()
            if unit is not None and unit.kind == BIG:
                self.i += 1
                if section is None:
                    advice = f"write 一{unit.text} or 1{unit.text}" if last is None else "big units are not adjacent"
                    raise self.error(f"{unit.text!r} needs a number before it: {advice}", unit)
                if last is not None and unit.value >= last.value:
                    word = "repeats" if unit.value == last.value else f"is larger than the {last.text!r} before it"
                    raise self.error(f"{unit.text!r} {word}: big units go down (億 before 万)", unit)
                if section[0] == 0:
                    raise self.error(f"{unit.text!r} has a zero before it", unit)
                scale = 10 ** unit.value
                if last is not None and section[1] * scale >= 10 ** last.value:
                    raise self.error(f"the part before {unit.text!r} is not smaller than the {last.text!r} "
                                     f"before it", here)
                low, high = low + section[0] * scale, high + section[1] * scale
                last = unit
                continue
            if section is None:  # neither a section nor a big unit: a lexeme no rule takes
                break
            if last is not None and section[1] >= 10 ** last.value:
                raise self.error(f"the part after {last.text!r} is not smaller than {last.text!r}", here)
            low, high = low + section[0], high + section[1]
            break
        if last is None and self.i == 0:
            here = self.peek()
            raise self.error(f"{here.text!r} cannot begin a numeral", here) if here else self.error("no digits")
        return low, high

    # section = term {term} [tail] | tail
    def section(self) -> Interval | None:
        low = high = 0
        last: _Lexeme | None = None  # the previous small unit
        start = self.i
        while True:
            tok = self.peek()
            if tok is None or tok.kind == BIG:
                break
            if tok.kind == COMMA:
                nxt = self.peek(1)
                if last is None or last.value != _THOUSAND or self.lx[self.i - 1] is not last or nxt is None \
                        or nxt.kind in (BIG, COMMA):
                    raise self.error(f"a comma here is no digit grouping: only 千 may have one after it "
                                     f"(三千,九百二十一), and Arabic digits in threes (1,000)", tok)
                self.i += 1
                continue
            if tok.kind == SMALL:
                coefficient, atom = (1, 1), None
            else:
                atom = self.atom()
                unit = self.peek()
                if unit is None or unit.kind != SMALL:  # a tail ends the section
                    if last is not None and atom.high >= last.value:
                        raise self.error(f"{atom.text!r} after {last.text!r} is not smaller than {last.value}",
                                         atom.first)
                    if last is not None and atom.first.kind == DIGIT and atom.first.value == 0:
                        raise self.error(f"{atom.text!r} after {last.text!r} starts with a zero: "
                                         f"a zero after a unit adds nothing", atom.first)
                    return low + atom.low, high + atom.high
                coefficient = self.coefficient(atom, unit)
            unit = self.lx[self.i]
            self.i += 1
            if last is not None and unit.value >= last.value:
                if unit.value == last.value:
                    raise self.error(f"{unit.text!r} repeats: each place is said once", unit)
                raise self.error(f"{unit.text!r} follows the smaller {last.text!r}: places go down (千百十)", unit)
            if last is not None and coefficient[1] * unit.value >= last.value:
                raise self.error(f"{atom.text + unit.text!r} is not smaller than the {last.text!r} before it",
                                 atom.first if atom else unit)
            low, high = low + coefficient[0] * unit.value, high + coefficient[1] * unit.value
            last = unit
        return (low, high) if self.i > start else None

    def coefficient(self, atom: _Atom, unit: _Lexeme) -> Interval:
        if atom.first.kind == DIGIT:
            if atom.length > 1:
                raise self.error(f"{unit.text!r} takes one digit before it, not {atom.text!r}: "
                                 f"positional digits stand alone (三五〇) or before a big unit (七〇〇万)",
                                 atom.first)
            if atom.first.text == "一" and unit.text in _ONE_DROPPED:
                raise self.error(f"'一{unit.text}' is written {unit.text!r}: 一 is left out before 十 and 百 "
                                 f"(百十 = 110; 大字 keep it: 壱百壱拾)", atom.first)
        if atom.low == 0:
            raise self.error(f"{unit.text!r} has a zero before it", atom.first)
        return atom.low, atom.high

    def atom(self) -> _Atom:
        """One Arabic number, one vague digit, or a run of kanji digits."""
        first = self.lx[self.i]
        if first.kind not in (ARABIC, DIGIT, VAGUE):
            raise self.error(f"{first.text!r} cannot stand here", first)
        j = self.i + 1
        if first.kind == DIGIT:
            while j < len(self.lx) and self.lx[j].kind == DIGIT:
                j += 1
        run = self.lx[self.i:j]
        nxt = self.lx[j] if j < len(self.lx) else None
        if nxt is not None and nxt.kind in (ARABIC, DIGIT, VAGUE):
            if VAGUE in (first.kind, nxt.kind):
                raise self.error("a vague digit cannot stand in a run of digits: 数 is one digit at its place "
                                 "(十数, 数十)", nxt)
            raise self.error(f"Arabic and kanji digits side by side ({run[-1].text}{nxt.text}) "
                             f"are two numbers", nxt)
        if len(run) > MAX_DIGITS:
            raise NumeralError(f"a run of {len(run)} digits is not a numeral (more than {MAX_DIGITS} digits) "
                               f"in {self.s[:20]!r}...")
        self.i = j
        text = "".join(x.text for x in run)
        if first.kind == ARABIC:
            return _Atom(first, 1, text, first.value, first.value)
        if first.kind == VAGUE:
            return _Atom(first, 1, text, 1, 9)
        if first.value == 0 and len(run) > 1:
            raise self.error(f"{text!r} starts with a zero: a run of kanji digits does not (三〇八, not 〇三〇八)",
                             first)
        value = int("".join(str(x.value) for x in run))
        return _Atom(first, len(run), text, value, value)


class _Atom(NamedTuple):
    first: _Lexeme
    length: int
    text: str
    low: int | Fraction
    high: int | Fraction
