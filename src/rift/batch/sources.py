"""Stream the documents of a corpus, one at a time, from the inputs of ``rift batch``.

An input is a file, a directory (walked recursively) or a glob pattern. Files are read by kind:

* ``.txt``, ``.md``, ``.html``: one document each (:func:`rift.read.read_path`). When the file's
  folder holds an ``index.csv`` with ``file`` (or ``id``), ``date`` and ``title`` columns, as the
  FRUS sample does, a listed file takes its title and, if dated, is read as a news-style
  document whose creation time is that date.
* ``.jsonl``: one document per line, ``{"id", "text", "date"?, "title"?}``.
* ``.xml`` / ``.tei``: a FRUS TEI volume, one document per ``<div type="document">``, dated
  by its dateline (:mod:`rift.batch.tei`).

Nothing is read ahead: the corpus is never held in memory. A bad input (missing, binary, a
malformed line) becomes a :class:`BadInput` in the stream and the rest goes on.
"""

from __future__ import annotations

import csv
import glob
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator, Sequence

from rift.batch.tei import count_tei, iter_tei
from rift.errors import InputError
from rift.read import RawText, read_path
from rift.read.readers import TEXT_SUFFIXES

JSONL_SUFFIXES = (".jsonl", ".ndjson")
TEI_SUFFIXES = (".xml", ".tei")
CORPUS_SUFFIXES = TEXT_SUFFIXES + JSONL_SUFFIXES + TEI_SUFFIXES
INDEX_NAME = "index.csv"
_GLOB_CHARS = set("*?[")


@dataclass(frozen=True)
class WorkItem:
    """One document to analyse: where it came from (``key``), its text, and how to date it."""

    key: str
    raw: RawText
    doctype: str = "narrative"
    dct: str | None = None


@dataclass(frozen=True)
class BadInput:
    """An input that could not be read, with a one-line message saying why."""

    key: str
    message: str


@dataclass(frozen=True)
class _Entry:
    """A row of a folder's ``index.csv``."""

    id: str | None
    date: str | None
    title: str | None


def _day(value) -> str | None:
    """``YYYY-MM-DD`` from an ISO date or date-time string, else None."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit() and value[5:7].isdigit() and value[8:10].isdigit():
        return value[:10]
    return None


class _Indexes:
    """Reads each folder's ``index.csv`` once; keeps only the current folder's in memory."""

    def __init__(self) -> None:
        self._folder: str | None = None
        self._entries: dict[str, _Entry] | None = None

    def _for(self, path: Path) -> dict[str, _Entry] | None:
        folder = str(path.parent)
        if folder != self._folder:
            self._folder = folder
            self._entries = self._load(path.parent / INDEX_NAME)
        return self._entries

    def entry(self, path: Path) -> _Entry | None:
        """The index row of a text file, if its folder has an index listing it."""
        entries = self._for(path)
        if not entries:
            return None
        return entries.get(path.name) or entries.get(path.stem)

    def unlisted(self, path: Path) -> bool:
        """Whether ``path`` is a text file in an indexed folder that its index does not list
        (a README or provenance note beside the corpus, not a document of it)."""
        if not path.name.lower().endswith(TEXT_SUFFIXES):
            return False
        entries = self._for(path)
        return bool(entries) and path.name not in entries and path.stem not in entries

    @staticmethod
    def _load(index: Path) -> dict[str, _Entry] | None:
        if not index.is_file():
            return None
        entries: dict[str, _Entry] = {}
        try:
            with open(index, encoding="utf-8-sig", newline="") as fh:
                for row in csv.DictReader(fh):
                    entry = _Entry(id=row.get("id") or None, date=_day(row.get("date")), title=(row.get("title") or "").strip() or None)
                    name = (row.get("file") or "").strip()
                    if name:
                        entries[name] = entry
                    elif entry.id:
                        entries[entry.id.replace("/", "-")] = entry
        except (OSError, UnicodeDecodeError, csv.Error):
            return None
        return entries


def _walk(root: Path) -> Iterator[Path]:
    """Corpus files under ``root`` in sorted order, lazily, without following link loops.

    In a folder with an ``index.csv``, the text files are those the index lists."""
    seen: set[tuple[int, int]] = set()
    indexes = _Indexes()
    for folder, dirs, files in os.walk(root, followlinks=True):
        st = os.stat(folder)
        if (st.st_dev, st.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if name.lower().endswith(CORPUS_SUFFIXES) and not name.startswith(".") and not indexes.unlisted(path):
                yield path


def expand(inputs: Sequence[str]) -> Iterator[Path | BadInput]:
    """The files named by ``inputs`` (files, directories, glob patterns), lazily."""
    for raw in inputs:
        if _GLOB_CHARS & set(raw) and not Path(raw).exists():
            matches = sorted(glob.iglob(raw, recursive=True))
            if not matches:
                yield BadInput(raw, f"{raw}: no files match this pattern")
            for m in matches:
                p = Path(m)
                if p.is_dir():
                    yield from _walk(p)
                elif p.name.lower().endswith(CORPUS_SUFFIXES):
                    yield p
            continue
        p = Path(raw)
        if not p.exists():
            yield BadInput(raw, f"{raw}: no such file or directory")
        elif p.is_dir():
            found = False
            for f in _walk(p):
                found = True
                yield f
            if not found:
                yield BadInput(raw, f"{raw}: no .txt, .md, .html, .jsonl or .xml files in this directory")
        else:
            yield p


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(TEI_SUFFIXES):
        return "tei"
    return "text"


def _key(path: Path, part: str | None = None) -> str:
    """A document's identity across runs: the file's absolute path, plus its id inside it."""
    base = os.path.abspath(path)
    return base if part is None else f"{base}#{part}"


def _text_item(path: Path, indexes: _Indexes, doctype: str) -> WorkItem | BadInput:
    try:
        raw = read_path(path)
    except InputError as exc:
        return BadInput(_key(path), exc.message)
    entry = indexes.entry(path)
    if entry is None:
        return WorkItem(_key(path), raw, doctype, None)
    if entry.title and not raw.title:
        raw = replace(raw, title=entry.title)
    if entry.date:
        return WorkItem(_key(path), raw, "news", entry.date)
    return WorkItem(_key(path), raw, doctype, None)


def _jsonl_line(path: Path, lineno: int, line: bytes, doctype: str) -> WorkItem | BadInput | None:
    where = f"{path}:{lineno}"
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        return BadInput(_key(path, f"L{lineno}"), f"{where}: not a JSON object ({str(exc)[:80]})")
    if not isinstance(obj, dict):
        return BadInput(_key(path, f"L{lineno}"), f"{where}: not a JSON object")
    doc_id = obj.get("id")
    part = str(doc_id) if doc_id not in (None, "") else f"L{lineno}"
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return BadInput(_key(path, part), f"{where}: no \"text\" in this line")
    date = obj.get("date")
    dct = _day(date) if date not in (None, "") else None
    if date not in (None, "") and dct is None:
        return BadInput(_key(path, part), f"{where}: \"date\" {str(date)[:40]!r} is not YYYY-MM-DD")
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    raw = RawText(path=f"{path}#{part}", text=text, encoding="utf-8", title=title)
    return WorkItem(_key(path, part), raw, "news" if dct else doctype, dct)


def _jsonl_items(path: Path, doctype: str) -> Iterator[WorkItem | BadInput]:
    try:
        with open(path, "rb") as fh:
            for lineno, line in enumerate(fh, start=1):
                item = _jsonl_line(path, lineno, line, doctype)
                if item is not None:
                    yield item
    except OSError as exc:
        yield BadInput(_key(path), f"{path}: cannot be read ({exc.strerror or exc})")


def _tei_items(path: Path, doctype: str) -> Iterator[WorkItem | BadInput]:
    try:
        for doc in iter_tei(path):
            key = _key(path, doc.id)
            if not doc.text.strip():
                yield BadInput(key, f"{path}#{doc.id}: no text in this document")
                continue
            raw = RawText(path=f"{path}#{doc.id}", text=doc.text, encoding="utf-8", title=doc.title)
            yield WorkItem(key, raw, "news" if doc.date else doctype, doc.date)
    except InputError as exc:
        yield BadInput(_key(path), exc.message)


def iter_items(inputs: Sequence[str], *, doctype: str = "narrative") -> Iterator[WorkItem | BadInput]:
    """Stream every document of the corpus named by ``inputs``, in a stable order.

    Args:
        inputs: files, directories or glob patterns.
        doctype: the doctype of undated documents (dated ones are read as ``news``).

    Yields:
        A :class:`WorkItem` per document, or a :class:`BadInput` per input that cannot be read.
    """
    indexes = _Indexes()
    for path in expand(inputs):
        if isinstance(path, BadInput):
            yield path
            continue
        kind = _kind(path)
        if kind == "jsonl":
            yield from _jsonl_items(path, doctype)
        elif kind == "tei":
            yield from _tei_items(path, doctype)
        else:
            yield _text_item(path, indexes, doctype)


def _jsonl_keys(path: Path) -> Iterator[str]:
    try:
        with open(path, "rb") as fh:
            for lineno, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                    doc_id = obj.get("id") if isinstance(obj, dict) else None
                except (UnicodeDecodeError, ValueError, RecursionError):
                    doc_id = None
                yield _key(path, str(doc_id) if doc_id not in (None, "") else f"L{lineno}")
    except OSError:
        yield _key(path)


def iter_keys(inputs: Sequence[str]) -> Iterator[str]:
    """The key of every document :func:`iter_items` would yield, without reading the texts
    (JSONL lines are parsed; TEI volumes are scanned). Used to size the progress bar."""
    for path in expand(inputs):
        if isinstance(path, BadInput):
            yield path.key
            continue
        kind = _kind(path)
        if kind == "jsonl":
            yield from _jsonl_keys(path)
        elif kind == "tei":
            ids = count_tei(path)
            if not ids:
                yield _key(path)
            for doc_id in ids:
                yield _key(path, doc_id)
        else:
            yield _key(path)
