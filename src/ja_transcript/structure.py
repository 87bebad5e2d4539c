"""Line kinds: the title and chapter headings that transcription tools paste in as lines.

Titles and headings come in any grammatical shape (noun phrases, plain verb phrases,
questions, quoted, bracketed, numbered, in English), so no single form decides. Each line
that could be one is weighed on the transcript's own evidence, each piece with a weight
(`Evidence`), and is a title (the first line) or heading when the weights reach
`StructureConfig.threshold`:

* writing, not speech: a bracketed tag (【解説】), a leading section number, timestamp,
  symbol or ``#12``, a Latin word with a number (vol.21, STEP1), separators (｜ ：), a quoted
  name (『…』を読んで), a line in Latin script only;
* its ending: a noun phrase, a plain (non-polite) predicate, a question (…のか, …は？); against:
  a polite predicate (です / ます), a final particle (ね, よ), an interjection or filler, an
  unfinished clause (ends in を, が, て), an opening that links to what came before
  (conjunction, pronoun, adverb: それから卵, まず牛乳), a bare figure (3000円);
* the transcript around it: no punctuation where speech is punctuated; a plain form where
  speech is polite; a blank line after it where blank lines are rare; its words taken up
  by the next lines (a new topic), or by the rest of the transcript (a title); another
  heading of the same shape in the file; against: the next line continuing it (っていう, です),
  a line much longer than the transcript's lines.

Lines that end in 。 or 、, or are too long, are speech outright. Timed cues (subtitles, ASR
segments) are weighed the same way, with their times as evidence: a cue is cut from the speech
and runs in its flow (against), unless it is laid over the cues around it where the others follow
one another (a chapter or title card pasted in at its time, for).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import Sequence

from .nlp import Morpheme
from .nonspeech import is_nonspeech
from .sentences import opens_with_connective

_PUNCT = set("、。，．,.！？!?…」』）)")
_INNER_PAUSES = re.compile("[、，].*[、，]")  # two pauses or more inside a line
_SPEECH_END = set("、。，,…")  # a line ending so is a piece of a spoken sentence
_JAPANESE_SPACE = re.compile("[\u3040-\u30ff\u4e00-\u9fff][ \u3000]+[\u3040-\u30ff\u4e00-\u9fff]")  # a space between Japanese words
_QUESTION_END = set("？?")
# Inside a noun-phrase heading, only these particles link nouns: 仮想通貨とAIの関係, オープンAIとの契約.
_HEADING_PARTICLES = {"の", "と", "や", "へ", "との", "への", "における", "による", "から", "まで", "で"}
_NOUN_END = {"名詞", "接尾辞", "記号"}
_PREDICATE = {"動詞", "形容詞", "助動詞", "形状詞"}
_POLITE = {"助動詞-デス", "助動詞-マス"}
_FINAL_PARTICLES = {"ね", "よ", "な", "わ", "ぞ", "ぜ", "さ", "ねえ", "なあ", "よね", "かな", "じゃん"}
# Words that name a part of a talk or a text, not something talked about: a line of one of
# them alone is a chapter's name, not a fragment of speech.
_PART_NAMES = {"まとめ", "はじめに", "おわりに", "終わりに", "目次", "概要", "結論", "総評", "序章", "終章",
               "前編", "後編", "番外編", "プロローグ", "エピローグ", "オープニング", "エンディング", "質疑応答"}
_FORMAL_NOUNS = {"もの", "こと"}  # SudachiPy may tag them 終助詞 (だもの); after a 連体形 they head a noun phrase
_OPEN = "【［\\[〔〈《<＜(（"
_CLOSE = "】］\\]〕〉》>＞)）"

# Marks of writing: a line that carries one was typed by whoever made the transcript.
_MARKERS = (
    ("tag", re.compile(f"^[{_OPEN}][^{_CLOSE}]{{1,24}}[{_CLOSE}]\\s*\\S|\\S\\s*[{_OPEN}][^{_CLOSE}]{{1,24}}[{_CLOSE}]$")),
    ("timestamp", re.compile(r"^[\[(（［]?\d{1,2}(:\d{2}){1,2}[\])）］]?\s")),
    ("number", re.compile(r"^(第[\d０-９一二三四五六七八九十百千]+[章回話部節課日幕]|[\d０-９]{1,2}[.．)）、]\s*\S"
                          r"|その[\d０-９一二三四五六七八九十]+\s|[(（][\d０-９]{1,2}[)）])")),
    ("symbol", re.compile(r"^[■□●○◆◇▼▽▲△★☆◎※＊*＃#]")),
    ("episode", re.compile(r"(^|\s)[#＃][\d０-９]+|[A-Za-z]{2,}\.?\s?[\d０-９]+|第[\d０-９一二三四五六七八九十百千]+[回話章]")),
    ("separator", re.compile(r"\S\s*[｜|：]\s*\S|\S\s[-–—/／]\s\S|\S[:：]\s")),
    ("quoted", re.compile(r"^[「『“][^」』”]{1,30}[」』”]\S")),
)
_LATIN_ONLY = re.compile(r"^[A-Za-z][A-Za-z0-9 '&:.,!?-]{3,}$")
_POLITE_TEXT = re.compile(r"(です|ます|でした|ました|ません|ましょう|でしょう)(か|ね|よ|な|よね)?[。、！？!?…]*$")


@dataclass(frozen=True)
class StructureConfig:
    max_heading_chars: int = 40  # chapter titles are short; spoken lines ramble
    max_title_chars: int = 80  # episode titles join a show, a number and a topic
    punctuated_share: float = 0.5  # above this share of lines ending in punctuation, the text "punctuates"
    # Chapters are few: when more lines than this share look like headings by their form alone
    # (no mark of writing), they are speech fragments of a text that does not punctuate.
    max_heading_share: float = 0.25
    threshold: float = 2.0  # summed evidence a title or heading needs


@dataclass(frozen=True)
class Evidence:
    """One reason for (weight > 0) or against (< 0) a line being a title or heading."""
    reason: str
    weight: float


@dataclass(frozen=True)
class LineForm:
    """What a line's own text says (no context)."""
    marker: str | None  # the first mark of writing found (tag, timestamp, number, ...)
    ending: str  # noun | clause | plain | question | polite | final_particle | particle | figure | other
    evidence: tuple[Evidence, ...]
    content_words: frozenset[str]  # normalized forms of its nouns, verbs and adjectives


def punctuated_share(texts: Sequence[str]) -> float:
    """Share of non-empty lines that end in punctuation.

    >>> punctuated_share(["はい。", "そうですね、", "見出し", ""])
    0.6667
    """
    lines = [t.rstrip() for t in texts if t.strip()]
    if not lines:
        return 0.0
    return round(sum(t[-1] in _PUNCT for t in lines) / len(lines), 4)


def is_polite(text: str) -> bool:
    """Whether a line ends in a polite predicate (です / ます forms).

    >>> is_polite("昨日は雨でしたね。"), is_polite("伝言を受ける")
    (True, False)
    """
    return bool(_POLITE_TEXT.search(text.strip()))


def _may_be_heading(text: str, config: StructureConfig, first: bool) -> bool:
    """What a title or heading needs of the text before its morphemes are looked at."""
    stripped = text.strip()
    limit = config.max_title_chars if first else config.max_heading_chars
    return bool(stripped) and len(stripped) <= limit and stripped[-1] not in _SPEECH_END


def _content_words(morphemes: Sequence[Morpheme]) -> frozenset[str]:
    """Normalized forms of the words that carry a topic (nouns, verbs, adjectives)."""
    return frozenset(m.normalized for m in morphemes
                     if m.pos[0] in ("名詞", "動詞", "形容詞") and m.pos[1] not in ("数詞", "非自立可能")
                     and m.pos[2] != "副詞可能"  # 今日, 最近: time and degree, not a topic
                     and not (len(m.surface) == 1 and "\u3040" <= m.surface <= "\u309f"))


def line_form(text: str, morphemes: Sequence[Morpheme]) -> LineForm:
    """Weigh a line's own shape: its marks of writing, its ending, its signs of speech."""
    stripped = text.strip()
    ev: list[Evidence] = []
    marker = next((name for name, pattern in _MARKERS if pattern.search(stripped)), None)
    if marker:
        ev.append(Evidence(f"written mark ({marker})", 2.0))
    elif _LATIN_ONLY.match(stripped):
        marker = "latin"  # Japanese speech is transcribed in kana and kanji
        ev.append(Evidence("Latin script only", 1.5))
    words = [m for m in morphemes if m.pos[0] not in ("空白", "補助記号")]
    if not words:
        return LineForm(marker, "other", tuple(ev), frozenset())
    if marker is None and _spaced_noun_phrases(morphemes):
        marker = "spaced"  # 番組名 ローカルニュースと天気 9月1日防災の日スペシャル: parts laid out by spaces
        ev.append(Evidence("noun phrases set apart by spaces", 2.0))
    # An interjection or filler stands at an edge of what is said (えーと今日は, 皆さんこんばんは);
    # one inside a run of words is SudachiPy splitting a name it does not know (はままつ).
    edges = {0, len(morphemes) - 1} | {k + 1 for k, m in enumerate(morphemes) if m.pos[0] in ("空白", "補助記号")}
    if any(m.pos[0] == "感動詞" and k in edges for k, m in enumerate(morphemes)):
        ev.append(Evidence("interjection or filler", -3.0))
    question = stripped[-1] in _QUESTION_END
    last = words[-1]
    if last.surface == "へ" and len(words) > 2:
        last = words[-2]  # ピザの名店へ, 次の時代へ: a title may end heading somewhere
    polite = any(m.pos[0] == "助動詞" and m.pos[4] in _POLITE for m in words[-3:])
    if _is_part_name(stripped):
        ending = "noun"  # おわりに: a name, whatever it ends in
        ev.append(Evidence("noun phrase", 1.5))
        ev.append(Evidence("names a part of the talk", 1.0))
    elif polite:
        ending = "polite"
        ev.append(Evidence("polite predicate", -1.5))
    elif last.pos[0] == "助詞" and (last.surface in ("か", "の") or question) and len(words) > 2 \
            and not _open_phrase(words):
        ending = "question"  # 遺言書は必要か, 稼げるの？, 落ちにくいのは？
        ev.append(Evidence("question", 1.0))
    elif last.surface in _FORMAL_NOUNS and len(words) > 1:
        ending = "noun"  # 買ってよかったもの, 知っておきたいこと: a formal noun heads the phrase
        ev.append(Evidence("noun phrase", 1.5))
    elif last.pos[1] == "終助詞" or (last.pos[0] == "助詞" and last.surface in _FINAL_PARTICLES):
        ending = "final_particle"
        ev.append(Evidence("sentence-final particle", -3.0))
    elif last.pos[0] == "助詞":
        ending = "particle"
        ev.append(Evidence("unfinished clause", -2.0))
    elif last.pos[1] == "数詞" or last.pos[2] == "助数詞可能" and all(
            m.pos[1] == "数詞" or m.pos[2] == "助数詞可能" for m in words):
        ending = "figure"
        ev.append(Evidence("a figure on its own", -2.0))
    elif last.pos[0] in _NOUN_END:
        if _is_noun_phrase(words):
            ending = "noun"
            ev.append(Evidence("noun phrase", 1.5))
            if _joins_topics(words):
                ev.append(Evidence("topics joined by と", 0.5))
            if len(words) > 2 and words[-2].pos[1] == "数詞" and (last.pos[2] == "助数詞可能" or last.pos[1] == "助数詞"):
                # ケース込みで24時間: speech says its figures with the copula left out; a chapter
                # is named by its topic
                ev.append(Evidence("ends in a figure with its unit", -1.0))
        else:
            ending = "clause"  # それが一番の問題, 今日は いい天気: a statement with its copula dropped
            ev.append(Evidence("clause with a noun predicate", -1.0))
    elif last.pos[0] in _PREDICATE and (last.pos[5].startswith(("終止形", "意志推量形")) or question):
        ending = "plain"
        ev.append(Evidence("plain predicate", 0.5))
    else:
        ending = "other"
    opener = words[0].pos[0]
    if not marker and (opener in ("接続詞", "代名詞") or opener == "副詞" and len(words) > 1
                       and words[1].surface != "の"):  # 初めての: an adverb used as a noun
        ev.append(Evidence("opens by linking to what was said", -1.5))
    return LineForm(marker, ending, tuple(ev), _content_words(words))


def _is_part_name(stripped: str) -> bool:
    return stripped.rstrip("？?！!") in _PART_NAMES


def _open_phrase(words: Sequence[Morpheme]) -> bool:
    """A line ending in a genitive の (チャンネルの, 1秒差くらいの: its head noun is still to come)
    or in an embedded question (残れるかどうか: かどうか needs the predicate that takes it) is an
    unfinished phrase, not a question; the question's の follows a predicate (準体助詞: 稼げるの)."""
    last = words[-1]
    if last.surface == "の":
        return last.pos[1] == "格助詞"
    return len(words) >= 3 and last.surface == "か" and words[-2].surface == "どう" and words[-3].surface == "か"


def _spaced_noun_phrases(morphemes: Sequence[Morpheme]) -> bool:
    """Whether the line is two or more space-separated parts that each end in a noun (not a
    figure) or a question's か: a title laid out in parts (ブラックホールとは何か Black Holes). Speech with a stray space has a part ending in a
    particle or a predicate (今日は いい天気)."""
    ends = [m for k, m in enumerate(morphemes)
            if m.pos[0] != "空白" and (k + 1 == len(morphemes) or morphemes[k + 1].pos[0] == "空白")]
    noun_end = lambda m: m.pos[0] in _NOUN_END and m.pos[1] != "数詞" or m.surface == "か"
    # The last part may end where a title says where it goes (プロの味を家庭で, 世界へ)
    last_ok = noun_end(ends[-1]) if ends else False
    if ends and not last_ok and ends[-1].surface in ("で", "へ", "に") and ends[-1].pos[0] in ("助詞", "助動詞"):
        k = len(morphemes) - 1
        last_ok = k > 0 and morphemes[k - 1].pos[0] in _NOUN_END
    return len(ends) >= 2 and last_ok and all(noun_end(m) for m in ends[:-1])


def _is_noun_phrase(words: Sequence[Morpheme]) -> bool:
    """Whether a line ending in a noun is a noun phrase (仮想通貨とAIの関係, 電話に出るときの基本)
    rather than a clause with a noun predicate (それが一番の問題, 旅の最後は札幌): a topic
    particle makes a clause, and a case particle must belong to a relative clause, that is,
    be followed by a predicate before the head noun."""
    for k, m in enumerate(words):
        if m.pos[0] != "助詞" or m.surface in _HEADING_PARTICLES:
            continue
        if m.pos[1] in ("係助詞", "副助詞"):
            return False
        if not any(w.pos[0] in _PREDICATE for w in words[k + 1:]):
            return False
    return True


def _joins_topics(words: Sequence[Morpheme]) -> bool:
    """A noun phrase of nouns joined by と (燃費と乗り心地, 円安と輸出企業, 中国との関係),
    whole on its line: speech that coordinates nouns goes on to say what they do (…と…が, …と…を
    on the next line), a chapter names its topics and stops."""
    particles = [m.surface for m in words if m.pos[0] == "助詞"]
    return len(words) >= 3 and bool(particles) and all(p in ("と", "の", "との") for p in particles) \
        and any(p in ("と", "との") for p in particles) and words[0].pos[0] != "助詞"


def _name_before_space(morphemes: Sequence[Morpheme]) -> bool:
    """The word before the line's first space is a noun: a name set apart, as titles are laid out."""
    k = next((k for k, m in enumerate(morphemes) if m.pos[0] == "空白"), None)
    return k is not None and k > 0 and morphemes[k - 1].pos[0] in _NOUN_END


def _ends_sentence(morphemes: Sequence[Morpheme]) -> bool:
    """A line that ends as a sentence does: a final particle, a predicate in a final form
    (終止形, 意志推量形, 命令形: 終わりました, 見ていきましょう, 見てください), or an interjection
    standing alone (はい)."""
    words = [m for m in morphemes if m.pos[0] not in ("空白", "補助記号")]
    if not words:
        return False
    last = words[-1]
    if last.pos[1] == "終助詞" or all(m.pos[0] == "感動詞" for m in words):
        return True
    return last.pos[0] in _PREDICATE and last.pos[5].startswith(("終止形", "意志推量形", "命令形"))


def _opens_sentence(morphemes: Sequence[Morpheme]) -> bool:
    """A line that opens a sentence of its own: with an interjection, a conjunction, an adverb
    or a pronoun (はい, じゃあ, まず, これが), or a connective phrase (というわけで), not with a
    word a noun before it could govern."""
    words = [m for m in morphemes if m.pos[0] not in ("空白", "補助記号")]
    return bool(words) and (words[0].pos[0] in ("感動詞", "接続詞", "副詞", "代名詞") or opens_with_connective(words))


def _continues(morphemes: Sequence[Morpheme]) -> bool:
    """A line that opens with an auxiliary, a final or linking particle or a quotative
    (です, よね, けど, って) goes on with the line before it. A line that opens with で then
    は or a pause (では次に, で、逆に) opens a new sentence: SudachiPy reads the conjunction
    では as a case particle and a topic one, but a line break is a pause, and after a pause
    で is the conjunction."""
    words = [m for m in morphemes if m.pos[0] not in ("空白",)]
    if not words:
        return False
    first = words[0]
    if first.surface == "で" and len(words) > 1 and (words[1].surface == "は" or words[1].pos[0] == "補助記号"):
        return False
    if opens_with_connective(words):
        return False
    return (first.pos[0] in ("助動詞", "接尾辞") or first.pos[1] in ("終助詞", "接続助詞", "格助詞")
            or first.surface in ("って", "っていう", "という"))


def explain_kinds(texts: Sequence[str], morphemes: Sequence[Sequence[Morpheme]],
                  config: StructureConfig = StructureConfig(), timed: bool = False,
                  times: Sequence[tuple[float | None, float | None]] | None = None
                  ) -> list[tuple[str, tuple[Evidence, ...]]]:
    """Kind of every line (title | heading | speech | nonspeech | blank) with the evidence weighed
    for it (empty where the line could not be a title or heading).

    Timed lines (subtitle cues, ASR segments: `timed`, their (start, end) in `times`) are cut
    from the speech, so one runs in its flow unless its time says otherwise: a title or chapter
    card pasted into subtitles is laid over the cues around it (`laid_over`). Without `times`
    every timed line is in the flow.
    """
    def plain_kind(t: str) -> str:
        return "blank" if not t.strip() else "nonspeech" if is_nonspeech(t) else "speech"

    over = laid_over(times) if timed and times is not None else set()
    content = [i for i, t in enumerate(texts) if t.strip() and not is_nonspeech(t)]
    if not content:
        return [(plain_kind(t), ()) for t in texts]
    punctuated = punctuated_share(texts) >= config.punctuated_share
    polite_share = sum(is_polite(texts[i]) for i in content) / len(content)
    blank_share = sum(not t.strip() for t in texts) / len(texts)
    median_chars = statistics.median(len(texts[i].strip()) for i in content)
    unmarked_speech = not any(texts[i].strip()[-1] in _SPEECH_END for i in content)
    first = content[0]
    position = {n: k for k, n in enumerate(content)}

    forms: dict[int, LineForm] = {}
    weighed: dict[int, list[Evidence]] = {}
    for i in content:
        if not _may_be_heading(texts[i], config, i == first):
            continue
        form = line_form(texts[i], morphemes[i])  # morphemes are read back only for these lines
        forms[i] = form
        ev = list(form.evidence)
        stripped = texts[i].strip()
        if i == first:
            ev.append(Evidence("first line", 1.0))
        if timed:
            ev.append(Evidence("laid over the cues around it", 1.5) if i in over
                      else Evidence("a cue in the flow of speech", -1.0))
            if i not in over and form.marker == "latin":
                # subtitles give English said aloud a cue of its own: timed to the speech, its
                # script is no mark of writing
                ev.append(Evidence("Latin script timed as speech", -1.5))
        if not punctuated and stripped[-1] in _QUESTION_END and unmarked_speech:
            # ノイズキャンセリングの実力は？ where no line of speech ends in 。 or 、: the question
            # mark was typed by whoever wrote the headings, not by the transcriber
            ev.append(Evidence("a question mark where speech has no punctuation", 1.0))
        part_name = _is_part_name(stripped)
        if punctuated and stripped[-1] not in _PUNCT and not timed:  # a cue ends where time cut it
            ev.append(Evidence("unpunctuated among punctuated speech", 1.5))
            if form.marker is None and _JAPANESE_SPACE.search(stripped) and _name_before_space(morphemes[i]):
                # くらしの法律相談 電話でお悩みにお答えします: where speech marks its pauses with 、,
                # a space after a name was typed as layout (今日は いい天気 pauses after a particle)
                ev.append(Evidence("a space where the speech would have a comma", 1.0))
            if _INNER_PAUSES.search(stripped):
                # …の話、先生、健康診断でよく見る: pauses inside, none at the end: speech run on
                ev.append(Evidence("pauses inside it, none at its end", -1.5))
        if form.ending in ("plain", "question") and polite_share >= 0.3:
            ev.append(Evidence("plain form among polite speech", 0.5))
        if not punctuated and form.ending == "noun" and len(form.content_words) < 2 and not form.marker \
                and not part_name \
                and not any(m.pos[0] == "助詞" for m in morphemes[i]):  # 今週の予定 is a phrase, not a word
            ev.append(Evidence("a lone word in unpunctuated speech", -1.0))
        k = position[i]
        following = content[k + 1:k + 4]
        if not punctuated and form.ending == "noun" and not form.marker and 0 < k and len(following) == 3 \
                and content[k - 1] == i - 1 and following[0] == i + 1 \
                and _ends_sentence(morphemes[i - 1]) and _opens_sentence(morphemes[i + 1]):
            # 見ていきましょうか / 昨日の米国市場 / はい昨日のダウ平均は: with no punctuation, a noun
            # phrase between a finished sentence and one that opens anew belongs to neither;
            # a fragment of speech leans on a neighbour. A chapter has lines after its heading.
            ev.append(Evidence("between two finished sentences", 0.5))
        if following and _continues(morphemes[following[0]]) and following[0] == i + 1:
            ev.append(Evidence("the next line continues it", -3.0))
        if i + 1 < len(texts) and not texts[i + 1].strip() and blank_share <= 0.15:
            ev.append(Evidence("a blank line after it", 1.0))
        if form.content_words:
            later = set().union(*(_line_words(morphemes[j]) for j in (content[k + 1:k + 21] if i == first else following)))
            taken_up = len(form.content_words & later) / len(form.content_words)
            if taken_up >= 0.5:
                ev.append(Evidence("its words taken up after it" if i != first else "its words recur", 1.0 if i != first else 0.5))
        if i != first and len(stripped) > max(20, 2 * median_chars):
            ev.append(Evidence("long against the transcript's lines", -1.0))
        weighed[i] = ev

    def accepted(i: int) -> bool:
        return sum(e.weight for e in weighed[i]) >= config.threshold

    # The shape of the other headings: the same mark of writing (■, 【…】, a timestamp), or for
    # unmarked lines the same kind of ending other than a bare noun (noun lines are common
    # speech fragments), makes a line likelier a heading too. Neighbours do not count.
    def shape(i: int) -> tuple:
        return (forms[i].marker,) if forms[i].marker else (None, forms[i].ending)

    headings = [i for i in weighed if i != first and accepted(i)]
    for i in weighed:
        if i == first or accepted(i) or shape(i) == (None, "noun"):
            continue
        if any(shape(j) == shape(i) and abs(position[j] - position[i]) > 2 for j in headings):
            weighed[i].append(Evidence("shaped like another heading", 1.0))

    chosen = {i for i in weighed if accepted(i)}
    unmarked = [i for i in chosen if not forms[i].marker]
    by_form = [i for i in weighed if not forms[i].marker and sum(e.weight for e in forms[i].evidence) >= 1.5]
    if not punctuated and len(by_form) > max(1, config.max_heading_share * len(content)):
        # So many unmarked "headings" are fragments of speech, the first line's included.
        for i in unmarked:
            weighed[i].append(Evidence("too many heading-like fragments", -10.0))
            chosen.discard(i)
    out = []
    for i, t in enumerate(texts):
        kind = plain_kind(t)
        if i in chosen:
            kind = "title" if i == first else "heading"
        out.append((kind, tuple(weighed.get(i, ()))))
    return out


def laid_over(times: Sequence[tuple[float | None, float | None]], max_share: float = 0.1) -> set[int]:
    """Indices of cues laid over two or more others, where the rest follow one another.

    An ASR or a subtitler cuts one stream of speech into cues that follow one another; a
    title or chapter card pasted in later at its own time overlaps the cues it lands among.
    Where many cues overlap (rolling auto-captions, subtitles of people talking at once),
    overlapping says nothing, and none is returned.
    """
    spans = [(k, s, e) for k, (s, e) in enumerate(times) if s is not None and e is not None and e > s]
    pairs: list[tuple[int, int]] = []
    for a, (k, s, e) in enumerate(spans):
        for j, s2, e2 in spans[a + 1:a + 50]:  # a card overlaps the cues of a few seconds
            if s2 < e and s < e2:
                pairs.append((k, j))
    count: dict[int, int] = {}
    for k, j in pairs:
        count[k] = count.get(k, 0) + 1
        count[j] = count.get(j, 0) + 1
    # the first cue has cues on one side only: a title card over the opening speech
    over = {k for k, n in count.items() if n >= 2 or k == spans[0][0] and n == 1}
    # the other overlaps, those no card explains, must be as rare as the cards
    loose = sum(1 for k, j in pairs if k not in over and j not in over)
    most = max(2.0, max_share * len(spans))
    if not spans or len(over) > most or loose > most:
        return set()
    return over


def _line_words(morphemes: Sequence[Morpheme]) -> frozenset[str]:
    return _content_words([m for m in morphemes if m.pos[0] not in ("空白", "補助記号")])


def line_kinds(texts: Sequence[str], morphemes: Sequence[Sequence[Morpheme]],
               config: StructureConfig = StructureConfig(), timed: bool = False,
               times: Sequence[tuple[float | None, float | None]] | None = None) -> list[str]:
    """Kind of every line: title | heading | speech | nonspeech | blank (see `explain_kinds`)."""
    return [kind for kind, _ in explain_kinds(texts, morphemes, config, timed, times)]
