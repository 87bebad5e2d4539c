"""Duplicated spoken lines and in-line runaway loops.

>>> from ja_transcript.dedup import DedupConfig, find_duplicate_lines, find_loops
"""

from .config import DedupConfig
from .lines import find_duplicate_lines
from .loops import find_loops
from .normalize import spoken_key, lemma_key

__all__ = ["DedupConfig", "find_duplicate_lines", "find_loops", "spoken_key", "lemma_key"]
