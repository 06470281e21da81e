"""Downloads of an analysis: tables as CSV, Parquet or JSONL, events as TimelineJS JSON, and the
causal graph as GraphML. Each function returns bytes, so the web app and scripts can use them
alike; CSV cells that a spreadsheet would run as a formula are escaped
(:func:`rift.store.safe_cell`).
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from typing import Iterable

from rift.errors import InputError
from rift.records import Record
from rift.report.data import dyad_key
from rift.store import safe_cell

TABLES = ("documents", "sentences", "timexes", "actors", "citations", "sources", "events", "causal", "claims", "series", "phases")
TABLE_FORMATS = ("csv", "parquet", "jsonl")
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
    "jsonl": "application/x-ndjson",
    "json": "application/json",
    "graphml": "application/graphml+xml",
}
# characters XML 1.0 cannot hold
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def table_records(result, table: str) -> list:
    """The rows of one table of ``result`` (records, or dicts for ``series``).

    Raises:
        InputError: ``table`` is not one of :data:`TABLES`.
    """
    if table not in TABLES:
        raise InputError(f"unknown table '{table}': use one of {', '.join(TABLES)}")
    if table == "series":
        return list(result.series)
    if table == "phases":
        return list(result.phases)
    return list(getattr(result, table))


def flat_row(record: Record | dict) -> dict:
    """A record as one flat row: nested values (lists, dicts) become JSON text."""
    data = record.to_json_dict() if isinstance(record, Record) else dict(record)
    return {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v) for k, v in data.items()}


def _columns(rows: list[dict], record_type: type | None) -> list[str]:
    if record_type is not None and hasattr(record_type, "model_fields"):
        return list(record_type.model_fields)
    cols: dict[str, None] = {}
    for r in rows:
        cols.update(dict.fromkeys(r))
    return list(cols)


def to_csv(records: Iterable[Record | dict], record_type: type | None = None) -> bytes:
    """CSV bytes (UTF-8, header row first) with spreadsheet-safe cells."""
    rows = [flat_row(r) for r in records]
    columns = _columns(rows, record_type)
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_cell(row.get(c)) for c in columns])
    return buf.getvalue().encode("utf-8")


def to_jsonl(records: Iterable[Record | dict]) -> bytes:
    """JSON Lines bytes: one record per line, nested values kept as JSON."""
    lines = []
    for r in records:
        data = r.to_json_dict() if isinstance(r, Record) else r
        lines.append(json.dumps(data, ensure_ascii=False))
    return ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8")


def to_parquet(records: Iterable[Record | dict], record_type: type | None = None) -> bytes:
    """Parquet bytes: one column per field, nested values as JSON text."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [flat_row(r) for r in records]
    columns = _columns(rows, record_type)
    table = pa.table({c: pa.array([r.get(c) for r in rows]) for c in columns}) if columns else pa.table({})
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


def export_table(result, table: str, fmt: str) -> bytes:
    """One table of ``result`` as ``csv``, ``parquet`` or ``jsonl`` bytes.

    Raises:
        InputError: unknown table or format.
    """
    from rift.records import RECORD_TYPES

    if fmt not in TABLE_FORMATS:
        raise InputError(f"unknown format '{fmt}': use one of {', '.join(TABLE_FORMATS)}")
    records = table_records(result, table)
    record_type = RECORD_TYPES.get(table)
    if fmt == "csv":
        return to_csv(records, record_type)
    if fmt == "parquet":
        return to_parquet(records, record_type)
    return to_jsonl(records)


def _timeline_date(iso: str | None) -> dict | None:
    m = re.match(r"^(-?\d{1,6})(?:-(\d{2}))?(?:-(\d{2}))?$", iso or "")
    if not m:
        return None
    out = {"year": int(m.group(1))}
    if m.group(2):
        out["month"] = int(m.group(2))
    if m.group(3):
        out["day"] = int(m.group(3))
    return out


def _cite_text(ref, cites: dict) -> str:
    if ref.id in cites:
        return cites[ref.id].text
    return f"({ref.author}, {ref.pages})" if ref.pages else f"({ref.author})"


def timelinejs(result, title: str = "rift events") -> dict:
    """The dated events of ``result`` in TimelineJS3's JSON format.

    TimelineJS renders ``headline`` and ``text`` as HTML, so every text is HTML-escaped here.
    Imprecise dates get a ``start_date`` and an ``end_date``; undated events are left out.
    """
    cites = {c.id: c for c in result.citations}
    events = []
    for e in result.events:
        if e.date is None:
            continue
        start = _timeline_date(e.date.start) or _timeline_date(e.date.value)
        if start is None:
            continue
        entry = {
            "unique_id": re.sub(r"[^A-Za-z0-9_-]", "-", e.id),
            "start_date": start,
            "display_date": html.escape(e.date.value),
            "group": html.escape(dyad_key(e.source, e.target)),
            "text": {
                "headline": html.escape(f"{e.source} \u2192 {e.target or '-'}: {e.category}"),
                "text": " ".join([html.escape(e.sentence)] + [html.escape(_cite_text(r, cites)) for r in e.citations]),
            },
        }
        end = _timeline_date(e.date.end)
        if end is not None and e.date.end != e.date.start:
            entry["end_date"] = end
        events.append(entry)
    return {"title": {"text": {"headline": html.escape(title), "text": f"{len(events)} events"}}, "events": events}


def _clean(value) -> str:
    return _XML_BAD.sub("", "" if value is None else str(value))


def causal_graphml(result) -> bytes:
    """The causal graph as GraphML: events (or, where a cause or effect is no event, the
    words of the text) as nodes, causal links as directed edges with their cue."""
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    keys = [
        ("label", "node", "string"), ("kind", "node", "string"), ("category", "node", "string"),
        ("source", "node", "string"), ("target", "node", "string"), ("intensity", "node", "double"),
        ("date", "node", "string"), ("doc", "node", "string"), ("start", "node", "int"), ("end", "node", "int"),
        ("cue", "edge", "string"), ("confidence", "edge", "double"), ("sentence", "edge", "string"), ("link", "edge", "string"),
    ]
    for name, domain, kind in keys:
        ET.SubElement(root, f"{{{GRAPHML_NS}}}key", {"id": f"{domain[0]}_{name}", "for": domain, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", {"id": "causal", "edgedefault": "directed"})
    events = {e.id: e for e in result.events}
    seen: set[str] = set()

    def data(parent, key: str, value) -> None:
        if value is None or value == "":
            return
        node = ET.SubElement(parent, f"{{{GRAPHML_NS}}}data", {"key": key})
        node.text = _clean(value)

    def node_for(end, doc: str) -> str:
        ev = events.get(end.event) if end.event else None
        node_id = f"event:{ev.id}" if ev else f"span:{doc}:{end.start}-{end.end}"
        if node_id in seen:
            return node_id
        seen.add(node_id)
        node = ET.SubElement(graph, f"{{{GRAPHML_NS}}}node", {"id": _clean(node_id)})
        if ev:
            data(node, "n_label", f"{ev.source}->{ev.target or '-'} {ev.category}")
            data(node, "n_kind", "event")
            data(node, "n_category", ev.category)
            data(node, "n_source", ev.source)
            data(node, "n_target", ev.target)
            data(node, "n_intensity", ev.intensity)
            data(node, "n_date", ev.date.value if ev.date else None)
        else:
            data(node, "n_label", end.text)
            data(node, "n_kind", "text")
        data(node, "n_doc", doc)
        data(node, "n_start", end.start)
        data(node, "n_end", end.end)
        return node_id

    for link in result.causal:
        a = node_for(link.cause, link.doc)
        b = node_for(link.effect, link.doc)
        edge = ET.SubElement(graph, f"{{{GRAPHML_NS}}}edge", {"id": _clean(link.id), "source": _clean(a), "target": _clean(b)})
        data(edge, "e_cue", link.cue)
        data(edge, "e_confidence", link.confidence)
        data(edge, "e_sentence", link.sentence)
        data(edge, "e_link", link.id)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
