"""Claims: the checkable statements of a sentence, each with its evidentiality.

A spoken sentence often chains several statements (…と思うんですけど、…ニュースが流れました。),
so a claim is the smallest clause that stands as a statement. Clauses are cut after

* a clause-linking particle: けど / けれど / が (接続助詞) / し / ので / から / のに;
* a て-form or a 連用形 predicate followed by 、 (連用中止: 転換して、 / 医者であり、);
* a plain-form predicate followed by 、 (spoken run-on: そういう会社らしい、…);
* a final particle after a polite predicate followed by 、 (…騒がしいですね、誰か…: it closes an utterance);
* sentence punctuation (。！？).

A cut that would leave a piece without a predicate or with fewer than two content words is
undone (the piece joins the next clause). Not claims: questions (…でしょうか, a rhetorical
lead-in …かというと、), greetings (こんにちは、いわみです / ありがとうございました), intentions
and requests (お話ししたいと思います / 貼っておこうと思います / お過ごしください), fillers.

A verbless piece with a topic, something said of it and a marker of its own stands as a
clause (…って聞いたけど、うちはたぶん月1万5千円くらいかな), and so does a noun predicate that
SudachiPy reads as noun + case particle で when a clause with its own topic follows
(入場料は大人が千円で、子どもは無料らしい).

Evidentiality comes from each clause's own markers (see `evidentiality`). Clauses linked by
a て-form share the modality of the clause they lead into (転換して、…変わったらしい: both
reported: a plain て-clause is inside the scope of the modality that closes its chain),
unless they carry markers of their own, end in a polite て-form (…っていう会社がありまして、
…結んだらしい: politeness makes the clause a statement of its own, outside that scope) or
the clause after them stands apart (a topic of its own, an opening condition: …で、日本円に
すると、800円くらいかな); sentence
adverbials (によると, たぶん) also cover the later clauses of their て-chain. A chain ending in
a question or an intention is no claim, except its clauses with markers of their own.

The steps: one scan of the tokens (`scan`), clause splitting (`clauses`), the kind of each
clause (`kinds`), topics and subjects (`subjects`); the markers are `evidentiality`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ...model import Claim, build
from ..evidentiality import ASSERTED, Marker, decide
from .clauses import merge_small, split_clauses, split_noun_predicates
from .kinds import clause_kind
from .scan import Scan
from .subjects import polite_link, stands_apart, subject_of

__all__ = ["ClaimSpan", "find_claims"]


@dataclass(frozen=True, slots=True)
class ClaimSpan:
    """A claim found in a sentence (offsets into it); `claim(...)` is its record."""

    start: int  # character offsets in the sentence text
    end: int
    text: str  # == sentence[start:end]
    evidentiality: str  # asserted | reported | speculative
    markers: tuple[str, ...] = ()  # marker surfaces that decided it, e.g. ("らしい",)
    subject: str | None = None  # explicit subject (…は / …が), if any

    def claim(self, id: int, sentence: int, entities: list[str], amounts: list[int],
              place: tuple = ((), None, None), speaker: str | None = None) -> Claim:
        """This span as claim `id` of sentence `sentence`, naming the entities and the
        amounts (by id) it holds, standing at `place` (lines, start_time, end_time)."""
        return build(Claim, {"id": id, "text": self.text, "sentence": sentence, "evidentiality": self.evidentiality,
                             "entities": entities, "amounts": amounts, "markers": list(self.markers),
                             "subject": self.subject, "start": self.start, "end": self.end, "lines": list(place[0]),
                             "start_time": place[1], "end_time": place[2], "speaker": speaker})


def find_claims(text: str, morphemes: Sequence | None = None) -> list[ClaimSpan]:
    """The claims of `text` (one sentence or several), in order.

    `morphemes` are ``get_analyzer().analyze(text)`` (offsets into `text`); pass them to avoid
    tokenizing twice.

    >>> [(c.text, c.evidentiality, c.markers) for c in find_claims("明日は雪が降るらしい。")]
    [('明日は雪が降るらしい', 'reported', ('らしい',))]
    >>> [(c.text, c.evidentiality) for c in find_claims("寒いと思うんですけど、雪はまだ降っていない。")]
    [('寒いと思うんですけど', 'speculative'), ('雪はまだ降っていない', 'asserted')]
    >>> find_claims("こんにちは、いわみです。いかがお過ごしでしょうか。")
    []
    """
    if morphemes is None:
        from ja_transcript.nlp import get_analyzer

        morphemes = get_analyzer().analyze(text)
    if not morphemes:
        return []
    sc = Scan(morphemes)
    clauses = merge_small(sc, split_clauses(sc))
    if "で、" in text or "で，" in text or "で," in text:  # rare: skip the look otherwise
        clauses = split_noun_predicates(sc, clauses)
    out: list[ClaimSpan] = []
    last = len(clauses) - 1
    k = 0
    while k <= last:
        lo, hi, link, substantial = clauses[k]
        if link != "te" or k == last:  # a clause on its own, the common case
            k += 1
            if clause_kind(sc, lo, hi, link, substantial) == "claim":
                out.append(_claim(text, sc, lo, hi, sc.markers(lo, hi)))
            continue
        # A て-chain (clauses joined by a て / 連用 link) shares its final clause's mood.
        e = k
        while e < last and clauses[e][2] == "te":
            e += 1
        chain = clauses[k:e + 1]
        k = e + 1
        out += _chain_claims(text, sc, chain)
    return out


def _chain_claims(text: str, sc: Scan, chain: list[tuple[int, int, str, bool]]) -> list[ClaimSpan]:
    """The claims of a て-chain.

    A clause without markers of its own takes those of the next clause that has some
    (転換して、…変わったらしい), unless a clause on the way stands apart (`stands_apart`);
    sentence adverbials (によると, たぶん) cover the later clauses too. A chain that ends in a
    question or an intention (…って聞いて、真似してみようかな) is not a claim, but a clause of
    it with markers of its own still relays or guesses something, and so is one.
    """
    final_kind = clause_kind(sc, *chain[-1])
    bounded = final_kind == "question" or final_kind == "intent"
    own = [sc.markers(lo, hi) for lo, hi, _, _ in chain]
    out = []
    forward: list[Marker] = []
    last = len(chain) - 1
    for pos, (lo, hi, link, substantial) in enumerate(chain):
        if own[pos]:
            markers = forward + own[pos]
            forward = forward + [m for m in own[pos] if m.forward]
        elif bounded:
            continue
        else:
            markers = forward + _spread_back(text, sc, chain, own, pos + 1)
        kind = final_kind if pos == last else clause_kind(sc, lo, hi, link, substantial)
        if kind == "claim":
            out.append(_claim(text, sc, lo, hi, markers))
    return out


def _spread_back(text: str, sc: Scan, chain, own: list[list[Marker]], first: int) -> list[Marker]:
    """Markers of the first clause of `chain` from `first` on that has any, unless a clause
    that stands apart comes first, or a polite link (…がありまして、) parts them."""
    if not any(own[first:]):  # the common case: nothing to spread
        return []
    for pos in range(first, len(chain)):
        lo, hi = chain[pos][0], chain[pos][1]
        if polite_link(sc, chain[pos - 1][0], lo) or stands_apart(sc, chain[pos - 1][0], lo, hi, own[pos]):
            return []
        if own[pos]:
            return own[pos]
    return []


_ASSERTED = (ASSERTED, ())


# A frozen dataclass's __init__ sets each field through object.__setattr__. Claims are made in
# bulk, so _claim fills their slots through the slot descriptors instead, in half the time.
_FIELDS = ("start", "end", "text", "evidentiality", "markers", "subject")


_SET_FIELDS = tuple(getattr(ClaimSpan, name).__set__ for name in _FIELDS)


def _claim(text: str, sc: Scan, lo: int, hi: int, markers: list[Marker]) -> ClaimSpan:
    """The claim of clause ``lo:hi``: its span without surrounding punctuation and spaces (a
    claim has a predicate, so a word), evidentiality and subject."""
    ms, symbols = sc.ms, sc.symbols
    start, end = ms[symbols.find(0, lo, hi)].start, ms[symbols.rfind(0, lo, hi)].end
    evidentiality, surfaces = decide(markers) if markers else _ASSERTED
    set_start, set_end, set_text, set_evidentiality, set_markers, set_subject = _SET_FIELDS
    claim = object.__new__(ClaimSpan)
    set_start(claim, start)
    set_end(claim, end)
    set_text(claim, text[start:end])
    set_evidentiality(claim, evidentiality)
    set_markers(claim, surfaces)
    set_subject(claim, subject_of(text, sc, lo, hi) if sc.topics.find(1, lo + 1, hi) >= 0 else None)
    return claim

