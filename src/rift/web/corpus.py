"""The database behind the app: one DuckDB store, shared by request threads and the job worker
under one lock, with the loaded analysis cached until the next write."""

from __future__ import annotations

import threading
from pathlib import Path

from rift.store import Store


class Corpus:
    """Everything analysed so far, as one :class:`rift.api.AnalysisResult`.

    Args:
        path: the DuckDB file (created if missing).
        bin: time bin of the relations index, recomputed over all documents on each add.

    Raises:
        StorageError: the database is locked by another process or is not a rift database.
    """

    def __init__(self, path: str | Path, *, bin: str = "year"):
        self.path = Path(path)
        self.bin = bin
        self._lock = threading.RLock()
        self._store = Store(self.path)
        row = self._store.con.execute("SELECT value FROM rift_meta WHERE key = 'store'").fetchone()
        # a batch store's tables are views over Parquet parts: browse it, add to it with `rift batch`
        self.read_only = bool(row and row[0] == "batch")
        self._cached = None
        self.version = 0

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._store.close()

    def result(self):
        """The whole analysis (cached; do not mutate it)."""
        with self._lock:
            if self._cached is None:
                self._cached = self._store.load()
            return self._cached

    def add(self, doc_results) -> None:
        """Add (or replace, by id) analysed documents, redo the corpus-level analysis (relations
        index, phases, claims tested) over every document, and save it all in one transaction."""
        from rift.api import analyse_corpus
        from rift.errors import StorageError

        if self.read_only:
            raise StorageError(f"{self.path} is a batch store: add documents to it with `rift batch`, not the web app")
        with self._lock:
            current = {d.document.id: d for d in self.result().docs}
            for d in doc_results:
                current[d.document.id] = d
            docs = sorted(current.values(), key=lambda d: d.document.path)
            result = analyse_corpus(docs, bin=self.bin)
            self._store.save(result)
            self._cached = result
            self.version += 1
