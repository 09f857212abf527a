"""Shared test setup: Hypothesis profiles, and a headless Chromium (Debian's package, driven
by playwright).

Hypothesis profiles (https://hypothesis.readthedocs.io/en/latest/settings.html):

* ``ci``: loaded when the environment variable ``CI`` is set (``.ci/run`` sets it). Examples
  are derived from each test's name (``derandomize=True``), nothing is read from or written to
  the example database (``database=None``), and a failure prints the blob that reproduces it
  (``print_blob=True``): a submission cannot land or fail by chance, and every run of a commit
  tries the same examples.
* ``dev`` (the default elsewhere): Hypothesis's random search and its local database of
  failing examples, with no deadline (timings are for benchmarks, not tests).

A failing example found either way is added to its test as an explicit ``@example(...)``,
so it stays checked in CI whatever the search explores. ``HYPOTHESIS_PROFILE`` picks a profile
by name.
"""

from __future__ import annotations

import os
import shutil

import pytest
from hypothesis import settings
from report_helpers import CHROMIUM_ARGS as ARGS

settings.register_profile("ci", derandomize=True, database=None, print_blob=True, deadline=None)
settings.register_profile("dev", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI")
                                                              else "dev"))


@pytest.fixture(scope="session")
def browser():
    executable = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which(
        "chromium-browser")
    if not executable:
        pytest.fail(
            "Chromium is needed to check the HTML reports: install Debian's package "
            "(`apt-get install chromium`, or `make browser`) or set CHROMIUM=/path/to/chromium",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=executable, args=ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()
