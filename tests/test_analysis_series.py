"""The relations index: calendar arithmetic, spreading of imprecise dates, weights, rows."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from rift.analysis.series import SERIES_COLUMNS, contributions, relations_index
from rift.analysis.timebins import (
    BinError, bin_label, civil_from_days, days_from_civil, label_index, parse_day, spread, value_interval,
)
from rift.analysis.weights import ATTITUDE_WEIGHT, event_days, event_weight, quad_class
from rift.records import Event, TimeSpan


def _event(i, src="SUN", tgt="CHN", cat="ACCUSE", intensity=-4.0, start="1960-01-01", end=None, value=None, **kw):
    date = None
    if start is not None or value is not None:
        date = TimeSpan(value=value or (start or "")[:4], start=start, end=end or start)
    return Event(id=f"e{i}", doc=kw.pop("doc", "d1"), sentence=kw.pop("sentence", "s"), start=0, end=1, source=src,
                 target=tgt, category=cat, intensity=intensity, date=date, **kw)


def _rows(rows, dyad):
    return {r["bin"]: r for r in rows if r["dyad"] == dyad}


# --- calendar ----------------------------------------------------------------------------


@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_timebins_day_numbers_match_datetime(d):
    n = days_from_civil(d.year, d.month, d.day)
    assert n == (d - dt.date(1970, 1, 1)).days
    assert civil_from_days(n) == (d.year, d.month, d.day)


@given(st.integers(-3000, 3000), st.integers(1, 12), st.integers(1, 28))
def test_timebins_day_numbers_round_trip_any_year(y, m, d):
    n = days_from_civil(y, m, d)
    assert civil_from_days(n) == (y, m, d)
    assert days_from_civil(y, m, d) + 1 == days_from_civil(*civil_from_days(n + 1))


def test_timebins_negative_years_round_trip():
    n = days_from_civil(-500, 3, 1)
    assert civil_from_days(n) == (-500, 3, 1)
    assert parse_day("-0500-03-01") == n


@pytest.mark.parametrize("text,end,expected", [
    ("1960", False, (1960, 1, 1)),
    ("1960", True, (1960, 12, 31)),
    ("1960-02", True, (1960, 2, 29)),
    ("1961-02", True, (1961, 2, 28)),
    ("1958-11-03", False, (1958, 11, 3)),
])
def test_timebins_parse_day(text, end, expected):
    assert civil_from_days(parse_day(text, end=end)) == expected


@pytest.mark.parametrize("text", ["", "garbage", "1960-13", "1961-02-30", None])
def test_timebins_parse_day_rejects(text):
    assert parse_day(text) is None


@pytest.mark.parametrize("value,first,last", [
    ("196", (1960, 1, 1), (1969, 12, 31)),
    ("19", (1900, 1, 1), (1999, 12, 31)),
    ("1958-Q3", (1958, 7, 1), (1958, 9, 30)),
    ("1958-FA", (1958, 9, 1), (1958, 11, 30)),
    ("1958-11", (1958, 11, 1), (1958, 11, 30)),
])
def test_timebins_value_interval(value, first, last):
    a, b = value_interval(value)
    assert civil_from_days(a) == first and civil_from_days(b) == last


@pytest.mark.parametrize("bin,label", [("year", "1960"), ("quarter", "1960-Q3"), ("month", "1960-08"), ("decade", "1960s")])
def test_timebins_labels_round_trip(bin, label):
    assert bin_label(label_index(label, bin), bin) == label


def test_timebins_spread_early_sixties_evenly_over_four_years():
    shares = dict(spread(parse_day("1960"), parse_day("1963", end=True), "year"))
    assert set(shares) == {1960, 1961, 1962, 1963}
    for s in shares.values():
        assert s == pytest.approx(0.25, abs=0.001)


def test_timebins_spread_by_days_of_overlap():
    # 1 Dec 1959 .. 31 Jan 1960: 31 days in each year
    shares = dict(spread(parse_day("1959-12-01"), parse_day("1960-01-31"), "year"))
    assert shares == {1959: pytest.approx(0.5), 1960: pytest.approx(0.5)}


@given(st.integers(-100000, 100000), st.integers(0, 5000), st.sampled_from(["year", "quarter", "month", "decade"]))
def test_timebins_spread_shares_sum_to_one(start, length, bin):
    shares = spread(start, start + length, bin)
    assert sum(s for _b, s in shares) == pytest.approx(1.0)
    assert all(s > 0 for _b, s in shares)


def test_timebins_unknown_bin_is_a_domain_error():
    with pytest.raises(BinError, match="unknown time bin"):
        relations_index([], "week")


# --- weights -----------------------------------------------------------------------------


@pytest.mark.parametrize("kind,mode,confidence,disagreement,expected", [
    ("action", "asserted", 1.0, False, 1.0),
    ("attitude", "asserted", 1.0, False, ATTITUDE_WEIGHT),
    ("action", "reported", 1.0, False, 0.5),
    ("action", "intended", 1.0, False, 0.5),
    ("action", "hypothetical", 1.0, False, 0.0),
    ("attitude", "reported", 1.0, False, ATTITUDE_WEIGHT * 0.5),
    ("action", "asserted", 0.8, False, 0.8),
    ("action", "asserted", 1.0, True, 0.5),
])
def test_weights_event_weight(kind, mode, confidence, disagreement, expected):
    e = _event(0, kind=kind, mode=mode, confidence=confidence, disagreement=disagreement)
    assert event_weight(e) == pytest.approx(expected)


@pytest.mark.parametrize("quad,category,intensity,expected", [
    ("verbal cooperation", "ACCUSE", -2, "verbal_coop"),
    ("material_conflict", "AGREE", 2, "material_conflict"),
    ("Verbal Conflict", None, 0, "verbal_conflict"),
    (None, "ASSAULT", -10, "material_conflict"),
    (None, "AID", 5, "material_coop"),
    (None, "ATTITUDE-ODD", -3, "verbal_conflict"),
    (None, "ATTITUDE-ODD", 3, "verbal_coop"),
])
def test_weights_quad_class(quad, category, intensity, expected):
    e = _event(0, quad=quad, cat=category or "X", intensity=intensity)
    assert quad_class(e) == expected


def test_weights_event_days_vague_and_undated_left_out():
    assert event_days(_event(0, start=None)) is None
    assert event_days(_event(1, start="1800-01-01", end="1899-12-31")) is None  # a century: too vague
    assert event_days(_event(2, start=None, value="196")) is not None  # decade from the value alone
    one_sided = _event(3, start=None, end=None, value="x").model_copy(
        update={"date": TimeSpan(value="1965", start=None, end="1965-12-31")})
    a, b = event_days(one_sided)
    assert a == b == parse_day("1965-12-31")


# --- the series --------------------------------------------------------------------------


def test_series_columns_and_both_dyads():
    rows = relations_index([_event(0, start="1960-04-01"), _event(1, src="CHN", tgt="SUN", intensity=-2, start="1960-06-01")])
    assert all(list(r) == SERIES_COLUMNS for r in rows)
    dyads = {r["dyad"] for r in rows}
    assert dyads == {"SUN->CHN", "CHN->SUN", "CHN-SUN"}
    und = _rows(rows, "CHN-SUN")["1960"]
    assert und["n_events"] == 2
    assert und["intensity_sum"] == -6
    assert und["intensity_mean"] == -3
    assert und["verbal_conflict"] == 2
    assert _rows(rows, "SUN->CHN")["1960"]["intensity_sum"] == -4


def test_series_imprecise_date_spreads_over_its_years():
    early_sixties = _event(0, intensity=-4, start="1960-01-01", end="1963-12-31")
    rows = _rows(relations_index([early_sixties]), "CHN-SUN")
    assert sorted(rows) == ["1960", "1961", "1962", "1963"]
    for r in rows.values():
        assert r["n_events"] == pytest.approx(0.25, abs=1e-3)
        assert r["intensity_sum"] == pytest.approx(-1.0, abs=1e-2)
        assert r["intensity_mean"] == pytest.approx(-4.0)


def test_series_decade_event_in_decade_bins_lands_in_one_bin():
    rows = _rows(relations_index([_event(0, start="1950-01-01", end="1959-12-31")], "decade"), "CHN-SUN")
    assert list(rows) == ["1950s"] and rows["1950s"]["n_events"] == 1


def test_series_attitudes_count_at_reduced_weight():
    rows = relations_index([
        _event(0, intensity=6, start="1957-11-01"),
        _event(1, intensity=-4, start="1957-12-01", kind="attitude"),
    ])
    r = _rows(rows, "CHN-SUN")["1957"]
    assert r["n_events"] == pytest.approx(1 + ATTITUDE_WEIGHT)
    assert r["intensity_sum"] == pytest.approx(6 - 4 * ATTITUDE_WEIGHT)


def test_series_hypothetical_events_do_not_count():
    rows = relations_index([_event(0, mode="hypothetical", start="1965-01-01")])
    assert rows == []


@pytest.mark.parametrize("bin,labels", [
    ("month", ["1960-11", "1960-12", "1961-01"]),
    ("quarter", ["1960-Q4", "1961-Q1"]),
])
def test_series_other_bins(bin, labels):
    rows = _rows(relations_index([_event(0, start="1960-11-01", end="1961-01-31")], bin), "CHN-SUN")
    assert sorted(rows) == labels
    assert sum(r["n_events"] for r in rows.values()) == pytest.approx(1.0, abs=1e-3)


def test_series_skips_events_without_a_partner():
    evs = [_event(0, tgt=None), _event(1, tgt="SUN", src="SUN"), _event(2, start=None)]
    assert contributions(evs) == []


def test_series_rows_sorted_by_dyad_then_time():
    evs = [_event(i, start=f"{y}-01-01") for i, y in enumerate([1969, 1950, 1999, 1001])]
    rows = relations_index(evs)
    und = [r["bin"] for r in rows if r["dyad"] == "CHN-SUN"]
    assert und == ["1001", "1950", "1969", "1999"]


@pytest.mark.parametrize("bin", ["year", "decade"])
def test_series_analyse_writes_the_same_rows_as_relations_index(bin):
    from rift.analysis import analyse

    evs = [_event(i, intensity=(-1) ** i * i, start=f"{1950 + i}-03-01") for i in range(8)]
    assert analyse(evs, [], bin=bin).series == relations_index(evs, bin)


def test_series_analyse_rejects_an_unknown_bin():
    from rift.analysis import analyse

    with pytest.raises(BinError):
        analyse([], [], bin="fortnight")
