"""The HTML pages: the home page (upload form, documents, filters, downloads), a job's progress,
the report over the database, the API docs, and the app's own static files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException

from rift.errors import InputError
from rift.report import Link, render_report
from rift.report.exports import TABLES
from rift.report.filters import Filters, filter_result
from rift.report.vendor import VENDOR_DIR
from rift.web.deps import get_filters
from rift.web.uploads import from_text, from_upload

router = APIRouter(include_in_schema=False)
STATIC_DIR = Path(__file__).parent / "static"
STATIC_FILES = {"app.js": "text/javascript", "app.css": "text/css"}
DOWNLOADS = ("events", "causal", "claims", "sources", "citations", "series")
_env = Environment(loader=PackageLoader("rift.web", "templates"), autoescape=select_autoescape(default=True, default_for_string=True))


def _page(name: str, **context) -> HTMLResponse:
    return HTMLResponse(_env.get_template(name).render(**context))


def _with_query(path: str, query: dict[str, str]) -> str:
    return f"{path}?{urlencode(query)}" if query else path


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    """The home page."""
    state = request.app.state
    result = state.corpus.result()
    docs = [{"doc": d.document, "events": len(d.events), "citations": len(d.citations)} for d in result.docs]
    actors = sorted({e.source for e in result.events} | {e.target for e in result.events if e.target})
    categories = sorted({e.category for e in result.events})
    return _page("index.html.j2", docs=docs, jobs=state.jobs.all()[:10], actors=actors, categories=categories,
                 max_upload=state.config.max_upload_bytes, downloads=DOWNLOADS, tables=TABLES, n_events=len(result.events))


@router.post("/upload")
async def upload(
    request: Request,
    text: Annotated[str, Form()] = "",
    title: Annotated[str, Form(max_length=200)] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> RedirectResponse:
    """The upload form: queue the analysis, then show its progress."""
    data = await file.read() if file is not None else b""
    if data:
        raw = from_upload(data, file.filename, title)
    elif text.strip():
        raw = from_text(text, title)
    else:
        raise InputError("nothing to analyse: paste a text or choose a file")
    job = request.app.state.jobs.submit(raw)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, job_id: str) -> HTMLResponse:
    """A job's progress (the page polls the API and opens the report when done)."""
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no job '{job_id[:64]}'")
    return _page("job.html.j2", job=job)


@router.get("/report", response_class=HTMLResponse)
def report(request: Request, filters: Annotated[Filters, Depends(get_filters)]) -> HTMLResponse:
    """The interactive report over the database (or the filtered part of it)."""
    result = filter_result(request.app.state.corpus.result(), filters)
    query = filters.query()
    links = [Link("\u2190 all documents", "/")]
    links += [Link(f"{name}.csv", _with_query(f"/api/export/{name}.csv", query)) for name in ("events", "causal", "claims")]
    links += [Link("events.parquet", _with_query("/api/export/events.parquet", query)),
              Link("events.jsonl", _with_query("/api/export/events.jsonl", query)),
              Link("TimelineJS", _with_query("/api/export/timeline.json", query)),
              Link("causal.graphml", _with_query("/api/export/causal.graphml", query))]
    title = None
    shown = {k: v for k, v in query.items() if k != "document"}
    if shown:
        title = "rift report: " + ", ".join(f"{k}={v}" for k, v in shown.items())
    elif len(result.docs) != 1:
        title = f"rift report: the whole database ({len(result.docs)} documents)"
    page = render_report(result, title=title, links=links)
    return HTMLResponse(page.html, headers={"Content-Security-Policy": page.csp, "Cache-Control": "no-store"})


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """The OpenAPI docs (Swagger UI from the built front-end assets, never a CDN)."""
    manifest_docs = _swagger_files()
    csp = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
           "connect-src 'self'; base-uri 'none'; frame-ancestors 'none'")
    if manifest_docs:
        page = get_swagger_ui_html(openapi_url="/openapi.json", title="rift API", swagger_js_url="/static/vendor/" + manifest_docs["script"],
                                   swagger_css_url="/static/vendor/" + manifest_docs["style"], swagger_favicon_url="data:,")
        return HTMLResponse(page.body, headers={"Content-Security-Policy": csp})
    schema = request.app.openapi()
    paths = [(method.upper(), path, (op.get("summary") or "")) for path, ops in schema["paths"].items() for method, op in ops.items()]
    return _page("docs.html.j2", paths=paths)


def _swagger_files() -> dict | None:
    import json

    try:
        manifest = json.loads((VENDOR_DIR / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest.get("docs")


@router.get("/static/{name:path}")
def static(name: str) -> FileResponse:
    """The app's own script and style, and Swagger UI's; anything else is 404."""
    if name in STATIC_FILES:
        return FileResponse(STATIC_DIR / name, media_type=STATIC_FILES[name])
    swagger = _swagger_files() or {}
    for key, media in (("script", "text/javascript"), ("style", "text/css")):
        if swagger.get(key) and name == "vendor/" + swagger[key]:
            return FileResponse(VENDOR_DIR / swagger[key], media_type=media)
    raise HTTPException(404, "no such file")


@router.get("/favicon.ico")
def favicon() -> Response:
    """No icon (answered so browsers do not log a 404)."""
    return Response(status_code=204)


