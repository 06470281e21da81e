"""The author's claims about time, tested against the relations index and its phases.

Every claim is tested on one undirected dyad: the one with the most (weighted) dated events in
the claim's own document among the dyads that have phases (else the corpus's largest). The
rules, all in :class:`ClaimRules`, are documented in ``docs/analysis.md``:

* a **periodisation** (``kind: phase``) is right about its boundaries when a detected change
  point lies within ``tolerance`` years of each, and right about its characterisation when the
  index's mean over its interval has the sign the characterisation implies;
* a **thesis** (and a view ``attributed`` to others) is right when, from its date on, the index
  sits in the regime it names and stays there (at least ``stay_share`` of the observed years);
* a **turning point** is right when a change point lies within ``tolerance`` years of it and
  the index moves the way the claim says.

Verdicts: ``supported``, ``contradicted``, or ``not enough evidence`` when fewer than
``min_events`` weighted events fall in the window tested or the date lies outside the series.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from rift.analysis.lexicon import direction_of
from rift.analysis.series import Contribution, contributions, dyad_signal, aggregate
from rift.records import Claim, Event, Phase

SUPPORTED, CONTRADICTED, NO_EVIDENCE = "supported", "contradicted", "not enough evidence"
Outcome = tuple[str, list[str], dict]  # verdict, evidence (event ids), test details


@dataclass(frozen=True)
class ClaimRules:
    """Every constant of claim testing."""

    tolerance: int = 1
    min_events: float = 2.0
    level_margin: float = 0.5
    stay_share: float = 0.75
    min_bin_mass: float = 0.5
    evidence: int = 5
    window: int = 3


DEFAULT_CLAIM_RULES = ClaimRules()
_YEAR = re.compile(r"^\s*(-?\d{1,4})")


def claim_year(value) -> int | None:
    """The year of an interval end: an int, ``"1956"`` or an ISO date ``"1956-02-14"``."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value)
    m = _YEAR.match(str(value))
    return int(m.group(1)) if m else None


def claim_years(claim: Claim) -> tuple[int | None, int | None]:
    """``(start, end)`` years of a claim's interval (None where absent or open)."""
    iv = claim.interval or {}
    return claim_year(iv.get("start")), claim_year(iv.get("end"))


def claim_direction(claim: Claim) -> int:
    """+1 when the claim calls relations cooperative, -1 hostile, 0 when it does not say.

    Read from the characterisation, else from the claim's text (``data/regimes.yaml``).
    """
    return direction_of(claim.characterisation) or direction_of(claim.text)


# --- the tables a test reads -------------------------------------------------------------


def dyad_masses(contribs: Iterable[Contribution], phases: dict[str, Phase], doc_of: dict[str, str]) -> dict:
    """Weighted events per dyad with phases: ``{None: {dyad: w}, doc id: {dyad: w}, ...}``
    (``None`` holds the whole corpus). ``doc_of`` maps event ids to document ids."""
    out: dict[str | None, dict[str, float]] = {None: {}}
    for c in contribs:
        if c.dyad in phases:
            for key in (None, doc_of.get(c.event)):
                bucket = out.setdefault(key, {})
                bucket[c.dyad] = bucket.get(c.dyad, 0.0) + c.weight
    return out


def dyad_for(claim: Claim, masses: dict) -> str | None:
    """The undirected dyad a claim is tested on: the heaviest of its document's dyads with
    phases, else of the corpus's (``masses`` from :func:`dyad_masses`)."""
    pool = masses.get(claim.doc) or masses.get(None) or {}
    if not pool:
        return None
    return max(sorted(pool), key=lambda d: pool[d])


def phase_range(phase: Phase) -> tuple[int, int]:
    """First and last year the phases of a dyad cover."""
    return int(phase.phases[0].start), int(phase.phases[-1].end)


def nearest_change_point(year: int, phase: Phase) -> tuple[int | None, int | None]:
    """The detected change point nearest ``year`` and its distance in years (None, None if none)."""
    cps = [int(c) for c in phase.change_points]
    if not cps:
        return None, None
    best = min(cps, key=lambda c: (abs(c - year), c))
    return best, abs(best - year)


def boundary_test(
    year: int, phase: Phase, rules: ClaimRules, *, is_end: bool = False, until: int | None = None
) -> dict:
    """How one claimed boundary compares with the detected change points.

    A phase said to start in ``year`` expects a change point there; one said to end in ``year``
    expects it in ``year`` (the year it turned) or ``year + 1`` (the first year after); a turning
    point dated to a range (``year`` .. ``until``, "the mid 1960's") expects it anywhere inside.
    The distance is 0 inside the expected years, else the years to the nearest of them. A
    boundary is testable when the series has data on both sides of one of its years.
    """
    first, last = phase_range(phase)
    lo, hi = year, (year + 1 if is_end else max(year, until if until is not None else year))
    testable = any(first < t <= last for t in range(lo, hi + 1))
    cps = [int(c) for c in phase.change_points]
    cp = distance = None
    if cps:
        def gap(c: int) -> int:
            return 0 if lo <= c <= hi else min(abs(c - lo), abs(c - hi))

        cp = min(cps, key=lambda c: (gap(c), c))
        distance = gap(cp)
    return {
        "boundary": year,
        "expected": [lo, hi],
        "side": "end" if is_end else "start",
        "testable": testable,
        "nearest_change_point": cp,
        "distance": distance,
        "agreement": bool(testable and distance is not None and distance <= rules.tolerance),
    }


def window(contribs: Iterable[Contribution], dyad: str, first: int | None, last: int | None) -> dict:
    """Weighted mean intensity, weight and per-event scores of a dyad's events in ``first..last``."""
    total = weight = 0.0
    score: dict[str, float] = {}
    for c in contribs:
        if c.dyad != dyad or (first is not None and c.bin < first) or (last is not None and c.bin > last):
            continue
        total += c.weight * c.intensity
        weight += c.weight
        score[c.event] = score.get(c.event, 0.0) + c.weight * c.intensity
    return {"mean": total / weight if weight else None, "mass": weight, "scores": score}


def ranked(scores: dict[str, float], sign: int, k: int) -> list[str]:
    """Ids of the ``k`` events pulling hardest in direction ``sign`` (+1 or -1)."""
    pull = sorted(((sign * s, e) for e, s in scores.items() if sign * s > 0), key=lambda t: (-t[0], t[1]))
    return [e for _s, e in pull[:k]]


def level(direction: int, mean: float | None, rules: ClaimRules) -> str:
    """Does a mean sit on the side ``direction`` names: agrees, disagrees, unclear, unknown."""
    if direction == 0 or mean is None:
        return "unknown"
    if direction * mean > rules.level_margin:
        return "agrees"
    if direction * mean < -rules.level_margin:
        return "disagrees"
    return "unclear"


# --- one test per kind of claim ----------------------------------------------------------


def check_periodisation(claim: Claim, dyad: str, phase: Phase, contribs, rules: ClaimRules) -> Outcome:
    """Verdict, evidence and details for a ``phase`` claim (see the module docstring)."""
    start, end = claim_years(claim)
    first, last = phase_range(phase)
    bounds = []
    if start is not None:
        bounds.append(boundary_test(start, phase, rules))
    if end is not None:
        bounds.append(boundary_test(end, phase, rules, is_end=True))
    testable = [b for b in bounds if b["testable"]]
    share = sum(b["agreement"] for b in testable) / len(testable) if testable else None
    direction = claim_direction(claim)
    win = window(contribs, dyad, start, end if end is not None else last)
    lvl = level(direction, win["mean"], rules)
    if win["mass"] < rules.min_events and not testable:
        verdict = NO_EVIDENCE
    elif lvl == "disagrees" or (share is not None and share < 0.5):
        verdict = CONTRADICTED
    elif lvl == "agrees" or share is not None:
        verdict = SUPPORTED
    else:
        verdict = NO_EVIDENCE
    sign = direction or (1 if (win["mean"] or 0) >= 0 else -1)
    supporting = ranked(win["scores"], sign, rules.evidence)
    contradicting = ranked(win["scores"], -sign, rules.evidence) if direction else []
    details = {
        "dyad": dyad,
        "method": "periodisation",
        "boundaries": bounds,
        "boundary_agreement": share,
        "direction": direction,
        "mean": _r(win["mean"]),
        "n_events": _r(win["mass"]),
        "level": lvl,
        "series_range": [first, last],
        "supporting": supporting,
        "contradicting": contradicting,
    }
    return verdict, _union(supporting, contradicting), details


def check_thesis(claim: Claim, dyad: str, phase: Phase, contribs, rules: ClaimRules) -> Outcome:
    """Verdict, evidence and details for a thesis: from its date on, is the index in the regime
    the thesis names, and does it stay there?"""
    start, end = claim_years(claim)
    first, last = phase_range(phase)
    date = start if start is not None else end
    if date is None:
        return NO_EVIDENCE, [], {"dyad": dyad, "method": "thesis", "reason": "the claim has no date"}
    # a thesis about a point in time ("by 1965") holds from then on; one about a span, over it
    until = end if (start is not None and end is not None and end > start) else last
    after = window(contribs, dyad, date, until)
    before = window(contribs, dyad, None, date - 1)
    direction = claim_direction(claim)
    source = "claim"
    if direction == 0:
        direction = 0 if after["mean"] is None else (1 if after["mean"] >= 0 else -1)
        source = "index"
    signal = dyad_signal(aggregate([c for c in contribs if c.dyad == dyad], "year"), dyad)
    years = sorted(y for y, (_m, mass) in signal.items() if date <= y <= until and mass >= rules.min_bin_mass)
    held = [y for y in years if direction * signal[y][0] > 0]
    share = len(held) / len(years) if years else None
    cp, dist = nearest_change_point(date, phase)
    if after["mass"] < rules.min_events or not years or direction == 0:
        verdict = NO_EVIDENCE
    elif direction * after["mean"] > rules.level_margin and share >= rules.stay_share:
        verdict = SUPPORTED
    else:
        verdict = CONTRADICTED
    supporting = ranked(after["scores"], direction, rules.evidence) if direction else []
    contradicting = ranked(after["scores"], -direction, rules.evidence) if direction else []
    details = {
        "dyad": dyad,
        "method": "thesis",
        "date": date,
        "window": [date, until],
        "direction": direction,
        "direction_from": source,
        "mean_before": _r(before["mean"]),
        "mean_after": _r(after["mean"]),
        "n_events_after": _r(after["mass"]),
        "years_tested": years,
        "years_out_of_regime": [y for y in years if y not in held],
        "stay_share": _r(share),
        "nearest_change_point": cp,
        "distance": dist,
        "agreement": dist is not None and dist <= rules.tolerance,
        "series_range": [first, last],
        "supporting": supporting,
        "contradicting": contradicting,
    }
    return verdict, _union(supporting, contradicting), details


def check_turning_point(claim: Claim, dyad: str, phase: Phase, contribs, rules: ClaimRules) -> Outcome:
    """Verdict, evidence and details for a turning point: a change point near its date, the
    index moving the way it says."""
    start, end = claim_years(claim)
    first, last = phase_range(phase)
    date = start if start is not None else end
    if date is None:
        return NO_EVIDENCE, [], {"dyad": dyad, "method": "turning_point", "reason": "the claim has no date"}
    b = boundary_test(date, phase, rules, until=end if start is not None else None)
    before = window(contribs, dyad, date - rules.window, date - 1)
    after = window(contribs, dyad, date, max(date, end or date) + rules.window - 1)
    direction = claim_direction(claim)
    moved = None
    if before["mean"] is not None and after["mean"] is not None:
        moved = after["mean"] - before["mean"]
    if not b["testable"] or before["mass"] + after["mass"] < rules.min_events:
        verdict = NO_EVIDENCE
    elif b["agreement"] and (direction == 0 or moved is None or direction * moved > 0):
        verdict = SUPPORTED
    else:
        verdict = CONTRADICTED
    sign = direction or (1 if (moved or 0) >= 0 else -1)
    supporting = ranked(after["scores"], sign, rules.evidence)
    contradicting = ranked(after["scores"], -sign, rules.evidence) if direction else []
    details = {
        "dyad": dyad,
        "method": "turning_point",
        **b,
        "direction": direction,
        "mean_before": _r(before["mean"]),
        "mean_after": _r(after["mean"]),
        "change": _r(moved),
        "series_range": [first, last],
        "supporting": supporting,
        "contradicting": contradicting,
    }
    return verdict, _union(supporting, contradicting), details


_CHECKS = {
    "phase": check_periodisation,
    "thesis": check_thesis,
    "attributed": check_thesis,
    "turning_point": check_turning_point,
}


def test_claims(
    claims: Iterable[Claim],
    events: Iterable[Event],
    phases: Iterable[Phase],
    rules: ClaimRules = DEFAULT_CLAIM_RULES,
    *,
    contribs: Iterable[Contribution] | None = None,
) -> list[Claim]:
    """Each claim with ``verdict``, ``evidence`` (event ids) and ``test`` (details) filled in.

    ``contribs``: the events' yearly :func:`~rift.analysis.series.contributions`, when already
    computed.
    """
    events = list(events)
    by_dyad = {p.dyad: p for p in phases}
    per_dyad: dict[str, list[Contribution]] = {}
    for c in contributions(events, "year") if contribs is None else contribs:
        if not c.directed:
            per_dyad.setdefault(c.dyad, []).append(c)
    masses = dyad_masses((c for cs in per_dyad.values() for c in cs), by_dyad, {e.id: e.doc for e in events})
    out = []
    for claim in claims:
        dyad = dyad_for(claim, masses)
        if dyad is None:
            verdict, evidence, details = NO_EVIDENCE, [], {"reason": "no dyad has enough dated events for phases"}
        elif claim.interval is None or claim_years(claim) == (None, None):
            verdict, evidence, details = NO_EVIDENCE, [], {"dyad": dyad, "reason": "the claim has no date"}
        else:
            verdict, evidence, details = _CHECKS[claim.kind](claim, dyad, by_dyad[dyad], per_dyad[dyad], rules)
        out.append(claim.model_copy(update={"verdict": verdict, "evidence": evidence, "test": details}))
    return out


test_claims.__test__ = False  # a library function, not a pytest test


def _union(a: list[str], b: list[str]) -> list[str]:
    return list(dict.fromkeys([*a, *b]))


def _r(x: float | None) -> float | None:
    return None if x is None else round(float(x), 3)
