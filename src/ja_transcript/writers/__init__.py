"""Output writers: JSON documents, JSON Lines, tables and cleaned text."""

from .document import removed_records, to_json, to_json_line, write_atomic

__all__ = ["removed_records", "to_json", "to_json_line", "write_atomic"]
