"""Random transcripts, for the property tests (tests/test_invariants.py) and the fuzz run
(benchmarks/fuzz.py).

`generate(rng)` draws one input from a `random.Random` (or hypothesis' `st.randoms()`, which
then shrinks it) and returns a `Case`:

- `data`: the input, a `str` (give it to `process_text`, with `given_format`) or `bytes`
  (write them to a file named `"input" + suffix` and give that to `process_path`; now and
  then the suffix says nothing, .dat, and the content tells the format);
- `format`: what it is (txt, srt, vtt, whisper_json, jsonl: every format the readers accept,
  in the shapes they accept: openai-whisper, whisper.cpp and Hugging Face JSON, records
  with "text" or "segments");
- `expected`: where that is knowable, the raw lines (line, cue or segment texts) of each
  transcript in it, as the readers must give them (one tuple per document); None where
  it is not (bytes whose encoding cannot be told from them, a record that is no record).

What goes in: lines of the repository's real transcripts and phrases that make every
stage work (misheard names, amounts, hedges, headings), cut and mixed with runs of every
script (hiragana, katakana also half-width, kanji also rare and astral, Latin and
full-width letters, digits and kanji numerals), punctuation that SudachiPy rewrites
(… ‥ ‼ ⁉), enclosed and compatibility characters (⑴ ㈱ ㍿), control characters and NUL,
combining marks, variation selectors, private use and unassigned code points, emoji
sequences, and lone surrogates (in a str, or escaped in JSON); lines repeated, looped
and restarted; blank and whitespace-only lines; CR, LF and CRLF line ends, mixed; now and
then a line longer than SudachiPy's 49,149-byte limit. Bytes are UTF-8 (with or without a
byte-order mark), UTF-16, or, for plain Japanese, CP932, EUC-JP or ISO-2022-JP.

    >>> import random
    >>> case = generate(random.Random(7))
    >>> case.format in FORMATS and isinstance(case.data, (str, bytes))
    True
    >>> generate(random.Random(7)) == case  # a seed gives one case
    True
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from ja_transcript.readers.subtitles import join_layout_lines
from ja_transcript.readers.whisper import split_sentences

FORMATS = ("txt", "srt", "vtt", "whisper_json", "jsonl")
SUFFIXES = {"txt": ".txt", "srt": ".srt", "vtt": ".vtt", "whisper_json": ".json", "jsonl": ".jsonl"}
SUDACHI_LIMIT = 49_149  # bytes (DESIGN.md: facts learnt the hard way)


@dataclass(frozen=True)
class Case:
    format: str
    data: str | bytes
    given_format: str | None = None  # for a str: the format to pass to process_text (None: detect)
    expected: tuple[tuple[str, ...], ...] | None = None
    encoding: str | None = None  # the codec of bytes
    file_suffix: str | None = None  # another suffix for the file (.dat: its content tells the format)

    @property
    def suffix(self) -> str:
        return self.file_suffix if self.file_suffix is not None else SUFFIXES[self.format]

    def describe(self) -> dict:
        """What to write beside a reproducer."""
        return {"format": self.format, "kind": "str" if isinstance(self.data, str) else "bytes",
                "given_format": self.given_format, "encoding": self.encoding,
                "expected": None if self.expected is None else [list(t) for t in self.expected]}


@dataclass(frozen=True)
class Settings:
    """How often the rarer things happen (probabilities per transcript unless said)."""

    max_lines: int = 40
    noise: float = 0.35  # a line gets odd characters
    long_line: float = 0.01  # a line over SudachiPy's limit
    bytes_share: float = 0.5  # bytes for a file rather than a str
    damaged: float = 0.1  # the input is then cut, spliced or sprinkled with junk (no expected lines)


# --- what lines are made of ---------------------------------------------------------------------

_ROOT = Path(__file__).resolve().parent.parent


def _source_lines() -> tuple[str, ...]:
    """The lines of the repository's transcripts (sorted files, so the same everywhere)."""
    files = sorted((_ROOT / "corpus").glob("*.txt")) + sorted((_ROOT / "tests" / "e2e").glob("*.txt"))
    lines = []
    for path in files:
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return tuple(lines) or PHRASES


PHRASES = (
    "暗号試算の価格が給投したらしい。", "今回のオープンAIとCoreWebの契約は40億ドルって言ったかな。",
    "ソフトバンクが…", "コアビーブのマイナー企業だったんですけど、", "サツタバで叩くっていうね。",
    "百何十億ドルの契約", "20%くらいのきなみ上がったっていうね。", "株価が急凍したそうです。",
    "数千人が集まったと聞いた。", "十数社が参加するみたい。", "5月17日の記事によると、", "2割くらいかな",
    "三千五百万円くらいだと思います。", "１２３，４５６円", "約3.5倍になった", "何兆円という話",
    "はい。", "うん", "えー、そうなんだ。", "そうそう", "なるほどね。", "[音楽]", "（笑）", "♪～",
    "仮想通貨とAIの関係", "第2章 まとめ", "今日のテーマ", "NVIDIAのGPU", "Node.jsの3.5系",
    "たぶん明日は雨が降るでしょう。", "降りそうだね", "降るそうだ。", "男らしい", "かもしれない。",
    "ｺｱｳｨｰﾌﾞ", "ＣｏｒｅＷｅａｖｅ", "㈱ソフトバンク", "㍿", "⑴まず", "①次に", "Ⅱ期", "10㌔", "３℃",
    "!?", "‼", "⁉", "…‥", "、、、", "。。", "！？", "〜", "ー", "・・・", "※", "→",
)


def _lexicon_aliases() -> tuple[str, ...]:
    path = _ROOT / "src" / "ja_transcript" / "data" / "default_lexicon.jsonl"
    aliases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            entry = json.loads(line)
            aliases += [entry["pattern"], entry["id"]]
    return tuple(dict.fromkeys(aliases))


_SOUND_ALIKE = {"ビ": "ウィ", "ヴ": "ブ", "ー": "", "ウィ": "ビ", "ア": "ァ", "イ": "ィ", "ス": "ズ", "ト": "ド",
                "カ": "ガ", "シ": "ジ", "ン": "ム", "ク": "グ", "a": "e", "e": "a", "o": "", "r": "l", "v": "b"}
_TO_HALFWIDTH = str.maketrans("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンー",
                              "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｰ")


def misheard(rng: random.Random, alias: str) -> str:
    """A lexicon alias as a transcriber might mishear or mangle it."""
    what = rng.random()
    if what < 0.4:
        for heard, said in rng.sample(sorted(_SOUND_ALIKE.items()), 3):
            if heard in alias:
                alias = alias.replace(heard, said, 1)
    elif what < 0.5:
        alias = alias.translate(_TO_HALFWIDTH)
    elif what < 0.6:
        alias = alias.swapcase()
    elif what < 0.75 and len(alias) > 1:  # something inside the name
        at = rng.randint(1, len(alias) - 1)
        inside = rng.choice((" ", "・", "\u3000", "\u200b", "\u0301", "\u3099", "ー", "…", "\ufe0f"))
        alias = alias[:at] + inside + alias[at:]
    elif what < 0.85:
        alias = alias + alias[-rng.randint(1, len(alias)):]  # a stutter at its end
    return alias


_UNITS = ("円", "ドル", "ユーロ", "元", "ウォン", "%", "％", "パーセント", "割", "分", "倍", "人", "社", "本", "件",
          "年", "月", "日", "時間", "分間", "秒", "キロ", "㌔", "km", "億円", "兆ドル", "万人", "ドル台", "BTC")
_HEDGES = ("約", "およそ", "ほぼ", "大体", "")
_AFTER = ("くらい", "ぐらい", "程度", "ほど", "以上", "未満", "以下", "超", "前後", "ちょっと", "強", "弱", "余り",
          "台", "", "", "")


def amount(rng: random.Random) -> str:
    """A spoken figure: numerals of every kind, a unit, hedges and bounds, ranges."""
    def figure() -> str:
        kind = rng.random()
        if kind < 0.3:
            return str(rng.choice((0, 1, 7, 20, 40, 100, 3.5, 1000, 10 ** rng.randint(3, 30), rng.randint(0, 10 ** 9))))
        if kind < 0.4:
            return f"{rng.randint(0, 10 ** 7):,}".translate(str.maketrans("0123456789,", "０１２３４５６７８９，"))
        if kind < 0.7:
            return "".join(rng.choice("一二三四五六七八九十百千万億兆何数十〇") for _ in range(rng.randint(1, 8)))
        if kind < 0.8:
            return rng.choice(("百何十億", "何兆", "数千", "十数", "数十万", "二〇二四", "三千五百万", "1億2000万",
                               "4０億", "2.5", "0.001", "１．５", "五分五分", "半", "一兆二千億"))
        return "".join(rng.choice(DIGITS) for _ in range(rng.randint(1, 80)))
    text = rng.choice(_HEDGES) + figure() + rng.choice(_UNITS) + rng.choice(_AFTER)
    if rng.random() < 0.2:
        text += rng.choice(("〜", "~", "から", "－", "-", "から", "か")) + figure() + rng.choice(_UNITS)
    if rng.random() < 0.15:
        text = rng.choice(("5月17日", "2024年", "昨年の", "10月", "来月の")) + text
    return text


_MARKERS = ("らしい", "らしいです", "そうです", "そうだ", "って聞いた", "っていうね", "という", "によると", "みたい",
            "っぽい", "かな", "かもしれない", "でしょう", "だろう", "と思う", "と思います", "ようだ", "たぶん", "って言ってた")


HIRAGANA = [chr(c) for c in range(0x3041, 0x3097)] + list("ゝゞー")
KATAKANA = [chr(c) for c in range(0x30A1, 0x30FB)] + list("ー・ヽヾ")
HALFWIDTH = [chr(c) for c in range(0xFF61, 0xFFA0)]
KANJI = list("日本語会社株価急騰暗号資産円ドル億兆万千百十一二三四五六七八九〇零何数今回契約話記事東京大阪") \
    + list("々〆") + ["𠮷", "𩸽", "㐂", "鿕", "丶"]
LATIN = list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") + ["CoreWeave", "OpenAI", "GPU", "the"]
FULLWIDTH = [chr(c) for c in range(0xFF01, 0xFF5F)]
DIGITS = list("0123456789０１２３４５６７８９一二三四五六七八九十百千万億兆〇零壱弐参拾") + ["1,000", "3.14", "1e10"]
PUNCT = list("…‥‼⁉、。！？!?.,，．「」『』（）()［］【】〈〉《》・〜～ー―‐-_:;：；'\"“”‘’〃〽※→♪☆★") \
    + ["\u3000", " ", "\t"]
ENCLOSED = list("⑴⑵⒇①②⑳⓪❶㈱㈲㈹㍿㌔㌢㍍㍻㎏㎞㎡℃№℡Ⅰⅱⅻ㋀㋿㉑㊤㊙ﾞﾟ゛゜ﹰ﹅﹙︵ｰ")
CONTROL = [chr(c) for c in range(0x00, 0x20) if chr(c) not in "\n\r"] + [chr(0x7F)] \
    + [chr(c) for c in range(0x80, 0xA0)] + list("\u2028\u2029\u200b\u200c\u200d\u200e\u200f\u202e\u2066\u2069"
                                                  "\u00ad\ufeff\u2060\u180e\u061c")
COMBINING = [chr(c) for c in range(0x0300, 0x0370)] + list("\u3099\u309a\u20dd\u20e3\u0312\u1ab0\u0f71")
VARIATION = [chr(c) for c in range(0xFE00, 0xFE10)] + [chr(c) for c in (0xE0100, 0xE0101, 0xE01EF)]
PRIVATE = ["\ue000", "\uf8ff", "\ue8a0", "\U000f0000", "\U000ffffd", "\U00100000", "\U0010fffd"]
UNASSIGNED = ["\u0378", "\u0380", "\u2fe0", "\ufdd0", "\ufdef", "\ufffe", "\uffff", "\U0001fffe",
              "\U0003fffe", "\U000e0080", "\U0010ffff", "\u08b5", "\U0002fa20"]
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff", "\ud83d"]
OTHER = ["😀", "👍🏻", "👨\u200d👩\u200d👧", "🇯🇵", "1\ufe0f\u20e3", "한국어", "Привет", "مرحبا", "ไทย",
         "Ω", "ß", "İ", "ﬁ", "\ufffd", "½", "²", "ℌ"]

NOISE = (CONTROL, COMBINING, VARIATION, PRIVATE, UNASSIGNED, OTHER, ENCLOSED, HALFWIDTH, FULLWIDTH)
SCRIPTS = (HIRAGANA, KATAKANA, HALFWIDTH, KANJI, LATIN, FULLWIDTH, DIGITS, PUNCT, ENCLOSED)
BLANKS = ("", "", "", " ", "\t", "\u3000", "  \u3000 ")
HEADINGS = ("仮想通貨とAIの関係", "下味の付け方", "第3章", "まとめ", "オープニング", "今日のニュース", "Q&A")


# --- lines --------------------------------------------------------------------------------------

def _run(rng: random.Random, pools, n: int) -> str:
    pool = rng.choice(pools)
    return "".join(rng.choice(pool) for _ in range(n))


def _noisy(rng: random.Random, text: str, surrogates: bool) -> str:
    """`text` with a few odd characters put in at random places."""
    pools = NOISE + ((SURROGATES,) if surrogates else ())
    chars = list(text)
    for _ in range(rng.choice((1, 1, 2, 3, 6))):
        where = rng.randint(0, len(chars))
        chars.insert(where, _run(rng, pools, rng.choice((1, 1, 2, 4))))
    return "".join(chars)


def speech_line(rng: random.Random, sources: tuple[str, ...], settings: Settings, surrogates: bool) -> str:
    """A spoken line: real or stock phrases, cut and joined with runs of every script."""
    parts = []
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 5))):
        what = rng.random()
        if what < 0.45:
            line = rng.choice(sources)
            if rng.random() < 0.3:  # a piece of it
                a = rng.randint(0, len(line))
                line = line[a:a + rng.randint(1, 30)]
            parts.append(line)
        elif what < 0.6:
            parts.append(rng.choice(PHRASES))
        elif what < 0.68:
            parts.append(misheard(rng, rng.choice(_ALIASES)) + rng.choice(("の", "が", "は", "と", "", "…", "、")))
        elif what < 0.76:
            parts.append(amount(rng) + rng.choice(("の", "に", "", "、", "。")))
        else:
            parts.append(_run(rng, SCRIPTS, rng.randint(1, 12)))
    if rng.random() < 0.25:
        parts.append(rng.choice(_MARKERS) + rng.choice(("。", "", "ね。", "、", "？")))
    line = "".join(parts)
    if rng.random() < 0.05:  # ASR output with spaces between the characters
        line = " ".join(line)
    if rng.random() < 0.1:  # an in-line loop
        unit = line[:rng.randint(1, 8)] or "はい"
        line = unit * rng.randint(3, 30) + line
    if rng.random() < settings.noise:
        line = _noisy(rng, line, surrogates)
    return line


def long_line(rng: random.Random, sources: tuple[str, ...]) -> str:
    """A line over SudachiPy's input limit: joined real lines, a loop, or one character."""
    target = SUDACHI_LIMIT // rng.choice((3, 3, 2)) + rng.randint(1, 6000)
    what = rng.random()
    if what < 0.5:
        parts, size = [], 0
        while size < target:
            parts.append(rng.choice(sources))
            size += len(parts[-1])
        return "".join(parts)
    if what < 0.8:
        unit = rng.choice(PHRASES + ("ア", "は", "1", "a ", "…", "㍿"))
    else:
        unit = rng.choice(ENCLOSED + ["…", "‥", "\u3000", "\u200b", "\U0010fffd", "😀"])
    return unit * (target // len(unit) + 1)


def transcript_lines(rng: random.Random, settings: Settings, surrogates: bool) -> list[str]:
    """The lines of one transcript, none holding CR or LF."""
    sources = _SOURCES
    n = rng.choice((0, 1, 1, 2, 3, 5, 8, 12, 20, settings.max_lines))
    lines: list[str] = []
    if n and rng.random() < 0.3:
        lines.append(rng.choice(HEADINGS + sources[:1]))  # a title
    while len(lines) < n:
        what = rng.random()
        if what < 0.12 and lines:
            lines.append(rng.choice(lines[-3:]))  # an exact repeat
        elif what < 0.17 and lines:
            lines.append(lines[-1] + rng.choice(("ね", "よ", "。", "、", "ですね。")))  # a near repeat
        elif what < 0.21 and lines:
            k = rng.randint(1, min(4, len(lines)))
            lines.extend(lines[-k:] * rng.randint(1, 3))  # a looped block
        elif what < 0.25:
            line = speech_line(rng, sources, settings, surrogates)
            lines.extend((line[:max(1, len(line) // 3)] + "、", line))  # a restart
        elif what < 0.33:
            lines.append(rng.choice(BLANKS))
        elif what < 0.37:
            lines.append(rng.choice(HEADINGS))
        elif what < 0.40:
            lines.append(rng.choice(("はい。", "うん。", "ええ", "そうですね。", "はい")))
        else:
            lines.append(speech_line(rng, sources, settings, surrogates))
    if lines and rng.random() < settings.long_line:
        lines.insert(rng.randrange(len(lines) + 1), long_line(rng, sources))
    return [_LINE_END.sub(" ", line) for line in lines[:max(n, 1) * 4]]


_SOURCES: tuple[str, ...] = _source_lines()
_ALIASES: tuple[str, ...] = _lexicon_aliases()
_LINE_END = re.compile(r"[\r\n]")


# --- formats ------------------------------------------------------------------------------------

def _line_ends(rng: random.Random, lines: list[str]) -> list[str]:
    """A terminator per line: one kind for the file, or mixed; never CR then an empty line
    ended by LF (that reads as one CRLF)."""
    style = rng.choice(("\n", "\n", "\r\n", "\r", "mixed"))
    ends = []
    for i in range(len(lines)):
        end = rng.choice(("\n", "\r\n", "\r")) if style == "mixed" else style
        if i and ends[i - 1] == "\r" and lines[i] == "" and end == "\n":
            end = "\r\n"
        ends.append(end)
    return ends


def _join(rng: random.Random, lines: list[str], final: bool | None = None) -> str:
    if not lines:
        return ""
    ends = _line_ends(rng, lines)
    if lines[-1] == "" or (final if final is not None else rng.random() < 0.7):
        pass  # an empty last line needs its terminator to exist
    else:
        ends[-1] = ""
    return "".join(line + end for line, end in zip(lines, ends))


def _looks_like_other_format(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")
    return head[:1] in ("{", "[") or head.startswith("WEBVTT") or bool(_TIMING_START.match(text))


_TIMING_START = re.compile(r"\s*(?:\d+[ \t]*\r?\n[ \t]*)?\d+:\d")


def _txt(rng: random.Random, lines: list[str]) -> tuple[str, tuple[tuple[str, ...], ...]]:
    return _join(rng, lines), (tuple(lines),)


def _srt_time(seconds: float, sep: str = ",") -> str:
    ms = int(round(seconds * 1000))
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _layout(rng: random.Random, line: str, max_parts: int = 3) -> list[str]:
    """A cue's text cut into layout lines (subtitle line breaks)."""
    if len(line) < 2 or rng.random() < 0.6:
        return [line]
    cuts = sorted(rng.sample(range(1, len(line)), min(len(line) - 1, rng.randint(1, max_parts - 1))))
    return [line[a:b] for a, b in zip([0, *cuts], [*cuts, len(line)])]


_SRT_MARKUP = (("<i>", "</i>"), ("<b>", "</b>"), ('<font color="#ffffff">', "</font>"), ("{\\an8}", ""))


def _srt_safe(text: str) -> str:
    # no markup of the generator's own in cue text, no "-->" (a timing line) and no figures
    # at a layout line's start that could read as a cue number before a timing
    return text.replace("<", "＜").replace(">", "＞").replace("{", "｛").replace("-->", "->")


def _cue_lines(rng: random.Random, line: str, markup, escape) -> tuple[list[str], str]:
    """A cue's raw layout lines (with markup) and the text the reader must give."""
    layout = [escape(part) for part in _layout(rng, line)]
    unescape = _vtt_unescape if escape is _vtt_escape else (lambda part: part)
    raw, plain = [], []
    for part in layout:
        plain.append(unescape(part))
        if rng.random() < 0.15:
            opening, closing = rng.choice(markup)
            part = opening + part + closing
        raw.append(part)
    if raw and rng.random() < 0.05:  # a layout line of whitespace: it reads as nothing
        at = rng.randrange(len(raw) + 1)
        raw.insert(at, rng.choice((" ", "\t", "\u3000")))
        plain.insert(at, "")
    # an empty layout line would end the cue
    kept = [(r, p) for r, p in zip(raw, plain) if r]
    return [r for r, _ in kept], join_layout_lines([p for _, p in kept])


_CUE_NUMBER = re.compile(r"\s*-?[0-9]+\.?[0-9]*\s*$")


def _srt(rng: random.Random, lines: list[str]) -> tuple[str, tuple[tuple[str, ...], ...]]:
    lines = [line for line in lines if line.strip()] or ["はい。"]
    blocks, expected, t = [], [], rng.uniform(0, 100)
    sep = rng.choice((",", ",", ",", ".", "，", "．"))  # the srt library reads the full-width ones too
    for i, line in enumerate(lines, start=1):
        raw, text = _cue_lines(rng, _srt_safe(line), _SRT_MARKUP, _srt_safe)
        if not raw:
            continue
        start, t = t, t + rng.uniform(0.2, 8)
        # a cue may leave out its number, unless the cue before ends in a line of figures,
        # which would then read as this cue's number
        unnumbered = rng.random() < 0.05 and not (blocks and _CUE_NUMBER.match(blocks[-1].rsplit("\n", 1)[-1]))
        number = "" if unnumbered else f"{i}\n"
        settings = rng.choice(("", "", "", " X1:40 X2:600 Y1:20 Y2:50"))
        blocks.append(f"{number}{_srt_time(start, sep)} --> {_srt_time(t, sep)}{settings}\n" + "\n".join(raw))
        expected.append(text)
    if not blocks:
        return _srt(rng, ["はい。"])
    text = "\n\n".join(blocks) + rng.choice(("\n", "\n\n", "", "\n\n\n"))
    return _newlines(rng, text), (tuple(expected),)


def _newlines(rng: random.Random, text: str) -> str:
    return text.replace("\n", rng.choice(("\n", "\n", "\r\n", "\r")))


def _vtt_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("-->", "--&gt;")


def _vtt_unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


_VTT_MARKUP = (("<i>", "</i>"), ("<b>", "</b>"), ("<c.yellow>", "</c>"), ("<v 岩見>", ""), ("<v.loud Mary>", "</v>"),
               ("<ruby>", "<rt>かな</rt></ruby>"), ("<lang en>", "</lang>"), ("<00:00:01.500>", ""))


def _vtt_time(seconds: float) -> str:
    text = _srt_time(seconds, ".")
    return text[3:] if text.startswith("00:") and seconds < 3600 else text


def _vtt(rng: random.Random, lines: list[str]) -> tuple[str, tuple[tuple[str, ...], ...]]:
    head = rng.choice(("WEBVTT", "WEBVTT", "WEBVTT - 番組", "WEBVTT\nKind: captions\nLanguage: ja"))
    blocks, expected, t = [head], [], rng.uniform(0, 100)
    if rng.random() < 0.2:
        blocks.append("NOTE これはメモです")
    if rng.random() < 0.1:
        blocks.append("STYLE\n::cue { color: white }")
    for i, line in enumerate(lines, start=1):
        raw, text = _cue_lines(rng, line, _VTT_MARKUP, _vtt_escape)
        # a cue with no text is allowed in WebVTT, but then its block is only its timing
        start, t = t, t + rng.uniform(0.2, 8)
        ident = rng.choice(("", "", f"{i}\n", f"cue-{i}\n"))
        settings = rng.choice(("", "", " align:start position:10%", " line:0"))
        blocks.append(f"{ident}{_vtt_time(start)} --> {_vtt_time(t)}{settings}" + "".join("\n" + r for r in raw))
        expected.append(text)
    text = "\n\n".join(blocks) + rng.choice(("\n", "\n\n", ""))
    return _newlines(rng, text), (tuple(expected),)


def _segments(rng: random.Random, lines: list[str]) -> tuple[object, tuple[str, ...]]:
    """Segments in one of the shapes the readers know, and the lines they must give."""
    lines = [line for line in lines if line] or []
    shape = rng.choice(("openai", "openai", "list", "cpp", "hf"))
    t, segs = rng.uniform(0, 50), []
    for i, line in enumerate(lines):
        start, t = t, t + rng.uniform(0.1, 9)
        if len(line) > 1 and rng.random() < 0.05:  # JSON can hold a line break inside a segment
            at = rng.randrange(1, len(line))
            line = lines[i] = line[:at] + rng.choice(("\n", "\r\n", "\r", "\n\n")) + line[at:]
        text = rng.choice((" ", "", "  ")) + line + rng.choice(("", "", " "))
        if shape == "cpp":
            segs.append({"timestamps": {"from": _srt_time(start), "to": _srt_time(t)},
                         "offsets": {"from": int(start * 1000), "to": int(t * 1000)}, "text": text})
        elif shape == "hf":
            segs.append({"timestamp": [round(start, 2), round(t, 2) if i + 1 < len(lines) or rng.random() < 0.5
                                       else None], "text": text})
        else:
            seg = {"id": i, "seek": 0, "start": round(start, 3), "end": round(t, 3), "text": text}
            if rng.random() < 0.2:
                seg.update(tokens=[50364, 1234], temperature=0.0, avg_logprob=-0.25, no_speech_prob=0.01)
            segs.append(seg)
    expected = tuple(line.strip() for line in lines)
    joined = "".join(s["text"] for s in segs)
    if shape == "list":
        return segs, expected
    if shape == "cpp":
        return {"systeminfo": "AVX = 1", "model": {"type": "base"}, "transcription": segs}, expected
    if shape == "hf":
        return {"text": joined, "chunks": segs}, expected
    return {"text": joined, "segments": segs, "language": "ja"}, expected


def _text_only(rng: random.Random, lines: list[str]) -> tuple[dict, tuple[str, ...]]:
    """{"text": ...}: lines joined by line ends (read as a text file), or one line of sentences."""
    if len(lines) > 1 or rng.random() < 0.5:
        text = _join(rng, lines)
        if "\n" in text or "\r" in text:
            return {"text": text}, tuple(lines)
    text = lone("".join(lines))
    return {"text": text}, tuple(split_sentences(text))


def _whisper(rng: random.Random, lines: list[str]) -> tuple[object, tuple[tuple[str, ...], ...]]:
    data, expected = _text_only(rng, lines) if rng.random() < 0.2 else _segments(rng, lines)
    if isinstance(data, dict) and rng.random() < 0.2:
        data["title"] = rng.choice(HEADINGS)
    return data, (expected,)


def _jsonl_records(rng: random.Random, transcripts: list[list[str]]) -> tuple[list[object], list[tuple[str, ...]]]:
    records, expected = [], []
    for k, lines in enumerate(transcripts):
        if rng.random() < 0.5:
            data, lines_expected = _text_only(rng, lines)
        else:
            data, lines_expected = _segments(rng, lines)
            data = {"segments": data} if isinstance(data, list) else data
        record = {}
        what = rng.random()
        if what < 0.6:
            record["id"] = rng.choice((f"ep{k + 1}", f"ep{k + 1}", "ep/2", "a_b", "a/b", "同じ", "", " ",
                                       "x" * rng.randint(100, 400), "話" * rng.randint(60, 100), "..", "CON"))
        elif what < 0.8:
            record["id"] = rng.choice((k + 1, 7, 3.5, -1, 10 ** 30))
        if rng.random() < 0.2:
            record["title"] = rng.choice(HEADINGS)
        record.update(data)
        records.append(record)
        expected.append(lines_expected)
    return records, expected


def _dumps(rng: random.Random, data: object, indent: bool) -> str:
    text = json.dumps(data, ensure_ascii=rng.random() < 0.4, indent=1 if indent else None)
    return text


_SURROGATE = re.compile("[\ud800-\udfff]")
_PAIR = re.compile("([\ud800-\udbff])(?=[\udc00-\udfff])")


def lone(text: str) -> str:
    """`text` with a character between a high and a low surrogate: in JSON, whose escapes
    are UTF-16, the two would be one character, not two lone ones.

    >>> lone("\\ud83d\\ude00") == "\\ud83d\\u3000\\ude00"
    True
    """
    return _PAIR.sub("\\1\u3000", text)


def _escape_surrogates(text: str) -> str:
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# --- bytes --------------------------------------------------------------------------------------

_LEGACY = ("cp932", "euc_jp", "iso2022_jp")


def _encode(rng: random.Random, text: str, plain: bool) -> tuple[bytes, str, bool]:
    """The text's bytes, the codec, and whether decoding them must give the text back.

    A leading byte-order mark is the encoding's signature and is removed on reading, so a
    text that starts with one (U+FEFF as a character) loses it when written without another.
    """
    codec = rng.choice(("utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-32")
                       + (_LEGACY * 2 + ("utf-16-le", "utf-16-be") if plain else ()))
    try:
        data = text.encode(codec)
        if data.decode(codec) != text.removeprefix("\ufeff") and data.decode(codec) != text:
            raise UnicodeEncodeError(codec, text, 0, 1, "no round trip")  # CP932 maps 〜 to ～
    except UnicodeEncodeError:
        codec, data = "utf-8", text.encode("utf-8")
    exact = True
    if codec in ("utf-16-le", "utf-16-be") and b"\0" not in data:
        exact = False  # no mark and no NUL: nothing says UTF-16
    if codec in ("utf-8", "utf-8-sig") + _LEGACY and b"\0" in data:
        exact = False  # NUL bytes: read as UTF-16 if they can be, else refused
    if codec == "utf-8" and data.isascii() and b"\x1b" in data:
        exact = False  # ESC in ASCII may be ISO-2022-JP
    if codec in _LEGACY and len(text) < 40:
        exact = False  # short legacy texts can read alike in two encodings (a clear error then)
    if codec in _LEGACY + ("utf-16-le", "utf-16-be") and not _jis(text):
        exact = False  # unmarked bytes are told apart by how Japanese they read; this text is not
    wide = [c for c in text if ord(c) > 0x7F]
    if codec in _LEGACY and sum("\uff61" <= c <= "\uff9f" for c in wide) * 4 > len(wide):
        exact = False  # half-width katakana in EUC-JP are common kanji in CP932 (ｶﾙﾙ: 叱勺勺)
    return data, codec, exact


# --- damaged inputs: what a crashed transcriber or a wrong file gives ----------------------------

_JUNK = ("-->", "{", "}", "[", "]", '"', "\\", "\\u", "\\ud800", ":", ",", "\n\n", "\r", "WEBVTT", "00:00:01,000",
         "99999999999:00:00,000 --> 1:00:00,000", "&amp", "<i>", "{\\an8", "NOTE", "1e999", "NaN", "null", "\x00")
_MAGIC = (b"%PDF-1.4\n", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"\x1f\x8b\x08", b"RIFF\x00\x00WAVE", b"ID3\x03")


def damage_text(rng: random.Random, text: str) -> str:
    """`text` cut short, with a piece removed or doubled, or with format characters put in."""
    for _ in range(rng.randint(1, 3)):
        what, at = rng.random(), rng.randint(0, len(text))
        if what < 0.3:
            text = text[:at]
        elif what < 0.5:
            text = text[:at] + text[at + rng.randint(1, 50):]
        elif what < 0.6:
            text = text[:at] + text[at:at + rng.randint(1, 200)] * 2 + text[at:]
        else:
            text = text[:at] + rng.choice(_JUNK) + text[at:]
    return text


def damage_bytes(rng: random.Random, data: bytes) -> bytes:
    """`data` cut (maybe inside a character), with bytes changed, or not text at all."""
    what = rng.random()
    if what < 0.05:
        return bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 300)))
    if what < 0.1:
        return rng.choice(_MAGIC) + data
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        at = rng.randint(0, len(data))
        kind = rng.random()
        if kind < 0.3:
            del data[at:]
        elif kind < 0.6:
            data[at:at] = bytes([rng.choice((0x00, 0x1b, 0x80, 0x81, 0xa0, 0xc3, 0xe3, 0xef, 0xfe, 0xff))])
        elif kind < 0.8 and at < len(data):
            data[at] = rng.getrandbits(8)
        else:
            data[at:at] = rng.choice(_JUNK).encode("utf-8", "surrogatepass")
    return bytes(data)


def _jis(text: str) -> bool:
    try:
        text.encode("cp932")
    except UnicodeEncodeError:
        return False
    return True


# --- cases --------------------------------------------------------------------------------------

def generate(rng: random.Random, settings: Settings = Settings()) -> Case:
    """One random input (see the module docstring)."""
    fmt = rng.choice(FORMATS)
    as_bytes = rng.random() < settings.bytes_share
    surrogates = not as_bytes or fmt in ("whisper_json", "jsonl")
    plain = rng.random() < 0.3  # plain Japanese, encodable in the legacy codecs
    local = Settings(settings.max_lines, 0.0 if plain else settings.noise, settings.long_line)
    lines = transcript_lines(rng, local, surrogates and not plain)
    if fmt in ("whisper_json", "jsonl"):
        lines = [lone(line) for line in lines]
    expected: tuple[tuple[str, ...], ...] | None
    if fmt == "txt":
        text, expected = _txt(rng, lines)
    elif fmt == "srt":
        text, expected = _srt(rng, lines)
    elif fmt == "vtt":
        text, expected = _vtt(rng, lines)
    elif fmt == "whisper_json":
        data, expected = _whisper(rng, lines)
        text = _dumps(rng, data, rng.random() < 0.3)
    else:
        many = rng.random() < (0.6 if as_bytes else 0.1)
        transcripts = [lines] + ([[lone(line) for line in transcript_lines(rng, local, surrogates and not plain)]
                                  for _ in range(rng.randint(1, 4))] if many else [])
        records, record_lines = _jsonl_records(rng, transcripts)
        rows = [_dumps(rng, record, False) for record in records]
        if rng.random() < 0.2:
            rows.insert(rng.randrange(len(rows) + 1), "")  # blank lines are skipped
        text = rng.choice(("\n", "\r\n")).join(rows) + rng.choice(("\n", "", "\r\n"))
        expected = tuple(record_lines)
    if as_bytes and fmt in ("whisper_json", "jsonl"):
        text = _escape_surrogates(text)  # JSON escapes what UTF-8 cannot hold
    if not as_bytes:
        given = None
        if fmt == "txt" and _looks_like_other_format(text) or rng.random() < 0.3:
            given = fmt  # detection would read it as another format, as documented
        if rng.random() < 0.03:  # a str read from a file with a byte-order mark, not decoded away
            text = "\ufeff" + text
            if fmt == "txt":  # a character of the first line; before cues or JSON, no part of them
                expected = (("\ufeff" + expected[0][0],) + expected[0][1:],) if expected[0] else (("\ufeff",),)
        if rng.random() < settings.damaged:
            return Case(fmt, damage_text(rng, text), given, None)
        return Case(fmt, text, given, expected)
    marked = fmt == "txt" and rng.random() < 0.03
    data, codec, exact = _encode(rng, "\ufeff" + text if marked else text, plain)
    if marked and codec in ("utf-8-sig", "utf-16", "utf-32") and expected[0]:
        # the codec writes its own mark, which is removed on reading: the U+FEFF is text
        expected = (("\ufeff" + expected[0][0],) + expected[0][1:],)
    elif marked and codec in ("utf-8-sig", "utf-16", "utf-32"):
        expected = (("\ufeff",),)
    suffix = None
    if rng.random() < 0.1:  # a name that says nothing (the content tells) or says it in capitals
        suffix = rng.choice((".dat", "", SUFFIXES[fmt].upper()) + ((".json",) if fmt == "jsonl" else ()))
        if fmt == "txt" and _looks_like_other_format(text) and not suffix:
            suffix = None
        elif fmt == "txt" and _looks_like_other_format(text):
            suffix = ".TXT"
    if rng.random() < settings.damaged:
        return Case(fmt, damage_bytes(rng, data), None, None, codec, suffix)
    return Case(fmt, data, None, expected if exact else None, codec, suffix)


def cases(seed: int, count: int, settings: Settings = Settings()):
    """`count` cases; case i depends only on (seed, i), so any one can be made again alone."""
    for i in range(count):
        yield i, generate(random.Random(f"{seed}:{i}"), settings)
