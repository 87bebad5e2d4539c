"""Subtitles back: the cleaned transcript as SubRip (.srt) or WebVTT (.vtt), with the
original timings.

One cue per timed line: its clean text (corrections applied), its start and end. Removed
lines are left out, or kept with `keep_removed` (their clean text, as read). Blank and
untimed lines have nothing to show. A line's speaker, where the source named one, becomes a
WebVTT voice tag (<v Name>). The files are composed by `srt` and checked to read back with
`srt` and `webvtt-py` in the tests.
"""

from __future__ import annotations

from datetime import timedelta
from typing import NamedTuple

import srt

from ..errors import Errors, TranscriptError
from ..model import Document


class Cue(NamedTuple):
    start: float  # seconds
    end: float
    text: str
    speaker: str | None = None


def cues(doc: Document, *, keep_removed: bool = False) -> list[Cue]:
    """The cues of `doc`'s timed lines, in order; raises TranscriptError if none is timed."""
    out = []
    timed = False
    for line in doc.lines:
        if line.start is None or line.end is None:
            continue
        timed = True
        if line.kind == "blank" or (line.removed is not None and not keep_removed) or not line.clean.strip():
            continue
        end = max(line.end, line.start)  # a reader refuses end < start; zero-length cues stay zero-length
        out.append(Cue(line.start, end, line.clean, getattr(line, "speaker", None)))
    if not timed:
        raise TranscriptError(Errors.W006.format(path=doc.source.path))
    return out


def to_srt(doc: Document, *, keep_removed: bool = False) -> str:
    """`doc` as SubRip text.

    >>> from ja_transcript import Pipeline
    >>> doc = Pipeline().process_text("1\\n00:00:01,000 --> 00:00:02,500\\n暗号試算の話\\n", format="srt")
    >>> print(to_srt(doc).strip())
    1
    00:00:01,000 --> 00:00:02,500
    暗号資産の話
    """
    subtitles = [srt.Subtitle(index=k, start=_delta(c.start), end=_delta(c.end), content=_one_line(c.text))
                 for k, c in enumerate(cues(doc, keep_removed=keep_removed), 1)]
    return srt.compose(subtitles, reindex=False)


def to_vtt(doc: Document, *, keep_removed: bool = False) -> str:
    """`doc` as WebVTT text; speakers as voice tags.

    >>> from ja_transcript import Pipeline
    >>> doc = Pipeline().process_text("WEBVTT\\n\\n00:01.000 --> 00:02.000\\nA&Bの話\\n", format="vtt")
    >>> print(to_vtt(doc))
    WEBVTT
    <BLANKLINE>
    00:00:01.000 --> 00:00:02.000
    A&amp;Bの話
    <BLANKLINE>
    """
    out = ["WEBVTT", ""]
    for c in cues(doc, keep_removed=keep_removed):
        text = _escape(_one_line(c.text))
        if c.speaker:
            text = f"<v {_escape(c.speaker).replace('>', '&gt;')}>{text}"
        out += [f"{_vtt_time(c.start)} --> {_vtt_time(c.end)}", text, ""]
    return "\n".join(out)  # ends with the blank line after the last cue


def _one_line(text: str) -> str:
    """A cue's text on one line: a line break or blank line inside would end or split the cue."""
    return " ".join(text.split("\n")).replace("\r", " ").strip() or "\u00a0"


def _escape(text: str) -> str:
    # WebVTT's escapes: & and < start markup, > only inside it, but is escaped for safety
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _delta(seconds: float) -> timedelta:
    return timedelta(milliseconds=round(seconds * 1000))


def _vtt_time(seconds: float) -> str:
    ms = round(seconds * 1000)
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"
