"""Amount extraction: `extract_amounts` and pyNormalizeNumExp side by side, accuracy and speed.

Run:  .venv/bin/python benchmarks/bench_amounts.py [--repeat N]
pyNormalizeNumExp (``pip install pynormalizenumexp==0.3.4``) is imported lazily; without it
only this project's figures are printed.

Data: ../shared/eval/numbers/kanji_numeral_cases.json, .../pynormalizenumexp_cases.json and
the sample transcript with its hand-made gold amounts (../shared/eval/seed/).

How the two are compared (one rule for both systems)
----------------------------------------------------
The libraries do not agree on conventions: pyNormalizeNumExp turns 約 / くらい into a ±30 %
interval, converts SI units (3kg -> 3000 g), and reads 10本強 as 10..16; this project keeps
the figure said (value) and marks the hedge (approximate) or the bound (low / high).
So each side is reduced to a numeric interval and the intervals are compared loosely:

* a system output gives an interval: [value, value] when it has a value and no bound,
  else [low or -inf, high or +inf]; pyNormalizeNumExp gives [value_lower_bound, value_upper_bound];
* a reference item gives its interval the same way (pyNormalizeNumExp cases: their bounds;
  the gold: value, or low..high);
* a reference item is *right* when some output overlaps its character span and one interval
  contains the other (so 約十人 = 10 approximate matches the case's 7..13, and
  pyNormalizeNumExp's 2.1..3.9 for 3倍くらい matches the gold's 3).
  Our values in kg / km / kW ... are multiplied by 1000 when the case is in g / m / W
  (pyNormalizeNumExp's SI conversion); units are not compared otherwise.

Rows:
  numeral strings    kanji2number cases: our `parse_numeral(input)`; pyNormalizeNumExp: the one
                     numerical result of `input + "円"` spanning the whole input (as in eval/README).
  invalid numerals   *_error cases: ours raises NumeralError; pyNormalizeNumExp "rejects" when it
                     gives no single result spanning `input + "円"`.
  numbers in text    find_numbers_in_text(_with_values): each expected number must be found (span
                     overlap) with its value among the output's numbers (date outputs contribute
                     their year / month / day fields). Expected values missing from the case are
                     taken from our parse_numeral (those strings are plain kanji numerals).
  pNNE numerical     every "numerical" item of pynormalizenumexp_cases.json (numerical_expr_normalizer
                     and normalize_numexp), by the rule above.
  pNNE numbers       number_normalizer items (figures with or without counter), same rule.
  pNNE dates         abstime items: the finite year / month / day / hour / minute fields of the case's
                     lower bound must all be equal in an overlapping output (ours: parsed from the ISO
                     value, or from `low` for a range of dates; pyNormalizeNumExp: its lower bound).
                     A relative_date counts by the size of its offset (3年前 -> 3), the figure said.
  pNNE nothing       inputs where the case expects nothing: right when the system outputs nothing.
  gold amounts       the sample transcript's gold amounts, line by line, by the rule above;
                     "strict" (ours only) also needs kind, unit, approximate and text equal.
  dates cases        tests/extract/cases/amounts_dates*.json (ours only: dates, ranges, bands,
                     relative dates in this project's conventions): sentences whose amounts are
                     all exactly right; the held-out file was scored once before anything was
                     fixed against it.
Speed: both run over the same texts (every case input and every transcript line, one call
per line), timed separately, after a warm-up; ours is called without morphemes, so
SudachiPy tokenization is included.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from pathlib import Path

from ja_transcript.extract.amounts import extract_amounts
from ja_transcript.extract.numerals import NumeralError, parse_numeral

SHARED = Path(__file__).resolve().parents[1].parent / "shared"  # the project's reference data, beside the checkout
EVAL = (SHARED / "eval")
KANJI_CASES = EVAL / "numbers" / "kanji_numeral_cases.json"
PNNE_CASES = EVAL / "numbers" / "pynormalizenumexp_cases.json"
SAMPLE = EVAL / "seed" / "iwami_coreweave_news.txt"
GOLD = EVAL / "seed" / "iwami_coreweave_news.gold.json"
CASES = Path(__file__).resolve().parents[1] / "tests" / "extract" / "cases"
DATE_CASES = CASES / "amounts_dates.json"
DATE_HELDOUT = CASES / "amounts_dates_heldout.json"  # held out: first run (scored once) in the README
INF = math.inf
SI_THOUSAND = {"km": "m", "kg": "g", "kW": "W", "MW": "kW", "GW": "MW", "kWh": "Wh"}
_ISO = re.compile(r"^(?:(\d{4})|--|---)?(?:-?(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2}))?$")


# --------------------------------------------------------------------------- systems
class Ours:
    name = "ja-transcript"

    def run(self, text: str) -> list[dict]:
        return extract_amounts(text)

    def items(self, text: str) -> list[dict]:
        """Outputs as {start, end, interval, numbers, date}."""
        out = []
        for a in self.run(text):
            if a["kind"] == "date":  # a range of dates by its first date, as pyNormalizeNumExp's lower bound
                out.append(_item(a["start"], a["end"], None, _iso_fields(a["value"] or a["low"])))
                continue
            if a["low"] is None and a["high"] is None:
                low = high = a["value"]
            else:
                low, high = _interval(a["low"], a["high"])
            if a["kind"] == "relative_date":  # the figure said is the size of the signed offset
                low, high = sorted((abs(low), abs(high)))
            factor = 1000 if a["unit"] in SI_THOUSAND else 1
            out.append(_item(a["start"], a["end"], (low * factor, high * factor), None))
        return out

    def numeral(self, s: str):
        return parse_numeral(s)


class PyNormalizeNumExp:
    name = "pyNormalizeNumExp"

    def __init__(self):
        from pynormalizenumexp.normalize_numexp import NormalizeNumexp

        self.nne = NormalizeNumexp("ja")

    def run(self, text: str) -> list[dict]:
        return self.nne.normalize(text, as_dict=True)

    def items(self, text: str) -> list[dict]:
        out = []
        for r in self.run(text):
            lo, hi = r.get("value_lower_bound"), r.get("value_upper_bound")
            if isinstance(lo, dict):
                out.append(_item(r["position_start"], r["position_end"], None, _time_fields(lo)))
            elif lo is not None:
                out.append(_item(r["position_start"], r["position_end"], (float(lo), float(hi)), None))
        return out

    def numeral(self, s: str):
        results = [r for r in self.run(s + "円") if r["type"] == "numerical"]
        if len(results) != 1 or results[0]["position_start"] != 0 or results[0]["position_end"] < len(s):
            raise ValueError("no single numeral")
        lo, hi = results[0]["value_lower_bound"], results[0]["value_upper_bound"]
        if lo != hi:
            raise ValueError("not a single value")
        return lo


def _item(start, end, interval, date):
    return {"start": start, "end": end, "interval": interval, "date": date}


def _iso_fields(value: str) -> dict:
    m = _ISO.match(value or "")
    if not m:
        return {}
    year, month, day, hour, minute = m.groups()
    if value.startswith("---"):
        month, day = None, month
    names = ("year", "month", "day", "hour", "minute")
    return {k: int(v) for k, v in zip(names, (year, month, day, hour, minute)) if v is not None}


def _time_fields(bound: dict) -> dict:
    return {k: int(v) for k, v in bound.items()
            if k in ("year", "month", "day", "hour", "minute") and isinstance(v, (int, float)) and math.isfinite(v)}


# --------------------------------------------------------------------------- comparison
def _interval(lo, hi) -> tuple[float, float]:
    def num(x, default):
        if x in ("INF", "inf"):
            return INF
        if x in ("-INF", "-inf"):
            return -INF
        return default if x is None else float(x)
    return num(lo, -INF), num(hi, INF)


def _agree(a: tuple, b: tuple) -> bool:
    """One interval contains the other (with a little float tolerance)."""
    eps = 1e-9 * max(1.0, *(abs(x) for x in a + b if math.isfinite(x)))
    inside = lambda x, y: y[0] - eps <= x[0] and x[1] <= y[1] + eps  # noqa: E731
    return inside(a, b) or inside(b, a)


def _overlaps(item: dict, start: int, end: int) -> bool:
    return item["start"] < end and start < item["end"]


def right_number(items: list[dict], start: int, end: int, ref: tuple) -> bool:
    return any(i["interval"] is not None and _overlaps(i, start, end) and _agree(i["interval"], ref)
               for i in items)


def right_date(items: list[dict], start: int, end: int, fields: dict) -> bool:
    return any(i["date"] is not None and _overlaps(i, start, end)
               and all(i["date"].get(k) == v for k, v in fields.items()) for i in items)


# --------------------------------------------------------------------------- rows
def row_numerals(system, cases) -> tuple[int, int]:
    right = 0
    todo = [c for c in cases if c["kind"] == "kanji2number"]
    for c in todo:
        try:
            right += system.numeral(c["input"]) == int(c["expected"])
        except (ValueError, TypeError):
            pass
    return right, len(todo)


def row_invalid(system, cases) -> tuple[int, int]:
    todo = [c for c in cases if c["kind"].endswith("_error")]
    right = 0
    for c in todo:
        try:
            system.numeral(c["input"])
        except (ValueError, NumeralError):
            right += 1
    return right, len(todo)


def row_found_numbers(system, cases) -> tuple[int, int]:
    right = total = 0
    for c in cases:
        if not c["kind"].startswith("find_numbers"):
            continue
        items = system.items(c["input"])
        pos = 0
        for e in c["expected"]:
            text = e["text"] if isinstance(e, dict) else e
            value = e["value"] if isinstance(e, dict) else parse_numeral(text)
            start = c["input"].index(text, pos)
            pos = start + len(text)
            total += 1
            if right_number(items, start, pos, (value, value)) or any(
                    i["date"] and _overlaps(i, start, pos) and value in i["date"].values() for i in items):
                right += 1
    return right, total


def _pnne_numeric_items(cases, components):
    for c in cases:
        if c["component"] not in components:
            continue
        for e in c["expected"]:
            if e.get("type") in ("numerical", "NumericalExpression", "NNumber"):
                yield c["input"], e["position_start"], e["position_end"], _interval(
                    e["value_lower_bound"], e["value_upper_bound"])


def row_pnne(system, cases, components) -> tuple[int, int]:
    right = total = 0
    cache: dict[str, list] = {}
    for text, start, end, ref in _pnne_numeric_items(cases, components):
        items = cache.setdefault(text, system.items(text))
        total += 1
        right += right_number(items, start, end, ref)
    return right, total


def row_pnne_dates(system, cases) -> tuple[int, int]:
    right = total = 0
    for c in cases:
        if c["component"] != "abstime_expr_normalizer":
            continue
        items = system.items(c["input"])
        for e in c["expected"]:
            _, start, end = e["original_expr"]["args"]
            fields = {k: v for k, v in e["value_lower_bound"].items() if k in
                      ("year", "month", "day", "hour", "minute") and isinstance(v, int)}
            total += 1
            right += right_date(items, start, end, fields)
    return right, total


def row_nothing(system, cases) -> tuple[int, int]:
    todo = [c for c in cases if c["expected"] == [] and c["component"] in ("normalize_numexp", "number_normalizer")]
    return sum(not system.run(c["input"]) for c in todo), len(todo)


def row_gold(system, lines, gold, strict=False) -> tuple[int, int]:
    right = 0
    for g in gold:
        line = lines[g["line"] - 1]
        start = line.index(g["text"])
        end = start + len(g["text"])
        if g["kind"] == "date":
            ok = right_date(system.items(line), start, end, _iso_fields(g["value"]))
        else:
            ref = (g["value"], g["value"]) if g.get("value") is not None else _interval(g.get("low"), g.get("high"))
            ok = right_number(system.items(line), start, end, ref)
        if ok and strict:
            ok = any(a["text"] == g["text"] and a["kind"] == g["kind"] and a["unit"] == g.get("unit")
                     and a["approximate"] == g.get("approximate", False) for a in system.run(line))
        right += ok
    return right, len(gold)


def row_date_cases(path: Path) -> tuple[int, int]:
    """Hand-labelled sentences of tests/extract/cases (ours only, their conventions): a case is
    right when every amount of the sentence is found with all its fields and nothing else is."""
    fields = ("text", "kind", "value", "low", "high", "unit", "approximate")
    cases = json.loads(path.read_text(encoding="utf-8"))["cases"]
    right = 0
    for c in cases:
        want = [tuple(a.get(k, False if k == "approximate" else None) for k in fields) for a in c["amounts"]]
        right += [tuple(a[k] for k in fields) for a in extract_amounts(c["text"])] == want
    return right, len(cases)


# --------------------------------------------------------------------------- speed
def speed(system, texts: list[str], repeat: int) -> float:
    for t in texts[:20]:  # warm-up (dictionary load, caches)
        system.run(t)
    chars = sum(map(len, texts)) * repeat
    t0 = time.perf_counter()
    for _ in range(repeat):
        for t in texts:
            system.run(t)
    return chars / (time.perf_counter() - t0)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5, help="passes over the texts for the speed figure")
    args = ap.parse_args(argv)

    kanji = json.loads(KANJI_CASES.read_text(encoding="utf-8"))
    pnne = json.loads(PNNE_CASES.read_text(encoding="utf-8"))
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["amounts"]

    systems = [Ours()]
    try:
        systems.append(PyNormalizeNumExp())
    except ImportError:
        print("pyNormalizeNumExp is not installed (pip install pynormalizenumexp==0.3.4): "
              "showing ja-transcript only\n")

    rows = [
        ("numeral strings", lambda s: row_numerals(s, kanji)),
        ("invalid numerals rejected", lambda s: row_invalid(s, kanji)),
        ("numbers in text", lambda s: row_found_numbers(s, kanji)),
        ("pNNE numerical", lambda s: row_pnne(s, pnne, {"numerical_expr_normalizer", "normalize_numexp"})),
        ("pNNE numbers", lambda s: row_pnne(s, pnne, {"number_normalizer"})),
        ("pNNE dates", lambda s: row_pnne_dates(s, pnne)),
        ("pNNE nothing to find", lambda s: row_nothing(s, pnne)),
        ("gold amounts (sample)", lambda s: row_gold(s, lines, gold)),
    ]
    width = 28
    print(f"{'cases':<{width}}" + "".join(f"{s.name:>20}" for s in systems))
    for label, fn in rows:
        cells = []
        for s in systems:
            r, n = fn(s)
            cells.append(f"{r:>4}/{n:<4} {100 * r / n:5.1f}%")
        print(f"{label:<{width}}" + "".join(f"{c:>20}" for c in cells))
    r, n = row_gold(systems[0], lines, gold, strict=True)
    print(f"{'gold amounts, strict':<{width}}{f'{r:>4}/{n:<4} {100 * r / n:5.1f}%':>20}{'':>20}")
    for label, path in (("dates cases (development)", DATE_CASES), ("dates cases (held out)", DATE_HELDOUT)):
        r, n = row_date_cases(path)
        print(f"{label:<{width}}{f'{r:>4}/{n:<4} {100 * r / n:5.1f}%':>20}{'':>20}")

    texts_cases = [c["input"] for c in kanji if isinstance(c["input"], str)] + [c["input"] for c in pnne]
    corpora = [("sample transcript, by line", lines), ("case inputs", texts_cases)]
    print(f"\n{'characters per second':<{width}}" + "".join(f"{s.name:>20}" for s in systems)
          + ("         ratio" if len(systems) > 1 else ""))
    for label, texts in corpora + [("all of the above", lines + texts_cases)]:
        rates = [speed(s, texts, args.repeat) for s in systems]
        ratio = f"{rates[0] / rates[1]:13.1f}x" if len(rates) > 1 else ""
        print(f"{label:<{width}}" + "".join(f"{r:>20,.0f}" for r in rates) + ratio)
    return 0


if __name__ == "__main__":
    sys.exit(main())
