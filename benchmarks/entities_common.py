"""Helpers shared by the entities benchmarks (not a benchmark itself).

The baseline of every entities benchmark is the implementation before the entities package was
split and tuned: ``src/analysis/entities.py`` at commit ``BEFORE_COMMIT``. It is written to
``/tmp/entities_before.py`` (from git, unless that file exists) and imported from there, so the
"before" figures are measured in the same run as the "after" ones; it is never committed.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from benchmarks.data import REPO

BEFORE_COMMIT = "26ced57"
BEFORE_PATH = Path(os.environ.get("ENTITIES_BEFORE", "/tmp/entities_before.py"))


@lru_cache(maxsize=1)
def before() -> ModuleType:
    """The entities module as it was at ``BEFORE_COMMIT`` (one 2,115-line file)."""
    if not BEFORE_PATH.exists():
        source = subprocess.run(
            ["git", "-C", str(REPO), "show", f"{BEFORE_COMMIT}:src/analysis/entities.py"],
            check=True, capture_output=True, text=True).stdout
        BEFORE_PATH.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("entities_before", BEFORE_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["entities_before"] = module
    spec.loader.exec_module(module)
    return module


def halves(items: list) -> tuple[list, list]:
    """The first half (rules tuned on it) and the second (held out), by name order."""
    mid = (len(items) + 1) // 2
    return items[:mid], items[mid:]


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
