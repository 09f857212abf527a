"""Every HTML report and slide deck opened in headless Chromium with the network off, and
checked as a reader would see it.

Inputs: a synthetic project (small notebooks, fast), and the real notebooks run on the seed
article, on a folder of articles from two outlets (``tests/fixtures/articles/``: a text file,
a Markdown file with front matter and a saved web page) and on a CSV corpus
(``tests/fixtures/corpus.csv``: id, title, date, section, text). Each is built once per
session, on first use.

Every page (index, report, presentation, slides) fails on:
* a request to anything but file:// and data: URLs, a console error, a page error;
* an image that does not decode, a blank image (one colour), a figure with no data (only
  axes and text: the project's figures draw their data in colour, axes and text in grey);
* ``NaN`` shown in a result or in prose;
* an exercise answer outside its ``<details>`` fold (an empty fold);
* a pandas row index 0..n-1 shown in a table; a text column not left-aligned; a table
  that scrolls sideways instead of wrapping;
* prose naming the seed ("seed", "Benghazi", "killed"...) on an input that does not contain
  that word.
Every slide of every deck (and of a synthetic deck whose slides all overflow as written)
fails when any of its content lies outside the slide's frame (all fragments shown) or when
it had to be shrunk below half size to fit. Screenshots of every
slide and of every presentation go to ``tests/output/`` for a person to look at.

Chromium is Debian's package driven by the Python ``playwright`` package (no browser
download): ``apt-get install chromium``, or set CHROMIUM=/path/to/chromium.
"""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell
from report_helpers import ROOT, built_once, make_project, notebook, open_offline, write

from analysis import report

pytestmark = pytest.mark.browser

OUTPUT = Path(__file__).resolve().parent / "output"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = ROOT / "seeds" / "000_81c44d20d7573865.txt"
REAL_NOTEBOOKS = ROOT / "notebooks"
INPUTS = {"seed": SEED, "folder": FIXTURES / "articles", "corpus": FIXTURES / "corpus.csv"}
#: Words of the seed article that prose must not use unless the input has them too.
SEED_WORDS = ("seed", "Benghazi", "Libya", "Libyan", "Libyans", "Tripoli", "Haftar", "Gaddafi",
              "Islamist", "militia", "militias", "militiamen", "Shura", "Ansar", "Tunisia",
              "Tunisian", "Philippines", "Filipino", "ambassador", "killed", "attack")
MIN_SCALE = 0.5  # a slide shrunk further than this is unreadable when projected


def _pages(slug: str, notebooks: list[Path]) -> list[str]:
    pages = ["index.html"]
    for path in notebooks:
        exports = report.declared_exports(nbformat.read(path, as_version=4), path.name)
        pages += [f"{slug}/{path.stem}{suffix}" for kind, suffix in report.export.SUFFIXES.items()
                  if kind in exports]
    return pages


def _all_pages() -> list[tuple[str, str]]:
    synthetic = [("synthetic", p) for p in ["index.html", "article/01_words.html",
                                            "article/01_words.presentation.html",
                                            "article/02_findings.html",
                                            "article/02_findings.presentation.html",
                                            "article/02_findings.slides.html"]]
    real = sorted(report.iter_notebooks(REAL_NOTEBOOKS)) if REAL_NOTEBOOKS.is_dir() else []
    pages = list(synthetic)
    for build, path in INPUTS.items():
        pages += [(build, p) for p in _pages(report.slug_for(path), real)]
    return pages


def tall_deck() -> nbformat.NotebookNode:
    """A deck whose slides are too big for the frame as written: a 30-row table, a table
    with a tall figure, a long list of long bullets."""
    nb = notebook([
        new_markdown_cell("# Too much for a slide\n\nEvery slide here overflows."),
        new_code_cell("input_path = None", metadata={"tags": ["parameters"]}),
        new_code_cell("import pandas as pd\nimport matplotlib.pyplot as plt\n"
                      "rows = pd.DataFrame({'word': [f'word number {i}' for i in range(30)],\n"
                      "                     'count': range(30, 0, -1)})"),
        new_markdown_cell("## Thirty rows"),
        new_code_cell("rows"),
        new_markdown_cell("## A table and a tall figure\n\nThe counts, and the same as bars."),
        new_code_cell("rows.head(8)"),
        new_code_cell("fig, ax = plt.subplots(figsize=(5, 7))\n"
                      "ax.barh(rows['word'][:12], rows['count'][:12], color='#2a9d8f')\n"
                      "ax.set_title('Counts')\nplt.show()"),
        new_markdown_cell("## Many long bullets\n\n" + "\n".join(
            f"* Point {i}: a sentence long enough to take more than one line on a slide, "
            "which is what findings written from the data often do." for i in range(12))),
    ])
    nb.metadata["news_analysis"] = {"exports": ["slides"]}
    return nb


PAGES = _all_pages()
DECKS = [(b, p) for b, p in PAGES if p.endswith(".slides.html")]
DECKS.append(("tall", "tall/01_tall.slides.html"))


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Report folders by name; each built once per session, on first use."""

    def get(name: str) -> Path:
        def build(out: Path) -> None:
            if name == "synthetic":
                nbdir, article = make_project(out.parent)
                report.build_reports(article, out, notebooks=nbdir, progress=False)
            elif name == "tall":
                write(tall_deck(), out.parent / "notebooks" / "01_tall.ipynb")
                (out.parent / "tall.txt").write_text("Some text.\n", encoding="utf-8")
                report.build_reports(out.parent / "tall.txt", out,
                                     notebooks=out.parent / "notebooks", progress=False)
            else:
                report.build_reports(INPUTS[name], out, notebooks=REAL_NOTEBOOKS,
                                     progress=False)

        return built_once(name, tmp_path_factory, build)

    return get


def _input_text(build: str) -> str:
    """Every word the input holds (lower case), to tell its own words from the seed's."""
    if build == "synthetic":
        from report_helpers import ARTICLE

        return ARTICLE.lower()
    path = INPUTS[build]
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    return " ".join(f.read_text(encoding="utf-8", errors="replace") for f in files).lower()


# --------------------------------------------------------------------------- page checks

# Text a reader sees as results and prose (code cells left out), answers included.
READER_TEXT = """() => {
  const body = document.body.cloneNode(true);
  body.querySelectorAll('.jp-CodeCell .jp-InputArea, script, style, .news-input')
    .forEach(e => e.remove());
  return body.textContent;
}"""

FOLDS = """() => Array.from(document.querySelectorAll('details')).map(d => {
  const summary = d.querySelector('summary');
  const all = d.textContent.trim().length;
  return {summary: summary ? summary.textContent.trim() : '', rest: all -
          (summary ? summary.textContent.trim().length : 0)};
})"""

TABLES = """() => Array.from(document.querySelectorAll('table.dataframe')).map(t => {
  const rows = Array.from(t.querySelectorAll('tbody tr'));
  const heads = rows.map(r => r.querySelector('th') ? r.querySelector('th').textContent.trim()
                                                    : null);
  const misaligned = [];
  rows.forEach(r => r.querySelectorAll('td').forEach(td => {
    const text = td.textContent.trim();
    const numeric = /^[-+\u2212]?[\\d,.]+(e[-+]?\\d+)?%?$/.test(text)
                    || /^(NaN|nan|NaT|<NA>|[-+]?inf|None|True|False)?$/.test(text)
                    || /^(\u2026|\u2013|\\.\\.\\.)$/.test(text);  // an ellipsis; a dash: missing
    const align = getComputedStyle(td).textAlign;
    if (!numeric && !['left', 'start'].includes(align)) misaligned.push(text.slice(0, 30));
  }));
  const box = t.closest('.jp-OutputArea-output') || t.parentElement;
  return {heads: heads, misaligned: misaligned.slice(0, 3),
          scrolls: box.scrollWidth > box.clientWidth + 1,
          text: t.textContent.trim().slice(0, 60)};
})"""


def _image_problems(page) -> list[str]:
    """Images that do not decode, are blank, or show no data (no colour at all)."""
    from PIL import Image

    images = page.evaluate("() => Array.from(document.images).map(i => ({src: i.src, "
                           "ok: i.complete && i.naturalWidth > 0, alt: i.alt}))")
    problems = []
    for n, image in enumerate(images):
        if not image["ok"]:
            problems.append(f"image {n + 1} does not decode ({image['src'][:40]})")
            continue
        match = re.match(r"data:image/(png|jpeg);base64,(.*)", image["src"], re.DOTALL)
        if not match:
            continue
        picture = Image.open(io.BytesIO(base64.b64decode(match.group(2)))).convert("RGB")
        lo, hi = zip(*picture.getextrema(), strict=True)
        if lo == hi:
            problems.append(f"image {n + 1} is blank (one colour)")
            continue
        coloured = sum(picture.convert("HSV").getchannel("S").histogram()[61:])
        if coloured == 0:
            problems.append(f"image {n + 1} shows no data: only axes and text, no coloured mark")
    return problems


def _table_problems(tables: list[dict]) -> list[str]:
    problems = []
    for t in tables:
        heads = t["heads"]
        if heads and all(h is not None and re.fullmatch(r"\d+", h) for h in heads):
            numbers = [int(h) for h in heads]
            if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
                problems.append(f"table shows pandas' row index: {t['text']!r}")
        if t["misaligned"]:
            problems.append(f"text not left-aligned: {t['misaligned']} in {t['text']!r}")
        if t["scrolls"]:
            problems.append(f"table scrolls sideways instead of wrapping: {t['text']!r}")
    return problems


def _seed_words_in(text: str, build: str) -> list[str]:
    if build == "seed":
        return []
    own = _input_text(build)
    found = []
    for word in SEED_WORDS:
        if re.search(rf"\b{word}\b", own, re.IGNORECASE):
            continue
        match = re.search(rf".{{0,60}}\b{word}\b.{{0,60}}", text, re.IGNORECASE | re.DOTALL)
        if match:
            found.append(f"{word!r} in {' '.join(match.group(0).split())!r}")
    return found


@pytest.mark.parametrize(("build", "page_path"), PAGES, ids=[f"{b}:{p}" for b, p in PAGES])
def test_report_page_reads_right_offline(built, browser, build, page_path):
    path = built(build) / page_path
    assert path.is_file(), f"{page_path} was not written"
    context, page, remote, console, errors = open_offline(browser, path.as_uri())
    try:
        if page_path.endswith(".slides.html"):
            page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=10000)
            assert page.evaluate("() => Reveal.getTotalSlides()") > 1
        page.wait_for_load_state("networkidle")
        problems = _image_problems(page)
        text = page.evaluate(READER_TEXT)
        nan = re.search(r".{0,50}(?<![\w.])(NaN|nan)(?![\w(]).{0,50}", text, re.DOTALL)
        if nan:
            problems.append(f"NaN shown: {' '.join(nan.group(0).split())!r}")
        for fold in page.evaluate(FOLDS):
            if fold["rest"] == 0:
                problems.append(f"empty fold <details><summary>{fold['summary']}</summary>: "
                                "its content is outside it")
        problems += _table_problems(page.evaluate(TABLES))
        problems += [f"names the seed: {w}" for w in _seed_words_in(text, build)]
        if page_path.endswith(".presentation.html") or page_path == "index.html":
            OUTPUT.mkdir(exist_ok=True)
            name = Path(page_path).name.removesuffix(".html")
            page.screenshot(path=str(OUTPUT / f"{build}-{name}.png"), full_page=True)
    finally:
        context.close()
    assert remote == [], f"requests to the network: {remote}"
    assert console == [], f"console errors: {console}"
    assert errors == [], f"page errors: {errors}"
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------- slides

SLIDE_OVERFLOW = """() => {
  const frame = document.querySelector('.reveal .slides').getBoundingClientRect();
  const slide = Reveal.getCurrentSlide();
  const scale = frame.width / Reveal.getConfig().width;
  let worst = null;
  slide.querySelectorAll('*').forEach(el => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return;
    const out = Math.max(frame.top - r.top, r.bottom - frame.bottom,
                         frame.left - r.left, r.right - frame.right) / scale;
    if (out > 2 && (!worst || out > worst.out)) {
      worst = {out: Math.round(out), tag: el.tagName.toLowerCase(),
               text: (el.textContent || el.getAttribute('src') || '').trim().slice(0, 50)};
    }
  });
  const heading = slide.querySelector('h1, h2, h3');
  return {title: heading ? heading.textContent.replace('\u00b6', '').trim() : '',
          scale: parseFloat(slide.getAttribute('data-news-scale') || '1'), worst: worst};
}"""


@pytest.mark.parametrize(("build", "page_path"), DECKS, ids=[f"{b}:{p}" for b, p in DECKS])
def test_the_right_arrow_walks_every_slide_sub_slides_included(built, browser, build,
                                                                page_path):
    path = built(build) / page_path
    context, page, remote, console, errors = open_offline(browser, path.as_uri())
    try:
        page.wait_for_function("() => document.documentElement.dataset.newsFitted === 'true'",
                               timeout=15000)
        total = page.evaluate("() => Reveal.getTotalSlides()")
        seen = []
        for _ in range(total + 2):  # two presses past the end stay on the last slide
            seen.append(page.evaluate("() => { const i = Reveal.getIndices();"
                                      " return [i.h, i.v || 0]; }"))
            page.keyboard.press("ArrowRight")
        assert len({tuple(s) for s in seen}) == total
        assert page.evaluate("() => Reveal.isLastSlide()")
    finally:
        context.close()


@pytest.mark.parametrize(("build", "page_path"), DECKS, ids=[f"{b}:{p}" for b, p in DECKS])
def test_every_slide_fits_its_frame(built, browser, build, page_path):
    path = built(build) / page_path
    context, page, remote, console, errors = open_offline(browser, path.as_uri())
    problems = []
    try:
        page.set_viewport_size({"width": 1280, "height": 800})
        page.wait_for_function("() => document.documentElement.dataset.newsFitted === 'true'",
                               timeout=15000)
        total = page.evaluate("() => Reveal.getTotalSlides()")
        OUTPUT.mkdir(exist_ok=True)
        stem = Path(page_path).name.removesuffix(".slides.html")
        for old in OUTPUT.glob(f"{build}-{stem}-slide-*.png"):
            old.unlink()
        # every slide, sub-slides (vertical) included: [h, v] of each
        places = page.evaluate("() => Reveal.getSlides().map(s => {"
                               " const i = Reveal.getIndices(s); return [i.h, i.v || 0]; })")
        assert len(places) == total
        for i, (h, v) in enumerate(places):
            page.evaluate(f"() => Reveal.slide({h}, {v}, 1000)")  # every fragment shown
            page.wait_for_timeout(400)  # fragments fade in
            found = page.evaluate(SLIDE_OVERFLOW)
            page.screenshot(path=str(OUTPUT / f"{build}-{stem}-slide-{i + 1:02d}.png"))
            where = f"slide {h + 1}.{v + 1} ({found['title']!r})"
            if found["worst"]:
                w = found["worst"]
                problems.append(f"{where}: <{w['tag']}> {w['text']!r} is {w['out']} px "
                                "outside the slide")
            if found["scale"] < MIN_SCALE:
                problems.append(f"{where}: shrunk to {found['scale']:.2f} to fit; too much "
                                "for one slide")
    finally:
        context.close()
    assert remote == [] and console == [] and errors == [], (remote, console, errors)
    assert not problems, "\n".join(problems)
