"""``rift timex``: print the time expressions of a text, normalised."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from rift.cli.common import console

FORMATS = ("jsonl", "table")


def register(app: typer.Typer) -> None:
    """Add ``timex`` to the app."""

    @app.command()
    def timex(
        path: str = typer.Argument(..., help="A text file (.txt, .md, .html) or - for standard input."),
        dct: Optional[str] = typer.Option(None, "--dct", help="Document creation time YYYY-MM-DD (anchors 'yesterday', 'this year' in news)."),
        doctype: str = typer.Option("narrative", "--doctype", help="narrative: 'that year' follows the story's dates; news: deictic words follow --dct."),
        format: str = typer.Option("jsonl", "--format", "-f", help="jsonl (one JSON object per expression) or table."),
        kb: bool = typer.Option(True, "--kb/--no-kb", help="Also date named events and office-holders ('the Korean War', 'Khrushchev's overthrow')."),
    ) -> None:
        """Find and normalise the time expressions of a text (offsets into the file as read)."""
        from rift.dates.text import timexes_of_text
        from rift.errors import InputError
        from rift.read import read_path, read_stdin

        if format not in FORMATS:
            raise InputError(f"--format must be one of {', '.join(FORMATS)}, not '{format}'")
        if doctype not in ("narrative", "news"):
            raise InputError(f"--doctype must be narrative or news, not '{doctype}'")
        if dct is not None and not _valid_dct(dct):
            raise InputError(f"--dct must be a date YYYY-MM-DD, not '{dct}'")
        raw = read_stdin() if path == "-" else read_path(Path(path))
        rows = timexes_of_text(raw.text, dct=dct, doctype=doctype, kb=kb)
        if format == "jsonl":
            for row in rows:
                typer.echo(json.dumps(row, ensure_ascii=False))
            return
        t = Table(show_edge=False)
        for col in ("start", "end", "text", "type", "value", "mod", "interval", "explicit"):
            t.add_column(col, justify="right" if col in ("start", "end") else "left", overflow="fold")
        for row in rows:
            iv = row["interval"]
            t.add_row(str(row["start"]), str(row["end"]), row["text"].replace("\n", " "), row["type"], row["value"],
                      row["mod"] or "", f"{iv['start']} .. {iv['end']}" if iv else "", "yes" if row["explicit"] else "no")
        console.print(t)


def _valid_dct(dct: str) -> bool:
    import datetime as dt

    try:
        dt.date.fromisoformat(dct)
        return True
    except ValueError:
        return False
