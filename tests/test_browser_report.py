"""The report in a real browser (Debian's Chromium driven by Playwright): the timeline has one
item per event, clicking shows the sentence and citation, the chart and graph render, nothing
is fetched from the network, nothing is logged as an error, and markup stays text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rift.report import write_report
from rift.report.browser import chromium_path, click_event, event_ids_shown, launch, watched_page
from rift.report.synthetic import synthetic_result
from rift.report.vendor import Vendor, load_vendor

pytestmark = pytest.mark.browser
PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(1)>"
REPO = Path(__file__).resolve().parents[1]
ESSAY = REPO.parent / "shared" / "seeds" / "000_698c7f83e7f6762b.txt"


def _needs_vendor():
    if not load_vendor().available:
        pytest.skip("the front-end libraries are not built: run `make assets` (npm ci && npm run build)")


@pytest.fixture(scope="module")
def browser():
    if chromium_path() is None:
        pytest.skip("Chromium is not installed at /usr/bin/chromium: apt-get install chromium (.ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    with watched_page(browser) as pg:
        yield pg


def _open(page, path: Path):
    page.goto(path.resolve().as_uri())
    page.wait_for_selector("html[data-report-ready]", timeout=20_000)


@pytest.fixture(scope="module")
def synthetic_report(tmp_path_factory):
    result = synthetic_result(40, seed=5)
    path = write_report(result, tmp_path_factory.mktemp("report") / "report.html")
    return result, path


def test_browser_report_one_timeline_item_per_event(page, synthetic_report):
    _needs_vendor()
    result, path = synthetic_report
    _open(page, path)
    page.wait_for_selector("html[data-timeline-ready]")
    shown = event_ids_shown(page)
    assert sorted(shown) == sorted(e.id for e in result.events)
    undated = [e.id for e in result.events if e.date is None]
    assert page.locator(".undated-item").count() == len(undated)
    assert int(page.locator("#timeline").get_attribute("data-items")) == len(result.events) - len(undated)
    page.watch.check()


def test_browser_report_click_shows_sentence_and_citation(page, synthetic_report):
    _needs_vendor()
    result, path = synthetic_report
    _open(page, path)
    page.wait_for_selector("html[data-timeline-ready]")
    event_id = click_event(page)
    event = next(e for e in result.events if e.id == event_id)
    cite = next(c for c in result.citations if c.id == event.citations[0].id)
    assert page.locator("#detail-sentence").text_content() == event.sentence
    assert cite.text in page.locator("#detail-citations").text_content()
    assert page.locator("#doc-text mark.hl-sentence").first.is_visible()
    assert "".join(page.locator("#doc-text mark.hl-sentence").all_text_contents()) == event.sentence
    assert page.locator("#doc-text mark.hl-cite").all_text_contents() == [cite.text]
    page.watch.check()


def test_browser_report_chart_and_graph_render(page, synthetic_report):
    _needs_vendor()
    result, path = synthetic_report
    _open(page, path)
    page.wait_for_selector("html[data-chart-ready]")
    page.wait_for_selector("html[data-graph-ready]", timeout=20_000)
    chart = page.locator("#chart canvas").first
    assert chart.bounding_box()["width"] > 300
    dyad = page.locator("#chart-dyad").input_value()
    points = sum(1 for r in result.series if r["dyad"] == dyad)
    assert int(page.locator("#chart").get_attribute("data-points")) == points > 0
    assert int(page.locator("#chart").get_attribute("data-claimed")) == sum(c.kind == "phase" for c in result.claims)
    assert page.locator("#graph canvas").count() >= 1
    assert int(page.locator("#graph").get_attribute("data-edges")) == len(result.causal)
    # the chart's canvas is not blank: some pixels differ from the background
    painted = page.evaluate(
        """() => { const c = document.querySelector('#chart canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                   let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0) n++; return n; }"""
    )
    assert painted > 1000
    page.locator("#chart-dyad").select_option(index=1)
    page.wait_for_timeout(100)
    page.watch.check()


def test_browser_report_links_claims_and_sources_highlight_their_text(page, synthetic_report):
    _needs_vendor()
    result, path = synthetic_report
    _open(page, path)
    link = result.causal[0]
    page.locator(f'tr.causal-row[data-causal="{link.id}"]').click()
    assert page.locator("#detail-title").text_content().startswith("Causal link")
    assert "".join(page.locator("#doc-text mark.hl-sentence").all_text_contents()) == link.sentence
    claim = next(c for c in result.claims if c.kind == "phase")
    page.locator(f'tr.claim-row[data-claim="{claim.id}"]').click()
    assert page.locator("#detail-sentence").text_content() == claim.text
    assert "".join(page.locator("#doc-text mark.hl-sentence").all_text_contents()) == claim.text
    source = result.sources[0]
    page.locator("tr.source-row").first.click()
    assert page.locator("#doc-text mark.hl-cite").count() == len(source.citations)
    page.locator("#thesis-list .thesis").first.click()
    assert page.locator("#detail-title").text_content() == "Claim \u00b7 thesis"
    page.watch.check()


def test_browser_report_markup_in_a_document_stays_text(page, tmp_path):
    """Documents with a script tag and an onerror image (in the text, the title, a source's title,
    a claim and a causal cue): no dialog opens, no element is made of them, the text shows them."""
    _needs_vendor()
    hostile = synthetic_result(12, seed=1, inject=PAYLOAD)
    second = synthetic_result(6, seed=2, inject=PAYLOAD, title="Another")
    hostile.docs.extend(second.docs)
    path = write_report(hostile, tmp_path / "report.html")
    _open(page, path)
    page.wait_for_timeout(300)
    assert page.evaluate("() => document.querySelectorAll('img').length") == 0
    assert PAYLOAD in page.locator("#doc-text").text_content()
    assert PAYLOAD in page.locator("#doc-select").text_content()
    click_event(page)
    page.locator("tr.source-row").first.click()
    assert PAYLOAD in page.locator("#details").text_content()
    page.locator("tr.causal-row").first.click()
    page.locator("tr.claim-row").first.click()
    assert PAYLOAD in page.locator("#detail-sentence").text_content()
    page.select_option("#doc-select", second.documents[0].id)
    assert PAYLOAD in page.locator("#doc-text").text_content()
    assert page.evaluate("() => document.querySelectorAll('img').length") == 0
    page.watch.check()


def test_browser_report_without_chart_libraries_shows_tables(page, tmp_path):
    """Without the npm libraries: a notice, rift's own timeline still, and tables for the chart
    and the graph."""
    result = synthetic_result(25, seed=9)
    path = write_report(result, tmp_path / "plain.html", vendor=Vendor())
    _open(page, path)
    assert page.locator("#vendor-notice").is_visible()
    assert sorted(event_ids_shown(page)) == sorted(e.id for e in result.events)
    event_id = click_event(page)
    event = next(e for e in result.events if e.id == event_id)
    assert page.locator("#detail-sentence").text_content() == event.sentence
    assert page.locator("#series-table tr").count() > 1
    assert page.locator("tr.causal-row").count() == len(result.causal)
    page.locator("tr.causal-row").first.click()
    assert page.locator("#detail-title").text_content().startswith("Causal link")
    page.watch.check()


@pytest.mark.model
@pytest.mark.shared
def test_browser_report_of_the_essay(page, tmp_path, nlp):
    """The seed essay through the real pipeline: every event on the timeline (or in the undated
    list), and clicking one shows its sentence and citation."""
    _needs_vendor()
    if not ESSAY.exists():
        pytest.skip(f"needs {ESSAY} (the ../shared folder beside the repository is absent)")
    import rift

    result = rift.analyze([str(ESSAY)], tmp_path / "out", nlp=nlp)
    _open(page, tmp_path / "out" / "report.html")
    page.wait_for_selector("html[data-timeline-ready]")
    page.wait_for_selector("html[data-graph-ready]", timeout=20_000)
    assert sorted(event_ids_shown(page)) == sorted(e.id for e in result.events)
    assert result.events, "the pipeline found no event in the essay"
    cited = [e.id for e in result.events if e.citations and e.date] or [e.id for e in result.events if e.date]
    target = next(e for e in result.events if e.id == click_event(page, cited))
    assert page.locator("#detail-sentence").text_content() == target.sentence
    if target.citations:
        assert target.citations[0].author in page.locator("#detail-citations").text_content()
        assert page.locator("#doc-text mark.hl-cite").count() >= 1
    assert page.locator("#doc-text mark.hl-sentence").count() >= 1
    data = json.loads(page.locator("#rift-data").text_content())
    assert len(data["events"]) == len(result.events)
    if result.series:
        assert int(page.locator("#chart").get_attribute("data-points")) > 0
    if result.causal:
        assert int(page.locator("#graph").get_attribute("data-edges")) == len(result.causal)
    page.watch.check()
