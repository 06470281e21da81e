"""``run_batch``: stream a corpus through rift's pipeline into a batch store, resumably."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from spacy.language import Language

from rift.batch.engines import ENGINES, Partition, make_engine
from rift.batch.sources import BadInput, WorkItem, iter_items, iter_keys
from rift.batch.store import BatchStore
from rift.errors import RiftError
from rift.pipeline import DEFAULT_MODEL
from rift.text_utils import doc_id_for

DOCTYPES = ("narrative", "news")
BINS = ("year", "quarter", "month", "decade")


@dataclass(frozen=True)
class BatchConfig:
    """How to run a batch.

    Attributes:
        model: spaCy model package or path, or ``"blank"``.
        engine: ``local`` (processes on this machine) or ``dask`` (a Dask cluster).
        workers: worker processes (local, or a Dask LocalCluster).
        scheduler: address of a running Dask scheduler (``tcp://host:port``), dask only.
        batch_size: documents per partition, and per Parquet part.
        doctype: doctype of undated documents (dated ones are ``news``).
        bin: time bin of the relations index.
    """

    model: str = DEFAULT_MODEL
    engine: str = "local"
    workers: int = 1
    scheduler: str | None = None
    batch_size: int = 32
    doctype: str = "narrative"
    bin: str = "year"

    def check(self) -> None:
        """Raise :class:`RiftError` with a usable message if a setting is out of range."""
        if self.engine not in ENGINES:
            raise RiftError(f"--engine must be one of {', '.join(ENGINES)}, not '{self.engine}'")
        if self.workers < 1:
            raise RiftError(f"--workers must be at least 1, not {self.workers}")
        if self.batch_size < 1:
            raise RiftError(f"--batch-size must be at least 1, not {self.batch_size}")
        if self.doctype not in DOCTYPES:
            raise RiftError(f"--doctype must be one of {', '.join(DOCTYPES)}, not '{self.doctype}'")
        if self.bin not in BINS:
            raise RiftError(f"--bin must be one of {', '.join(BINS)}, not '{self.bin}'")
        if self.scheduler and self.engine != "dask":
            raise RiftError("--scheduler needs --engine dask")


@dataclass
class BatchSummary:
    """What a run did."""

    store: Path
    catalogue: Path
    documents: int = 0
    processed: int = 0
    already_stored: int = 0
    duplicates: int = 0
    skipped: list[BadInput] = field(default_factory=list)
    seconds: float = 0.0
    events: int = 0

    @property
    def docs_per_second(self) -> float:
        """Documents analysed per second of this run."""
        return self.processed / self.seconds if self.seconds > 0 else 0.0


ProgressFn = Callable[[int, int], None]
SkipFn = Callable[[BadInput], None]


class _Stream:
    """Turns the corpus stream into partitions of new documents, counting what it leaves out."""

    def __init__(self, summary: BatchSummary, stored_ids: set[str], stored_keys: set[str], tick: Callable[[int], None], skip: SkipFn):
        self.summary = summary
        self.stored_ids = stored_ids
        self.stored_keys = stored_keys
        self.seen: set[str] = set()
        self.tick = tick
        self.skip = skip

    def partitions(self, items: Iterable[WorkItem | BadInput], first_batch: int, size: int) -> Iterator[Partition]:
        """Group the new documents of ``items`` into numbered partitions of ``size``."""
        batch = first_batch
        buf: list[WorkItem] = []
        for item in items:
            if isinstance(item, BadInput):
                self.skip(item)
                continue
            doc_id = doc_id_for(item.raw.text)
            if doc_id in self.stored_ids:
                self.summary.already_stored += 1
                if item.key not in self.stored_keys:
                    self.tick(1)  # it was counted as pending: same text under another name
                continue
            if doc_id in self.seen:
                self.summary.duplicates += 1  # the same text twice in this corpus: stored once
                self.tick(1)
                continue
            self.seen.add(doc_id)
            buf.append(item)
            if len(buf) >= size:
                yield batch, buf
                batch, buf = batch + 1, []
        if buf:
            yield batch, buf


def analyse_store(store: BatchStore, *, bin: str = "year") -> None:
    """Run the corpus-level analysis over every stored event and claim and store its results
    (analysed events and claims, series, phases)."""
    events = [e for chunk in store.iter_records("events") for e in chunk]
    claims = [c for chunk in store.iter_records("claims") for c in chunk]
    if not events and not claims:
        store.write_corpus([], [], [], [])  # nothing to analyse (and no need to load the analysis)
        return
    from rift.analysis import analyse

    out = analyse(events, claims, bin=bin)
    store.write_corpus(out.events, out.claims, out.series, out.phases)


def run_batch(
    inputs: Sequence[str],
    store: str | Path,
    config: BatchConfig = BatchConfig(),
    *,
    nlp: Language | None = None,
    progress: ProgressFn | None = None,
    on_skip: SkipFn | None = None,
) -> BatchSummary:
    """Analyse a corpus into a batch store, resuming whatever an earlier run stored.

    Args:
        inputs: files, directories or glob patterns (see :mod:`rift.batch.sources`); none
            to only rebuild the store's corpus analysis and catalogue.
        store: the store folder; its ``rift.duckdb`` opens with :class:`rift.store.Store`.
        config: the run's settings.
        nlp: a pipeline already built for ``config.model`` (local engine), to reuse.
        progress: called with ``(done, total)`` documents of this run as batches complete.
        on_skip: called with each input that could not be read or analysed.

    Returns:
        A :class:`BatchSummary`; ``summary.skipped`` lists the inputs left out.

    Raises:
        RiftError: bad settings, a store that is locked or built with another model, or a
            failed worker (the committed batches are kept: run again to resume).
    """
    config.check()
    started = time.perf_counter()
    with BatchStore(store, model=config.model) as bs:
        stored_ids, stored_keys = bs.recover()
        summary = BatchSummary(store=bs.root, catalogue=bs.build_catalogue())
        done = 0
        total = sum(1 for k in iter_keys(inputs) if k not in stored_keys) if inputs else 0

        def tick(n: int) -> None:
            nonlocal done, total
            done += n
            total = max(total, done)
            if progress:
                progress(done, total)

        def skip(bad: BadInput) -> None:
            summary.skipped.append(bad)
            if on_skip:
                on_skip(bad)
            tick(1)

        stream = _Stream(summary, stored_ids, stored_keys, tick, skip)
        if inputs:
            engine = make_engine(config.engine, config.model, config.workers, scheduler=config.scheduler, nlp=nlp, batch_size=config.batch_size)
            try:
                parts = stream.partitions(iter_items(inputs, doctype=config.doctype), bs.next_batch(), config.batch_size)
                for result in engine.map(parts):
                    if summary.processed == 0 and result.doc_ids:
                        bs.invalidate_corpus()  # the old analysis no longer covers the store
                    before = bs.tables_with_parts()
                    bs.commit(result)
                    if summary.processed == 0 or bs.tables_with_parts() != before:
                        bs.build_catalogue()  # readers see the new tables from now on
                    summary.processed += len(result.doc_ids)
                    for bad in result.failed:
                        skip(bad)
                    tick(len(result.doc_ids))
            finally:
                engine.close()
        summary.documents = len(stored_ids) + summary.processed
        if summary.processed or not bs.corpus.exists():
            analyse_store(bs, bin=config.bin)
        summary.catalogue = bs.build_catalogue()
        summary.events = bs.count_view("events")
    summary.seconds = time.perf_counter() - started
    return summary
