"""lexicon.yaml: every entry of the normaliser's vocabulary validates; number words parse."""

from __future__ import annotations

import re

import pytest

from rift.dates.lexicon import VAGUE, lexicon, ordinal_numeral, ordinal_word, parse_number, parse_ordinal

MODS = {None, "START", "MID", "END", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "APPROX", "LESS_THAN",
        "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"}


def test_dates_lexicon_entries_validate():
    lex = lexicon()
    assert sorted(set(lex.months.values())) == list(range(1, 13))
    assert sorted(set(lex.weekdays.values())) == list(range(1, 8))
    assert set(lex.seasons.values()) == {"SP", "SU", "FA", "WI"}
    assert set(lex.day_parts.values()) <= {"MO", "MI", "AF", "EV", "NI", "DT"}
    assert set(lex.units.values()) <= {"ML", "CE", "DE", "Y", "M", "W", "2W", "D", "H", "MIN"}
    for table in (lex.quantity_mods, lex.period_mods, lex.preposition_mods):
        for word, mod in table.items():
            assert word.strip() == word and word, word
            assert mod in MODS, (word, mod)
    assert set(lex.references.values()) == {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
    for name, rule in lex.holidays.items():
        assert re.fullmatch(r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])", rule) or rule in ("easter", "good_friday"), name
    assert all(0 <= v <= 100 for v in lex.cardinals.values())
    assert all(0 < v <= 100 for v in lex.ordinals.values())


@pytest.mark.parametrize("text, value", [
    ("fifteen", 15), ("twenty-two", 22), ("seventy nine", 79), ("a", 1), ("14", 14), ("2.5", 2.5),
    ("two and a half", 2.5), ("one hundred and sixteen", 116), ("a few", VAGUE), ("several", VAGUE), ("banana", None),
])
def test_dates_lexicon_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, value", [("twenty-second", 22), ("19th", 19), ("thirteenth", 13), ("first", 1), ("ninety-ninth", 99), ("x", None)])
def test_dates_lexicon_parse_ordinal(text, value):
    assert parse_ordinal(text) == value


def test_dates_lexicon_ordinal_words():
    assert [ordinal_word(n) for n in (1, 20, 22, 23)] == ["First", "Twentieth", "Twenty-second", "Twenty-third"]
    assert [ordinal_numeral(n) for n in (1, 2, 3, 11, 22, 23)] == ["1st", "2nd", "3rd", "11th", "22nd", "23rd"]
