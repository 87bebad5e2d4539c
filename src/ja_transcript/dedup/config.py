"""The windows and thresholds of duplicate-line and loop removal."""

from __future__ import annotations

from dataclasses import dataclass


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
    # for word and go on, if it names something (児童手当が, 最初の, 夜は温泉; `short_restart`
    # asks for a content word, so はい and えっと stay): three characters hold one.
    min_restart_chars: int = 3
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
