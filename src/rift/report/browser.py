"""Open reports in Debian's Chromium with Playwright: for the browser tests, the benchmark and
screenshots. Never downloads a browser: it uses ``/usr/bin/chromium`` (or ``RIFT_CHROMIUM``)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> Path | None:
    """The Chromium executable to drive, or None when it is not installed."""
    candidates = [os.environ.get("RIFT_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")]
    for c in candidates:
        if c and Path(c).is_file() and os.access(c, os.X_OK):
            return Path(c)
    return None


def launch(playwright, **options):
    """Launch headless Chromium with rift's flags.

    Args:
        playwright: the object ``sync_playwright()`` yields.
        options: more keyword arguments for ``chromium.launch``.

    Raises:
        FileNotFoundError: Chromium is not installed (``apt-get install chromium``).
    """
    path = chromium_path()
    if path is None:
        raise FileNotFoundError("Chromium is not installed: apt-get install chromium (or set RIFT_CHROMIUM)")
    return playwright.chromium.launch(executable_path=str(path), args=CHROMIUM_ARGS, **options)
