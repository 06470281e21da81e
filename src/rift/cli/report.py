"""``rift report``: the interactive report of a database, optionally filtered."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from rift.cli.common import console


def register(app: typer.Typer) -> None:
    """Add ``report`` to the app."""

    @app.command()
    def report(
        db: Path = typer.Argument(..., help="A rift.duckdb file, or a folder holding one."),
        out: Path = typer.Option(Path("report.html"), "--out", "-o", help="The HTML file to write."),
        actor: Optional[str] = typer.Option(None, "--actor", help="Only events with this actor on either side (e.g. SUN)."),
        dyad: Optional[str] = typer.Option(None, "--dyad", help="Only this actor pair: CHN-SUN (either direction) or SUN->CHN."),
        category: Optional[str] = typer.Option(None, "--category", help="Only these PLOVER categories, comma-separated."),
        date_from: Optional[str] = typer.Option(None, "--from", help="Only events from this date (YYYY, YYYY-MM, YYYY-MM-DD)."),
        date_to: Optional[str] = typer.Option(None, "--to", help="Only events up to this date."),
        source: Optional[str] = typer.Option(None, "--source", help="Only events citing this author."),
        document: Optional[str] = typer.Option(None, "--document", help="Only this document id."),
    ) -> None:
        """Write the interactive report (one offline HTML file) of a rift database."""
        from pydantic import ValidationError

        from rift.errors import InputError
        from rift.report import write_report
        from rift.report.filters import Filters, filter_result
        from rift.store import Store

        if db.is_dir():
            db = db / "rift.duckdb"
        if not db.exists():
            raise InputError(f"{db}: no such database")
        try:
            filters = Filters(actor=actor, dyad=dyad, category=category, date_from=date_from, date_to=date_to,
                              source=source, document=document)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise InputError(f"--{'-'.join(map(str, first['loc'])).replace('date_', '')}: {first['msg']}") from None
        with Store(db, read_only=True) as store:
            result = store.load()
        result = filter_result(result, filters)
        write_report(result, out)
        console.print(f"report of {len(result.docs)} document(s), {len(result.events)} events: {out}")
