"""Analysis as background jobs: one worker thread, one spaCy pipeline loaded once per app, and
progress reported stage by stage (each spaCy component is a stage)."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from typing import Literal

from pydantic import BaseModel, Field

from rift.errors import BusyError, RiftError
from rift.read import RawText
from rift.web.corpus import Corpus

Status = Literal["queued", "running", "done", "failed"]


class Job(BaseModel):
    """One text being analysed."""

    id: str
    status: Status = "queued"
    progress: float = Field(0.0, description="0 to 1.")
    stage: str = Field("queued", description="What the job is doing now.")
    title: str | None = None
    documents: list[str] = Field(default_factory=list, description="Ids of the documents it added (when done).")
    error: str | None = None
    created: str
    finished: str | None = None


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Jobs:
    """Runs analyses one at a time in a worker thread and keeps their status in memory.

    Args:
        corpus: where finished analyses are saved.
        model: the spaCy model to load (once, on the first job, or at start with ``preload``).
        doctype: ``narrative`` or ``news``.
        keep: how many finished jobs to remember.
        nlp: an already built pipeline to use instead of loading ``model``.
        preload: load the model in the background right away.
    """

    def __init__(self, corpus: Corpus, *, model: str, doctype: str = "narrative", keep: int = 200, nlp=None,
                 preload: bool = False, max_pending: int = 32):
        self.corpus = corpus
        self.model = model
        self.doctype = doctype
        self.keep = keep
        # queued texts wait in memory: bound how many, so a flood of uploads cannot exhaust it
        self.max_pending = max_pending
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._nlp = nlp
        self._nlp_lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rift-job")
        if preload and nlp is None:
            # load the model in the worker now, so that the first upload does not wait for it
            self._pool.submit(self._preload)

    def _preload(self) -> None:
        try:
            self.nlp()
        except RiftError:
            pass  # the first job reports it

    def shutdown(self) -> None:
        """Stop taking jobs and wait for the running one."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def nlp(self):
        """The pipeline, loaded on first use."""
        with self._nlp_lock:
            if self._nlp is None:
                from rift.pipeline import build_pipeline

                self._nlp = build_pipeline(self.model)
            return self._nlp

    def get(self, job_id: str) -> Job | None:
        """A job by id."""
        with self._lock:
            return self._jobs.get(job_id)

    def all(self) -> list[Job]:
        """Every job kept, newest first."""
        with self._lock:
            return sorted(self._jobs.values(), key=lambda j: j.created, reverse=True)

    def _update(self, job_id: str, **changes) -> None:
        with self._lock:
            self._jobs[job_id] = self._jobs[job_id].model_copy(update=changes)

    def submit(self, raw: RawText) -> Job:
        """Queue the analysis of one text; returns the queued job."""
        job = Job(id=uuid.uuid4().hex, title=raw.title or raw.path, created=_now())
        with self._lock:
            pending = sum(1 for j in self._jobs.values() if j.status in ("queued", "running"))
            if pending >= self.max_pending:
                raise BusyError(f"{pending} analyses are already waiting; try again in a minute")
            self._jobs[job.id] = job
            if len(self._jobs) > self.keep:
                for old in sorted(self._jobs.values(), key=lambda j: j.created)[: len(self._jobs) - self.keep]:
                    if old.status in ("done", "failed"):
                        del self._jobs[old.id]
        self._pool.submit(self._run, job.id, raw)
        return job

    def _run(self, job_id: str, raw: RawText) -> None:
        from rift.pipeline import collect, make_doc

        try:
            self._update(job_id, status="running", stage="loading the model", progress=0.02)
            nlp = self.nlp()
            self._update(job_id, stage="repairing the text", progress=0.05)
            doc = make_doc(nlp, raw, doctype=self.doctype)
            steps = len(nlp.pipeline) + 2
            for i, (name, component) in enumerate(nlp.pipeline):
                self._update(job_id, stage=name, progress=0.05 + 0.9 * i / steps)
                doc = component(doc)
            result = collect(doc)
            self._update(job_id, stage="relations index and saving", progress=0.05 + 0.9 * (steps - 1) / steps)
            self.corpus.add([result])
            self._update(job_id, status="done", stage="done", progress=1.0, documents=[result.document.id], finished=_now())
        except RiftError as exc:
            self._update(job_id, status="failed", stage="failed", error=exc.message, finished=_now())
        except Exception as exc:  # the job fails, the app stays up; the message names the error
            self._update(job_id, status="failed", stage="failed", error=f"internal error: {type(exc).__name__}: {exc}", finished=_now())
