"""Filters over an analysis, and the downloads: CSV (spreadsheet-safe), Parquet, JSONL,
TimelineJS JSON, GraphML."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from pydantic import ValidationError

from rift.errors import InputError
from rift.records import CitationRef, Event, TimeSpan
from rift.report import exports
from rift.report.filters import Filters, date_key, filter_result
from rift.report.synthetic import synthetic_result

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def result():
    return synthetic_result(80, seed=7)


def _event(**kw) -> Event:
    base = dict(id="d:e0", doc="d", sentence="s", start=0, end=1, source="SUN", target="CHN", category="ASSAULT",
                intensity=-9.0, date=TimeSpan(value="1969-03", start="1969-03-01", end="1969-03-31", precision="month"),
                citations=[CitationRef(author="Nogee", pages="12")])
    base.update(kw)
    return Event(**base)


@pytest.mark.parametrize("value,end,expected", [
    ("1958", False, (1958, 1, 1)),
    ("1958", True, (1958, 12, 31)),
    ("1958-02", True, (1958, 2, 29)),
    ("1958-11-03", False, (1958, 11, 3)),
    ("-0500", False, (-500, 1, 1)),
    ("1958-13", False, None),
    ("19x8", False, None),
])
def test_filters_date_key(value, end, expected):
    assert date_key(value, end=end) == expected


@pytest.mark.parametrize("filters,keeps", [
    ({}, True),
    ({"actor": "sun"}, True),
    ({"actor": "USA"}, False),
    ({"dyad": "CHN-SUN"}, True),
    ({"dyad": "SUN->CHN"}, True),
    ({"dyad": "CHN->SUN"}, False),
    ({"category": "ASSAULT,THREATEN"}, True),
    ({"category": ["AID"]}, False),
    ({"date_from": "1969"}, True),
    ({"date_from": "1969-04"}, False),
    ({"date_to": "1969-03-01"}, True),
    ({"date_to": "1968"}, False),
    ({"date_from": "1960", "date_to": "1970"}, True),
    ({"source": "nogee"}, True),
    ({"source": "Salisbury"}, False),
    ({"document": "d"}, True),
    ({"document": "other"}, False),
])
def test_filters_keep_event(filters, keeps):
    assert Filters(**filters).keeps_event(_event()) is keeps


def test_filters_undated_event_fails_any_date_filter():
    assert not Filters(date_from="1900").keeps_event(_event(date=None))
    assert Filters(actor="SUN").keeps_event(_event(date=None))


@pytest.mark.parametrize("bad", [{"dyad": "SUN"}, {"date_from": "1958-13"}, {"date_to": "soon"}, {"unknown": 1}])
def test_filters_reject_malformed_values(bad):
    with pytest.raises(ValidationError):
        Filters(**bad)


def test_filter_result_keeps_matching_events_and_their_links(result):
    f = Filters(dyad="CHN-SUN", date_from="1940", date_to="1960")
    out = filter_result(result, f)
    assert out.events and all(f.keeps_event(e) for e in out.events)
    assert len(out.events) == sum(f.keeps_event(e) for e in result.events)
    kept = {e.id for e in out.events}
    assert all(c.cause.event in kept or c.effect.event in kept for c in out.causal)
    assert all(r["dyad"] == "CHN-SUN" and 1940 <= int(r["bin"]) <= 1960 for r in out.series)
    assert [p.dyad for p in out.phases] == ["CHN-SUN"]
    assert filter_result(result, Filters()) is result


def test_filter_result_by_source_keeps_its_citations_only(result):
    out = filter_result(result, Filters(source="Warth"))
    assert out.events and {c.author for c in out.citations} == {"Warth"}
    assert [s.author for s in out.sources] == ["Warth"]


def test_filter_result_by_unknown_document_is_empty(result):
    assert filter_result(result, Filters(document="0" * 16)).docs == []


def test_exports_csv_cells_cannot_run_as_formulas():
    rows = [{"a": "=HYPERLINK(\"http://x\")", "b": "+1", "c": "-2", "d": "@SUM(A1)", "e": "plain", "f": 3.5, "g": None}]
    text = exports.to_csv(rows).decode("utf-8")
    got = list(csv.DictReader(io.StringIO(text)))[0]
    assert got["a"].startswith("'=") and got["b"] == "'+1" and got["c"] == "'-2" and got["d"].startswith("'@")
    assert got["e"] == "plain" and got["f"] == "3.5" and got["g"] == ""


@pytest.mark.parametrize("table", exports.TABLES)
@pytest.mark.parametrize("fmt", exports.TABLE_FORMATS)
def test_exports_every_table_in_every_format(result, table, fmt):
    body = exports.export_table(result, table, fmt)
    n = len(exports.table_records(result, table))
    if fmt == "csv":
        assert len(list(csv.reader(io.StringIO(body.decode("utf-8"))))) == n + 1
    elif fmt == "jsonl":
        lines = body.decode("utf-8").splitlines()
        assert len(lines) == n and all(json.loads(x) for x in lines)
    else:
        import pyarrow.parquet as pq

        assert pq.read_table(io.BytesIO(body)).num_rows == n


def test_exports_events_csv_matches_the_records(result):
    rows = list(csv.DictReader(io.StringIO(exports.export_table(result, "events", "csv").decode("utf-8"))))
    assert [r["id"] for r in rows] == [e.id for e in result.events]
    assert json.loads(rows[0]["date"]) == result.events[0].date.model_dump(mode="json")


def test_exports_unknown_table_or_format():
    with pytest.raises(InputError):
        exports.export_table(synthetic_result(2), "passwords", "csv")
    with pytest.raises(InputError):
        exports.export_table(synthetic_result(2), "events", "xlsx")


def test_exports_timelinejs_escapes_html_and_keeps_ranges():
    r = synthetic_result(30, seed=2, inject=PAYLOAD)
    tl = exports.timelinejs(r)
    dated = [e for e in r.events if e.date]
    assert len(tl["events"]) == len(dated)
    dump = json.dumps(tl)
    assert "<script" not in dump and "<img" not in dump and "&lt;script&gt;" in dump
    by_id = {e.id.replace(":", "-"): e for e in dated}
    for item in tl["events"]:
        e = by_id[item["unique_id"]]
        assert item["start_date"]["year"] == int(e.date.start[:4])
        assert ("end_date" in item) == (e.date.start != e.date.end)


def test_exports_graphml_has_one_edge_per_link(result):
    body = exports.causal_graphml(result)
    root = ET.fromstring(body)
    ns = {"g": exports.GRAPHML_NS}
    edges = root.findall(".//g:edge", ns)
    nodes = root.findall(".//g:node", ns)
    assert len(edges) == len(result.causal)
    ids = {n.get("id") for n in nodes}
    assert all(e.get("source") in ids and e.get("target") in ids for e in edges)
    cues = {d.text for d in root.findall(".//g:edge/g:data[@key='e_cue']", ns)}
    assert cues == {c.cue for c in result.causal}


def test_exports_graphml_drops_characters_xml_cannot_hold():
    r = synthetic_result(12, inject="bad\x0cchar\x00")
    ET.fromstring(exports.causal_graphml(r))  # parses
