"""Many narratives of one relationship: near-duplicate events merged, date conflicts flagged.

Two events from *different* documents are accounts of the same event when they have the same
source, target and PLOVER category and their sentences are worded alike (token Jaccard of
their content words, :func:`similarity`). Then:

* if their dates overlap (or one is undated) they become one event: the first account in input
  order is kept (its id, sentence and offsets), ``sources`` lists every document that reports
  it, its citations are the union of theirs, its date is the first account's (or the first
  dated one's), its confidence the highest;
* if both are dated and the dates do not overlap, they disagree: both accounts are kept, each
  flagged ``disagreement=True`` with the other's documents added to its ``sources``. The index
  counts each at half weight (:data:`rift.analysis.weights.DISAGREEMENT_WEIGHT`). A
  disagreement needs closer wording (``MergeRules.disagreement``) than a merge, since two
  differently dated events with alike sentences may well be two events.

Events from the same document are never merged. Every event leaves with ``sources`` set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from rift.analysis.weights import event_days
from rift.records import CitationRef, Event

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class MergeRules:
    """The two wording thresholds of merging (token Jaccard, 0..1)."""

    same_event: float = 0.25
    disagreement: float = 0.4


DEFAULT_MERGE_RULES = MergeRules()


def tokens(text: str) -> frozenset[str]:
    """Content words of a sentence: lower-cased, stop words, numbers and 1-2 letter words
    dropped, a plural ``s`` stripped (numbers go because dates are compared on their own)."""
    out = set()
    for w in _WORD.findall(text.lower().replace("’", "'")):
        if len(w) < 3 or w in STOP_WORDS:
            continue
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return frozenset(out)


def similarity(a: Event, b: Event) -> float:
    """Token Jaccard of two events' sentences (0 when both are empty)."""
    ta, tb = tokens(a.sentence), tokens(b.sentence)
    union = ta | tb
    return len(ta & tb) / len(union) if union else 0.0


def dates_overlap(a: Event, b: Event) -> bool | None:
    """Whether two events' date intervals overlap; None when either is undated."""
    da, db = event_days(a), event_days(b)
    if da is None or db is None:
        return None
    return da[0] <= db[1] and db[0] <= da[1]


@dataclass
class _Cluster:
    members: list[Event]
    docs: list[str]
    linked: list[int] = field(default_factory=list)

    @property
    def key(self) -> tuple:
        e = self.members[0]
        return e.source, e.target, e.category


def _citations(events: Iterable[Event]) -> list[CitationRef]:
    seen = {}
    for e in events:
        for c in e.citations:
            seen.setdefault((c.author, c.pages, c.id), c)
    return list(seen.values())


def _dated(cluster: _Cluster) -> Event:
    return next((m for m in cluster.members if m.date is not None and event_days(m) is not None), cluster.members[0])


def merge_events(events: Iterable[Event], rules: MergeRules = DEFAULT_MERGE_RULES) -> list[Event]:
    """Merge accounts of one event across documents and flag accounts that disagree on the date.

    Returns the events in input order (merged accounts in the place of their first one), each
    with ``sources`` set; see the module docstring for the rules.
    """
    clusters: list[_Cluster] = []
    for ev in events:
        key = (ev.source, ev.target, ev.category)
        best, best_sim = None, rules.same_event
        for i, cl in enumerate(clusters):
            if cl.key != key or ev.doc in cl.docs or dates_overlap(ev, _dated(cl)) is False:
                continue
            sim = max(similarity(ev, m) for m in cl.members)
            if sim >= best_sim:
                best, best_sim = i, sim
        if best is not None:
            clusters[best].members.append(ev)
            clusters[best].docs.append(ev.doc)
            continue
        clusters.append(_Cluster([ev], [ev.doc]))
        new = len(clusters) - 1
        for i, cl in enumerate(clusters[:-1]):
            if cl.key != key or ev.doc in cl.docs or dates_overlap(ev, _dated(cl)) is not False:
                continue
            if max(similarity(ev, m) for m in cl.members) >= rules.disagreement:
                cl.linked.append(new)
                clusters[new].linked.append(i)
    return [_emit(cl, clusters) for cl in clusters]


def _emit(cl: _Cluster, clusters: list[_Cluster]) -> Event:
    first = cl.members[0]
    docs = list(dict.fromkeys([*first.sources, *cl.docs, *(d for m in cl.members for d in m.sources)]))
    update: dict = {"sources": docs}
    if len(cl.members) > 1:
        dated = _dated(cl)
        update["date"] = dated.date
        update["citations"] = _citations(cl.members)
        update["confidence"] = max(m.confidence for m in cl.members)
    if cl.linked:
        update["disagreement"] = True
        update["sources"] = list(dict.fromkeys([*docs, *(d for i in cl.linked for d in clusters[i].docs)]))
    return first.model_copy(update=update)
