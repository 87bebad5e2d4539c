"""Big JSON Lines inputs read a record at a time give exactly what reading them whole gives."""

import json

from ja_transcript.readers import read_bytes
from ja_transcript.readers.stream import stream_jsonl

LINES = [
    json.dumps({"id": "a", "text": "はい。\nそうです。"}, ensure_ascii=False),
    "{bad",
    json.dumps({"id": "a", "title": "題", "segments": [{"start": 0, "end": 1.5, "text": " 字幕\u2028です"}]},
               ensure_ascii=False),
    "",
    json.dumps({"id": "a-2", "text": "三つ目"}, ensure_ascii=False),
    json.dumps({"text": "id なし"}, ensure_ascii=False),
]


def test_stream_gives_the_records_and_errors_of_a_whole_read(tmp_path):
    path = tmp_path / "big.jsonl"
    data = ("\ufeff" + "\r\n".join(LINES) + "\n").encode("utf-8")
    path.write_bytes(data)
    whole = read_bytes(data, str(path))
    sha256, items = stream_jsonl(str(path))
    items = list(items)
    assert sha256 == whole.transcripts[0].sha256
    assert [i for i in items if not isinstance(i, Exception)] == [
        t.__class__(**{**t.__dict__, "encoding": "utf-8"}) for t in whole.transcripts]
    assert [str(e) for e in items if isinstance(e, Exception)] == [str(e) for e in whole.errors]
    assert [t.record_id for t in whole.transcripts] == ["a", "a-3", "a-2", "6"]


def test_a_file_that_is_not_utf8_is_left_to_the_whole_read(tmp_path):
    path = tmp_path / "sjis.jsonl"
    path.write_bytes(json.dumps({"id": "a", "text": "こんにちは"}, ensure_ascii=False).encode("cp932") + b"\n")
    assert stream_jsonl(str(path)) is None


def test_batch_documents_do_not_depend_on_streaming(tmp_path, monkeypatch):
    from ja_transcript.batch.work import Job, run_job
    from ja_transcript.pipeline import Pipeline
    from ja_transcript.readers import stream

    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    pipeline = Pipeline()
    whole = list(run_job(pipeline, Job(0, str(path), "big")))
    monkeypatch.setattr(stream, "STREAM_BYTES", 0)
    streamed = list(run_job(pipeline, Job(0, str(path), "big")))
    docs = lambda ms: [m for m in ms if m.__class__.__name__ == "Rendered"]
    assert docs(streamed) == docs(whole) and len(docs(whole)) == 4
    assert sorted(m for m in streamed if m.__class__.__name__ == "Failed") == sorted(
        m for m in whole if m.__class__.__name__ == "Failed")
    assert streamed[-1] == whole[-1]


def test_ranges_read_apart_give_the_records_of_the_whole(tmp_path):
    from ja_transcript.readers.stream import records, scan

    path = tmp_path / "big.jsonl"
    data = ("\ufeff" + "\r\n".join(LINES) + "\r" + LINES[0] + "\n" + LINES[4] + "\n").encode("utf-8")
    path.write_bytes(data)
    whole = read_bytes(data, str(path))
    for size in (1, 2, 3, 100):
        found = scan(str(path), records_per_range=size)
        items = [item for part in found.ranges for item in records(str(path), found, part)]
        assert [i.record_id for i in items if not isinstance(i, Exception)] == [t.record_id for t in whole.transcripts]
        assert [i.lines for i in items if not isinstance(i, Exception)] == [t.lines for t in whole.transcripts]
        assert [str(e) for e in items if isinstance(e, Exception)] == [str(e) for e in whole.errors]
    assert len(scan(str(path), records_per_range=1).ranges) == 5  # two records share a line (a lone CR)


def test_stream_reads_times_in_the_given_unit_as_a_whole_read_does(tmp_path):
    # whole numbers, 0.25 characters a second as seconds: undecided without the unit given
    records = [{"id": "r1", "segments": [{"start": 12, "end": 20, "text": "はい"}]},
               {"id": "r2", "segments": [{"start": 40, "end": 52, "text": "どうも"}]}]
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    _, undecided = stream_jsonl(str(path))
    assert [getattr(e, "code", None) for e in undecided] == ["R025", "R025"]
    _, items = stream_jsonl(str(path), time_unit="ms")
    streamed = list(items)
    whole = read_bytes(path.read_bytes(), str(path), time_unit="ms")
    assert [(t.time_unit, t.lines[0].start) for t in streamed] == [("ms", 0.012), ("ms", 0.04)]
    assert streamed == [t.__class__(**{**t.__dict__, "encoding": "utf-8"}) for t in whole.transcripts]
