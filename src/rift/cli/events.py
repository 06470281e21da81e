"""``rift events FILE``: the events rift finds in a text, as a readable table."""

from __future__ import annotations

import json
from typing import List

import typer
from rich.table import Table

from rift.cli.common import console
from rift.pipeline import DEFAULT_MODEL


def _year(event) -> str:
    if event.date is None:
        return ""
    return (event.date.start or event.date.value or "")[:4] + ("" if event.date.explicit else "~")


def event_table(events, *, title: str = "") -> Table:
    """A rich table of events: when, who, what, to whom, how strongly, on whose authority."""
    t = Table(title=title or None, show_lines=False, expand=False)
    for name, kw in (("#", {"justify": "right"}), ("year", {}), ("source", {}), ("target", {}), ("category", {}), ("I", {"justify": "right"}),
                     ("mode", {}), ("trigger", {}), ("cites", {}), ("sentence", {"overflow": "ellipsis", "no_wrap": True, "max_width": 60})):
        t.add_column(name, **kw)
    for e in events:
        cat = e.category + (f"/{e.plover_mode}" if e.plover_mode else "")
        mode = e.mode + (" neg" if e.negated else "") + (" att" if e.kind == "attitude" else "")
        cites = "; ".join(f"{c.author} {c.pages or ''}".strip() for c in e.citations)
        colour = "green" if e.intensity > 0 else ("red" if e.intensity < 0 else "white")
        t.add_row(str(e.sentence_index), _year(e), e.source, e.target or "-", cat, f"[{colour}]{e.intensity:+.1f}[/{colour}]",
                  mode, e.trigger or "", cites, e.sentence[:200])
    return t


def register(app: typer.Typer) -> None:
    """Add ``events`` to the app."""

    @app.command()
    def events(
        paths: List[str] = typer.Argument(..., help="Files (.txt, .md, .html), directories of them, or - for standard input."),
        model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy model package or path (env RIFT_MODEL)."),
        min_confidence: float = typer.Option(0.0, "--min-confidence", help="Leave out events less certain than this (0-1)."),
        as_json: bool = typer.Option(False, "--json", help="Print the events as JSON Lines instead of a table."),
    ) -> None:
        """Print the dyadic events rift finds in texts: who did what to whom, when, how strongly."""
        from rift.api import read_inputs
        from rift.events.run import extract_events
        from rift.pipeline import build_pipeline

        raws = read_inputs(paths)
        with console.status(f"loading the model {model} ..."):
            nlp = build_pipeline(model, exclude=("rift_causes", "rift_claims"))
        for raw, evs in extract_events(raws, nlp=nlp):
            evs = [e for e in evs if e.confidence >= min_confidence]
            if as_json:
                for e in evs:
                    typer.echo(json.dumps(e.to_json_dict(), ensure_ascii=False))
                continue
            console.print(event_table(evs, title=f"{raw.path}: {len(evs)} events"))
