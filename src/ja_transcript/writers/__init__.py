"""Output writers: JSON documents, JSON Lines, tables, cleaned text and HTML review pages."""

from .document import removed_records, to_json, to_json_line, write_atomic
from .html import to_html
from .text import cleaned_text, corpus_lines

# The table writers need pandas: imported on first use, so that `import ja_transcript.writers`
# (and the command line) stays quick.
_TABLES = ("read_tables", "to_frames", "write_tables", "TableBuilder", "MissingDependencyError")


def __getattr__(name: str):
    if name in _TABLES:
        from . import tables

        return getattr(tables, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["removed_records", "to_json", "to_json_line", "write_atomic", "to_html", "cleaned_text",
           "corpus_lines", *_TABLES]
