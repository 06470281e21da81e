"""Drive reports in Debian's Chromium with Playwright: for the browser tests, the benchmark and
screenshots. Never downloads a browser: it uses ``/usr/bin/chromium`` (or ``RIFT_CHROMIUM``).

:class:`Watch` records what a page must not do (requests off the machine, console errors,
dialogs); :func:`event_ids_shown` and :func:`click_event` read and click the report's timeline.
"""

from __future__ import annotations

from contextlib import contextmanager

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


class Watch:
    """What a page did that it must not: requests off the machine, console errors, dialogs."""

    def __init__(self, page):
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", self._request)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._dialog)

    def _request(self, request):
        url = request.url
        if not url.startswith(("file://", "data:", "http://127.0.0.1", "blob:", "about:")):
            self.requests.append(url)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def check(self) -> None:
        """Fail (AssertionError) if the page made a request off the machine, logged an error or
        opened a dialog."""
        if self.requests:
            raise AssertionError(f"the page made network requests: {self.requests}")
        if self.errors:
            raise AssertionError(f"console errors: {self.errors}")
        if self.dialogs:
            raise AssertionError(f"a dialog opened: {self.dialogs}")


def event_ids_shown(page) -> list[str]:
    """The ids of the events on the timeline (its items) and in the undated list; the timeline
    must have drawn items, and only its own."""
    return page.evaluate(
        """() => {
            const tl = window.riftReport.timeline;
            const items = tl ? tl.getIds() : [];
            if (items.length && !(tl._cache && tl._cache.items.size)) throw new Error('the timeline drew no item');
            const listed = [...document.querySelectorAll('.undated-item[data-event]')].map(e => e.getAttribute('data-event'));
            return items.concat(listed);
        }"""
    )


def click_event(page, ids: list[str] | None = None) -> str:
    """Click with the mouse the first timeline item of ``ids`` (default: any) that is drawn alone
    at its centre; return its id.

    Raises:
        LookupError: no such item is drawn alone.
        AssertionError: the click did not select it.
    """
    target = page.evaluate(
        """(wanted) => {
            const tl = window.riftReport.timeline;
            for (const id of wanted || tl.getIds()) {
                tl.setSelection([id]);  // brings it into view
                tl.draw();
                const r = tl.itemRect(id);
                if (!r) continue;
                const c = tl.canvas.getBoundingClientRect();
                const hit = tl.itemAt(r.x - c.left, r.y - c.top);
                if (hit && hit.id === id) { tl.setSelection([]); return id; }
            }
            return null;
        }""",
        ids,
    )
    if not target:
        raise LookupError(f"no timeline item to click among {ids[:5] if ids else 'all'}")
    point = page.evaluate(
        """(id) => { const tl = window.riftReport.timeline; tl.setSelection([id]); tl.setSelection([]);
                    tl.scroller.scrollIntoView({ block: "center" }); tl.draw(); return tl.itemRect(id); }""",
        target,
    )
    page.mouse.click(point["x"], point["y"])
    if page.evaluate("() => window.riftReport.timeline.getSelection()") != [target]:
        raise AssertionError(f"clicking the timeline item {target} did not select it")
    return target


@contextmanager
def watched_page(browser, *, width: int = 1400, height: int = 1000):
    """A new page in its own browser context, with a :class:`Watch` on it as ``page.watch``;
    the context is closed on exit."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.watch = Watch(page)
    try:
        yield page
    finally:
        context.close()
