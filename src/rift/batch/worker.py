"""The per-partition function both engines run: documents in, Arrow tables of records out.

:func:`process_partition` is what a local worker process or a Dask worker executes. It loads
the pipeline once per process (cached in :data:`_PIPELINES`), runs ``nlp.pipe`` over the
partition exactly as ``rift analyze`` does (:func:`rift.pipeline.make_doc` then
:func:`rift.pipeline.collect`), and returns plain Arrow tables, which cross process and
network boundaries cheaply. spaCy ``Doc`` objects never leave the worker: rift keeps Python
objects (the text as read, offset maps, records) in ``Doc.user_data``, which spaCy's own
``Doc`` serialisation (used by ``nlp.pipe(n_process=N)``) cannot carry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import pyarrow as pa
from spacy.language import Language

from rift.batch.sources import BadInput, WorkItem
from rift.batch.tables import BATCH_TABLES, records_to_arrow
from rift.pipeline import DocResult, build_pipeline, collect, make_doc

# model name -> the pipeline loaded in this process
_PIPELINES: dict[str, Language] = {}


def get_pipeline(model: str) -> Language:
    """rift's pipeline on ``model``, loaded once per process."""
    nlp = _PIPELINES.get(model)
    if nlp is None:
        nlp = build_pipeline(model)
        _PIPELINES[model] = nlp
    return nlp


def use_pipeline(model: str, nlp: Language) -> None:
    """Make this process use an already built pipeline for ``model`` (no second load)."""
    _PIPELINES[model] = nlp


@dataclass
class PartitionResult:
    """The outcome of one partition: its records as Arrow tables, and what failed."""

    batch: int
    doc_ids: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    tables: dict[str, pa.Table] = field(default_factory=dict)
    failed: list[BadInput] = field(default_factory=list)


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:160]}" if text else type(exc).__name__


def _run(nlp: Language, items: Sequence[WorkItem], batch_size: int) -> tuple[list[DocResult], list[WorkItem], list[BadInput]]:
    """Process ``items``; when the partition fails as a whole, retry document by document so
    one bad document costs only itself."""
    try:
        docs = (make_doc(nlp, it.raw, doctype=it.doctype, dct=it.dct) for it in items)
        results = [collect(doc) for doc in nlp.pipe(docs, batch_size=batch_size)]
        return results, list(items), []
    except Exception:  # noqa: BLE001 - isolate the failing document below
        pass
    results, ok, failed = [], [], []
    for it in items:
        try:
            results.append(collect(nlp(make_doc(nlp, it.raw, doctype=it.doctype, dct=it.dct))))
            ok.append(it)
        except Exception as exc:  # noqa: BLE001 - reported as a skipped document
            failed.append(BadInput(it.key, f"{it.raw.path}: the pipeline failed on this document ({_one_line(exc)})"))
    return results, ok, failed


def process_partition(batch: int, items: Sequence[WorkItem], model: str, batch_size: int = 32) -> PartitionResult:
    """Run rift's pipeline over one partition of documents.

    Args:
        batch: the partition's number (names its Parquet parts).
        items: the documents.
        model: the spaCy model (``"blank"`` for a model-free run); loaded once per process.
        batch_size: ``nlp.pipe``'s batch size.

    Returns:
        A :class:`PartitionResult` with one Arrow table per record layer.
    """
    nlp = get_pipeline(model)
    results, ok, failed = _run(nlp, items, batch_size)
    tables = {}
    for table in BATCH_TABLES:
        records = [r.document for r in results] if table == "documents" else [x for r in results for x in getattr(r, table)]
        tables[table] = records_to_arrow(table, records)
    return PartitionResult(
        batch=batch,
        doc_ids=[r.document.id for r in results],
        keys=[it.key for it in ok],
        tables=tables,
        failed=failed,
    )
