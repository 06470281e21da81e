"""The classifier's pure functions: negation, intention, requests, reversal and intensity."""

from __future__ import annotations

import pytest

from rift.events.classify import Coding, base_coding, intend, intensity, negate, quad, request, reversed_coding
from rift.events.lexicon import CATEGORIES, COOPERATIVE, load_lexicon

LEX = load_lexicon()


def entry(pos: str, lemma: str):
    """The plain entry of a word (not a phrase like "give in")."""
    return next(e for e in LEX.table(pos)[lemma] if not e.particle and not e.obj)


@pytest.mark.parametrize("cat", sorted(COOPERATIVE))
def test_events_classify_refused_cooperation_is_reject(cat):
    for how in ("refuse", "not", "fail"):
        c = negate(Coding(cat), how)
        assert c.category == "REJECT" and c.negated
        assert intensity(c) < 0


@pytest.mark.parametrize("cat", sorted(set(CATEGORIES) - COOPERATIVE - {"REJECT"}))
def test_events_classify_negated_conflict(cat):
    assert negate(Coding(cat), "refuse").category == "REJECT"
    failed = negate(Coding(cat), "fail")
    assert failed.category == cat and failed.negated and intensity(failed) == pytest.approx(intensity(Coding(cat)) * 0.5)
    assert intensity(negate(Coding(cat), "not")) == 0


def test_events_classify_never_rejected_is_acceptance():
    assert negate(Coding("REJECT"), "not").category == "AGREE"


def test_events_classify_intentions():
    assert intend(Coding("AID")) == Coding("AGREE", "aid", mode="intended")
    assert intend(Coding("RETREAT", "withdraw")).category == "CONCEDE"  # announced retreats are concessions
    threat = intend(Coding("ASSAULT"))
    assert threat.category == "ASSAULT" and threat.mode == "intended" and intensity(threat) == pytest.approx(-4.5)
    pledge = intend(negate(Coding("ASSAULT"), "not"), pledge=True)  # "promised not to invade"
    assert pledge.category == "AGREE" and intensity(pledge) > 0
    assert intend(negate(Coding("ASSAULT"), "fail")).category == "ASSAULT"  # "would not be able to attack"


def test_events_classify_requests_take_their_mode_from_the_act():
    assert request(Coding("AID")).plover_mode == "assist"
    assert request(Coding("RETREAT")).plover_mode == "yield"
    assert all(intensity(request(Coding(c))) < 0 for c in CATEGORIES)


def test_events_classify_reversal():
    assert reversed_coding("AID").category == "SANCTION"
    assert reversed_coding("ASSAULT") == Coding("RETREAT", "ceasefire")
    assert reversed_coding("ACCUSE").category == "CONCEDE"


def test_events_classify_light_and_reversing_verbs_take_their_object():
    give, withdraw, impose, write = entry("verb", "give"), entry("verb", "withdraw"), entry("verb", "impose"), entry("verb", "write")
    assert base_coding(give, entry("noun", "support")).category == "SUPPORT"
    assert base_coding(give, None).category == "AID"
    assert base_coding(withdraw, entry("noun", "support")).category == "SANCTION"
    assert base_coding(impose, entry("noun", "reparation")).category == "COERCE"  # a hostile verb keeps its sign
    assert base_coding(write, entry("noun", "attack")).category == "ACCUSE"  # a written attack is verbal


def test_events_classify_agents_decide_withdrawals():
    leave = entry("verb", "leave")
    assert base_coding(leave, None, "military").category == "RETREAT"
    assert base_coding(leave, None, "civilian") == Coding("SANCTION", "withdraw")


def test_events_classify_intensity_is_bounded_and_quads_follow_categories():
    for cat in CATEGORIES:
        for kind in ("action", "attitude"):
            for mode in ("asserted", "intended", "hypothetical", "reported"):
                assert -10 <= intensity(Coding(cat, kind=kind, mode=mode)) <= 10
    assert quad("AID") == "material_coop" and quad("ACCUSE") == "verbal_conflict" and quad("ASSAULT") == "material_conflict"
