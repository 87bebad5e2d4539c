"""Fuzz the pipeline with generated transcripts and count what happens.

    nice python benchmarks/fuzz.py [-n 100000] [--workers 1] [--seed 0] [--out benchmarks/results/fuzz/]

Each input comes from `tests/transcript_gen.py` (case i depends only on the seed and i) and
goes through the pipeline in-process, one `Pipeline` per worker process: a str through
`Pipeline.process_text`, bytes written to a file through `Pipeline.process_path`; every
document is written with the JSON writer (`to_json`), as the command line does. Counted:

- documents, and inputs refused with the project's own clear error (`TranscriptError`),
  by its code (R001 ...);
- exceptions of any other type, by type and where they were raised (the innermost frame in
  ja_transcript); the first few inputs of each are written to --out as reproducers
  (`<kind>-<i>.<suffix>` and `<kind>-<i>.meta.json` with the format and the expected lines);
- invariant failures, by kind (`ja_transcript.invariants.violation_kind`): every DESIGN.md
  invariant through `check_document`, the lines against the generator's expected raw lines
  (and a valid input refused counts as lost), and determinism: every --recheck-th input is
  processed again later, by another worker as a rule (another hash seed, caches filled by
  other inputs), and must give byte-identical JSON;
- inputs per second, and the slowest inputs (over --slow seconds they are written to --out
  too).

Exit status 1 if there was any exception or invariant failure, else 0. Re-run one input
with `--only I` (and the same --seed).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import sys
import tempfile
import time
import traceback
from collections import Counter, deque
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import transcript_gen  # noqa: E402

REPRODUCERS = 3  # written per kind of exception or failure

_pipeline = None
_tmp = None


def _init() -> None:
    global _pipeline, _tmp
    from ja_transcript.pipeline import Pipeline

    _pipeline = Pipeline()
    _tmp = tempfile.mkdtemp(prefix="ja-transcript-fuzz-")
    os.chdir(_tmp)  # inputs are named by a relative path, the same in every worker (it is in the document)


def _where(exc: BaseException) -> str:
    """The innermost frame of the traceback inside ja_transcript (else the innermost)."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "ja_transcript" in f.filename] or frames
    if not ours:
        return "?"
    f = ours[-1]
    path = f.filename.split("ja_transcript/")[-1] if "ja_transcript/" in f.filename else os.path.basename(f.filename)
    return f"{path}:{f.lineno} {f.name}"


def _documents(case) -> list:
    if isinstance(case.data, str):
        return [_pipeline.process_text(case.data, format=case.given_format)]
    path = "input" + case.suffix
    with open(path, "wb") as f:
        f.write(case.data)
    return _pipeline.process_path(path)


def _run(case) -> tuple[str, object, list[str]]:
    """('docs', json texts, violations) | ('error', code, []) | ('exception', (type, where, tb), [])."""
    from ja_transcript.errors import TranscriptError
    from ja_transcript.invariants import check_document
    from ja_transcript.writers import to_json

    try:
        docs = _documents(case)
        texts = [to_json(doc) for doc in docs]
    except TranscriptError as exc:
        return "error", getattr(exc, "code", None) or "no code", []
    except Exception as exc:  # noqa: BLE001 - counting them is the point
        return "exception", (type(exc).__name__, _where(exc), traceback.format_exc()[-3000:]), []
    violations = []
    if case.expected is not None and len(docs) != len(case.expected):
        violations.append(f"documents: {len(docs)}, the input has {len(case.expected)} transcripts")
    for k, doc in enumerate(docs):
        expected = case.expected[k] if case.expected is not None and k < len(case.expected) else None
        violations += check_document(doc.model_dump(mode="json"), expected)
    return "docs", texts, violations


def _case(seed: int, i: int, settings):
    return transcript_gen.generate(transcript_gen.random.Random(f"{seed}:{i}"), settings)


def _work(task: tuple) -> dict:
    seed, i, again, settings = task
    case = _case(seed, i, settings)
    t0 = time.perf_counter()
    kind, value, violations = _run(case)
    seconds = time.perf_counter() - t0
    # what the JSON was (or which error): the same input processed again must give the same
    digest = hashlib.sha256("".join(value).encode("utf-8", "surrogatepass")).hexdigest() if kind == "docs" \
        else f"{kind} {value if kind == 'error' else value[:2]}"
    if again:
        return {"i": i, "again": True, "digest": digest}
    out = {"i": i, "kind": kind, "seconds": seconds, "violations": violations, "documents": 0, "digest": digest}
    if kind == "docs":
        out["documents"] = len(value)
    elif kind == "error":
        out["code"] = value
        if case.expected is not None and value != "P003":  # P003: many records given to process_text
            out["violations"] = [f"refused: a valid input got error {value}"]
    else:
        out["exception"] = value
    return out


def _tasks(seed: int, count: int, recheck: int, settings):
    """Every input once; every `recheck`-th again after 64 others, so in another worker as a
    rule (each with its own hash seed), and after other inputs filled this one's caches."""
    later: deque[int] = deque()
    for i in range(count):
        yield seed, i, False, settings
        if recheck and i % recheck == 0:
            later.append(i)
        if later and later[0] <= i - 64:
            yield seed, later.popleft(), True, settings
    for i in later:
        yield seed, i, True, settings


def _save(out_dir: Path, name: str, seed: int, i: int, settings, info: dict) -> None:
    case = _case(seed, i, settings)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"{name}-{i}"
    data = case.data if isinstance(case.data, bytes) else case.data.encode("utf-8", "surrogatepass")
    (out_dir / f"{stem}{case.suffix}").write_bytes(data)
    meta = {"seed": seed, "i": i, "rerun": f"python benchmarks/fuzz.py --seed {seed} --only {i}{_options(settings)}",
            **info,
            **case.describe()}
    (out_dir / f"{stem}.meta.json").write_text(json.dumps(meta, ensure_ascii=True, indent=1) + "\n", encoding="utf-8")


def _options(settings) -> str:
    """The command-line options that give `settings` (none for the defaults)."""
    default = transcript_gen.Settings()
    return "".join(f" --{name.replace('_', '-')} {getattr(settings, name)}" for name in ("long_line", "max_lines")
                   if getattr(settings, name) != getattr(default, name))


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in text)[:60].strip("_")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--inputs", type=int, default=100_000)
    parser.add_argument("--workers", "-j", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "fuzz",
                        help="reproducers go here (default benchmarks/results/fuzz/)")
    parser.add_argument("--recheck", type=int, default=10,
                        help="process every Nth input twice, the second time later (0: none)")
    parser.add_argument("--slow", type=float, default=20.0, help="save inputs slower than this (seconds)")
    parser.add_argument("--only", type=int, help="run input I alone and print what happens")
    parser.add_argument("--long-line", type=float, default=transcript_gen.Settings.long_line,
                        help="share of inputs with a line over SudachiPy's limit")
    parser.add_argument("--max-lines", type=int, default=transcript_gen.Settings.max_lines)
    args = parser.parse_args(argv)
    settings = transcript_gen.Settings(max_lines=args.max_lines, long_line=args.long_line)
    args.out = args.out.resolve()  # a worker in the main process works in its own folder

    if args.only is not None:
        _init()
        result = _work((args.seed, args.only, False, settings))
        again = _work((args.seed, args.only, True, settings))
        if result["kind"] == "exception":
            print(result["exception"][2], end="")
        if again["digest"] != result["digest"]:
            result["violations"].append("determinism: the same input gave other JSON the second time")
        print(json.dumps({k: v for k, v in result.items() if k != "exception"}, ensure_ascii=False, indent=1))
        return int(result["kind"] == "exception" or bool(result["violations"]))

    tasks = _tasks(args.seed, args.inputs, args.recheck, settings)
    digests: dict[int, str] = {}  # of inputs processed twice, until the second comes
    counts = Counter()
    codes, exceptions, failures = Counter(), Counter(), Counter()
    saved: Counter = Counter()
    slowest: list[tuple[float, int]] = []
    t0 = time.perf_counter()
    if args.workers > 1:
        pool = multiprocessing.get_context("spawn").Pool(args.workers, initializer=_init, maxtasksperchild=5000)
        results = pool.imap_unordered(_work, tasks, chunksize=8)
    else:
        pool = None
        _init()
        results = map(_work, tasks)
    from ja_transcript.invariants import violation_kind

    try:
        for r in results:
            if args.recheck and r["i"] % args.recheck == 0:
                first = digests.pop(r["i"], None)
                if first is None:
                    digests[r["i"]] = r["digest"]
                elif first != r["digest"]:
                    kind = "determinism: the same input gave other JSON the second time"
                    failures[kind] += 1
                    counts["failed inputs"] += 1
                    if saved[kind] < REPRODUCERS:
                        saved[kind] += 1
                        _save(args.out, "failure-determinism", args.seed, r["i"], settings, {"violations": [kind]})
            if r.get("again"):
                continue
            counts["inputs"] += 1
            done = counts["inputs"]
            counts["documents"] += r["documents"]
            slowest = sorted([*slowest, (r["seconds"], r["i"])], reverse=True)[:5]
            if r["seconds"] > args.slow and saved["slow"] < REPRODUCERS:
                saved["slow"] += 1
                _save(args.out, "slow", args.seed, r["i"], settings, {"seconds": r["seconds"]})
            if r["kind"] == "error":
                codes[r["code"]] += 1
            elif r["kind"] == "exception":
                name, where, tb = r["exception"]
                key = f"{name} at {where}"
                exceptions[key] += 1
                if saved[key] < REPRODUCERS:
                    saved[key] += 1
                    _save(args.out, "exception-" + _slug(key), args.seed, r["i"], settings, {"traceback": tb})
            kinds = sorted({violation_kind(v) for v in r["violations"]})
            for kind in kinds:
                failures[kind] += 1
                if saved[kind] < REPRODUCERS:
                    saved[kind] += 1
                    _save(args.out, "failure-" + _slug(kind), args.seed, r["i"], settings,
                          {"violations": r["violations"][:20]})
            counts["failed inputs"] += bool(kinds)
            if done % 1000 == 0:
                rate = done / (time.perf_counter() - t0)
                print(f"{done} inputs, {rate:.1f}/s, {sum(exceptions.values())} exceptions, "
                      f"{counts['failed inputs']} failing invariants", file=sys.stderr, flush=True)
    finally:
        if pool is not None:
            pool.terminate()
    seconds = time.perf_counter() - t0
    report = {
        "command": " ".join(["python", "benchmarks/fuzz.py", *(argv if argv is not None else sys.argv[1:])]),
        "inputs": counts["inputs"], "documents": counts["documents"],
        "clear errors": dict(sorted(codes.items())), "clear errors total": sum(codes.values()),
        "exceptions": dict(exceptions.most_common()), "exceptions total": sum(exceptions.values()),
        "invariant failures": dict(failures.most_common()), "inputs failing invariants": counts["failed inputs"],
        "seconds": round(seconds, 1), "inputs/s": round(counts["inputs"] / seconds, 1) if seconds else None,
        "slowest (s, input)": [(round(s, 2), i) for s, i in slowest],
    }
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return 1 if exceptions or counts["failed inputs"] else 0


if __name__ == "__main__":
    sys.exit(main())
