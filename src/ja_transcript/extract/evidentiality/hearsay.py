"""The rules of reported markers (hearsay, relayed quotes): らしい, によると, 噂では, 曰く,
って聞いた, と発表した, って書いてあった, という / ということだ / とのことだ, clause-final
って and と.

Each rule takes the clause's morphemes ``ms``, the trigger's index ``i`` and the clause
bounds ``lo:hi``, and returns a Marker or None; the cheapest test comes first in each.
`RULES` maps the normalized form of a trigger to its rule.
"""

from __future__ import annotations

from ..words import table
from .context import (
    COPULA, LEAD_ON, NOMINAL, PROPERTY_NOUNS, SYMBOL, after_predicate, is_adjectival_noun, is_quote, predicate_end, prev_word,
    property_suffix, quote_index, rest_is_final, sentence_end, span, statement_quote, to_no_quote, with_copula,
)
from .marker import REPORTED, SPECULATIVE, Marker

# Nouns naming a source, verbs relaying a quote, verbs of speaking, nouns of reporting used
# with する, words restating one's own point (data/words.toml says more of each).
SOURCES = table("evidentiality", "sources")
RELAY_VERBS = table("evidentiality", "relay_verbs")
SPEECH_VERBS = table("evidentiality", "speech_verbs")
REPORT_NOUNS = table("evidentiality", "report_nouns")
PARAPHRASE = table("evidentiality", "paraphrase")
CONTENT_NOUNS = table("evidentiality", "content_nouns")
PRO_PREDICATES = frozenset({"そう", "こう", "ああ"})  # adverbs standing for a predicate: そうらしい
# A forecast or a view relayed (という予測, という見方): what is relayed is a guess.
FORECAST_NOUNS = table("evidentiality", "guess_nouns") | table("evidentiality", "view_nouns") \
    | table("evidentiality", "outlook_nouns")


def _r_rashii(ms, i, lo, hi):
    """らしい: hearsay after a predicate; after a noun hearsay (金持ちらしい) or a property (男らしい);
    after an adverb it makes an adjective of it (わざとらしい), save after そう / こう / ああ,
    which stand for a predicate (どうやらそうらしい)."""
    prev = prev_word(ms, i, lo)
    if prev is None:
        return None
    if prev.pos[0] == "副詞" and prev.normalized not in PRO_PREDICATES:
        return None
    # a na-adjective noun + らしい is hearsay (静からしい) unless the pair is a word of its own (馬鹿らしい)
    if prev.pos[0] in NOMINAL and (prev.normalized in PROPERTY_NOUNS
                          or not is_adjectival_noun(prev) and property_suffix(ms, i, lo, hi)):
        return None
    return span(ms, i, i, REPORTED)


def _r_iwaku(ms, i, lo, hi):
    """Person + 曰く: what follows is what they said (太郎曰く、…)."""
    prev = prev_word(ms, i, lo)
    if prev is None or prev.pos[0] not in NOMINAL:
        return None
    return span(ms, i, i, REPORTED, forward=True)


def _r_yoru(ms, i, lo, hi):
    """によると / によれば / によりますと."""
    if i - 1 < lo or ms[i - 1].surface != "に" or ms[i].pos[0] != "動詞":
        return None
    j = i + 1
    if j < hi and ms[j].normalized == "ます":
        j += 1
    if j < hi and ms[j].pos[1] == "接続助詞" and ms[j].surface in ("と", "ば"):
        return span(ms, i - 1, j, REPORTED, forward=True)
    return None


def _r_source(ms, i, lo, hi):
    """Source + では: 噂では, 報道では, 近所の人の話では; a quoted statement told as talk or
    repute: …って評判です, …と噂だ, …って話です."""
    if i + 2 < hi and ms[i + 1].surface == "で" and ms[i + 2].surface == "は" and ms[i].normalized in SOURCES:
        return span(ms, i, i + 2, REPORTED, forward=True)
    q = to_no_quote(ms, i, lo)  # …するとの情報がある, …との声が上がった
    if q is not None:
        return span(ms, q, i, REPORTED)
    if ms[i].normalized in CONTENT_NOUNS and i - 2 >= lo and is_quote(ms[i - 1]) \
            and after_predicate(ms, i - 2, lo) and predicate_end(ms, i + 1, hi):
        return span(ms, i - 1, with_copula(ms, i, hi), REPORTED)
    return None


def _r_sareru(ms, i, lo, hi):
    """Quoted statement + される: と言われる without 言う (副作用が少ないとされている; after a
    noun it is "regarded as", 長寿の村とされる); and a body's stated position, a statement + と +
    している / とした closing the clause (市は必要だとしている, 値上げするとした). Not ようとする
    (trying), not AをBとする (taking A as B), not とすれば / として / とした場合."""
    if i - 2 < lo or ms[i - 1].surface != "と" or not is_quote(ms[i - 1]):
        return None
    if ms[i].surface == "さ":
        if i + 1 < hi and ms[i + 1].normalized == "れる" and after_predicate(ms, i - 2, lo):
            return span(ms, i - 1, i + 1, REPORTED)
        return None
    if ms[i].surface != "し" or not after_predicate(ms, i - 2, lo) or ms[i - 2].pos[5].startswith("意志推量形"):
        return None
    j = i + 1
    if j + 1 < hi and ms[j].surface == "て" and ms[j + 1].normalized == "居る":  # としている
        j += 2
    elif j < hi and ms[j].normalized == "た" and ms[j].pos[5].startswith("終止形"):  # とした
        j += 1
    elif j + 1 < hi and ms[j].normalized == "ます" and ms[j + 1].normalized == "た":  # としました
        j += 2
    else:
        return None
    while j < hi and ms[j].normalized in ("ます", "た"):  # としています, としました
        j += 1
    return span(ms, i - 1, j - 1, REPORTED) if rest_is_final(ms, j, hi) else None


def _r_relay(ms, i, lo, hi):
    """って聞いた, と報じられた, と伝えている, って母から聞いた."""
    q = quote_index(ms, i, lo)
    return span(ms, q, i, REPORTED) if q is not None else None


def _r_speech(ms, i, lo, hi):
    """って話してた, と述べた, と語った: only after a quoted statement (not 友達と話した)."""
    q = statement_quote(ms, i, lo)
    return span(ms, q, i, REPORTED) if q is not None else None


def _r_write(ms, i, lo, hi):
    """って書いてあった, と書かれていた, って書いてた: a quoted statement told as written."""
    q = statement_quote(ms, i, lo)
    if q is None or i + 1 >= hi:
        return None
    nxt = ms[i + 1]
    nn = nxt.normalized
    if nn == "て" and i + 2 < hi and ms[i + 2].normalized in ("有る", "居る"):  # 書いてあった
        return span(ms, q, i + 2, REPORTED)
    if nn in ("れる", "てる") or (nn == "た" and not nxt.pos[5].startswith("仮定形")):
        return span(ms, q, i + 1, REPORTED)
    return None


def _r_report_noun(ms, i, lo, hi):
    """と発表した, って報道してた, と公表した (a quoted statement relayed); 発表では as a source."""
    found = _r_source(ms, i, lo, hi) if ms[i].normalized in SOURCES else None
    if found is not None:
        return found
    if i + 1 >= hi or ms[i + 1].normalized != "為る" or ms[i + 1].pos[5].startswith(("仮定形", "命令形")):
        return None
    q = statement_quote(ms, i, lo)
    return span(ms, q, i + 1, REPORTED) if q is not None else None


def _r_iu(ms, i, lo, hi):
    """と / って + 言う: という, と言われている, って言った, ということだ, というニュース,
    and the quote apart from its verb: …って、会社の先輩が言ってた."""
    if i - 1 < lo:
        return None
    if is_quote(ms[i - 1]):
        return _iu(ms, i - 1, i, lo, hi)
    q = quote_index(ms, i, lo)
    return _iu_apart(ms, q, i, hi) if q is not None else None


def _iu(ms, q: int, i: int, lo: int, hi: int) -> Marker | None:
    """と / って + 言う at i, the quotative right before it at q = i - 1."""
    nxt = ms[i + 1] if i + 1 < hi else None
    if nxt is None or ((nxt.pos[0] in SYMBOL or nxt.pos[1] == "終助詞") and rest_is_final(ms, i + 2, hi)):
        # a clause-final relay of a statement: 来日するという。 / 上がったっていうね。
        # (not a name: …ハードっていうね)
        return span(ms, q, i, REPORTED) if after_predicate(ms, q - 1, lo) else None
    nn = nxt.normalized
    if nn == "ます" and rest_is_final(ms, i + 2, hi) and after_predicate(ms, q - 1, lo):
        return span(ms, q, i + 1, REPORTED)  # the polite clause-final relay: …があるといいます。
    if nn == "こと":
        return _hearsay_koto(ms, q, i + 1, lo, hi)
    if nn in SOURCES:  # というニュース, っていう話
        return span(ms, q, i + 1, REPORTED)
    if nn in CONTENT_NOUNS and after_predicate(ms, q - 1, lo):  # …にくいという研究結果
        return span(ms, q, i + 1, REPORTED)
    if nn in FORECAST_NOUNS and after_predicate(ms, q - 1, lo):  # …に達するという予測もある
        return span(ms, q, i + 1, SPECULATIVE)
    return _said(ms, q, i, hi)


def _iu_apart(ms, q: int, i: int, hi: int) -> Marker | None:
    """言う at i with its quote at q and the speaker between (…って、先輩が言ってた); here 言う
    must tell of a saying (言った, 言ってた, 言われた), since a bare 言う may name (…と皆が言う店)."""
    if rest_is_final(ms, i + 1, hi):  # …って、先輩が言う。
        return span(ms, q, i, REPORTED)
    return _said(ms, q, i, hi)


def _said(ms, q: int, i: int, hi: int) -> Marker | None:
    """言う at i told as a saying: と言われている, って言った, と言っていた, って言ってた."""
    if i + 1 >= hi:
        return None
    nxt = ms[i + 1]
    nn = nxt.normalized
    if nn in ("れる", "られる") or nn == "てる":  # と言われている, って言ってた
        return span(ms, q, i + 1, REPORTED)
    if nn == "ます":  # と言いました
        j = i + 2
        if j < hi and ms[j].normalized == "た" and not ms[j].pos[5].startswith("仮定形"):
            return span(ms, q, j, REPORTED)
        return None
    if nn == "た" and not nxt.pos[5].startswith("仮定形"):  # って言った (not って言ったら)
        return span(ms, q, i + 1, REPORTED)
    if nn == "て" and i + 2 < hi and ms[i + 2].normalized == "居る":  # と言っていた
        return span(ms, q, i + 2, REPORTED)
    return None


def _r_koto(ms, i, lo, hi):
    """とのことだ, and ってことだ (= ということだ)."""
    if i - 1 < lo:
        return None
    prev = ms[i - 1]
    if prev.surface == "の" and i - 2 >= lo and ms[i - 2].surface == "と":
        return span(ms, i - 2, i, REPORTED)
    if prev.surface == "って" and prev.pos[0] == "助詞":
        return _hearsay_koto(ms, i - 1, i, lo, hi)
    return None


def _hearsay_koto(ms, a: int, k: int, lo: int, hi: int) -> Marker | None:
    """ということだ at tokens a..k (こと at k) as hearsay.

    Only at the end of the clause (…ということだ。 / ですよ / でした), or before けど / が
    when a statement is quoted (否認しているということですが、: news style). Not hearsay when
    it paraphrases (つまり / 要は ... ということだ, ということなんです), seeks agreement
    (ということですね) or sets a topic (テーマは円安ということですが).
    """
    j = k + 1
    if j >= hi or ms[j].normalized not in COPULA:
        return None
    if a - 1 < lo or ms[a - 1].pos[0] in SYMBOL:  # ということで、 opening a sentence: "so"
        return None
    cop = ms[j]
    if cop.pos[5].startswith("連体形") or cop.pos[5].startswith("意志推量形"):
        return None
    for t in range(j + 1, hi):  # ということですね summarises
        s = ms[t]
        if s.pos[0] in SYMBOL:
            break
        if s.surface == "よ" or (s.normalized == "た" and t == j + 1):
            continue
        # news style …ということですが、 (the spoken ってことですけど sums up)
        if s.pos[1] == "接続助詞" and s.normalized in LEAD_ON and ms[a].surface == "と" \
                and after_predicate(ms, a - 1, lo):
            continue
        return None
    for t in range(lo, a):
        if ms[t].normalized in PARAPHRASE:
            return None
        if ms[t].surface == "こと" and t + 1 < a and ms[t + 1].surface == "は":  # ということは
            return None
    return span(ms, a, j, REPORTED)


def _r_tte(ms, i, lo, hi):
    """Clause-final って after a predicate: 明日は雨なんだって / 勝つってね."""
    if i + 1 < hi:  # the common case first: a word follows (っていう)
        p = ms[i + 1].pos
        if p[0] not in SYMBOL and p[1] != "終助詞":
            return None
    if ms[i].pos[0] == "助詞" and rest_is_final(ms, i + 1, hi) and after_predicate(ms, i - 1, lo):
        return span(ms, i, i, REPORTED)
    return None


def _r_to(ms, i, lo, hi):
    """Sentence-final quotative と with 言う left out: 契約を結んだと。"""
    if i + 1 < len(ms) and not ms[i + 1].pos[0] in SYMBOL:
        return None
    if ms[i].pos[1] == "格助詞" and sentence_end(ms, i + 1, hi) and after_predicate(ms, i - 1, lo):
        return span(ms, i, i, REPORTED)
    return None



RULES = {"らしい": _r_rashii, "曰く": _r_iwaku, "書く": _r_write, "よる": _r_yoru, "言う": _r_iu, "こと": _r_koto, "って": _r_tte,
         "と": _r_to}
RULES["為る"] = _r_sareru
RULES.update(dict.fromkeys(CONTENT_NOUNS, _r_source))
RULES.update(dict.fromkeys(SOURCES, _r_source))
RULES.update(dict.fromkeys(RELAY_VERBS, _r_relay))
RULES.update(dict.fromkeys(SPEECH_VERBS, _r_speech))
RULES.update(dict.fromkeys(REPORT_NOUNS, _r_report_noun))  # after SOURCES: 発表では is a source too
