"""Non-speech: sound tags that subtitles and ASR put where nothing is said.

A tag is a span of music marks (♪ 歌詞 ♪, ♫, ♬: sung or played, not said), a short
description in square brackets ([音楽], ［拍手］, [Music]: brackets hold no speech in a
transcript), or a sound word in parentheses ((笑), （拍手）, (applause); other parentheses
often hold spoken asides, so only the words of data/words.toml count there).

A line made only of tags is of kind `nonspeech` (structure.line_kinds) and stays out of
sentences; a tag inside a spoken line is removed from its clean text by an edit with
method "nonspeech", so nothing is lost.
"""

from __future__ import annotations

import re

from .extract.words import table
from .model import Edit

_SOUNDS = table("nonspeech", "sounds")
_OPENERS = frozenset("♪♫♬[［(（")  # a C-speed look first: most lines hold no tag
_TAG = re.compile(
    r"[♪♫♬][^♪♫♬\n]{0,80}[♪♫♬]|[♪♫♬]+[〜～ー]*"  # music marks around lyrics, or alone
    r"|\[[^\[\]。！？\n]{1,20}\]|［[^［］。！？\n]{1,20}］"  # a short description in brackets
    r"|[(（]\s*([^()（）\n]{1,12}?)\s*[)）]"  # a parenthesised word, if a sound
)


def tag_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every sound tag in `text`, in order.

    >>> tag_spans("♪音楽♪ はい（笑）、そう(なんです)")
    [(0, 4), (7, 10)]
    """
    out: list[tuple[int, int]] = []
    if _OPENERS.isdisjoint(text):
        return out
    for m in _TAG.finditer(text):
        word = m.group(1)
        if word is not None and word not in _SOUNDS:
            continue
        out.append(m.span())
    return out


def is_nonspeech(text: str, spans: list[tuple[int, int]] | None = None) -> bool:
    """Whether `text` holds tags and nothing else but spaces and punctuation.

    >>> is_nonspeech("[音楽]"), is_nonspeech(" ♪～ "), is_nonspeech("(拍手)。"), is_nonspeech("[音楽] はい")
    (True, True, True, False)
    """
    spans = tag_spans(text) if spans is None else spans
    if not spans:
        return False
    rest = "".join(text[a:b] for a, b in zip([0] + [e for _, e in spans], [s for s, _ in spans] + [len(text)]))
    return all(not ch.isalnum() for ch in rest)


def nonspeech_edits(text: str) -> list[Edit]:
    """Edits removing the tags of a spoken line, each with the spaces that set it apart.

    >>> [(e.original, e.replacement) for e in nonspeech_edits("♪音楽♪ こんにちは [拍手] どうも")]
    [('♪音楽♪ ', ''), ('[拍手] ', '')]
    """
    out: list[Edit] = []
    for start, end in tag_spans(text):
        while end < len(text) and text[end] in " \u3000":
            end += 1
        if end == len(text):
            floor = out[-1].end if out else 0
            while start > floor and text[start - 1] in " \u3000":
                start -= 1
        out.append(Edit(start, end, text[start:end], "", None, None, "nonspeech", 1.0))
    return out
