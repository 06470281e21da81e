"""Causal rules on hand-built parses (no model): each kind of cue finds its cause and effect."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from rift.causes.component import CausesComponent
from rift.extensions import register_extensions
from rift.records import Event


@pytest.fixture(scope="module")
def blank():
    register_extensions()
    return spacy.blank("en")


def build(nlp, rows: list[tuple[str, int, str, str]]) -> Doc:
    """A doc from (word, head index, dep, pos) rows; lemmas are the lower-cased words."""
    words = [r[0] for r in rows]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        lemmas=[r[0].lower() for r in rows],
    )
    doc._.rift_doc_id = "d"
    doc._.citations = []
    return doc


def links(nlp, doc: Doc):
    return CausesComponent(nlp, use_classifier=False)(doc)._.causal


BECAUSE = [
    ("Relations", 1, "nsubj", "NOUN"), ("soured", 1, "ROOT", "VERB"), ("because", 4, "mark", "SCONJ"),
    ("Moscow", 4, "nsubj", "PROPN"), ("withdrew", 1, "advcl", "VERB"), ("its", 6, "poss", "PRON"),
    ("aid", 4, "dobj", "NOUN"), (".", 1, "punct", "PUNCT"),
]
LEFT = [
    ("The", 1, "det", "DET"), ("loan", 2, "nsubj", "NOUN"), ("left", 2, "ROOT", "VERB"),
    ("Mao", 2, "dobj", "PROPN"), ("resentful", 2, "oprd", "ADJ"), (".", 2, "punct", "PUNCT"),
]
ANGRY_OVER = [
    ("China", 1, "nsubj", "PROPN"), ("was", 1, "ROOT", "AUX"), ("angry", 1, "acomp", "ADJ"),
    ("over", 2, "prep", "ADP"), ("the", 5, "det", "DET"), ("treaty", 3, "pobj", "NOUN"), (".", 1, "punct", "PUNCT"),
]
CAUSED_BY = [
    ("The", 1, "det", "DET"), ("hostility", 4, "nsubj", "NOUN"), ("caused", 1, "acl", "VERB"),
    ("by", 2, "agent", "ADP"), ("grew", 4, "ROOT", "VERB"), (".", 4, "punct", "PUNCT"),
]


@pytest.mark.parametrize(
    "rows, cue, cause, effect",
    [
        (BECAUSE, "because", "Moscow withdrew its aid", "Relations soured"),
        (LEFT, "leave", "The loan", "left Mao resentful"),
        (ANGRY_OVER, "angry", "the treaty", "China was angry"),
    ],
)
def test_causes_rules_cue_kinds(blank, rows, cue, cause, effect):
    (link,) = links(blank, build(blank, rows))
    assert (link.cue, link.cause.text, link.effect.text) == (cue, cause, effect)
    assert link.id == "d:l0" and link.sentence_index == 0 and 0 < link.confidence <= 1


def test_causes_rules_offsets_point_at_the_words(blank):
    doc = build(blank, BECAUSE)
    (link,) = links(blank, doc)
    for end in (link.cause, link.effect):
        assert doc.text[end.start : end.end] == end.text


def test_causes_rules_passive_without_object_makes_no_link(blank):
    # "caused by" with no agent object: nothing to link
    assert links(blank, build(blank, CAUSED_BY)) == []


def test_causes_rules_negated_verb_makes_no_link(blank):
    rows = [
        ("Talks", 3, "nsubj", "NOUN"), ("did", 3, "aux", "AUX"), ("not", 3, "neg", "PART"), ("cause", 3, "ROOT", "VERB"),
        ("war", 3, "dobj", "NOUN"), (".", 3, "punct", "PUNCT"),
    ]
    assert links(blank, build(blank, rows)) == []


def test_causes_rules_temporal_since_is_not_causal(blank):
    rows = [
        ("Relations", 2, "nsubj", "NOUN"), ("have", 2, "aux", "AUX"), ("been", 2, "ROOT", "AUX"), ("cold", 2, "acomp", "ADJ"),
        ("since", 2, "prep", "ADP"), ("1950", 4, "pobj", "NUM"), (".", 2, "punct", "PUNCT"),
    ]
    assert links(blank, build(blank, rows)) == []


def test_causes_rules_bare_pronoun_points_to_previous_sentence(blank):
    rows = [
        ("Mao", 1, "nsubj", "PROPN"), ("won", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"), ("war", 1, "dobj", "NOUN"),
        (".", 1, "punct", "PUNCT"),
        ("This", 6, "nsubj", "PRON"), ("angered", 6, "ROOT", "VERB"), ("Moscow", 6, "dobj", "PROPN"), (".", 6, "punct", "PUNCT"),
    ]
    (link,) = links(blank, build(blank, rows))
    assert link.cause.text == "Mao won the war"
    assert link.effect.text == "angered Moscow"
    assert link.sentence_index == 1 and link.sentence == "This angered Moscow ."


def test_causes_rules_demonstrative_noun_keeps_words_and_takes_antecedent_event(blank):
    rows = [
        ("Stalin", 1, "nsubj", "PROPN"), ("seemed", 1, "ROOT", "VERB"), ("reluctant", 1, "acomp", "ADJ"),
        ("to", 4, "aux", "PART"), ("cut", 2, "xcomp", "VERB"), ("ties", 4, "dobj", "NOUN"), (".", 1, "punct", "PUNCT"),
        ("This", 8, "det", "DET"), ("reluctance", 9, "nsubj", "NOUN"), ("led", 9, "ROOT", "VERB"), ("China", 9, "dobj", "PROPN"),
        ("to", 12, "aux", "PART"), ("distrust", 9, "xcomp", "VERB"), ("Moscow", 12, "dobj", "PROPN"), (".", 9, "punct", "PUNCT"),
    ]
    doc = build(blank, rows)
    cut = doc[4]
    doc._.events = [
        Event(id="d:e0", doc="d", sentence="", start=0, end=1, trigger="cut", trigger_start=cut.idx,
              trigger_end=cut.idx + 3, source="SUN", category="REDUCE", intensity=-4.0),
    ]
    (link,) = links(blank, doc)
    assert link.cue == "lead"
    assert link.cause.text == "This reluctance" and link.cause.event == "d:e0"
    assert link.effect.text == "China to distrust Moscow"


def test_causes_rules_adverbial_takes_previous_sentence(blank):
    rows = [
        ("Troops", 1, "nsubj", "NOUN"), ("attacked", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"), ("island", 1, "dobj", "NOUN"),
        (".", 1, "punct", "PUNCT"),
        ("Moscow", 6, "nsubj", "PROPN"), ("retaliated", 6, "ROOT", "VERB"), ("by", 6, "prep", "ADP"), ("invading", 7, "pcomp", "VERB"),
        ("Xinjiang", 8, "dobj", "PROPN"), (".", 6, "punct", "PUNCT"),
    ]
    (link,) = links(blank, build(blank, rows))
    assert link.cue == "retaliate"
    assert link.cause.text == "Troops attacked the island"
    assert link.effect.text == "Moscow retaliated by invading Xinjiang"


def test_causes_rules_typo_in_cue_still_matches(blank):
    rows = [
        ("Troops", 1, "nsubj", "NOUN"), ("attacked", 1, "ROOT", "VERB"), ("Zhenbao", 1, "dobj", "PROPN"), (".", 1, "punct", "PUNCT"),
        ("Moscow", 5, "nsubj", "PROPN"), ("relatiated", 5, "ROOT", "VERB"), (".", 5, "punct", "PUNCT"),
    ]
    (link,) = links(blank, build(blank, rows))
    assert link.cue == "retaliate" and link.confidence < 0.9


def test_causes_rules_need_a_parse(blank):
    doc = blank("Relations soured because Moscow withdrew its aid.")
    doc._.citations = []
    assert links(blank, doc) == []
