"""Placement: where an item found in a sentence stands in the transcript.

A sentence is the concatenation of slices of its lines' clean text (its pieces), so an
offset range of the sentence maps to the lines it comes from, and through them to times.
Times are the lines' own (a cue's or segment's start and end): a transcript gives no time
finer than its lines.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Mapping, Sequence

Place = tuple[list[int], "float | None", "float | None"]  # lines, start_time, end_time


class Placement:
    """The pieces of one sentence, as (line, start, end) in line clean-text offsets, and the
    lines' times by n.

    >>> p = Placement([(3, 5, 9), (4, 0, 6)], {3: (1.0, 2.0), 4: (2.0, 3.5)})
    >>> p.place(0, 4), p.place(2, 7), p.place(8, 10)
    (([3], 1.0, 2.0), ([3, 4], 1.0, 3.5), ([4], 2.0, 3.5))
    """

    __slots__ = ("lines", "offsets", "times")

    def __init__(self, pieces: Sequence[tuple[int, int, int]], times: Mapping[int, tuple]):
        self.lines = [line for line, _, _ in pieces]
        self.offsets = []  # sentence offset where each piece starts
        offset = 0
        for _, start, end in pieces:
            self.offsets.append(offset)
            offset += end - start
        self.times = times

    def place(self, start: int, end: int) -> Place:
        """The lines of sentence offsets [start, end) and their times (an empty range stands
        in the line holding `start`)."""
        first = max(0, bisect_right(self.offsets, start) - 1)
        last = max(first, bisect_right(self.offsets, max(start, end - 1)) - 1)
        lines = list(dict.fromkeys(self.lines[first:last + 1]))
        begin = self.times.get(lines[0], (None, None))[0]
        finish = self.times.get(lines[-1], (None, None))[1]
        return lines, begin, finish
