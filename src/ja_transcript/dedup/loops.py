"""In-line runaway loops: one character or phrase repeated many times inside a line.

Whisper's decoder can get stuck and emit the same token sequence until its window ends
(フフフフフフフフ, あ、あ、あ、あ、あ、あ、, ありがとうございます。×8). `find_loops`
returns edits that cut such a run down to a natural length; doubled words and short
natural repeats (いろいろ, まあまあ, ははは, そうそうそう) are left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Edit
from .config import DedupConfig

# Marks that stretch or pause, never a loop unit on their own (すごーーーい, ……).
_NOT_A_LETTER = frozenset("ー〜～々ゝゞヽヾ")


def find_loops(text: str, config: DedupConfig = DedupConfig()) -> list[Edit]:
    """Edits (method "loop") collapsing runaway loops in `text`.

    The edits do not overlap and are sorted by start; ``text[start:end]`` is the whole
    run and `replacement` its first few copies.

    >>> def loops(text):
    ...     return [(e.start, e.end, e.replacement) for e in find_loops(text)]
    >>> loops("フフフフフフフフフ、面白い")
    [(0, 9, 'フフフ')]
    >>> loops("はいはいはいはいはいはいはい")
    [(0, 14, 'はいはい')]
    >>> loops("いろいろ、まあまあ、ははは、そうそうそう")
    []
    >>> loops("あ、あ、あ、あ、あ、あ、あ")
    [(0, 13, 'あ、あ、あ')]
    >>> loops("それでは" + "ありがとうございます。" * 8) == [(4, 92, "ありがとうございます。" * 2)]
    True
    """
    min_copies = _min_copies(config)
    # No unit longer than the text over the fewest copies can loop: a shorter bound
    # keeps the scan of an ordinary line cheap.
    max_unit = min(config.loop_max_unit, len(text) // min_copies)
    if max_unit < 1:
        return []
    pattern = _candidate_pattern(max_unit, min_copies)
    edits = []
    pos = 0
    while True:
        m = pattern.search(text, pos)
        if m is None:
            break
        best = _best_loop(text, m.start(), config)
        if best is None:
            pos = m.start() + 1
            continue
        unit, copies = best
        end = m.start() + len(unit) * copies
        keep = _copies_to_keep(unit, config)
        replacement = unit * keep
        # The last copy often lacks the unit's trailing punctuation (あ、あ、あ、あ、あ、あ):
        # it belongs to the run when no word goes on after it (not the あ of あの).
        bare = unit.rstrip("".join(ch for ch in unit if not _letters(ch)))
        after = end + len(bare)
        if (bare and bare != unit and text.startswith(bare, end)
                and (after == len(text) or not _letters(text[after]))):
            end = after
            replacement = unit * (keep - 1) + bare
        edits.append(Edit(m.start(), end, text[m.start():end], replacement, None, None, "loop", 1.0))
        pos = end
    return edits


def _min_copies(config: DedupConfig) -> int:
    return min(config.loop_min_copies_char, config.loop_min_copies_short, config.loop_min_copies_long)


@lru_cache(maxsize=128)
def _candidate_pattern(max_unit: int, min_copies: int) -> re.Pattern:
    """Where some unit repeats at least `min_copies` times: a fast C-level pre-scan."""
    # A lookahead does not consume the copies, which keeps the scan about twice as fast.
    return re.compile(r"(.{1,%d}?)(?=\1{%d})" % (max_unit, max(1, min_copies - 1)), re.DOTALL)


def _letters(unit: str) -> int:
    return sum(1 for ch in unit if ch.isalpha() and ch not in _NOT_A_LETTER)


def _is_loop_unit(unit: str) -> bool:
    """A unit starts with a letter and is not a repetition of a shorter unit.

    Digits (1000000), punctuation (。。。) and length marks (ーーー) never loop.

    >>> [_is_loop_unit(u) for u in ["あ、", "、あ", "はいはい", "0", "ー", "ありがとう。"]]
    [True, False, False, False, False, True]
    """
    if not unit or _letters(unit[0]) == 0:
        return False
    size = len(unit)
    for d in range(1, size // 2 + 1):
        if size % d == 0 and unit[:d] * (size // d) == unit:
            return False
    return True


def _required_copies(unit: str, config: DedupConfig) -> int:
    letters = _letters(unit)
    if letters <= 1:
        return config.loop_min_copies_char
    if letters <= config.loop_short_unit:
        return config.loop_min_copies_short
    return config.loop_min_copies_long


def _copies_to_keep(unit: str, config: DedupConfig) -> int:
    return config.loop_keep_char if _letters(unit) <= 1 else config.loop_keep_phrase


def _best_loop(text: str, start: int, config: DedupConfig) -> tuple[str, int] | None:
    """The (unit, copies) loop starting at `start` that covers the most text, if any.

    On equal coverage the shortest unit wins (はい×8 rather than はいはい×4).
    """
    if _letters(text[start]) == 0:
        return None  # every unit here starts with it, and a unit starts with a letter (1111..., ……)
    best = None
    best_cover = 0
    limit = min(config.loop_max_unit, (len(text) - start) // 2)
    for size in range(1, limit + 1):
        unit = text[start:start + size]
        copies = 1
        while text.startswith(unit, start + copies * size):
            copies += 1
        if copies < 2 or copies * size <= best_cover:
            continue
        if copies >= _required_copies(unit, config) and _is_loop_unit(unit):
            best, best_cover = (unit, copies), copies * size
    return best
