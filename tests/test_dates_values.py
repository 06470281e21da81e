"""Calendar points: TIMEX values, intervals, arithmetic (BC years included)."""

from __future__ import annotations

import pytest

from rift.dates.values import Point, easter, is_valid_value, narrow, span_value


@pytest.mark.parametrize("point, value, interval", [
    (Point("season", 1958, part="FA"), "1958-FA", ("1958-09-01", "1958-11-30")),
    (Point("season", 1959, part="WI"), "1959-WI", ("1958-12-01", "1959-02-28")),
    (Point.of_decade(1965), "196", ("1960-01-01", "1969-12-31")),
    (Point.of_century(1850), "18", ("1800-01-01", "1899-12-31")),
    (Point.of_year(-490), "BC0490", ("-0490-01-01", "-0490-12-31")),
    (Point.of_decade(-475), "BC047", ("-0479-01-01", "-0470-12-31")),
    (Point.of_century(-350), "BC03", ("-0399-01-01", "-0300-12-31")),
    (Point("half", 2008, part="H2"), "2008-H2", ("2008-07-01", "2008-12-31")),
    (Point.of_day(1918, 11, 11), "1918-11-11", ("1918-11-11", "1918-11-11")),
])
def test_dates_values_value_and_interval(point, value, interval):
    assert point.value() == value
    assert point.interval() == interval
    assert is_valid_value(value)


def test_dates_values_no_such_day():
    assert Point.of_day(1950, 2, 30) is None
    assert Point.of_day(1948, 2, 29) is not None


@pytest.mark.parametrize("start, n, unit, value", [
    (Point.of_year(-490), 1, "Y", "BC0489"),
    (Point.of_year(-1), 1, "Y", "0001"),
    (Point.of_day(1950, 2, 14), -3, "M", "1949-11-14"),
    (Point.of_day(1950, 6, 25), 13, "D", "1950-07-08"),
    (Point("season", 1960, part="FA"), 3, "M", "1961-WI"),
    (Point.of_month(1966, 3), 2, "Y", "1968-03"),
])
def test_dates_values_shift(start, n, unit, value):
    assert start.shift(n, unit).value() == value


def test_dates_values_shift_out_of_range_is_none():
    assert Point.of_year(9990).shift(100, "Y") is None


def test_dates_values_narrow_and_span():
    assert narrow(("1960-01-01", "1969-12-31"), "START") == ("1960-01-01", "1963-05-01")
    assert narrow(("1960-01-01", "1969-12-31"), "BEFORE") == ("1960-01-01", "1969-12-31")
    assert span_value("1964-10-14", "1964-10-14") == ("1964-10", "month")
    assert span_value("1966-03-29", "1966-04-08") == ("1966-03", "month")
    assert span_value("1950-06-25", "1953-07-27") == ("1950-06/1953-07", "month")
    assert easter(1972) == (4, 2)
