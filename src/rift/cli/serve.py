"""``rift serve``: the web app."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from rift.cli.common import console
from rift.pipeline import DEFAULT_MODEL


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the app."""

    @app.command()
    def serve(
        db: Path = typer.Option(Path("rift.duckdb"), "--db", "--store", help="The DuckDB database to browse and add analyses to (created if missing), or a `rift batch` store folder to browse."),
        host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (default: this machine only)."),
        port: int = typer.Option(8000, "--port", help="Port to listen on."),
        token: Optional[str] = typer.Option(None, "--token", envvar="RIFT_TOKEN", help="Require this token on every request (env RIFT_TOKEN)."),
        model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy model to analyse uploads with ('blank' for none)."),
        max_upload_mb: float = typer.Option(5.0, "--max-upload-mb", help="Largest upload accepted, in MB (larger: 413)."),
    ) -> None:
        """Serve a web app: upload texts, follow their analysis, browse the report and JSON API, download the data."""
        import uvicorn

        from rift.web import ServeConfig, create_app
        from rift.web.config import LOOPBACK_HOSTS

        if db.is_dir():
            db = db / "rift.duckdb"
        loopback = host in ("127.0.0.1", "localhost", "::1")
        config = ServeConfig(
            db=db, model=model, token=token, max_upload_bytes=int(max_upload_mb * 1024 * 1024),
            allowed_hosts=LOOPBACK_HOSTS if loopback else (), preload=True,
        )
        application = create_app(config)
        if not loopback and not token:
            console.print("[yellow]warning:[/yellow] listening beyond this machine without --token: anyone who can reach it can add texts")
        console.print(f"rift serving {db} at http://{host}:{port}/ (API docs at /docs); Ctrl-C stops it")
        uvicorn.run(application, host=host, port=port, log_level="warning")
