"""A batch store: partitioned Parquet, a manifest of committed batches, a DuckDB catalogue.

Layout of a store folder::

    rift-batch.json                 what built it (format, model)
    rift.duckdb                     catalogue: one view per table, as in a single database
    parts/<table>/part-NNNNNN.parquet   one file per batch per record layer
    manifest/batch-NNNNNN.json      the documents of a batch; written last = the commit
    corpus/                         corpus-level results (analysed events and claims,
                                    series, phases), rebuilt at the end of every run

A batch counts only once its manifest file exists. Every file is written under a temporary
name and renamed into place, so a run killed at any moment (even by SIGKILL) leaves either a
committed batch or files that the next run deletes: each document is stored exactly once.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from rift.batch.tables import BATCH_TABLES, phases_to_arrow, records_to_arrow, rows_to_records, series_to_arrow, sql_columns
from rift.batch.worker import PartitionResult
from rift.errors import StorageError
from rift.store.duck import SCHEMA_VERSION

STORE_FORMAT = 1
META_NAME = "rift-batch.json"
CATALOGUE_NAME = "rift.duckdb"
CORPUS_TABLES = ("events", "claims")  # document layers the corpus analysis may rewrite
_PART = re.compile(r"^part-(\d+)\.parquet$")
_MANIFEST = re.compile(r"^batch-(\d+)\.json$")
_ROWS_PER_CORPUS_PART = 50_000


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_atomic_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def write_parquet_atomic(table: pa.Table, path: Path) -> None:
    """Write ``table`` to ``path`` through a temporary file and a rename."""
    tmp = path.with_name(f".{path.name}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


class BatchStore:
    """A batch store folder, opened for writing by one run at a time.

    Args:
        root: the folder (created if missing).
        model: the model this run uses; a store built with another model is refused.

    Raises:
        StorageError: the folder holds something else, another run holds it, or the model differs.
    """

    def __init__(self, root: str | Path, *, model: str):
        self.root = Path(root)
        if self.root.exists() and not self.root.is_dir():
            raise StorageError(f"{self.root}: --store must be a folder, and this is a file")
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"{self.root}: cannot create the store folder ({exc.strerror or exc})") from None
        self._lock_fh = open(self.root / ".lock", "a")
        try:
            fcntl.flock(self._lock_fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self._lock_fh.close()
            raise StorageError(f"{self.root}: another `rift batch` is writing to this store; wait for it to finish") from None
        try:
            self._check_meta(model)
        except StorageError:
            self.close()
            raise
        self.parts = self.root / "parts"
        self.manifest = self.root / "manifest"
        self.corpus = self.root / "corpus"
        for folder in [self.manifest] + [self.parts / t for t in BATCH_TABLES]:
            folder.mkdir(parents=True, exist_ok=True)
        self.committed: set[int] = set()
        self._tables_with_parts: set[str] = set()

    # -- opening -------------------------------------------------------------------------
    def _check_meta(self, model: str) -> None:
        meta_path = self.root / META_NAME
        if meta_path.exists():
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                raise StorageError(f"{meta_path}: unreadable; this folder is not a rift batch store") from None
            if meta.get("format") != STORE_FORMAT:
                raise StorageError(f"{self.root}: batch store format {meta.get('format')} is not supported (expected {STORE_FORMAT})")
            if meta.get("model") != model:
                raise StorageError(
                    f"{self.root}: this store was built with the model '{meta.get('model')}'; "
                    f"run with --model {meta.get('model')} to add to it, or choose a new --store"
                )
            return
        visible = [p.name for p in self.root.iterdir() if not p.name.startswith(".")]
        if visible:
            raise StorageError(f"{self.root}: not a rift batch store and not empty; choose a new or empty folder for --store")
        _write_atomic_bytes(meta_path, json.dumps({"format": STORE_FORMAT, "model": model}, indent=1).encode())

    def close(self) -> None:
        """Release the store's lock."""
        if not self._lock_fh.closed:
            fcntl.flock(self._lock_fh, fcntl.LOCK_UN)
            self._lock_fh.close()

    def __enter__(self) -> "BatchStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- recovery ------------------------------------------------------------------------
    def recover(self) -> tuple[set[str], set[str]]:
        """Delete what an interrupted run left uncommitted; return the stored doc ids and keys."""
        ids: set[str] = set()
        keys: set[str] = set()
        self.committed = set()
        for path in self.manifest.iterdir():
            m = _MANIFEST.match(path.name)
            if not m:
                if path.name.endswith(".tmp"):
                    path.unlink(missing_ok=True)
                continue
            try:
                entry = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                raise StorageError(f"{path}: unreadable manifest; delete it and its batch's parts/*/part-{m.group(1)}.parquet to redo that batch") from None
            self.committed.add(int(m.group(1)))
            ids.update(entry.get("docs", []))
            keys.update(entry.get("keys", []))
        for table in BATCH_TABLES:
            folder = self.parts / table
            for path in folder.iterdir():
                m = _PART.match(path.name)
                if m is None or int(m.group(1)) not in self.committed:
                    path.unlink(missing_ok=True)  # a temporary file or an uncommitted batch's part
                else:
                    self._tables_with_parts.add(table)
        for path in self.root.iterdir():
            if path.name.startswith((".corpus-", ".catalogue-")):
                shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
        return ids, keys

    def next_batch(self) -> int:
        """The number of the next batch."""
        return max(self.committed, default=0) + 1

    # -- writing batches -----------------------------------------------------------------
    def commit(self, result: PartitionResult) -> None:
        """Write a partition's parts, then its manifest (the commit point)."""
        name = f"{result.batch:06d}"
        for table in BATCH_TABLES:
            t = result.tables.get(table)
            if t is None or t.num_rows == 0:
                continue
            write_parquet_atomic(t, self.parts / table / f"part-{name}.parquet")
            self._tables_with_parts.add(table)
        manifest = {"batch": result.batch, "docs": result.doc_ids, "keys": result.keys}
        _write_atomic_bytes(self.manifest / f"batch-{name}.json", json.dumps(manifest).encode())
        self.committed.add(result.batch)

    def tables_with_parts(self) -> frozenset[str]:
        """The document layers that hold at least one committed part."""
        return frozenset(self._tables_with_parts)

    def has_parts(self, table: str) -> bool:
        """Whether any committed batch wrote rows to ``table``."""
        return table in self._tables_with_parts

    def invalidate_corpus(self) -> None:
        """Drop the corpus-level results (they no longer cover every document)."""
        if self.corpus.exists():
            old = self.root / f".corpus-old-{os.getpid()}"
            os.replace(self.corpus, old)
            shutil.rmtree(old, ignore_errors=True)

    # -- reading -------------------------------------------------------------------------
    def _glob(self, table: str) -> str:
        return str((self.parts / table).resolve() / "part-*.parquet")

    def iter_records(self, table: str, chunk: int = 10_000) -> Iterator[list]:
        """Stream the committed records of a document layer, ``chunk`` at a time."""
        if not self.has_parts(table):
            return
        names = ", ".join(f'"{n}"' for n, _t in sql_columns(table))
        con = duckdb.connect()
        try:
            cur = con.execute(f"SELECT {names} FROM read_parquet({_sql_str(self._glob(table))})")
            while True:
                rows = cur.fetchmany(chunk)
                if not rows:
                    break
                yield rows_to_records(table, rows)
        finally:
            con.close()

    def count_view(self, table: str) -> int:
        """How many rows the catalogue's view ``table`` shows."""
        con = duckdb.connect()
        try:
            return con.execute(f"SELECT count(*) FROM ({self._view_sql(table)})").fetchone()[0]
        finally:
            con.close()

    # -- corpus-level results ------------------------------------------------------------
    def write_corpus(self, events: Iterable, claims: Iterable, series: list[dict], phases: list) -> None:
        """Replace the corpus-level results in one rename."""
        tmp = Path(tempfile.mkdtemp(prefix=".corpus-tmp-", dir=self.root))
        for table, records in (("events", events), ("claims", claims)):
            (tmp / table).mkdir()
            buf: list = []
            n = 0
            for rec in records:
                buf.append(rec)
                if len(buf) >= _ROWS_PER_CORPUS_PART:
                    write_parquet_atomic(records_to_arrow(table, buf), tmp / table / f"part-{n:06d}.parquet")
                    buf, n = [], n + 1
            if buf or n == 0:
                write_parquet_atomic(records_to_arrow(table, buf), tmp / table / f"part-{n:06d}.parquet")
        write_parquet_atomic(series_to_arrow(series), tmp / "series.parquet")
        write_parquet_atomic(phases_to_arrow(phases), tmp / "phases.parquet")
        _fsync_dir(tmp)
        self.invalidate_corpus()
        os.replace(tmp, self.corpus)

    # -- the catalogue -------------------------------------------------------------------
    def _empty_select(self, table: str) -> str:
        cols = ", ".join(f'CAST(NULL AS {t}) AS "{n}"' for n, t in sql_columns(table))
        return f"SELECT {cols} WHERE false"

    def _view_sql(self, table: str) -> str:
        names = ", ".join(f'"{n}"' for n, _t in sql_columns(table))
        corpus = self.corpus.resolve()
        if table in CORPUS_TABLES and self.corpus.exists():
            return f"SELECT {names} FROM read_parquet({_sql_str(str(corpus / table / 'part-*.parquet'))})"
        if table in ("series", "phases"):
            path = corpus / f"{table}.parquet"
            return f"SELECT {names} FROM read_parquet({_sql_str(str(path))})" if path.exists() else self._empty_select(table)
        if self.has_parts(table):
            return f"SELECT {names} FROM read_parquet({_sql_str(self._glob(table))})"
        return self._empty_select(table)

    def build_catalogue(self) -> Path:
        """(Re)write ``rift.duckdb``: one view per table over the Parquet files, with the same
        names and columns as a single-file rift database. Built aside and renamed into place,
        so readers holding the old catalogue open are not disturbed."""
        target = self.root / CATALOGUE_NAME
        tmp = self.root / f".catalogue-{os.getpid()}.duckdb"
        tmp.unlink(missing_ok=True)
        con = duckdb.connect(str(tmp))
        try:
            con.execute("CREATE TABLE rift_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
            con.executemany(
                "INSERT INTO rift_meta VALUES (?, ?)",
                [["schema_version", str(SCHEMA_VERSION)], ["store", "batch"], ["root", str(self.root.resolve())]],
            )
            for table in BATCH_TABLES + ("series", "phases"):
                con.execute(f'CREATE VIEW "{table}" AS {self._view_sql(table)}')
            con.execute("CHECKPOINT")
        finally:
            con.close()
        Path(str(target) + ".wal").unlink(missing_ok=True)
        os.replace(tmp, target)
        return target
