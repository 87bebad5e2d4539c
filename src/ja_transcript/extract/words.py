"""The word lists of the evidentiality, claim and entity rules, from `data/words.toml`.

    >>> "多分" in table("evidentiality", "guess_adverbs")
    True
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources


@cache
def _tables() -> dict:
    return tomllib.loads(resources.files("ja_transcript").joinpath("data/words.toml").read_text("utf-8"))


def table(part: str, name: str) -> frozenset[str]:
    """The words of table `name` of `part` (evidentiality, claims, entities)."""
    return frozenset(_tables()[part][name]["words"])
