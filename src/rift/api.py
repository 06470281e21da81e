"""The library entry point: ``rift.analyze``."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from rift.errors import InputError, OutputError
from rift.pipeline import DEFAULT_MODEL, DocResult, build_pipeline, process
from rift.read import RawText, discover, read_path, read_stdin
from rift.records import Phase

OUTPUT_FILES = (
    "events.jsonl",
    "timexes.jsonl",
    "citations.jsonl",
    "causal.jsonl",
    "claims.jsonl",
    "phases.json",
    "series.csv",
    "report.html",
    "rift.duckdb",
)


@dataclass
class AnalysisResult:
    """Everything one run of rift produced."""

    docs: list[DocResult]
    series: list[dict] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    out_dir: Path | None = None

    # flattened views over all documents
    def _all(self, name: str) -> list:
        return [r for d in self.docs for r in getattr(d, name)]

    @property
    def documents(self):
        return [d.document for d in self.docs]

    @property
    def sentences(self):
        return self._all("sentences")

    @property
    def citations(self):
        return self._all("citations")

    @property
    def sources(self):
        return self._all("sources")

    @property
    def timexes(self):
        return self._all("timexes")

    @property
    def actors(self):
        return self._all("actors")

    @property
    def events(self):
        return self._all("events")

    @property
    def causal(self):
        return self._all("causal")

    @property
    def claims(self):
        return self._all("claims")


def read_inputs(paths: Sequence[str]) -> list[RawText]:
    """Read every input named by ``paths`` (files, directories, '-').

    Raises:
        InputError: an input is missing, empty, binary, or a directory holds no texts.
    """
    raws = []
    for p in discover(list(paths)):
        raws.append(read_stdin() if p == "-" else read_path(p))
    return raws


def _check_writable(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=out_dir, prefix=".rift-probe-", delete=True)
        probe.close()
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot write here ({exc.strerror or exc})") from None


def analyze(
    inputs: Sequence[str] | Iterable[RawText],
    out_dir: str | os.PathLike | None = None,
    *,
    model: str = DEFAULT_MODEL,
    doctype: str = "narrative",
    dct: str | None = None,
    bin: str = "year",
    nlp=None,
    progress: Callable[[int, int], None] | None = None,
) -> AnalysisResult:
    """Analyse texts and, when ``out_dir`` is given, write rift's output files there.

    Args:
        inputs: paths (files, directories, '-' for standard input) or already-read texts.
        out_dir: where to write ``events.jsonl`` ... ``rift.duckdb``; nothing is written if None.
            Files are written to a temporary folder first and moved in at the end, so a failed
            run leaves nothing half-written.
        model: spaCy model package or path (``"blank"`` for a model-free run).
        doctype: ``narrative`` (anchor relative dates on narrative time) or ``news``.
        dct: document creation time ``YYYY-MM-DD`` (news).
        bin: time bin of the relations index (year, quarter, month, decade).
        nlp: a pipeline from :func:`rift.pipeline.build_pipeline` to reuse.
        progress: called with ``(done, total)`` after each document.

    Returns:
        An :class:`AnalysisResult`.
    """
    from rift.analysis import analyse

    inputs = list(inputs)
    if not inputs:
        raise InputError("nothing to read: give one or more files, directories, or '-'")
    raws = [x for x in inputs if isinstance(x, RawText)]
    if len(raws) != len(inputs):
        raws = read_inputs([str(x) for x in inputs])
    out_path = Path(out_dir) if out_dir is not None else None
    if out_path is not None:
        _check_writable(out_path)
    if nlp is None:
        nlp = build_pipeline(model)
    results: list[DocResult] = []
    for res in process(nlp, raws, doctype=doctype, dct=dct):
        results.append(res)
        if progress:
            progress(len(results), len(raws))
    events = [e for d in results for e in d.events]
    claims = [c for d in results for c in d.claims]
    out = analyse(events, claims, bin=bin)
    # the analysis may merge events and attach verdicts to claims: write them back per document
    by_doc_events: dict[str, list] = {}
    for e in out.events:
        by_doc_events.setdefault(e.doc, []).append(e)
    by_doc_claims: dict[str, list] = {}
    for c in out.claims:
        by_doc_claims.setdefault(c.doc, []).append(c)
    for d in results:
        d.events = by_doc_events.get(d.document.id, [])
        d.claims = by_doc_claims.get(d.document.id, [])
    result = AnalysisResult(docs=results, series=out.series, phases=out.phases)
    if out_path is not None:
        write_outputs(result, out_path)
        result.out_dir = out_path
    return result


def write_outputs(result: AnalysisResult, out_dir: Path) -> None:
    """Write every output file of ``result`` into ``out_dir`` (atomically, file by file)."""
    from rift.report import write_report
    from rift.store import Store, write_files

    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".rift-tmp-", dir=out_dir))
    try:
        write_files(result, tmp)
        with Store(tmp / "rift.duckdb") as store:
            store.save(result)
        write_report(result, tmp / "report.html")
        for name in OUTPUT_FILES:
            os.replace(tmp / name, out_dir / name)
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot write the outputs ({exc.strerror or exc})") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
