"""The report pipeline (analysis.report) on small synthetic notebooks.

What users rely on: the files are where the index says, open offline, are the same bytes
on a re-run, are not re-executed when nothing changed, and a failure or interruption never
destroys the previous reports.
"""

from __future__ import annotations

import concurrent.futures
import errno
import json
import keyword
import os
import re
import shutil
import string
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nbformat.v4 import new_code_cell, new_markdown_cell
from report_helpers import (
    ARTICLE,
    findings_notebook,
    kernel_processes,
    make_project,
    notebook,
    parameters_cell,
    snapshot,
    write,
)

from analysis import report
from analysis.corpus import InputError
from analysis.report import forkserver

PACKAGE_DIGEST = report.package_digest  # the real one (a fixture pins it for the builds)

REMOTE = re.compile(
    r"""(?:\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//)|(?:@import\s+(?:url\()?\s*["']?(?:https?:)?//)"""
    r"""|(?:url\(\s*["']?(?:https?:)?//)""",
    re.IGNORECASE,
)


def tiny_notebook(extra: str = "") -> nbformat.NotebookNode:
    """A notebook without heavy imports (fast to run) that prints what it read."""
    return notebook([
        new_markdown_cell("# Tiny\n\nPrints the input and the parameters."),
        parameters_cell(),
        new_code_cell("from pathlib import Path\n"
                      "p = Path(input_path)\n"
                      "files = [p] if p.is_file() else sorted(p.glob('*.txt'))\n"
                      "text = ' '.join(f.read_text(encoding=encoding or 'utf-8', errors='replace')"
                      " for f in files)\n"
                      "print(repr(input_path), repr(label), top, len(text.split()))" + extra),
    ])


def tiny_project(root: Path) -> SimpleNamespace:
    nbdir = root / "notebooks"
    write(tiny_notebook(), nbdir / "01_tiny.ipynb")
    article = root / "article.txt"
    article.write_text("One small article about a harbour.\n", encoding="utf-8")
    return SimpleNamespace(root=root, nbdir=nbdir, article=article, out=root / "reports")


def build(p: SimpleNamespace, **kwargs) -> report.BuildResult:
    kwargs.setdefault("jobs", 2)
    kwargs.setdefault("progress", False)
    return report.build_reports(kwargs.pop("article", p.article), p.out, notebooks=p.nbdir,
                                **kwargs)


def wait_no_kernels(marker: str, *, timeout: float = 10.0) -> list[int]:
    """Kernels still running after the run returned (killed ones may take a moment to go)."""
    deadline = time.monotonic() + timeout
    while (left := kernel_processes(marker)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def hidden_leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir()
                  if p.name.startswith(".") and p.name not in (".lock", ".store", report.TIMINGS))


@pytest.fixture(autouse=True, scope="module")
def stable_package_digest():
    """The package's own files are part of the cache key; pin that part so that an edit
    elsewhere in src/analysis during the test run does not look like a change here
    (test_package_digest_changes_with_the_package checks the real function)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(report.cache, "package_digest", lambda: "pinned-for-tests")
        # these notebooks import nothing heavy: a fresh kernel is ready in ~1 s, sooner than
        # the kernel fork server's imports (~4 s); forks are tested in test_forkserver.py and
        # by test_cli.py's Ctrl-C run
        mp.setenv(forkserver.FORKS_ENV, "0")
        yield


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> SimpleNamespace:
    root = tmp_path_factory.mktemp("project")
    nbdir, article = make_project(root)
    p = SimpleNamespace(root=root, nbdir=nbdir, article=article, out=root / "reports")
    p.result = build(p)
    p.folder = p.out / "article"
    return p


# --------------------------------------------------------------------------- outputs


def test_outputs_are_named_after_the_input_and_listed_in_the_index(project):
    assert project.result.slug == "article"
    names = sorted(p.name for p in project.folder.iterdir())
    assert names == [
        "01_words.html",
        "01_words.ipynb",
        "01_words.presentation.html",
        "02_findings.html",
        "02_findings.ipynb",
        "02_findings.presentation.html",
        "02_findings.slides.html",
        "manifest.json",
    ]
    index = (project.out / "index.html").read_text(encoding="utf-8")
    hrefs = set(re.findall(r'href="([^"]+)"', index))
    for name in names:
        if name != "manifest.json":
            assert f"article/{name}" in hrefs
    for href in hrefs:  # every link points at a file that exists
        assert (project.out / href).is_file(), href
    # the input's own title, then each notebook's title and summary (Markdown rendered)
    assert "<h2>Harbour plan approved</h2>" in index and 'id="article"' in index
    assert "Word counts" in index
    assert "How many words the input has, and which are <strong>most</strong> frequent." in index
    assert "Findings" in index and "What the article says, in three slides." in index
    assert hidden_leftovers(project.out) == []
    # every page says which input it shows
    for page in project.folder.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert re.search(r"<title>[^<]* \u00b7 Harbour plan approved[^<]*</title>", html), page.name


def test_executed_notebook_has_outputs_and_the_absolute_input_path(project):
    nb = nbformat.read(project.folder / "01_words.ipynb", as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1
    assert repr(str(project.article.resolve())) in injected[0].source
    stdout = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code"
                     for o in c.outputs if o.get("name") == "stdout")
    assert f"words {len(ARTICLE.split())}\n" in stdout  # the default label, all words read
    pngs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
            if "image/png" in o.get("data", {})]
    assert len(pngs) == 1  # the figure is there although the environment may say MPLBACKEND=agg
    text = (project.folder / "01_words.ipynb").read_text(encoding="utf-8")
    for timing in ('"start_time"', '"end_time"', '"duration"', '"execution"', str(project.out)):
        assert timing not in text
    assert nb.metadata.kernelspec.name == "news-text-analysis"


def test_html_reports_have_no_remote_resource(project):
    pages = sorted(project.out.rglob("*.html"))
    assert len(pages) == 6
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not REMOTE.search(html), (page.name, REMOTE.search(html))
        assert "require.js" not in html and "mathjax" not in html.lower()


def test_images_are_embedded(project):
    html = (project.folder / "01_words.html").read_text(encoding="utf-8")
    imgs = re.findall(r"<img[^>]*\bsrc=\"([^\"]{0,40})", html)
    assert imgs and all(src.startswith("data:image/png;base64,") for src in imgs)


def test_presentation_shows_results_without_code(project):
    full = (project.folder / "01_words.html").read_text(encoding="utf-8")
    shown = (project.folder / "01_words.presentation.html").read_text(encoding="utf-8")
    assert "most_common" in full and "most_common" not in shown  # code
    prompt = re.compile(r'Prompt[^"]*">\s*(In|Out)\s*\[\d')  # In [1]: / Out[4]:
    assert prompt.search(full) and not prompt.search(shown)
    assert f"words {len(ARTICLE.split())}" in shown  # results stay
    assert "a warning for the log" in full and "a warning for the log" not in shown
    assert "injected-parameters" not in shown


def test_slides_are_one_offline_reveal_deck(project):
    html = (project.folder / "02_findings.slides.html").read_text(encoding="utf-8")
    reveal_js = (report.reveal_dir() / "dist" / "reveal.js").read_text(encoding="utf-8")
    assert reveal_js[-2000:].strip()[:200] in html  # the library itself, inline
    assert "Reveal.initialize(" in html and "plugins: [RevealNotes]" in html
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=", html)
    assert not REMOTE.search(html)
    assert "@import" not in html  # the theme's web fonts are stripped
    # no slideshow metadata in the notebook: one slide per heading
    assert html.count("<section") == 2 * 3  # each slide is a <section> in a <section>
    assert "Path(input_path)" not in html  # code hidden


def test_slides_follow_slideshow_metadata_when_present():
    nb = findings_notebook(slide_metadata=True)
    nb.cells[-1].metadata["slideshow"] = {"slide_type": "fragment"}
    types = [c.metadata.slideshow.slide_type for c in report.slides_notebook(nb).cells]
    assert types == ["slide", "-", "slide", "-", "slide", "fragment"]  # parameters cell removed
    plain = findings_notebook()
    types = [c.metadata.slideshow.slide_type for c in report.slides_notebook(plain).cells]
    assert types == ["slide", "-", "slide", "-", "slide", "-"]


# --------------------------------------------------------------------------- cache, determinism


def test_second_run_without_changes_executes_nothing(project):
    before = snapshot(project.folder)
    result = build(project)
    assert result.executed == [] and result.reused == ["01_words", "02_findings"]
    assert snapshot(project.folder) == before  # same bytes, files not even rewritten


def test_forced_rerun_gives_identical_bytes(project):
    before = {k: v[0] for k, v in snapshot(project.folder).items()}
    index = (project.out / "index.html").read_bytes()
    result = build(project, force=True)
    assert result.executed == ["01_words", "02_findings"]
    after = {k: v[0] for k, v in snapshot(project.folder).items()}
    assert after.keys() == before.keys()
    for name in before:
        assert after[name] == before[name], name
    assert (project.out / "index.html").read_bytes() == index


def test_changed_input_or_notebook_is_executed_again(tmp_path):
    p = tiny_project(tmp_path)
    write(findings_notebook(), p.nbdir / "02_findings.ipynb")
    assert build(p).executed == ["01_tiny", "02_findings"]
    p.article.write_text("Another article, longer than the first one.\n", encoding="utf-8")
    assert build(p).executed == ["01_tiny", "02_findings"]
    nb = nbformat.read(p.nbdir / "01_tiny.ipynb", as_version=4)
    nb.cells.append(new_code_cell("print('new cell')"))
    nbformat.write(nb, p.nbdir / "01_tiny.ipynb")
    result = build(p)
    assert result.executed == ["01_tiny"] and result.reused == ["02_findings"]
    assert "new cell" in (p.out / "article" / "01_tiny.html").read_text(encoding="utf-8")
    (p.out / "article" / "02_findings.html").write_text("damaged", encoding="utf-8")
    assert build(p).executed == ["02_findings"]  # a damaged output is rebuilt


# --------------------------------------------------------------------------- faults


def test_failing_notebook_names_the_cell_and_keeps_previous_reports(tmp_path):
    p = tiny_project(tmp_path)
    build(p)
    before = snapshot(p.out / "article")
    broken = notebook([
        new_markdown_cell("# Broken\n\nRaises."),
        parameters_cell(),
        new_code_cell("x = 1"),
        new_code_cell("raise ValueError('boom here')"),
    ])
    write(broken, p.nbdir / "02_broken.ipynb")
    with pytest.raises(report.NotebookFailed) as info:
        build(p)
    (line,) = info.value.lines
    assert "02_broken.ipynb" in line
    assert "cell 4 (In [4]: raise ValueError('boom here'))" in line  # In [2]: the injected cell
    assert "ValueError: boom here" in line
    kept = p.out / "article.failed" / "02_broken.ipynb"
    assert str(kept) in line and kept.is_file()
    failed_nb = nbformat.read(kept, as_version=4)
    errors = [o for c in failed_nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error"]
    assert errors and errors[0].ename == "ValueError"
    assert snapshot(p.out / "article") == before  # previous reports untouched
    assert hidden_leftovers(p.out) == []
    assert "last run on this input failed" in (p.out / "index.html").read_text(encoding="utf-8")
    # fixed: the run succeeds and the failure folder goes away
    write(tiny_notebook(), p.nbdir / "02_broken.ipynb")
    assert build(p).executed == ["02_broken"]
    assert not (p.out / "article.failed").exists()


def test_full_disk_midway_keeps_previous_reports(tmp_path, monkeypatch):
    p = tiny_project(tmp_path)
    write(tiny_notebook("\nprint('second')"), p.nbdir / "02_second.ipynb")
    build(p)
    before = snapshot(p.out)
    p.article.write_text("Changed text, so everything runs again.\n", encoding="utf-8")
    real_export = report.export.export_html

    def export_on_full_disk(nb, kind, **kwargs):  # runs in the (forked) worker
        if "second" in kwargs.get("title", "") or "second" in json.dumps(nb):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_export(nb, kind, **kwargs)

    monkeypatch.setattr(report.export, "export_html", export_on_full_disk)
    with pytest.raises(OSError) as info:
        build(p)
    assert info.value.errno == errno.ENOSPC
    assert snapshot(p.out) == before
    assert hidden_leftovers(p.out) == []
    assert wait_no_kernels(str(p.out)) == []
    monkeypatch.setattr(report.export, "export_html", real_export)
    assert build(p).executed == ["01_tiny", "02_second"]


def test_interrupt_midway_keeps_previous_reports(tmp_path, monkeypatch):
    p = tiny_project(tmp_path)
    write(tiny_notebook("\nimport time; time.sleep(30)"), p.nbdir / "02_slow.ipynb")
    (p.nbdir / "02_slow.ipynb").rename(p.nbdir / "02_slow.ipynb.off")
    build(p)
    before = snapshot(p.out)
    (p.nbdir / "02_slow.ipynb.off").rename(p.nbdir / "02_slow.ipynb")
    real_wait = concurrent.futures.wait
    calls = {"n": 0}

    def wait_then_ctrl_c(fs, timeout=None, return_when=concurrent.futures.ALL_COMPLETED):
        calls["n"] += 1
        if calls["n"] > 1 and kernel_processes(str(p.out)):
            raise KeyboardInterrupt  # Ctrl-C while a kernel runs the slow notebook
        return real_wait(fs, timeout=timeout, return_when=return_when)

    monkeypatch.setattr(concurrent.futures, "wait", wait_then_ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        build(p)
    assert snapshot(p.out) == before
    assert hidden_leftovers(p.out) == []
    assert wait_no_kernels(str(p.out)) == []
    monkeypatch.setattr(concurrent.futures, "wait", real_wait)
    write(tiny_notebook(), p.nbdir / "02_slow.ipynb")
    assert build(p).executed == ["02_slow"]


def test_unwritable_output_folder_is_a_clear_error(tmp_path):
    p = tiny_project(tmp_path)
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    p.out = blocker / "reports"
    with pytest.raises(report.ReportError, match="cannot write reports there"):
        build(p)


def test_bad_input_raises_before_anything_is_written(tmp_path):
    p = tiny_project(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    for bad in (tmp_path / "missing.txt", empty):
        with pytest.raises(InputError):
            build(p, article=bad)
    assert not p.out.exists()


# --------------------------------------------------------------------------- parameters


def test_injected_parameters_stay_literal_strings(tmp_path):
    p = tiny_project(tmp_path)
    pwned = p.nbdir / "pwned"  # the kernel runs in the notebooks folder
    attack = 'x"; import os; os.system("touch pwned") #'
    name = attack + "\\ ' \"\"\" \n\t end.txt"
    article = tmp_path / "in" / name
    article.parent.mkdir()
    article.write_text("Harbour plan approved.\n", encoding="utf-8")
    label = f"a'b\"c\\n\nline2 {attack}"
    build(p, article=article, parameters={"label": label, "top": "7"})
    nb = nbformat.read(next((p.out).glob("*/01_tiny.ipynb")), as_version=4)
    (out,) = [o for o in nb.cells[-1].outputs if o.get("name") == "stdout"]
    assert out.text == f"{str(article)!r} {label!r} 7 3\n"
    assert not pwned.exists()
    injected = nb.cells[2].source
    assert injected.startswith("# Parameters\n") and injected.count("\n") == 4


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.text(string.ascii_letters + "_", min_size=1, max_size=8).filter(
            lambda s: s.isidentifier() and not keyword.iskeyword(s)
        ),
        st.one_of(st.text(), st.integers(), st.booleans(),
                  st.floats(allow_nan=False, allow_infinity=False)),
        max_size=4,
    )
)
def test_rendered_parameters_evaluate_to_exactly_the_values(values):
    try:
        source = report.render_parameters(values)
    except report.UsageError:  # lone surrogates cannot be written to a notebook
        assert any(isinstance(v, str) and not _utf8(v) for v in values.values())
        return
    namespace: dict = {}
    exec(compile(source, "<parameters>", "exec"), {"__builtins__": {}}, namespace)
    assert namespace == values
    assert {type(v) for v in namespace.values()} == {type(v) for v in values.values()}


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def test_parameters_are_typed_and_checked(tmp_path):
    p = tiny_project(tmp_path)
    with pytest.raises(report.UsageError, match="not in any notebook"):
        build(p, parameters={"no_such_parameter": "1"})
    with pytest.raises(report.UsageError, match="whole number"):
        build(p, parameters={"top": "many"})
    with pytest.raises(report.UsageError, match="Python identifier"):
        build(p, parameters={"x=1;import os": "1"})
    with pytest.raises(report.UsageError, match="PATH argument"):
        build(p, parameters={"input_path": "/etc/passwd"})
    assert not p.out.exists()


def test_encoding_is_used_and_passed_to_the_notebooks(tmp_path):
    p = tiny_project(tmp_path)
    p.article.write_bytes("Caf\xe9 owners protest the harbour plan.\n".encode("cp1252"))
    build(p, encoding="cp1252")
    nb = nbformat.read(p.out / "article" / "01_tiny.ipynb", as_version=4)
    assert "encoding = 'cp1252'" in nb.cells[2].source
    assert "6\n" in nb.cells[-1].outputs[0].text


# --------------------------------------------------------------------------- index, reveal


def test_index_lists_every_report_folder_and_skipped_files(tmp_path):
    p = tiny_project(tmp_path)
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("First article about the harbour.\n", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    build(p)
    build(p, article=folder)
    index = (p.out / "index.html").read_text(encoding="utf-8")
    assert 'id="article"' in index and 'id="articles"' in index
    assert "could not be read and was skipped" in index and "b.txt" in index
    manifest = json.loads((p.out / "articles" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["documents"] == 1 and len(manifest["skipped"]) == 1


def test_unreadable_notebook_is_a_usage_error(tmp_path):
    p = tiny_project(tmp_path)
    (p.nbdir / "02_broken.ipynb").write_text("{ not json", encoding="utf-8")
    with pytest.raises(report.UsageError, match="02_broken.ipynb: cannot be read as a notebook"):
        build(p)
    assert not p.out.exists()


def test_missing_revealjs_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv(report.REVEAL_ENV, str(tmp_path / "nowhere"))
    with pytest.raises(report.ReportError) as info:
        report.reveal_dir()
    message = str(info.value)
    assert "make install" in message and "tools/fetch_revealjs.py" in message
    p = tiny_project(tmp_path)
    write(findings_notebook(), p.nbdir / "02_findings.ipynb")
    with pytest.raises(report.ReportError, match="reveal.js not found"):
        build(p)
    assert not p.out.exists()


def test_widgets_are_kept_as_their_static_views():
    nb = notebook([new_code_cell("w"), new_code_cell("slider")])
    nb.cells[0].outputs = [nbformat.v4.new_output(
        "display_data", data={report.WIDGET_VIEW: {"model_id": "f" * 32, "version_major": 2},
                              "text/html": "<p>default view</p>",
                              "text/plain": "Explorer (default: x)"})]
    nb.cells[1].outputs = [nbformat.v4.new_output(
        "display_data", data={report.WIDGET_VIEW: {"model_id": "e" * 32, "version_major": 2},
                              "text/plain": "IntSlider(value=3)"})]
    nb.metadata["widgets"] = {report.WIDGET_STATE: {"state": {"f" * 32: {"state": {}}}}}
    out = report.clean_notebook(nb, source_name="x.ipynb", output_name="x.ipynb")
    text = json.dumps(out, sort_keys=True)
    assert "f" * 32 not in text and "e" * 32 not in text and "widgets" not in out.metadata
    assert out.cells[0].outputs[0].data == {"text/html": "<p>default view</p>",
                                            "text/plain": "Explorer (default: x)"}
    assert "open this notebook in JupyterLab" in out.cells[1].outputs[0].data["text/html"]
    html = report.export_html(out, "html", title="w", resources_path=Path("."))
    assert b"default view" in html and b"open this notebook in JupyterLab" in html
    assert b"widget-state" not in html and b"widget-view" not in html


# --------------------------------------------------------------------------- refresh


def test_refresh_notebooks_in_place_is_deterministic_and_safe(tmp_path):
    folder = tmp_path / "notebooks"
    write(notebook([
        new_markdown_cell("# Reads the seed\n\nWith its default parameters."),
        parameters_cell(),
        new_code_cell("from pathlib import Path\n"
                      "text = Path(input_path).read_text(encoding='utf-8')\n"
                      "print(repr(input_path), repr(label), top, len(text.split()))"),
    ]), folder / "01_seed.ipynb")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "000_81c44d20d7573865.txt").write_text("Four words in here.\n", encoding="utf-8")
    assert report.refresh_notebooks(folder, jobs=1, progress=False) == ["01_seed"]
    first = (folder / "01_seed.ipynb").read_bytes()
    nb = nbformat.reads(first.decode(), as_version=4)
    assert "papermill" not in nb.metadata
    assert all("papermill" not in c.metadata and "execution" not in c.metadata for c in nb.cells)
    assert not any("injected-parameters" in c.metadata.get("tags", []) for c in nb.cells)
    assert nb.cells[-1].outputs[0].text == "'../seeds/000_81c44d20d7573865.txt' 'words' 3 4\n"
    assert nb.cells[-1].execution_count == 2
    report.refresh_notebooks(folder, jobs=1, progress=False)
    assert (folder / "01_seed.ipynb").read_bytes() == first
    (seeds / "000_81c44d20d7573865.txt").unlink()
    with pytest.raises(report.NotebookFailed, match=r"01_seed.ipynb failed at cell 3 .*"
                       r"FileNotFoundError"):
        report.refresh_notebooks(folder, jobs=1, progress=False)
    assert (folder / "01_seed.ipynb").read_bytes() == first  # left as it was
    assert sorted(p.name for p in folder.iterdir()) == [".failed", "01_seed.ipynb"]
    assert [p.name for p in (folder / ".failed").iterdir()] == ["01_seed.ipynb"]


def test_package_digest_changes_with_the_package(tmp_path, monkeypatch):
    copy = tmp_path / "analysis"
    shutil.copytree(report.PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    from analysis.store import keys

    monkeypatch.setattr(keys, "PACKAGE_DIR", copy)
    real = PACKAGE_DIGEST
    first = real()
    (copy / "__pycache__").mkdir(exist_ok=True)
    (copy / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"compiled")
    assert real() == first  # caches do not count
    (copy / "templates" / "index.html.j2").write_text("changed", encoding="utf-8")
    assert real() != first


def test_notebook_discovery_ignores_other_files(tmp_path):
    for name in ("01_a.ipynb", "02_b-c.ipynb", "Untitled.ipynb", "03_x.ipynb.off", "ab_c.ipynb"):
        (tmp_path / name).write_text("{}")
    (tmp_path / ".ipynb_checkpoints").mkdir()
    assert [p.name for p in report.find_notebooks(tmp_path)] == ["01_a.ipynb", "02_b-c.ipynb"]
    shutil.rmtree(tmp_path)
    tmp_path.mkdir()
    with pytest.raises(report.UsageError, match="no notebooks"):
        report.find_notebooks(tmp_path)


def _nbval(notebook_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONHASHSEED": "0", "MPLBACKEND": "agg"}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval",
         "--nbval-kernel-name", report.choose_kernel(), str(notebook_path)],
        capture_output=True, text=True, env=env, cwd=notebook_path.parent, timeout=300)


def test_refresh_into_another_folder_runs_on_that_input_and_nbval_checks_it(tmp_path):
    """`make notebooks` second set: the notebooks run on a corpus, written elsewhere with the
    input path relative to that folder; nbval passes there, and fails once the corpus
    changes."""
    folder = tmp_path / "notebooks"
    write(tiny_notebook(), folder / "01_tiny.ipynb")
    corpus = tmp_path / "seeds" / "corpus.csv"
    corpus.parent.mkdir()
    corpus.write_text("id,text\n1,Harbour plan approved by the council\n", encoding="utf-8")
    into = tmp_path / "tests" / "notebooks" / "corpus"
    write(tiny_notebook(), into / "09_renamed.ipynb")  # a notebook that no longer exists
    names = report.refresh_notebooks(folder, jobs=1, progress=False, input_path=corpus,
                                     into=into)
    assert names == ["01_tiny"]
    assert sorted(p.name for p in into.iterdir()) == ["01_tiny.ipynb"]  # stale one removed
    first = (into / "01_tiny.ipynb").read_bytes()
    nb = nbformat.reads(first.decode(), as_version=4)
    assert "papermill" not in nb.metadata
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1
    assert "input_path = '../../../seeds/corpus.csv'" in injected[0].source
    assert nb.cells[-1].outputs[0].text == "'../../../seeds/corpus.csv' 'words' 3 7\n"
    assert '"outputs": []' in (folder / "01_tiny.ipynb").read_text()  # source untouched
    report.refresh_notebooks(folder, jobs=1, progress=False, input_path=corpus, into=into)
    assert (into / "01_tiny.ipynb").read_bytes() == first
    assert _nbval(into / "01_tiny.ipynb").returncode == 0
    corpus.write_text("id,text\n1,Harbour plan approved\n", encoding="utf-8")
    changed = _nbval(into / "01_tiny.ipynb")
    assert changed.returncode == 1 and "Cell outputs differ" in changed.stdout
    with pytest.raises(report.UsageError, match="--into"):
        report.refresh_notebooks(folder, input_path=corpus)


# --------------------------------------------------------------------------- exports, prepare


def test_notebooks_declare_their_exports_in_metadata(tmp_path):
    p = tiny_project(tmp_path)
    nb = tiny_notebook()
    nb.metadata["news_analysis"] = {"exports": ["html", "slides"]}
    write(nb, p.nbdir / "02_deck.ipynb")  # no "findings" in the name: slides all the same
    write(findings_notebook(), p.nbdir / "03_findings.ipynb")
    plain = nbformat.read(p.nbdir / "03_findings.ipynb", as_version=4)
    del plain.metadata["news_analysis"]  # "findings" in the name alone gives no deck
    write(plain, p.nbdir / "03_findings.ipynb")
    build(p)
    names = sorted(f.name for f in (p.out / "article").glob("*.html"))
    assert names == ["01_tiny.html", "01_tiny.presentation.html", "02_deck.html",
                     "02_deck.slides.html", "03_findings.html", "03_findings.presentation.html"]
    nb.metadata["news_analysis"] = {"exports": ["pdf"]}
    write(nb, p.nbdir / "02_deck.ipynb")
    with pytest.raises(report.UsageError, match=r"02_deck.ipynb: unknown export 'pdf'"):
        build(p)


def test_prepare_hook_titles_parameters_and_cache_key(tmp_path):
    """The hook runs once before the notebooks with the plan's values; its title heads the
    pages and the index, its parameters reach the notebooks that declare them, its digest
    is part of every cache key; its errors leave nothing behind."""
    p = tiny_project(tmp_path)
    nb = tiny_notebook()
    nb.cells[1].source += "\nstore_dir = None\ngroup_by = None\nextra = 'default'"
    write(nb, p.nbdir / "01_tiny.ipynb")
    seen: list[report.PrepareRequest] = []
    digest = {"value": "a"}

    def prepare(request: report.PrepareRequest) -> report.Prepared:
        seen.append(request)
        request.progress(1, 2)
        request.progress(2, 2)
        return report.Prepared(title="A harbour corpus (2 documents)", digest=digest["value"],
                               parameters={"extra": "from prepare", "undeclared": 1},
                               documents=2)

    first = build(p, prepare=prepare, text_column="body", group_by="outlet", dask="tcp://x:1")
    (request,) = seen
    assert request.input_path == p.article.resolve()
    assert request.loader == {"text_column": "body"}
    assert (request.group_by, request.dask, request.jobs) == ("outlet", "tcp://x:1", 2)
    assert request.store_dir == (p.out / ".store").resolve()
    assert first.title == "A harbour corpus (2 documents)"
    executed = nbformat.read(p.out / "article" / "01_tiny.ipynb", as_version=4)
    injected = executed.cells[2].source
    assert "extra = 'from prepare'" in injected and "undeclared" not in injected
    assert f"store_dir = {str((p.out / '.store').resolve())!r}" in injected
    assert "group_by = 'outlet'" in injected
    assert "text_column" not in injected  # not declared by this notebook
    index = (p.out / "index.html").read_text(encoding="utf-8")
    assert "<h2>A harbour corpus (2 documents)</h2>" in index
    page = (p.out / "article" / "01_tiny.html").read_text(encoding="utf-8")
    assert "Input: A harbour corpus (2 documents)" in page
    kwargs = {"prepare": prepare, "text_column": "body", "group_by": "outlet"}
    assert build(p, **kwargs).executed == []
    digest["value"] = "b"  # what the notebooks read changed
    assert build(p, **kwargs).executed == ["01_tiny"]

    def refuse(request: report.PrepareRequest) -> report.Prepared:
        raise report.UsageError("--group-by outlet: no such column")

    other = tmp_path / "fresh"
    with pytest.raises(report.UsageError, match="no such column"):
        report.build_reports(p.article, other, notebooks=p.nbdir, prepare=refuse,
                             progress=False)
    assert not other.exists()


def test_default_prepare_validates_group_by_and_titles_the_input(tmp_path):
    p = tiny_project(tmp_path)
    p.article.write_text("Harbour plan approved\n\nThe council voted.\n", encoding="utf-8")
    with pytest.raises(report.UsageError) as info:
        build(p, group_by="no_such_column")
    message = str(info.value)
    assert "--group-by no_such_column" in message and "columns are: title" in message
    assert not p.out.exists()
    with pytest.raises(report.UsageError, match="Did you mean 'title'"):
        build(p, group_by="titel")
    assert build(p).title == "Harbour plan approved"
    folder = tmp_path / "many"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(f"Story {name}.\n", encoding="utf-8")
    assert build(p, article=folder).title == "many (2 documents)"


def test_reserved_parameters_are_set_by_their_options(tmp_path):
    p = tiny_project(tmp_path)
    for name, option in [("text_column", "--text-column"), ("store_dir", "--store"),
                         ("group_by", "--group-by"), ("hard_wrapped", "--hard-wrapped")]:
        with pytest.raises(report.UsageError, match=f"set by {option}"):
            build(p, parameters={name: "x"})
    assert not p.out.exists()


def test_answers_fold_and_tables_read_well_in_html():
    """An exercise answer written as Markdown inside <details> stays inside it; pandas'
    default index is dropped, text columns are marked left-aligned, numbers are not."""
    import pandas as pd

    frame = pd.DataFrame({"actor": ["Harbour Board", "Tom Castell"], "mentions": [4, 2]})
    nb = notebook([
        new_markdown_cell("## Exercise\n\n1. Who is mentioned most?"),
        new_markdown_cell("<details><summary>Answer</summary>\n\nThe *Harbour Board*, with "
                          "`4` mentions.\n\n![chart](missing.png)\n\n</details>"),
        new_code_cell("frame"),
    ])
    nb.cells[2].outputs = [nbformat.v4.new_output(
        "execute_result", data={"text/html": frame._repr_html_(), "text/plain": str(frame)},
        execution_count=1)]
    html = report.export_html(nb, "presentation", title="t", resources_path=Path(".")).decode()
    fold = re.search(r"<details><summary>Answer</summary>(.*?)</details>", html, re.DOTALL)
    assert fold and "<em>Harbour Board</em>" in fold.group(1) and "<code>4</code>" in fold.group(1)
    assert '<img alt="chart" src="missing.png"' in fold.group(1)
    table = re.search(r'<table border="1" class="dataframe">.*?</table>', html, re.DOTALL)
    assert table
    cells = re.findall(r"<t([hd])([^>]*)>([^<]*)</t[hd]>", table.group(0))
    assert ("h", ' class="news-text"', "actor") in cells and ("h", "", "mentions") in cells
    assert ("d", ' class="news-text"', "Tom Castell") in cells and ("d", "", "2") in cells
    assert not any(text in ("0", "1") for kind, _, text in cells if kind == "h")
    named = frame.set_index("actor")  # an index that means something stays
    kept = report.htmltables.readable_tables(named._repr_html_())
    assert "<th class=\"news-text\">Tom Castell</th>" in kept
