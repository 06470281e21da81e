"""Turn a pasted text or an uploaded file into a :class:`rift.read.RawText`."""

from __future__ import annotations

import dataclasses
import re
import tempfile
from pathlib import Path

from rift.errors import InputError
from rift.read import RawText, read_path
from rift.read.readers import TEXT_SUFFIXES

_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\]+")


def clean_name(name: str | None, default: str = "upload.txt") -> str:
    """A file name safe to store and show: no folders, no control characters, at most 120 chars."""
    base = _UNSAFE.sub("_", Path(name or "").name).strip(" .")
    return base[:120] or default


def from_text(text: str, title: str | None = None) -> RawText:
    """A pasted text.

    Raises:
        InputError: the text is empty.
    """
    if not text or not text.strip():
        raise InputError("the text is empty: paste a text or choose a file")
    title = (title or "").strip()[:200] or None
    return RawText(path=clean_name(title, "pasted text") if title else "pasted text", text=text, encoding="utf-8", title=title)


def from_upload(data: bytes, filename: str | None, title: str | None = None) -> RawText:
    """An uploaded file, decoded like a file on disk (.txt, .md, .html; others read as text).

    Raises:
        InputError: empty, binary or undecodable.
    """
    name = clean_name(filename)
    suffix = Path(name).suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        suffix = ".txt"
    with tempfile.TemporaryDirectory(prefix="rift-upload-") as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            raw = read_path(path)
        except InputError as exc:
            raise InputError(exc.message.replace(str(path), name)) from None
    title = (title or "").strip()[:200] or raw.title
    return dataclasses.replace(raw, path=name, title=title)
