"""Finding events in a parsed ``Doc``: who did what to whom, from the dependency parse.

Triggers are verbs, nouns and adjectives of the lexicon (one dictionary look-up per token). For
each trigger we find its actors in the clause (subject, object, prepositional target, passive
agent, possessor of a nominal), follow its chain of governing verbs (refused to / promised to /
asked X to / failed to), and read negation and modality off it. What the clause leaves open is
filled from context: an agentless passive or a target-less act takes the other actor of the
relationship the text is about at that point.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from rift.events.classify import Coding, base_coding, intend, is_cooperative, negate, request, reversed_coding
from rift.events.frames import (
    ABILITY,
    ATTITUDE_PREPS,
    CAUSATIVE_HOSTS,
    CONTENT_VERBS,
    NAMED_EVENTS,
    ORGANISATIONS,
    PASSIVE_FALLBACK,
    PREVENT,
    RELATIVE_PRONOUNS,
    TRANSFER,
    ActorRef,
    Chain,
    DocActors,
    Frame,
    NP_DEPS,
    _dedupe,
)
from rift.actors.component import BARE_GOVERNMENT, MEETING_VERBS, brought_together
from rift.events.lexicon import PARTICLES, LexEntry, Lexicon, load_lexicon
from rift.text_utils import list_head_in_date, orphan_subject
from rift.events.nominal import NominalFrames

# bodies that govern a state, named by where they sit: "the junta in Athens", "the government in Saigon"
# what words, not arms, attack ("attacked Soviet policy")
IDEAS = frozenset({"policy", "theory", "view", "views", "idea", "doctrine", "revisionism", "dogmatism", "speech",
                   "decision", "plan", "proposal", "article", "book", "report", "thesis", "ideology", "leadership", "stance",
                   "record", "programme", "program", "reform", "course", "strategy", "stand", "conduct", "behaviour", "behavior"})
# things force is used against that stand in the other side's country ("attacked the oil tanks at Corinto")
INSTALLATIONS = frozenset({"installation", "tank", "base", "camp", "port", "harbour", "harbor", "station", "village", "town",
                           "city", "airfield", "airport", "bridge", "dam", "refinery", "depot", "garrison", "outpost", "post",
                           "position", "embassy", "consulate", "ship", "tanker", "convoy", "factory", "pipeline", "railway"})
# acts a state may promise to do at home ("promised to control the press", "to restore order")
HOME_RULE = frozenset({"COERCE", "SANCTION", "REJECT"})
# the units of a time limit set on someone ("gave the British staff a week to leave")
TIME_LIMITS = frozenset({"hour", "day", "week", "month", "deadline"})
# people sent to talk, not to help ("sent an envoy to Peking")
ENVOYS = frozenset({"envoy", "emissary", "delegation", "mission", "delegate", "representative", "chairman", "minister",
                    "secretary", "ambassador", "negotiator", "mediator", "diplomat", "official", "officials", "president",
                    "premier", "deputy", "aide", "spokesman"})
# nouns of what is written or said: a relative clause on one says what its author says
MESSAGES = frozenset({"letter", "note", "message", "memorandum", "telegram", "cable", "statement", "declaration", "communique",
                      "communiqué", "editorial", "article", "speech", "ultimatum", "manifesto", "broadcast", "circular", "démarche", "demarche",
                      "resolution"})
# verbs of sending forces somewhere ("sent troops to Zaire")
SENDING = frozenset({"send", "dispatch", "rush", "fly", "ship", "airlift"})
GOVERNING = BARE_GOVERNMENT | {"cabinet", "leader", "ruler", "colonel", "general"}

__all__ = ["ActorRef", "DocActors", "EventExtractor", "Frame"]


def _the_other_sides(trig: Token, category: str) -> bool:
    """An object that is no actor but stands on the other side of the story: "troops crossed the
    border" (the border with it), "CIA teams attacked the oil tanks at Corinto" (force against
    its installations)."""
    for c in trig.children:
        lemma = c.lemma_.lower()
        if c.dep_ == "dobj" and lemma in ("border", "frontier", "boundary") and [d.lower_ for d in c.children] == ["the"]:
            return True
        if c.dep_ in ("dobj", "nsubjpass") and lemma in INSTALLATIONS and category in ("ASSAULT", "COERCE"):
            return True
    return False


def _passed_over(tok: Token) -> bool:
    """An act set aside for another: "... rather than isolate it", "instead of attacking China"."""
    head = tok.head
    if tok.dep_ == "conj" and any(
        c.dep_ == "cc" and c.lower_ == "than" and head.i < c.i < tok.i and any(a.lower_ == "rather" for a in c.children)
        for c in head.children
    ):
        return True
    return tok.dep_ == "pcomp" and head.lower_ == "of" and any(a.lower_ == "instead" for a in head.children)


def _neither_nor(subject: Token) -> bool:
    """'neither Jakarta nor Manila': a subject list that says none of them did it."""
    return any(c.dep_ == "preconj" and c.lower_ == "neither" for c in subject.children) or any(
        c.dep_ == "cc" and c.lower_ == "nor" for c in subject.children)


# goods whose sending is military aid, not a show of force ("sent transport planes and weapons")
MATERIEL = frozenset({"weapon", "arm", "arms", "ammunition", "munition", "equipment", "supply", "supplies", "rifle", "gun",
                      "materiel", "spare", "part", "fuel", "food", "grain", "medicine"})
# verb + object idioms that name no act between actors
IDIOMS = frozenset({("pay", "price"), ("pay", "attention"), ("pay", "heed"), ("pay", "dividend"), ("take", "place"), ("take", "side"),
                    ("take", "part"), ("take", "care"), ("make", "sense"), ("make", "way"), ("take", "shape"), ("take", "root"),
                    ("buy", "time"), ("gain", "time"), ("play", "time"),
                    # "the crisis was closed by Kennedy's visit", "gave the United States the occasion to ..."
                    ("close", "crisis"), ("close", "chapter"), ("close", "episode"), ("close", "matter"), ("close", "question"),
                    ("give", "occasion"), ("give", "opportunity"), ("give", "chance"), ("give", "pretext"), ("give", "excuse"),
                    ("give", "impression")})
# goods that "pour" or "flow" into a country: aid from whoever the goods are said to belong to
FLOW_VERBS = frozenset({"pour", "flow", "flood", "stream"})
FLOW_GOODS = MATERIEL | {"money", "aid", "credit", "loan", "tank", "jet", "plane", "aircraft", "dollar", "capital", "advisers", "adviser"}
# request verbs that offer rather than demand: inviting someone to a cooperative act is an AGREE
INVITING = frozenset({"invite", "welcome"})
# documents whose relative clauses state their terms ("a treaty which promised consultations")
AGREEMENT_NOUNS = frozenset({"treaty", "agreement", "declaration", "accord", "pact", "communique", "communiqué",
                             "charter", "protocol", "convention", "resolution", "statement"})
# verbs of meeting and negotiating (those after which "they" are both who met, and two more): both
# sides take part, whoever the sentence makes the subject
MEETING = MEETING_VERBS | {"bargain", "parley"}
# people a state keeps in another: ordered to leave, they are expelled
POSTED = frozenset({"diplomat", "ambassador", "envoy", "staff", "attaché", "attache", "consul", "official", "personnel", "embassy",
                    "mission", "adviser", "advisor", "correspondent", "journalist"})
# what is dug out of the ground ("to mine the iron ore"), not sea mines laid
MINERALS = frozenset({"ore", "iron", "coal", "copper", "gold", "silver", "uranium", "phosphate", "diamond", "tin", "bauxite",
                      "mineral", "nickel", "zinc", "cobalt", "manganese", "salt"})
# what an act is done as, not what its object is called ("attacked the island as a warning")
DONE_AS = frozenset({"warning", "reprisal", "retaliation", "response", "punishment", "precaution", "signal", "lesson",
                     "demonstration", "test", "prelude", "pretext", "part", "means", "way", "result", "answer", "gesture",
                     "step", "show", "message", "deterrent"})
# ... and of exchanging: "traded insults with the Soviets", "exchanged ambassadors with Peking"
EXCHANGING = frozenset({"trade", "exchange", "swap",
                        # and of settling together: "worked out a peace plan with Aziz", "patched up its quarrel with Moscow"
                        "work", "hammer", "patch", "reconcile"})
# what is signed between states, and the verbs of signing: "the treaty was signed in February 1950"
SIGNED_DOCUMENTS = (AGREEMENT_NOUNS - {"resolution", "statement"}) | {"accords", "armistice", "truce", "ceasefire", "cease-fire", "deal", "settlement",
                                                              "alliance", "memorandum", "entente"}
SIGNING = frozenset({"sign", "conclude", "initial", "ink", "seal"})
# what is signed without binding two sides: the act is what it says ("signed a letter admitting ...")
PAPERS = frozenset({"letter", "decree", "law", "bill", "order", "petition", "confession", "apology", "cheque", "check", "manifesto",
                    "note", "appeal"})
# places taken in war ("took several Ecuadorian posts")
STRONGHOLDS = frozenset({"town", "city", "post", "outpost", "port", "island", "fort", "fortress", "village", "capital", "territory",
                         "base", "airfield", "garrison", "hill", "position", "bridgehead", "stronghold", "province", "peninsula"})
# a state's own legislature and cabinet: what a government asks or tells them is domestic
HOME_BODIES = frozenset({"congress", "parliament", "senate", "diet", "duma", "legislature", "cabinet", "majlis", "knesset", "bundestag", "politburo"})
# verbs whose object is what is talked about
TOPIC_VERBS = frozenset({"discuss", "debate", "consider", "mention", "raise"})
# what is put forward to be accepted or refused ("accepted the plan": whose plan it was)
PROPOSED = frozenset({"plan", "proposal", "offer", "terms", "initiative", "formula", "package", "scheme", "proposition",
                      "compromise", "ultimatum", "demand", "demands"})
# verbs of bringing an agreement about for others ("mediated by", "brokered by")
BROKERING = frozenset({"mediate", "broker", "arrange", "sponsor", "guarantee", "witness", "host", "chair", "draft", "negotiate"})
# what is left or planted somewhere ("left a bomb on the plane"): not a withdrawal
PLANTED = frozenset({"bomb", "device", "explosive", "mine", "note", "message", "letter", "wreath"})
AGREEING_ON = frozenset({"agree", "arrange", "reach", "negotiate", "conclude"})  # "a ceasefire was agreed"
# verbs that set up relations ("established diplomatic relations with Hungary")
RELATING = frozenset({"establish", "restore", "resume", "normalise", "normalize", "open", "reestablish", "re-establish"})
# armed groups that are not states: aid to them has no state recipient
NON_STATE_GROUPS = frozenset({"guerrilla", "guerilla", "rebel", "student", "militant", "mob", "demonstrator", "protester",
                              "insurgent", "militia", "partisan", "movement", "faction", "tribesman", "tribesmen", "separatist", "resistance", "opposition", "exile", "mujahideen",
                              "contra", "fighter"})
# people who act on their own account: their acts are no state's ("a gunman from Japan shot at Park")
LONE_AGENTS = frozenset({"gunman", "assassin", "terrorist", "hijacker", "sniper", "kidnapper", "pirate"})
# verbs whose that-clause is what they put forward, not an act ("proposed that both armies pull back")
PROPOSING = frozenset({"propose", "suggest", "offer", "recommend"})
# irregular past forms the lemmatizer sometimes leaves as they are (tagged VB or NN)
IRREGULAR_PAST = {"forgave": "forgive", "forgiven": "forgive", "forbade": "forbid", "forbidden": "forbid", "overthrew": "overthrow",
                  "overthrown": "overthrow", "withdrew": "withdraw", "withdrawn": "withdraw", "withheld": "withhold",
                  "undertook": "undertake", "upheld": "uphold", "overran": "overrun", "overrode": "override", "foresaw": "foresee",
                  "forsook": "forsake", "forswore": "forswear", "besought": "beseech", "outbid": "outbid", "rebuilt": "rebuild",
                  "overcame": "overcome", "underwrote": "underwrite", "mistook": "mistake", "misled": "mislead"}
# people whose journeys are not their state's visits
PRIVATE_TRAVELLERS = frozenset({"athlete", "tourist", "refugee", "pilgrim", "emigrant", "immigrant", "migrant", "student", "fan",
                                "spectator", "traveller", "traveler"})
# verbs of taking part: joining an act named by a noun is doing that act
JOINING = frozenset({"join", "enter", "order", "authorize", "authorise",
                     # and of starting or taking up again: "opened talks", "resumed its offensive", "held talks"
                     "open", "resume", "begin", "start", "renew", "hold", "conduct", "intensify"})
# "flew to Mobutu's rescue", "came to Egypt's aid": going to someone's help is helping them
RESCUE = frozenset({"rescue", "aid", "assistance", "help", "defence", "defense", "relief", "support"})
# verbs of moving nearer to or away from another state
APPROACH = frozenset({"turn", "draw", "move", "grow", "drift", "edge", "gravitate", "swing", "shift", "pull"})
# verbs of permission: withheld, they refuse
PERMIT = frozenset({"allow", "permit", "let"})
# verbs of belief and expectation: what they say "would" happen is not an act
BELIEF = frozenset({"convince", "expect", "hope", "fear", "suspect", "assume", "know", "realize", "understand"})
# what documents do: "a treaty which promised consultations", "which provided for joint defence"
TERMS_VERBS = frozenset({"promise", "provide", "commit", "guarantee", "oblige", "obligate", "pledge", "call", "stipulate",
                         "establish", "recognize", "recognise", "declare", "state", "envisage", "require", "bind", "allow",
                         "permit", "forbid", "ban", "prohibit", "grant", "affirm", "reaffirm", "confirm", "set"})
# an agreement to stop fighting is made between those who fought, whoever proposed it
TRUCE_NOUNS = frozenset({"ceasefire", "cease-fire", "truce", "armistice", "ceasefire line"})
# acts a state may announce it will take against another's move ("would defend the island if ...")
CONDITIONAL_FORCE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION"})
GUARDING = frozenset({"protect", "defend", "guard", "intervene", "retaliate", "respond", "act", "fight", "strike"})
# nouns that with the actor's own possessive name the actor itself ("his country", "its people")
SELF_NOUNS = frozenset({"country", "nation", "homeland", "land", "people", "state", "motherland", "fatherland", "realm"})


@lru_cache(maxsize=4096)
def _near_word(word: str, vocab: tuple[str, ...]) -> str | None:
    """The one word of ``vocab`` within one edit (a swap counts as one) of ``word``, if any."""
    from rift.causes.cues import damerau

    hits = [w for w in vocab if abs(len(w) - len(word)) <= 1 and damerau(word, w, 1) <= 1]
    return hits[0] if len(hits) == 1 else None


# nouns of support: 'with the backing of X' names an ally of the actor, not a target
BACKING = frozenset({"backing", "support", "help", "approval", "consent", "blessing", "encouragement", "assistance",
                     "permission", "agreement", "connivance", "complicity", "knowledge", "acquiescence"})
# gatherings an act happens at: 'at' them names a place, not a target
VENUES = frozenset({"congress", "conference", "meeting", "summit", "session", "celebration", "plenum", "assembly",
                    "council", "talks", "convention", "gathering", "rally", "ceremony", "reception", "banquet", "forum"})


ASIDES = (("in", "return"), ("in", "turn"), ("in", "exchange"), ("in", "response"), ("in", "reply"), ("for", "its", "part"),
          ("for", "their", "part"), ("for", "his", "part"))


def _after_aside(doc, i: int) -> int:
    """The index after a short aside that starts at ``i`` ("Gaddafi in return promised"), else ``i``."""
    for words in ASIDES:
        if i + len(words) <= len(doc) and tuple(t.lower_ for t in doc[i : i + len(words)]) == words:
            return i + len(words)
    return i


def _before_aside(doc, i: int) -> int:
    """The index of the token before a short aside that ends just before ``i``, else ``i - 1``."""
    for words in ASIDES:
        j = i - len(words)
        if j >= 1 and tuple(t.lower_ for t in doc[j:i]) == words:
            return j - 1
    return i - 1


def _subordinate_subject(verb: Token) -> Token | None:
    """'..., after Brezhnev, visiting Prague in December 1967, had refused to save Novotny': the
    parser may read 'after Brezhnev' as a phrase and hang the clause's verb (and a participle set
    off by commas) on the main verb. Returns the name that is really the subject, or None."""
    if verb.dep_ not in ("conj", "advcl") or verb.head.i >= verb.i or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    if verb.dep_ == "conj" and not any(c.dep_ == "aux" for c in verb.children):
        return None
    if verb.dep_ == "advcl" and verb.tag_ != "VBG":
        return None
    for p in verb.head.children:
        if p.dep_ != "prep" or p.lower_ not in ("after", "before", "since", "until", "once") or not (verb.head.i < p.i < verb.i):
            continue
        name = next((c for c in p.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
        if name is None or name.i + 1 >= verb.i or verb.doc[name.i + 1].text != ",":
            continue
        between = range(name.i + 1, verb.left_edge.i)
        # only commas, or a participle clause set off by commas, between the name and the verb
        aside = {t.i for d in verb.head.children if d.dep_ == "advcl" and d.i != verb.i and name.i < d.i < verb.i for t in d.subtree}
        if all(verb.doc[j].text == "," or j in aside for j in between):
            return name
    return None


def _topic(verb: Token, obj: Token, A: "DocActors") -> bool:
    """'offered to discuss Berlin': a place or state talked about, not whom the offer was made to
    (but "asked for time to consider Ankara's plan": whose plan it was)."""
    return verb.lemma_.lower() in TOPIC_VERBS and obj.dep_ == "dobj" and bool(A.at(obj))


def _alongside(trig: Token, A: "DocActors") -> list["ActorRef"]:
    """'applied again, together with Greece', 'along with Britain, France sent troops': those who
    act beside the subject, not whom the act is aimed at."""
    out = []
    for c in trig.children:
        if c.dep_ == "prep" and c.lower_ == "with" and any(d.dep_ == "advmod" and d.lower_ in ("together", "along") for d in c.children):
            for p in c.children:
                if p.dep_ == "pobj":
                    out += [r for t in (p, *p.conjuncts) for r in A.at(t) if r.kind != "place"]
    return _dedupe(out)


def _leaders_only(trig: Token, A: "DocActors") -> bool:
    """Whether the subject of ``trig`` names leaders only (people, who attack in words)."""
    subj = [t for c in trig.children if c.dep_ == "nsubj" for t in (c, *c.conjuncts)]
    refs = [r for t in subj for r in A.at(t)]
    return bool(refs) and all(r.kind == "leader" for r in refs)


def _spliced(top: Token) -> bool:
    """'China demanded that Vietnam get out of Cambodia, Vietnam demanded China give up ...': a
    clause the parser hangs as the content of the verb after it, though it has its own subject and
    its own content and a comma ends it before the next clause's subject: a run-on sentence."""
    if top.dep_ != "ccomp" or top.i > top.head.i or any(c.dep_ == "mark" for c in top.children):
        return False
    if not any(c.dep_ == "nsubj" for c in top.children) or not any(c.dep_ == "ccomp" for c in top.children):
        return False
    nxt = top.right_edge.i + 1
    subj = next((c for c in top.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return nxt < len(top.doc) and top.doc[nxt].text == "," and subj is not None and subj.left_edge.i == nxt + 1


def _main_clause_conjunct(verb: Token) -> Token | None:
    """'demanded that Somalia withdraw its troops and stopped their arms deliveries': a past-tense
    verb with no subject of its own, hung by the parser on a base-form verb of a 'that' or 'to'
    clause, continues the clause above it. Returns the verb it continues, or None."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    if head.dep_ == "acl" and head.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children) and (
        head.head.dep_ in ("dobj", "pobj") and head.head.head.tag_ in ("VBD", "VBZ", "VBP")
    ):
        return head.head.head  # "turned down an American offer to train an army and accepted a Soviet package"
    if head.dep_ not in ("ccomp", "xcomp") or head.head.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if head.tag_ == "VB":
        return head.head
    # "declared that the lesson had been taught and withdrew their army": a passive about a thing
    thing = next((c for c in head.children if c.dep_ == "nsubjpass" and c.pos_ == "NOUN" and not c.ent_type_), None)
    if head.tag_ == "VBN" and head.dep_ == "ccomp" and thing is not None:
        return head.head
    return None


VOID_WORDS = frozenset({"void", "null", "illegal", "invalid", "unlawful", "illegitimate"})


def _called_on(inf: Token, host: Token) -> bool:
    """'called on Morocco to withdraw', 'prevailed upon Cairo to accept': a to-clause asked of
    whoever the 'on' phrase names."""
    return host.lemma_.lower() in ("call", "prevail") and any(a.dep_ == "aux" and a.lower_ == "to" for a in inf.children) and any(
        c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i < inf.i for c in host.children)


def declared_void(verb: Token) -> Token | None:
    """The thing ``verb`` declares void or illegal ("declared the annexation null and void",
    "pronounced the treaty invalid"), or None."""
    if verb.lemma_.lower() not in ("declare", "pronounce"):
        return None
    for c in verb.children:
        if c.dep_ in ("ccomp", "oprd", "xcomp", "acomp", "dobj") and ({c.lower_} | {d.lower_ for d in c.conjuncts}) & VOID_WORDS:
            thing = next((d for d in c.children if d.dep_ == "nsubj"), None)
            thing = thing or next((d for d in verb.children if d.dep_ == "dobj" and d.i != c.i), None)
            # (the parser may read "the treaty void", "the Rio Protocol null and void" as one noun)
            thing = thing or next((d for d in reversed(list(c.lefts)) if d.dep_ == "compound"), None)
            if thing is not None and thing.pos_ in ("NOUN", "PROPN"):
                return thing
    return None


class EventExtractor(NominalFrames):
    """Extracts :class:`Frame` s from a parsed doc. Build once; call per doc."""

    def __init__(self, lex: Lexicon | None = None):
        self.lex = lex or load_lexicon()
        mods = self.lex.modifiers
        self.hyp_aux = set(mods.get("hypothetical_aux") or [])
        self.int_aux = set(mods.get("intended_aux") or [])
        self.negators = set(mods.get("negators") or [])
        self.fail_adv = set(mods.get("failure_adverbs") or [])
        self.cond_marks = set(mods.get("conditional_marks") or [])
        self.neg_nouns = dict(mods.get("negating_nouns") or {})
        self.report_neutral = set((mods.get("report_verbs") or {}).get("neutral") or [])
        self.report_accuse = set((mods.get("report_verbs") or {}).get("accuse") or [])
        self.opinion = set(mods.get("opinion_verbs") or [])
        ev = mods.get("evaluative") or {}
        self.eval_neg = set(ev.get("negative") or [])
        self.eval_pos = set(ev.get("positive") or [])
        self.too = set(ev.get("intensifier_negative") or [])
        ac = mods.get("agent_classes") or {}
        self.agent_class = {w: cls for cls, words in ac.items() for w in words}
        tp = mods.get("target_preps") or {}
        self.default_preps = tuple(tp.get("default") or ())
        self.cat_preps = {k: tuple(v) for k, v in tp.items() if k != "default"}
        self.source_preps = tuple(mods.get("source_preps") or ("by", "from"))
        rel = self.lex.relations
        self.rel_nouns = set(rel.get("nouns") or [])
        self.rel_noun_sign = dict(rel.get("noun_polarity") or {})
        self.rel_verbs = dict(rel.get("change_verbs") or {})
        self.rel_adjs = dict(rel.get("adjectives") or {})
        self.rel_cats = rel.get("categories") or {}
        self.reciprocal_words = {"other", "another"}
        self.stance_nouns = set(mods.get("stance_nouns") or [])
        self._saying = frozenset(self.report_neutral | self.report_accuse | self.opinion)
        self._saying_sorted = tuple(sorted(w for w in self._saying if len(w) >= 6))
        vm = mods.get("verbal_markers") or {}
        self.verbal_adjs = frozenset(vm.get("adjectives") or [])
        self.verbal_media = frozenset(vm.get("media") or [])
        self.hostile_tone = frozenset(mods.get("hostile_tone") or [])

    # ------------------------------------------------------------------ look-ups
    def verb_entry(self, tok: Token) -> LexEntry | None:
        """The most specific verb entry that fits ``tok`` (particle and object checked)."""
        entries = self.lex.verbs.get(tok.lemma_.lower()) or self.lex.verbs.get(tok.lower_)
        if not entries and tok.tag_ in ("VBD", "VBN", "VBZ", "VBG") and tok.lower_.startswith(tok.lemma_.lower()):
            # the lemmatizer cuts some rarer verbs short ("lambasted", "waged" -> "wag"): try the stem
            low = tok.lower_
            for form in (low[:-2], low[:-1], low[:-2] + "e", low[:-3], low[:-3] + "e"):
                entries = self.lex.verbs.get(form)
                if entries:
                    break
        if not entries and tok.lower_ in IRREGULAR_PAST:
            entries = self.lex.verbs.get(IRREGULAR_PAST[tok.lower_])  # "forgave" left unlemmatised
        if not entries:
            return None
        for e in entries:
            if e.particle and not any(
                c.lower_ == e.particle and c.dep_ in ("prt", "prep", "advmod", "dobj") and tok.i < c.i <= tok.i + 3 for c in tok.children
            ):
                continue  # the particle follows the verb closely ("caved in to", not "In 1950 ... gave")
            if e.obj and not any(c.dep_ in ("dobj", "nsubjpass", "attr", "pobj", "npadvmod", "advmod") and e.obj in (c.lemma_.lower(), c.lower_) for c in tok.subtree):
                continue
            return e
        return None

    def plain_verb(self, lemma: str, default: LexEntry | None) -> LexEntry | None:
        """The entry of ``lemma`` alone (no particle, no object), or ``default`` when it has none:
        an act recoded as another verb's ("took Hanoi's side" as 'side', "entered the EEC" as 'join')."""
        return next((e for e in self.lex.verbs.get(lemma, []) if not e.particle and not e.obj), default)

    def noun_entry(self, tok: Token) -> LexEntry | None:
        """The noun entry of ``tok``, if any."""
        entries = self.lex.nouns.get(tok.lemma_.lower()) or self.lex.nouns.get(tok.lower_)
        if entries and any(c.dep_ in ("compound", "amod") and c.lower_ in ("press", "news") for c in tok.children):
            return None  # "held a press conference": talking to reporters, not to another state
        return entries[0] if entries else None

    def adj_entry(self, tok: Token) -> LexEntry | None:
        """The adjective entry of ``tok`` (participles like 'infuriated' included)."""
        entries = self.lex.adjs.get(tok.lower_) or self.lex.adjs.get(tok.lemma_.lower())
        return entries[0] if entries else None

    # ------------------------------------------------------------------ noun phrases
    def np_actors(self, tok: Token | None, A: DocActors, depth: int = 4, of: bool = True, conj: bool = True) -> list[ActorRef]:
        """Actors of the noun phrase headed by ``tok``: the head itself, its modifiers, its 'of' phrase."""
        if tok is None:
            return []
        found = list(A.at(tok))
        if not found and tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
            return self.np_actors(tok.head.head, A, depth, of, conj)
        if not found:
            frontier = [tok]
            for _ in range(depth):
                nxt = []
                for t in frontier:
                    for c in t.children:
                        if c.dep_ in NP_DEPS or c.dep_ == "pobj" or (of and c.dep_ in ("prep", "agent") and c.lower_ in ("of", "from", "by")) or (
                            of and c.dep_ == "prep" and c.lower_ == "in" and t.lemma_.lower() in GOVERNING  # "the junta in Athens"
                        ) or (
                            of and c.dep_ == "acl" and c.tag_ == "VBN"  # "Quemoy, an island held by the Nationalists"
                        ) or (
                            c.dep_ == "prep" and c.lower_ in ("including", "especially", "notably", "particularly")  # "the Allies, including Britain"
                        ):
                            nxt.append(c)
                hits = [r for t in nxt for r in A.at(t)]
                hits += [r for t in nxt if A.at(t) for c in t.conjuncts for r in A.at(c)]  # "Chinese and Indian troops"
                if hits:
                    found = hits
                    break
                frontier = nxt
                if not frontier:
                    break
        if conj:
            for c in tok.conjuncts:
                if c.i > tok.i and not self._is_clause_subject(c):
                    found += self.np_actors(c, A, depth, of, conj=False)
            own = {r.code for r in found}
            for c in tok.children:
                # "Sukarno, the Tunku and Macapagal agreed": a list the parser read as an apposition
                # (an apposition proper names the same actor: "Papandreou, the Greek prime minister")
                if c.dep_ == "appos" and c.i > tok.i and any(d.dep_ == "conj" for d in c.children) and A.at(c) and not (
                    {r.code for r in A.at(c)} & own
                ):
                    found += self.np_actors(c, A, depth, of, conj=True)
        return _dedupe(found)

    def prep_actors(self, tok: Token, preps: tuple[str, ...], A: DocActors) -> list[ActorRef]:
        """Actors in prepositional phrases of ``tok`` introduced by one of ``preps``."""
        out = []
        kids = list(tok.children)
        # "declared war on Russia on 1 August and on France": a coordinated preposition too
        kids += [d for c in kids if c.dep_ == "prep" for d in c.children if d.dep_ == "conj" and d.pos_ == "ADP"]
        for c in kids:
            if c.dep_ in ("prep", "agent", "dative", "conj") and c.lower_ in preps:
                for p in c.children:
                    if p.dep_ in ("pobj", "pcomp"):
                        if c.lower_ in ("at", "in", "during") and p.lemma_.lower() in VENUES:
                            continue  # "at a congress of the Romanian party": where, not at whom
                        if c.lower_ == "with" and p.lemma_.lower() in BACKING:
                            continue  # "with the backing of Berlin": an ally, not a target
                        if c.lower_ == "with" and any(d.dep_ == "prep" and d.lower_ == "as" for d in p.children):
                            continue  # "signed by Peru and Ecuador, with the United States ... as its guarantors": a role
                        out += self.np_actors(p, A)
        return _dedupe(out)

    def is_reciprocal(self, tok: Token) -> bool:
        """'each other' / 'one another' (headed by 'other'/'another', or by 'one' with 'another')."""
        if tok.lower_ in self.reciprocal_words:
            return True
        return tok.lower_ in ("one", "each") and any(c.lower_ in self.reciprocal_words for c in tok.children)

    def reciprocal_in(self, tok: Token, depth: int = 2) -> bool:
        """True when ``tok`` (or its object) has 'each other' / 'one another' as (prepositional) object."""
        for c in tok.children:
            if c.dep_ in ("dobj", "dative", "pobj") and self.is_reciprocal(c):
                return True
            if c.dep_ in ("prep", "dative"):
                if any(self.is_reciprocal(p) for p in c.children if p.dep_ == "pobj"):
                    return True
            if depth > 1 and c.dep_ == "dobj" and self.reciprocal_in(c, depth - 1):
                return True
        return False

    # ------------------------------------------------------------------ clause structure
    def subject_of(self, verb: Token, A: DocActors, seen: int = 0) -> tuple[list[ActorRef], Token | None]:
        """Actors of the (active) subject of ``verb``, following conjunctions and relative clauses."""
        if seen > 6:
            return [], None
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        if (verb.dep_ == "relcl" and len(subjects) == 1 and subjects[0].lower_ in ("which", "that") and verb.head.lemma_.lower() == "resolution"
                and not self.np_actors(verb.head, A, of=False)):
            # "Iraq accepted resolution 687, which forced it to ...": the body that passed it speaks, not who accepted it
            body = self._issuing_body(verb.head, A)
            return ([body], verb.head) if body is not None else ([], verb.head)
        if (verb.dep_ == "relcl" and len(subjects) == 1 and subjects[0].lower_ in ("which", "that") and verb.head.lemma_.lower() in MESSAGES
                and not self.np_actors(verb.head, A, of=False) and verb.head.dep_ in ("dobj", "nsubjpass") and verb.head.head.pos_ in ("VERB", "AUX")):
            # "sent Moscow a long letter which condemned ...": who sent the message says what it says
            return self.subject_of(verb.head.head, A, seen + 1)
        if subjects:
            if all(c.lemma_.lower() in LONE_AGENTS for c in subjects):
                return [], subjects[0]  # "a gunman from Japan shot at Park": no state's act
            # "After Ho's death in 1969 the North Vietnamese leaned ...": the parser may give two
            for c in subjects:
                found = self.np_actors(c, A)
                if found:
                    first = list_head_in_date(c)
                    if first is not None and any(r.kind == "state" for r in A.at(first)):
                        found = _dedupe(list(A.at(first)) + found)
                    return found, c
            forces = self.unnamed_forces(subjects[0], A)
            if forces:
                return forces, subjects[0]
            body = self._issuing_body(subjects[0], A)
            if body is not None:
                return [body], subjects[0]
            if verb.dep_ == "conj" and verb.i > 0 and verb.doc[verb.i - 1].text == "," and verb.head.pos_ in ("VERB", "AUX"):
                # "Carter called the invasion the greatest threat to peace, imposed an embargo ...":
                # a list of acts misparsed with the previous complement as subject
                shared, host = self.subject_of(verb.head, A, seen + 1)
                if shared:
                    return shared, host
            return [], subjects[0]
        for c in verb.children:
            # "In September Kosygin met Zhou": the parser hangs the subject on the date's preposition
            if c.dep_ == "prep" and c.i < verb.i and c.lower_ in ("in", "on", "by", "during", "after", "from", "over", "throughout", "until", "before", "since"):
                last = max(c.subtree, key=lambda t: t.i)
                dated = any(t.ent_type_ in ("DATE", "EVENT") or (t.like_num and len(t.text) == 4) for t in c.subtree) or c.i == c.sent.start
                # "By 1948 Pakistani units were fighting": only auxiliaries between subject and verb
                # (or a participle clause set off by commas: "In December 1975 Pretoria, finding itself alone, pulled")
                aside = {t.i for d in verb.children if d.dep_ == "advcl" and d.tag_ in ("VBG", "VBN") and last.i < d.i < verb.i for t in d.subtree}
                adjacent = all((verb.doc[j].head.i == verb.i and verb.doc[j].dep_ in ("aux", "auxpass", "neg", "punct")) or j in aside
                               for j in range(last.i + 1, verb.i)) and (not aside or verb.doc[last.i + 1].text == ",")
                if adjacent and last.i < verb.i and not dated:
                    # "during the conference at Bandung, Zhou Enlai and the Indonesian foreign minister
                    # Sunario signed ...": the subject after the phrase's last comma, hung on it as a conjunct
                    commas = [t.i for t in c.subtree if t.text == "," and t.i < last.i]
                    head = verb.doc[commas[-1] + 1] if commas else None
                    while head is not None and head.head.i != head.i and commas[-1] < head.head.i <= last.i:
                        head = head.head
                    if head is not None and head.dep_ == "conj" and A.at(head) and head.left_edge.i == commas[-1] + 1:
                        found = self.np_actors(head, A)
                        if found:
                            return found, head
                if adjacent and last.i < verb.i and last.pos_ == "PROPN" and A.at(last) and dated:
                    first = last
                    while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ == "PROPN":
                        first = first.head  # "on 6 October Egypt and Syria attacked Israel": the whole list
                    return _dedupe([r for t in [first] + list(first.conjuncts) for r in A.at(t)]), last
                body = self._issuing_body(last, A) if adjacent and last.i < verb.i and dated else None
                if body is not None:
                    return [body], last  # "on 6 August resolution 661 put an embargo on Iraq"
                if adjacent and last.i < verb.i and last.pos_ == "NOUN" and dated and not A.at(last):
                    # "In 1940 German armies defeated France": the subject swallowed by the date
                    found = _dedupe([r for t in last.children if t.dep_ in ("amod", "compound", "poss") for r in A.at(t)])
                    if found:
                        return found, last
        after = _subordinate_subject(verb)
        if after is not None and A.at(after):
            return _dedupe(A.at(after)), after
        stolen = self._clause_subject(verb, A)
        if stolen:
            return stolen, verb.doc[verb.i - 1]
        orphan = orphan_subject(verb)
        if orphan is not None and A.at(orphan):
            return _dedupe(A.at(orphan)), orphan
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            main = _main_clause_conjunct(verb)
            return self.subject_of(main if main is not None else verb.head, A, seen + 1)
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return self.np_actors(verb.head, A), verb.head
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            # "a letter asking the Chinese to ...": the writer of the letter asks;
            # "Stalin's reluctance to help China": Stalin would have helped
            if verb.head.lemma_.lower() in self.neg_nouns:
                # "Stalin's reluctance to help", "the refusal of Peking to accept the proposals"
                own = self.np_agents(verb.head, A)
                if not own:
                    of_objs = [p for c in verb.head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                               if p.dep_ == "pobj" and p.i < verb.i and not any(k.pos_ == "VERB" for k in p.children)]
                    own = _dedupe([r for p in of_objs for r in self.np_actors(p, A, of=False)])
            else:
                own = self.np_actors(verb.head, A, of=False)
            if own:
                return own, verb.head
            if verb.head.dep_ in ("dobj", "nsubjpass") and verb.head.head.pos_ in ("VERB", "AUX"):
                return self.subject_of(verb.head.head, A, seen + 1)
            return [], None
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
            # "retaliated by invading", "repaid their kindness by supporting"
            found, host = self.subject_of(verb.head.head, A, seen + 1)
            if found and verb.head.lower_ == "in" and verb.head.head.lemma_.lower() == "join":
                # "France and Britain joined the United States in vetoing ...": whom they joined did it too
                found = _dedupe(found + [r for c in verb.head.head.children if c.dep_ == "dobj" for r in self.np_actors(c, A)])
            return found, host
        if verb.dep_ in ("xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX", "ADJ"):
            return self.subject_of(verb.head, A, seen + 1)
        if verb.dep_ in ("acomp",) and verb.head.pos_ in ("VERB", "AUX"):
            return self.subject_of(verb.head, A, seen + 1)
        return [], None

    def _proposer(self, noun: Token, A: DocActors) -> list[ActorRef]:
        """'the plan' after 'Sarkozy presented a six-point plan': who put forward the same kind of
        proposal, in this sentence or the two before (its possessor or adjective, else the subject
        of the verb it was the object of)."""
        if noun.lemma_.lower() not in PROPOSED or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
            return []
        if self.np_actors(noun, A):
            return []
        doc = noun.doc
        lo = noun.sent.start
        for _ in range(2):
            if lo > 0:
                lo = doc[lo - 1].sent.start
        for t in reversed(doc[lo : noun.i]):
            if t.lemma_.lower() != noun.lemma_.lower() or t.pos_ != "NOUN":
                continue
            owners = self.np_agents(t, A)
            if not owners and t.dep_ == "dobj" and t.head.pos_ in ("VERB", "AUX"):
                owners = self.subject_of(t.head, A)[0]
            if owners:
                return owners
        return []

    @staticmethod
    def _issuing_body(noun: Token, A: DocActors) -> ActorRef | None:
        """'resolution 661 put a total trade embargo on Iraq': a resolution acts for the body that
        passed it, the international body named last before it in its sentence or the one before."""
        if noun.lemma_.lower() != "resolution" or A.at(noun):
            return None
        doc = noun.doc
        first = doc[noun.sent.start - 1].sent.start if noun.sent.start > 0 else 0
        best = None
        for _s, r in A.ordered:
            if r.start >= noun.i:
                break
            if r.code in ORGANISATIONS and r.start >= first:
                best = r
        return best

    def unnamed_forces(self, noun: Token, A: DocActors) -> list[ActorRef]:
        """'Soviet troops crossed the border and the next day special forces stormed the palace':
        armed forces named without their state are those of the last forces named with one, in
        this sentence or the one before."""
        if self.agent_class.get(noun.lemma_.lower()) != "military" or any(c.dep_ == "poss" for c in noun.children):
            return []
        try:
            start = noun.sent.start
            prev = noun.doc[start - 1].sent.start if start > 0 else start
        except ValueError:
            return []
        for t in reversed(list(noun.doc[prev : noun.i])):
            if t.pos_ == "NOUN" and self.agent_class.get(t.lemma_.lower()) == "military":
                found = _dedupe([r for c in t.children if c.dep_ in ("amod", "compound", "poss", "nmod") for r in A.at(c)])
                if found:
                    return found
        return []

    def _clause_subject(self, verb: Token, A: DocActors) -> list[ActorRef]:
        """Actors hung on the previous clause's object that are really this clause's subject.

        "Egypt nationalized the company, and Britain, France and Israel attacked Egypt": the
        parser makes 'Britain, France and Israel' conjuncts of 'company'.
        """
        if verb.i == 0 or not (verb.dep_ == "conj" or (
            verb.dep_ == "ROOT" and _before_aside(verb.doc, verb.i) < verb.i - 1  # "... and Gaddafi in return promised"
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))):
            return []
        prev = verb.doc[_before_aside(verb.doc, verb.i)]
        if prev.dep_ != "conj":
            return []
        if not A.at(prev):
            # "..., Morocco and eighteen other states walked out" (the list read as an apposition of
            # the place before): the named ones of the list
            if prev.head.dep_ != "appos" or not A.at(prev.head) or not any(c.lower_ == "other" for c in prev.children):
                return []
            return _dedupe(A.at(prev.head))
        out = []
        tok = prev
        while tok.dep_ == "conj" and A.at(tok):
            out += A.at(tok)
            tok = tok.head
        return _dedupe(out)

    def _is_clause_subject(self, tok: Token) -> bool:
        """True for a conjunct that starts the next clause (see :meth:`_clause_subject`)."""
        last = tok
        while last.i + 1 < len(last.doc) and last.doc[last.i + 1].dep_ in ("cc", "punct", "conj") and last.doc[last.i + 1].pos_ != "VERB":
            last = last.doc[last.i + 1]
        nxt = _after_aside(tok.doc, last.i + 1)
        if nxt >= len(tok.doc) or tok.doc[nxt].pos_ != "VERB" or not (
            tok.doc[nxt].dep_ == "conj" or (tok.doc[nxt].dep_ == "ROOT" and nxt > last.i + 1)
        ):
            return False
        if tok.doc[nxt - 1].dep_ == "cc" and nxt - 1 > tok.i:
            return False  # "visited Jakarta and Kuala Lumpur and persuaded ...": 'and' joins the verbs, not a subject
        # "West Germany, Japan and China joined the boycott": the verb's own subject heads the list
        return not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i for c in tok.doc[nxt].children)

    def passive_subject(self, verb: Token) -> Token | None:
        """The passive subject of ``verb`` (or of the verb it is coordinated with)."""
        if verb.tag_ == "VBN" and verb.dep_ == "acl":
            return verb.head
        if verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.i < verb.head.i and not any(
            c.dep_ in ("nsubjpass", "auxpass", "nsubj") for c in verb.children
        ):
            # "Encouraged by Moscow, Hanoi attacked": the main clause's subject
            return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                return c
        if verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.children):
            return self.passive_subject(verb.head)
        return None

    def is_passive(self, verb: Token) -> bool:
        """A passive clause, or a passive participle modifying a noun ("exiles trained by the CIA")."""
        if verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl") and any(c.dep_ == "agent" for c in verb.children):
            return True  # "a brigade trained by the CIA", "Encouraged by this, Ayub decided ..."
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)

    def chain(self, trig: Token) -> Chain:
        """Walk up from a trigger through its governing verbs, collecting negation and modality."""
        ch = Chain(subject_host=trig)
        tok = trig
        self._local_mods(tok, ch)
        for _ in range(8):
            head = tok.head
            if head.i == tok.i:
                break
            dep = tok.dep_
            if dep == "conj" and head.pos_ in ("VERB", "AUX"):
                # "of persecuting Kazakhs and causing ...": a conjunct shares its first verb's frame
                main = _main_clause_conjunct(tok)
                tok = head if main is None else main
                continue
            if dep == "pcomp" and head.dep_ == "prep" and head.head.i != head.i:
                prep, host = head, head.head
                if host.pos_ in ("NOUN", "PROPN") and host.dep_ == "dobj" and prep.lower_ == "of":
                    host = host.head  # "accusing the junta of plotting ...", the 'of' hung on the accused
                host_entry = self.verb_entry(host) if host.pos_ in ("VERB", "AUX") else None
                if prep.lower_ in ("of", "for", "with") and host_entry is not None and host_entry.cat == "ACCUSE":
                    # "accused the Chinese of persecuting Kazakhs": the accusation is the event
                    ch.object_host = host
                    ch.modes.append("reported")
                    ch.under_accusation = True
                    break
                if prep.lower_ == "by" and host.pos_ in ("VERB", "AUX") and host_entry is None:
                    # "claimed that Iran had started the war by shelling Iraqi towns": the means shares
                    # the clause it serves (reported, claimed, hypothetical ...)
                    tok = host
                    continue
                if prep.lower_ in ("without", "instead") and tok.i == ch.subject_host.i:
                    # "discussed a federation without asking Moscow": the asking did not happen
                    ch.negation = ch.negation or "not"
                if prep.lower_ == "from" and host.lemma_.lower() in PREVENT:
                    # "prevented him from taking action": it did not happen
                    ch.negation = ch.negation or "not"
                    ch.controllers.append(host)
                    tok = host
                    ch.subject_host = host
                    continue
                if host.lemma_.lower() in ("from",) or prep.lower_ in ("from",) and host.lemma_.lower() in ("refrain", "abstain", "desist"):
                    ch.negation = "refuse"
                    ch.controllers.append(host)
                    tok = host
                    ch.subject_host = host
                    self._local_mods(tok, ch)
                    continue
                break
            if dep == "ccomp" and tok.tag_ == "VBG" and head.lemma_.lower() in ("stop", "prevent", "keep", "block", "deter", "discourage") and any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                ch.under_accusation = True  # "to stop the Americans signing an alliance": what was to be stopped was not done
                break
            if self._content_of_a_noun(tok, head):
                # "refused Stalin's demand that he defend himself", "withdrew their offer to finance the dam":
                # what a demand asks or an offer offers is not an act of its own
                ch.under_accusation = True
                break
            if dep == "acl" and head.lemma_.lower() in self.neg_nouns:
                # "Stalin's reluctance to help China", "a failure to resolve differences"
                ch.negation = self.neg_nouns[head.lemma_.lower()] if ch.negation is None else ch.negation
                break
            effect = self.lex.controllers.get(head.lemma_.lower())
            if dep == "advcl" and effect in ("cause", "request") and self._object_control(tok, head):
                dep = "xcomp"  # "causing some 50,000 Kazakhs to seek refuge": parsed as a purpose clause
            if dep == "advcl" and _called_on(tok, head):
                effect, dep = "request", "xcomp"  # "called on Morocco to withdraw the marchers": asked, not done
            if dep not in ("xcomp",) and not (dep == "acomp" and tok.pos_ == "ADJ"):
                break
            if head.lemma_.lower() in ABILITY or tok.lemma_.lower() in ABILITY:
                ch.ability = True
            if dep == "xcomp" and head.pos_ == "ADJ" and any(c.dep_ == "advmod" and c.lower_ == "too" for c in head.children):
                # "China was too weak to fight Japan": not done (no attempt that failed)
                ch.negation = ch.negation or "not"
            if dep == "acomp":
                # "were not able to", "seemed reluctant to": the adjective controls, the copula carries negation
                self._local_mods(head, ch)
                tok = head
                continue
            if effect is None:
                break
            ch.controllers.append(head)
            if effect in ("refuse", "fail"):
                ch.negation = effect if ch.negation is None else ch.negation
            elif effect == "intend":
                ch.modes.append("intended")
                ch.pledge = True
                ch.pledged_by = head
            elif effect == "stop":
                ch.stop = True
            elif effect == "request":
                ch.request_host = head
                ch.object_host = head
            elif effect == "threaten":
                ch.threaten_host = head
            elif effect == "cause":
                ch.object_host = head if ch.object_host is None else ch.object_host
            ch.subject_host = head
            self._local_mods(head, ch)
            tok = head
        # the clause the chain ends in: reported, conditional, hypothetical?
        top = tok
        for _ in range(3):
            if top.dep_ == "conj":
                main = _main_clause_conjunct(top)
                top = main if main is not None else top.head
                continue
            break
        own_clause = trig is not top and any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.children) and (
            {c.i for c in trig.children if c.dep_ in ("nsubj", "nsubjpass")} != {c.i for c in top.children if c.dep_ in ("nsubj", "nsubjpass")}
        )  # "... that the Russians stop, and when they refused, Germany declared war": a clause of its own
        spliced = _spliced(top)  # "China demanded that ..., Vietnam demanded ...": two sentences run on with a comma
        if top.dep_ == "ccomp" and not own_clause and not spliced and (self.lex.controllers.get(top.head.lemma_.lower()) in ("threaten", "request") or (
            top.head.lemma_.lower() in PROPOSING
        )) and (
            self.verb_entry(top.head) is not None or self.lex.controllers.get(top.head.lemma_.lower()) == "threaten"
        ):
            # "warned Washington that China would intervene", "demanded that the Russians stop their
            # mobilization", "proposed that both armies pull back": the warning, the demand or the
            # proposal is the event, not what it asks for
            ch.under_accusation = True
        if top.dep_ in ("ccomp", "parataxis") and not spliced and (saying := self.saying_verb(top.head)) in self._saying:
            ch.modes.append("reported")
            if ch.pledged_by is None and any(c.dep_ == "aux" and c.lower_ in ("would", "will") for c in top.children):
                ch.pledged_by = top.head  # "announced that they would establish relations on 1 January"
            if (saying in self.opinion or saying in BELIEF) and any(c.dep_ == "aux" and c.lower_ in ("would", "will", "might", "could", "may") for c in top.children):
                ch.modes.append("hypothetical")  # "Nehru did not believe they would attack": a belief about what may come
            if top.head.lemma_.lower() in self.report_accuse:
                ch.under_accusation = True  # "claimed that the Soviets coerced ...": one ACCUSE, not two events
            host = top.head
            if host.lemma_.lower() in self.opinion and ch.negation is None and any(c.dep_ == "neg" for c in host.children):
                ch.negation = "not"  # "did not feel that they were allied": negation raised from the opinion verb
        if top.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.cond_marks for c in top.children):
            ch.modes.append("hypothetical")
        if any(c.dep_ == "aux" and c.lower_ in self.hyp_aux for c in top.children) and any(
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in self.cond_marks for m in c.children) for c in top.children
        ):
            ch.modes.append("hypothetical")  # the main clause of a conditional
        if ch.negation == "not" and ch.ability:
            ch.negation = "fail"  # "were not able to incite": a failure
        return ch

    def _tells_of_harm_to_self(self, verb: Token, A: DocActors) -> bool:
        """A saying verb whose that-clause says another actor did the speaker harm ("told the Security
        Council that Greece had invaded his country"): telling it is accusing."""
        if verb.lemma_.lower() in self.opinion or verb.lemma_.lower() in BELIEF:
            return False  # believing or fearing it is a view, not a charge
        speakers = {r.code for r in self.subject_of(verb, A)[0]}
        if not speakers:
            return False
        for top in (c for c in verb.children if c.dep_ == "ccomp"):
            # the clause, its coordinated verbs and what they go on to ("that Britain was behaving like a
            # colonial power and had no right to interfere in Iranian affairs")
            verbs = [top] + [c for c in top.conjuncts if c.pos_ in ("VERB", "AUX")]
            verbs += [x for v in list(verbs) for x in v.children if x.dep_ == "xcomp"]
            verbs += [x for v in list(verbs) for c in v.children if c.dep_ in ("dobj", "attr") for x in c.children if x.dep_ == "acl"]
            subj = {r.code for c in top.children if c.dep_ == "nsubj" for r in self.np_actors(c, A)}
            for comp in verbs:
                entry = self.verb_entry(comp)
                if entry is None or entry.cat is None or is_cooperative(entry.cat) or entry.cat in ("CONSULT", "REQUEST", "REJECT"):
                    continue
                doers = {r.code for c in comp.children if c.dep_ == "nsubj" for r in self.np_actors(c, A)} or subj
                done_to = {r.code for c in comp.children if c.dep_ in ("dobj", "dative") for r in self.np_actors(c, A)} | {
                    r.code for c in comp.children if c.dep_ == "prep" and c.lower_ in ("in", "into", "against", "on")
                    for p in c.children if p.dep_ == "pobj" for r in self.np_actors(p, A)}
                if doers and not doers & speakers and done_to & speakers:
                    return True
        return False

    def _content_of_a_noun(self, tok: Token, head: Token) -> bool:
        """Whether clause ``tok`` (hung on ``head``) says what a demand, warning or offer noun asks or
        offers: "the demand that he defend himself", "their offer to finance the dam"."""
        dep = tok.dep_

        def asks(noun: Token, cats: tuple[str, ...]) -> bool:
            e = self.noun_entry(noun)
            return e is not None and e.cat in cats

        if dep == "advcl" and tok.i >= 2 and tok.doc[tok.i - 1].lower_ == "to":
            # "withdrawing their offer to finance the dam", parsed as a purpose clause of the verb
            noun = tok.doc[tok.i - 2]
            return noun.head.i == head.i and noun.dep_ == "dobj" and asks(noun, ("REQUEST", "THREATEN", "AGREE"))
        if head.pos_ != "NOUN" or tok.i <= head.i:
            return False
        that = dep in ("acl", "ccomp") or (dep == "relcl" and tok.tag_ in ("VB", "VBP"))
        if that and any(m.dep_ in ("mark", "dobj") and m.lower_ == "that" for m in tok.children) and asks(head, ("REQUEST", "THREATEN")):
            return True
        return dep == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children) and asks(head, ("REQUEST", "THREATEN", "AGREE"))

    def saying_verb(self, tok: Token) -> str:
        """The lemma of a verb of saying or thinking, misspellings of six letters or more forgiven
        ("did not beleive they would attack")."""
        lem = tok.lemma_.lower()
        if lem in self._saying or len(lem) < 6 or tok.pos_ not in ("VERB", "AUX"):
            return lem
        return _near_word(lem, self._saying_sorted) or lem

    @staticmethod
    def _object_control(inf: Token, host: Token) -> bool:
        """'caused X to V' / 'asked X to V': a to-infinitive after its host's object, with no subject of its own."""
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in inf.children):
            return False
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in inf.children):
            return False
        return any(c.dep_ in ("dobj", "dative") and c.i < inf.i for c in host.children)

    def _local_mods(self, tok: Token, ch: Chain) -> None:
        kids = list(tok.children)
        if _passed_over(tok) and ch.negation is None:
            ch.negation = "not"  # "work with the new government rather than isolate it", "instead of attacking China"
        lowers = {c.lower_ for c in kids if c.dep_ in ("neg", "advmod", "aux", "auxpass", "det", "preconj")}
        until = any((c.dep_ in ("prep", "ccomp") and c.lemma_.lower() in ("until", "till")) or (c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lemma_.lower() in ("until", "till") for m in c.children)) for c in kids)  # ("untill", read as a verb)
        if until and any(c.dep_ == "neg" for c in kids):
            return  # "did not agree to a ceasefire until March": they agreed, in March
        if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") or (c.dep_ in ("dobj", "npadvmod") and c.lower_ in ("nothing", "none"))
               or (c.dep_ in ("nsubj", "nsubjpass", "preconj") and c.i < tok.i and c.lower_ in ("neither", "none", "nobody"))
               or (c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i and _neither_nor(c)) for c in kids):
            if ch.negation is None:
                ch.negation = "not"
        if lowers & self.fail_adv:
            ch.negation = "fail"
        auxes = [c.lower_ for c in kids if c.dep_ == "aux"]
        if any(a in ("can", "could", "ca") for a in auxes) and ch.negation == "not":
            ch.ability = True
        elif any(a in self.hyp_aux for a in auxes) and ("have" in auxes or any(a in ("might", "could") for a in auxes)):
            ch.modes.append("hypothetical")
        elif any(a in self.int_aux for a in auxes):
            ch.modes.append("intended")

    # ------------------------------------------------------------------ coding helpers
    def object_noun(self, verb: Token) -> Token | None:
        for c in verb.children:
            if c.dep_ in ("dobj", "nsubjpass"):
                return c
        for c in verb.children:  # "cut off aid to", "broke off relations with": object after a particle
            if c.dep_ in ("prt",):
                for d in verb.children:
                    if d.dep_ == "dobj":
                        return d
        return None

    def agent_class_of(self, *toks: Token | None) -> str | None:
        for t in toks:
            if t is None:
                continue
            for x in [t] + [c for c in t.children if c.dep_ in ("prep",) for c in c.children]:
                cls = self.agent_class.get(x.lemma_.lower())
                if cls:
                    return cls
        return None

    def apply_chain(self, coding: Coding, ch: Chain) -> Coding:
        if ch.stop:
            coding = reversed_coding(coding.category, coding.kind)
        if ch.negation == "fail" and ch.ability and coding.category in ("REJECT", "ACCUSE", "REQUEST", "THREATEN"):
            # "they could not veto the resolution": words that could not be said were not said
            return replace(coding, negated=True, factor=0.0)
        if ch.negation:
            coding = negate(coding, ch.negation, self.lex)
        if ch.threaten_host is not None:
            coding = replace(coding, category="THREATEN", plover_mode="violence" if coding.category == "ASSAULT" else None)
        if ch.request_host is not None:
            if ch.request_host.lemma_.lower() in INVITING and is_cooperative(coding.category) and not coding.negated:
                # "invited an American team to visit China": an offer to meet, not a demand
                coding = intend(coding, self.lex)
            else:
                coding = request(coding, self.lex)
        mode = "asserted"
        if "hypothetical" in ch.modes:
            mode = "hypothetical"
        elif "intended" in ch.modes:
            mode = "intended"
        elif "reported" in ch.modes:
            mode = "reported"
        if mode == "intended" and ch.request_host is None and ch.threaten_host is None:
            if coding.category == "MOBILIZE" and not coding.negated and ch.pledged_by is not None and ch.pledged_by.lemma_.lower() in ("offer", "volunteer"):
                # "Britain and France had offered to send an expeditionary force": forces offered are help offered
                coding = replace(coding, category="AID", plover_mode=None)
            coding = intend(coding, self.lex, pledge=ch.pledge and ch.negation == "not")
        elif mode != "asserted":
            coding = replace(coding, mode=mode)
        return coding

    def target_preps(self, entry: LexEntry, category: str) -> tuple[str, ...]:
        return tuple(entry.preps) + self.cat_preps.get(category, ()) + self.default_preps

    # ------------------------------------------------------------------ triggers
    @staticmethod
    def _frame_toward(trig: Token, sent: int, coding: Coding, sources: list[ActorRef], candidates: list[ActorRef]) -> list[Frame]:
        """One frame of ``trig`` from ``sources`` to those ``candidates`` that are not sources
        themselves; none when either side is empty."""
        codes = {r.code for r in sources}
        targets = _dedupe([r for r in candidates if r.code not in codes])
        if not sources or not targets:
            return []
        return [Frame(sent, trig.doc[trig.i : trig.i + 1], coding, sources, targets)]

    def conditional_threat(self, trig: Token, entry: LexEntry, A: DocActors, sent: int) -> list[Frame] | None:
        """'said they would protect the island if the Chinese did not cease': force promised on a
        condition another state controls is a threat to that state (PLOVER THREATEN)."""
        if not any(c.dep_ == "aux" and c.lower_ in ("would", "will", "'d", "'ll") for c in trig.children):
            return None
        if any(c.dep_ == "neg" for c in trig.children):
            return None
        if entry.cat not in CONDITIONAL_FORCE and trig.lemma_.lower() not in GUARDING:
            return None
        if trig.dep_ == "ccomp" and self.lex.controllers.get(trig.head.lemma_.lower()) == "threaten":
            return None  # "warned that China would intervene if ...": the warning is the event
        cond = next((c for c in trig.children if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)), None)
        if cond is None:
            return None
        subj = next((c for c in cond.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return None
        sources, _ = self.subject_of(trig, A)
        mode = "violence" if entry.cat in ("ASSAULT", "MOBILIZE") or trig.lemma_.lower() in GUARDING else None
        return self._frame_toward(trig, sent, Coding("THREATEN", mode), sources, self.np_actors(subj, A)) or None

    @staticmethod
    def states_terms(trig: Token) -> bool:
        """A verb inside a relative clause that states what a treaty or declaration says ("a
        treaty, which promised consultations if either were attacked"; "the Belgrade Declaration,
        in which both promised to respect each other's sovereignty"): the terms, not new acts."""
        tok = trig
        for _ in range(6):
            if tok.dep_ == "relcl":
                head = tok.head
                # the parser often hangs the clause on the last noun ("a Treaty of Friendship with
                # the Soviet Union, which promised ..."): a document named just before counts
                first = min(t.i for t in tok.subtree)
                near = tok.doc[max(tok.sent.start, first - 12) : first]
                if head.lemma_.lower() not in SIGNED_DOCUMENTS and not any(t.lemma_.lower() in SIGNED_DOCUMENTS for t in near):
                    return False  # (a resolution or a statement speaks for who issued it: "resolution 660, which condemned the invasion")
                if head.lemma_.lower() not in SIGNED_DOCUMENTS and head.pos_ == "PROPN" and tok.lemma_.lower() not in TERMS_VERBS:
                    return False  # "an agreement with Czechoslovakia, which supplied Egypt with tanks": the country acts
                subj_rel = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that") for c in tok.children)
                in_which = any(c.dep_ == "prep" and c.lower_ in ("in", "by", "under") and any(
                    p.lower_ == "which" for p in c.children) for c in tok.children)
                # "under which Moscow promised to help China": a party named as the subject makes a
                # commitment of its own; "in which both promised ...": the document's terms
                subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                generic = subj is None or subj.lower_ in ("both", "each", "either", "neither", "all", "they") or (
                    subj.lemma_.lower() in ("party", "side", "signatory", "government", "state", "country") and any(
                        d.lower_ in ("the", "both", "each", "two") for d in subj.children))
                return subj_rel or (in_which and generic)
            if tok.dep_ in ("conj", "xcomp", "ccomp", "advcl") and tok.head.i != tok.i:
                tok = tok.head
                continue
            return False
        return False

    def flow_frames(self, trig: Token, A: DocActors, sent: int) -> list[Frame]:
        """'American tanks, jets and money poured into Pakistan': aid from the goods' owner."""
        subj = next((c for c in trig.children if c.dep_ == "nsubj"), None)
        goods = [subj] + list(subj.conjuncts) if subj is not None else []
        for c in trig.children:  # "From 1955 American tanks, jets ...": the parser put the first in the date
            if c.dep_ == "prep" and c.i < trig.i:
                last = max(c.subtree, key=lambda t: t.i)
                if last.lemma_.lower() in FLOW_GOODS and last.pos_ == "NOUN":
                    goods.append(last)
        if not any(t.lemma_.lower() in FLOW_GOODS for t in goods):
            return []
        sources = _dedupe([r for t in goods for c in t.children
                           if c.dep_ in ("amod", "compound", "poss", "nmod") for r in self.np_actors(c, A, depth=2, of=False)])
        targets = self.prep_actors(trig, ("into", "to", "in"), A)
        if not sources or not targets:
            return []
        return self._frame_toward(trig, sent, self.apply_chain(Coding("AID", None), self.chain(trig)), sources, targets)

    def approach_frames(self, trig: Token, A: DocActors, sent: int) -> list[Frame]:
        """'the Cubans turned even closer to Moscow' (SUPPORT), 'Hanoi drifted away from Peking'
        (REJECT): moving nearer to or away from another state."""
        kids = list(trig.children)
        words = {t.lower_ for c in kids for t in c.subtree if c.dep_ in ("advmod", "acomp", "prt", "oprd")}
        if words & {"closer", "nearer"}:
            cat, preps = "SUPPORT", ("to", "toward", "towards", "with")
            holders = [trig] + [c for c in kids if c.lower_ in ("closer", "nearer")]
        elif "together" in words and trig.lemma_.lower() in ("draw", "move", "grow", "pull"):
            # "the United States and China were drawing together": with each other
            sources, _ = self.subject_of(trig, A)
            if len({r.code for r in sources}) < 2:
                return []
            coding = self.apply_chain(Coding("SUPPORT", None, kind="attitude"), self.chain(trig))
            return [Frame(sent, trig.doc[trig.i : trig.i + 1], coding, sources, [], True)]
        elif "away" in words or any(c.dep_ == "prep" and c.lower_ == "away" for c in kids):
            cat, preps = "REJECT", ("from",)
            holders = [trig] + [c for c in kids if c.lower_ == "away"]
        else:
            return []
        sources, _ = self.subject_of(trig, A)
        targets = [r for h in holders for r in self.prep_actors(h, preps, A)]
        if not sources or not targets:
            return []
        return self._frame_toward(trig, sent, self.apply_chain(Coding(cat, None, kind="attitude"), self.chain(trig)), sources, targets)

    def together_frames(self, trig: Token, A: DocActors, sent: int) -> list[Frame]:
        """'King Fahd brought them together again at the frontier': bringing two states together
        is mediating between them (the two then meet each other: see the actors' 'they')."""
        if not brought_together(trig):
            return []
        sources, _ = self.subject_of(trig, A)
        met = [r for c in trig.children if c.dep_ == "dobj" for r in self.np_actors(c, A)]
        if len({r.code for r in met}) < 2:
            return []
        return self._frame_toward(trig, sent, self.apply_chain(Coding("CONSULT", "third-party"), self.chain(trig)), sources, met)

    def been_to_frames(self, trig: Token, A: DocActors, sent: int) -> list[Frame]:
        """'Nixon had been to Beijing in February 1972': having been to a state's capital is a visit."""
        if trig.lower_ != "been" or any(c.dep_ in ("acomp", "attr", "xcomp", "ccomp") for c in trig.children):
            return []
        targets = self.prep_actors(trig, ("to",), A)
        sources, _ = self.subject_of(trig, A)
        if not sources or not targets:
            return []
        return self._frame_toward(trig, sent, self.apply_chain(Coding("CONSULT", "visit"), self.chain(trig)), sources, targets)

    def permission_frames(self, trig: Token, A: DocActors, sent: int) -> tuple[list[Frame], Token | None]:
        """'Helsinki agreed to let German troops pass through Finland': permission given is an
        agreement (AGREE) with those allowed to act; 'Stockholm refused to let British troops cross',
        'China would not allow the Soviets to fly weapons across its airspace': withheld, a refusal
        (REJECT). What they were (not) allowed to do is no act of theirs. Returns the frames and the
        complement they cover."""
        comp = next((c for c in trig.children if c.dep_ in ("xcomp", "ccomp") and c.i > trig.i), None)
        if comp is None:
            return [], None
        obj = next((c for c in trig.children if c.dep_ in ("dobj", "dative") and c.i > trig.i), None)
        obj = obj or next((c for c in comp.children if c.dep_ == "nsubj"), None)
        if obj is None:
            return [], None
        allowed = self.np_actors(obj, A)
        if not allowed:
            return [], None
        sources, _ = self.subject_of(trig, A)
        ch = self.chain(trig)
        if ch.under_accusation:
            return [], None
        if any(c.dep_ == "neg" or c.lower_ in ("never", "refused") for c in trig.children) or ch.negation:
            coding = Coding("REJECT", None, negated=True)
        else:
            coding = self.apply_chain(Coding("AGREE", None), ch)
        return self._frame_toward(trig, sent, coding, sources, allowed), comp

    def verb_frames(self, trig: Token, entry: LexEntry, A: DocActors, sent: int, absorbed: set[int]) -> list[Frame]:
        """Frames for a verb trigger."""
        if self.states_terms(trig):
            return []
        sent_home = self._sent_home(trig)
        if sent_home is not None:
            sources, _ = self.subject_of(trig, A)
            own = {r.code for r in sources}
            targets = [r for c in trig.children if c.dep_ == "dobj" for r in self.np_actors(c, A) if r.code not in own]
            if sources and targets:
                # "ordered all Iranian diplomats to leave the country": another state's people sent
                # home are expelled (one's own ordered home are withdrawn: the 'leave' tells it)
                absorbed.update([sent_home.i] + [c.i for c in sent_home.children if c.dep_ not in ("conj", "cc")])
                coding = self.apply_chain(Coding("SANCTION", "expel"), self.chain(trig))
                return self._frame_toward(trig, sent, coding, sources, targets)
        if trig.tag_ == "VBN" and trig.dep_ == "advcl" and trig.i < trig.head.i and not any(
            c.dep_ in ("agent", "nsubj", "nsubjpass", "auxpass", "aux") for c in trig.children
        ):
            return []  # "Isolated, and afraid ..., the Finns looked for a protector": a state they were in, no act
        allies = self.prep_actors(trig, ("alongside", "beside"), A) if entry.cat in ("ASSAULT",) else []
        if allies:
            # "troops to fight alongside the Ethiopians": fighting on someone's side is cooperation with them
            ch = self.chain(trig)
            if ch.under_accusation:
                return []  # "claimed that American aircraft had fought alongside the Israelis": the claim is the event
            sources, _ = self.subject_of(trig, A)
            fought = self._frame_toward(trig, sent, self.apply_chain(Coding("COOPERATE", None), ch), sources, allies)
            if fought:
                return fought
        threat = self.conditional_threat(trig, entry, A, sent)
        if threat is not None:
            return threat
        if trig.lemma_.lower() in ("admit", "accept", "welcome") and self.is_passive(trig):
            bodies = [r for r in self.prep_actors(trig, ("to", "into", "as"), A) if r.code in ORGANISATIONS]
            if bodies:
                # "in December 1955 it was admitted to the United Nations": the body took it in
                patient = self.passive_subject(trig) or next((c for c in trig.children if c.dep_ == "nsubjpass"), None)
                members = self.np_actors(patient, A) if patient is not None else []
                coding = self.apply_chain(Coding("SUPPORT", None), self.chain(trig))
                return [f for b in bodies for f in self._frame_toward(trig, sent, coding, [b], members)]
        effect = self.lex.controllers.get(trig.lemma_.lower())
        for c in trig.children:
            # a controller with an event-naming complement is not an event of its own
            if c.dep_ == "xcomp" and effect in ("refuse", "fail", "intend", "attempt", "aspect", "stop", "request", "threaten"):
                if self._names_event(c):
                    return []
                idiom_obj = self.object_noun(c) if c.pos_ in ("VERB", "AUX") else None
                if idiom_obj is not None and (c.lemma_.lower(), idiom_obj.lemma_.lower()) in IDIOMS:
                    return []  # "refused to take sides": no act toward anyone
            if c.dep_ in ("xcomp", "advcl") and effect == "aspect" and c.i > trig.i and c.pos_ in ("VERB", "AUX") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children
            ) and not any(p.dep_ == "prep" and p.i < c.i for p in trig.children if p.i > trig.i):
                return []  # "had come to see the USSR as a threat": 'come' only marks the change
            # "left the Chinese resentful", "made China angry": the adjective is the event
            if c.dep_ in ("oprd", "ccomp", "xcomp", "acomp") and (c.pos_ == "ADJ" or (c.tag_ == "VBN" and c.dep_ == "oprd")) and trig.lemma_.lower() in CAUSATIVE_HOSTS:
                return []
        if trig.lemma_.lower() == "leave" and any(c.dep_ == "dobj" for c in trig.children) and any(
            c.dep_ == "prep" and c.lower_ == "with" for c in trig.children
        ) and any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and not A.at(c) and c.lemma_.lower() not in self.agent_class for c in trig.children):
            # "the partition left India and Pakistan with a quarrel": a thing left them holding it,
            # no one departed (but "Soviet experts left China with their blueprints")
            return []
        if trig.lemma_.lower() == "order" and (self.prep_actors(trig, ("to",), A) or any(
            c.dep_ in ("prep", "advmod") and c.lower_ in ("into", "down", "along", "across", "through", "towards", "toward", "up")
            for c in trig.children)) and any(
            c.dep_ == "dobj" and "military" in {self.agent_class.get(t.lemma_.lower()) for t in (c, *(d for d in c.children if d.dep_ == "compound"))}
            or c.dep_ == "dobj" and c.lemma_.lower() == "group" and any(d.lower_ == "battle" for d in c.children)
            for c in trig.children
        ):
            # "President Bush ordered troops to Saudi Arabia", "ordered a battle group down the autobahn": sent them
            entry = self.plain_verb("send", entry)
            sending = True
        else:
            sending = trig.lemma_.lower() in SENDING
        voided = declared_void(trig)
        if voided is not None:
            # "the Security Council declared the annexation null and void": a rejection of the act,
            # aimed at whoever did it (named on the noun, or the one who did it just before)
            absorbed.add(voided.i)  # the act voided was told as done before, or is told by this
            if self.chain(trig).under_accusation:
                return []  # "demanded that Bonn declare the Munich Agreement invalid": the demand is the act
            sources, _ = self.subject_of(trig, A)
            targets = [r for r in self.np_agents(voided, A) if r.code not in {s.code for s in sources}]
            coding = self.apply_chain(Coding("REJECT", None), self.chain(trig))
            return [Frame(sent, trig.doc[trig.i : trig.i + 1], coding, sources, targets)] if sources else []
        obj = self.object_noun(trig)
        deadline = self._deadline(trig)
        if deadline is not None:
            # "gave the British staff a week to leave": a time limit set on someone is an ultimatum
            absorbed.add(deadline.i)
            absorbed.update(c.i for t in (deadline, trig) for c in t.children if c.dep_ in ("relcl", "acl", "xcomp", "advcl"))
            sources, _ = self.subject_of(trig, A)
            given = [r for c in trig.children if c.dep_ in ("dobj", "dative", "iobj") for r in self.np_actors(c, A, of=False)]
            coding = self.apply_chain(Coding("THREATEN", "ultimatum"), self.chain(trig))
            return self._frame_toward(trig, sent, coding, sources, given)
        if entry.light and obj is not None and obj.dep_ == "dobj" and A.at(obj):
            # "sent Prague the 'Warsaw Letter'": the parser gives both objects as direct ones; the
            # first, an actor, is whom it went to, the second what was sent
            second = next((c for c in trig.children if c.dep_ == "dobj" and c.i > obj.i and not A.at(c) and self.noun_entry(c) is not None), None)
            if second is not None:
                obj = second
        if trig.lemma_.lower() in ("buy", "purchase") and obj is not None and any(t.lemma_.lower() in MATERIEL for t in [obj, *obj.conjuncts]):
            # "the weapons he had bought from Czechoslovakia": the seller armed the buyer
            entry = replace(entry, cat="AID", inverse=True)
        if entry.reverse and any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and self.noun_entry(c) is not None and not self.noun_entry(c).light
                                 for c in trig.children):
            return []  # "the Soviet invasion of Afghanistan ended detente": an act ended it, the act is coded itself
        if trig.lemma_.lower() in JOINING | {"return", "repay"} and obj is not None:
            joined = self.noun_entry(obj)
            if joined is not None and not joined.light and joined.cat is not None and joined.cat != entry.cat:
                # "West Germany, Japan and China joined the boycott": each took part in the act the noun names;
                # "Brezhnev returned the visit": paid one of his own
                entry = replace(entry, cat=None, light=True, symmetric=False, preps=joined.preps)
        if trig.lemma_.lower() == "take" and obj is not None and obj.lemma_.lower() == "side" and self.np_actors(obj, A):
            # "Laos had taken Hanoi's side", "took the side of the Arabs": sided with them
            entry = self.plain_verb("side", entry)
            entry = replace(entry, explicit=False)
        elif obj is not None and (trig.lemma_.lower(), obj.lemma_.lower()) in IDIOMS:
            return []  # "paid the price of Nixon's opening", "took place": no act between states
        if trig.lemma_.lower() == "provide" and obj is None and any(c.dep_ == "prep" and c.lower_ == "for" for c in trig.children):
            return []  # "the treaty provided for permanent representatives": it stipulated, nothing was given
        if trig.lemma_.lower() == "land" and any(
            self.agent_class_of(c) == "civilian" or any(r.kind == "leader" for t in c.subtree for r in A.at(t))
            for c in trig.children if c.dep_ == "nsubj"
        ):
            return []  # troops land on a shore; a president (or his plane) landing is no attack
        if trig.lemma_.lower() == "return" and not any(c.dep_ in ("dobj", "nsubjpass", "dative") or (c.dep_ in ("prep", "prt") and c.lower_ in ("to", "from"))
                                                       for c in trig.children):
            return []  # "the Shah returned": came home, gave nothing back to anyone
        if trig.lemma_.lower() == "cut" and any(c.lower_ == "short" for c in trig.children):
            return []  # "cut his stay short": ended a visit early
        if trig.lemma_.lower() == "break" and any(c.dep_ in ("prt", "advmod") and c.lower_ in ("down", "up", "apart") for c in trig.children) and not any(
                c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "with") for c in trig.children):
            return []  # "three helicopters broke down", "the talks broke down", "Yugoslavia broke up": no act on anyone
        if trig.lemma_.lower() == "mine" and obj is not None and (obj.lemma_.lower() in MINERALS or any(
                c.dep_ in ("compound", "amod") and c.lemma_.lower() in MINERALS for c in obj.children)):
            return []  # "a joint company to mine the iron ore of Gara Djebilet": digging, not mining a harbour
        stopped = [c for c in trig.children if c.dep_ in ("xcomp", "dobj", "pcomp") and c.tag_ == "VBG"] if entry.reverse else []
        if stopped and all(self.verb_entry(c) is None for c in stopped):
            # "agreed to stop harbouring each other's rebels": an undertaking to end what the lexicon does
            # not know; agreed to, it is an agreement, else nothing can be said of it
            if trig.dep_ == "xcomp" and trig.head.lemma_.lower() in ("agree", "promise", "pledge", "undertake", "consent", "decide"):
                entry = replace(entry, cat="AGREE", mode=None, reverse=False, light=False)
            else:
                return []
        if trig.lemma_.lower() == "leave" and obj is not None and obj.dep_ == "dobj" and any(
                r.kind == "leader" for c in trig.children if c.dep_ == "nsubj" for r in A.at(c)) and A.at(obj) and all(
                r.code not in ORGANISATIONS for r in A.at(obj)) and obj.pos_ == "PROPN" and not any(
                c.dep_ in ("prep", "advcl", "advmod") and c.lower_ in ("in", "early") for c in trig.children):
            return []  # "Kennedy left Vienna badly shaken": a leader going home, no withdrawal (but "left Moscow early in protest")
        if entry.obj and trig.lemma_.lower() == "move" and not any(
                c.dep_ == "dobj" and entry.obj in {w for t in (c, *c.conjuncts) for w in (t.lemma_.lower(), t.lower_)} for c in trig.children):
            return []  # "Romania moved from the withdrawal of Soviet troops to open conflict": no troops were moved
        if trig.lemma_.lower() == "break" and not entry.obj and not any(c.dep_ == "prt" for c in trig.children) and obj is not None and obj.dep_ == "dobj" and (
                obj.pos_ == "NOUN" and self.noun_entry(obj) is None and not A.at(obj)
                and obj.lemma_.lower() not in self.rel_nouns | {"contact", "link", "bond"}):  # (relations and ties are rel_nouns)
            return []  # "Nyerere broke the taboo", "broke the deadlock": no relation was broken
        if trig.lemma_.lower() in ("argue", "quarrel", "dispute") and any(c.dep_ == "ccomp" for c in trig.children) and not any(
                c.dep_ == "prep" and c.lower_ == "with" for c in trig.children):
            entry = replace(entry, symmetric=False)  # "arguing that Cuban troops must leave": a case made against them, no quarrel among those who made it
        if trig.lemma_.lower() == "march" and self.agent_class_of(self.subject_of(trig, A)[1]) == "military" and any(
                c.dep_ == "prep" and c.lower_ in ("into", "on", "to") for c in trig.children):
            entry = replace(entry, cat="ASSAULT", mode=None, preps=("into", "on", "to", "against"))  # "Japanese troops marched into Seoul"
        if trig.lemma_.lower() == "hurry" and (any(c.dep_ in ("xcomp", "advcl") and c.pos_ in ("VERB", "AUX") for c in trig.children) or (
                trig.i + 2 < len(trig.doc) and trig.doc[trig.i + 1].lower_ == "to" and trig.doc[trig.i + 2].tag_ == "VB")):
            return []  # "the Soviets hurried to sign a treaty": what they hurried to do is the act
        if trig.lemma_.lower() == "enter" and any(
                self.agent_class_of(c) == "civilian" or any(r.kind == "leader" for t in c.subtree for r in A.at(t))
                for c in trig.children if c.dep_ == "nsubj"):
            return []  # "German troops entered Prague" is an invasion; a president or a delegation entering a city is not
        if trig.lemma_.lower() == "enter" and obj is not None and A.at(obj) and all(r.code in ORGANISATIONS for r in A.at(obj)):
            entry = self.plain_verb("join", entry)  # "Britain entered the EEC"
        if trig.lemma_.lower() in ("retaliate", "hit") and any(
                c.dep_ == "prep" and c.lower_ == "by" and any(p.dep_ == "pcomp" and self.verb_entry(p) is not None for p in c.children)
                for c in trig.children):
            return []  # "Amin retaliated by threatening to attack Kenya": the threat is the retaliation
        if trig.lemma_.lower() == "leave" and any(c.lower_ == "behind" for c in trig.children):
            return []  # "anxious not to be left behind": outpaced, not withdrawn
        if trig.lemma_.lower() in ("take", "retake", "recapture") and obj is not None and obj.dep_ == "dobj" and not any(
                c.dep_ == "prep" and c.lower_ == "to" for c in trig.children) and (obj.lemma_.lower() in STRONGHOLDS or (
                obj.pos_ == "PROPN" and A.at(obj) and all(r.kind in ("state", "place") for r in A.at(obj)))):
            # "took several Ecuadorian posts", "had taken Beijing and Tianjin": captured them
            entry = self.plain_verb("occupy", entry)
        if trig.lemma_.lower() in ("conclude", "sum", "summarise", "summarize") and trig.i <= trig.sent.start + 1 and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in trig.children):
            return []  # "To conclude, ...", "To sum up, ...": the essay speaking, no agreement
        if obj is not None and obj.dep_ in ("dobj", "dative") and obj.lemma_.lower() in HOME_BODIES and not A.at(obj) and (
                entry.cat or "") in ("REQUEST", "CONSULT", "AGREE"):
            return []  # "Truman asked Congress for 400 million dollars for Greece": a government asking its own legislature
        if trig.lemma_.lower() in SIGNING and obj is not None and obj.lemma_.lower() in PAPERS:
            return []  # "a US general signed a letter admitting ...": the letter says what was done
        if trig.lemma_.lower() in ("leave", "plant", "place") and obj is not None and obj.lemma_.lower() in PLANTED:
            return []  # "two agents had left a bomb on the plane": placed it, no withdrawal (the blast is the act)
        if trig.lemma_.lower() == "recall" and (
            any((c.dep_ == "npadvmod" and c.like_num) or (c.dep_ == "dobj" and (c.like_num or c.ent_type_ in ("DATE", "EVENT")))
                for c in trig.children)
            or (obj is not None and self.noun_entry(obj) is not None and not self.noun_entry(obj).light)
        ):
            return []  # "recalled Khrushchev's appeals", "would have recalled 1939": remembered, no envoy was called home
        if trig.lemma_.lower() == "conclude" and not any(c.dep_ == "dobj" for c in trig.children) and any(
            (c.dep_ == "nsubj" and c.pos_ == "NOUN" and not A.at(c)) or c.dep_ == "ccomp" for c in trig.children
        ):
            # "the statement concluded with an appeal": it ended; "the Chinese concluded that Soviet
            # protection was worth little": they judged; no agreement either way
            return []
        obj_entry = self.noun_entry(obj) if obj is not None else None
        uses_obj = entry.light or entry.reverse
        if entry.reverse and obj is None:
            subj = next((c for c in trig.children if c.dep_ == "nsubj"), None)
            if subj is not None and (self.noun_entry(subj) is not None or subj.lemma_.lower() in self.rel_nouns):
                return []  # "the fighting ended": the noun carries the event
        if entry.light and obj_entry is None:
            # "stepped in with loans", "went ahead with the sale of MiG fighters"
            for c in trig.children:
                if c.dep_ == "prep" and c.lower_ == "with":
                    for p in c.children:
                        if p.dep_ == "pobj" and self.noun_entry(p) is not None:
                            obj, obj_entry = p, self.noun_entry(p)
        agent_cls = self.agent_class_of(*(c for c in trig.children if c.dep_ in ("nsubj", "dobj", "nsubjpass"))) if entry.agents else None
        if entry.agents and entry.cat == "RETREAT" and agent_cls is None:
            own = {r.code for r in self.subject_of(trig, A)[0]}
            left = {r.code for r in self.prep_actors(trig, ("from",), A)}
            if trig.lemma_.lower() in ("leave", "quit", "exit", "abandon"):
                left |= {r.code for c in trig.children if c.dep_ == "dobj" for r in A.at(c)}  # "left the Warsaw Pact"
            own_state = own and any(c.dep_ == "dobj" and {r.code for r in A.at(c)} == own for c in trig.children)
            if own_state or left & ORGANISATIONS:
                # "withdrew Greece from NATO's military command", "France withdrew from NATO": leaving a
                # body or an alliance is a break with it, not a retreat
                agent_cls = "civilian"
        if (entry.agents and entry.cat == "SANCTION" and agent_cls is None and trig.lemma_.lower() == "go"
                and not self.prep_actors(trig, ("from",), A) and not any(t.lower_ == "protest" for t in trig.subtree)):
            return []  # "the Turks went home and signed an alliance with Britain": a delegation back from talks, nobody withdrawn
        if entry.mode == "visit":
            entry = self._journey(trig, entry, A, absorbed)
            if entry is None:
                return []
        coding = base_coding(entry, obj_entry if uses_obj else None, agent_cls, self.lex)
        if coding is not None and coding.category == "ASSAULT":
            # "retaliated with a bitter personal attack on Mao", "launched a propaganda attack"
            means = [p for c in trig.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children if p.dep_ == "pobj"]
            if any(self.noun_entry(m) is not None and self.verbal_attack(m) for m in means + ([obj] if uses_obj and obj is not None else [])):
                coding = Coding("ACCUSE", "disapprove", kind=coding.kind)
            elif (trig.dep_ == "relcl" and trig.head.lemma_.lower() in MESSAGES) or any(
                c.dep_ == "nsubj" and c.lemma_.lower() in MESSAGES for c in trig.children
            ):
                coding = Coding("ACCUSE", "disapprove", kind=coding.kind)  # "a speech which attacked Mao": words attack
            elif any(c.dep_ == "dobj" and c.lemma_.lower() in IDEAS for c in trig.children):
                coding = Coding("ACCUSE", "disapprove", kind=coding.kind)  # "attacked Soviet policy", "the 'three worlds' theory"
            elif self._called_names(trig, A):
                coding = Coding("ACCUSE", "disapprove", kind=coding.kind)  # "attacked him as a tool of imperialism": called him names
            elif any(c.dep_ == "prep" and c.lower_ == "for" for c in trig.children) and _leaders_only(trig, A):
                coding = Coding("ACCUSE", "disapprove", kind=coding.kind)  # "Nimeiri and Obasanjo attacked Tanzania for it": in words
        recipient = any(c.dep_ in ("dative", "iobj") and (c.pos_ != "ADP" or any(A.at(p) for p in c.children if p.dep_ == "pobj"))
                        for c in trig.children) or bool(self.prep_actors(trig, ("to",), A)) or (
            obj is not None and bool(self.prep_actors(obj, ("to",), A)))  # "sent troops to Zaire", however 'to' hangs
        materiel = any(t.lemma_.lower() in MATERIEL for t in [obj] + list(obj.conjuncts)) if obj is not None else False
        forces = obj is not None and "military" in {
            self.agent_class.get(t.lemma_.lower()) for t in [obj] + [c for c in obj.children if c.dep_ in ("compound", "amod")]
        }  # "sent a carrier group", "received a French battalion"
        if entry.light and obj is not None and obj_entry is None and not recipient and not materiel and not entry.inverse and forces:
            # "sent a carrier group", "sent troops": moving forces is a show of force
            coding = Coding("MOBILIZE", "troops", kind=entry.kind)
            obj_entry = LexEntry(lemma=obj.lemma_.lower(), pos="noun", cat="MOBILIZE", example="-")
        elif entry.light and entry.inverse and obj is not None and obj_entry is None and (materiel or forces):
            # "Turkey received American warships, tanks and money", "Chad received a French battalion": aid
            coding = Coding("AID", "military", kind=entry.kind)
            obj_entry = LexEntry(lemma=obj.lemma_.lower(), pos="noun", cat="AID", example="-")
        elif (entry.light and entry.cat == "AID" and sending and coding is not None
              and coding.category == "MOBILIZE" and obj is not None and self._sent_to_state(trig, obj, A)):
            # "Morocco sent troops to Zaire": forces sent to a state (not to its border, nor against
            # it) go to its help
            coding = Coding("AID", None, kind=entry.kind)
        if sending and obj is not None and obj.dep_ == "dobj" and self._envoy(obj, A):
            # "sent Averell Harriman to Tehran to mediate": an envoy sent is a visit by proxy, no aid;
            # with no destination named, the errand ("to mediate between ...") is the act
            if not recipient:
                return []
            coding, obj_entry, uses_obj = Coding("CONSULT", "visit", kind=entry.kind), None, False
        asked = [c for c in trig.children if c.dep_ == "ccomp"] + [  # (the parser may hang the question on whom it asks)
            g for c in trig.children if c.dep_ in ("dobj", "dative") for g in c.children if g.dep_ in ("relcl", "ccomp", "acl")
        ] if trig.lemma_.lower() == "ask" else []
        if coding is not None and any(
            any(w.i < c.i and (w.tag_ == "WRB" or (w.tag_ == "WP" and c.dep_ == "ccomp") or w.lower_ in ("whether", "if"))
                and w.lower_ != "why" for w in c.children)
            for c in asked  # ("asked the official who ...": a relative clause says who was asked)
        ):
            # "asked an American official how the US would react": a question (but "asked the USSR why ..." challenges)
            coding = Coding("CONSULT", None, kind=coding.kind)
        if coding is not None and trig.lemma_.lower() == "besiege" and self.agent_class_of(
            *(c for c in trig.children if c.dep_ == "nsubj")
        ) == "military":
            coding = Coding("ASSAULT", None, kind=coding.kind)  # troops besieging a town make war, not a protest
        if coding is not None and coding.category == "CONSULT" and obj_entry is not None and uses_obj and self._hostile_tone(obj):
            coding = Coding("ACCUSE", "disapprove", kind=coding.kind)  # "sent Peking a sharply worded note"
        elif coding is not None and coding.category == "CONSULT" and obj_entry is not None and uses_obj and obj.lemma_.lower() in self.verbal_media:
            # "sent Moscow a note of protest", "a message of regret": what the message carries
            of = next((p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), None)
            carried = self.noun_entry(of) if of is not None else None
            if carried is not None and carried.cat is not None and carried.cat != "CONSULT":
                coding = Coding(carried.cat, carried.mode, kind=coding.kind)
        if coding is None and entry.light and obj is not None:
            coding = self._stance_coding(obj)
            if coding is not None:
                obj_entry = LexEntry(lemma=obj.lemma_.lower(), pos="noun", cat=coding.category, kind="attitude", example="-")
        if coding is None:
            return []
        if entry.obj:  # "came to his aid", "declared war": the noun is part of the verb's entry
            absorbed.update(t.i for t in trig.subtree if t.i != trig.i and entry.obj in (t.lemma_.lower(), t.lower_))
        if obj is not None and obj_entry is not None and (uses_obj or (entry.cat or "") in CONTENT_VERBS):
            absorbed.add(obj.i)  # "gave support", "rejected the Soviet proposal": one event, not two
        if entry.light and obj is not None and any(c.dep_ in ("acl", "relcl") and c.tag_ in ("VBG", "VBN", "VBD", "VBZ", "VBP") and self._names_event(c)
                                                   for c in obj.children):
            return []  # "published open letters condemning ...": the participle names the event
        if trig.tag_ == "VBN" and trig.dep_ == "acl" and (entry.cat or coding.category) in TRANSFER and not any(
            c.dep_ == "agent" for c in trig.children
        ):
            return []  # "Super Etendard jets armed with Exocet missiles": a description, not an act
        ch = self.chain(trig)
        if ch.under_accusation:
            return []
        coding = self.apply_chain(coding, ch)
        if uses_obj and obj is not None and obj_entry is not None and not coding.negated and any(
            c.dep_ == "det" and c.lower_ == "no" for c in obj.children
        ):
            coding = negate(coding, "not", self.lex)  # "made no protest", "gave no help"
            if coding.factor == 0:
                return []
        if entry.kind == "attitude" and entry.experiencer == "object":
            return self._psych_frames(trig, entry, coding, A, sent)
        return self._action_frames(trig, entry, coding, ch, A, sent, obj if (uses_obj and obj_entry is not None) else None)

    @staticmethod
    def _sent_to_state(trig: Token, obj: Token, A: DocActors) -> bool:
        """'sent troops to Zaire': a state itself, not a place of it ("to the Chinese border"), is
        where the forces go, and no 'against' says whom they face."""
        preps = [c for t in (trig, obj) for c in t.children if c.dep_ in ("prep", "dative")]
        if any(c.lower_ == "against" for c in preps):
            return False
        return any(p.dep_ == "pobj" and A.at(p) and all(r.kind != "place" for r in A.at(p)) for c in preps if c.lower_ == "to" for p in c.children)

    def _journey(self, trig: Token, entry: LexEntry, A: DocActors, absorbed: set[int]) -> LexEntry | None:
        """What a verb of travel ("flew", "went", "arrived") codes: a visit, aid, war, or nothing."""
        if any(c.dep_ == "dobj" and c.lemma_.lower() in FLOW_GOODS for c in trig.children) or any(
            c.dep_ in ("prep", "prt") and c.lower_ == "in" and c.i == trig.i + 1 and any(p.lemma_.lower() in FLOW_GOODS for p in c.children)
            for c in trig.children
        ):
            return replace(entry, cat="AID", mode=None, explicit=False)  # "flew arms to Hanoi", "were flying in arms": goods travel, no one visits
        rescue = [p for c in trig.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
                  if p.dep_ == "pobj" and p.lemma_.lower() in RESCUE]
        if rescue:
            absorbed.update(p.i for p in rescue)
            return replace(entry, cat="AID", mode=None)  # "flew to Mobutu's rescue"
        if any(c.dep_ == "prep" and c.lower_ == "to" and any(p.dep_ == "pobj" and p.lemma_.lower() == "war" for p in c.children)
               for c in trig.children):
            if any(c.dep_ == "advmod" and c.lower_ in ("nearly", "almost") for c in trig.children):
                return None  # "had nearly gone to war with Argentina": it did not
            return replace(entry, cat="ASSAULT", mode=None, preps=("with", "against"))  # "went to war with America"
        if any(c.lower_ in ("on", "ahead") and (c.dep_ in ("prt", "advmod") or any(p.dep_ == "pcomp" for p in c.children))
               for c in trig.children) and not any(
                c.dep_ == "prep" and c.lower_ == "to" and any(p.dep_ == "pobj" and A.at(p) for p in c.children) for c in trig.children):
            return None  # "went on supplying MiGs to New Delhi": carried on (but "travelled on to Tbilisi": further)
        subj = self.subject_of(trig, A)[1]
        if subj is not None and (subj.lemma_.lower() in PRIVATE_TRAVELLERS or (
            trig.lemma_.lower() == "arrive" and self.agent_class.get(subj.lemma_.lower())
        )):
            # "British athletes went to Moscow": no envoy; "Soviet advisers arrived in Belgrade to help":
            # what they came to do is the act
            return None
        if any(c.dep_ == "prep" and c.lower_ in entry.preps and any(
            p.dep_ == "pobj" and not A.at(p) and p.pos_ == "PROPN" and p.ent_type_ in ("GPE", "LOC", "FAC") for p in c.children)
            for c in trig.children
        ):
            return None  # "flew to New York to denounce the invasion": a place, not a state, is visited
        if subj is not None and self.agent_class_of(subj) == "military" and any(
                c.dep_ == "prep" and c.lower_ in ("into", "over") for c in trig.children):
            # "American helicopters flew into the Iranian desert": forces moved into a state, no visit
            return replace(entry, cat="MOBILIZE", mode=None, preps=("into", "over"))
        return entry

    def _hostile_tone(self, noun: Token) -> bool:
        """A message written in anger: 'a sharply worded note', 'an angry letter', 'a stiff protest'."""
        mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "advmod")]
        mods += [g for c in mods for g in c.children if g.dep_ in ("advmod", "npadvmod")]
        return any(m.lemma_.lower() in self.hostile_tone or m.lower_ in self.hostile_tone for m in mods)

    def verbal_attack(self, noun: Token) -> bool:
        """A material-conflict noun used of words: 'a bitter personal attack', 'attacks ... in the
        form of conferences, the press, radio and letters'."""
        if any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in self.verbal_adjs for c in noun.children):
            return True
        # the media named in the noun's own clause (its head verb's subtree, not other clauses)
        head = noun
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        scope = head.subtree if head.i != noun.i else noun.subtree
        clause_skip = ("ccomp", "advcl", "relcl", "conj", "parataxis")
        blocked = {t.i for c in head.children if c.dep_ in clause_skip for t in c.subtree} if head.i != noun.i else set()
        return any(t.i not in blocked and t.lemma_.lower() in self.verbal_media and t.pos_ == "NOUN" for t in scope)

    def _stance_coding(self, obj: Token) -> Coding | None:
        """'pursued antagonistic policies': a stance noun whose adjective gives the sign."""
        if obj.lemma_.lower() not in self.stance_nouns and obj.lower_ not in self.stance_nouns:
            return None
        for c in obj.children:
            if c.dep_ in ("amod", "compound"):
                sign = self._adj_sign(c)
                if sign:
                    cat = self.rel_cats.get("positive" if sign > 0 else "negative") or {}
                    return Coding(cat.get("category", "SUPPORT"), cat.get("mode"), kind="attitude")
        return None

    @staticmethod
    def _deadline(trig: Token) -> Token | None:
        """The time limit of 'gave X a week to leave' / 'gave them 48 hours to withdraw', or None."""
        if trig.lemma_.lower() != "give":
            return None

        def errand(tok: Token) -> Token | None:
            return next((c for c in tok.children if c.dep_ in ("relcl", "acl", "xcomp", "advcl")
                         and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        for t in trig.subtree:
            if t.lemma_.lower() in TIME_LIMITS and t.dep_ in ("dobj", "npadvmod", "dative"):
                if errand(t) is not None or (t.head.i == trig.i and errand(trig) is not None):
                    return t
        return None

    def _envoy(self, tok: Token, A: DocActors) -> bool:
        """A person (or a body of people) sent to talk: "Averell Harriman", "its chairman, Kenneth
        Kaunda", "a negotiating mission", "an envoy"."""
        if tok.lemma_.lower() in ENVOYS:
            return True
        if tok.pos_ == "PROPN" and (tok.ent_type_ == "PERSON" or any(r.kind == "leader" for r in A.at(tok))):
            return True
        return False

    def _names_event(self, tok: Token) -> bool:
        if tok.lemma_.lower() in PERMIT and any(
            c.dep_ in ("xcomp", "ccomp") and any(d.dep_ == "nsubj" for d in c.children) for c in tok.children
        ):
            return True  # "refused to let British troops cross": the permission is the event
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            e = self.verb_entry(tok)
            if e is not None:
                if e.light and e.cat is None:
                    obj = self.object_noun(tok)
                    return obj is not None and self.noun_entry(obj) is not None
                return True
        if tok.pos_ == "ADJ" and self.adj_entry(tok) is not None:
            return True
        return any(self._names_event(c) for c in tok.children if c.dep_ == "conj")

    def _action_frames(self, trig, entry, coding, ch: Chain, A, sent, obj_noun) -> list[Frame]:
        conf = 1.0
        passive = self.is_passive(trig)
        patient = self.passive_subject(trig) if passive else None
        inverse = entry.inverse and (not entry.light or obj_noun is not None)
        had_done = trig.tag_ == "VBN" and trig.dep_ in ("ccomp", "xcomp", "oprd") and trig.head.lemma_.lower() in ("have", "get") and (
            not passive and any(c.dep_ == "nsubj" for c in trig.children)
        )
        if had_done:
            # "Moscow had Yugoslavia expelled from the Cominform": the one who had it done acts on the patient
            sources, _ = self.subject_of(trig.head, A)
            patient = next(c for c in trig.children if c.dep_ == "nsubj")
            targets = self.np_actors(patient, A)
        elif passive:
            sources = self.prep_actors(trig, ("by",), A)
            if not sources and trig.lemma_.lower() in ("expel", "exclude", "suspend", "bar", "ban", "throw"):
                # "the Soviet Union was expelled from the League of Nations": the body acted
                sources = [r for r in self.prep_actors(trig, ("from",), A) if r.code in ORGANISATIONS]
            if not sources and trig.lemma_.lower() in ("arrest", "detain", "intern", "imprison", "jail"):
                # "they were arrested in Bahrain": by the state they were held in
                sources = [r for r in self.prep_actors(trig, ("in",), A) if r.kind != "pronoun"]
            if not sources and patient is not None and trig.lemma_.lower() in SIGNING and patient.lower_ in ("it", "this", "that"):
                return []  # "because it was signed under force": a document told before, signed again by no one
            if not sources and patient is not None and (trig.lemma_.lower() in SIGNING or trig.lemma_.lower() in AGREEING_ON) and (
                patient.lemma_.lower() in SIGNED_DOCUMENTS or patient.lower_ in SIGNED_DOCUMENTS
            ):  # ("the treaty was signed in 1950", "a ceasefire was agreed on 31 July")
                return self._signed_by_no_one_named(trig, coding, patient, A, sent)
            targets = self.np_actors(patient, A) if patient is not None else []
            if not sources and coding.category == "MOBILIZE" and patient is not None and self.agent_class.get(patient.lemma_.lower()) == "military":
                # "Soviet divisions were massed along the Yugoslav border": the forces' state moved them,
                # against whoever the clause names (not whoever the story is about: "stationed there")
                sources = self.np_actors(patient, A)
                codes = {r.code for r in sources}
                targets, _b, _s = self._targets(trig, entry, coding, A, obj_noun, codes)
                if not targets:
                    return []
            if not sources and entry.symmetric:
                # "they were allied with the Soviets": the subject acts with the 'with' phrase
                other = self.prep_actors(trig, ("with",), A)
                if other and targets:
                    sources, targets = targets, other
        else:
            if ch.object_host is not None and ch.object_host.i != trig.i and ch.request_host is None:
                host_obj = next((c for c in ch.object_host.children if c.dep_ == "dobj"), None)
                host_obj = host_obj or next((c for c in ch.object_host.children if c.dep_ in ("nsubj", "dative")), None)
                if host_obj is not None:
                    sources = self.np_actors(host_obj, A)  # "caused some 50,000 Kazakhs to seek": no actor
                else:
                    sources, _ = self.subject_of(trig, A)
            else:
                sources, _ = self.subject_of(ch.request_host or ch.subject_host, A)
            targets = []
        if inverse and not passive and not had_done:
            targets = sources
            sources = self.prep_actors(trig, ("from", "by"), A)
            if trig.lemma_.lower() == "fall":
                # "Kampala fell to the Tanzanians": taken by them (an actor itself, not "fell to the Soviet sphere")
                sources += [r for c in trig.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
                            if p.dep_ == "pobj" for t in (p, *p.conjuncts) for r in A.at(t)]
            if not sources and obj_noun is not None:
                sources = self.np_agents(obj_noun, A)
        blocked = False
        warned = next((c for c in ch.threaten_host.children if c.dep_ in ("dobj", "dative")), None) if ch.threaten_host is not None else None
        if warned is not None and self.np_actors(warned, A):
            targets = self.np_actors(warned, A)  # "warned the Vietnamese not to trust Nixon": the warned
        if ch.request_host is not None:
            req_obj = next((c for c in ch.request_host.children if c.dep_ in ("dobj", "dative")), None)
            targets = self.np_actors(req_obj, A) if req_obj is not None else []
            if not targets:
                targets = self.prep_actors(ch.request_host, ("to", "of", "from", "on", "upon"), A)
        reciprocal = self.reciprocal_in(trig) or any(self.reciprocal_in(h) for h in ch.controllers)
        if not sources and passive and not targets and patient is not None and not self.np_actors(patient, A) and (
            coding.category in ("ACCUSE", "REJECT", "SUPPORT", "REQUEST", "PROTEST", "THREATEN")
            or (coding.category in ("ASSAULT", "COERCE") and patient.pos_ == "NOUN" and not self.agent_class.get(patient.lemma_.lower()))
            or patient.lower_ in ("he", "him", "she", "her")
        ):
            # by no one named, to no one named: "when the deal was exposed" (words about a thing), "the
            # revolt in Lhasa was crushed" (force against a rising), "he was given asylum" (someone no
            # actor stands for)
            return []
        if not sources and passive and not targets:
            # "the loan was made to the Chinese": the recipient first, then the agent from context
            targets, _b, _s = self._targets(trig, entry, coding, A, obj_noun, set())
        if not sources and passive and trig.lemma_.lower() in ("blame", "pin") and any(c.dep_ == "prep" and c.lower_ == "on" for c in trig.children):
            return []  # "the division of Cyprus is usually blamed on the Turkish army": by whom, the text does not say
        if not sources:
            if not passive or coding.category not in PASSIVE_FALLBACK:
                return []
            if any(c.dep_ == "agent" for t in (trig, *trig.conjuncts) for c in t.children):
                return []  # "Encouraged by this, ...", "was overthrown and shot by the Baathists": the agent is named, and is no actor
            if any(c.dep_ == "xcomp" for c in trig.children):
                return []  # "Galtieri was forced to resign": made to act by someone the text does not name
            if patient is not None and any(r.kind == "leader" for r in A.at(patient)) and coding.category in ("ASSAULT", "COERCE") and (
                trig.lemma_.lower() in ("kill", "assassinate", "murder", "execute")
            ):
                # "Razmara was assassinated", "Tombalbaye was killed in a coup": by whom, the text does not say
                # (but "Dubcek was arrested and flown to Moscow" after an invasion: by the invaders)
                return []
            src = A.partner(sent, trig.i, {t.code for t in targets})
            if src is None:
                return []
            sources, conf = [src], 0.5
        alongside = _alongside(trig, A) if sources and not entry.symmetric and trig.lemma_.lower() not in (MEETING | SIGNING | EXCHANGING) else []
        if alongside:
            sources = _dedupe(sources + alongside)  # "Turkey applied again, together with Greece": both applied
        src_codes = {s.code for s in sources}
        self_only = False
        if not targets and not (inverse and not passive):
            exclude = src_codes if len(src_codes) < 2 else set()
            targets, blocked, self_only = self._targets(trig, entry, coding, A, obj_noun, exclude)
            if not targets and ch.controllers:
                for host in ch.controllers:
                    targets, blocked2, self2 = self._targets(host, entry, coding, A, None, exclude)
                    blocked, self_only = blocked or blocked2, self_only or self2
                    if targets:
                        break
            if alongside:
                targets = [t for t in targets if t.code not in {r.code for r in alongside}]
        if targets and trig.lemma_.lower() in ("take", "capture", "seize", "wrest", "retake", "recapture", "conquer", "win") and coding.category in ("ASSAULT", "COERCE"):
            held_by = [r for r in self.prep_actors(trig, ("from",), A) if r.kind != "place" and r.code not in src_codes]
            if held_by:
                targets = held_by  # "took the Old City of Jerusalem from Israel": from whom it was taken
        if trig.lemma_.lower() == "reconcile" and not passive and len({t.code for t in targets} - src_codes) >= 2 and any(
                c.dep_ == "dobj" and c.conjuncts for c in trig.children):
            # "Haile Selassie reconciled Nyerere and Amin": he brought the two together, a mediation
            mediate = self.plain_verb("mediate", None)
            if mediate is not None:
                entry, coding = mediate, Coding(mediate.cat, mediate.mode, kind=coding.kind)
                targets = [t for t in targets if t.code not in src_codes]
        if not targets and (entry.cat or coding.category) in ("ASSAULT", "COERCE"):
            # "attacked a police station at Tebedu in Sarawak", "bombed the airbase at Ouadi Doum": whoever
            # held the place where the thing attacked stood
            held = [r for c in [trig] + [c for c in trig.children if c.dep_ == "dobj"] for p in c.children
                    if p.dep_ == "prep" and p.lower_ in ("at", "in", "near", "on")
                    for t in p.subtree for r in A.at(t) if r.kind == "place" and r.code not in src_codes]
            if held:
                targets, blocked = _dedupe(held)[:1], False
        if len(src_codes) >= 2 and any(c.dep_ == "dobj" and c.lemma_.lower() in TRUCE_NOUNS for c in trig.children):
            targets = []  # "both governments accepted a UN ceasefire": with each other; the UN only brokered it
        tgt_codes = {t.code for t in targets}
        if targets and tgt_codes <= src_codes and len(src_codes) >= 2 and all(
            t.kind == "pronoun" and t.text.lower() in ("his", "her", "its", "their") for t in targets
        ):
            # "Makarios and Papandreou both rejected his plan": 'his' is someone else's, not one of theirs
            targets, tgt_codes = [], set()
        if targets and tgt_codes < src_codes and len(src_codes) >= 3:
            # "Angola, the Soviet Union, Cuba and Brazil recognised the new government (Angola)": the
            # parser put the object's antecedent in the list of subjects; the others acted on it
            sources = [r for r in sources if r.code not in tgt_codes]
            src_codes -= tgt_codes
        elif targets and all(t.code in src_codes for t in targets):
            if len(src_codes) >= 2:
                reciprocal = True  # "China and the Soviet Union negotiated the Sino-Soviet treaty"
            else:
                return []
        if not targets and trig.lemma_.lower() in MEETING and src_codes and src_codes <= ORGANISATIONS and len(src_codes) == 1 and not any(
            c.dep_ == "prep" and c.lower_ == "with" for c in trig.children
        ):
            return []  # "the Arab League met in Cairo": the body convened, it met no one
        if self_only and not targets:
            return []  # an actor acting on itself ("Khrushchev condemned the actions of Stalin"): internal
        if len(src_codes) >= 2 and entry.symmetric and not (targets and any(
            c.dep_ == "dobj" and c.i > trig.i and not any(t.text == "," for t in trig.doc[trig.i : c.left_edge.i])
            and (A.at(c) or any(A.at(d) for d in c.children if d.dep_ in ("amod", "compound"))) for c in trig.children
        )):  # (an object that is a thing keeps them together: "met at Nouadhibou to coordinate their pressure on Spain")
            # "Chinese and Indian troops clashed": with each other (but "Egypt and Syria fought Israel",
            # "the ambassadors of the three powers met their Soviet counterpart": the object they faced)
            targets, reciprocal = [], True
        if entry.explicit and not targets and not reciprocal:
            return []
        if not targets and len(src_codes) >= 2 and (entry.symmetric or any(s.kind == "collective" for s in sources) or (
            is_cooperative(coding.category) and "aid" not in (coding.category.lower(), coding.plover_mode))  # (help offered goes to a third)
        ) and not any(
            c.dep_ in ("nsubj", "nsubjpass") and _neither_nor(c) for c in ch.subject_host.children
        ) and not (ch.pledged_by is not None and ch.pledged_by.lemma_.lower() in ("offer", "propose")):
            # (but "neither Jakarta nor Manila would recognise it": each refused a third; "they offered
            # to discuss Berlin": an offer goes to whoever it was made to)
            reciprocal = True  # "China and India clashed", "the two agreed to resume talks"
        if (coding.mode == "intended" and ch.pledged_by is not None and not targets and not reciprocal and not coding.negated
                and not is_cooperative(coding.category) and (entry.cat or coding.category) in HOME_RULE and any(
                    c.dep_ == "dobj" and c.pos_ == "NOUN" and self.noun_entry(c) is None and not self.np_actors(c, A) for c in trig.children)):
            # "Dubcek promised to control the press": an undertaking about one's own affairs is an
            # agreement with whoever it was promised to, no act against them
            coding = replace(coding, category="AGREE", plover_mode=None, factor=1.0)
            blocked = False
        frame = Frame(sent, trig.doc[trig.i : trig.i + 1], coding, sources, targets, reciprocal, conf)
        # an agreement signed, and relations established ("established diplomatic relations with Hungary"),
        # are held by both (CAMEO codes them both ways), whoever the sentence makes the subject
        held_by_both = (trig.lemma_.lower() in SIGNING and any(c.dep_ == "dobj" and c.lemma_.lower() in SIGNED_DOCUMENTS for c in trig.children)) or (
            trig.lemma_.lower() in RELATING and is_cooperative(coding.category)
            and any(c.dep_ == "dobj" and c.lemma_.lower() in ("relation", "relations", "tie", "ties") for c in trig.children))
        if ((trig.lemma_.lower() in MEETING and coding.category == "CONSULT") or (trig.lemma_.lower() in EXCHANGING and entry.symmetric)
                or held_by_both) and ((targets or held_by_both) and not reciprocal and not passive and not coding.negated):
            # "the ambassadors of the three powers met their Soviet counterpart": a meeting, a
            # negotiation, an exchange or a signed agreement is held by both sides (CAMEO codes them
            # reciprocal; an agreement signed with whoever the context gives too: "came to Jakarta and signed")
            frame.mutual = True
        if coding.mode == "intended" and ch.pledged_by is not None:
            frame.date_host = ch.pledged_by  # a promise is dated when it was made, not when it was to be kept
        # the object of a transfer is the goods, and a refusal's object the thing refused: the
        # recipient may still come from context ("refused to share the secret")
        frame.blocked = blocked and not reciprocal and not coding.negated and not entry.reverse and (entry.cat or coding.category) not in TRANSFER
        if trig.lemma_.lower() in ("leave", "quit", "vacate") and not targets and any(
            c.dep_ == "dobj" and self._plain_object(c) and any(d.dep_ == "poss" for d in c.children) for c in trig.children
        ):
            frame.blocked = True  # "the contingent left its barracks": its own place, no state (but "left the country")
        if self._non_state_recipient(trig) and (entry.cat or coding.category) in TRANSFER and not targets:
            return []  # "worked together to arm the mujahideen": aid to a movement, no state receives it
        if not targets and not reciprocal and any(
            c.dep_ == "prep" and c.lower_ in ("to", "into") and any(p.dep_ == "pobj" and self._plain_object(p) and p.pos_ == "NOUN" for p in c.children)
            for c in trig.children
        ) and obj_noun is None and not any(c.dep_ in ("dobj", "dative") for c in trig.children):
            frame.blocked = True  # "returned to neutrality", "went back to its old policy": a state, not a party
        if frame.blocked and not targets and _the_other_sides(trig, coding.category):
            frame.blocked = False
        if not targets and not reciprocal and coding.category in ("AGREE", "REJECT", "CONCEDE", "ACCUSE") and not passive:
            # "Sarkozy presented a six-point plan ... Saakashvili accepted the plan": whose plan it was
            proposed = next((c for c in trig.children if c.dep_ == "dobj"), None)
            owners = [r for r in self._proposer(proposed, A) if r.code not in src_codes] if proposed is not None else []
            if owners:
                frame.targets, frame.blocked = owners, False
        if frame.blocked and not targets and coding.category in ("ASSAULT", "COERCE") and any(
                c.dep_ == "dobj" and c.lemma_.lower() in STRONGHOLDS | {"coast", "border", "frontier", "positions", "position", "barracks", "barrack"} for c in trig.children):
            frame.blocked = False  # "the PLA shelled the islands": whoever held them, as told before
        if frame.blocked and not targets and entry.agents and any(
                c.dep_ == "dobj" and (c.lemma_.lower() in POSTED or self.agent_class.get(c.lemma_.lower())) for c in trig.children):
            frame.blocked = False  # "Moscow recalled its ambassador": the envoy is who moved, the state he left is told before
        if obj_noun is not None and not targets and not reciprocal:
            # "ended their bombardment of the island": the act's object is named, and is no actor
            of_objs = [p for c in obj_noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
            if of_objs and not any(self.np_actors(p, A) for p in of_objs):
                frame.blocked = True
        return [frame]

    def _signed_by_no_one_named(self, trig: Token, coding: Coding, document: Token, A: DocActors, sent: int) -> list[Frame]:
        """'The Korea-Japan Basic Treaty was signed in June 1965', 'an agreement was signed with
        China': an agreement signed by no one named binds the states its name or its 'with' phrase
        names, or the parties a known treaty had; failing those, whoever just dealt with each other
        (the events stage takes them from what was told just before)."""
        if coding.negated:
            return []  # "the treaty was never signed": no one in particular refused
        entry = self.noun_entry(document) if document.pos_ == "NOUN" else None
        if entry is not None and self.noun_frames(document, entry, A, sent):
            return []  # "a defence treaty between the United States and Taiwan was signed": the noun tells it
        # (not who brokered it: "An armistice, mediated by the British minister, was signed in May")
        brokers = {t.i for c in document.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in BROKERING for t in c.subtree}
        parties = [r for r in self.np_actors(document, A) if r.kind != "place" and r.start not in brokers]
        withs = [r for r in self.prep_actors(trig, ("with", "between"), A) if r.kind != "place"]
        if not parties and len({r.code for r in withs}) >= 2 and any(
                d.dep_ == "conj" and d.pos_ == "ADP" and d.lower_ == "with" for c in trig.children for d in (c, *c.children)):
            # "aid agreements were signed with Athens in June and with Ankara in July": each with the one
            # who signed them, whom the context gives, not with each other
            frame = Frame(sent, trig.doc[trig.i : trig.i + 1], coding, _dedupe(withs), [], False, 0.5)
            frame.mutual = True
            return [frame]
        parties += withs
        if len({r.code for r in parties}) < 2:
            parties += A.treaty_at(document)
        parties = _dedupe(parties)
        frame = Frame(sent, trig.doc[trig.i : trig.i + 1], coding, parties, [], True, 1.0 if len(parties) >= 2 else 0.5)
        return [frame]

    @staticmethod
    def _sent_home(trig: Token) -> Token | None:
        """The 'leave' of "ordered the Iranian diplomats to leave", "told the embassy staff to go home"."""
        if trig.lemma_.lower() not in ("order", "tell", "instruct", "ask"):
            return None
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in POSTED for c in trig.children):
            return None
        return next((c for c in trig.children if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in ("leave", "go", "depart", "quit")), None)

    @staticmethod
    def _called_names(trig: Token, A: DocActors) -> bool:
        """'attacked him as a tool of American imperialism': a person attacked *as* something is
        described, not struck (but "attacked the island as a warning": why it was struck)."""
        obj = next((c for c in trig.children if c.dep_ == "dobj"), None)
        if obj is None or not (obj.pos_ == "PRON" or any(r.kind == "leader" for r in A.at(obj))):
            return False
        preps = [c for t in (trig, obj) for c in t.children if c.dep_ == "prep" and c.lower_ == "as"]
        return any(p.dep_ == "pobj" and p.pos_ == "NOUN" and p.lemma_.lower() not in DONE_AS for c in preps for p in c.children)

    @staticmethod
    def _in_protest_of_an_act(noun: Token, verb_frames: list[Frame]) -> bool:
        """'in protest' said of a hostile act coded from its verb ("recalled its ambassador in
        protest", "walked out in protest"): the act says what the protest was (but "left Moscow
        early in protest": leaving is no hostile act, the protest tells it)."""
        if noun.lemma_.lower() != "protest" or noun.dep_ != "pobj" or noun.head.lower_ != "in":
            return False
        verb = noun.head.head
        return any(f.trigger.root.i == verb.i and not is_cooperative(f.coding.category) for f in verb_frames)

    def np_agents(self, noun: Token, A: DocActors) -> list[ActorRef]:
        """Actors who do what an event noun names: its possessor, adjective, 'by'/'from' phrase."""
        out: list[ActorRef] = []
        for c in noun.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod"):
                out += self.np_actors(c, A, depth=2, of=False)
        out += self.prep_actors(noun, self.source_preps, A)
        return _dedupe(out)

    def _targets(self, trig: Token, entry: LexEntry, coding: Coding, A: DocActors, obj_noun: Token | None, exclude: set[str] | None = None) -> tuple[list[ActorRef], bool, bool]:
        """The actors an act is directed at; whether the clause names a non-actor object instead;
        and whether the only actors it names are the actor itself ("condemned the actions of Stalin").

        A light verb's event noun ("gave their support to") is searched only for its prepositional
        target; its possessor is its agent. Other objects are searched whole ("attacked Soviet
        troops", "criticized Khrushchev's surrender", "rejected the Soviet proposal").
        """
        exclude = exclude or set()
        preps = self.target_preps(entry, entry.cat or coding.category)
        self_only = False

        def keep(refs: list[ActorRef]) -> list[ActorRef]:
            nonlocal self_only
            kept = [r for r in refs if r.code not in exclude]
            # only a named actor makes an act internal: "cut its sugar quota" is not about itself, nor
            # "agreed to hand back Port Arthur" (a place it held: to whom is said elsewhere)
            if refs and not kept and any(r.kind not in ("pronoun", "place") for r in refs):
                self_only = True
            return kept

        out: list[ActorRef] = []
        if trig.dep_ == "acl" and trig.head.dep_ == "dobj" and trig.head.lemma_.lower() in self.verbal_media and not any(
            c.dep_ == "dobj" and A.at(c) for c in trig.children
        ):
            # "sent him a brutal letter warning that ...": the letter speaks to whom it was sent (but
            # "sent a letter to the Arab League accusing Kuwait of theft" accuses whom it names)
            out = keep(self._recipients(trig.head.head, A))
            if out:
                return _dedupe(out), False, False
        if trig.dep_ == "advcl" and trig.tag_ == "VBG" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in self.verbal_media for c in trig.head.children
        ) and not any(c.dep_ == "dobj" and A.at(c) for c in trig.children):
            # "sent notes to the United States, Britain and France demanding that ...": to all it was sent to
            out = keep(self._recipients(trig.head, A))
            if out:
                return _dedupe(out), False, False
        objs = [c for c in trig.children if c.dep_ in ("dobj", "dative", "iobj", "attr", "oprd") and not self.is_reciprocal(c)]
        if trig.lemma_.lower() in TOPIC_VERBS:
            objs = [c for c in objs if c.dep_ != "dobj"]  # "offered to discuss Berlin": what was talked about, not with whom
        own_object = False
        for c in objs:
            if obj_noun is not None and c.i == obj_noun.i:
                continue
            found = self.np_actors(c, A)
            if entry.obj and c.lemma_.lower() == entry.obj:
                # "froze its nuclear program": the noun is part of the verb, and its own is not what it was
                # done to (but "broke the Finnish defences": whose they were)
                out += [r for r in found if r.code not in exclude]
                continue
            if not found and (body := self._issuing_body(c, A)) is not None:
                found = [body]  # "Iraq accepted resolution 687": the body that passed it
            kept = keep(found)
            if c.lower_ in ("himself", "herself", "itself", "themselves"):
                own_object = True  # "defend himself": done to itself
                continue
            c_entry = self.noun_entry(c)
            if found and not kept and c_entry is not None and c_entry.light and not (entry.light or entry.reverse) and not self.is_passive(trig):
                own_object = True  # its own goods ("destroyed all the blueprints of their projects")
            elif found and not kept and c_entry is not None:
                self_only = False  # the actor's own act as object ("ended their bombardment"): look on
            elif found and not kept and (entry.cat or coding.category) in TRANSFER:
                # "reinforced the Seventh Fleet", "shipped thousands of Greek soldiers to Cyprus": one's own
                # forces or goods moved, to whoever the clause names
                self_only = False
            elif found and not kept and (any(r.kind != "pronoun" for r in found) or c.lemma_.lower() in SELF_NOUNS):
                # "liberated his country with help from the Red Army": done to itself (but "cut its
                # sugar quota" is done to whoever gets the quota)
                own_object = True
            out += kept
        if own_object and not out:
            return [], False, True
        if not out:
            out = keep(self.prep_actors(trig, preps, A))
            if out and any(d.dep_ == "conj" and d.pos_ == "ADP" for c in trig.children for d in (c, *(c.children if c.dep_ == "prep" else ()))):
                # "established relations with Hungary in 1989 and with the Soviet Union in 1990": the
                # parser hangs the first phrase on the object and the second, coordinated, on the verb
                held = [o for o in [*objs, obj_noun] if o is not None]
                out = _dedupe([r for o in held for r in keep(self.prep_actors(o, preps, A))] + out)
        if not out:
            for c in trig.children:  # "pulled out of China", "walked out of the congress"
                if c.dep_ in ("prt", "advmod", "prep") and c.lower_ in PARTICLES:
                    out += keep(self.prep_actors(c, preps, A))
        if not out:
            # "retaliated with a bitter attack on Mao": the target of the act it is done with;
            # "relented under pressure from the Americans": whoever pressed
            for c in trig.children:
                if c.dep_ == "prep" and c.lower_ in ("with", "by", "through", "under"):
                    for p in c.children:
                        e = self.noun_entry(p) if p.dep_ == "pobj" else None
                        if e is None:
                            continue
                        if c.lower_ == "under":
                            if (entry.cat or coding.category) in ("CONCEDE", "AGREE", "REJECT"):
                                out += keep(self.np_agents(p, A))  # "relented under pressure from the Americans"
                        else:
                            out += keep(self.prep_actors(p, self.target_preps(e, e.cat or coding.category), A))
        invitation = next((c for c in trig.children if c.dep_ == "dobj" and c.lemma_.lower() == "invitation"), None)
        if not out and invitation is not None:
            # "accepted an invitation to visit China": the host invited
            out = keep([r for c in invitation.children if c.dep_ == "acl" for d in c.children
                        if d.dep_ == "dobj" or (d.dep_ == "prep" and d.lower_ == "to") for r in self.np_actors(d, A)])
        if not out and obj_noun is not None:
            noun_entry = self.noun_entry(obj_noun)
            noun_preps = preps + (self.target_preps(noun_entry, noun_entry.cat or coding.category) if noun_entry else ())
            out = keep(self.prep_actors(obj_noun, noun_preps, A))
            if not out and noun_entry is not None and noun_entry.of == "target":
                out = keep(self.prep_actors(obj_noun, ("of",), A))
            if not out:
                # "gave their verbal agreement to back China": whom the agreement is to help
                for c in obj_noun.children:
                    if c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                        out = keep([r for d in c.children if d.dep_ in ("dobj", "dative") for r in self.np_actors(d, A)])
            if not out and (entry.reverse or entry.light):
                # "renounced the Soviet alliance", "scrapped the Chinese projects": the other party
                agents = self.np_agents(obj_noun, A)
                out = [r for r in agents if r.code not in exclude]
        if not out:
            for c in objs:
                out += keep(self.prep_actors(c, preps, A))
        if not out and (entry.cat or coding.category) in ("ASSAULT", "COERCE"):
            # "bombed refugee camps inside Pakistan": the country where the thing struck lies
            # (or a named place that is no actor: "besieged Cuito Cuanavale in Angola")
            plain = [c for c in objs if c.dep_ == "dobj" and (self._plain_object(c) or (c.pos_ == "PROPN" and not A.at(c)))]
            for c in plain + ([trig] if plain else []):
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in ("in", "inside", "within", "across"):
                        out += keep([r for q in p.children if q.dep_ == "pobj" for r in self.np_actors(q, A)])
        if not out and (entry.cat or coding.category) in ("SANCTION", "COERCE"):
            # "suspended operations at the American base", "searched offices at the Soviet embassy": the
            # state whose post it was done at
            for c in objs + ([trig] if objs else []):
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ == "at":
                        out += keep([r for q in p.children if q.dep_ == "pobj" for r in self.np_actors(q, A)])
        if not out and trig.dep_ == "relcl" and any(c.lower_ == "where" for c in trig.children):
            out = keep(self.np_actors(trig.head, A))  # "in China, where the Soviets were not able to incite ..."
        if not out:
            for c in trig.children:  # "refused to wear a badge bearing Mao's portrait": the complement's object
                if c.dep_ == "xcomp":
                    for d in c.children:
                        if d.dep_ in ("dobj", "dative") and not _topic(c, d, A):
                            out += keep(self.np_actors(d, A))
        if not out and (entry.cat or coding.category) in ("REQUEST", "THREATEN", "ACCUSE", "REJECT"):
            for c in trig.children:  # "demanded that the Americans leave Berlin": whoever is asked
                if c.dep_ == "ccomp":
                    for d in c.children:
                        if d.dep_ in ("nsubj", "nsubjpass"):
                            out += keep(self.np_actors(d, A))
        if not out:
            for c in trig.children:  # "stepped in with loans to keep the Albanians afloat": the purpose
                if c.dep_ in ("advcl", "xcomp", "ccomp") and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children):
                    for d in c.children:
                        if d.dep_ in ("dobj", "dative", "nsubj") and not _topic(c, d, A):
                            out += keep(self.np_actors(d, A))
        if not out:
            # a target preposition further down the clause ("put its forces on alert against the Soviets")
            skip = {"nsubj", "nsubjpass", "ccomp", "advcl", "relcl", "conj", "parataxis", "csubj"}
            frontier = [c for c in trig.children if c.dep_ not in skip]
            # ("broke off its talks on normalising relations with Hanoi", "signed treaties of mutual assistance with Warsaw")
            depth = 5 if (entry.cat or coding.category) in ("SANCTION", "REJECT") or trig.lemma_.lower() in SIGNING else 3
            for _ in range(depth):  # "broke off its talks on normalising relations with Hanoi"
                nxt = []
                for t in frontier:
                    if t.dep_ == "prep" and t.lower_ in preps and t.head.i != trig.i:
                        for p in t.children:
                            if p.dep_ == "pobj":
                                out += keep(self.np_actors(p, A))
                    nxt += [c for c in t.children if c.dep_ not in skip]
                frontier = nxt
                if out:
                    break
        if not out:
            # "never agreed to the conditions the OAU wanted", "rejected the terms Moscow offered": the
            # thing is whoever wanted or offered it
            things = [c for c in trig.children if c.dep_ == "dobj"] + [
                p for c in trig.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children if p.dep_ == "pobj"]
            out = keep([r for t in things if not A.at(t) for rc in t.children if rc.dep_ == "relcl"
                        for sj in rc.children if sj.dep_ == "nsubj" and sj.lower_ not in ("which", "that", "who")
                        for r in self.np_actors(sj, A)])
        if not out and (entry.cat or coding.category) == "AID":
            # "delivered the first of the MiG-21s it had promised India": goods go to whom they were promised
            for c in objs:
                for d in c.subtree:
                    if d.dep_ == "relcl" and d.i != c.i:
                        out += keep(self._recipients(d, A, ("dative", "iobj", "dobj")))
        blocked = False
        if not out:
            # "supported democratic countries", "returned to neutrality": the act names a non-actor
            blocked = any(self._plain_object(c) for c in objs if (obj_noun is None or c.i != obj_noun.i)
                          and not (entry.obj and entry.obj in (c.lemma_.lower(), c.lower_)))  # ("gave way": part of the verb)
            own = tuple(entry.preps) + self.cat_preps.get(entry.cat or coding.category, ())
            blocked = blocked or any(
                self._plain_object(p) for c in trig.children if c.dep_ == "prep" and c.lower_ in own for p in c.children if p.dep_ == "pobj"
            )
        if out:
            self_only = False
        return _dedupe(out), blocked, self_only

    def _recipients(self, verb: Token, A: DocActors, deps: tuple[str, ...] = ("dative", "iobj")) -> list[ActorRef]:
        """Whom a verb of giving or sending reaches: its indirect object or its 'to' phrase."""
        return [r for c in verb.children if c.dep_ in deps for r in self.np_actors(c, A)] + self.prep_actors(verb, ("to",), A)

    def _non_state_recipient(self, trig: Token) -> bool:
        """'trained and armed the Mukti Bahini guerrillas': aid to a movement, not to a state (the
        object names the group, so the recipient is not looked for in context)."""
        verbs = [trig] + [v for v in trig.conjuncts if v.pos_ in ("VERB", "AUX")]  # "to train and arm the guerrillas"
        if any(c.dep_ in ("dobj", "dative") and c.lemma_.lower() in NON_STATE_GROUPS for v in verbs for c in v.children):
            return True  # (also "gave the students his blessing")
        if any(c.dep_ in ("dobj", "dative") and self.noun_entry(c) is None and any(
                d.dep_ == "compound" and d.lemma_.lower() in NON_STATE_GROUPS for d in c.children) for c in trig.children):
            return True  # "giving the guerillas bases", read as a compound
        # "was sending arms to the guerrillas in El Salvador": the goods go to a movement
        hosts = verbs + [c for v in verbs for c in v.children if c.dep_ == "dobj"]
        return any(p.dep_ == "pobj" and p.lemma_.lower() in NON_STATE_GROUPS
                   for h in hosts for c in h.children if c.dep_ in ("prep", "dative") and c.lower_ == "to" for p in c.children)

    def _felt_entry(self, tok: Token) -> LexEntry | None:
        """An attitude read off a participle after 'felt' ("felt betrayed", "felt supported"): the
        sign of the act it names, as the experiencer's stance toward the one who did it."""
        e = self.verb_entry(tok)
        if e is None or e.cat is None:
            return None
        cat = "SUPPORT" if is_cooperative(e.cat) else "ACCUSE"
        return LexEntry(lemma=tok.lemma_.lower(), pos="adj", cat=cat, kind="attitude", example="-")

    def _plain_object(self, tok: Token) -> bool:
        """An object that is neither an actor, an event, nor a named place or body ('democratic countries')."""
        if tok.ent_type_ in ("DATE", "TIME") or tok.like_num:
            return False  # "On 20 October 1962 ... launched": a date, not what the act was done to
        if tok.lower_ in NAMED_EVENTS:
            return True  # "fight the Korean War": a named war or crisis is not a party
        if tok.pos_ == "PRON" or self.noun_entry(tok) is not None or tok.lemma_.lower() in self.rel_nouns:
            return False
        # names inside a clause of the phrase do not make it a party ("the policy of pushing posts into
        # territory China held"), though a relative clause often names the party ("tankers that carried Iranian oil")
        inner = {t.i for d in tok.subtree if d.dep_ in ("pcomp", "advcl", "ccomp") and d.i != tok.i for t in d.subtree}
        for t in tok.subtree:
            if t.i in inner:
                continue
            if t.ent_type_ in ("EVENT", "DATE", "WORK_OF_ART", "LAW"):
                continue
            if t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "NORP"):
                return False
        return True

    def _psych_frames(self, trig, entry, coding, A, sent) -> list[Frame]:
        """'X angered Y' / 'Y was angered (by X)': the experiencer Y is the source of the attitude."""
        if self.is_passive(trig):
            exp = self.np_actors(self.passive_subject(trig), A)
            causer = self.prep_actors(trig, ATTITUDE_PREPS, A) or self.clause_about(trig, A, {r.code for r in exp})
        else:
            dobj = next((c for c in trig.children if c.dep_ in ("dobj", "dative")), None)
            exp = self.np_actors(dobj, A) if dobj is not None else []
            causer, _ = self.subject_of(trig, A)
        if not exp:
            return []
        return [Frame(sent, trig.doc[trig.i : trig.i + 1], coding, exp, causer)]

    # ------------------------------------------------------------------ driver
    def frames(self, doc: Doc, sents: list[Span], actors: DocActors | None = None) -> list[Frame]:
        """Every frame of the doc, in text order."""
        A = actors or DocActors(doc)
        out: list[Frame] = []
        for si, sent in enumerate(sents):
            if not any(t.i in A.by_token for t in sent):
                # "An agreement was signed there in March 1975": signed by the two just told of
                # ("A ceasefire was agreed on 31 July": by the two just told of fighting)
                out += [f for tok in sent if (tok.lemma_.lower() in SIGNING or tok.lemma_.lower() in AGREEING_ON and self.is_passive(tok))
                        and tok.pos_ == "VERB" and (entry := self.verb_entry(tok)) is not None
                        for f in self.verb_frames(tok, entry, A, si, set())]
                continue
            absorbed: set[int] = set()
            told: set[int] = set()  # the verbs of charges told with a neutral verb of saying
            permitted: set[int] = set()  # the acts a state was (not) allowed to do
            verb_out: list[Frame] = []
            other: list[Frame] = []
            for tok in sent:
                if (tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")) and not self._felt(tok):
                    lem = tok.lemma_.lower()
                    has_comp = any(c.dep_ == "ccomp" for c in tok.children)
                    if has_comp and (lem in self.report_accuse or (lem in self.report_neutral and self._tells_of_harm_to_self(tok, A))):
                        # "The Chinese claimed that the USSR was turning imperialist", "Makarios told the
                        # Security Council that Greece had invaded his country": an accusation
                        other += self.report_frames(tok, A, si)
                        if lem in self.report_neutral:  # one event: what is told is the charge (as with 'claimed')
                            told.update(t.i for c in tok.children if c.dep_ == "ccomp" for t in c.subtree if t.pos_ in ("VERB", "AUX"))
                        continue
                    if tok.i in told or tok.i in permitted or tok.i in absorbed:
                        continue
                    entry = self.verb_entry(tok)
                    if entry is not None:
                        verb_out += self.verb_frames(tok, entry, A, si, absorbed)
                    elif lem in FLOW_VERBS:
                        verb_out += self.flow_frames(tok, A, si)
                    elif lem == "be":
                        verb_out += self.been_to_frames(tok, A, si)
                    elif lem in ("bring", "get"):
                        verb_out += self.together_frames(tok, A, si)
                    elif lem in PERMIT:
                        granted, comp = self.permission_frames(tok, A, si)
                        if granted:
                            verb_out += granted
                            permitted.add(comp.i)  # what they were allowed to do is not told as done
                    if lem in APPROACH and (entry is None or entry.cat is None):
                        verb_out += self.approach_frames(tok, A, si)
                    if (entry is None or entry.cat is None) and lem in self.opinion:
                        other += self.opinion_frames(tok, A, si)
            for tok in sent:
                if tok.i in absorbed:
                    continue
                if tok.pos_ == "NOUN":
                    if tok.lemma_.lower() in self.rel_nouns or tok.lower_ in self.rel_nouns:
                        rel = self.relation_frames(tok, A, si)
                        if rel:
                            other += rel
                            continue
                    entry = self.noun_entry(tok)
                    if entry is not None and self._in_protest_of_an_act(tok, verb_out):
                        continue  # "Taipei recalled its ambassador from Tokyo in protest": the recall is the protest
                    if entry is not None:
                        other += self.noun_frames(tok, entry, A, si)
                    elif tok.dep_ == "dobj" and tok.head.lemma_.lower() in CAUSATIVE_HOSTS and self.adj_entry(tok) is not None:
                        # "left the Chinese suspicious of Moscow", with the adjective tagged a noun
                        other += self.adj_frames(tok, self.adj_entry(tok), A, si)
                elif tok.pos_ == "ADJ" or (tok.tag_ == "VBN" and (tok.dep_ in ("acomp", "oprd", "conj") or self._felt(tok))):
                    entry = self.adj_entry(tok)
                    if entry is None and tok.tag_ == "VBN" and self._felt(tok):
                        entry = self._felt_entry(tok)  # "felt betrayed by the United States": how they took it
                    if entry is not None:
                        other += self.adj_frames(tok, entry, A, si)
            out += verb_out + other
        return out
