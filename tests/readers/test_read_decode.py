import codecs
import json
from pathlib import Path

import pytest

from ja_transcript.errors import TranscriptError
import ja_transcript.readers.decode as decode_module
from ja_transcript.readers import read_path
from ja_transcript.readers.decode import decode, foreign_share, japanese_score

FIXTURES = Path(__file__).parent / "fixtures"
ORIGINAL = (FIXTURES / "text_utf8_lf_final.txt").read_bytes().decode("utf-8").split("\n")[:-1]
ROOT = Path(__file__).resolve().parents[2]
SEED = next((p for p in [ROOT / "corpus" / "iwami_coreweave_news.txt",
                         ROOT.parent / "shared" / "eval" / "seed" / "iwami_coreweave_news.txt"] if p.exists()),
            ROOT / "corpus" / "iwami_coreweave_news.txt")

ENCODED = {
    "text_utf8_bom_crlf_final.txt": "utf-8-sig",
    "text_utf8_cr_nofinal.txt": "utf-8",
    "text_utf16le_bom_crlf_final.txt": "utf-16",
    "text_utf16be_bom_lf_nofinal.txt": "utf-16",
    "text_utf16le_nobom_lf_final.txt": "utf_16_le",
    "text_cp932_crlf_nofinal.txt": "cp932",
    "text_cp932_lf_final.txt": "cp932",
    "text_eucjp_lf_nofinal.txt": "euc_jp",
    "text_eucjp_crlf_final.txt": "euc_jp",
    "text_iso2022jp_lf_final.txt": "iso2022_jp",
}


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_every_encoding_fixture_reads_as_the_utf8_original(name):
    result = read_path(FIXTURES / name)
    assert result.errors == []
    (transcript,) = result.transcripts
    assert [line.text for line in transcript.lines] == ORIGINAL
    assert [line.n for line in transcript.lines] == list(range(1, len(ORIGINAL) + 1))
    assert transcript.encoding == ENCODED[name]


def test_cp932_extension_characters_are_read_exactly():
    expected = (FIXTURES / "cp932_extended.utf8.txt").read_text(encoding="utf-8")
    text, codec = decode((FIXTURES / "cp932_extended.cp932.txt").read_bytes(), "x.txt")
    assert (text, codec) == (expected, "cp932")


@pytest.mark.parametrize("bom,codec", [(codecs.BOM_UTF8, "utf-8"), (b"", "utf-16"), (b"", "utf-32")])
def test_byte_order_marks_are_stripped(bom, codec):
    data = bom + "はい。\n".encode(codec)
    assert decode(data, "x.txt").text == "はい。\n"


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-32"])
@pytest.mark.parametrize("encoding", [None, "given"])
def test_only_the_mark_is_stripped_not_a_zwnbsp_after_it(codec, encoding):
    # the mark is the encoding's signature; a U+FEFF after it is a character of the text
    data = "\ufeffはい。".encode(codec)
    assert decode(data, "x.txt", encoding=codec if encoding else None).text == "\ufeffはい。"


def test_a_few_words_among_much_ascii_are_read_in_their_encoding():
    # EUC-JP hiragana and 、 are also valid CP932 (half-width katakana, ｡｢､ｬ): ranked over all
    # characters, the JSON around them made a tie, which charset-normalizer gave to CP932
    segments = [{"id": 0, "seek": 0, "start": 47.176, "end": 52.365, "text": "SoftB、"},
                {"id": 1, "seek": 0, "start": 52.365, "end": 53.038, "text": " SoftBank Groupが"}]
    text = json.dumps(segments, ensure_ascii=False, indent=1)
    assert decode(text.encode("euc_jp"), "x.json") == (text, "euc_jp")


def test_explicit_encoding_wins_and_strips_a_bom():
    data = "日本語".encode("euc_jp")
    assert decode(data, "x.txt", encoding="euc-jp") == ("日本語", "euc_jp")
    assert decode(codecs.BOM_UTF8 + b"abc", "x.txt", encoding="utf-8").text == "abc"
    # Valid CP932 bytes read as Latin-1 when the caller says so: the caller's word wins.
    assert decode("あ".encode("cp932"), "x.txt", encoding="latin-1").text == "\x82\xa0"


def test_wrong_explicit_encoding_says_where_and_what_to_do():
    with pytest.raises(TranscriptError) as err:
        decode("①".encode("cp932"), "ep1.txt", encoding="shift_jis")
    message = str(err.value)
    assert "ep1.txt" in message and "shift_jis" in message and "offset 0" in message and "cp932" in message


def test_unknown_encoding_name():
    with pytest.raises(TranscriptError, match=r"Unknown encoding 'klingon' for ep1\.txt"):
        decode(b"abc", "ep1.txt", encoding="klingon")


@pytest.mark.parametrize("data,what", [
    ((FIXTURES / "image.png").read_bytes(), "PNG image"),
    (b"ID3\x04\x00\x00\x00\x00\x00\x00\xff\xfb\x90", "MP3 audio"),
    (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "ZIP archive"),
    (b"\x00\x01\x02\x03\xfe\xff\x00\x10\x80\x81\x00", "NUL bytes"),
])
def test_binary_input_is_refused_by_name(data, what):
    with pytest.raises(TranscriptError) as err:
        decode(data, "clip.bin")
    assert "clip.bin" in str(err.value) and what in str(err.value)


def test_undecodable_bytes_ask_for_utf8_or_encoding():
    with pytest.raises(TranscriptError) as err:
        decode(b"\x80\xa0\xfd\xfe\xff" * 4, "old.txt")
    assert "old.txt" in str(err.value) and "UTF-8" in str(err.value) and "--encoding" in str(err.value)


def test_ties_go_to_charset_normalizer_or_ask_for_an_encoding(monkeypatch):
    data = ("今日は外で作業してきました。" * 8).encode("cp932")
    monkeypatch.setattr(decode_module, "japanese_score", lambda text: 1.0)
    monkeypatch.setattr(decode_module, "foreign_share", lambda text: 0.0)
    assert decode(data, "x.txt").encoding == "cp932"

    class NoAnswer:
        def best(self):
            return None

    monkeypatch.setattr("charset_normalizer.from_bytes", lambda *args, **kwargs: NoAnswer())
    with pytest.raises(TranscriptError, match="Cannot decide the encoding of x.txt"):
        decode(data, "x.txt")


def test_scores():
    assert japanese_score("暗号資産が急騰した。") == 1.0
    wrong = "暗号資産が急騰した。".encode("euc_jp").decode("cp932", errors="replace")
    assert japanese_score(wrong) < 0.5
    assert foreign_share("こんにちは、①㈱※") == 0.0


def _seed_samples():
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line]
    return lines + [line[i:i + 5] for line in lines for i in range(0, len(line), 7)]


@pytest.mark.skipif(not SEED.exists(), reason="needs the sample transcript")
@pytest.mark.parametrize("codec", ["cp932", "euc_jp", "utf_16_le", "utf_16_be", "iso2022_jp"])
def test_detection_on_short_seed_snippets(codec):
    """Every seed line, and 5-character snippets of them, with a newline, decode exactly.

    UTF-16 without a byte-order mark is only recognizable with an ASCII character (here
    the newline); charset-normalizer alone gets none of these right and leaves many
    short CP932/EUC-JP snippets undecided.
    """
    wrong = []
    samples = _seed_samples()
    for sample in samples:
        data = (sample + "\n").encode(codec)
        try:
            text = decode(data, "x.txt").text
        except TranscriptError:
            text = None
        if text != sample + "\n":
            wrong.append(sample)
    assert len(samples) > 600
    # A 5-character snippet can be valid UTF-8 by chance (e.g. 速 in EUC-JP is C2 AE, "®").
    assert len(wrong) <= len(samples) // 200, wrong[:10]


def test_invalid_utf8_names_the_byte_its_offset_line_and_column():
    from ja_transcript.readers import read_bytes

    data = "はい、そうです。\n今日は".encode() + b"\xff\xfe\x80" + "です。".encode()
    (error,) = read_bytes(data, "ep.txt").errors
    assert "ep.txt" in str(error) and "byte 0xff at offset 34 (line 2, column 10)" in str(error)
