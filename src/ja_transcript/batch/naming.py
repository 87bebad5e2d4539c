"""Output names: `DIR/<stem>.json` for a file, `DIR/<stem>/<record>.json` for a JSON Lines record.

Names must fit any file system (255 bytes a component, temporary-file prefixes included)
and never collide silently. A name is kept as it is when it is short and safe; otherwise it
is cut and given a stable hash suffix, so it depends only on what it names:

- a record's name depends only on its id, so adding a record never renames another;
- a file's stem depends on the other inputs of the run only when two of them share it
  (`talk.srt`, `talk.vtt`): then each keeps its suffix (`talk.srt.json`), and inputs that
  still collide (`a/ep.txt`, `b/ep.txt`) get a hash of their path.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from typing import Sequence

# Bytes of a name component before ".json": 255 less room for the suffix and for the
# temporary files written beside it (see writers.document.write_atomic).
MAX_NAME_BYTES = 180
_UNSAFE = re.compile(r"[^\w.\-]+")


def short_hash(text: str) -> str:
    """Eight hex digits of the SHA-256 of `text`: stable across runs and machines."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def fit(name: str, key: str | None = None) -> str:
    """`name` cut to `MAX_NAME_BYTES` UTF-8 bytes at a character boundary, with the hash of
    `key` (default: `name`) appended when it had to be cut.

    >>> fit("ep01")
    'ep01'
    >>> len(fit("長" * 79).encode()) <= MAX_NAME_BYTES
    True
    """
    if len(name.encode("utf-8", "surrogatepass")) <= MAX_NAME_BYTES:
        return name
    suffix = "-" + short_hash(key if key is not None else name)
    budget = MAX_NAME_BYTES - len(suffix)
    cut = name.encode("utf-8", "surrogatepass")[:budget].decode("utf-8", "ignore")
    return cut + suffix


def record_name(record_id: str) -> str:
    """The file name (without .json) of a JSON Lines record: its id when that is a safe, short
    name; else the id made safe plus a hash of the id, so two ids never share a name.

    >>> record_name("ep-01"), record_name("ep/2"), record_name("ep_2")
    ('ep-01', 'ep_2-93336870', 'ep_2')
    >>> record_name("../x")
    'x-d6b96a97'
    """
    safe = _UNSAFE.sub("_", record_id).strip("._") or "record"
    if safe == record_id and len(safe.encode("utf-8", "surrogatepass")) <= MAX_NAME_BYTES:
        return safe
    return fit(safe + "-" + short_hash(record_id), key=record_id)


def _stem(path: str) -> str:
    name = posixpath.basename(path.rstrip("/")) or "input"
    stem, dot, _ = name.rpartition(".")
    return stem if dot and stem else name


def input_names(paths: Sequence[str]) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """The output name of each input of a run (in order), and the collisions resolved
    (stem, [inputs]) for a notice.

    >>> names, clashes = input_names(["a/talk.srt", "a/talk.vtt", "b/ep.txt", "c/ep.txt", "x.txt"])
    >>> names[:2], names[4], clashes[0]
    (['talk.srt', 'talk.vtt'], 'x', ('talk', ['a/talk.srt', 'a/talk.vtt']))
    >>> names[2] != names[3] and names[2].startswith("ep.txt-")
    True
    """
    stems = [_stem(p) for p in paths]
    by_stem: dict[str, list[int]] = {}
    for i, stem in enumerate(stems):
        by_stem.setdefault(fit(stem).casefold(), []).append(i)  # casefold: macOS and Windows
    names = [fit(stem) for stem in stems]
    clashes = []
    for group in by_stem.values():
        if len(group) < 2:
            continue
        clashes.append((names[group[0]], [paths[i] for i in group]))
        full = {i: posixpath.basename(paths[i].rstrip("/")) or "input" for i in group}
        counts: dict[str, int] = {}
        for name in full.values():
            counts[name.casefold()] = counts.get(name.casefold(), 0) + 1
        for i in group:
            name = full[i]
            names[i] = fit(name) if counts[name.casefold()] == 1 else fit(name + "-" + short_hash(paths[i]))
    return names, clashes
