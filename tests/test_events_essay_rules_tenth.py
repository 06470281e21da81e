"""Events in essay prose, tenth pass: a list of subjects whose first member the parser hung on the
date before it, run-on sentences joined by a comma, a side taken, applications for membership,
prisoners swapped, alliances signed (held by both sides), topics talked about, and delegations
that simply went home (rules written after the twelfth held-out set was scored).

Every case runs a short text through the full pipeline on the real model; each asserts the
dyad, category or date a reader would code.
"""

from __future__ import annotations

import pytest

from test_events_context import run
from test_events_essay_rules import coded

pytestmark = pytest.mark.model

BOTH = lambda a, b, cat: {(a, b, cat), (b, a, cat)}  # noqa: E731


def test_events_tenth_list_head_swallowed_by_the_month_before_it(nlp):
    text = ("In November 1958 Khrushchev sent notes to the United States, Britain and France. "
            "At the end of December Washington, London and Paris formally rejected the Soviet notes. "
            "At the same time they offered to discuss Berlin as part of the wider German question.")
    ev = run(nlp, text)
    # all three capitals rejected, not only the two the parser left in the subject
    assert coded(ev, "rejected") == {("USA", "SUN", "REJECT"), ("GBR", "SUN", "REJECT"), ("FRA", "SUN", "REJECT")}
    # and 'they' is all three as well; the city to be discussed is a topic, not a party
    # (and an offer made by three goes to whom they answered, not from each to the others)
    assert coded(ev, "discuss") == {("USA", "SUN", "AGREE"), ("GBR", "SUN", "AGREE"), ("FRA", "SUN", "AGREE")}


def test_events_tenth_a_month_before_a_single_subject_changes_nothing(nlp):
    ev = run(nlp, "On 17 August 1961 Washington and London protested to Moscow.")
    assert {(s, t) for s, t, _c in coded(ev, "protested")} == {("USA", "SUN"), ("GBR", "SUN")}


def test_events_tenth_two_demands_run_on_with_a_comma(nlp):
    text = ("In 1979 China demanded that Vietnam get out of Cambodia, Vietnam demanded China give up "
            "hegemonism and pull its troops back from the border.")
    ev = run(nlp, text)
    assert coded(ev, "demanded") == {("CHN", "VNM", "REQUEST"), ("VNM", "CHN", "REQUEST")}
    # a fronted report is still a report, not a run-on
    ev = run(nlp, "In 1979 the Soviets had cheated them, the Chinese claimed.")
    assert ("CHN", "SUN", "ACCUSE") in coded(ev, "claimed")
    assert not coded(ev, "cheated")


def test_events_tenth_taking_a_states_side(nlp):
    ev = run(nlp, "In 1979 Laos took Hanoi's side.")
    assert coded(ev, "took") == {("LAO", "VNM", "SUPPORT")}
    # (a rough text's "had took" too) but taking sides with no one named is no act
    ev = run(nlp, "In 1979 Laos had took Hanoi's side.")
    assert coded(ev, "took") == {("LAO", "VNM", "SUPPORT")}
    ev = run(nlp, "In 1967 France refused to take sides.")
    assert not ev


def test_events_tenth_applying_for_membership_is_a_request(nlp):
    ev = run(nlp, "In May 1950 Turkey applied for membership of NATO.")
    assert coded(ev, "applied") == {("TUR", "NATO", "REQUEST")}
    ev = run(nlp, "In 1972 Egypt applied to the Soviet Union for more arms.")
    assert coded(ev, "applied") == {("EGY", "SUN", "REQUEST")}
    # applying to join is asking to join, one request; what is applied keeps its own category
    ev = run(nlp, "In 1961 Britain applied to join the EEC.")
    assert {(e.source, e.target, e.category) for e in ev} == {("GBR", "EEC", "REQUEST")}
    ev = run(nlp, "In 1990 the United States applied sanctions to Iraq.")
    assert coded(ev, "applied") == {("USA", "IRQ", "SANCTION")}


def test_events_tenth_together_with_is_a_partner_not_a_target(nlp):
    ev = run(nlp, "In 1956 Britain attacked Egypt together with France.")
    assert coded(ev, "attacked") == {("GBR", "EGY", "ASSAULT"), ("FRA", "EGY", "ASSAULT")}
    ev = run(nlp, "In May 1950 Turkey applied for membership of NATO. In August Turkey applied again, together with Greece.")
    assert ("TUR", "GRC", "REQUEST") not in coded(ev, "applied")


def test_events_tenth_prisoners_swapped_by_the_two_sides(nlp):
    ev = run(nlp, "In February 1979 China invaded Vietnam. The two sides swapped prisoners in May.")
    assert coded(ev, "swapped") == BOTH("CHN", "VNM", "COOPERATE")


def test_events_tenth_an_alliance_signed_binds_both(nlp):
    ev = run(nlp, "In 1939 the Turks signed an alliance with Britain and France.")
    got = coded(ev, "signed")
    assert BOTH("TUR", "GBR", "SUPPORT") | BOTH("TUR", "FRA", "SUPPORT") == got


def test_events_tenth_a_delegation_going_home_is_no_withdrawal(nlp):
    text = ("In 1939 Saracoglu spent three weeks in Moscow, and the Turks went home and signed an alliance with "
            "Britain and France instead.")
    ev = run(nlp, text)
    assert not coded(ev, "went")
    # experts going home are withdrawn
    ev = run(nlp, "In July 1960 the Soviet experts in China went home.")
    assert coded(ev, "went") == {("SUN", "CHN", "SANCTION")}
