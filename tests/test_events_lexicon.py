"""Every entry of the event lexicon, validated and run through the classifier.

Each entry is turned into a hand-built parsed ``Doc`` (no model): the Soviets act on the
Chinese with the entry's word in its usual construction (subject-verb-object, a preposition,
a particle, an object idiom, a possessed noun, a predicate adjective). The extractor must code it
with the entry's category between the right actors. A model-marked test runs each entry's own
example sentence through the real pipeline.
"""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.tokens import Doc

from rift.actors.component import ActorTagger
from rift.events.classify import intensity, quad, score
from rift.events.component import EventCoder
from rift.events.lexicon import CATEGORIES, PARTICLES, LexEntry, load_lexicon
from rift.extensions import register_extensions

LEX = load_lexicon()
ENTRIES = LEX.entries()
NLP = spacy.blank("en")
register_extensions()
TAGGER = ActorTagger(NLP)
CODER = EventCoder()

# token: (word, lemma, pos, tag, dep, head index)
Tok = tuple[str, str, str, str, str, int]


def build(tokens: list[Tok], sentence_starts: tuple[int, ...] = (0,)) -> Doc:
    """A parsed doc from hand-written tokens (head indexes are absolute), with rift's actors."""
    words = [t[0] for t in tokens]
    doc = Doc(
        NLP.vocab, words=words, lemmas=[t[1] for t in tokens], pos=[t[2] for t in tokens], tags=[t[3] for t in tokens],
        deps=[t[4] for t in tokens], heads=[t[5] for t in tokens], sent_starts=[i in sentence_starts for i in range(len(tokens))],
    )
    doc._.rift_doc_id = "test"
    TAGGER(doc)
    CODER(doc)
    return doc


def _noun_in_example(entry: LexEntry) -> LexEntry | None:
    """The lexicon noun an example gives a light verb ("made an offer to China" -> offer)."""
    for word in re.findall(r"[a-z]+", entry.example.lower()):
        for form in (word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word):
            if form in LEX.nouns and form != entry.lemma:
                return LEX.nouns[form][0]
    return None


def _agent_in_example(entry: LexEntry) -> str | None:
    classes = LEX.modifiers.get("agent_classes") or {}
    words = {w for ws in classes.values() for w in ws}
    for word in re.findall(r"[a-z]+", entry.example.lower()):
        for form in (word, word[:-1]):
            if form in words:
                return form
    return None


CONTEXT: list[Tok] = [("The", "the", "DET", "DT", "det", 1), ("Chinese", "Chinese", "PROPN", "NNPS", "ROOT", 1), (".", ".", "PUNCT", ".", "punct", 1)]


def _actor(toks: list[Tok], word: str, dep: str, head: int) -> None:
    """Append "the <word>" (an actor noun phrase) to ``toks``, its head word attached to ``head``."""
    base = len(toks)
    toks += [("the", "the", "DET", "DT", "det", base + 1), (word, word, "PROPN", "NNPS", dep, head)]


def entry_doc(entry: LexEntry) -> tuple[Doc, str, str, str]:
    """A hand-built doc for ``entry`` and the (category, source, target) it must yield."""
    toks: list[Tok] = list(CONTEXT)
    b = len(toks)  # the event sentence starts here
    if entry.pos == "adj":
        # The Chinese were ADJ with the Soviets .
        _actor(toks, "Chinese", "nsubj", b + 2)
        toks += [("were", "be", "AUX", "VBD", "ROOT", b + 2), (entry.lemma, entry.lemma, "ADJ", "JJ", "acomp", b + 2), ("with", "with", "ADP", "IN", "prep", b + 3)]
        _actor(toks, "Soviets", "pobj", b + 4)
        toks += [(".", ".", "PUNCT", ".", "punct", b + 2)]
        return build(toks, (0, b)), entry.cat, "CHN", "SUN"
    if entry.pos == "noun":
        if entry.light:
            # The Soviets gave the NOUN to the Chinese .
            _actor(toks, "Soviets", "nsubj", b + 2)
            toks += [("gave", "give", "VERB", "VBD", "ROOT", b + 2), ("the", "the", "DET", "DT", "det", b + 4), (entry.lemma, entry.lemma, "NOUN", "NN", "dobj", b + 2),
                     ("to", "to", "ADP", "IN", "prep", b + 2)]
            _actor(toks, "Chinese", "pobj", b + 5)
            toks += [(".", ".", "PUNCT", ".", "punct", b + 2)]
            return build(toks, (0, b)), entry.cat, "SUN", "CHN"
        if entry.of == "source":
            # the NOUN of the Soviet AGENT PREP the Chinese .
            agent = _agent_in_example(entry) if entry.agents else None
            toks += [("the", "the", "DET", "DT", "det", b + 1), (entry.lemma, entry.lemma, "NOUN", "NN", "ROOT", b + 1), ("of", "of", "ADP", "IN", "prep", b + 1)]
            if agent:
                toks += [("Soviet", "soviet", "ADJ", "JJ", "amod", b + 4), (agent + "s", agent, "NOUN", "NNS", "pobj", b + 2)]
            else:
                _actor(toks, "Soviets", "pobj", b + 2)
            prep = entry.preps[0] if entry.preps else None
            if prep:
                toks += [(prep, prep, "ADP", "IN", "prep", b + 1)]
                _actor(toks, "Chinese", "pobj", b + 5)
            toks += [(".", ".", "PUNCT", ".", "punct", b + 1)]
            cat = entry.cat
            if agent:
                cat = "RETREAT" if (LEX.modifiers["agent_classes"].get("military") and agent in LEX.modifiers["agent_classes"]["military"]) else "SANCTION"
            return build(toks, (0, b)), cat, "SUN", "CHN"
        # the Soviet NOUN of/PREP the Chinese .
        prep = entry.preps[0] if entry.preps else "of"
        toks += [("the", "the", "DET", "DT", "det", b + 2), ("Soviet", "soviet", "ADJ", "JJ", "amod", b + 2), (entry.lemma, entry.lemma, "NOUN", "NN", "ROOT", b + 2),
                 (prep, prep, "ADP", "IN", "prep", b + 2)]
        _actor(toks, "Chinese", "pobj", b + 3)
        toks += [(".", ".", "PUNCT", ".", "punct", b + 2)]
        return build(toks, (0, b)), entry.cat, "SUN", "CHN"
    # verbs
    inverse = entry.inverse
    noun = _noun_in_example(entry) if entry.light else None
    subj, obj_actor = ("Chinese", "Soviets") if inverse and (noun or not entry.light) else ("Soviets", "Chinese")
    _actor(toks, subj, "nsubj", b + 2)
    v = b + 2
    toks += [(entry.lemma, entry.lemma, "VERB", "VBD", "ROOT", v)]
    if entry.particle:
        toks += [(entry.particle, entry.particle, "ADP", "RP", "prt", v)]
    if entry.obj:
        toks += [(entry.obj, entry.obj, "NOUN", "NN", "dobj", v)]
    noun_at = None
    if noun is not None:
        toks += [("the", "the", "DET", "DT", "det", len(toks) + 1), (noun.lemma, noun.lemma, "NOUN", "NN", "dobj", v)]
        noun_at = len(toks) - 1
    if inverse and (noun is not None or not entry.light):
        toks += [("from", "from", "ADP", "IN", "prep", v)]
        _actor(toks, obj_actor, "pobj", len(toks) - 1)
    elif entry.preps or noun is not None or entry.obj:
        prep = entry.preps[0] if entry.preps else ((noun.preps[0] if noun and noun.preps else "to") if noun else "against")
        toks += [(prep, prep, "ADP", "IN", "prep", noun_at if noun_at is not None else v)]
        _actor(toks, obj_actor, "pobj", len(toks) - 1)
    else:
        _actor(toks, obj_actor, "dobj", v)
    toks += [(".", ".", "PUNCT", ".", "punct", v)]
    cat = (entry.exp_cat or entry.cat) if entry.light else entry.cat
    if entry.kind == "attitude" and entry.experiencer == "object":
        return build(toks, (0, b)), cat, "CHN", "SUN"
    if inverse and (noun is not None or not entry.light):
        return build(toks, (0, b)), cat, "SUN", "CHN"
    return build(toks, (0, b)), cat, "SUN", "CHN"


def _id(entry: LexEntry) -> str:
    return f"{entry.pos}:{entry.phrase}"


@pytest.mark.parametrize("entry", ENTRIES, ids=_id)
def test_events_lexicon_entry_is_coded(entry):
    doc, cat, src, tgt = entry_doc(entry)
    got = [(e.category, e.source, e.target) for e in doc._.events]
    assert (cat, src, tgt) in got, f"{entry.phrase}: expected {cat} {src}->{tgt}, got {got} from {[t.text for t in doc]}"


def test_events_lexicon_has_500_entries_in_every_category():
    assert len(ENTRIES) >= 500
    cats = {e.cat for e in ENTRIES if e.cat}
    assert cats == set(CATEGORIES)
    for pos in ("verb", "noun", "adj"):
        assert any(e.pos == pos for e in ENTRIES)


@pytest.mark.parametrize("entry", ENTRIES, ids=_id)
def test_events_lexicon_entry_is_well_formed(entry):
    assert entry.example and entry.example[0].isupper() and entry.example.rstrip().endswith(".")
    assert entry.src and entry.tgt and entry.src != entry.tgt
    modes = LEX.scoring["scores"]
    if entry.cat and entry.mode is not None:
        assert entry.mode in modes[entry.cat], f"{entry.phrase}: {entry.cat} has no mode {entry.mode}"
    if entry.particle:
        assert entry.particle in PARTICLES
    if entry.light:
        assert entry.pos in ("verb", "noun")
    if entry.exp_cat:
        assert entry.exp_cat in CATEGORIES


def test_events_lexicon_scores_and_quads_cover_every_category():
    for cat in CATEGORIES:
        assert quad(cat) in ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
        s = score(cat, None)
        assert -10 <= s <= 10
        if quad(cat).endswith("coop"):
            assert s > 0, cat
        else:
            assert s < 0, cat


def test_events_lexicon_scores_follow_the_plover_table_facts():
    assert score("AID", None) == 10
    assert score("ASSAULT", None) == -9
    assert score("RETREAT", "withdraw") == 8
    assert score("ASSAULT", "unconventional") == -10
    assert score("SANCTION", "expel") == -5.5
    assert score("COOPERATE", None) > score("SUPPORT", None) > score("AGREE", None) > 0


@pytest.mark.model
def test_events_lexicon_examples_through_the_model(nlp):
    """Each entry's own example sentence, parsed by the model, yields its event."""
    docs = list(nlp.pipe(_example_docs(nlp), batch_size=64))
    failures = []
    for entry, doc in zip(ENTRIES, docs):
        cat = entry.exp_cat or entry.cat
        got = {(e.category, e.source, e.target) for e in doc._.events}
        if (cat, entry.src, entry.tgt) not in got:
            failures.append(f"{entry.phrase}: {entry.example} -> {sorted(got)}")
    # the model parses a few examples wrongly; the lexicon itself is checked entry by entry above
    assert len(failures) <= len(ENTRIES) // 10, "\n".join(failures)


def _example_docs(nlp):
    from rift.pipeline import make_doc
    from rift.read import RawText

    for entry in ENTRIES:
        yield make_doc(nlp, RawText(text=entry.example, path="-", encoding="utf-8"))


def test_events_lexicon_intensity_is_weighted_for_attitudes():
    from rift.events.classify import Coding

    act = intensity(Coding("ACCUSE", "disapprove"))
    att = intensity(Coding("ACCUSE", "disapprove", kind="attitude"))
    assert att == pytest.approx(act * LEX.scoring["weights"]["attitude"])
