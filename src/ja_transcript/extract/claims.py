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

A verbless piece with a topic, something said of it and a marker of its own stands as a
clause (…って聞いたけど、うちはたぶん月1万5千円くらいかな), and so does a noun predicate that
SudachiPy reads as noun + case particle で when a clause with its own topic follows
(入場料は大人が千円で、子どもは無料らしい).

Evidentiality comes from each clause's own markers (see `evidentiality`). Clauses linked by
a て-form share the modality of the clause they lead into (転換して、…変わったらしい: both
reported), unless they carry markers of their own or the clause after them stands apart
(a topic of its own, an opening condition: …で、日本円にすると、800円くらいかな); sentence
adverbials (によると, たぶん) also cover the later clauses of their て-chain. A chain ending in
a question or an intention is no claim, except its clauses with markers of their own.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter
from typing import Sequence

from ..chars import SENTENCE_ENDS
from ..nlp.pos import COPULA, PREDICATE, SYMBOL

from .evidentiality import ASSERTED, TRIGGERS, Marker, decide, markers_in

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
    if not morphemes:
        return []
    sc = _Scan(morphemes)
    clauses = _merge_small(sc, _split(sc))
    if "で、" in text or "で，" in text or "で," in text:  # rare: skip the look otherwise
        clauses = _split_noun_predicates(sc, clauses)
    out: list[ClaimSpan] = []
    last = len(clauses) - 1
    k = 0
    while k <= last:
        lo, hi, link, substantial = clauses[k]
        if link != "te" or k == last:  # a clause on its own, the common case
            k += 1
            if _kind(sc, lo, hi, link, substantial) == "claim":
                out.append(_claim(text, sc, lo, hi, _markers(sc, lo, hi)))
            continue
        # A て-chain (clauses joined by a て / 連用 link) shares its final clause's mood.
        e = k
        while e < last and clauses[e][2] == "te":
            e += 1
        chain = clauses[k:e + 1]
        k = e + 1
        out += _chain_claims(text, sc, chain)
    return out


def _chain_claims(text: str, sc: _Scan, chain: list[tuple[int, int, str, bool]]) -> list[ClaimSpan]:
    """The claims of a て-chain.

    A clause without markers of its own takes those of the next clause that has some
    (転換して、…変わったらしい), unless a clause on the way stands apart (`_stands_apart`);
    sentence adverbials (によると, たぶん) cover the later clauses too. A chain that ends in a
    question or an intention (…って聞いて、真似してみようかな) is not a claim, but a clause of
    it with markers of its own still relays or guesses something, and so is one.
    """
    final_kind = _kind(sc, *chain[-1])
    bounded = final_kind == "question" or final_kind == "intent"
    own = [_markers(sc, lo, hi) for lo, hi, _, _ in chain]
    out = []
    forward: list[Marker] = []
    last = len(chain) - 1
    for pos, (lo, hi, link, substantial) in enumerate(chain):
        if own[pos]:
            markers = forward + own[pos]
            forward = forward + [m for m in own[pos] if m.forward]
        elif bounded:
            continue
        else:
            markers = forward + _spread_back(text, sc, chain, own, pos + 1)
        kind = final_kind if pos == last else _kind(sc, lo, hi, link, substantial)
        if kind == "claim":
            out.append(_claim(text, sc, lo, hi, markers))
    return out


def _spread_back(text: str, sc: _Scan, chain, own: list[list[Marker]], first: int) -> list[Marker]:
    """Markers of the first clause of `chain` from `first` on that has any, unless a clause
    that stands apart comes first."""
    if not any(own[first:]):  # the common case: nothing to spread
        return []
    for pos in range(first, len(chain)):
        lo, hi = chain[pos][0], chain[pos][1]
        if _stands_apart(sc, chain[pos - 1][0], lo, hi, own[pos]):
            return []
        if own[pos]:
            return own[pos]
    return []


def _stands_apart(sc: _Scan, before: int, lo: int, hi: int, markers: list[Marker]) -> bool:
    """The clause ``lo:hi`` (the one before it starts at token `before`) makes a statement of
    its own rather than going on with the one before: it sets a topic of its own (熱は下がって、
    咳はまだ残っているみたい), or opens with a condition that frames it anew (…5ユーロくらいで、
    日本円にすると、800円くらいかな). Its markers then do not reach back.

    A subject with が does not part the clauses (雨が降って、川があふれたらしい: both heard),
    nor a topic that points back (それは, そういう企業は); a time topic does only against
    another one (前半は…、後半は…), not after a subject (彼は辞めて、今は…).
    """
    if sc.topics.find(1, lo + 1, hi) < 0:
        return _opens_with_condition(sc, lo, hi)
    topic = _topic(sc, lo, hi)
    if topic is not None:
        start, timed = topic
        if not _points_back(sc.ms, start, lo) and not any(m.start <= sc.ms[start].start < m.end for m in markers):
            if not timed:
                return True
            earlier = _topic(sc, before, lo)
            if earlier is not None and earlier[1]:
                return True
    return _opens_with_condition(sc, lo, hi)


def _topic(sc: _Scan, lo: int, hi: int) -> tuple[int, bool] | None:
    """The first token of the clause's first topic (noun + は / って), and whether it only
    names a time (今は, 後半は)."""
    ms = sc.ms
    k = sc.topics.find(1, lo + 1, hi)
    while k >= 0:
        m = ms[k]
        if (m.surface == "は" and m.pos[1] == "係助詞") \
                or (m.surface == "って" and m.pos[1] == "副助詞" and k + 1 < hi and ms[k + 1].normalized != "言う"):
            start = _np_start(sc, lo, k - 1)
            if start is not None and ms[k - 1].normalized != "要":
                return start, sc.namings.find(1, start, k) < 0
        k = sc.topics.find(1, k + 1, hi)
    return None


_DEMONSTRATIVES = frozenset({
    "これ", "それ", "あれ", "ここ", "そこ", "あそこ", "こちら", "そちら", "あちら", "こっち", "そっち",
    "あっち", "この", "その", "あの", "こんな", "そんな", "あんな",
})


def _points_back(ms, start: int, lo: int) -> bool:
    """The noun phrase from token `start` refers to what was just said: それ, その他の株,
    そういう企業, こうした動き.

    >>> from ja_transcript.nlp import get_analyzer
    >>> ms = get_analyzer().analyze("そういう企業が多い")
    >>> _points_back(ms, 2, 0), _points_back(ms, 0, 0)
    (True, False)
    """
    if ms[start].surface in _DEMONSTRATIVES:
        return True
    k = start - 1
    if k >= lo and ms[k].surface in _DEMONSTRATIVES:
        return True
    if k >= lo and ms[k].normalized == "た":
        k -= 1
    return k - 1 >= lo and ms[k].normalized in ("言う", "為る") and ms[k - 1].surface in ("そう", "こう", "ああ")


def _opens_with_condition(sc: _Scan, lo: int, hi: int) -> bool:
    """A conditional clause set off by a comma: …にすると、 / …だと、 / …たら、 / …なら、."""
    ms, codes, cf, links = sc.ms, sc.codes, _CODE_FLAGS, sc.links
    k = links.find(1, lo + 1, hi)
    while k >= 0:
        if cf[codes[k]] & F_COMMA:
            m = ms[k - 1]
            p = m.pos
            if (p[1] == "接続助詞" and m.surface in ("と", "ば")) or (p[0] == "助動詞" and p[5].startswith("仮定形")):
                return True
        k = links.find(1, k + 1, hi)
    return False


# --- one scan over the morphemes -------------------------------------------------------------
#
# Each token gets one byte for its POS (the code of its flag word) and one byte for the roles
# of its normalized form: two passes made in C, and the only ones that visit every token.
# What a clause then asks of its tokens (has it a predicate and two content words? where is
# its last word? which tokens can start a marker?) is answered by bytes.translate / find /
# rfind / count on rows of 0/1 bytes, one per token, so Python visits only the few tokens
# that can matter.

_SYMBOL, _PREDICATE, _COPULA = SYMBOL, PREDICATE, COPULA
_CONTENT = frozenset({"名詞", "代名詞", "動詞", "形容詞", "形状詞", "副詞", "連体詞"})
_NP = frozenset({"名詞", "代名詞", "接尾辞", "接頭辞"})
_SENTENCE_END = SENTENCE_ENDS

# Token flags (per POS tuple).
(F_SYMBOL, F_PRED, F_CONTENT, F_NP, F_COMMA, F_LINK, F_CONJ, F_JUNTAI, F_FINAL, F_WILL, F_TIME,
 F_TE_FORM, F_PLAIN) = (1 << k for k in range(13))


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
    if p1 == "接続助詞":
        f |= F_LINK | F_CONJ
    if p1 == "句点":
        f |= F_LINK
    if p1 == "準体助詞":
        f |= F_JUNTAI
    if p1 == "終助詞":
        f |= F_FINAL
    if form.startswith("意志推量形") or form.startswith("命令形"):
        f |= F_WILL
    if "副詞可能" in p2:
        f |= F_TIME
    if p0 in _PREDICATE:  # the forms that end a clause before a comma (_link_after)
        if form == "連用形-一般":
            f |= F_TE_FORM
        elif form.startswith("終止形"):
            f |= F_PLAIN
    return f


# Code -> flag word. SudachiPy's ~1,600 POS tuples share about 20 flag words, so a code fits
# in a byte. Each _T_* table maps a code to 1 where its flag word passes the table's test
# (for bytes.translate); a code's entries are filled before the code is handed out.
_CODE_FLAGS: list[int] = []
_T_SYMBOL, _T_PRED, _T_CONTENT, _T_LINK, _T_JUNTAI, _T_WILL, _T_NP, _T_NAMING = (
    bytearray(256) for _ in range(8))
_CODE_TABLES = (
    (_T_SYMBOL, lambda f: f & F_SYMBOL), (_T_PRED, lambda f: f & F_PRED),
    (_T_CONTENT, lambda f: f & F_CONTENT), (_T_LINK, lambda f: f & (F_LINK | F_COMMA)),
    (_T_JUNTAI, lambda f: f & F_JUNTAI), (_T_WILL, lambda f: f & F_WILL), (_T_NP, lambda f: f & F_NP),
    (_T_NAMING, lambda f: f & F_NP and not f & F_TIME),  # a noun that is not a time word
)
_CODE_LOCK = threading.Lock()


class _CodeCache(dict):
    """POS tuple -> code of its flag word, given on first sight."""

    def __missing__(self, pos: tuple) -> int:
        flags = _pos_flags(pos)
        with _CODE_LOCK:
            if flags not in _CODE_FLAGS:
                code = len(_CODE_FLAGS)
                if code > 255:
                    raise RuntimeError("more than 256 kinds of token flags")
                for table, test in _CODE_TABLES:
                    table[code] = 1 if test(flags) else 0
                _CODE_FLAGS.append(flags)
            code = self[pos] = _CODE_FLAGS.index(flags)
        return code


_CODES = _CodeCache()
_get_pos = attrgetter("pos")
_get_normalized = attrgetter("normalized")

_CLAUSE_LINKS = frozenset({"けれど", "けれども", "が", "し", "ので", "から", "のに"})
# After these a linking particle does not end the clause: だからこそ, からには, からです.
_LINK_CONTINUES = frozenset({"こそ", "は", "も", "の", "と", "って", "か", "に", "で", "です", "だ"})
# Verbs in compound particles: として, によって, について, にとって, に対して, を通じて ...
_PARTICLE_VERBS = frozenset({
    "為る", "よる", "つく", "取る", "おく", "関する", "対する", "通じる", "巡る", "基づく", "伴う",
    "加える", "向ける", "従う", "比べる", "際する", "応じる", "渡る", "掛ける",
})
_GREETINGS = frozenset({
    "今日は", "今晩は", "お早う", "おはよう", "おはようございます", "さようなら", "有り難う",
    "お疲れ様", "ご苦労様", "宜しく", "今日わ", "ばいばい", "じゃあね", "いらっしゃいませ",
})
_QUESTION_WORDS = frozenset({
    "何", "何故", "どう", "どうして", "どういう", "どこ", "何処", "いつ", "何時", "誰", "どれ",
    "どの", "どんな", "どちら", "幾ら", "幾つ", "如何", "何で",
})

# Roles of normalized forms the later steps look for (one bit each, so a role byte).
R_TRIGGER, R_GREET, R_QWORD, R_WISH, R_TOPIC, R_TO, R_CLAUSE_LINK, R_IU = (1 << k for k in range(8))
_ROLES: dict[str, int] = {}
# だ / です / と are frequent and only matter as だろう / でしょう (volitional form), んじゃないか
# (after a nominalising の) and a sentence-final と: the scan adds those few directly.
_RARE_TRIGGERS = TRIGGERS - {"だ", "です", "と"}
for _words, _role in ((_RARE_TRIGGERS, R_TRIGGER), (_GREETINGS, R_GREET), (_QUESTION_WORDS, R_QWORD),
                      (("たい", "欲しい"), R_WISH), (("は", "が", "って"), R_TOPIC), (("と",), R_TO),
                      (_CLAUSE_LINKS, R_CLAUSE_LINK), (("言う",), R_IU)):
    for _w in _words:
        _ROLES[_w] = _ROLES.get(_w, 0) | _role


def _role_table(role: int) -> bytes:
    return bytes(1 if value & role else 0 for value in range(256))


_T_TRIGGER, _T_GREET, _T_QWORD, _T_WISH, _T_TOPIC, _T_TO, _T_RARE = map(
    _role_table, (R_TRIGGER, R_GREET, R_QWORD, R_WISH, R_TOPIC, R_TO, R_GREET | R_QWORD | R_WISH))


def _row(values: bytes, table: bytes) -> bytes | None:
    """``values.translate(table)``, or None if that has no 1."""
    row = values.translate(table)
    return row if row.find(1) >= 0 else None


def _ones(row: bytes | bytearray, lo: int = 0, hi: int | None = None) -> list[int]:
    """Indexes of the 1 bytes of `row` in ``lo:hi``.

    >>> _ones(bytes([0, 1, 1, 0, 1]), 2)
    [2, 4]
    """
    if hi is None:
        hi = len(row)
    out = []
    i = row.find(1, lo, hi)
    while i >= 0:
        out.append(i)
        i = row.find(1, i + 1, hi)
    return out


class _Scan:
    """POS codes and roles of every token, and the rows of 0/1 bytes the later steps ask.

    ``_CODE_FLAGS[sc.codes[i]]`` is the flag word of token i.
    """

    __slots__ = ("ms", "codes", "roles", "symbols", "preds", "contents", "links", "juntais", "nps",
                 "namings", "wills", "triggers", "topics", "greets", "qwords", "wishes")

    def __init__(self, ms):
        self.ms = ms
        codes = self.codes = bytes(map(_CODES.__getitem__, map(_get_pos, ms)))
        roles = self.roles = bytes(map(_ROLES.get, map(_get_normalized, ms), repeat(0)))
        self.symbols = codes.translate(_T_SYMBOL)
        self.preds = codes.translate(_T_PRED)
        self.contents = codes.translate(_T_CONTENT)
        self.links = codes.translate(_T_LINK)
        self.juntais = codes.translate(_T_JUNTAI)
        self.nps = codes.translate(_T_NP)
        self.namings = codes.translate(_T_NAMING)
        wills = codes.translate(_T_WILL)
        self.wills = wills if wills.find(1) >= 0 else None
        self.triggers = _triggers(ms, roles, wills, self.links, self.juntais)
        self.topics = roles.translate(_T_TOPIC)
        # greetings, question words and wishes are rare: their rows are None when absent
        self.greets = self.qwords = self.wishes = None
        if roles.translate(_T_RARE).find(1) >= 0:
            self.greets = _row(roles, _T_GREET)
            self.qwords = _row(roles, _T_QWORD)
            self.wishes = _row(roles, _T_WISH)

    def triggers_in(self, lo: int, hi: int) -> list[int]:
        """Tokens of ``lo:hi`` that may start a marker (see `evidentiality.TRIGGERS`)."""
        return _ones(self.triggers, lo, hi)

    def substantial(self, lo: int, hi: int) -> bool:
        """A clause needs a predicate and at least two content words."""
        return self.preds.find(1, lo, hi) >= 0 and self.contents.count(1, lo, hi) >= 2


def _triggers(ms, roles: bytes, wills: bytes, links: bytes, juntais: bytes) -> bytearray:
    """The row of tokens that may start a marker: those with a trigger role, and the few
    だ / です / と that can (see _RARE_TRIGGERS)."""
    n = len(ms)
    triggers = bytearray(roles.translate(_T_TRIGGER))
    i = wills.find(1)  # だろう, でしょう
    while i >= 0:
        if ms[i].normalized in _COPULA:
            triggers[i] = 1
        i = wills.find(1, i + 1)
    tos = roles.translate(_T_TO)
    i = tos.find(1, 0, n - 1)
    while i >= 0:  # 契約を結んだと。
        if links[i + 1] and ms[i + 1].surface in _SENTENCE_END:
            triggers[i] = 1
        i = tos.find(1, i + 1, n - 1)
    i = juntais.find(1, 0, n - 1)
    while i >= 0:  # んじゃないか
        if ms[i + 1].normalized == "だ":
            triggers[i + 1] = 1
        i = juntais.find(1, i + 1, n - 1)
    if n and tos[-1]:
        triggers[-1] = 1
    return triggers


# --- clause splitting --------------------------------------------------------------------

def _split(sc: _Scan) -> list[tuple[int, int, str]]:
    """Cut the morphemes into clauses: (lo, hi, link) with link in end | clause | te | leadin."""
    ms, symbols = sc.ms, sc.symbols
    out: list[tuple[int, int, str]] = []
    n = len(ms)
    lo = 0
    for i in _link_candidates(sc):
        if i < lo:  # inside punctuation already taken
            continue
        if symbols[i]:
            if ms[i].surface not in _SENTENCE_END:
                continue
            link = "end"
        else:
            link = _link_after(sc, i)
            if link is None:
                continue
        j = i + 1
        while j < n and symbols[j]:  # the punctuation stays with its clause
            if ms[j].surface in _SENTENCE_END:
                link = "end"
            j += 1
        out.append((lo, j, link))
        lo = j
    if lo < n:
        out.append((lo, n, "end"))
    return out


def _link_candidates(sc: _Scan) -> list[int]:
    """Tokens after which a clause may end, in order (some twice): sentence punctuation, tokens
    before a comma, linking particles, and the token after a nominalising の (ので / のに are
    の + で / に for SudachiPy).

    Left out are tokens `_link_after` passes over whatever their neighbours: a conjunctive
    particle that is none of _CLAUSE_LINKS and not after 言う (ている) unless a comma follows,
    a predicate before a comma in a form other than 連用形-一般 and 終止形, and a word after
    の other than で (のことです, んです) unless a comma follows.
    """
    codes, roles, links, juntais, cf = sc.codes, sc.roles, sc.links, sc.juntais, _CODE_FLAGS
    cands = []
    i = links.find(1)
    while i >= 0:
        f = cf[codes[i]]
        if f & F_COMMA:
            # a comma ends a clause after a predicate or a linking particle, or in のに、
            if i >= 1 and (cf[codes[i - 1]] & (F_LINK | F_TE_FORM | F_PLAIN)
                           or (i >= 2 and cf[codes[i - 2]] & F_JUNTAI)):
                cands.append(i - 1)
        elif not f & F_CONJ or roles[i] & R_CLAUSE_LINK or (i >= 1 and roles[i - 1] & R_IU):
            cands.append(i)
        i = links.find(1, i + 1)
    n = len(codes)
    i = juntais.find(1, 0, n - 1)
    if i < 0:
        return cands
    ms = sc.ms
    while i >= 0:  # ので, and punctuation after の
        if cf[codes[i + 1]] & F_SYMBOL or ms[i + 1].surface == "で":
            cands.append(i + 1)
        i = juntais.find(1, i + 1, n - 1)
    return sorted(cands)


def _link_after(sc: _Scan, i: int) -> str | None:
    """How the clause ending at word i (not punctuation) links to the next one, or None if it
    goes on."""
    ms, codes, cf = sc.ms, sc.codes, _CODE_FLAGS
    m = ms[i]
    p = m.pos
    nxt = ms[i + 1] if i + 1 < len(ms) else None
    nxt_flags = cf[codes[i + 1]] if nxt is not None else 0
    nxt_comma = nxt_flags & F_COMMA
    if p[1] == "接続助詞":
        nm = m.normalized
        if nm in _CLAUSE_LINKS:
            if nxt is not None and not nxt_flags & F_SYMBOL and nxt.surface in _LINK_CONTINUES:
                return None
            if nm == "が" and _concessive_daro(ms, i):
                return None
            return "clause"
        if nm in ("て", "で") and nxt_comma:
            return None if _compound_particle(ms, i) else "te"
        if m.surface in ("と", "ば") and _leadin(ms, i):
            return "leadin"
        return None
    after_no = i >= 1 and cf[codes[i - 1]] & F_JUNTAI
    # のに、 is の + に for SudachiPy (疲れていたのに、); without the comma it may be a purpose.
    if after_no and nxt_comma and m.surface == "に":
        return "clause"
    # ので is の + で for SudachiPy (時間がないので); のである / のではない go on.
    if after_no and m.surface == "で" and p[0] == "助動詞" \
            and (nxt is None or nxt.normalized not in ("有る", "は", "も")):
        return "clause"
    if nxt_comma and cf[codes[i]] & F_PRED and p[0] in _PREDICATE:
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


def _merge_small(sc: _Scan, clauses: list[tuple[int, int, str]]) -> list[tuple[int, int, str, bool]]:
    """Join pieces too small to be a clause to the next clause of their sentence (or the previous).

    Each clause comes out as (lo, hi, link, substantial).
    """
    out: list[tuple[int, int, str, bool]] = []
    pending = None
    for lo, hi, link in clauses:
        if pending is not None:
            lo, pending = pending, None
        substantial = sc.substantial(lo, hi) or (link == "end" and _verbless_statement(sc, lo, hi))
        if substantial or link == "leadin":
            out.append((lo, hi, link, substantial))
        elif link != "end":
            pending = lo
        elif out and out[-1][2] not in ("end", "leadin"):
            out[-1] = (out[-1][0], hi, "end", True)  # a larger span of a substantial clause
        else:
            out.append((lo, hi, link, False))
    if pending is not None:
        n = len(sc.ms)
        out.append((pending, n, "end", sc.substantial(pending, n)))
    return out


def _verbless_statement(sc: _Scan, lo: int, hi: int) -> bool:
    """A clause without a verb that still says something of its own: a topic (noun + は),
    a noun said of it, and an evidential marker (うちはたぶん月1万5千円くらいかな).
    It stands as a clause rather than join the one before, whose markers it would mix in.
    """
    ms, codes, cf = sc.ms, sc.codes, _CODE_FLAGS
    if sc.contents.count(1, lo, hi) < 2 or sc.triggers.find(1, lo, hi) < 0:
        return False
    k = sc.topics.find(1, lo + 1, hi)
    while k >= 0:
        m = ms[k]
        if m.surface == "は" and m.pos[1] == "係助詞" and cf[codes[k - 1]] & F_NP:
            # something said of the topic, not just pointed at (今日はこんな感じかな)
            j = sc.nps.find(1, k + 1, hi)
            return j >= 0 and not _points_back(ms, j, k + 1) and bool(_markers(sc, lo, hi))
        k = sc.topics.find(1, k + 1, hi)
    return False


def _split_noun_predicates(sc: _Scan, clauses: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """Cut after a noun predicate that SudachiPy reads as noun + case particle で
    (入場料は大人が千円で、子どもは無料らしい): the piece before has a subject and no verb, and
    the rest stands apart (`_stands_apart`), as in AはXで、BはYだ. A place or means
    (彼は東京で、会議に出た) stays in its clause, the rest not standing apart.
    """
    out = []
    links, codes, cf, ms = sc.links, sc.codes, _CODE_FLAGS, sc.ms
    for clause in clauses:
        lo, hi, link, substantial = clause
        c = links.find(1, lo + 2, hi)
        while c >= 0 and substantial:
            if cf[codes[c]] & F_COMMA and ms[c - 1].surface == "で" and ms[c - 1].pos[1] == "格助詞" \
                    and cf[codes[c - 2]] & F_NP and sc.preds.find(1, lo, c) < 0:
                cut = c + 1
                while cut < hi and sc.symbols[cut]:
                    cut += 1
                rest_stands = sc.substantial(cut, hi) or _verbless_statement(sc, cut, hi)
                if rest_stands and sc.contents.count(1, lo, c) >= 2 and _has_subject(sc, lo, c) \
                        and _stands_apart(sc, lo, cut, hi, _markers(sc, cut, hi)):
                    out.append((lo, cut, "te", True))
                    lo = cut
            c = links.find(1, c + 1, hi)
        out.append((lo, hi, link, substantial))
    return out


def _has_subject(sc: _Scan, lo: int, hi: int) -> bool:
    """A noun with は or が in ``lo:hi``."""
    ms, codes, cf = sc.ms, sc.codes, _CODE_FLAGS
    k = sc.topics.find(1, lo + 1, hi)
    while k >= 0:
        m = ms[k]
        if ((m.surface == "は" and m.pos[1] == "係助詞") or (m.surface == "が" and m.pos[1] == "格助詞")) \
                and cf[codes[k - 1]] & F_NP:
            return True
        k = sc.topics.find(1, k + 1, hi)
    return False


# --- what kind of clause --------------------------------------------------------------------

def _kind(sc: _Scan, lo: int, hi: int, link: str, substantial: bool) -> str:
    """claim | question | greeting | intent | filler."""
    if link == "leadin":
        return "question"
    if not substantial:
        return "filler"
    if sc.greets is not None and sc.greets.find(1, lo, hi) >= 0 and _is_greeting(sc, lo, hi):
        return "greeting"
    if _is_question(sc, lo, hi):
        return "question"
    if (sc.wills is not None or sc.wishes is not None) and _is_intent(sc, lo, hi):
        return "intent"
    return "claim"


def _is_greeting(sc: _Scan, lo: int, hi: int) -> bool:
    """A greeting or thanks with little else (こんにちは、いわみです / お聞きいただいてありがとうございました)."""
    ms, codes, cf = sc.ms, sc.codes, _CODE_FLAGS
    rest = 0
    for k in range(lo, hi):
        m = ms[k]
        p = m.pos
        if m.normalized not in _GREETINGS and cf[codes[k]] & F_CONTENT and p[0] != "副詞" \
                and "非自立可能" not in p[1]:
            rest += 1
    return rest <= 3


def _is_question(sc: _Scan, lo: int, hi: int) -> bool:
    """Questions, wondering included, but not rhetorical じゃないですか or a guess かな."""
    ms = sc.ms
    k = sc.symbols.rfind(0, lo, hi)  # the last word
    if k < 0:
        return False
    for t in range(k + 1, hi):
        if ms[t].surface in ("？", "?"):
            return True
    m = ms[k]
    if m.surface == "か" and m.pos[1] == "終助詞":
        return not _negative_tag(ms, lo, k)
    if sc.qwords is None or sc.qwords.find(1, lo, k) < 0:  # what follows needs a question word
        return False
    codes, cf = sc.codes, _CODE_FLAGS
    qwords = _ones(sc.qwords, lo, k)
    if cf[codes[k]] & F_FINAL and k - 1 >= lo and ms[k - 1].surface == "か":  # かな / かね
        return _has_question_word(ms, qwords, k)
    if not _has_question_word(ms, qwords, k):
        return False
    # どういう繋がりがあるんだろうっていう / 何なの: wondering aloud
    while k > lo and (cf[codes[k]] & F_FINAL or ms[k].surface in ("って", "と") or ms[k].normalized == "言う"):
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
    "と", "って", "思う", "考える", "存じる", "ます", "て", "てる", "居る", "おる", "た", "の", "です", "だ",
    "けれど", "けれども", "が", "し", "から", "ので", "ね", "よ", "な", "か", "かな", "ず", "ない",
})


def _is_intent(sc: _Scan, lo: int, hi: int) -> bool:
    """The clause states a wish, intention or request (したいと思います, 貼っておこう, ください)."""
    ms, codes, cf = sc.ms, sc.codes, _CODE_FLAGS
    ks = _ones(sc.wills, lo, hi) if sc.wills is not None else []
    if sc.wishes is not None:
        ks += _ones(sc.wishes, lo, hi)
    for k in ks:
        m = ms[k]
        p = m.pos
        if cf[codes[k]] & F_WILL:
            if p[5].startswith("命令形"):
                if m.normalized in ("有る", "為る"):  # であれ / にせよ / にしろ: concessive
                    continue
            elif not (p[0] == "動詞" or m.normalized == "ます"):  # だろう is a guess, not a will
                continue
        elif (m.normalized == "たい" and p[0] != "助動詞") or (m.normalized == "欲しい" and "非自立可能" not in p[1]):
            continue
        if all(ms[t].normalized in _INTENT_TAIL or cf[codes[t]] & (F_SYMBOL | F_FINAL) for t in range(k + 1, hi)):
            return True
    return False


# --- the claim ---------------------------------------------------------------------------------

def _markers(sc: _Scan, lo: int, hi: int) -> list[Marker]:
    """Evidential markers of the clause ``lo:hi``."""
    return markers_in(sc.ms, sc.triggers, lo, hi)


_ASSERTED = (ASSERTED, ())
# A frozen dataclass's __init__ sets each field through object.__setattr__. Claims are made in
# bulk, so _claim fills their slots through the slot descriptors instead, in half the time.
_FIELDS = ("start", "end", "text", "evidentiality", "markers", "subject")
assert ClaimSpan.__slots__ == _FIELDS
_SET_FIELDS = tuple(getattr(ClaimSpan, name).__set__ for name in _FIELDS)


def _claim(text: str, sc: _Scan, lo: int, hi: int, markers: list[Marker]) -> ClaimSpan:
    """The claim of clause ``lo:hi``: its span without surrounding punctuation and spaces (a
    claim has a predicate, so a word), evidentiality and subject."""
    ms, symbols = sc.ms, sc.symbols
    start, end = ms[symbols.find(0, lo, hi)].start, ms[symbols.rfind(0, lo, hi)].end
    evidentiality, surfaces = decide(markers) if markers else _ASSERTED
    set_start, set_end, set_text, set_evidentiality, set_markers, set_subject = _SET_FIELDS
    claim = object.__new__(ClaimSpan)
    set_start(claim, start)
    set_end(claim, end)
    set_text(claim, text[start:end])
    set_evidentiality(claim, evidentiality)
    set_markers(claim, surfaces)
    set_subject(claim, _subject(text, sc, lo, hi) if sc.topics.find(1, lo + 1, hi) >= 0 else None)
    return claim


def _subject(text: str, sc: _Scan, lo: int, hi: int) -> str | None:
    """The noun phrase before the first subject-marking は / が / って of the clause.

    Time words alone (今は, 昔は) are skipped; AのB, AとB and Xという B stay whole.
    """
    ms, codes, cf, topics = sc.ms, sc.codes, _CODE_FLAGS, sc.topics
    k = topics.find(1, lo + 1, hi)
    while k >= 0:
        m = ms[k]
        s, p1 = m.surface, m.pos[1]
        if (s == "は" and p1 == "係助詞") or (s == "が" and p1 == "格助詞") \
                or (s == "って" and p1 == "副助詞" and k + 1 < hi and ms[k + 1].normalized != "言う"):
            end = k - 1
            # Xというのは / Xっていうのが: the subject is X
            if end - 2 >= lo and cf[codes[end]] & F_JUNTAI and ms[end - 1].normalized == "言う" \
                    and ms[end - 2].surface in ("と", "って"):
                end -= 3
            start = _np_start(sc, lo, end)
            if start is not None and ms[end].normalized != "要":  # 要は: "in short", not a subject
                while start < end and cf[codes[start]] & F_TIME and cf[codes[start + 1]] & F_NP:
                    start += 1  # 今それが -> それ
                # 今日は / 昔は set the time, they are not subjects; 今年の患者数は is one
                if sc.namings.find(1, start, end + 1) >= 0:
                    return text[ms[start].start:ms[end].end]
        k = topics.find(1, k + 1, hi)
    return None


def _np_start(sc: _Scan, lo: int, end: int) -> int | None:
    """First token of the noun phrase ending at token `end`, or None if `end` is not nominal."""
    ms, codes, cf = sc.ms, sc.codes, _CODE_FLAGS
    if end < lo or not cf[codes[end]] & F_NP:
        return None
    nps = sc.nps
    k = end
    while True:
        k = nps.rfind(0, lo, k) + 1 or lo  # back over the nouns
        if k == lo:
            return k
        prev = ms[k - 1]
        if prev.surface in ("の", "と") and prev.pos[1] == "格助詞" and k - 2 >= lo and cf[codes[k - 2]] & F_NP:
            k -= 2
        elif prev.normalized == "言う" and k - 3 >= lo and ms[k - 2].surface in ("と", "って") \
                and cf[codes[k - 3]] & F_NP:
            k -= 3
        else:
            return k
