"""Duplicated spoken lines: transcription loops, near-repeats and abandoned restarts.

`find_duplicate_lines` walks the spoken lines once, in order. Each line is folded to a
comparison key once (`normalize.spoken_key`); exact repeats are found by a dict lookup, the
rest by comparing the key with the few kept lines just before it. SudachiPy is run only
on the handful of lines that already look alike (to compare spelling variants and to
tell a backchannel or an unfinished clause), so the stage stays far cheaper than
tokenizing the transcript.

Every decision favours keeping a line: a removed line is marked, never dropped, and
`duplicate_of` always names a line that stays.
"""

from __future__ import annotations

import re

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, LCSseq

from ja_transcript.nlp import Morpheme, get_analyzer
from ja_transcript.chars import SENTENCE_ENDS

from .normalize import spoken_key, lemma_key_of, reading_key_of

Reason = Literal["repeat", "near_repeat", "restart"]


@dataclass(frozen=True)
class DedupConfig:
    """Every window and threshold of the stage, lengths in folded-key characters."""

    # -- lines (find_duplicate_lines) ------------------------------------------------
    # Shortest line that can be removed as a repeat or near-repeat. Below 8 kana/kanji
    # are backchannels and set phrases (はい, そうですね, なるほどね, そうなんですよ = 7)
    # that recur in real speech; a long clause said twice verbatim within a few lines
    # is almost always a decoder loop.
    min_line_chars: int = 8
    # A shorter unfinished line still goes as a restart when the next lines repeat it word
    # for word and go on: five characters hold a content word (児童手当が) but not a filler.
    min_restart_chars: int = 5
    # A short line repeated this many times in a row is a loop all the same: people say
    # はい twice or three times, not four identical lines in a row.
    short_loop_run: int = 4
    # Lines up to this length made only of interjections, particles, copulas, adverbs
    # and na-adjectives (ありがとうございます, 本当にそうですよね) are backchannels:
    # two speakers may each say one, so they go only as a `short_loop_run` loop.
    backchannel_max_chars: int = 15
    # An exact copy goes when its previous copy is at most this many kept lines back.
    # Decoder loops re-emit a line right away or after a line or two; an identical
    # long clause five kept lines apart is more likely said again on purpose.
    repeat_window: int = 5
    # A near-repeat is looked for in the concatenation of this many kept lines before
    # the line, so a repeat that straddles a line break is seen (Whisper re-decoding an
    # overlapping chunk repeats the end of one line and the start of the next). Four
    # lines span about one chunk of speech.
    near_window: int = 4
    # Shortest run of matching characters that counts as the same words said again when
    # aligning a line to its context. A single shared kana (の, は, て) proves nothing;
    # two already rarely line up by chance in the short stretch a line is aligned to.
    anchor_chars: int = 2
    # Cheap gates before any alignment. A near-repeat's folded key is almost wholly a
    # subsequence of its context: a kana spelling against a kanji one costs only the
    # kanji (黒玉子 / 黒たまご: 8 of 10), so 0.7 lets spelling variants through while
    # about nine lines in ten stop here.
    near_min_subsequence: float = 0.7
    # partial_ratio (0-100) of the key against the context below which SudachiPy is not
    # asked to compare spellings: variants score 70-95, and few other lines reach 70.
    near_prefilter: float = 70.0
    # Characters of the line with nothing facing them in the context. One is tolerated
    # (a particle ね / よ tacked on); two or more are a new word (ほぼ, もう, 全部),
    # i.e. something said that the earlier line did not say.
    near_max_inserted: int = 1
    # Kana or Latin characters of the line facing different ones in the context (a
    # loanword or particle heard differently: ビーブ / ウィーブ, は / が), as a fraction of
    # the line: 0.15 lets a 20-char line differ in one short word, not in a clause. A
    # different kanji or digit is never a mishearing here (今年 / 去年, 2 / 3): the same
    # sound in other kanji is matched on readings instead.
    near_max_substituted: float = 0.15
    # An abandoned start is looked for among this many kept lines before the line that
    # completes it (a loop of other lines may come in between, as removed lines).
    restart_window: int = 3
    # An abandoned start restated whole needs only `min_line_chars`. One whose ending
    # was changed needs a restated part at least this long, covering at least
    # `restart_min_cover` of it: two different clauses can share a 10-char phrase
    # (暗号資産のマイナー企業だった); sharing most of a line as its opening is a restatement.
    restart_min_block: int = 12
    restart_min_cover: float = 0.7
    # The restated part begins the abandoned line (up to a filler's length in) and comes
    # early in the completing line (after a short lead-in such as つられて).
    restart_max_lead: int = 2
    restart_max_lead_later: int = 6
    # The completing line goes on past the restated part by at least this much: it is
    # the fuller one, and removing the start loses nothing.
    restart_min_extension: int = 2

    # -- in-line loops (find_loops) --------------------------------------------------
    # Longest repeated unit looked for: a short sentence (ありがとうございます。 = 11,
    # チャンネル登録よろしくお願いします = 17). A longer sentence said four times is
    # usually split into lines, and found as repeated lines.
    loop_max_unit: int = 40
    # Copies that make a loop, by letters in the unit. ははは / ふふふふ and はいはいはい /
    # そうそうそうそう are natural; a sentence said four times inside one line is not.
    loop_min_copies_char: int = 5
    loop_min_copies_short: int = 5
    loop_min_copies_long: int = 4
    # Units with at most this many letters are "short" (はい, そう, あの).
    loop_short_unit: int = 3
    # Copies kept: laughter and stammers stay a natural triple (フフフ, あ、あ、あ、), a
    # word or phrase a natural double (はいはい, ありがとうございます。×2), so the line
    # still shows that it was repeated and reads as speech.
    loop_keep_char: int = 3
    loop_keep_phrase: int = 2


_SENTENCE_END = SENTENCE_ENDS
# Last morphemes that close a clause: a copula or auxiliary (です, ます, た, だ), a
# sentence-final particle (よ, ね, か), a conjunctive particle (けど, から, て).
_CLOSING_POS = {("助動詞",), ("助詞", "終助詞"), ("助詞", "接続助詞")}
# Parts of speech a backchannel is made of (はい, ええ, そうですね, 本当に, 確かに, ありがとう).
_BACKCHANNEL_POS = frozenset(
    ["感動詞", "助詞", "助動詞", "副詞", "接続詞", "形状詞", "連体詞", "代名詞", "補助記号", "空白", "接頭辞"]
)
_SYMBOL_POS = frozenset(["補助記号", "空白"])
_LATIN_WORD = re.compile("[a-z0-9]{3,}")


class _Line:
    """One spoken line and its keys, each computed at most once."""

    __slots__ = ("n", "text", "key", "size", "ends_sentence", "_morphemes", "_lemma", "_reading")

    def __init__(self, n: int, text: str, morphemes: Sequence[Morpheme] | None = None):
        self.n = n
        self.text = text
        self.key = spoken_key(text)
        # How much the line says: a Latin word counts about one kana per two letters (Netflix
        # is ネトフリ-long), so "Netflixはさ" is as short as the spoken line it is.
        self.size = len(self.key) - sum(len(w) // 2 for w in _LATIN_WORD.findall(self.key))
        tail = text.rstrip()
        self.ends_sentence = bool(tail) and tail[-1] in _SENTENCE_END
        self._morphemes = morphemes
        self._lemma: str | None = None
        self._reading: str | None = None

    @property
    def morphemes(self) -> Sequence[Morpheme]:
        if self._morphemes is None:
            self._morphemes = get_analyzer().analyze(self.text)
        return self._morphemes

    @property
    def lemma(self) -> str:
        if self._lemma is None:
            self._lemma = lemma_key_of(self.morphemes)
        return self._lemma

    @property
    def reading(self) -> str:
        if self._reading is None:
            self._reading = reading_key_of(self.morphemes)
        return self._reading


def find_duplicate_lines(
    lines: Sequence[tuple[int, str]],
    config: DedupConfig = DedupConfig(),
    *,
    morphemes: Mapping[int, Sequence[Morpheme]] | None = None,
) -> dict[int, tuple[Reason, int]]:
    """Spoken lines to remove, as ``{n: (reason, n_of_the_kept_line)}``.

    `lines` are the spoken lines in order, as ``(n, text)``; titles, headings and blank
    lines are left out by the caller. `morphemes` may give the analysis of some lines'
    text, by n, when the caller has it already; other lines are tokenized if needed.

    >>> find_duplicate_lines([(1, "今日は暗号資産の話をします。"), (2, "今日は暗号資産の話をします。"),
    ...                       (3, "はい。"), (4, "はい。")])
    {2: ('repeat', 1)}
    """
    given = morphemes or {}
    items = [_Line(n, text, given.get(n)) for n, text in lines]
    removed: dict[int, tuple[Reason, int]] = {}
    targets: set[int] = set()  # lines some removal points at: they must stay
    kept: list[_Line] = []  # the most recent kept lines, enough for every window
    depth = max(config.near_window, config.restart_window)
    n_kept = 0  # kept lines so far: the clock the windows are measured on
    # folded key -> (its first kept copy, n_kept when the key was last seen)
    seen: dict[str, tuple[_Line, int]] = {}
    runs = _run_lengths([line.key for line in items])

    def remove(line: _Line, reason: Reason, of: _Line) -> None:
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
                    and (earlier.size >= config.min_line_chars or _short_restart(earlier, line, config))
                    and earlier.n not in targets
                    and _may_open(earlier.key, head, config)
                    and _is_restart(earlier, line, config)):
                remove(earlier, "restart", line)
                kept.remove(earlier)
                if seen.get(earlier.key, (None,))[0] is earlier:
                    del seen[earlier.key]
        kept.append(line)
        del kept[:-depth]
        n_kept += 1
        seen[line.key] = (line, n_kept)
    _remove_block_heads(items, removed, targets, config)
    return removed


def _remove_block_heads(items: Sequence[_Line], removed: dict[int, tuple[Reason, int]], targets: set[int],
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
    line: _Line, run: int, hit: tuple[_Line, int], n_kept: int, config: DedupConfig
) -> _Line | None:
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


def _is_substantial(line: _Line, config: DedupConfig) -> bool:
    """Long enough and not a backchannel: a line whose repetition is not natural speech."""
    if line.size < config.min_line_chars:
        return False
    if line.size > config.backchannel_max_chars:
        return True
    return not all(m.pos[0] in _BACKCHANNEL_POS or _is_auxiliary_verb(m) or m.normalized in _SET_PHRASE_NOUNS
                   for m in line.morphemes)


# Nouns of greetings and courtesies: two speakers each say them (よろしくお願いします, お疲れ様です).
_SET_PHRASE_NOUNS = frozenset(["お疲れ様", "御疲れ様", "ご苦労様", "御苦労様", "失礼", "お世話", "御世話", "お邪魔", "御邪魔"])


def _is_auxiliary_verb(m: Morpheme) -> bool:
    # ございます, いる, ある used as auxiliaries: part of set phrases, not content.
    return m.pos[0] == "動詞" and m.pos[1] == "非自立可能"


def _near_repeat_of(line: _Line, context: list[_Line], config: DedupConfig) -> _Line | None:
    """The kept line that covers most of `line`, when `line` says nothing new."""
    if not context or line.size < config.min_line_chars:
        return None
    keys = [c.key for c in context]
    joined = "".join(keys)
    if LCSseq.similarity(line.key, joined) < config.near_min_subsequence * len(line.key):
        return None
    matched = _covered(line.key, keys, config)
    if matched is None:
        if not _containment_score(line.key, joined, config.near_prefilter):
            return None
        # Spelled differently? Tokenize only the context lines near the best match.
        context = _near_match(line.key, context, config.anchor_chars)
        matched = _covered(line.lemma, [c.lemma for c in context], config)
        if matched is None:  # the same sound in other kanji? compare readings
            matched = _covered(line.reading, [c.reading for c in context], config)
    if matched is None or not _is_substantial(line, config):
        return None
    best = context[max(range(len(context)), key=lambda j: (matched[j], j))]
    if _is_question(best) != _is_question(line):
        return None  # a question and its echoed answer (行きますか / 行きます) both stay
    return best


def _is_question(line: _Line) -> bool:
    """Ends with a question mark or the question particle か (かね, かな).

    >>> [_is_question(_Line(1, t)) for t in ["出席しますか", "本当ですかね", "はい？", "出席します"]]
    [True, True, True, False]
    """
    return line.text.rstrip()[-1:] in ("?", "？") or line.key.endswith(("か", "かね", "かな"))


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


def _near_match(key: str, context: list[_Line], slack: int) -> list[_Line]:
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


def _containment_score(key: str, context: str, cutoff: float = 0) -> float:
    """How well `key` matches inside `context` (0-100); 0 when under `cutoff`."""
    if len(key) <= len(context):
        if len(key) > _PARTIAL_MAX_CHARS:
            score = _best_window(key, context)[2]
            return score if score >= cutoff else 0
        return fuzz.partial_ratio(key, context, score_cutoff=cutoff)
    return fuzz.ratio(key, context, score_cutoff=cutoff)


def _covered(key: str, ctx_keys: list[str], config: DedupConfig) -> list[int] | None:
    """Characters of `key` matched in each context line, or None if `key` says more.

    The key is aligned (as a longest common subsequence) to its best-matching stretch
    of the concatenated context. Matched runs of at least `anchor_chars` are
    anchors; single matching kana (の, は) prove nothing. Key characters facing nothing
    are inserted (new words); kana or Latin facing other characters between two
    anchors are substituted (a particle or loanword heard differently). An unmatched
    kanji or digit always means different words.

    >>> _covered("ほぼ同じものだよね", ["同じものだよね", "次の話"], DedupConfig())
    >>> _covered("同じものだよね", ["ほぼ同じものだよね"], DedupConfig())
    [7]
    >>> _covered("今の会社の話ですね", ["昔の会社の話ですね"], DedupConfig())
    >>> _covered("今年の会社の話です", ["今年の会社の話ですね"], DedupConfig())
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


def _may_open(e: str, head: str, config: DedupConfig) -> bool:
    """Cheap test: one of `e`'s opening anchors is in `head`."""
    for i in range(config.restart_max_lead + 1):
        if e[i:i + config.anchor_chars] in head:
            return True
    return False


def _is_restart(earlier: _Line, later: _Line, config: DedupConfig) -> bool:
    """`earlier` is an unfinished start that `later` restates and takes further.

    Either all of `earlier` opens `later` (as long as any removable line), or most of
    it does and only a short, abandoned ending differs (…のプロジェクトを -> …の株が).
    """
    e, l = earlier.key, later.key
    if len(e) < config.min_line_chars and not _short_restart(earlier, later, config):
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


def _short_restart(earlier: _Line, later: _Line, config: DedupConfig) -> bool:
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


def _is_open_ended(line: _Line) -> bool:
    """The line stops mid-clause: no sentence end, no closing particle or auxiliary.

    >>> _is_open_ended(_Line(1, "その他のデータセンターのプロジェクトを"))
    True
    >>> _is_open_ended(_Line(1, "暗号資産のマイナー企業だったわけですよ"))
    False
    """
    if line.ends_sentence:
        return False
    words = [m for m in line.morphemes if m.pos[0] not in _SYMBOL_POS]
    if not words:
        return False
    pos = words[-1].pos
    return (pos[0],) not in _CLOSING_POS and (pos[0], pos[1]) not in _CLOSING_POS
