"""The morphemes of a whole transcript, kept compactly between the stages that read them.

Structure, correction, duplicate removal and sentences each read every line's analysis,
so it is kept for the whole transcript; as `Morpheme` tuples that costs ~130 bytes a
morpheme (25 MB for a 1 MB transcript). A `MorphemeStore` keeps 8 bytes a morpheme: the
index of its word (surface, reading, normalized form, part of speech, oov) in the table
of the transcript's distinct words, and its end; it starts where the one before it ended,
since the morphemes of a line cover it exactly. Reading a line back gives fresh
`Morpheme`s equal to those stored. A line whose morphemes do not tile it from offset 0
is kept as given.
"""

from __future__ import annotations

from array import array
from typing import Iterator, Sequence

from .analyzer import Morpheme, shifted

_new = tuple.__new__


class MorphemeStore(Sequence):
    """A sequence of lines' morphemes: `store[i]` is line i's `list[Morpheme]` (a new list
    each time), `store.view(i)` a lazy sequence that reads it back on use."""

    def __init__(self, lines: Sequence[Sequence[Morpheme]] = ()):
        self._words: list[tuple] = []  # (surface, reading, normalized, pos, oov)
        self._index: dict[tuple, int] = {}  # word -> its index
        self._by_surface: dict[str, int] = {}  # surface -> index of the word last stored with it
        self._data = array("I")  # word index, end; word index, end; ... line after line
        self._bounds = array("q")  # per line: start, end in _data (start -1: kept in _loose)
        self._loose: dict[int, list[Morpheme]] = {}
        for morphemes in lines:
            self.append(morphemes)

    def _encode(self, morphemes: Sequence[Morpheme]) -> tuple[int, int] | None:
        data, words, by_surface = self._data, self._words, self._by_surface
        lo = len(data)
        end = 0
        for m in morphemes:
            if m[1] != end or m[2] <= end or m[2] > 0xFFFFFFFF:
                del data[lo:]
                return None
            end = m[2]
            # The analyzer gives every morpheme of a word the same string objects: most are found
            # by their surface and told apart by identity, without building a key.
            k = by_surface.get(m[0])
            if k is None or not ((w := words[k])[1] is m[3] and w[2] is m[4] and w[3] is m[5] and w[4] is m[6]):
                key = (m[0], m[3], m[4], m[5], m[6])
                k = self._index.get(key)
                if k is None:
                    k = self._index[key] = len(words)
                    words.append(key)
                by_surface[m[0]] = k  # the word last met with this surface
            data.append(k)
            data.append(end)
        return lo, len(data)

    def append(self, morphemes: Sequence[Morpheme]) -> None:
        i = len(self._bounds) // 2
        self._bounds.extend((-1, -1))
        self[i] = morphemes

    def __setitem__(self, i: int, morphemes: Sequence[Morpheme]) -> None:
        """Replace line i's morphemes (its old entries stay unused in the data)."""
        if not 0 <= i < len(self):
            raise IndexError(i)
        span = self._encode(morphemes)
        self._loose.pop(i, None)
        if span is None:
            self._loose[i] = list(morphemes)
            span = (-1, -1)
        self._bounds[2 * i], self._bounds[2 * i + 1] = span

    def __len__(self) -> int:
        return len(self._bounds) // 2

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        lo, hi = self._bounds[2 * i], self._bounds[2 * i + 1]  # IndexError past the end
        if lo < 0:
            return list(self._loose[i])
        words = self._words
        out = []
        append = out.append
        start = 0
        it = iter(self._data[lo:hi])
        for k, end in zip(it, it):
            w = words[k]
            append(_new(Morpheme, (w[0], start, end, w[1], w[2], w[3], w[4])))
            start = end
        return out

    def __iter__(self) -> Iterator[list[Morpheme]]:
        for i in range(len(self)):
            yield self[i]

    def shifted(self, i: int, shift: int, start: int, end: int) -> list[Morpheme]:
        """`analyzer.shifted(self[i], shift, start, end)`: line i's morphemes inside [start, end),
        moved by `shift`, read back in one pass."""
        lo, hi = self._bounds[2 * i], self._bounds[2 * i + 1]
        if lo < 0:
            return shifted(self._loose[i], shift, start, end)
        words = self._words
        out = []
        append = out.append
        first = 0
        it = iter(self._data[lo:hi])
        for k, last in zip(it, it):
            if first >= start:
                if last > end:
                    break
                w = words[k]
                append(_new(Morpheme, (w[0], first + shift, last + shift, w[1], w[2], w[3], w[4])))
            first = last
        return out

    def morpheme(self, i: int, k: int) -> Morpheme:
        """Morpheme k of line i (read back alone)."""
        lo, hi = self._bounds[2 * i], self._bounds[2 * i + 1]
        if lo < 0:
            return self._loose[i][k]
        n = (hi - lo) // 2
        if k < 0:
            k += n
        if not 0 <= k < n:
            raise IndexError(k)
        at = lo + 2 * k
        w = self._words[self._data[at]]
        start = self._data[at - 1] if k else 0
        return _new(Morpheme, (w[0], start, self._data[at + 1], w[1], w[2], w[3], w[4]))

    def count(self, i: int) -> int:
        """How many morphemes line i has."""
        lo, hi = self._bounds[2 * i], self._bounds[2 * i + 1]
        return len(self._loose[i]) if lo < 0 else (hi - lo) // 2

    def view(self, i: int) -> "LineMorphemes":
        return LineMorphemes(self, i)


class LineMorphemes(Sequence):
    """One line of a `MorphemeStore`, read back whenever it is used (nothing is kept)."""

    __slots__ = ("_store", "_line")

    def __init__(self, store: MorphemeStore, line: int):
        self._store, self._line = store, line

    def __len__(self) -> int:
        return self._store.count(self._line)

    def __getitem__(self, k):
        if isinstance(k, int):
            return self._store.morpheme(self._line, k)
        return self._store[self._line][k]

    def __iter__(self) -> Iterator[Morpheme]:
        return iter(self._store[self._line])

    def __reversed__(self) -> Iterator[Morpheme]:
        return reversed(self._store[self._line])

    def __eq__(self, other) -> bool:
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented

    def __repr__(self) -> str:
        return f"LineMorphemes({self._store[self._line]!r})"
