"""A marker of evidentiality, and the evidentiality a clause's markers give."""

from __future__ import annotations

from typing import NamedTuple, Sequence

REPORTED = "reported"
SPECULATIVE = "speculative"
ASSERTED = "asserted"
_KINDS = (SPECULATIVE, REPORTED)


class Marker(NamedTuple):
    surface: str  # the marker as written, e.g. "らしい", "と思い", "によると"
    kind: str  # REPORTED | SPECULATIVE
    start: int  # character offsets of the marker in the analysed text
    end: int
    forward: bool = False  # sentence adverbial (によると, たぶん): also covers later て-linked clauses


def decide(markers: Sequence[Marker]) -> tuple[str, tuple[str, ...]]:
    """The evidentiality the markers give, and the surfaces that decided it.

    Speculative wins over reported; no marker means asserted.

    >>> decide([Marker("って言っ", REPORTED, 0, 4), Marker("かな", SPECULATIVE, 5, 7)])
    ('speculative', ('かな',))
    >>> decide([])
    ('asserted', ())
    """
    if len(markers) == 1 and markers[0].kind in _KINDS:  # the common case
        return markers[0].kind, (markers[0].surface,)
    for kind in (SPECULATIVE, REPORTED):
        surfaces = tuple(dict.fromkeys(m.surface for m in markers if m.kind == kind))
        if surfaces:
            return kind, surfaces
    return ASSERTED, ()



def sentence_evidentiality(kinds: Sequence[str]) -> str | None:
    """A sentence's evidentiality from its claims' (None when it has no claim): speculative
    or reported when a claim says so (speculative first, as within a claim), asserted when
    none of its claims carries a marker. A marker scopes over its own clause, so the
    sentence is not judged by one clause: 来るらしいけど、私は行かない relays something.

    >>> sentence_evidentiality(["reported", "asserted"]), sentence_evidentiality(["asserted"])
    ('reported', 'asserted')
    >>> sentence_evidentiality([]) is None
    True
    """
    if not kinds:
        return None
    for kind in _KINDS:
        if kind in kinds:
            return kind
    return ASSERTED
