"""``rift eval``: a command group that scores rift's stages against gold data.

Each stage adds its own sub-command (``rift eval timex``, ``rift eval events`` ...) to
:data:`eval_app` from its CLI module; this module only creates the group.
"""

from __future__ import annotations

import typer

eval_app = typer.Typer(
    name="eval",
    help="Score rift against gold data: prints precision/recall/F1 and exits non-zero under a threshold.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def register(app: typer.Typer) -> None:
    """Add the ``eval`` group to the app."""
    app.add_typer(eval_app, name="eval")
