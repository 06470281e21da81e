"""``rift analyze``, ``rift demo`` and ``rift export``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import List, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from rift.cli.common import console, err_console
from rift.pipeline import DEFAULT_MODEL

DOCTYPES = ("narrative", "news")


def _run(paths: list[str], out: Path, model: str, doctype: str, dct: Optional[str], bin: str):
    from rift.api import analyze, read_inputs
    from rift.errors import InputError
    from rift.pipeline import build_pipeline

    if doctype not in DOCTYPES:
        raise InputError(f"--doctype must be one of {', '.join(DOCTYPES)}, not '{doctype}'")
    skipped: list[tuple[str, str]] = []
    raws = read_inputs(paths, skipped=skipped)
    if not raws:
        # nothing readable: one input gives its own message, several a count after their lines
        if len(skipped) > 1:
            warn_skipped(skipped)
        raise InputError(skipped[0][1] if len(skipped) == 1 else f"none of the {len(skipped)} inputs could be read")  # noqa: E501
    warn_skipped(skipped)
    with console.status(f"loading the model {model} ..."):
        nlp = build_pipeline(model)
    with Progress(
        TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console, transient=True
    ) as bar:
        task = bar.add_task("docs", total=len(raws))
        result = analyze(raws, out, nlp=nlp, doctype=doctype, dct=dct, bin=bin, on_error="skip",
                         progress=lambda done, total: bar.update(task, completed=done))
    warn_skipped(result.skipped)
    result.skipped = skipped + result.skipped
    print_summary(result)
    if result.skipped:
        summarize_skipped(result.skipped, total=len(result.documents) + len(result.skipped))
        raise typer.Exit(code=InputError.exit_code)
    return result


def warn_skipped(skipped: list[tuple[str, str]]) -> None:
    """One line on stderr for each input left out."""
    for _path, message in skipped:
        err_console.print(f"[yellow]rift: skipped[/yellow] {message}", highlight=False, soft_wrap=True)


def summarize_skipped(skipped: list[tuple[str, str]], *, total: int) -> None:
    """The closing line of a run that left inputs out: how many, and which."""
    names = ", ".join(path for path, _msg in skipped[:10]) + (", ..." if len(skipped) > 10 else "")
    err_console.print(
        f"[bold yellow]rift:[/bold yellow] skipped {len(skipped)} of {total} input(s): {names}",
        highlight=False, soft_wrap=True,
    )


def print_summary(result) -> None:
    """Print documents, sentences, events by actor pair, citations and sources, report path."""
    console.print(
        f"[bold]{len(result.documents)}[/bold] document(s), [bold]{len(result.sentences)}[/bold] sentences, "
        f"[bold]{len(result.events)}[/bold] events, [bold]{len(result.timexes)}[/bold] time expressions, "
        f"[bold]{len(result.causal)}[/bold] causal links, [bold]{len(result.claims)}[/bold] claims"
    )
    pairs = Counter(f"{e.source}->{e.target or '-'}" for e in result.events)
    if pairs:
        t = Table(title="Events by actor pair", show_edge=False)
        t.add_column("source -> target")
        t.add_column("events", justify="right")
        for pair, n in pairs.most_common(12):
            t.add_row(pair, str(n))
        console.print(t)
    sources = result.sources
    console.print(f"[bold]{len(result.citations)}[/bold] citations of [bold]{len({s.author for s in sources})}[/bold] sources"
                  + (": " + ", ".join(sorted({s.author for s in sources})) if sources else ""))
    for claim in result.claims:
        if claim.kind == "thesis" and claim.verdict:
            console.print(f"thesis: {claim.text[:90]!r} -> [bold]{claim.verdict}[/bold]")
    if result.out_dir is not None:
        console.print(f"report: [link=file://{(result.out_dir / 'report.html').resolve()}]{result.out_dir / 'report.html'}[/link]")


def register(app: typer.Typer) -> None:
    """Add ``analyze``, ``demo`` and ``export`` to the app."""

    @app.command()
    def analyze(
        paths: List[str] = typer.Argument(..., help="Files (.txt, .md, .html), directories of them, or - for standard input."),
        out: Path = typer.Option(..., "--out", "-o", help="Folder for events.jsonl, report.html, rift.duckdb and the rest."),
        model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy model package or path (env RIFT_MODEL)."),
        doctype: str = typer.Option("narrative", "--doctype", help="narrative: anchor 'that year' on narrative time; news: on the document date."),
        dct: Optional[str] = typer.Option(None, "--dct", help="Document creation time YYYY-MM-DD (news)."),
        bin: str = typer.Option("year", "--bin", help="Time bin of the relations index: year, quarter, month, decade."),
    ) -> None:
        """Analyse texts and write the event dataset, relations index, causal graph, claims and report."""
        _run(paths, out, model, doctype, dct, bin)

    @app.command()
    def demo(
        out: Path = typer.Option(Path("rift-demo"), "--out", "-o", help="Where to write the demo's outputs."),
        model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy model package or path."),
    ) -> None:
        """Analyse the built-in sample narrative on Sino-Soviet relations 1927-1969."""
        from rift.sample import sample_path

        console.print(f"[dim]sample narrative: {sample_path()}[/dim]")
        _run([str(sample_path())], out, model, "narrative", None, "year")

    @app.command()
    def export(
        db: Path = typer.Argument(..., help="A rift.duckdb file (or a batch store folder)."),
        format: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv or parquet."),
        out: Path = typer.Option(..., "--out", "-o", help="Folder to write one file per table into."),
    ) -> None:
        """Export every table of a rift database as JSONL, CSV or Parquet."""
        from rift.errors import InputError
        from rift.store import Store, export as export_tables

        if format not in ("jsonl", "csv", "parquet"):
            raise InputError(f"--format must be jsonl, csv or parquet, not '{format}'")
        if db.is_dir():
            db = db / "rift.duckdb"
        if not db.exists():
            raise InputError(f"{db}: no such database")
        with Store(db, read_only=True) as store:
            result = store.load()
        files = export_tables(result, format, out)
        console.print(f"wrote {len(files)} files to {out}")
