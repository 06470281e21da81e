"""Output files: JSONL per record type, ``phases.json``, ``series.csv``, and exports."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Iterable

from rift.errors import RiftError
from rift.records import Record

JSONL_LAYERS = {
    "events.jsonl": "events",
    "timexes.jsonl": "timexes",
    "citations.jsonl": "citations",
    "causal.jsonl": "causal",
    "claims.jsonl": "claims",
}
EXPORT_TABLES = ("documents", "sentences", "timexes", "actors", "citations", "sources", "events", "causal", "claims")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def write_jsonl(records: Iterable[Record | dict], path: Path) -> int:
    """Write records as JSON lines; returns how many."""
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            data = r.to_json_dict() if isinstance(r, Record) else r
            fh.write(json.dumps(data, ensure_ascii=False) + "\n")
            n += 1
    return n


def safe_cell(value) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (``=``, ``+``, ``-``, ``@``)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    s = str(value)
    if s.startswith(_FORMULA_START):
        return "'" + s
    return s


def write_csv(rows: list[dict], path: Path, columns: list[str] | None = None) -> int:
    """Write dict rows as CSV with formula-safe cells; returns how many rows."""
    if columns is None:
        columns = list(rows[0]) if rows else []
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(columns)
        for row in rows:
            w.writerow([safe_cell(row.get(c)) for c in columns])
    return len(rows)


def write_files(result, out_dir: Path) -> None:
    """Write the JSONL layers, ``phases.json`` and ``series.csv`` of an analysis result."""
    from rift.analysis.core import SERIES_COLUMNS

    for filename, layer in JSONL_LAYERS.items():
        write_jsonl(getattr(result, layer), out_dir / filename)
    with open(out_dir / "phases.json", "w", encoding="utf-8") as fh:
        json.dump([p.to_json_dict() for p in result.phases], fh, ensure_ascii=False, indent=1)
    write_csv(result.series, out_dir / "series.csv", SERIES_COLUMNS)


def _flat(record: Record) -> dict:
    data = record.to_json_dict()
    return {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v) for k, v in data.items()}


def export(result, fmt: str, out_dir: Path) -> list[Path]:
    """Export every table of ``result`` as ``jsonl``, ``csv`` or ``parquet`` files in ``out_dir``.

    Returns:
        The files written.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for table in EXPORT_TABLES + ("series", "phases"):
        if table == "series":
            records: list = result.series
        elif table == "phases":
            records = result.phases
        else:
            records = getattr(result, table)
        path = out_dir / f"{table}.{fmt}"
        if fmt == "jsonl":
            write_jsonl(records, path)
        elif fmt == "csv":
            rows = [r if isinstance(r, dict) else _flat(r) for r in records]
            write_csv(rows, path)
        elif fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            rows = [r if isinstance(r, dict) else _flat(r) for r in records]
            pq.write_table(pa.Table.from_pylist(rows) if rows else pa.table({}), path)
        else:
            raise RiftError(f"unknown export format '{fmt}': use jsonl, csv or parquet")
        written.append(path)
    return written
