"""``rift batch``: analyse a corpus into a resumable batch store (Parquet + DuckDB catalogue)."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.text import Text

from rift.cli.common import console, err_console
from rift.pipeline import DEFAULT_MODEL

MAX_LISTED_SKIPS = 20


class _RateColumn(ProgressColumn):
    """Documents per second, as rich measures the task's speed."""

    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("-- docs/s" if speed is None else f"{speed:.1f} docs/s", style="progress.data.speed")


def _print_summary(summary) -> None:
    console.print(
        f"[bold]{summary.documents}[/bold] document(s) in the store: [bold]{summary.processed}[/bold] new "
        f"({summary.docs_per_second:.1f} docs/s over {summary.seconds:.1f} s), {summary.already_stored} already stored, "
        f"{summary.duplicates} duplicate(s); [bold]{summary.events}[/bold] events"
    )
    console.print(f"store: {summary.store} (open {summary.catalogue} with `rift export`, `rift report` or `rift serve --db`)")
    if summary.skipped:
        err_console.print(f"[bold yellow]skipped {len(summary.skipped)} input(s):[/bold yellow]")
        for bad in summary.skipped[:MAX_LISTED_SKIPS]:
            err_console.print(f"  {escape(bad.message)}", highlight=False, soft_wrap=True)
        if len(summary.skipped) > MAX_LISTED_SKIPS:
            err_console.print(f"  ... and {len(summary.skipped) - MAX_LISTED_SKIPS} more")


def register(app: typer.Typer) -> None:
    """Add ``batch`` to the app."""

    @app.command()
    def batch(
        inputs: Optional[List[str]] = typer.Argument(
            None,
            help="Directories or glob patterns of .txt/.md/.html, JSONL files (id, text, date, title), "
            "FRUS TEI XML volumes. None: only rebuild the store's analysis and catalogue.",
        ),
        store: Path = typer.Option(..., "--store", "-s", help="The store folder: parts/*.parquet, manifest/, rift.duckdb."),
        workers: int = typer.Option(1, "--workers", "-w", help="Worker processes (local, or a Dask LocalCluster)."),
        engine: str = typer.Option("local", "--engine", help="local: processes on this machine; dask: a Dask cluster."),
        scheduler: Optional[str] = typer.Option(None, "--scheduler", help="A running Dask scheduler, tcp://HOST:PORT (with --engine dask)."),
        batch_size: int = typer.Option(32, "--batch-size", help="Documents per partition and per Parquet part."),
        model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy model package or path, or 'blank' (env RIFT_MODEL)."),
        doctype: str = typer.Option("narrative", "--doctype", help="Doctype of undated documents; dated ones are read as news."),
        bin: str = typer.Option("year", "--bin", help="Time bin of the relations index: year, quarter, month, decade."),
    ) -> None:
        """Analyse a corpus in streaming batches into a resumable Parquet + DuckDB store.

        A run killed and started again stores every document exactly once.
        """
        from rift.batch import BatchConfig, run_batch

        config = BatchConfig(
            model=model, engine=engine, workers=workers, scheduler=scheduler,
            batch_size=batch_size, doctype=doctype, bin=bin,
        )
        config.check()
        with Progress(
            TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), _RateColumn(),
            TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
            console=err_console, transient=True, speed_estimate_period=600,
        ) as bar:
            task = bar.add_task("docs", total=None)

            def progress(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            def on_skip(bad) -> None:
                bar.console.print(f"[yellow]skipped:[/yellow] {escape(bad.message)}", highlight=False, soft_wrap=True)

            summary = run_batch(list(inputs or []), store, config, progress=progress, on_skip=on_skip)
        _print_summary(summary)
        if summary.skipped:
            raise typer.Exit(code=2)
