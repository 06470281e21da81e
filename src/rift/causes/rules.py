"""Rules that turn the cues of a sentence into causal links (cause and effect token ranges).

Each kind of cue in the lexicon has one handler that finds the two sides: a subordinator's
clause is the cause of the clause it modifies; a causative verb's subject causes its object;
an adverbial ("as a result", "retaliated") takes its cause from the clause or sentence before.
A side that is only a pointer back ("This reluctance of Stalin's", "These accusations") is
resolved to the clause it points to, in the same or the previous sentence.
"""

from __future__ import annotations

from functools import lru_cache

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from rift.causes.cues import CueMatch, CueMatcher, Words, load_words
from rift.causes.spans import (
    VERBAL,
    Range,
    SentenceIndex,
    clause_head,
    clause_range,
    contiguous,
    main_clause,
    preceding_clause,
    shares_stem,
    subtree_set,
    surface_left,
    surface_right,
    trim,
)

_SUBJ = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
_OBJ_DEPS = ("dobj", "ccomp", "xcomp", "oprd", "acomp", "attr", "dative")
_OBJ_PREPS = {"to", "into", "from", "in", "of", "on", "against"}
_NOT_CLAUSE_AFTER_AS = {"if", "though", "well", "soon", "long", "far", "much", "many", "such", "to", "a", "an", "the", "of", "for", "part"}
_NOT_AFTER_SO = {"that", "much", "many", "far", "called", "-", "long", "as", "to"}
_PSYCH_SUBJ_VERBS = {"be", "become", "feel", "grow", "get", "remain", "seem", "appear"}


@dataclass(frozen=True)
class Candidate:
    """A causal link found by the rules, in token ranges of the doc."""

    cue: str
    kind: str
    cause: Range
    effect: Range
    sent: int
    cue_range: Range
    confidence: float
    weak: bool = False
    anaphoric: bool = False
    needs_change: bool = False
    cause_ref: Range | None = None  # the clause an anaphoric cause ("This reluctance") points to


@lru_cache(maxsize=1)
def _feeling_adjectives() -> frozenset[str]:
    """The attitude adjectives of rift's event lexicon ("resentful", "suspicious", "hostile")."""
    from rift.events.lexicon import load_lexicon

    lex = load_lexicon()
    return frozenset(k for k, entries in lex.adjs.items() if any(e.kind == "attitude" for e in entries))


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


class CausalRules:
    """Applies the cue lexicon to a parsed doc. Build once per vocabulary, call per doc."""

    def __init__(self, matcher: CueMatcher, words: Words | None = None):
        self.matcher = matcher
        self.words = words or load_words()

    # ------------------------------------------------------------------ entry point
    def __call__(self, doc: Doc, index: SentenceIndex, matches: list[CueMatch] | None = None) -> list[Candidate]:
        """All candidate links of ``doc`` (weak ones included, flagged ``weak``).

        Args:
            doc: a parsed doc.
            index: its sentences (:func:`rift.causes.component.sentence_index`).
            matches: the cues found in it, if already matched.
        """
        out: list[Candidate] = []
        if not doc.has_annotation("DEP"):
            return out
        done: set[tuple[int, int]] = set()
        for m in matches if matches is not None else self.matcher(doc):
            if m.start in index.citation_tokens or (m.start, m.end) in done:
                continue
            k = index.of_token(m.start)
            if k is None:
                continue
            handler = getattr(self, f"_{m.cue.kind}")
            cand = handler(doc, index, k, m)
            if cand is None:
                continue
            if m.fuzzy:
                cand = replace(cand, confidence=cand.confidence * 0.9)
            cand = self._resolve_anaphora(doc, index, cand)
            if cand is not None and plausible(doc, cand):
                out.append(cand)
                done.add((m.start, m.end))  # one reading per cue
        return _dedupe(out)

    # ------------------------------------------------------------------ helpers
    def _cause_subject(self, doc: Doc, index: SentenceIndex, sent: Span, verb: Token, cue_start: int) -> Range | None:
        """The subject of a causative verb: its own, a coordinated verb's, or the words before it."""
        skip = index.citation_tokens
        subj = [c for c in verb.children if c.dep_ in _SUBJ]
        cur = verb
        hops = 0
        while not subj and cur.dep_ in ("conj", "xcomp", "advcl") and cur.head is not cur and hops < 3:
            first = cur.head
            subj = [c for c in first.children if c.dep_ in _SUBJ]
            if not subj and cur.dep_ == "conj" and first.pos_ in VERBAL:
                # "persecuting Kazakhs and causing ..." - the first conjunct is the cause
                return clause_range(doc, first, sent, exclude=subtree_set(verb), skip=skip)
            cur = first
            hops += 1
        if subj:
            s = subj[0]
            rng = contiguous({t.i for t in s.subtree if sent.start <= t.i < sent.end} - skip, s.i)
            if rng:
                rng = trim(doc, *rng, skip=set(skip))
                if rng[1] > rng[0]:
                    return rng
        if verb.pos_ not in VERBAL or verb.dep_ in ("amod", "compound", "pobj", "dobj"):
            return surface_left(doc, cue_start, sent, skip)
        if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN") and verb.tag_ in ("VBD", "VBN"):
            # 'This "ping-pong diplomacy" led to ...' parsed as a noun phrase with a participle:
            # the sentence has no other verb, so the noun phrase before the cue is its subject
            return surface_left(doc, cue_start, sent, skip)
        return None

    def _object(
        self, doc: Doc, index: SentenceIndex, sent: Span, cue_toks: list[Token], cue_end: int, *, preps: set[str] | None = None, surface: bool = True
    ) -> Range | None:
        """What a cue verb does to: its objects and complements after the cue (on the surface
        too when ``surface``: the parse of the cue is implausible)."""
        preps = _OBJ_PREPS if preps is None else preps
        tokens: set[int] = set()
        for tok in cue_toks:
            for c in tok.children:
                if c.i < cue_end:
                    continue
                to_clause = c.dep_ == "advcl" and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
                if c.dep_ in _OBJ_DEPS or c.dep_ in ("pobj", "pcomp") or (c.dep_ == "prep" and c.lower_ in preps) or (
                    c.dep_ == "nsubj" and c.i > tok.i
                ) or to_clause:
                    tokens |= subtree_set(c)
        tokens = {i for i in tokens if cue_end <= i < sent.end} - index.citation_tokens
        if tokens:
            rng = contiguous(tokens | set(range(cue_end, min(tokens))), min(tokens))
            if rng:
                rng = trim(doc, *rng, skip=set(index.citation_tokens))
                if rng[1] > rng[0]:
                    return rng
        return surface_right(doc, cue_end, sent, index.citation_tokens) if surface else None

    def _outer_clause(self, doc: Doc, index: SentenceIndex, sent: Span, head: Token, exclude: set[int], cue_start: int) -> Range | None:
        """The clause a subordinate clause or a preposition modifies, less that clause."""
        if head.pos_ in ("NOUN", "PROPN", "PRON") and head.dep_ not in ("ROOT",):
            tokens = subtree_set(head) - exclude - index.citation_tokens
            rng = contiguous({i for i in tokens if sent.start <= i < sent.end}, head.i)
            if rng:
                rng = trim(doc, *rng, skip=set(index.citation_tokens))
                if rng[1] > rng[0]:
                    return rng
        verb = clause_head(head)
        if verb.pos_ in VERBAL:
            return clause_range(doc, verb, sent, exclude=exclude, skip=index.citation_tokens)
        return surface_left(doc, cue_start, sent, index.citation_tokens)

    def _cause_before(self, doc: Doc, index: SentenceIndex, k: int, cue_start: int) -> tuple[Range, bool] | None:
        """For an adverbial cue: the clause before it in its sentence, else the previous
        sentence's main clause. The flag says whether it crossed a sentence boundary."""
        sent = index.sents[k]
        head = clause_head(doc[cue_start])
        # "X, so Y" / "X; therefore Y": the first conjunct
        if head.dep_ == "conj" and head.head.i < head.i and sent.start <= head.head.i:
            rng = clause_range(doc, head.head, sent, exclude=subtree_set(head), skip=index.citation_tokens)
            if rng:
                return rng, False
        before = [t for t in doc[sent.start : cue_start] if not t.is_punct and t.i not in index.citation_tokens]
        if len(before) >= 4 and any(t.pos_ in VERBAL for t in before) and head.i >= cue_start - 1:
            rng = preceding_clause(doc, sent, cue_start, index.citation_tokens)
            if rng:
                return rng, False
        # "In response, ..." / "The Chinese had their revenge ..." opening a paragraph answers
        # what the paragraph before ended with
        j = index.previous(k, cross_paragraph=True)
        if j is None:
            return None
        rng = main_clause(doc, index.sents[j], index.citation_tokens)
        return (rng, True) if rng else None

    # ------------------------------------------------------------------ sense checks
    def _sense_ok(self, doc: Doc, m: CueMatch) -> bool:
        tok = doc[m.start]
        nxt = doc[m.end] if m.end < len(doc) else None
        prev = doc[m.start - 1] if m.start > 0 else None
        sense = m.cue.sense
        if sense == "since_causal":
            if nxt is None or nxt.like_num or nxt.ent_type_ in ("DATE", "TIME") or tok.dep_ != "mark":
                return False
            main = tok.head.head
            return not any(c.lemma_ == "have" and c.dep_ == "aux" for c in main.children)
        if sense == "as_causal":
            if tok.dep_ != "mark" or (nxt is not None and nxt.lower_ in _NOT_CLAUSE_AFTER_AS):
                return False
            if prev is not None and prev.lower_ in {"such", "as", "so", "same", "just"}:
                return False
            return any(c.dep_ in _SUBJ for c in tok.head.children)
        if sense == "for_causal":
            if prev is None or prev.text not in {",", ";"}:
                return False
            if any(c.dep_ == "pobj" for c in tok.children):
                return False
            head = tok.head
            return head.pos_ in VERBAL and any(c.dep_ in _SUBJ and c.i > tok.i for c in head.children)
        if sense == "for_reason":
            head = tok.head
            if head.lemma_.lower() not in self.words.judgment_verbs and head.head.lemma_.lower() not in self.words.judgment_verbs:
                return False
            objs = [c for c in tok.children if c.dep_ in ("pcomp", "pobj")]
            return bool(objs) and (objs[0].tag_ == "VBG" or objs[0].pos_ == "VERB" or objs[0].lemma_.lower().endswith(("tion", "ment", "ure", "al", "ism")))
        if sense == "so_causal":
            if nxt is None or nxt.lower_ in _NOT_AFTER_SO or nxt.pos_ in ("ADJ", "ADV", "PUNCT"):
                return False
            return prev is None or prev.text in {",", ";"} or tok.is_sent_start
        return True

    # ------------------------------------------------------------------ handlers by kind
    def _subordinator(self, doc: Doc, index: SentenceIndex, k: int, m: CueMatch) -> Candidate | None:
        sent = index.sents[k]
        if not self._sense_ok(doc, m):
            return None
        tok = doc[m.end - 1]
        needs_change = False
        if m.cue.weak:
            if _after_time_noun(doc, m.start):
                return None  # "the exact time when ...": a relative clause of time
            # "in late 1959 when ...": a time, and a cause only if the clause says relations changed
            needs_change = _after_date(doc, m.start)
        sub = tok.head if tok.head is not tok else None
        if sub is not None and tok.dep_ in ("mark", "advmod", "prep", "cc") and sub.pos_ in VERBAL and sub.i > tok.i:
            cause = clause_range(doc, sub, sent, exclude=set(range(m.start, m.end)), skip=index.citation_tokens)
            outer = sub.head if sub.head is not sub else None
            if outer is not None and outer is not sent.root and _ends_sentence(doc, sub, sent, index.citation_tokens):
                # a clause closing the sentence modifies its main clause, whatever the parser
                # attached it to ("the USSR was unsure on where they stood because ...")
                outer = sent.root
            if outer is None or outer.i == sub.i:
                effect = surface_left(doc, m.start, sent, index.citation_tokens)
            else:
                effect = self._outer_clause(doc, index, sent, outer, subtree_set(sub), m.start)
        else:
            cause = surface_right(doc, m.end, sent, index.citation_tokens)
            effect = surface_left(doc, m.start, sent, index.citation_tokens)
        if not cause or not effect:
            return None
        return Candidate(m.cue.cue, m.cue.kind, cause, effect, k, (m.start, m.end), m.cue.confidence, m.cue.weak, needs_change=needs_change)

    def _preposition(self, doc: Doc, index: SentenceIndex, k: int, m: CueMatch) -> Candidate | None:
        sent = index.sents[k]
        if not self._sense_ok(doc, m):
            return None
        cue_toks = list(doc[m.start : m.end])
        if m.end - m.start == 1 and cue_toks[0].pos_ == "VERB" and cue_toks[0].dep_ not in ("prep", "advcl", "acl"):
            return None  # "events that were following the trend": a verb, not a preposition
        objs = [c for t in cue_toks for c in t.children if c.dep_ in ("pobj", "pcomp") and c.i >= m.end]
        if objs:
            tokens = set().union(*(subtree_set(o) for o in objs)) - index.citation_tokens
            tokens = {i for i in tokens if m.end <= i < sent.end}
            cause = contiguous(tokens | set(range(m.end, min(tokens))), min(tokens)) if tokens else None
            cause = trim(doc, *cause, skip=set(index.citation_tokens)) if cause else None
        else:
            cause = surface_right(doc, m.end, sent, index.citation_tokens)
        first = cue_toks[0]
        head = first.head
        if head is first or head.i in range(m.start, m.end):
            effect = surface_left(doc, m.start, sent, index.citation_tokens)
            if effect is None:
                cue_end = cause[1] if cause else m.end
                effect = surface_right(doc, cue_end, sent, index.citation_tokens)
        else:
            cue_sub = set().union(*(subtree_set(t) for t in cue_toks)) | set(range(m.start, m.end))
            effect = self._outer_clause(doc, index, sent, head, cue_sub, m.start)
        if not cause or not effect or cause[1] <= cause[0]:
            return None
        return Candidate(m.cue.cue, m.cue.kind, cause, effect, k, (m.start, m.end), m.cue.confidence, m.cue.weak)

    def _has_complement(self, doc: Doc, verb: Token, m: CueMatch, sent: Span) -> bool:
        want = m.cue.complement
        if want is None:
            return True
        window = list(doc[m.end : min(m.end + 8, sent.end)])
        if want == "adjective":
            if any(c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and c.pos_ == "ADJ" for c in verb.children):
                return True
            # "left the Chinese suspicious of Moscow" with the adjective tagged as the object noun
            if any(c.dep_ == "dobj" and c.lower_ in _feeling_adjectives() for c in verb.children):
                return True
            # "left the Chinese resentful" parsed flat: an adjective right after the object
            for a, b in zip(window, window[1:]):
                if a.pos_ in ("NOUN", "PROPN", "PRON") and b.pos_ == "ADJ" and b.head.i != a.i + 1 and b.dep_ != "amod":
                    return True
            return False
        # a clause: "led China to distrust", "stop them from acting"
        if any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
            return True
        return any(
            a.lower_ in ("to", "from", "into") and b.pos_ in ("VERB", "AUX") for a, b in zip(window, window[1:])
        )

    def _verb(self, doc: Doc, index: SentenceIndex, k: int, m: CueMatch) -> Candidate | None:
        sent = index.sents[k]
        verb = doc[m.start]
        if _negated(verb) or not self._has_complement(doc, verb, m, sent):
            return None
        cue_toks = list(doc[m.start : m.end])
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
            verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and any(c.dep_ == "agent" for c in verb.children)
        )
        if passive:
            agents = [c for c in verb.children if c.dep_ == "agent"]
            if not agents:
                # "The Chinese were infuriated.": a reaction to what came before
                return self._emotion(doc, index, k, m) if m.cue.with_cue else None
            objs = [c for c in agents[0].children if c.dep_ == "pobj"]
            if not objs:
                return None
            cause = clause_range(doc, objs[0], sent, skip=index.citation_tokens)
            subj = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")]
            if subj:
                effect = trim(doc, *contiguous(subtree_set(subj[0]) - index.citation_tokens, subj[0].i), skip=set(index.citation_tokens))
            elif verb.dep_ in ("acl", "amod"):
                noun = verb.head
                effect = contiguous({t.i for t in noun.subtree} - subtree_set(verb) - index.citation_tokens, noun.i)
                effect = trim(doc, *effect, skip=set(index.citation_tokens)) if effect else None
            else:
                return None
            if m.cue.with_cue and effect:
                effect = (min(effect[0], m.start), max(effect[1], m.end))
        else:
            cause = self._cause_subject(doc, index, sent, verb, m.start)
            parsed_as_verb = verb.pos_ in VERBAL and verb.dep_ not in ("amod", "compound", "pobj", "dobj", "nsubj")
            effect = self._object(doc, index, sent, cue_toks, m.end, surface=not parsed_as_verb)
            if effect and (m.cue.with_cue or not _has_clause(doc, effect)):
                effect = (m.start, effect[1]) if effect[0] >= m.start else effect
        if not cause or not effect:
            return None
        conf = m.cue.confidence * (0.8 if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children) else 1.0)
        return Candidate(m.cue.cue, m.cue.kind, cause, effect, k, (m.start, m.end), conf, m.cue.weak)

    def _verb_reverse(self, doc: Doc, index: SentenceIndex, k: int, m: CueMatch) -> Candidate | None:
        sent = index.sents[k]
        verb = doc[m.start]
        if _negated(verb) or (verb.pos_ == "NOUN" and not (verb.dep_ == "attr" and verb.head.lemma_ == "be")):
            return None  # "the result of the vote" names no link; "X was a result of Y" does
        subj = [c for c in verb.children if c.dep_ in _SUBJ]
        if not subj and verb.head.pos_ in VERBAL:
            subj = [c for c in verb.head.children if c.dep_ in _SUBJ]
        if subj:
            effect = contiguous(subtree_set(subj[0]) - index.citation_tokens, subj[0].i)
            effect = trim(doc, *effect, skip=set(index.citation_tokens)) if effect else None
        else:
            effect = surface_left(doc, m.start, sent, index.citation_tokens)
        cause = self._object(doc, index, sent, list(doc[m.start : m.end]), m.end, preps=set())
        if not cause or not effect:
            return None
        return Candidate(m.cue.cue, m.cue.kind, cause, effect, k, (m.start, m.end), m.cue.confidence, m.cue.weak)

    def _adverbial(self, doc: Doc, index: SentenceIndex, k: int, m: CueMatch) -> Candidate | None:
        sent = index.sents[k]
        if not self._sense_ok(doc, m):
            return None
        tok = doc[m.start]
        head = clause_head(tok)
        opening = all(t.is_punct or t.is_space or t.i in index.citation_tokens for t in doc[sent.start : m.start])
        if opening and tok.pos_ not in VERBAL and sent.root.pos_ in VERBAL:
            # "As a result, when the troops faced each other, each side was acting on ...":
            # a connective opening the sentence governs its main clause
            effect = clause_range(doc, sent.root, sent, exclude=set(range(m.start, m.end)), skip=index.citation_tokens, drop_advcl=True)
        elif head.pos_ not in VERBAL or not (sent.start <= head.i < sent.end):
            effect = surface_right(doc, m.end, sent, index.citation_tokens)
        else:
            exclude = set() if tok.pos_ in VERBAL else set(range(m.start, m.end))
            effect = clause_range(doc, head, sent, exclude=exclude, skip=index.citation_tokens, drop_advcl=False)
        found = self._cause_before(doc, index, k, m.start)
        if not effect or not found:
            return None
        cause, crossed = found
        conf = m.cue.confidence * (0.9 if crossed else 1.0)
        return Candidate(m.cue.cue, m.cue.kind, cause, effect, k, (m.start, m.end), conf, m.cue.weak)

    def _emotion(self, doc: Doc, index: SentenceIndex, k: int, m: CueMatch) -> Candidate | None:
        sent = index.sents[k]
        adj = doc[m.start]
        pred = adj
        if adj.dep_ == "conj" and adj.head.pos_ in ("ADJ", "VERB"):
            pred = adj.head
        # an attribute of a noun ("angry crowds") or a verb's complement ("left X angry") is
        # not a reaction reported here
        if pred.dep_ in ("amod", "compound", "oprd") or pred.head.lemma_ in ("leave", "make"):
            return None
        subj_holder = pred
        if pred.dep_ in ("acomp", "xcomp", "ccomp", "attr") and (pred.head.lemma_ in _PSYCH_SUBJ_VERBS or pred.head.pos_ == "AUX"):
            subj_holder = pred.head
        subj = [c for c in subj_holder.children if c.dep_ in _SUBJ]
        if not subj or _negated(subj_holder) or _negated(pred):
            return None
        if subj[0].lower_ in ("which", "that") and subj_holder.dep_ == "relcl":
            # "Nehru gave him asylum, which angered Peking": the clause the relative hangs on
            host = clause_head(subj_holder.head)
            if host.pos_ in VERBAL:
                cause = clause_range(doc, host, sent, exclude=subtree_set(subj_holder), skip=index.citation_tokens, drop_advcl=True)
                effect = contiguous(subtree_set(subj_holder) - {subj[0].i} - index.citation_tokens, subj_holder.i)
                if cause and effect:
                    effect = trim(doc, *effect, skip=set(index.citation_tokens))
                    return Candidate(m.cue.cue, m.cue.kind, cause, effect, k, (m.start, m.end), m.cue.confidence, m.cue.weak)
        s0 = min(subj[0].left_edge.i, subj[0].i)
        effect = trim(doc, s0, m.end, skip=set(index.citation_tokens))
        cause = None
        crossed = False
        for holder in (adj, pred, subj_holder):
            for c in holder.children:
                if c.dep_ in ("prep", "agent") and c.lower_ in self.words.emotion_preps:
                    objs = [o for o in c.children if o.dep_ in ("pobj", "pcomp")]
                    if objs:
                        cause = contiguous(
                            {t for o in objs for t in subtree_set(o) if t < sent.end} - index.citation_tokens, objs[0].i
                        )
                        cause = trim(doc, *cause, skip=set(index.citation_tokens)) if cause else None
                        break
            if cause:
                break
        if cause is None:
            # "Castro was furious that the Soviets had not consulted him": the clause it is about
            for holder in (adj, pred):
                comp = next((c for c in holder.children if c.dep_ in ("ccomp", "advcl") and c.i > holder.i and any(
                    x.dep_ == "mark" and x.lower_ in ("that", "because") for x in c.children) or (c.dep_ == "ccomp" and c.i > holder.i)), None)
                if comp is not None:
                    rng = contiguous({t for t in subtree_set(comp) if t < sent.end} - index.citation_tokens, comp.i)
                    if rng:
                        rng = trim(doc, *rng, skip=set(index.citation_tokens))
                        if doc[rng[0]].lower_ in ("that", "because"):
                            rng = (rng[0] + 1, rng[1])
                        cause = rng if rng[1] > rng[0] else None
                    if cause:
                        break
        conf = m.cue.confidence
        if cause is None:
            found = self._cause_before(doc, index, k, s0)
            if not found:
                return None
            cause, crossed = found
            conf *= 0.75
        if effect[1] <= effect[0]:
            return None
        return Candidate(m.cue.cue, m.cue.kind, cause, effect, k, (m.start, m.end), conf, m.cue.weak, anaphoric=crossed)

    def _attribution(self, doc: Doc, index: SentenceIndex, k: int, m: CueMatch) -> Candidate | None:
        sent = index.sents[k]
        verb = doc[m.start]
        if _negated(verb):
            return None
        dobj = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        to = [c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "on", "upon")]
        objs = [o for p in to for o in p.children if o.dep_ in ("pobj", "pcomp")]
        if not dobj or not objs:
            return None
        skip = index.citation_tokens
        effect = contiguous(subtree_set(dobj[0]) - skip, dobj[0].i)
        cause = contiguous({i for o in objs for i in subtree_set(o) if i < sent.end} - skip, objs[0].i)
        if not effect or not cause:
            return None
        effect = trim(doc, *effect, skip=set(skip))
        cause = trim(doc, *cause, skip=set(skip))
        # "trace the schism to this record: Mao's revolution owed little ...": stop at the colon
        cause = (cause[0], min([cause[1]] + [t.i for t in doc[cause[0] : cause[1]] if t.text in (":", ";")]))
        return Candidate(m.cue.cue, m.cue.kind, cause, effect, k, (m.start, m.end), m.cue.confidence, m.cue.weak)

    def _reason(self, doc: Doc, index: SentenceIndex, k: int, m: CueMatch) -> Candidate | None:
        sent = index.sents[k]
        effect = surface_right(doc, m.end, sent, index.citation_tokens)
        j = index.next(k)
        if effect is None or j is None:
            return None
        cause = main_clause(doc, index.sents[j], index.citation_tokens)
        if cause is None:
            return None
        return Candidate(m.cue.cue, m.cue.kind, cause, effect, k, (m.start, m.end), m.cue.confidence, m.cue.weak)

    # ------------------------------------------------------------------ anaphora
    def _resolve_anaphora(self, doc: Doc, index: SentenceIndex, cand: Candidate) -> Candidate | None:
        """Replace a cause that only points back ("This reluctance") by the clause it points to."""
        s, e = cand.cause
        first = doc[s]
        if first.lower_ == "it" and e - s == 1:
            # "The war left the Chinese hostile ..., and it led the Americans to ...": the subject
            # noun phrase of the clause before (a thing, not a state)
            k = index.of_token(s)
            lo = index.sents[index.previous(k)].start if k is not None and index.previous(k) is not None else (index.sents[k].start if k is not None else s)
            for t in reversed(list(doc[lo:s])):
                if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN" and not t.ent_type_:
                    rng = contiguous({x.i for x in t.subtree if x.i < s} - index.citation_tokens, t.i)
                    if rng:
                        return replace(cand, cause=trim(doc, *rng, skip=set(index.citation_tokens)), confidence=cand.confidence * 0.9, anaphoric=True)
            return cand
        if first.lower_ not in self.words.anaphors or e - s > 7:
            return cand
        if first.lower_ == "that" and first.dep_ not in ("det", "nsubj", "nsubjpass", "pobj"):
            return cand
        k = index.of_token(s)
        if k is None:
            return cand
        sent = index.sents[k]
        nouns = [t for t in doc[s:e] if t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") and t.lower_ not in self.words.generic_nouns]
        target: Range | None = None
        # 1. a word of the same stem earlier in this sentence or in the previous one
        cands_sents = [(k, s)]
        j = index.previous(k)
        if j is not None:
            cands_sents.append((j, index.sents[j].end))
        for kk, limit in cands_sents:
            ss = index.sents[kk]
            for t in reversed(list(doc[ss.start : limit])):
                if t.i in index.citation_tokens or t.is_stop:
                    continue
                if any(shares_stem(n.lemma_ or n.text, t.lemma_ or t.text) or shares_stem(n.text, t.text) for n in nouns):
                    head = clause_head(t)
                    excl = set(range(s, ss.end)) if kk == k else set()
                    target = clause_range(doc, head, ss, exclude=excl, anchor=t.i, skip=index.citation_tokens, drop_advcl=True, core=True)
                    if target and not (target[0] <= t.i < target[1]):
                        target = None
                    break
            if target:
                break
        # 2. the clause before it in the same sentence
        if target is None:
            target = preceding_clause(doc, sent, s, index.citation_tokens)
        # 3. the previous sentence
        if target is None and j is not None:
            target = main_clause(doc, index.sents[j], index.citation_tokens)
        if target is None:
            return None if not nouns else cand
        if nouns:
            # "This reluctance of Stalin's": the words stay the cause, the clause it points to
            # gives its event
            return replace(cand, cause_ref=target, confidence=cand.confidence * 0.95, anaphoric=True)
        return replace(cand, cause=target, confidence=cand.confidence * 0.9, anaphoric=True)


_TIME_NOUNS = {"time", "times", "moment", "period", "century", "centuries", "day", "days", "year", "years", "era", "age", "point", "decade", "decades", "month", "months", "week", "weeks", "date", "hour", "night", "morning", "evening"}


def _previous_word(doc: Doc, i: int) -> Token | None:
    j = i - 1
    if j >= 0 and doc[j].text == ",":
        j -= 1
    return doc[j] if j >= 0 else None


def _after_time_noun(doc: Doc, i: int) -> bool:
    """Whether token ``i`` follows a noun of time ("the exact time when ...")."""
    prev = _previous_word(doc, i)
    return prev is not None and prev.lower_ in _TIME_NOUNS and prev.ent_type_ not in ("DATE",) or (
        prev is not None and prev.lower_ in _TIME_NOUNS and prev.pos_ == "NOUN"
    )


def _after_date(doc: Doc, i: int) -> bool:
    """Whether token ``i`` follows a date ("by 1965, when ...", "in late 1959 when ...")."""
    prev = _previous_word(doc, i)
    if prev is None:
        return False
    return prev.ent_type_ in ("DATE", "TIME") or (prev.like_num and len(prev.text) == 4) or prev.lower_ in ("'s", "s")


def _is_time(doc: Doc, rng: Range) -> bool:
    """Whether a range only names a time ("1965", "the end of the 1960's")."""
    words = [t for t in doc[rng[0] : rng[1]] if (t.is_alpha or t.like_num) and not t.is_stop]
    if not words:
        return True
    timey = [t for t in words if t.ent_type_ in ("DATE", "TIME") or t.like_num or t.lower_ in _TIME_NOUNS or t.lower_ in ("end", "beginning", "start", "middle", "close")]
    return len(timey) == len(words)


def _ends_sentence(doc: Doc, tok: Token, sent: Span, skip: set[int]) -> bool:
    """Whether ``tok``'s subtree runs to the end of ``sent`` (but for punctuation and citations)."""
    last = max(t.i for t in tok.subtree)
    return all(t.is_punct or t.is_space or t.i in skip for t in doc[last + 1 : sent.end])


def _has_clause(doc: Doc, rng: Range) -> bool:
    return any(t.pos_ in VERBAL and t.dep_ not in ("aux", "auxpass", "amod") for t in doc[rng[0] : rng[1]])


def _sane(c: Candidate) -> bool:
    """Both sides non-empty and not overlapping each other."""
    (a, b), (x, y) = c.cause, c.effect
    if b <= a or y <= x:
        return False
    return b <= x or y <= a


def plausible(doc: Doc, c: Candidate) -> bool:
    """Sides that do not overlap and a cause that is more than a date."""
    return _sane(c) and not _is_time(doc, c.cause)


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """One link per (cause, effect) pair and per cue occurrence: the most confident."""
    taken: set[tuple] = set()
    out = []
    for c in sorted(cands, key=lambda c: -c.confidence):
        keys = {(c.cause, c.effect), ("cue", c.cue_range)}
        if keys & taken:
            continue
        taken |= keys
        out.append(c)
    out.sort(key=lambda c: (c.cue_range, c.cause))
    return out
