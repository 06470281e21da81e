"""What every command shares: consoles and error reporting."""

from __future__ import annotations

import sys
from typing import NoReturn

from rich.console import Console

from rift.errors import RiftError

console = Console()
err_console = Console(stderr=True)


def fail(exc: RiftError) -> NoReturn:
    """Print a rift error as one line on stderr and exit with its code."""
    err_console.print(f"[bold red]rift:[/bold red] {exc.message}", highlight=False, soft_wrap=True)
    sys.exit(exc.exit_code)
