"""An index of lexicon readings by sound, so that a span is compared with few entries.

Each reading is split into morae and keyed by `phonetic.coarse_key` (voicing, glides,
long vowels, geminates and ン forgotten). A misheard reading is one or two cheap changes
from the said one, which the coarse key absorbs, or one dearer change (a mora misheard,
dropped or added), which one deletion on either side absorbs: a reading is filed under its
key and under its key less each one character (a deletion neighbourhood, as in SymSpell),
and a query looks up its own key and its one-character deletions. Candidates found so are
then measured with the weighted mora distance. The cost of a query depends on the length of
the reading, not on the size of the lexicon (only on how many entries share a key).

Keys of one or two characters are filed and looked up whole: their deletions would
match nearly everything.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, NamedTuple, Sequence

from .lexicon import Entry
from .phonetic import coarse_keys, mora_distance, morae

_MIN_DELETION_KEY = 3  # keys this long or longer are also filed under their deletions


class Sound(NamedTuple):  # tuples: a large lexicon makes a hundred thousand of them
    """One way an entry is said: its morae, the alias they were read from."""

    morae: tuple[str, ...]
    entry: Entry
    alias: str


class Match(NamedTuple):
    sound: Sound
    distance: float


def _variants(key: str) -> list[str]:
    """The key and, when long enough, the key less each one character (repeats possible).

    >>> _variants("コエ"), _variants("アイウ")
    (['コエ'], ['アイウ', 'イウ', 'アウ', 'アイ'])
    """
    if len(key) < _MIN_DELETION_KEY:
        return [key]
    return [key, *[key[:i] + key[i + 1:] for i in range(len(key))]]


class SoundIndex:
    """Entries' readings, found by sound.

    >>> from .lexicon import Entry
    >>> index = SoundIndex([(("キュ", "ー", "ト", "ー"), Entry("急騰", "急騰", "TERM"), "急騰")])
    >>> [(m.sound.entry.id, m.distance) for m in index.near(morae("キュウト"), 0.5)]
    [('急騰', 0.3)]
    """

    def __init__(self, sounds: Iterable[tuple[tuple[str, ...], Entry, str]]):
        self.sounds: list[Sound] = []
        # key -> the sound filed under it (an int: most keys have one) or a list of them
        postings: dict[str, int | list[int]] = {}
        heads: set[str] = set()
        heads4: set[str] = set()
        seen: set[tuple[tuple[str, ...], str]] = set()
        keys_of = coarse_keys.__wrapped__  # each reading once: the query cache is left to queries
        for mm, entry, alias in sounds:
            if not mm or (mm, entry.id) in seen:
                continue
            seen.add((mm, entry.id))
            k = len(self.sounds)
            self.sounds.append(Sound(mm, entry, alias))
            keys = keys_of(mm)
            if len(keys) == 1 and len(keys[0]) < _MIN_DELETION_KEY:  # filed whole, as it stands
                filed: list[str] | set[str] = keys
                if len(keys[0]) == 2:
                    heads.add(keys[0])
            else:
                filed = set()  # each key once per sound (its keys' variants overlap)
                for key in keys:
                    filed.update(_variants(key))
                    # What a filed key begins with (its first two and four characters, as it stands
                    # and less one of them): lets a caller stop extending a span (`may_extend`).
                    if len(key) >= _MIN_DELETION_KEY:
                        heads.update((key[:2], key[1:3], key[0] + key[2]))
                    elif len(key) == 2:
                        heads.add(key)
                    if len(key) >= 4:
                        heads4.add(key[:4])
                    if len(key) >= 5:
                        heads4.update([key[:i] + key[i + 1:5] for i in range(4)])
            for v in filed:
                ids = postings.get(v)
                if ids is None:
                    postings[v] = k
                elif isinstance(ids, int):
                    postings[v] = [ids, k]
                else:
                    ids.append(k)
        self._postings = postings
        self._heads = frozenset(heads)
        self._heads4 = frozenset(heads4)
        # a transcript says the same words again and again: their lookups are kept (bounded)
        self._near = lru_cache(maxsize=1 << 15)(self._lookup)
        self._by_id: dict[str, list[Sound]] = {}
        for s in self.sounds:
            self._by_id.setdefault(s.entry.id, []).append(s)

    def __len__(self) -> int:
        return len(self.sounds)

    def may_extend(self, mm: tuple[str, ...]) -> bool:
        """False when no sound can be near `mm` or any longer morae that begin with it; True
        otherwise. A match is a filed key equal to the query's key or to the key less one
        character, so the first characters of the query's key, as they stand or less one of
        them, must begin some filed key: its first three coarse characters are looked up among
        the filed keys' first two, and from five on its first five among their first four."""
        for key in coarse_keys(mm):
            if len(key) < 3:
                return True
            if len(key) >= 5:
                heads4 = self._heads4
                if key[:4] in heads4 or any(key[:i] + key[i + 1:5] in heads4 for i in range(4)):
                    return True
                continue
            heads = self._heads
            if key[:2] in heads or key[1:3] in heads or key[0] + key[2] in heads:
                return True
        return False

    def sounds_of(self, entry_id: str) -> list[Sound]:
        return self._by_id.get(entry_id, [])

    def near(self, mm: Sequence[str], limit: float) -> list[Match]:
        """Sounds within `limit` of the morae `mm`, nearest first (ties: in lexicon order)."""
        return self._near(tuple(mm), limit)

    def _lookup(self, mm: tuple[str, ...], limit: float) -> list[Match]:
        postings = self._postings
        found: set[int] = set()
        for key in coarse_keys(mm):
            for v in _variants(key):
                ids = postings.get(v)
                if ids is None:
                    continue
                if isinstance(ids, int):
                    found.add(ids)
                else:
                    found.update(ids)
        if not found:
            return []
        sounds = self.sounds
        out = []
        n = len(mm)
        measured: dict[tuple[str, ...], float] = {}  # entries that sound alike are measured once
        for k in sorted(found):
            s = sounds[k]
            if abs(len(s.morae) - n) * 0.3 > limit:
                continue
            d = measured.get(s.morae)
            if d is None:
                d = measured[s.morae] = mora_distance(mm, s.morae, limit)
            if d <= limit:
                out.append(Match(s, d))
        out.sort(key=lambda m: m.distance)
        return out


# The compiled twin, when built, replaces the definitions above (ja_transcript/_native.py).
# Nothing may follow these lines: the build compiles what precedes them.
from .._native import adopt  # noqa: E402

adopt(globals())
