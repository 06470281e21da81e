"""The working records of event extraction: actors found for an event, frames, verb chains.

:class:`DocActors` indexes a doc's actor mentions by token and knows which actor the text is
about at each point (for targets left implicit); :class:`Frame` is one event before it becomes
an :class:`~rift.records.Event`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from rift.events.classify import Coding
from rift.text_utils import in_look_back

# dependency labels of subjects and of the noun-phrase modifiers searched for actors
SUBJ = ("nsubj", "nsubjpass", "csubj", "csubjpass")
NP_DEPS = ("poss", "amod", "compound", "nmod", "appos", "npadvmod", "det", "nummod", "quantmod")
# verbs that link a subject to a predicate adjective ("were angry", "felt betrayed")
COPULAS = frozenset({"be", "become", "feel", "seem", "grow", "remain", "appear", "get", "turn", "look", "stay", "prove"})
# verbs that give their object a state ("left the Chinese resentful")
CAUSATIVE_HOSTS = frozenset({"leave", "make", "render", "keep", "drive", "get", "set"})
# prepositions that name what an attitude is about
ATTITUDE_PREPS = ("at", "with", "over", "toward", "towards", "about", "of", "against", "by", "to", "for", "in", "on")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
SALIENCE_WINDOW = 4  # sentences back that the current pair of actors is read from
# a war or crisis named as an object is not a party to the act ("fight the Korean War")
NAMED_EVENTS = frozenset({"war", "wars", "crisis", "revolution", "uprising", "campaign", "forward", "movement", "congress", "conference"})
# words the parser takes for auxiliaries before a participle of feeling ("felt insulted")
FEEL_WORDS = frozenset({"felt", "feel", "feels", "seemed", "seems", "became", "becomes", "grew"})
DOC_PRIOR = 0.1  # weight of each earlier mention in the whole text when guessing a partner
# verbs whose event-noun object is their content, not a second event ("rejected the proposal")
CONTENT_VERBS = frozenset({"AGREE", "REQUEST", "REJECT"})
# passive acts whose unnamed agent may be taken from context ("the Chinese would have been expelled")
PASSIVE_FALLBACK = frozenset({"SANCTION", "COERCE", "ASSAULT", "AID", "REJECT", "ACCUSE", "THREATEN", "SUPPORT", "REQUEST", "PROTEST"})
# "prevented him from taking action": what they govern did not happen
PREVENT = frozenset({"prevent", "stop", "keep", "bar", "deter", "dissuade", "restrain", "discourage", "preclude", "hinder"})
# acts whose object is the goods moved: a non-actor object does not block a target from context
TRANSFER = frozenset({"AID", "COOPERATE", "RETREAT", "MOBILIZE"})  # MOBILIZE: its object is its own forces
# "were not able to incite": negated ability is failure
ABILITY = frozenset({"able", "unable", "manage", "succeed", "can", "could"})


# international bodies and alliances (actor codes) that a state can leave
ORGANISATIONS = frozenset({"NATO", "UNO", "WTO", "SEATO", "CENTO", "OAS", "OAU", "ASEAN", "ARL", "EEC", "COMINFORM", "COMINTERN", "LON", "IAEA", "EUR"})


@lru_cache(maxsize=1)
def event_hosts() -> dict[str, str]:
    """KB id -> the one state that held a named event (a party's congress, a national campaign)."""
    from rift.kb import load_congress_bodies, load_named_events

    bodies = load_congress_bodies()
    out: dict[str, str] = {}
    for e in load_named_events():
        body = bodies.get(e.body) if e.body else None
        if body is not None:
            if body.country:
                out[e.id] = body.country
        elif len(e.countries) == 1:
            out[e.id] = e.countries[0]
    return out


@lru_cache(maxsize=1)
def treaty_parties() -> dict[str, tuple[str, ...]]:
    """KB id -> the states of a named treaty with two or three parties (more is a multilateral
    act, no pair's: "the Helsinki Accords were signed")."""
    from rift.kb import load_named_events

    return {e.id: e.countries for e in load_named_events() if e.type == "treaty" and 2 <= len(e.countries) <= 3}


@dataclass(frozen=True)
class ActorRef:
    """An actor found for an event, with the text that named it."""

    code: str
    text: str
    start: int  # token index of the mention
    end: int
    kind: str = "state"


@dataclass
class Frame:
    """One event before it becomes a record."""

    sent: int
    trigger: Span
    coding: Coding
    sources: list[ActorRef]
    targets: list[ActorRef]
    reciprocal: bool = False
    confidence: float = 1.0
    blocked: bool = False  # the clause names a non-actor object: do not guess a target from context
    date_host: Token | None = None  # the verb whose clause dates the event, when not the trigger ("promised ... to")
    mutual: bool = False  # each source and each target act on each other ("Egypt met Israel": both met)


@dataclass
class Chain:
    """What the verbs above a trigger do to it."""

    subject_host: Token  # the token whose subject is the trigger's subject
    object_host: Token | None = None  # a controller whose object is the trigger's subject (asked X to)
    negation: str | None = None  # not | refuse | fail
    modes: list[str] = field(default_factory=list)  # intended | hypothetical | reported
    request_host: Token | None = None
    threaten_host: Token | None = None
    stop: bool = False
    controllers: list[Token] = field(default_factory=list)
    ability: bool = False
    under_accusation: bool = False
    pledge: bool = False  # intention stated by a verb of promising, not just "would"
    pledged_by: Token | None = None  # the verb that states the intention ("promised", "announced that ... would")


class DocActors:
    """Actor mentions of a doc indexed by token, plus the salience of actors over sentences."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.by_token: dict[int, list[ActorRef]] = {}
        self.ordered: list[tuple[int, ActorRef]] = []  # (sentence, ref) in text order
        for span, m in doc._.actor_spans or []:
            ref = ActorRef(m.code, span.text, span.start, span.end, m.kind)
            for i in range(span.start, span.end):
                self.by_token.setdefault(i, []).append(ref)
            self.ordered.append((m.sentence if m.sentence is not None else -1, ref))
        # a named event held by one state stands for that state as an object or subject
        # ("boycotted the Twenty-third Party Congress": the Soviet party's congress)
        hosts = event_hosts()
        for span, rec in doc._.timex_spans or []:
            code = hosts.get(rec.anchor or "")
            if code is None or any(i in self.by_token for i in range(span.start, span.end)):
                continue
            ref = ActorRef(code, span.text, span.start, span.end, "event")
            for i in range(span.start, span.end):
                self.by_token[i] = [ref]

    def treaty_at(self, tok: Token) -> list[ActorRef]:
        """The parties of a named treaty (KB) whose name covers ``tok``."""
        parties = treaty_parties()
        for span, rec in self.doc._.timex_spans or []:
            if span.start <= tok.i < span.end and rec.anchor in parties:
                return [ActorRef(code, span.text, span.start, span.end, "event") for code in parties[rec.anchor]]
        return []

    def at(self, tok: Token) -> list[ActorRef]:
        """The actors named by the mention covering ``tok``."""
        return self.by_token.get(tok.i, [])

    def partner(self, sent: int, before: int, exclude: set[str]) -> ActorRef | None:
        """The most salient actor not in ``exclude`` around sentence ``sent`` (before token ``before``)."""
        score: dict[str, float] = {}
        last: dict[str, ActorRef] = {}
        for s, ref in self.ordered:
            if s > sent:
                break
            if s < sent - SALIENCE_WINDOW or ref.code in exclude or ref.kind == "place":
                continue
            # later in the same sentence counts too, less ("This miserly loan angered China")
            w = 0.5 if (s == sent and ref.start >= before) else 1.0 / (1 + sent - s)
            if in_look_back(self.doc[ref.start]):
                w *= 0.3  # "Hitler had signed that agreement with Mussolini, so the West Germans refused"
            score[ref.code] = score.get(ref.code, 0.0) + w + ref.start * 1e-7  # ties: the nearer one
            last.setdefault(ref.code, ref) if ref.start >= before else last.__setitem__(ref.code, ref)
        if not score:
            return None
        for s, ref in self.ordered:  # the pair the whole text is about weighs in too
            if ref.start >= before and s >= sent:
                break
            if ref.code in score:
                score[ref.code] += DOC_PRIOR
        best = max(score, key=lambda c: score[c])
        return last[best]


def _dedupe(refs: list[ActorRef]) -> list[ActorRef]:
    out, seen = [], set()
    for r in refs:
        if r.code not in seen:
            seen.add(r.code)
            out.append(r)
    return out
