"""Evidential markers of a clause, read from SudachiPy morphemes.

A clause is *reported* when the speaker relays it (hearsay: らしい, そうだ after a plain
form, によると, って聞いた, a clause-final っていう / という, ということだ, とのことだ, 模様だ,
a quote relayed by a verb of reporting or writing: と発表した, って書いてあった, とされている;
told as talk or repute: …って評判です, という研究結果, との情報;
the quote may stand apart from its verb: …って、会社の先輩が言ってた, …って母がよく言っていた),
*speculative* when the speaker infers or guesses it (たぶん, と思う, かもしれない / かも, だろう,
ようだ, みたいだ, っぽい, そうだ after a stem (also the contracted かかってそう), かな, はず,
見込みだ, 見通しで, と見られる, が予想される, との見方, おそれがある, に違いない, はずがない,
とは思わない, ように見える, 可能性がある, 公算が大きい, とも限らない, であろう, この様子だと,
どうやら / どうも ... らしい), and *asserted* otherwise: that covers what nearly happened
(転びそうになった) and と思う telling a condition or a surprise (と思ったら, と思いきや). Where both kinds govern a clause,
speculative wins (40億ドルって言ったかな: a relayed figure the speaker is unsure of).

Markers are decided from tokens and their neighbours, never from substrings:
the same suffix names a property after a noun (男らしい, 春っぽくなった, 実にチャンピオン
らしかった) and carries evidence after a predicate (降ったらしい, 降ったっぽい).
SudachiPy tags the hearsay そう as 名詞,助動詞語幹 after a plain form (降るそうだ) and the
appearance そう as 形状詞,助動詞語幹 after a stem (降りそうだ); the preceding conjugation
form is checked as well.

Every check is a set lookup on a token and a few neighbours, so a clause costs one pass.

The rules are in `hearsay` and `inference`, one function per trigger word; what they ask of
a token's neighbours in `context`; the word lists they look up in data/words.toml.
"""

from __future__ import annotations

from typing import Sequence

from .hearsay import RULES as _HEARSAY
from .inference import RULES as _INFERENCE
from .marker import ASSERTED, REPORTED, SPECULATIVE, Marker, decide, sentence_evidentiality

__all__ = ["ASSERTED", "REPORTED", "SPECULATIVE", "TRIGGERS", "Marker", "decide", "find_markers", "markers_at",
           "markers_in",
           "sentence_evidentiality"]

_RULES = {**_INFERENCE, **_HEARSAY}
# Only tokens whose normalized form is here can start a marker.
TRIGGERS = frozenset(_RULES)


def find_markers(ms: Sequence, lo: int = 0, hi: int | None = None) -> list[Marker]:
    """Evidential markers among morphemes ``ms[lo:hi]`` (one clause).

    >>> from ja_transcript.nlp import get_analyzer
    >>> def kinds(t):
    ...     return [(m.surface, m.kind) for m in find_markers(get_analyzer().analyze(t))]
    >>> kinds("雨が降るそうだ。")
    [('そうだ', 'reported')]
    >>> kinds("雨が降りそうだ。")
    [('そうだ', 'speculative')]
    >>> kinds("あの人はとても男らしい。")
    []
    """
    if hi is None:
        hi = len(ms)
    return markers_at(ms, range(lo, hi), lo, hi)


def markers_in(ms: Sequence, row: bytes | bytearray, lo: int, hi: int) -> list[Marker]:
    """Markers starting at the tokens i of the clause ``ms[lo:hi]`` with ``row[i] == 1``, `row`
    being 0/1 bytes, one per token; the same as `find_markers` when `row` marks every token
    that can start a marker, without looking at the others.
    """
    return markers_at(ms, _positions(row, lo, hi), lo, hi)


def _positions(row: bytes | bytearray, lo: int, hi: int):
    i = row.find(1, lo, hi)
    while i >= 0:
        yield i
        i = row.find(1, i + 1, hi)


def markers_at(ms: Sequence, indexes, lo: int, hi: int) -> list[Marker]:
    """Markers starting at the given token indexes (tokens whose normalized form is in
    `TRIGGERS`) of the clause ``ms[lo:hi]``; the same as `find_markers` without the scan."""
    out: list[Marker] = []
    inner: list[Marker] = []  # markers that end a noun's modifier
    rules = _RULES
    for i in indexes:
        rule = rules.get(ms[i].normalized)
        if rule is not None:
            found = rule(ms, i, lo, hi)
            if found is not None:
                (inner if _modifies_a_noun(ms, i, found, hi) else out).append(found)
    # A marker inside a relative clause (存在するかもしれない物質…というニュース) gives way to
    # the clause's own; alone, it still colours what the clause says (閉店するかもしれない店です).
    return out or inner


def _modifies_a_noun(ms: Sequence, i: int, marker: Marker, hi: int) -> bool:
    """Whether a marker ends a relative clause (存在するかもしれない物質の兆候, 来るらしい人): it
    scopes over that clause, a noun's modifier, more than over the claim the noun stands in."""
    j = i
    while j < hi and ms[j].end <= marker.end:
        j += 1
    while j < hi and ms[j].pos[0] == "助動詞":  # the rest of its predicate: かもしれ|ない
        j += 1
    return i < j < hi and ms[j].pos[0] in ("名詞", "代名詞") and ms[j].pos[1] != "助動詞語幹" \
        and ms[j - 1].pos[0] in ("助動詞", "形容詞", "動詞") and ms[j - 1].pos[5].startswith("連体形")

