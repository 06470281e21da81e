"""DuckDB storage: one table per record type, documents keyed by content hash.

Analysing a document again replaces all its rows in one transaction. Nested fields (dates,
citations, causal ends, intervals) are stored as JSON text columns; scalar fields get their own
typed columns, so the tables are easy to query in SQL.
"""

from __future__ import annotations

import json
import os
import random
import time
import types
import typing
from pathlib import Path
from typing import Any, Iterable

import duckdb

from rift.errors import StorageError
from rift.records import RECORD_TYPES, Phase, Record

SCHEMA_VERSION = 1

# tables whose rows belong to one document (the rest are corpus-level)
DOC_TABLES = ("documents", "sentences", "timexes", "actors", "citations", "sources", "events", "causal", "claims")
SERIES_COLUMNS = {
    "dyad": "VARCHAR", "bin": "VARCHAR", "intensity_sum": "DOUBLE", "intensity_mean": "DOUBLE",
    "n_events": "DOUBLE", "verbal_coop": "DOUBLE", "material_coop": "DOUBLE",
    "verbal_conflict": "DOUBLE", "material_conflict": "DOUBLE",
}


def _sql_type(annotation: Any) -> tuple[str, bool]:
    """DuckDB type of a record field and whether it is stored as JSON text."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _sql_type(args[0])
        return "VARCHAR", True
    if origin is typing.Literal:
        return "VARCHAR", False
    if annotation is str:
        return "VARCHAR", False
    if annotation is bool:
        return "BOOLEAN", False
    if annotation is int:
        return "BIGINT", False
    if annotation is float:
        return "DOUBLE", False
    return "VARCHAR", True  # lists, dicts, nested records: JSON text


def table_columns(record_type: type[Record]) -> list[tuple[str, str, bool]]:
    """``(name, sql type, is_json)`` for every field of a record type."""
    cols = []
    for name, info in record_type.model_fields.items():
        sql, is_json = _sql_type(info.annotation)
        cols.append((name, sql, is_json))
    return cols


def _row(record: Record, columns: list[tuple[str, str, bool]]) -> list:
    data = record.to_json_dict()
    row = []
    for name, _sql, is_json in columns:
        value = data.get(name)
        row.append(json.dumps(value, ensure_ascii=False) if is_json and value is not None else value)
    return row


def _from_row(record_type: type[Record], columns: list[tuple[str, str, bool]], row: tuple) -> Record:
    data = {}
    for (name, _sql, is_json), value in zip(columns, row):
        data[name] = json.loads(value) if is_json and value is not None else value
    return record_type.model_validate(data)


DEFAULT_LOCK_TIMEOUT = 30.0


def _default_lock_timeout() -> float:
    raw = os.environ.get("RIFT_LOCK_TIMEOUT")
    if raw is None:
        return DEFAULT_LOCK_TIMEOUT
    try:
        return max(0.0, float(raw))
    except ValueError:
        raise StorageError(f"RIFT_LOCK_TIMEOUT must be a number of seconds, not '{raw}'") from None


def _first_line(exc: BaseException) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:160]


def _connect(path: Path, *, read_only: bool, timeout: float) -> duckdb.DuckDBPyConnection:
    """Open ``path``, waiting with backoff while another process holds its lock.

    Raises:
        StorageError: still locked after ``timeout`` seconds, unreadable, or not a database.
    """
    deadline = time.monotonic() + timeout
    delay = 0.02
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            msg = _first_line(exc)
            if "lock" not in msg.lower():
                raise StorageError(f"{path}: cannot open the database ({msg})") from None
            left = deadline - time.monotonic()
            if left <= 0:
                raise StorageError(
                    f"{path}: the database is in use by another process (waited {timeout:g} s); try again "
                    "when it finishes, or wait longer with RIFT_LOCK_TIMEOUT=<seconds>"
                ) from None
            time.sleep(min(delay, left) * random.uniform(0.5, 1.0))
            delay = min(delay * 2, 0.5)
        except duckdb.Error as exc:
            raise StorageError(f"{path}: not a rift database ({_first_line(exc)})") from None


class Store:
    """A rift DuckDB database.

    Use as a context manager; :meth:`save` writes an analysis, :meth:`load` reads it back.

    Raises:
        StorageError: the file is locked by another process or is not a rift database.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False, lock_timeout: float | None = None):
        """Open (or create) the database at ``path``.

        Args:
            path: the DuckDB file.
            read_only: open for reading only (several readers may share the file).
            lock_timeout: seconds to wait while another process holds the file (DuckDB lets one
                process write at a time); default ``RIFT_LOCK_TIMEOUT`` or 30.
        """
        self.path = Path(path)
        if lock_timeout is None:
            lock_timeout = _default_lock_timeout()
        self.con = _connect(self.path, read_only=read_only, timeout=lock_timeout)
        if not read_only:
            try:
                self._create()
            except duckdb.Error as exc:
                self.con.close()
                raise StorageError(f"{self.path}: cannot set up the database ({_first_line(exc)})") from None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self.con.close()

    def _create(self) -> None:
        self.con.execute("CREATE TABLE IF NOT EXISTS rift_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        self.con.execute(
            "INSERT INTO rift_meta VALUES ('schema_version', ?) ON CONFLICT (key) DO NOTHING", [str(SCHEMA_VERSION)]
        )
        for table in DOC_TABLES:
            cols = table_columns(RECORD_TYPES[table])
            ddl = ", ".join(f'"{n}" {t}' for n, t, _j in cols)
            self.con.execute(f'CREATE TABLE IF NOT EXISTS "{table}" ({ddl})')
        self.con.execute("CREATE TABLE IF NOT EXISTS phases (dyad VARCHAR, data VARCHAR)")
        ddl = ", ".join(f'"{n}" {t}' for n, t in SERIES_COLUMNS.items())
        self.con.execute(f"CREATE TABLE IF NOT EXISTS series ({ddl})")

    def _insert(self, table: str, records: Iterable[Record]) -> None:
        cols = table_columns(RECORD_TYPES[table])
        rows = [_row(r, cols) for r in records]
        if not rows:
            return
        marks = ", ".join("?" for _ in cols)
        names = ", ".join(f'"{n}"' for n, _t, _j in cols)
        self.con.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)

    def save(self, result) -> None:
        """Write an :class:`rift.api.AnalysisResult`: each document's rows are replaced in one
        transaction, then the corpus-level series and phases."""
        try:
            self.con.execute("BEGIN TRANSACTION")
            for d in result.docs:
                doc_id = d.document.id
                for table in DOC_TABLES:
                    key = "id" if table == "documents" else "doc"
                    self.con.execute(f'DELETE FROM "{table}" WHERE "{key}" = ?', [doc_id])
                self._insert("documents", [d.document])
                for table in DOC_TABLES[1:]:
                    self._insert(table, getattr(d, table))
            self.con.execute("DELETE FROM series")
            if result.series:
                names = list(SERIES_COLUMNS)
                self.con.executemany(
                    f"INSERT INTO series VALUES ({', '.join('?' for _ in names)})",
                    [[row.get(n) for n in names] for row in result.series],
                )
            self.con.execute("DELETE FROM phases")
            if result.phases:
                self.con.executemany(
                    "INSERT INTO phases VALUES (?, ?)",
                    [[p.dyad, json.dumps(p.to_json_dict())] for p in result.phases],
                )
            self.con.execute("COMMIT")
        except BaseException as exc:
            # nothing of this save is kept: the previous contents stay as they were
            try:
                self.con.execute("ROLLBACK")
            except duckdb.Error:
                pass
            if isinstance(exc, duckdb.Error):
                raise StorageError(f"{self.path}: could not save, nothing was changed ({_first_line(exc)})") from None
            raise

    def records(self, table: str, where: str = "", params: list | None = None) -> list[Record]:
        """Read the records of one table (``where`` is an SQL condition with ``?`` params)."""
        if table == "phases":
            rows = self.con.execute("SELECT data FROM phases ORDER BY dyad").fetchall()
            return [Phase.model_validate_json(r[0]) for r in rows]
        cols = table_columns(RECORD_TYPES[table])
        names = ", ".join(f'"{n}"' for n, _t, _j in cols)
        sql = f'SELECT {names} FROM "{table}"' + (f" WHERE {where}" if where else "")
        return [_from_row(RECORD_TYPES[table], cols, row) for row in self.con.execute(sql, params or []).fetchall()]

    def series(self) -> list[dict]:
        """The relations-index rows."""
        cur = self.con.execute("SELECT * FROM series ORDER BY dyad, bin")
        names = [c[0] for c in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def load(self):
        """Read the whole database back as an :class:`rift.api.AnalysisResult`."""
        from rift.api import AnalysisResult
        from rift.pipeline import DocResult

        try:
            docs = {d.id: DocResult(document=d) for d in self.records("documents")}
            for table in DOC_TABLES[1:]:
                for rec in self.records(table):
                    if rec.doc in docs:
                        getattr(docs[rec.doc], table).append(rec)
            series, phases = self.series(), self.records("phases")
        except (duckdb.Error, ValueError) as exc:  # pydantic's ValidationError is a ValueError
            raise StorageError(f"{self.path}: not a rift database, or one of another version ({_first_line(exc)})") from None
        ordered = sorted(docs.values(), key=lambda d: d.document.path)
        for d in ordered:
            d.sentences.sort(key=lambda s: s.index)
        return AnalysisResult(docs=ordered, series=series, phases=phases)
