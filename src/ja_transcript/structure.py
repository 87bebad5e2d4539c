"""Line kinds: the title and chapter headings that transcription tools paste in as lines.

A heading is recognised from the line's own evidence, not from a list: it has no
punctuation, ends in a noun, carries no predicate at its end and no case-marked
arguments, and is short. Where the transcript punctuates its speech (most spoken lines end
in 、 or 。), a line without any punctuation stands out more, so the bar is lower.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .nlp import Morpheme
from .nonspeech import is_nonspeech

_PUNCT = set("、。，．,.！？!?…」』）)")
# Inside a heading, only these particles link nouns: 仮想通貨とAIの関係, オープンAIとの契約.
_HEADING_PARTICLES = {"の", "と", "や", "へ", "との", "への", "における", "による", "から", "まで", "で"}
_NOUN_END = {"名詞", "接尾辞", "記号"}


@dataclass(frozen=True)
class StructureConfig:
    max_heading_chars: int = 40  # chapter titles are short; spoken lines ramble
    punctuated_share: float = 0.5  # above this share of lines ending in punctuation, the text "punctuates"
    # Chapters are few: in an unpunctuated text, more heading-like lines than this share are fragments.
    max_heading_share: float = 0.05


def punctuated_share(texts: Sequence[str]) -> float:
    """Share of non-empty lines that end in punctuation.

    >>> punctuated_share(["はい。", "そうですね、", "見出し", ""])
    0.6667
    """
    lines = [t.rstrip() for t in texts if t.strip()]
    if not lines:
        return 0.0
    return round(sum(t[-1] in _PUNCT for t in lines) / len(lines), 4)


def _may_be_heading(text: str, config: StructureConfig) -> bool:
    """What `looks_like_heading` asks of the text before it looks at the morphemes."""
    stripped = text.strip()
    return bool(stripped) and len(stripped) <= config.max_heading_chars and _PUNCT.isdisjoint(stripped)


def looks_like_heading(text: str, morphemes: Sequence[Morpheme], punctuated: bool,
                       config: StructureConfig = StructureConfig()) -> bool:
    """Whether a line reads as a title or heading rather than speech."""
    stripped = text.strip()
    if not stripped or len(stripped) > config.max_heading_chars or not morphemes:
        return False
    if not _PUNCT.isdisjoint(stripped):
        return False
    content = [m for m in morphemes if m.pos[0] not in ("空白",)]
    if not content:
        return False  # only blanks SudachiPy keeps as such (a tab with a combining mark)
    if len(content) < 2 and not punctuated:
        return False  # a lone word in unpunctuated speech is more likely an answer than a title
    last = content[-1]
    if last.surface == "へ" and punctuated and len(content) > 2:
        last = content[-2]  # ピザの名店へ, 次の時代へ: a title may end heading somewhere
    if last.pos[0] not in _NOUN_END or last.pos[1] == "数詞":
        return False
    if not any(m.pos[0] == "名詞" and m.pos[1] != "数詞" and m.pos[2] != "助数詞可能" for m in content):
        return False  # 3000円: a figure said on its own
    for m in content:
        if m.pos[0] == "助詞" and m.surface not in _HEADING_PARTICLES:
            return False  # が / を / は / ね: a clause or a spoken aside, not a title
        if m.pos[0] in ("感動詞", "接続詞", "代名詞"):
            return False
    if not punctuated:
        # Without punctuation to tell them apart, demand a pure noun phrase.
        if any(m.pos[0] in ("動詞", "助動詞", "形容詞") for m in content):
            return False
    return True


def looks_like_title(text: str, morphemes: Sequence[Morpheme], punctuated: bool,
                     config: StructureConfig = StructureConfig()) -> bool:
    """Whether the first line reads as a title: a heading, or, in a text that punctuates its
    speech, a line without punctuation made of space-separated noun phrases, as episode
    titles are written (番組名 ローカルニュースと天気 9月1日防災の日スペシャル)."""
    if looks_like_heading(text, morphemes, punctuated, config):
        return True
    stripped = text.strip()
    if not punctuated or not _PUNCT.isdisjoint(stripped) or len(stripped) > 2 * config.max_heading_chars:
        return False
    ends = [m for i, m in enumerate(morphemes)
            if m.pos[0] != "空白" and (i + 1 == len(morphemes) or morphemes[i + 1].pos[0] == "空白")]
    return len(ends) >= 2 and all(m.pos[0] in _NOUN_END and m.pos[1] != "数詞" for m in ends)


def line_kinds(texts: Sequence[str], morphemes: Sequence[Sequence[Morpheme]],
               config: StructureConfig = StructureConfig(), timed: bool = False) -> list[str]:
    """Kind of every line: title | heading | speech | nonspeech | blank.

    A line of sound tags only ([音楽], ♪～, (拍手)) is nonspeech (see `nonspeech`). Timed
    lines (subtitle cues, Whisper segments) are otherwise all speech: tools paste chapter
    titles into text transcripts, not into cues. In a text that does not punctuate, short
    noun phrases are common speech fragments; if they are not rare, none is a heading.
    """
    if timed:
        return [("nonspeech" if is_nonspeech(t) else "speech") if t.strip() else "blank" for t in texts]
    punctuated = punctuated_share(texts) >= config.punctuated_share
    # morphemes[i] is only asked for where the text allows a heading (it may be read back lazily)
    heading_like = [_may_be_heading(t, config) and looks_like_heading(t, morphemes[i], punctuated, config)
                    for i, t in enumerate(texts)]
    first = next((i for i, t in enumerate(texts) if t.strip()), None)
    if first is not None and not heading_like[first]:
        heading_like[first] = looks_like_title(texts[first], morphemes[first], punctuated, config)
    content = sum(1 for t in texts if t.strip())
    if not punctuated and sum(heading_like) > max(1, config.max_heading_share * content):
        heading_like = [False] * len(texts)
    kinds = []
    seen_content = False
    for text, heading in zip(texts, heading_like):
        if not text.strip():
            kinds.append("blank")
            continue
        if is_nonspeech(text):
            kinds.append("nonspeech")
            continue
        kinds.append(("heading" if seen_content else "title") if heading else "speech")
        seen_content = True
    return kinds
