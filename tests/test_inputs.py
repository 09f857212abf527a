"""Odd input through `python -m analysis report` with the real notebooks, end to end.

One folder holds the cases a user will try: every supported encoding, a file name with spaces
and non-ASCII letters, a German text, a text full of HTML, Markdown, LaTeX and template syntax,
and bad files (empty, blank, binary, undecodable). The good files must be reported without
mojibake, the German one with a visible warning, the markup as literal text that never runs;
the bad files must be skipped and listed. A single 1 MB line is reported on its own.
"""

from __future__ import annotations

import codecs
import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from report_helpers import ROOT, open_offline

CURLY = "Thursday\u2019s \u201cceasefire\u201d failed \u2014 the caf\u00e9 owner said."
INJECTION = (
    "Officials said the page was tampered with.\n"
    "<script>alert('script ran')</script> and <img src=x onerror=\"alert('img ran')\">\n"
    "**Markdown bold** and [a link](https://example.com) and # not a heading\n"
    "The formula $x^2 + y^2$ and $$E = mc^2$$ must stay literal.\n"
    "Template {{ 7 * 7 }} and {% if true %}yes{% endif %} and ${HOME} stay too.\n"
)
GERMAN = ("Die Milizen haben am Donnerstag die Kontrolle über die zweitgrößte Stadt Libyens "
          "übernommen, nachdem sie Einheiten der Armee besiegt hatten. Die Regierung schweigt.")


def cli(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True,
                          text=True, timeout=timeout, cwd=ROOT, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    root = tmp_path_factory.mktemp("inputs")
    folder = root / "odd input"
    folder.mkdir()
    (folder / "a_utf8_bom_crlf.txt").write_bytes(
        codecs.BOM_UTF8 + f"{CURLY}\r\nSecond line.\r\n".encode())
    (folder / "b_utf16.txt").write_bytes(f"{CURLY}\nUTF-16 line.\n".encode("utf-16"))
    (folder / "c_cp1252.txt").write_bytes(f"{CURLY}\nWindows line.\n".encode("cp1252"))
    (folder / "d Bericht über Libyen.txt").write_text("A file name with spaces and umlauts.\n",
                                                      encoding="utf-8")
    (folder / "e_german.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "f_injection.md").write_text(INJECTION, encoding="utf-8")
    (folder / "x_empty.txt").write_bytes(b"")
    (folder / "x_blank.txt").write_text("  \n\t\n")
    (folder / "x_image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "x_undecodable.txt").write_bytes(b"Good start \x81\x8d\x8f bytes")
    out = root / "reports"
    result = cli("report", str(folder), "--out", str(out))
    return folder, out, result


@pytest.fixture(scope="module")
def injection(tmp_path_factory):
    """The markup-laden text on its own, so that every notebook reads it closely (a .txt file:
    its text is exactly what was written; a .md file's Markdown is read as Markdown)."""
    root = tmp_path_factory.mktemp("injection")
    path = root / "markup.txt"
    path.write_text(INJECTION, encoding="utf-8")
    result = cli("report", str(path), "--out", str(root / "reports"))
    assert result.returncode == 0, result.stderr
    return root / "reports" / "markup"


def pages(out: Path) -> list[Path]:
    return sorted((out / "odd-input").glob("*.html"))


def test_the_run_succeeds_and_skips_the_bad_files(run):
    _folder, out, result = run
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    for name, problem in [("x_empty.txt", "empty"), ("x_blank.txt", "whitespace"),
                          ("x_image.txt", "PNG image"), ("x_undecodable.txt", "offset 11")]:
        assert name in index and problem in index, name
    # (long names may carry <wbr> break opportunities, invisible to a reader)
    corpus_page = (out / "odd-input" / "01_corpus.html").read_text(encoding="utf-8").replace(
        "<wbr/>", "")
    for name in ("a_utf8_bom_crlf.txt", "b_utf16.txt", "c_cp1252.txt",
                 "d Bericht über Libyen.txt", "e_german.txt", "f_injection.md"):
        assert html.escape(name) in corpus_page, name
    assert "x_image.txt: skipped" in corpus_page


def test_no_mojibake_anywhere(run):
    _folder, out, _ = run
    for page in pages(out):
        text = page.read_text(encoding="utf-8")
        assert "\u00e2\u20ac" not in text and "\ufffd" not in text, page.name  # â€ and �
    corpus_page = (out / "odd-input" / "01_corpus.html").read_text(encoding="utf-8")
    assert "Thursday\u2019s" in corpus_page and "caf\u00e9" in corpus_page


def test_non_english_text_gets_a_visible_warning(run):
    _folder, out, _ = run
    corpus_page = (out / "odd-input" / "01_corpus.html").read_text(encoding="utf-8")
    assert "Warnings about the input" in corpus_page
    assert "e_german.txt: only" in corpus_page and "This may not be English" in corpus_page


def test_document_markup_is_never_markup(run, injection):
    _folder, out, _ = run
    for page in [*pages(out), *sorted(injection.glob("*.html"))]:
        text = page.read_text(encoding="utf-8")
        assert "alert('script ran')</script>" not in text, page.name
        assert not re.search(r"<img[^>]*onerror", text), page.name
        assert "<strong>Markdown bold</strong>" not in text, page.name
        assert not re.search(r"<script[^>]*mathjax", text, re.I), page.name  # no typesetting
    for nb_path in sorted(injection.glob("*.ipynb")):
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                assert "<script>alert" not in "".join(data.get("text/html", "")), cell["id"]
                assert "text/markdown" not in data and "text/latex" not in data
    corpus_page = (injection / "01_corpus.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in corpus_page and "onerror=" in corpus_page
    assert "$x^2 + y^2$" in corpus_page and "{{ 7 * 7 }}" in corpus_page
    assert "**Markdown bold**" in corpus_page and "${HOME}" in corpus_page
    sentiment_page = (injection / "05_sentiment.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in sentiment_page


@pytest.mark.browser
def test_no_script_from_the_document_runs_in_a_browser(injection, browser):
    for page_path in sorted(injection.glob("*.html")):
        context, page, remote, console, errors = open_offline(browser, page_path.as_uri())
        try:
            page.wait_for_load_state("networkidle")
        finally:
            context.close()
        assert errors == [], (page_path.name, errors)  # an alert() would be recorded here
        assert remote == [], (page_path.name, remote)


def test_a_single_one_megabyte_line(tmp_path):
    line = " ".join(["the militia held the road and people walked to the city"] * 19000)
    assert len(line) > 1_000_000 and "\n" not in line
    path = tmp_path / "one line.txt"
    path.write_text(line, encoding="utf-8")
    notebooks = tmp_path / "notebooks"  # the notebooks this test reads (all seven: ~2 minutes)
    notebooks.mkdir()
    for name in ("02_tokenisation.ipynb", "06_findings.ipynb"):
        shutil.copy(ROOT / "notebooks" / name, notebooks)
    result = cli("report", str(path), "--out", str(tmp_path / "out"),
                 "--notebooks", str(notebooks))
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "one-line" / "02_tokenisation.html").read_text(encoding="utf-8")
    assert "1,000" in page or "1000" in page
    assert (tmp_path / "out" / "one-line" / "06_findings.slides.html").stat().st_size < 5_000_000


@pytest.mark.parametrize(("name", "data", "problem"), [
    ("undecodable.txt", b"Good start \x81\x8d\x8f bytes", "offset 11"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "PNG image"),
])
def test_a_bad_single_file_is_one_line_and_nothing_written(tmp_path, name, data, problem):
    path = tmp_path / name
    path.write_bytes(data)
    result = cli("report", str(path), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and problem in lines[0]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_forced_encoding_reads_an_undecodable_file(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9 owners met the militia.\n".encode("latin-1") + b"\x81")
    notebooks = tmp_path / "notebooks"  # only the notebook this test reads
    notebooks.mkdir()
    shutil.copy(ROOT / "notebooks" / "01_corpus.ipynb", notebooks)
    result = cli("report", str(path), "--out", str(tmp_path / "out"), "--encoding", "latin-1",
                 "--notebooks", str(notebooks))
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "latin" / "01_corpus.html").read_text(encoding="utf-8")
    assert "latin-1" in page and "Caf\u00e9 owners" in page
