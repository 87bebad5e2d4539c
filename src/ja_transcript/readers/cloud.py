"""JSON exports of cloud speech-to-text services, told apart by their structure.

Each shape is the `source.format` of what it gives:

- ``assemblyai_json``: AssemblyAI's transcript object. ``utterances`` [{speaker, text, start,
  end, confidence, words}] when speaker labels were on, else ``words`` [{text, start, end,
  confidence, speaker}], else only ``text``; times in milliseconds.
- ``deepgram_json``: Deepgram's pre-recorded response, ``{"metadata", "results": {"channels":
  [{"alternatives": [{"transcript", "words": [{word, punctuated_word, start, end, speaker}],
  "paragraphs": {"paragraphs": [{speaker, sentences: [{text, start, end}]}]}}]}],
  "utterances"?: [{transcript, start, end, speaker}]}}``; times in seconds. Read from the
  utterances if there are any, else the paragraphs' sentences, else the words, else the
  transcript (of the first channel).
- ``google_stt_json``: Google Cloud Speech-to-Text, ``{"results": [{"alternatives":
  [{"transcript", "words": [{startTime, endTime, word, speakerTag}]}], "resultEndTime":
  "12.340s"}]}`` (v1, also as the ``response`` of a finished long-running operation), v2
  with ``resultEndOffset``, words' ``startOffset`` / ``endOffset`` and ``speakerLabel``.
  Durations are strings of seconds ending in "s" (or {seconds, nanos} objects). One line
  per result with a transcript: it spans its words, else from where the result before it
  (on its channel) ended to its own end, the results being sequential portions of the audio.
  v1's speaker diarization repeats every word in a last result, each with its
  ``speakerTag``: that result gives the lines' speakers, not a line.
- ``aws_transcribe_json``: Amazon Transcribe, ``{"jobName", "results": {"transcripts":
  [{"transcript"}], "items": [{type, start_time, end_time, alternatives: [{content}],
  speaker_label?}], "audio_segments"?: [{transcript, start_time, end_time, speaker_label}],
  "speaker_labels"?: {"segments": [{start_time, end_time, speaker_label}]}}}``; times are
  strings of seconds. Read from the audio segments if there are any, else the items.

Where a service gives only words, the reader makes the lines: Japanese is written without
spaces, so words are joined without one unless both sides are Latin letters or digits
(`join_words`), and a line ends after a word that ends a sentence, where the speaker
changes, or at a pause of `PAUSE` seconds or more (`group_words`). A line's text is the
service's text with its outer whitespace trimmed. The services say their unit of time,
so `--time-unit` does not apply to them.

A field of the wrong type, a time that cannot be read or an end before its start is an
`ExportProblem` naming the item by its place in the JSON (``utterances[3]``, counted from 0
as in the file).
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any, NamedTuple

from ..chars import SENTENCE_ENDS
from .base import RawLine
from .whisper import _CLOSE, _OPEN, Parsed, TimeProblem, _short_repr, describe_json, text_to_lines

SERVICES = {
    "assemblyai_json": "AssemblyAI",
    "deepgram_json": "Deepgram",
    "google_stt_json": "Google Speech-to-Text",
    "aws_transcribe_json": "Amazon Transcribe",
}

# Seconds of silence between two words after which a new line starts: Deepgram's default
# `utt_split` and IBM Watson's default end-of-phrase silence, for the services' own utterances.
PAUSE = 0.8



class ExportProblem(TimeProblem):
    """A field of a service's export that cannot be read: the catalogue's `code` (R040-R043)
    and the fields of its message but the path (see `TimeProblem.error`)."""


class Word(NamedTuple):
    text: str
    start: float | None  # seconds
    end: float | None
    speaker: str | None


# --- telling the services apart ----------------------------------------------------------------


def _google_results(data: dict) -> Any:
    """The results of a Google response, also inside a long-running operation's "response"."""
    response = data.get("response")
    if "results" not in data and isinstance(response, dict):
        return response.get("results")
    return data.get("results")


def _is_google_result(value: Any) -> bool:
    return isinstance(value, dict) and any(
        k in value for k in ("alternatives", "resultEndTime", "resultEndOffset", "result_end_time"))


def service_of(data: Any) -> str | None:
    """The shape of a cloud service's export, or None if `data` is none of them.

    >>> service_of({"results": {"channels": []}}), service_of({"results": {"transcripts": []}})
    ('deepgram_json', 'aws_transcribe_json')
    >>> service_of({"results": [{"alternatives": [], "resultEndTime": "1s"}]})
    'google_stt_json'
    >>> service_of({"id": "x", "text": "はい", "utterances": None}), service_of({"text": "はい"})
    ('assemblyai_json', None)
    """
    if not isinstance(data, dict):
        return None
    results = data.get("results")
    if isinstance(results, dict):
        if "channels" in results:
            return "deepgram_json"
        if any(k in results for k in ("transcripts", "items", "audio_segments")):
            return "aws_transcribe_json"
    google = _google_results(data)
    if isinstance(google, list) and any(_is_google_result(r) for r in google):
        return "google_stt_json"
    words = data.get("words")
    if "utterances" in data or "audio_url" in data and "text" in data or (
            isinstance(words, list) and any(isinstance(w, dict) and "text" in w for w in words)):
        return "assemblyai_json"
    return None


def parse_service(data: dict, shape: str) -> Parsed:
    """The lines of a service's export (`shape` from `service_of`); raises ExportProblem."""
    return _PARSERS[shape](data)


# --- joining words into lines ------------------------------------------------------------------


def _latin_or_digit(char: str) -> bool:
    return char.isdigit() or char.isalpha() and "LATIN" in unicodedata.name(char, "")


def join_words(left: str, right: str) -> str:
    """Two words as written together: a space only between Latin letters or digits.

    >>> join_words("今日", "は"), join_words("Core", "Weave"), join_words("GPU", "を"), join_words("40", "億")
    ('今日は', 'Core Weave', 'GPUを', '40億')
    """
    if left and right and _latin_or_digit(left[-1]) and _latin_or_digit(right[0]):
        return f"{left} {right}"
    return left + right


def group_words(words: list[Word]) -> list[tuple[str, float | None, float | None, str | None]]:
    """Lines (text, start, end, speaker) of words: a line ends after a word that ends a
    sentence outside brackets (「はい。」と言った is one sentence, as in `split_sentences`),
    where the speaker changes, and at a pause of `PAUSE` seconds or more. Punctuation alone
    (a word of closing brackets or 。) never starts a line.

    >>> [t for t, *_ in group_words([Word("はい", 0, .3, None), Word("。", None, None, None),
    ...                              Word("今日", .5, .8, None), Word("は", .8, .9, None),
    ...                              Word("雨", 2.0, 2.3, None)])]
    ['はい。', '今日は', '雨']
    """
    lines: list[list[Word]] = []
    depth, ended = 0, True
    for word in words:
        text = word.text.strip()
        if not text:
            continue
        word = word._replace(text=text)
        last = lines[-1][-1] if lines else None
        trailing = all(c in _CLOSE or c in SENTENCE_ENDS for c in text)
        paused = (last is not None and last.end is not None and word.start is not None
                  and word.start - last.end >= PAUSE)
        if last is None or not trailing and (ended or word.speaker != last.speaker or paused):
            lines.append([word])
            depth = 0
        else:
            lines[-1].append(word)
        for char in text:  # a sentence ends at 。？！ outside brackets with nothing after it
            depth = depth + 1 if char in _OPEN else max(depth - 1, 0) if char in _CLOSE else depth
            ended = char in SENTENCE_ENDS and depth == 0 or ended and char in SENTENCE_ENDS
    out = []
    for run in lines:
        text = run[0].text
        for word in run[1:]:
            text = join_words(text, word.text)
        starts = [w.start for w in run if w.start is not None]
        ends = [w.end for w in run if w.end is not None]
        out.append((text, starts[0] if starts else None, ends[-1] if ends else None, run[0].speaker))
    return out


def _to_lines(rows) -> tuple[RawLine, ...]:
    return tuple(RawLine(n=i, text=text, start=start, end=end, speaker=speaker)
                 for i, (text, start, end, speaker) in enumerate(rows, start=1))


def _timed(lines: tuple[RawLine, ...], unit: str) -> str | None:
    return unit if any(line.start is not None or line.end is not None for line in lines) else None


# --- reading fields ----------------------------------------------------------------------------


class _Reader:
    """Reads one service's fields, naming each by its place in the JSON in what it raises."""

    def __init__(self, service: str):
        self.service = SERVICES[service]

    def problem(self, item: str, problem: str) -> ExportProblem:
        return ExportProblem("R040", service=self.service, item=item, problem=problem)

    def object(self, value: Any, item: str) -> dict:
        if not isinstance(value, dict):
            raise self.problem(item, f"is {describe_json(value)}, not an object")
        return value

    def items(self, value: Any, item: str) -> list:
        """A list field; absent or null is an empty list."""
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.problem(item, f"is {describe_json(value)}, not a list")
        return value

    def text(self, obj: dict, key: str, item: str, required: bool = True) -> str:
        value = obj.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str):
            raise self.problem(item, f'has no "{key}" string' if value is None
                               else f'has "{key}" {_short_repr(value)}, not a string')
        return value

    def speaker(self, obj: dict, key: str, item: str) -> str | None:
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, str):
            return value.strip() or None
        raise self.problem(item, f'has "{key}" {_short_repr(value)}, which is no speaker: a string or a number')

    def bad_time(self, item: str, key: str, value: Any, expected: str) -> ExportProblem:
        return ExportProblem("R041", service=self.service, item=item, field=key, value=_short_repr(value),
                             expected=expected)

    def number(self, obj: dict, key: str, item: str, factor: float = 1.0) -> float | None:
        """A time written as a number (in units of 1/`factor` seconds), in seconds."""
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1e15:
            unit = "milliseconds" if factor == 1000 else "seconds"
            raise self.bad_time(item, key, value, f"a number of {unit}, 0 or more")
        return value / factor if factor != 1 else value

    def span(self, obj: dict, keys: tuple[str, str], item: str, read) -> tuple[float | None, float | None]:
        start, end = read(obj, keys[0], item), read(obj, keys[1], item)
        if start is not None and end is not None and end < start:
            raise ExportProblem("R042", service=self.service, item=item, start_field=keys[0],
                                start=_short_repr(obj[keys[0]]), end_field=keys[1], end=_short_repr(obj[keys[1]]))
        return start, end

    def segments(self, segments: list, path: str, text_key: str, time_keys: tuple[str, str], speaker_key: str,
                 read) -> list[tuple[str, float | None, float | None, str | None]]:
        """(text, start, end, speaker) of each of a list of timed segments (utterances)."""
        rows = []
        for i, s in enumerate(segments):
            item = f"{path}[{i}]"
            s = self.object(s, item)
            start, end = self.span(s, time_keys, item, read)
            rows.append((self.text(s, text_key, item).strip(), start, end, self.speaker(s, speaker_key, item)))
        return rows


_DECIMAL = re.compile(r"\d+(?:\.\d*)?|\.\d+")


def _decimal_seconds(text: str) -> float | None:
    text = text.strip()
    if not _DECIMAL.fullmatch(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


# --- AssemblyAI --------------------------------------------------------------------------------


def _assemblyai(data: dict) -> Parsed:
    r = _Reader("assemblyai_json")
    ms = lambda obj, key, item: r.number(obj, key, item, 1000)  # noqa: E731
    utterances = r.items(data.get("utterances"), "utterances")
    if utterances:
        lines = _to_lines(r.segments(utterances, "utterances", "text", ("start", "end"), "speaker", ms))
        return Parsed(lines, "assemblyai_json", _timed(lines, "ms"))
    words = r.items(data.get("words"), "words")
    if words:
        read = []
        for i, w in enumerate(words):
            item = f"words[{i}]"
            w = r.object(w, item)
            start, end = r.span(w, ("start", "end"), item, ms)
            read.append(Word(r.text(w, "text", item), start, end, r.speaker(w, "speaker", item)))
        lines = _to_lines(group_words(read))
        return Parsed(lines, "assemblyai_json", _timed(lines, "ms"))
    text = data.get("text")
    if isinstance(text, str):
        return Parsed(text_to_lines(text), "assemblyai_json", None)
    if text is not None:
        raise r.problem("the transcript", f'has "text" {_short_repr(text)}, not a string')
    status = data.get("status")
    why = f'its "status" is {_short_repr(status)}' if status not in (None, "completed") else 'its "text" is null'
    raise ExportProblem("R043", service=r.service, why=why)


# --- Deepgram ----------------------------------------------------------------------------------


def _deepgram(data: dict) -> Parsed:
    r = _Reader("deepgram_json")
    seconds = r.number
    results = r.object(data["results"], "results")
    utterances = r.items(results.get("utterances"), "results.utterances")
    if utterances:
        lines = _to_lines(r.segments(utterances, "results.utterances", "transcript", ("start", "end"), "speaker",
                                     seconds))
        return Parsed(lines, "deepgram_json", _timed(lines, "s"))
    channels = r.items(results.get("channels"), "results.channels")
    if not channels:
        raise ExportProblem("R043", service=r.service, why='"results.channels" is empty')
    channel = r.object(channels[0], "results.channels[0]")
    alternatives = r.items(channel.get("alternatives"), "results.channels[0].alternatives")
    if not alternatives:
        raise ExportProblem("R043", service=r.service, why='"results.channels[0].alternatives" is empty')
    where = "results.channels[0].alternatives[0]"
    alt = r.object(alternatives[0], where)
    paragraphs = alt.get("paragraphs")
    if paragraphs is not None:
        paragraphs = r.items(r.object(paragraphs, f"{where}.paragraphs").get("paragraphs"),
                             f"{where}.paragraphs.paragraphs")
    if paragraphs:
        rows = []
        for i, p in enumerate(paragraphs):
            item = f"{where}.paragraphs.paragraphs[{i}]"
            p = r.object(p, item)
            speaker = r.speaker(p, "speaker", item)
            for j, s in enumerate(r.items(p.get("sentences"), f"{item}.sentences")):
                sentence = f"{item}.sentences[{j}]"
                s = r.object(s, sentence)
                start, end = r.span(s, ("start", "end"), sentence, seconds)
                rows.append((r.text(s, "text", sentence).strip(), start, end, speaker))
        lines = _to_lines(rows)
        return Parsed(lines, "deepgram_json", _timed(lines, "s"))
    words = r.items(alt.get("words"), f"{where}.words")
    if words:
        read = []
        for i, w in enumerate(words):
            item = f"{where}.words[{i}]"
            w = r.object(w, item)
            start, end = r.span(w, ("start", "end"), item, seconds)
            key = "punctuated_word" if w.get("punctuated_word") is not None else "word"
            read.append(Word(r.text(w, key, item), start, end, r.speaker(w, "speaker", item)))
        lines = _to_lines(group_words(read))
        return Parsed(lines, "deepgram_json", _timed(lines, "s"))
    return Parsed(text_to_lines(r.text(alt, "transcript", where, required=False)), "deepgram_json", None)


# --- Google Cloud Speech-to-Text ---------------------------------------------------------------

_DURATION = re.compile(r"(\d+(?:\.\d+)?)s")
_RESULT_END = ("resultEndTime", "resultEndOffset", "result_end_time", "result_end_offset")
_WORD_START = ("startTime", "startOffset", "start_time", "start_offset")
_WORD_END = ("endTime", "endOffset", "end_time", "end_offset")


def _google_duration(r: _Reader, obj: dict, keys: tuple[str, ...], item: str) -> tuple[str | None, float | None]:
    """(the key found, its duration in seconds): "12.340s", or {"seconds", "nanos"}."""
    key = next((k for k in keys if obj.get(k) is not None), None)
    if key is None:
        return None, None
    value = obj[key]
    if isinstance(value, str) and _DURATION.fullmatch(value.strip()):
        return key, float(value.strip()[:-1])
    if isinstance(value, dict) and set(value) <= {"seconds", "nanos"}:
        try:
            seconds, nanos = int(value.get("seconds", 0)), int(value.get("nanos", 0))
        except (TypeError, ValueError):
            seconds = nanos = -1
        if seconds >= 0 and 0 <= nanos < 10 ** 9:
            return key, seconds + nanos / 1e9
    raise r.bad_time(item, key, value, 'a duration like "12.340s"')


def _google_words(r: _Reader, alt: dict, item: str) -> list[Word]:
    words = []
    for j, w in enumerate(r.items(alt.get("words"), f"{item}.words")):
        word = f"{item}.words[{j}]"
        w = r.object(w, word)
        start_key, start = _google_duration(r, w, _WORD_START, word)
        end_key, stop = _google_duration(r, w, _WORD_END, word)
        if start is None and stop is not None:
            start = 0.0  # proto3 JSON leaves a zero duration out: a word at the very start
        if start is not None and stop is not None and stop < start:
            raise ExportProblem("R042", service=r.service, item=word, start_field=start_key or _WORD_START[0],
                                start=_short_repr(w.get(start_key, "0s")), end_field=end_key,
                                end=_short_repr(w[end_key]))
        speaker = r.speaker(w, "speakerLabel", word) or r.speaker(w, "speakerTag", word)
        words.append(Word(r.text(w, "word", word), start, stop, None if speaker == "0" else speaker))
    return words


def _google(data: dict) -> Parsed:
    r = _Reader("google_stt_json")
    prefix = "results" if "results" in data else "response.results"
    rows: list[list] = []
    ends: dict[Any, float] = {}  # where the last result on each channel ended
    begun: dict[Any, float] = {}  # ... and where it began
    labelled: list[Word] = []  # the words of v1's diarization result, each with its speaker
    for i, result in enumerate(r.items(_google_results(data), prefix)):
        item = f"{prefix}[{i}]"
        result = r.object(result, item)
        _, result_end = _google_duration(r, result, _RESULT_END, item)
        channel = result.get("channelTag", result.get("channel_tag"))
        if channel is not None and (isinstance(channel, bool) or not isinstance(channel, (int, str))):
            raise r.problem(item, f'has "channelTag" {_short_repr(channel)}, not a channel number')
        alternatives = r.items(result.get("alternatives"), f"{item}.alternatives")
        alt = r.object(alternatives[0], f"{item}.alternatives[0]") if alternatives else {}
        text = r.text(alt, "transcript", f"{item}.alternatives[0]", required=False).strip()
        words = _google_words(r, alt, f"{item}.alternatives[0]")
        starts = [w.start for w in words if w.start is not None]
        stops = [w.end for w in words if w.end is not None]
        before = ends.get(channel)
        # v1 with speaker diarization ends with a result that repeats every word said so far,
        # each with its speaker: its words reach back before the start of the result it follows
        if starts and channel in begun and starts[0] < begun[channel] and all(w.speaker for w in words):
            labelled += words
            continue
        begin = starts[0] if starts else (before if before is not None else 0.0 if result_end is not None else None)
        if result_end is not None:
            ends[channel] = result_end
        if begin is not None:
            begun[channel] = begin
        if not text:
            continue
        speakers = {w.speaker for w in words if w.speaker is not None}
        rows.append([text, begin, stops[-1] if stops else result_end, speakers.pop() if len(speakers) == 1 else None])
    for row in rows:
        if row[3] is None and labelled:
            row[3] = speaker_over(labelled, row[1], row[2])
    lines = _to_lines(rows)
    return Parsed(lines, "google_stt_json", _timed(lines, "s"))


def speaker_over(spans: list[Word], start: float | None, end: float | None) -> str | None:
    """The speaker of the labelled spans that overlap [start, end] the longest, or None.

    >>> speaker_over([Word("", 0, 2, "1"), Word("", 2, 5, "2")], 1.5, 4.0)
    '2'
    """
    if start is None or end is None:
        return None
    overlap: dict[str, float] = {}
    for s in spans:
        if s.start is None or s.end is None or s.speaker is None:
            continue
        shared = min(end, s.end) - max(start, s.start)
        if shared > 0 or shared == 0 and s.start == s.end == start:
            overlap[s.speaker] = overlap.get(s.speaker, 0.0) + shared
    return max(sorted(overlap), key=lambda k: overlap[k]) if overlap else None


# --- Amazon Transcribe -------------------------------------------------------------------------


def _aws(data: dict) -> Parsed:
    r = _Reader("aws_transcribe_json")

    def seconds(obj: dict, key: str, item: str) -> float | None:
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            found = _decimal_seconds(value)
            if found is not None:
                return found
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1e15:
            return value
        raise r.bad_time(item, key, value, 'seconds, like "4.87"')

    results = r.object(data["results"], "results")
    segments = r.items(results.get("audio_segments"), "results.audio_segments")
    if segments:
        lines = _to_lines(r.segments(segments, "results.audio_segments", "transcript", ("start_time", "end_time"),
                                     "speaker_label", seconds))
        return Parsed(lines, "aws_transcribe_json", _timed(lines, "s"))
    items = r.items(results.get("items"), "results.items")
    if items:
        labels = results.get("speaker_labels")
        spans = []
        if labels is not None:
            where = "results.speaker_labels.segments"
            for i, s in enumerate(r.items(r.object(labels, "results.speaker_labels").get("segments"), where)):
                s = r.object(s, f"{where}[{i}]")
                start, end = r.span(s, ("start_time", "end_time"), f"{where}[{i}]", seconds)
                spans.append(Word("", start, end, r.speaker(s, "speaker_label", f"{where}[{i}]")))
        words: list[Word] = []
        for i, it in enumerate(items):
            item = f"results.items[{i}]"
            it = r.object(it, item)
            alternatives = r.items(it.get("alternatives"), f"{item}.alternatives")
            if not alternatives:
                raise r.problem(f"{item}.alternatives", "is empty: each item needs its content there")
            content = r.text(r.object(alternatives[0], f"{item}.alternatives[0]"), "content",
                             f"{item}.alternatives[0]")
            start, end = r.span(it, ("start_time", "end_time"), item, seconds)
            speaker = r.speaker(it, "speaker_label", item)
            if it.get("type") == "punctuation" and words:
                last = words[-1]  # punctuation has no time: it belongs to the word before it
                words[-1] = last._replace(text=last.text + content.strip())
                continue
            if speaker is None and spans:
                speaker = speaker_over(spans, start, end)
            words.append(Word(content, start, end, speaker))
        lines = _to_lines(group_words(words))
        return Parsed(lines, "aws_transcribe_json", _timed(lines, "s"))
    transcripts = r.items(results.get("transcripts"), "results.transcripts")
    if not transcripts:
        raise ExportProblem("R043", service=r.service, why='"results" has no items, audio segments or transcripts')
    first = r.object(transcripts[0], "results.transcripts[0]")
    return Parsed(text_to_lines(r.text(first, "transcript", "results.transcripts[0]")), "aws_transcribe_json", None)


_PARSERS = {
    "assemblyai_json": _assemblyai,
    "deepgram_json": _deepgram,
    "google_stt_json": _google,
    "aws_transcribe_json": _aws,
}
