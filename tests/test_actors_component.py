"""The ``rift_actors`` component on blank (unparsed) docs: names, dates, context, offsets."""

from __future__ import annotations

import pytest
import spacy

from rift.clean import repair_text
from rift.extensions import register_extensions


@pytest.fixture(scope="module")
def nlp():
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("rift_actors")  # the factory, as a user's pipeline would add it
    return nlp


def run(nlp, text: str):
    doc = nlp.make_doc(text)
    doc._.rift_doc_id = "t"
    return nlp(doc)


def codes(doc) -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in doc._.actors]


def test_actors_component_finds_states_demonyms_people_capitals(nlp):
    doc = run(nlp, "In 1960 the Soviets withdrew Soviet specialists from China, and Peking protested to Moscow.")
    got = codes(doc)
    assert ("Soviets", "SUN") in got and ("Soviet", "SUN") in got
    assert ("China", "CHN") in got and ("Peking", "CHN") in got and ("Moscow", "SUN") in got


def test_actors_component_offsets_point_at_the_original_text(nlp):
    text = "In 1958 the Chinese shelled Quemoy and the Americans protested."
    doc = run(nlp, text)
    for m in doc._.actors:
        assert text[m.start : m.end] == m.text
        assert m.doc == "t" and m.sentence == 0


def test_actors_component_offsets_survive_repair(nlp):
    text = (
        "In 1962 the Soviet leaders secretly shipped nuclear missiles to the island\n"
        "of Cuba, and in October the United States demanded that the Soviet\n"
        "Union remove them at once, which it did after a week of tension.\n"
    )
    repaired = repair_text(text)
    doc = nlp.make_doc(repaired.text)
    doc._.rift_doc_id = "t"
    doc._.rift_offsets = repaired.offsets
    doc = nlp(doc)
    assert {"SUN", "CUB", "USA"} <= {m.code for m in doc._.actors}
    for m in doc._.actors:  # offsets point into the text as read, line breaks and all
        assert text[m.start : m.end].split() == m.text.split()


@pytest.mark.parametrize(
    "text,expected",
    [
        ("In 1950 Russia signed a treaty with China.", "SUN"),
        ("In 1995 Russia signed a treaty with China.", "RUS"),
        ("In 1905 Russia lost a war to Japan.", "RUS"),
        ("In 1962 the Russians shipped missiles to Cuba.", "SUN"),
    ],
)
def test_actors_component_resolves_aliases_at_narrative_time(nlp, text, expected):
    doc = run(nlp, text)
    assert (doc._.actors[0].text, doc._.actors[0].code) in {("Russia", expected), ("Russians", expected)}


def test_actors_component_leaders_by_tenure(nlp):
    doc = run(nlp, "In 1958 Khrushchev met Mao in Peking. In 1952 Kim Il Sung visited Moscow.")
    got = {m.text: (m.code, m.kind) for m in doc._.actors}
    assert got["Khrushchev"] == ("SUN", "leader") and got["Mao"] == ("CHN", "leader")
    assert got["Kim Il Sung"] == ("PRK", "leader")


def test_actors_component_case_and_named_events(nlp):
    doc = run(nlp, "Fine china from Turkey was served. Let us recall the Korean War. The US protested.")
    got = codes(doc)
    assert ("china", "CHN") not in got  # lower case: porcelain
    assert ("us", "USA") not in got and ("US", "USA") in got
    assert not any(code == "KOR" for _t, code in got)  # "the Korean War" names a war


def test_actors_component_combining_forms(nlp):
    doc = run(nlp, "Sino-Soviet relations worsened in 1960.")
    got = codes(doc)
    assert ("Sino", "CHN") in got and ("Soviet", "SUN") in got


def test_actors_component_collectives_take_the_current_pair(nlp):
    doc = run(nlp, "In 1960 China criticised the Soviet Union. The Soviet Union replied to China. Both nations recalled their ambassadors.")
    coll = {m.code for m in doc._.actors if m.kind == "collective"}
    assert coll == {"CHN", "SUN"}


def test_actors_component_pronouns_follow_their_antecedent(nlp):
    doc = run(nlp, "In 1958 the Chinese shelled Quemoy. They expected Soviet support.")
    they = [m for m in doc._.actors if m.text == "They"]
    assert they and they[0].code == "CHN" and they[0].kind == "pronoun"


def test_actors_component_skips_citations(nlp):
    doc = nlp.make_doc("The Soviets left China. (Salisbury, 33-7)")
    doc._.rift_doc_id = "t"
    from rift.records import Citation

    doc._.citations = [Citation(id="t:c0", doc="t", author="Salisbury", pages="33-7", start=24, end=41, text="(Salisbury, 33-7)")]
    doc = nlp(doc)
    assert "Salisbury" not in {m.text for m in doc._.actors}


def test_actors_component_is_a_registered_factory(nlp):
    assert "rift_actors" in nlp.pipe_names
    analysis = nlp.analyze_pipes()
    assert "doc._.actors" in analysis["summary"]["rift_actors"]["assigns"]
