"""What shapes a batch's documents, as plain picklable settings, and its fingerprint."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, replace
from importlib.resources import files
from pathlib import Path

from ..correct.lexicon import DEFAULT_LEXICON
from ..errors import Errors, LexiconError
from ..model import SCHEMA_VERSION


@dataclass(frozen=True)
class RunConfig:
    """The settings a worker builds its pipeline from (plain values: it pickles).

    Lexicons are paths, or (name, contents) in `lexicon_texts` for workers that do not see
    the client's files (`with_contents`).
    """

    lexicons: tuple[str, ...] = ()
    lexicon_texts: tuple[tuple[str, str], ...] = ()
    use_default_lexicon: bool = True
    correct: bool = True
    dedup: bool = True
    min_confidence: float = 0.6
    ginza: bool = False
    terms: bool = True  # TERM entities (domain words of the lexicon) in the documents
    encoding: str | None = None
    time_unit: str | None = None  # "s" or "ms" for JSON times whose unit is not said; None: from evidence
    # per-document views the workers render besides the JSON document
    views: frozenset[str] = field(default_factory=frozenset)  # of: jsonl removed tables text html

    def build_pipeline(self):
        """The pipeline these settings describe; raises LexiconError listing every bad line."""
        from ..correct.lexicon import load_lexicon
        from ..pipeline import Options, Pipeline

        options = Options(correct=self.correct, dedup=self.dedup, min_confidence=self.min_confidence,
                          ginza=self.ginza, terms=self.terms)
        lexicon = load_lexicon(self.lexicons, self.use_default_lexicon, texts=self.lexicon_texts)
        return Pipeline(options=options, lexicon=lexicon)

    def with_contents(self) -> "RunConfig":
        """The same settings with the lexicon files read in, for workers on other machines."""
        try:
            texts = [(p, Path(p).read_text(encoding="utf-8-sig")) for p in self.lexicons]
        except (OSError, UnicodeDecodeError) as exc:
            raise LexiconError(Errors.L001.format(path=getattr(exc, "filename", "") or self.lexicons,
                                                  reason=exc)) from exc
        return replace(self, lexicons=(), lexicon_texts=self.lexicon_texts + tuple(texts))

    def fingerprint(self, version: str) -> str:
        """A hash of everything that shapes the documents: options, the lexicons' contents,
        the package and schema versions. Not the views, workers or paths of the lexicons."""
        def digest(data: bytes) -> str:
            return hashlib.sha256(data).hexdigest()

        lexicons = [digest(text.encode("utf-8")) for _, text in self.with_contents().lexicon_texts]
        default = (digest((files("ja_transcript") / "data" / DEFAULT_LEXICON).read_bytes())
                   if self.use_default_lexicon else None)
        shaping = {k: v for k, v in asdict(self).items()
                   if k not in ("lexicons", "lexicon_texts", "views", "use_default_lexicon")}
        payload = {"version": version, "schema": SCHEMA_VERSION, "lexicons": lexicons, "default_lexicon": default,
                   **shaping}
        return digest(json.dumps(payload, sort_keys=True).encode("utf-8"))[:16]
