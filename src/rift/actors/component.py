"""The ``rift_actors`` spaCy component: actor mentions resolved to codes at narrative time.

Explicit names (states, capitals, demonyms, people-nouns, parties, groups, leaders) are found by
one ``PhraseMatcher`` built from the knowledge base when the component is created; each match is
resolved at the date of its clause. Pronouns ("they", "his") and collectives ("both nations",
"the two countries") are then resolved against the explicit mentions around them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import numpy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from rift.actors.kb import ActorKB, load_actor_kb, normalise
from rift.actors.timeline import clause_timespan, mention_date, timespan_start
from rift.records import ActorMention
from rift.text_utils import in_look_back, list_head_in_date, orig_span, orphan_subject, sentence_index

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "agent", "expl"}
OBJECT_DEPS = {"dobj", "pobj", "dative", "iobj", "obj"}
NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "dative", "appos", "conj", "npadvmod", "ROOT", "attr"}
# how far back (in sentences) a pronoun or a collective looks for its antecedents
PRONOUN_WINDOW = 2
SALIENCE_WINDOW = 4
NAME_PARTICLES = frozenset({"the", "de", "van", "von", "der", "al", "el", "la", "le", "da", "di", "du", "bin", "ibn", "ben"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "within", "throughout", "across", "around", "over"})
HALVES = frozenset({"North", "South"})  # "the South": the southern half named before (Korea, Vietnam, Yemen)
MINOR_SUBJECT = 0.3  # a subject of a subordinate clause: between a main-clause subject and an object
SUBJECT_BONUS = 0.6  # how many sentences of distance being a subject is worth to an antecedent
DOC_PRIOR = 0.1  # weight of each earlier mention in the whole document when picking "the two nations"


# words that may stand before a surname without being a given name ("President Johnson")
TITLES = frozenset({"president", "premier", "chancellor", "general", "marshal", "chairman", "prime", "minister", "secretary",
                    "king", "queen", "shah", "emperor", "sultan", "colonel", "admiral", "field", "mr", "mrs", "dr", "comrade",
                    "pope", "prince", "tsar", "czar", "kaiser", "senator", "governor", "ambassador", "foreign", "defence",
                    "defense", "vice", "leader", "party", "marshall", "lieutenant", "captain", "major", "sheikh", "emir",
                    "ayatollah", "archbishop", "bishop", "cardinal", "lord", "sir", "dame", "madame", "monsieur", "herr",
                    "generalissimo", "brother", "comrades", "mao", "old", "young", "chief", "commander", "envoy", "state",
                    "communist", "soviet", "american", "chinese", "british", "french", "german", "president-elect"})


def _another_given_name(span: Span, full_name: str | None) -> bool:
    """A one-word surname match preceded by a given name that is not the known person's: "Michael
    Kohl" (not Helmut Kohl), "Austen Chamberlain" (not Neville)."""
    if len(span) != 1 or span.start == 0 or not full_name:
        return False
    prev = span.doc[span.start - 1]
    if prev.pos_ != "PROPN" or not prev.is_alpha or not prev.text[:1].isupper() or prev.text.isupper() or len(prev.text) < 3:
        return False
    if prev.lower_ in TITLES or prev.ent_type_ in ("GPE", "NORP", "ORG", "DATE") or prev.dep_ != "compound" or prev.head.i != span.root.i:
        return False
    return prev.lower_ not in {w.lower().strip(".,") for w in full_name.split()}


@dataclass
class _Found:
    span: Span
    code: str
    kind: str
    form: str
    name: str | None
    ante_kind: str | None = None  # for pronouns: the kind and form of what they stand for
    ante_form: str | None = None
    sent: int | None = None  # index of the sentence (set once: it is looked up often)

    def __post_init__(self) -> None:
        if self.sent is None:
            self.sent = sentence_index(self.span.doc, self.span.start_char)


# singular nouns for a state's agencies that 'it' may stand for ("the Japanese army ... it")
AGENT_NOUNS = frozenset({"army", "navy", "regime", "administration", "delegation", "leadership", "junta"})
# the head nouns of collectives that name two people ("the two prime ministers", "both presidents"): their
# states are those of the last two leaders named
PERSON_ROLES = frozenset({"leaders", "leader", "ministers", "presidents", "premiers", "men", "dictators", "heads", "chancellors", "rulers"})

_REGNAL = re.compile(r"[IVX]+")  # "Hassan II", "Pius XII"
# nouns of agreements and meetings that take the name of the city where they were made
TITLED_THINGS = frozenset({"letter", "plan", "doctrine", "line", "spirit", "appeal", "programme", "program", "initiative"})
MODEL_WORDS = frozenset({"style", "type", "like", "model", "pattern"})
AGREEMENT_NAMES = frozenset({"court", "tribunal", "accord", "accords", "agreement", "treaty", "conference", "declaration", "communique", "communiqué",
                             "protocol", "summit", "pact", "convention", "charter", "settlement", "talks", "negotiations",
                             "process", "formula", "statement", "memorandum", "resolution", "conversations"})


# "the People's Republic", "the Federal Republic" (not "the Republic of ...", named in full)
_REPUBLIC = re.compile(r"\b[Tt]he ((?:[A-Z][a-z]+(?:['\u2019]s)? ){1,2}Republic)\b(?! of\b)")
GROUP_SIZES = {"three": 3, "four": 4, "five": 5, "six": 6}  # "the five parties"
ISLAND_WINDOW = 6  # sentences back that "the island" looks for an island state


def _start(f: "_Found") -> int:
    return f.span.start


def _orphan_subjects(doc: Doc) -> dict[int, int]:
    """Token index of each subject the parser hung elsewhere -> its verb (text_utils.orphan_subject),
    found once per doc."""
    cached = doc.user_data.get("rift_orphan_subjects")
    if cached is None:
        cached = {}
        for t in doc:
            if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj"):
                o = orphan_subject(t)
                if o is not None:
                    cached[o.i] = t.i
        doc.user_data["rift_orphan_subjects"] = cached
    return cached


def _misspelt_too(phrases: list[str]) -> list[str]:
    """The phrases, and each again with a word spelt as students often misspell it ("the two
    goverments"): the spelling table only mends lemmas, and collectives are matched on the text."""
    from rift.clean.spelling import misspellings

    wrong: dict[str, list[str]] = {}
    for bad, meant in misspellings().items():
        wrong.setdefault(meant, []).append(bad)
    out = list(phrases)
    for phrase in phrases:
        words = phrase.split()
        for i, w in enumerate(words):
            stem = w[:-1] if w.endswith("s") else w
            for bad in wrong.get(stem.lower(), []):
                if bad.endswith("s") == w.endswith("s"):
                    out.append(" ".join(words[:i] + [bad] + words[i + 1 :]))
    return out


def _acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in text.strip()


class ActorTagger:
    """Finds and resolves actor mentions. Build once per pipeline; call on each ``Doc``."""

    def __init__(self, nlp: Language, kb: ActorKB | None = None):
        self.kb = kb or load_actor_kb()
        self._acronyms: dict[str, tuple[bool, bool]] = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        texts = set()
        for key, written in self.kb.written.items():
            texts.update(written)
        texts.update(self._blocker_texts())
        patterns = [nlp.make_doc(t) for t in sorted(texts) if t.strip()]
        self.matcher.add("RIFT_ACTOR", patterns)
        self._republic_cache: dict[str, frozenset[str]] = {}  # "people's republic" -> the states so named
        self.collective_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.collective_matcher.add("RIFT_COLLECTIVE", [nlp.make_doc(t) for t in _misspelt_too(self.kb.collectives)])
        # the same heads after adjectives: "the two Asian giants", "both nuclear powers"
        heads = sorted({t.split()[-1].lower() for t in self.kb.collectives if t.lower().startswith(("the two ", "both ")) and len(t.split()) > 1})
        self.described_collectives = Matcher(nlp.vocab)
        modifiers = {"POS": {"IN": ["ADJ", "PROPN"]}, "OP": "+"}
        self.described_collectives.add("RIFT_COLLECTIVE", [
            [{"LOWER": "the"}, {"LOWER": "two"}, modifiers, {"LOWER": {"IN": heads}}],
            [{"LOWER": "both"}, modifiers, {"LOWER": {"IN": heads}}],
        ])
        divided = sorted(self.kb.divided_nations)
        self.divided = Matcher(nlp.vocab)
        self.divided.add("RIFT_DIVIDED", [
            [{"LOWER": "the"}, {"LOWER": "two"}, {"LOWER": {"IN": divided}}, {"LOWER": {"IN": heads}}],
            [{"LOWER": "both"}, {"LOWER": {"IN": divided}}, {"LOWER": {"IN": heads}}],
            [{"LOWER": "the"}, {"LOWER": "two"}, {"LOWER": {"IN": divided}}],
            [{"LOWER": "both"}, {"LOWER": {"IN": divided}}],
        ])
        self.combining = Matcher(nlp.vocab)
        self.combining.add("RIFT_COMBINING", [[{"LOWER": {"IN": [k.lower() for k in self.kb.combining]}}, {"ORTH": "-"}]])

    def _blocker_texts(self) -> list[str]:
        return sorted(self.kb.blockers)

    # -- explicit mentions -------------------------------------------------------------------
    def _case_ok(self, span: Span) -> bool:
        key = normalise(span.text)
        written = self.kb.written.get(key, set())
        acronyms = self._acronyms.get(key)
        if acronyms is None:
            acronyms = self._acronyms[key] = (any(_acronym(w) for w in written), all(_acronym(w) for w in written))
        if acronyms[0]:
            text = " ".join(t.text for t in span)
            if text in written:
                return True
            if acronyms[1]:
                return False  # "US" must be written in capitals: "us" is a pronoun
        first = span[0].text
        if span[0].lower_ in NAME_PARTICLES and len(span) > 1:
            first = span[1].text  # "the Soviets", "de Gaulle", "von Ribbentrop"
        return first[:1].isupper()

    def _non_agent(self, span: Span, form: str) -> bool:
        """A demonym naming a thing, not an actor: "the Korean War", "Chinese New Year"."""
        if form not in ("adj", "people"):
            return False
        doc = span.doc

        def thing(tok) -> bool:
            if tok.lower_ in self.kb.non_agent_heads or tok.lemma_.lower() in self.kb.non_agent_heads:
                return True
            return tok.lower_ in self.kb.named_event_heads and tok.text[:1].isupper()

        if doc.has_annotation("DEP"):
            tok = span.root
            while tok.dep_ in ("amod", "compound", "nmod") and tok.head.i != tok.i:
                tok = tok.head
                if thing(tok):
                    return True
            return False
        return span.end < len(doc) and thing(doc[span.end])

    def explicit(self, doc: Doc) -> list[_Found]:
        """Named mentions, longest first, resolved at their clause's date."""
        from spacy.util import filter_spans

        spans = [doc[s:e] for _id, s, e in self.matcher(doc)]
        spans += [doc[s : s + 1] for _id, s, _e in self.combining(doc)]
        bare = self._bare_possessives(doc)
        spans = filter_spans(spans + [doc[i : i + 1] for i in bare])
        found: list[_Found] = []
        guarded: list[tuple[Span, list]] = []
        dates: dict[int, object] = {}
        for span in spans:
            key = bare.get(span.start) if len(span) == 1 else None
            key = key or normalise(span.text)
            if key in self.kb.blockers and not self._is_combining(span):
                continue
            if self._is_combining(span):
                target = self.kb.combining.get(span.text) or self.kb.combining.get(span.text.title())
                if not target:
                    continue
                key = normalise(target)
            elif not self._case_ok(span):
                continue
            sent = sentence_index(doc, span.start_char)
            if sent not in dates:
                dates[sent] = mention_date(doc, span)
            hit = self.kb.resolve(key, dates[sent])
            if hit is not None and (hit[0].form == "person" or len(hit[0].senses) > 1):
                # a person's date is his own clause's ("Iraqi nationalists said ..., but in 1899 Sheikh
                # Mubarak signed"), not the first one of the sentence; so is a renamed state's ("Hanoi was
                # leaning towards Moscow [1975] and in 1978 it squeezed the Hoa of Vietnam")
                own = mention_date(doc, span)
                if own != dates[sent]:
                    hit = self.kb.resolve(key, own)
            if hit is None:
                if span.root.pos_ == "PROPN" or (span.root.pos_ == "NOUN" and span.root.text.istitle()):
                    held = self.kb.guarded_at(key, mention_date(doc, span))
                    if held:
                        guarded.append((span, held))
                continue
            cand, code = hit
            if cand.form == "place":
                # "In 1967 Israel occupied Sinai": the place is whose it was when the time named began,
                # before the act that may have changed its holder
                first = timespan_start(clause_timespan(doc, span))
                code = (cand.resolve(first) if first is not None else None) or code
            if self._non_agent(span, cand.form):
                continue
            if cand.kind == "state" and cand.form == "name" and span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in PERSON_TITLES:
                continue  # "Admiral Togo's destroyers": a man's name, not the state
            if cand.form in ("people", "adj") and span.start > 0 and doc[span.start - 1].lower_ in REBEL_MODS:
                continue  # "rebel Serbs seized a third of Croatia", "exiled Cubans": not the state's people in arms
            if cand.form == "person" and _another_given_name(span, cand.name) and self._said_of_another_nation(span):
                continue  # "his East German counterpart Michael Kohl" is not Helmut Kohl
            kind = "leader" if cand.form == "person" else cand.kind
            found.append(_Found(span, code, kind, cand.form, cand.name))
        return found + self._guarded_leaders(doc, spans, found, guarded)

    def _guarded_leaders(self, doc: Doc, spans: list[Span], found: list[_Found], guarded: list[tuple[Span, list]]) -> list[_Found]:
        """Leaders named by a bare name others share ("Hussein"), a common word, or a name misspelt by
        one letter ("Hussien", "Kissenger"): each is read as the one leader in office at the date
        whose state the text names, and left unread when there is none or more than one."""
        covered = {i for sp in spans for i in range(sp.start, sp.end)}
        guarded = list(guarded)
        for tok in doc:  # a leader's name one slip away from what is written
            if tok.i in covered or len(tok.text) < 6 or not tok.is_alpha or not tok.text.istitle():
                continue
            if not (tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and not tok.is_sent_start)) or normalise(tok.text) in self.kb.aliases:
                continue
            near = self.kb.near_names(tok.text)
            if near:
                span = doc[tok.i : tok.i + 1]
                held = [hit for key in near for hit in self.kb.people_at(key, mention_date(doc, span))]
                if held:
                    guarded.append((span, held))
        named = {f.code for f in found if f.kind == "state"}
        out = []
        for span, held in guarded:
            fits = {(c.name, code) for c, code in held if code in named}
            if len(fits) == 1:
                name, code = next(iter(fits))
                out.append(_Found(span, code, "leader", "person", name))
        return out

    def _bare_possessives(self, doc: Doc) -> dict[int, str]:
        """'vetoed Kuwaits application', 'Khomeinis revolution': a name with its possessive written
        without the apostrophe, before the thing it owns (token -> the name's alias key)."""
        out: dict[int, str] = {}
        for tok in doc[:-1]:
            text = tok.text
            if len(text) < 5 or not text.endswith("s") or not text[0].isupper() or (tok.is_sent_start and tok.pos_ != "PROPN"):
                continue
            nxt = doc[tok.i + 1]
            if not (nxt.pos_ in ("NOUN", "ADJ") and nxt.text[:1].islower()):
                continue
            key = normalise(text[:-1])
            if key in self.kb.aliases and normalise(text) not in self.kb.aliases and " " not in key:
                out[tok.i] = key
        return out

    def _said_of_another_nation(self, span: Span) -> bool:
        """Whether the noun a name is in apposition to carries a nationality of its own ("his East
        German counterpart Michael Kohl"): that, not a namesake's office, says whose he is."""
        root = span.root
        if root.dep_ != "appos":
            return False
        mods = [c for c in root.head.children if c.dep_ in ("amod", "compound") and c.i < root.head.i]
        if not mods:
            return False
        text = span.doc[mods[0].left_edge.i : mods[-1].i + 1].text
        return bool(self.kb.lookup(text)) or any(self.kb.lookup(m.text) for m in mods)

    @staticmethod
    def _community_adjectives(found: list[_Found]) -> list[_Found]:
        """Drop a nation's adjective right before another's: "Greek Cypriot villages" are
        Cypriot villages of the Greek community, not Greek ones ("Turkish Cypriot", "Chinese
        American"). ``found`` is sorted by position."""
        starts = {f.span.start: f for f in found if f.form == "adj"}
        return [f for f in found if not (f.form == "adj" and f.span.end in starts and starts[f.span.end].code != f.code)]

    @staticmethod
    def _places_naming_agreements(doc: Doc, found: list[_Found]) -> list[_Found]:
        """Drop a capital that names an agreement or a meeting after the place it was made:
        "the Lusaka accord", "the Shanghai communique", "the Geneva conference", "the Act of Montevideo"."""
        def names_one(f: _Found) -> bool:
            if f.form not in ("capital", "place"):
                return False
            i = f.span.start
            if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].text[:1].isupper() and (
                doc[i - 2].lemma_.lower() in AGREEMENT_NAMES or doc[i - 2].lower_ in ("act", "peace", "congress")
            ):
                return True  # "the Act of Montevideo", "the Protocol of Rio de Janeiro", "the Congress of Vienna"
            j = f.span.end
            while j < len(doc) and doc[j].lower_ in ("peace", "ceasefire", "cease-fire", "trade", "border", "joint"):
                j += 1
            if j >= len(doc):
                return False
            # (a capitalised title too: "the 'Warsaw Letter'", "the Bangkok Plan")
            if f.form == "place" and doc[j].lemma_.lower() in ("meeting", "talk", "summit", "session"):
                return True  # "the Cierna and Bratislava meetings" (a capital's meeting is its state's)
            return doc[j].lemma_.lower() in AGREEMENT_NAMES or (doc[j].lower_ in TITLED_THINGS and doc[j].text[:1].isupper())
        def a_model(f: _Found) -> bool:
            # "a Romanian-style military alliance", "a Soviet-type economy": a pattern, not a party
            j = f.span.end
            return j + 1 < len(doc) and doc[j].text == "-" and doc[j + 1].lower_ in MODEL_WORDS

        def against_it(f: _Found) -> bool:
            # "the Anti-Comintern Pact": a document aimed at it, not one it made (but "an anti-Soviet
            # campaign" is still aimed at someone)
            i, j = f.span.start, f.span.end
            return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "anti" and j < len(doc) and doc[j].lemma_.lower() in AGREEMENT_NAMES
        return [f for f in found if not names_one(f) and not a_model(f) and not against_it(f)]

    def _outside_citations(self, doc: Doc, found: list[_Found]) -> list[_Found]:
        """Drop names inside parenthetical citations: "(Salisbury, 33-7)" cites a historian."""
        cites = sorted((c.start, c.end) for c in (doc._.citations or []))
        if not cites:
            return found
        starts = [a for a, _b in cites]
        keep = []
        for f in found:
            a, b = orig_span(doc, f.span.start_char, f.span.end_char)
            i = bisect.bisect_right(starts, a) - 1
            if i >= 0 and cites[i][0] <= a < cites[i][1]:
                continue
            keep.append(f)
        return keep

    def _is_combining(self, span: Span) -> bool:
        doc = span.doc
        return len(span) == 1 and span.end < len(doc) and doc[span.end].text == "-" and span.text in self.kb.combining

    # -- context: pronouns and collectives ----------------------------------------------------
    def _salient_pair(self, doc: Doc, found: list[_Found], sent: int, before: int, n: int = 2, exclude: frozenset[str] = frozenset()) -> list[str]:
        """The two (or ``n``) actors the text is about around sentence ``sent``: most mentioned recently
        (but not ``exclude``, those who act on the collective: "Washington urged both capitals")."""
        score: dict[str, float] = {}
        for f in found:
            if f.span.start_char >= before:
                break
            if f.kind not in ("state", "party", "leader", "group") or f.code in exclude:
                continue
            s = f.sent
            dist = sent - s if s is not None and sent is not None else SALIENCE_WINDOW
            w = (1.0 / (1 + dist) if dist <= SALIENCE_WINDOW else 0.0) + DOC_PRIOR
            root = f.span.root
            if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
                w *= 0.3  # "fought in Korea": where things happen, not who acts
            if in_look_back(root):
                w *= 0.3  # "Hitler had signed that agreement with Mussolini": told in a look back
            # among equals the later mention wins: it is nearer
            score[f.code] = score.get(f.code, 0.0) + w + f.span.start * 1e-7
        if len(score) < 2:
            for f in found:  # a document that names its pair only later
                score.setdefault(f.code, 0.01)
        ranked = sorted(score, key=lambda c: -score[c])
        return ranked[:n] if len(ranked) >= n else []

    def _code_then(self, ante: _Found, span: Span) -> str:
        """The code of a state a pronoun stands for at the pronoun's own time: "Hanoi was leaning
        towards Moscow in 1975 ... in 1978 it squeezed the Hoa" is North Vietnam, then Vietnam."""
        if ante.kind != "state":
            return ante.code
        key = normalise(ante.span.text)
        if not any(c.name == ante.name and len(c.senses) > 1 for c in self.kb.lookup(key)):
            return ante.code  # (a state that never changed its code needs no date: most of them)
        hit = self.kb.resolve(key, mention_date(span.doc, span))
        return hit[1] if hit is not None and hit[0].name == ante.name and hit[0].form != "person" else ante.code

    def _leader_pair(self, found: list[_Found], sent: int | None, span: Span) -> list[str]:
        """'the two leaders' / 'both leaders': the states of the last two leaders named just before
        ("Brezhnev invited Nixon to Moscow, and the two leaders signed ...")."""
        codes: list[str] = []
        for f in reversed(found):
            if f.span.start >= span.start or not (f.kind == "leader" or f.kind == "pronoun" and f.ante_kind == "leader"):
                continue  # ("... and he accepted. When the two prime ministers met": the leader a pronoun stood for)
            if sent is not None and f.sent is not None and sent - f.sent > 1:
                break
            if f.code not in codes:
                codes.append(f.code)
            if len(codes) == 2:
                return codes
        return []

    def _pronoun_antecedent(self, doc: Doc, tok, kind: str, found: list[_Found], resolved: dict[int, list[_Found]]) -> list[_Found]:
        sent = sentence_index(doc, tok.idx)
        if sent is None:
            return []
        has_dep = doc.has_annotation("DEP")
        clause_subj = None
        if has_dep and tok.dep_ in OBJECT_DEPS:
            head = tok.head.head if tok.dep_ == "pobj" else tok.head
            # "Moscow, Havana and Brasilia recognised the new government": none of the subjects
            clause_subj = {t.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for t in (c, *c.conjuncts)}
        own_subj: set[int] = set()
        subj_heads: set[int] = set()
        if has_dep and tok.dep_ == "poss":
            # "if the Chinese did not cease their bombardment": a possessive goes with its clause's subject
            verb = tok.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and verb.head.i != verb.i:
                verb = verb.head  # "left China and destroyed their blueprints": the conjuncts share a subject
            own_subj = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i for t in c.subtree}
            subj_heads = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
        if has_dep and kind == "person" and tok.dep_ in ("nsubj", "nsubjpass") and _unnamed_person_before(tok, found):
            return []  # "the Dalai Lama fled to India, where he was given asylum": someone no actor stands for
        best = None
        best_key = None
        orphans: set[int] = set()
        if has_dep:  # subjects the parser hung elsewhere, of verbs before the pronoun
            lo = max(0, tok.sent.start - 200)
            orphans = {o for o, v in _orphan_subjects(doc).items() if lo <= v < tok.i}
        for f in found:
            if f.span.start >= tok.i:
                break
            if own_subj and f.span.start in own_subj and f.kind != "pronoun" and f.span.root.i not in subj_heads:
                # "the Carter administration broke off its talks": the subject's head (a body) owns it
                own_pick = resolved.get(f.span.start, [f])
                return own_pick
            s = f.sent
            if s is None or sent - s > PRONOUN_WINDOW:
                continue
            f_kind = f.ante_kind or f.kind
            f_form = f.ante_form or f.form
            if f_kind == "place":
                continue  # a place acted on is not who a pronoun goes on about
            if kind == "person" and f_kind != "leader":
                continue
            if kind == "group" and f_kind == "leader":
                continue
            if kind == "thing" and f_form not in ("name", "capital", "group") and not (
                f_form == "adj" and f.span.root.head.lemma_.lower() in AGENT_NOUNS and f.span.root.head.tag_ == "NN"
            ):
                continue  # (but "the Japanese army ... the excuse it wanted": a state's army is an 'it')
            if clause_subj and f.span.root.i in clause_subj:
                continue
            if f.span.root.i in own_subj:
                return resolved.get(f.span.start, [f])
            is_subj = has_dep and (f.span.root.dep_ in ("nsubj", "nsubjpass") or f.span.root.i in orphans or _in_subject(f.span.root))
            # recency first, but a subject one sentence back beats a non-subject in this one
            # and the main clause's subject beats one in a 'when'/'because' clause
            host = f.span.root.head
            # (or in a clause reported by a verb: "the Sandinistas claimed that the United States was planning
            # to invade, and they appealed to the UN")
            minor = is_subj and ((host.dep_ == "advcl" and any(c.dep_ == "mark" for c in host.children)) or (
                host.dep_ == "ccomp" and host.head.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in host.head.children)))
            key = ((sent - s) + (MINOR_SUBJECT if minor else 0.0 if is_subj else SUBJECT_BONUS), -f.span.start)
            if best_key is None or key < best_key:
                best, best_key = f, key
        if best is None:
            return []
        return resolved.get(best.span.start, [best])

    def short_names(self, doc: Doc, found: list[_Found]) -> list[_Found]:
        """A leader named in full, then by one word of the name ("Kim Il Sung ... told Kim that"):
        the later word is the same person, wherever the knowledge base does not know it alone."""
        taken = {i for f in found for i in range(f.span.start, f.span.end)}
        words: dict[str, _Found] = {}
        out: list[_Found] = []
        by_start = {f.span.start: f for f in found if f.kind == "leader" and len(f.span) >= 2}
        for tok in doc:
            f = by_start.get(tok.i)
            if f is not None:
                # its first and last word, or past a title and before a regnal number ("King Hassan II")
                named = [w for w in f.span if w.lower_ not in TITLES and not _REGNAL.fullmatch(w.text)]
                for w in {f.span[0], f.span[-1], *named[:1], *named[-1:]}:
                    if len(w.text) >= 3 and w.text[0].isupper() and w.is_alpha and w.lower_ not in TITLES:
                        words[w.text] = f
                continue
            if tok.i in taken or tok.text not in words or not (tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.text.istitle())):
                continue  # (the parser may take a name it does not know for a noun: "Amin in return accused ...")
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
                continue  # "Kim Jong Il": a longer name of someone else
            prev = doc[tok.i - 1] if tok.i > 0 else None
            if prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper() and not prev.is_sent_start:
                continue
            f = words[tok.text]
            out.append(_Found(doc[tok.i : tok.i + 1], f.code, f.kind, f.form, f.name))
        return out

    def divided_pairs(self, doc: Doc, found: list[_Found]) -> list[_Found]:
        """'the two German states', 'both Germanies', 'the two Koreas': the two states of a divided
        nation (replacing the adjective's mention of one of them)."""
        from spacy.util import filter_spans

        spans = [doc[s:e] for _id, s, e in self.divided(doc)]
        spans = [sp for sp in filter_spans(spans) if sp[-1].lower_ in self.kb.divided_nations or sp[-1].pos_ == "NOUN"]
        if not spans:
            return found
        covered = {i for sp in spans for i in range(sp.start, sp.end)}
        out = [f for f in found if not any(i in covered for i in range(f.span.start, f.span.end))]
        for sp in spans:
            word = next(t.lower_ for t in sp if t.lower_ in self.kb.divided_nations)
            out += [_Found(sp, code, "collective", "collective", None) for code in self.kb.divided_nations[word]]
        return sorted(out, key=lambda f: f.span.start)

    def halves(self, doc: Doc, found: list[_Found]) -> list[_Found]:
        """'the South' / 'the North' of a divided country: the half the text last named that way
        ("North Korean troops invaded South Korea ... Truman sent forces to defend the South")."""
        taken = {i for f in found for i in range(f.span.start, f.span.end)}
        out: list[_Found] = []
        for tok in doc:
            word = tok.text
            if word not in HALVES or tok.i in taken or tok.i == 0 or doc[tok.i - 1].lower_ != "the":
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and (nxt.pos_ in ("PROPN", "NOUN", "ADJ") or nxt.is_title and not nxt.is_sent_start):
                continue  # "the North Koreans", "the South China Sea"
            best = _last_before(found, tok.i, lambda f: f.span.text.split()[0] == word and f.kind in ("state", "people", "group"))
            if best is not None:
                out.append(_Found(doc[tok.i - 1 : tok.i + 1], best.code, best.kind, "name", best.name))
        return out

    def republics(self, doc: Doc, found: list[_Found]) -> list[_Found]:
        """'the People's Republic', 'the Federal Republic': the state the text named last whose
        official name has that phrase ("China ... the General Assembly voted to seat the People's
        Republic")."""
        taken = {i for f in found for i in range(f.span.start, f.span.end)}
        out: list[_Found] = []
        for m in _REPUBLIC.finditer(doc.text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            codes = self._republic_codes(m.group(1).replace("’", "'").lower())
            best = _last_before(found, span.start, lambda f: f.code in codes and f.kind == "state")
            if best is not None:
                out.append(_Found(span, best.code, "state", "name", best.name))
        return out

    def _republic_codes(self, phrase: str) -> frozenset[str]:
        """Codes of states one of whose names holds ``phrase`` ("people's republic") as a whole."""
        cache = self._republic_cache
        if phrase not in cache:
            pat = re.compile(r"(?:^|\s)" + re.escape(phrase) + r"(?:\s|$)")
            cache[phrase] = frozenset(
                s.code for key, cands in self.kb.aliases.items() if pat.search(key)
                for c in cands if c.form == "name" for s in c.senses)
        return cache[phrase]

    def islands(self, doc: Doc, found: list[_Found]) -> list[_Found]:
        """'the island': the island state the text named last, a few sentences back at most
        ("Athens shipped soldiers to Cyprus ... a peacekeeping force to the island")."""
        taken = {i for f in found for i in range(f.span.start, f.span.end)}
        out: list[_Found] = []
        for tok in doc:
            if tok.lower_ != "island" or tok.i in taken or tok.i == 0 or doc[tok.i - 1].lower_ != "the":
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and (nxt.lower_ == "of" or nxt.pos_ in ("PROPN", "NOUN")):
                continue  # "the island of Damansky", "the island fortress"
            sent = sentence_index(doc, tok.idx)
            best = _last_before(found, tok.i, lambda f: f.code in self.kb.island_states and f.kind == "state" and (
                sent is None or f.sent is None or sent - f.sent <= ISLAND_WINDOW))
            if best is not None:
                out.append(_Found(doc[tok.i - 1 : tok.i + 1], best.code, best.kind, "name", best.name))
        return out

    def context(self, doc: Doc, found: list[_Found]) -> list[_Found]:
        """Pronoun and collective mentions, resolved against ``found`` (sorted by position)."""
        taken = {i for f in found for i in range(f.span.start, f.span.end)}
        out: list[_Found] = []
        groups: dict[int, list[_Found]] = {}  # start token -> the mentions it stands for
        for f in found:
            groups.setdefault(f.span.start, []).append(f)
        has_dep = doc.has_annotation("DEP")
        colls = []
        from spacy.util import filter_spans

        matched = [doc[s:e] for _id, s, e in self.collective_matcher(doc)]
        matched += [doc[s:e] for _id, s, e in self.described_collectives(doc) if e - s <= 6]
        for span in filter_spans(matched):
            if any(i in taken for i in range(span.start, span.end)):
                continue
            if len(span) == 1 or span.text.lower() in ("the two",):
                # a bare "both" / "the two" is a collective only when it stands as a noun phrase
                if not has_dep or span.root.dep_ not in NOMINAL_DEPS or span.root.head.pos_ == "NOUN" and span.root.dep_ not in ("nsubj", "dobj", "pobj"):
                    continue
                if span.end < len(doc) and doc[span.end].pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
                    continue
                if span.root.dep_ == "appos" and (span.root.head.conjuncts or span.root.head.pos_ == "PRON"):
                    continue  # "Makarios and Papandreou, both rejected ...", "they both": the ones just named
            if has_dep and any(c.dep_ in ("appos", "conj") and c.i in taken and doc[c.i - 1].text == "," for c in span.root.children if c.i > span.root.i):
                continue  # "the two allies, Greece and Turkey": the states the apposition names
            colls.append(span)
        # ("there territorial defence blockaded the barracks": 'their' misspelt, as the parser reads it)
        pron_toks = [t for t in doc if (t.lower_ in self.kb.pronouns or (t.lower_ == "there" and t.dep_ == "poss" and has_dep)) and t.i not in taken]
        if has_dep:  # "At first the United States recognized the new government": a body named by its role
            ids = [doc.vocab.strings.add(w) for w in BARE_GOVERNMENT]
            hits = numpy.nonzero(numpy.isin(doc.to_array("LEMMA"), ids))[0] if len(doc) else []
            pron_toks += [doc[int(i)] for i in hits if _bare_government(doc[int(i)], taken)]
            pron_toks.sort(key=lambda t: t.i)
        events = sorted([(c.start, "c", c) for c in colls] + [(t.i, "p", t) for t in pron_toks], key=lambda x: x[0])
        merged = sorted(found, key=_start)

        def add(new: list[_Found]) -> None:  # keeps ``merged`` in order, a new mention after its equals
            for f in new:
                bisect.insort(merged, f, key=_start)

        for _pos, what, obj in events:
            if what == "c":
                span = obj
                sent = sentence_index(doc, span.start_char)
                named = " ".join(w.lower_ for w in span if w.lower_ not in ("the", "both", "all") and w.lower_ not in GROUP_SIZES)
                if named in self.kb.fixed_collectives:
                    pair = list(self.kb.fixed_collectives[named])  # "the three Baltic states"
                elif len(span) > 1 and span[1].lower_ in GROUP_SIZES:
                    # "the three governments agreed a ceasefire", "the five parties sent Prague a letter": the
                    # states last named together in a list that long, or the ones the text is about
                    n = GROUP_SIZES[span[1].lower_]
                    pair = (_named_just_before(merged, sent, span, n) or (_listed_together(merged, sent, span, n) if has_dep else [])
                            or self._salient_pair(doc, merged, sent, span.start_char, n=n))
                else:
                    pair = list(self.kb.fixed_collectives.get(span[-1].lower_, []))
                    pair = pair or (self._leader_pair(merged, sent, span) if PERSON_ROLES & set(span.text.lower().split()) else [])
                    acting = _acting_on(span, merged) if has_dep else frozenset()
                    # (not those who act on it: "Washington and Kigali tried to stop it. Rice and Kagame flew
                    # back and forth between the two capitals")
                    coordinated = _coordinated_pair(merged, sent, span) if has_dep else []
                    pair = pair or (coordinated if not set(coordinated) & acting else [])
                    in_sentence = _pair_in_sentence(merged, sent, span)
                    pair = pair or (in_sentence if not set(in_sentence) & acting else [])
                    pair = pair or self._salient_pair(doc, merged, sent, span.start_char, exclude=acting)
                if len(pair) >= 2:
                    new = [_Found(span, code, "collective", "collective", None) for code in pair]
                    groups[span.start] = new
                    out.extend(new)
                    add(new)
                continue
            tok = obj
            if tok.lower_ in ("it", "its", "itself") and has_dep and tok.dep_ in ("expl", "nsubj") and tok.head.lemma_ == "be":
                continue
            if tok.lower_ == "it" and (not has_dep or tok.dep_ not in ("nsubj", "nsubjpass")):
                continue  # as an object "it" is nearly always a thing ("refused to sign it")
            if has_dep and _names_a_thing(tok, taken):
                continue
            ante = _cataphor(tok, merged, groups) if has_dep else []
            if not ante and tok.lemma_.lower() in BARE_GOVERNMENT:
                ante = _named_before(tok, found) or _seized_power_just_before(tok, merged)
            word = "their" if tok.lower_ == "there" else tok.lower_
            ante = ante or self._pronoun_antecedent(doc, tok, self.kb.pronouns.get(word, "thing"), merged, groups)
            if has_dep and word in ("they", "them", "their"):
                pair = _leaders_together(tok, merged)
                if pair and (not ante or max(a.span.start for a in ante) < pair[0].span.start):
                    ante = pair  # "Papandreou and Ozal held a summit. They met again in March": the two leaders
            if not ante:
                continue
            if has_dep and word in ("they", "them", "their") and len({a.code for a in ante}) == 1:
                ante = ante + _coordinated_with(ante[0], merged, tok)
            if has_dep and tok.lower_ == "they" and tok.dep_ == "nsubj" and len({a.code for a in ante}) == 1:
                ante = _met_before(tok, merged) or ante
            span = doc[tok.i : tok.i + 1]
            new = [_Found(span, self._code_then(a, span), "pronoun", "pronoun", a.name, a.ante_kind or a.kind, a.ante_form or a.form)
                   for a in ante]
            groups[tok.i] = new
            out.extend(new)
            add(new)
        return out

    def __call__(self, doc: Doc) -> Doc:
        doc_id = doc._.rift_doc_id or ""
        found = self.explicit(doc)
        found = self._outside_citations(doc, found)
        found.sort(key=lambda f: f.span.start)
        found = self._community_adjectives(self._places_naming_agreements(doc, found))
        found = self.divided_pairs(doc, found)
        found = [f for f in found if f.kind != "place" or not _place_acting(f.span)]
        found = found + self.short_names(doc, found)
        found.sort(key=lambda f: f.span.start)
        found = found + self.halves(doc, found)
        found.sort(key=lambda f: f.span.start)
        found = found + self.islands(doc, found)
        found.sort(key=lambda f: f.span.start)
        found = found + self.republics(doc, found)
        found.sort(key=lambda f: f.span.start)
        found = found + self.context(doc, found)
        found.sort(key=lambda f: (f.span.start, f.code))
        actors, spans = [], []
        for f in found:
            a, b = orig_span(doc, f.span.start_char, f.span.end_char)
            mention = ActorMention(doc=doc_id, start=a, end=b, text=f.span.text, code=f.code, kind=f.kind, name=f.name, sentence=f.sent)
            actors.append(mention)
            spans.append((f.span, mention))
        doc._.actors = actors
        doc._.actor_spans = spans
        return doc


def _place_acting(span: Span) -> bool:
    """A place named as who acts ("Sarawak joined Malaysia", "Quemoy's guns replied"), or as
    where something came from or passed ("troops from Okinawa", "across Sinai"), rather than as what
    was acted on or where an act went: it stands for no state there."""
    root = span.root
    if not span.doc.has_annotation("DEP"):
        return True
    if root.dep_ in ("nsubj", "nsubjpass", "csubj", "agent", "appos", "npadvmod"):
        return True
    if root.dep_ in ("poss", "compound", "amod", "nmod") and root.head.dep_ in ("nsubj", "nsubjpass"):
        return True
    if root.dep_ == "pobj" and root.head.lower_ in ("from", "inside", "within", "throughout", "across", "around", "by", "via",
                                                    "through", "of", "off", "along", "between"):
        return True  # (but "landed near Kyrenia", "arrived in Shanghai", "intervened in Katanga": where an act went)
    return False


def _last_before(found: list["_Found"], stop: int, keep) -> "_Found | None":
    """The last mention of ``found`` (sorted by position) that starts before token ``stop`` and
    that ``keep`` accepts."""
    best = None
    for f in found:
        if f.span.start >= stop:
            break
        if keep(f):
            best = f
    return best


def _unnamed_person_before(tok, found: list["_Found"]) -> bool:
    """Whether the nearest subject before pronoun ``tok`` in its sentence is a proper name no actor
    mention covers (a person the knowledge base does not know: "the Dalai Lama")."""
    covered = {i for f in found for i in range(f.span.start, f.span.end)}
    for t in reversed(tok.doc[tok.sent.start : tok.i]):
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.i != tok.head.i:
            return t.pos_ == "PROPN" and t.i not in covered and t.ent_type_ not in ("GPE", "NORP", "ORG", "LOC")
    return False


def _cataphor(tok, found: list["_Found"], groups: dict) -> list["_Found"]:
    """'In addition to its continuing deliveries of aircraft to the Indians, Moscow now has offered
    them ...': a possessive in a phrase put before the clause points forward to the clause's subject."""
    if tok.dep_ != "poss" or tok.lower_ not in ("its", "their", "his", "her"):
        return []
    verb, child = tok, None
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb, child = verb.head, verb
    if child is None or verb.pos_ not in ("VERB", "AUX") or child.dep_ not in ("prep", "advcl", "npadvmod") or child.i > verb.i:
        return []
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i), None)
    if subj is None:
        return []
    inside = {t.i for t in subj.subtree}
    for f in found:
        if f.span.root.i in inside and f.kind != "pronoun":
            return groups.get(f.span.start, [f])
    return []


# heads that, as "the (new) government" with nothing naming whose, point back to a state
BARE_GOVERNMENT = frozenset({"government", "regime", "administration", "leadership", "junta", "authorities"})
# adjectives that leave it a pointer ("the new government"); others may name another body ("the nationalist government")
BARE_GOVERNMENT_ADJS = frozenset({"new", "revolutionary", "military", "provisional", "present", "current", "incoming",
                                  "interim", "young", "fledgling", "civilian"})


def _bare_government(tok, taken: set[int]) -> bool:
    """'the new government', 'the regime': no state named inside the phrase, so it stands for a
    state named just before (like a pronoun)."""
    if tok.lemma_.lower() not in BARE_GOVERNMENT or tok.pos_ != "NOUN" or tok.i in taken or tok.tag_ == "NNS" and tok.lower_ != "authorities":
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return False
    if tok.dep_ in ("compound", "amod", "poss") or any(t.i in taken for t in tok.subtree):
        return False
    return not any(c.dep_ in ("poss", "compound", "nmod") or (c.dep_ == "prep" and c.lower_ in ("of", "in", "at")) or c.dep_ == "relcl"
                   or (c.dep_ == "amod" and c.lower_ not in BARE_GOVERNMENT_ADJS) for c in tok.children)


# titles before a name that make it a person's ("Admiral Togo", "General Jordan")
PERSON_TITLES = frozenset({"admiral", "general", "marshal", "colonel", "captain", "commander", "lieutenant", "major", "sergeant",
                           "mr", "mrs", "dr", "sir", "lord", "lady"})
# words before a people-noun that set them against, or outside, their state ("rebel Serbs")
REBEL_MODS = frozenset({"rebel", "rebellious", "insurgent", "separatist", "breakaway", "secessionist", "exiled", "exile",
                        "émigré", "emigre", "dissident", "renegade", "guerrilla"})
SEIZING = frozenset({"overthrow", "oust", "depose", "topple", "unseat", "seize", "overturn"})


def _seized_power_just_before(tok, found: list["_Found"]) -> list["_Found"]:
    """'Amin overthrew Obote in a coup ... Britain recognised the new regime': a new government is
    the one just set up by force, in this sentence or the one before, in the state of whoever
    seized power there (not a place named on the way: "while Obote was away in Singapore")."""
    if not any(c.dep_ == "amod" and c.lower_ in ("new", "revolutionary", "military", "provisional", "interim") for c in tok.children):
        return []
    doc = tok.doc
    lo = doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
    by_root = {f.span.root.i: f for f in found if f.kind in ("leader", "state") and lo <= f.span.start < tok.i}
    for verb in reversed(doc[lo : tok.i]):
        if verb.lemma_.lower() not in SEIZING or verb.pos_ != "VERB":
            continue
        for c in verb.children:
            if c.dep_ in ("nsubj", "dobj") and c.i in by_root:
                return [by_root[c.i]]
    return []


def _in_subject(tok) -> bool:
    """'The American diplomat Susan Rice ... flew': a state's adjective on a subject noun goes with
    the subject (for a pronoun looking back, it counts as one)."""
    return tok.dep_ == "amod" and tok.head.pos_ == "NOUN" and tok.head.dep_ in ("nsubj", "nsubjpass")


def _named_before(tok, found: list["_Found"]) -> list["_Found"]:
    """'the junta' after 'the Athens junta', 'the regime' after 'the Iraqi regime': the state the
    same noun was last named with (its modifier or its 'in' phrase), earlier in the document."""
    lemma = tok.lemma_.lower()
    by_token: dict[int, list[_Found]] = {}
    for f in found:
        if f.span.start < tok.i and f.kind != "pronoun":
            for i in range(f.span.start, f.span.end):
                by_token.setdefault(i, []).append(f)
    for t in reversed(tok.doc[max(0, tok.i - 2000) : tok.i]):
        if t.lemma_.lower() != lemma or t.pos_ != "NOUN":
            continue
        near = [c for c in t.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
        near += [p for c in t.children if c.dep_ == "prep" and c.lower_ in ("in", "of") for p in c.children if p.dep_ == "pobj"]
        named = [f for c in near for f in by_token.get(c.i, [])]
        if named:
            return named
    return []


def _named_just_before(found: list["_Found"], sent: int | None, span, n: int) -> list[str]:
    """'Stalin asked Truman and Churchill to support a base. Both turned him down. The three powers
    agreed ...': the ``n`` actors named in the sentence before (and this one, before the collective),
    when they are exactly ``n``."""
    if sent is None:
        return []
    codes: list[str] = []
    for f in found:
        if f.span.start >= span.start or f.sent is None or f.sent < sent - 1 or f.kind == "place":
            continue
        if f.code not in codes:
            codes.append(f.code)
    return codes if len(codes) == n else []


def _listed_together(found: list["_Found"], sent: int | None, span, n: int, window: int = 12) -> list[str]:
    """The ``n`` states last named in one list before ``span`` ("the Soviet, Polish, East German,
    Hungarian and Bulgarian leaders ... the five parties"), a few sentences back at most."""
    groups: dict[int, list[str]] = {}  # list head -> its codes, in the order the lists were named
    for f in found:
        if f.span.start >= span.start or f.kind in ("pronoun", "collective"):
            continue
        if sent is not None and f.sent is not None and sent - f.sent > window:
            continue
        head = f.span.root
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        if head.dep_ in ("amod", "compound", "nmod"):
            head = head.head  # "the Soviet, Polish, East German ... leaders": the adjectives of one noun
        codes = groups.setdefault(head.i, [])
        if f.code not in codes:
            codes.append(f.code)
    for codes in reversed(groups.values()):
        if len(codes) == n:
            return codes
    return []


def _pair_in_sentence(found: list["_Found"], sent: int | None, span) -> list[str]:
    """'France, which had kept troops in Chad under a defence agreement the two countries signed':
    the two states named earlier in the collective's own sentence, when it names just two."""
    if sent is None or span[-1].lower_ not in ("countries", "states", "nations", "governments", "sides") or any(
            t.dep_ == "amod" for t in span):
        return []  # (not "the two Asian giants": a description may name others)
    codes: list[str] = []
    for f in found:
        if f.span.start >= span.start:
            break
        if f.sent == sent and f.kind in ("state", "leader") and f.code not in codes:
            codes.append(f.code)
    return codes if len(codes) == 2 else []


def _coordinated_pair(found: list["_Found"], sent: int | None, span) -> list[str]:
    """'Kissinger shuttled between Cairo and Jerusalem until the two sides agreed ...': a collective
    right after two states named together (coordinated) means those two."""
    if sent is None:
        return []
    recent: list[_Found] = []
    for f in reversed(found):  # found is in text order: walk back from the collective, one sentence at most
        if f.span.start >= span.start:
            continue
        if f.sent is None or sent - f.sent > 1:
            break
        if f.kind != "pronoun":
            recent.append(f)
    recent.reverse()
    for f in reversed(recent):
        root = f.span.root
        if root.dep_ != "conj":
            continue
        if len(root.head.conjuncts) > 1:
            continue  # "with Chamberlain, Daladier and Mussolini": three or more named are no pair
        other = next((g for g in recent if g.span.root.i == root.head.i and g.code != f.code), None)
        if other is not None:
            if len({g.code for g in recent if g.span.start > f.span.start and g.code not in (f.code, other.code)}) >= 2:
                return []  # another pair was named since ("French and Belgian paratroopers ... Neto visited Kinshasa")
            return [other.code, f.code]
    return []


MEETING_VERBS = frozenset({"meet", "talk", "negotiate", "confer"})


def _met_before(tok, found: list["_Found"]) -> list["_Found"]:
    """'He met the Malaysian deputy prime minister in Bangkok, and on 1 June they agreed': 'they'
    after a meeting in its own sentence stands for both who met."""
    verbs = [t for t in tok.sent if t.i < tok.i and t.pos_ == "VERB" and (t.lemma_.lower() in MEETING_VERBS or brought_together(t))]
    if not verbs:
        return []
    verb = verbs[-1]
    # "Selassie and Keita brought Hassan and Ben Bella together ... and they agreed": the ones brought
    parts = {c.i for c in verb.children if c.dep_ == "dobj"} if brought_together(verb) else {c.i for c in verb.children if c.dep_ in ("nsubj", "dobj")}
    parts |= {p.i for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children if p.dep_ == "pobj"}
    doc = tok.doc
    covered: set[int] = set()
    for p in parts:
        part = doc[p]
        where = {t.i for c in part.subtree if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS for t in c.subtree}
        covered |= {t.i for t in part.subtree} - where  # ("Razak in Bangkok": where they met, not who)
    out = [f for f in found if f.span.root.i in covered and f.kind != "pronoun" or (f.kind == "pronoun" and f.span.start in covered)]
    return out if len({f.code for f in out}) >= 2 else []


def brought_together(verb) -> bool:
    """'brought Hassan and Ben Bella together': a meeting arranged between the object's members."""
    return verb.lemma_.lower() in ("bring", "get", "call") and any(
        t.lower_ == "together" and verb.i < t.i <= verb.i + 8 and verb.i in (t.head.i, t.head.head.i) for t in verb.subtree)


def _acting_on(span: Span, found: list["_Found"]) -> frozenset[str]:
    """The actors of the subject of the verb a collective is the object of ("Washington urged both
    capitals"): not among those the collective stands for."""
    root = span.root
    if root.dep_ not in OBJECT_DEPS:
        return frozenset()
    verb = root.head.head if root.dep_ == "pobj" else root.head
    if verb.pos_ not in ("VERB", "AUX"):
        return frozenset()  # ("held talks, the first contact between the two governments": a noun's phrase)
    subj = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    return frozenset(f.code for f in found if f.span.root.i in subj)


def _leaders_together(tok, found: list["_Found"]) -> list["_Found"]:
    """The leaders of different states last named together as a subject ("Papandreou and Ozal held
    their first summit") in the pronoun's sentence or the one before, in text order."""
    doc = tok.doc
    prev = doc[tok.sent.start - 1].sent if tok.sent.start > 0 else None
    for f in reversed(found):
        if f.span.start >= tok.i or f.kind != "leader":
            continue
        root = f.span.root
        if root.sent != tok.sent and (prev is None or root.sent != prev):
            return []
        head = root
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        if head.dep_ not in ("nsubj", "nsubjpass"):
            continue
        members = {head.i} | {c.i for c in head.conjuncts}
        out = [g for g in found if g.span.root.i in members and g.kind == "leader"]
        if len({g.code for g in out}) >= 2:
            return out
    return []


def _coordinated_with(first: "_Found", found: list["_Found"], tok) -> list["_Found"]:
    """'Washington and Peking announced that they would establish relations': a plural pronoun
    whose antecedent is one conjunct of a coordinated subject stands for all the conjuncts."""
    root = first.span.root
    # (its own sentence or the one before: "Morocco and Algeria met at the border. In 1987 Fahd brought them together")
    near = root.sent == tok.sent or (tok.sent.start > 0 and root.sent == tok.doc[tok.sent.start - 1].sent)
    if first.kind == "pronoun" or not near or root.dep_ not in ("nsubj", "conj", "nsubjpass"):
        return []
    head = root
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return []
    members = {head.i} | {c.i for c in head.conjuncts}
    swallowed = list_head_in_date(head)
    if swallowed is not None:
        members.add(swallowed.i)  # "At the end of December Washington, London and Paris rejected ..."
    if len(members) < 2:
        return []
    return [f for f in found if f.span.root.i in members and f.code != first.code and f.kind != "pronoun"]


def _names_a_thing(tok, actor_tokens: set[int]) -> bool:
    """A pronoun that continues a thing named just before in its own sentence, not an actor:
    'for placing missiles in Cuba and for removing them' (an object continues the last object),
    'the two sides patched together a declaration, but it settled nothing' (a singular subject
    after a plural one continues the singular object, and one after a subject that is a thing
    continues it: 'the shelling slacked off and by May it had stopped')."""
    sent = tok.sent
    before = [t for t in sent if t.i < tok.i]
    if tok.lower_ == "them" and tok.dep_ in ("dobj", "pobj"):
        objs = [t for t in before if t.dep_ == "dobj"]
        if not objs:
            return False
        last = objs[-1]
        # (an actor in a phrase after the noun is a partner, not what the noun is: "established
        # diplomatic relations with Romania in 1967 and restored them with Yugoslavia")
        partners = {t.i for c in last.children if c.dep_ == "prep" and c.i > last.i for t in c.subtree}
        return last.tag_ == "NNS" and last.i not in actor_tokens and not any(
            t.i in actor_tokens for t in last.subtree if t.i not in partners
        )
    if tok.lower_ == "it" and tok.dep_ in ("nsubj", "nsubjpass"):
        subjs = [t for t in before if t.dep_ in ("nsubj", "nsubjpass")]
        if subjs and subjs[-1].tag_ == "NN" and subjs[-1].pos_ == "NOUN" and not any(t.i in actor_tokens for t in subjs[-1].subtree) and (
                tok.head.dep_ == "conj" and tok.head.head.i == subjs[-1].head.i):
            return True  # "The shelling slacked off and by May it had quietly stopped": the thing just told of
        if not subjs or subjs[-1].tag_ not in ("NNS", "NNPS"):
            return False  # after a singular subject 'it' may well be that subject
        objs = [t for t in before if t.dep_ == "dobj" and t.i > subjs[-1].i]
        return bool(objs) and objs[-1].tag_ == "NN" and not any(t.i in actor_tokens for t in objs[-1].subtree)
    return False


_DEFAULT_TAGGER: list[ActorTagger] = []


def annotate_actors(doc: Doc, tagger: ActorTagger | None = None) -> Doc:
    """Set ``doc._.actors`` and ``doc._.actor_spans`` (a default tagger is built on first use)."""
    if tagger is None:
        if not _DEFAULT_TAGGER:
            from spacy.lang.en import English

            _DEFAULT_TAGGER.append(ActorTagger(English()))
        tagger = _DEFAULT_TAGGER[0]
    return tagger(doc)


@Language.factory(
    "rift_actors",
    requires=["doc.sents", "token.dep"],
    assigns=["doc._.actors", "doc._.actor_spans"],
    default_config={},
)
def make_actors(nlp: Language, name: str):
    """Actor mentions resolved to codes (``doc._.actors``) and their spans (``doc._.actor_spans``)."""
    return ActorTagger(nlp)
