"""The rules of speculative markers (inference, guesses, forecasts): っぽい, そうだ (and the
hearsay そうだ after a plain form), ようだ / みたいだ, だろう / でしょう, かもしれない, かな,
たぶん, どうやら, はずだ, 見込みだ, に違いない, 気がする, と思う, とみられる, と予想される,
おそれがある, 可能性が高い / 公算が大きい, とも限らない, であろう, and the grounds of a guess
(から判断すると, この様子だと, 足跡を見ると…らしい).

Each rule takes the clause's morphemes ``ms``, the trigger's index ``i`` and the clause
bounds ``lo:hi``, and returns a Marker or None; the cheapest test comes first in each.
`RULES` maps the normalized form of a trigger to its rule.
"""

from __future__ import annotations

from ..words import table
from .context import (
    NEGATIVE, NOMINAL, PREDICATE, PROPERTY_NOUNS, after_predicate, has_inference_suffix, is_adjectival_noun, is_quote, negated,
    predicate_end, prev_word, property_suffix, quote_index, quoted, span, to_no_quote, with_copula,
)
from .marker import REPORTED, SPECULATIVE

# Adverbs of guessing, verbs of thinking, nouns of forecasting and of judging, adverbs of
# simile (data/words.toml says more of each).
GUESS_ADVERBS = table("evidentiality", "guess_adverbs")
THINK_VERBS = table("evidentiality", "think_verbs")
GUESS_NOUNS = table("evidentiality", "guess_nouns")
OUTLOOK_NOUNS = table("evidentiality", "outlook_nouns")
JUDGE_NOUNS = table("evidentiality", "judge_nouns")
SIMILE_ADVERBS = table("evidentiality", "simile_adverbs")
VIEW_NOUNS = table("evidentiality", "view_nouns")
EVIDENCE_NOUNS = table("evidentiality", "evidence_nouns")
SOURCES = table("evidentiality", "sources")
LIKELIHOOD_NOUNS = table("evidentiality", "likelihood_nouns")
PPOI_NOUNS = table("evidentiality", "ppoi_nouns")
# What a likelihood is said to be: 可能性がある / 高い / 大きい / 出てきた / 強まる.
LIKELIHOOD_PREDICATES = frozenset({"有る", "高い", "低い", "大きい", "小さい", "強い", "薄い", "濃い", "出る",
                                   "高まる", "強まる", "大", "濃厚", "十分"})
HARD_SUFFIXES = frozenset({"難い", "辛い"})  # 考えにくい, 考えがたい, 考えづらい
SEEM_VERBS = frozenset({"見える", "思う", "感じる"})  # ように見える: an impression of the speaker's


def _r_ppoi(ms, i, lo, hi):
    """っぽい: inference after a predicate (降ったっぽい, 必要っぽい); a tendency after a verb or
    adjective stem (忘れっぽい); a property after most nouns (子供っぽい)."""
    prev = prev_word(ms, i, lo)
    if prev is None:
        return None
    pp = prev.pos
    if pp[0] in ("動詞", "形容詞") and (pp[5].startswith("連用形") or pp[5].startswith("語幹")):
        return None
    # a na-adjective noun + らしい is hearsay (静からしい) unless the pair is a word of its own (馬鹿らしい)
    if pp[0] in NOMINAL and (prev.normalized in PROPERTY_NOUNS or prev.normalized in PPOI_NOUNS
                          or not is_adjectival_noun(prev) and property_suffix(ms, i, lo, hi)):
        return None
    return span(ms, i, i, SPECULATIVE)


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
    return span(ms, i, with_copula(ms, i, hi), kind)


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
    if not predicate_end(ms, i + 1, hi):
        return None
    return span(ms, i, with_copula(ms, i, hi), SPECULATIVE)


def _r_you(ms, i, lo, hi):
    """ようだ / みたいだ: inference when they close the predicate, or in ような気がする;
    not ように (purpose, manner), ような + noun (example) or a simile (まるで…ようだ)."""
    if ms[i].pos[1] != "助動詞語幹" or i - 1 < lo:
        return None
    if predicate_end(ms, i + 1, hi):
        marker = span(ms, i, with_copula(ms, i, hi), SPECULATIVE)
    elif i + 2 < hi and ms[i + 1].normalized == "だ" and ms[i + 1].pos[5].startswith("連体形") \
            and ms[i + 2].normalized == "気":  # ような気がする (not ように気をつける)
        marker = span(ms, i, i + 2, SPECULATIVE)
    elif i + 2 < hi and ms[i + 1].pos[5] == "連用形-ニ" and _seem_verb(ms, i + 2, hi) is not None:
        marker = span(ms, i, _seem_verb(ms, i + 2, hi), SPECULATIVE)  # ように見える: an impression
    else:
        return None
    for k in range(lo, i):
        if ms[k].normalized in SIMILE_ADVERBS:
            return None
    return marker


def _seem_verb(ms, j: int, hi: int) -> int | None:
    """The index of 見える / 思う / 感じる at j, or after は / も at j (ようには見えない)."""
    if ms[j].surface in ("は", "も") and ms[j].pos[0] == "助詞":
        j += 1
    return j if j < hi and ms[j].normalized in SEEM_VERBS else None


def _r_aru(ms, i, lo, hi):
    """であろう, the written だろう (続くであろう, 男であろう): read as だろう is."""
    if not ms[i].pos[5].startswith("意志推量形") or i - 1 < lo or ms[i - 1].normalized != "だ" \
            or not ms[i - 1].pos[5].startswith("連用形"):
        return None
    nxt = ms[i + 1] if i + 1 < hi else None
    if nxt is not None and nxt.surface == "か" and nxt.pos[1] == "終助詞":  # であろうか: a question
        return None
    if nxt is not None and nxt.normalized in ("が", "と") and i - 2 >= lo \
            and (ms[i - 2].pos[0] in ("名詞", "代名詞") or is_adjectival_noun(ms[i - 2])):
        return None  # 大人であろうと子供であろうと: concessive
    return span(ms, i - 1, i, SPECULATIVE)


def _r_copula(ms, i, lo, hi):
    """だろう / でしょう: a guess, unless a question (でしょうか) or a concessive list
    (インターネットだろうが、ゲームだろうが); ではないでしょうか and んじゃないか are guesses."""
    m = ms[i]
    form = m.pos[5]
    if form.startswith("意志推量形"):
        nxt = ms[i + 1] if i + 1 < hi else None
        prev = ms[i - 1] if i - 1 >= lo else None
        if nxt is not None and nxt.surface == "か" and nxt.pos[1] == "終助詞":
            if prev is not None and prev.normalized in NEGATIVE and i - 2 >= lo \
                    and ms[i - 2].normalized in ("は", "だ"):
                return span(ms, i - 1, i + 1, SPECULATIVE)
            return None
        if nxt is not None and nxt.normalized in ("が", "と") and prev is not None \
                and (prev.pos[0] in ("名詞", "代名詞") or is_adjectival_noun(prev)):
            return None
        return span(ms, i, i, SPECULATIVE)
    # んじゃないか(な) / のではないか: a guess put as a question.
    if m.surface in ("じゃ", "で") and form.startswith("連用形") and i - 1 >= lo and ms[i - 1].pos[1] == "準体助詞":
        j = i + 1
        if j < hi and ms[j].surface == "は":
            j += 1
        if j < hi and ms[j].normalized in NEGATIVE:
            j += 1
            if j < hi and ms[j].normalized == "です":
                j += 1
            if j < hi and ms[j].surface == "か":
                return span(ms, i - 1, j, SPECULATIVE)
    return None


def _r_ka(ms, i, lo, hi):
    """かもしれない / かも, and かな."""
    if i + 1 >= hi:
        return None
    nxt = ms[i + 1].surface
    if nxt == "も":
        if i + 2 < hi and ms[i + 2].normalized in ("知れる", "分かる"):  # かもしれない, かもわからない
            return span(ms, i, i + 2, SPECULATIVE)
        return span(ms, i, i + 1, SPECULATIVE) if predicate_end(ms, i + 2, hi) else None
    if nxt in ("な", "なぁ", "なあ", "なー") and ms[i].pos[1] == "終助詞":
        return span(ms, i, i + 1, SPECULATIVE)
    return None


def _r_arika(ms, i, lo, hi):
    """ありかも: SudachiPy reads あり + かも as 在処 (whereabouts) + も; it is かも when the
    predicate ends after も (それもありかも。, ありかもね, ありかもしれない), not in 鍵のありかも忘れた."""
    if ms[i].surface != "ありか" or i + 1 >= hi or ms[i + 1].surface != "も":
        return None
    if i + 2 < hi and ms[i + 2].normalized in ("知れる", "分かる"):
        return span(ms, i, i + 2, SPECULATIVE)
    return span(ms, i, i + 1, SPECULATIVE) if predicate_end(ms, i + 2, hi) else None


def _r_risk(ms, i, lo, hi):
    """おそれがある / 恐れもある: a risk the speaker infers (発生するおそれがあります, 大雨の恐れ
    もある); not the fear of 恐れを感じる, nor おそれはありません."""
    if ms[i].pos[0] != "名詞":
        return None
    j = i + 1
    if j < hi and ms[j].surface in ("が", "も"):
        j += 1
    if j >= hi or ms[j].normalized != "有る" or negated(ms, j + 1, hi):
        return None
    return span(ms, i, j, SPECULATIVE)


def _r_guess_adverb(ms, i, lo, hi):
    """たぶん / おそらく / きっと."""
    return span(ms, i, i, SPECULATIVE, forward=True) if ms[i].pos[0] == "副詞" else None


def _r_dou(ms, i, lo, hi):
    """どうやら; どうも only with an inference suffix later (どうも…らしい), not どうもありがとう."""
    if i + 1 >= hi:
        return None
    nxt = ms[i + 1].surface
    if nxt == "やら" or (nxt == "も" and has_inference_suffix(ms, i + 2, hi)):
        return span(ms, i, i + 1, SPECULATIVE, forward=True)
    return None


def _r_moshi(ms, i, lo, hi):
    """もしかしたら / もしかすると."""
    if i + 1 < hi and ms[i + 1].surface == "か":
        return span(ms, i, i + 1, SPECULATIVE, forward=True)
    return None


def _r_hazu(ms, i, lo, hi):
    """はずだ, and the inference that something cannot be: はずがない / はずはありません."""
    if predicate_end(ms, i + 1, hi):
        return span(ms, i, i, SPECULATIVE)
    j = i + 2
    if j < hi and ms[i + 1].surface in ("が", "は") and ms[i + 1].pos[0] == "助詞":
        if ms[j].normalized in NEGATIVE:
            return span(ms, i, j, SPECULATIVE)
        if ms[j].normalized == "有る" and negated(ms, j + 1, hi):
            return span(ms, i, j, SPECULATIVE)
    return None


def _r_view(ms, i, lo, hi):
    """A forecast or a view quoted with との: 回復するとの見方が強い, 遅れるとの懸念がある."""
    q = to_no_quote(ms, i, lo)
    return span(ms, q, i, SPECULATIVE) if q is not None else None


def _r_outlook(ms, i, lo, hi):
    """Predicate + 見込みだ / 見通しだ (a forecast), 模様だ (a report); a forecast also after
    noun + の and before となる (完成の見込みです, 延期される見込みとなった), but not as a
    plain noun (彼には見込みがある)."""
    if i - 1 < lo:
        return None
    forecast = ms[i].normalized in OUTLOOK_NOUNS
    if forecast and to_no_quote(ms, i, lo) is not None:  # 開業するとの見通しだ
        return _r_view(ms, i, lo, hi)
    prev = ms[i - 1]
    if prev.pos[0] not in PREDICATE and not (
            forecast and prev.surface == "の" and i - 2 >= lo and ms[i - 2].pos[0] in NOMINAL):
        return None
    if not predicate_end(ms, i + 1, hi) and not (
            forecast and i + 2 < hi and ms[i + 1].surface == "と" and ms[i + 2].normalized == "成る"):
        return None
    return span(ms, i, i, SPECULATIVE if forecast else REPORTED)


def _r_likelihood(ms, i, lo, hi):
    """Predicate or noun + の + 可能性 / 公算 said to be there or high: 勝つ可能性が高い,
    成立する公算が大きい, 雨の可能性もある; not 可能性を否定した."""
    if i - 1 < lo:
        return None
    prev = ms[i - 1]
    if prev.pos[0] not in PREDICATE and not (prev.surface == "の" and i - 2 >= lo and ms[i - 2].pos[0] in NOMINAL):
        return None
    j = i + 1
    if j < hi and ms[j].surface in ("が", "も", "は") and ms[j].pos[0] == "助詞":
        j += 1
    if j < hi and ms[j].pos[0] == "副詞":  # 可能性は十分ある
        j += 1
    if j < hi and ms[j].normalized in LIKELIHOOD_PREDICATES:
        return span(ms, i, j, SPECULATIVE)
    return None


def _r_kagiru(ms, i, lo, hi):
    """とも限らない: the quoted statement may hold (来ないとも限らない). とは限らない (need not
    hold) is the speaker's own statement, no inference."""
    if i - 3 < lo or ms[i - 1].surface != "も" or ms[i - 1].pos[0] != "助詞" \
            or not is_quote(ms[i - 2]) or not after_predicate(ms, i - 3, lo) or not negated(ms, i + 1, hi):
        return None
    return span(ms, i - 2, i + 1, SPECULATIVE)


def _r_chigai(ms, i, lo, hi):
    """に違いない / に違いありません."""
    if i - 1 >= lo and i + 1 < hi and ms[i - 1].surface == "に" \
            and (ms[i + 1].normalized in NEGATIVE or ms[i + 1].normalized == "有る"):
        return span(ms, i - 1, i + 1, SPECULATIVE)
    return None


def _r_ki(ms, i, lo, hi):
    """気がする."""
    if i + 2 < hi and ms[i + 1].surface == "が" and ms[i + 2].normalized == "為る":
        return span(ms, i, i + 2, SPECULATIVE)
    return None


def _r_think(ms, i, lo, hi):
    """と思う / と考える as a hedge (also 上がると私は思う)."""
    if i - 2 >= lo and ms[i - 1].surface in ("は", "も") and ms[i - 1].pos[0] == "助詞" and is_quote(ms[i - 2]):
        return _think_contrast(ms, i, lo, hi)  # とは思わない, とも思う: read by their particle
    q = quote_index(ms, i, lo)
    if q is None:
        return _think_contrast(ms, i, lo, hi)
    return span(ms, q, i, SPECULATIVE) if _hedging_think(ms, i, hi) else None


def _think_contrast(ms, i, lo, hi):
    """とは思わない / とも思う: an opinion hedged (勝つとは思わない), but not the surprise of
    the past negative (来るとは思わなかった: it happened)."""
    if i - 3 < lo or ms[i - 1].surface not in ("は", "も") or not is_quote(ms[i - 2]) \
            or not after_predicate(ms, i - 3, lo):
        return None
    if ms[i - 1].surface == "は":
        if i + 1 < hi and ms[i + 1].normalized in HARD_SUFFIXES and ms[i + 1].pos[0] == "接尾辞":
            return span(ms, i - 2, i + 1, SPECULATIVE)  # とは考えにくい: hard to think, so unlikely
        if not negated(ms, i + 1, hi):
            return None
        j = i + 2 if ms[i + 1].normalized == "ない" else i + 3  # 思わない / 思いません
        if j < hi and ms[j].normalized == "た":
            return None
    elif not _hedging_think(ms, i, hi):
        return None
    return span(ms, i - 2, i, SPECULATIVE)


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


def _r_miru(ms, i, lo, hi):
    """とみられる; and what is seen as the ground of an inference later in the clause
    (足跡を見ると…いたらしい, 様子を見る限り…ようだ), unless it is a source (新聞を見ると: hearsay)."""
    if i + 1 < hi and ms[i + 1].normalized in ("れる", "られる") and quoted(ms, i, lo):
        return span(ms, i - 1, i + 1, SPECULATIVE)
    if i - 2 < lo or i + 1 >= hi or ms[i - 1].surface != "を" or ms[i - 2].pos[0] not in NOMINAL \
            or ms[i - 2].normalized in SOURCES:
        return None
    if not (_judging(ms, i + 1) or ms[i + 1].normalized == "限り"):
        return None
    return span(ms, i - 1, i + 1, SPECULATIVE, forward=True) if has_inference_suffix(ms, i + 2, hi) else None


def _r_guess_verb(ms, i, lo, hi):
    """と見込まれる, と見込んでいる: a forecast quoted (費用は3億円と見込まれています)."""
    return span(ms, i - 1, i, SPECULATIVE) if quoted(ms, i, lo) else None


def _r_guess_noun(ms, i, lo, hi):
    """と予想される / と推定されている, and the passive without a quote (増加が予想されます);
    not 予想以上, 予想が外れた."""
    if quoted(ms, i, lo):
        return span(ms, i - 1, i, SPECULATIVE)
    if to_no_quote(ms, i, lo) is not None:  # 増えるとの予想
        return _r_view(ms, i, lo, hi)
    if i + 2 < hi and ms[i + 1].normalized == "為る" and ms[i + 2].normalized in ("れる", "られる") \
            and not (i + 3 < hi and ms[i + 3].pos[0] in NOMINAL):
        return span(ms, i, i + 2, SPECULATIVE)
    return None


def _r_kara(ms, i, lo, hi):
    """Judging from evidence: 身なりから判断すると, 様子からすると, 顔色から見ると."""
    if ms[i].pos[1] != "格助詞" or i + 1 >= hi:
        return None
    j = i + 1
    if ms[j].normalized in JUDGE_NOUNS and j + 1 < hi and ms[j + 1].normalized == "為る":
        j += 1
    if ms[j].normalized in ("為る", "見る", "考える", "察する") and j + 1 < hi and _judging(ms, j + 1):
        return span(ms, i, j + 1, SPECULATIVE, forward=True)
    return None


def _judging(ms, j: int) -> bool:
    """The conditional that makes a verb of judging a frame: 判断すると, 見れば, 察するに."""
    m = ms[j]
    return (m.surface in ("と", "ば") and m.pos[1] == "接続助詞") or (m.surface == "に" and ms[j - 1].normalized == "察する")


def _r_evidence(ms, i, lo, hi):
    """An appearance as the ground of a guess: この様子だと, 空の様子では, この分じゃ."""
    if ms[i].pos[0] != "名詞" or i + 1 >= hi:
        return None
    if ms[i].normalized == "分" and not (i - 1 >= lo and ms[i - 1].pos[0] == "連体詞"):
        return None  # この分だと, not 十分 or 自分
    nxt = ms[i + 1]
    if nxt.normalized == "だ" and i + 2 < hi and ms[i + 2].surface == "と" and ms[i + 2].pos[1] == "接続助詞":
        return span(ms, i, i + 2, SPECULATIVE, forward=True)
    if nxt.normalized == "で" and nxt.pos[1] == "格助詞":
        if nxt.surface == "じゃ":
            return span(ms, i, i + 1, SPECULATIVE, forward=True)
        if i + 2 < hi and ms[i + 2].surface == "は":
            return span(ms, i, i + 2, SPECULATIVE, forward=True)
    return None



RULES = {
    "ぽい": _r_ppoi, "そう": _r_sou, "よう": _r_you, "みたい": _r_you, "だ": _r_copula, "です": _r_copula, "か": _r_ka,
    "どう": _r_dou, "若し": _r_moshi, "筈": _r_hazu, "見込み": _r_outlook, "見通し": _r_outlook, "模様": _r_outlook,
    "違い": _r_chigai, "相違": _r_chigai, "気": _r_ki, "見る": _r_miru, "在処": _r_arika, "恐れ": _r_risk,
    "から": _r_kara, "限る": _r_kagiru, "有る": _r_aru,
}
RULES.update(dict.fromkeys(LIKELIHOOD_NOUNS, _r_likelihood))
RULES.update(dict.fromkeys(EVIDENCE_NOUNS, _r_evidence))
RULES.update(dict.fromkeys(VIEW_NOUNS, _r_view))
RULES.update(dict.fromkeys(GUESS_ADVERBS, _r_guess_adverb))
RULES.update(dict.fromkeys(THINK_VERBS, _r_think))
RULES.update(dict.fromkeys(GUESS_NOUNS, _r_guess_noun))
RULES.update(dict.fromkeys(table("evidentiality", "guess_verbs"), _r_guess_verb))
