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

from .chars import apply_edits
from .correct.aliases import AliasMatcher
from .correct.corrector import Corrector, CorrectorConfig
from .correct.lexicon import Entry, Lexicon, load_lexicon
from .errors import Errors, TranscriptError
from .dedup import DedupConfig, find_duplicate_lines, find_loops
from .extract.amounts import extract_amounts
from .extract.claims import find_claims
from .extract.entities import find_entities
from .model import Amount, Document, Edit, Line, Removal, Sentence, Source, build
from .nlp import Morpheme, get_analyzer
from .nlp.analyzer import shifted
from .readers.base import RawLine, RawTranscript, display_path
from .sentences import Piece, SpokenLine, build_sentences
from .structure import StructureConfig, line_kinds, punctuated_share

Match = tuple[int, int, Entry]  # a lexicon alias found in a text: (start, end, entry)


@dataclass(frozen=True)
class Options:
    correct: bool = True
    dedup: bool = True
    min_confidence: float = 0.6
    ginza: bool = False  # add ja_ginza's statistical entities under the lexicon (extra [ginza])
    split_mode: str = "C"
    structure: StructureConfig = StructureConfig()
    dedup_config: DedupConfig = field(default_factory=DedupConfig)


class Pipeline:
    """Loads the lexicon and tokenizer once; `process` turns a transcript into a Document."""

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

        find_aliases = self.aliases.find
        matches = [find_aliases(t, ms) for t, ms in zip(texts, morphemes)]
        edits = self._corrections(raw.lines, kinds, morphemes, matches)
        cleans = [apply_edits(t, edits[i]) if edits[i] else t for i, t in enumerate(texts)]
        for i, es in enumerate(edits):
            if es:
                morphemes[i] = analyze(cleans[i])
                matches[i] = find_aliases(cleans[i], morphemes[i])

        removals = self._removals(raw.lines, kinds, cleans, morphemes)
        lines = [build(Line, {"n": r.n, "text": r.text, "kind": k, "clean": c, "removed": removals.get(r.n),
                              "start": r.start, "end": r.end, "speaker": r.speaker})
                 for r, k, c in zip(raw.lines, kinds, cleans)]
        corrections = [e.correction(r.n) for r, es in zip(raw.lines, edits) for e in es]

        source = Source.model_construct(path=raw.path, sha256=raw.sha256, format=raw.format,
                                        record_id=raw.record_id, encoding=raw.encoding, time_unit=raw.time_unit)
        title = raw.title or next((r.text.strip() for r, k in zip(raw.lines, kinds) if k == "title"), None)
        doc = Document.model_construct(source=source, title=title, lines=lines, corrections=corrections)
        self._extract(doc, raw.lines, kinds, cleans, morphemes, matches, removals)
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

    def process_text(self, text: str, path: str = "-", *, format: str | None = None) -> Document:
        """One transcript given as text, taken exactly as it is (nothing decoded or dropped).

        The format (txt, srt, vtt, whisper_json, jsonl) is detected from the content unless
        given; a JSON Lines text must hold one record (use `process_path` for many). Raises
        `TranscriptError` with the reader's message when the text cannot be read.
        """
        from .readers import read_string

        transcripts = read_string(text, path, format=format).check()
        if len(transcripts) != 1:
            raise TranscriptError(Errors.P003.format(path=display_path(path), count=len(transcripts)))
        return self.process(transcripts[0])

    def process_path(self, path: str | Path, encoding: str | None = None) -> list[Document]:
        """The documents of one input file: one, or one per record of a JSON Lines file.

        Raises `TranscriptError` naming the file (and line) when any of it cannot be read.
        """
        from .readers import read_path

        return [self.process(raw) for raw in read_path(path, encoding=encoding).check()]

    # -- stages ------------------------------------------------------------------
    def _corrections(self, raw_lines: Sequence[RawLine], kinds: Sequence[str],
                     morphemes: Sequence[list[Morpheme]], matches: Sequence[list[Match]]) -> list[list[Edit]]:
        out: list[list[Edit]] = [[] for _ in raw_lines]
        if self.options.dedup:
            for i, r in enumerate(raw_lines):
                if kinds[i] == "speech":
                    out[i] = find_loops(r.text, self.options.dedup_config)
        if not self.options.correct:
            return out
        evidence = Counter(entry.id for found in matches for _, _, entry in found)
        for i, r in enumerate(raw_lines):
            if kinds[i] == "blank":
                continue
            protected = [(s, e) for s, e, _ in matches[i]] + [(e.start, e.end) for e in out[i]]
            found = self.corrector.find(r.text, morphemes[i], evidence, protected)
            if found:  # most lines have nothing to correct
                out[i] = sorted(out[i] + found, key=lambda e: e.start)
        return out

    def _removals(self, raw_lines: Sequence[RawLine], kinds: Sequence[str], cleans: Sequence[str],
                  morphemes: Sequence[list[Morpheme]]) -> dict[int, Removal]:
        if not self.options.dedup:
            return {}
        spoken = [(r.n, c) for r, k, c in zip(raw_lines, kinds, cleans) if k == "speech"]
        analysed = {r.n: ms for r, k, ms in zip(raw_lines, kinds, morphemes) if k == "speech"}
        return find_duplicate_lines(spoken, self.options.dedup_config, morphemes=analysed)

    def _extract(self, doc: Document, raw_lines: Sequence[RawLine], kinds: Sequence[str],
                 cleans: Sequence[str], morphemes: Sequence[list[Morpheme]], matches: Sequence[list[Match]],
                 removals: dict[int, Removal]) -> None:
        spoken: list[SpokenLine] = []
        by_n: dict[int, SpokenLine] = {}
        line_matches: dict[int, list[Match]] = {}
        after_break = False
        for r, k, c, ms, found in zip(raw_lines, kinds, cleans, morphemes, matches):
            if k == "blank":
                after_break = True
                continue
            if k != "speech" or r.n in removals:
                continue
            line = SpokenLine(r.n, c, ms, r.start, r.end, after_break)
            spoken.append(line)
            by_n[r.n] = line
            line_matches[r.n] = found
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
            doc.sentences.append(build(Sentence, {"id": sid, "text": text, "lines": draft.lines,
                                                  "start": first.start, "end": last.end}))
            found = _sentence_matches(draft.pieces, line_matches, text, self.aliases)
            self._extract_sentence(doc, sid, text, sent_morphemes, found)
        doc.cleaned_text = "\n".join(s.text for s in doc.sentences)

    def _extract_sentence(self, doc: Document, sid: int, text: str, morphemes: list[Morpheme],
                          matches: list[Match] | None) -> None:
        entities = find_entities(text, morphemes, self.aliases, backend=self.entity_backend, matches=matches)
        doc.entities.extend(e.entity(sid) for e in entities)
        first_amount = len(doc.amounts)
        amounts = extract_amounts(text, morphemes)
        doc.amounts.extend(Amount.of(a, sid) for a in amounts)
        for span in find_claims(text, morphemes):
            ents = _unique(e.canonical for e in entities  # named entities, not domain terms
                           if e.label != "TERM" and span.start <= e.start and e.end <= span.end)
            amts = [first_amount + i for i, a in enumerate(amounts)
                    if span.start <= a["start"] and a["end"] <= span.end]
            doc.claims.append(span.claim(len(doc.claims), sid, ents, amts))


def _sentence_matches(pieces: Sequence[Piece], line_matches: dict[int, list[Match]], text: str,
                      aliases: AliasMatcher) -> list[Match] | None:
    """A sentence's lexicon matches, taken from its lines' (each line is matched once).

    None where matching the sentence itself might find others: a line's match crosses the
    edge of the piece the sentence takes, or an alias could run across a join of two lines.
    """
    out = []
    offset = 0
    for k, piece in enumerate(pieces):
        if k and aliases.may_cross(text, offset):
            return None
        shift = offset - piece.start
        for start, end, entry in line_matches[piece.line]:
            if end <= piece.start or start >= piece.end:
                continue
            if start < piece.start or end > piece.end:
                return None
            out.append((start + shift, end + shift, entry))
        offset += piece.end - piece.start
    return out


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
