"""The Hypothesis profile in force: reproducible in CI (see tests/conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import settings

TESTS = Path(__file__).resolve().parent


def _profile_under(env: dict[str, str]) -> str:
    # A fresh interpreter imports conftest.py as pytest would, with the given environment.
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import conftest; "
        "from hypothesis import settings; s = settings.default; "
        "print(s.derandomize, s.database is None, s.print_blob, s.deadline)"
    )
    clean = {k: v for k, v in os.environ.items() if k not in ("CI", "HYPOTHESIS_PROFILE")}
    out = subprocess.run([sys.executable, "-c", code, str(TESTS)], env={**clean, **env},
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_ci_profile_is_derandomised_without_a_database():
    assert _profile_under({"CI": "true"}) == "True True True None"


def test_dev_profile_is_the_default_and_searches_randomly():
    assert _profile_under({}) == "False False False None"


def test_the_loaded_profile_matches_the_environment():
    s = settings.default
    assert s.deadline is None
    if os.environ.get("CI") and not os.environ.get("HYPOTHESIS_PROFILE"):
        assert s.derandomize and s.database is None and s.print_blob
