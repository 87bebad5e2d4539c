"""Evidential markers of a clause, read from SudachiPy morphemes.

A clause is *reported* when the speaker relays it (hearsay: らしい, そうだ after a plain
form, によると, って聞いた, a clause-final っていう / という, ということだ, とのことだ, 模様だ,
a quote relayed by a verb of reporting or writing: と発表した, って書いてあった;
the quote may stand apart from its verb: …って、会社の先輩が言ってた),
*speculative* when the speaker infers or guesses it (たぶん, と思う, かもしれない / かも, だろう,
ようだ, みたいだ, っぽい, そうだ after a stem (also the contracted かかってそう), かな, はず,
見込みだ, 見通しで, と見られる, が予想される, おそれがある, に違いない,
どうやら / どうも ... らしい), and *asserted* otherwise: that covers what nearly happened
(転びそうになった) and と思う telling a condition or a surprise (と思ったら, と思いきや). Where both kinds govern a clause,
speculative wins (40億ドルって言ったかな: a relayed figure the speaker is unsure of).

Markers are decided from tokens and their neighbours, never from substrings:
the same suffix names a property after a noun (男らしい, 春っぽくなった, 実にチャンピオン
らしかった) and carries evidence after a predicate (降ったらしい, 降ったっぽい).
SudachiPy tags the hearsay そう as 名詞,助動詞語幹 after a plain form (降るそうだ) and the
appearance そう as 形状詞,助動詞語幹 after a stem (降りそうだ); the preceding conjugation
form is checked as well.

Every check is a set lookup on a token and a few neighbours, so a clause costs one pass.
"""

from __future__ import annotations

from typing import NamedTuple, Sequence

from ..nlp.pos import COPULA, PREDICATE, SYMBOL

REPORTED = "reported"
SPECULATIVE = "speculative"
ASSERTED = "asserted"
_KINDS = (SPECULATIVE, REPORTED)


class Marker(NamedTuple):
    surface: str  # the marker as written, e.g. "らしい", "と思い", "によると"
    kind: str  # REPORTED | SPECULATIVE
    start: int  # character offsets of the marker in the analysed text
    end: int
    forward: bool = False  # sentence adverbial (によると, たぶん): also covers later て-linked clauses


# --- token classes ---------------------------------------------------------------------

_SYMBOL, _PREDICATE, _COPULA = SYMBOL, PREDICATE, COPULA
_NOMINAL = frozenset({"名詞", "代名詞", "接尾辞"})
_QUOTE = frozenset({"と", "って"})  # quotative particles before 言う / 思う / 聞く
_CLAUSE_LINK = frozenset({"けれど", "けれども", "が", "し", "から", "ので"})
_LEAD_ON = frozenset({"けれど", "けれども", "が"})  # …ということですが、
_NEGATIVE = frozenset({"ない", "無い"})

# Sentence adverbials of guessing (normalized forms).
_GUESS_ADVERBS = frozenset({"多分", "恐らく", "きっと"})
# Nouns naming a source: 噂では, ニュースによると, という記事.
_SOURCES = frozenset({
    "ニュース", "記事", "報道", "噂", "話", "情報", "発表", "知らせ", "報告", "新聞", "予報",
    "天気予報", "速報", "報道機関", "リリース",
})
# Verbs that relay what others said when quoted with と / って (と報じた, と伝えられている).
_RELAY_VERBS = frozenset({"聞く", "報じる", "伝える", "伝わる"})
# Verbs of speaking that also take a partner with と (友達と話した): they relay only a quoted
# statement (来月閉まるって話してた, 稼働すると述べた).
_SPEECH_VERBS = frozenset({"話す", "述べる", "語る"})
# Nouns of reporting used as verbs with する (と発表した, って報道してた, と公表した); like the
# verbs of speaking they relay only a quoted statement (友達と発表した is no report).
_REPORT_NOUNS = frozenset({"発表", "報道", "発言", "公表", "主張", "説明", "報告", "表明", "証言"})
# Particles closing the speaker or source put between a quote and its verb:
# …って、会社の先輩が言ってた / …と医者に言われた / …って母から聞いた / …ってニュースで聞いた.
_AGENT_PARTICLES = frozenset({"が", "は", "も", "に", "から", "で"})
# Nouns of forecasting quoted with と: と予想される, と推定されている.
_GUESS_NOUNS = frozenset({"予想", "推測", "推定", "予測", "推察", "想定"})
# Forecast nouns after a predicate or a noun + の: 完成する見込みだ, 完成の見通しで.
_OUTLOOK_NOUNS = frozenset({"見込み", "見通し"})
_THINK_VERBS = frozenset({"思う", "考える", "存じる"})
# Degree adverbs that make noun + らしい / っぽい a property (とても男らしい, 実にチャンピオンらしい).
_DEGREE = frozenset({
    "迚も", "すっかり", "非常", "余り", "全然", "全く", "最も", "正に", "凄い", "大変", "一番",
    "何とも", "如何にも", "極めて", "実に", "随分", "大分", "一層", "ちっとも",
})
# Nouns whose + らしい / っぽい is a lexicalised property (男らしい, 子供っぽい, 君らしい).
_PROPERTY_NOUNS = frozenset({
    "男", "女", "子供", "子", "大人", "人間", "春", "夏", "秋", "冬", "自分", "君", "貴方", "彼",
    "彼女", "僕", "私", "俺", "男の子", "女の子", "素人", "玄人", "プロ", "日本", "年寄り",
})
# Similes: まるで夢のようだ is a comparison, not an inference.
_SIMILE = frozenset({"丸で", "恰も", "宛ら", "まるで", "あたかも", "さながら"})
# つまり ... ということだ paraphrases the speaker's own point.
_PARAPHRASE = frozenset({"詰まり", "要する", "即ち", "結局", "結論", "言い替える", "要"})
_JUDGE_NOUNS = frozenset({"判断", "推測", "推理", "推察"})
_INFERENCE_SUFFIX = frozenset({"らしい", "ぽい", "よう", "みたい"})


def find_markers(ms: Sequence, lo: int = 0, hi: int | None = None) -> list[Marker]:
    """Evidential markers among morphemes ``ms[lo:hi]`` (one clause).

    >>> from ja_transcript.nlp import get_analyzer
    >>> def kinds(t):
    ...     return [(m.surface, m.kind) for m in find_markers(get_analyzer().analyze(t))]
    >>> kinds("雨が降るそうだ。")
    [('そうだ', 'reported')]
    >>> kinds("雨が降りそうだ。")
    [('そうだ', 'speculative')]
    >>> kinds("あの人はとても男らしい。")
    []
    """
    if hi is None:
        hi = len(ms)
    return markers_at(ms, range(lo, hi), lo, hi)


def markers_in(ms: Sequence, row: bytes | bytearray, lo: int, hi: int) -> list[Marker]:
    """Markers starting at the tokens i of the clause ``ms[lo:hi]`` with ``row[i] == 1``, `row`
    being 0/1 bytes, one per token; the same as `find_markers` when `row` marks every token
    that can start a marker, without looking at the others.
    """
    return markers_at(ms, _positions(row, lo, hi), lo, hi)


def _positions(row: bytes | bytearray, lo: int, hi: int):
    i = row.find(1, lo, hi)
    while i >= 0:
        yield i
        i = row.find(1, i + 1, hi)


def markers_at(ms: Sequence, indexes, lo: int, hi: int) -> list[Marker]:
    """Markers starting at the given token indexes (tokens whose normalized form is in
    `TRIGGERS`) of the clause ``ms[lo:hi]``; the same as `find_markers` without the scan."""
    out: list[Marker] = []
    rules = _RULES
    for i in indexes:
        rule = rules.get(ms[i].normalized)
        if rule is not None:
            found = rule(ms, i, lo, hi)
            if found is not None:
                out.append(found)
    return out


def decide(markers: Sequence[Marker]) -> tuple[str, tuple[str, ...]]:
    """The evidentiality the markers give, and the surfaces that decided it.

    Speculative wins over reported; no marker means asserted.

    >>> decide([Marker("って言っ", REPORTED, 0, 4), Marker("かな", SPECULATIVE, 5, 7)])
    ('speculative', ('かな',))
    >>> decide([])
    ('asserted', ())
    """
    if len(markers) == 1 and markers[0].kind in _KINDS:  # the common case
        return markers[0].kind, (markers[0].surface,)
    for kind in (SPECULATIVE, REPORTED):
        surfaces = tuple(dict.fromkeys(m.surface for m in markers if m.kind == kind))
        if surfaces:
            return kind, surfaces
    return ASSERTED, ()


# --- helpers ---------------------------------------------------------------------------

def _span(ms, a: int, b: int, kind: str, forward: bool = False) -> Marker:
    """A marker made of tokens a..b (inclusive)."""
    surface = ms[a].surface if a == b else "".join([ms[k].surface for k in range(a, b + 1)])
    return Marker(surface, kind, ms[a].start, ms[b].end, forward)


def _rest_is_symbols(ms, j: int, hi: int) -> bool:
    for k in range(j, hi):
        if ms[k].pos[0] not in _SYMBOL:
            return False
    return True


def _rest_is_final(ms, j: int, hi: int) -> bool:
    """Only sentence-final particles (ね, よ, さ) and punctuation follow: the clause ends at j."""
    for k in range(j, hi):
        p = ms[k].pos
        if p[0] not in _SYMBOL and p[1] != "終助詞":
            return False
    return True


def _predicate_end(ms, j: int, hi: int) -> bool:
    """Token j closes a predicate: a copula, a final particle, a clause link or nothing follows.

    ようにする (purpose) and ような + noun (simile, example) do not close one.
    """
    if j >= hi or _rest_is_symbols(ms, j, hi):
        return True
    m = ms[j]
    p = m.pos
    if p[1] == "終助詞":
        return True
    if p[1] == "接続助詞":
        return m.normalized in _CLAUSE_LINK
    if m.normalized in _COPULA:
        form = p[5]
        if form == "連用形-ニ":
            return False
        if form.startswith("連体形"):  # ようなんです closes; ような会社, みたいなのが do not
            return j + 1 < hi and ms[j + 1].pos[1] == "準体助詞" and _predicate_end(ms, j + 2, hi)
        return True
    return False


def _is_adjectival_noun(m) -> bool:
    p = m.pos
    return p[0] == "形状詞" or (p[0] == "名詞" and "形状詞可能" in p[2])


def _property_suffix(ms, i: int, lo: int, hi: int) -> bool:
    """Noun + らしい / っぽい at i names a property rather than hearsay or inference.

    Cues: negated or becoming (らしくない, っぽくなった), attributive (春らしい天気),
    a degree adverb before it (とても, 実に, いかにも), or a lexicalised noun (男らしい).
    """
    if i + 1 < hi:
        nxt = ms[i + 1]
        if nxt.normalized in _NEGATIVE or nxt.normalized == "成る" or nxt.surface == "さ":
            return True
        if nxt.pos[0] in ("名詞", "代名詞", "形状詞"):  # attributive: 秋らしい天気, 家庭料理らしい素朴な味
            return True
    if ms[i - 1].normalized in _PROPERTY_NOUNS:
        return True
    for k in range(lo, i - 1):
        m = ms[k]
        if m.normalized in _DEGREE or m.surface in ("なんて", "など"):
            return True
        nxt = ms[k + 1].surface
        if (m.surface == "実" and nxt == "に") or (m.surface == "いかに" and nxt == "も"):
            return True
    return False


def _has_inference_suffix(ms, i: int, hi: int) -> bool:
    for k in range(i, hi):
        m = ms[k]
        if m.normalized in _INFERENCE_SUFFIX or (m.normalized == "そう" and m.pos[1] == "助動詞語幹"):
            return True
    return False


def _quoted(ms, i: int, lo: int) -> bool:
    """Token i follows a quotative と / って."""
    return i - 1 >= lo and ms[i - 1].normalized in _QUOTE and ms[i - 1].pos[0] == "助詞"


def _is_quote(m) -> bool:
    return m.normalized in _QUOTE and m.pos[0] == "助詞"


def _quote_index(ms, i: int, lo: int) -> int | None:
    """The quotative と / って that the verb at i takes: right before it (って言う), or before
    the speaker or source said between them (…って、会社の先輩が言ってた, …と医者に言われた,
    …って母から聞いた). Between, only a noun phrase (AのB) and one or two particles may stand;
    and the quote must close a statement, so that the と of 妹と母が言ってた店 (and) is no quote.

    >>> from ja_transcript.nlp import get_analyzer
    >>> ms = get_analyzer().analyze("いいって、会社の先輩が言ってた")
    >>> ms[_quote_index(ms, 7, 0)].surface
    'って'
    >>> ms = get_analyzer().analyze("妹と母が言ってた")
    >>> _quote_index(ms, 4, 0) is None
    True
    """
    if i - 1 < lo:
        return None
    if _is_quote(ms[i - 1]):
        return i - 1
    k = i - 1
    particles = 0
    while k >= lo and particles < 2 and ms[k].pos[0] == "助詞" and ms[k].surface in _AGENT_PARTICLES:
        k -= 1
        particles += 1
    if not particles:
        return None
    nouns = 0
    while k >= lo and nouns < 8:
        p0 = ms[k].pos[0]
        if p0 in _NOMINAL or p0 == "接頭辞":
            nouns += 1
        elif not (ms[k].surface == "の" and nouns and k - 1 >= lo and ms[k - 1].pos[0] in _NOMINAL):
            break
        k -= 1
    if not nouns or k < lo:
        return None
    if ms[k].pos[0] in _SYMBOL:  # …って、先輩が
        k -= 1
    if k - 1 >= lo and _is_quote(ms[k]) and _after_predicate(ms, k - 1, lo):
        return k
    return None


# --- the rules: one function per trigger, looked up by normalized form ------------------------
# Each takes the clause's morphemes ``ms``, the trigger's index ``i`` and the clause bounds
# ``lo:hi``, and returns a Marker or None. The cheapest test comes first in each.

def _prev_ok(ms, i: int, lo: int):
    """The token before i inside the clause, if it is a word."""
    if i - 1 < lo:
        return None
    prev = ms[i - 1]
    return None if prev.pos[0] in _SYMBOL else prev


def _r_rashii(ms, i, lo, hi):
    """らしい: hearsay after a predicate; after a noun hearsay (金持ちらしい) or a property (男らしい)."""
    prev = _prev_ok(ms, i, lo)
    if prev is None:
        return None
    if prev.pos[0] in _NOMINAL and not _is_adjectival_noun(prev) and _property_suffix(ms, i, lo, hi):
        return None
    return _span(ms, i, i, REPORTED)


def _r_ppoi(ms, i, lo, hi):
    """っぽい: inference after a predicate (降ったっぽい, 必要っぽい); a tendency after a verb or
    adjective stem (忘れっぽい); a property after most nouns (子供っぽい)."""
    prev = _prev_ok(ms, i, lo)
    if prev is None:
        return None
    pp = prev.pos
    if pp[0] in ("動詞", "形容詞") and (pp[5].startswith("連用形") or pp[5].startswith("語幹")):
        return None
    if pp[0] in _NOMINAL and not _is_adjectival_noun(prev) and _property_suffix(ms, i, lo, hi):
        return None
    return _span(ms, i, i, SPECULATIVE)


def _r_sou(ms, i, lo, hi):
    """そう: hearsay after a plain form (降るそうだ), appearance after a stem (降りそうだ)."""
    p = ms[i].pos
    if i - 1 < lo:
        return None
    if p[0] == "副詞":
        return _contracted_teiru_sou(ms, i, lo, hi)
    if p[1] != "助動詞語幹":
        return None
    if _nearly(ms, i, hi):
        return None
    prev = ms[i - 1]
    form = prev.pos[5]
    if form.startswith("連用形") or form.startswith("語幹") or prev.pos[0] == "形状詞":
        kind = SPECULATIVE
    elif form.startswith("終止形") or form.startswith("連体形"):
        kind = REPORTED
    else:
        kind = REPORTED if p[0] == "名詞" else SPECULATIVE
    return _span(ms, i, _with_copula(ms, i, hi), kind)


def _nearly(ms, i: int, hi: int) -> bool:
    """Stem + そうになる at i tells what nearly happened (転びそうになった), not a guess;
    but そうになってくる is a growing likelihood (雨が降りそうになってきた).

    >>> from ja_transcript.nlp import get_analyzer
    >>> ms = get_analyzer().analyze("転びそうになった")
    >>> _nearly(ms, 1, len(ms))
    True
    """
    j = i + 2
    if j >= hi or ms[i + 1].pos[5] != "連用形-ニ" or ms[j].normalized != "成る":
        return False
    return not (j + 2 < hi and ms[j + 1].normalized == "て" and ms[j + 2].normalized == "来る")


def _contracted_teiru_sou(ms, i, lo, hi):
    """Verb + て + そう: SudachiPy reads the contracted ている + appearance そう (かかってそう,
    寝てそうだね) as the adverb そう; it is one when the predicate ends there, not in
    笑ってそう言った (so)."""
    prev = ms[i - 1]
    if prev.normalized != "て" or prev.pos[1] != "接続助詞" or i - 2 < lo or ms[i - 2].pos[0] != "動詞":
        return None
    if not _predicate_end(ms, i + 1, hi):
        return None
    return _span(ms, i, _with_copula(ms, i, hi), SPECULATIVE)


def _r_you(ms, i, lo, hi):
    """ようだ / みたいだ: inference when they close the predicate, or in ような気がする;
    not ように (purpose, manner), ような + noun (example) or a simile (まるで…ようだ)."""
    if ms[i].pos[1] != "助動詞語幹" or i - 1 < lo:
        return None
    if _predicate_end(ms, i + 1, hi):
        marker = _span(ms, i, _with_copula(ms, i, hi), SPECULATIVE)
    elif i + 2 < hi and ms[i + 1].normalized == "だ" and ms[i + 2].normalized == "気":
        marker = _span(ms, i, i + 2, SPECULATIVE)
    else:
        return None
    for k in range(lo, i):
        if ms[k].normalized in _SIMILE:
            return None
    return marker


def _r_copula(ms, i, lo, hi):
    """だろう / でしょう: a guess, unless a question (でしょうか) or a concessive list
    (インターネットだろうが、ゲームだろうが); ではないでしょうか and んじゃないか are guesses."""
    m = ms[i]
    form = m.pos[5]
    if form.startswith("意志推量形"):
        nxt = ms[i + 1] if i + 1 < hi else None
        prev = ms[i - 1] if i - 1 >= lo else None
        if nxt is not None and nxt.surface == "か" and nxt.pos[1] == "終助詞":
            if prev is not None and prev.normalized in _NEGATIVE and i - 2 >= lo \
                    and ms[i - 2].normalized in ("は", "だ"):
                return _span(ms, i - 1, i + 1, SPECULATIVE)
            return None
        if nxt is not None and nxt.normalized in ("が", "と") and prev is not None \
                and (prev.pos[0] in ("名詞", "代名詞") or _is_adjectival_noun(prev)):
            return None
        return _span(ms, i, i, SPECULATIVE)
    # んじゃないか(な) / のではないか: a guess put as a question.
    if m.surface in ("じゃ", "で") and form.startswith("連用形") and i - 1 >= lo and ms[i - 1].pos[1] == "準体助詞":
        j = i + 1
        if j < hi and ms[j].surface == "は":
            j += 1
        if j < hi and ms[j].normalized in _NEGATIVE:
            j += 1
            if j < hi and ms[j].normalized == "です":
                j += 1
            if j < hi and ms[j].surface == "か":
                return _span(ms, i - 1, j, SPECULATIVE)
    return None


def _r_ka(ms, i, lo, hi):
    """かもしれない / かも, and かな."""
    if i + 1 >= hi:
        return None
    nxt = ms[i + 1].surface
    if nxt == "も":
        if i + 2 < hi and ms[i + 2].normalized in ("知れる", "分かる"):  # かもしれない, かもわからない
            return _span(ms, i, i + 2, SPECULATIVE)
        return _span(ms, i, i + 1, SPECULATIVE) if _predicate_end(ms, i + 2, hi) else None
    if nxt in ("な", "なぁ", "なあ", "なー") and ms[i].pos[1] == "終助詞":
        return _span(ms, i, i + 1, SPECULATIVE)
    return None


def _r_arika(ms, i, lo, hi):
    """ありかも: SudachiPy reads あり + かも as 在処 (whereabouts) + も; it is かも when the
    predicate ends after も (それもありかも。, ありかもね, ありかもしれない), not in 鍵のありかも忘れた."""
    if ms[i].surface != "ありか" or i + 1 >= hi or ms[i + 1].surface != "も":
        return None
    if i + 2 < hi and ms[i + 2].normalized in ("知れる", "分かる"):
        return _span(ms, i, i + 2, SPECULATIVE)
    return _span(ms, i, i + 1, SPECULATIVE) if _predicate_end(ms, i + 2, hi) else None


def _r_risk(ms, i, lo, hi):
    """おそれがある / 恐れもある: a risk the speaker infers (発生するおそれがあります, 大雨の恐れ
    もある); not the fear of 恐れを感じる, nor おそれはありません."""
    if ms[i].pos[0] != "名詞":
        return None
    j = i + 1
    if j < hi and ms[j].surface in ("が", "も"):
        j += 1
    if j >= hi or ms[j].normalized != "有る" or _negated(ms, j + 1, hi):
        return None
    return _span(ms, i, j, SPECULATIVE)


def _negated(ms, j: int, hi: int) -> bool:
    """A negative follows at j: ない, ず (ありません), ません."""
    if j < hi and ms[j].normalized == "ます":
        j += 1
    return j < hi and ms[j].normalized in ("ない", "ず")


def _r_guess_adverb(ms, i, lo, hi):
    """たぶん / おそらく / きっと."""
    return _span(ms, i, i, SPECULATIVE, forward=True) if ms[i].pos[0] == "副詞" else None


def _r_dou(ms, i, lo, hi):
    """どうやら; どうも only with an inference suffix later (どうも…らしい), not どうもありがとう."""
    if i + 1 >= hi:
        return None
    nxt = ms[i + 1].surface
    if nxt == "やら" or (nxt == "も" and _has_inference_suffix(ms, i + 2, hi)):
        return _span(ms, i, i + 1, SPECULATIVE, forward=True)
    return None


def _r_moshi(ms, i, lo, hi):
    """もしかしたら / もしかすると."""
    if i + 1 < hi and ms[i + 1].surface == "か":
        return _span(ms, i, i + 1, SPECULATIVE, forward=True)
    return None


def _r_hazu(ms, i, lo, hi):
    """はずだ."""
    return _span(ms, i, i, SPECULATIVE) if _predicate_end(ms, i + 1, hi) else None


def _r_outlook(ms, i, lo, hi):
    """Predicate + 見込みだ / 見通しだ (a forecast), 模様だ (a report); a forecast also after
    noun + の and before となる (完成の見込みです, 延期される見込みとなった), but not as a
    plain noun (彼には見込みがある)."""
    if i - 1 < lo:
        return None
    forecast = ms[i].normalized in _OUTLOOK_NOUNS
    prev = ms[i - 1]
    if prev.pos[0] not in _PREDICATE and not (
            forecast and prev.surface == "の" and i - 2 >= lo and ms[i - 2].pos[0] in _NOMINAL):
        return None
    if not _predicate_end(ms, i + 1, hi) and not (
            forecast and i + 2 < hi and ms[i + 1].surface == "と" and ms[i + 2].normalized == "成る"):
        return None
    return _span(ms, i, i, SPECULATIVE if forecast else REPORTED)


def _r_chigai(ms, i, lo, hi):
    """に違いない / に違いありません."""
    if i - 1 >= lo and i + 1 < hi and ms[i - 1].surface == "に" \
            and (ms[i + 1].normalized in _NEGATIVE or ms[i + 1].normalized == "有る"):
        return _span(ms, i - 1, i + 1, SPECULATIVE)
    return None


def _r_ki(ms, i, lo, hi):
    """気がする."""
    if i + 2 < hi and ms[i + 1].surface == "が" and ms[i + 2].normalized == "為る":
        return _span(ms, i, i + 2, SPECULATIVE)
    return None


def _r_think(ms, i, lo, hi):
    """と思う / と考える as a hedge (also 上がると私は思う)."""
    q = _quote_index(ms, i, lo)
    return _span(ms, q, i, SPECULATIVE) if q is not None and _hedging_think(ms, i, hi) else None


def _r_miru(ms, i, lo, hi):
    """とみられる."""
    if i + 1 < hi and ms[i + 1].normalized in ("れる", "られる") and _quoted(ms, i, lo):
        return _span(ms, i - 1, i + 1, SPECULATIVE)
    return None


def _r_guess_noun(ms, i, lo, hi):
    """と予想される / と推定されている, and the passive without a quote (増加が予想されます);
    not 予想以上, 予想が外れた."""
    if _quoted(ms, i, lo):
        return _span(ms, i - 1, i, SPECULATIVE)
    if i + 2 < hi and ms[i + 1].normalized == "為る" and ms[i + 2].normalized in ("れる", "られる") \
            and not (i + 3 < hi and ms[i + 3].pos[0] in _NOMINAL):
        return _span(ms, i, i + 2, SPECULATIVE)
    return None


def _r_kara(ms, i, lo, hi):
    """Judging from evidence: 身なりから判断すると, 様子からすると, 顔色から見ると."""
    if ms[i].pos[1] != "格助詞" or i + 1 >= hi:
        return None
    j = i + 1
    if ms[j].normalized in _JUDGE_NOUNS and j + 1 < hi and ms[j + 1].normalized == "為る":
        j += 1
    if ms[j].normalized in ("為る", "見る", "考える") and j + 1 < hi \
            and ms[j + 1].surface in ("と", "ば") and ms[j + 1].pos[1] == "接続助詞":
        return _span(ms, i, j + 1, SPECULATIVE, forward=True)
    return None


def _r_yoru(ms, i, lo, hi):
    """によると / によれば / によりますと."""
    if i - 1 < lo or ms[i - 1].surface != "に" or ms[i].pos[0] != "動詞":
        return None
    j = i + 1
    if j < hi and ms[j].normalized == "ます":
        j += 1
    if j < hi and ms[j].pos[1] == "接続助詞" and ms[j].surface in ("と", "ば"):
        return _span(ms, i - 1, j, REPORTED, forward=True)
    return None


def _r_source(ms, i, lo, hi):
    """Source + では: 噂では, 報道では, 近所の人の話では."""
    if i + 2 < hi and ms[i + 1].surface == "で" and ms[i + 2].surface == "は":
        return _span(ms, i, i + 2, REPORTED, forward=True)
    return None


def _r_relay(ms, i, lo, hi):
    """って聞いた, と報じられた, と伝えている, って母から聞いた."""
    q = _quote_index(ms, i, lo)
    return _span(ms, q, i, REPORTED) if q is not None else None


def _r_speech(ms, i, lo, hi):
    """って話してた, と述べた, と語った: only after a quoted statement (not 友達と話した)."""
    q = _statement_quote(ms, i, lo)
    return _span(ms, q, i, REPORTED) if q is not None else None


def _statement_quote(ms, i: int, lo: int) -> int | None:
    """The quote of the verb at i when it closes a statement (閉店するって書いてあった),
    not a partner (友達と話した)."""
    q = _quote_index(ms, i, lo)
    if q is None or (q == i - 1 and not _after_predicate(ms, q - 1, lo)):
        return None
    return q


def _r_write(ms, i, lo, hi):
    """って書いてあった, と書かれていた, って書いてた: a quoted statement told as written."""
    q = _statement_quote(ms, i, lo)
    if q is None or i + 1 >= hi:
        return None
    nxt = ms[i + 1]
    nn = nxt.normalized
    if nn == "て" and i + 2 < hi and ms[i + 2].normalized in ("有る", "居る"):  # 書いてあった
        return _span(ms, q, i + 2, REPORTED)
    if nn in ("れる", "てる") or (nn == "た" and not nxt.pos[5].startswith("仮定形")):
        return _span(ms, q, i + 1, REPORTED)
    return None


def _r_report_noun(ms, i, lo, hi):
    """と発表した, って報道してた, と公表した (a quoted statement relayed); 発表では as a source."""
    found = _r_source(ms, i, lo, hi) if ms[i].normalized in _SOURCES else None
    if found is not None:
        return found
    if i + 1 >= hi or ms[i + 1].normalized != "為る" or ms[i + 1].pos[5].startswith(("仮定形", "命令形")):
        return None
    q = _statement_quote(ms, i, lo)
    return _span(ms, q, i + 1, REPORTED) if q is not None else None


def _r_iu(ms, i, lo, hi):
    """と / って + 言う: という, と言われている, って言った, ということだ, というニュース,
    and the quote apart from its verb: …って、会社の先輩が言ってた."""
    if i - 1 < lo:
        return None
    if _is_quote(ms[i - 1]):
        return _iu(ms, i - 1, i, lo, hi)
    q = _quote_index(ms, i, lo)
    return _iu_apart(ms, q, i, hi) if q is not None else None


def _r_koto(ms, i, lo, hi):
    """とのことだ, and ってことだ (= ということだ)."""
    if i - 1 < lo:
        return None
    prev = ms[i - 1]
    if prev.surface == "の" and i - 2 >= lo and ms[i - 2].surface == "と":
        return _span(ms, i - 2, i, REPORTED)
    if prev.surface == "って" and prev.pos[0] == "助詞":
        return _hearsay_koto(ms, i - 1, i, lo, hi)
    return None


def _r_tte(ms, i, lo, hi):
    """Clause-final って after a predicate: 明日は雨なんだって / 勝つってね."""
    if i + 1 < hi:  # the common case first: a word follows (っていう)
        p = ms[i + 1].pos
        if p[0] not in _SYMBOL and p[1] != "終助詞":
            return None
    if ms[i].pos[0] == "助詞" and _rest_is_final(ms, i + 1, hi) and _after_predicate(ms, i - 1, lo):
        return _span(ms, i, i, REPORTED)
    return None


def _r_to(ms, i, lo, hi):
    """Sentence-final quotative と with 言う left out: 契約を結んだと。"""
    if i + 1 < len(ms) and not ms[i + 1].pos[0] in _SYMBOL:
        return None
    if ms[i].pos[1] == "格助詞" and _sentence_end(ms, i + 1, hi) and _after_predicate(ms, i - 1, lo):
        return _span(ms, i, i, REPORTED)
    return None


def _with_copula(ms, i: int, hi: int) -> int:
    """i, or i + 1 when a copula follows (so that the marker reads ようだ, そうです)."""
    return i + 1 if i + 1 < hi and ms[i + 1].normalized in _COPULA else i


_RULES = {
    "らしい": _r_rashii, "ぽい": _r_ppoi, "そう": _r_sou, "よう": _r_you, "みたい": _r_you,
    "だ": _r_copula, "です": _r_copula, "か": _r_ka, "どう": _r_dou, "若し": _r_moshi, "筈": _r_hazu,
    "見込み": _r_outlook, "見通し": _r_outlook, "模様": _r_outlook, "違い": _r_chigai, "相違": _r_chigai,
    "気": _r_ki, "見る": _r_miru, "在処": _r_arika, "恐れ": _r_risk, "書く": _r_write, "から": _r_kara, "よる": _r_yoru, "言う": _r_iu, "こと": _r_koto,
    "って": _r_tte, "と": _r_to,
}
_RULES.update(dict.fromkeys(_GUESS_ADVERBS, _r_guess_adverb))
_RULES.update(dict.fromkeys(_THINK_VERBS, _r_think))
_RULES.update(dict.fromkeys(_GUESS_NOUNS, _r_guess_noun))
_RULES.update(dict.fromkeys(_SOURCES, _r_source))
_RULES.update(dict.fromkeys(_RELAY_VERBS, _r_relay))
_RULES.update(dict.fromkeys(_SPEECH_VERBS, _r_speech))
_RULES.update(dict.fromkeys(_REPORT_NOUNS, _r_report_noun))

# Only tokens whose normalized form is here can start a marker.
TRIGGERS = frozenset(_RULES)


def _after_predicate(ms, k: int, lo: int) -> bool:
    """Token k closes a statement: a predicate, maybe followed by よ / ね (借りますよっていう)."""
    while k >= lo and ms[k].pos[1] == "終助詞":
        k -= 1
    return k >= lo and ms[k].pos[0] in _PREDICATE


def _hedging_think(ms, i: int, hi: int) -> bool:
    """と思う at i hedges the quoted clause: 思う / 思います / 思うんですけど / 思っていて.

    Not when it tells of a thought as an event (…じゃんって思って、動いた / …なと思ってね),
    modifies a noun (と思う人) or is nominalised (興味深いなって思うのが).
    """
    if i + 1 >= hi:
        return True
    nxt = ms[i + 1]
    if nxt.pos[0] in ("名詞", "代名詞"):
        return False
    if nxt.pos[1] == "準体助詞" and i + 2 < hi and ms[i + 2].surface in ("が", "は", "を", "も"):
        return False
    # a condition or a surprise: と思ったら / と思えば / と思うと / と思いきや
    if ms[i].pos[5].startswith("仮定形") or nxt.pos[5].startswith("仮定形") or nxt.surface == "き" \
            or (nxt.normalized == "と" and nxt.pos[1] == "接続助詞"):
        return False
    if nxt.normalized == "て" and nxt.pos[1] == "接続助詞":
        return i + 2 < hi and ms[i + 2].normalized in ("居る", "おる")
    return True


def _sentence_end(ms, j: int, hi: int) -> bool:
    """Nothing but punctuation up to the end of the sentence (a 。 or the end of the text)."""
    if not _rest_is_symbols(ms, j, hi):
        return False
    if hi >= len(ms):
        return True
    return any(ms[k].surface in ("。", "．", "！", "!") for k in range(j, hi))


def _iu(ms, q: int, i: int, lo: int, hi: int) -> Marker | None:
    """と / って + 言う at i, the quotative right before it at q = i - 1."""
    nxt = ms[i + 1] if i + 1 < hi else None
    if nxt is None or ((nxt.pos[0] in _SYMBOL or nxt.pos[1] == "終助詞") and _rest_is_final(ms, i + 2, hi)):
        # a clause-final relay of a statement: 来日するという。 / 上がったっていうね。
        # (not a name: …ハードっていうね)
        return _span(ms, q, i, REPORTED) if _after_predicate(ms, q - 1, lo) else None
    nn = nxt.normalized
    if nn == "こと":
        return _hearsay_koto(ms, q, i + 1, lo, hi)
    if nn in _SOURCES:  # というニュース, っていう話
        return _span(ms, q, i + 1, REPORTED)
    return _said(ms, q, i, hi)


def _iu_apart(ms, q: int, i: int, hi: int) -> Marker | None:
    """言う at i with its quote at q and the speaker between (…って、先輩が言ってた); here 言う
    must tell of a saying (言った, 言ってた, 言われた), since a bare 言う may name (…と皆が言う店)."""
    if _rest_is_final(ms, i + 1, hi):  # …って、先輩が言う。
        return _span(ms, q, i, REPORTED)
    return _said(ms, q, i, hi)


def _said(ms, q: int, i: int, hi: int) -> Marker | None:
    """言う at i told as a saying: と言われている, って言った, と言っていた, って言ってた."""
    if i + 1 >= hi:
        return None
    nxt = ms[i + 1]
    nn = nxt.normalized
    if nn in ("れる", "られる") or nn == "てる":  # と言われている, って言ってた
        return _span(ms, q, i + 1, REPORTED)
    if nn == "ます":  # と言いました
        j = i + 2
        if j < hi and ms[j].normalized == "た" and not ms[j].pos[5].startswith("仮定形"):
            return _span(ms, q, j, REPORTED)
        return None
    if nn == "た" and not nxt.pos[5].startswith("仮定形"):  # って言った (not って言ったら)
        return _span(ms, q, i + 1, REPORTED)
    if nn == "て" and i + 2 < hi and ms[i + 2].normalized == "居る":  # と言っていた
        return _span(ms, q, i + 2, REPORTED)
    return None


def _hearsay_koto(ms, a: int, k: int, lo: int, hi: int) -> Marker | None:
    """ということだ at tokens a..k (こと at k) as hearsay.

    Only at the end of the clause (…ということだ。 / ですよ / でした), or before けど / が
    when a statement is quoted (否認しているということですが、: news style). Not hearsay when
    it paraphrases (つまり / 要は ... ということだ, ということなんです), seeks agreement
    (ということですね) or sets a topic (テーマは円安ということですが).
    """
    j = k + 1
    if j >= hi or ms[j].normalized not in _COPULA:
        return None
    cop = ms[j]
    if cop.pos[5].startswith("連体形") or cop.pos[5].startswith("意志推量形"):
        return None
    for t in range(j + 1, hi):  # ということですね summarises
        s = ms[t]
        if s.pos[0] in _SYMBOL:
            break
        if s.surface == "よ" or (s.normalized == "た" and t == j + 1):
            continue
        # news style …ということですが、 (the spoken ってことですけど sums up)
        if s.pos[1] == "接続助詞" and s.normalized in _LEAD_ON and ms[a].surface == "と" \
                and _after_predicate(ms, a - 1, lo):
            continue
        return None
    for t in range(lo, a):
        if ms[t].normalized in _PARAPHRASE:
            return None
        if ms[t].surface == "こと" and t + 1 < a and ms[t + 1].surface == "は":  # ということは
            return None
    return _span(ms, a, j, REPORTED)
