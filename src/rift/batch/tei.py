"""FRUS TEI XML volumes: each ``<div type="document">`` as one dated text, read as a stream.

The Office of the Historian publishes *Foreign Relations of the United States* as TEI: a volume
holds chapters holding documents, each ``<div type="document" xml:id="dN">`` with a ``<head>``,
a dateline whose ``<date when="...">`` is the document's date, paragraphs, and footnotes as
``<note>`` elements. The document's text is its blocks separated by blank lines, with the
footnotes moved to the end (the source note first, marked ``* Source:``), as in the plain-text
FRUS sample.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from lxml import etree

from rift.errors import InputError

TEI_NS = "http://www.tei-c.org/ns/1.0"
FRUS_NS = "http://history.state.gov/frus/ns/1.0"

# elements whose content is a paragraph of its own
_BLOCKS = {
    "head", "p", "opener", "closer", "dateline", "salute", "signed", "postscript", "item",
    "row", "quote", "lg", "l", "ab", "list", "table", "listBibl", "bibl", "label",
}
_SKIP = {"pb", "figure", "graphic", "fw"}
_ISO_DAY = re.compile(r"^(-?\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True)
class TeiDocument:
    """One document of a volume: its ``xml:id``, date (``YYYY-MM-DD`` or None), title, text."""

    id: str
    date: str | None
    title: str | None
    text: str


def _local(tag) -> str:
    if not isinstance(tag, str):
        return ""  # comments and processing instructions
    return tag.rsplit("}", 1)[-1]


def _is_document(elem) -> bool:
    return _local(elem.tag) == "div" and elem.get("type") == "document"


def _day(value: str | None) -> str | None:
    m = _ISO_DAY.match((value or "").strip())
    return m.group(1) if m else None


def _document_date(div) -> str | None:
    """The date of the document: its dateline's ``<date when>``, else FRUS's date attribute."""
    for date in div.iter(f"{{{TEI_NS}}}date", "date"):
        parent = date.getparent()
        while parent is not None and parent is not div and _local(parent.tag) != "dateline":
            parent = parent.getparent()
        if parent is not None and _local(parent.tag) == "dateline":
            day = _day(date.get("when") or date.get("notBefore") or date.get("from"))
            if day:
                return day
    return _day(div.get(f"{{{FRUS_NS}}}doc-dateTime-min"))


class _TextWriter:
    """Walks a document element, collecting block texts and footnotes."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.notes: list[str] = []

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if text:
            self.blocks.append(text)
        self.current = []

    def _note(self, elem) -> None:
        body = re.sub(r"\s+", " ", "".join(elem.itertext())).strip()
        if not body:
            return
        if elem.get("type") == "source":
            self.notes.insert(0, "* " + body if body.lower().startswith("source") else "* Source: " + body)
        else:
            self.notes.append(f"{elem.get('n')} {body}" if elem.get("n") else body)

    def walk(self, root) -> None:
        """Collect the text under ``root``.

        Iterative rather than recursive: a volume may nest elements deeper than Python's
        recursion limit (libxml2 allows 2,048 levels)."""
        stack = [(root, True)]
        while stack:
            node, opening = stack.pop()
            if not opening:
                if _local(node.tag) in _BLOCKS:
                    self._flush()
                if node is not root and node.tail:
                    self.current.append(node.tail)
                continue
            name = _local(node.tag)
            if name == "note" or name in _SKIP or not name:
                if name == "note":
                    self._note(node)
                if node is not root and node.tail:
                    self.current.append(node.tail)
                continue
            if name in _BLOCKS:
                self._flush()
            if node.text:
                self.current.append(node.text)
            stack.append((node, False))
            stack.extend((child, True) for child in reversed(list(node)))

    def text(self) -> str:
        """The blocks, then the notes, separated by blank lines."""
        self._flush()
        parts = self.blocks + self.notes
        return "\n\n".join(parts)


def _title(div) -> str | None:
    for head in div.iter(f"{{{TEI_NS}}}head", "head"):
        writer = _TextWriter()
        writer.walk(head)
        return writer.blocks[0] if writer.blocks else None
    return None


def _doc_id(div, index: int) -> str:
    """The document's ``xml:id``, else its number, else its position in the volume."""
    return div.get("{http://www.w3.org/XML/1998/namespace}id") or div.get("n") or f"#{index + 1}"


def document_of(div, index: int = 0) -> TeiDocument:
    """Turn a ``<div type="document">`` element (the ``index``-th of its volume) into a
    :class:`TeiDocument`."""
    writer = _TextWriter()
    writer.walk(div)
    return TeiDocument(id=_doc_id(div, index), date=_document_date(div), title=_title(div), text=writer.text())


def _outermost_documents(path: Path) -> Iterator:
    """Yield each outermost document ``<div>`` once it is parsed, freeing what came before."""
    context = etree.iterparse(str(path), events=("end",), huge_tree=True, resolve_entities=False, no_network=True)
    for _event, elem in context:
        if not _is_document(elem):
            continue
        if any(_is_document(a) for a in elem.iterancestors()):
            continue  # a document nested in another (an enclosure) belongs to its parent's text
        yield elem
        # keep memory bounded: drop this document and everything parsed before it
        elem.clear(keep_tail=False)
        parent = elem.getparent()
        if parent is not None:
            while elem.getprevious() is not None:
                del parent[0]


def iter_tei(path: str | Path) -> Iterator[TeiDocument]:
    """Stream the documents of a TEI volume, one :class:`TeiDocument` at a time.

    Raises:
        InputError: the file cannot be read or is not well-formed XML (documents before the
            error have been yielded already).
    """
    try:
        for i, div in enumerate(_outermost_documents(Path(path))):
            yield document_of(div, i)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path}: not well-formed XML ({str(exc).splitlines()[0][:160]})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def count_tei(path: str | Path) -> list[str]:
    """The ids of a volume's documents, in order (cheaply: no text is built)."""
    ids: list[str] = []
    try:
        for i, div in enumerate(_outermost_documents(Path(path))):
            ids.append(_doc_id(div, i))
    except (etree.XMLSyntaxError, OSError):
        pass  # the reading pass reports it
    return ids
