"""Rolling captions: cues that repeat the line shown before them.

YouTube's automatic captions (and many live-caption tools) scroll: each cue shows the line
of the previous cue again above its new line, so the transcript says everything twice
(今日はCoreWeaveの話です / 今日はCoreWeaveの話です株価が…). The carried-over text is the
start of a cue that the previous cue ends with. `find_rolling` removes it by an edit
(method "rolling"), so a cue keeps only what was newly said and nothing is lost.

A transcript is taken to roll only on evidence from itself: most pairs of consecutive cues
overlap so, by at least `min_chars` characters; occasional overlaps in a transcript that
does not roll are speech (a speaker repeating themselves) and stay.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..model import Edit


@dataclass(frozen=True)
class RollingConfig:
    # Shortest carried-over text: 4 characters is a short caption line (はいはい); a shorter
    # overlap (a particle, a 。) happens by chance between any two cues.
    min_chars: int = 4
    # Share of consecutive cue pairs that must overlap for the transcript to roll: a rolling
    # transcript overlaps on nearly every pair (all but after pauses); half keeps a margin.
    min_share: float = 0.5
    # Longest carried-over text looked for: a caption line holds about 40 characters (two
    # lines of a cue, 80); the bound keeps the look linear on a pathological long cue.
    max_chars: int = 200


def carried_over(previous: str, text: str, min_chars: int = 4, max_chars: int = 200) -> int:
    """Length of the longest start of `text` that `previous` ends with (0 if shorter than
    `min_chars`); the whole of `text` does not count (nothing new is said then).

    >>> carried_over("こんにちは。今日はCoreWeaveの話です", "今日はCoreWeaveの話です株価が上がった")
    16
    >>> carried_over("株価が上がった", "上がったのは昨日")
    4
    >>> carried_over("はい", "はい")
    0
    """
    # Whatever is carried over starts with text's first `min_chars` characters: one C-speed
    # look rules out most pairs (those of a transcript that does not roll) before the scan.
    if text[:min_chars] not in previous:
        return 0
    for k in range(min(len(previous), len(text) - 1, max_chars), min_chars - 1, -1):
        if previous.endswith(text[:k]):
            return k
    return 0


def find_rolling(texts: Sequence[str], config: RollingConfig = RollingConfig()) -> dict[int, Edit]:
    """Edits removing the carried-over start of each cue, by index into `texts` (the spoken
    cues in order), or nothing if the transcript does not roll.

    >>> cues = ["今日は晴れ", "今日は晴れですが明日は", "ですが明日は雨でしょう"]
    >>> {i: e.original for i, e in find_rolling(cues).items()}
    {1: '今日は晴れ', 2: 'ですが明日は'}
    """
    overlaps = [carried_over(texts[i - 1], texts[i], config.min_chars, config.max_chars) for i in range(1, len(texts))]
    pairs = sum(1 for i in range(1, len(texts)) if texts[i - 1].strip() and texts[i].strip())
    if not pairs or sum(1 for k in overlaps if k) < config.min_share * pairs:
        return {}
    return {i: Edit(0, k, texts[i][:k], "", None, None, "rolling", 1.0)
            for i, k in enumerate(overlaps, 1) if k}
