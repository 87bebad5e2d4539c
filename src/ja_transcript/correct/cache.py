"""Alias readings kept on disk, so that a large lexicon is read by SudachiPy once, not at every run.

Reading 100,000 aliases with SudachiPy takes seconds; loading what was read takes a tenth of
a second. A reading depends on the alias and on what reads it: SudachiPy's version, its
dictionaries (file, size, time), the split mode, and this package's code. A file is named by
a digest of all of these and of the lexicon's aliases, so that any change to them reads anew
and a file is never used for another setting. Files are written whole to a temporary name and
renamed (a reader never sees half of one); one that cannot be read is ignored and rewritten.
Small lexicons are read as fast as a file would load: they are not cached.

The cache lives in `$JA_TRANSCRIPT_CACHE_DIR`, else `$XDG_CACHE_HOME/ja-transcript`, else
`~/.cache/ja-transcript`; `JA_TRANSCRIPT_CACHE_DIR=off` (or `cache_dir=False`) switches it off.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Iterable

_FORMAT = "readings-1"
MIN_ALIASES = 20_000  # below this, SudachiPy reads the aliases in about the time a file loads
_KEEP = 8  # files kept in the folder (the most recently used)
_PACKAGE = Path(__file__).resolve().parent.parent


def default_cache_dir() -> Path | None:
    """The folder of the cache, or None when switched off."""
    env = os.environ.get("JA_TRANSCRIPT_CACHE_DIR")
    if env is not None:
        return None if env.strip().lower() in ("", "0", "off", "false", "no") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "ja-transcript"


def _code_digest() -> str:
    """This package's code: readings come from the corrector, the analyzer and the kana tables."""
    h = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        h.update(str(path.relative_to(_PACKAGE)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _stat(path: str | Path) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return f"{path}:missing"
    return f"{Path(path).resolve()}:{st.st_size}:{st.st_mtime_ns}"


def _versions() -> str:
    out = []
    for name in ("sudachipy", "sudachidict-core"):
        try:
            out.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name}=none")
    return ",".join(out)


def _system_dictionary() -> str:
    try:
        import sudachidict_core
    except ImportError:
        return "none"
    return _stat(Path(sudachidict_core.__file__).parent / "resources" / "system.dic")


class ReadingsCache:
    """Readings by alias pattern (`readings`, given to the corrector to use and fill), loaded
    from one file and written back (`save`) when the corrector read any alias anew."""

    def __init__(self, path: Path, patterns: Iterable[str]):
        self.path = path
        self.readings: dict[str, list[str]] = {}
        wanted = set(patterns)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None
        if isinstance(data, dict) and data.get("format") == _FORMAT and isinstance(data.get("readings"), dict):
            for pattern, rs in data["readings"].items():
                if pattern in wanted and isinstance(rs, list) and all(isinstance(r, str) for r in rs):
                    self.readings[pattern] = rs
        self._loaded = len(self.readings)
        if self._loaded:
            try:
                os.utime(path)  # recently used: kept when the folder is pruned
            except OSError:
                pass

    @classmethod
    def open(cls, patterns: list[str], mode: str, user_dicts: Iterable[str] = (),
             cache_dir: Path | None = None) -> "ReadingsCache | None":
        """The cache for these alias patterns read in this split mode with these user
        dictionaries; None when the lexicon is small or no cache folder is set."""
        if cache_dir is None or len(patterns) < MIN_ALIASES:
            return None
        h = hashlib.sha256()
        for part in (_FORMAT, _code_digest(), _versions(), _system_dictionary(), mode,
                     *(_stat(u) for u in user_dicts)):
            h.update(part.encode())
            h.update(b"\0")
        for p in patterns:
            h.update(p.encode())
            h.update(b"\n")
        return cls(Path(cache_dir) / f"{_FORMAT}-{h.hexdigest()[:32]}.json", patterns)

    def save(self) -> None:
        """Write the readings if any were added; never fails the caller (a cache is optional)."""
        if len(self.readings) == self._loaded:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    json.dump({"format": _FORMAT, "readings": self.readings}, f, ensure_ascii=False)
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            self._loaded = len(self.readings)
            _prune(self.path.parent)
        except OSError:
            pass


def _prune(folder: Path) -> None:
    files = sorted(folder.glob(f"{_FORMAT}-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[_KEEP:]:
        old.unlink(missing_ok=True)
