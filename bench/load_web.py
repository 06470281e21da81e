"""Load `rift serve`: many concurrent clients on loopback for a bounded time; no error, bounded memory.

    PYTHONPATH=src .venv/bin/python bench/load_web.py                      # 50 clients, 30 s
    PYTHONPATH=src .venv/bin/python bench/load_web.py --clients 10 --seconds 3
    PYTHONPATH=src .venv/bin/python bench/load_web.py --url http://127.0.0.1:8000 --token T

Without ``--url`` the script starts ``rift serve`` itself (the real CLI, uvicorn, the ``blank``
model unless ``--model`` says otherwise) on a free loopback port over a fresh database seeded
with a synthetic analysis, and stops it at the end. Each client loops until the time is up
over a mix of requests: status, documents, filtered events, the report data, CSV and Parquet
downloads, the static script, a page, path-traversal probes (which must answer 404), malformed
bodies (422), an oversize body (413) and, now and then, a small text to analyse (202; the job
is followed). The server's resident memory is sampled every 0.25 s.

Pass criteria: no transport error, no answer other than the one expected for its request
(no 5xx ever), and memory bounded: the peak at most ``--max-growth-mb`` above the resident
memory after warm-up. Prints a JSON summary; exits 1 when a criterion fails. Everything is
bounded in time: ``--seconds`` of load, plus at most ``--startup-timeout`` to start.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import httpx
import psutil

REPO = Path(__file__).resolve().parents[1]

TEXTS = [
    "In February 1950 Moscow and Peking signed a treaty of alliance. (Nogee, 12)",
    "In 1960 the Soviet Union withdrew its advisers from China, and relations soured.",
    "Border clashes on the Ussuri River in March 1969 brought the two states close to war.",
]

# (weight, method, path, body kind, expected statuses)
REQUESTS: list[tuple[int, str, str, str | None, tuple[int, ...]]] = [
    (10, "GET", "/api/status", None, (200,)),
    (10, "GET", "/api/documents", None, (200,)),
    (12, "GET", "/api/events?limit=50", None, (200,)),
    (6, "GET", "/api/events?actor=CHN&date_from=1950", None, (200,)),
    (4, "GET", "/api/claims", None, (200,)),
    (3, "GET", "/api/report", None, (200,)),
    (3, "GET", "/api/export/events.csv", None, (200,)),
    (2, "GET", "/api/export/events.parquet", None, (200,)),
    (4, "GET", "/static/app.js", None, (200,)),
    (2, "GET", "/", None, (200,)),
    (3, "GET", "/static/..%2f..%2f..%2fetc%2fpasswd", None, (404,)),
    (3, "GET", "/api/export/..%2f..%2frift.duckdb", None, (404,)),
    (3, "GET", "/api/events?date_from=1958-13", None, (422,)),
    (3, "POST", "/api/jobs", "malformed", (422,)),
    (2, "POST", "/api/jobs", "oversize", (413,)),
    (1, "POST", "/api/jobs", "text", (202,)),
]


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seed_database(db: Path, n_events: int = 300) -> None:
    """Write a synthetic analysis into ``db`` so that the read routes have rows to serve."""
    from rift.report.synthetic import synthetic_result
    from rift.store import Store

    with Store(db) as store:
        store.save(synthetic_result(n_events, seed=7))


@contextmanager
def serve(db: Path, *, model: str = "blank", token: str | None = None, max_upload_mb: float = 1.0,
          startup_timeout: float = 120.0, host: str | None = None) -> Iterator[tuple[str, subprocess.Popen]]:
    """Run ``rift serve`` on a free loopback port; yield ``(base url, process)``; stop it after."""
    port = free_port()
    cmd = [sys.executable, "-m", "rift", "serve", "--db", str(db), "--port", str(port), "--model", model,
           "--max-upload-mb", str(max_upload_mb)]
    if token:
        cmd += ["--token", token]
    if host:
        cmd += ["--host", host]
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    url = f"http://127.0.0.1:{port}"
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    deadline = time.monotonic() + startup_timeout
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"rift serve exited with {proc.returncode}: {proc.stderr.read().decode()[-2000:]}")
            try:
                if httpx.get(url + "/api/status", headers=headers, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"rift serve did not answer within {startup_timeout:g} s")
            time.sleep(0.2)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class MemorySampler:
    """Samples the resident memory of a process (and its children) in a thread."""

    def __init__(self, pid: int, every: float = 0.25):
        self.proc = psutil.Process(pid)
        self.every = every
        self.samples: list[tuple[float, float]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def rss_mb(self) -> float:
        try:
            procs = [self.proc] + self.proc.children(recursive=True)
            return sum(p.memory_info().rss for p in procs) / 1e6
        except psutil.Error:
            return 0.0

    def _run(self) -> None:
        t0 = time.monotonic()
        while not self._stop.is_set():
            self.samples.append((time.monotonic() - t0, self.rss_mb()))
            self._stop.wait(self.every)

    def __enter__(self) -> "MemorySampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def _body(kind: str | None, max_upload_bytes: int, rng: random.Random) -> dict:
    if kind is None:
        return {}
    if kind == "malformed":
        return rng.choice([
            {"content": b"{not json", "headers": {"content-type": "application/json"}},
            {"json": {"title": "no text"}},
            {"json": {"text": ""}},
            {"json": {"text": 12, "title": ["x"]}},
            {"content": b"\xff\xfe\x00garbage", "headers": {"content-type": "application/json"}},
        ])
    if kind == "oversize":
        return {"json": {"text": "x" * (max_upload_bytes + 1000)}}
    return {"json": {"text": rng.choice(TEXTS) + f" ({rng.randrange(10**6)})"}}


async def _client(i: int, url: str, deadline: float, stats: dict, *, token: str | None, max_upload_bytes: int) -> None:
    rng = random.Random(i)
    weights = [r[0] for r in REQUESTS]
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=60) as client:
        while time.monotonic() < deadline:
            _w, method, path, kind, expected = rng.choices(REQUESTS, weights=weights)[0]
            t0 = time.monotonic()
            try:
                response = await client.request(method, path, **_body(kind, max_upload_bytes, rng))
            except httpx.HTTPError as exc:
                stats["errors"].append(f"{method} {path}: {type(exc).__name__}: {exc}")
                continue
            stats["latency"].append(time.monotonic() - t0)
            stats["requests"] += 1
            stats["by_status"][response.status_code] = stats["by_status"].get(response.status_code, 0) + 1
            if response.status_code not in expected:
                stats["errors"].append(f"{method} {path}: {response.status_code} (expected {expected}): {response.text[:200]}")
            elif response.status_code >= 400:
                body = response.json()
                if set(body) != {"error"} or body["error"].get("status") != response.status_code:
                    stats["errors"].append(f"{method} {path}: not the one error shape: {response.text[:200]}")
            elif kind == "text":
                stats["jobs"].append(response.json()["id"])


async def _load(url: str, clients: int, seconds: float, *, token: str | None, max_upload_bytes: int) -> dict:
    stats: dict = {"requests": 0, "errors": [], "latency": [], "by_status": {}, "jobs": []}
    deadline = time.monotonic() + seconds
    await asyncio.gather(*(_client(i, url, deadline, stats, token=token, max_upload_bytes=max_upload_bytes)
                           for i in range(clients)))
    return stats


def _finish_jobs(url: str, job_ids: list[str], token: str | None, timeout: float) -> dict:
    """Wait (bounded) for the submitted jobs; count how they ended."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    ended: dict[str, int] = {}
    deadline = time.monotonic() + timeout
    with httpx.Client(base_url=url, headers=headers, timeout=30) as client:
        for job_id in job_ids:
            status = "unfinished"
            while time.monotonic() < deadline:
                status = client.get(f"/api/jobs/{job_id}").json().get("status", "missing")
                if status in ("done", "failed"):
                    break
                time.sleep(0.2)
            ended[status] = ended.get(status, 0) + 1
    return ended


def run_load(url: str, pid: int | None, *, clients: int = 50, seconds: float = 30.0, token: str | None = None,
             max_upload_bytes: int = 1024 * 1024, warmup: float = 2.0, jobs_timeout: float = 60.0) -> dict:
    """Load the server at ``url`` (process ``pid``, for memory) and return a summary.

    A short warm-up with a few clients comes first, so that the memory baseline includes the
    caches a first request fills.
    """
    asyncio.run(_load(url, min(clients, 4), warmup, token=token, max_upload_bytes=max_upload_bytes))
    sampler = MemorySampler(pid) if pid else None
    baseline = sampler.rss_mb() if sampler else 0.0
    t0 = time.monotonic()
    if sampler:
        with sampler:
            stats = asyncio.run(_load(url, clients, seconds, token=token, max_upload_bytes=max_upload_bytes))
    else:
        stats = asyncio.run(_load(url, clients, seconds, token=token, max_upload_bytes=max_upload_bytes))
    elapsed = time.monotonic() - t0
    jobs = _finish_jobs(url, stats["jobs"], token, jobs_timeout)
    lat = sorted(stats["latency"]) or [0.0]
    mem = [m for _t, m in sampler.samples] if sampler else []
    return {
        "url": url,
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": stats["requests"],
        "requests_per_s": round(stats["requests"] / elapsed, 1) if elapsed else 0.0,
        "by_status": {str(k): v for k, v in sorted(stats["by_status"].items())},
        "errors": len(stats["errors"]),
        "first_errors": stats["errors"][:10],
        "latency_ms": {"median": round(statistics.median(lat) * 1000, 1),
                       "p95": round(lat[int(0.95 * (len(lat) - 1))] * 1000, 1), "max": round(lat[-1] * 1000, 1)},
        "jobs": jobs,
        "rss_mb": {"baseline": round(baseline, 1), "peak": round(max(mem, default=baseline), 1),
                   "end": round(mem[-1] if mem else baseline, 1), "samples": len(mem)},
    }


def check(summary: dict, max_growth_mb: float) -> list[str]:
    """The pass criteria; returns what failed."""
    failed = []
    if summary["errors"]:
        failed.append(f"{summary['errors']} request(s) failed or answered unexpectedly")
    if summary["requests"] == 0:
        failed.append("no request was answered")
    if any(int(code) >= 500 for code in summary["by_status"]):
        failed.append("5xx answers")
    if summary["jobs"].get("unfinished") or summary["jobs"].get("missing"):
        failed.append(f"jobs left unfinished: {summary['jobs']}")
    growth = summary["rss_mb"]["peak"] - summary["rss_mb"]["baseline"]
    if summary["rss_mb"]["samples"] and growth > max_growth_mb:
        failed.append(f"memory grew {growth:.0f} MB (limit {max_growth_mb:g} MB)")
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="load this running server instead of starting one")
    parser.add_argument("--pid", type=int, help="with --url: the server's process id, to sample its memory")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--token", help="the server's --token")
    parser.add_argument("--model", default="blank", help="model of the server this script starts")
    parser.add_argument("--max-upload-mb", type=float, default=1.0)
    parser.add_argument("--max-growth-mb", type=float, default=200.0, help="allowed resident memory growth")
    parser.add_argument("--startup-timeout", type=float, default=180.0)
    args = parser.parse_args(argv)
    max_upload_bytes = int(args.max_upload_mb * 1024 * 1024)
    if args.url:
        summary = run_load(args.url, args.pid, clients=args.clients, seconds=args.seconds, token=args.token,
                           max_upload_bytes=max_upload_bytes)
    else:
        with tempfile.TemporaryDirectory(prefix="rift-load-") as tmp:
            db = Path(tmp) / "rift.duckdb"
            seed_database(db)
            with serve(db, model=args.model, token=args.token, max_upload_mb=args.max_upload_mb,
                       startup_timeout=args.startup_timeout) as (url, proc):
                summary = run_load(url, proc.pid, clients=args.clients, seconds=args.seconds, token=args.token,
                                   max_upload_bytes=max_upload_bytes)
    failed = check(summary, args.max_growth_mb)
    summary["passed"] = not failed
    summary["failed"] = failed
    print(json.dumps(summary, indent=2))
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
