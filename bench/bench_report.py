"""Benchmark the interactive report in Chromium: time to first render of a report with 10,000
events, and whether panning its timeline stays responsive.

Run:  .venv/bin/python bench/bench_report.py [--events 10000] [--baseline 1000] [--repeat 3]

For each size it writes a synthetic report (rift.report.synthetic), opens it from file:// in
headless Chromium (Debian's, via Playwright) and measures, as medians over the repeats:

- render: Python time to write report.html, and its size;
- first render: from navigation start to the timeline's first drawn frame, and to the whole
  report (chart, causal graph, tables) being ready;
- panning: the timeline is dragged with the mouse (40 moves) at the full extent and zoomed in
  to a decade; the frame intervals seen by requestAnimationFrame during the drag give the
  median and 95th-percentile frame time, and the worst one.

Ratios compare the large report against the baseline size measured in the same process. A
pan is called responsive when its 95th-percentile frame stays under --max-frame-ms (100 ms).
The script never fails on timings; it prints them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from rift.report import write_report  # noqa: E402
from rift.report.browser import chromium_path, launch  # noqa: E402
from rift.report.synthetic import synthetic_result  # noqa: E402
from rift.report.vendor import load_vendor  # noqa: E402

FRAME_RECORDER = """() => {
  window.__frames = []; window.__rec = true; let last = performance.now();
  const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__rec) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
}"""


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) of values, nearest rank."""
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q / 100 * (len(s) - 1))))]


def pan(page, decade: bool) -> list[float]:
    """Drag the timeline left by 600 px in 40 moves; return the frame intervals (ms)."""
    if decade:
        page.evaluate("""() => { const tl = window.riftReport.timeline; const w = tl.getWindow();
            const mid = (w.start.valueOf() + w.end.valueOf()) / 2; const span = 10 * 365.25 * 86400000;
            tl.setWindow(mid - span / 2, mid + span / 2); }""")
        page.wait_for_timeout(200)
    box = page.locator("#timeline canvas").first.bounding_box()
    x, y = box["x"] + box["width"] * 0.7, box["y"] + min(box["height"] / 2, 120)
    page.evaluate(FRAME_RECORDER)
    page.mouse.move(x, y)
    page.mouse.down()
    for i in range(1, 41):
        page.mouse.move(x - 15 * i, y)
        page.evaluate("() => new Promise((r) => requestAnimationFrame(() => r()))")
    page.mouse.up()
    page.wait_for_timeout(50)
    frames = page.evaluate("() => { window.__rec = false; return window.__frames.slice(1); }")
    return frames or [0.0]


def measure(browser, n_events: int, repeat: int, folder: Path) -> dict:
    """Write and open a report of n_events events `repeat` times; medians of every measure."""
    result = synthetic_result(n_events, seed=1, first_year=1900, last_year=2000)
    path = folder / f"report-{n_events}.html"
    writes = []
    for _ in range(repeat):
        t = time.perf_counter()
        write_report(result, path)
        writes.append(time.perf_counter() - t)
    rows: dict[str, list[float]] = {k: [] for k in ("timeline_ms", "ready_ms", "full_p50", "full_p95", "full_max",
                                                   "decade_p50", "decade_p95", "decade_max")}
    for _ in range(repeat):
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(path.as_uri())
        page.wait_for_selector("html[data-timeline-ready]", timeout=300_000)
        page.wait_for_selector("html[data-report-ready]", timeout=300_000)
        timings = page.evaluate("() => window.riftReport.timings")
        rows["timeline_ms"].append(timings["timeline"])
        rows["ready_ms"].append(max(timings.get("graph", 0), timings.get("report", 0)))
        for label, decade in (("full", False), ("decade", True)):
            frames = pan(page, decade)
            rows[f"{label}_p50"].append(statistics.median(frames))
            rows[f"{label}_p95"].append(pct(frames, 95))
            rows[f"{label}_max"].append(max(frames))
        if errors:
            raise RuntimeError(f"the report raised errors: {errors[:3]}")
        context.close()
    out = {k: statistics.median(v) for k, v in rows.items()}
    out["write_s"] = statistics.median(writes)
    out["size_mb"] = path.stat().st_size / 1e6
    out["events"] = n_events
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--baseline", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--max-frame-ms", type=float, default=100.0)
    args = parser.parse_args(argv)
    if chromium_path() is None:
        print("Chromium is not installed: apt-get install chromium", file=sys.stderr)
        return 2
    if not load_vendor().available:
        print("the front-end libraries are not built: run `make assets`", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="rift-bench-") as tmp, sync_playwright() as p:
        browser = launch(p)
        measure(browser, 200, 1, Path(tmp))  # warm up Chromium and the Python side
        base = measure(browser, args.baseline, args.repeat, Path(tmp))
        big = measure(browser, args.events, args.repeat, Path(tmp))
        browser.close()
    cols = [("events", "{:.0f}"), ("size_mb", "{:.1f}"), ("write_s", "{:.2f}"), ("timeline_ms", "{:.0f}"), ("ready_ms", "{:.0f}"),
            ("full_p50", "{:.0f}"), ("full_p95", "{:.0f}"), ("full_max", "{:.0f}"),
            ("decade_p50", "{:.0f}"), ("decade_p95", "{:.0f}"), ("decade_max", "{:.0f}")]
    print(f"report benchmark, medians of {args.repeat} runs (Chromium {chromium_path()}); times in ms unless named")
    print(" ".join(f"{name:>11}" for name, _ in cols))
    for row in (base, big):
        print(" ".join(f"{fmt.format(row[name]):>11}" for name, fmt in cols))
    print("ratio " + " ".join(f"{name}={big[name] / base[name]:.1f}x" for name in ("size_mb", "write_s", "timeline_ms", "ready_ms", "full_p95", "decade_p95") if base[name]))
    for label in ("full", "decade"):
        ok = big[f"{label}_p95"] < args.max_frame_ms
        print(f"panning at {label} extent with {args.events} events: p95 frame {big[f'{label}_p95']:.0f} ms -> "
              f"{'responsive' if ok else 'NOT responsive'} (limit {args.max_frame_ms:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
