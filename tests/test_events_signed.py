"""Agreements signed by no one named ("The treaty was signed on 6 April 1948."): who signed them.

History essays often tell the signing of a treaty in the passive, with no agent. The parties
are then read, in this order, from the document's own name ("the Korea-Japan Basic Treaty"),
from a 'with' phrase, from the knowledge base's named treaties, and last from the pair whose
dealings were told just before in the same paragraph. Every case runs a short text through the
full pipeline on the real model.
"""

from __future__ import annotations

import pytest

from test_events_context import run, years
from test_events_essay_rules import coded

pytestmark = pytest.mark.model

BOTH = lambda a, b, cat="SUPPORT": {(a, b, cat), (b, a, cat)}  # noqa: E731 - a signed agreement binds both ways


def test_events_signed_parties_named_by_the_document(nlp):
    ev = run(nlp, "In January 1965 Tokyo and Seoul reopened their talks after a long pause. "
                  "The Korea-Japan Basic Treaty was signed in June 1965 after fourteen years of bargaining.")
    assert coded(ev, "signed") == BOTH("KOR", "JPN")
    assert years(ev, "signed") == {"1965-06"}


def test_events_signed_parties_of_a_known_treaty(nlp):
    # no state is named in the sentence at all: the knowledge base knows the treaty's two parties
    ev = run(nlp, "After the war Germany stood alone. The Treaty of Rapallo was signed in April 1922 and shocked "
                  "the diplomats gathered at Genoa.")
    assert coded(ev, "signed") == BOTH("DEU", "SUN")


def test_events_signed_with_one_party_named(nlp):
    ev = run(nlp, "In 1963 Pakistan and India quarrelled over Kashmir again. Later that year an agreement on "
                  "the frontier was signed with China, and Karachi gave up its claim to the Shaksgam valley.")
    assert ("PAK", "CHN", "SUPPORT") in coded(ev, "signed") and ("CHN", "PAK", "SUPPORT") in coded(ev, "signed")


def test_events_signed_by_the_pair_told_just_before(nlp):
    text = ("In August 1978 Chinese and Japanese negotiators met in Peking, and after two weeks the two sides "
            "agreed on the wording of the anti-hegemony clause. That summer the Americans praised Japan for its "
            "patience. A treaty of peace and friendship was signed on 12 August 1978, to the anger of Moscow.")
    ev = run(nlp, text)
    # the pair that met and agreed, not the one that praised: an agreement binds those who made it
    assert coded(ev, "signed") == BOTH("CHN", "JPN")


def test_events_signed_needs_a_pair_in_its_paragraph(nlp):
    text = ("In March 1975 the Shah and Saddam Hussein met at Algiers during a summit of the oil producers "
            "and settled their quarrel over the Shatt al-Arab.\n\n"
            "Elsewhere the diplomats were busy too. A multilateral agreement on fishing was signed in 1976 "
            "after years of work by many governments.")
    ev = run(nlp, text)
    assert not coded(ev, "signed")  # the last pair told is in another paragraph


def test_events_signed_never_or_told_by_its_noun(nlp):
    ev = run(nlp, "In 1984 Nicaragua said it would accept the regional peace plan, but Washington objected and "
                  "the treaty was never signed.")
    assert not coded(ev, "signed")  # no one in particular refused
    ev = run(nlp, "A defence treaty between the United States and Japan was signed in January 1960.")
    assert not coded(ev, "signed")  # the noun carries the act once
    assert coded(ev, "treaty") == BOTH("USA", "JPN", "AGREE")


def test_events_a_meeting_is_held_by_both_sides(nlp):
    ev = run(nlp, "In June 1961 Kennedy met Khrushchev in Vienna for two tense days.")
    assert coded(ev, "met") == BOTH("USA", "SUN", "CONSULT")
    ev = run(nlp, "In 1971 the ambassadors of Britain and France met their Soviet counterpart in Berlin every month.")
    assert coded(ev, "met") == {("GBR", "SUN", "CONSULT"), ("SUN", "GBR", "CONSULT"),
                                ("FRA", "SUN", "CONSULT"), ("SUN", "FRA", "CONSULT")}  # not Britain with France
    ev = run(nlp, "In 1966 the Indian foreign minister went to Rawalpindi to negotiate with Pakistan.")
    # (India's side is told once, by the journey)
    assert {(e.source, e.target) for e in ev if e.category == "CONSULT"} == {("IND", "PAK"), ("PAK", "IND")}
    # a visit is the visitor's act, and "met with silence" is no meeting
    ev = run(nlp, "In 1972 Nixon visited Peking. The Soviet protests were met by the Chinese with silence.")
    assert coded(ev, "visited") == {("USA", "CHN", "CONSULT")}
    assert ("SUN", "CHN", "CONSULT") not in coded(ev, "met")
