"""Corpora at scale: stream documents through rift's pipeline into a resumable batch store.

``run_batch`` reads a corpus lazily (text files, JSONL, FRUS TEI volumes), runs the same
per-document pipeline as ``rift analyze`` on a local process pool or a Dask cluster, and
writes partitioned Parquet plus a DuckDB catalogue whose views have the same names and
columns as a single rift database, so ``rift.store.Store`` reads a batch store unchanged.
"""

from rift.batch.run import BatchConfig, BatchSummary, analyse_store, run_batch
from rift.batch.sources import BadInput, WorkItem, iter_items, iter_keys
from rift.batch.store import BatchStore
from rift.batch.worker import PartitionResult, process_partition

__all__ = [
    "BadInput",
    "BatchConfig",
    "BatchStore",
    "BatchSummary",
    "PartitionResult",
    "WorkItem",
    "analyse_store",
    "iter_items",
    "iter_keys",
    "process_partition",
    "run_batch",
]
