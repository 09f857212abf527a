"""``python -m analysis`` as a user runs it: exit status, one-line errors, Ctrl-C."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell
from report_helpers import cli, kernel_processes, notebook, parameters_cell, snapshot, write


def counting_notebook(extra: str = "") -> nbformat.NotebookNode:
    return notebook([
        new_markdown_cell("# Count\n\nCounts the words."),
        parameters_cell(),
        new_code_cell("from pathlib import Path\n"
                      "text = Path(input_path).read_text(encoding=encoding or 'utf-8')\n"
                      "print(repr(label), top, len(text.split()))" + extra),
    ])


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(counting_notebook(), tmp_path / "notebooks" / "01_count.ipynb")
    (tmp_path / "article.txt").write_text("Three short words.\n", encoding="utf-8")
    return tmp_path


def assert_one_error_line(result: subprocess.CompletedProcess, *needles: str) -> str:
    all_lines = result.stderr.splitlines()
    # besides the error: only the per-notebook progress lines of a run that started
    progress = [ln for ln in all_lines if re.match(r"(done|FAILED): \S+ \(|prepared: ", ln)]
    lines = [ln for ln in all_lines if ln not in progress]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0]
    return lines[0]


def test_help_lists_the_commands():
    result = cli("--help")
    assert result.returncode == 0
    assert "report" in result.stdout and "refresh-notebooks" in result.stdout
    result = cli("report", "--help")
    assert result.returncode == 0
    for option in ("--out", "--jobs", "--force", "--encoding", "--parameter", "--notebooks"):
        assert option in result.stdout


@pytest.mark.parametrize(
    ("name", "make", "problem"),
    [
        ("missing.txt", None, "no such file or folder"),
        ("empty.txt", lambda p: p.write_bytes(b""), "empty"),
        ("blank.txt", lambda p: p.write_text(" \n\t\n"), "whitespace"),
        ("binary.txt", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
         "not a text file"),
        ("emptydir", lambda p: p.mkdir(), ""),
    ],
)
def test_bad_input_is_one_line_and_exit_2_with_nothing_written(project, name, make, problem):
    path = project / name
    if make:
        make(path)
    result = cli("report", str(path), "--out", str(project / "out"),
                 "--notebooks", str(project / "notebooks"))
    assert result.returncode == 2
    assert_one_error_line(result, str(path), problem)
    assert result.stdout == ""
    assert not (project / "out").exists()


def test_unknown_encoding_and_bad_parameters_are_usage_errors(project):
    common = ["--out", str(project / "out"), "--notebooks", str(project / "notebooks")]
    result = cli("report", str(project / "article.txt"), "--encoding", "no-such-codec", *common)
    assert result.returncode == 2
    assert_one_error_line(result, "no-such-codec")
    result = cli("report", str(project / "article.txt"), "-p", "top", "lots", *common)
    assert result.returncode == 2
    assert_one_error_line(result, "top", "whole number")
    result = cli("report", str(project / "article.txt"), "-p", "nope", "1", *common)
    assert result.returncode == 2
    assert_one_error_line(result, "nope", "can set: ")
    result = cli("report", str(project / "article.txt"), "-p", "tpo", "1", *common)
    assert result.returncode == 2
    assert_one_error_line(result, "tpo", "did you mean 'top'")
    assert not (project / "out").exists()


def test_unwritable_output_folder_is_one_clear_line(project):
    (project / "file.txt").write_text("not a folder")
    result = cli("report", str(project / "article.txt"), "--out", str(project / "file.txt" / "r"),
                 "--notebooks", str(project / "notebooks"))
    assert result.returncode != 0
    assert_one_error_line(result, "file.txt", "cannot write")


def test_report_runs_with_parameters_then_a_failure_keeps_the_reports(project):
    out = project / "out"
    label = 'say "hi"; import os; os.system("touch pwned") #'
    args = ["report", str(project / "article.txt"), "--out", str(out),
            "--notebooks", str(project / "notebooks")]
    result = cli(*args, "-p", "label", label, "-p", "top", "7")
    assert result.returncode == 0, result.stderr
    # without a terminal: no bar; one line for the input, one per finished notebook
    lines = result.stderr.splitlines()
    assert len(lines) == 2, result.stderr
    assert re.fullmatch(r"prepared: 1 document \(\d+\.\d s\)", lines[0])
    assert re.match(r"done: 01_count \(\d+\.\d s\) \[1/1\]$", lines[1])
    assert cli(*args, "-p", "label", label, "-p", "top", "7", "--force", "--quiet").stderr == ""
    assert "1 executed" in result.stdout
    nb = nbformat.read(out / "article" / "01_count.ipynb", as_version=4)
    assert nb.cells[-1].outputs[0].text == f"{label!r} 7 3\n"
    assert not (project / "notebooks" / "pwned").exists()
    before = snapshot(out / "article")

    write(notebook([new_markdown_cell("# Broken\n\nRaises."), parameters_cell(),
                    new_code_cell("1 / 0")]), project / "notebooks" / "02_broken.ipynb")
    result = cli(*args, "-p", "label", label, "-p", "top", "7")
    assert result.returncode == 1
    line = assert_one_error_line(result, "02_broken.ipynb", "cell 3", "ZeroDivisionError",
                                 "division by zero")
    kept = out / "article.failed" / "02_broken.ipynb"
    assert str(kept) in line and kept.is_file()
    assert snapshot(out / "article") == before


def test_kernel_that_dies_is_reported_with_its_cell(project):
    write(notebook([new_markdown_cell("# Dies\n\nThe kernel exits."), parameters_cell(),
                    new_code_cell("print('before')"), new_code_cell("import os\nos._exit(3)"),
                    new_code_cell("print('never')")]), project / "notebooks" / "02_dies.ipynb")
    out = project / "out"
    result = cli("report", str(project / "article.txt"), "--out", str(out),
                 "--notebooks", str(project / "notebooks"))
    assert result.returncode == 1
    assert_one_error_line(result, "02_dies.ipynb", "cell 4 (In [", ": import os)",
                          "DeadKernelError")
    kept = nbformat.read(out / "article.failed" / "02_dies.ipynb", as_version=4)
    assert kept.cells[3].outputs[0].text == "before\n"  # what ran is kept
    assert not (out / "article").exists()  # no previous reports: nothing half-written


def test_ctrl_c_keeps_previous_reports_and_kills_the_kernels(project):
    out = project / "out"
    args = [sys.executable, "-m", "analysis", "report", str(project / "article.txt"),
            "--out", str(out), "--notebooks", str(project / "notebooks")]
    assert subprocess.run(args, capture_output=True).returncode == 0
    before = snapshot(out)
    write(counting_notebook("\nimport time\ntime.sleep(60)"),
          project / "notebooks" / "02_slow.ipynb")
    env = {**os.environ, "PYTHONFAULTHANDLER": "1"}  # SIGABRT dumps every thread's stack
    # As in a terminal, Ctrl-C must reach the command: a process started from a background job
    # of a non-interactive shell (some CI runners) inherits SIGINT ignored, and Python keeps it
    # so; the command is started with Python's own handler in place.
    terminal = [sys.executable, "-c", "import runpy, signal, sys; "
                "signal.signal(signal.SIGINT, signal.default_int_handler); "
                "sys.argv = ['analysis', *sys.argv[1:]]; "
                "runpy.run_module('analysis', run_name='__main__', alter_sys=True)", *args[3:]]
    err_path = project / "stderr.txt"  # a file, not a pipe: readable even if a child holds it
    with open(err_path, "w") as err_file:
        proc = subprocess.Popen(terminal, stdout=subprocess.DEVNULL, stderr=err_file, text=True,
                                start_new_session=True, env=env)
    slow = kernel_processes  # the kernel of this run's slow notebook, not a previous one
    try:
        deadline = time.monotonic() + 60
        while not slow(str(out), "02_slow.") and time.monotonic() < deadline:
            assert proc.poll() is None, err_path.read_text()
            time.sleep(0.05)
        assert slow(str(out), "02_slow."), "no kernel started"
        time.sleep(0.5)  # let the kernel get into the notebook
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:  # say where it hangs, then fail
            tree = subprocess.run(["ps", "-o", "pid,ppid,pgid,stat,args", "-g", str(proc.pid)],
                                  capture_output=True, text=True).stdout
            os.kill(proc.pid, signal.SIGABRT)
            proc.wait(timeout=30)
            pytest.fail(f"no exit 60 s after Ctrl-C; processes:\n{tree}\n"
                        f"stderr:\n{err_path.read_text()[-6000:]}")
    finally:  # whatever happened, nothing of this run is left behind (workers included)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    stderr = err_path.read_text()
    assert proc.returncode == 130
    lines = [ln for ln in stderr.splitlines() if not ln.startswith("prepared: ")]
    assert lines == ["error: interrupted; previous reports left as they were"]
    deadline = time.monotonic() + 10
    while kernel_processes(str(out)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert kernel_processes(str(out)) == []
    assert snapshot(out) == before
    # a re-run afterwards succeeds
    write(counting_notebook(), project / "notebooks" / "02_slow.ipynb")
    result = subprocess.run(args, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (out / "article" / "02_slow.html").is_file()


def test_refresh_notebooks_command(tmp_path):
    write(counting_notebook(), tmp_path / "notebooks" / "01_count.ipynb")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "000_81c44d20d7573865.txt").write_text("Two words\n", encoding="utf-8")
    result = cli("refresh-notebooks", "notebooks", "--jobs", "1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "refreshed 1 notebook" in result.stdout
    nb = nbformat.read(tmp_path / "notebooks" / "01_count.ipynb", as_version=4)
    assert nb.cells[-1].outputs[0].text == "'words' 3 2\n"


def test_corpus_options_reach_build_reports(monkeypatch, tmp_path):
    """Each corpus option of `report` is passed to build_reports under its name."""
    import analysis.__main__ as cli_main
    import analysis.report as report

    seen = {}

    def fake_build(path, out, **kwargs):
        seen.update(kwargs, path=path, out=out)
        return report.BuildResult("x", tmp_path / "x", tmp_path / "index.html", [], [])

    monkeypatch.setattr(report, "build_reports", fake_build)
    status = cli_main.main([
        "report", "news.csv", "--out", "r", "--text-column", "body", "--id-column", "uid",
        "--date-column", "published", "--not-hard-wrapped", "--group-by", "outlet",
        "--store", "st", "--dask", "tcp://10.0.0.5:8786", "-p", "top", "30"])
    assert status == 0
    assert (seen["text_column"], seen["id_column"], seen["date_column"]) == (
        "body", "uid", "published")
    assert seen["hard_wrapped"] is False and seen["group_by"] == "outlet"
    assert seen["store"] == Path("st") and seen["dask"] == "tcp://10.0.0.5:8786"
    assert seen["parameters"] == {"top": "30"}
    cli_main.main(["report", "news.csv", "--hard-wrapped"])
    assert seen["hard_wrapped"] is True and seen["text_column"] is None
    cli_main.main(["report", "news.csv"])
    assert seen["hard_wrapped"] is None and seen["store"] is None
    with pytest.raises(SystemExit):  # both at once makes no sense
        cli_main.build_parser().parse_args(["report", "x", "--hard-wrapped",
                                            "--not-hard-wrapped"])


def test_loader_options_go_to_load_corpus(monkeypatch, tmp_path):
    """The default prepare step reads the input with the options the user gave, and only
    those (the loader's own defaults stay in charge of the rest)."""
    from analysis import corpus
    from analysis.report import prepare

    calls = []
    real = corpus.load_corpus

    def spy(path, **kwargs):
        calls.append(kwargs)
        return real(path)

    monkeypatch.setattr(corpus, "load_corpus", spy)
    article = tmp_path / "a.txt"
    article.write_text("Harbour plan approved\n\nThe council voted.\n", encoding="utf-8")
    done = prepare.default_prepare(prepare.PrepareRequest(
        article, loader={"text_column": "body", "hard_wrapped": False}))
    assert calls == [{"text_column": "body", "hard_wrapped": False}]
    assert done.title == "Harbour plan approved" and done.documents == 1


def test_top_reaches_every_notebook_that_declares_it(project):
    """`-p top 30` is injected into each notebook with a `top` parameter, and only those."""
    write(notebook([new_markdown_cell("# No top\n\nHas no such parameter."),
                    new_code_cell("input_path = None\nencoding = None",
                                  metadata={"tags": ["parameters"]}),
                    new_code_cell("print('ran')")]), project / "notebooks" / "02_plain.ipynb")
    out = project / "out"
    result = cli("report", str(project / "article.txt"), "--out", str(out),
                 "--notebooks", str(project / "notebooks"), "-p", "top", "30")
    assert result.returncode == 0, result.stderr
    counted = nbformat.read(out / "article" / "01_count.ipynb", as_version=4)
    plain = nbformat.read(out / "article" / "02_plain.ipynb", as_version=4)
    assert "top = 30" in counted.cells[2].source
    assert counted.cells[-1].outputs[0].text.split()[1] == "30"
    assert "\ntop = " not in plain.cells[2].source
