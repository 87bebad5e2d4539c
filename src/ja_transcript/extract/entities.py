"""Entities: lexicon aliases with their canonical ids, then SudachiPy proper nouns.

The lexicon wins: a proper noun found by part of speech is kept only where no lexicon
match overlaps it. Its canonical form is SudachiPy's normalized form.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..correct.aliases import AliasMatcher
from ..nlp import Morpheme

# SudachiPy 固有名詞 subclasses (pos[2], pos[3]) -> label
_POS_LABELS = {("人名", "*"): "PERSON", ("人名", "一般"): "PERSON", ("人名", "姓"): "PERSON",
               ("人名", "名"): "PERSON", ("地名", "国"): "GPE", ("地名", "一般"): "LOC",
               ("一般", "*"): "MISC"}  # 固有名詞-一般: organisations, products, events alike


@dataclass(frozen=True)
class EntitySpan:
    start: int
    end: int
    text: str
    canonical: str
    label: str
    source: str  # lexicon | pos


def find_entities(text: str, morphemes: Sequence[Morpheme], aliases: AliasMatcher | None) -> list[EntitySpan]:
    """Entity mentions in `text` (offsets into it), sorted by start."""
    out = []
    taken = []
    if aliases is not None:
        for start, end, entry in aliases.find(text, morphemes):
            out.append(EntitySpan(start, end, text[start:end], entry.id, entry.label, "lexicon"))
            taken.append((start, end))
    out.extend(s for s in proper_nouns(text, morphemes)
               if not any(s.start < b and a < s.end for a, b in taken))
    return sorted(out, key=lambda s: (s.start, s.end))


def proper_nouns(text: str, morphemes: Sequence[Morpheme]) -> list[EntitySpan]:
    """Runs of SudachiPy proper nouns of one label (姓 + 名 make one person).

    >>> from ja_transcript.nlp import get_analyzer
    >>> [(s.text, s.label) for s in proper_nouns("田中太郎は大阪に住む", get_analyzer().analyze("田中太郎は大阪に住む"))]
    [('田中太郎', 'PERSON'), ('大阪', 'LOC')]
    """
    out = []
    run: list[Morpheme] = []
    run_label = None

    def flush():
        while run and run[-1].surface == "・":
            run.pop()
        if run:
            start, end = run[0].start, run[-1].end
            canonical = "".join(m.normalized for m in run)
            out.append(EntitySpan(start, end, text[start:end], canonical, run_label, "pos"))

    for m in morphemes:
        label = _POS_LABELS.get((m.pos[2], m.pos[3])) if m.pos[1] == "固有名詞" else None
        if (label is not None and label == run_label) or (m.surface == "・" and run):
            run.append(m)  # サム・アルトマン is one name
            continue
        flush()
        run, run_label = ([m], label) if label else ([], None)
    flush()
    return out
