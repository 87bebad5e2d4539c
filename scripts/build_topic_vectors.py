"""Build src/ja_transcript/data/topic_vectors.npz from the word vectors of ja_ginza.

The source is the `vocab/` directory of the ja_ginza model package (5.3.0): spaCy vectors
pruned to 20,000 rows, every one of its 480,443 keys mapped to the row of its own or of its
nearest frequent word. Those vectors are chiVe's (Works Applications, Apache License 2.0;
word2vec trained on the NWJC web corpus, keyed by SudachiPy's normalized form); ja_ginza is
MIT-licensed. It is a build-time input only: the project does not depend on ja_ginza.

    pip download --no-deps ja-ginza==5.3.0 && unzip ja_ginza-5.3.0-py3-none-any.whl -d ginza
    python scripts/build_topic_vectors.py ginza/ja_ginza/ja_ginza-5.3.0/vocab \\
        --out src/ja_transcript/data/topic_vectors.npz

Kept: the keys in Japanese script (kana or kanji) that wordfreq counts (Zipf 1 and over: a
word written once in ten million words or more), as words; the 20,000 rows reduced to their
first DIMENSIONS principal components (centred) and stored as int8 with one scale (1.6 MB).
What the corrector asks of them is whether a term fits a line better than the word heard
there, a difference of cosines with the mean of the line's words. Measured on the dev part of
the correction benchmark (4 December 2026), 128 dimensions scored no better than 64 (recall
0.845 against 0.849 at the same precision) and 32 kept less of the 300-dimension fits.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np

DIMENSIONS = 64
MIN_ZIPF = 1.0
_JAPANESE = re.compile(r"[\u3041-\u30ff\u3400-\u9fff々]")


def build(vocab: Path, dimensions: int = DIMENSIONS, min_zipf: float = MIN_ZIPF):
    from spacy.strings import StringStore
    from spacy.vectors import Vectors

    from ja_transcript.correct.confidence import zipf

    vectors = Vectors().from_disk(vocab)
    strings = StringStore().from_disk(vocab / "strings.json")
    rows = {int(k): int(r) for k, r in vectors.key2row.items()}
    words = sorted(w for w in strings if strings[w] in rows and _JAPANESE.search(w) and "\n" not in w
                   and zipf(w) >= min_zipf)
    data = np.asarray(vectors.data, dtype=np.float64)
    data /= np.linalg.norm(data, axis=1, keepdims=True)
    centred = data - data.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ vt[:dimensions].T
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True)
    scale = float(np.abs(reduced).max() / 127.0)
    quantized = np.round(reduced / scale).astype(np.int8)
    return {"words": np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8),
            "rows": np.array([rows[strings[w]] for w in words], dtype=np.uint16),
            "vectors": quantized, "scale": np.array(scale)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("vocab", type=Path, help="ja_ginza's vocab/ directory")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--dimensions", type=int, default=DIMENSIONS)
    args = ap.parse_args(argv)
    arrays = build(args.vocab, args.dimensions)
    tmp = args.out.with_suffix(".tmp.npz")
    np.savez_compressed(tmp, **arrays)
    tmp.replace(args.out)
    print(f"{args.out}: {len(arrays['rows'])} words, {arrays['vectors'].shape} rows, "
          f"{args.out.stat().st_size / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
