from hypothesis import assume, given
from hypothesis import strategies as st

from ja_transcript.readers import read_bytes
from ja_transcript.readers.text import split_lines


def _texts(data: bytes, path: str = "a.txt") -> list[str]:
    result = read_bytes(data, path)
    assert result.errors == []
    return [line.text for line in result.transcripts[0].lines]


def test_line_numbers_and_blank_lines():
    (transcript,) = read_bytes("題名\n\n本文です。\n".encode(), "ep1.txt").transcripts
    assert [(line.n, line.text) for line in transcript.lines] == [(1, "題名"), (2, ""), (3, "本文です。")]
    assert all(line.start is None and line.end is None for line in transcript.lines)
    assert (transcript.format, transcript.path, transcript.title, transcript.record_id) == \
        ("txt", "ep1.txt", None, None)


def test_line_terminators_and_final_newline():
    assert _texts("あ\r\nい\rう\nえ".encode()) == ["あ", "い", "う", "え"]
    assert _texts("あ\n".encode()) == ["あ"]
    assert _texts("あ\n\n".encode()) == ["あ", ""]
    assert _texts(b"") == []
    assert _texts(b"\r\n") == [""]


def test_only_real_line_terminators_split():
    # Form feed, NEL, U+2028 are characters of the line, not breaks: line numbers match editors'.
    assert _texts("あ\x0cい\x85う\u2028え\n".encode()) == ["あ\x0cい\x85う\u2028え"]


def test_text_is_kept_exactly():
    line = "\u3000全角スペース、末尾の空白  \t"
    assert _texts((line + "\n").encode()) == [line]


def test_utf8_bom_is_not_part_of_the_first_line():
    assert _texts(b"\xef\xbb\xbf" + "一行目\n".encode()) == ["一行目"]


_LINE = st.text(st.characters(blacklist_characters="\r\n\x00\ufeff", blacklist_categories=("Cs",)), max_size=12)


@given(lines=st.lists(_LINE, max_size=8), crlf=st.booleans(), final=st.booleans(),
       codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_written_lines_read_back(lines, crlf, final, codec):
    # Without a final newline a last empty line cannot be written: "a\n" is ["a"], not ["a", ""].
    assume(final or not lines or lines[-1] != "")
    sep = "\r\n" if crlf else "\n"
    text = sep.join(lines) + (sep if final and lines else "")
    assert _texts(text.encode(codec)) == lines


@given(st.text(max_size=30))
def test_split_lines_rejoins(text):
    lines = split_lines(text)
    assert all("\n" not in line and "\r" not in line for line in lines)
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    assert "\n".join(lines) == normalized.removesuffix("\n")
