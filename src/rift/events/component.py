"""The ``rift_events`` spaCy component: dyadic events with category, intensity, date and sources."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from rift.actors.timeline import clause_timespan
from rift.events.classify import intensity, quad
from rift.events.extract import ActorRef, DocActors, EventExtractor, Frame
from rift.events.lexicon import Lexicon, load_lexicon
from rift.records import CitationRef, Event
from rift.text_utils import orig_span, sentences


def _citations(doc: Doc, index: int) -> list[CitationRef]:
    try:
        from rift.citations.component import citations_for_sentence
    except ImportError:  # pragma: no cover - the citations stage ships with rift
        return []
    refs = []
    for c in citations_for_sentence(doc, index):
        refs.append(CitationRef(author=c.author or "ibid.", pages=c.pages, id=c.id))
    return refs


class EventCoder:
    """Turns the frames of a doc into :class:`~rift.records.Event` records."""

    def __init__(self, lex: Lexicon | None = None):
        self.lex = lex or load_lexicon()
        self.extractor = EventExtractor(self.lex)
        conf = self.lex.scoring.get("confidence") or {}
        self.conf_fallback = float(conf.get("fallback_target", 0.6))
        self.conf_kind = {"pronoun": float(conf.get("pronoun", 0.9)), "collective": float(conf.get("collective", 0.8))}

    def dyads(self, frame: Frame, A: DocActors) -> list[tuple[ActorRef, ActorRef, float]]:
        """(source, target, confidence) pairs of a frame; reciprocal frames go both ways."""
        sources, targets = frame.sources, frame.targets
        src_codes = {s.code for s in sources}
        targets = [t for t in targets if t.code not in src_codes]
        if frame.reciprocal:
            pool = list(sources) + [t for t in targets]
            if len({p.code for p in pool}) < 2:
                other = A.partner(frame.sent, frame.trigger.start, {p.code for p in pool})
                if other is None:
                    return []
                pool.append(other)
            return [(a, b, frame.confidence) for a in pool for b in pool if a.code != b.code]
        conf = frame.confidence
        if not targets:
            if frame.blocked:
                return []
            other = A.partner(frame.sent, frame.trigger.start, src_codes)
            if other is None:
                if len(sources) >= 2:  # two actors and no one else around: they act on each other
                    return [(a, b, conf) for a in sources for b in sources if a.code != b.code]
                return []
            targets = [other]
            conf = min(conf, self.conf_fallback)
        return [(s, t, conf) for s in sources for t in targets if s.code != t.code]

    def __call__(self, doc: Doc) -> Doc:
        doc_id = doc._.rift_doc_id or ""
        sents = sentences(doc)
        if not doc.has_annotation("DEP") or not doc._.actor_spans:
            doc._.events = []
            return doc
        A = DocActors(doc)
        frames = self.extractor.frames(doc, sents, A)
        events: list[Event] = []
        seen: set[tuple] = set()
        cites: dict[int, list[CitationRef]] = {}
        dates: dict[int, object] = {}
        for frame in frames:
            sent = sents[frame.sent]
            trig = frame.trigger
            if frame.coding.factor == 0:
                continue  # "did not intervene": a negated conflict is no event (PLOVER leaves them out)
            for src, tgt, conf in self.dyads(frame, A):
                key = (frame.sent, trig.start, src.code, tgt.code)
                if key in seen:
                    continue
                seen.add(key)
                conf = min(conf, self.conf_kind.get(src.kind, 1.0), self.conf_kind.get(tgt.kind, 1.0))
                if frame.sent not in cites:
                    cites[frame.sent] = _citations(doc, frame.sent)
                if trig.start not in dates:
                    dates[trig.start] = clause_timespan(doc, trig)
                s0, s1 = orig_span(doc, sent.start_char, sent.end_char)
                t0, t1 = orig_span(doc, trig.start_char, trig.end_char)
                c = frame.coding
                events.append(
                    Event(
                        id=f"{doc_id}:e{len(events)}",
                        doc=doc_id,
                        sentence=sent.text.strip(),
                        sentence_index=frame.sent,
                        start=s0,
                        end=s1,
                        trigger=trig.text,
                        trigger_start=t0,
                        trigger_end=t1,
                        source=src.code,
                        target=tgt.code,
                        source_text=src.text,
                        target_text=tgt.text,
                        category=c.category,
                        plover_mode=c.plover_mode,
                        mode=c.mode,
                        kind=c.kind,
                        negated=c.negated,
                        intensity=intensity(c, self.lex),
                        quad=quad(c.category, self.lex),
                        date=dates[trig.start],
                        citations=cites[frame.sent],
                        confidence=round(conf, 2),
                    )
                )
        doc._.events = events
        return doc


_DEFAULT_CODER: list[EventCoder] = []


def annotate_events(doc: Doc, coder: EventCoder | None = None) -> Doc:
    """Set ``doc._.events`` on a parsed doc with actors (a default coder is built on first use)."""
    if coder is None:
        if not _DEFAULT_CODER:
            _DEFAULT_CODER.append(EventCoder())
        coder = _DEFAULT_CODER[0]
    return coder(doc)


@Language.factory(
    "rift_events",
    requires=["doc._.actors", "doc._.timexes", "doc._.citations"],
    assigns=["doc._.events"],
    default_config={},
)
def make_events(nlp: Language, name: str):
    """Dyadic events (``doc._.events``)."""
    return EventCoder()
