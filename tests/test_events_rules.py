"""How events are coded: negation, refusal, failure, modality, reciprocity, attitudes, nominals.

The first group runs on hand-parsed docs (no model): each spec lists tokens as
``word/lemma/POS/dep/head``. The model-marked group runs natural sentences through the full
pipeline, one row per behaviour, and covers every PLOVER category.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from rift.actors.component import ActorTagger
from rift.events.component import EventCoder
from rift.events.lexicon import CATEGORIES
from rift.extensions import register_extensions

NLP = spacy.blank("en")
register_extensions()
TAGGER = ActorTagger(NLP)
CODER = EventCoder()
TAGS = {"VERB": "VBD", "AUX": "VBD", "NOUN": "NN", "PROPN": "NNP", "ADJ": "JJ", "DET": "DT", "ADP": "IN", "PART": "RB", "PRON": "PRP", "PUNCT": ".", "ADV": "RB", "NUM": "CD", "CCONJ": "CC"}


def parsed(spec: str, context: str = "") -> Doc:
    """A doc from ``word/lemma/POS/dep/head`` tokens (heads are indexes within the sentence).

    ``context`` is a sentence of the same form placed first (it names the other actor).
    """
    sents = [x for x in (context, spec) if x]
    words, lemmas, pos, tags, deps, heads, starts = [], [], [], [], [], [], []
    for sent in sents:
        base = len(words)
        for k, item in enumerate(sent.split()):
            w, lem, p, dep, head = item.rsplit("/", 4)
            words.append(w)
            lemmas.append(lem)
            pos.append(p)
            tag = "VBN" if p == "VERB" and w.endswith("ed") and dep in ("ROOT",) and "auxpass" in sent else TAGS[p]
            tags.append(tag)
            deps.append(dep)
            heads.append(base + int(head))
            starts.append(k == 0)
    doc = Doc(NLP.vocab, words=words, lemmas=lemmas, pos=pos, tags=tags, deps=deps, heads=heads, sent_starts=starts)
    doc._.rift_doc_id = "t"
    TAGGER(doc)
    CODER(doc)
    return doc


def events(doc: Doc) -> list[tuple]:
    return [(e.source, e.target, e.category, e.negated, e.mode, e.kind) for e in doc._.events]


CHINA_CONTEXT = "China/China/PROPN/ROOT/0 ././PUNCT/punct/0"


def test_events_rules_refusal_turns_aid_into_reject():
    doc = parsed(
        "The/the/DET/det/1 Soviets/Soviets/PROPN/nsubj/2 refused/refuse/VERB/ROOT/2 to/to/PART/aux/4 give/give/VERB/xcomp/2 "
        "the/the/DET/det/6 Chinese/Chinese/PROPN/dative/4 aid/aid/NOUN/dobj/4 ././PUNCT/punct/2"
    )
    assert events(doc) == [("SUN", "CHN", "REJECT", True, "asserted", "action")]
    assert doc._.events[0].plover_mode == "assist" and doc._.events[0].intensity < 0


def test_events_rules_negated_support_is_reject():
    doc = parsed(
        "The/the/DET/det/1 Soviets/Soviets/PROPN/nsubj/4 did/do/AUX/aux/4 not/not/PART/neg/4 support/support/VERB/ROOT/4 "
        "China/China/PROPN/dobj/4 ././PUNCT/punct/4"
    )
    assert events(doc) == [("SUN", "CHN", "REJECT", True, "asserted", "action")]


def test_events_rules_failed_conflict_keeps_its_category_at_half_weight():
    doc = parsed(
        "The/the/DET/det/1 Soviets/Soviets/PROPN/nsubj/2 failed/fail/VERB/ROOT/2 to/to/PART/aux/4 incite/incite/VERB/xcomp/2 "
        "a/a/DET/det/6 revolt/revolt/NOUN/dobj/4 in/in/ADP/prep/6 China/China/PROPN/pobj/7 ././PUNCT/punct/2"
    )
    (ev,) = doc._.events
    assert (ev.source, ev.target, ev.category, ev.negated) == ("SUN", "CHN", "COERCE", True)
    assert ev.intensity == pytest.approx(-3.5)


def test_events_rules_plainly_negated_conflict_is_left_out():
    spec = "The/the/DET/det/1 Soviets/Soviets/PROPN/nsubj/4 did/do/AUX/aux/4 {neg}attack/attack/VERB/ROOT/4 China/China/PROPN/dobj/4 ././PUNCT/punct/4"
    assert parsed(spec.format(neg="not/not/PART/neg/4 "))._.events == []
    # the same sentence without "not" is an attack (the spec itself is sound)
    plain = "The/the/DET/det/1 Soviets/Soviets/PROPN/nsubj/3 did/do/AUX/aux/3 attack/attack/VERB/ROOT/3 China/China/PROPN/dobj/3 ././PUNCT/punct/3"
    assert [(e.category, e.source, e.target) for e in parsed(plain)._.events] == [("ASSAULT", "SUN", "CHN")]


def test_events_rules_promise_of_help_is_an_intended_agree():
    doc = parsed(
        "The/the/DET/det/1 Soviets/Soviets/PROPN/nsubj/2 promised/promise/VERB/ROOT/2 to/to/PART/aux/4 help/help/VERB/xcomp/2 "
        "China/China/PROPN/dobj/4 ././PUNCT/punct/2"
    )
    assert events(doc) == [("SUN", "CHN", "AGREE", False, "intended", "action")]
    assert doc._.events[0].plover_mode == "aid"


def test_events_rules_would_have_is_hypothetical():
    doc = parsed(
        "The/the/DET/det/1 Soviets/Soviets/PROPN/nsubj/4 would/would/AUX/aux/4 have/have/AUX/aux/4 expelled/expel/VERB/ROOT/4 "
        "China/China/PROPN/dobj/4 ././PUNCT/punct/4"
    )
    (ev,) = doc._.events
    assert (ev.category, ev.mode) == ("SANCTION", "hypothetical")
    assert ev.intensity == pytest.approx(-2.75)  # half of an expulsion


def test_events_rules_accusing_each_other_is_two_events():
    doc = parsed(
        "The/the/DET/det/2 two/two/NUM/nummod/2 countries/country/NOUN/nsubj/3 accused/accuse/VERB/ROOT/3 each/each/DET/det/5 "
        "other/other/ADJ/dobj/3 ././PUNCT/punct/3",
        context="China/China/PROPN/nsubj/1 criticised/criticise/VERB/ROOT/1 the/the/DET/det/3 Soviets/Soviets/PROPN/dobj/1 ././PUNCT/punct/1",
    )
    accused = {(e.source, e.target, e.category) for e in doc._.events if e.trigger == "accused"}
    assert accused == {("CHN", "SUN", "ACCUSE"), ("SUN", "CHN", "ACCUSE")}


def test_events_rules_coordinated_subjects_of_a_symmetric_verb_act_on_each_other():
    doc = parsed(
        "China/China/PROPN/nsubj/3 and/and/CCONJ/cc/0 India/India/PROPN/conj/0 clashed/clash/VERB/ROOT/3 ././PUNCT/punct/3"
    )
    assert {(s, t) for s, t, c, *_ in events(doc)} == {("CHN", "IND"), ("IND", "CHN")}


def test_events_rules_attitude_with_reduced_weight_and_context_target():
    doc = parsed(
        "The/the/DET/det/1 Chinese/Chinese/PROPN/nsubjpass/3 were/be/AUX/auxpass/3 infuriated/infuriate/VERB/ROOT/3 ././PUNCT/punct/3",
        context="The/the/DET/det/1 Soviets/Soviets/PROPN/nsubj/2 betrayed/betray/VERB/ROOT/2 China/China/PROPN/dobj/2 ././PUNCT/punct/2",
    )
    att = [e for e in doc._.events if e.kind == "attitude"]
    assert [(e.source, e.target, e.category) for e in att] == [("CHN", "SUN", "ACCUSE")]
    assert att[0].intensity == pytest.approx(-1.0)  # -2 for disapproval, halved for an attitude
    assert att[0].confidence < 1.0  # the target came from context


def test_events_rules_left_resentful_makes_the_object_feel():
    doc = parsed(
        "The/the/DET/det/2 Soviet/soviet/ADJ/amod/2 loan/loan/NOUN/nsubj/3 left/leave/VERB/ROOT/3 the/the/DET/det/5 "
        "Chinese/Chinese/PROPN/dobj/3 resentful/resentful/ADJ/oprd/3 ././PUNCT/punct/3"
    )
    att = [(e.source, e.target, e.kind) for e in doc._.events if e.trigger == "resentful"]
    assert att == [("CHN", "SUN", "attitude")]
    assert not any(e.trigger == "left" for e in doc._.events)  # "left" is not a withdrawal here


def test_events_rules_nominal_withdrawal_of_specialists_is_a_sanction():
    doc = parsed(
        "the/the/DET/det/1 withdrawal/withdrawal/NOUN/ROOT/1 of/of/ADP/prep/1 Soviet/soviet/ADJ/amod/4 specialists/specialist/NOUN/pobj/2 "
        "from/from/ADP/prep/1 China/China/PROPN/pobj/5 ././PUNCT/punct/1"
    )
    assert [(e.source, e.target, e.category, e.plover_mode) for e in doc._.events] == [("SUN", "CHN", "SANCTION", "withdraw")]


def test_events_rules_nominal_surrender_with_possessor():
    doc = parsed(
        "Khrushchev/Khrushchev/PROPN/poss/2 's/'s/PART/case/0 surrender/surrender/NOUN/ROOT/2 to/to/ADP/prep/2 "
        "the/the/DET/det/6 United/United/PROPN/compound/6 States/States/PROPN/pobj/3 ././PUNCT/punct/2"
    )
    evs = [(e.source, e.target, e.category) for e in doc._.events]
    assert ("SUN", "USA", "CONCEDE") in evs


def test_events_rules_lack_of_support_is_a_refusal():
    doc = parsed(
        "the/the/DET/det/1 Soviets/Soviets/PROPN/poss/3 '/'/PART/case/1 lack/lack/NOUN/ROOT/3 of/of/ADP/prep/3 support/support/NOUN/pobj/4 "
        "for/for/ADP/prep/5 China/China/PROPN/pobj/6 ././PUNCT/punct/3"
    )
    assert [(e.source, e.target, e.category, e.negated) for e in doc._.events] == [("SUN", "CHN", "REJECT", True)]


def test_events_rules_event_records_are_complete():
    doc = parsed("The/the/DET/det/1 Chinese/Chinese/PROPN/nsubj/2 attacked/attack/VERB/ROOT/2 Soviet/soviet/ADJ/amod/4 troops/troop/NOUN/dobj/2 ././PUNCT/punct/2")
    (ev,) = doc._.events
    assert ev.id == "t:e0" and ev.doc == "t" and ev.quad == "material_conflict"
    assert ev.sentence == doc.text.strip() and (ev.start, ev.end) == (0, len(doc.text.rstrip()))
    assert doc.text[ev.trigger_start : ev.trigger_end] == "attacked"
    assert ev.source_text == "Chinese" and ev.target_text == "Soviet"


# ------------------------------------------------------------------ natural sentences (model)

CASES = [
    # every PLOVER category
    ("In 1950 China agreed with the Soviets on a treaty.", "CHN", "SUN", "AGREE", {}),
    ("In 1959 Khrushchev visited China.", "SUN", "CHN", "CONSULT", {}),
    ("In 1962 the Soviet Union backed India.", "SUN", "IND", "SUPPORT", {}),
    ("In 1962 the Soviets caved in to the Americans.", "SUN", "USA", "CONCEDE", {}),
    ("In 1952 China traded with the Soviets.", "CHN", "SUN", "COOPERATE", {}),
    ("In 1950 the Soviets gave China a loan.", "SUN", "CHN", "AID", {}),
    ("In 1955 the Soviets withdrew their troops from China.", "SUN", "CHN", "RETREAT", {}),
    ("In 1950 Stalin asked China to help North Korea.", "SUN", "CHN", "REQUEST", {}),
    ("In 1963 China accused the Soviets of revisionism.", "CHN", "SUN", "ACCUSE", {}),
    ("In 1963 China rejected the Soviet proposal.", "CHN", "SUN", "REJECT", {}),
    ("In 1958 the Americans threatened China.", "USA", "CHN", "THREATEN", {}),
    ("In 1966 the Chinese boycotted the Soviet party congress.", "CHN", "SUN", "PROTEST", {}),
    ("In 1961 the Soviets broke off relations with Albania.", "SUN", "ALB", "SANCTION", {}),
    ("In 1969 the Soviets massed troops against China.", "SUN", "CHN", "MOBILIZE", {}),
    ("In 1967 China jailed a Soviet officer.", "CHN", "SUN", "COERCE", {}),
    ("In 1969 Chinese troops attacked Soviet troops.", "CHN", "SUN", "ASSAULT", {}),
    # negation, refusal, failure
    ("In late 1959 the USSR refused to give the Chinese data for an atomic bomb.", "SUN", "CHN", "REJECT", {"negated": True}),
    ("In 1959 the Soviets did not support China against India.", "SUN", "CHN", "REJECT", {"negated": True}),
    ("In 1927 the Soviets failed to incite a revolution in China.", "SUN", "CHN", "COERCE", {"negated": True}),
    # modality
    ("In November 1957 the Soviets promised to help the Chinese build a bomb.", "SUN", "CHN", "AGREE", {"mode": "intended"}),
    ("Had Khrushchev stayed in power, the Chinese would have been expelled by the Soviets.", "SUN", "CHN", "SANCTION", {"mode": "hypothetical"}),
    ("In 1963 the Chinese claimed that the Soviets had betrayed them.", "CHN", "SUN", "ACCUSE", {}),
    ("In 1959 Moscow said that the Soviets would supply China with oil.", "SUN", "CHN", "AGREE", {"mode": "intended"}),
    # reciprocal
    ("In 1963 the two countries accused each other of provocations.", "SUN", "CHN", "ACCUSE", {"context": "In 1962 China and the Soviet Union quarrelled."}),
    ("In 1965 both nations broke off relations with one another.", "CHN", "SUN", "SANCTION", {"context": "In 1964 China criticised the Soviet Union."}),
    # attitudes
    ("The Chinese were infuriated.", "CHN", "SUN", "ACCUSE", {"kind": "attitude", "context": "In 1958 the Soviets withdrew their support from China."}),
    ("This miserly loan left the Chinese resentful.", "CHN", "SUN", "ACCUSE", {"kind": "attitude", "context": "In 1950 the Soviets gave China a loan."}),
    ("Relations between China and the Soviet Union began to improve.", "CHN", "SUN", "SUPPORT", {"kind": "attitude"}),
    # nominal events
    ("In 1960 the withdrawal of Soviet specialists from China ended the aid.", "SUN", "CHN", "SANCTION", {}),
    ("The Chinese criticized Khrushchev's surrender to the United States in 1962.", "SUN", "USA", "CONCEDE", {}),
    # leaders by tenure and aliases over time
    ("In 1958 Mao criticised Khrushchev.", "CHN", "SUN", "ACCUSE", {}),
    ("In 1950 Kim Il Sung asked Stalin for help.", "PRK", "SUN", "REQUEST", {}),
    ("In 1962 Russia shipped missiles to Cuba.", "SUN", "CUB", "AID", {}),
    ("In 1995 Russia signed a treaty with China.", "RUS", "CHN", "SUPPORT", {}),
    ("In 1958 the Chinese shelled the Nationalists on Quemoy.", "CHN", "TWN", "ASSAULT", {}),
    ("In 1945 Stalin signed a treaty with the Nationalists.", "SUN", "CHN", "SUPPORT", {}),
]


def test_events_rules_cases_cover_every_category():
    assert {c[3] for c in CASES} == set(CATEGORIES)


@pytest.mark.model
@pytest.mark.parametrize("text,src,tgt,cat,extra", CASES, ids=[c[0][:50] for c in CASES])
def test_events_rules_natural_sentences(nlp, text, src, tgt, cat, extra):
    from rift.pipeline import make_doc
    from rift.read import RawText

    full = (extra.get("context", "") + " " + text).strip()
    doc = nlp(make_doc(nlp, RawText(text=full, path="-", encoding="utf-8")))
    last = max(e.sentence_index or 0 for e in doc._.events) if doc._.events else 0
    evs = [e for e in doc._.events if (e.sentence_index or 0) == last]
    match = [e for e in evs if (e.source, e.target, e.category) == (src, tgt, cat)]
    assert match, f"{text}: want {src}->{tgt} {cat}, got {[(e.source, e.target, e.category, e.trigger) for e in evs]}"
    ev = match[0]
    for key in ("negated", "mode", "kind"):
        if key in extra:
            assert getattr(ev, key) == extra[key], (key, ev)
    if "each other" in text or "one another" in text:
        assert any((e.source, e.target, e.category) == (tgt, src, cat) for e in evs), "a reciprocal act goes both ways"
