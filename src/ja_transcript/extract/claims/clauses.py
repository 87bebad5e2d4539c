"""Clause splitting: cut a sentence's morphemes into clauses at linking particles, て-forms
and plain forms before a comma, and sentence punctuation; join pieces too small to stand.

A clause is (lo, hi, link) in token indexes, link one of end | clause | te | leadin;
after `merge_small` it also says whether it is substantial (a predicate and two content words).
"""

from __future__ import annotations

from ...chars import SENTENCE_ENDS
from ...nlp.pos import PREDICATE
from ..words import table
from .scan import CLAUSE_LINKS, CODE_FLAGS, F_COMMA, F_CONJ, F_FINAL, F_JUNTAI, F_LINK, F_NP, F_PLAIN, F_PRED, F_SYMBOL, F_TE_FORM, R_CLAUSE_LINK, R_IU, Scan
from .kinds import is_question
from .subjects import has_subject, points_back, stands_apart

# After these a linking particle does not end the clause: だからこそ, からには, からです.
LINK_CONTINUES = frozenset({"こそ", "は", "も", "の", "と", "って", "か", "に", "で", "です", "だ"})
# Verbs in compound particles: として, によって, について, にとって, に対して, を通じて ...
PARTICLE_VERBS = table("claims", "particle_verbs")


def split_clauses(sc: Scan) -> list[tuple[int, int, str]]:
    """Cut the morphemes into clauses: (lo, hi, link) with link in end | clause | te | leadin."""
    ms, symbols = sc.ms, sc.symbols
    out: list[tuple[int, int, str]] = []
    n = len(ms)
    lo = 0
    for i in link_candidates(sc):
        if i < lo:  # inside punctuation already taken
            continue
        if symbols[i]:
            if ms[i].surface not in SENTENCE_ENDS:
                continue
            link = "end"
        else:
            link = _link_after(sc, i)
            if link is None:
                continue
        j = i + 1
        while j < n and symbols[j]:  # the punctuation stays with its clause
            if ms[j].surface in SENTENCE_ENDS:
                link = "end"
            j += 1
        out.append((lo, j, link))
        lo = j
    if lo < n:
        out.append((lo, n, "end"))
    return out



def link_candidates(sc: Scan) -> list[int]:
    """Tokens after which a clause may end, in order (some twice): sentence punctuation, tokens
    before a comma, linking particles, and the token after a nominalising の (ので / のに are
    の + で / に for SudachiPy).

    Left out are tokens `_link_after` passes over whatever their neighbours: a conjunctive
    particle that is none of CLAUSE_LINKS and not after 言う (ている) unless a comma follows,
    a predicate before a comma in a form other than 連用形-一般 and 終止形, and a word after
    の other than で (のことです, んです) unless a comma follows.
    """
    codes, roles, links, juntais, cf = sc.codes, sc.roles, sc.links, sc.juntais, CODE_FLAGS
    cands = []
    i = links.find(1)
    while i >= 0:
        f = cf[codes[i]]
        if f & F_COMMA:
            # a comma ends a clause after a predicate or a linking particle, or in のに、
            if i >= 1 and (cf[codes[i - 1]] & (F_LINK | F_TE_FORM | F_PLAIN | F_FINAL)
                           or (i >= 2 and cf[codes[i - 2]] & F_JUNTAI)
                           or (i >= 2 and sc.ms[i - 1].surface == "も" and sc.ms[i - 2].normalized == "つつ")):
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


def _link_after(sc: Scan, i: int) -> str | None:
    """How the clause ending at word i (not punctuation) links to the next one, or None if it
    goes on."""
    ms, codes, cf = sc.ms, sc.codes, CODE_FLAGS
    m = ms[i]
    p = m.pos
    nxt = ms[i + 1] if i + 1 < len(ms) else None
    nxt_flags = cf[codes[i + 1]] if nxt is not None else 0
    nxt_comma = nxt_flags & F_COMMA
    if m.surface == "も" and nxt_comma and i >= 1 and ms[i - 1].normalized == "つつ":
        return "clause"  # 思いつつも、: a concessive clause, as けど is
    if p[1] == "接続助詞":
        nm = m.normalized
        if nm == "つつ" and nxt_comma:
            return "clause"  # 知りつつ、
        if nm in CLAUSE_LINKS:
            if nxt is not None and not nxt_flags & F_SYMBOL and nxt.surface in LINK_CONTINUES:
                return None
            if nm == "が" and _concessive_daro(ms, i):
                return None
            return "clause"
        if nm in ("て", "で") and nxt_comma:
            return None if _compound_particle(ms, i) else "te"
        if m.surface in ("と", "ば") and _leadin(ms, i):
            return "leadin"
        return None
    # A final particle after a polite predicate closes an utterance addressed to the hearer:
    # …騒がしいですね、誰か… / …きましたね、そろそろ…
    if p[1] == "終助詞" and nxt_comma and _polite_end(ms, i - 1):
        return "clause"
    after_no = i >= 1 and cf[codes[i - 1]] & F_JUNTAI
    # のに、 is の + に for SudachiPy (疲れていたのに、); without the comma it may be a purpose.
    if after_no and nxt_comma and m.surface == "に":
        return "clause"
    # ので is の + で for SudachiPy (時間がないので); のである / のではない go on.
    if after_no and m.surface == "で" and p[0] == "助動詞" \
            and (nxt is None or nxt.normalized not in ("有る", "は", "も")):
        return "clause"
    if nxt_comma and cf[codes[i]] & F_PRED and p[0] in PREDICATE:
        form = p[5]
        if form == "連用形-一般":
            return "te"
        if form.startswith("終止形"):
            # …ようになった、という話もある: the statement is quoted after its pause, and goes on
            return None if _quote_after_pause(ms, i + 2) else "clause"
    return None


def _quote_after_pause(ms, j: int) -> bool:
    """A quotative と / って and 言う open the words after the pause at j - 1 (、という / 、っていう)."""
    return j + 1 < len(ms) and ms[j].surface in ("と", "って") and ms[j].pos[0] == "助詞" \
        and ms[j + 1].normalized == "言う"


def _polite_end(ms, k: int) -> bool:
    """A polite predicate ends at token k: です, ます, ました, でしょう."""
    if k >= 1 and ms[k].normalized == "た":
        k -= 1
    return k >= 0 and ms[k].normalized in ("です", "ます") and ms[k].pos[0] == "助動詞"


def _compound_particle(ms, i: int) -> bool:
    """The て at i ends a compound particle (予想として、 / それによって、), not a clause."""
    return i >= 2 and ms[i - 1].normalized in PARTICLE_VERBS and ms[i - 2].surface in ("と", "に", "を") \
        and ms[i - 2].pos[0] == "助詞"


def _concessive_daro(ms, i: int) -> bool:
    """XだろうがYだろうが: が after noun + だろう is 'whether', not 'but'."""
    return i >= 2 and ms[i - 1].pos[5].startswith("意志推量形") and ms[i - 2].pos[0] in ("名詞", "代名詞")


def _leadin(ms, i: int) -> bool:
    """…かというと / …かっていうと / …かといえば: a rhetorical question leading in."""
    return (i >= 3 and ms[i - 1].normalized == "言う" and ms[i - 2].surface in ("と", "って")
            and ms[i - 3].surface == "か")


def merge_small(sc: Scan, clauses: list[tuple[int, int, str]]) -> list[tuple[int, int, str, bool]]:
    """Join pieces too small to be a clause to the next clause of their sentence (or the previous).

    Each clause comes out as (lo, hi, link, substantial).
    """
    out: list[tuple[int, int, str, bool]] = []
    pending = None
    for lo, hi, link in clauses:
        if pending is not None:
            lo, pending = pending, None
        substantial = sc.substantial(lo, hi) or (link == "end" and verbless_statement(sc, lo, hi))
        if substantial or link == "leadin":
            out.append((lo, hi, link, substantial))
        elif link != "end":
            pending = lo
        elif out and out[-1][2] not in ("end", "leadin") \
                and not (out[-1][2] == "clause" and is_question(sc, lo, hi)):
            # a larger span of a substantial clause; but a short question after けど / が
            # asks about it and leaves it a statement (…と言われていますが、本当でしょうか)
            out[-1] = (out[-1][0], hi, "end", True)
        else:
            out.append((lo, hi, link, False))
    if pending is not None:
        n = len(sc.ms)
        out.append((pending, n, "end", sc.substantial(pending, n)))
    return out


def verbless_statement(sc: Scan, lo: int, hi: int) -> bool:
    """A clause without a verb that still says something of its own: a topic (noun + は),
    a noun said of it, and an evidential marker (うちはたぶん月1万5千円くらいかな).
    It stands as a clause rather than join the one before, whose markers it would mix in.
    """
    ms, codes, cf = sc.ms, sc.codes, CODE_FLAGS
    if sc.contents.count(1, lo, hi) < 2 or sc.triggers.find(1, lo, hi) < 0:
        return False
    k = sc.topics.find(1, lo + 1, hi)
    while k >= 0:
        m = ms[k]
        if m.surface == "は" and m.pos[1] == "係助詞" and cf[codes[k - 1]] & F_NP:
            # something said of the topic, not just pointed at (今日はこんな感じかな)
            j = sc.nps.find(1, k + 1, hi)
            return j >= 0 and not points_back(ms, j, k + 1) and bool(sc.markers(lo, hi))
        k = sc.topics.find(1, k + 1, hi)
    return False


def split_noun_predicates(sc: Scan, clauses: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """Cut after a noun predicate that SudachiPy reads as noun + case particle で
    (入場料は大人が千円で、子どもは無料らしい): the piece before has a subject and no verb, and
    the rest stands apart (`stands_apart`), as in AはXで、BはYだ. A place or means
    (彼は東京で、会議に出た) stays in its clause, the rest not standing apart.
    """
    out = []
    links, codes, cf, ms = sc.links, sc.codes, CODE_FLAGS, sc.ms
    for clause in clauses:
        lo, hi, link, substantial = clause
        c = links.find(1, lo + 2, hi)
        while c >= 0 and substantial:
            if cf[codes[c]] & F_COMMA and ms[c - 1].surface == "で" and ms[c - 1].pos[1] == "格助詞" \
                    and cf[codes[c - 2]] & F_NP and sc.preds.find(1, lo, c) < 0:
                cut = c + 1
                while cut < hi and sc.symbols[cut]:
                    cut += 1
                rest_stands = sc.substantial(cut, hi) or verbless_statement(sc, cut, hi)
                if rest_stands and sc.contents.count(1, lo, c) >= 2 and has_subject(sc, lo, c) \
                        and stands_apart(sc, lo, cut, hi, sc.markers(cut, hi)):
                    out.append((lo, cut, "te", True))
                    lo = cut
            c = links.find(1, c + 1, hi)
        out.append((lo, hi, link, substantial))
    return out

