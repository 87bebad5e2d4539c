"""The kind of a name read from its context, where its form does not say it.

SudachiPy tags companies, products, eras and works alike as 固有名詞-一般 (MISC: kind
unknown). The words around such a name often say what it is (data/words.toml, with sources):

- an era name before a year or a period noun is a date, not a name (慶長|5|年, 室町時代,
  江戸|時代);
- apposition with a kind noun: メーカー の X, 制作会社・X, X という 会社 -> ORG; 言語 の X,
  X という ゲーム -> PRODUCT;
- the possessor of an organisation's relational noun: X の 社長, X 本社, X 製 -> ORG;
- a case slot of a verb of corporate action: X が / を / に / から 買収, 入社, 移籍 -> ORG
  (X に 入団 / 入社 / 移籍 also for a place from 地名: 阪神 is a team there);
  X を 発売 (or X が 発売 される) -> PRODUCT, and X が / から 発売 (the maker) -> ORG.

Only kinds that are guesses are changed (MISC, and by apposition also a place from 地名, which
is often a company's name: フジ of 制作会社・フジ); a kind said by a head word, SudachiPy's
person names and lexicon entries are kept.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from operator import itemgetter
from typing import Sequence

from ..nlp import Morpheme
from .words import table

_ORG_PREDICATES = table("entities", "org_predicates")
_PRODUCT_PREDICATES = table("entities", "product_predicates")
_JOINING_PREDICATES = table("entities", "joining_predicates")
_ORG_RELATIONS = table("entities", "org_relations")
_ORG_KINDS = table("entities", "org_kinds")
_PRODUCT_KINDS = table("entities", "product_kinds")
_WORK_KINDS = table("entities", "work_kinds")
_PERIODS = table("entities", "period_nouns")
_CASE_PARTICLES = frozenset(["が", "を", "に", "から", "と", "より", "へ", "は", "も", "で"])
_AGENT_PARTICLES = frozenset(["が", "は", "も", "から", "より", "で"])  # the maker of a product
_PASSIVE = frozenset(["れる", "られる"])
_SUBJECT_PARTICLES = frozenset(["が", "は"])
_CLAUSE_ENDS = frozenset(["動詞", "形容詞", "補助記号", "助動詞"])  # the subject's own predicate, or a comma
_APPOSITION_JOINERS = frozenset(["の", "・", "である"])
_START = itemgetter(1)  # Morpheme.start
_LATIN_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9.+#\-]+")
_GUESSES = frozenset(["MISC"])
QUOTED = "QUOTED"  # the label of a quoted title of unknown kind while its context is read
_APPOSITION_GUESSES = frozenset(["MISC", "GPE", "LOC"])


def kind_from_context(span, ms: Sequence[Morpheme]) -> str | None:
    """The label the context of `span` (a part-of-speech span of `ms`'s text) gives it:
    a kind, "DATE" for an era name, or None when the context says nothing.

    >>> from ja_transcript.nlp import get_analyzer
    >>> from ja_transcript.extract.entities import pos_entities
    >>> def kind(t):
    ...     ms = get_analyzer().analyze(t)
    ...     return [(s.text, kind_from_context(s, ms)) for s in pos_entities(t, ms)]
    >>> kind("コナミが新作を発売した")
    [('コナミ', 'ORG')]
    """
    i = bisect_left(ms, span.start, key=_START)
    j = bisect_left(ms, span.end, lo=i, key=_START)
    if i >= len(ms) or ms[i].start != span.start or (j < len(ms) and ms[j].start != span.end):
        return None  # not on morpheme bounds: leave it
    after = ms[j:j + 6]
    if span.label == QUOTED:  # the words after the closing quote
        after = ms[j + 1:j + 7]
        return _apposition(ms, i, after) or _case_kind(after) or "WORK_OF_ART"
    if span.label in _APPOSITION_GUESSES and after:
        first = after[0]
        if first.normalized in _PERIODS or first.pos[1] == "数詞" and len(after) > 1 \
                and after[1].surface in ("年", "年度"):
            return "DATE"
    if span.label in _APPOSITION_GUESSES:
        kind = _apposition(ms, i, after)
        if kind is not None:
            return kind
    if len(after) > 1 and after[0].surface == "に" and after[1].normalized in _JOINING_PREDICATES:
        return "ORG"  # 阪神|に|入団: one joins a team or a company, not a place
    if span.label not in _GUESSES or not after:
        return None
    return _case_kind(after)


def _case_kind(after: Sequence[Morpheme]) -> str | None:
    """ORG or PRODUCT from the words after a name: X本社, Xの社長, Xを買収, Xを発売."""
    if not after:
        return None
    first = after[0]
    if first.normalized in _ORG_RELATIONS:  # ホンダ|本社, ソニー|製
        return "ORG"
    if first.surface == "の" and len(after) > 1 and after[1].normalized in _ORG_RELATIONS:
        return "ORG"
    if first.surface in _SUBJECT_PARTICLES:  # the subject's predicate may come a few words on
        k = next((k for k in range(2, min(len(after), 6)) if after[k].normalized in _ORG_PREDICATES
                  or after[k].normalized in _PRODUCT_PREDICATES or after[k].pos[0] in _CLAUSE_ENDS), None)
        verb = after[k].normalized if k is not None else ""
        if verb in _ORG_PREDICATES:
            return "ORG"
        if verb in _PRODUCT_PREDICATES:  # the maker, unless the verb is passive (Xは…発売された)
            return "PRODUCT" if _passive(after[k + 1:k + 4]) else "ORG"
    if first.surface in _CASE_PARTICLES and len(after) > 1:
        verb = after[1].normalized
        if verb in _ORG_PREDICATES:
            return "ORG"
        if verb in _PRODUCT_PREDICATES:
            passive = _passive(after[2:5])
            if first.surface == "を" or passive and first.surface in ("が", "は", "も"):
                return "PRODUCT"
            if first.surface in _AGENT_PARTICLES:
                return "ORG"
    return None


def _passive(ms: Sequence[Morpheme]) -> bool:
    return any(m.normalized in _PASSIVE or m.surface in ("れ", "られ") for m in ms)


def _apposition(ms: Sequence[Morpheme], i: int, after: Sequence[Morpheme]) -> str | None:
    """ORG or PRODUCT from a kind noun beside the name: メーカーのX, 言語のX, Xという会社."""
    if i >= 2 and ms[i - 1].surface in _APPOSITION_JOINERS:
        kind = _kind_of(ms[i - 2])
        if kind is not None:
            return kind
    if i >= 1 and ms[i - 1].pos[0] == "名詞" and ms[i - 1].pos[1] == "普通名詞":
        kind = _kind_of(ms[i - 1])  # 新製品X: a kind noun right before the name
        if kind == "PRODUCT":
            return kind
    if len(after) >= 3 and after[0].surface == "と" and after[1].normalized == "言う":
        return _kind_of(after[2])
    if len(after) >= 2 and after[0].surface == "という":
        return _kind_of(after[1])
    return None


def _kind_of(m: Morpheme) -> str | None:
    for form in (m.normalized, m.surface):
        if form in _ORG_KINDS:
            return "ORG"
        if form in _PRODUCT_KINDS:
            return "PRODUCT"
        if form in _WORK_KINDS:
            return "WORK_OF_ART"
    return None


def apply_context(spans: Sequence, ms: Sequence[Morpheme]) -> list:
    """`spans` with kinds from context: era names dropped, guessed kinds made ORG / PRODUCT."""
    out = []
    for span in spans:
        if span.label not in _APPOSITION_GUESSES:  # a kind said by a head word or a name dictionary
            out.append(span)
            continue
        kind = kind_from_context(span, ms)
        if kind == "DATE":
            continue
        out.append(replace(span, label=kind) if kind else span)
    return out

_QUOTES = {"『": "』", "「": "」"}
_MAX_TITLE = 40
_PREDICATE_POS = frozenset(["動詞", "形容詞", "助動詞"])
_TITLE_HEADS = frozenset(["ORG", "FAC", "EVENT", "LAW", "GPE", "LOC"])


def quoted_titles(text: str, ms: Sequence[Morpheme], head_label) -> list[tuple[int, int, str | None]]:
    """Names in quotes: (start, end, label) of the quoted text, without the quotes.

    Japanese writes the titles of works and products in 『』, and in 「」 when a kind noun
    names it (映画「X」, ゲーム「X」) or it is a noun phrase listed with one (「X」、「Y」).
    A 「」 holding a clause (a verb, adjective or auxiliary in it) and no kind noun before it
    is a quotation of speech. The kind: a head word ending the title (「X大会」 EVENT,
    「X株式会社」 ORG, by `head_label(morpheme)`), else the kind noun's (ORG, PRODUCT,
    WORK_OF_ART), else None: the caller reads it from the context after the quotes.

    >>> from ja_transcript.nlp import get_analyzer
    >>> t = "映画「星の街」と『青い鳥』、「すごいと思う」と話した"
    >>> [(t[s:e], k) for s, e, k in quoted_titles(t, get_analyzer().analyze(t), lambda m: None)]
    [('星の街', 'WORK_OF_ART'), ('青い鳥', None)]
    """
    if "「" not in text and "『" not in text:
        return []
    starts = {m.start: k for k, m in enumerate(ms)}
    out: list[tuple[int, int, str]] = []
    pos = 0
    last_end = -1  # end (after the closing quote) of the title found before
    while True:
        open_at = min((k for k in (text.find(q, pos) for q in _QUOTES) if k >= 0), default=-1)
        if open_at < 0:
            return out
        close = _QUOTES[text[open_at]]
        close_at = text.find(close, open_at + 1)
        pos = open_at + 1
        if close_at < 0:
            return out
        inner = text[open_at + 1:close_at]
        a, b = starts.get(open_at + 1), starts.get(close_at)
        if not inner or len(inner) > _MAX_TITLE or any(q in inner for q in "「」『』。") or a is None or b is None:
            continue
        pos = close_at + 1
        words = ms[a:b]
        kind = _kind_of(ms[a - 2]) if a >= 2 else None
        listed = last_end >= 0 and text[last_end:open_at] in ("", "、", "・", "と")
        clause = any(m.pos[0] in _PREDICATE_POS for m in words)
        if text[open_at] == "「" and kind is None and (clause or not listed and len(words) == 1
                                                          and words[0].pos[1] != "固有名詞"):
            continue  # speech, or one common word in quotes (国民の「夢」)
        label = head_label(words[-1])
        out.append((open_at + 1, close_at, label if label in _TITLE_HEADS else kind))
        last_end = close_at + 1


def apposed_words(text: str, ms: Sequence[Morpheme], taken: Sequence[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Latin words that are names by apposition alone (言語のRust, メーカーのXYZ), outside
    `taken`: (start, end, label). A Latin word is not always a proper noun to SudachiPy.

    >>> from ja_transcript.nlp import get_analyzer
    >>> t = "プログラミング言語のRustとPythonのコード"
    >>> [(t[s:e], k) for s, e, k in apposed_words(t, get_analyzer().analyze(t), [])]
    [('Rust', 'PRODUCT')]
    """
    out = []
    for word in _LATIN_WORD.finditer(text):  # most Japanese lines have none
        a, b = word.span()
        i = bisect_left(ms, a, key=_START)
        if i >= len(ms) or ms[i].start != a or ms[i].end != b or any(x < b and a < y for x, y in taken):
            continue
        kind = _apposition(ms, i, ms[i + 1:i + 4])
        if kind is not None:
            out.append((a, b, kind))
    return out
