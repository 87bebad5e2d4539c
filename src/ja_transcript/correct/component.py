"""The correction stage as a spaCy component: `nlp.add_pipe("ja_transcript_corrector")`.

It annotates, never edits: candidate corrections go to `doc.spans["ja_transcript_corrections"]`
(span label = canonical id) and their details, in the same order, to
`doc.user_data["ja_transcript_corrections"]`. The text of the Doc is unchanged.

    >>> from ja_transcript.nlp.spacy_tokenizer import blank
    >>> nlp = blank()
    >>> _ = nlp.add_pipe("ja_transcript_corrector")
    >>> doc = nlp("暗号試算が給投した")
    >>> [(s.text, s.label_) for s in doc.spans["ja_transcript_corrections"]]
    [('暗号試算', '暗号資産'), ('給投', '急騰')]
"""

from __future__ import annotations

from collections import Counter
from typing import List

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp import get_analyzer
from .aliases import AliasMatcher
from .corrector import Corrector, CorrectorConfig
from .lexicon import load_lexicon

SPANS_KEY = "ja_transcript_corrections"


class CorrectorComponent:
    def __init__(self, lexicons: List[str], use_default_lexicon: bool, min_confidence: float):
        self.lexicon = load_lexicon(lexicons, use_default_lexicon)
        self.aliases = AliasMatcher(self.lexicon)
        self.config = CorrectorConfig(min_confidence=min_confidence)
        self._corrector = None

    @property
    def corrector(self) -> Corrector:
        if self._corrector is None:
            self._corrector = Corrector(self.lexicon, get_analyzer(), self.config)
        return self._corrector

    def find(self, text: str) -> list:
        morphemes = get_analyzer().analyze(text)
        mentions = self.aliases.find(text, morphemes)
        evidence = Counter(entry.id for _, _, entry in mentions)
        return self.corrector.find(text, morphemes, evidence, [(s, e) for s, e, _ in mentions])

    def set_annotations(self, doc: Doc, edits: list) -> Doc:
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
        return doc

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.find(doc.text))


@Language.factory("ja_transcript_corrector",
                  default_config={"lexicons": [], "use_default_lexicon": True, "min_confidence": 0.6})
def make_corrector(nlp: Language, name: str, lexicons: List[str], use_default_lexicon: bool,
                   min_confidence: float) -> CorrectorComponent:
    return CorrectorComponent(lexicons, use_default_lexicon, min_confidence)
