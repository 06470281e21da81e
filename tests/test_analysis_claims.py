"""Claims tested against the index: periodisations, theses, turning points, verdicts."""

from __future__ import annotations

import pytest

import rift.analysis.claims as claims_mod
from rift.analysis.lexicon import direction_of
from rift.analysis.phases import detect_phases
from rift.records import Claim, Event, TimeSpan


def _event(i, year, intensity, src="SUN", tgt="CHN", doc="d1"):
    ts = TimeSpan(value=str(year), start=f"{year}-01-01", end=f"{year}-12-31", precision="year")
    return Event(id=f"e{i}", doc=doc, sentence="s", start=0, end=1, source=src, target=tgt, category="X",
                 intensity=intensity, date=ts)


def _table(levels: dict[tuple[int, int], float], per_year: int = 2, doc: str = "d1") -> list[Event]:
    out = []
    for (a, b), lvl in levels.items():
        for y in range(a, b + 1):
            for k in range(per_year):
                out.append(_event(f"{doc}-{len(out)}", y, lvl + (0.5 if (y + k) % 2 else -0.5), doc=doc))
    return out


def _claim(kind, start, end, text="", characterisation=None, doc="d1"):
    return Claim(id=f"c-{kind}-{start}-{end}", doc=doc, kind=kind, text=text, start=0, end=1,
                 interval={"start": start, "end": end}, characterisation=characterisation)


def _test(claims, events):
    return claims_mod.test_claims(claims, events, detect_phases(events))


# cordial 1950-57, hostile 1958-64, very hostile 1965-69
THREE = {(1950, 1957): 4.0, (1958, 1964): -3.5, (1965, 1969): -7.5}


@pytest.mark.parametrize("text,direction", [
    ("relations were cordial", 1),
    ("the two nations were on relatively good terms", 1),
    ("disputes escalated into a schism", -1),
    ("relations began to improve as both nations began to trust one another", 1),
    ("the two nations had split into separate socialist systems", -1),
    ("relations were not cordial", -1),
    ("by 1965 the schism was complete", -1),
    ("from 1960 to 1964", 0),
    ("a source of several reports", 0),  # no false hits inside words
])
def test_claims_direction_of(text, direction):
    assert direction_of(text) == direction


@pytest.mark.parametrize("value,year", [(1956, 1956), ("1956", 1956), ("1956-02-14", 1956), ("-0500", -500), (None, None), ("x", None)])
def test_claims_claim_year(value, year):
    assert claims_mod.claim_year(value) == year


def test_claims_periodisation_supported_when_boundaries_and_level_agree():
    evs = _table(THREE)
    (c,) = _test([_claim("phase", 1958, 1964, "relations soured into open polemics")], evs)
    assert c.verdict == "supported"
    assert c.test["boundary_agreement"] == 1.0
    assert c.test["level"] == "agrees"
    assert c.test["boundaries"][0]["nearest_change_point"] == 1958
    assert c.test["boundaries"][0]["distance"] == 0
    assert c.evidence and set(c.evidence) <= {e.id for e in evs}


def test_claims_periodisation_within_tolerance():
    (c,) = _test([_claim("phase", 1959, 1964, "hostile")], _table(THREE))
    assert c.test["boundaries"][0]["distance"] == 1 and c.test["boundaries"][0]["agreement"]
    assert c.verdict == "supported"


def test_claims_periodisation_contradicted_by_level():
    # the claim calls hostile years cordial
    (c,) = _test([_claim("phase", 1958, 1964, "cordial relations", "cordial")], _table(THREE))
    assert c.verdict == "contradicted"
    assert c.test["level"] == "disagrees"
    assert c.test["contradicting"]


def test_claims_periodisation_contradicted_by_boundaries():
    # change points at 1958 and 1965; a phase 1953-1961 misses both by more than a year
    (c,) = _test([_claim("phase", 1953, 1961, "")], _table(THREE))
    assert c.test["boundary_agreement"] == 0.0
    assert c.verdict == "contradicted"


def test_claims_open_phase_has_one_boundary():
    (c,) = _test([_claim("phase", 1965, None, "the two nations had split")], _table(THREE))
    assert [b["side"] for b in c.test["boundaries"]] == ["start"]
    assert c.verdict == "supported"


def test_claims_thesis_supported_and_stays():
    evs = _table(THREE)
    (c,) = _test([_claim("thesis", None, 1965, "By 1965 the schism was complete")], evs)
    assert c.verdict == "supported"
    assert c.test["direction"] == -1 and c.test["direction_from"] == "claim"
    assert c.test["stay_share"] == 1.0
    assert c.test["nearest_change_point"] == 1965
    late = {e.id for e in evs if int(e.date.value) >= 1965}
    assert c.evidence and set(c.evidence) <= late


def test_claims_thesis_contradicted_by_a_return_to_cooperation():
    evs = _table({(1950, 1957): 4.0, (1958, 1964): -5.0, (1965, 1970): 4.0})
    (c,) = _test([_claim("thesis", 1960, None, "From 1960 the rupture was permanent")], evs)
    assert c.verdict == "contradicted"
    assert c.test["years_out_of_regime"] == list(range(1965, 1971))
    contra = set(c.test["contradicting"])
    assert contra
    assert all(e.intensity > 0 for e in evs if e.id in contra)


def test_claims_thesis_after_the_evidence_is_not_enough_evidence():
    (c,) = _test([_claim("attributed", 1970, None, "the schism continued to grow after the 1960s")], _table(THREE))
    assert c.verdict == "not enough evidence"


def test_claims_thesis_without_direction_reads_it_from_the_index():
    (c,) = _test([_claim("thesis", 1965, None, "By 1965 it was over")], _table(THREE))
    assert c.test["direction_from"] == "index" and c.test["direction"] == -1
    assert c.verdict == "supported"


@pytest.mark.parametrize("start,end,verdict", [
    (1964, 1966, "supported"),   # a change point (1965) inside "the mid 1960s"
    (1958, None, "supported"),
    (1961, None, "contradicted"),
    (1940, None, "not enough evidence"),  # before the series
])
def test_claims_turning_point(start, end, verdict):
    (c,) = _test([_claim("turning_point", start, end, "")], _table(THREE))
    assert c.verdict == verdict


def test_claims_turning_point_wrong_direction_is_contradicted():
    (c,) = _test([_claim("turning_point", 1958, None, "relations improved", "improved")], _table(THREE))
    assert c.verdict == "contradicted"


def test_claims_without_interval_or_dyad():
    evs = _table(THREE)
    undated = Claim(id="u", doc="d1", kind="thesis", text="x", start=0, end=1)
    (c,) = _test([undated], evs)
    assert c.verdict == "not enough evidence" and c.test["reason"]
    (c,) = claims_mod.test_claims([_claim("thesis", 1960, None)], [], [])
    assert c.verdict == "not enough evidence"


def test_claims_tested_on_the_dyad_of_their_document():
    sino = _table(THREE, doc="d1")
    other = [_event(f"x{i}", 1950 + i, 5.0, src="USA", tgt="GBR", doc="d2") for i in range(20)]
    phases = detect_phases(sino + other)
    (c,) = claims_mod.test_claims([_claim("thesis", 1965, None, "schism")], sino + other, phases)
    assert c.test["dyad"] == "CHN-SUN"
    (c,) = claims_mod.test_claims([_claim("thesis", 1965, None, "alliance", doc="d2")], sino + other, phases)
    assert c.test["dyad"] == "GBR-USA" and c.verdict == "supported"


def test_claims_thesis_at_a_point_holds_from_then_on():
    (c,) = _test([_claim("thesis", 1965, 1965, "By 1965 the schism was complete")], _table(THREE))
    assert c.test["window"] == [1965, 1969]
    (c,) = _test([_claim("thesis", 1958, 1964, "a schism")], _table(THREE))
    assert c.test["window"] == [1958, 1964] and c.verdict == "supported"
