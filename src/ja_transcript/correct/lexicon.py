"""Lexicons: spaCy entity-ruler patterns as JSON Lines, one alias per line.

    {"label": "ORG", "pattern": "コアウィーブ", "id": "CoreWeave"}

`id` is the canonical form, `label` the entity label (TERM for domain words that are not
named entities). An optional `written` is the name as Japanese text writes it (アメリカ for
the id United States): a correction writes it into the clean text, and keeps the id as its
canonical form; without it, a correction writes the alias the heard form matched, so the
script the speaker's words were written in is kept. An optional `reading` (kana) is how the
pattern is said, for names whose reading the dictionary does not give (宮崎駿: ミヤザキハヤオ,
where SudachiPy reads 駿 シュン): the corrector hears the pattern by it alone. Lines starting
with `#` are comments. Several files may be combined;
the built-in default lexicon comes first, so a user's file can add aliases to its ids.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from importlib.resources import files
from pathlib import Path
from typing import Iterable, Sequence

from ..chars import LINE_BREAK, to_katakana
from ..chars import fold_latin as fold  # aliases are matched with Latin letters folded
from ..errors import Errors, LexiconError

DEFAULT_LEXICON = "default_lexicon.jsonl"
_LABEL = re.compile(r"^[A-Z][A-Z_]*$")
# Lines end only at LF, CRLF or CR: str.splitlines() would also cut a pattern at U+2028 and
# the like, which JSON strings may hold raw, and make later line numbers wrong.
_LINE_END = LINE_BREAK
_KANA = re.compile("[ぁ-ゖァ-ヺー]+")  # a reading: kana and the long-vowel mark only

@dataclass(frozen=True)
class Entry:
    pattern: str
    id: str
    label: str
    source: str = ""  # "path:line", for messages
    written: str = ""  # the form Japanese text writes; "" when the lexicon gives none
    reading: str = ""  # how the pattern is said, in katakana; "" when the lexicon gives none


@dataclass
class Lexicon:
    entries: list[Entry] = field(default_factory=list)

    def __post_init__(self):
        # An id's written form may be given on any of its lines; a later file's wins.
        written = {e.id: e.written for e in self.entries if e.written}
        self.entries = [e if e.written == written.get(e.id, "") else replace(e, written=written.get(e.id, ""))
                        for e in self.entries]
        self.by_alias: dict[str, Entry] = {}
        for entry in self.entries:  # a later file overrides an alias of an earlier one
            self.by_alias[fold(entry.pattern)] = entry
        by_alias = self.by_alias
        for entry in self.entries:  # the canonical and written forms name the entry: a corrected span is a mention
            for name in (entry.id, entry.written):
                if name and (key := fold(name)) not in by_alias:  # a copy only where one is filed
                    by_alias[key] = replace(entry, pattern=name, reading="")

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def ids(self) -> set[str]:
        return {e.id for e in self.entries}

    def label_of(self, canonical: str) -> str | None:
        for entry in self.entries:
            if entry.id == canonical:
                return entry.label
        return None


def parse_lines(lines: Iterable[str], path: str = "<lexicon>") -> tuple[list[Entry], list[LexiconError]]:
    """Parse lexicon lines; bad lines are returned as errors naming the line.

    >>> entries, errors = parse_lines(['{"label": "ORG", "pattern": "コアウィーブ", "id": "CoreWeave"}', '# note', '{"id": 3}'])
    >>> entries[0].id, len(errors)
    ('CoreWeave', 1)
    """
    entries: list[Entry] = []
    errors: list[LexiconError] = []
    seen: dict[str, tuple[str, int]] = {}
    written_at: dict[str, tuple[str, int]] = {}  # id -> (written, line) in this file
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(LexiconError(Errors.L002.format(path=path, line=number, reason=exc.msg)))
            continue
        if not isinstance(obj, dict):
            errors.append(LexiconError(Errors.L002.format(path=path, line=number, reason="not an object")))
            continue
        error = _check(obj, path, number)
        if error:
            errors.append(error)
            continue
        key = fold(obj["pattern"])
        if key in seen and seen[key][0] != obj["id"]:
            other, other_line = seen[key]
            errors.append(LexiconError(Errors.L006.format(path=path, line=number, pattern=obj["pattern"],
                                                          other=other, other_line=other_line)))
            continue
        written = obj.get("written", "")
        if written:
            other, other_line = written_at.setdefault(obj["id"], (written, number))
            if other != written:
                errors.append(LexiconError(Errors.L008.format(path=path, line=number, id=obj["id"], written=written,
                                                              other=other, other_line=other_line)))
                continue
        seen.setdefault(key, (obj["id"], number))
        entries.append(Entry(obj["pattern"], obj["id"], obj["label"], f"{path}:{number}", written,
                             to_katakana(obj.get("reading", ""))))
    return entries, errors


def _check(obj: dict, path: str, number: int) -> LexiconError | None:
    for key in ("label", "pattern", "id"):
        if key not in obj:
            return LexiconError(Errors.L003.format(path=path, line=number, key=key))
        value = obj[key]
        if not isinstance(value, str) or not value.strip():
            return LexiconError(Errors.L004.format(path=path, line=number, key=key, value=value))
    if not _LABEL.match(obj["label"]):
        return LexiconError(Errors.L005.format(path=path, line=number, value=obj["label"]))
    if "written" in obj:
        value = obj["written"]
        if not isinstance(value, str) or not value.strip() or value != value.strip() or _LINE_END.search(value):
            return LexiconError(Errors.L007.format(path=path, line=number, value=value))
    if "reading" in obj:
        value = obj["reading"]
        if not isinstance(value, str) or not _KANA.fullmatch(value):
            return LexiconError(Errors.L009.format(path=path, line=number, value=value))
    return None


def read_lexicon_file(path: str | Path) -> tuple[list[Entry], list[LexiconError]]:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(Errors.L001.format(path=path, reason=exc)) from exc
    return read_lexicon_text(text, str(path))


def read_lexicon_text(text: str, name: str = "<lexicon>") -> tuple[list[Entry], list[LexiconError]]:
    """A lexicon file's contents (for lexicons that travel as text, e.g. to cluster workers)."""
    return parse_lines(_LINE_END.split(text.removeprefix("\ufeff")), name)


def default_lexicon_lines() -> list[str]:
    return _LINE_END.split((files("ja_transcript") / "data" / DEFAULT_LEXICON).read_text(encoding="utf-8"))


def load_lexicon(paths: Sequence[str | Path] = (), use_default: bool = True, strict: bool = True,
                 texts: Sequence[tuple[str, str]] = ()) -> Lexicon:
    """The default lexicon (unless switched off) plus the given files, then the given
    (name, contents) of files read elsewhere, in that order.

    With `strict`, bad lines raise one LexiconError listing every one of them, by file and
    line; otherwise they are skipped (`read_lexicon_file` lists them).
    """
    entries: list[Entry] = []
    if use_default:
        default, errors = parse_lines(default_lexicon_lines(), DEFAULT_LEXICON)
        if errors:
            raise errors[0]
        entries.extend(default)
    bad: list[LexiconError] = []
    for found, errors in [*map(read_lexicon_file, paths), *(read_lexicon_text(t, n) for n, t in texts)]:
        bad.extend(errors)
        entries.extend(found)
    if bad and strict:
        raise LexiconError("\n".join(str(e) for e in bad))
    return Lexicon(entries)
