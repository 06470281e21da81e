"""A batch killed with SIGKILL and started again stores every document exactly once."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path

import pytest

from rift.batch import BatchConfig, run_batch
from rift.pipeline import RIFT_COMPONENTS, build_pipeline
from rift.store import Store

N_DOCS = 60
BATCH = 2
WORDS = ["Moscow", "Peking", "protested", "the", "treaty", "aid", "experts", "border", "talks", "in", "1960", "withdrew"]


def _corpus(root: Path) -> None:
    root.mkdir()
    for i in range(N_DOCS):
        # distinct texts of a few kilobytes, so that each batch takes a moment
        sentences = [" ".join(WORDS[(i + j * k) % len(WORDS)] for k in range(12)).capitalize() + "." for j in range(30)]
        (root / f"doc{i:04d}.txt").write_text(f"Document {i}.\n\n" + " ".join(sentences), encoding="utf-8")


def _committed(store: Path) -> int:
    folder = store / "manifest"
    return len([p for p in folder.iterdir() if p.name.endswith(".json")]) if folder.exists() else 0


def _child(corpus: str, store: str, workers: int, nlp) -> None:
    os.setsid()  # its own process group: the test kills it and its workers together
    run_batch([corpus], store, BatchConfig(model="blank", batch_size=BATCH, workers=workers), nlp=nlp)


@pytest.fixture(scope="module")
def bare_nlp():
    """Tokenizer and sentences only: resuming does not depend on what the stages extract."""
    return build_pipeline("blank", exclude=[name for name, _module in RIFT_COMPONENTS])


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_resume_after_sigkill_stores_each_document_once(tmp_path, workers, bare_nlp):
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    _corpus(corpus)
    # a forked child runs the batch (as `rift batch` would, without paying for a new interpreter)
    child = multiprocessing.get_context("fork").Process(target=_child, args=(str(corpus), str(store), workers, bare_nlp))
    child.start()
    deadline = time.monotonic() + 60
    while _committed(store) < 3 and child.is_alive() and time.monotonic() < deadline:
        time.sleep(0.002)
    os.killpg(child.pid, signal.SIGKILL)  # the whole process tree, no chance to clean up
    child.join(timeout=30)
    stopped_at = _committed(store)
    assert 3 <= stopped_at < N_DOCS // BATCH, "the run was not killed mid-way"

    summary = run_batch([str(corpus)], store, BatchConfig(model="blank", batch_size=BATCH, workers=workers), nlp=bare_nlp)
    assert summary.already_stored == 2 * stopped_at and summary.processed == N_DOCS - 2 * stopped_at
    with Store(store / "rift.duckdb", read_only=True) as db:
        paths = [r[0] for r in db.con.execute("SELECT path FROM documents").fetchall()]
        ids = [r[0] for r in db.con.execute("SELECT id FROM documents").fetchall()]
        per_doc = db.con.execute("SELECT doc, count(*) FROM sentences GROUP BY doc").fetchall()
    assert len(ids) == len(set(ids)) == N_DOCS
    assert sorted(Path(p).name for p in paths) == sorted(p.name for p in corpus.iterdir())
    # every document has its sentences once: none lost, none written twice by a half-done batch
    assert len(per_doc) == N_DOCS and {n for _doc, n in per_doc} == {31}
    assert not [p for p in (store / "parts").rglob("*") if p.is_file() and not p.name.startswith("part-")]
