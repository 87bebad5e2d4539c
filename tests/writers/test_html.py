"""The review page: escaped, complete, well formed, self-contained, deterministic; the claims, the
changed-lines filter and the column headers; the --html option; and the page in a real browser."""

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from typer.testing import CliRunner

import ja_transcript
from ja_transcript.cli import app
from ja_transcript.model import (Amount, Claim, Correction, Document, Entity, Line, Removal, Sentence,
                                 Source)
from ja_transcript.writers import to_json
from ja_transcript.writers.html import to_html

ROOT = Path(__file__).parents[2]
VOID = {"meta", "br", "hr", "img", "input", "link"}
SECTIONS = ("lines", "sentences", "claims", "corrections", "amounts", "entities")


class TagChecker(HTMLParser):
    """Records tags, and mismatches between opening and closing tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.tags, self.text = [], [], [], []
        self.tables = []  # per table: its header cells, and the number of cells in each body row

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)
        if tag == "table":
            self.tables.append({"head": [], "rows": []})
        elif tag == "tr" and "tbody" in self.stack:
            self.tables[-1]["rows"].append(0)
        elif tag == "td" and "tbody" in self.stack:
            self.tables[-1]["rows"][-1] += 1
        elif tag == "th":
            self.tables[-1]["head"].append({"scope": dict(attrs).get("scope"), "text": ""})

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        if self.stack and self.stack[-1] == "th":
            self.tables[-1]["head"][-1]["text"] += data


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
    assert page.count("<script>") == 1 and "<script>alert" not in page and "<b>速報" not in page  # only the page's own
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "決算 &amp; &lt;b&gt;速報&lt;/b&gt;" in page
    assert 'title="TERM · USD&lt;x&gt; (lexicon)"' in page  # attributes too
    assert "in/a&amp;b.srt" in page


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_page_is_well_formed_and_self_contained():
    page = to_html(review_doc())
    parser = check(page)
    tags = [tag for tag, _ in parser.tags]
    assert not set(tags) & {"link", "img", "iframe", "object", "embed", "base", "form"}
    assert not any(a.get("src") or (a.get("href") or "#").split("#")[0] for _, a in parser.tags)  # in-page links only
    assert tags.count("style") == tags.count("script") == 1  # inline, one of each
    # the policy lets exactly that style and that script in, and nothing else
    csp = next(a["content"] for tag, a in parser.tags if a.get("http-equiv") == "Content-Security-Policy")
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    assert csp.startswith("default-src 'none';")
    assert f"style-src {csp_hash(style)};" in csp and f"script-src {csp_hash(script)};" in csp


def test_lang_and_headings_in_order():
    page = to_html(review_doc())
    assert '<html lang="ja">' in page
    levels = [int(tag[1]) for tag, _ in check(page).tags if re.fullmatch(r"h[1-6]", tag)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:]))  # never skips a level
    assert re.findall(r'<section id="(\w+)"><h2>', page) == list(SECTIONS)
    assert all(f'<a href="#{s}">' in page for s in SECTIONS)  # the nav


def test_every_column_of_every_table_has_a_header():
    doc = review_doc()
    parser = check(to_html(doc))
    # lines, the claims of each of the 2 sentences, claims, corrections, amounts, entities
    assert len(parser.tables) == 7
    for table in parser.tables:
        assert table["head"] and all(th["scope"] == "col" and th["text"].strip() for th in table["head"])
        assert table["rows"] and all(cells == len(table["head"]) for cells in table["rows"]), table


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


def test_claims_section_lists_every_claim():
    doc = review_doc()
    page = to_html(doc)
    section = re.search(r'<section id="claims"><h2>Claims \(2\)</h2>.*?</section>', page, re.S).group(0)
    assert 'swatch ev-speculative"></span>speculative' in section  # the legend
    rows = re.findall(r'<tr id="C(\d+)">(.*?)</tr>', section)
    assert [int(n) for n, _ in rows] == [c.id for c in doc.claims]
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row) for _, row in rows]
    assert cells[0] == ["0", '<a href="#S0">0</a>', "CoreWeaveの&lt;script&gt;alert(1)&lt;/script&gt;売上は40億ドルらしい",
                        '<span class="swatch ev-reported"></span>reported', "らしい", "", "CoreWeave",
                        '<a href="#A0">40億ドル</a>']
    assert cells[1][3:6] == ['<span class="swatch ev-speculative"></span>speculative', "たぶん, と思う", ""]
    assert '<tr id="A0">' in page  # the amount the claim links to
    assert '<a href="#C1">1</a>' in page  # a sentence's claims link to their rows


def test_changed_lines_filter():
    page = to_html(review_doc())
    assert re.search(r'<input type="checkbox" id="changed-only"><label for="changed-only">changed lines only '
                     r'<span class="muted">\(2 of 6 corrected or removed\)</span></label>', page)
    classes = dict(re.findall(r'<tr id="L(\d)" class="([^"]*)"', page))
    assert classes == {"1": "title", "2": "heading", "3": "speech corrected", "4": "speech", "5": "speech removed",
                       "6": "speech"}
    # no script needed: the checkbox hides the other rows by CSS (what it shows is checked in a browser below)
    assert ("#changed-only:checked ~ table.lines tbody tr:not(.removed):not(.corrected):not(:target) "
            "{ display: none; }") in page


def test_deterministic_and_dict_input_gives_the_same_page():
    doc = review_doc()
    page = to_html(doc)
    assert page == to_html(doc.model_copy(deep=True)) == to_html(json.loads(to_json(doc)))
    # and in another process with other string hashes (no set or dict order leaks into the page)
    code = ("import sys, json; from ja_transcript.writers.html import to_html; "
            "sys.stdout.buffer.write(to_html(json.load(sys.stdin)).encode())")
    other = subprocess.run([sys.executable, "-c", code], input=to_json(doc), capture_output=True, text=True,
                           encoding="utf-8", env={**os.environ, "PYTHONHASHSEED": "12345"}, check=True)
    assert other.stdout == page


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
    assert "<script>x" not in page and "&lt;script&gt;x" in page
    assert "ev-reported" in page and "0:01.0–0:02.0" in page and '<section id="claims"><h2>Claims (' in page


# --- in a real browser -------------------------------------------------------------------

BROWSERS = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
# headless and quiet: no sandbox (CI runs as root), no background traffic; console messages go to stderr
BROWSER_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--enable-logging=stderr", "--v=0")


def find_browser() -> str | None:
    return next((found for found in map(shutil.which, BROWSERS) if found), None)


def browse(browser: str, profiles: Path, url: str, *args: str) -> subprocess.Popen:
    profile = tempfile.mkdtemp(dir=profiles)  # a new empty profile for every run
    return subprocess.Popen([browser, *BROWSER_FLAGS, f"--user-data-dir={profile}", *args, url],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                            errors="replace")


def test_page_in_a_real_browser(tmp_path):
    """A processed transcript's page in headless Chromium: the script runs without errors (and the
    policy lets it), every section is there, the filter shows just the changed lines, and it draws."""
    browser = find_browser()
    if browser is None:
        pytest.skip(f"no browser to load the page in: none of {', '.join(BROWSERS)} found")
    source = "corpus/iwami_coreweave_news.txt"
    doc = Document.model_validate(ja_transcript.process_text((ROOT / source).read_text(encoding="utf-8"),
                                                             path=source))
    corrected = {c.line for c in doc.corrections}
    changed = sum(1 for line in doc.lines if line.removed or line.n in corrected)
    assert 0 < changed < len(doc.lines)
    page = tmp_path / "review.html"
    page.write_text(to_html(doc), encoding="utf-8")
    shot = tmp_path / "review.png"
    profiles = tmp_path / "profiles"
    profiles.mkdir()

    runs = {"all lines": browse(browser, profiles, page.as_uri(), "--dump-dom"),
            # the link that ticks the filter; the script then counts the rows the browser lays out
            "changed only": browse(browser, profiles, page.as_uri() + "#changed-only", "--dump-dom"),
            "screenshot": browse(browser, profiles, page.as_uri(), f"--screenshot={shot}", "--window-size=1280,2000")}
    results = {}
    try:
        for name, run in runs.items():
            stdout, stderr = run.communicate(timeout=60)
            results[name] = run.returncode, stdout, stderr
    finally:
        for run in runs.values():
            if run.poll() is None:
                run.kill()
                run.communicate()

    for name, (status, _, stderr) in results.items():
        assert status == 0, (name, stderr[-2000:])
        # the page logs nothing: any console line is a script error or a refused resource
        console = [line for line in stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
        assert not console, (name, console)
    dom = results["all lines"][1]
    assert '<html lang="ja">' in dom
    assert all(f'<section id="{s}">' in dom for s in SECTIONS)
    total = len(doc.lines)
    assert f'<output id="lines-shown" for="changed-only" class="muted">{total} of {total} lines shown</output>' in dom
    assert f">{changed} of {total} lines shown</output>" in results["changed only"][1]
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
    assert (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) == (1280, 2000)  # IHDR
