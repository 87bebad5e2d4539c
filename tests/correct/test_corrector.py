"""The corrector's choice among candidate edits (`_select`)."""

import time

from hypothesis import given, settings, strategies as st

from ja_transcript.correct.corrector import Edit, _select


def naive_select(text, edits, protected):
    """The rule as first written: every chosen span and protected span compared."""
    chosen, taken = [], []
    for edit in sorted(edits, key=lambda e: (-e.confidence, -(e.end - e.start), e.start)):
        if any(edit.start < b and a < edit.end for a, b in taken):
            continue
        if any(edit.start < b and a < edit.end and not (edit.start <= a and b <= edit.end
                                                         and text[a:b] in edit.replacement)
               for a, b in protected):
            continue
        chosen.append(edit)
        taken.append((edit.start, edit.end))
    return sorted(chosen, key=lambda e: e.start)


spans = st.tuples(st.integers(0, 30), st.integers(1, 8)).map(lambda t: (t[0], t[0] + t[1]))
edits = st.lists(st.tuples(spans, st.sampled_from(["ab", "abcab", "x"]), st.sampled_from([0.6, 0.8, 0.9])).map(
    lambda t: Edit(t[0][0], t[0][1], "", t[1], None, None, "reading", t[2])), max_size=25)


@settings(max_examples=200, deadline=None)
@given(edits, st.lists(spans, max_size=8))
def test_select_is_the_greedy_rule(found, protected):
    text = "abcab" * 8
    assert _select(text, found, protected) == naive_select(text, found, protected)


def test_select_is_not_quadratic_in_the_edits_of_a_long_line():
    # 18,000 x ㊤ gave 9,000 candidate edits (㊤㊤ reads ジョウジョウ like 上場): 50 s, now well under one
    found = [Edit(2 * i, 2 * i + 2, "㊤㊤", "上場", "上場", "TERM", "reading", 0.8) for i in range(20_000)]
    protected = [(40_000 + i, 40_001 + i) for i in range(0, 20_000, 2)]
    t0 = time.perf_counter()
    assert len(_select("㊤" * 60_000, found, protected)) == 20_000
    assert time.perf_counter() - t0 < 5

