"""The ``rift_events`` spaCy component: dyadic events with category, intensity, date and sources."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from rift.actors.timeline import clause_timespan
from rift.events.classify import intensity, quad
from rift.events.extract import JOINING, SIGNED_DOCUMENTS, TRUCE_NOUNS, ActorRef, DocActors, EventExtractor, Frame, declared_void
from rift.events.lexicon import Lexicon, load_lexicon
from rift.records import CitationRef, Event
from rift.text_utils import orig_span, paragraph_of, sentences


# acts that answer an earlier blow, and the blows they answer
REACTIONS = frozenset({"counterattack", "counter-attack", "retaliate", "riposte", "avenge", "counter"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "SANCTION"})
QUARREL = HOSTILE | {"ACCUSE", "REJECT", "PROTEST", "REQUEST"}  # acts of sides at odds
# a sentence in which the essay states its own argument ("This essay argues that ..."): a claim
# about the story, no act it tells (its periodisation, "I divide the period into ...", still names acts)
ESSAY_ARGUES = re.compile(
    r"^(?:(?:This|The present|My) (?:essay|paper|study|chapter|article|dissertation) (?:argues|contends|suggests|maintains|"
    r"claims|will argue|will show|shows)|In this (?:essay|paper|study|chapter),? I (?:will )?(?:argue|contend|show)|"
    r"I (?:will |shall |would )?(?:argue|contend))\b")
NAMED_AGAIN_WINDOW = 8  # sentences back a definite event noun takes the date of the same act told with a date
ANAPHORA_WINDOW = 5  # sentences back an event noun ("the blockade") looks for the event it names
ANSWER_WINDOW = 3  # sentences back an answer looks for the question it answers
ASKING = frozenset({"REQUEST", "CONSULT", "THREATEN", "ACCUSE", "AGREE"})  # acts that call for an answer (a proposal too)
MEDIATING = frozenset({"mediate", "arbitrate"})  # acts that come between two others
MEDIATION_WINDOW = 3  # sentences back a mediator looks for the two it comes between
DEALT_WINDOW = 0  # sentences back an act with no one named looks for whom its actor last dealt with (0: its own)
NAMED_ANAPHORA_WINDOW = 30  # ... and for an act that named the same noun ("imposed a trade embargo")


# categories of acts told about a thing done before ("deplored the invasion"): aimed at whoever did it
ABOUT_A_DEED = frozenset({"ACCUSE", "REJECT", "PROTEST", "SANCTION", "REQUEST"})


class Told(NamedTuple):
    """One dyad of an event coded earlier in the document, as later events look back at it."""

    sent: int
    lemma: str  # the trigger's lemma
    category: str
    source: str
    target: str
    year: int | None
    obj: str | None  # the lemma of the trigger's direct object ("imposed an embargo": "embargo")


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
        self.conf_kind = {"pronoun": float(conf.get("pronoun", 0.9)), "collective": float(conf.get("collective", 0.8)),
                          "anaphor": float(conf.get("anaphor", 0.8)), "event": float(conf.get("event", 0.9))}

    def struck_first(self, frame: Frame, history: list[Told]) -> tuple[str, object] | None:
        """'In February the Ethiopians and Cubans counterattacked': a reaction with no target named
        is aimed at whoever last acted against the reacting side. Returns (actor code, trigger)."""
        trig = frame.trigger.root
        if trig.lemma_.lower() not in REACTIONS and not (
            trig.lemma_.lower() in ("hit", "strike", "fight") and any(c.lower_ == "back" for c in trig.children)
        ):
            return None
        src = {s.code for s in frame.sources}
        for told in _told_within(history, frame.sent, ANAPHORA_WINDOW):
            if told.target in src and told.source not in src and told.category in HOSTILE:
                return told.source, trig
        return None

    def antecedent(self, frame: Frame, history: list[Told]) -> tuple[str | tuple[str, ...], object] | None:
        """The party of an earlier event that a definite event noun object refers back to.

        "Moscow lifted the blockade" after "the Soviets blockaded West Berlin": whoever the
        blockade was aimed at; "Khrushchev denounced the quarantine" after "Kennedy announced a
        naval quarantine": whoever imposed it; "the UN condemned the invasion": the latest event
        of the noun's category; or, farther back, the act that named the same noun ("imposed a
        trade embargo on Nicaragua" ... "lifted the embargo"). ``history`` holds the dyads coded so
        far (:class:`Told`). Returns (actor code, the object token).
        """
        trig = frame.trigger.root
        # "declared the annexation null and void" (the parser may make 'null' the object)
        obj = declared_void(trig)
        obj = obj if obj is not None else next((c for c in trig.children if c.dep_ == "dobj"), None)
        if obj is None and any(c.dep_ == "auxpass" for c in trig.children):
            obj = next((c for c in trig.children if c.dep_ == "nsubjpass"), None)  # "the invasion was condemned by the UN"
        window = ANAPHORA_WINDOW
        if obj is not None and obj.lower_ in ("it", "this") and not obj.ent_type_:
            # "The invasion divided the communist world ... Ceausescu denounced it": the event noun
            # that opened the sentence before (or this one) is what 'it' stands for
            named = _event_noun_before(obj, self.extractor)
            if named is None:
                return None
            obj_named = named
            window = 2 * ANAPHORA_WINDOW  # a topic ("The invasion divided ...") may look back over a paragraph
        elif obj is None or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                                    for c in (*obj.children, *(obj.head.children if obj.dep_ == "compound" else ()))):
            return None  # (a compound's article is its head's: "declared [the Rio Protocol] null", parsed as one noun)
        else:
            obj_named = obj
        anchor_obj, obj = obj, obj_named
        entry = self.extractor.noun_entry(obj)
        if entry is None and obj.lemma_.lower() in SIGNED_DOCUMENTS:
            # "declared the Rio Protocol null and void": against whoever signed it with the actor
            src = {s.code for s in frame.sources}
            for told in reversed(history):
                if told.sent < frame.sent - NAMED_ANAPHORA_WINDOW:
                    break
                if told.obj == obj.lemma_.lower() and told.source in src and told.target not in src:
                    return (told.target, anchor_obj)
            return None
        if entry is None or any(c.dep_ in ("poss", "compound", "amod", "prep") and c.pos_ in ("PROPN", "PRON", "ADP") and c.lower_ != "as"
                                and not (c.dep_ == "compound" and obj.lemma_.lower() in SIGNED_DOCUMENTS)
                                for c in obj.children):  # ("condemned the raid as an armed invasion": what it called it;
            return None  # but "the Rio Protocol" is the protocol's name)
        lemma = obj.lemma_.lower()
        src = {s.code for s in frame.sources}
        # "renounced the 1974 treaty": the act of that year, however far back it was told
        named_year = next((int(c.text) for c in obj.children if c.dep_ in ("nummod", "compound", "amod") and c.text.isdigit() and len(c.text) == 4), None)
        # the act that named the same noun first, however many sentences back ("imposed a trade embargo
        # on Nicaragua" ... "lifted the embargo"); else the latest act of the noun's category nearby
        for same_noun in (True, False):
            for sent, trig_lemma, category, a, b, year, obj_lemma in reversed(history):
                if named_year is not None:
                    if year != named_year:
                        continue
                elif sent < frame.sent - (NAMED_ANAPHORA_WINDOW if same_noun else window):
                    break
                if (lemma in (trig_lemma, obj_lemma)) if same_noun else (entry.cat is not None and category == entry.cat):
                    if trig.lemma_.lower() in ("return", "repay"):
                        if b in src and a not in src:
                            return (a, anchor_obj)  # "Brezhnev returned the visit": to whoever had visited him
                        continue
                    if trig.lemma_.lower() in JOINING:
                        return (b, anchor_obj) if b not in src else None  # "joined the boycott": against whom it was aimed
                    if same_noun and lemma != trig_lemma and category != entry.cat and category in ABOUT_A_DEED:
                        # "The OAS deplored the invasion ... The Soviet Union also condemned the invasion": an
                        # act told about the thing before points at its doer, the one it was aimed at
                        return (b, anchor_obj) if b not in src else None
                    if a not in src:
                        # "Soviet, Polish, Hungarian and Bulgarian troops crossed the border" ... "denounced
                        # it": of several sides told in one clause, the one named first led
                        a = next(t.source for t in history if t.sent == sent and t.lemma == trig_lemma and t.target == b)
                    other = b if a in src else a
                    if other in src:
                        return None
                    if a in src:
                        # "Stalin blockaded the American, British and French sectors ... Moscow lifted the blockade":
                        # lifted for all it was aimed at
                        aimed = tuple(dict.fromkeys(t.target for t in history if t.sent == sent and t.lemma == trig_lemma
                                                    and t.source == a and t.target not in src))
                        return (aimed if len(aimed) > 1 else other, anchor_obj)
                    return (other, anchor_obj)
        return None

    def dyads(self, frame: Frame, A: DocActors, history: list[Told] | None = None,
              by_token: dict[int, Frame] | None = None) -> list[tuple[ActorRef, ActorRef, float]]:
        """(source, target, confidence) pairs of a frame; reciprocal frames go both ways. ``by_token``
        holds the document's frames by trigger token (a journey's act looks up the journey)."""
        sources, targets = frame.sources, frame.targets
        src_codes = {s.code for s in sources}
        targets = [t for t in targets if t.code not in src_codes]
        if not targets and frame.trigger.root.lemma_.lower() in MEDIATING and history:
            # "the United States, Argentina and Brazil offered to mediate": between the two last told
            # dealing with each other, not among themselves
            parties = _disputants(frame, src_codes, history, A)
            if parties:
                return [(s, p, frame.confidence) for s in sources for p in parties]
        if frame.reciprocal:
            pool = list(sources) + [t for t in targets]
            if not pool:
                pool = _pair_just_told(frame, history or [], A)  # "an agreement was signed there"
            if len({p.code for p in pool}) > 4 and all(p.kind == "collective" for p in pool):
                return []  # "the six parties signed the declaration": a multilateral act, no one pair's
            if len({p.code for p in pool}) < 2:
                other = A.partner(frame.sent, frame.trigger.start, {p.code for p in pool})
                if other is None:
                    return []
                pool.append(other)
            return [(a, b, frame.confidence) for a in pool for b in pool if a.code != b.code]
        conf = frame.confidence
        if frame.mutual and targets:
            return [pair for s in sources for t in targets for pair in ((s, t, conf), (t, s, conf))]
        if not targets and history and _answers(frame):
            # "Britain sent a similar answer", "Ankara gave the same answer": to whoever put the question
            asker = next((t.source for t in _told_within(history, frame.sent, ANSWER_WINDOW)
                          if t.source not in src_codes and t.category in ASKING), None)
            ref = _mention_before(frame, asker, A) if asker is not None else None
            if ref is not None:
                return [(s, ref, conf) for s in sources]
        if not targets:
            if frame.blocked:
                return []
            found = self.antecedent(frame, history) if history else None
            if found is None and history:
                found = self.struck_first(frame, history)
            if found is not None:
                code, obj = found
                codes = code if isinstance(code, tuple) else (code,)  # (an act aimed at several)
                if obj.i == frame.trigger.root.i:  # a reaction: the trigger itself points back
                    refs = [ActorRef(c, obj.text, obj.i, obj.i + 1, "anaphor") for c in codes]
                else:
                    words = []
                    for t in obj.subtree:  # the phrase up to any parenthesis ("the raid as an invasion (Saunders, 33)")
                        if t.text == "(":
                            break
                        words.append(t)
                    text = " ".join(t.text for t in words)
                    refs = [ActorRef(c, text, obj.left_edge.i, words[-1].i + 1 if words else obj.i + 1, "anaphor") for c in codes]
                return [(s, ref, conf) for ref in refs for s in sources if s.code != ref.code]
            dest = _journey_destination(frame, src_codes, by_token or {})
            if dest:
                targets = dest
            else:
                other = _asked_for(frame, src_codes, history or [], A) or _last_dealt_with(frame, src_codes, history or [], A)
                if other is None:
                    other = A.partner(frame.sent, frame.trigger.start, src_codes)
                if other is None:
                    if len(sources) >= 2:  # two actors and no one else around: they act on each other
                        return [(a, b, conf) for a in sources for b in sources if a.code != b.code]
                    return []
                targets = [other]
                conf = min(conf, self.conf_fallback)
            if frame.mutual:  # "came to Jakarta and signed a treaty": both signed it
                return [pair for s in sources for t in targets if s.code != t.code for pair in ((s, t, conf), (t, s, conf))]
        return [(s, t, conf) for s in sources for t in targets if s.code != t.code]

    def __call__(self, doc: Doc) -> Doc:
        doc_id = doc._.rift_doc_id or ""
        sents = sentences(doc)
        if not doc.has_annotation("DEP") or not doc._.actor_spans:
            doc._.events = []
            return doc
        A = DocActors(doc)
        frames = self.extractor.frames(doc, sents, A)
        by_token = {f.trigger.root.i: f for f in frames}
        events: list[Event] = []
        seen: set[tuple] = set()
        cites: dict[int, list[CitationRef]] = {}
        dates: dict[int, object] = {}
        history: list[Told] = []
        planned: list[tuple[Frame, list]] = []
        dated: dict[tuple[str, str, str], tuple[int, object]] = {}  # (source, target, category) -> its last dated telling
        for frame in frames:
            trig = frame.trigger
            if frame.coding.factor == 0:
                continue  # "did not intervene": a negated conflict is no event (PLOVER leaves them out)
            if ESSAY_ARGUES.match(trig.sent.text.lstrip()):
                continue  # "This essay argues that ... his interventions united the Chadians against him"
            if _in_condition(trig.root):
                if frame.coding.negated:
                    continue  # "If Khrushchev had never gone to Belgrade, ...": what did not happen in a supposition
                if frame.coding.mode in ("asserted", "intended"):
                    # "Had Sukarno accepted the UN findings in 1963, ...", "Had Britain been willing to cut
                    # off Japan's oil, ...": supposed, not told as done (nor as meant)
                    frame.coding = replace(frame.coding, mode="hypothetical")
            made = self.dyads(frame, A, history, by_token)
            year = None
            if made:
                if trig.start not in dates:
                    dates[trig.start] = clause_timespan(doc, trig)  # kept: the record below reuses it
                when = dates[trig.start]
                year = int(when.start[:4]) if when is not None and when.start and when.start[:4].isdigit() else None
            # (or the subject of a passive: "the Protocol was signed by Peru and Ecuador")
            obj_lemma = next((c.lemma_.lower() for c in trig.root.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")), None)
            for src, tgt, conf in made:
                history.append(Told(frame.sent, trig.root.lemma_.lower(), frame.coding.category, src.code, tgt.code, year, obj_lemma))
            planned.append((frame, made))
        for frame, made in merge_purpose(planned, self.lex):
            sent = sents[frame.sent]
            trig = frame.trigger
            for src, tgt, conf in made:
                key = (frame.sent, trig.start, src.code, tgt.code)
                if key in seen:
                    continue
                seen.add(key)
                conf = min(conf, self.conf_kind.get(src.kind, 1.0), self.conf_kind.get(tgt.kind, 1.0))
                if frame.sent not in cites:
                    cites[frame.sent] = _citations(doc, frame.sent)
                host = frame.date_host
                anchor = doc[host.i : host.i + 1] if host is not None else trig
                if anchor.start not in dates:
                    dates[anchor.start] = clause_timespan(doc, anchor)
                date = dates[anchor.start]
                key3 = (src.code, tgt.code, frame.coding.category)
                before = dated.get(key3)
                if before is not None and _mentions_again(trig.root) and (date is None or not date.explicit) and (
                    frame.sent - before[0] <= NAMED_AGAIN_WINDOW and before[0] < frame.sent
                ):
                    # "to denounce the Vietnamese invasion": it happened when it was told (not stated here)
                    date = before[1].model_copy(update={"explicit": False})
                elif date is not None and date.explicit:
                    dated[key3] = (frame.sent, date)
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
                        date=date,
                        citations=cites[frame.sent],
                        confidence=round(conf, 2),
                    )
                )
        doc._.events = events
        return doc


def _mentions_again(tok) -> bool:
    """An event noun with a definite determiner or a possessor ("the Vietnamese invasion",
    "Khrushchev's surrender"): it may name an act the text has already told."""
    return tok.pos_ == "NOUN" and any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")) or c.dep_ == "poss" for c in tok.children
    )


def _event_noun_before(pron, extractor) -> object | None:
    """The latest subject, in ``pron``'s sentence or the two before, that is a definite event noun
    of the lexicon ("The invasion divided the communist world. Romania ...
    denounced it")."""
    doc = pron.doc
    sent = pron.sent
    cands = [t for t in sent if t.i < pron.i and t.dep_ in ("nsubj", "nsubjpass")]
    for _ in range(2):  # the two sentences before ("... denounced it. Yugoslavia also condemned it")
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
        cands = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"] + cands
    for t in reversed(cands):
        entry = extractor.noun_entry(t)
        if entry is not None and not entry.light and t.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children
        ):
            return t
    return None


def _told_within(history: list[Told], sent: int, window: int):
    """The dyads coded so far, latest first, back to ``window`` sentences before ``sent`` (history is
    in text order, so nothing in it comes after ``sent``)."""
    for told in reversed(history):
        if told.sent < sent - window:
            return
        yield told


def _asked_for(frame: Frame, src_codes: set[str], history: list[Told], A: DocActors) -> ActorRef | None:
    """'Nehru ... wrote to Kennedy asking for American fighter squadrons. Washington and London were
    already flying in arms': help given with no one named goes to whoever had just asked the giver."""
    if frame.coding.category != "AID" and frame.coding.plover_mode != "aid":
        return None
    for told in _told_within(history, frame.sent, 2):
        if told.category == "REQUEST" and told.target in src_codes and told.source not in src_codes:
            return _mention_before(frame, told.source, A)
    return None


def _pair_just_told(frame: Frame, history: list[Told], A: DocActors) -> list[ActorRef]:
    """'Iran and Iraq talked at Algiers. An agreement was signed there in March 1975': a joint act
    with no one named is between the two whose dealings were told just before, in its paragraph."""
    told = list(_told_within(history, frame.sent, 2))
    if any(c.dep_ == "nsubjpass" and c.lemma_.lower() in TRUCE_NOUNS for c in frame.trigger.root.children):
        # "A ceasefire was agreed on 31 July": between those told fighting, not whoever was asked for help
        told = [t for t in told if t.category in HOSTILE] or told
    both_ways = {(t.sent, t.source, t.target) for t in told}
    # a pair told both ways (they met, they agreed) before one told one way ("the Philippines recognised Malaysia")
    return _pair_in_paragraph(frame, sorted(told, key=lambda t: (t.sent, t.target, t.source) not in both_ways), A)


def _pair_in_paragraph(frame: Frame, told, A: DocActors) -> list[ActorRef]:
    """The mentions of the first dyad of ``told`` whose two sides are both named before ``frame`` in
    its paragraph, or []."""
    doc = frame.trigger.doc
    para = paragraph_of(doc, frame.trigger.start_char)
    for t in told:
        pair = [_mention_before(frame, t.source, A), _mention_before(frame, t.target, A)]
        if all(pair) and all(paragraph_of(doc, doc[r.start].idx) == para for r in pair):
            return pair
    return []


def _answers(frame: Frame) -> bool:
    """Whether the frame is an answer given ("replied", "sent a similar answer", "gave the same answer")."""
    trig = frame.trigger.root
    return trig.lemma_.lower() in ("answer", "reply", "respond") or any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("answer", "reply", "response") for c in trig.children)


def _disputants(frame: Frame, src_codes: set[str], history: list[Told], A: DocActors) -> list[ActorRef]:
    """The two others told dealing with each other most recently, within MEDIATION_WINDOW sentences
    and the frame's paragraph: whom a mediator comes between."""
    # (a mediator comes between sides at odds)
    at_odds = (t for t in _told_within(history, frame.sent, MEDIATION_WINDOW)
               if t.source not in src_codes and t.target not in src_codes and t.category in QUARREL)
    return _pair_in_paragraph(frame, at_odds, A)


def _mention_before(frame: Frame, code: str, A: DocActors) -> ActorRef | None:
    """The mention of ``code`` nearest before ``frame``'s trigger."""
    ref = None
    for s, r in A.ordered:
        if s > frame.sent or (s == frame.sent and r.start >= frame.trigger.start):
            break
        if r.code == code:
            ref = r
    return ref


def _last_dealt_with(frame: Frame, src_codes: set[str], history: list[Told], A: DocActors) -> ActorRef | None:
    """'Ortega flew to Moscow to ask for more aid ... The Soviets promised oil and credits': an act
    with no one named goes to whoever the actor last dealt with, when that was told just before."""
    if frame.coding.category == "RETREAT":
        # "the Red Army refused to leave Iran, and Washington protested before the Soviet troops pulled
        # out": a withdrawal is from whoever the actor was acting on, not whoever objected
        for told in _told_within(history, frame.sent, DEALT_WINDOW):
            if told.source in src_codes and told.target not in src_codes and (
                    told.category in ("ASSAULT", "COERCE", "MOBILIZE") or told.lemma in ("leave", "withdraw", "evacuate", "quit")):
                return _mention_before(frame, told.target, A)  # (where it had moved in, or been told to leave)
    for told in _told_within(history, frame.sent, DEALT_WINDOW):
        if told.source in src_codes and told.target not in src_codes and frame.coding.kind != "attitude":
            other = told.target  # (a feeling is about whoever acted on the one who feels it: "Peking
            # backed the Soviet intervention in Hungary, and Khrushchev was grateful")
        elif told.target in src_codes and told.source not in src_codes:
            other = told.source
        else:
            continue
        return _mention_before(frame, other, A)
    return None


def _journey_destination(frame: Frame, src_codes: set[str], by_token: dict[int, Frame]) -> list[ActorRef]:
    """'Ortega flew to Moscow in April 1985 to ask for more aid': an act done on a journey, with
    no one named, is aimed at where the journey went."""
    tok = frame.trigger.root
    if tok.dep_ not in ("xcomp", "advcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return []
    host = by_token.get(tok.head.i)
    if host is None or host.coding.plover_mode != "visit" or host.coding.negated:
        return []
    return [t for t in host.targets if t.code not in src_codes]


def _in_condition(tok) -> bool:
    """Whether ``tok``'s clause is an 'if' / 'unless' / 'had X ...' supposition."""
    for _ in range(3):  # a noun's clause: "Had Gaddafi kept his promise to withdraw"
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("dobj", "nsubj", "nsubjpass", "pobj") or tok.head.i == tok.i:
            break
        tok = tok.head if tok.dep_ != "pobj" else tok.head.head
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
            return True
        if (tok.dep_ == "advcl" or (tok.dep_ == "ccomp" and tok.i < tok.head.i)) and tok.i > 0 and any(
            c.dep_ == "aux" and c.lower_ == "had" and c.i < tok.i and c.i == tok.left_edge.i and (tok.dep_ == "advcl" or c.text == "Had")
            for c in tok.children
        ):
            return True  # "Had Khrushchev not gone ...", "Had Gaddafi kept his promise, ..." (read as a complement)
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and any(c.dep_ == "aux" and c.lower_ == "had" and c.i < subj.i and c.i == tok.left_edge.i for c in tok.children):
            return True  # "Had the Kuwaitis offered more money the invasion might have been avoided" (read as the main clause)
        if tok.dep_ not in ("conj", "xcomp", "acomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def merge_purpose(planned: list[tuple[Frame, list]], lex: Lexicon) -> list[tuple[Frame, list]]:
    """One event for an act and its purpose clause between the same actors.

    "The Chinese sent troops to help the North Vietnamese": the sending and the help are one
    act of aid; "Truman sent forces to defend the South": the purpose (SUPPORT) says what the
    sending (MOBILIZE) meant. The purpose's dyads are dropped from the governing act when both
    agree in sign, and the governing act's dyads are dropped when a show of force turns out to
    serve a cooperative purpose.
    """
    by_token = {f.trigger.root.i: (k, f) for k, (f, _m) in enumerate(planned)}
    drop: dict[int, set[tuple[str, str]]] = {}
    for k, (f, made) in enumerate(planned):
        tok = f.trigger.root
        if tok.dep_ == "pcomp" and tok.head.lower_ == "by" and tok.head.head.i in by_token:
            # "China retaliated in February 1979 by attacking Vietnam": the 'by' clause says what was done
            hk, hf = by_token[tok.head.head.i]
            srcs = {s.code for s, _t, _c in made}
            if made and srcs == {s.code for s, _t, _c in planned[hk][1]} and (intensity(f.coding, lex) > 0) == (intensity(hf.coding, lex) > 0):
                drop.setdefault(hk, set()).update((s.code, t.code) for s, t, _c in planned[hk][1])
            continue
        help_verb = tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("help", "assist")  # "arrived to help rebuild the army"
        if not help_verb and (tok.dep_ not in ("xcomp", "advcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
            continue
        host = by_token.get(tok.head.i)
        if host is None:
            continue
        hk, hf = host
        pairs = {(s.code, t.code) for s, t, _c in made}
        shared = pairs & {(s.code, t.code) for s, t, _c in planned[hk][1]}
        if not shared:
            host_targets_guessed = not hf.targets and not hf.reciprocal
            if hf.coding.category == "MOBILIZE" and intensity(f.coding, lex) > 0 and made and host_targets_guessed and (
                {s.code for s, _t, _c in made} == {s.code for s, _t, _c in planned[hk][1]}
            ):
                # "sent troops to fight alongside the Ethiopians": the forces go to the ones they help,
                # not to whoever the story was about
                drop.setdefault(hk, set()).update((s.code, t.code) for s, t, _c in planned[hk][1])
            continue
        mine, theirs = intensity(f.coding, lex), intensity(hf.coding, lex)
        if (mine > 0) == (theirs > 0):
            drop.setdefault(k, set()).update(shared)
        elif hf.coding.category == "MOBILIZE" and mine > 0:
            drop.setdefault(hk, set()).update(shared)
    out = []
    for k, (f, made) in enumerate(planned):
        gone = drop.get(k)
        out.append((f, [d for d in made if (d[0].code, d[1].code) not in gone] if gone else made))
    return out


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
