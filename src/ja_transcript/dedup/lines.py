"""Duplicated spoken lines: transcription loops, near-repeats and abandoned restarts.

`find_duplicate_lines` walks the spoken lines once, in order. Each line is folded to a
comparison key once (`normalize.spoken_key`); exact repeats are found by a dict lookup, the
rest by comparing the key with the few kept lines just before it. SudachiPy is run only
on the handful of lines that already look alike (to compare spelling variants and to
tell a backchannel or an unfinished clause), so the stage stays far cheaper than
tokenizing the transcript.

Every decision favours keeping a line: a removed line is marked, never dropped, and
`duplicate_of` always names a line that stays.

Like lines are found by `similar` (near matches, coverage by earlier lines) and told
apart by `restarts` (a line abandoned and said again); `config` holds every threshold.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Literal

from rapidfuzz.distance import LCSseq

from ja_transcript.nlp import Morpheme, get_analyzer

from ..model import Removal, build
from .config import DedupConfig
from .restarts import is_restart, may_open, short_restart
from .similar import containment_score, covered, near_match
from .spoken import Line


Reason = Literal["repeat", "near_repeat", "restart"]


# Parts of speech a backchannel is made of (はい, ええ, そうですね, 本当に, 確かに, ありがとう).
_BACKCHANNEL_POS = frozenset(
    ["感動詞", "助詞", "助動詞", "副詞", "接続詞", "形状詞", "連体詞", "代名詞", "補助記号", "空白", "接頭辞"]
)


def find_duplicate_lines(
    lines: Sequence[tuple[int, str]],
    config: DedupConfig = DedupConfig(),
    *,
    morphemes: Mapping[int, Sequence[Morpheme]] | None = None,
    speakers: Mapping[int, str | None] | None = None,
) -> dict[int, Removal]:
    """Spoken lines to remove, as ``{n: Removal(reason, duplicate_of=n of the kept line)}``.

    `lines` are the spoken lines in order, as ``(n, text)``; titles, headings and blank
    lines are left out by the caller. `morphemes` may give the analysis of some lines'
    text, by n, when the caller has it already; other lines are tokenized if needed.

    `speakers` (by n) make each speaker's lines a stream of their own: a line that echoes or
    agrees with another speaker (投稿頻度を減らしたよね。 / 投稿頻度を減らしましたね。) is
    speech, never a repeat, and loops and restarts are one speaker's. Lines of no known
    speaker make one stream.

    >>> removed = find_duplicate_lines([(1, "今日は暗号資産の話をします。"), (2, "今日は暗号資産の話をします。"),
    ...                                 (3, "はい。"), (4, "はい。")])
    >>> {n: (r.reason, r.duplicate_of) for n, r in removed.items()}
    {2: ('repeat', 1)}
    >>> find_duplicate_lines([(1, "投稿頻度を減らしたんですよね。"), (2, "投稿頻度を減らしたんですよね。")],
    ...                      speakers={1: "A", 2: "B"})
    {}
    """
    if speakers and len(set(speakers.values())) > 1:
        streams: dict[str | None, list[tuple[int, str]]] = {}
        for n, text in lines:
            streams.setdefault(speakers.get(n), []).append((n, text))
        out: dict[int, Removal] = {}
        for stream in streams.values():
            out.update(find_duplicate_lines(stream, config, morphemes=morphemes))
        return dict(sorted(out.items()))
    given = morphemes or {}
    items = [Line(n, text, given.get(n)) for n, text in lines]
    removed: dict[int, tuple[Reason, int]] = {}
    targets: set[int] = set()  # lines some removal points at: they must stay
    kept: list[Line] = []  # the most recent kept lines, enough for every window
    depth = max(config.near_window, config.restart_window)
    n_kept = 0  # kept lines so far: the clock the windows are measured on
    # folded key -> (its first kept copy, n_kept when the key was last seen)
    seen: dict[str, tuple[Line, int]] = {}
    runs = _run_lengths([line.key for line in items])

    def remove(line: Line, reason: Reason, of: Line) -> None:
        removed[line.n] = (reason, of.n)
        targets.add(of.n)

    for i, line in enumerate(items):
        if not line.key:
            continue
        hit = seen.get(line.key)
        first = _exact_repeat_of(line, runs[i], hit, n_kept, config) if hit else None
        if first is not None:
            remove(line, "repeat", first)
            seen[line.key] = (first, n_kept)
            continue
        covering = _near_repeat_of(line, kept[-config.near_window:], config)
        if covering is not None:
            remove(line, "near_repeat", covering)
            continue
        head = line.key[:config.restart_max_lead_later + config.anchor_chars]
        for earlier in kept[-config.restart_window:]:
            if (not earlier.ends_sentence
                    and (earlier.size >= config.min_line_chars or short_restart(earlier, line, config))
                    and earlier.n not in targets
                    and may_open(earlier.key, head, config)
                    and is_restart(earlier, line, config)):
                remove(earlier, "restart", line)
                kept.remove(earlier)
                if seen.get(earlier.key, (None,))[0] is earlier:
                    del seen[earlier.key]
        kept.append(line)
        del kept[:-depth]
        n_kept += 1
        seen[line.key] = (line, n_kept)
    _remove_block_heads(items, removed, targets, config)
    return {n: build(Removal, {"reason": reason, "duplicate_of": of}) for n, (reason, of) in removed.items()}


def _remove_block_heads(items: Sequence[Line], removed: dict[int, tuple[Reason, int]], targets: set[int],
                        config: DedupConfig) -> None:
    """A loop of several lines: when a line's successor went as a copy of line m, and the line
    itself repeats the line before m, it is the head of the repeated block (ハザードマップで、 +
    a long line, said twice), however short."""
    index = {line.n: i for i, line in enumerate(items)}
    for i in range(len(items) - 1):
        line, after = items[i], items[i + 1]
        if line.n in removed or line.n in targets or after.n not in removed:
            continue
        j = index[removed[after.n][1]] - 1
        if j < 0 or j >= i or items[j].key != line.key or items[j].n in removed:
            continue
        if line.size >= config.min_restart_chars and any(
                m.pos[0] in ("名詞", "動詞", "形容詞") and m.pos[1] != "非自立可能" for m in line.morphemes):
            removed[line.n] = ("repeat", items[j].n)
            targets.add(items[j].n)


def _run_lengths(keys: list[str]) -> list[int]:
    """For each position, the length of the run of equal consecutive keys it is in.

    >>> _run_lengths(["a", "a", "b", "a", "a", "a"])
    [2, 2, 1, 3, 3, 3]
    """
    out = [0] * len(keys)
    start = 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            out[start:i] = [i - start] * (i - start)
            start = i
    return out


def _exact_repeat_of(
    line: Line, run: int, hit: tuple[Line, int], n_kept: int, config: DedupConfig
) -> Line | None:
    """The kept first copy of `line` (from `hit`), when `line` is a repeat that goes.

    `run` is how many identical lines in a row `line` stands in; `n_kept` and the
    second half of `hit` are the kept-line clock now and when the key was last seen.
    """
    first, seen_at = hit
    if run >= config.short_loop_run and n_kept == seen_at:
        return first  # a run of identical lines: a loop whatever the line is
    if n_kept - seen_at > config.repeat_window or not _is_substantial(line, config):
        return None
    return first


def _is_substantial(line: Line, config: DedupConfig) -> bool:
    """Long enough and not a backchannel: a line whose repetition is not natural speech."""
    if line.size < config.min_line_chars:
        return False
    if line.size > config.backchannel_max_chars:
        return True
    # A vowel drawn out at the end (しますー, ですねー) is said so, not written: SudachiPy would
    # read しま|す|ー as nouns, so the words are read without it.
    plain = _DRAWN_OUT.sub("", line.text)
    morphemes = line.morphemes if plain == line.text else get_analyzer().analyze(plain)
    return not all(m.pos[0] in _BACKCHANNEL_POS or _is_auxiliary_verb(m) or m.normalized in _SET_PHRASE_NOUNS
                   for m in morphemes)


_DRAWN_OUT = re.compile("(?<=[ぁ-ゖ])[ー〜～]+(?=[。、，,！？!?…\\s]|$)")


# Nouns of greetings and courtesies: two speakers each say them (よろしくお願いします, お疲れ様です).
_SET_PHRASE_NOUNS = frozenset(["お疲れ様", "御疲れ様", "ご苦労様", "御苦労様", "失礼", "お世話", "御世話", "お邪魔", "御邪魔"])


def _is_auxiliary_verb(m: Morpheme) -> bool:
    # ございます, いる, ある used as auxiliaries: part of set phrases, not content.
    return m.pos[0] == "動詞" and m.pos[1] == "非自立可能"


def _near_repeat_of(line: Line, context: list[Line], config: DedupConfig) -> Line | None:
    """The kept line that covers most of `line`, when `line` says nothing new."""
    if not context or line.size < config.min_line_chars:
        return None
    keys = [c.key for c in context]
    joined = "".join(keys)
    if LCSseq.similarity(line.key, joined) < config.near_min_subsequence * len(line.key):
        return None
    matched = covered(line.key, keys, config)
    if matched is None:
        if not containment_score(line.key, joined, config.near_prefilter):
            return None
        # Spelled differently? Tokenize only the context lines near the best match.
        context = near_match(line.key, context, config.anchor_chars)
        matched = covered(line.lemma, [c.lemma for c in context], config)
        if matched is None:  # the same sound in other kanji? compare readings
            matched = covered(line.reading, [c.reading for c in context], config)
    if matched is None or not _is_substantial(line, config):
        return None
    best = context[max(range(len(context)), key=lambda j: (matched[j], j))]
    if _is_question(best) != _is_question(line):
        return None  # a question and its echoed answer (行きますか / 行きます) both stay
    return best


def _is_question(line: Line) -> bool:
    """Ends with a question mark or the question particle か (かね, かな).

    >>> [_is_question(Line(1, t)) for t in ["出席しますか", "本当ですかね", "はい？", "出席します"]]
    [True, True, True, False]
    """
    return line.text.rstrip()[-1:] in ("?", "？") or line.key.endswith(("か", "かね", "かな"))
