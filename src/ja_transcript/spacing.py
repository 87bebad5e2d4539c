"""ASR spacing: spaces some ASR models put between Japanese words (今日 は 天気 が いい).

Japanese is written without spaces between words, so a space between two Japanese
characters is the recogniser's, not the speaker's: where a transcript is spaced so
throughout (most of its lines), `spacing_edits` removes those spaces by edits (method
"spacing"). A space next to a Latin letter or a digit stays (GPU クラウド, 3 月 is left to
the reader), and a transcript with occasional spaces keeps them: there they are the
writer's.
"""

from __future__ import annotations

import re
from typing import Sequence

from .model import Edit

_JA = "\u3041-\u3096\u30a1-\u30fa\u30fc\u3005\u4e00-\u9fff\u3400-\u4dbf"  # kana, ー, 々, kanji
_SPACE_BETWEEN = re.compile(f"(?<=[{_JA}])[ \u3000]+(?=[{_JA}])")
_JA_PAIR = re.compile(f"[{_JA}].*[{_JA}]", re.S)
_JA_CHAR = re.compile(f"[{_JA}]")

# Share of lines (with at least two Japanese characters) spaced between Japanese characters
# above which the transcript is ASR-spaced: an ASR that spaces does so on nearly every
# line; a writer's occasional space (a pause, a list) is on few.
SPACED_SHARE = 0.5
# A spaced line has a space between words, about one in three characters (今日 は 天気 が);
# a writer's space (下田南高等学校 バレーボール部, こんにちは さようなら) is one in a line. A line
# counts as spaced with at least 2 such spaces and one per 10 Japanese characters.
_MIN_SPACES, _CHARS_PER_SPACE = 2, 10


def _spaced_line(text: str) -> bool:
    spaces = len(_SPACE_BETWEEN.findall(text))
    return spaces >= _MIN_SPACES and spaces * _CHARS_PER_SPACE >= len(_JA_CHAR.findall(text))


def is_spaced(texts: Sequence[str]) -> bool:
    """Whether most lines put spaces between Japanese characters.

    >>> is_spaced(["今日 は 天気 が いい", "散歩 に 行き ました", "はい"])
    True
    >>> is_spaced(["今日は天気がいい", "GPU クラウドの話", "東京　大阪"]), is_spaced(["こんにちは さようなら"])
    (False, False)
    """
    lines = [t for t in texts if _JA_PAIR.search(t)]
    return bool(lines) and sum(1 for t in lines if _spaced_line(t)) > SPACED_SHARE * len(lines)


def spacing_edits(text: str) -> list[Edit]:
    """Edits removing every space between two Japanese characters of `text`.

    >>> [(e.start, e.original) for e in spacing_edits("今日 は GPU の 話")]
    [(2, ' '), (10, ' ')]
    """
    return [Edit(m.start(), m.end(), m.group(), "", None, None, "spacing", 1.0)
            for m in _SPACE_BETWEEN.finditer(text)]
