"""The 500 MB check: huge inputs are refused with one clear line (or streamed), never an OOM.

    PYTHONPATH=src .venv/bin/python scripts/big_file_check.py            # all cases, 500 MB
    PYTHONPATH=src .venv/bin/python scripts/big_file_check.py --mb 100   # smaller, quicker
    PYTHONPATH=src .venv/bin/python scripts/big_file_check.py --cases file stdin

Not a CI test: it writes a file of ``--mb`` megabytes (and a few smaller ones) in a temporary
folder on the disk (``--tmp``), runs the real ``rift`` command on each in a fresh process, and
samples the resident memory of the whole process tree every 20 ms. Each case must end within
``--timeout`` seconds with the exit code and the one-line message it expects, and with a peak
memory under its bound. Cases:

* ``file``: ``rift analyze big.txt`` -- refused from the file's size, before reading a byte;
* ``stdin``: ``rift analyze - < big.txt`` -- standard input is read up to the limit of one
  document plus one byte, then refused (memory bounded by that limit, not by the input);
* ``long``: a 150 MB text under the byte limit but over what one document may hold -- read,
  then refused with a message saying to split it;
* ``html``: a 40 MB ``.html`` page -- refused before parsing (an HTML tree takes tens of times
  its size in memory);
* ``batch-jsonl``: ``rift batch`` over a JSONL file whose one line is ``--mb`` megabytes --
  reported, not judged (``rift batch`` is another stage's; see docs/reliability.md).

Prints one line per case and a JSON summary; exits 1 if any judged case fails.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
MB = 1024 * 1024
CHUNK = ("In February 1950 Moscow and Peking signed a treaty of alliance (Nogee, 12). " * 800 + "\n\n").encode()


def write_text_file(path: Path, size: int, *, prefix: bytes = b"", suffix: bytes = b"") -> None:
    """Write ``size`` bytes of prose to ``path`` in chunks (never held in memory)."""
    with open(path, "wb") as fh:
        fh.write(prefix)
        written = len(prefix)
        while written < size - len(suffix):
            piece = CHUNK[: size - len(suffix) - written]
            fh.write(piece)
            written += len(piece)
        fh.write(suffix)


def tree_rss(proc: psutil.Process) -> int:
    try:
        procs = [proc] + proc.children(recursive=True)
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run(cmd: list[str], *, stdin_path: Path | None, timeout: float, kill_mb: float = 6000.0) -> dict:
    """Run ``cmd``; return its exit code, output and the peak RSS of its process tree.

    The tree is killed when its memory passes ``kill_mb`` (the machine is protected, and the
    case is reported as over its bound)."""
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), COLUMNS="200")
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    ps = psutil.Process(proc.pid)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, tree_rss(ps))
            if peak > kill_mb * MB:
                for p in [ps] + ps.children(recursive=True):
                    try:
                        p.kill()
                    except psutil.Error:
                        pass
                return
            stop.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        out, err = proc.communicate(timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        timed_out = True
    finally:
        stop.set()
        sampler.join()
        if stdin_path:
            stdin.close()
    return {"rc": proc.returncode, "timed_out": timed_out, "seconds": round(time.monotonic() - t0, 1),
            "peak_rss_mb": round(peak / MB, 1), "stdout": out.decode(errors="replace"), "stderr": err.decode(errors="replace")}


def judge(name: str, res: dict, *, rc: int, needle: str, max_rss_mb: float) -> list[str]:
    problems = []
    lines = [ln for ln in (res["stderr"] + res["stdout"]).splitlines() if ln.strip()]
    if res["timed_out"]:
        problems.append("timed out")
    if res["rc"] != rc:
        problems.append(f"exit code {res['rc']}, expected {rc}")
    if "Traceback" in res["stderr"] or "MemoryError" in res["stderr"]:
        problems.append("a traceback")
    if len(lines) != 1 or needle not in lines[0]:
        problems.append(f"not one line with '{needle}': {lines[:3]}")
    if res["peak_rss_mb"] > max_rss_mb:
        problems.append(f"peak memory {res['peak_rss_mb']} MB over {max_rss_mb} MB")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=500, help="size of the big file (default 500)")
    parser.add_argument("--tmp", default=None, help="folder for the files (default: the system's temp folder)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds each case may take")
    parser.add_argument("--cases", nargs="*", default=["file", "stdin", "long", "html", "batch-jsonl"])
    parser.add_argument("--kill-mb", type=float, default=6000.0, help="kill a case whose memory passes this")
    parser.add_argument("--baseline-slack-mb", type=float, default=150.0,
                        help="memory allowed above the bare process (imports, model) in each bound")
    args = parser.parse_args(argv)

    from rift.read.readers import MAX_BYTES, MAX_HTML_BYTES

    rift = [sys.executable, "-m", "rift"]
    tmp = Path(tempfile.mkdtemp(prefix="rift-big-", dir=args.tmp))
    results: dict[str, dict] = {}
    failed = False
    try:
        # the resident memory of a run that does nothing but import rift and fail on a tiny input
        (tmp / "empty.txt").write_bytes(b"")
        base = run(rift + ["analyze", str(tmp / "empty.txt"), "-o", str(tmp / "o0"), "--model", "blank"],
                   stdin_path=None, timeout=args.timeout)["peak_rss_mb"]
        results["baseline"] = {"peak_rss_mb": base}
        print(f"baseline (import rift, refuse an empty file): peak {base} MB", flush=True)
        big = tmp / "big.txt"
        if {"file", "stdin", "batch-jsonl"} & set(args.cases):
            write_text_file(big, args.mb * MB)
        cases = []
        # over the byte limit: refused from the size; under it (a small --mb): read, then refused
        too_big = "too large for one document" if args.mb * MB > MAX_BYTES else "more than one document may hold"
        if "file" in args.cases:
            cases.append(("file", rift + ["analyze", str(big), "-o", str(tmp / "o1"), "--model", "blank"], None,
                          dict(rc=2, needle=too_big, max_rss_mb=base + args.baseline_slack_mb + (0 if args.mb * MB > MAX_BYTES else 3 * args.mb))))
        if "stdin" in args.cases:
            # the bytes read (the limit + 1) and their decoded text may both be alive at once
            bound = base + args.baseline_slack_mb + 2 * MAX_BYTES / MB
            cases.append(("stdin", rift + ["analyze", "-", "-o", str(tmp / "o2"), "--model", "blank"], big,
                          dict(rc=2, needle=too_big, max_rss_mb=bound)))
        if "long" in args.cases:
            long_file = tmp / "long.txt"
            size = min(150 * MB, MAX_BYTES - MB)
            write_text_file(long_file, size)
            cases.append(("long", rift + ["analyze", str(long_file), "-o", str(tmp / "o3"), "--model", "blank"], None,
                          dict(rc=2, needle="more than one document may hold", max_rss_mb=base + args.baseline_slack_mb + 3 * size / MB)))
        if "html" in args.cases:
            page = tmp / "page.html"
            write_text_file(page, MAX_HTML_BYTES + 8 * MB, prefix=b"<!doctype html><html><body><p>", suffix=b"</p></body></html>")
            cases.append(("html", rift + ["analyze", str(page), "-o", str(tmp / "o4"), "--model", "blank"], None,
                          dict(rc=2, needle="too large for one HTML page", max_rss_mb=base + args.baseline_slack_mb)))
        for name, cmd, stdin_path, expect in cases:
            res = run(cmd, stdin_path=stdin_path, timeout=args.timeout, kill_mb=args.kill_mb)
            problems = judge(name, res, **expect)
            failed |= bool(problems)
            results[name] = {k: v for k, v in res.items() if k not in ("stdout", "stderr")} | {
                "message": (res["stderr"] + res["stdout"]).strip().splitlines()[-1:] , "bound_mb": round(expect["max_rss_mb"], 1),
                "problems": problems}
            print(f"{name:12s} rc={res['rc']} {res['seconds']:7.1f} s peak {res['peak_rss_mb']:8.1f} MB "
                  f"(bound {expect['max_rss_mb']:.0f}) {'OK' if not problems else 'FAIL: ' + '; '.join(problems)}", flush=True)
        if "batch-jsonl" in args.cases:
            jsonl = tmp / "one-line.jsonl"
            if big.exists():
                big.unlink()
            # one line: the prose without its line breaks (it holds no quote or backslash)
            line = CHUNK.replace(b"\n", b" ")
            with open(jsonl, "wb") as out:
                out.write(b'{"id": "huge", "text": "')
                for _ in range(args.mb * MB // len(line)):
                    out.write(line)
                out.write(b'"}\n{"id": "small", "text": "In 1950 Moscow and Peking signed a treaty."}\n')
            res = run(rift + ["batch", str(jsonl), "--store", str(tmp / "store"), "--model", "blank"], stdin_path=None,
                      timeout=args.timeout, kill_mb=args.kill_mb)
            results["batch-jsonl"] = {k: v for k, v in res.items() if k not in ("stdout", "stderr")} | {
                "last_lines": (res["stderr"] + res["stdout"]).strip().splitlines()[-3:]}
            print(f"batch-jsonl  rc={res['rc']} {res['seconds']:7.1f} s peak {res['peak_rss_mb']:8.1f} MB (reported, not judged): "
                  f"{results['batch-jsonl']['last_lines']}", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(results, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
