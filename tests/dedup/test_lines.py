import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ja_transcript.dedup import DedupConfig, find_duplicate_lines
from ja_transcript.nlp import get_analyzer

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).parent / "cases"


def removals(lines, *args, **kwargs):
    """find_duplicate_lines as {n: (reason, duplicate_of)}."""
    return {n: (r.reason, r.duplicate_of) for n, r in find_duplicate_lines(lines, *args, **kwargs).items()}


def _seed_dir() -> Path:
    for base in (ROOT.parent / "shared",):
        if (base / "eval" / "seed").is_dir():
            return base / "eval" / "seed"
    pytest.skip("shared/eval/seed not found")


def numbered(*texts: str) -> list[tuple[int, str]]:
    return list(enumerate(texts, 1))


# -- the sample transcript ------------------------------------------------------------


def test_sample_transcript_removals():
    seed = _seed_dir()
    gold = json.loads((seed / "iwami_coreweave_news.gold.json").read_text("utf-8"))
    text = (seed / "iwami_coreweave_news.txt").read_text("utf-8")
    skip = {gold["title_line"], *gold["heading_lines"]}
    lines = [(n, t) for n, t in enumerate(text.split("\n"), 1) if n not in skip]

    removed = removals(lines)

    expected = {r["line"]: (r["reason"], r["duplicate_of"]) for r in gold["removed_lines"]}
    required = {n for n, r in ((r["line"], r) for r in gold["removed_lines"]) if r["required"]}
    for n in required:
        assert removed.get(n) == expected[n], n
    for n, got in removed.items():
        assert n in expected and got == expected[n], (n, got)  # no other line removed
    for n in gold["kept_lines"]:
        assert n not in removed
    # the stretch goals are met too
    assert removed[119] == ("restart", 123) and removed[157] == ("restart", 158)


# -- transcripts of other domains -----------------------------------------------------


def _case_files():
    return sorted(CASES.glob("*.json"))


@pytest.mark.parametrize("path", _case_files(), ids=lambda p: p.stem)
def test_domain_cases(path):
    case = json.loads(path.read_text("utf-8"))
    lines = numbered(*case["lines"])
    required = {int(n): tuple(v) for n, v in case["removed"].items()}
    stretch = {int(n): tuple(v) for n, v in case.get("stretch", {}).items()}

    removed = removals(lines)

    for n, want in required.items():
        assert removed.get(n) == want, (n, case["lines"][n - 1])
    for n, got in removed.items():
        assert required.get(n, stretch.get(n)) == got, (n, got, case["lines"][n - 1])


def test_case_files_are_there():
    assert len(_case_files()) >= 4
    assert len(sorted((CASES / "unseen").glob("*.json"))) >= 3


def _unseen_params():
    for path in sorted((CASES / "unseen").glob("*.json")):
        case = json.loads(path.read_text("utf-8"))
        marks = []
        if case.get("known_miss"):
            marks.append(pytest.mark.xfail(strict=True, reason=str(case["known_miss"])))
        yield pytest.param(path, marks=marks, id=path.stem)


@pytest.mark.parametrize("path", list(_unseen_params()))
def test_unseen_cases(path):
    """Transcripts written after the thresholds were set; known misses are marked."""
    test_domain_cases(path)


# -- exact repeats ------------------------------------------------------------------


@pytest.mark.parametrize("copies", [2, 3, 6])
def test_loop_of_a_line(copies):
    line = "フライパンにオリーブオイルを引いて、"
    lines = numbered("まず火をつけます。", *[line] * copies, "鶏肉を入れます。")
    assert removals(lines) == {n: ("repeat", 2) for n in range(3, 2 + copies)}


def test_repeat_within_a_small_window_and_across_alternation():
    a, b = "打球はレフトスタンドへ一直線、", "ツーアウト満塁の場面です。"
    lines = numbered(a, b, a, b, a, b, "試合終了です。")
    assert removals(lines) == {
        3: ("repeat", 1), 4: ("repeat", 2), 5: ("repeat", 1), 6: ("repeat", 2)
    }


def test_repeat_far_apart_is_kept():
    line = "血圧は毎日同じ時間に測ってください。"
    fillers = [f"{i}番目の注意点についてお話しします。" for i in range(1, 8)]
    assert removals(numbered(line, *fillers, line)) == {}


def test_repeats_after_punctuation_and_width_differences():
    # the same once folded: exact repeats
    lines = numbered("第３０号ホームラン！", "第30号ホームラン", "第 30 号、ホームラン。")
    assert removals(lines) == {2: ("repeat", 1), 3: ("repeat", 1)}
    lines = numbered("ＧＰＵを３０００枚ほど確保して、", "GPUを3000枚ほど確保して", "ｻｰﾊﾞｰの台数を増やして",
                     "サーバの台数を増やして")
    assert removals(lines) == {2: ("repeat", 1), 4: ("repeat", 3)}


# -- backchannels and short lines ----------------------------------------------------


def test_backchannels_recurring_apart_stay():
    lines = numbered(
        "今日は新しいレシピを紹介します。", "はい。", "まず野菜を切ります。", "うん。",
        "そうですね。", "次にお肉を焼きます。", "はい。", "なるほど。", "そうですね。",
        "ええ。", "最後に盛り付けます。", "なるほど。", "ありがとうございます。",
        "ご覧いただきありがとうございました。", "ありがとうございます。",
    )
    assert removals(lines) == {}


def test_short_lines_twice_or_three_times_in_a_row_stay():
    lines = numbered("入った！", "入った！", "入った！", "はい。", "はい。", "ありがとうございます。",
                     "ありがとうございます。")
    assert removals(lines) == {}


def test_a_short_line_four_times_in_a_row_is_a_loop():
    lines = numbered("7時からだよ。", "7時からだよ。", "7時からだよ。", "7時からだよ。", "了解。")
    assert removals(lines) == {2: ("repeat", 1), 3: ("repeat", 1), 4: ("repeat", 1)}
    lines = numbered("はい。", "はい。", "はい。", "はい。", "はい。", "はい。")
    assert removals(lines) == {n: ("repeat", 1) for n in range(2, 7)}


def test_short_lines_are_never_near_repeats():
    lines = numbered("大きい！大きい！", "大きい！", "入ったか？", "入った！")
    assert removals(lines) == {}


# -- near-repeats -------------------------------------------------------------------


def test_near_repeat_across_a_line_break():
    lines = numbered(
        "アメリカが今一番仮想通貨マイニングのデータセンター、",
        "マイニング工場って言われたりしますけど、",
        "そういったデータセンターがあって、",
        "データセンター、マイニング工場って言われたりしますけど、",
    )
    assert removals(lines) == {4: ("near_repeat", 2)}


@pytest.mark.parametrize(
    "first, again",
    [
        ("予約の仕方が分からない方は、", "予約の仕方がわからない方は、"),  # okurigana / kana
        ("マイニング工場って言われたりしますけど、", "マイニング工場っていわれたりしますけど、"),
        ("資料は後ほどお送りしますので、", "資料は後程お送りしますので、"),  # kana vs kanji
        ("暗号試算のマイニング装置と、", "暗号資産のマイニング装置と、"),  # homophone
    ],
)
def test_near_repeat_spelling_variants(first, again):
    lines = numbered(first, "ええ。", again)
    assert removals(lines) == {3: ("near_repeat", 1)}


def test_a_later_line_that_says_more_is_not_a_near_repeat():
    lines = numbered(
        "同じものだっていうことなんですよね。",
        "最初に結論を言ってしまうと、",
        "マイニング装置と計算能力のコンピューターっていうのは、",
        "ほぼ同じものだっていうことなんですよね。",  # adds ほぼ: kept
    )
    assert removals(lines) == {}


@pytest.mark.parametrize(
    "a, b",
    [
        ("チームはこれで5連勝、首位との差を2ゲームに縮めました。",
         "チームはこれで5連勝、首位との差を3ゲームに縮めました。"),  # a number
        ("今年の売り上げは大きく伸びましたけど、", "去年の売り上げは大きく伸びましたけど、"),  # a word
        ("明日の会議には出席しますか", "明日の会議には出席します"),  # a question and its answer
        ("暗号資産のマイナー企業だったわけですよ。", "昔は暗号資産のマイナー企業だったけど、"),
    ],
)
def test_different_sentences_sharing_a_long_phrase_stay(a, b):
    assert removals(numbered(a, b)) == {}
    assert removals(numbered(b, a)) == {}


# -- restarts -----------------------------------------------------------------------


def test_restart_whole_start_restated():
    lines = numbered(
        "昔のCoreWeaveと同じような暗号資産のマイニングをしている、",
        "今のCoreWeaveのマイナー企業だったんですけど、",
        "今のCoreWeaveのマイナー企業だったんですけど、",
        "昔のCoreWeaveと同じような暗号資産のマイニングをしている企業っていうのは、",
    )
    assert removals(lines) == {1: ("restart", 4), 3: ("repeat", 2)}


def test_restart_with_an_abandoned_ending():
    lines = numbered(
        "それに釣られてというか、",
        "その他の暗号資産のマイニングのデータセンターのプロジェクトを",
        "釣られて、その他の暗号資産のマイニングのデータセンターの株が",
        "一気に買われたっていうね。",
    )
    assert removals(lines) == {2: ("restart", 3)}


@pytest.mark.parametrize("start, restated", [
    ("昼は中華", "昼は中華にしましょう"),  # three or four characters hold a content word
    ("最初の、", "最初の質問ですけど、"),
    ("東京で", "東京で働いていました"),
])
def test_a_short_start_naming_something_restated_is_a_restart(start, restated):
    assert removals(numbered("こんにちは", start, restated)) == {2: ("restart", 3)}


@pytest.mark.parametrize("start, next_line", [
    ("はい", "はいそうです"),  # no content word: a reply, then the answer
    ("えっと", "えっとですね"),
])
def test_a_short_start_without_a_content_word_stays(start, next_line):
    assert removals(numbered("こんにちは", start, next_line)) == {}


def test_finished_sentence_is_not_a_restart():
    lines = numbered("これは血圧の薬です。", "これは血圧の薬ですが、飲み方に注意が必要です。")
    assert removals(lines) == {}
    lines = numbered("これは血圧の薬なんですけど", "これは血圧の薬なんですけど、飲み方に注意が必要です。")
    assert removals(lines) == {}


def test_restart_never_removes_a_line_others_point_at():
    start = "その他の暗号資産のマイニングのデータセンターの"
    lines = numbered(start, start, start + "株が一気に買われた")
    assert removals(lines) == {2: ("repeat", 1)}


# -- the API ------------------------------------------------------------------------


def test_empty_and_punctuation_only_lines():
    assert removals([]) == {}
    assert removals(numbered("……", "……", "……", "……", "。")) == {}


def test_line_numbers_need_not_be_consecutive():
    lines = [(10, "皮目にフォークで穴を開けておくと、"), (12, "皮目にフォークで穴を開けておくと、")]
    assert removals(lines) == {12: ("repeat", 10)}


def test_given_morphemes_give_the_same_result():
    case = json.loads((CASES / "cooking_show.json").read_text("utf-8"))
    lines = numbered(*case["lines"])
    analyzer = get_analyzer()
    morphemes = {n: analyzer.analyze(t) for n, t in lines}
    assert removals(lines, morphemes=morphemes) == removals(lines)


def test_config_is_frozen_and_used():
    config = DedupConfig()
    with pytest.raises(AttributeError):
        config.repeat_window = 1  # type: ignore[misc]
    line = "血圧は毎日同じ時間に測ってください。"
    lines = numbered(line, "一つ目。", "二つ目。", line)
    assert removals(lines) == {4: ("repeat", 1)}
    assert removals(lines, DedupConfig(repeat_window=1, near_window=1)) == {}


# -- properties ---------------------------------------------------------------------

POOL = [
    "はい。", "うん。", "そうですね。", "なるほど。",
    "今日は暗号資産の話をします。", "今日は暗号資産の話をしますね。",
    "データセンター、", "マイニング工場って言われたりしますけど、",
    "データセンター、マイニング工場って言われたりしますけど、",
    "その他の暗号資産のマイニングのデータセンターのプロジェクトを",
    "吊られて、その他の暗号資産のマイニングのデータセンターの株が",
    "昔のCoreWeaveと同じような暗号資産のマイニングをしている、",
    "昔のCoreWeaveと同じような暗号資産のマイニングをしている企業っていうのは、",
    "焼き色が付くまで触らないのがコツです。", "焼き色がつくまで触らないのがコツです",
    "首位との差を2ゲームに縮めました。", "首位との差を3ゲームに縮めました。",
    "……", "",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(POOL), max_size=30), st.integers(1, 5))
def test_removals_point_at_kept_lines(texts, step):
    lines = [(1 + i * step, t) for i, t in enumerate(texts)]
    removed = removals(lines)
    numbers = {n for n, _ in lines}
    for n, (reason, of) in removed.items():
        assert n in numbers and of in numbers
        assert of not in removed  # duplicate_of is a kept line
        if reason == "restart":
            assert of > n  # the fuller line comes later
        else:
            assert reason in ("repeat", "near_repeat") and of < n
    assert removals(lines) == removed  # deterministic


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="あいかきさしたてのはをんアイカキーデ資産暗号今年去12、。？ ", max_size=25),
                max_size=20))
def test_any_lines_keep_the_invariants(texts):
    lines = numbered(*texts)
    removed = removals(lines)
    for n, (reason, of) in removed.items():
        assert of not in removed and of != n
        assert (of > n) if reason == "restart" else (of < n)


def test_short_restart_said_again_word_for_word_goes_but_a_filler_stays():
    lines = [(1, "で、新しい店が、"), (2, "で、新しい店が駅前にできたんですよ。"), (3, "はい、"), (4, "はい、そうです。")]
    assert removals(lines) == {1: ("restart", 2)}


def test_short_head_of_a_repeated_block_goes_with_it():
    lines = [(1, "ハザードマップで、"), (2, "自分の家が浸水する地域かどうか確認してください。"),
             (3, "ハザードマップで、"), (4, "自分の家が浸水する地域かどうか確認してください。"), (5, "はい。"),
             (6, "それでは次の話題です。"), (7, "はい。"), (8, "それでは次の話題です。")]
    found = removals(lines)
    assert found[3] == ("repeat", 1) and found[4] == ("repeat", 2) and 7 not in found


def test_long_lines_are_compared_in_reasonable_time():
    # partial_ratio is cubic on long repetitive keys: two 15000-digit lines took minutes
    import time

    digits = "1" * 7000 + "2" + "1" * 8000
    long_line = "".join(f"今日は{i}社の決算を見ていきます、" for i in range(300))
    near = long_line[:3000] + "ね" + long_line[3000:]
    start = time.perf_counter()
    removed = removals([(1, digits + "です"), (2, "あ" + digits + "ですよ"), (3, long_line), (4, near)])
    assert time.perf_counter() - start < 5
    assert removed[4] == ("near_repeat", 3)  # a long line said again with a particle more still goes


def test_another_speakers_echo_is_never_a_repeat():
    # agreement and echoes across speakers, from several kinds of talk
    pairs = [("投稿頻度を減らしたんですよね。", "投稿頻度を減らしたんですよね。"),
             ("来週の会議は火曜日の午後三時からですね。", "来週の会議は火曜日の午後三時からですね。"),
             ("このラーメン本当においしいですね。", "このラーメン本当においしいですね。")]
    for a, b in pairs:
        assert removals([(1, a), (2, b)], speakers={1: "A", 2: "B"}) == {}
        assert removals([(1, a), (2, b)], speakers={1: "A", 2: "A"}) == {2: ("repeat", 1)}


def test_one_speakers_repeat_is_found_across_the_others_lines():
    lines = [(1, "新しいモデルの発表は来月になりそうです。"), (2, "なるほど。"), (3, "新しいモデルの発表は来月になりそうです。")]
    assert removals(lines, speakers={1: "A", 2: "B", 3: "A"}) == {3: ("repeat", 1)}


@pytest.mark.parametrize("first, reply", [
    ("田中先生、本日はよろしくお願いします。", "よろしくお願いしますー。"),  # a guest's reply, drawn out
    ("皆さん、今日もお疲れ様でした。", "お疲れ様でしたー"),
    ("それでは山本さん、ありがとうございました。", "ありがとうございましたー！"),
])
def test_a_drawn_out_set_phrase_answering_the_line_before_stays(first, reply):
    assert find_duplicate_lines([(1, first), (2, reply)]) == {}
