"""Every user-facing message in one catalogue.

Each message says what is wrong, names the input it concerns, and says what to do.
"""

from __future__ import annotations


class Errors:
    # lexicon files
    L001 = "Cannot read lexicon {path}: {reason}. Check the path, or pass --no-default-lexicon and another --lexicon."
    L002 = ("{path}, line {line}: not a JSON object ({reason}). Each line must be like "
            '{{"label": "ORG", "pattern": "コアウィーブ", "id": "CoreWeave"}}.')
    L003 = '{path}, line {line}: missing "{key}". Each line needs "label", "pattern" and "id".'
    L004 = ('{path}, line {line}: "{key}" must be a non-empty string (got {value!r}). Token-list patterns are not '
            "supported: write the alias as a plain string.")
    L005 = '{path}, line {line}: label "{value}" is not an upper-case name like ORG, PRODUCT, PERSON, GPE or TERM.'
    L006 = ("{path}, line {line}: alias {pattern!r} is already an alias of {other!r} (line {other_line}); "
            "an alias can belong to one id only. Remove one of the two lines.")
    L007 = ('{path}, line {line}: "written" must be a non-empty string without spaces or line breaks at its ends '
            '(got {value!r}): the name as Japanese text writes it, e.g. "アメリカ". Fix it, or leave "written" out '
            "to have corrections keep the alias they matched.")
    L008 = ("{path}, line {line}: id {id!r} is written {written!r} here but {other!r} on line {other_line}; an id "
            'has one written form. Give the same "written" on both lines, or keep it on one line only.')
    L009 = ('{path}, line {line}: "reading" must be the pattern\'s reading in kana, e.g. "ミヤザキハヤオ" (got '
            '{value!r}). Write it in katakana or hiragana, or leave "reading" out to have the dictionary read it.')
    # reading inputs

    R001 = ("Cannot decode {path}: it is not UTF-8 ({where} is not valid there), and neither Shift_JIS (CP932), "
            "EUC-JP, ISO-2022-JP nor UTF-16 fits it. Fix that byte, save the file as UTF-8, or pass --encoding.")
    R002 = ("Cannot decode {path} as {encoding}: {reason}. Pass the right --encoding (cp932 for Shift_JIS "
            "files with symbols like ①), or save the file as UTF-8.")
    R003 = "Unknown encoding {encoding!r} for {path}. Pass a Python codec name such as utf-8, cp932, euc_jp or utf-16."
    R004 = ("{path} is not a text transcript: {what}. Give a text, SRT, WebVTT, Whisper JSON or JSON Lines "
            "transcript{hint}.")
    R005 = "Cannot read {path}: {reason}. Check that the file exists and is readable."
    R006 = ("Cannot decide the encoding of {path}: it reads as {candidates} alike. Pass --encoding "
            "(e.g. --encoding cp932), or save it as UTF-8.")
    R010 = ("{path}, line {line}: the SRT cue starting here cannot be read: {snippet!r}. Each cue needs a number line, a "
            "'00:00:01,000 --> 00:00:02,500' line and its text, with a blank line between cues: fix that line.")
    R011 = ("{path} is not a valid WebVTT file: the first line must start with 'WEBVTT'. Add that line, or give "
            "the file the suffix of its real format.")
    R012 = ("{path}, line {line}: WebVTT cue timing {snippet!r} cannot be read. Write it like "
            "'00:00:01.000 --> 00:00:02.500' and try again.")
    R013 = "{path}: a WebVTT cue cannot be read ({reason}). Fix that cue and try again."
    R014 = ("{path}, line {line}: {kind} cue {cue} ends before it starts ({start} --> {end}). The time after "
            "the arrow is when the cue ends: fix that timing line (swap the two times if they are the wrong way "
            "round) and try again.")
    R020 = ("{path} is not valid JSON: {reason} (line {line}, column {column}). Fix the file, or give it the "
            "suffix of its real format (.txt, .jsonl).")
    R021 = ('{path} is not Whisper JSON, nor any speech-recognition JSON the readers know: expected an object '
            'with "segments" (openai-whisper, faster-whisper, WhisperX, podcast exports), "transcription" '
            '(whisper.cpp), "chunks" (Hugging Face pipeline) or "text", or a list of segments, nor the JSON of AssemblyAI, '
            'Deepgram, Google Speech-to-Text or Amazon Transcribe; found {found}. '
            'Give the tool\'s JSON output as it wrote it, or convert the file to text.')
    R022 = ('{path}: segment {index} {problem}. Each segment needs "text" (a string); its times and "speaker" '
            'are optional: fix that segment.')
    R023 = ("{path}{at}: segment {index} has {what} {value}, which is not a time. A time is a number, 0 or more "
            "(seconds, or milliseconds where the file says so), or null where it is not known: fix that segment.")
    R024 = ("{path}{at}: segment {index} ends before it starts ({start_key} {start}, {end_key} {end}). Fix that "
            "segment's times (swap them if they are the wrong way round), or remove the segment.")
    R025 = ('{path}{at}: cannot tell whether the times in "start" and "end" are seconds or milliseconds: '
            '{evidence}. Say which: {fix}, and read it again.')
    R026 = ('{path}{at}: "time_unit" is {value}, which is no unit the readers know. Write "time_unit": "s" for '
            'times in seconds or "time_unit": "ms" for milliseconds, or leave it out to have the unit decided '
            'from the times.')
    R040 = ("{path}{at}: in this {service} JSON, {item} {problem}. Give the file as {service} wrote it, or fix "
            "that item (items are counted from 0, as in the JSON).")
    R041 = ('{path}{at}: in this {service} JSON, {item} has "{field}" {value}, which is not a time: {service} '
            "writes {expected}. Fix that time, or make it null where it is not known.")
    R042 = ('{path}{at}: in this {service} JSON, {item} ends before it starts ("{start_field}" {start}, '
            '"{end_field}" {end}). Fix those times (swap them if they are the wrong way round), or remove the item.')
    R043 = ("{path}{at}: this {service} JSON holds no transcript: {why}. Give the output of a finished "
            "transcription job, as the service wrote it.")
    R030 = ("{path}, line {line}: not valid JSON ({reason}). Each line of a JSON Lines file must be one JSON "
            "object: fix or remove that line.")
    R031 = ('{path}, line {line}: {problem}. Each line must be an object like {{"id": "ep1", "text": "..."}} or '
            '{{"id": "ep1", "segments": [...]}}: fix or remove that line.')
    R032 = "{path} holds no JSON Lines records. Give one JSON object per line, each with \"text\" or \"segments\"."
    R099 = ("{path} could not be read ({reason}). Check that it is a transcript in one of the supported "
            "formats; if it is, please report this with the file.")
    # pipeline and command line
    P001 = "{path}: {reason}"
    P004 = ("{path}: the worker process processing it {how}, twice; it is reported as failed and the "
            "rest of the batch went on. Run it alone (without -j) to see whether it needs more memory.")
    P005 = ("internal error ({reason}). This is a bug in ja-transcript: please report it with the command "
            "and, if you can, the input; set JA_TRANSCRIPT_DEBUG=1 to see the traceback.")
    P006 = ("{path}: its task failed on the cluster ({reason}); it is reported as failed and the rest of "
            "the batch went on. If workers were killed, give them more memory; rerun with --resume.")
    P003 = ("{path} holds {count} transcripts, not one. Pass one transcript to process_text, or use "
            "process_path (or Pipeline.process_path) for a JSON Lines file of many.")
    P002 = "{path}: unexpected error while processing ({reason}). Please report it with the input file."
    C001 = "No supported transcript found in {path}. Supported: {suffixes}."
    C002 = "{path}: no such file or directory."
    C003 = "--out is required unless the only input is '-' (stdin) or --jsonl is given."
    C004 = "--text, --html, --srt, --vtt and --tables need input files; they do not work with '-' (stdin)."
    C005 = "--out {path} is a file, not a folder. Give a folder (it is created if missing) for the documents."
    C006 = ("--out - is not a folder. To stream the documents to stdout, give --jsonl - (one document a line), "
            "with or without --out.")
    C007 = "--resume needs --out: the folder whose manifest records what is done."
    C008 = "'-' (stdin) cannot be mixed with other inputs. Process stdin on its own, or save it to a file first."
    N001 = ("{inputs} share the output name {stem!r}: each keeps its suffix in its document's name "
            "(e.g. {stem}.srt.json). Give them separate --out folders to keep plain names.")
    C009 = "--scheduler is the address of a Dask scheduler: give --executor dask with it."
    # writing
    W001 = 'Writing Parquet needs pyarrow, which is not installed. Install it with: pip install "ja-transcript[parquet]"'
    W003 = '--ginza needs ja_ginza, which is not installed. Install it with: pip install "ja-transcript[ginza]"'
    W004 = ('--executor dask needs dask.distributed, which is not installed. Install it with: '
            'pip install "ja-transcript[dask]"')
    W002 = "Cannot write the tables to {path}: {reason}. Check that the directory is writable."
    W005 = ("{path}: cannot write its outputs ({reason}). Check that the output folders are writable and have "
            "space, then rerun with --resume.")
    W006 = ("{path} has no timings, so it cannot be written as subtitles (--srt, --vtt). Subtitles need a "
            "timed input: SRT, WebVTT or Whisper JSON.")


class TranscriptError(Exception):
    """An input that cannot be read; the message names it and says what to do."""


class LexiconError(ValueError):
    """A lexicon file or entry that cannot be used; the message names the file and line."""
