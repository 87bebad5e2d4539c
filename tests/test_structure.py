import pytest

from ja_transcript.nlp import get_analyzer
from ja_transcript import structure
from ja_transcript.structure import explain_kinds, is_polite, line_form, line_kinds, punctuated_share


def kinds(lines):
    a = get_analyzer()
    return line_kinds(lines, [a.analyze(t) for t in lines])


def test_title_and_heading_inside_a_sentence_of_another_domain():
    lines = [
        "週末の料理教室",
        "今日はね、鶏肉を使った料理を作っていきます。",
        "まず鶏もも肉を一口大に切って、",
        "下味の付け方",
        "塩と胡椒をしっかり揉み込んでいきます。",
        "",
        "次はソースです。",
    ]
    assert kinds(lines) == ["title", "speech", "speech", "heading", "speech", "blank", "speech"]


@pytest.mark.parametrize("line", [
    "今、マイニングをね、仮想通貨マイニングを",  # ends in a particle: an unfinished clause
    "それが一番の問題",  # a case-marked subject: speech
    "はい",
    "そうですね",
    "3000円",
])
def test_speech_lines_are_not_headings(line):
    context = ["こんにちは、今日は天気の話をします。", line, "そういうことなんですよ。"]
    assert kinds(context)[1] == "speech"


def test_unpunctuated_transcript_needs_a_pure_noun_phrase():
    lines = ["今日は大谷選手の話をします", "ドジャースの先発投手", "昨日の試合で打ったんですよ", "すごかったですね"]
    a = get_analyzer()
    assert punctuated_share(lines) == 0.0
    assert line_form(lines[1], a.analyze(lines[1])).ending == "noun"
    assert line_form(lines[2], a.analyze(lines[2])).ending == "polite"


def test_first_line_that_is_speech_is_not_a_title():
    assert kinds(["こんにちは、いわみです。", "今日の話題"])[0] == "speech"


def test_long_line_without_punctuation_is_speech():
    line = "人工知能を使った新しいサービスの開発と大規模なデータセンターの建設と電力の確保の問題"
    assert kinds(["はい。", line])[1] == "speech"


def test_timed_cues_without_their_times_are_in_the_flow_of_speech():
    lines = ["今日のゲスト", "山田さんです。"]
    a = get_analyzer()
    assert line_kinds(lines, [a.analyze(t) for t in lines], timed=True) == ["speech", "speech"]


def test_fragmentary_unpunctuated_text_has_no_headings():
    lines = ["今日のゲスト", "山田さんです", "昨日の試合", "すごかったですね", "最後の打席", "ホームランでした"] * 3
    assert "heading" not in kinds(lines) and "title" not in kinds(lines)


def test_space_separated_title_of_noun_phrases():
    lines = ["はままつ朝ラジ ローカルニュースと天気 9月1日防災の日スペシャル", "おはようございます、朝の時間です。",
             "今日は防災の日ですね。"]
    assert kinds(lines)[0] == "title"
    spoken = ["今日は いい天気", "おはようございます、朝の時間です。", "今日は防災の日ですね。"]
    assert kinds(spoken)[0] == "speech"  # a space in speech: its first part ends in a particle


# -- titles and headings of any grammatical shape (labelled by hand) --------------------------

_SPOKEN = ["はい、こんにちは。", "今日もよろしくお願いします。", "まず最初の話題です。", "そういうことなんですよ。",
           "では次に行きましょう。", "ありがとうございました。"]


@pytest.mark.parametrize("title", [
    "夏休みに北海道を一周してみた",  # plain past verb phrase
    "なぜ物価は上がり続けるのか",  # question without ？
    "在宅勤務って本当に楽なの？",  # question with ？
    "「推し活」にかける値段",  # quoted word
    "【検証】冷凍ごはんは電子レンジで何分温めるべきか",  # bracket tag
    "#21 転職で失敗しないコツ",  # episode number
    "Weekly Tech News",  # English
    "ゆる語りラジオ 第12回 春の引っ越し",  # spaced parts with an episode number
])
def test_first_line_titles_of_many_shapes(title):
    assert kinds([title] + _SPOKEN)[0] == "title"


@pytest.mark.parametrize("heading", [
    "値上げの背景",  # noun phrase
    "保険料はどう決まるのか",  # question
    "申し込みをしてみる",  # plain verb phrase
    "■よくある質問",  # leading symbol
    "03:15 今後の見通し",  # timestamp
    "第2章 江戸への道",  # chapter number
])
def test_headings_of_many_shapes_between_punctuated_speech(heading):
    lines = ["はい、こんにちは。", "今日は保険の話です。", "まずは基本から見ていきます。", heading,
             "ここからが本題です。", "ではよろしくお願いします。"]
    assert kinds(lines)[3] == "heading"


@pytest.mark.parametrize("opening", [
    "では二つ目、保険の見直しです。",  # では, SudachiPy's で + は: the conjunction after a pause
    "では続いて、車の維持費の話に行きましょう。",
    "で、次は通信費なんですけど、",  # で and a pause
])
def test_a_heading_before_a_line_opening_with_the_conjunction_de_wa(opening):
    lines = ["はい、こんにちは。", "今日は家計の話です。", "まずは固定費から見ていきます。", "家計の見直し",
             opening, "ここからが本題です。", "よろしくお願いします。"]
    assert kinds(lines)[3] == "heading"


def test_a_line_run_on_with_pauses_inside_and_none_at_its_end_is_speech():
    lines = ["はい、こんにちは。", "今日は家計の話です。", "まずは固定費から見ていきます。", "保険の話、先生、よく相談される",
             "ことなんですけど、どうですか。", "ここからが本題です。", "よろしくお願いします。"]
    assert kinds(lines)[3] == "speech"


def test_a_heading_with_one_pause_inside_stays_a_heading():
    lines = ["はい、こんにちは。", "今日は家計の話です。", "まずは固定費から見ていきます。", "保険の見直し、その第一歩",
             "では続いて、保険の話です。", "ここからが本題です。", "よろしくお願いします。"]
    assert kinds(lines)[3] == "heading"


@pytest.mark.parametrize("line", [
    "そうですね",  # a short answer
    "はい",
    "了解です",  # polite reply
    "それから卵",  # a list item said aloud, linked to the line before
    "まず牛乳",
    "えーと次の話",  # filler
    "すごかったよね",  # final particle
    "5000円",  # a figure
])
def test_lines_that_look_like_headings_but_are_speech(line):
    lines = ["はい、こんにちは。", "今日は買い物の話です。", line, "これで一週間もちます。"]
    assert kinds(lines)[2] == "speech"


def test_greeting_first_line_of_an_unpunctuated_transcript_is_not_a_title():
    lines = ["皆さんこんばんは", "今日も一日お疲れさまでした", "今夜は雨の話をします", "最近よく降りますね"]
    assert kinds(lines)[0] == "speech"


def test_plain_verb_heading_in_polite_unpunctuated_speech_whose_words_follow_it():
    lines = ["研修 二日目", "皆さんおはようございます", "今日は電話の練習をします", "昨日はメールをやりましたね",
             "伝言を受ける", "担当者がいないときは伝言を受けます", "相手の名前を必ずメモしてください"]
    assert kinds(lines) == ["title", "speech", "speech", "speech", "heading", "speech", "speech"]


def test_line_continued_by_the_next_is_speech():
    # 上がった reads as a plain verb phrase, but っていうね goes on with it: a sentence broken at a pause
    lines = ["こんにちは。", "株が20%くらい上がった", "っていうね。", "すごいですね。"]
    assert kinds(lines)[1] == "speech"


def test_lines_with_the_same_mark_as_a_heading_are_headings():
    lines = ["【解説】金利の話", "こんにちは、解説の時間です。", "金利が上がりました。", "【変動金利】返済額はどう変わる",
             "半年ごとに見直されます。", "月に数千円上がります。", "【固定金利】今から借りる人は",
             "固定も上がっています。"]
    assert [k for k in kinds(lines)] == ["title", "speech", "speech", "heading", "speech", "speech", "heading", "speech"]


def test_explanations_name_the_evidence():
    lines = ["簡単カレーを作ってみた", "はい、どうも。", "今日はカレーを作ります。"]
    a = get_analyzer()
    kind, evidence = explain_kinds(lines, [a.analyze(t) for t in lines])[0]
    assert kind == "title"
    reasons = {e.reason for e in evidence}
    assert {"plain predicate", "first line", "unpunctuated among punctuated speech"} <= reasons


def test_polite_endings():
    assert is_polite("すごく寒かったです") and is_polite("行きましょう。") and is_polite("大丈夫ですか")
    assert not is_polite("作ってみた") and not is_polite("必要か")


def _cases(split):
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_structure import CASES, load_cases
    return load_cases(CASES / f"{split}.txt")


_KNOWN_MISSES = {
    # Unpunctuated, polite speech: a one-compound noun line (キッチン用品) is as likely a
    # fragment said aloud (パンダ in case 31); nothing in the text tells them apart.
    "36",
}


@pytest.mark.parametrize("case", [
    pytest.param(c, id=c[0].split()[0],
                 marks=[pytest.mark.xfail(strict=True, reason="known miss")] if c[0].split()[0] in _KNOWN_MISSES else [])
    for c in _cases("dev")])
def test_development_transcripts(case):
    header, texts, gold = case
    assert kinds(texts) == gold


@pytest.mark.parametrize("fragment", [
    "釣り好きの仲間たちの",  # a genitive の: its head noun comes on the next line
    "昨日の夜の",
    "3点差くらいの",
    "勝てるかどうか",  # an embedded question: the predicate that takes it follows
    "間に合うかどうか",
])
def test_an_unfinished_phrase_is_no_question_heading(fragment):
    # caption-style lines, no punctuation (fishing, cooking, football, exams)
    lines = ["どうもこんにちは", "今日は海に来ています", fragment, "みんなで来ました",
             "まだわからないですね", "それでは行ってみましょう", "よろしくお願いします"]
    assert kinds(lines)[2] == "speech"


@pytest.mark.parametrize("question", ["なぜ円安は止まらないのか", "この店はなぜ人気なの"])
def test_a_question_heading_still_ends_in_ka_or_a_nominal_no(question):
    assert line_form(question, get_analyzer().analyze(question)).ending == "question"


@pytest.mark.parametrize("lines, n", [
    # a cooking video: the chapter title between a finished sentence and one opening with まず
    (["こんにちは料理チャンネルです", "今日はカレーを作ります", "よろしくお願いします", "材料の準備",
      "まず玉ねぎを切っていきます", "薄切りにしてください", "次は人参です", "これも切ります"], 3),
    # a travel vlog: after a final particle, before an interjection
    (["おはようございます", "京都に着きましたよ", "朝の清水寺", "いやー人が少ないですね",
      "早起きしてよかったです", "坂を上っていきます", "もうすぐ門が見えます"], 2),
])
def test_an_unpunctuated_noun_phrase_between_finished_sentences_is_a_heading(lines, n):
    assert kinds(lines)[n] == "heading"


def test_a_noun_phrase_leaning_on_a_neighbour_or_near_the_end_is_speech():
    lines = ["こんにちは釣り日記です", "今日は堤防に来ています", "よろしくお願いします", "この大きなアジ",
             "見てくださいよ", "すごいですね", "ありがとうございました", "釣り日記", "また来週"]
    got = kinds(lines)
    assert got[3] == "speech"  # the object of 見てください, its particle dropped
    assert got[7] == "speech"  # the show's name said in the goodbye: no chapter follows it


@pytest.mark.parametrize("title", ["まちの防災ラジオ 台風に備えましょう", "週末ごはん 簡単に作れます"])
def test_a_first_line_laid_out_with_a_space_among_punctuated_speech_is_a_title(title):
    lines = [title, "こんばんは、今日もよろしくお願いします。", "まずは、最初のお便りからです。",
             "毎日暑いですね、という声をいただきました。"]
    assert kinds(lines)[0] == "title"


def timed_kinds(lines, times):
    a = get_analyzer()
    return line_kinds(lines, [a.analyze(t) for t in lines], timed=True, times=times)


def run_on(n, start=0.0, length=2.0):
    """Times of n cues of speech following one another."""
    return [(start + k * (length + 0.1), start + k * (length + 0.1) + length) for k in range(n)]


def test_a_chapter_card_laid_over_subtitle_cues_is_a_heading():
    # a fishing channel's captions, a chapter card pasted in at its time over the speech
    lines = ["おはようございます", "今日は朝から堤防に来ています", "風もなくていい天気ですね", "仕掛けの準備",
             "まずはウキを付けて", "エサはオキアミです", "これを針に刺していきます", "投げてみましょう"]
    times = run_on(3) + [(6.0, 9.0)] + run_on(4, start=6.3)
    assert timed_kinds(lines, times)[3] == "heading"
    # the same line cut from the flow of speech, as an ASR cuts it, is speech
    assert timed_kinds(lines, run_on(len(lines)))[3] == "speech"


def test_a_title_card_over_the_opening_cue_and_a_question_card():
    lines = ["山歩き日記 秋の高尾山へ", "はいどうも", "今日は高尾山に登っていきます", "天気も最高です",
             "登山道の選び方は？", "高尾山には", "いくつもコースがあって", "今日は稲荷山コースで行きます"]
    times = [(0.0, 4.0)] + run_on(3, start=0.5) + [(6.0, 9.0)] + run_on(3, start=6.8)
    assert timed_kinds(lines, times) == ["title"] + ["speech"] * 3 + ["heading"] + ["speech"] * 3


def test_overlapping_cues_say_nothing_where_many_overlap():
    # rolling captions: every cue overlaps the next, so overlapping marks no card
    lines = ["今日は", "今日はキャンプ場", "キャンプ場の紹介", "紹介をしていきます", "まず受付で", "受付で名前を"]
    times = [(k * 1.0, k * 1.0 + 2.5) for k in range(len(lines))]
    assert "heading" not in timed_kinds(lines, times)
    assert structure.laid_over(times) == set()


def test_timed_cues_in_the_flow_need_more_than_a_noun_phrase():
    lines = ["今日のゲスト", "山田さんです。", "よろしくお願いします。"]
    assert timed_kinds(lines, run_on(3)) == ["speech"] * 3
    # English said aloud gets a cue of its own in subtitles
    lines = ["次の曲はこちらです。", "Fly Me to the Moon", "いい曲ですよね。", "Thank you very much", "それではまた。"]
    assert timed_kinds(lines, run_on(5)) == ["speech"] * 5


UNPUNCTUATED_TALK = ["どうもこんにちは", "今日は新しいキーボードを紹介します", "さっそく開けていきましょう", None,
                     "箱の中には", "本体とケーブルが入っています", "見た目はかなりシンプルです", None,
                     "はい", "打ってみると", "音はかなり静かです", "最後に値段ですけど", "1万5000円でした",
                     "それではまた"]


def talk_with(first, second):
    lines = list(UNPUNCTUATED_TALK)
    lines[3], lines[7] = first, second
    return lines


@pytest.mark.parametrize("heading", ["付属品の中身は？", "打ち心地はどうか？"])
def test_a_question_mark_in_captions_without_punctuation_marks_a_heading(heading):
    assert kinds(talk_with(heading, "打鍵感と静かさ"))[3] == "heading"


@pytest.mark.parametrize("name", ["まとめ", "おわりに"])
def test_a_word_naming_a_part_of_the_talk_is_a_heading(name):
    lines = ["どうもこんにちは", "今日は新しいキーボードを紹介します", "見た目はかなりシンプルです", "音もかなり静かです",
             name, "じゃあ最後に", "値段は1万5000円でした", "それではまた"]
    assert kinds(lines)[4] == "heading"
    # a lone common noun in its place is a fragment of speech
    lines[4] = "キーボード"
    assert kinds(lines)[4] == "speech"


@pytest.mark.parametrize("line,expected", [
    ("値段と買える場所", "heading"),  # topics joined by と, whole on the line
    ("充電1回で30時間", "speech"),  # a figure said with its unit, the copula left out
])
def test_topics_joined_by_to_and_a_figure_with_its_unit(line, expected):
    lines = ["どうもこんにちは", "今日は新しいキーボードを紹介します", "見た目はかなりシンプルで", "音もかなり静かなんですけど",
             line, "公式サイトで1万5000円です", "充電は", "USBでできます", "それではまた"]
    assert kinds(lines)[4] == expected


def test_a_connective_opening_the_next_line_does_not_continue_a_heading():
    lines = ["どうもこんにちは", "今日は新しいキーボードを紹介します", "見た目はかなりシンプルです", "音もかなり静かです",
             "値段と在庫", "ということで", "値段は1万5000円でした", "それではまた"]
    assert kinds(lines)[4] == "heading"
    assert structure._continues(get_analyzer().analyze("というわけではないです"))


@pytest.mark.parametrize("title", ["週末キャンプ 初心者でも楽しめる焚き火へ", "ひとり飯 近所の定食屋で"])
def test_a_spaced_title_whose_last_part_says_where_it_goes(title):
    lines = [title, "どうもこんにちは", "今日は近所のお店に来ています", "さっそく入ってみましょう", "メニューは", "10種類くらいあります"]
    assert kinds(lines)[0] == "title"
