"""Phases of a relationship: change points in the yearly relations index, labelled.

The rules, all in :class:`PhaseRules` and documented in ``docs/analysis.md``:

* phases are found per *undirected* dyad with at least ``min_events`` (weighted) dated events;
* the signal is the yearly ``intensity_mean``; a year needs ``min_bin_mass`` of event weight
  to have a value of its own, lighter or empty years are filled by linear interpolation between
  their neighbours, and a run of more than ``max_gap`` such years splits the series into
  segments that are analysed separately (no change point is placed inside a long silence);
* change points: ``ruptures.Pelt`` with the ``l2`` cost, ``min_size`` years per phase, and the
  penalty ``penalty_c * sigma**2 * log(n)`` (a BIC-like rule: ``penalty_c = 2`` for one new mean
  and one new location per change), with ``sigma`` the noise of the series estimated robustly
  from the observed years as ``MAD(first differences) / (0.6745 * sqrt(2))``, floored at
  ``sigma_floor`` intensity points. Nothing in it is tuned on any text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable

import numpy as np

from rift.analysis.series import Contribution, aggregate, contributions, dyad_signal
from rift.records import Event, Phase, PhaseSpan


@dataclass(frozen=True)
class PhaseRules:
    """Every constant of phase detection and labelling."""

    min_events: float = 5.0
    min_bin_mass: float = 0.5
    max_gap: int = 5
    min_size: int = 2
    penalty_c: float = 2.0
    sigma_floor: float = 1.0
    cooperative: float = 1.0
    tense: float = -1.0
    hostile: float = -3.0
    shift: float = 1.5
    trend: float = 3.0
    top_events: int = 5


DEFAULT_RULES = PhaseRules()


@dataclass(frozen=True)
class Segment:
    """A run of consecutive years of one dyad's index, gaps filled."""

    years: list[int]
    values: np.ndarray
    observed: np.ndarray  # bool per year: had min_bin_mass of its own


def segments(signal: dict[int, tuple[float, float]], rules: PhaseRules = DEFAULT_RULES) -> list[Segment]:
    """Split a yearly ``{year: (mean, mass)}`` signal at long gaps and fill the short ones.

    Years with less than ``rules.min_bin_mass`` of weight count as gaps; a gap of up to
    ``rules.max_gap`` years is filled by linear interpolation, a longer one ends the segment.
    """
    years = sorted(y for y, (_m, mass) in signal.items() if mass >= rules.min_bin_mass)
    if not years:
        return []
    runs: list[list[int]] = [[years[0]]]
    for y in years[1:]:
        if y - runs[-1][-1] - 1 > rules.max_gap:
            runs.append([y])
        else:
            runs[-1].append(y)
    out = []
    for run in runs:
        span = list(range(run[0], run[-1] + 1))
        obs = np.array([y in set(run) for y in span])
        values = np.interp(span, run, [signal[y][0] for y in run])
        out.append(Segment(span, values, obs))
    return out


def robust_sigma(values: np.ndarray, observed: np.ndarray, floor: float) -> float:
    """Noise level of a series: MAD of the first differences of its observed values / (0.6745 sqrt 2)."""
    v = values[observed]
    if len(v) < 3:
        return floor
    d = np.diff(v)
    mad = float(np.median(np.abs(d - np.median(d))))
    return max(mad / (0.6745 * math.sqrt(2)), floor)


def penalty(seg: Segment, rules: PhaseRules = DEFAULT_RULES) -> float:
    """The change-point penalty of a segment: ``c * sigma^2 * log(n)``."""
    sigma = robust_sigma(seg.values, seg.observed, rules.sigma_floor)
    return rules.penalty_c * sigma**2 * math.log(max(len(seg.values), 2))


def change_points(values: np.ndarray, pen: float, min_size: int = 2) -> list[int]:
    """Indexes where a new regime starts (PELT, ``l2`` cost). Empty for short series."""
    import ruptures

    if len(values) < 2 * min_size:
        return []
    algo = ruptures.Pelt(model="l2", min_size=min_size, jump=1).fit(np.asarray(values, dtype=float).reshape(-1, 1))
    return [int(b) for b in algo.predict(pen=pen) if b < len(values)]


def trend(values: np.ndarray) -> float:
    """Change across a run of values along its least-squares line (0 for fewer than 3 values)."""
    n = len(values)
    if n < 3:
        return 0.0
    slope = np.polyfit(np.arange(n), values, 1)[0]
    return float(slope * (n - 1))


def label_phase(mean: float, previous: float | None, change: float, rules: PhaseRules = DEFAULT_RULES) -> str:
    """Name a phase from its mean, the previous phase's mean and its own trend.

    In order: ``cooperative`` (mean >= rules.cooperative), ``hostile`` (mean <= rules.hostile);
    else ``deteriorating`` / ``improving`` when the mean moved by ``rules.shift`` from the
    previous phase's or the phase's own trend moves by ``rules.trend``; else ``tense`` (mean
    <= rules.tense) or ``mixed``.
    """
    if mean >= rules.cooperative:
        return "cooperative"
    if mean <= rules.hostile:
        return "hostile"
    if previous is not None and mean <= previous - rules.shift:
        return "deteriorating"
    if previous is not None and mean >= previous + rules.shift:
        return "improving"
    if change <= -rules.trend:
        return "deteriorating"
    if change >= rules.trend:
        return "improving"
    return "tense" if mean <= rules.tense else "mixed"


def top_events(contribs: Iterable[Contribution], first: int, last: int, k: int) -> list[str]:
    """Ids of the ``k`` events that weigh most (weight x |intensity|) in bins ``first..last``."""
    score: dict[str, float] = {}
    for c in contribs:
        if first <= c.bin <= last:
            score[c.event] = score.get(c.event, 0.0) + c.weight * abs(c.intensity)
    ranked = sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))
    return [e for e, s in ranked[:k] if s > 0]


def dyad_phases(dyad: str, contribs: list[Contribution], rules: PhaseRules = DEFAULT_RULES) -> Phase | None:
    """The phases of one undirected dyad from its (yearly) contributions, or None if too few events."""
    mine = [c for c in contribs if c.dyad == dyad]
    if sum(c.weight for c in mine) < rules.min_events:
        return None
    signal = dyad_signal(aggregate(mine, "year"), dyad, "year")
    spans: list[PhaseSpan] = []
    cps: list[str] = []
    for seg in segments(signal, rules):
        previous = None  # a long silence starts the comparison afresh
        bounds = [0, *change_points(seg.values, penalty(seg, rules), rules.min_size), len(seg.values)]
        for i, (a, b) in enumerate(zip(bounds, bounds[1:])):
            vals = seg.values[a:b]
            mean = float(np.mean(vals))
            first, last = seg.years[a], seg.years[b - 1]
            if i > 0:
                cps.append(str(first))
            spans.append(PhaseSpan(
                start=str(first),
                end=str(last),
                mean=round(mean, 3),
                label=label_phase(mean, previous, trend(vals), rules),
                events=top_events(mine, first, last, rules.top_events),
            ))
            previous = mean
    if not spans:
        return None
    return Phase(dyad=dyad, phases=spans, change_points=cps)


def detect_phases(events: Iterable[Event], rules: PhaseRules = DEFAULT_RULES) -> list[Phase]:
    """One :class:`~rift.records.Phase` per undirected dyad with enough events, sorted by dyad."""
    contribs = [c for c in contributions(events, "year") if not c.directed]
    out = []
    for dyad in sorted({c.dyad for c in contribs}):
        ph = dyad_phases(dyad, contribs, rules)
        if ph is not None:
            out.append(ph)
    return out
