"""Build: the corrector's hot modules compiled with mypyc where possible, else pure Python.

Everything else is declared in pyproject.toml. `build_ext` makes, for each module listed in
ja_transcript/_native.py, a twin copy (phonetic.py -> _phonetic_c.py; its imports of the other
listed modules pointed at their twins, the source's SHA-256 recorded), compiles the twins with
mypyc and deletes the copies; only the extensions are installed. Without mypyc or a C
compiler, or when the build fails, or with JA_TRANSCRIPT_PURE_PYTHON=1, it builds nothing and
the package is pure Python (which is also what runs when a twin is missing or stale).
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).parent
PACKAGE = ROOT / "src" / "ja_transcript"
MARKER = "# The compiled twin, when built, replaces the definitions above"


def _listed() -> tuple[str, ...]:
    """_native.COMPILED, read without importing the package (its dependencies may be absent)."""
    text = (PACKAGE / "_native.py").read_text(encoding="utf-8")
    found = re.search(r"^COMPILED = \(([^)]*)\)", text, re.M)
    if found is None:
        raise RuntimeError("ja_transcript/_native.py has no COMPILED list")
    return tuple(re.findall(r'"([^"]+)"', found.group(1)))


def _twin_source(path: Path, siblings: set[str]) -> str:
    """The source of `path`'s twin: the module up to its hand-over to the twin, its imports of
    the other compiled modules of its package pointed at their twins, the source's hash."""
    text = path.read_text(encoding="utf-8")
    body, found, _ = text.partition(MARKER)
    if not found:
        raise RuntimeError(f"{path} does not end by handing over to its twin")
    body = re.sub(r"^from \.(\w+) import", lambda m: f"from ._{m.group(1)}_c import"
                  if m.group(1) in siblings else m.group(0), body, flags=re.M)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()  # as _native checks it
    return f"{body.rstrip()}\n\n\n_NATIVE_SOURCE_SHA256 = {digest!r}\n"


def _note(message: str) -> None:
    print(f"ja-transcript: {message}; the package is pure Python", file=sys.stderr)


class build_native(build_ext):
    """build_ext that compiles the twins, and leaves pure Python when anything fails."""

    def finalize_options(self) -> None:
        # mypyc's extensions replace the placeholder before build_ext prepares them; mypycify
        # runs mypy (seconds), so not for the commands that only write metadata
        metadata_only = set(self.distribution.commands) <= {"egg_info", "dist_info", "sdist"}
        self.distribution.ext_modules = [] if metadata_only else self._mypyc_extensions()
        super().finalize_options()

    def run(self) -> None:
        try:
            super().run()
        except Exception as e:  # no compiler, no Python headers, a compile error
            _note(f"compiling failed ({e})")
            self.extensions = self.distribution.ext_modules = []

    def _mypyc_extensions(self) -> list[Extension]:
        if os.environ.get("JA_TRANSCRIPT_PURE_PYTHON", "").strip() not in ("", "0"):
            return []
        try:
            from mypyc.build import mypycify
        except ImportError:
            _note("mypyc not found")
            return []
        sources = [PACKAGE / p for p in _listed()]
        twins = [p.with_name(f"_{p.stem}_c.py") for p in sources]
        try:
            for source, twin in zip(sources, twins):
                siblings = {s.stem for s in sources if s.parent == source.parent}
                twin.write_text(_twin_source(source, siblings), encoding="utf-8")
            return mypycify(
                ["--ignore-missing-imports", "--follow-imports=silent", "--cache-dir", str(ROOT / "build" / "mypy_cache"),
                 *[str(t.relative_to(ROOT)) for t in twins]],
                group_name="ja_transcript", target_dir=str(ROOT / "build" / "mypyc"))
        except (Exception, SystemExit) as e:  # mypy reports a type error with SystemExit
            _note(f"mypyc failed ({e})")
            return []
        finally:
            for twin in twins:
                twin.unlink(missing_ok=True)


# A placeholder extension marks the distribution as one with extensions, so that build_ext runs
# (and the wheel is tagged for this platform); build_native replaces it with mypyc's.
setup(ext_modules=[Extension("ja_transcript._native_placeholder", sources=[])],
      cmdclass={"build_ext": build_native})
