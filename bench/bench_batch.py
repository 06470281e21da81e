"""Speed of `rift batch`: against bare spaCy, and 1 against 2 workers (local and Dask).

    PYTHONPATH=src .venv/bin/python bench/bench_batch.py --quick     # a few minutes on 2 cores
    PYTHONPATH=src .venv/bin/python bench/bench_batch.py             # the whole FRUS sample

(1) rift batch against bare spaCy ``nlp.pipe`` (same model, same number of processes, same
    documents, same run): rift's own stages (reading, repair, rift's components, records,
    Parquet, manifest, catalogue, corpus analysis) must cost at most a third of the parse, i.e.
    throughput ratio rift / bare >= 0.75.
(2) 1 against 2 workers, for the local engine and for Dask (a LocalCluster started and warmed
    before timing, so the ratio measures throughput, not cluster start-up).

Every number is the median over ``--repeats`` timed runs after one warm-up run; the ratios
compare runs made in this same process on this same machine. Documents come from
``../shared/data/frus-1961-63-v05`` (read in place, never copied).
"""

from __future__ import annotations

import argparse
import csv
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FRUS = REPO.parent / "shared" / "data" / "frus-1961-63-v05"


def frus_files(n: int) -> list[str]:
    """The first ``n`` documents of the FRUS sample, in the order of its index."""
    if not (FRUS / "index.csv").exists():
        sys.exit(f"needs {FRUS} (the ../shared folder beside the repository)")
    with open(FRUS / "index.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [str(FRUS / r["file"]) for r in rows[:n]]


def time_bare(nlp, texts: list[str], n_process: int, batch_size: int) -> float:
    """Seconds for bare spaCy to parse ``texts``."""
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def time_rift(files: list[str], work: Path, *, nlp=None, **config) -> float:
    """Seconds for ``run_batch`` over ``files`` into a fresh store."""
    from rift.batch import BatchConfig, run_batch

    store = Path(tempfile.mkdtemp(prefix="store-", dir=work))
    start = time.perf_counter()
    summary = run_batch(files, store, BatchConfig(**config), nlp=nlp)
    seconds = time.perf_counter() - start
    if summary.processed != len(files) or summary.skipped:
        sys.exit(f"rift batch stored {summary.processed} of {len(files)} documents; skipped {summary.skipped[:3]}")
    shutil.rmtree(store, ignore_errors=True)
    return seconds


def component_seconds(nlp, files: list[str]) -> dict[str, float]:
    """CPU seconds per pipeline component (and rift's own make_doc/collect) over ``files``,
    one document at a time in this process: where the time goes."""
    from rift.batch.sources import iter_items
    from rift.pipeline import collect, make_doc

    spent: dict[str, float] = {"make_doc (read+repair)": 0.0}
    for item in iter_items(files):
        t = time.process_time()
        doc = make_doc(nlp, item.raw, doctype=item.doctype, dct=item.dct)
        spent["make_doc (read+repair)"] += time.process_time() - t
        for name, proc in nlp.pipeline:
            t = time.process_time()
            doc = proc(doc)
            spent[name] = spent.get(name, 0.0) + time.process_time() - t
        t = time.process_time()
        collect(doc)
        spent["collect"] = spent.get("collect", 0.0) + time.process_time() - t
    return spent


def median_of(fn, repeats: int) -> float:
    fn()  # warm-up
    return statistics.median(fn() for _ in range(repeats))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="16 documents, 2 repeats: a try-out on a small machine")
    ap.add_argument("--docs", type=int, default=None, help="documents of the FRUS sample (default all 200; quick 16)")
    ap.add_argument("--repeats", type=int, default=None, help="timed runs per measure (default 3; quick 2)")
    ap.add_argument("--model", default=None, help="spaCy model (default rift's)")
    ap.add_argument("--batch-size", type=int, default=4, help="documents per partition (small, so 2 workers share even the quick corpus)")
    ap.add_argument("--no-dask", action="store_true", help="leave out the Dask measures")
    args = ap.parse_args(argv)
    n_docs = args.docs or (16 if args.quick else 200)
    repeats = args.repeats or (2 if args.quick else 3)

    from rift.pipeline import DEFAULT_MODEL, build_pipeline, load_model
    from rift.read import read_path

    model = args.model or DEFAULT_MODEL
    files = frus_files(n_docs)
    texts = [read_path(f).text for f in files]
    n_chars = sum(map(len, texts))
    print(f"{len(files)} FRUS documents, {n_chars:,} characters; model {model}; median of {repeats} after a warm-up\n")
    bare_nlp = load_model(model)  # the model alone: spaCy's own components, none of rift's
    rift_nlp = build_pipeline(model)
    bs = args.batch_size
    work = Path(tempfile.mkdtemp(prefix="rift-bench-"))
    results: dict[str, float] = {}
    try:
        for w in (1, 2):
            results[f"bare-{w}"] = median_of(lambda: time_bare(bare_nlp, texts, w, bs), repeats)
            results[f"local-{w}"] = median_of(
                lambda: time_rift(files, work, nlp=rift_nlp, model=model, workers=w, batch_size=bs), repeats
            )
            print(f"  {w} process(es): bare spaCy {results[f'bare-{w}']:.2f} s, rift batch {results[f'local-{w}']:.2f} s")
        if not args.no_dask:
            import logging

            from distributed import LocalCluster

            for w in (1, 2):
                with LocalCluster(n_workers=w, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=logging.CRITICAL) as cluster:
                    results[f"dask-{w}"] = median_of(
                        lambda: time_rift(files, work, model=model, engine="dask", scheduler=cluster.scheduler_address,
                                          workers=w, batch_size=bs),
                        repeats,
                    )
                print(f"  dask {w} worker(s): rift batch {results[f'dask-{w}']:.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    spent = component_seconds(rift_nlp, files)
    parse = sum(v for k, v in spent.items() if k in bare_nlp.pipe_names)
    print(f"\nwhere the time goes (CPU s, one process; spaCy's components {parse:.2f} s = 1.00):")
    for name, secs in spent.items():
        if name not in bare_nlp.pipe_names:
            print(f"    {name:24s} {secs:7.2f} s  {secs / parse:5.2f} of the parse")

    print("\n(1) rift batch against bare spaCy nlp.pipe (throughput ratio, target >= 0.75)")
    for w in (1, 2):
        ratio = results[f"bare-{w}"] / results[f"local-{w}"]
        verdict = "ok" if ratio >= 0.75 else "UNDER TARGET"
        print(f"    n_process={w}: rift {len(files) / results[f'local-{w}']:.2f} docs/s, bare {len(files) / results[f'bare-{w}']:.2f} docs/s"
              f" -> ratio {ratio:.2f} [{verdict}]")
    print("\n(2) 2 workers against 1 (speed-up)")
    print(f"    local: {results['local-1'] / results['local-2']:.2f}x   (bare spaCy: {results['bare-1'] / results['bare-2']:.2f}x)")
    if not args.no_dask:
        print(f"    dask:  {results['dask-1'] / results['dask-2']:.2f}x")
        print(f"    dask against local, 2 workers: {results['local-2'] / results['dask-2']:.2f}x throughput")
    return 0 if results["bare-1"] / results["local-1"] >= 0.75 else 1


if __name__ == "__main__":
    sys.exit(main())
