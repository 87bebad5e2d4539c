"""Every user-facing message in one catalogue.

Each message says what is wrong, names the input it concerns, and says what to do.
"""

from __future__ import annotations


class Errors:
    # lexicon files
    L001 = "Cannot read lexicon {path}: {reason}. Check the path, or pass --no-default-lexicon and another --lexicon."
    L002 = ("{path}, line {line}: not a JSON object ({reason}). Each line must be like "
            '{{"label": "ORG", "pattern": "コアウィーブ", "id": "CoreWeave"}}.')
    L003 = '{path}, line {line}: missing "{key}". Each line needs "label", "pattern" and "id".'
    L004 = ('{path}, line {line}: "{key}" must be a non-empty string (got {value!r}). Token-list patterns are not '
            "supported: write the alias as a plain string.")
    L005 = '{path}, line {line}: label "{value}" is not an upper-case name like ORG, PRODUCT, PERSON, GPE or TERM.'
    L006 = ("{path}, line {line}: alias {pattern!r} is already an alias of {other!r} (line {other_line}); "
            "an alias can belong to one id only. Remove one of the two lines.")
    # pipeline and command line
    P001 = "{path}: {reason}"
    P002 = "{path}: unexpected error while processing ({reason}). Please report it with the input file."
    C001 = "No supported transcript found in {path}. Supported: {suffixes}."
    C002 = "{path}: no such file or directory."
    C003 = "--out is required unless the only input is '-' (stdin)."


class TranscriptError(Exception):
    """An input that cannot be read; the message names it and says what to do."""


class LexiconError(ValueError):
    """A lexicon file or entry that cannot be used; the message names the file and line."""
