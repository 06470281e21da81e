"""Engines that run :func:`rift.batch.worker.process_partition` over a stream of partitions.

* ``local`` with one worker runs partitions in this process.
* ``local`` with N workers runs them in a pool of N processes, each running ``nlp.pipe`` over
  its partitions (forked from this process where the platform allows, so the pipeline loaded
  here is shared, not loaded again).
* ``dask`` submits them to a Dask distributed cluster: a ``LocalCluster`` on 127.0.0.1
  (N single-threaded worker processes, no dashboard) or the scheduler given; each worker
  loads the model once.

Every engine keeps at most ``2 x workers`` partitions in flight, so memory is bounded by the
partition size and not by the corpus size, and yields results as they complete.

A document that kills its worker process (a crash in native code, memory exhausted) does not
stop a pool or a cluster: the partitions that were in flight are run again one document at a
time, and only the document that kills a worker again is skipped. With one local worker the
pipeline runs in this process, so such a crash ends the run (resume it with more workers).
"""

from __future__ import annotations

import logging
import multiprocessing
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator, Protocol

import pyarrow as pa
from spacy.language import Language

from rift.batch.sources import BadInput, WorkItem
from rift.batch.worker import PartitionResult, get_pipeline, process_partition, use_pipeline
from rift.errors import RiftError

ENGINES = ("local", "dask")
Partition = tuple[int, list[WorkItem]]


class EngineError(RiftError):
    """A worker or the cluster failed; the store keeps every committed batch, so run again."""

    exit_code = 7


class Engine(Protocol):
    """Runs partitions and yields their results in completion order."""

    def map(self, partitions: Iterable[Partition]) -> Iterator[PartitionResult]:
        """Run ``partitions`` (pulled lazily) and yield each result once it is done."""
        ...

    def close(self) -> None:
        """Stop the workers."""
        ...


class InlineEngine:
    """One worker: partitions run in this process, one after another."""

    def __init__(self, model: str, *, nlp: Language | None = None, batch_size: int = 32):
        self.model = model
        self.batch_size = batch_size
        if nlp is not None:
            use_pipeline(model, nlp)
        get_pipeline(model)

    def map(self, partitions: Iterable[Partition]) -> Iterator[PartitionResult]:
        """Run each partition here, in order."""
        for batch, items in partitions:
            yield process_partition(batch, items, self.model, self.batch_size)

    def close(self) -> None:
        """Nothing to stop."""


CRASHED = "the pipeline crashed on this document (its worker process died: a crash in native code, or out of memory)"


def merge_results(batch: int, results: list[PartitionResult]) -> PartitionResult:
    """One partition's result from the results of its documents run one by one."""
    merged = PartitionResult(batch=batch)
    for r in results:
        merged.doc_ids.extend(r.doc_ids)
        merged.keys.extend(r.keys)
        merged.failed.extend(r.failed)
    tables = {name for r in results for name in r.tables}
    for name in tables:
        parts = [r.tables[name] for r in results if name in r.tables]
        merged.tables[name] = pa.concat_tables(parts) if len(parts) > 1 else parts[0]
    return merged


def crashed(batch: int, item: WorkItem) -> PartitionResult:
    """The result of a document whose worker died: nothing stored, one skipped input."""
    return PartitionResult(batch=batch, failed=[BadInput(item.key, f"{item.raw.path}: {CRASHED}")])


def _init_worker(model: str) -> None:
    get_pipeline(model)  # forked workers find it cached already; spawned ones load it once


class ProcessEngine:
    """N worker processes on this machine."""

    def __init__(self, model: str, workers: int, *, nlp: Language | None = None, batch_size: int = 32):
        self.model = model
        self.batch_size = batch_size
        self.max_inflight = 2 * workers
        self.workers = workers
        methods = multiprocessing.get_all_start_methods()
        if "fork" in methods:
            # load once here; forked workers share the loaded pipeline copy-on-write
            if nlp is not None:
                use_pipeline(model, nlp)
            get_pipeline(model)
            self.ctx = multiprocessing.get_context("fork")
        else:  # pragma: no cover - macOS/Windows
            self.ctx = multiprocessing.get_context("spawn")
        self.pool = self._new_pool(workers)

    def _new_pool(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, mp_context=self.ctx, initializer=_init_worker, initargs=(self.model,))

    def _submit(self, batch: int, items: list[WorkItem]):
        return self.pool.submit(process_partition, batch, items, self.model, self.batch_size)

    def map(self, partitions: Iterable[Partition]) -> Iterator[PartitionResult]:
        """Run partitions on the pool, at most ``2 x workers`` at a time, isolating crashes."""
        pending: dict = {}
        source = iter(partitions)
        exhausted = False
        while True:
            while not exhausted and len(pending) < self.max_inflight:
                try:
                    batch, items = next(source)
                except StopIteration:
                    exhausted = True
                    break
                pending[self._submit(batch, items)] = (batch, items)
            if not pending:
                return
            done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
            lost: list[Partition] = []
            for fut in done:
                part = pending.pop(fut)
                try:
                    yield fut.result()
                except BrokenProcessPool:
                    lost.append(part)
            if lost:
                # a worker died and took the pool with it: redo every unfinished partition,
                # one document at a time, so that only the document that kills a worker is lost
                lost.extend(pending.values())
                pending.clear()
                self._restart()
                for batch, items in sorted(lost, key=lambda p: p[0]):
                    yield self._isolate(batch, items)

    def _restart(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = self._new_pool(self.workers)

    def _isolate(self, batch: int, items: list[WorkItem]) -> PartitionResult:
        results = []
        for item in items:
            try:
                results.append(self._submit(batch, [item]).result())
            except BrokenProcessPool:
                results.append(crashed(batch, item))
                self._restart()
        return merge_results(batch, results)

    def close(self) -> None:
        """Shut the pool down."""
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine:
    """Partitions as tasks on a Dask distributed cluster."""

    def __init__(self, model: str, workers: int, *, scheduler: str | None = None, batch_size: int = 32):
        try:
            from distributed import Client, LocalCluster
        except ImportError:  # pragma: no cover - dask is a dependency
            raise EngineError("the dask engine needs `pip install 'dask[distributed]'`") from None
        self.model = model
        self.batch_size = batch_size
        self.cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="20s")
                n = len(self.client.scheduler_info().get("workers", {})) or workers
            else:
                self.cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    silence_logs=logging.CRITICAL,
                )
                self.client = Client(self.cluster)
                n = workers
        except OSError as exc:
            self.close()
            where = scheduler or "a local cluster on 127.0.0.1"
            raise EngineError(f"cannot reach the Dask scheduler at {where} ({str(exc).splitlines()[0][:160]})") from None
        self.max_inflight = 2 * max(1, n)

    def map(self, partitions: Iterable[Partition]) -> Iterator[PartitionResult]:
        """Submit partitions as tasks, at most ``2 x workers`` at a time, isolating crashes."""
        from distributed import KilledWorker, as_completed

        running = as_completed()
        parts: dict = {}
        inflight = 0
        source = iter(partitions)
        exhausted = False
        while True:
            while not exhausted and inflight < self.max_inflight:
                try:
                    batch, items = next(source)
                except StopIteration:
                    exhausted = True
                    break
                fut = self.client.submit(process_partition, batch, items, self.model, self.batch_size, pure=False)
                parts[fut.key] = (batch, items)
                running.add(fut)
                inflight += 1
            if not inflight:
                return
            fut = next(running)
            inflight -= 1
            batch, items = parts.pop(fut.key)
            try:
                result = fut.result()
            except KilledWorker:
                # the partition killed every worker it was tried on: find the document doing it
                result = merge_results(batch, [self._one(batch, item) for item in items])
            except Exception as exc:  # noqa: BLE001 - a task that failed on the cluster
                raise EngineError(
                    f"a Dask task failed ({type(exc).__name__}: {str(exc).splitlines()[0][:160] if str(exc) else ''}); "
                    "the batches already stored are kept: run again to resume"
                ) from None
            fut.release()
            yield result

    def _one(self, batch: int, item: WorkItem) -> PartitionResult:
        from distributed import KilledWorker

        try:
            return self.client.submit(process_partition, batch, [item], self.model, self.batch_size, pure=False).result()
        except KilledWorker:
            return crashed(batch, item)

    def close(self) -> None:
        """Close the client and, if this engine started it, the local cluster."""
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(
    engine: str,
    model: str,
    workers: int,
    *,
    scheduler: str | None = None,
    nlp: Language | None = None,
    batch_size: int = 32,
) -> Engine:
    """The engine named ``engine`` (``local`` or ``dask``) with ``workers`` workers.

    Raises:
        RiftError: an unknown engine or a bad number of workers.
    """
    if engine not in ENGINES:
        raise RiftError(f"--engine must be one of {', '.join(ENGINES)}, not '{engine}'")
    if workers < 1:
        raise RiftError(f"--workers must be at least 1, not {workers}")
    if scheduler and engine != "dask":
        raise RiftError("--scheduler needs --engine dask")
    if engine == "dask":
        return DaskEngine(model, workers, scheduler=scheduler, batch_size=batch_size)
    if workers == 1:
        return InlineEngine(model, nlp=nlp, batch_size=batch_size)
    return ProcessEngine(model, workers, nlp=nlp, batch_size=batch_size)
