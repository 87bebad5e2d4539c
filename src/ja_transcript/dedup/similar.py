"""How much of a line an earlier one holds: fuzzy windows, near matches among the kept
lines, and coverage of a line by several earlier ones (an alignment on folded keys)."""

from __future__ import annotations

import unicodedata

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from .config import DedupConfig
from .spoken import Line


# rapidfuzz's partial_ratio slides a window of the key's length over the context, which is
# cubic in the length on repetitive text (two lines of 2400 digits: 0.2 s, of 15000: minutes).
# Spoken lines are far shorter; a longer key is placed by its LCS alignment instead
# (bit-parallel), and one too long to align at all (the alignment holds key x context bits)
# is compared only as an exact repeat.
_PARTIAL_MAX_CHARS = 1000


_MAX_ALIGNED_CELLS = 1 << 31


def _best_window(key: str, context: str) -> tuple[int, int, float]:
    """Where `key` matches best in the (longer) `context`: (start, end, score 0-100).

    >>> _best_window("同じものだ", "ほぼ同じものだよね")
    (2, 7, 100.0)
    >>> _best_window("1" * 1500 + "2", "3" + "1" * 1501)
    (1, 1501, 100.0)
    """
    if len(key) <= _PARTIAL_MAX_CHARS:
        al = fuzz.partial_ratio_alignment(key, context)
        return al.dest_start, al.dest_end, al.score
    blocks = [op for op in Indel.opcodes(key, context) if op.tag == "equal"]
    if not blocks:
        return 0, 0, 0.0
    start, end = blocks[0].dest_start, blocks[-1].dest_end
    return start, end, round(fuzz.ratio(key, context[start:end]), 1)


def near_match(key: str, context: list[Line], slack: int) -> list[Line]:
    """The context lines that `key`'s best match touches, give or take an anchor."""
    joined = "".join(c.key for c in context)
    if len(key) > len(joined):
        return context
    start, end, _ = _best_window(key, joined)
    lo, hi = start - slack, end + slack
    out, start = [], 0
    for c in context:
        end = start + len(c.key)
        if end > lo and start < hi:
            out.append(c)
        start = end
    return out or context


def containment_score(key: str, context: str, cutoff: float = 0) -> float:
    """How well `key` matches inside `context` (0-100); 0 when under `cutoff`."""
    if len(key) <= len(context):
        if len(key) > _PARTIAL_MAX_CHARS:
            score = _best_window(key, context)[2]
            return score if score >= cutoff else 0
        return fuzz.partial_ratio(key, context, score_cutoff=cutoff)
    return fuzz.ratio(key, context, score_cutoff=cutoff)


def covered(key: str, ctx_keys: list[str], config: DedupConfig) -> list[int] | None:
    """Characters of `key` matched in each context line, or None if `key` says more.

    The key is aligned (as a longest common subsequence) to its best-matching stretch
    of the concatenated context. Matched runs of at least `anchor_chars` are
    anchors; single matching kana (の, は) prove nothing. Key characters facing nothing
    are inserted (new words); kana or Latin facing other characters between two
    anchors are substituted (a particle or loanword heard differently). An unmatched
    kanji or digit always means different words.

    >>> covered("ほぼ同じものだよね", ["同じものだよね", "次の話"], DedupConfig())
    >>> covered("同じものだよね", ["ほぼ同じものだよね"], DedupConfig())
    [7]
    >>> covered("今の会社の話ですね", ["昔の会社の話ですね"], DedupConfig())
    >>> covered("今年の会社の話です", ["今年の会社の話ですね"], DedupConfig())
    [9]
    """
    context = "".join(ctx_keys)
    if not key or not context or len(key) * len(context) > _MAX_ALIGNED_CELLS:
        return None
    if len(key) <= len(context):
        # partial_ratio's window may hang off either end of the context; a couple of
        # characters of slack on each side keep a near-edge substitution aligned.
        start, end, _ = _best_window(key, context)
        lo = max(0, start - config.anchor_chars)
        hi = min(len(context), end + config.anchor_chars)
    else:
        lo, hi = 0, len(context)
    anchors, groups = _align(key, context[lo:hi], config.anchor_chars)
    if not anchors:
        return None
    inserted = substituted = 0
    for key_only, ctx_only, interior in groups:
        if any(_is_content(ch) for ch in key_only):
            return None  # a different kanji or number: different words, not a mishearing
        if interior:
            substituted += min(len(key_only), ctx_only)
            inserted += max(0, len(key_only) - ctx_only)
        else:
            inserted += len(key_only)
    if inserted > config.near_max_inserted:
        return None
    if substituted > config.near_max_substituted * len(key):
        return None
    counts = []
    start = 0
    for ck in ctx_keys:
        end = start + len(ck)
        counts.append(sum(max(0, min(end, lo + b) - max(start, lo + a)) for a, b in anchors))
        start = end
    return counts


def _align(
    key: str, window: str, anchor: int = 2
) -> tuple[list[tuple[int, int]], list[tuple[str, int, bool]]]:
    """Anchors (matched spans in `window`) and the unmatched groups around them.

    Each group is (the characters only in `key`, how many characters are only in
    `window`, whether it lies between two anchors).

    >>> _align("あいうXえお", "あいうYYえお")
    ([(0, 3), (5, 7)], [('X', 2, True)])
    >>> _align("あ", "い")
    ([], [])
    """
    anchors: list[tuple[int, int]] = []
    groups: list[tuple[str, int, bool]] = []
    key_only, ctx_only = [], 0  # unmatched since the last anchor
    for op in Indel.opcodes(key, window):
        src, dst = op.src_end - op.src_start, op.dest_end - op.dest_start
        if op.tag == "equal" and src >= anchor:
            groups.append(("".join(key_only), ctx_only, bool(anchors)))
            key_only, ctx_only = [], 0
            anchors.append((op.dest_start, op.dest_end))
        else:  # a lone matching character counts as a substitution
            key_only.append(key[op.src_start:op.src_end])
            ctx_only += dst
    groups.append(("".join(key_only), ctx_only, False))
    if not anchors:
        return [], []
    return anchors, [g for g in groups if g[0] or g[1]]


def _is_content(ch: str) -> bool:
    """Kanji and digits carry meaning on their own; kana and Latin may be spelling."""
    return ch.isdigit() or "CJK" in unicodedata.name(ch, "")
