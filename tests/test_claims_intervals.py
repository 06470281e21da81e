"""The fallback year-interval parser of claims."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rift.causes.intervals import find_intervals, parse_interval


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The first phase is roughly 1956 to 1960.", {"start": 1956, "end": 1960}),
        ("From 1960 to 1964 the disputes escalated", {"start": 1960, "end": 1964}),
        ("between 1958 and 1964", {"start": 1958, "end": 1964}),
        ("the years 1960-64", {"start": 1960, "end": 1964}),
        ("the final phase, which is 1964 onward, ", {"start": 1964, "end": None}),
        ("from 1964 on.", {"start": 1964, "end": None}),
        ("After 1965 both nations", {"start": 1965, "end": None, "mod": "AFTER"}),
        ("By 1965 the schism was complete", {"start": None, "end": 1965, "mod": "ON_OR_BEFORE"}),
        ("by the end of the 1960's", {"start": None, "end": 1969, "mod": "ON_OR_BEFORE"}),
        ("sometime in the mid 1960's", {"start": 1963, "end": 1966, "mod": "MID"}),
        ("in the late 1950s", {"start": 1957, "end": 1959, "mod": "LATE"}),
        ("in the 1950s", {"start": 1950, "end": 1959}),
        ("long after the end of the 1960's", {"start": 1970, "end": None, "mod": "AFTER"}),
        ("the thirteenth and fourteenth century", {"start": 1200, "end": 1399}),
        ("in 1964 on the island", {"start": 1964, "end": 1964}),
        ("no date at all", None),
    ],
)
def test_claims_intervals_table(text, expected):
    assert parse_interval(text) == expected


def test_claims_intervals_prefer_ranges_to_single_years():
    found = find_intervals("In 1957 they agreed; from 1960 to 1964 they quarrelled.")
    assert (found[0].start_year, found[0].end_year) == (1960, 1964)
    assert {(m.start_year, m.end_year) for m in found} == {(1960, 1964), (1957, 1957)}


years = st.integers(min_value=1000, max_value=2099)


@given(years, st.integers(min_value=1, max_value=150), st.sampled_from(["to", "until", "-", "through"]))
def test_claims_intervals_any_range(a, span, sep):
    b = min(a + span, 2099)
    if b == a:
        return
    assert parse_interval(f"from {a} {sep} {b} relations") == {"start": a, "end": b}


@given(years)
def test_claims_intervals_any_open_end(y):
    assert parse_interval(f"the phase from {y} onward was") == {"start": y, "end": None}


@given(st.text(max_size=60))
def test_claims_intervals_never_crash(text):
    found = find_intervals(text)
    for m in found:
        assert 0 <= m.begin < m.end <= len(text)
        assert m.start_year is None or m.end_year is None or m.start_year <= m.end_year
