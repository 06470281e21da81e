"""The knowledge base of named events and office-holders: every entry validates, facts hold."""

from __future__ import annotations

import datetime as dt

import pytest

from rift.errors import RiftError
from rift.kb import (
    holders_named,
    load_named_events,
    load_office_holders,
    parse_named_events,
    parse_office_holders,
    successor_of,
)


def _date(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def test_dates_kb_office_holders_validate():
    holders = load_office_holders()
    assert len(holders) >= 300
    ids = [h.id for h in holders]
    assert len(ids) == len(set(ids))
    for h in holders:
        assert h.name.strip() and all(v.strip() for v in h.variants), h.id
        assert len(h.country) == 3 and h.country.isupper(), h.id
        start = _date(h.start)
        if h.end is not None:
            assert start <= _date(h.end), h.id
        assert 1830 <= start.year <= 2026, h.id  # (office_holders_recent.yaml runs to today)


def test_dates_kb_named_events_validate():
    events = load_named_events()
    assert len(events) >= 300
    ids = [e.id for e in events]
    assert len(ids) == len(set(ids))
    for e in events:
        assert e.names and all(n.strip() for n in e.names), e.id
        assert _date(e.start) <= _date(e.end), e.id
        assert all(len(c) == 3 for c in e.countries), e.id
    in_range = [e for e in events if 1900 <= _date(e.start).year <= 1991]
    assert len(in_range) >= 300


@pytest.mark.parametrize("event_id, start, end", [
    ("korean_war", "1950-06-25", "1953-07-27"),
    ("cuban_missile_crisis", "1962-10-16", "1962-10-28"),
    ("sino_indian_war", "1962-10-20", "1962-11-21"),
    ("cpsu_congress_20", "1956-02-14", "1956-02-25"),
    ("cpsu_congress_22", "1961-10-17", "1961-10-31"),
    ("cpsu_congress_27", "1986-02-25", "1986-03-06"),
    ("second_taiwan_strait_crisis", "1958-08-23", "1958-12-01"),
])
def test_dates_kb_event_facts(event_id, start, end):
    e = {x.id: x for x in load_named_events()}[event_id]
    assert (e.start, e.end) == (start, end)


@pytest.mark.parametrize("name", ["the Twentieth Congress", "22nd Party Congress", "Twenty-second Congress of the Soviet Party",
                                  "Twenty-third Party Congress"])
def test_dates_kb_congress_names_generated(name):
    key = name.lower().removeprefix("the ")
    assert any(key == n.lower() for e in load_named_events() if e.body == "CPSU" for n in e.names)


def test_dates_kb_khrushchev_overthrow():
    hs = holders_named("Khrushchev")
    first_sec = next(h for h in hs if h.id == "sun_khrushchev_firstsec")
    assert (first_sec.country, first_sec.end, first_sec.end_reason) == ("SUN", "1964-10-14", "ousted")
    assert "Khrushchev's overthrow" in first_sec.end_event_names
    assert "the fall of Khrushchev" in first_sec.end_event_names


def test_dates_kb_successor_of_stalin_is_khrushchev():
    stalin = next(h for h in load_office_holders() if h.id == "sun_stalin_gensec")
    assert successor_of(stalin).id == "sun_khrushchev_firstsec"


@pytest.mark.parametrize("entry, message", [
    ({"id": "x", "name": "X", "country": "SUN", "office": "P", "start": "1960-01-01", "end": "1950-01-01"}, "before it starts"),
    ({"id": "x", "name": "X", "country": "SUN", "office": "P", "start": "1960-02-30"}, "not a real date"),
    ({"id": "x", "name": "", "country": "SUN", "office": "P", "start": "1960-01-01"}, "'name'"),
    ({"id": "x", "name": "X", "country": "Soviet", "office": "P", "start": "1960-01-01"}, "'country'"),
    ({"id": "x", "name": "X", "country": "SUN", "office": "P", "start": "1960-01-01", "end_reason": "bored"}, "end_reason"),
])
def test_dates_kb_bad_holder_is_refused(entry, message):
    with pytest.raises(RiftError, match=message):
        parse_office_holders([entry])


def test_dates_kb_duplicate_ids_and_bad_events_are_refused():
    ok = {"id": "x", "name": "X", "country": "SUN", "office": "P", "start": "1960-01-01"}
    with pytest.raises(RiftError, match="twice"):
        parse_office_holders([ok, ok])
    with pytest.raises(RiftError, match="'names'"):
        parse_named_events({"events": [{"id": "e", "names": [], "type": "war", "start": "1950-01-01", "end": "1950-02-01"}]})
    with pytest.raises(RiftError, match="'type'"):
        parse_named_events({"events": [{"id": "e", "names": ["E"], "type": "party", "start": "1950-01-01", "end": "1950-02-01"}]})


def test_dates_kb_a_pact_named_as_a_standing_body_is_no_date():
    from rift.dates.normalize import find_timexes

    text = "In October 1956 Hungary rose. On 1 November Nagy announced that Hungary was leaving the Warsaw Pact."
    assert not [t for t in find_timexes(text) if t.kb == "warsaw_pact"]  # the body, not its founding in 1955
    text = "Albania was a founding member, and after the founding of the Warsaw Pact Soviet troops stayed."
    assert [t.value for t in find_timexes(text) if t.kb == "warsaw_pact"] == ["1955-05"]


def test_dates_kb_recent_office_holders_begin_after_the_soviet_union():
    """office_holders_recent.yaml holds tenures begun from 1991-12-26 on; the old file the rest."""
    import yaml

    from rift.kb import RECENT_OFFICE_HOLDERS_PATH

    rows = yaml.safe_load(RECENT_OFFICE_HOLDERS_PATH.read_text(encoding="utf-8"))
    assert len(rows) >= 1000
    assert all(str(r["start"]) >= "1991-12-26" for r in rows), [r["id"] for r in rows if str(r["start"]) < "1991-12-26"][:5]
    names = {h.name for h in load_office_holders()}
    assert {"Bill Clinton", "Vladimir Putin", "Isaias Afwerki"} <= names
