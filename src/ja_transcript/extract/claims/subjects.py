"""Topics and subjects of a clause: its first topic (noun + は / って), its subject (the
noun phrase before は / が), whether it points back to what was said (それは, そういう企業)
and whether it stands apart from the clause before it.
"""

from __future__ import annotations

from ..evidentiality import Marker
from ..words import table
from .scan import CODE_FLAGS, F_COMMA, F_JUNTAI, F_NP, F_TIME, Scan

DEMONSTRATIVES = table("claims", "demonstratives")


def stands_apart(sc: Scan, before: int, lo: int, hi: int, markers: list[Marker]) -> bool:
    """The clause ``lo:hi`` (the one before it starts at token `before`) makes a statement of
    its own rather than going on with the one before: it sets a topic of its own (熱は下がって、
    咳はまだ残っているみたい), or opens with a condition that frames it anew (…5ユーロくらいで、
    日本円にすると、800円くらいかな). Its markers then do not reach back.

    A subject with が does not part the clauses (雨が降って、川があふれたらしい: both heard),
    nor a topic that points back (それは, そういう企業は); a time topic does only against
    another one (前半は…、後半は…), not after a subject (彼は辞めて、今は…).
    """
    if sc.topics.find(1, lo + 1, hi) < 0:
        return opens_with_condition(sc, lo, hi)
    topic = first_topic(sc, lo, hi)
    if topic is not None:
        start, timed = topic
        if not points_back(sc.ms, start, lo) and not any(m.start <= sc.ms[start].start < m.end for m in markers):
            if not timed:
                return True
            earlier = first_topic(sc, before, lo)
            if earlier is not None and earlier[1]:
                return True
    return opens_with_condition(sc, lo, hi)


def polite_link(sc: Scan, lo: int, hi: int) -> bool:
    """The clause ``lo:hi`` ends in a polite て-form (ありまして、 / 会社でして、).

    Politeness is a mark of the speaker addressing the hearer, which only a clause that makes
    its own statement carries (Minami's class C; a plain て-clause is class B, inside the
    modality of the clause it leads into): the markers of a later clause do not reach it.

    >>> from ja_transcript.nlp import get_analyzer
    >>> sc = Scan(get_analyzer().analyze("会社がありまして、"))
    >>> polite_link(sc, 0, len(sc.ms)), polite_link(Scan(get_analyzer().analyze("会社があって、")), 0, 4)
    (True, False)
    """
    ms = sc.ms
    k = sc.symbols.rfind(0, lo, hi)
    return k > lo and ms[k].normalized in ("て", "で") and ms[k].pos[1] == "接続助詞" \
        and ms[k - 1].normalized in ("ます", "です")


def first_topic(sc: Scan, lo: int, hi: int) -> tuple[int, bool] | None:
    """The first token of the clause's first topic (noun + は / って), and whether it only
    names a time (今は, 後半は)."""
    ms = sc.ms
    k = sc.topics.find(1, lo + 1, hi)
    while k >= 0:
        m = ms[k]
        if (m.surface == "は" and m.pos[1] == "係助詞") \
                or (m.surface == "って" and m.pos[1] == "副助詞" and k + 1 < hi and ms[k + 1].normalized != "言う"):
            start = np_start(sc, lo, k - 1)
            if start is not None and ms[k - 1].normalized != "要":
                return start, sc.namings.find(1, start, k) < 0
        k = sc.topics.find(1, k + 1, hi)
    return None


def points_back(ms, start: int, lo: int) -> bool:
    """The noun phrase from token `start` refers to what was just said: それ, その他の株,
    そういう企業, こうした動き.

    >>> from ja_transcript.nlp import get_analyzer
    >>> ms = get_analyzer().analyze("そういう企業が多い")
    >>> points_back(ms, 2, 0), points_back(ms, 0, 0)
    (True, False)
    """
    if ms[start].surface in DEMONSTRATIVES:
        return True
    k = start - 1
    if k >= lo and ms[k].surface in DEMONSTRATIVES:
        return True
    if k >= lo and ms[k].normalized == "た":
        k -= 1
    return k - 1 >= lo and ms[k].normalized in ("言う", "為る") and ms[k - 1].surface in ("そう", "こう", "ああ")


def opens_with_condition(sc: Scan, lo: int, hi: int) -> bool:
    """A conditional clause set off by a comma: …にすると、 / …だと、 / …たら、 / …なら、."""
    ms, codes, cf, links = sc.ms, sc.codes, CODE_FLAGS, sc.links
    k = links.find(1, lo + 1, hi)
    while k >= 0:
        if cf[codes[k]] & F_COMMA:
            m = ms[k - 1]
            p = m.pos
            if (p[1] == "接続助詞" and m.surface in ("と", "ば")) or (p[0] == "助動詞" and p[5].startswith("仮定形")):
                return True
        k = links.find(1, k + 1, hi)
    return False


def has_subject(sc: Scan, lo: int, hi: int) -> bool:
    """A noun with は or が in ``lo:hi``."""
    ms, codes, cf = sc.ms, sc.codes, CODE_FLAGS
    k = sc.topics.find(1, lo + 1, hi)
    while k >= 0:
        m = ms[k]
        if ((m.surface == "は" and m.pos[1] == "係助詞") or (m.surface == "が" and m.pos[1] == "格助詞")) \
                and cf[codes[k - 1]] & F_NP:
            return True
        k = sc.topics.find(1, k + 1, hi)
    return False


def subject_of(text: str, sc: Scan, lo: int, hi: int) -> str | None:
    """The noun phrase before the first subject-marking は / が / って of the clause.

    Time words alone (今は, 昔は) are skipped; AのB, AとB and Xという B stay whole.
    """
    ms, codes, cf, topics = sc.ms, sc.codes, CODE_FLAGS, sc.topics
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
            start = np_start(sc, lo, end)
            if start is not None and ms[end].normalized != "要":  # 要は: "in short", not a subject
                while start < end and cf[codes[start]] & F_TIME and cf[codes[start + 1]] & F_NP:
                    start += 1  # 今それが -> それ
                # 今日は / 昔は set the time, they are not subjects; 今年の患者数は is one
                if sc.namings.find(1, start, end + 1) >= 0:
                    return text[ms[start].start:ms[end].end]
        k = topics.find(1, k + 1, hi)
    return None


def np_start(sc: Scan, lo: int, end: int) -> int | None:
    """First token of the noun phrase ending at token `end`, or None if `end` is not nominal."""
    ms, codes, cf = sc.ms, sc.codes, CODE_FLAGS
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

