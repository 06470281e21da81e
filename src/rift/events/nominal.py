"""Events named by nouns, adjectives and judgements rather than by a verb of action.

Nominal events ("the withdrawal of Soviet specialists"), attitudes ("the Chinese were
infuriated", "left the Chinese resentful"), talk about a relationship ("relations began to
improve"), accusations by report ("the Chinese claimed that ...") and judgements ("considered
the Chinese far too hasty"). :class:`NominalFrames` is mixed into
:class:`~rift.events.extract.EventExtractor`, whose clause helpers it uses.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from rift.events.classify import Coding, base_coding, negate, reversed_coding
from rift.events.frames import (
    ATTITUDE_PREPS,
    CAUSATIVE_HOSTS,
    COPULAS,
    FEEL_WORDS,
    ORGANISATIONS,
    SUBJ,
    ActorRef,
    DocActors,
    Frame,
    _dedupe,
)
from rift.events.lexicon import LexEntry


# nouns whose 'for' phrase is what is asked for ("the demand for a peace treaty")
ASKED_FOR_BY = frozenset({"demand", "call", "request", "appeal", "plea", "push", "pressure", "campaign", "proposal", "plan", "hope",
                          "wish", "desire", "need", "bid", "quest"})
# verbs with which an act named by its subject ends ("the aid would end", "the shelling stopped")
ENDING_VERBS = frozenset({"end", "stop", "cease", "expire", "lapse", "halt"})
# acts whose possessor is the one they were done to ("Korea's annexation", "Poland's partition")
SUFFERED = frozenset({"annexation", "partition", "dismemberment", "colonisation", "colonization", "subjugation"})
# nouns whose 'of' / 'on' / 'about' phrase names an act only talked or thought about
ABOUT_NOUNS = frozenset({"anniversary", "commemoration", "memory", "centenary", "jubilee", "doubt", "doubts", "question",
                         "skepticism", "scepticism", "suspicion", "rumour", "rumor", "talk", "story", "history", "lesson"})
# adjectives that put a nominal event in the future or in the mind ("a possible attack")
UNREAL_MODS = frozenset({"future", "possible", "potential", "eventual", "prospective", "hypothetical", "imagined",
                         "feared", "threatened", "planned", "proposed", "intended", "likely", "probable"})
# "in support of", "in protest against": the noun says what the clause's subject did it for
# agreements both parties make: "X's treaty with Y" is agreed each way
MUTUAL_NOUNS = frozenset({"agreement", "treaty", "pact", "accord", "alliance", "settlement", "understanding", "entente", "armistice",
                          "truce", "ceasefire", "communique", "communiqué", "protocol", "convention"})
PURPOSE_NOUNS = frozenset({"support", "protest", "retaliation", "reprisal", "solidarity", "defence", "defense", "response", "revenge", "defiance"})


# nouns of asking that a clause's act answers ("at Nicaragua's request", "on the invitation of Hanoi")
# verbs that make a relationship more of what it is ("deepened the split", "deepened their ties")
GROWTH_VERBS = frozenset({"deepen", "strengthen", "widen", "broaden", "sharpen", "cement", "consolidate"})
BIDDING_NOUNS = frozenset({"request", "invitation", "behest", "urging", "insistence", "bidding", "suggestion", "appeal"})


class NominalFrames:
    """Frames for nouns, adjectives, relationships, reports and judgements (a mixin)."""

    def _felt(self, tok: Token) -> bool:
        """A participle after 'felt' / 'seemed' / 'became' states a feeling ("felt insulted by")."""
        if tok.tag_ != "VBN":
            return False
        if tok.dep_ in ("acomp", "oprd", "xcomp") and tok.head.lemma_.lower() in COPULAS - {"be"}:
            return True
        return any(c.dep_ in ("aux", "auxpass") and c.lower_ in FEEL_WORDS for c in tok.children)

    def adj_frames(self, tok: Token, entry: LexEntry, A: DocActors, sent: int) -> list[Frame]:
        """'The Chinese were infuriated', 'left the Chinese resentful'."""
        if tok.dep_ == "conj" and (tok.head.pos_ == "ADJ" or tok.head.tag_ == "VBN"):
            first = self.adj_entry(tok.head)
            if first is not None and first.cat == entry.cat:
                return []  # "disappointed and angry": one state of mind, carried by the first adjective
        if self._felt(tok) and any(c.dep_ in ("aux", "auxpass") and c.lower_ in FEEL_WORDS for c in tok.children):
            exp, _ = self.subject_of(tok, A)  # "China felt insulted by the Soviets" parsed with 'felt' as auxiliary
            if not exp:
                ps = self.passive_subject(tok)
                exp = self.np_actors(ps, A) if ps is not None else []
            if not exp:
                aux = next(c for c in tok.children if c.dep_ in ("aux", "auxpass") and c.lower_ in FEEL_WORDS)
                exp = _dedupe([r for c in aux.children if c.dep_ in ("nsubj", "nsubjpass") for r in self.np_actors(c, A)])
            if not exp:
                return []
            coding = self.apply_chain(Coding(entry.cat, entry.mode, kind=entry.kind), self.chain(tok))
            return [Frame(sent, tok.doc[tok.i : tok.i + 1], coding, exp, self.prep_actors(tok, ATTITUDE_PREPS, A))]
        head = tok
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        host = head.head
        if head.dep_ in ("acomp", "attr", "ROOT") or (head.dep_ == "ROOT" and head.pos_ == "ADJ"):
            verb = host if head.dep_ != "ROOT" else head
            if verb.lemma_.lower() not in COPULAS and head.dep_ != "ROOT":
                return []
            exp, _ = self.subject_of(verb, A)
            if not exp:
                ps = self.passive_subject(verb)
                exp = self.np_actors(ps, A) if ps is not None else []
            causer = []
            ch = self.chain(verb)
        elif head.dep_ in ("oprd", "ccomp", "xcomp", "advcl", "dobj") and host.lemma_.lower() in CAUSATIVE_HOSTS:
            dobj = next((c for c in host.children if c.dep_ in ("dobj", "nsubj") and c.i > host.i and c.i != head.i), None)
            exp = self.np_actors(dobj, A) if dobj is not None else []
            if not exp:
                # "left the Chinese disappointed" parsed with 'Chinese' hanging on the adjective
                exp = _dedupe([r for c in head.children if c.i < head.i and c.dep_ in ("amod", "nsubj", "npadvmod", "compound", "det") for r in self.np_actors(c, A)])
            causer, _ = self.subject_of(host, A)
            ch = self.chain(host)
        else:
            return []
        if not exp:
            return []
        targets = self.prep_actors(tok, ATTITUDE_PREPS, A) or causer
        if not targets:
            targets = self.clause_about(tok, A, {r.code for r in exp})
        if not targets and head.dep_ in ("acomp", "attr") and host.i != tok.i and host.lemma_.lower() in ("be", "become", "grow", "get", "remain"):
            # "were furious when Moscow ...": the clause hangs on 'were' (but "felt betrayed when Nixon
            # visited China" says when they felt it, not who betrayed them)
            targets = self.clause_about(host, A, {r.code for r in exp})
        coding = self.apply_chain(Coding(entry.cat, entry.mode, kind=entry.kind), ch)
        return [Frame(sent, tok.doc[tok.i : tok.i + 1], coding, exp, targets)]

    def clause_about(self, tok: Token, A: DocActors, src: set[str]) -> list[ActorRef]:
        """"Castro was furious that the Soviets had not consulted him", "was annoyed when Moscow
        began selling arms": a feeling is about whoever its 'that' / 'because' / 'when' clause is about."""
        marks = ("that", "because", "when")
        for c in tok.children:
            if c.dep_ in ("ccomp", "advcl") and any(m.lower_ in marks for m in c.children if m.dep_ in ("mark", "advmod")) or (
                c.dep_ == "ccomp" and not any(m.dep_ == "mark" for m in c.children)
            ):
                subj = next((d for d in c.children if d.dep_ in ("nsubj", "nsubjpass")), None)
                found = [r for r in (self.np_actors(subj, A) if subj is not None else []) if r.code not in src]
                if found:
                    return found
        return []

    def noun_frames(self, tok: Token, entry: LexEntry, A: DocActors, sent: int) -> list[Frame]:
        """Nominal events: 'the withdrawal of Soviet specialists', 'Khrushchev's surrender to the US'."""
        if entry.light:
            return []
        holder = tok
        negation = None
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in self.neg_nouns:
            holder = tok.head.head
            negation = self.neg_nouns[holder.lemma_.lower()]
        if (self._predicative(tok) and not self._between_hosts(tok)) or tok.dep_ in ("compound", "amod"):
            return []  # "Nationalist supply convoys": a modifier, not an event (but "the last chance was a meeting between Baker and Aziz")
        if tok.dep_ == "pobj" and tok.head.lower_ in ("since", "until", "till") and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return []  # "the largest French operation since the Algerian war": a landmark in time, told before
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in ("on", "against", "of") and (
            tok.head.head.pos_ == "NOUN" and self.noun_entry(tok.head.head) is not None and not self.noun_entry(tok.head.head).light
            and self.noun_entry(tok.head.head).cat in ("SANCTION", "REJECT", "PROTEST", "COERCE")
        ):
            return []  # "an embargo on imports from Argentina": what the embargo stops is not an act of its own
        if tok.dep_ == "dobj" and entry.cat in ("COOPERATE", "AID") and tok.head.pos_ == "VERB" and (
            (held := self.verb_entry(tok.head)) is not None and held.cat in ("SANCTION", "COERCE") and not held.light
        ):
            return []  # "banned all American exports to Iran": the trade stopped is the ban's object, no act of its own
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and (tok.head.head.lemma_.lower() in ABOUT_NOUNS or any(
            c.dep_ == "dobj" and c.lemma_.lower() in ABOUT_NOUNS for c in tok.head.head.children  # "cast doubt on"
        )):
            return []  # "the anniversaries of the 1957 meetings", "doubt on Soviet commitments": talked of, not done
        if tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in ASKED_FOR_BY:
            return []  # "renewing the demand for a German peace treaty": what is asked for, not done
        if tok.dep_ in ("dobj", "dative") and self.lex.controllers.get(tok.head.lemma_.lower()) in ("request", "cause") and any(
            c.dep_ == "xcomp" for c in tok.head.children
        ):
            return []  # "ordered the American military mission to leave": those told to act, not an act
        sources: list[ActorRef] = []
        for t in ([holder, tok] if holder.i != tok.i else [tok]):
            for c in t.children:
                if c.dep_ in ("poss", "amod", "compound", "nmod"):
                    # (a place names where, not who: "the Ogaden war", "the Sinai campaign")
                    sources += [r for r in self.np_actors(c, A, depth=2, of=False) if r.kind != "place"]
        # "the withdrawal of Soviet troops from China": for a moving actor 'from' is where it left
        sources += self.prep_actors(tok, ("by",) if entry.of == "source" else self.source_preps, A)
        if not sources and entry.of != "source" and tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.pos_ in ("VERB", "AUX") and (
            tok.lemma_.lower() in PURPOSE_NOUNS
        ):
            # "joined the Americans in support of the Nationalists": the clause's subject acts
            sources, _ = self.subject_of(tok.head.head, A)
        of_objs = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        for p in of_objs:  # "the expulsion of Soviets from China": 'from' hangs on the 'of' object
            sources += self.prep_actors(p, ("from",), A) if entry.of == "target" else []
        of_actors = _dedupe([r for p in of_objs for r in self.np_actors(p, A, of=False)])
        targets: list[ActorRef] = []
        if tok.lemma_.lower() in SUFFERED and not of_objs:
            # "Korea's annexation in 1910", "Poland's partition": the possessor is what was taken
            owned = [r for c in tok.children if c.dep_ == "poss" for r in self.np_actors(c, A, depth=2, of=False)]
            if owned:
                targets += owned
                sources = [r for r in sources if r.code not in {o.code for o in owned}]
        if entry.of == "source":
            sources += of_actors
        else:
            targets += of_actors
        agent_cls = None
        if entry.agents:
            of_noun = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), None)
            agent_cls = self.agent_class_of(of_noun)
        coding = base_coding(entry, None, agent_cls, self.lex)
        if coding is None:
            return []
        if tok.lemma_.lower() in ("defence", "defense", "resistance") and tok.dep_ == "nsubj" and self.verb_entry(tok.head) is not None:
            return []  # "their territorial defence blockaded the barracks": the force that acted, not a defence of anyone
        if coding.category == "ASSAULT" and self.verbal_attack(tok):
            coding = Coding("ACCUSE", "disapprove", kind=coding.kind)
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ENDING_VERBS and not any(c.dep_ == "dobj" for c in tok.head.children):
            # "all British aid to Greece would end on 31 March", "the bombing stopped": the act ended
            coding = reversed_coding(coding.category, kind=coding.kind)
        preps = tuple(p for p in self.target_preps(entry, coding.category) if (p not in self.source_preps or entry.of == "source") and p != "of")
        targets += self.prep_actors(tok, preps, A)
        if not targets:
            for p in of_objs:  # "the severance of ties with Albania", "the imposition of treaties on China"
                targets += self.prep_actors(p, preps, A)
        between = [r for c in self._between_hosts(tok) for p in c.children if p.dep_ == "pobj" for r in self.np_actors(p, A)]
        falling = tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ("fall", "decline", "drop", "collapse", "shrink", "dwindle",
                                                                      "plunge", "slump", "wither")
        if not sources and len({r.code for r in between}) >= 2 and not falling:
            # "a second Sinai agreement between Egypt and Israel": the two parties, with each other
            coding = base_coding(entry, None, None, self.lex)
            if coding is None:
                return []
            if coding.category == "ASSAULT" and (self.verbal_attack(tok) or any(
                c.dep_ == "amod" and c.lemma_.lower() in ("public", "verbal", "ideological", "propaganda", "polemical") for c in tok.children
            )):
                coding = Coding("ACCUSE", "disapprove", kind=coding.kind)  # "public battles between China and the USSR"
            return [Frame(sent, tok.doc[tok.i : tok.i + 1], coding, _dedupe(between), [], True)]
        if coding.category == "CONSULT" and sources and not targets and {r.code for r in sources} <= ORGANISATIONS:
            return []  # "At the OAU summit in Nairobi": the body convened, it met no one
        if not targets and tok.dep_ == "pobj" and tok.head.lower_ == "under" and tok.head.head.pos_ in ("VERB", "AUX"):
            # "withdrew from Sinai under American pressure": the pressure was on whoever withdrew
            targets, _ = self.subject_of(tok.head.head, A)
        elif tok.dep_ == "pobj" and tok.head.lower_ in ("at", "on", "upon") and tok.lemma_.lower() in BIDDING_NOUNS and (
            tok.head.head.pos_ in ("VERB", "AUX")
        ):
            # "At Nicaragua's request the UN sent observers", "at the invitation of Hanoi": whoever asked
            # asked the one who then acted
            if not sources:
                sources, targets = _dedupe(of_actors), []
            doers, _ = self.subject_of(tok.head.head, A)
            targets = [r for r in doers if r.code not in {s.code for s in sources}]
        sources, targets = _dedupe(sources), _dedupe(targets)
        if not sources:
            return []
        if not targets and holder.dep_ == "nsubj" and holder.head.lemma_.lower() in CAUSATIVE_HOSTS:
            # "the Soviets' lack of support left the Albanians bitter": whoever it left so
            dobj = next((c for c in holder.head.children if c.dep_ == "dobj"), None)
            codes = {r.code for r in sources}
            targets = [r for r in (self.np_actors(dobj, A) if dobj is not None else []) if r.code not in codes]
        src_codes = {r.code for r in sources}
        targets_named = bool(targets)
        targets = [t for t in targets if t.code not in src_codes]
        if targets_named and not targets and len(src_codes) < 2:
            return []  # an actor acting on itself
        # "their bombardment of the island", "its attacks on Islam": the act has a named non-actor object
        aimed = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "upon") for p in c.children if p.dep_ == "pobj"]
        blocked = not targets and (entry.of == "target" and any(not self.np_actors(p, A) and p.pos_ != "PRON" for p in of_objs) or any(
            not self.np_actors(p, A) and p.pos_ != "PRON" and self.noun_entry(p) is None for p in aimed))
        if negation:
            coding = negate(coding, negation, self.lex)
        # the clause around the noun decides its mode
        verb = tok
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            ch = self.chain(verb)
            if ch.under_accusation and verb.i != tok.head.i or (ch.under_accusation and verb.dep_ == "ccomp"):
                return []  # "claimed that this was a counterattack against border provocations": the claim is the event
            ch.negation = None
            ch.stop = False
            ch.request_host = ch.threaten_host = None
            coding = self.apply_chain(coding, ch) if ch.modes else coding
        if any((c.dep_ == "amod" and c.lemma_.lower() in UNREAL_MODS) or (c.dep_ == "det" and c.lower_ in ("any", "no")) for c in tok.children):
            coding = replace(coding, mode="hypothetical")  # "any future skirmishes with the Chinese": not (yet) an act
        paired = {r.code for c in tok.children if c.dep_ in ("amod", "compound", "nmod") for r in self.np_actors(c, A, depth=2, of=False)}
        recip = not targets and (any(r.kind == "collective" for r in sources) or len(paired) >= 2)
        if targets and tok.lemma_.lower() in MUTUAL_NOUNS and coding.mode != "hypothetical" and any(
            c.dep_ == "prep" and c.lower_ == "with" and any(r.start >= c.i for r in targets) for c in tok.children
        ):
            # "China's boundary agreement with Burma": both parties agreed, each with the other
            sources, targets, recip = _dedupe(sources + targets), [], True
        frame = Frame(sent, tok.doc[tok.i : tok.i + 1], coding, sources, targets, recip)
        frame.blocked = blocked and not recip
        if entry.mode == "visit" and not targets and not recip:
            frame.blocked = True  # "the Chinese delegation at the session": a body present, no visit to anyone named
        return [frame]

    @staticmethod
    def _between_hosts(tok: Token) -> list[Token]:
        """The noun's 'between' phrases, also where the parser hung them on its date or place ("a
        meeting in Geneva on 9 January between Baker and Aziz")."""
        hosts = [tok] + [q for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "on", "at") for q in c.children
                         if q.dep_ == "pobj" and (q.ent_type_ in ("DATE", "GPE", "LOC") or q.like_num)]
        return [c for h in hosts for c in h.children if c.dep_ == "prep" and c.lower_ == "between"]

    def _predicative(self, tok: Token) -> bool:
        """A noun that characterises rather than reports ('named X as their threat', 'was an insult')."""
        if tok.dep_ in ("attr", "oprd", "acomp"):
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.lemma_.lower() in self.opinion:
            return True
        return False

    def relation_frames(self, tok: Token, A: DocActors, sent: int) -> list[Frame]:
        """'Relations between China and Russia began to improve': one attitude each way."""
        sign = None
        trigger = tok
        head = tok.head
        verbs = []
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
            verbs = [head] + [c for c in head.children if c.dep_ in ("xcomp",)]
            verbs += [c for v in list(verbs) for c in v.children if c.dep_ == "xcomp"]
        for v in verbs:
            s = self.rel_verbs.get(v.lemma_.lower())
            if s is None:
                for c in v.children:
                    if c.dep_ in ("dobj", "attr") and c.lemma_.lower() in ("dive", "nosedive", "setback", "downturn", "low"):
                        s = -1
                    if c.dep_ in ("prt",) and self.rel_verbs.get(f"{v.lemma_.lower()} {c.lower_}") is not None:
                        s = self.rel_verbs[f"{v.lemma_.lower()} {c.lower_}"]
            if s is not None:
                if s > 0 and v.lemma_.lower() in GROWTH_VERBS and (self.rel_noun_sign.get(tok.lemma_.lower()) or self.rel_noun_sign.get(tok.lower_) or 0) < 0:
                    s = -1  # "deepened the split": a bad relation made worse (but "deepened their ties")
                if s == 0 and self.chain(v).negation:
                    return []  # "did not have disagreements" says nothing about the relationship
                if s == 0:
                    s = self.rel_noun_sign.get(tok.lemma_.lower()) or self.rel_noun_sign.get(tok.lower_)
                    if s is None:
                        for c in list(v.children):
                            if c.dep_ in ("acomp", "attr", "oprd"):
                                s = self._adj_sign(c)
                if s:
                    sign, trigger = s, v
                    break
        if sign is None:
            for c in tok.children:
                if c.dep_ == "amod" and c.lemma_.lower() in self.rel_adjs:
                    sign = self.rel_adjs[c.lemma_.lower()]
                    trigger = c
                    break
        if sign is None and tok.dep_ in ("nsubj",) and head.lemma_.lower() in COPULAS:
            for c in head.children:
                if c.dep_ in ("acomp", "attr") and c.lemma_.lower() in self.rel_adjs:
                    sign, trigger = self.rel_adjs[c.lemma_.lower()], c
        if not sign:
            return []
        # who relates
        pair = self.prep_actors(tok, ("between", "among"), A)
        if len(pair) < 2:
            for c in tok.children:
                if c.dep_ in ("amod", "compound", "nmod", "poss"):
                    pair += self.np_actors(c, A, depth=2, of=False)
            pair += self.prep_actors(tok, ("with", "of"), A)
        if len(pair) < 2 and tok.dep_ == "pobj" and tok.head.head.lemma_.lower() == "be":
            subj, _ = self.subject_of(tok.head.head, A)
            pair = subj + pair
        if len(pair) < 2 and tok.dep_ == "dobj":
            subj, _ = self.subject_of(head, A)
            pair = subj + pair
        if len(pair) < 2:
            # "disputes over borders, especially with India": the partner hangs further down
            pair += self._deep_partners(tok, A)
        pair = _dedupe(pair)
        while len(pair) < 2:
            p = A.partner(sent, tok.i, {r.code for r in pair})
            if p is None:
                return []
            pair.append(p)
        cat = self.rel_cats.get("positive" if sign > 0 else "negative") or {}
        coding = Coding(cat.get("category", "SUPPORT" if sign > 0 else "ACCUSE"), cat.get("mode"), kind="attitude")
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else head
        if verb.pos_ in ("VERB", "AUX"):
            ch = self.chain(verb)
            if ch.negation:
                sign = -sign  # "might not have affable relations"
                cat = self.rel_cats.get("positive" if sign > 0 else "negative") or {}
                coding = Coding(cat.get("category", "SUPPORT" if sign > 0 else "ACCUSE"), cat.get("mode"), kind="attitude")
            ch.negation = None
            ch.request_host = ch.threaten_host = None
            ch.stop = False
            if ch.modes:
                coding = self.apply_chain(coding, ch)
        a = pair[0]
        return [Frame(sent, tok.doc[trigger.i : trigger.i + 1], coding, [a, b], [], reciprocal=True) for b in pair[1:]]

    def _deep_partners(self, tok: Token, A: DocActors, depth: int = 3) -> list[ActorRef]:
        """Actors of a 'with'/'against' phrase inside the noun phrase of ``tok`` (not in its clauses)."""
        out: list[ActorRef] = []
        frontier = [c for c in tok.children if c.dep_ == "prep"]
        if tok.dep_ == "dobj":  # "had disputes ... with India" with the phrase hung on the verb
            frontier += [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ in ("with", "against") and c.i > tok.i]
        for _ in range(depth):
            nxt = []
            for t in frontier:
                for p in t.children:
                    if p.dep_ != "pobj":
                        if p.dep_ == "prep":
                            nxt.append(p)
                        continue
                    if t.lower_ in ("with", "against"):
                        out += self.np_actors(p, A)
                    nxt += [c for c in p.children if c.dep_ == "prep"]
            frontier = nxt
            if out:
                break
        return out

    def _adj_sign(self, tok: Token) -> int | None:
        lem = tok.lemma_.lower()
        if lem in self.rel_adjs:
            return self.rel_adjs[lem]
        if lem in self.eval_neg:
            return -1
        if lem in self.eval_pos:
            return 1
        return None

    def report_frames(self, trig: Token, A: DocActors, sent: int) -> list[Frame]:
        """'The Chinese claimed that the USSR was turning into an imperial society': an ACCUSE."""
        comp = next((c for c in trig.children if c.dep_ in ("ccomp",)), None)
        if comp is None:
            return []
        sources, _ = self.subject_of(trig, A)
        if not sources:
            return []
        src = {s.code for s in sources}
        targets = []
        for t in comp.subtree:
            for r in A.at(t):
                if r.code not in src and r.kind != "pronoun":
                    targets.append(r)
            if targets and t.dep_ in SUBJ:
                break
        targets = _dedupe(targets)[:1]
        conf = 1.0
        if targets:
            subj = next((t for t in comp.subtree if t.dep_ in SUBJ and any(A.at(x) for x in t.subtree)), None)
            if subj is not None and any(r.code == targets[0].code for x in subj.subtree for r in A.at(x)):
                # "claimed that the Americans and the Chinese were arming the rebels": both are accused
                targets = _dedupe([r for x in subj.subtree for r in A.at(x) if r.code not in src and r.kind != "pronoun"]) or targets
        elif trig.lemma_.lower() in ("protest", "complain"):
            # "the Indian government protested that the road crossed Indian territory": a protest goes to
            # the other side of the story when the clause names no one else
            other = A.partner(sent, trig.i, src)
            if other is None:
                return []
            targets, conf = [other], 0.6
        else:
            return []
        coding = self.apply_chain(Coding("ACCUSE", "allege"), self.chain(trig))
        return [Frame(sent, trig.doc[trig.i : trig.i + 1], coding, sources, targets, False, conf)]

    def opinion_frames(self, trig: Token, A: DocActors, sent: int) -> list[Frame]:
        """'the Soviets considered the Chinese far too hasty', 'named the Soviet Union as their threat'."""
        sources, _ = self.subject_of(trig, A)
        if not sources:
            return []
        src = {s.code for s in sources}
        target_tok = None
        sign = None
        comp = next((c for c in trig.children if c.dep_ == "ccomp"), None)
        if comp is not None:
            subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            target_tok = subj
            sign = self._eval_sign(comp, stop=subj)
        else:
            dobj = next((c for c in trig.children if c.dep_ in ("dobj", "nsubj") and c.i > trig.i), None)
            if dobj is None:
                dobj = next((c for c in trig.children if c.dep_ == "ccomp"), None)
            target_tok = dobj
            sign = self._eval_sign(trig, stop=dobj, skip_subject=True)
        if not sign or target_tok is None:
            return []
        targets = [t for t in self.np_actors(target_tok, A) if t.code not in src]
        if not targets:
            return []
        ch = self.chain(trig)
        cat = self.rel_cats.get("positive" if sign > 0 else "negative") or {}
        coding = self.apply_chain(Coding(cat.get("category", "SUPPORT"), cat.get("mode"), kind="attitude"), ch)
        return [Frame(sent, trig.doc[trig.i : trig.i + 1], coding, sources, targets)]

    def _eval_sign(self, root: Token, stop: Token | None, skip_subject: bool = False) -> int | None:
        skip = set()
        if stop is not None:
            skip = {t.i for t in stop.subtree}
        if skip_subject:
            for c in root.children:
                if c.dep_ in SUBJ:
                    skip |= {t.i for t in c.subtree}
        sign = None
        word = None
        for t in root.subtree:
            if t.i in skip or t is root:
                continue
            lem = t.lemma_.lower()
            if t.lower_ in self.too and t.head.pos_ in ("ADJ", "ADV"):
                return -1
            if lem in self.eval_neg or t.lower_ in self.eval_neg:
                sign, word = -1, t
            elif (lem in self.eval_pos or t.lower_ in self.eval_pos) and sign is None:
                sign, word = 1, t
        if sign is not None and word is not None:
            # only a negation of the evaluative word's own predicate flips it ("was not loyal"),
            # not one in a coordinated clause ("was weak and would not respond")
            hosts = [word, word.head] + ([word.head.head] if word.head.dep_ in ("attr", "acomp", "oprd") else [])
            if any(c.dep_ == "neg" and c.i not in skip for h in hosts for c in h.children):
                sign = -sign
        return sign
