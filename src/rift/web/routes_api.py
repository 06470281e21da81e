"""The JSON API under ``/api``: jobs, documents, records with filters, and downloads."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, Response, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from rift import __version__
from rift.records import CausalLink, Citation, Claim, Document, Event, Phase, Source
from rift.report import exports
from rift.report.data import report_data
from rift.report.filters import Filters, filter_result
from rift.web.deps import get_filters
from rift.web.errors import ErrorResponse
from rift.web.jobs import Job
from rift.web.uploads import from_text, from_upload

ERRORS = {code: {"model": ErrorResponse} for code in (401, 404, 413, 422)}
router = APIRouter(prefix="/api", responses=ERRORS)
Filtered = Annotated[Filters, Depends(get_filters)]
Limit = Annotated[int, Query(ge=1, le=100_000, description="At most this many rows.")]
Offset = Annotated[int, Query(ge=0, description="Skip this many rows first.")]


class AnalyzeRequest(BaseModel):
    """A text to analyse."""

    text: str = Field(min_length=1, description="The text (plain text).")
    title: str | None = Field(default=None, max_length=200, description="A title to show for it.")


class DocumentInfo(BaseModel):
    """A document in the database, without its text."""

    id: str
    path: str
    title: str | None
    encoding: str
    n_chars: int
    n_sentences: int
    doctype: str
    dct: str | None
    n_events: int
    n_citations: int


class Status(BaseModel):
    """What the server holds."""

    rift: str
    documents: int
    events: int
    jobs_running: int
    model: str


def _result(request: Request, filters: Filters | None = None):
    result = request.app.state.corpus.result()
    return filter_result(result, filters) if filters is not None else result


def _accepted(job: Job) -> JSONResponse:
    return JSONResponse(job.model_dump(), status_code=202, headers={"Location": f"/api/jobs/{job.id}"})


@router.get("/status", response_model=Status, tags=["jobs"])
def status(request: Request) -> Status:
    """How many documents and events the database holds, and how many jobs run."""
    result = _result(request)
    jobs = request.app.state.jobs.all()
    return Status(rift=__version__, documents=len(result.docs), events=len(result.events),
                  jobs_running=sum(j.status in ("queued", "running") for j in jobs), model=request.app.state.config.model)


@router.post("/jobs", status_code=202, response_model=Job, tags=["jobs"])
def analyze_text(request: Request, body: AnalyzeRequest) -> JSONResponse:
    """Analyse a text in the background; poll the job it returns."""
    return _accepted(request.app.state.jobs.submit(from_text(body.text, body.title)))


@router.post("/jobs/upload", status_code=202, response_model=Job, tags=["jobs"])
async def analyze_upload(
    request: Request,
    file: Annotated[UploadFile, File(description="A .txt, .md or .html file.")],
    title: Annotated[str | None, Form(max_length=200)] = None,
) -> JSONResponse:
    """Analyse an uploaded file in the background; poll the job it returns."""
    data = await file.read()
    return _accepted(request.app.state.jobs.submit(from_upload(data, file.filename, title)))


@router.get("/jobs", response_model=list[Job], tags=["jobs"])
def list_jobs(request: Request) -> list[Job]:
    """Every job this server ran or runs, newest first."""
    return request.app.state.jobs.all()


@router.get("/jobs/{job_id}", response_model=Job, tags=["jobs"])
def get_job(request: Request, job_id: str) -> Job:
    """One job: status, progress (0-1), stage, and the documents it added."""
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no job '{job_id[:64]}'")
    return job


@router.get("/documents", response_model=list[DocumentInfo], tags=["documents"])
def list_documents(request: Request, filters: Filtered) -> list[DocumentInfo]:
    """The documents in the database (those with matching events when filters are given)."""
    out = []
    for d in _result(request, filters).docs:
        info = d.document.model_dump(exclude={"text"})
        out.append(DocumentInfo(**info, n_events=len(d.events), n_citations=len(d.citations)))
    return out


@router.get("/documents/{doc_id}", response_model=Document, tags=["documents"])
def get_document(request: Request, doc_id: str) -> Document:
    """One document with its text."""
    for d in _result(request).docs:
        if d.document.id == doc_id:
            return d.document
    raise HTTPException(404, f"no document '{doc_id[:64]}'")


@router.get("/events", response_model=list[Event], tags=["records"])
def list_events(request: Request, filters: Filtered, limit: Limit = 10_000, offset: Offset = 0) -> list[Event]:
    """Events, filtered by actor, dyad, category, date range, source and document."""
    return _result(request, filters).events[offset: offset + limit]


@router.get("/causal", response_model=list[CausalLink], tags=["records"])
def list_causal(request: Request, filters: Filtered, limit: Limit = 10_000, offset: Offset = 0) -> list[CausalLink]:
    """Causal links (with event filters: those touching a matching event)."""
    return _result(request, filters).causal[offset: offset + limit]


@router.get("/claims", response_model=list[Claim], tags=["records"])
def list_claims(request: Request, filters: Filtered, limit: Limit = 10_000, offset: Offset = 0) -> list[Claim]:
    """The authors' claims and their verdicts."""
    return _result(request, filters).claims[offset: offset + limit]


@router.get("/citations", response_model=list[Citation], tags=["records"])
def list_citations(request: Request, filters: Filtered, limit: Limit = 10_000, offset: Offset = 0) -> list[Citation]:
    """Citations found in the texts."""
    return _result(request, filters).citations[offset: offset + limit]


@router.get("/sources", response_model=list[Source], tags=["records"])
def list_sources(request: Request, filters: Filtered) -> list[Source]:
    """The cited works."""
    return _result(request, filters).sources


@router.get("/series", response_model=list[dict], tags=["records"])
def list_series(request: Request, filters: Filtered) -> list[dict]:
    """The relations index: one row per dyad and time bin."""
    return _result(request, filters).series


@router.get("/phases", response_model=list[Phase], tags=["records"])
def list_phases(request: Request, filters: Filtered) -> list[Phase]:
    """The phases detected in each dyad's relations index."""
    return _result(request, filters).phases


@router.get("/report", tags=["report"])
def get_report_data(request: Request, filters: Filtered) -> dict:
    """Everything the report shows, as JSON (the summary, records and their links)."""
    return report_data(_result(request, filters))


_EXPORT = re.compile(r"^(?P<table>[a-z]+)\.(?P<fmt>csv|parquet|jsonl)$")


@router.get(
    "/export/{name}",
    tags=["downloads"],
    responses={200: {"content": {t: {} for t in exports.MEDIA_TYPES.values()},
                     "description": "The file: TABLE.csv|parquet|jsonl, timeline.json or causal.graphml."}},
)
def export(request: Request, filters: Filtered,
           name: Annotated[str, Path(description="events.csv, events.parquet, claims.jsonl ..., timeline.json (TimelineJS) or causal.graphml")]) -> Response:
    """Download a table (CSV, Parquet, JSONL), the events as TimelineJS JSON, or the causal graph as GraphML."""
    result = _result(request, filters)
    if name == "timeline.json":
        import json

        body = json.dumps(exports.timelinejs(result), ensure_ascii=False).encode("utf-8")
        media = exports.MEDIA_TYPES["json"]
    elif name == "causal.graphml":
        body, media = exports.causal_graphml(result), exports.MEDIA_TYPES["graphml"]
    else:
        m = _EXPORT.match(name)
        if not m or m.group("table") not in exports.TABLES:
            raise HTTPException(404, f"no download '{name[:64]}': use TABLE.csv|parquet|jsonl (tables: {', '.join(exports.TABLES)}), timeline.json or causal.graphml")
        body, media = exports.export_table(result, m.group("table"), m.group("fmt")), exports.MEDIA_TYPES[m.group("fmt")]
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="rift-{name}"'})
