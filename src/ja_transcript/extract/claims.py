"""Claims: the checkable statements of a sentence, each with its evidentiality.

A spoken sentence often chains several statements (…と思うんですけど、…ニュースが流れました。),
so a claim is the smallest clause that stands as a statement. Clauses are cut after

* a clause-linking particle: けど / けれど / が (接続助詞) / し / ので / から / のに;
* a て-form or a 連用形 predicate followed by 、 (連用中止: 転換して、 / 医者であり、);
* a plain-form predicate followed by 、 (spoken run-on: そういう会社らしい、…);
* sentence punctuation (。！？).

A cut that would leave a piece without a predicate or with fewer than two content words is
undone (the piece joins the next clause). Not claims: questions (…でしょうか, a rhetorical
lead-in …かというと、), greetings (こんにちは、いわみです / ありがとうございました), intentions
and requests (お話ししたいと思います / 貼っておこうと思います / お過ごしください), fillers.

Evidentiality comes from each clause's own markers (see `evidentiality`). Clauses linked by
a て-form share the modality of the clause they lead into (転換して、…変わったらしい: both
reported), unless they carry markers of their own; sentence adverbials (によると, たぶん)
also cover the later clauses of their て-chain.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate, compress, count
from operator import attrgetter
from typing import Sequence

from .evidentiality import TRIGGERS, Marker, decide, markers_at

__all__ = ["ClaimSpan", "find_claims"]


@dataclass(frozen=True, slots=True)
class ClaimSpan:
    start: int  # character offsets in the sentence text
    end: int
    text: str  # == sentence[start:end]
    evidentiality: str  # asserted | reported | speculative
    markers: tuple[str, ...] = ()  # marker surfaces that decided it, e.g. ("らしい",)
    subject: str | None = None  # explicit subject (…は / …が), if any


def find_claims(text: str, morphemes: Sequence | None = None) -> list[ClaimSpan]:
    """The claims of `text` (one sentence or several), in order.

    `morphemes` are ``get_analyzer().analyze(text)`` (offsets into `text`); pass them to avoid
    tokenizing twice.

    >>> [(c.text, c.evidentiality, c.markers) for c in find_claims("明日は雪が降るらしい。")]
    [('明日は雪が降るらしい', 'reported', ('らしい',))]
    >>> [(c.text, c.evidentiality) for c in find_claims("寒いと思うんですけど、雪はまだ降っていない。")]
    [('寒いと思うんですけど', 'speculative'), ('雪はまだ降っていない', 'asserted')]
    >>> find_claims("こんにちは、いわみです。いかがお過ごしでしょうか。")
    []
    """
    if morphemes is None:
        from ja_transcript.nlp import get_analyzer

        morphemes = get_analyzer().analyze(text)
    ms = morphemes
    if not ms:
        return []
    sc = _Scan(ms)
    clauses = _merge_small(sc, _split(sc))
    own = [markers_at(ms, sc.within(sc.triggers, lo, hi), lo, hi) for lo, hi, _ in clauses]
    kinds = [_kind(sc, lo, hi, link) for lo, hi, link in clauses]
    out: list[ClaimSpan] = []
    for chain in _chains(clauses):
        if kinds[chain[-1]] in ("question", "intent"):  # a て-chain shares its final clause's mood
            continue
        forward: list[Marker] = []
        for pos, c in enumerate(chain):
            markers = forward + (own[c] or _next_marked(own, chain[pos + 1:]))
            forward = forward + [m for m in own[c] if m.forward]
            if kinds[c] != "claim":
                continue
            lo, hi, _ = clauses[c]
            span = _trim(sc, lo, hi)
            if span is None:
                continue
            start, end = span
            evidentiality, surfaces = decide(markers)
            out.append(ClaimSpan(start, end, text[start:end], evidentiality, surfaces,
                                 _subject(text, sc, lo, hi)))
    return out


# --- one scan over the morphemes -------------------------------------------------------------
#
# Every later step reads per-token flags (cached per POS tuple) and short lists of the tokens
# that can matter (marker triggers, question words, ...), so a clause costs only its candidates.

_SYMBOL = frozenset({"補助記号", "空白", "記号"})
_PREDICATE = frozenset({"動詞", "形容詞", "助動詞"})
_CONTENT = frozenset({"名詞", "代名詞", "動詞", "形容詞", "形状詞", "副詞", "連体詞"})
_NP = frozenset({"名詞", "代名詞", "接尾辞", "接頭辞"})
_SENTENCE_END = frozenset({"。", "．", "！", "？", "!", "?"})
_COMMAS = frozenset({"、", "，", ","})

# Token flags (per POS tuple).
(F_SYMBOL, F_PRED, F_CONTENT, F_NP, F_COMMA, F_LINK, F_JUNTAI, F_FINAL, F_WILL,
 F_TIME) = (1 << k for k in range(10))


def _pos_flags(pos: tuple) -> int:
    p0, p1, p2, form = pos[0], pos[1], pos[2], pos[5]
    f = 0
    if p0 in _SYMBOL:
        f |= F_SYMBOL
        if p1 == "読点":
            f |= F_COMMA
    if p0 in _PREDICATE or p1 == "形容詞的":  # 男っぽい: an adjectival suffix predicates
        f |= F_PRED
    if p0 in _CONTENT:
        f |= F_CONTENT
    if p0 in _NP:
        f |= F_NP
    if p1 == "接続助詞" or p1 == "句点":
        f |= F_LINK
    if p1 == "準体助詞":
        f |= F_JUNTAI
    if p1 == "終助詞":
        f |= F_FINAL
    if form.startswith("意志推量形") or form.startswith("命令形"):
        f |= F_WILL
    if "副詞可能" in p2:
        f |= F_TIME
    return f


class _FlagCache(dict):
    """POS tuple -> flag word, computed on first sight (SudachiPy has a few hundred POS)."""

    def __missing__(self, pos: tuple) -> int:
        f = self[pos] = _pos_flags(pos)
        return f


_FLAGS = _FlagCache()
# Flag word -> 0/1 for one question, so that counts and index lists are made in C.
_COUNT = [(1 if f & F_PRED else 0) + (1 << 32 if f & F_CONTENT else 0) for f in range(1 << 10)]
_WILL_BIT = [1 if f & F_WILL else 0 for f in range(1 << 10)]
_LINK_BIT = [1 if f & (F_LINK | F_COMMA) else 0 for f in range(1 << 10)]
_JUNTAI_BIT = [1 if f & F_JUNTAI else 0 for f in range(1 << 10)]
_get_pos = attrgetter("pos")
_get_normalized = attrgetter("normalized")

# Roles of normalized forms the later steps look for.
R_TRIGGER, R_GREET, R_QWORD, R_WISH, R_TOPIC = (1 << k for k in range(5))
_GREETINGS = frozenset({
    "今日は", "今晩は", "お早う", "おはよう", "おはようございます", "さようなら", "有り難う",
    "お疲れ様", "ご苦労様", "宜しく", "今日わ", "ばいばい", "じゃあね", "いらっしゃいませ",
})
_QUESTION_WORDS = frozenset({
    "何", "何故", "どう", "どうして", "どういう", "どこ", "何処", "いつ", "何時", "誰", "どれ",
    "どの", "どんな", "どちら", "幾ら", "幾つ", "如何", "何で",
})
_ROLES: dict[str, int] = {}
# だ / です / と are frequent and only matter as だろう / でしょう (volitional form), んじゃないか
# (after a nominalising の) and a sentence-final と: the scan adds those few directly.
_RARE_TRIGGERS = TRIGGERS - {"だ", "です", "と"}
for _words, _role in ((_RARE_TRIGGERS, R_TRIGGER), (_GREETINGS, R_GREET), (_QUESTION_WORDS, R_QWORD),
                      (("たい", "欲しい"), R_WISH), (("は", "が", "って"), R_TOPIC)):
    for _w in _words:
        _ROLES[_w] = _ROLES.get(_w, 0) | _role


class _Scan:
    """Flags of every token, prefix counts, and the indexes of tokens with a role.

    Built with C-level iteration (map / accumulate / compress): only the few tokens with a
    role are visited in Python.
    """

    __slots__ = ("ms", "flags", "counts", "triggers", "greets", "qwords", "wills", "topics",
                 "links")

    def __init__(self, ms):
        self.ms = ms
        flags = self.flags = list(map(_FLAGS.__getitem__, map(_get_pos, ms)))
        # predicates in the low 32 bits, content words above: one prefix sum for both
        self.counts = list(accumulate(map(_COUNT.__getitem__, flags), initial=0))
        self.links = list(compress(count(), map(_LINK_BIT.__getitem__, flags)))
        roles = list(map(_ROLES.get, map(_get_normalized, ms)))  # None: no role
        by_role: dict[int, list[int]] = {}
        for i in compress(count(), roles):  # the few tokens with a role
            r = roles[i]
            if r in by_role:
                by_role[r].append(i)
            else:
                by_role[r] = [i]
        self.topics = _having(by_role, R_TOPIC)
        self.qwords = _having(by_role, R_QWORD)
        self.greets = _having(by_role, R_GREET)
        volitional = list(compress(count(), map(_WILL_BIT.__getitem__, flags)))
        self.wills = sorted(_having(by_role, R_WISH) + volitional)
        self.triggers = _having(by_role, R_TRIGGER)
        extra = [i for i in volitional if ms[i].normalized in ("だ", "です")]  # だろう, でしょう
        n = len(ms)
        for i in self.links:
            if i >= 1 and ms[i - 1].normalized == "と" and ms[i].surface in _SENTENCE_END:
                extra.append(i - 1)  # 契約を結んだと。
        for i in compress(count(1), map(_JUNTAI_BIT.__getitem__, flags)):  # んじゃないか
            if i < n and ms[i].normalized == "だ":
                extra.append(i)
        if n and ms[-1].normalized == "と":
            extra.append(n - 1)
        if extra:
            self.triggers = sorted(set(self.triggers).union(extra))

    @staticmethod
    def within(indexes: list[int], lo: int, hi: int) -> list[int]:
        return indexes[bisect_left(indexes, lo):bisect_left(indexes, hi)]

    def substantial(self, lo: int, hi: int) -> bool:
        """A clause needs a predicate and at least two content words."""
        diff = self.counts[hi] - self.counts[lo]
        return diff & 0xFFFFFFFF > 0 and diff >> 32 >= 2


def _having(by_role: dict[int, list[int]], role: int) -> list[int]:
    """Sorted indexes of the tokens that have `role` among their roles."""
    lists = [v for r, v in by_role.items() if r & role]
    if len(lists) == 1:
        return lists[0]
    return sorted(i for v in lists for i in v)


# --- clause splitting --------------------------------------------------------------------

_CLAUSE_LINKS = frozenset({"けれど", "けれども", "が", "し", "ので", "から", "のに"})
# After these a linking particle does not end the clause: だからこそ, からには, からです.
_LINK_CONTINUES = frozenset({"こそ", "は", "も", "の", "と", "って", "か", "に", "で", "です", "だ"})
# Verbs in compound particles: として, によって, について, にとって, に対して, を通じて ...
_PARTICLE_VERBS = frozenset({
    "為る", "よる", "つく", "取る", "おく", "関する", "対する", "通じる", "巡る", "基づく", "伴う",
    "加える", "向ける", "従う", "比べる", "際する", "応じる", "渡る", "掛ける",
})


def _split(sc: _Scan) -> list[list]:
    """Cut the morphemes into clauses: [lo, hi, link] with link in end | clause | te | leadin."""
    ms, flags = sc.ms, sc.flags
    out: list[list] = []
    n = len(ms)
    lo = 0
    for i in _link_candidates(sc):
        if i < lo:  # inside punctuation already taken
            continue
        nxt_comma = i + 1 < n and flags[i + 1] & F_COMMA
        link = _link_after(ms, flags, i, nxt_comma)
        if link is None:
            continue
        j = i + 1
        while j < n and flags[j] & F_SYMBOL:  # the punctuation stays with its clause
            if ms[j].surface in _SENTENCE_END:
                link = "end"
            j += 1
        out.append([lo, j, link])
        lo = j
    if lo < n:
        out.append([lo, n, "end"])
    return out


def _link_candidates(sc: _Scan) -> list[int]:
    """Tokens after which a clause may end: sentence punctuation and linking particles, tokens
    before a comma, and the token after a nominalising の (ので / のに are の + で / に)."""
    flags = sc.flags
    cands = set()
    for i in sc.links:
        if flags[i] & F_COMMA:
            # a comma ends a clause after a predicate or a linking particle, or in のに、
            if i >= 1 and (flags[i - 1] & (F_PRED | F_LINK) or (i >= 2 and flags[i - 2] & F_JUNTAI)):
                cands.add(i - 1)
        else:
            cands.add(i)
    cands.update(i + 1 for i in compress(count(), map(_JUNTAI_BIT.__getitem__, flags)))  # ので
    cands.discard(-1)
    cands.discard(len(flags))
    return sorted(cands)


def _link_after(ms, flags, i: int, nxt_comma) -> str | None:
    """How the clause ending at token i links to the next one, or None if it goes on."""
    m = ms[i]
    f = flags[i]
    nxt = ms[i + 1] if i + 1 < len(ms) else None
    if f & F_SYMBOL:
        return "end" if m.surface in _SENTENCE_END else None
    p = m.pos
    if p[1] == "接続助詞":
        nm = m.normalized
        if nm in _CLAUSE_LINKS:
            if nxt is not None and not flags[i + 1] & F_SYMBOL and nxt.surface in _LINK_CONTINUES:
                return None
            if nm == "が" and _concessive_daro(ms, i):
                return None
            return "clause"
        if nm in ("て", "で") and nxt_comma:
            return None if _compound_particle(ms, i) else "te"
        if m.surface in ("と", "ば") and _leadin(ms, i):
            return "leadin"
        return None
    after_no = i >= 1 and flags[i - 1] & F_JUNTAI
    # のに、 is の + に for SudachiPy (疲れていたのに、); without the comma it may be a purpose.
    if after_no and nxt_comma and m.surface == "に":
        return "clause"
    # ので is の + で for SudachiPy (時間がないので); のである / のではない go on.
    if after_no and m.surface == "で" and p[0] == "助動詞" \
            and (nxt is None or nxt.normalized not in ("有る", "は", "も")):
        return "clause"
    if f & F_PRED and nxt_comma and p[0] in _PREDICATE:
        form = p[5]
        if form == "連用形-一般":
            return "te"
        if form.startswith("終止形"):
            return "clause"
    return None


def _compound_particle(ms, i: int) -> bool:
    """The て at i ends a compound particle (予想として、 / それによって、), not a clause."""
    return i >= 2 and ms[i - 1].normalized in _PARTICLE_VERBS and ms[i - 2].surface in ("と", "に", "を") \
        and ms[i - 2].pos[0] == "助詞"


def _concessive_daro(ms, i: int) -> bool:
    """XだろうがYだろうが: が after noun + だろう is 'whether', not 'but'."""
    return i >= 2 and ms[i - 1].pos[5].startswith("意志推量形") and ms[i - 2].pos[0] in ("名詞", "代名詞")


def _leadin(ms, i: int) -> bool:
    """…かというと / …かっていうと / …かといえば: a rhetorical question leading in."""
    return (i >= 3 and ms[i - 1].normalized == "言う" and ms[i - 2].surface in ("と", "って")
            and ms[i - 3].surface == "か")


def _merge_small(sc: _Scan, clauses: list[list]) -> list[list]:
    """Join pieces too small to be a clause to the next clause of their sentence (or the previous)."""
    out: list[list] = []
    pending = None
    for lo, hi, link in clauses:
        if pending is not None:
            lo, pending = pending, None
        if link == "leadin" or sc.substantial(lo, hi):
            out.append([lo, hi, link])
        elif link != "end":
            pending = lo
        elif out and out[-1][2] not in ("end", "leadin"):
            out[-1][1], out[-1][2] = hi, "end"
        else:
            out.append([lo, hi, link])
    if pending is not None:
        out.append([pending, len(sc.ms), "end"])
    return out


def _chains(clauses: list[list]) -> list[list[int]]:
    """Indexes of clauses grouped into て-chains (clauses joined by a て / 連用 link)."""
    chains: list[list[int]] = []
    current: list[int] = []
    for k, (_, _, link) in enumerate(clauses):
        current.append(k)
        if link != "te":
            chains.append(current)
            current = []
    if current:
        chains.append(current)
    return chains


def _next_marked(own: list[list[Marker]], later: list[int]) -> list[Marker]:
    for c in later:
        if own[c]:
            return own[c]
    return []


# --- what kind of clause --------------------------------------------------------------------

def _kind(sc: _Scan, lo: int, hi: int, link: str) -> str:
    """claim | question | greeting | intent | filler."""
    if link == "leadin":
        return "question"
    if not sc.substantial(lo, hi):
        return "filler"
    if sc.within(sc.greets, lo, hi) and _is_greeting(sc, lo, hi):
        return "greeting"
    if _is_question(sc, lo, hi):
        return "question"
    if _is_intent(sc, lo, hi):
        return "intent"
    return "claim"


def _is_greeting(sc: _Scan, lo: int, hi: int) -> bool:
    """A greeting or thanks with little else (こんにちは、いわみです / お聞きいただいてありがとうございました)."""
    rest = 0
    for k in range(lo, hi):
        m = sc.ms[k]
        p = m.pos
        if m.normalized not in _GREETINGS and sc.flags[k] & F_CONTENT and p[0] != "副詞" \
                and "非自立可能" not in p[1]:
            rest += 1
    return rest <= 3


def _last_word(sc: _Scan, lo: int, hi: int) -> int:
    k = hi - 1
    while k >= lo and sc.flags[k] & F_SYMBOL:
        k -= 1
    return k


def _is_question(sc: _Scan, lo: int, hi: int) -> bool:
    """Questions, wondering included, but not rhetorical じゃないですか or a guess かな."""
    ms = sc.ms
    k = _last_word(sc, lo, hi)
    if k < lo:
        return False
    for t in range(k + 1, hi):
        if ms[t].surface in ("？", "?"):
            return True
    m = ms[k]
    if m.surface == "か" and m.pos[1] == "終助詞":
        return not _negative_tag(ms, lo, k)
    qwords = sc.within(sc.qwords, lo, k)
    if sc.flags[k] & F_FINAL and k - 1 >= lo and ms[k - 1].surface == "か":  # かな / かね
        return _has_question_word(ms, qwords, k)
    if not qwords or not _has_question_word(ms, qwords, k):
        return False
    # どういう繋がりがあるんだろうっていう / 何なの: wondering aloud
    while k > lo and (sc.flags[k] & F_FINAL or ms[k].surface in ("って", "と") or ms[k].normalized == "言う"):
        k -= 1
    m = ms[k]
    return m.pos[5].startswith("意志推量形") or m.surface in ("の", "ん")


def _negative_tag(ms, lo: int, k: int) -> bool:
    """…じゃないですか / …ではないか before か at k: a rhetorical or guessing tag, not a question."""
    j = k - 1
    if j >= lo and ms[j].normalized == "です":
        j -= 1
    if j >= lo and ms[j].normalized in ("ない", "無い"):
        j -= 1
        if j >= lo and ms[j].surface == "は":
            j -= 1
        return j >= lo and ms[j].normalized == "だ" and ms[j].surface in ("じゃ", "で")
    return False


def _has_question_word(ms, qwords: list[int], hi: int) -> bool:
    """A question word that asks (not 何か, 誰も, いつも, どう考えても)."""
    for k in qwords:
        if k + 1 < hi and ms[k + 1].surface in ("か", "も", "でも", "やら"):
            continue
        concessive = any(ms[t].surface in ("て", "で", "に") and ms[t + 1].surface == "も"
                         for t in range(k + 1, hi - 1))  # どう考えても, 何をするにも
        if not concessive:
            return True
    return False


# What may follow a wish, a volitional or an imperative in a clause that only states an
# intention: したいと思います, 貼っておこうと思いますが, 行きましょうね.
_INTENT_TAIL = frozenset({
    "と", "って", "思う", "考える", "存じる", "ます", "て", "居る", "おる", "た", "の", "です", "だ",
    "けれど", "けれども", "が", "し", "から", "ので", "ね", "よ", "な", "か", "かな", "ず", "ない",
})


def _is_intent(sc: _Scan, lo: int, hi: int) -> bool:
    """The clause states a wish, intention or request (したいと思います, 貼っておこう, ください)."""
    ms, flags = sc.ms, sc.flags
    for k in sc.within(sc.wills, lo, hi):
        m = ms[k]
        p = m.pos
        if flags[k] & F_WILL:
            if p[5].startswith("命令形"):
                if m.normalized in ("有る", "為る"):  # であれ / にせよ / にしろ: concessive
                    continue
            elif not (p[0] == "動詞" or m.normalized == "ます"):  # だろう is a guess, not a will
                continue
        elif (m.normalized == "たい" and p[0] != "助動詞") or (m.normalized == "欲しい" and "非自立可能" not in p[1]):
            continue
        if all(ms[t].normalized in _INTENT_TAIL or flags[t] & (F_SYMBOL | F_FINAL) for t in range(k + 1, hi)):
            return True
    return False


# --- span and subject -------------------------------------------------------------------------

def _trim(sc: _Scan, lo: int, hi: int) -> tuple[int, int] | None:
    """Character span of the clause without surrounding punctuation and spaces."""
    flags = sc.flags
    a, b = lo, hi - 1
    while a <= b and flags[a] & F_SYMBOL:
        a += 1
    while b >= a and flags[b] & F_SYMBOL:
        b -= 1
    return (sc.ms[a].start, sc.ms[b].end) if a <= b else None


def _subject(text: str, sc: _Scan, lo: int, hi: int) -> str | None:
    """The noun phrase before the first subject-marking は / が / って of the clause.

    Time words alone (今は, 昔は) are skipped; AのB, AとB and Xという B stay whole.
    """
    ms, flags = sc.ms, sc.flags
    for k in sc.within(sc.topics, lo + 1, hi):
        m = ms[k]
        s, p1 = m.surface, m.pos[1]
        if not ((s == "は" and p1 == "係助詞") or (s == "が" and p1 == "格助詞")
                or (s == "って" and p1 == "副助詞" and k + 1 < hi and ms[k + 1].normalized != "言う")):
            continue
        end = k - 1
        # Xというのは / Xっていうのが: the subject is X
        if end - 2 >= lo and flags[end] & F_JUNTAI and ms[end - 1].normalized == "言う" \
                and ms[end - 2].surface in ("と", "って"):
            end -= 3
        start = _np_start(sc, lo, end)
        if start is None or ms[end].normalized == "要":  # 要は: "in short", not a subject
            continue
        while start < end and flags[start] & F_TIME and flags[start + 1] & F_NP:  # 今それが -> それ
            start += 1
        # 今日は / 昔は set the time, they are not subjects; 今年の患者数は is one
        if all(flags[t] & F_TIME or not flags[t] & F_NP for t in range(start, end + 1)):
            continue
        return text[ms[start].start:ms[end].end]
    return None


def _np_start(sc: _Scan, lo: int, end: int) -> int | None:
    """First token of the noun phrase ending at token `end`, or None if `end` is not nominal."""
    ms, flags = sc.ms, sc.flags
    if end < lo or not flags[end] & F_NP:
        return None
    k = end
    while k - 1 >= lo:
        prev = ms[k - 1]
        if flags[k - 1] & F_NP:
            k -= 1
        elif prev.surface in ("の", "と") and prev.pos[1] == "格助詞" and k - 2 >= lo and flags[k - 2] & F_NP:
            k -= 2
        elif prev.normalized == "言う" and k - 3 >= lo and ms[k - 2].surface in ("と", "って") \
                and flags[k - 3] & F_NP:
            k -= 3
        else:
            break
    return k
