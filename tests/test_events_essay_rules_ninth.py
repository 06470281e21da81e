"""Events in essay prose, ninth pass: leaders named as a pair ("the two prime ministers", "They
met again"), places that name a document ("the Act of Montevideo"), agreements signed with
someone (held by both sides), subjects the parser swallowed into a phrase before them, those
who are joined in an act, posts an act is done at, and dates the parser hangs on an auxiliary
(rules written after the tenth held-out set was first scored).

Every case runs a short text through the full pipeline on the real model; each asserts the
dyad, category or date a reader would code.
"""

from __future__ import annotations

import pytest

from test_events_context import run, years
from test_events_essay_rules import coded

pytestmark = pytest.mark.model

BOTH = lambda a, b, cat: {(a, b, cat), (b, a, cat)}  # noqa: E731


def test_events_ninth_the_two_prime_ministers_are_the_leaders_just_named(nlp):
    text = ("In January 1975 Karamanlis offered to take the dispute to the Court, and Demirel accepted the idea. "
            "When the two prime ministers met in Brussels that May, they agreed to settle it by talks.")
    ev = run(nlp, text)
    # (a leader told by a pronoun counts too, and the city they met in is no party)
    assert coded(ev, "met") == BOTH("GRC", "TUR", "CONSULT")
    assert coded(ev, "settle") == BOTH("GRC", "TUR", "AGREE")
    # "both presidents" likewise, and a collective of states still goes to the states
    ev = run(nlp, "In 1961 Kennedy wrote to Khrushchev about Laos. In June both presidents met in Vienna.")
    assert coded(ev, "met") == BOTH("USA", "SUN", "CONSULT")


def test_events_ninth_they_after_two_leaders_named_together(nlp):
    text = ("At Davos in January 1988 Papandreou and Ozal held their first summit and agreed to install a hotline. "
            "They met again in Brussels in March.")
    ev = run(nlp, text)
    assert coded(ev, "met") == BOTH("GRC", "TUR", "CONSULT")
    assert years(ev, "met") == {"1988-03"}
    # one leader alone is no pair: 'they' goes on to the states as before
    ev = run(nlp, "In 1988 the Greeks protested to Turkey. In March Ozal called for calm, and they refused.")
    assert ("GRC", "TUR") in {(e.source, e.target) for e in ev if e.trigger == "refused"}


def test_events_ninth_both_capitals(nlp):
    ev = run(nlp, "In March 1987 Turkey sent a survey ship towards Greek waters and Athens put its forces on alert. "
                  "Washington urged both capitals to show restraint.")
    assert coded(ev, "urged") == {("USA", "GRC", "REQUEST"), ("USA", "TUR", "REQUEST")}


def test_events_ninth_a_place_that_names_a_document_is_no_party(nlp):
    ev = run(nlp, "In January 1979 Argentina and Chile signed the Act of Montevideo.")
    assert coded(ev, "signed") == BOTH("ARG", "CHL", "SUPPORT")
    ev = run(nlp, "In 1942 Peru and Ecuador signed the Protocol of Rio de Janeiro.")
    assert coded(ev, "signed") == BOTH("PER", "ECU", "SUPPORT")
    # a capital after a lower-case noun is still who it names
    ev = run(nlp, "In 1979 Chile welcomed the mediation of Montevideo.")
    assert ("CHL", "URY") in {(e.source, e.target) for e in ev}


def test_events_ninth_an_agreement_signed_with_someone_binds_both(nlp):
    # CAMEO 057 (sign formal agreement) is "typically reciprocal": both sides signed it
    ev = run(nlp, "In 1971 India signed a treaty of friendship with the Soviet Union.")
    assert coded(ev, "signed") == BOTH("IND", "SUN", "SUPPORT")
    ev = run(nlp, "In April 1961 Chen Yi came to Jakarta and signed a Treaty of Friendship.")
    assert coded(ev, "signed") == BOTH("CHN", "IDN", "SUPPORT")
    # signing something else (a decree, a cheque) is not
    ev = run(nlp, "In 1961 Sukarno signed a decree against China.")
    assert ("CHN", "IDN") not in {(e.source, e.target) for e in ev if e.trigger == "signed"}


def test_events_ninth_a_subject_swallowed_by_the_phrase_before_it(nlp):
    text = ("In April 1955, during the conference at Bandung, Zhou Enlai and the Indonesian foreign minister "
            "Sunario signed a treaty on dual nationality.")
    ev = run(nlp, text)
    assert coded(ev, "signed") == BOTH("CHN", "IDN", "SUPPORT")
    assert years(ev, "signed") == {"1955-04"}


def test_events_ninth_those_joined_in_an_act_do_it_too(nlp):
    ev = run(nlp, "On 21 April 1986 France and Britain joined the United States in vetoing a Security Council resolution.")
    assert coded(ev, "vetoing") == {("FRA", "UNO", "REJECT"), ("GBR", "UNO", "REJECT"), ("USA", "UNO", "REJECT")}
    # an act done by some other means than joining keeps its subject
    ev = run(nlp, "In 1986 France angered the United States by vetoing a Security Council resolution.")
    assert {e.source for e in ev if e.trigger == "vetoing"} == {"FRA"}


def test_events_ninth_a_sanction_at_another_state_s_post(nlp):
    text = ("In March 1987 a Turkish survey ship sailed towards Greek waters. "
            "Papandreou suspended operations at the American base at Nea Makri.")
    ev = run(nlp, text)
    assert coded(ev, "suspended") == {("GRC", "USA", "SANCTION")}


def test_events_ninth_a_date_hung_on_an_inverted_auxiliary(nlp):
    text = ("After the Lockerbie bombing the Security Council imposed sanctions on Libya in 1992, and only in 2004 "
            "did Washington and Tripoli restore diplomatic ties.")
    ev = run(nlp, text)
    assert years(ev, "restore") == {"2004"}
