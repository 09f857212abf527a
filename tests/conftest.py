"""Shared fixtures: a headless Chromium (Debian's package, driven by playwright)."""

from __future__ import annotations

import os
import shutil

import pytest
from report_helpers import CHROMIUM_ARGS as ARGS


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
