"""The docstring examples of every module of every subpackage are executed: documentation that
cannot rot."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import analysis

# walk_packages, not iter_modules: modules inside subpackages must be collected too.
MODULES = sorted(m.name for m in pkgutil.walk_packages(analysis.__path__, "analysis.")
                 if not m.name.endswith("__main__"))


def test_every_module_of_every_subpackage_is_listed():
    root = Path(analysis.__file__).parent
    on_disk = set()
    for path in root.rglob("*.py"):
        if path.name == "__main__.py":
            continue
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        on_disk.add(".".join(("analysis", *parts)) if parts else "analysis")
    assert on_disk - {"analysis"} <= set(MODULES)
    assert "analysis.tokenise.words" in MODULES and "analysis.corpus.decode" in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"
