"""One scan over a sentence's morphemes, which every later step of claim finding reads.

Each token gets one byte for its POS (the code of its flag word) and one byte for the roles
of its normalized form: two passes made in C, and the only ones that visit every token.
What a clause then asks of its tokens (has it a predicate and two content words? where is
its last word? which tokens can start a marker?) is answered by bytes.translate / find /
rfind / count on rows of 0/1 bytes, one per token, so Python visits only the few tokens
that can matter.
"""

from __future__ import annotations

import threading
from itertools import repeat
from operator import attrgetter

from ...chars import SENTENCE_ENDS
from ...nlp.pos import COPULA, PREDICATE, SYMBOL
from ..evidentiality import TRIGGERS, Marker, markers_in
from ..words import table as word_table

_CONTENT = frozenset({"名詞", "代名詞", "動詞", "形容詞", "形状詞", "副詞", "連体詞"})
_NP = frozenset({"名詞", "代名詞", "接尾辞", "接頭辞"})
SENTENCE_ENDS = SENTENCE_ENDS

# Token flags (per POS tuple).
(F_SYMBOL, F_PRED, F_CONTENT, F_NP, F_COMMA, F_LINK, F_CONJ, F_JUNTAI, F_FINAL, F_WILL, F_TIME,
 F_TE_FORM, F_PLAIN) = (1 << k for k in range(13))


def pos_flags(pos: tuple) -> int:
    p0, p1, p2, form = pos[0], pos[1], pos[2], pos[5]
    f = 0
    if p0 in SYMBOL:
        f |= F_SYMBOL
        if p1 == "読点":
            f |= F_COMMA
    if p0 in PREDICATE or p1 == "形容詞的":  # 男っぽい: an adjectival suffix predicates
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
    if p0 in PREDICATE:  # the forms that end a clause before a comma (_link_after)
        if form == "連用形-一般":
            f |= F_TE_FORM
        elif form.startswith("終止形"):
            f |= F_PLAIN
    return f


# Code -> flag word. SudachiPy's ~1,600 POS tuples share about 20 flag words, so a code fits
# in a byte. Each _T_* table maps a code to 1 where its flag word passes the table's test
# (for bytes.translate); a code's entries are filled before the code is handed out.
CODE_FLAGS: list[int] = []
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
        flags = pos_flags(pos)
        with _CODE_LOCK:
            if flags not in CODE_FLAGS:
                code = len(CODE_FLAGS)
                if code > 255:
                    raise RuntimeError("more than 256 kinds of token flags")
                for table, test in _CODE_TABLES:
                    table[code] = 1 if test(flags) else 0
                CODE_FLAGS.append(flags)
            code = self[pos] = CODE_FLAGS.index(flags)
        return code


CODES = _CodeCache()
_get_pos = attrgetter("pos")
_get_normalized = attrgetter("normalized")

CLAUSE_LINKS = frozenset({"けれど", "けれども", "が", "し", "ので", "から", "のに"})
GREETINGS = word_table("claims", "greetings")
QUESTION_WORDS = word_table("claims", "question_words")


# Roles of normalized forms the later steps look for (one bit each, so a role byte).
R_TRIGGER, R_GREET, R_QWORD, R_WISH, R_TOPIC, R_TO, R_CLAUSE_LINK, R_IU = (1 << k for k in range(8))
_ROLES: dict[str, int] = {}
# だ / です / と are frequent and only matter as だろう / でしょう (volitional form), んじゃないか
# (after a nominalising の) and a sentence-final と: the scan adds those few directly.
_RARE_TRIGGERS = TRIGGERS - {"だ", "です", "と"}
for _words, _role in ((_RARE_TRIGGERS, R_TRIGGER), (GREETINGS, R_GREET), (QUESTION_WORDS, R_QWORD),
                      (("たい", "欲しい"), R_WISH), (("は", "が", "って"), R_TOPIC), (("と",), R_TO),
                      (CLAUSE_LINKS, R_CLAUSE_LINK), (("言う",), R_IU)):
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


def ones(row: bytes | bytearray, lo: int = 0, hi: int | None = None) -> list[int]:
    """Indexes of the 1 bytes of `row` in ``lo:hi``.

    >>> ones(bytes([0, 1, 1, 0, 1]), 2)
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


class Scan:
    """POS codes and roles of every token, and the rows of 0/1 bytes the later steps ask.

    ``CODE_FLAGS[sc.codes[i]]`` is the flag word of token i.
    """

    __slots__ = ("ms", "codes", "roles", "symbols", "preds", "contents", "links", "juntais", "nps",
                 "namings", "wills", "triggers", "topics", "greets", "qwords", "wishes")

    def __init__(self, ms):
        self.ms = ms
        codes = self.codes = bytes(map(CODES.__getitem__, map(_get_pos, ms)))
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
        return ones(self.triggers, lo, hi)

    def substantial(self, lo: int, hi: int) -> bool:
        """A clause needs a predicate and at least two content words."""
        return self.preds.find(1, lo, hi) >= 0 and self.contents.count(1, lo, hi) >= 2

    def markers(self, lo: int, hi: int) -> list[Marker]:
        """Evidential markers of the clause ``lo:hi``, but not those of a condition inside it:
        a conditional clause (聞いたら、 / 進めば、 / 雨なら、) is part of the claim it frames,
        and what marks the condition does not mark the claim (来るって聞いたら、みんな喜んだ).
        Sentence adverbials (によると, たぶん) stay."""
        found = markers_in(self.ms, self.triggers, lo, hi)
        if not found or self.links.find(1, lo, hi) < 0:
            return found
        end = condition_end(self.ms, self.codes, self.links, lo, hi)
        return found if end < 0 else [m for m in found if m.forward or m.start >= end]


def condition_end(ms, codes, links, lo: int, hi: int) -> int:
    """The character offset after the last condition set off by a comma in ``lo:hi``
    (…と、 / …ば、 / …たら、 / …なら、), or -1. An evidence frame is no condition: によると、,
    によれば、, から判断すると、, からすると、."""
    end = -1
    k = links.find(1, lo + 1, hi)
    while k >= 0:
        if CODE_FLAGS[codes[k]] & F_COMMA:
            m = ms[k - 1]
            p = m.pos
            if ((p[1] == "接続助詞" and m.surface in ("と", "ば")) or (p[0] == "助動詞" and p[5].startswith("仮定形"))) \
                    and not _evidence_frame(ms, k - 1):
                end = ms[k].end
        k = links.find(1, k + 1, hi)
    return end


def _evidence_frame(ms, i: int) -> bool:
    """The と / ば at i closes a frame naming the evidence, not a condition: によると,
    によりますと, によれば, から判断すると, からすると, から見ると."""
    k = i - 1
    if k >= 1 and ms[k].normalized == "ます":
        k -= 1
    if k >= 1 and ms[k].normalized == "よる" and ms[k - 1].surface == "に":
        return True
    if k >= 1 and ms[k].normalized in ("為る", "見る", "考える"):
        k -= 1
        if k >= 1 and ms[k].pos[0] == "名詞":  # 判断すると
            k -= 1
        return k >= 0 and ms[k].surface == "から" and ms[k].pos[1] == "格助詞"
    return False


def _triggers(ms, roles: bytes, wills: bytes, links: bytes, juntais: bytes) -> bytearray:
    """The row of tokens that may start a marker: those with a trigger role, and the few
    だ / です / と that can (see _RARE_TRIGGERS)."""
    n = len(ms)
    triggers = bytearray(roles.translate(_T_TRIGGER))
    i = wills.find(1)  # だろう, でしょう
    while i >= 0:
        if ms[i].normalized in COPULA:
            triggers[i] = 1
        i = wills.find(1, i + 1)
    tos = roles.translate(_T_TO)
    i = tos.find(1, 0, n - 1)
    while i >= 0:  # 契約を結んだと。
        if links[i + 1] and ms[i + 1].surface in SENTENCE_ENDS:
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


