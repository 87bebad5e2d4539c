"""Restarts: a line the speaker broke off and said again, whole, in the next line."""

from __future__ import annotations

from .config import DedupConfig
from .spoken import CLOSING_POS, Line, SYMBOL_POS


def may_open(e: str, head: str, config: DedupConfig) -> bool:
    """Cheap test: one of `e`'s opening anchors is in `head`."""
    for i in range(config.restart_max_lead + 1):
        if e[i:i + config.anchor_chars] in head:
            return True
    return False


def is_restart(earlier: Line, later: Line, config: DedupConfig) -> bool:
    """`earlier` is an unfinished start that `later` restates and takes further.

    Either all of `earlier` opens `later` (as long as any removable line), or most of
    it does and only a short, abandoned ending differs (…のプロジェクトを -> …の株が).
    """
    e, l = earlier.key, later.key
    if len(e) < config.min_line_chars and not short_restart(earlier, later, config):
        return False
    block = _restated_opening(e, l, config)
    if block is None:
        return False
    e_start, l_start, size = block
    whole = e_start + size == len(e)
    if not whole and (size < config.restart_min_block or size < config.restart_min_cover * len(e)):
        return False
    if len(l) - (l_start + size) < config.restart_min_extension:
        return False
    return _is_open_ended(earlier)


def short_restart(earlier: Line, later: Line, config: DedupConfig) -> bool:
    """A short start said again word for word at the head of a longer line (で、児童手当が、 ->
    で、児童手当が入ったら、): too short to compare loosely, so only a verbatim head counts,
    and only one that names something (not はい、 before はい、そうです)."""
    return (earlier.size >= config.min_restart_chars and later.key.startswith(earlier.key)
            and any(m.pos[0] in ("名詞", "動詞", "形容詞") and m.pos[1] != "非自立可能" for m in earlier.morphemes))


def _restated_opening(e: str, l: str, config: DedupConfig) -> tuple[int, int, int] | None:
    """Longest common block that opens `e` (within the lead) and starts early in `l`.

    >>> _restated_opening("あのその他の暗号資産の", "つられてその他の暗号資産の株", DedupConfig())
    (2, 4, 9)
    """
    best = None
    anchor = config.anchor_chars
    for e_start in range(min(config.restart_max_lead, len(e) - anchor) + 1):
        probe = e[e_start:e_start + anchor]
        l_start = l.find(probe, 0, config.restart_max_lead_later + anchor)
        while l_start != -1:
            size = anchor
            while (e_start + size < len(e) and l_start + size < len(l)
                   and e[e_start + size] == l[l_start + size]):
                size += 1
            if best is None or size > best[2]:
                best = (e_start, l_start, size)
            l_start = l.find(probe, l_start + 1, config.restart_max_lead_later + anchor)
    return best


def _is_open_ended(line: Line) -> bool:
    """The line stops mid-clause: no sentence end, no closing particle or auxiliary.

    >>> _is_open_ended(Line(1, "その他のデータセンターのプロジェクトを"))
    True
    >>> _is_open_ended(Line(1, "暗号資産のマイナー企業だったわけですよ"))
    False
    """
    if line.ends_sentence:
        return False
    words = [m for m in line.morphemes if m.pos[0] not in SYMBOL_POS]
    if not words:
        return False
    pos = words[-1].pos
    return (pos[0],) not in CLOSING_POS and (pos[0], pos[1]) not in CLOSING_POS
