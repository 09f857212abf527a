"""The promises nbval and the reports make on the real notebooks: a changed result fails, the
same input gives the same bytes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from report_helpers import ROOT, built_once

from analysis import report

SEED = ROOT / "seeds" / "000_81c44d20d7573865.txt"


def _nbval(notebook: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONHASHSEED": "0", "MPLBACKEND": "agg"}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval",
         "--nbval-kernel-name", report.choose_kernel(), str(notebook)],
        capture_output=True, text=True, env=env, cwd=notebook.parent, timeout=300)


def test_nbval_fails_when_a_sentence_is_appended_to_the_seed(tmp_path):
    """Copy the committed notebook and the seed; nbval passes; append one sentence to the
    seed and the same check fails, naming the changed output."""
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "seeds").mkdir()
    notebook = tmp_path / "notebooks" / "01_corpus.ipynb"
    shutil.copy(ROOT / "notebooks" / "01_corpus.ipynb", notebook)
    seed = tmp_path / "seeds" / SEED.name
    shutil.copy(SEED, seed)
    unchanged = _nbval(notebook)
    assert unchanged.returncode == 0, unchanged.stdout[-2000:]
    text = seed.read_text(encoding="utf-8").replace(
        "edges.\n", "edges. A new sentence changes every count.\n", 1)
    seed.write_text(text, encoding="utf-8")
    changed = _nbval(notebook)
    assert changed.returncode == 1, changed.stdout[-2000:]
    report_text = re.sub(r"\x1b\[[0-9;]*m", "", changed.stdout)
    assert "Cell outputs differ" in report_text
    # the totals table and the text view both notice: 15 sentences became 16
    assert "corpus.summary()" in report_text
    assert "A new sentence changes every count" in report_text


def test_real_reports_are_byte_identical_on_a_second_run(tmp_path_factory):
    out = built_once("seed", tmp_path_factory,  # the browser checks' build, when they ran
                     lambda out: report.build_reports(SEED, out, progress=False))
    first = {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
             and not p.name.startswith(".")}
    report.build_reports(SEED, out, progress=False, force=True)
    second = {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
              and not p.name.startswith(".")}
    assert first.keys() == second.keys()
    changed = [str(k) for k in first if first[k] != second[k]]
    assert changed == []
    names = {str(k) for k in first}
    assert any(n.endswith("06_findings.slides.html") for n in names)
    assert sum(n.endswith(".ipynb") for n in names) == len(report.find_notebooks(
        ROOT / "notebooks"))

