"""Every HTML report opened in headless Chromium with the network off.

A page passes when it asks for nothing but file:// and data: URLs, logs no console or page
error, every <img> is decoded, and (slides) reveal.js starts with more than one slide.

Pages: a synthetic report built once per session, plus the real reports (every notebook in
notebooks/ run on the seed article) as soon as the project has notebooks.

Chromium is Debian's package driven by the Python ``playwright`` package (no browser
download): ``apt-get install chromium``, or set CHROMIUM=/path/to/chromium.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from report_helpers import ROOT, make_project, open_offline

from analysis import report

pytestmark = pytest.mark.browser

OUTPUT = Path(__file__).resolve().parent / "output"
SEED = ROOT / "seeds" / "000_81c44d20d7573865.txt"
REAL_NOTEBOOKS = ROOT / "notebooks"
def _pages(folder_name: str, notebooks: list[Path]) -> list[str]:
    pages = ["index.html"]
    for nb in notebooks:
        pages += [f"{folder_name}/{nb.stem}.html", f"{folder_name}/{nb.stem}.presentation.html"]
        if "findings" in nb.stem:
            pages.append(f"{folder_name}/{nb.stem}.slides.html")
    return pages


SYNTHETIC_PAGES = [("synthetic", p) for p in _pages("article", [Path("01_words.ipynb"),
                                                                  Path("02_findings.ipynb")])]
REAL = sorted(report.iter_notebooks(REAL_NOTEBOOKS)) if REAL_NOTEBOOKS.is_dir() else []
REAL_PAGES = [("seed", p) for p in _pages(report.slug_for(SEED), REAL)] if REAL else []


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict[str, Path]:
    """Report folders by name; each built once per session, on first use."""
    cache: dict[str, Path] = {}

    def get(name: str) -> Path:
        if name not in cache:
            root = tmp_path_factory.mktemp(f"browser-{name}")
            if name == "synthetic":
                nbdir, article = make_project(root)
                report.build_reports(article, root / "reports", notebooks=nbdir, progress=False)
            else:
                report.build_reports(SEED, root / "reports", notebooks=REAL_NOTEBOOKS,
                                     progress=False)
            cache[name] = root / "reports"
        return cache[name]

    return get  # type: ignore[return-value]


@pytest.mark.parametrize(("build", "page_path"), SYNTHETIC_PAGES + REAL_PAGES,
                         ids=[f"{b}:{p}" for b, p in SYNTHETIC_PAGES + REAL_PAGES])
def test_report_page_renders_offline(built, browser, build, page_path):
    path = built(build) / page_path
    assert path.is_file(), f"{page_path} was not written"
    context, page, remote, console, errors = open_offline(browser, path.as_uri())
    try:
        if page_path.endswith(".slides.html"):
            page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=10000)
            assert page.evaluate("() => Reveal.getTotalSlides()") > 1
            assert page.evaluate("() => document.querySelectorAll('.reveal .slides section')"
                                 ".length") > 1
        page.wait_for_load_state("networkidle")
        images = page.evaluate(
            "() => Array.from(document.images).map(i => "
            "({src: i.src.slice(0, 40), ok: i.complete && i.naturalWidth > 0}))"
        )
        assert [i for i in images if not i["ok"]] == []
        if page_path.endswith(("01_words.html", "03_word_frequency.html")):
            assert images, "the figures should be <img> elements"
            OUTPUT.mkdir(exist_ok=True)
            page.screenshot(path=str(OUTPUT / f"{build}-report.png"), full_page=True)
        if page_path.endswith(".slides.html"):
            OUTPUT.mkdir(exist_ok=True)
            page.screenshot(path=str(OUTPUT / f"{build}-slides.png"))
    finally:
        context.close()
    assert remote == [], f"requests to the network: {remote}"
    assert console == [], f"console errors: {console}"
    assert errors == [], f"page errors: {errors}"
