"""The ``rift`` command. Each command lives in its own module with a ``register(app)``."""

from __future__ import annotations

import importlib
import os
import sys

import typer

from rift.cli.common import console, fail
from rift.errors import RiftError

app = typer.Typer(
    name="rift",
    help="Rebuild the system a history of relations between states describes: events, dates, "
    "sources, relations index and phases, causes, claims, and an interactive report.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# modules that add commands to the app, in the order they appear in --help
COMMAND_MODULES = [
    "rift.cli.analyze",
    "rift.cli.batch",
    "rift.cli.events",
    "rift.cli.eval_causal",
    "rift.cli.eval_events",
    "rift.cli.eval",
    "rift.cli.eval_timex",
    "rift.cli.timex",
    "rift.cli.report",
    "rift.cli.serve",
]


_registered = False


def _register() -> None:
    """Add every command module's commands to the app (once)."""
    global _registered
    if _registered:
        return
    _registered = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)


@app.callback()
def _root(version: bool = typer.Option(False, "--version", help="Print rift's version and exit.")) -> None:
    if version:
        from rift import __version__

        console.print(f"rift {__version__}")
        raise typer.Exit()


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; rift's errors become a one-line message and a non-zero exit code."""
    _register()
    try:
        app(args=argv, standalone_mode=True)
    except RiftError as exc:
        fail(exc)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        console.print("[red]interrupted[/red]")
        sys.exit(130)
    except Exception as exc:  # an unexpected failure: one line, the traceback only on request
        if os.environ.get("RIFT_DEBUG"):
            raise
        console.print(f"[bold red]rift: internal error:[/bold red] {type(exc).__name__}: {exc} (set RIFT_DEBUG=1 for the traceback)", highlight=False)
        sys.exit(70)


if __name__ == "__main__":  # pragma: no cover
    main()
