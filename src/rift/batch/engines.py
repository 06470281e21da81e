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
"""

from __future__ import annotations

import logging
import multiprocessing
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator, Protocol

from spacy.language import Language

from rift.batch.sources import WorkItem
from rift.batch.worker import PartitionResult, get_pipeline, process_partition, use_pipeline
from rift.errors import RiftError

ENGINES = ("local", "dask")
Partition = tuple[int, list[WorkItem]]


class EngineError(RiftError):
    """A worker or the cluster failed; the store keeps every committed batch, so run again."""

    exit_code = 7


class Engine(Protocol):
    """Runs partitions and yields their results in completion order."""

    def map(self, partitions: Iterable[Partition]) -> Iterator[PartitionResult]: ...

    def close(self) -> None: ...


class InlineEngine:
    """One worker: partitions run in this process, one after another."""

    def __init__(self, model: str, *, nlp: Language | None = None, batch_size: int = 32):
        self.model = model
        self.batch_size = batch_size
        if nlp is not None:
            use_pipeline(model, nlp)
        get_pipeline(model)

    def map(self, partitions: Iterable[Partition]) -> Iterator[PartitionResult]:
        for batch, items in partitions:
            yield process_partition(batch, items, self.model, self.batch_size)

    def close(self) -> None:
        pass


def _init_worker(model: str) -> None:
    get_pipeline(model)  # forked workers find it cached already; spawned ones load it once


class ProcessEngine:
    """N worker processes on this machine."""

    def __init__(self, model: str, workers: int, *, nlp: Language | None = None, batch_size: int = 32):
        self.model = model
        self.batch_size = batch_size
        self.max_inflight = 2 * workers
        methods = multiprocessing.get_all_start_methods()
        if "fork" in methods:
            # load once here; forked workers share the loaded pipeline copy-on-write
            if nlp is not None:
                use_pipeline(model, nlp)
            get_pipeline(model)
            ctx = multiprocessing.get_context("fork")
        else:  # pragma: no cover - macOS/Windows
            ctx = multiprocessing.get_context("spawn")
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=(model,))

    def map(self, partitions: Iterable[Partition]) -> Iterator[PartitionResult]:
        pending: set = set()
        source = iter(partitions)
        exhausted = False
        try:
            while True:
                while not exhausted and len(pending) < self.max_inflight:
                    try:
                        batch, items = next(source)
                    except StopIteration:
                        exhausted = True
                        break
                    pending.add(self.pool.submit(process_partition, batch, items, self.model, self.batch_size))
                if not pending:
                    return
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    yield fut.result()
        except BrokenProcessPool:
            raise EngineError(
                "a worker process died (out of memory, or killed); the batches already stored are kept: run the same command again to resume"
            ) from None

    def close(self) -> None:
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
                    silence_logs=logging.ERROR,
                )
                self.client = Client(self.cluster)
                n = workers
        except OSError as exc:
            self.close()
            where = scheduler or "a local cluster on 127.0.0.1"
            raise EngineError(f"cannot reach the Dask scheduler at {where} ({str(exc).splitlines()[0][:160]})") from None
        self.max_inflight = 2 * max(1, n)

    def map(self, partitions: Iterable[Partition]) -> Iterator[PartitionResult]:
        from distributed import as_completed

        running = as_completed()
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
                running.add(self.client.submit(process_partition, batch, items, self.model, self.batch_size, pure=False))
                inflight += 1
            if not inflight:
                return
            fut = next(running)
            inflight -= 1
            try:
                result = fut.result()
            except Exception as exc:  # noqa: BLE001 - a task that failed on the cluster
                raise EngineError(
                    f"a Dask task failed ({type(exc).__name__}: {str(exc).splitlines()[0][:160] if str(exc) else ''}); "
                    "the batches already stored are kept: run again to resume"
                ) from None
            fut.release()
            yield result

    def close(self) -> None:
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
