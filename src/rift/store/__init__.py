"""Storage: DuckDB database and file outputs/exports."""

from rift.store.duck import Store
from rift.store.files import export, safe_cell, write_csv, write_files, write_jsonl

__all__ = ["Store", "export", "safe_cell", "write_csv", "write_files", "write_jsonl"]
