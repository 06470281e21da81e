"""Render ``report.html`` from an analysis result with an autoescaping Jinja2 template."""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape


def _env() -> Environment:
    return Environment(loader=PackageLoader("rift.report", "templates"), autoescape=select_autoescape(["html", "j2"]))


def report_data(result) -> dict:
    """The JSON data the report's scripts read (events, claims, series, phases, sources, docs)."""
    return {
        "documents": [{"id": d.id, "path": d.path, "title": d.title, "text": d.text} for d in result.documents],
        "events": [e.to_json_dict() for e in result.events],
        "citations": [c.to_json_dict() for c in result.citations],
        "sources": [s.to_json_dict() for s in result.sources],
        "causal": [c.to_json_dict() for c in result.causal],
        "claims": [c.to_json_dict() for c in result.claims],
        "phases": [p.to_json_dict() for p in result.phases],
        "series": result.series,
    }


def write_report(result, path: Path) -> None:
    """Write the report of ``result`` to ``path``."""
    data = report_data(result)
    html = _env().get_template("report.html.j2").render(
        data=data,
        data_json=json.dumps(data, ensure_ascii=False),
        n_docs=len(data["documents"]),
        n_events=len(data["events"]),
        n_sources=len(data["sources"]),
    )
    Path(path).write_text(html, encoding="utf-8")
