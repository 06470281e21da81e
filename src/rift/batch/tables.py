"""Records as Arrow tables, column for column the same as the single-file DuckDB database.

A batch store keeps each layer as Parquet files whose columns are exactly those of
:mod:`rift.store.duck` (scalar fields typed, nested fields as JSON text), so the catalogue's
views can stand in for the single database's tables.
"""

from __future__ import annotations

import json
from typing import Iterable, Sequence

import pyarrow as pa

from rift.records import RECORD_TYPES, Record
from rift.store.duck import DOC_TABLES, SERIES_COLUMNS, table_columns

# the layers written per batch, in the order of rift.store.duck
BATCH_TABLES: tuple[str, ...] = DOC_TABLES

_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
}

PHASES_COLUMNS = {"dyad": "VARCHAR", "data": "VARCHAR"}


def _schema(columns: Sequence[tuple[str, str]]) -> pa.Schema:
    return pa.schema([pa.field(name, _ARROW_TYPES[sql]) for name, sql in columns])


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of one table (a record layer, ``series`` or ``phases``)."""
    if table == "series":
        return _schema(list(SERIES_COLUMNS.items()))
    if table == "phases":
        return _schema(list(PHASES_COLUMNS.items()))
    return _schema([(n, t) for n, t, _j in table_columns(RECORD_TYPES[table])])


def sql_columns(table: str) -> list[tuple[str, str]]:
    """``(name, DuckDB type)`` of every column of ``table``, in order."""
    if table == "series":
        return list(SERIES_COLUMNS.items())
    if table == "phases":
        return list(PHASES_COLUMNS.items())
    return [(n, t) for n, t, _j in table_columns(RECORD_TYPES[table])]


def records_to_arrow(table: str, records: Iterable[Record]) -> pa.Table:
    """Build the Arrow table of ``records`` (JSON columns hold JSON text, as in DuckDB)."""
    cols = table_columns(RECORD_TYPES[table])
    data: dict[str, list] = {name: [] for name, _s, _j in cols}
    for record in records:
        row = record.to_json_dict()
        for name, _sql, is_json in cols:
            value = row.get(name)
            if is_json and value is not None:
                value = json.dumps(value, ensure_ascii=False)
            data[name].append(value)
    return pa.Table.from_pydict(data, schema=arrow_schema(table))


def rows_to_records(table: str, rows: Iterable[tuple]) -> list[Record]:
    """Turn rows (columns in :func:`sql_columns` order) back into records."""
    record_type = RECORD_TYPES[table]
    cols = table_columns(record_type)
    out = []
    for row in rows:
        data = {}
        for (name, _sql, is_json), value in zip(cols, row):
            data[name] = json.loads(value) if is_json and value is not None else value
        out.append(record_type.model_validate(data))
    return out


def series_to_arrow(rows: Iterable[dict]) -> pa.Table:
    """The relations-index rows as an Arrow table."""
    names = list(SERIES_COLUMNS)
    data: dict[str, list] = {n: [] for n in names}
    for row in rows:
        for n in names:
            data[n].append(row.get(n))
    return pa.Table.from_pydict(data, schema=arrow_schema("series"))


def phases_to_arrow(phases: Iterable) -> pa.Table:
    """The phases as an Arrow table ``(dyad, data)``, ``data`` the phase as JSON text."""
    dyads, data = [], []
    for p in phases:
        dyads.append(p.dyad)
        data.append(json.dumps(p.to_json_dict(), ensure_ascii=False))
    return pa.Table.from_pydict({"dyad": dyads, "data": data}, schema=arrow_schema("phases"))
