"""The library entry point: ``rift.analyze``."""

from __future__ import annotations

import os
import shutil
from collections import deque
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Literal, Sequence

from rift.errors import InputError, OutputError
from rift.pipeline import DEFAULT_MODEL, DocResult, build_pipeline, collect, make_doc
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
    # inputs left out of the run, as (path, one-line reason); empty unless on_error="skip"
    skipped: list[tuple[str, str]] = field(default_factory=list)

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


def read_inputs(paths: Sequence[str], *, skipped: list[tuple[str, str]] | None = None) -> list[RawText]:
    """Read every input named by ``paths`` (files, directories, '-').

    Args:
        paths: files, directories, or '-' for standard input.
        skipped: when a list, an input that cannot be read is appended to it as
            ``(path, one-line message)`` and the others are still read; when None, the first
            one raises.

    Raises:
        InputError: an input is missing, empty, binary, too large, unreadable, or a directory
            holds no texts (only when ``skipped`` is None), or no path was given.
    """
    raws = []
    for p in discover(list(paths), skipped=skipped):
        try:
            raws.append(read_stdin() if p == "-" else read_path(p))
        except InputError as exc:
            if skipped is None:
                raise
            skipped.append((p, exc.message))
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
    on_error: Literal["raise", "skip"] = "raise",
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
        on_error: ``"raise"``: the first input that cannot be read or analysed stops the run
            with an :class:`InputError`. ``"skip"``: it is left out, recorded in
            ``AnalysisResult.skipped`` as ``(path, one-line reason)``, and the rest go on; an
            :class:`InputError` is raised only when nothing is left.

    Returns:
        An :class:`AnalysisResult`.
    """

    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    inputs = list(inputs)
    if not inputs:
        raise InputError("nothing to read: give one or more files, directories, or '-'")
    skipped: list[tuple[str, str]] | None = [] if on_error == "skip" else None
    raws = [x for x in inputs if isinstance(x, RawText)]
    if len(raws) != len(inputs):
        raws = read_inputs([str(x) for x in inputs], skipped=skipped)
    if not raws:
        raise InputError(_nothing_left(skipped or []))
    out_path = Path(out_dir) if out_dir is not None else None
    if out_path is not None:
        _check_writable(out_path)
    if nlp is None:
        nlp = build_pipeline(model)
    results: list[DocResult] = []
    for res in _run_pipeline(nlp, raws, doctype=doctype, dct=dct, skipped=skipped):
        results.append(res)
        if progress:
            progress(len(results), len(raws))
    if not results:
        raise InputError(_nothing_left(skipped or []))
    result = analyse_corpus(results, bin=bin)
    result.skipped = list(skipped or [])
    if out_path is not None:
        write_outputs(result, out_path)
        result.out_dir = out_path
    return result


def analyse_corpus(docs: list[DocResult], *, bin: str = "year") -> AnalysisResult:
    """Run the corpus-level analysis (relations index, phases, merging, claims tested) over the
    records of ``docs`` and write merged events and tested claims back onto each document.

    Args:
        docs: the per-document records (changed in place: their events and claims are replaced).
        bin: time bin of the relations index.
    """
    from rift.analysis import analyse

    out = analyse([e for d in docs for e in d.events], [c for d in docs for c in d.claims], bin=bin)
    by_doc_events: dict[str, list] = {}
    for e in out.events:
        by_doc_events.setdefault(e.doc, []).append(e)
    by_doc_claims: dict[str, list] = {}
    for c in out.claims:
        by_doc_claims.setdefault(c.doc, []).append(c)
    for d in docs:
        d.events = by_doc_events.get(d.document.id, [])
        d.claims = by_doc_claims.get(d.document.id, [])
    return AnalysisResult(docs=docs, series=out.series, phases=out.phases)


def _nothing_left(skipped: list[tuple[str, str]]) -> str:
    if len(skipped) == 1:
        return skipped[0][1]
    return f"none of the {len(skipped)} inputs could be read or analysed" if skipped else "no text to analyse"


def _run_pipeline(
    nlp, raws: list[RawText], *, doctype: str, dct: str | None, skipped: list[tuple[str, str]] | None
) -> Iterator[DocResult]:
    """Like :func:`rift.pipeline.process`, with rift's errors for texts the tokenizer refuses.

    When ``skipped`` is a list, a document that cannot be prepared or that a stage fails on is
    recorded there and left out instead of ending the run.
    """

    def docs():
        for raw in raws:
            try:
                doc = make_doc(nlp, raw, doctype=doctype, dct=dct)
            except InputError as exc:  # longer than one document may hold
                if skipped is None:
                    raise
                skipped.append((raw.path, exc.message))
                continue
            except ValueError as exc:
                # spaCy's E088: the repaired text is longer than the pipeline takes
                if "E088" not in str(exc):
                    raise
                error = InputError(
                    f"{raw.path}: more characters than one document may hold ({nlp.max_length:,}) once "
                    "repaired; split it into smaller files"
                )
                if skipped is None:
                    raise error from None
                skipped.append((raw.path, error.message))
                continue
            except Exception as exc:  # noqa: BLE001 - one bad document must not end a skipping run
                if skipped is None:
                    raise
                skipped.append((raw.path, f"{raw.path}: cannot be prepared ({_describe(exc)})"))
                continue
            yield doc

    if skipped is None:
        for doc in nlp.pipe(docs(), batch_size=8):
            yield collect(doc)
        return

    def on_error(name, _proc, failed, exc):
        for doc in failed:
            doc.user_data.setdefault("rift_error", f"the {name} stage failed ({_describe(exc)})")

    def record(doc) -> None:
        raw: RawText = doc.user_data["rift_raw"]
        error = doc.user_data.get("rift_error", "a stage dropped it")
        skipped.append((raw.path, f"{raw.path}: {error}"))

    # spaCy drops a document a component failed on (a whole batch for a trainable one): the
    # documents fed in are queued, so that those that never come out are found and recorded
    pending: deque = deque()

    def fed():
        for doc in docs():
            pending.append(doc)
            yield doc

    restore = _set_error_handler(nlp, on_error)
    try:
        for doc in nlp.pipe(fed(), batch_size=8):
            while pending and pending[0] is not doc:
                record(pending.popleft())
            if pending:
                pending.popleft()
            if "rift_error" in doc.user_data:
                record(doc)
                continue
            try:
                result = collect(doc)
            except Exception as exc:  # noqa: BLE001
                doc.user_data["rift_error"] = f"its records cannot be collected ({_describe(exc)})"
                record(doc)
                continue
            yield result
        while pending:
            record(pending.popleft())
    finally:
        restore()


def _set_error_handler(nlp, handler) -> Callable[[], None]:
    """Route the errors of every component to ``handler``; return a function that undoes it.

    Not ``nlp.set_error_handler``: spaCy's compiled components (the parser) cannot take one and
    raise AttributeError; a failure in them still ends the run.
    """
    previous = nlp.default_error_handler
    nlp.default_error_handler = handler
    changed = []
    for _name, proc in nlp.pipeline:
        if not hasattr(proc, "set_error_handler"):
            continue
        had = getattr(proc, "__dict__", {}).get("error_handler", _MISSING)
        try:
            proc.set_error_handler(handler)
        except AttributeError:
            continue
        changed.append((proc, had))

    def restore() -> None:
        nlp.default_error_handler = previous
        for proc, had in changed:
            if had is _MISSING:
                try:
                    del proc.error_handler
                except AttributeError:
                    pass
            else:
                proc.error_handler = had

    return restore


_MISSING = object()


def _describe(exc: Exception) -> str:
    text = str(exc).splitlines()[0][:160] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


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
