"""The review page: escaped, complete, well formed, self-contained, deterministic; the --html option."""

import json
import re
from html.parser import HTMLParser

from typer.testing import CliRunner

from ja_transcript.cli import app
from ja_transcript.model import (Amount, Claim, Correction, Document, Entity, Line, Removal, Sentence,
                                 Source)
from ja_transcript.writers import to_json
from ja_transcript.writers.html import to_html

VOID = {"meta", "br", "hr", "img", "input", "link"}


class TagChecker(HTMLParser):
    """Records tags, and mismatches between opening and closing tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.tags, self.text = [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def check(page: str) -> TagChecker:
    parser = TagChecker()
    parser.feed(page)
    parser.close()
    assert not parser.errors and not parser.stack, (parser.errors, parser.stack)
    return parser


def review_doc() -> Document:
    s0 = "CoreWeaveの<script>alert(1)</script>売上は40億ドルらしい。"
    s1 = "たぶん上がると思う。"
    lines = [Line(n=1, text="決算 & <b>速報</b>", kind="title", clean="決算 & <b>速報</b>"),
             Line(n=2, text="第1章", kind="heading", clean="第1章"),
             Line(n=3, text="CoreWebの<script>alert(1)</script>", kind="speech",
                  clean="CoreWeaveの<script>alert(1)</script>", start=0.0, end=2.0),
             Line(n=4, text="売上は40億ドルらしい。", kind="speech", clean="売上は40億ドルらしい。", start=2.0, end=4.0),
             Line(n=5, text="売上は40億ドルらしい。", kind="speech", clean="売上は40億ドルらしい。",
                  removed=Removal(reason="repeat", duplicate_of=4), start=4.0, end=6.0),
             Line(n=6, text="たぶん上がると思う。", kind="speech", clean="たぶん上がると思う。", start=6.0, end=7.5)]
    return Document(
        source=Source(path="in/a&b.srt", sha256="ab" * 32, format="srt"), title="決算 & <b>速報</b>",
        lines=lines,
        corrections=[Correction(line=3, start=0, end=7, original="CoreWeb", replacement="CoreWeave",
                                canonical="CoreWeave", label="ORG", method="latin", confidence=0.86)],
        sentences=[Sentence(id=0, text=s0, lines=[3, 4], start=0.0, end=4.0),
                   Sentence(id=1, text=s1, lines=[6], start=6.0, end=7.5)],
        entities=[Entity(text="CoreWeave", canonical="CoreWeave", label="ORG", sentence=0, start=0, end=9),
                  # overlaps the amount: the markup must still nest properly
                  Entity(text="40億ドル", canonical="USD<x>", label="TERM", sentence=0, start=s0.index("40"),
                         end=s0.index("ドル") + 1)],
        amounts=[Amount(text="40億ドル", kind="money", value=4e9, unit="USD", sentence=0,
                        start=s0.index("40"), end=s0.index("ドル") + 2)],
        claims=[Claim(id=0, text=s0[:-1], sentence=0, evidentiality="reported", entities=["CoreWeave"],
                      amounts=[0], markers=["らしい"]),
                Claim(id=1, text=s1[:-1], sentence=1, evidentiality="speculative", markers=["たぶん", "と思う"])],
        cleaned_text=f"{s0}\n{s1}", stats={"lines": 6, "removed_lines": 1})


def test_all_text_is_escaped():
    page = to_html(review_doc())
    assert "<script>" not in page and "<b>速報" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "決算 &amp; &lt;b&gt;速報&lt;/b&gt;" in page
    assert 'title="TERM · USD&lt;x&gt; (lexicon)"' in page  # attributes too
    assert "in/a&amp;b.srt" in page


def test_page_is_well_formed_and_self_contained():
    parser = check(to_html(review_doc()))
    tags = {tag for tag, _ in parser.tags}
    assert not tags & {"script", "link", "img", "iframe", "object"}
    assert not any(a.get("src") or (a.get("href") or "#").split("#")[0] for _, a in parser.tags)  # in-page links only
    assert "style" in tags


def test_every_line_is_there_with_its_number_and_kind():
    doc = review_doc()
    page = to_html(doc)
    for line in doc.lines:
        assert f'id="L{line.n}"' in page and f'href="#L{line.n}">{line.n}</a>' in page
    assert re.search(r'<tr id="L1" class="title">', page) and re.search(r'<tr id="L2" class="heading">', page)
    assert "0:02.0–0:04.0" in page  # cue times


def test_removed_line_is_struck_through_with_reason_and_link():
    page = to_html(review_doc())
    row = re.search(r'<tr id="L5" class="speech removed">.*?</tr>', page).group(0)
    assert "<s>売上は40億ドルらしい。</s>" in row
    assert 'repeat of <a href="#L4">line 4</a>' in row
    assert "<s>" not in re.search(r'<tr id="L4".*?</tr>', page).group(0)


def test_corrections_inline_with_method_and_confidence_on_hover():
    page = to_html(review_doc())
    row = re.search(r'<tr id="L3".*?</tr>', page).group(0)
    assert ('<span class="corr" title="latin · confidence 0.86 · CoreWeave (ORG)"><del>CoreWeb</del>'
            '<span class="arrow">→</span><ins>CoreWeave</ins></span>') in row


def test_sentences_highlight_claims_entities_amounts_with_legend():
    page = to_html(review_doc())
    assert 'class="claim ev-reported cstart"' in page and 'class="claim ev-speculative cstart"' in page
    for kind in ("asserted", "reported", "speculative"):
        assert f'<span class="swatch ev-{kind}"></span>{kind} claim' in page  # the legend
    assert 'class="amt" title="amount 0: money · 4,000,000,000 USD"' in page
    assert 'class="ent" title="ORG · CoreWeave (lexicon)"' in page
    assert '<span class="marker" title="speculative marker">と思う</span>' in page
    assert "lines_removed" not in page and 'removed lines<b>1</b>' in page  # the stats


def test_deterministic_and_dict_input_gives_the_same_page():
    doc = review_doc()
    assert to_html(doc) == to_html(doc.model_copy(deep=True)) == to_html(json.loads(to_json(doc)))


def test_empty_document():
    doc = Document(source=Source(path="-", sha256="0" * 64, format="txt"), lines=[])
    page = check(to_html(doc))
    assert "no sentences" in "".join(page.text)


def test_cli_html_option(tmp_path):
    src = tmp_path / "ep.srt"
    src.write_text("1\n00:00:01,000 --> 00:00:02,000\n<script>x</script>CoreWebが急凍した。\n\n"
                   "2\n00:00:02,500 --> 00:00:04,000\n今日は雨らしいです。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["process", str(src), "--out", str(tmp_path / "out"),
                                      "--html", str(tmp_path / "html")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "html" / "ep.html").read_text(encoding="utf-8")
    check(page)
    assert "<script>" not in page and "ev-reported" in page and "0:01.0–0:02.0" in page
