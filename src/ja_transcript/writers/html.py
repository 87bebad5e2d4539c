"""A self-contained HTML page for reviewing one processed transcript.

One file, inline CSS, no scripts and no external resources, so it opens anywhere and can
be attached or archived as is. The page shows what the pipeline did to the transcript:

- every input line with its number and kind, headings styled, removed lines struck
  through with their reason and a link to the line they repeat, corrections inline as
  original → replacement (method and confidence on hover);
- the sentences with claims coloured by evidentiality (the legend says which colour is
  which), entities underlined and amounts boxed, each with its details on hover and the
  claims of a sentence listed under it;
- tables of the corrections, amounts and entities, and the stats.

All text is escaped; the same document always gives the same page.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape
from typing import Any, Iterable, Mapping, Sequence

from ..model import Amount, Claim, Correction, Document, Entity, Line, Sentence

EVIDENTIALITY_COLOURS = {  # background of a claim; its left edge is drawn darker
    "asserted": ("#eef1f4", "#8c959f"),
    "reported": ("#e3edfd", "#4170d8"),
    "speculative": ("#fff1d6", "#e08a00"),
}
EVIDENTIALITY_HELP = {
    "asserted": "said as fact",
    "reported": "hearsay: らしい, によると, って聞いた ...",
    "speculative": "guess: たぶん, と思う, かもしれない ...",
}

_CSS = """
body { font-family: "Hiragino Sans", "Noto Sans CJK JP", "Yu Gothic", Meiryo, system-ui, sans-serif;
  margin: 0 auto; max-width: 1100px; padding: 1.5rem; color: #1f2328; line-height: 1.7; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.25rem; margin: 2rem 0 .5rem;
  border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
a { color: #0b57d0; text-decoration: none; } a:hover { text-decoration: underline; }
.meta { color: #59636e; font-size: .85rem; margin: 0; word-break: break-all; }
nav { font-size: .9rem; margin: .5rem 0 0; } nav a { margin-right: 1rem; }
.stats { display: flex; flex-wrap: wrap; gap: .4rem; margin: .8rem 0 0; padding: 0; }
.stats div { border: 1px solid #d0d7de; border-radius: 6px; padding: .1rem .6rem; font-size: .85rem; }
.stats b { font-size: 1rem; margin-left: .3rem; }
.legend { font-size: .85rem; color: #3d444d; margin: .3rem 0 .6rem; }
.legend > span { margin-right: 1.2rem; white-space: nowrap; }
table { border-collapse: collapse; width: 100%; }
td, th { vertical-align: baseline; padding: .15rem .5rem; text-align: left; }
th { font-size: .8rem; color: #59636e; font-weight: 600; border-bottom: 1px solid #d0d7de; }
table.lines tr:nth-child(even) { background: #f6f8fa; }
td.n { text-align: right; color: #59636e; font-variant-numeric: tabular-nums; width: 3.5rem; }
td.n a { color: inherit; } td.time { color: #59636e; font-size: .8rem; white-space: nowrap; width: 7rem; }
td.kind { width: 4.5rem; } .badge { font-size: .7rem; color: #59636e; border: 1px solid #d0d7de;
  border-radius: 4px; padding: 0 .3rem; white-space: nowrap; }
tr.heading td.text { font-weight: 700; font-size: 1.1rem; color: #0a3069; }
tr.title td.text { font-weight: 700; font-size: 1.3rem; }
tr.heading, tr.title { background: #ddf4ff !important; }
tr.heading .badge, tr.title .badge { color: #0a3069; border-color: #54aeff; background: #fff; }
tr.removed { background: #fff0ee !important; } tr.removed td.text { color: #8c959f; }
tr.removed s { text-decoration-color: #cf222e; }
.why { color: #cf222e; font-size: .8rem; margin-left: .6rem; white-space: nowrap; }
.corr { background: #fff8c5; border-radius: 3px; padding: 0 .15rem; }
.corr del { color: #cf222e; } .corr ins { color: #116329; text-decoration: none; font-weight: 600; }
.arrow { color: #59636e; margin: 0 .1rem; }
ol.sentences { list-style: none; padding: 0; margin: 0; }
ol.sentences > li { padding: .4rem 0; border-bottom: 1px solid #eaeef2; }
.sid { color: #59636e; font-size: .8rem; margin-right: .5rem; font-variant-numeric: tabular-nums; }
.from { color: #59636e; font-size: .75rem; margin-left: .5rem; }
.claim { padding: .1rem 0; } .cstart { border-left: 3px solid; padding-left: .15rem; margin-left: .1rem; }
.ent { border-bottom: 2px solid #8250df; } .amt { outline: 1.5px solid #cf222e; border-radius: 3px; }
.marker { font-weight: 700; text-decoration: underline dotted; }
.swatch { display: inline-block; width: .9rem; height: .9rem; vertical-align: -.1rem; margin-right: .25rem;
  border-left: 3px solid; }
details { font-size: .8rem; color: #3d444d; margin: .1rem 0 0 2rem; } summary { cursor: pointer; color: #59636e; }
details table td { padding: .05rem .4rem; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.muted { color: #8c959f; } .nowrap { white-space: nowrap; }
""" + "".join(f".ev-{k} {{ background: {bg}; border-color: {edge}; }}\n"
              for k, (bg, edge) in EVIDENTIALITY_COLOURS.items())


def _e(text: Any) -> str:
    return escape("" if text is None else str(text), quote=True)


def _number(value: float | None) -> str:
    """A figure for people: integers without ".0", thousands separated.

    >>> _number(11000000000.0), _number(0.8), _number(None)
    ('11,000,000,000', '0.8', '')
    """
    if value is None:
        return ""
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


def _line_links(numbers: Sequence[int]) -> str:
    parts = []
    for lo, hi in _ranges(numbers):
        link = f'<a href="#L{lo}">{lo}</a>'
        parts.append(link if lo == hi else f'{link}–<a href="#L{hi}">{hi}</a>')
    return ", ".join(parts)


# --- lines -----------------------------------------------------------------------------


def _correction_title(c: Correction) -> str:
    target = f" · {c.canonical} ({c.label})" if c.canonical else ""
    return f"{c.method} · confidence {c.confidence:.2f}{target}"


def _line_text(line: Line, corrections: Iterable[Correction]) -> str:
    """The line as read, each correction shown in place as original → replacement."""
    parts, pos = [], 0
    for c in sorted(corrections, key=lambda c: (c.start, c.end)):
        if c.start < pos or c.end > len(line.text):  # overlapping or out of range: show the text as is
            continue
        parts.append(_e(line.text[pos:c.start]))
        parts.append(f'<span class="corr" title="{_e(_correction_title(c))}"><del>{_e(c.original)}</del>'
                     f'<span class="arrow">→</span><ins>{_e(c.replacement)}</ins></span>')
        pos = c.end
    parts.append(_e(line.text[pos:]))
    return "".join(parts)


_REMOVAL_NOTES = {"repeat": "repeat of {link}", "near_repeat": "near repeat of {link}",
                  "restart": "abandoned, said again in {link}"}


def _removal_note(reason: str, kept: int) -> str:
    """Why a line is removed, linking the line that is kept.

    >>> _removal_note("restart", 12)
    'abandoned, said again in <a href="#L12">line 12</a>'
    """
    note = _REMOVAL_NOTES.get(reason, _e(reason) + ", kept: {link}")
    return note.format(link=f'<a href="#L{kept}">line {kept}</a>')


def _lines_section(doc: Document) -> str:
    by_line: dict[int, list[Correction]] = defaultdict(list)
    for c in doc.corrections:
        by_line[c.line].append(c)
    timed = any(line.start is not None or line.end is not None for line in doc.lines)
    rows = []
    for line in doc.lines:
        text = _line_text(line, by_line.get(line.n, ()))
        classes = [line.kind]
        if line.removed:
            classes.append("removed")
            note = _removal_note(line.removed.reason, line.removed.duplicate_of)
            text = f'<s>{text}</s><span class="why">{note}</span>'
        time = (f'<td class="time">{_seconds(line.start)}–{_seconds(line.end)}</td>' if timed else "")
        rows.append(f'<tr id="L{line.n}" class="{" ".join(classes)}"><td class="n"><a href="#L{line.n}">{line.n}'
                    f'</a></td><td class="kind"><span class="badge">{_e(line.kind)}</span></td>{time}'
                    f'<td class="text">{text}</td></tr>')
    head = "<th>#</th><th>kind</th>" + ("<th>time</th>" if timed else "") + "<th>text</th>"
    legend = ('<p class="legend"><span><span class="corr"><del>original</del><span class="arrow">→</span>'
              '<ins>replacement</ins></span> correction (hover: method, confidence)</span>'
              '<span class="muted"><s>struck through</s></span> removed line, with the line it repeats</p>')
    return (f'<section id="lines"><h2>Lines</h2>{legend}<table class="lines"><thead><tr>{head}</tr></thead>'
            f'<tbody>\n' + "\n".join(rows) + "\n</tbody></table></section>")


# --- sentences -------------------------------------------------------------------------


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


def _place_claims(text: str, claims: Sequence[Claim]) -> tuple[list[tuple[int, int, Claim]], list[Claim]]:
    """Where each claim's text is in its sentence: searched left to right; the unfound are returned apart."""
    placed, unplaced, pos = [], [], 0
    for claim in claims:
        at = text.find(claim.text, pos) if claim.text else -1
        if at < 0 and claim.text:
            at = text.find(claim.text)
        if at < 0:
            unplaced.append(claim)
            continue
        placed.append((at, at + len(claim.text), claim))
        pos = at + len(claim.text)
    return placed, unplaced


def _claim_title(claim: Claim, amounts: Sequence[Amount]) -> str:
    parts = [f"claim {claim.id}: {claim.evidentiality}"]
    if claim.markers:
        parts.append("markers: " + ", ".join(claim.markers))
    if claim.subject:
        parts.append(f"subject: {claim.subject}")
    if claim.entities:
        parts.append("entities: " + ", ".join(claim.entities))
    if claim.amounts:
        parts.append("amounts: " + ", ".join(amounts[i].text for i in claim.amounts if 0 <= i < len(amounts)))
    return " · ".join(parts)


def _highlight(text: str, spans: list[tuple[int, int, int, str, str]]) -> str:
    """Text with nested highlights. `spans`: (start, end, layer, class, title); lower layers enclose higher.

    The text is cut wherever a span starts or ends and every piece opens and closes its own
    elements, so overlapping spans never make broken markup.

    >>> _highlight("a<b", [(1, 2, 0, "x", "t")])
    'a<span class="x" title="t">&lt;</span>b'
    """
    spans = [s for s in spans if 0 <= s[0] < s[1] <= len(text)]
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        active = sorted((s for s in spans if s[0] <= a and b <= s[1]), key=lambda s: (s[2], s[0], -s[1]))
        opening = ""
        for start, _, _, cls, title in active:
            first = " cstart" if cls.startswith("claim") and start == a else ""
            opening += f'<span class="{cls}{first}" title="{_e(title)}">'
        out.append(opening + _e(text[a:b]) + "</span>" * len(active))
    return "".join(out)


def _claims_table(claims: Sequence[Claim], amounts: Sequence[Amount]) -> str:
    rows = []
    for c in claims:
        amount_texts = ", ".join(amounts[i].text for i in c.amounts if 0 <= i < len(amounts))
        rows.append(f'<tr><td class="num">{c.id}</td><td class="nowrap">'
                    f'<span class="swatch ev-{_e(c.evidentiality)}"></span>{_e(c.evidentiality)}</td>'
                    f'<td>{_e(", ".join(c.markers))}</td><td>{_e(c.subject or "")}</td>'
                    f'<td>{_e(", ".join(c.entities))}</td><td>{_e(amount_texts)}</td><td>{_e(c.text)}</td></tr>')
    noun = "claim" if len(claims) == 1 else "claims"
    counts = Counter(c.evidentiality for c in claims)
    tally = "".join(f" · {counts[k]} {k}" for k in EVIDENTIALITY_COLOURS if counts[k] and k != "asserted")
    return (f"<details><summary>{len(claims)} {noun}{tally}</summary><table><thead><tr><th>#</th>"
            "<th>evidentiality</th><th>markers</th><th>subject</th><th>entities</th><th>amounts</th><th>text</th>"
            "</tr></thead><tbody>"
            + "".join(rows) + "</tbody></table></details>")


def _sentence_item(s: Sentence, entities: Sequence[Entity], indexed_amounts: Sequence[tuple[int, Amount]],
                   claims: Sequence[Claim], all_amounts: Sequence[Amount]) -> str:
    """One sentence, highlighted, with its line numbers, times and a table of its claims."""
    placed, unplaced = _place_claims(s.text, claims)
    spans: list[tuple[int, int, int, str, str]] = []
    for start, end, c in placed:
        spans.append((start, end, 0, f"claim ev-{c.evidentiality}", _claim_title(c, all_amounts)))
        for marker in c.markers:  # the marker as said in this claim, if it is in its own words
            at = s.text.rfind(marker, start, end) if marker else -1
            if at >= 0:
                spans.append((at, at + len(marker), 3, "marker", f"{c.evidentiality} marker"))
    for e in entities:
        spans.append((e.start, e.end, 1, "ent", f"{e.label} · {e.canonical} ({e.source})"))
    for i, a in indexed_amounts:
        spans.append((a.start, a.end, 2, "amt", f"amount {i}: {a.kind} · {_amount_value(a)}"))
    lines = f'<span class="from">lines {_line_links(s.lines)}</span>' if s.lines else ""
    time = f'<span class="from">{_seconds(s.start)}–{_seconds(s.end)}</span>' if s.start is not None else ""
    details = _claims_table(list(claims), all_amounts) if claims else ""
    missing = (f'<p class="legend">claims not found in the sentence text: '
               f'{_e(" / ".join(c.text for c in unplaced))}</p>' if unplaced else "")
    return (f'<li id="S{s.id}"><span class="sid">{s.id}</span>{_highlight(s.text, spans)}{lines}{time}'
            f"{missing}{details}</li>")


def _sentences_section(doc: Document) -> str:
    entities: dict[int, list[Entity]] = defaultdict(list)
    amounts: dict[int, list[tuple[int, Amount]]] = defaultdict(list)
    claims: dict[int, list[Claim]] = defaultdict(list)
    for e in doc.entities:
        entities[e.sentence].append(e)
    for i, a in enumerate(doc.amounts):
        amounts[a.sentence].append((i, a))
    for c in doc.claims:
        claims[c.sentence].append(c)
    items = [_sentence_item(s, entities[s.id], amounts[s.id], claims[s.id], doc.amounts) for s in doc.sentences]
    swatches = "".join(f'<span><span class="swatch ev-{k}"></span>{k} claim <span class="muted">({_e(h)})</span>'
                       f"</span>" for k, h in EVIDENTIALITY_HELP.items())
    legend = (f'<p class="legend">{swatches}<br><span><span class="ent">entity</span> (hover: label, canonical)'
              f'</span><span><span class="amt">amount</span> (hover: kind, value)</span><span><span '
              f'class="marker">marker</span> evidential marker</span><span>a coloured bar starts each claim</span></p>')
    body = "\n".join(items) if items else '<li class="muted">no sentences</li>'
    return f'<section id="sentences"><h2>Sentences</h2>{legend}<ol class="sentences">\n{body}\n</ol></section>'


# --- tables ----------------------------------------------------------------------------


def _table(section: str, title: str, head: Sequence[str], rows: list[str], numeric: Iterable[int] = ()) -> str:
    if not rows:
        return f'<section id="{section}"><h2>{_e(title)}</h2><p class="muted">none</p></section>'
    cells = "".join(f"<th>{_e(h)}</th>" for h in head)
    return (f'<section id="{section}"><h2>{_e(title)} ({len(rows)})</h2><table><thead><tr>{cells}</tr></thead>'
            f"<tbody>\n" + "\n".join(rows) + "\n</tbody></table></section>")


def _corrections_table(doc: Document) -> str:
    rows = [f'<tr><td class="num"><a href="#L{c.line}">{c.line}</a></td><td><span class="corr"><del>'
            f'{_e(c.original)}</del><span class="arrow">→</span><ins>{_e(c.replacement)}</ins></span></td>'
            f"<td>{_e(c.canonical or '')}</td><td>{_e(c.label or '')}</td><td>{_e(c.method)}</td>"
            f'<td class="num">{c.confidence:.2f}</td></tr>' for c in doc.corrections]
    return _table("corrections", "Corrections", ["line", "correction", "canonical", "label", "method",
                                                 "confidence"], rows)


def _amounts_table(doc: Document) -> str:
    rows = []
    for i, a in enumerate(doc.amounts):
        value = a.value if isinstance(a.value, str) else _number(a.value)
        span = f"{_number(a.low)}–{_number(a.high)}" if a.low is not None or a.high is not None else ""
        rows.append(f'<tr><td class="num">{i}</td><td class="num"><a href="#S{a.sentence}">{a.sentence}</a></td>'
                    f"<td>{_e(a.text)}</td><td>{_e(a.kind)}</td><td class=\"num\">{_e(value)}</td>"
                    f'<td class="num">{_e(span)}</td><td>{_e(a.unit or "")}</td>'
                    f"<td>{'approximate' if a.approximate else ''}</td></tr>")
    return _table("amounts", "Amounts", ["#", "sentence", "text", "kind", "value", "low–high", "unit", ""], rows)


def _entities_table(doc: Document) -> str:
    groups: dict[tuple[str, str], list[Entity]] = defaultdict(list)
    for e in doc.entities:
        groups[(e.canonical, e.label)].append(e)
    rows = []
    for (canonical, label), found in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        surfaces = sorted({e.text for e in found})
        sentences = sorted({e.sentence for e in found})
        links = ", ".join(f'<a href="#S{n}">{n}</a>' for n in sentences)
        rows.append(f"<tr><td>{_e(canonical)}</td><td>{_e(label)}</td><td class=\"num\">{len(found)}</td>"
                    f"<td>{_e(' / '.join(surfaces))}</td><td>{links}</td></tr>")
    return _table("entities", "Entities", ["canonical", "label", "mentions", "as said", "sentences"], rows)


def _stats(doc: Document) -> str:
    if not doc.stats:
        return ""
    cells = "".join(f"<div>{_e(k.replace('_', ' '))}<b>{_e(v)}</b></div>" for k, v in doc.stats.items())
    return f'<div class="stats" id="stats">{cells}</div>'


def to_html(doc: Document | Mapping[str, Any]) -> str:
    """The review page of one document (a `Document`, or its JSON as a dict)."""
    if not isinstance(doc, Document):
        doc = Document.model_validate(doc)
    src = doc.source
    heading = doc.title or src.path
    meta = [f"source {_e(src.path)}"]
    if src.record_id:
        meta.append(f"record {_e(src.record_id)}")
    meta += [f"format {_e(src.format)}", f"sha256 {_e(src.sha256[:16])}…", f"schema {_e(doc.schema_version)}"]
    nav = "".join(f'<a href="#{k}">{k}</a>' for k in
                  ("lines", "sentences", "corrections", "amounts", "entities"))
    return (
        '<!DOCTYPE html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(heading)} · ja-transcript review</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f'<header><h1>{_e(heading)}</h1><p class="meta">{" · ".join(meta)}</p>{_stats(doc)}<nav>{nav}</nav>'
        "</header>\n"
        + _lines_section(doc) + "\n" + _sentences_section(doc) + "\n" + _corrections_table(doc) + "\n"
        + _amounts_table(doc) + "\n" + _entities_table(doc) + "\n</body>\n</html>\n"
    )
