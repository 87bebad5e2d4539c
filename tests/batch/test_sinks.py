"""Batch-wide streams come out in input order whatever order the jobs finish in."""

from ja_transcript.batch.sinks import BatchWriter, Targets
from ja_transcript.batch.work import Rendered


def doc(name: str) -> Rendered:
    return Rendered(None, f"{name}.json", "{}\n", {"jsonl": f"{name}\n"})


def test_jobs_finishing_out_of_order_stream_in_order(tmp_path):
    target = tmp_path / "all.jsonl"
    writer = BatchWriter(Targets(out=tmp_path / "docs", jsonl=str(target)), [0, 1, 2, 3])
    writer.document(2, doc("c1"))
    writer.document(0, doc("a1"))
    writer.document(1, doc("b1"))
    writer.finished(2)
    writer.document(0, doc("a2"))
    writer.finished(0)
    writer.document(1, doc("b2"))
    writer.document(3, doc("d1"))
    writer.finished(1)
    writer.finished(3)
    assert not target.exists()  # not before commit
    writer.commit()
    assert target.read_text().split() == ["a1", "a2", "b1", "b2", "c1", "d1"]
    assert sorted(p.name for p in (tmp_path / "docs").iterdir()) == ["a1.json", "a2.json", "b1.json", "b2.json",
                                                                     "c1.json", "d1.json"]


def test_abort_leaves_no_stream(tmp_path):
    target = tmp_path / "all.jsonl"
    writer = BatchWriter(Targets(jsonl=str(target)), [0])
    writer.document(0, doc("a"))
    writer.abort()
    assert list(tmp_path.iterdir()) == []


def test_nothing_is_kept_per_job_once_it_is_written(tmp_path):
    writer = BatchWriter(Targets(jsonl=str(tmp_path / "all.jsonl")), list(range(100)))
    for i in reversed(range(100)):  # the worst order: everything waits for the first
        writer.document(i, doc(f"d{i}"), files=False)
        writer.finished(i)
    assert not writer.held and not writer.done and writer.head == 100
    writer.commit()
    assert (tmp_path / "all.jsonl").read_text().split() == [f"d{i}" for i in range(100)]
