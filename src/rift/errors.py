"""rift's error classes. Everything rift raises on purpose is a ``RiftError``.

The CLI turns these into a one-line message and a non-zero exit code; the web app turns them
into its one JSON error shape. Each message says what went wrong and what to do about it.
"""

from __future__ import annotations


class RiftError(Exception):
    """Base class of every error rift raises on purpose."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message


class InputError(RiftError):
    """An input cannot be read: missing, empty, binary, undecodable, or no texts found."""

    exit_code = 2


class OutputError(RiftError):
    """An output location cannot be written."""

    exit_code = 3


class StorageError(RiftError):
    """The database or store is locked, corrupt or of an unknown version."""

    exit_code = 4


class ModelError(RiftError):
    """The spaCy model cannot be loaded."""

    exit_code = 5


class EvalError(RiftError):
    """An evaluation could not run, or scored under its threshold."""

    exit_code = 6


class BusyError(RiftError):
    """The server has too much work queued; try again later."""

    exit_code = 75
