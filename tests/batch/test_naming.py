"""Output names fit every file system and never collide silently."""

from ja_transcript.batch.naming import MAX_NAME_BYTES, fit, input_names, record_name


def test_short_safe_names_are_kept():
    assert input_names(["in/ep01.txt", "in/sub/ep02.srt"])[0] == ["ep01", "ep02"]
    assert record_name("ep-01") == "ep-01" and record_name("第1回") == "第1回"


def test_long_stems_and_ids_are_cut_with_a_stable_hash():
    stem = "長" * 79  # 237 bytes: with ".json" and a temporary prefix, over 255
    (name,), _ = input_names([f"in/{stem}.txt"])
    assert len((name + ".json").encode()) <= MAX_NAME_BYTES + 5 < 255 - 20
    assert name == input_names([f"other/{stem}.txt"])[0][0]  # depends on the stem, not the run
    long_id = "x" * 300
    assert len(record_name(long_id).encode()) <= MAX_NAME_BYTES
    assert record_name(long_id) != record_name("x" * 301)


def test_ids_that_clean_to_one_name_get_different_names():
    names = {record_name(i) for i in ["a/b", "a_b", "a b", "a:b"]}
    assert len(names) == 4 and "a_b" in names


def test_same_stem_other_suffix_keeps_the_suffix_and_is_reported():
    names, clashes = input_names(["in/talk.srt", "in/talk.vtt", "in/other.txt"])
    assert names == ["talk.srt", "talk.vtt", "other"]
    assert clashes == [("talk", ["in/talk.srt", "in/talk.vtt"])]


def test_same_name_in_two_folders_gets_a_hash_of_its_path():
    names, _ = input_names(["a/ep.txt", "b/ep.txt"])
    assert names[0] != names[1] and all(n.startswith("ep.txt-") for n in names)
    assert names == input_names(["a/ep.txt", "b/ep.txt"])[0]  # deterministic


def test_fit_cuts_at_a_character_boundary():
    cut = fit("あ" * 100)
    cut.encode("utf-8")
    assert len(cut.encode()) <= MAX_NAME_BYTES
