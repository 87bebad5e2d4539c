"""The pipeline: one transcript in, one schema-1 document out.

Stages run over one record whose original text is never changed:

    read -> tokenize -> structure -> correct (loops, lexicon) -> de-duplicate
         -> sentences -> extract (entities, amounts, claims) -> document

Each stage is a pure function in its own module; this module only wires them and turns
their results into the document. A `Pipeline` loads the lexicon and the tokenizer once
and processes many transcripts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from .correct.aliases import AliasMatcher
from .correct.corrector import Corrector, CorrectorConfig, Edit
from .correct.lexicon import Lexicon, load_lexicon
from .dedup import DedupConfig, find_duplicate_lines, find_loops
from .dedup.loops import apply_edits as apply_spans
from .extract.amounts import extract_amounts
from .extract.claims import find_claims
from .extract.entities import find_entities
from .model import Amount, Claim, Correction, Document, Entity, Line, Removal, Sentence, Source
from .nlp import Morpheme, get_analyzer
from .nlp.analyzer import shifted
from .readers.base import RawLine, RawTranscript
from .sentences import SpokenLine, build_sentences
from .structure import StructureConfig, line_kinds, punctuated_share


@dataclass(frozen=True)
class Options:
    correct: bool = True
    dedup: bool = True
    min_confidence: float = 0.6
    ginza: bool = False  # add ja_ginza's statistical entities under the lexicon (extra [ginza])
    split_mode: str = "C"
    structure: StructureConfig = StructureConfig()
    dedup_config: DedupConfig = field(default_factory=DedupConfig)


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-overlapping edits (offsets into `text`).

    >>> from ja_transcript.correct.corrector import Edit
    >>> apply_edits("暗号試算の話", [Edit(0, 4, "暗号試算", "暗号資産", "暗号資産", "TERM", "reading", 0.9)])
    '暗号資産の話'
    """
    return apply_spans(text, [(e.start, e.end, e.replacement) for e in sorted(edits, key=lambda e: e.start)])


class Pipeline:
    """Loads the lexicon and tokenizer once; `process` turns a transcript into a Document.

    Records are built with `model_construct`: the stages produce well-typed values, and
    validating thousands of small records per transcript would cost more than extracting
    them (the tests validate every output against the JSON Schema instead).
    """

    def __init__(self, lexicons: Sequence[str | Path] = (), use_default_lexicon: bool = True,
                 options: Options = Options(), lexicon: Lexicon | None = None):
        self.options = options
        self.analyzer = get_analyzer(options.split_mode)
        self.lexicon = lexicon if lexicon is not None else load_lexicon(lexicons, use_default_lexicon)
        self.aliases = AliasMatcher(self.lexicon)
        self.corrector = Corrector(self.lexicon, self.analyzer,
                                   CorrectorConfig(min_confidence=options.min_confidence))
        self.entity_backend = None
        if options.ginza:
            from .extract.ginza_backend import GinzaEntities  # loads the model on first use

            self.entity_backend = GinzaEntities()

    # -- public API ------------------------------------------------------------
    def process(self, raw: RawTranscript) -> Document:
        analyze = self.analyzer.analyze
        texts = [line.text for line in raw.lines]
        morphemes = [analyze(t) for t in texts]
        timed = any(line.start is not None for line in raw.lines)
        kinds = line_kinds(texts, morphemes, self.options.structure, timed=timed)

        edits = self._corrections(raw.lines, kinds, morphemes)
        cleans = [apply_edits(t, edits[i]) if edits[i] else t for i, t in enumerate(texts)]
        for i, es in enumerate(edits):
            if es:
                morphemes[i] = analyze(cleans[i])

        removals = self._removals(raw.lines, kinds, cleans, morphemes)
        lines = [Line.model_construct(n=r.n, text=r.text, kind=k, clean=c,
                      removed=Removal.model_construct(reason=removals[r.n][0], duplicate_of=removals[r.n][1])
                      if r.n in removals else None,
                      start=r.start, end=r.end)
                 for r, k, c in zip(raw.lines, kinds, cleans)]
        corrections = [Correction.model_construct(line=r.n, start=e.start, end=e.end, original=e.original,
                                  replacement=e.replacement, canonical=e.canonical, label=e.label,
                                  method=e.method, confidence=e.confidence)
                       for r, es in zip(raw.lines, edits) for e in es]

        doc = Document.model_construct(source=Source.model_construct(path=raw.path, sha256=raw.sha256, format=raw.format,
                                     record_id=raw.record_id),
                       title=raw.title or next((r.text.strip() for r, k in zip(raw.lines, kinds)
                                                if k == "title"), None),
                       lines=lines, corrections=corrections)
        self._extract(doc, raw.lines, kinds, cleans, morphemes, removals)
        doc.stats = {
            "lines": len(lines),
            "speech_lines": kinds.count("speech"),
            "headings": kinds.count("heading") + kinds.count("title"),
            "corrections": len(corrections),
            "removed_lines": len(removals),
            "sentences": len(doc.sentences),
            "entities": len(doc.entities),
            "amounts": len(doc.amounts),
            "claims": len(doc.claims),
        }
        return doc

    def process_text(self, text: str, path: str = "-") -> Document:
        from .readers import read_bytes

        result = read_bytes(text.encode("utf-8"), path, format="txt")
        return self.process(result.transcripts[0])

    # -- stages ------------------------------------------------------------------
    def _corrections(self, raw_lines: Sequence[RawLine], kinds: Sequence[str],
                     morphemes: Sequence[list[Morpheme]]) -> list[list[Edit]]:
        out: list[list[Edit]] = [[] for _ in raw_lines]
        if self.options.dedup:
            for i, r in enumerate(raw_lines):
                if kinds[i] == "speech":
                    out[i] = [Edit(s, e, r.text[s:e], rep, None, None, "loop", 1.0)
                              for s, e, rep in find_loops(r.text, self.options.dedup_config)]
        if not self.options.correct:
            return out
        evidence: Counter = Counter()
        mentions = []
        for r, ms in zip(raw_lines, morphemes):
            found = self.aliases.find(r.text, ms)
            mentions.append([(s, e) for s, e, _ in found])
            evidence.update(entry.id for _, _, entry in found)
        for i, r in enumerate(raw_lines):
            if kinds[i] == "blank":
                continue
            protected = mentions[i] + [(e.start, e.end) for e in out[i]]
            out[i] = sorted(out[i] + self.corrector.find(r.text, morphemes[i], evidence, protected),
                            key=lambda e: e.start)
        return out

    def _removals(self, raw_lines: Sequence[RawLine], kinds: Sequence[str], cleans: Sequence[str],
                  morphemes: Sequence[list[Morpheme]]) -> dict[int, tuple[str, int]]:
        if not self.options.dedup:
            return {}
        spoken = [(r.n, c) for r, k, c in zip(raw_lines, kinds, cleans) if k == "speech"]
        analysed = {r.n: ms for r, k, ms in zip(raw_lines, kinds, morphemes) if k == "speech"}
        return find_duplicate_lines(spoken, self.options.dedup_config, morphemes=analysed)

    def _extract(self, doc: Document, raw_lines: Sequence[RawLine], kinds: Sequence[str],
                 cleans: Sequence[str], morphemes: Sequence[list[Morpheme]],
                 removals: dict[int, tuple[str, int]]) -> None:
        spoken: list[SpokenLine] = []
        by_n: dict[int, SpokenLine] = {}
        after_break = False
        for r, k, c, ms in zip(raw_lines, kinds, cleans, morphemes):
            if k == "blank":
                after_break = True
                continue
            if k != "speech" or r.n in removals:
                continue
            line = SpokenLine(r.n, c, ms, r.start, r.end, after_break)
            spoken.append(line)
            by_n[r.n] = line
            after_break = False
        punctuated = punctuated_share([line.text for line in spoken]) >= self.options.structure.punctuated_share
        drafts = build_sentences(spoken, punctuated)

        for sid, draft in enumerate(drafts):
            parts, sent_morphemes = [], []
            offset = 0
            for piece in draft.pieces:
                line = by_n[piece.line]
                parts.append(line.text[piece.start:piece.end])
                shift = offset - piece.start
                sent_morphemes.extend(shifted(line.morphemes, shift, piece.start, piece.end))
                offset += piece.end - piece.start
            text = "".join(parts)
            first, last = by_n[draft.pieces[0].line], by_n[draft.pieces[-1].line]
            doc.sentences.append(Sentence.model_construct(id=sid, text=text, lines=draft.lines, start=first.start, end=last.end))
            self._extract_sentence(doc, sid, text, sent_morphemes)
        doc.cleaned_text = "\n".join(s.text for s in doc.sentences)

    def _extract_sentence(self, doc: Document, sid: int, text: str, morphemes: list[Morpheme]) -> None:
        entities = find_entities(text, morphemes, self.aliases, backend=self.entity_backend)
        doc.entities.extend(Entity.model_construct(text=e.text, canonical=e.canonical, label=e.label, sentence=sid,
                                   start=e.start, end=e.end, source=e.source) for e in entities)
        first_amount = len(doc.amounts)
        amounts = extract_amounts(text, morphemes)
        doc.amounts.extend(Amount.model_construct(sentence=sid, **_as_floats(a)) for a in amounts)
        for span in find_claims(text, morphemes):
            ents = _unique(e.canonical for e in entities  # named entities, not domain terms
                           if e.label != "TERM" and span.start <= e.start and e.end <= span.end)
            amts = [first_amount + i for i, a in enumerate(amounts)
                    if span.start <= a["start"] and a["end"] <= span.end]
            doc.claims.append(Claim.model_construct(id=len(doc.claims), text=span.text, sentence=sid,
                                    evidentiality=span.evidentiality, entities=ents, amounts=amts,
                                    markers=list(span.markers), subject=span.subject))


def _as_floats(amount: dict) -> dict:
    """Figures as floats, as the schema types them (the extractor keeps ints exact)."""
    out = dict(amount)
    for key in ("value", "low", "high"):
        if isinstance(out[key], int):
            out[key] = float(out[key])
    return out


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
