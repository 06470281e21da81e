"""The report page: data links, safe JSON, CSP hashes, markup shown as text, the no-assets fallback."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rift.errors import OutputError
from rift.report import render_report, report_data, write_report
from rift.report.render import json_for_script
from rift.report.synthetic import synthetic_result
from rift.report.vendor import Vendor, load_vendor

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def result():
    return synthetic_result(40, seed=3)


@pytest.fixture(scope="module")
def hostile():
    return synthetic_result(12, seed=1, inject=PAYLOAD)


def _data_block(html: str) -> str:
    m = re.search(r'<script type="application/json" id="rift-data">(.*?)</script>', html, re.S)
    assert m, "the page has no data block"
    return m.group(1)


def test_report_data_links_events_to_their_citations(result):
    data = report_data(result)
    cites = {c["id"]: c for c in data["citations"]}
    assert len(data["events"]) == 40
    for e in data["events"]:
        assert e["cites"], f"event {e['id']} has no citation"
        for cid in e["cites"]:
            c = cites[cid]
            assert e["start"] <= c["start"] < c["end"] <= e["end"], "the citation lies inside the event's sentence"
            assert c["span"] == [e["start"], e["end"]]
        assert e["dyad"] == "-".join(sorted((e["source"], e["target"])))


def test_report_data_sources_list_the_events_they_back(result):
    data = report_data(result)
    backed = {s["author"]: set(s["events"]) for s in data["sources"]}
    for e in result.events:
        assert e.id in backed[e.citations[0].author]
    assert sum(len(v) for v in backed.values()) == len(result.events)


def test_report_data_causal_links_carry_their_sentence_span(result):
    data = report_data(result)
    text = result.documents[0].text
    assert data["causal"]
    for link in data["causal"]:
        a, b = link["span"]
        assert text[a:b] == link["sentence"]


def test_report_data_summary_counts(result):
    s = report_data(result)["summary"]
    assert s["events"] == 40 and s["documents"] == 1
    assert s["sources"] == len(result.sources)
    assert s["phases"] == sum(len(p.phases) for p in result.phases)
    assert {t["verdict"] for t in s["theses"]} == {"supported", "not enough evidence"}


def test_report_data_replaces_nan_with_null():
    r = synthetic_result(5)
    r.series.append({"dyad": "CHN-SUN", "bin": "1999", "intensity_mean": float("nan"), "n_events": 0.0})
    data = report_data(r)
    json.dumps(data, allow_nan=False)
    assert data["series"][-1]["intensity_mean"] is None


@pytest.mark.parametrize("text", [PAYLOAD, "</script><!-- x", "a\u2028b\u2029c", "&amp; <b> 'q' \"d\""])
def test_report_json_for_script_cannot_close_the_element(text):
    out = str(json_for_script({"t": text}))
    assert "<" not in out and ">" not in out and "&" not in out
    assert "\u2028" not in out and "\u2029" not in out
    assert json.loads(out) == {"t": text}


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_report_json_for_script_round_trips(text):
    out = str(json_for_script({"t": text, "k": [text]}))
    assert "</" not in out.lower() and "<!--" not in out
    assert json.loads(out) == {"t": text, "k": [text]}


def test_report_markup_in_the_data_is_never_markup_in_the_page(hostile):
    html = render_report(hostile).html
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the title, escaped by the template
    data = json.loads(_data_block(html))
    assert PAYLOAD in data["documents"][0]["text"]


def test_report_csp_allows_exactly_the_inline_scripts(result):
    page = render_report(result)
    m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page.html)
    assert m and m.group(1).replace("&#39;", "'") == page.csp
    hashes = set(re.findall(r"'(sha256-[^']+)'", page.csp))
    scripts = re.findall(r"<script>(.*?)</script>", page.html, re.S)
    assert scripts, "no inline script"
    found = {"sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts}
    assert found == hashes
    for directive in ("default-src 'none'", "connect-src 'none'", "base-uri 'none'"):
        assert directive in page.csp
    assert "unsafe-eval" not in page.csp and "http" not in page.csp


def test_report_page_has_no_external_reference(result):
    html = render_report(result).html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)


def test_report_without_vendor_assets_shows_a_notice(result, tmp_path):
    page = render_report(result, vendor=Vendor())
    assert 'id="vendor-notice"' in page.html and 'class="no-vendor"' in page.html
    out = write_report(result, tmp_path / "r.html", vendor=load_vendor(tmp_path / "missing"))
    assert "vendor-notice" in out.read_text(encoding="utf-8")


def test_report_with_vendor_assets_inlines_them(result):
    vendor = load_vendor()
    if not vendor.available:
        pytest.skip("front-end assets not built (run `make assets`)")
    html = render_report(result).html
    assert "vendor-notice" not in html
    assert len(html) > sum(len(s) for s in vendor.scripts)


def test_report_write_to_a_missing_folder_is_an_output_error(result, tmp_path):
    with pytest.raises(OutputError):
        write_report(result, tmp_path / "no" / "such" / "dir" / "report.html")


def test_report_empty_result_renders():
    from rift.api import AnalysisResult

    html = render_report(AnalysisResult(docs=[])).html
    assert "rift report" in html and json.loads(_data_block(html))["events"] == []
