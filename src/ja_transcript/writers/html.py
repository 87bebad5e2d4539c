"""A self-contained HTML page for reviewing one processed transcript.

One file with inline CSS and a small inline script, and no external resources, so it opens
anywhere and can be attached or archived as is; its Content-Security-Policy allows only that
style and that script (by hash), so nothing in a transcript can load or run anything. The
page shows what the pipeline did to the transcript:

- every input line with its number and kind, headings styled, removed lines struck
  through with their reason and a link to the line they repeat, corrections inline as
  original → replacement (method and confidence on hover), and a checkbox that shows only
  the changed lines (corrected or removed; CSS alone, the link ``#changed-only`` ticks it);
- the sentences with claims coloured by evidentiality (the legend says which colour is
  which), entities underlined and amounts boxed, each with its details on hover and the
  claims of a sentence listed under it;
- tables of the claims, corrections, amounts and entities, and the stats.

The markup is the jinja2 template ``templates/review.html.j2`` (autoescaped: all text is
escaped); this module only shapes the document for it. The same document always gives the
same page.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any, Iterable, Mapping, NamedTuple, Sequence

import jinja2
from markupsafe import Markup

from ..model import Amount, Claim, Correction, Document, Entity, Line, Sentence


def _number(value: float | str | None) -> str:
    """A figure for people: integers without ".0", thousands separated; text (a date) as it is.

    >>> _number(11000000000.0), _number(0.8), _number(None), _number("--05-01")
    ('11,000,000,000', '0.8', '', '--05-01')
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if float(value).is_integer() and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) >= 1e6 else f"{value:g}"


def _seconds(value: float | None) -> str:
    """Seconds as m:ss.s (h:mm:ss.s past an hour).

    >>> _seconds(2.5), _seconds(3725.25), _seconds(None)
    ('0:02.5', '1:02:05.2', '')
    """
    if value is None:
        return ""
    minutes, secs = divmod(float(value), 60)
    hours, minutes = divmod(int(minutes), 60)
    return f"{hours}:{minutes:02d}:{secs:04.1f}" if hours else f"{minutes}:{secs:04.1f}"


def _ranges(numbers: Sequence[int]) -> list[tuple[int, int]]:
    """Consecutive runs: [3, 4, 5, 8] -> [(3, 5), (8, 8)].

    >>> _ranges([3, 4, 5, 8])
    [(3, 5), (8, 8)]
    """
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


# --- lines -----------------------------------------------------------------------------


class LineRow(NamedTuple):
    line: Line
    corrected: bool
    segments: list[tuple[str, Correction | None, str]]  # (text as read, its correction, the hover text)


def _correction_title(c: Correction) -> str:
    target = f" · {c.canonical} ({c.label})" if c.canonical else ""
    return f"{c.method} · confidence {c.confidence:.2f}{target}"


def _line_segments(line: Line, corrections: Iterable[Correction]) -> list[tuple[str, Correction | None, str]]:
    """The line as read, cut where its corrections are, to show each in place as original → replacement."""
    segments: list[tuple[str, Correction | None, str]] = []
    pos = 0
    for c in sorted(corrections, key=lambda c: (c.start, c.end)):
        if c.start < pos or c.end > len(line.text):  # overlapping or out of range: show the text as is
            continue
        segments += [(line.text[pos:c.start], None, ""), (c.original, c, _correction_title(c))]
        pos = c.end
    segments.append((line.text[pos:], None, ""))
    return segments


def _line_rows(doc: Document) -> list[LineRow]:
    by_line: dict[int, list[Correction]] = defaultdict(list)
    for c in doc.corrections:
        by_line[c.line].append(c)
    rows = []
    for line in doc.lines:
        rows.append(LineRow(line, line.n in by_line, _line_segments(line, by_line.get(line.n, ()))))
    return rows


# --- sentences and claims --------------------------------------------------------------


class ClaimRow(NamedTuple):
    claim: Claim
    amounts: list[tuple[int, str]]  # (index into the document's amounts, its text)


class SentenceRow(NamedTuple):
    sentence: Sentence
    pieces: list[tuple[str, list[tuple[str, str]]]]  # (text, the (class, title) of each span around it)
    runs: list[tuple[int, int]]  # its line numbers as consecutive runs
    claims: list[ClaimRow]
    unplaced: list[Claim]  # claims whose text is not in the sentence
    tally: list[tuple[str, int]]  # claims per evidentiality, those not asserted


def _amount_value(a: Amount) -> str:
    if isinstance(a.value, str):
        figure = a.value
    elif a.value is not None:
        figure = _number(a.value)
    elif a.low is not None or a.high is not None:
        figure = f"{_number(a.low)}–{_number(a.high)}"
    else:
        figure = "?"
    if a.value is not None and (a.low is not None or a.high is not None):
        figure += f" ({_number(a.low)}–{_number(a.high)})"
    unit = f" {a.unit}" if a.unit else ""
    return f"{figure}{unit}{' (approximate)' if a.approximate else ''}"


def _place_claims(text: str, claims: Sequence[ClaimRow]) -> tuple[list[tuple[int, int, ClaimRow]], list[Claim]]:
    """Where each claim's text is in its sentence: searched left to right; the unfound are returned apart."""
    placed, unplaced, pos = [], [], 0
    for row in claims:
        claim = row.claim
        at = text.find(claim.text, pos) if claim.text else -1
        if at < 0 and claim.text:
            at = text.find(claim.text)
        if at < 0:
            unplaced.append(claim)
            continue
        placed.append((at, at + len(claim.text), row))
        pos = at + len(claim.text)
    return placed, unplaced


def _claim_title(row: ClaimRow) -> str:
    claim = row.claim
    parts = [f"claim {claim.id}: {claim.evidentiality}"]
    if claim.markers:
        parts.append("markers: " + ", ".join(claim.markers))
    if claim.subject:
        parts.append(f"subject: {claim.subject}")
    if claim.entities:
        parts.append("entities: " + ", ".join(claim.entities))
    if row.amounts:
        parts.append("amounts: " + ", ".join(text for _, text in row.amounts))
    return " · ".join(parts)


def _highlight(text: str, spans: list[tuple[int, int, int, str, str]]) -> list[tuple[str, list[tuple[str, str]]]]:
    """Text in pieces, each with the spans around it. `spans`: (start, end, layer, class, title).

    The text is cut wherever a span starts or ends and every piece opens and closes its own
    elements, lower layers outside, so overlapping spans never make broken markup. A claim's
    first piece gets the class "cstart" (the bar that shows where it begins).

    >>> _highlight("a<b", [(1, 2, 0, "x", "t")])
    [('a', []), ('<', [('x', 't')]), ('b', [])]
    """
    spans = [s for s in spans if 0 <= s[0] < s[1] <= len(text)]
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        active = sorted((s for s in spans if s[0] <= a and b <= s[1]), key=lambda s: (s[2], s[0], -s[1]))
        pieces.append((text[a:b], [(cls + (" cstart" if cls.startswith("claim") and start == a else ""), title)
                                   for start, _, _, cls, title in active]))
    return pieces


def _sentence_row(s: Sentence, entities: Sequence[Entity], indexed_amounts: Sequence[tuple[int, Amount]],
                  claims: Sequence[ClaimRow]) -> SentenceRow:
    placed, unplaced = _place_claims(s.text, claims)
    spans: list[tuple[int, int, int, str, str]] = []
    for start, end, row in placed:
        kind = row.claim.evidentiality
        spans.append((start, end, 0, f"claim ev-{kind}", _claim_title(row)))
        for marker in row.claim.markers:  # the marker as said in this claim, if it is in its own words
            at = s.text.rfind(marker, start, end) if marker else -1
            if at >= 0:
                spans.append((at, at + len(marker), 3, "marker", f"{kind} marker"))
    for e in entities:
        spans.append((e.start, e.end, 1, "ent", f"{e.label} · {e.canonical} ({e.source})"))
    for i, a in indexed_amounts:
        spans.append((a.start, a.end, 2, "amt", f"amount {i}: {a.kind} · {_amount_value(a)}"))
    counts = Counter(row.claim.evidentiality for row in claims)
    tally = [(kind, counts[kind]) for kind in ("reported", "speculative") if counts[kind]]
    return SentenceRow(s, _highlight(s.text, spans), _ranges(s.lines), list(claims), unplaced, tally)


def _claim_rows(doc: Document) -> list[ClaimRow]:
    return [ClaimRow(c, [(i, doc.amounts[i].text) for i in c.amounts if 0 <= i < len(doc.amounts)])
            for c in doc.claims]


def _sentence_rows(doc: Document, claims: Sequence[ClaimRow]) -> list[SentenceRow]:
    entities: dict[int, list[Entity]] = defaultdict(list)
    amounts: dict[int, list[tuple[int, Amount]]] = defaultdict(list)
    by_sentence: dict[int, list[ClaimRow]] = defaultdict(list)
    for e in doc.entities:
        entities[e.sentence].append(e)
    for i, a in enumerate(doc.amounts):
        amounts[a.sentence].append((i, a))
    for row in claims:
        by_sentence[row.claim.sentence].append(row)
    return [_sentence_row(s, entities[s.id], amounts[s.id], by_sentence[s.id]) for s in doc.sentences]


# --- tables ----------------------------------------------------------------------------


class AmountRow(NamedTuple):
    index: int
    amount: Amount
    value: str
    span: str  # low–high


class EntityRow(NamedTuple):
    canonical: str
    label: str
    mentions: int
    surfaces: list[str]
    sentences: list[int]


def _amount_rows(doc: Document) -> list[AmountRow]:
    return [AmountRow(i, a, a.value if isinstance(a.value, str) else _number(a.value),
                      f"{_number(a.low)}–{_number(a.high)}" if a.low is not None or a.high is not None else "")
            for i, a in enumerate(doc.amounts)]


def _entity_rows(doc: Document) -> list[EntityRow]:
    """One row per canonical id and label, the most mentioned first."""
    groups: dict[tuple[str, str], list[Entity]] = defaultdict(list)
    for e in doc.entities:
        groups[(e.canonical, e.label)].append(e)
    return [EntityRow(canonical, label, len(found), sorted({e.text for e in found}),
                      sorted({e.sentence for e in found}))
            for (canonical, label), found in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))]


# --- the page --------------------------------------------------------------------------


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@lru_cache(maxsize=1)
def _environment() -> tuple[jinja2.Template, dict[str, Any]]:
    """The page template, and the style and script it inlines with the policy that allows just them."""
    env = jinja2.Environment(loader=jinja2.PackageLoader("ja_transcript.writers", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    env.filters["seconds"] = _seconds
    # read as files, not rendered: CSS and JavaScript braces are not template syntax
    css, script = (env.loader.get_source(env, name)[0] for name in ("review.css", "review.js"))
    csp = (f"default-src 'none'; style-src {_sha256(css)}; script-src {_sha256(script)}; "
           "base-uri 'none'; form-action 'none'")
    return env.get_template("review.html.j2"), {"css": Markup(css), "script": Markup(script), "csp": csp}


def to_html(doc: Document | Mapping[str, Any]) -> str:
    """The review page of one document (a `Document`, or its JSON as a dict)."""
    if not isinstance(doc, Document):
        doc = Document.model_validate(doc)
    template, assets = _environment()
    lines = _line_rows(doc)
    claims = _claim_rows(doc)
    return template.render(
        **assets, doc=doc, heading=doc.title or doc.source.path, lines=lines,
        timed=any(line.start is not None or line.end is not None for line in doc.lines),
        changed=sum(1 for row in lines if row.corrected or row.line.removed),
        sentences=_sentence_rows(doc, claims), claims=claims, amounts=_amount_rows(doc), entities=_entity_rows(doc))
