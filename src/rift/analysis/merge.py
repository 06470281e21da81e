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
from functools import lru_cache
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


@lru_cache(maxsize=65536)
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
    return _jaccard(tokens(a.sentence), tokens(b.sentence))


def dates_overlap(a: Event, b: Event) -> bool | None:
    """Whether two events' date intervals overlap; None when either is undated."""
    return _overlap(event_days(a), event_days(b))


def _overlap(da: tuple[int, int] | None, db: tuple[int, int] | None) -> bool | None:
    if da is None or db is None:
        return None
    return da[0] <= db[1] and db[0] <= da[1]


def _jaccard(a: frozenset, b: frozenset) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


@dataclass
class _Cluster:
    members: list[Event]
    docs: set[str]
    words: list[frozenset]  # content words of each member's sentence
    days: tuple[int, int] | None  # date of the first dated member
    linked: list[int] = field(default_factory=list)

    def add(self, ev: Event, words: frozenset, days: tuple[int, int] | None) -> None:
        self.members.append(ev)
        self.docs.add(ev.doc)
        self.words.append(words)
        if self.days is None:
            self.days = days

    def likeness(self, words: frozenset) -> float:
        return max(_jaccard(words, w) for w in self.words)


def _citations(events: Iterable[Event]) -> list[CitationRef]:
    seen = {}
    for e in events:
        for c in e.citations:
            seen.setdefault((c.author, c.pages, c.id), c)
    return list(seen.values())


def _dated(cluster: _Cluster) -> Event:
    return next((m for m in cluster.members if event_days(m) is not None), cluster.members[0])


def merge_events(events: Iterable[Event], rules: MergeRules = DEFAULT_MERGE_RULES) -> list[Event]:
    """Merge accounts of one event across documents and flag accounts that disagree on the date.

    Returns the events in input order (merged accounts in the place of their first one), each
    with ``sources`` set; see the module docstring for the rules.
    """
    clusters: list[_Cluster] = []
    by_key: dict[tuple, list[int]] = {}  # only accounts with the same actors and category compare
    for ev in events:
        candidates = by_key.setdefault((ev.source, ev.target, ev.category), [])
        words, days = tokens(ev.sentence), event_days(ev)
        best, best_sim = None, rules.same_event
        for i in candidates:
            cl = clusters[i]
            if ev.doc in cl.docs or _overlap(days, cl.days) is False:
                continue
            sim = cl.likeness(words)
            if sim >= best_sim:
                best, best_sim = i, sim
        if best is not None:
            clusters[best].add(ev, words, days)
            continue
        new = len(clusters)
        clusters.append(_Cluster([ev], {ev.doc}, [words], days))
        for i in candidates:
            cl = clusters[i]
            if ev.doc in cl.docs or _overlap(days, cl.days) is not False:
                continue
            if cl.likeness(words) >= rules.disagreement:
                cl.linked.append(new)
                clusters[new].linked.append(i)
        candidates.append(new)
    return [_emit(cl, clusters) for cl in clusters]


def _emit(cl: _Cluster, clusters: list[_Cluster]) -> Event:
    first = cl.members[0]
    reported = [*first.sources, *(m.doc for m in cl.members), *(d for m in cl.members for d in m.sources)]
    docs = list(dict.fromkeys(reported))
    update: dict = {"sources": docs}
    if len(cl.members) > 1:
        dated = _dated(cl)
        update["date"] = dated.date
        update["citations"] = _citations(cl.members)
        update["confidence"] = max(m.confidence for m in cl.members)
    if cl.linked:
        update["disagreement"] = True
        others = (m.doc for i in cl.linked for m in clusters[i].members)
        update["sources"] = list(dict.fromkeys([*docs, *others]))
    return first.model_copy(update=update)
