"""Causal links and claims on whole texts with the real model: the sample narrative against its
gold links, the seed essay's periodisation, thesis and causal statements, and short texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rift.causes.evaluate import link_recall, read_gold

pytestmark = pytest.mark.model
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def causes_nlp():
    """The model with rift's components up to claims (events, dates and actors are optional
    inputs of these stages, so their absence must not break them)."""
    from rift.pipeline import build_pipeline

    return build_pipeline(exclude=["rift_dates", "rift_actors", "rift_events"])


def _norm(text: str) -> str:
    """Words of a text with typographic quotes made plain (the repair stage does the same)."""
    table = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
    return " ".join(re.sub("[.\u2026]+", ".", text.translate(table)).split())


def analyse(nlp, text: str):
    from rift.pipeline import make_doc
    from rift.read import RawText

    return nlp(make_doc(nlp, RawText(path="t.txt", text=text, encoding="utf-8")))


def test_causes_texts_sample_narrative_gold_links(causes_nlp):
    from rift.sample import sample_path

    gold = read_gold(REPO / "tests" / "data" / "sample_causal_gold.jsonl")
    doc = analyse(causes_nlp, Path(sample_path()).read_text(encoding="utf-8"))
    score = link_recall(doc._.causal, gold)
    assert score.found >= 13, score.missed
    for link in doc._.causal:
        assert _norm(doc.user_data["rift_raw"].text[link.cause.start : link.cause.end]) == _norm(link.cause.text)


@pytest.mark.shared
def test_causes_texts_essay_links(causes_nlp, essay_text):
    doc = analyse(causes_nlp, essay_text)
    links = doc._.causal
    assert len(links) >= 20
    cues = {l.cue for l in links}
    assert {"because", "because of", "cause", "leave", "lead", "prevent", "retaliate", "set off", "angry"} <= cues
    for link in links:
        for end in (link.cause, link.effect):
            assert _norm(essay_text[end.start : end.end]) == _norm(end.text)
    # "This, of course, irritated ...": a bare pointer is replaced by the sentence before
    (irritated,) = [l for l in links if l.cue == "irritate"]
    assert irritated.cause.end < irritated.effect.start and "." in essay_text[irritated.cause.end : irritated.effect.start]
    # the misspelt "relatiated" still makes a link
    assert any(l.cue == "retaliate" and l.confidence < 0.9 for l in links)


@pytest.mark.shared
def test_causes_texts_essay_claims(causes_nlp, essay_text):
    doc = analyse(causes_nlp, essay_text)
    claims = doc._.claims
    phases = [(c.interval["start"], c.interval["end"]) for c in claims if c.kind == "phase"]
    assert phases == [(1956, 1960), (1960, 1964), (1964, None)]
    assert all(c.characterisation for c in claims if c.kind == "phase")
    theses = [c for c in claims if c.kind == "thesis" and c.interval and c.interval.get("start") == 1965]
    assert theses and any(c.citations for c in theses)
    who = {c.attributed_to for c in claims if c.kind == "attributed"}
    assert any(w and w.endswith("historians") for w in who) and any(w and len(w.split()) == 3 for w in who)
    for c in claims:
        assert essay_text[c.start : c.end].split()[0].strip('"\u201c') == c.text.split()[0].strip('"')


@pytest.mark.parametrize(
    "text, cue, cause, effect",
    [
        ("The border clashes of 1969 were a consequence of the schism.", "consequence of", "the schism", "The border clashes of 1969"),
        ("Moscow recalled its experts in 1960. As a result, dozens of Chinese plants were left unfinished.", "as a result",
         "Moscow recalled its experts in 1960", "dozens of Chinese plants were left unfinished"),
        ("Peking denounced Moscow for signing the test ban treaty.", "for", "signing the test ban treaty", "Peking denounced Moscow"),
    ],
)
def test_causes_texts_short(causes_nlp, text, cue, cause, effect):
    doc = analyse(causes_nlp, text)
    assert any((l.cue, l.cause.text, l.effect.text) == (cue, cause, effect) for l in doc._.causal), [
        (l.cue, l.cause.text, l.effect.text) for l in doc._.causal
    ]


def test_claims_texts_listed_phases_and_attribution(causes_nlp):
    text = (
        "Relations passed through three stages: a close alliance from 1950 to 1957, a slow estrangement "
        "from 1958 to 1964, and open enmity from 1965 onward. Some scholars argue that the split began in 1956. "
        "By 1963 the break was complete."
    )
    claims = analyse(causes_nlp, text)._.claims
    phases = [(c.interval["start"], c.interval["end"], c.characterisation) for c in claims if c.kind == "phase"]
    assert phases == [(1950, 1957, "a close alliance"), (1958, 1964, "a slow estrangement"), (1965, None, "open enmity")]
    (att,) = [c for c in claims if c.kind == "attributed"]
    assert att.attributed_to == "Some scholars" and att.interval == {"start": 1956, "end": 1956}
    (thesis,) = [c for c in claims if c.kind == "thesis"]
    assert thesis.interval["start"] == 1963


def test_causes_texts_eval_cli(tmp_path):
    from typer.testing import CliRunner

    from rift.cli import main

    data = tmp_path / "d.csv"
    data.write_text(
        "index,text,label\n"
        "a,The strike was called off after the management agreed to raise wages.,1\n"
        "b,Police said the protest was peaceful.,0\n"
        "c,The protesters blocked the highway because the government ignored their demands.,1\n"
        "d,The meeting was held in the town hall on Monday.,0\n",
        encoding="utf-8",
    )
    out = tmp_path / "p.csv"
    main._register()
    res = CliRunner().invoke(main.app, ["eval", "causal", "--data", str(data), "--predictions", str(out), "--min-f1", "0"])
    assert res.exit_code == 0, res.output
    assert "F1" in res.output and out.read_text().splitlines()[0] == "index,label"
    assert len(out.read_text().splitlines()) == 5


def _links(doc):
    return [(l.cue, l.cause.text, l.effect.text) for l in doc._.causal]


def test_causes_texts_reaction_opening_a_paragraph_reaches_back(causes_nlp):
    doc = analyse(causes_nlp, "In the summer of 1960 the Soviet specialists left China. The Chinese claimed that this "
                              "was evidence of bad faith.\n\nThe Chinese had their revenge in April 1960.")
    (link,) = [l for l in doc._.causal if l.cue == "have revenge"]
    assert "bad faith" in link.cause.text and "revenge" in link.effect.text


def test_causes_texts_noun_phrase_subject_misparsed_as_participle(causes_nlp):
    doc = analyse(causes_nlp, 'This "ping-pong diplomacy" led to Kissinger\'s secret trip to Peking in July 1971.')
    (link,) = [l for l in doc._.causal if l.cue == "lead to"]
    assert "diplomacy" in link.cause.text and "secret trip" in link.effect.text


def test_causes_texts_feeling_adjective_tagged_as_object_and_it_as_cause(causes_nlp):
    doc = analyse(causes_nlp, "The war left the Chinese hostile to the United States, and it led the Americans to "
                              "protect Taiwan.")
    got = {(cue, cause) for cue, cause, _e in _links(doc)}
    assert ("leave", "The war") in got and ("lead", "The war") in got


def test_causes_texts_feeling_about_a_that_clause(causes_nlp):
    doc = analyse(causes_nlp, "The Americans removed their missiles from Turkey. Castro was furious that the Soviets "
                              "had not consulted him.")
    (link,) = [l for l in doc._.causal if l.cue == "furious"]
    assert link.cause.text == "the Soviets had not consulted him"


def test_causes_texts_relative_which_points_to_its_clause(causes_nlp):
    doc = analyse(causes_nlp, "When the Dalai Lama fled to India in 1959, Nehru gave him asylum, which angered Peking.")
    (link,) = [l for l in doc._.causal if l.cue == "angered"]
    assert link.cause.text == "Nehru gave him asylum" and link.effect.text == "angered Peking"
