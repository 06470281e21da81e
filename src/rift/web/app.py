"""Build the FastAPI app of ``rift serve``."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI

from rift import __version__
from rift.web.config import ServeConfig
from rift.web.corpus import Corpus
from rift.web.errors import install_error_handlers
from rift.web.jobs import Jobs
from rift.web.middleware import Gate

DESCRIPTION = """Upload or paste a history of relations between states; rift analyses it in the
background and adds it to the database. Browse the events, causal links, claims, sources,
relations index and phases as JSON with filters, see the interactive report over the whole
database at `/report`, and download tables as CSV, Parquet or JSONL, events as TimelineJS JSON
and the causal graph as GraphML. Every error answers `{"error": {"status", "code", "message",
"details"}}`."""


def create_app(config: ServeConfig | None = None, *, nlp=None) -> FastAPI:
    """The web app over ``config.db``.

    Args:
        config: the settings (default: :class:`ServeConfig`).
        nlp: an already built pipeline (from :func:`rift.pipeline.build_pipeline`) to analyse
            uploads with, instead of loading ``config.model``.

    Raises:
        StorageError: the database is locked by another process or is not a rift database.
    """
    from rift.web import routes_api, routes_pages

    config = config or ServeConfig()
    corpus = Corpus(config.db, bin=config.bin)
    jobs = Jobs(corpus, model=config.model, doctype=config.doctype, nlp=nlp, preload=config.preload)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        try:
            yield
        finally:
            jobs.shutdown()
            corpus.close()

    app = FastAPI(title="rift", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None,
                  lifespan=lifespan)
    app.state.config = config
    app.state.corpus = corpus
    app.state.jobs = jobs
    install_error_handlers(app)
    app.include_router(routes_api.router)
    app.include_router(routes_pages.router)
    app.add_middleware(Gate, config=config)
    return app
