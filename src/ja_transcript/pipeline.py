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
from typing import Any, Iterable, Protocol, Sequence

from pydantic import BaseModel

from .chars import apply_edits
from .correct.aliases import AliasMatcher
from .correct.cache import ReadingsCache, default_cache_dir
from .correct.corrector import Corrector, CorrectorConfig, window_mentions
from .correct.lexicon import Entry, Lexicon, load_lexicon
from .dedup import DedupConfig, find_duplicate_lines, find_loops
from .dedup.hallucinations import Segment, find_hallucinations
from .dedup.rolling import find_rolling
from .extract.amounts import extract_amounts
from .extract.claims import find_claims
from .extract.entities import find_entities
from .model import SECTIONS, Amount, Document, Edit, Line, Removal, Sentence, Source, build
from .model import Piece as LinePiece  # a sentence's slice of a line, as recorded
from .nonspeech import nonspeech_edits
from .placement import Placement
from .spacing import is_spaced, spacing_edits
from .nlp import Morpheme, get_analyzer
from .nlp.store import MorphemeStore
from .readers.base import RawLine, RawTranscript, reader_error
from .sentences import Piece, SpokenLine, build_sentences
from .structure import StructureConfig, line_kinds, punctuated_share

Match = tuple[int, int, Entry]  # a lexicon alias found in a text: (start, end, entry)


@dataclass(frozen=True)
class Options:
    correct: bool = True
    dedup: bool = True
    min_confidence: float = 0.6
    ginza: bool = False  # add ja_ginza's statistical entities under the lexicon (extra [ginza])
    terms: bool = True  # keep TERM entities (the lexicon's domain words: 市場, 採掘) among the entities
    split_mode: str = "C"
    structure: StructureConfig = StructureConfig()
    dedup_config: DedupConfig = field(default_factory=DedupConfig)


class Pipeline:
    """Loads the lexicon and tokenizer once; `process` turns a transcript into a Document."""

    def __init__(self, lexicons: Sequence[str | Path] = (), use_default_lexicon: bool = True,
                 options: Options = Options(), lexicon: Lexicon | None = None,
                 cache_dir: str | Path | None | bool = None):
        """`cache_dir`: where a large lexicon's alias readings are kept between runs (None: the
        user's cache folder, see `correct.cache`; False: none)."""
        self.options = options
        self.analyzer = get_analyzer(options.split_mode)
        self.lexicon = lexicon if lexicon is not None else load_lexicon(lexicons, use_default_lexicon)
        self.aliases = AliasMatcher(self.lexicon)
        folder = default_cache_dir() if cache_dir is None or cache_dir is True else (Path(cache_dir) if cache_dir else None)
        cache = ReadingsCache.open([e.pattern for e in self.lexicon.by_alias.values()], self.analyzer.mode,
                                   self.analyzer.user_dicts, folder)
        self.corrector = Corrector(self.lexicon, self.analyzer,
                                   CorrectorConfig(min_confidence=options.min_confidence),
                                   readings=cache.readings if cache else None)
        if cache:
            cache.save()
        self.entity_backend = None
        if options.ginza:
            from .extract.ginza_backend import GinzaEntities  # loads the model on first use

            self.entity_backend = GinzaEntities()

    # -- public API ------------------------------------------------------------
    def process(self, raw: RawTranscript) -> Document:
        return self.run(raw, DocumentBuilder())

    def run(self, raw: RawTranscript, sink: "Sink"):
        """Process `raw`, handing the document's records to `sink` as they are made; returns
        what `sink.finish` returns.

        The records come in document order: `start(source=, title=)`, every line, every
        correction, then sentences, each followed by its entities, amounts and claims, and
        `finish(cleaned_text=, stats=)`. A `DocumentBuilder` collects them into the
        `Document`; `writers.document.DocumentJson` writes its JSON as they come, so a long
        transcript's document is never held whole.
        """
        analyze = self.analyzer.analyze
        texts = [line.text for line in raw.lines]
        find_aliases = self.aliases.find
        # Each line's analysis is kept compactly (see nlp.store) and read back by each stage.
        morphemes = MorphemeStore()
        matches: list[Sequence[Match]] = []
        for t in texts:
            ms = analyze(t)
            matches.append(find_aliases(t, ms) or _NONE)
            morphemes.append(ms)
        timed = any(line.start is not None for line in raw.lines)
        kinds = line_kinds(texts, morphemes, self.options.structure, timed=timed,
                           times=[(line.start, line.end) for line in raw.lines] if timed else None)

        spelt: dict[int, list[Match]] = {}  # line -> names spelt in kana (ちゅうごく), mentions
        edits = self._corrections(raw.lines, kinds, morphemes, matches, spelt)
        cleans = [apply_edits(t, edits[i]) if edits[i] else t for i, t in enumerate(texts)]
        del texts
        for i, es in enumerate(edits):
            if es:
                morphemes[i] = ms = analyze(cleans[i])
                matches[i] = find_aliases(cleans[i], ms) or _NONE
        for i, found in spelt.items():
            matches[i] = _with_mentions(matches[i], _shifted(found, edits[i]))

        removals = self._removals(raw.lines, kinds, cleans, morphemes)
        source = Source.model_construct(path=raw.path, sha256=raw.sha256, format=raw.format,
                                        record_id=raw.record_id, encoding=raw.encoding, time_unit=raw.time_unit)
        title = raw.title or next((r.text.strip() for r, k in zip(raw.lines, kinds) if k == "title"), None)
        sink.start(source=source, title=title)
        for r, k, c in zip(raw.lines, kinds, cleans):
            sink.add("lines", build(Line, {"n": r.n, "text": r.text, "kind": k, "clean": c, "removed": removals.get(r.n),
                                           "start": r.start, "end": r.end, "speaker": r.speaker}))
        corrections = 0
        for r, es in zip(raw.lines, edits):
            for e in es:
                sink.add("corrections", e.correction(r.n))
                corrections += 1
        del edits
        counts = self._extract(sink, raw.lines, kinds, cleans, morphemes, matches, removals)
        cleaned_text = "\n".join(counts.pop("texts"))
        stats = {
            "lines": len(raw.lines),
            "speech_lines": kinds.count("speech"),
            "headings": kinds.count("heading"),
            "corrections": corrections,
            "removed_lines": len(removals),
            **counts,
            "title": kinds.count("title"),
        }
        return sink.finish(cleaned_text=cleaned_text, stats=stats)

    def process_text(self, text: str, path: str = "-", *, format: str | None = None) -> Document:
        """One transcript given as text, taken exactly as it is (nothing decoded or dropped).

        The format (txt, srt, vtt, whisper_json, jsonl) is detected from the content unless
        given; a JSON Lines text must hold one record (use `process_path` for many). Raises
        `TranscriptError` with the reader's message when the text cannot be read.
        """
        from .readers import read_string

        transcripts = read_string(text, path, format=format).check()
        if len(transcripts) != 1:
            raise reader_error("P003", path, count=len(transcripts))
        return self.process(transcripts[0])

    def process_path(self, path: str | Path, encoding: str | None = None,
                     time_unit: str | None = None) -> list[Document]:
        """The documents of one input file: one, or one per record of a JSON Lines file.
        `encoding` and `time_unit` as for `readers.read_bytes` (None: detected, decided).

        Raises `TranscriptError` naming the file (and line) when any of it cannot be read.
        """
        from .readers import read_path

        return [self.process(raw) for raw in read_path(path, encoding=encoding, time_unit=time_unit).check()]

    # -- stages ------------------------------------------------------------------
    def _corrections(self, raw_lines: Sequence[RawLine], kinds: Sequence[str],
                     morphemes: Sequence[list[Morpheme]], matches: Sequence[Sequence[Match]],
                     spelt: dict[int, list[Match]]) -> list[Sequence[Edit]]:
        """Each line's edits; the names spelt in kana that it holds go into `spelt`."""
        out: list[Sequence[Edit]] = [_NONE] * len(raw_lines)  # most lines have none: one shared empty tuple
        spoken = [i for i, k in enumerate(kinds) if k == "speech"]
        rolled = find_rolling([raw_lines[i].text for i in spoken]) if self.options.dedup else {}
        spaced = is_spaced([raw_lines[i].text for i in spoken])
        for k, i in enumerate(spoken):
            text = raw_lines[i].text
            found = [rolled[k]] if k in rolled else []  # the start a rolling caption repeats
            found = _disjoint(found, nonspeech_edits(text))
            if spaced:
                found = _disjoint(found, spacing_edits(text))
            if self.options.dedup:
                found = _disjoint(found, find_loops(text, self.options.dedup_config))
            out[i] = found or _NONE
        if not self.options.correct:
            return out
        evidence = Counter(entry.id for found in matches for _, _, entry in found)
        texts = [r.text for r in raw_lines]
        width = self.corrector.config.window
        for i, r in enumerate(raw_lines):
            if kinds[i] == "blank":
                continue
            protected = [(s, e) for s, e, _ in matches[i]] + [(e.start, e.end) for e in out[i]]
            mentions: list[Match] = []
            around = [morphemes.view(k) for k in range(max(0, i - width), min(len(texts), i + width + 1)) if k != i]
            found = self.corrector.find(r.text, morphemes[i], evidence, protected,
                                        window_mentions(matches, texts, i, width), mentions, around)
            if mentions:
                spelt[i] = mentions
            if found:  # most lines have nothing to correct
                out[i] = sorted([*out[i], *found], key=lambda e: e.start)
        return out

    def _removals(self, raw_lines: Sequence[RawLine], kinds: Sequence[str], cleans: Sequence[str],
                  morphemes: MorphemeStore) -> dict[int, Removal]:
        if not self.options.dedup:
            return {}
        removed: dict[int, Removal] = {}
        if any(r.start is not None for r in raw_lines):  # hallucinations are segments of a timed ASR output
            removed = find_hallucinations([Segment(r.n, c, r.start, r.end, *_whisper_scores(r))
                                           for r, k, c in zip(raw_lines, kinds, cleans) if k == "speech"])
        spoken = [(r.n, c) for r, k, c in zip(raw_lines, kinds, cleans) if k == "speech" and r.n not in removed]
        # views: a line's morphemes are read back when the search needs them, not held
        analysed = {r.n: morphemes.view(i) for i, (r, k) in enumerate(zip(raw_lines, kinds)) if k == "speech"}
        speakers = {r.n: r.speaker for r in raw_lines if getattr(r, "speaker", None) is not None}
        removed.update(find_duplicate_lines(spoken, self.options.dedup_config, morphemes=analysed,
                                            speakers=speakers or None))
        return removed

    def _extract(self, sink: "Sink", raw_lines: Sequence[RawLine], kinds: Sequence[str],
                 cleans: Sequence[str], morphemes: MorphemeStore, matches: Sequence[Sequence[Match]],
                 removals: dict[int, Removal]) -> dict:
        """Sentences and what is extracted from them, into `sink`; returns their counts and
        the sentences' texts."""
        spoken: list[SpokenLine] = []
        index_of: dict[int, int] = {}  # n -> position of the line
        after_break = False
        speaker = None  # of the last spoken line: a sentence is one speaker's
        for i, (r, k, c) in enumerate(zip(raw_lines, kinds, cleans)):
            if k == "blank":
                after_break = True
                continue
            if k != "speech" or r.n in removals:
                continue
            after_break = after_break or (bool(spoken) and r.speaker != speaker)
            speaker = r.speaker
            spoken.append(SpokenLine(r.n, c, morphemes.view(i), r.start, r.end, after_break))
            index_of[r.n] = i
            after_break = False
        punctuated = punctuated_share([line.text for line in spoken]) >= self.options.structure.punctuated_share
        drafts = build_sentences(spoken, punctuated)
        del spoken

        counts = {"sentences": 0, "entities": 0, "amounts": 0, "claims": 0, "texts": []}
        for sid, draft in enumerate(drafts):
            parts, sent_morphemes = [], []
            offset = 0
            for piece in draft.pieces:
                i = index_of[piece.line]
                parts.append(cleans[i][piece.start:piece.end])
                sent_morphemes.extend(morphemes.shifted(i, offset - piece.start, piece.start, piece.end))
                offset += piece.end - piece.start
            text = "".join(parts)
            first, last = raw_lines[index_of[draft.pieces[0].line]], raw_lines[index_of[draft.pieces[-1].line]]
            pieces = [(p.line, p.start, p.end) for p in draft.pieces]
            sink.add("sentences", build(Sentence, {"id": sid, "text": text, "lines": draft.lines,
                                                   "start": first.start, "end": last.end,
                                                   "pieces": [build(LinePiece, {"line": n, "start": a, "end": b})
                                                              for n, a, b in pieces], "speaker": first.speaker}))
            times = {n: (raw_lines[index_of[n]].start, raw_lines[index_of[n]].end) for n in draft.lines}
            counts["sentences"] += 1
            counts["texts"].append(text)
            found = _sentence_matches(draft.pieces, index_of, matches, text, self.aliases)
            self._extract_sentence(sink, counts, sid, text, sent_morphemes, found, Placement(pieces, times),
                                   first.speaker)
            drafts[sid] = None  # done with: its pieces need not stay
        return counts

    def _extract_sentence(self, sink: "Sink", counts: dict, sid: int, text: str, morphemes: list[Morpheme],
                          matches: list[Match] | None, placement: Placement, speaker: str | None) -> None:
        place = placement.place
        entities = find_entities(text, morphemes, self.aliases, backend=self.entity_backend, matches=matches)
        for e in entities:
            if self.options.terms or e.label != "TERM":
                sink.add("entities", e.entity(sid, place(e.start, e.end)))
                counts["entities"] += 1
        first_amount = counts["amounts"]
        amounts = extract_amounts(text, morphemes)
        for k, a in enumerate(amounts):
            sink.add("amounts", Amount.of(a, first_amount + k, sid, place(a["start"], a["end"])))
        counts["amounts"] += len(amounts)
        for span in find_claims(text, morphemes):
            ents = _unique(e.canonical for e in entities  # named entities, not domain terms
                           if e.label != "TERM" and span.start <= e.start and e.end <= span.end)
            amts = [first_amount + i for i, a in enumerate(amounts)
                    if span.start <= a["start"] and a["end"] <= span.end]
            sink.add("claims", span.claim(counts["claims"], sid, ents, amts, place(span.start, span.end), speaker))
            counts["claims"] += 1


def _whisper_scores(line: RawLine) -> tuple[float | None, float | None, float | None]:
    """A segment's no_speech_prob, avg_logprob and compression_ratio, where its reader kept them."""
    return line.asr_scores or (None, None, None)


def _disjoint(kept: list[Edit], more: list[Edit]) -> list[Edit]:
    """`kept` and those of `more` that overlap none of them, by start."""
    if not more:
        return kept
    if not kept:
        return more
    return sorted(kept + [e for e in more if not any(e.start < k.end and k.start < e.end for k in kept)],
                  key=lambda e: e.start)


class Sink(Protocol):
    """Where `Pipeline.run` puts a document's records (see there for their order)."""

    def start(self, **fields: Any) -> None: ...

    def add(self, section: str, record: BaseModel) -> None: ...

    def finish(self, **fields: Any) -> Any: ...


class DocumentBuilder:
    """A `Sink` that collects the records into the `Document`, which `finish` returns."""

    def __init__(self) -> None:
        self.fields: dict[str, Any] = {}
        self.lists: dict[str, list] = {name: [] for name in SECTIONS}

    def start(self, **fields: Any) -> None:
        self.fields.update(fields)

    def add(self, section: str, record: BaseModel) -> None:
        self.lists[section].append(record)

    def finish(self, **fields: Any) -> Document:
        return Document.model_construct(**self.fields, **self.lists, **fields)


_NONE: tuple = ()  # a line's matches or edits when it has none (most lines): one shared empty tuple


def _shifted(mentions: Sequence[Match], edits: Sequence[Edit]) -> list[Match]:
    """Mentions found in a line's text, placed in its clean text; those an edit touches go."""
    out = []
    for start, end, entry in mentions:
        if any(e.start < end and start < e.end for e in edits):
            continue
        shift = sum(len(e.replacement) - (e.end - e.start) for e in edits if e.end <= start)
        out.append((start + shift, end + shift, entry))
    return out


def _with_mentions(matches: Sequence[Match], mentions: Sequence[Match]) -> Sequence[Match]:
    """The aliases written right and the kana mentions, apart, longest first where they meet
    (シビックタイプアール over the シビック written inside it)."""
    chosen: list[Match] = []
    for m in sorted([*matches, *mentions], key=lambda m: (m[0] - m[1], m[0])):
        if all(m[1] <= c[0] or c[1] <= m[0] for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m[0]) or _NONE


def _sentence_matches(pieces: Sequence[Piece], index_of: dict[int, int], line_matches: Sequence[Sequence[Match]],
                      text: str, aliases: AliasMatcher) -> list[Match] | None:
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
        for start, end, entry in line_matches[index_of[piece.line]]:
            if end <= piece.start or start >= piece.end:
                continue
            if start < piece.start or end > piece.end:
                return None
            out.append((start + shift, end + shift, entry))
        offset += piece.end - piece.start
    return out


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
