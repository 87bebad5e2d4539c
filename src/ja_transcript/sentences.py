"""Rebuild sentences across line breaks and inserted headings.

Transcripts break lines where the speaker pauses, not where sentences end, and tools
paste chapter headings into the middle of a sentence. A sentence here runs over the
spoken lines (headings, titles and removed lines skipped) until sentence-final
punctuation; a blank line or a long silence also ends one. In a transcript that does not
punctuate, a line that ends in a sentence-final form (終止形 verb or auxiliary, a
sentence-final particle) ends the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from .chars import SENTENCE_ENDS
from .nlp import Morpheme

# A sentence end: an ender, with the enders and closing brackets right after it (。」, ？！).
_ENDS = re.escape("".join(sorted(SENTENCE_ENDS)))
_END_RUN = re.compile(f"[{_ENDS}][{_ENDS}」』）)】”’]*")  # an end, with the ends and closing marks after it
_FINAL_PARTICLES = {"ね", "よ", "な", "ねえ", "よね", "わ", "さ", "ぞ", "ぜ", "か"}


@dataclass(slots=True)  # slots: a transcript holds one or two per sentence while it is processed
class Piece:
    """A stretch of one line's clean text that belongs to a sentence."""
    line: int
    start: int  # offsets in the line's clean text
    end: int


@dataclass(slots=True)
class SentenceDraft:
    pieces: list[Piece] = field(default_factory=list)

    @property
    def lines(self) -> list[int]:
        out: list[int] = []
        for p in self.pieces:
            if not out or out[-1] != p.line:
                out.append(p.line)
        return out


@dataclass(frozen=True)
class SpokenLine:
    n: int
    text: str  # the clean text
    morphemes: Sequence[Morpheme]  # of the clean text
    start: float | None = None
    end: float | None = None
    after_break: bool = False  # a blank line (paragraph break) stands before it


def sentence_ends(text: str) -> list[int]:
    """Offsets just past each sentence end inside a line (closing brackets included).

    >>> sentence_ends("こんにちは。「はい！」そう")
    [6, 11]
    """
    return [m.end() for m in _END_RUN.finditer(text)]


def ends_spoken_sentence(morphemes: Sequence[Morpheme]) -> bool:
    """Whether an unpunctuated line ends in a sentence-final form."""
    content = [m for m in morphemes if m.pos[0] not in ("補助記号", "空白")]
    if not content:
        return False
    last = content[-1]
    if last.surface == "って" and len(content) > 1 and content[-2].normalized in ("です", "ます"):
        return True  # 99%以上なんですって: hearsay って after a polite form ends what is said
    if last.pos[0] == "助詞":
        return last.pos[1] == "終助詞" or last.surface in _FINAL_PARTICLES
    if last.pos[0] in ("助動詞", "動詞", "形容詞"):
        return last.pos[5].startswith("終止形")
    return last.pos[0] == "感動詞"


def opens_with_connective(morphemes: Sequence[Morpheme]) -> bool:
    """というわけで, ということで, ってことで at the start of a line: a quotative, a formal noun
    and で used as a conjunction ("so, then"), which opens what follows rather than quoting the
    line before; というわけではない / ということでも goes on with it (で then は or も)."""
    words = [m for m in morphemes if m.pos[0] not in ("空白", "補助記号")]
    k = 2 if len(words) > 1 and words[0].surface in ("と", "って") and words[1].normalized == "言う" \
        else 1 if words and words[0].surface in ("という", "っていう", "って") else 0
    if not k or len(words) < k + 2 or words[k].surface not in ("わけ", "こと") or words[k + 1].surface != "で":
        return False
    return len(words) == k + 2 or words[k + 2].surface not in ("は", "も")


def _continues(morphemes: Sequence[Morpheme]) -> bool:
    """A line that opens with a final or linking particle, an auxiliary or a quotative
    (よね, けど, です, って) continues the last one; でも or は opens a new one, and so does a
    connective (というわけで)."""
    if not morphemes or opens_with_connective(morphemes):
        return False
    first = morphemes[0]
    return (first.pos[0] in ("助動詞", "接尾辞") or first.pos[1] in ("終助詞", "接続助詞")
            or first.surface in ("って", "と", "っていう", "という"))


def build_sentences(lines: Sequence[SpokenLine], punctuated: bool, max_gap: float = 2.0) -> list[SentenceDraft]:
    """Group the spoken lines' text into sentences."""
    out: list[SentenceDraft] = []
    current = SentenceDraft()
    previous_end: float | None = None

    def close():
        nonlocal current
        if current.pieces:
            out.append(current)
        current = SentenceDraft()

    pending = False  # the previous line ended in a sentence-final form
    for line in lines:
        if line.after_break or (previous_end is not None and line.start is not None
                                and line.start - previous_end > max_gap):
            close()
        elif pending and not _continues(line.morphemes):
            close()
        pending = False
        text = line.text
        pos = 0
        while pos < len(text) and text[pos].isspace():
            pos += 1
        for end in sentence_ends(text):
            if end > pos:
                current.pieces.append(Piece(line.n, pos, end))
                close()
            pos = end
            while pos < len(text) and text[pos].isspace():
                pos += 1
        rest_end = len(text.rstrip())
        if rest_end > pos:
            current.pieces.append(Piece(line.n, pos, rest_end))
            pending = not punctuated and ends_spoken_sentence([m for m in line.morphemes if m.start >= pos])
        previous_end = line.end if line.end is not None else previous_end
    close()
    return out
