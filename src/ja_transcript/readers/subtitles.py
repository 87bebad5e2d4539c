"""SubRip (.srt) and WebVTT (.vtt): one RawLine per cue, with its start and end in seconds.

A cue's text is what is said while it is shown, so the reader removes what is not
speech and keeps everything else as it is:

- formatting markup (<i>, <b>, <font ...>, <c.colorE5E5E5>, <v Speaker>, VTT inline
  timestamps like <00:00:01.500>, {\\an8} positioning) is presentation, not words;
- ruby annotations (<rt>かんじ</rt>) repeat the reading of the base text, so they are
  dropped with their content rather than spliced into the sentence;
- the cue's lines are joined with "": Japanese puts no spaces between words, and a
  subtitle line break is layout (the screen width), not a pause in speech. Between two
  Latin-script words a line break stands for a space, so one is kept there;
- each layout line's outer whitespace is dropped for the same reason;
- WebVTT character references (&amp; &lt; ...) are the format's escapes and are
  decoded; SRT has no escapes, so its text keeps them as written.

The cue's speaker is the name of its first voice tag (``<v 田中>``, ``<v.loud 田中>``), the
WebVTT way of saying who speaks; SRT has no such convention (a leading "田中：" cannot be
told from a heading like "ポイント："), so an SRT cue has a speaker only if it carries a
voice tag too. Header blocks (STYLE, REGION), NOTE comments and cue settings are not
speech and give no lines. A cue that ends before it starts is refused, naming it: its time
is wrong, and nothing downstream can place it.
"""

from __future__ import annotations

import html
import re

import srt
import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError
from webvtt.models import Timestamp

from .base import RawLine, RawTranscript, reader_error

_RUBY_ANNOTATION = re.compile(r"<(rt|rp)(?:[.\s][^>]*)?>.*?(?:</\1\s*>|(?=</ruby\s*>)|\Z)", re.S | re.I)
_VTT_TAG = re.compile(r"<[^>]*>")  # WebVTT escapes "<" in text, so anything in <...> is markup
# SRT has no escaping: only remove the tags SRT files are known to carry, so "A<B" in speech stays.
_SRT_TAG = re.compile(r"</?(?:i|b|u|s|font|span|ruby|rb|rt|rp|c|v|lang)(?:[.\s][^<>]*)?>"
                      r"|<\d{1,2}(?::\d{2}){1,2}[.,]\d{1,3}>"
                      r"|\{\\[^{}]*\}", re.I)
_LATIN_END = re.compile(r"[A-Za-z0-9,.!?;:'\"%)]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9('\"]")
_VTT_TIMING = re.compile(r"^\s*(\S+?)\s*-->\s*(\S+)")
# A voice tag: <v> with optional classes, then whitespace and the voice's name.
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?[ \t\f]+([^>]*)>")
_SRT_TIMING_LINE = re.compile(r"^\s*\d+:\d{1,2}:\d{1,2}[,.]\d+\s*-->")


def cue_voice(content: str, escaped: bool = True) -> str | None:
    """The name in the cue's first voice tag, or None; `escaped`: character references are
    decoded (WebVTT), not SRT.

    >>> cue_voice("<v.loud 田中 &amp; 佐藤>はい</v>"), cue_voice("<i>はい</i>"), cue_voice("<v >x")
    ('田中 & 佐藤', None, None)
    """
    match = _VOICE.search(content)
    if not match:
        return None
    name = (html.unescape(match[1]) if escaped else match[1]).strip()
    return name or None


def join_layout_lines(lines: list[str]) -> str:
    """Join a cue's layout lines into one line of speech (see the module docstring).

    >>> join_layout_lines(["今日は", "いい天気です"])
    '今日はいい天気です'
    >>> join_layout_lines(["CoreWeave is a", "GPU cloud"])
    'CoreWeave is a GPU cloud'
    >>> join_layout_lines([" ", "はい。 "])
    'はい。'
    """
    out = ""
    for line in (line.strip() for line in lines):
        if not line:
            continue
        if out and _LATIN_END.search(out) and _LATIN_START.match(line):
            out += " "
        out += line
    return out


def srt_cue_text(content: str) -> str:
    r"""The spoken text of an SRT cue.

    >>> srt_cue_text("<i>こんにちは</i>\n{\\an8}<font color=\"#fff\">世界</font>")
    'こんにちは世界'
    """
    content = _RUBY_ANNOTATION.sub("", content)
    return join_layout_lines(_SRT_TAG.sub("", content).split("\n"))


def vtt_cue_text(lines: list[str]) -> str:
    """The spoken text of a WebVTT cue from its raw lines.

    >>> vtt_cue_text(["<v 岩見>暗号<00:00:01.500><c>資産</c>", "<ruby>急騰<rt>きゅうとう</rt></ruby> &amp; 下落"])
    '暗号資産急騰 & 下落'
    """
    text = _RUBY_ANNOTATION.sub("", "\n".join(lines))
    # unescaped line by line: a layout line ending in "&amp;" ends in "&", not in a Latin ";"
    return join_layout_lines([html.unescape(line) for line in _VTT_TAG.sub("", text).split("\n")])


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


# The srt library's timing pattern backtracks cubically over a long run of digits (a
# 400-digit run after "-->" costs a second, 2000 digits minutes). No time or cue number
# has that many digits, so such runs stand aside while the library parses, each as one
# private-use character the text does not hold, and go back into the cue text after.
_LONG_DIGITS = re.compile(r"[0-9]{20,}")
_STAND_INS = 0x100000  # plane 16, private use


def _set_aside_long_digits(text: str) -> tuple[str, dict[int, str]]:
    """`text` with each run of 20 or more digits replaced by a stand-in, and the stand-ins'
    runs (a `str.translate` table that puts them back).

    >>> masked, runs = _set_aside_long_digits("a" + "1" * 25 + "b")
    >>> len(masked), masked.translate(runs) == "a" + "1" * 25 + "b"
    (3, True)
    """
    runs: dict[int, str] = {}
    if not _LONG_DIGITS.search(text):
        return text, runs
    taken = {ord(c) for c in text if c >= chr(_STAND_INS)}
    free = (code for code in range(_STAND_INS, 0x110000) if code not in taken)

    def stand_in(match: re.Match) -> str:
        code = next(free)
        runs[code] = match[0]
        return chr(code)

    return _LONG_DIGITS.sub(stand_in, text), runs


def _timing_line(text: str, k: int) -> tuple[int, str]:
    """Line number and text of the timing line of cue `k` (0-based): the cue the srt library
    stopped at, which yields the cues before it."""
    timings = [(number, line) for number, line in enumerate(text.split("\n"), start=1) if "-->" in line]
    number, line = timings[min(k, len(timings) - 1)] if timings else (1, text[:100])
    return number, line.strip()[:100]


def read_srt(text: str, path: str, sha256: str, encoding: str | None = None) -> RawTranscript:
    # The srt library knows LF and CRLF only; CR-only files exist (old Mac editors). A text
    # given as a str may still start with a byte-order mark: it is not part of any cue.
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text, runs = _set_aside_long_digits(text)
    cues: list[srt.Subtitle] = []
    try:
        cues.extend(srt.parse(text))
    except srt.SRTParseError as exc:
        unmatched = exc.unmatched_content
        skipped = len(unmatched) - len(unmatched.lstrip())
        snippet = " | ".join(line.strip() for line in unmatched.strip().split("\n")[:2]).translate(runs)[:100]
        raise reader_error("R010", path, line=_line_of(text, exc.expected_start + skipped),
                           snippet=snippet) from None
    except srt.TimestampParseError as exc:
        bad = str(exc).rsplit(": ", 1)[-1]
        raise reader_error("R010", path, line=_line_of(text, max(text.find(bad), 0)),
                           snippet=bad.translate(runs)[:100]) from None
    except (OverflowError, ValueError):  # a figure too large for a time or an index (999999999999:00:00,000)
        line, snippet = _timing_line(text, len(cues))
        raise reader_error("R010", path, line=line, snippet=snippet.translate(runs)[:100]) from None
    _check_srt_order(text, path, cues)
    contents = [cue.content.translate(runs) if runs else cue.content for cue in cues]
    lines = tuple(
        RawLine(n=i, text=srt_cue_text(content), start=cue.start.total_seconds(), end=cue.end.total_seconds(),
                speaker=cue_voice(content, escaped=False))
        for i, (cue, content) in enumerate(zip(cues, contents), start=1)
    )
    return RawTranscript(path=path, format="srt", sha256=sha256, lines=lines, encoding=encoding)


def _check_srt_order(text: str, path: str, cues: list[srt.Subtitle]) -> None:
    """Refuse the first cue that ends before it starts, naming it by its timing line."""
    for k, cue in enumerate(cues):
        if cue.end < cue.start:
            timings = [n for n, line in enumerate(text.split("\n"), start=1) if _SRT_TIMING_LINE.match(line)]
            line = timings[k] if k < len(timings) else None
            raise reader_error("R014", path, line=line, kind="SRT", cue=f"{k + 1} (numbered {cue.index})",
                               start=srt.timedelta_to_srt_timestamp(cue.start),
                               end=srt.timedelta_to_srt_timestamp(cue.end))


def _check_vtt_timings(text: str, path: str, captions: list) -> None:
    """Refuse a cue the library would silently drop (nothing said may be lost), and one that
    ends before it starts (the library takes it as it is).

    WebVTT allows "-->" only in cue timing lines, so every line holding it must be one,
    and each of them must have become a caption.
    """
    timings = []
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        if "-->" not in line:
            continue
        match = _VTT_TIMING.match(line)
        try:
            if not match:
                raise MalformedCaptionError(line)
            start, end = Timestamp.from_string(match[1]), Timestamp.from_string(match[2])
        except MalformedCaptionError:
            raise reader_error("R012", path, line=number, snippet=line.strip()[:80]) from None
        timings.append((number, line, (str(start), str(end)), end.in_milliseconds() < start.in_milliseconds()))
    parsed = [(caption.start, caption.end) for caption in captions]
    for i, (number, line, times, backwards) in enumerate(timings):
        if i >= len(parsed) or parsed[i] != times:
            raise reader_error("R012", path, line=number, snippet=line.strip()[:80])
        if backwards:
            raise reader_error("R014", path, line=number, kind="WebVTT", cue=i + 1, start=times[0], end=times[1])


def read_vtt(text: str, path: str, sha256: str, encoding: str | None = None) -> RawTranscript:
    try:
        captions = list(webvtt.from_string(text).captions)
    except MalformedFileError:
        raise reader_error("R011", path) from None
    except MalformedCaptionError as exc:
        raise reader_error("R013", path, reason=str(exc)[:120]) from None
    _check_vtt_timings(text, path, captions)
    lines = tuple(
        RawLine(n=i, text=vtt_cue_text(caption.lines), start=caption.start_time.in_milliseconds() / 1000,
                end=caption.end_time.in_milliseconds() / 1000, speaker=cue_voice("\n".join(caption.lines)))
        for i, caption in enumerate(captions, start=1)
    )
    return RawTranscript(path=path, format="vtt", sha256=sha256, lines=lines, encoding=encoding)
