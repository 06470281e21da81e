"""Helpers every stage shares: the document's sentences and offsets back to the original text."""

from __future__ import annotations

import hashlib

from spacy.tokens import Doc, Span

from rift.clean.offsets import OffsetMap


def doc_id_for(text: str) -> str:
    """The id of a document: the first 16 hex digits of the SHA-256 of its text as read."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences, without whitespace-only ones (cached on the doc)."""
    cached = doc.user_data.get("rift_sents")
    if cached is not None and len(cached) and cached[0].doc is doc:
        return cached
    sents = [s for s in doc.sents if s.text.strip()] if doc.has_annotation("SENT_START") or len(doc) else []
    doc.user_data["rift_sents"] = sents
    return sents


def containing(spans: list[Span], pos: int, *, by_char: bool = False) -> int | None:
    """Index of the span (in a sorted, non-overlapping list) holding token ``pos``, or
    character ``pos`` when ``by_char``; None when it falls between or outside them."""
    lo, hi = 0, len(spans) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = spans[mid]
        start, end = (s.start_char, s.end_char) if by_char else (s.start, s.end)
        if pos < start:
            hi = mid - 1
        elif pos >= end:
            lo = mid + 1
        else:
            return mid
    return None


def sentence_index(doc: Doc, char: int) -> int | None:
    """Index (in :func:`sentences`) of the sentence holding cleaned offset ``char``."""
    return containing(sentences(doc), char, by_char=True)


def offsets(doc: Doc) -> OffsetMap:
    """The offset map of a doc (identity when the text was not repaired)."""
    omap = doc._.rift_offsets
    if omap is None:
        omap = OffsetMap.identity(len(doc.text))
        doc._.rift_offsets = omap
    return omap


def orig_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Original-text offsets of the cleaned span ``[start, end)``."""
    return offsets(doc).span_to_orig(start, end)


def paragraph_of(doc: Doc, char: int) -> int:
    """Index of the paragraph holding cleaned offset ``char``."""
    starts = doc._.rift_paragraphs or [0]
    idx = 0
    for i, s in enumerate(starts):
        if s <= char:
            idx = i
        else:
            break
    return idx
