"""What kind of clause: a claim, or a question, greeting, intention or filler (no claims)."""

from __future__ import annotations

from .scan import GREETINGS, CODE_FLAGS, F_CONTENT, F_FINAL, F_SYMBOL, F_WILL, Scan, ones


def clause_kind(sc: Scan, lo: int, hi: int, link: str, substantial: bool) -> str:
    """claim | question | greeting | intent | filler."""
    if link == "leadin":
        return "question"
    if not substantial:
        return "filler"
    if sc.greets is not None and sc.greets.find(1, lo, hi) >= 0 and _is_greeting(sc, lo, hi):
        return "greeting"
    if is_question(sc, lo, hi):
        return "question"
    if (sc.wills is not None or sc.wishes is not None) and _is_intent(sc, lo, hi):
        return "intent"
    return "claim"


def _is_greeting(sc: Scan, lo: int, hi: int) -> bool:
    """A greeting or thanks with little else (こんにちは、いわみです / お聞きいただいてありがとうございました)."""
    ms, codes, cf = sc.ms, sc.codes, CODE_FLAGS
    rest = 0
    for k in range(lo, hi):
        m = ms[k]
        p = m.pos
        if m.normalized not in GREETINGS and cf[codes[k]] & F_CONTENT and p[0] != "副詞" \
                and "非自立可能" not in p[1]:
            rest += 1
    return rest <= 3


def is_question(sc: Scan, lo: int, hi: int) -> bool:
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
    codes, cf = sc.codes, CODE_FLAGS
    qwords = ones(sc.qwords, lo, k)
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


def _is_intent(sc: Scan, lo: int, hi: int) -> bool:
    """The clause states a wish, intention or request (したいと思います, 貼っておこう, ください)."""
    ms, codes, cf = sc.ms, sc.codes, CODE_FLAGS
    ks = ones(sc.wills, lo, hi) if sc.wills is not None else []
    if sc.wishes is not None:
        ks += ones(sc.wishes, lo, hi)
    for k in ks:
        m = ms[k]
        p = m.pos
        if cf[codes[k]] & F_WILL:
            if p[5].startswith("命令形"):
                if m.normalized in ("有る", "為る"):  # であれ / にせよ / にしろ: concessive
                    continue
            elif not (p[0] == "動詞" or m.normalized == "ます"):  # だろう is a guess, not a will
                continue
            elif m.normalized == "有る" and k - 1 >= lo and ms[k - 1].normalized == "だ":  # であろう: a guess too
                continue
        elif (m.normalized == "たい" and p[0] != "助動詞") or (m.normalized == "欲しい" and "非自立可能" not in p[1]):
            continue
        if all(ms[t].normalized in _INTENT_TAIL or cf[codes[t]] & (F_SYMBOL | F_FINAL) for t in range(k + 1, hi)):
            return True
    return False

