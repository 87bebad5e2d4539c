"""The invariants every output document keeps (DESIGN.md, "Invariants"), as a checker.

`check_document` takes a schema-1 document as a dict (what `ja_transcript.process_text`
returns) and lists, in words, every way it breaks them; an empty list means none.

    >>> import ja_transcript
    >>> doc = ja_transcript.process_text("暗号試算が給投した。\\n暗号試算が給投した。\\n")
    >>> check_document(doc, ["暗号試算が給投した。", "暗号試算が給投した。"])
    []
    >>> doc["corrections"][0]["start"] += 1
    >>> check_document(doc)[0]
    "correction 0 (line 1): text[1:4] is '号試算', not the original '暗号試算'"

Each violation starts with the part it concerns (lines, correction 3, sentence 2 ...), so
they can be counted by kind (`violation_kind`).
"""

from __future__ import annotations

import re
from collections import defaultdict


def check_document(doc: dict, raw_text_lines: list[str] | None = None) -> list[str]:
    """The invariants `doc` breaks, in words (empty: none).

    `raw_text_lines`, when given, are the lines (or cue / segment texts) the input held, as
    its reader must give them: the document's lines must be exactly these.
    """
    out: list[str] = []
    lines = doc.get("lines", [])
    by_n = {line["n"]: line for line in lines}
    # nothing is lost
    if [line["n"] for line in lines] != list(range(1, len(lines) + 1)):
        out.append("lines: n is not 1..N in order")
    if raw_text_lines is not None and [line["text"] for line in lines] != list(raw_text_lines):
        out.append(f"lines: {_first_difference([line['text'] for line in lines], list(raw_text_lines))}")
    # every correction replays, its offsets slice back
    edits = defaultdict(list)
    for i, c in enumerate(doc.get("corrections", [])):
        line = by_n.get(c["line"])
        if line is None:
            out.append(f"correction {i}: line {c['line']} does not exist")
            continue
        piece = line["text"][c["start"]:c["end"]]
        if not 0 <= c["start"] <= c["end"] <= len(line["text"]) or piece != c["original"]:
            out.append(f"correction {i} (line {c['line']}): text[{c['start']}:{c['end']}] is {piece!r}, "
                       f"not the original {c['original']!r}")
            continue
        edits[c["line"]].append(c)
    for line in lines:
        clean = line["text"]
        previous_start = len(clean) + 1
        for c in sorted(edits.get(line["n"], ()), key=lambda c: -c["start"]):
            if c["end"] > previous_start:
                out.append(f"line {line['n']}: corrections overlap at {c['start']}:{c['end']}")
            clean = clean[:c["start"]] + c["replacement"] + clean[c["end"]:]
            previous_start = c["start"]
        if clean != line["clean"]:
            out.append(f"line {line['n']}: corrections replayed give {clean!r}, not clean {line['clean']!r}")
    # removed lines are marked and point at a kept line
    removed = {line["n"] for line in lines if line.get("removed")}
    for line in lines:
        if line.get("removed"):
            kept = line["removed"]["duplicate_of"]
            if kept is None and line["removed"]["reason"] == "hallucination":
                continue
            if kept not in by_n or kept in removed or kept == line["n"]:
                out.append(f"line {line['n']}: removed as a duplicate of {kept}, which is not a kept line")
    # sentences: ids are positions, built from kept speech lines' clean text
    sentences = doc.get("sentences", [])
    for sid, s in enumerate(sentences):
        if s["id"] != sid:
            out.append(f"sentence {sid}: id is {s['id']}, not its position {sid}")
        bad = [n for n in s["lines"] if n not in by_n or n in removed or by_n[n]["kind"] != "speech"]
        if bad:
            out.append(f"sentence {sid}: built from lines {bad}, which are not kept speech lines")
        elif not s["text"] or not _built_from(s["text"], [by_n[n]["clean"] for n in s["lines"]]):
            out.append(f"sentence {sid}: text {s['text'][:40]!r} is not made of its lines' clean text")
    texts = [s["text"] for s in sentences]
    # every offset slices back
    for part in ("entities", "amounts"):
        for i, item in enumerate(doc.get(part, [])):
            sid = item["sentence"]
            if not 0 <= sid < len(texts):
                out.append(f"{part[:-1]} {i}: sentence {sid} does not exist")
            elif not (0 <= item["start"] <= item["end"] <= len(texts[sid])
                      and texts[sid][item["start"]:item["end"]] == item["text"]):
                out.append(f"{part[:-1]} {i}: sentence {sid}[{item['start']}:{item['end']}] is "
                           f"{texts[sid][item['start']:item['end']]!r}, not {item['text']!r}")
    amounts = doc.get("amounts", [])
    for i, claim in enumerate(doc.get("claims", [])):
        sid = claim["sentence"]
        if claim["id"] != i:
            out.append(f"claim {i}: id is {claim['id']}, not its position {i}")
        if not 0 <= sid < len(texts) or not claim["text"] or claim["text"] not in texts[sid]:
            out.append(f"claim {i}: text {claim['text'][:40]!r} is not in sentence {sid}")
        for k in claim["amounts"]:
            if not 0 <= k < len(amounts) or amounts[k]["sentence"] != sid:
                out.append(f"claim {i}: amount {k} is not an amount of sentence {sid}")
    if doc.get("cleaned_text") != "\n".join(texts):
        out.append("cleaned_text: not the sentences' text, one a line")
    out.extend(_schema_violations(doc))
    return out


def violation_kind(violation: str) -> str:
    """What a violation concerns, its quoted text and numbers left out: for counting them.

    >>> violation_kind("correction 3 (line 7): text[1:5] is 'ab', not the original 'cd'")
    'correction (line ): text[:] is , not the original'
    """
    return _SPACES.sub(" ", _DETAIL.sub("", violation)).strip()


_DETAIL = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|\d+")
_SPACES = re.compile(r" +")


def _first_difference(got: list[str], expected: list[str]) -> str:
    if len(got) != len(expected):
        return f"{len(got)} lines, the input has {len(expected)}"
    i = next(i for i, (a, b) in enumerate(zip(got, expected)) if a != b)
    return f"line {i + 1} is {got[i][:60]!r}, the input has {expected[i][:60]!r}"


def _built_from(text: str, cleans: list[str]) -> bool:
    """Whether `text` is a slice of its first line's clean text, the next lines' clean text
    (whitespace at their edges left out), and a slice of its last line's, joined.

    >>> _built_from("そうです。今日は", ["はい、そうです。 ", " 今日は晴れ"])
    True
    """
    if len(cleans) == 1:
        return text in cleans[0]
    head, last = cleans[0].rstrip(), cleans[-1].lstrip()
    middle = "".join(clean.strip() for clean in cleans[1:-1])
    for cut in range(1, min(len(head), len(text)) + 1):
        tail = text[cut + len(middle):]
        if (head.endswith(text[:cut]) and text.startswith(middle, cut) and tail
                and last.startswith(tail)):
            return True
    return False


_validator = None


def _schema_violations(doc: dict) -> list[str]:
    """The JSON Schema's complaints (none when jsonschema, a test dependency, is not installed)."""
    global _validator
    if _validator is None:
        try:
            import jsonschema
        except ImportError:
            return []
        from .model import json_schema

        schema = json_schema()
        _validator = jsonschema.validators.validator_for(schema)(schema)
    return [f"schema: {'/'.join(map(str, e.absolute_path)) or 'document'}: {e.message[:120]}"
            for e in _validator.iter_errors(doc)]
