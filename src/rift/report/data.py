"""The data behind the report: the records of an analysis plus the links between them that the
page needs (which citations back which event, claim or causal link; which events a source backs).

Everything here is plain JSON-ready dicts built from the typed records, so the page, the web
API and the tests all read the same shapes.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any, Iterable

from rift import __version__
from rift.records import CitationRef, Citation, Event

REPORT_SCHEMA = 1


def _finite(value: Any) -> Any:
    """Replace NaN and infinities (not valid JSON) with None, recursively."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def _finite_top(row: dict) -> dict:
    """:func:`_finite` for the top-level values of a flat record row (cheap for big tables)."""
    for k, v in row.items():
        if isinstance(v, float) and not math.isfinite(v):
            row[k] = None
    return row


def dyad_key(source: str, target: str | None) -> str:
    """The undirected actor pair an event belongs to: ``"CHN-SUN"`` (codes sorted), or the
    lone actor code when the event has no target."""
    if not target or target == source:
        return source
    a, b = sorted((source, target))
    return f"{a}-{b}"


def _resolve_refs(refs: Iterable[CitationRef], doc: str, by_id: dict[str, Citation],
                  by_author: dict[tuple[str, str], list[Citation]]) -> list[str]:
    """Citation ids for the short references a record carries (by id, else author and pages)."""
    out: list[str] = []
    for ref in refs:
        if ref.id and ref.id in by_id:
            out.append(ref.id)
            continue
        for c in by_author.get((doc, (ref.author or "").lower()), []):
            if ref.pages is None or c.pages == ref.pages:
                out.append(c.id)
                break
    return list(dict.fromkeys(out))


def _sentence_citations(doc: str, index: int | None, by_sentence: dict[tuple[str, int], list[str]]) -> list[str]:
    if index is None:
        return []
    return by_sentence.get((doc, index), [])


def _citation_row(c: Citation, sentence_spans: dict[tuple[str, int], tuple[int, int]]) -> dict:
    """A citation with ``span``: the original-text offsets of the sentences it backs."""
    row = c.to_json_dict()
    spans = [sentence_spans[(c.doc, i)] for i in c.supports if (c.doc, i) in sentence_spans]
    row["span"] = [min(s for s, _ in spans), max(e for _, e in spans)] if spans else [c.start, c.end]
    return row


def _summary(result, events: list[Event]) -> dict:
    actors = {e.source for e in events} | {e.target for e in events if e.target}
    actors |= {a.code for a in result.actors}
    theses = [
        {"id": c.id, "text": c.text, "verdict": c.verdict, "doc": c.doc}
        for c in result.claims
        if c.kind == "thesis"
    ]
    verdicts = Counter(t["verdict"] or "untested" for t in theses)
    return {
        "documents": len(result.documents),
        "sentences": sum(d.n_sentences for d in result.documents),
        "actors": sorted(a for a in actors if a),
        "events": len(events),
        "dated_events": sum(1 for e in events if e.date and (e.date.start or e.date.end)),
        "sources": len({(s.doc, s.author) for s in result.sources}),
        "citations": len(result.citations),
        "causal": len(result.causal),
        "claims": len(result.claims),
        "phases": sum(len(p.phases) for p in result.phases),
        "dyads_with_phases": len(result.phases),
        "theses": theses,
        "verdicts": dict(verdicts),
    }


def report_data(result) -> dict:
    """The JSON data the report's scripts read.

    Args:
        result: an :class:`rift.api.AnalysisResult` (or anything with the same attributes).

    Returns:
        A dict with ``meta``, ``summary``, ``documents`` (with their text), ``citations``,
        ``sources``, ``events``, ``causal``, ``claims``, ``phases`` and ``series``. Events,
        causal links and claims carry ``cites`` (ids of the citations that back them) and
        causal links a ``span`` (the original-text offsets of their sentence); sources carry
        the ids of the events they back.
    """
    citations = list(result.citations)
    by_id = {c.id: c for c in citations}
    by_author: dict[tuple[str, str], list[Citation]] = {}
    by_sentence: dict[tuple[str, int], list[str]] = {}
    for c in citations:
        if c.author:
            by_author.setdefault((c.doc, c.author.lower()), []).append(c)
        for i in c.supports:
            by_sentence.setdefault((c.doc, i), []).append(c.id)
    sentence_spans = {(s.doc, s.index): (s.start, s.end) for s in result.sentences}
    events = list(result.events)

    event_rows = []
    cited_by: dict[str, list[str]] = {}
    for e in events:
        row = e.to_json_dict()
        cites = _resolve_refs(e.citations, e.doc, by_id, by_author)
        if not cites:
            cites = _sentence_citations(e.doc, e.sentence_index, by_sentence)
        row["cites"] = cites
        row["dyad"] = dyad_key(e.source, e.target)
        event_rows.append(_finite_top(row))
        for cid in cites:
            cited_by.setdefault(cid, []).append(e.id)

    causal_rows = []
    for link in result.causal:
        row = link.to_json_dict()
        span = sentence_spans.get((link.doc, link.sentence_index)) if link.sentence_index is not None else None
        if span is None:
            span = (min(link.cause.start, link.effect.start), max(link.cause.end, link.effect.end))
        row["span"] = list(span)
        row["cites"] = _sentence_citations(link.doc, link.sentence_index, by_sentence)
        causal_rows.append(_finite_top(row))

    claim_rows = []
    for claim in result.claims:
        row = claim.to_json_dict()
        cites = _resolve_refs(claim.citations, claim.doc, by_id, by_author)
        if not cites:
            # the citations that back the sentence the claim sits in
            for (doc, idx), (s, t) in sentence_spans.items():
                if doc == claim.doc and s <= claim.start < t:
                    cites = _sentence_citations(doc, idx, by_sentence)
                    break
        row["cites"] = cites
        claim_rows.append(row)

    source_rows = []
    for s in result.sources:
        row = s.to_json_dict()
        backed = list(s.events)
        for cid in s.citations:
            backed.extend(cited_by.get(cid, []))
        row["key"] = f"{s.doc}:{s.author}"
        row["events"] = list(dict.fromkeys(backed))
        source_rows.append(row)

    # records hold floats only at their top level, except claims' tests, phases and the series
    return {
        "meta": {"schema": REPORT_SCHEMA, "rift": __version__},
        "summary": _summary(result, events),
        "documents": [
            {"id": d.id, "path": d.path, "title": d.title, "n_chars": d.n_chars, "text": d.text}
            for d in result.documents
        ],
        "citations": [_citation_row(c, sentence_spans) for c in citations],
        "sources": source_rows,
        "events": event_rows,
        "causal": causal_rows,
        "claims": _finite(claim_rows),
        "phases": _finite([p.to_json_dict() for p in result.phases]),
        "series": _finite([dict(r) for r in result.series]),
    }
