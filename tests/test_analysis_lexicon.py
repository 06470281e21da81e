"""Every entry of the analysis stage's data files is valid."""

from __future__ import annotations

import re

import pytest
import yaml

from rift.analysis.lexicon import DATA, QUAD_CLASSES, direction_of, load_quads, load_regimes

PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
QUADS = yaml.safe_load((DATA / "quads.yaml").read_text(encoding="utf-8"))
REGIMES = yaml.safe_load((DATA / "regimes.yaml").read_text(encoding="utf-8"))


def test_lexicon_quads_cover_exactly_the_16_plover_categories():
    assert set(QUADS) == PLOVER
    assert load_quads() == QUADS


@pytest.mark.parametrize("category", sorted(QUADS))
def test_lexicon_quad_entry_is_a_known_class(category):
    assert QUADS[category] in QUAD_CLASSES


def test_lexicon_regimes_have_both_sides_and_no_duplicates():
    assert set(REGIMES) == {"cooperative", "hostile"}
    words = [w for side in REGIMES.values() for w in side]
    assert len(words) == len(set(words))
    assert len(load_regimes()) == len(words)


@pytest.mark.parametrize("side,word", [(s, w) for s, ws in REGIMES.items() for w in ws])
def test_lexicon_regime_entry_reads_its_own_way(side, word):
    assert isinstance(word, str) and word == word.strip().lower() and len(word) >= 4
    assert re.fullmatch(r"[a-zé' -]+", word)
    expected = 1 if side == "cooperative" else -1
    assert direction_of(f"relations were {word}") == expected
    assert direction_of(f"relations were never {word}") == -expected
