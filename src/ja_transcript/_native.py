"""Compiled twins of the corrector's hot modules, used in place of the pure Python when built.

The modules named in `COMPILED` are the source of truth and always pure Python. Where mypyc and
a C compiler are found, the build (setup.py) compiles a copy of each under a twin name
(correct/phonetic.py -> correct/_phonetic_c, its imports of the other compiled modules pointed
at their twins, so that calls between them stay native) and installs only the extension. Each
pure module ends by calling `adopt(globals())`, as `heapq` ends by importing `_heapq`: its
names are then bound to the twin's, so every importer gets the compiled code without knowing.

The pure module keeps its own name and file, so tests, doctests and tracebacks point at the
source; the pure definitions replaced are kept in `__test__` so their doctests still run.

The pure code is used when:
- the environment sets JA_TRANSCRIPT_PURE_PYTHON=1 (read when the module is imported);
- no twin was built (no compiler, no mypyc) or it fails to import;
- the twin was compiled from another version of the source (an editable checkout edited
  since its build): the twin records the SHA-256 of the source it was made from.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from types import ModuleType
from typing import Any

# Source files (under src/ja_transcript/) that the build compiles; setup.py reads this list.
COMPILED = ("correct/phonetic.py", "correct/index.py", "correct/corrector.py")
PURE_ENV = "JA_TRANSCRIPT_PURE_PYTHON"
SOURCE_HASH = "_NATIVE_SOURCE_SHA256"  # the twin's record of the source it was compiled from


def twin_name(module: str) -> str:
    """ja_transcript.correct.phonetic -> ja_transcript.correct._phonetic_c

    >>> twin_name("ja_transcript.correct.index")
    'ja_transcript.correct._index_c'
    """
    package, _, name = module.rpartition(".")
    return f"{package}._{name}_c"


def pure_forced() -> bool:
    return os.environ.get(PURE_ENV, "").strip() not in ("", "0")


def _source_hash(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def twin(module: str, source: str) -> ModuleType | None:
    """The compiled twin of `module`, or None when the pure code is to be used (see above)."""
    if pure_forced():
        return None
    try:
        compiled = importlib.import_module(twin_name(module))
    except ImportError:
        return None
    except Exception:  # noqa: BLE001 - a twin of older sources can fail as it loads (a type it
        return None    # was compiled against has changed): it would be refused below anyway
    try:
        if getattr(compiled, SOURCE_HASH, None) != _source_hash(source):
            return None
    except OSError:  # the source is missing (a zipped install): trust the build
        pass
    return compiled


def adopt(namespace: dict[str, Any]) -> bool:
    """Bind the names of a pure module (its `globals()`) to its compiled twin's, if one is to
    be used; True if so. The pure functions and classes replaced go to `__test__`."""
    compiled = twin(namespace["__name__"], namespace["__file__"])
    if compiled is None:
        return False
    tests = namespace.setdefault("__test__", {})
    for name, value in vars(compiled).items():
        if name.startswith("__") or name == SOURCE_HASH:
            continue
        old = namespace.get(name)
        if old is not None and old is not value and getattr(old, "__module__", None) == namespace["__name__"] \
                and getattr(old, "__doc__", None):
            tests[name] = old
        namespace[name] = value
    namespace["__native__"] = compiled
    return True


def compiled_modules() -> dict[str, bool]:
    """Which of the compiled modules run their compiled twin in this process (importing them)."""
    out = {}
    for path in COMPILED:
        name = "ja_transcript." + path[:-3].replace("/", ".")
        out[name] = importlib.import_module(name).__dict__.get("__native__") is not None
    return out
