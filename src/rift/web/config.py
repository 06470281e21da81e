"""The web app's settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rift.pipeline import DEFAULT_MODEL

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")


@dataclass(frozen=True)
class ServeConfig:
    """How ``rift serve`` runs.

    Attributes:
        db: the DuckDB file the app reads and adds analyses to (created if missing).
        model: the spaCy model to analyse uploads with (``"blank"`` for a model-free run);
            it is loaded once, on the first upload.
        max_upload_bytes: the largest request body accepted; larger ones get 413.
        token: when set, every request must carry it (``Authorization: Bearer``, the
            ``rift_token`` cookie, or ``?token=`` once, which sets the cookie); else 401.
        allowed_hosts: host names the ``Host`` header may carry (against DNS rebinding);
            empty means any.
        bin: time bin of the relations index.
        doctype: how uploads are read: ``narrative`` or ``news``.
        preload: load the model in the background as the app starts (``rift serve`` does).
    """

    db: Path = Path("rift.duckdb")
    model: str = DEFAULT_MODEL
    max_upload_bytes: int = 5 * 1024 * 1024
    token: str | None = None
    allowed_hosts: tuple[str, ...] = field(default=())
    bin: str = "year"
    doctype: str = "narrative"
    preload: bool = False
