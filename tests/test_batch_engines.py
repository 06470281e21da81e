"""The engines agree: a local process pool and a Dask cluster store the same records as one
process, on a slice of the FRUS sample."""

from __future__ import annotations

import csv

import pytest

from rift.batch import BatchConfig, run_batch
from rift.store import Store
from rift.store.duck import DOC_TABLES

N_SLICE = 6


def _frus_slice() -> list[str]:
    """The six shortest FRUS sample documents that name China at least twice (dated and undated)."""
    from conftest import shared_path

    folder = shared_path("data", "frus-1961-63-v05")
    with open(folder / "index.csv", encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if int(r["mentions_china_count"]) >= 2]
    rows.sort(key=lambda r: int(r["n_chars"]))
    return [str(folder / r["file"]) for r in rows[:N_SLICE]]


def _tables(catalogue) -> dict[str, list[str]]:
    with Store(catalogue, read_only=True) as store:
        return {t: sorted(r.model_dump_json() for r in store.records(t)) for t in DOC_TABLES}


def _run(inputs, store, **kw):
    summary = run_batch(inputs, store, BatchConfig(batch_size=2, **kw))
    assert summary.processed == N_SLICE and not summary.skipped
    return _tables(summary.catalogue)


def test_batch_engines_local_pool_and_dask_match_one_process(tmp_path):
    inputs = _frus_slice()
    inline = _run(inputs, tmp_path / "inline", model="blank", workers=1)
    assert len(inline["documents"]) == N_SLICE and inline["sentences"]
    assert _run(inputs, tmp_path / "pool", model="blank", workers=2) == inline
    assert _run(inputs, tmp_path / "dask", model="blank", engine="dask", workers=2) == inline


@pytest.mark.model
def test_batch_engines_dask_and_local_give_identical_events(tmp_path):
    inputs = _frus_slice()
    local = _run(inputs, tmp_path / "local", workers=2)
    dask = _run(inputs, tmp_path / "dask", engine="dask", workers=2)
    assert local["events"], "no events on the slice: nothing to compare"
    assert dask["events"] == local["events"]
    assert dask == local
    dated = [d for d in local["documents"] if '"dct":"1963-02-25"' in d]
    assert len(dated) == 1 and '"doctype":"news"' in dated[0]
