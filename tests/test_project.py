"""Promises about the project itself: one dependency list, pinned versions, no downloads."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
KERNEL = "news-text-analysis"


def _own(req: str) -> bool:
    return Requirement(req).name == PYPROJECT["project"]["name"]


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    deps = env["dependencies"]
    assert any(str(d).startswith("python=3.11") for d in deps)
    assert "pip" in deps
    pip = next(d["pip"] for d in deps if isinstance(d, dict))
    listed = {str(Requirement(r)) for r in pip if not r.startswith("-e")}
    project = PYPROJECT["project"]
    wanted = {str(Requirement(r)) for r in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        wanted |= {str(Requirement(r)) for r in extra if not _own(r)}
    assert listed == wanted
    assert "-e .[dev]" in pip


def test_every_dependency_is_pinned_in_constraints():
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            req = Requirement(line)
            pins[req.name.lower().replace("_", "-")] = req
    project = PYPROJECT["project"]
    reqs = [Requirement(r) for r in project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        reqs += [Requirement(r) for r in extra if not _own(r)]
    for req in reqs:
        name = req.name.lower().replace("_", "-")
        assert name in pins, f"{req.name} is not pinned in constraints.txt"
        version = str(pins[name].specifier).removeprefix("==")
        assert req.specifier.contains(version), f"{req.name}=={version} outside {req.specifier}"


def test_no_runtime_downloads_in_code_or_notebooks():
    pattern = re.compile(r"nltk\.download|nltk\.downloader|playwright install|urlopen\(|"
                         r"requests\.get\(")
    for path in [*(ROOT / "src").rglob("*.py"), *(ROOT / "notebooks").glob("*.ipynb")]:
        assert not pattern.search(path.read_text(encoding="utf-8")), path


def test_notebooks_use_the_project_kernel_and_a_parameters_cell():
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert len(notebooks) >= 5
    for path in notebooks:
        nb = json.loads(path.read_text(encoding="utf-8"))
        assert nb["metadata"]["kernelspec"]["name"] == KERNEL, path.name
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        assert "parameters" in code[0]["metadata"].get("tags", []), path.name
        assert "input_path" in "".join(code[0]["source"]), path.name
        # notebooks call the package: no analysis functions defined in them
        for cell in code:
            src = "".join(cell["source"])
            assert not re.search(r"^\s*(def|class) ", src, re.M), (path.name, src[:60])


def test_readme_quick_start_is_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make reports" in readme and "make test" in readme
    assert "python -m analysis report" in readme
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        assert nb.stem in readme, f"README does not describe {nb.name}"


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci and "apt-get update" in ci and "chromium" in ci


def test_seed_provenance_is_stated():
    readme = (ROOT / "seeds" / "README.md").read_text(encoding="utf-8")
    assert "000_81c44d20d7573865.txt" in readme and "sha256" in readme.lower()


def test_readme_package_example_runs_and_says_what_it_returns(tmp_path, monkeypatch):
    """The README's "Using the package" block runs as written, from the project's root, and
    each call returns the columns its comment names (the first call: the tokens shown)."""
    import pandas as pd

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Using the package", 1)[1]
    block = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NEWS_ANALYSIS_STORE", str(tmp_path / "store"))
    namespace: dict = {}
    checked = 0
    for line in block.splitlines():
        code, _, comment = line.partition("  # ")
        if not code.strip():
            continue
        if code.startswith(("from ", "import ")) or re.match(r"\w+ = ", code):
            exec(code, namespace)
            continue
        value = eval(code, namespace)
        if isinstance(value, pd.DataFrame):
            assert len(value), code
            named = [w for w in re.findall(r"\b[a-z_0-9]+\b", comment) if "_" in w or w in (
                "word", "count", "group", "rank", "g2", "p", "actor", "kind", "mentions",
                "speaker", "attributions", "quotes", "documents", "sentences")]
            missing = [c for c in named if c not in value.columns]
            assert not missing, f"{code}: no columns {missing} in {list(value.columns)}"
            checked += 1
        elif isinstance(value, list):
            shown = re.findall(r"'([^']*)'|\"([^\"]*)\"", comment)
            assert [a or b for a, b in shown] == value[:len(shown)], code
            checked += 1
    assert checked >= 8
