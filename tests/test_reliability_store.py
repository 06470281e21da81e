"""Concurrent and interrupted writes to one rift store.

DuckDB lets one process write a database file at a time. rift's ``Store`` waits for the lock
with backoff up to ``lock_timeout`` seconds, then raises a ``StorageError`` saying so. These
tests run real processes: two writers on one file lose no document; a writer killed with
SIGKILL in the middle of a save leaves the previous contents intact; a file that is not a rift
database gives a clear ``StorageError``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from rift.errors import StorageError
from rift.store import Store

REPO = Path(__file__).resolve().parents[1]


def make_result(prefix: str, start: int, n: int, sentences: int = 20):
    """An analysis of ``n`` documents with ``sentences`` sentences each (no pipeline needed)."""
    from rift.api import AnalysisResult
    from rift.pipeline import DocResult
    from rift.records import Document, Sentence

    docs = []
    for i in range(start, start + n):
        doc_id = f"{prefix}{i:06d}"
        text = " ".join(f"Sentence {j} of {doc_id}." for j in range(sentences))
        d = DocResult(document=Document(id=doc_id, path=f"{doc_id}.txt", encoding="utf-8", n_chars=len(text),
                                        n_sentences=sentences, text=text))
        d.sentences = [Sentence(doc=doc_id, index=j, start=0, end=1, text=f"s{j}") for j in range(sentences)]
        docs.append(d)
    return AnalysisResult(docs=docs)


# A child process: `hold SECONDS` keeps the store open; `write PREFIX N` saves N documents, one
# save (one transaction) each; `stall PREFIX N` saves N documents in one transaction, printing
# MID and sleeping halfway through, to be killed there; `loop PREFIX` saves batches forever.
CHILD = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, sys.argv.pop())  # this folder: make_result comes from the test module
    from test_reliability_store import make_result as result
    from rift.store import Store

    mode, path = sys.argv[1], sys.argv[2]
    if mode == "hold":
        with Store(path):
            print("HELD", flush=True)
            time.sleep(float(sys.argv[3]))
    elif mode == "write":
        prefix, n = sys.argv[3], int(sys.argv[4])
        for i in range(n):
            with Store(path, lock_timeout=120) as s:
                s.save(result(prefix, i, 1))
        print("DONE", flush=True)
    elif mode == "stall":
        prefix, n = sys.argv[3], int(sys.argv[4])
        store = Store(path)
        calls = []
        insert = store._insert
        def slow_insert(table, records):
            insert(table, records)
            calls.append(table)
            if len(calls) == n:  # half of the documents' rows are in, uncommitted
                print("MID", flush=True)
                time.sleep(600)
        store._insert = slow_insert
        store.save(result(prefix, 0, n))
    elif mode == "loop":
        prefix, k = sys.argv[3], 0
        with Store(path) as s:
            while True:
                s.save(result(prefix, 0, 30, sentences=50))
                print(f"SAVED {k}", flush=True)
                k += 1
    """
)


def child(*args: str, **kw) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    return subprocess.Popen([sys.executable, "-c", CHILD, *args, str(Path(__file__).parent)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env, text=True, **kw)


def wait_for(proc: subprocess.Popen, word: str, timeout: float = 120) -> str:
    """Read the child's output until a line starting with ``word``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.startswith(word):
            return line
        if not line and proc.poll() is not None:
            break
    proc.kill()
    pytest.fail(f"the child never printed {word}: {proc.stderr.read()[-2000:]}")


def consistent(path: Path) -> dict[str, int]:
    """Open the store and check that every document has exactly its sentences; return
    ``{doc id: sentence count}``."""
    with Store(path, read_only=True) as store:
        result = store.load()
    counts = {}
    for d in result.docs:
        assert len(d.sentences) == d.document.n_sentences, d.document.id
        assert [s.index for s in d.sentences] == list(range(d.document.n_sentences))
        counts[d.document.id] = len(d.sentences)
    return counts


def test_reliability_store_waits_for_the_lock(tmp_path):
    db = tmp_path / "rift.duckdb"
    Store(db).close()
    holder = child("hold", str(db), "2")
    try:
        wait_for(holder, "HELD")
        t0 = time.monotonic()
        with pytest.raises(StorageError) as info:
            Store(db, lock_timeout=0.3)
        assert "in use by another process" in info.value.message and "RIFT_LOCK_TIMEOUT" in info.value.message
        assert "\n" not in info.value.message
        with Store(db, lock_timeout=60) as store:  # waits until the holder lets go
            assert time.monotonic() - t0 > 0.3
            assert store.load().docs == []
    finally:
        holder.kill()
        holder.wait()


def test_reliability_store_lock_timeout_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("RIFT_LOCK_TIMEOUT", "soon")
    with pytest.raises(StorageError, match="RIFT_LOCK_TIMEOUT"):
        Store(tmp_path / "x.duckdb")


def test_reliability_two_writers_lose_nothing(tmp_path):
    db = tmp_path / "rift.duckdb"
    n = 8
    writers = [child("write", str(db), prefix, str(n)) for prefix in ("a", "b")]
    for w in writers:
        out, err = w.communicate(timeout=300)
        assert w.returncode == 0 and "DONE" in out, err[-2000:]
    counts = consistent(db)
    assert sorted(counts) == sorted(f"{p}{i:06d}" for p in ("a", "b") for i in range(n))


def test_reliability_kill_mid_transaction_keeps_previous_state(tmp_path):
    db = tmp_path / "rift.duckdb"
    with Store(db) as store:
        store.save(make_result("old", 0, 3))
    before = consistent(db)
    assert len(before) == 3
    writer = child("stall", str(db), "new", "5")
    try:
        wait_for(writer, "MID")
        os.kill(writer.pid, signal.SIGKILL)
    finally:
        writer.wait()
    assert writer.returncode == -signal.SIGKILL
    assert consistent(db) == before  # nothing of the killed save, nothing of the old lost
    with Store(db) as store:  # and the store takes writes again
        store.con.execute("SELECT count(*) FROM documents").fetchone()


@pytest.mark.parametrize("delay", [0.2, 1.1])
def test_reliability_kill_at_random_moments(tmp_path, delay):
    """A writer saving over and over is killed at some moment: each time the store opens and
    holds either nothing of that writer or whole documents, never half of one."""
    db = tmp_path / "rift.duckdb"
    writer = child("loop", str(db), "loop")
    try:
        wait_for(writer, "SAVED")
        time.sleep(delay)
        os.kill(writer.pid, signal.SIGKILL)
    finally:
        writer.wait()
    counts = consistent(db)
    assert set(counts) == {f"loop{i:06d}" for i in range(30)}
    assert set(counts.values()) == {50}


def test_reliability_not_a_database(tmp_path):
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StorageError, match="cannot open the database"):
        Store(junk)
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    with pytest.raises(StorageError, match="not a rift database"):
        Store(other, read_only=True).load()
