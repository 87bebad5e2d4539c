"""Rolling captions: the carried-over line is taken out of each cue, losslessly; a
transcript that does not roll keeps its occasional overlaps."""

from ja_transcript import Pipeline
from ja_transcript.dedup.rolling import carried_over, find_rolling


def rolling_vtt(lines: list[str]) -> str:
    """A YouTube-style auto-caption file: each cue shows the previous line above its own."""
    out = ["WEBVTT", "Kind: captions", "Language: ja", ""]
    for k, line in enumerate(lines):
        start, end = 2 * k, 2 * k + 2
        shown = ([lines[k - 1]] if k else []) + [line]
        out += [f"00:00:{start:02d}.000 --> 00:00:{end:02d}.000 align:start position:0%", *shown, ""]
    return "\n".join(out)


DOMAINS = {
    "finance": ["今日はCoreWeaveの話です", "株価が上場から三倍になりました", "ただ決算はまだ赤字なんですね", "来期の見通しに注目です"],
    "cooking": ["まず玉ねぎを薄く切ります", "フライパンにバターを溶かして", "弱火でじっくり炒めてください", "あめ色になったら完成です"],
    "sports": ["九回裏ツーアウト満塁です", "バッターは四番の村上", "打ちました大きい当たり", "入ったサヨナラホームラン"],
}


def test_each_cue_keeps_only_what_was_newly_said():
    for lines in DOMAINS.values():
        doc = Pipeline().process_text(rolling_vtt(lines), "auto.vtt", format="vtt")
        assert [line.clean for line in doc.lines] == lines
        rolled = [c for c in doc.corrections if c.method == "rolling"]
        assert [(c.line, c.original) for c in rolled] == [(k + 1, lines[k - 1]) for k in range(1, len(lines))]
        assert "".join(s.text for s in doc.sentences).count(lines[1]) == 1  # said once, not twice


def test_a_transcript_that_does_not_roll_keeps_its_overlaps():
    cues = ["株価が上がった", "上がったのは昨日です", "今日は下がりました", "明日はどうでしょう", "分かりませんね"]
    assert find_rolling(cues) == {}


def test_the_whole_cue_never_counts_as_carried_over():
    assert carried_over("はいそうです", "そうです") == 0
    assert carried_over("ABCDEFG", "EFGH") == 0  # shorter than four characters
