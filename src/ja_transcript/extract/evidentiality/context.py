"""What the evidentiality rules ask of a token's neighbours: does a predicate end here, is
this a quotative と / って and which verb does it go with, is this noun + らしい a property.

Every function takes the clause's morphemes ``ms`` and indexes into them, with the clause
bounds ``lo:hi`` where it must not look beyond them.
"""

from __future__ import annotations

from ...nlp.pos import COPULA, PREDICATE, SYMBOL
from ..words import table
from .marker import Marker

NOMINAL = frozenset({"名詞", "代名詞", "接尾辞"})
QUOTE = frozenset({"と", "って"})  # quotative particles before 言う / 思う / 聞く
CLAUSE_LINK = frozenset({"けれど", "けれども", "が", "し", "から", "ので"})
LEAD_ON = frozenset({"けれど", "けれども", "が"})  # …ということですが、
NEGATIVE = frozenset({"ない", "無い"})
PREDICATE_SUFFIXES = frozenset({"形容詞的", "動詞的"})  # 接尾辞 making a predicate: やすい, にくい, がる
# Particles closing the speaker or source put between a quote and its verb:
# …って、会社の先輩が言ってた / …と医者に言われた / …って母から聞いた / …ってニュースで聞いた.
AGENT_PARTICLES = frozenset({"が", "は", "も", "に", "から", "で"})
FOCUS_PARTICLES = frozenset({"も", "は", "さえ", "まで"})  # on a quote: …とも言われる
DEGREE_ADVERBS = table("evidentiality", "degree_adverbs")
PROPERTY_NOUNS = table("evidentiality", "property_nouns")
MANNER_NOUNS = table("evidentiality", "manner_nouns")
MANNER_SUFFIXES = frozenset({"振り", "方"})  # 戦いぶり, 話しっぷり, 読み方
TOPIC_PARTICLES = frozenset({"は", "が", "も"})
INFERENCE_SUFFIXES = table("evidentiality", "inference_suffixes")


def span(ms, a: int, b: int, kind: str, forward: bool = False) -> Marker:
    """A marker made of tokens a..b (inclusive)."""
    surface = ms[a].surface if a == b else "".join([ms[k].surface for k in range(a, b + 1)])
    return Marker(surface, kind, ms[a].start, ms[b].end, forward)


def prev_word(ms, i: int, lo: int):
    """The token before i inside the clause, if it is a word."""
    if i - 1 < lo:
        return None
    prev = ms[i - 1]
    return None if prev.pos[0] in SYMBOL else prev


def rest_is_symbols(ms, j: int, hi: int) -> bool:
    for k in range(j, hi):
        if ms[k].pos[0] not in SYMBOL:
            return False
    return True


def rest_is_final(ms, j: int, hi: int) -> bool:
    """Only sentence-final particles (ね, よ, さ) and punctuation follow: the clause ends at j."""
    for k in range(j, hi):
        p = ms[k].pos
        if p[0] not in SYMBOL and p[1] != "終助詞":
            return False
    return True


def predicate_end(ms, j: int, hi: int) -> bool:
    """Token j closes a predicate: a copula, a final particle, a clause link or nothing follows.

    ようにする (purpose) and ような + noun (simile, example) do not close one.
    """
    if j >= hi or rest_is_symbols(ms, j, hi):
        return True
    m = ms[j]
    p = m.pos
    if p[1] == "終助詞":
        return True
    if p[1] == "接続助詞":
        return m.normalized in CLAUSE_LINK
    if m.normalized in COPULA:
        form = p[5]
        if form == "連用形-ニ":
            return False
        if form.startswith("連体形"):  # ようなんです closes; ような会社, みたいなのが do not
            return j + 1 < hi and ms[j + 1].pos[1] == "準体助詞" and predicate_end(ms, j + 2, hi)
        return True
    return False


def is_adjectival_noun(m) -> bool:
    p = m.pos
    return p[0] == "形状詞" or (p[0] == "名詞" and "形状詞可能" in p[2])


def property_suffix(ms, i: int, lo: int, hi: int) -> bool:
    """Noun + らしい / っぽい at i names a property rather than hearsay or inference.

    Cues: negated or becoming (らしくない, っぽくなった), attributive (春らしい天気),
    a degree adverb before it (とても, 実に, いかにも), a lexicalised noun (男らしい), or a
    manner as the topic (歩き方は兵隊っぽい). A milder adverb is no cue: ちょっと雨っぽい
    judges a fact.
    """
    if i + 1 < hi:
        nxt = ms[i + 1]
        if nxt.normalized in NEGATIVE or nxt.normalized == "成る" or nxt.surface == "さ":
            return True
        if nxt.pos[0] in ("名詞", "代名詞", "形状詞"):  # attributive: 秋らしい天気, 家庭料理らしい素朴な味
            return True
    if ms[i - 1].normalized in PROPERTY_NOUNS:
        return True
    for k in range(lo, i - 1):
        m = ms[k]
        if m.normalized in DEGREE_ADVERBS or m.surface in ("なんて", "など"):
            return True
        if k > lo and m.surface in TOPIC_PARTICLES and m.pos[0] == "助詞" and manner(ms[k - 1]):
            return True
        nxt = ms[k + 1].surface
        if (m.surface == "実" and nxt == "に") or (m.surface == "いかに" and nxt == "も"):
            return True
    return False


def manner(m) -> bool:
    """A noun of manner or bearing (態度, 話し方) or one made with 振り / 方 (戦いぶり)."""
    return m.normalized in MANNER_NOUNS or (m.pos[0] == "接尾辞" and m.normalized in MANNER_SUFFIXES)


def has_inference_suffix(ms, i: int, hi: int) -> bool:
    for k in range(i, hi):
        m = ms[k]
        if m.normalized in INFERENCE_SUFFIXES or (m.normalized == "そう" and m.pos[1] == "助動詞語幹"):
            return True
    return False


def quoted(ms, i: int, lo: int) -> bool:
    """Token i follows a quotative と / って."""
    return i - 1 >= lo and ms[i - 1].normalized in QUOTE and ms[i - 1].pos[0] == "助詞"


def is_quote(m) -> bool:
    return m.normalized in QUOTE and m.pos[0] == "助詞"


def adverbial(m) -> bool:
    """A word modifying a verb on its own: an adverb (ずっと), an adjective in its 連用形
    (よく), a noun used as an adverb (いつも)."""
    p = m.pos
    return p[0] == "副詞" or (p[0] == "形容詞" and p[5].startswith("連用形")) or (p[0] == "名詞" and "副詞可能" in p[2])


def quote_index(ms, i: int, lo: int) -> int | None:
    """The quotative と / って that the verb at i takes: right before it (って言う), or before
    the speaker or source said between them (…って、会社の先輩が言ってた, …と医者に言われた,
    …って母から聞いた). Between, only a noun phrase (AのB) and one or two particles may stand,
    and one or two adverbs before the verb (…って母がよく言っていた, …とよく言われる);
    the quote must close a statement, so that the と of 妹と母が言ってた店 (and) is no quote.

    >>> from ja_transcript.nlp import get_analyzer
    >>> ms = get_analyzer().analyze("いいって、会社の先輩が言ってた")
    >>> ms[quote_index(ms, 7, 0)].surface
    'って'
    >>> ms = get_analyzer().analyze("妹と母が言ってた")
    >>> quote_index(ms, 4, 0) is None
    True
    """
    if i - 1 < lo:
        return None
    if is_quote(ms[i - 1]):
        return i - 1
    if ms[i - 1].normalized in ("たって", "だって") and ms[i - 1].pos[1] == "接続助詞":
        return i - 1  # 入ったって聞いた: SudachiPy reads the past and the quotative as one concessive
    if i - 2 >= lo and ms[i - 1].surface in FOCUS_PARTICLES and ms[i - 1].pos[0] == "助詞" \
            and is_quote(ms[i - 2]) and after_predicate(ms, i - 3, lo):
        return i - 2  # …とも言われている, …とは聞いていた: a focus particle on the quote
    k = i - 1
    adverbs = 0  # …って母がよく言っていた, …と前から言われている
    while k >= lo and adverbs < 2 and adverbial(ms[k]):
        k -= 1
        adverbs += 1
    if adverbs and is_quote(ms[k]) and after_predicate(ms, k - 1, lo):  # …とよく言われる
        return k
    particles = 0
    while k >= lo and particles < 2 and ms[k].pos[0] == "助詞" and ms[k].surface in AGENT_PARTICLES:
        k -= 1
        particles += 1
    if not particles:
        return None
    nouns = 0
    while k >= lo and nouns < 8:
        p0 = ms[k].pos[0]
        if p0 in NOMINAL or p0 == "接頭辞":
            nouns += 1
        elif not (ms[k].surface == "の" and nouns and k - 1 >= lo and ms[k - 1].pos[0] in NOMINAL):
            break
        k -= 1
    if not nouns or k < lo:
        return None
    if ms[k].pos[0] in SYMBOL:  # …って、先輩が
        k -= 1
    if k - 1 >= lo and is_quote(ms[k]) and after_predicate(ms, k - 1, lo):
        return k
    return None


def to_no_quote(ms, i: int, lo: int) -> int | None:
    """The と of a quoted statement joined to the noun at i by の: …するとの情報, …との見方."""
    if i - 3 < lo or ms[i - 1].surface != "の" or ms[i - 1].pos[1] != "格助詞":
        return None
    q = i - 2
    return q if ms[q].surface == "と" and is_quote(ms[q]) and after_predicate(ms, q - 1, lo) else None


def statement_quote(ms, i: int, lo: int) -> int | None:
    """The quote of the verb at i when it closes a statement (閉店するって書いてあった),
    not a partner (友達と話した)."""
    q = quote_index(ms, i, lo)
    if q is None or (q == i - 1 and not after_predicate(ms, q - 1, lo)):
        return None
    return q


def after_predicate(ms, k: int, lo: int) -> bool:
    """Token k closes a statement: a predicate, maybe followed by よ / ね (借りますよっていう);
    a suffix that forms an adjective or a verb predicates too (滑りやすいって, 寒がってる)."""
    if k >= lo and ms[k].pos[1] == "読点":
        k -= 1  # 合意した、と発表した: a pause before the quotative, as news reads it
    while k >= lo and ms[k].pos[1] == "終助詞":
        k -= 1
    return k >= lo and (ms[k].pos[0] in PREDICATE or ms[k].pos[1] in PREDICATE_SUFFIXES)


def sentence_end(ms, j: int, hi: int) -> bool:
    """Nothing but punctuation up to the end of the sentence (a 。 or the end of the text)."""
    if not rest_is_symbols(ms, j, hi):
        return False
    if hi >= len(ms):
        return True
    return any(ms[k].surface in ("。", "．", "！", "!") for k in range(j, hi))


def with_copula(ms, i: int, hi: int) -> int:
    """i, or i + 1 when a copula follows (so that the marker reads ようだ, そうです)."""
    return i + 1 if i + 1 < hi and ms[i + 1].normalized in COPULA else i


def negated(ms, j: int, hi: int) -> bool:
    """A negative follows at j: ない, ず (ありません), ません."""
    if j < hi and ms[j].normalized == "ます":
        j += 1
    return j < hi and ms[j].normalized in ("ない", "ず")

