"""The ``rift_causes`` and ``rift_claims`` spaCy components.

``rift_causes`` finds the causal links a text claims (``doc._.causal``): the cue lexicon
(``data/cues.yaml``) is matched once per doc, each cue's rule finds its cause and effect, pointers
back ("This reluctance ...") are resolved to the clause they point to, and each side is tied to
the event of ``doc._.events`` whose trigger it holds. Weak cues ("when", "after", "as") make a
link only when the causal-sentence classifier or a change-of-relations word agrees.

``rift_claims`` finds the author's claims about time (``doc._.claims``): the periodisation, the
thesis and turning points, and views attributed to others (see :mod:`rift.causes.claims`).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from rift.causes.classifier import CausalSentenceClassifier, default_classifier, sentence_features
from rift.causes.cues import CueMatch, CueMatcher, load_words
from rift.causes.rules import Candidate, CausalRules
from rift.causes.spans import SentenceIndex, sentence_index
from rift.records import CausalEnd, CausalLink, Event
from rift.text_utils import orig_span


class CausesComponent:
    """Callable of the ``rift_causes`` factory; the matcher and classifier are built once."""

    def __init__(self, nlp: Language, *, use_classifier: bool = True, weak_threshold: float = 0.7):
        self.matcher = CueMatcher(nlp.vocab)
        self.rules = CausalRules(self.matcher)
        self.words = load_words()
        self.weak_threshold = weak_threshold
        self.classifier: CausalSentenceClassifier | None = default_classifier() if use_classifier else None

    def sentence_probabilities(self, doc: Doc, index: SentenceIndex, which: list[int], matches: list[CueMatch]) -> dict[int, float]:
        """P(causal) of the sentences ``which`` of ``doc`` (one vectorised call)."""
        if self.classifier is None or not which or not doc.has_annotation("DEP"):
            return {}
        cues_by_sent: dict[int, list[str]] = {}
        for m in matches:
            k = index.of_token(m.start)
            if k is not None:
                cues_by_sent.setdefault(k, []).append(m.cue.cue)
        feats = [sentence_features(index.sents[k], cues_by_sent.get(k, [])) for k in which]
        probs = self.classifier.predict_proba(feats)
        return dict(zip(which, (float(p) for p in probs)))

    def _keep_weak(self, doc: Doc, c: Candidate, prob: float | None) -> float | None:
        """The confidence of a weak-cue link, or None to drop it."""
        changed = bool(core_words(doc, c.effect) & self.words.change_words)
        if c.needs_change and not changed:
            return None
        if prob is not None and prob >= self.weak_threshold:
            return c.confidence * (0.5 + 0.5 * prob)
        if changed or c.anaphoric:
            return c.confidence * (0.75 if prob is None else 0.5 + 0.5 * max(prob, 0.3))
        return None

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            doc._.causal = []  # the rules read the parse; a blank pipeline has none
            return doc
        index = sentence_index(doc)
        matches = self.matcher(doc)
        cands = self.rules(doc, index, matches)
        weak_sents = sorted({c.sent for c in cands if c.weak})
        probs = self.sentence_probabilities(doc, index, weak_sents, matches)
        kept: list[Candidate] = []
        for c in cands:
            conf: float | None = c.confidence
            if c.weak:
                conf = self._keep_weak(doc, c, probs.get(c.sent))
            if conf is not None:
                kept.append(replace(c, confidence=round(min(conf, 1.0), 3)))
        doc._.causal = links_from_candidates(doc, index, kept)
        return doc


def core_words(doc: Doc, rng: tuple[int, int]) -> set[str]:
    """The words at the core of a range: its head, the head's subject, object and complement
    (lower case and lemma) - where "Tensions became more heated" says what changed."""
    span = doc[rng[0] : rng[1]]
    root = span.root
    toks = [root] + [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "acomp", "attr", "xcomp", "oprd") and rng[0] <= c.i < rng[1]]
    for _ in range(2):  # "Relations began to improve": follow complements two levels down
        toks += [g for t in toks for g in t.children if g.dep_ in ("acomp", "dobj", "xcomp", "ccomp") and rng[0] <= g.i < rng[1] and g not in toks]
    return {t.lower_ for t in toks} | {t.lemma_.lower() for t in toks}


def _event_for(events: list[Event], a: int, b: int, head: int | None) -> str | None:
    """The event whose trigger lies in original span ``[a, b)`` (the one nearest ``head``)."""
    inside = [e for e in events if e.trigger_start is not None and e.trigger_end is not None and a <= e.trigger_start and e.trigger_end <= b]
    if not inside:
        return None
    if head is None:
        return inside[0].id
    return min(inside, key=lambda e: abs(e.trigger_start - head)).id


def _end(doc: Doc, rng: tuple[int, int], events: list[Event], ref: tuple[int, int] | None = None) -> CausalEnd:
    """One side of a link; its event is looked up in ``ref`` (an antecedent) when given."""
    span = doc[rng[0] : rng[1]]
    a, b = orig_span(doc, span.start_char, span.end_char)
    look = doc[ref[0] : ref[1]] if ref else span
    la, lb = orig_span(doc, look.start_char, look.end_char)
    root = look.root
    head = orig_span(doc, root.idx, root.idx + len(root.text))[0]
    event = _event_for(events, la, lb, head)
    if event is None and ref:
        event = _event_for(events, a, b, None)
    return CausalEnd(text=span.text, start=a, end=b, event=event)


def links_from_candidates(doc: Doc, index: SentenceIndex, cands: list[Candidate]) -> list[CausalLink]:
    """Turn the rules' candidates into :class:`CausalLink` records (original offsets, event ids)."""
    doc_id = doc._.rift_doc_id or ""
    events = list(doc._.events or [])
    links = []
    for i, c in enumerate(cands):
        sent = index.sents[c.sent]
        links.append(
            CausalLink(
                id=f"{doc_id}:l{i}",
                doc=doc_id,
                cause=_end(doc, c.cause, events, c.cause_ref),
                effect=_end(doc, c.effect, events),
                cue=c.cue,
                confidence=c.confidence,
                sentence=sent.text.strip(),
                sentence_index=c.sent,
            )
        )
    return links


def annotate_causes(doc: Doc) -> Doc:
    """Set ``doc._.causal`` with a matcher built for this doc's vocabulary (convenience)."""
    from spacy.lang.en import English

    nlp = English(vocab=doc.vocab)
    return CausesComponent(nlp)(doc)


def annotate_claims(doc: Doc) -> Doc:
    """Set ``doc._.claims``."""
    from rift.causes.claims import ClaimFinder

    return ClaimFinder()(doc)


@Language.factory(
    "rift_causes",
    requires=["doc._.events", "doc._.citations"],
    assigns=["doc._.causal"],
    default_config={"use_classifier": True, "weak_threshold": 0.7},
)
def make_causes(nlp: Language, name: str, use_classifier: bool, weak_threshold: float):
    """Causal links the text claims (``doc._.causal``)."""
    return CausesComponent(nlp, use_classifier=use_classifier, weak_threshold=weak_threshold)


@Language.factory(
    "rift_claims",
    requires=["doc._.timex_spans", "doc._.citations"],
    assigns=["doc._.claims"],
    default_config={},
)
def make_claims(nlp: Language, name: str):
    """The author's claims about time (``doc._.claims``)."""
    from rift.causes.claims import ClaimFinder

    return ClaimFinder()
