"""Read SudachiPy's system dictionary word by word (SudachiPy itself looks words up by surface only).

The file layout is sudachi.rs's system dictionary, version 2 (`dic/header.rs`, `dic/grammar.rs`,
`dic/lexicon/*.rs`): a 272-byte header; the grammar (part-of-speech table, connection matrix);
the lexicon (double-array trie, word-id table, word parameters: left id, right id, cost as i16,
then the word infos, each at an offset of a table). Strings are UTF-16LE with a length of one
byte, or two when the first has its high bit set.

    >>> words = dict(((w.surface, w.reading), w) for w in iter_words() if w.surface == "公園")
    >>> ("公園", "コウエン") in words
    True
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

SYSTEM_DICT_VERSION_2 = 0xCE9F011A92394434
HEADER_SIZE = 8 + 8 + 256


@dataclass(frozen=True)
class Word:
    word_id: int
    surface: str
    reading: str
    pos: tuple[str, ...]
    cost: int  # the word's own cost in the lattice: lower is more common
    normalized: str = ""


def dictionary_path() -> Path:
    import sudachidict_core

    return Path(sudachidict_core.__file__).parent / "resources" / "system.dic"


def dictionary_version() -> str:
    buf = dictionary_path().read_bytes()[:HEADER_SIZE]
    return buf[16:].split(b"\0")[0].decode("utf-8", "replace")


def iter_words(path: Path | None = None) -> Iterator[Word]:
    buf = (path or dictionary_path()).read_bytes()
    (version,) = struct.unpack_from("<Q", buf, 0)
    if version != SYSTEM_DICT_VERSION_2:
        raise ValueError(f"unsupported Sudachi dictionary version {version:#x}")

    def string(off: int) -> tuple[str, int]:
        n = buf[off]
        off += 1
        if n >= 128:
            n = ((n & 0x7F) << 8) | buf[off]
            off += 1
        return buf[off:off + 2 * n].decode("utf-16-le"), off + 2 * n

    off = HEADER_SIZE
    (pos_size,) = struct.unpack_from("<H", buf, off)
    off += 2
    pos_table = []
    for _ in range(pos_size):
        fields = []
        for _ in range(6):
            s, off = string(off)
            fields.append(s)
        pos_table.append(tuple(fields))
    left, right = struct.unpack_from("<hh", buf, off)
    off += 4 + left * right * 2
    (trie,) = struct.unpack_from("<I", buf, off)
    off += 4 + trie * 4
    (id_table,) = struct.unpack_from("<I", buf, off)
    off += 4 + id_table
    (count,) = struct.unpack_from("<I", buf, off)
    params = struct.unpack_from(f"<{3 * count}h", buf, off + 4)
    off += 4 + count * 6
    offsets = struct.unpack_from(f"<{count}I", buf, off)
    unpack_h, unpack_i = struct.Struct("<H").unpack_from, struct.Struct("<i").unpack_from
    for word_id, o in enumerate(offsets):
        surface, o = string(o)
        o += 2 if buf[o] >= 128 else 1  # headword length
        (pos_id,) = unpack_h(buf, o)
        o += 2
        normalized, o = string(o)
        o += 4  # dictionary form word id
        reading, o = string(o)
        yield Word(word_id, surface, reading or surface, pos_table[pos_id], params[3 * word_id + 2],
                   normalized or surface)


@lru_cache(maxsize=1)
def words_by_reading() -> dict[str, list[Word]]:
    """Every word of the dictionary under its reading (katakana), most common first."""
    index: dict[str, list[Word]] = {}
    for w in iter_words():
        index.setdefault(w.reading, []).append(w)
    for ws in index.values():
        ws.sort(key=lambda w: (w.cost, w.word_id))
    return index
