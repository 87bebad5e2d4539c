"""The correction stage as a spaCy component: `nlp.add_pipe("ja_transcript_corrector")`.

It annotates, never edits, and works on the doc's own tokens (their readings come from
`token._.reading` with this package's tokenizer, from `morph` Reading with spaCy's, else
from SudachiPy). Candidate corrections go to `doc.spans["ja_transcript_corrections"]`
(label: the canonical id) with their details, in the same order, in
`doc.user_data["ja_transcript_corrections"]`; lexicon mentions and corrected names go to
`doc.spans["ja_transcript_entities"]` and, where they fit on token edges and do not overlap
entities already set, to `doc.ents` (label: the entry's label, kb_id: its canonical id).

The lexicon's contents are saved with the pipeline (`nlp.to_disk`), so a saved pipeline
loads after the lexicon files are gone, and the component pickles by its contents.

    >>> from ja_transcript.nlp.spacy_tokenizer import blank
    >>> nlp = blank()
    >>> _ = nlp.add_pipe("ja_transcript_corrector")
    >>> doc = nlp("暗号試算が給投した")
    >>> [(s.text, s.label_) for s in doc.spans["ja_transcript_corrections"]]
    [('暗号試算', '暗号資産'), ('給投', '急騰')]
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import List

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..nlp import Morpheme, get_analyzer
from ..nlp.spacy_tokenizer import SudachiTokenizer, register_extensions
from .aliases import AliasMatcher
from .corrector import Corrector, CorrectorConfig
from .lexicon import Entry, Lexicon, load_lexicon

SPANS_KEY = "ja_transcript_corrections"
ENTITIES_KEY = "ja_transcript_entities"


class CorrectorComponent:
    def __init__(self, lexicons: List[str] = (), use_default_lexicon: bool = True, min_confidence: float = 0.6,
                 tokenizer: SudachiTokenizer | None = None):
        self.lexicon_paths = list(lexicons)
        self.use_default_lexicon = use_default_lexicon
        self.min_confidence = min_confidence
        self.tokenizer = tokenizer  # words are looked up as it tokenized them (mode, user dictionaries)
        self._lexicon: Lexicon | None = None  # read on first use, or restored by from_disk
        self._built = None
        register_extensions()

    # -- the lexicon and what is built from it -----------------------------------
    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = load_lexicon(self.lexicon_paths, self.use_default_lexicon)
        return self._lexicon

    def _analyzer(self):
        # asked each time: spacy.load points the tokenizer at its saved user dictionaries after building us
        t = self.tokenizer
        return t.analyzer if t is not None else get_analyzer()

    def _parts(self) -> tuple[AliasMatcher, Corrector]:
        if self._built is None:
            analyzer = self._analyzer()
            self._built = (AliasMatcher(self.lexicon),
                           Corrector(self.lexicon, analyzer, CorrectorConfig(min_confidence=self.min_confidence)))
        return self._built

    # -- find + set annotations ----------------------------------------------------
    def morphemes(self, doc: Doc) -> list[Morpheme]:
        """The doc's tokens as the corrector's morphemes (offsets into doc.text)."""
        analyzer = None
        out = []
        for t in doc:
            reading, pos, oov = t._.reading, t._.sudachi_pos, t._.oov
            if reading is None:
                readings = t.morph.get("Reading")
                if readings:
                    reading = readings[0]
                else:
                    analyzer = analyzer or self._analyzer()
                    reading = "".join(m.reading for m in analyzer.analyze(t.text))
            if pos is None:
                levels = t.tag_.split("-") + ";".join(t.morph.get("Inflection")).split(";")
                pos = tuple((levels + ["*"] * 6)[:6])
                pos = tuple(p or "*" for p in pos)
            out.append(Morpheme(t.text, t.idx, t.idx + len(t.text), reading, t._.normalized or t.norm_, pos,
                                bool(oov)))
        return out

    def find(self, doc: Doc) -> tuple[list, list[tuple[int, int, Entry]]]:
        """(corrections, lexicon mentions) in the doc, as character offsets."""
        aliases, corrector = self._parts()
        morphemes = self.morphemes(doc)
        mentions = aliases.find(doc.text, morphemes)
        evidence = Counter(entry.id for _, _, entry in mentions)
        edits = corrector.find(doc.text, morphemes, evidence, [(s, e) for s, e, _ in mentions])
        return edits, mentions

    def set_annotations(self, doc: Doc, edits: list, mentions: list[tuple[int, int, Entry]]) -> Doc:
        spans, details = [], []
        for edit in edits:
            span = doc.char_span(edit.start, edit.end, label=edit.canonical, alignment_mode="expand")
            if span is None:
                continue
            spans.append(span)
            details.append({"start": edit.start, "end": edit.end, "original": edit.original,
                            "replacement": edit.replacement, "canonical": edit.canonical,
                            "label": edit.label, "method": edit.method, "confidence": edit.confidence})
        doc.spans[SPANS_KEY] = spans
        doc.user_data[SPANS_KEY] = details
        found = [(s, e, entry.label, entry.id) for s, e, entry in mentions]
        found += [(e.start, e.end, e.label, e.canonical) for e in edits if e.canonical is not None]
        entities = []
        for start, end, label, canonical in sorted(found):
            span = doc.char_span(start, end, label=label, kb_id=canonical)
            if span is not None:
                entities.append(span)
        doc.spans[ENTITIES_KEY] = entities
        doc.ents = filter_spans(list(doc.ents) + [s for s in entities if not _overlaps(s, doc.ents)])
        return doc

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, *self.find(doc))

    # -- saved with the pipeline ---------------------------------------------------
    def _cfg(self) -> dict:
        return {"use_default_lexicon": self.use_default_lexicon, "min_confidence": self.min_confidence}

    def _entries(self) -> list[dict]:
        return [{"label": e.label, "pattern": e.pattern, "id": e.id, **({"written": e.written} if e.written else {}),
                 **({"reading": e.reading} if e.reading else {})}
                for e in self.lexicon.entries]

    def _restore(self, cfg: dict, entries: list[dict]) -> None:
        self.use_default_lexicon, self.min_confidence = cfg["use_default_lexicon"], cfg["min_confidence"]
        self._lexicon = Lexicon([Entry(e["pattern"], e["id"], e["label"], "pipeline", e.get("written", ""),
                                       e.get("reading", "")) for e in entries])
        self._built = None

    def to_disk(self, path, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg", self._cfg())
        srsly.write_jsonl(path / "lexicon.jsonl", self._entries())

    def from_disk(self, path, exclude=()) -> "CorrectorComponent":
        path = Path(path)
        self._restore(srsly.read_json(path / "cfg"), list(srsly.read_jsonl(path / "lexicon.jsonl")))
        return self

    def to_bytes(self, exclude=()) -> bytes:
        return srsly.msgpack_dumps({"cfg": self._cfg(), "entries": self._entries()})

    def from_bytes(self, data: bytes, exclude=()) -> "CorrectorComponent":
        state = srsly.msgpack_loads(data)
        self._restore(state["cfg"], state["entries"])
        return self

    def __getstate__(self) -> dict:  # SudachiPy objects do not pickle: keep the contents only
        return {"cfg": self._cfg(), "entries": self._entries(), "tokenizer": self.tokenizer}

    def __setstate__(self, state: dict) -> None:
        self.__init__(tokenizer=state["tokenizer"])
        self._restore(state["cfg"], state["entries"])


def _overlaps(span: Span, others) -> bool:
    return any(span.start < o.end and o.start < span.end for o in others)


@Language.factory("ja_transcript_corrector",
                  default_config={"lexicons": [], "use_default_lexicon": True, "min_confidence": 0.6})
def make_corrector(nlp: Language, name: str, lexicons: List[str], use_default_lexicon: bool,
                   min_confidence: float) -> CorrectorComponent:
    tokenizer = nlp.tokenizer if isinstance(nlp.tokenizer, SudachiTokenizer) else None
    return CorrectorComponent(lexicons, use_default_lexicon, min_confidence, tokenizer)
