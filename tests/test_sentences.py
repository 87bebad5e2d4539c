from hypothesis import given, settings, strategies as st

from ja_transcript.nlp import get_analyzer
from ja_transcript.sentences import SpokenLine, build_sentences, ends_spoken_sentence


def spoken(texts, start_times=None):
    a = get_analyzer()
    out = []
    for i, t in enumerate(texts, start=1):
        start = start_times[i - 1] if start_times else None
        out.append(SpokenLine(i, t, a.analyze(t), start, None if start is None else start + 1.0))
    return out


def texts(lines, drafts):
    by_n = {l.n: l for l in lines}
    return ["".join(by_n[p.line].text[p.start:p.end] for p in d.pieces) for d in drafts]


def test_joins_lines_until_sentence_end_and_splits_inside_lines():
    lines = spoken(["こんにちは。今日は", "料理の話を", "します。はい。"])
    drafts = build_sentences(lines, punctuated=True)
    assert texts(lines, drafts) == ["こんにちは。", "今日は料理の話をします。", "はい。"]
    assert [d.lines for d in drafts] == [[1], [1, 2, 3], [3]]


def test_unpunctuated_lines_end_at_sentence_final_forms():
    lines = spoken(["昨日は雨が", "降りました", "でも今日は晴れてる", "よね"])
    drafts = build_sentences(lines, punctuated=False)
    assert texts(lines, drafts) == ["昨日は雨が降りました", "でも今日は晴れてるよね"]


def test_long_pause_ends_a_sentence():
    lines = spoken(["それでね", "次の話"], start_times=[0.0, 10.0])
    assert len(build_sentences(lines, punctuated=True)) == 2


def test_closing_brackets_stay_with_their_sentence():
    lines = spoken(["彼は「行く。」と言った。"])
    assert texts(lines, build_sentences(lines, True)) == ["彼は「行く。」", "と言った。"]


def test_ends_spoken_sentence():
    a = get_analyzer()
    assert ends_spoken_sentence(a.analyze("そうなんですよね"))
    assert ends_spoken_sentence(a.analyze("明日は晴れる"))
    assert not ends_spoken_sentence(a.analyze("明日は晴れるけど"))
    assert not ends_spoken_sentence(a.analyze("データセンターの"))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="あ。！？!?．」』）)】”’ い", max_size=20))
def test_sentence_ends_run_over_enders_and_closing_brackets(text):
    from ja_transcript.sentences import sentence_ends

    enders, closers = set("。！？!?．"), set("」』）)】”’")
    expected, i = [], 0
    while i < len(text):  # the plain definition, one character at a time
        if text[i] in enders:
            i += 1
            while i < len(text) and (text[i] in enders or text[i] in closers):
                i += 1
            expected.append(i)
        else:
            i += 1
    assert sentence_ends(text) == expected


def test_hearsay_tte_after_a_polite_form_ends_an_unpunctuated_sentence():
    lines = spoken(["この町は", "日本一の桜の名所なんですって", "入場料は500円でした"])
    assert texts(lines, build_sentences(lines, punctuated=False)) == ["この町は日本一の桜の名所なんですって", "入場料は500円でした"]


def test_a_connective_opens_a_sentence_of_its_own():
    # というわけで / ということで open what follows; というわけではない goes on with the line before
    lines = spoken(["充電は一晩で終わりました", "ということで", "次は音を聞いてみます"])
    assert texts(lines, build_sentences(lines, punctuated=False)) == ["充電は一晩で終わりました", "ということで次は音を聞いてみます"]
    lines = spoken(["高いから悪いです", "というわけではないです"])
    assert len(build_sentences(lines, punctuated=False)) == 1
