"""Bytes to text for Japanese transcripts, in any encoding they are commonly saved in.

Order: an explicit encoding; a byte-order mark (UTF-8/16/32); ISO-2022-JP escapes;
strict UTF-8; then CP932 (Shift_JIS), EUC-JP and UTF-16 without a mark, each decoded
strictly and ranked by how Japanese the text looks (`japanese_score`). charset-normalizer
alone is not enough here: on short Japanese texts (はい。, a line of full-width letters)
it often returns no answer, and it never recognizes UTF-16 without a byte-order mark
(measured in tests/readers/test_decode.py). It is kept as the tie-breaker when the
ranking cannot separate two candidates.

Decoding is always strict: a transcript is either read exactly or refused with a
message that says what to do. Nothing is replaced or dropped.
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from ..errors import TranscriptError
from .base import reader_error

# Longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Signatures of files people pass by mistake: named in the error so the fix is obvious.
_MAGIC = (
    (b"\x89PNG", "a PNG image", ""),
    (b"\xff\xd8\xff", "a JPEG image", ""),
    (b"GIF8", "a GIF image", ""),
    (b"%PDF-", "a PDF document", " (export the PDF's text first)"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx document)", " (export the document as text first)"),
    (b"\x1f\x8b", "gzip-compressed data", " (decompress it first)"),
    (b"RIFF", "a RIFF file (WAV audio or AVI video)", " (transcribe the audio first, e.g. with Whisper)"),
    (b"ID3", "MP3 audio", " (transcribe the audio first, e.g. with Whisper)"),
    (b"OggS", "Ogg audio", " (transcribe the audio first, e.g. with Whisper)"),
    (b"fLaC", "FLAC audio", " (transcribe the audio first, e.g. with Whisper)"),
    (b"\x1aE\xdf\xa3", "a Matroska/WebM video", " (transcribe the audio first, e.g. with Whisper)"),
)

_MARKED = ("utf-8-sig", "utf-16", "utf-32")  # codecs.lookup(...).name of the codecs that read a mark

_ISO2022_ESCAPES = (b"\x1b$B", b"\x1b$@", b"\x1b(J", b"\x1b(I", b"\x1b$(D")

# Candidates when the bytes are neither UTF-8 nor marked. With NUL bytes (UTF-16 gives one
# for every ASCII character, e.g. a newline) only UTF-16 can be text.
_UTF16 = ("utf_16_le", "utf_16_be")
_LEGACY = ("cp932", "euc_jp", *_UTF16)

_FOREIGN = -2.0
# A decoding with more foreign characters than this is not text (see `foreign_share`).
_MAX_FOREIGN = 0.25
# Two decodings closer than this are a tie.
_TIE_MARGIN = 0.1
_ASCII = re.compile("[\x00-\x7f]+")
# Characters scored per candidate: plenty to rank them; the whole text is still decoded strictly.
_SAMPLE = 50_000


class Decoded(NamedTuple):
    text: str
    encoding: str  # the Python codec used


def decode(data: bytes, path: str, encoding: str | None = None) -> Decoded:
    """Decode the bytes of `path`; raise TranscriptError naming it when that cannot be done.

    A leading byte-order mark is removed whatever the encoding.

    >>> decode("こんにちは".encode("cp932"), "a.txt")
    Decoded(text='こんにちは', encoding='cp932')
    >>> decode(b"\\xef\\xbb\\xbfabc", "a.txt")
    Decoded(text='abc', encoding='utf-8-sig')
    """
    if encoding is not None:
        return _decode_as(data, path, encoding)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, path, codec)
    if data.isascii() and any(esc in data for esc in _ISO2022_ESCAPES):
        return _decode_iso2022(data, path)
    if b"\0" in data:
        return _decode_nul(data, path)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        not_utf8 = exc
    _refuse_binary(data, path)
    return _decode_ranked(data, path, _LEGACY, where=_where(data, not_utf8.start))


def _where(data: bytes, offset: int) -> str:
    r"""Where a byte is, for a human: its value, offset, line and column.

    >>> _where(b"ab\ncd\xff", 5)
    'byte 0xff at offset 5 (line 2, column 3)'
    """
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return f"byte 0x{data[offset]:02x} at offset {offset} (line {line}, column {column})"


def _decode_as(data: bytes, path: str, encoding: str) -> Decoded:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise reader_error("R003", path, encoding=encoding) from None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        reason = f"byte {exc.object[exc.start:exc.start + 1]!r} at offset {exc.start} is not valid in it"
        raise reader_error("R002", path, encoding=encoding, reason=reason) from None
    # These codecs remove the mark themselves: a U+FEFF after it is a character of the text.
    if codec not in _MARKED:
        text = text.removeprefix("\ufeff")
    return Decoded(text, codec)


def _decode_iso2022(data: bytes, path: str) -> Decoded:
    # Plain ISO-2022-JP first; the extended variants add half-width katakana and JIS X 0212.
    for codec in ("iso2022_jp", "iso2022_jp_ext", "iso2022_jp_2"):
        try:
            return Decoded(data.decode(codec), codec)
        except UnicodeDecodeError:
            continue
    return _decode_as(data, path, "iso2022_jp")  # raises, with the position


def _decode_nul(data: bytes, path: str) -> Decoded:
    """NUL bytes: UTF-16 without a byte-order mark, or binary data."""
    if len(data) % 2 == 0:
        try:
            return _decode_ranked(data, path, _UTF16)
        except TranscriptError:
            pass
    _refuse_binary(data, path)
    raise reader_error("R004", path, what="it contains NUL bytes", hint="")


def _refuse_binary(data: bytes, path: str) -> None:
    for magic, what, hint in _MAGIC:
        if data.startswith(magic):
            raise reader_error("R004", path, what=f"it looks like {what}", hint=hint)
    if data[4:8] == b"ftyp":
        raise reader_error("R004", path, what="it looks like MP4/M4A media",
                           hint=" (transcribe the audio first, e.g. with Whisper)")


def _decode_ranked(data: bytes, path: str, candidates: tuple[str, ...], where: str = "") -> Decoded:
    """Decode with each candidate; keep the plausible one whose text looks most like Japanese."""
    scored = []
    for codec in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:_SAMPLE]
        if foreign_share(sample) <= _MAX_FOREIGN:
            # ASCII reads the same in CP932 and EUC-JP: the other characters tell them apart.
            # Counted in the mean, the keys of a JSON file (or the timings of an SRT) around a
            # few words made the two readings a tie, and charset-normalizer may pick the wrong one.
            scored.append((japanese_score(_ASCII.sub("", sample)), codec, text))
    if not scored:
        raise reader_error("R001", path, where=where or "a byte")
    scored.sort(key=lambda item: item[0], reverse=True)
    best = scored[0]
    rivals = [item for item in scored[1:] if best[0] - item[0] < _TIE_MARGIN and item[2] != best[2]]
    if rivals:
        return _break_tie(data, path, [best, *rivals])
    return Decoded(best[2], best[1])


def _break_tie(data: bytes, path: str, tied: list[tuple[float, str, str]]) -> Decoded:
    from charset_normalizer import from_bytes

    codecs_tied = [codec for _, codec, _ in tied]
    match = from_bytes(data, cp_isolation=codecs_tied).best()
    if match is not None:
        chosen = codecs.lookup(match.encoding).name
        for _, codec, text in tied:
            if codecs.lookup(codec).name == chosen:
                return Decoded(text, codec)
    raise reader_error("R006", path, candidates=" and ".join(codecs_tied))


def _char_score(char: str) -> float:
    code = ord(char)
    if char in "\t\n\r" or 0x20 <= code < 0x7F:
        return 1.0
    if (0x3041 <= code <= 0x3096 or 0x30A1 <= code <= 0x30FC  # kana
            or 0x3000 <= code <= 0x303F or 0xFF01 <= code <= 0xFF5E):  # CJK and full-width punctuation
        return 1.0
    if 0x4E00 <= code <= 0x9FFF:
        return _kanji_score(char)
    if 0xFF61 <= code <= 0xFF9F:  # half-width katakana: real, but also what EUC-JP misread as CP932 gives
        return -0.5
    if code >= 0x80 and len(_cp932(char)) == 2:  # the symbols of Japanese charsets: ①, ㈱, ※, →, Ⅱ ...
        return 0.5
    return _FOREIGN  # Hangul, Yi, private use, control characters ...: what a wrong decoding gives


def _cp932(char: str) -> bytes:
    try:
        return char.encode("cp932")
    except UnicodeEncodeError:
        return b""


def _kanji_score(char: str) -> float:
    # JIS X 0208 level 1 (EUC-JP lead bytes 0xB0-0xCF) holds the ~3000 common kanji, level 2 the
    # rarer ones; kanji outside JIS X 0208 are rare in speech. A wrong decoding gives mostly rare
    # kanji, so this frequency proxy separates the candidates without a frequency table.
    try:
        encoded = char.encode("euc_jp")
    except UnicodeEncodeError:
        return -1.0
    if len(encoded) != 2:
        return -1.0
    return 1.0 if encoded[0] <= 0xCF else 0.25


def japanese_score(text: str) -> float:
    """Mean per-character plausibility of `text` as Japanese (or ASCII) text, at most 1.0.

    Used to rank the decodings of the same bytes.

    >>> japanese_score("こんにちは、東京。")
    1.0
    >>> japanese_score("あさい".encode("euc_jp").decode("cp932")) < 0  # EUC-JP misread as CP932
    True
    """
    if not text:
        return 1.0
    return sum(map(_char_score, text)) / len(text)


def foreign_share(text: str) -> float:
    """Share of characters that no Japanese text would hold (a wrong decoding, or binary data).

    >>> foreign_share("はい。①")
    0.0
    >>> foreign_share("こんにちは".encode("utf-16-le").decode("utf-16-be")) > 0.5
    True
    """
    if not text:
        return 0.0
    return sum(1 for char in text if _char_score(char) <= -1.0) / len(text)
