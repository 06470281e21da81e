"""The claims lexicon is data: every list is present, well-formed and used as written."""

from __future__ import annotations

import re

from rift.causes.claims import CLAIM_WORD_LISTS, ClaimFinder, load_claim_words


def test_claims_lexicon_every_list_present_and_lower_case():
    w = load_claim_words()
    for name in CLAIM_WORD_LISTS:
        values = getattr(w, name)
        assert values, name
        items = values.keys() if isinstance(values, dict) else values
        assert all(isinstance(v, str) and v == v.lower() and v.strip() == v for v in items), name
    assert all(isinstance(n, int) for n in w.ordinals.values())
    assert sorted(w.counts.values()) == list(range(2, 2 + len(w.counts)))


def test_claims_lexicon_quantifiers_do_not_overlap():
    w = load_claim_words()
    assert not set(w.minority_quantifiers) & set(w.consensus_quantifiers)


def test_claims_lexicon_every_cue_phrase_is_found_in_a_sentence():
    finder = ClaimFinder()
    w = load_claim_words()
    for phrase in w.turning_cues:
        assert finder._turning.search(f"This was {phrase} for both."), phrase
    for phrase in w.thesis_cues:
        assert finder._thesis.search(f"By then it {phrase} indeed."), phrase
    # whole words only: "completely" is not "complete"
    assert not finder._thesis.search("they almost completely broke off relations")
    assert re.search(r"\bphase\b", " ".join(w.period_nouns))
