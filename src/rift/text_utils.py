"""Helpers every stage shares: the document's sentences and offsets back to the original text."""

from __future__ import annotations

import hashlib

from spacy.tokens import Doc, Span, Token

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


def list_head_in_date(subj: Token) -> Token | None:
    """'At the end of December Washington, London and Paris rejected the notes': the parser reads
    "December Washington" as one name inside the date, so a listed subject's first member hangs
    on the date's preposition. Returns that first member when it stands just before the comma
    that opens the subject, carries the month as a compound and hangs on the subject's verb."""
    doc = subj.doc
    j = subj.left_edge.i
    if j < 2 or doc[j - 1].text != "," or not subj.conjuncts or subj.dep_ not in ("nsubj", "nsubjpass"):
        return None
    w = doc[j - 2]
    if w.pos_ != "PROPN" or not any(c.dep_ == "compound" and c.ent_type_ == "DATE" for c in w.children):
        return None
    h = w
    while h.head.i != h.i and h.head.i != subj.head.i:
        h = h.head
    if h.dep_ != "prep" or h.head.i != subj.head.i or h.i > w.i:
        return None
    return w


def orphan_subject(verb: Token) -> Token | None:
    """The noun just before a finite verb that the parser hung elsewhere, when the verb has no subject.

    "..., while China fought a war with India, the Soviet Union at first leaned towards Peking":
    the parser makes 'the Soviet Union' an apposition of 'India' and leaves 'leaned' without one.
    """
    if verb.dep_ not in ("ROOT", "conj", "advcl", "ccomp"):
        return None
    # a subjectless ROOT past form is often mis-tagged as a participle
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or (verb.tag_ == "VBN" and verb.dep_ == "ROOT")
    if not finite or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return None
    skip = {t.i for c in verb.children if c.i < verb.i and c.dep_ in ("advmod", "prep", "npadvmod", "aux", "neg") for t in c.subtree}
    i = verb.i - 1
    while i >= verb.sent.start and i in skip and not _stranded(verb.doc[i], verb):
        i -= 1
    if i < verb.sent.start:
        return None
    tok = verb.doc[i]
    if tok.pos_ not in ("PROPN", "NOUN") or tok.head.i == verb.i:
        return None
    if tok.dep_ in ("dobj", "pobj"):
        return tok if _stranded(tok, verb) else None
    if tok.dep_ not in ("appos", "conj", "npadvmod"):
        return None
    return tok


def _stranded(tok: Token, verb: Token) -> bool:
    """'After two years of stalemate the two sides signed': a definite noun phrase swallowed by the
    phrase before a subjectless root, right before it."""
    return (
        tok.i == verb.i - 1
        and verb.dep_ == "ROOT"
        and tok.pos_ in ("PROPN", "NOUN")
        and tok.dep_ in ("dobj", "pobj")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    )


def had_aux(verb) -> bool:
    """Whether ``verb`` has the auxiliary of a past perfect ("had signed", "'d gone")."""
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def in_look_back(tok) -> bool:
    """Whether ``tok`` is in a past-perfect clause ("Hitler had signed that agreement with ...")."""
    verb = tok
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ != "aux":
            return verb.tag_ == "VBN" and had_aux(verb)
        if verb.head.i == verb.i:
            return False
        verb = verb.head
    return False
