"""Phases of a relationship: change points in the yearly relations index, labelled.

The rules, all in :class:`PhaseRules` and documented in ``docs/analysis.md``:

* phases are found per *undirected* dyad with at least ``min_events`` (weighted) dated events;
* the signal is the yearly ``intensity_mean``, one value per *year with data* (at least
  ``min_bin_mass`` of event weight). Empty or lighter years are not filled in (neither zeros,
  which would read as neutral relations, nor interpolation, which would invent data): they are
  left out of the fit and belong to the phase of the last year with data before them. A run of
  more than ``max_gap`` years without data splits the series into segments analysed separately,
  so no change point is placed inside a long silence;
* change points: ``ruptures.Pelt`` with a *weighted* least-squares cost (:class:`CostWeightedL2`:
  a year's mean counts by the weight of the events behind it, as the mean of one event is
  noisier than the mean of six), at least ``min_size`` years with data per phase, and the
  penalty ``penalty_c * sigma**2 * log(n)`` (Schwarz's criterion: ``penalty_c = 2`` for one new
  mean and one new location per change; ``n`` the years with data in the segment), where ``sigma``
  is the noise of one event's intensity around its year's level: the larger of two estimates,
  one from the year-to-year wobble of the series (:func:`robust_sigma`: MAD of the
  weight-standardised first differences) and one from the spread of events within their years
  (:func:`within_year_sigma`), floored at ``sigma_floor`` intensity points. Nothing in it is
  tuned on any text; docs/analysis.md gives its false-alarm rate on simulated flat series.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable

import numpy as np
import ruptures
from ruptures.base import BaseCost
from ruptures.exceptions import NotEnoughPoints

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
    """A run of years with data of one dyad's index, no gap longer than ``max_gap`` inside."""

    years: np.ndarray  # the years with data, ascending
    values: np.ndarray  # intensity_mean of each
    weights: np.ndarray  # event weight behind each


def segments(signal: dict[int, tuple[float, float]], rules: PhaseRules = DEFAULT_RULES) -> list[Segment]:
    """Keep the years of a ``{year: (mean, weight)}`` signal with ``rules.min_bin_mass`` of weight
    and split them where more than ``rules.max_gap`` years without data lie between two."""
    years = sorted(y for y, (_m, w) in signal.items() if w >= rules.min_bin_mass)
    runs: list[list[int]] = []
    for y in years:
        if runs and y - runs[-1][-1] - 1 <= rules.max_gap:
            runs[-1].append(y)
        else:
            runs.append([y])
    return [
        Segment(np.array(run), np.array([signal[y][0] for y in run]), np.array([signal[y][1] for y in run]))
        for run in runs
    ]


def robust_sigma(values: np.ndarray, weights: np.ndarray | None = None, floor: float = 0.0) -> float:
    """Noise of one unit of weight around the level of a series.

    Consecutive values ``x_i, x_j`` with weights ``w_i, w_j`` differ by noise of variance
    ``sigma^2 (1/w_i + 1/w_j)`` when no change lies between them; standardised by that factor,
    the differences have a median absolute deviation of ``0.6745 sigma``, which a few real changes
    barely move. Without weights every value weighs 1 (the classic ``MAD(diff) / (0.6745 sqrt 2)``).
    Fewer than three values give ``floor``.
    """
    v = np.asarray(values, dtype=float)
    if len(v) < 3:
        return floor
    w = np.ones(len(v)) if weights is None else np.asarray(weights, dtype=float)
    z = np.diff(v) / np.sqrt(1 / w[:-1] + 1 / w[1:])
    mad = float(np.median(np.abs(z - np.median(z))))
    return max(mad / 0.6745, floor)


def within_year_sigma(contribs: Iterable[Contribution]) -> float:
    """Pooled spread of event intensities around their year's weighted mean, per unit weight.

    ``sqrt(sum_years sum_events w (x - mean_year)^2 / sum_years (k_year - 1))``, where an event
    spread over several years counts in each with its share; 0 when no year has two events.
    """
    acc: dict[tuple[str, int], list[float]] = {}
    for c in contribs:
        a = acc.setdefault((c.dyad, c.bin), [0.0, 0.0, 0.0, 0])
        a[0] += c.weight
        a[1] += c.weight * c.intensity
        a[2] += c.weight * c.intensity**2
        a[3] += 1
    ss = sum(max(wxx - wx * wx / w, 0.0) for w, wx, wxx, _k in acc.values() if w > 0)
    df = sum(k - 1 for *_r, k in acc.values())
    return math.sqrt(ss / df) if df > 0 else 0.0


def penalty(seg: Segment, rules: PhaseRules = DEFAULT_RULES, within: float = 0.0) -> float:
    """The change-point penalty of a segment: ``c * sigma^2 * log(n)``, with ``sigma`` the
    larger of :func:`robust_sigma` of the segment and ``within`` (see the module docstring)."""
    sigma = max(robust_sigma(seg.values, seg.weights, rules.sigma_floor), within)
    return rules.penalty_c * sigma**2 * math.log(max(len(seg.values), 2))


class CostWeightedL2(BaseCost):
    """Weighted least squares around the weighted mean: ``sum w_i (x_i - mean_w)^2``.

    A ``ruptures`` cost (``custom_cost=``), fitted on an ``(n, 2)`` array of values and weights;
    it answers each segment in constant time from cumulative sums. It keeps the additivity PELT's
    pruning relies on.
    """

    model = "weighted_l2"

    def __init__(self, min_size: int = 2):
        self.min_size = min_size
        self.signal = None
        self._w = self._wx = self._wxx = None

    def fit(self, signal: np.ndarray) -> "CostWeightedL2":
        """Take an ``(n, 2)`` array: column 0 the values, column 1 their weights."""
        self.signal = signal
        x, w = signal[:, 0], signal[:, 1]
        self._w = np.concatenate([[0.0], np.cumsum(w)])
        self._wx = np.concatenate([[0.0], np.cumsum(w * x)])
        self._wxx = np.concatenate([[0.0], np.cumsum(w * x * x)])
        return self

    def error(self, start: int, end: int) -> float:
        """Cost of the segment ``[start:end]``."""
        if end - start < self.min_size:
            raise NotEnoughPoints
        w = self._w[end] - self._w[start]
        if w <= 0:
            return 0.0
        wx = self._wx[end] - self._wx[start]
        return max(float(self._wxx[end] - self._wxx[start] - wx * wx / w), 0.0)


def change_points(values: np.ndarray, pen: float, min_size: int = 2, weights: np.ndarray | None = None) -> list[int]:
    """Indexes where a new regime starts (PELT, weighted ``l2`` cost). Empty for short series."""
    n = len(values)
    if n < 2 * min_size:
        return []
    w = np.ones(n) if weights is None else np.asarray(weights, dtype=float)
    signal = np.column_stack([np.asarray(values, dtype=float), w])
    algo = ruptures.Pelt(custom_cost=CostWeightedL2(min_size), min_size=min_size, jump=1).fit(signal)
    return [int(b) for b in algo.predict(pen=pen) if b < n]


def trend(years: np.ndarray, values: np.ndarray, weights: np.ndarray | None = None) -> float:
    """Change from a phase's first to its last year along its weighted least-squares line
    (0 for fewer than 3 years)."""
    if len(values) < 3:
        return 0.0
    w = np.ones(len(values)) if weights is None else np.asarray(weights, dtype=float)
    slope = np.polyfit(np.asarray(years, dtype=float), values, 1, w=np.sqrt(w))[0]
    return float(slope * (years[-1] - years[0]))


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


def segment_phases(
    seg: Segment, contribs: list[Contribution], rules: PhaseRules = DEFAULT_RULES, within: float = 0.0
) -> list[PhaseSpan]:
    """Detect and describe the phases of one segment.

    A phase runs from its first year with data to the year before the next phase's first
    year with data (the last phase to the segment's last year). Its ``mean`` is the weighted
    mean intensity of its years (the mean intensity of its events). ``within`` is the dyad's
    :func:`within_year_sigma`.
    """
    pen = penalty(seg, rules, within)
    bounds = [0, *change_points(seg.values, pen, rules.min_size, seg.weights), len(seg.values)]
    spans = []
    previous = None
    for i, (a, b) in enumerate(zip(bounds, bounds[1:])):
        years, vals, w = seg.years[a:b], seg.values[a:b], seg.weights[a:b]
        mean = float(np.average(vals, weights=w))
        first = int(years[0])
        last = int(seg.years[b] - 1) if b < len(seg.years) else int(years[-1])
        spans.append(PhaseSpan(
            start=str(first),
            end=str(last),
            mean=round(mean, 3),
            label=label_phase(mean, previous, trend(years, vals, w), rules),
            events=top_events(contribs, first, last, rules.top_events),
        ))
        previous = mean
    return spans


def dyad_phases(dyad: str, contribs: list[Contribution], rules: PhaseRules = DEFAULT_RULES) -> Phase | None:
    """The phases of one undirected dyad from its yearly contributions (others are ignored),
    or None if it has too few events."""
    mine = [c for c in contribs if c.dyad == dyad]
    if sum(c.weight for c in mine) < rules.min_events:
        return None
    spans: list[PhaseSpan] = []
    cps: list[str] = []
    within = within_year_sigma(mine)
    for seg in segments(dyad_signal(aggregate(mine, "year"), dyad, "year"), rules):
        seg_spans = segment_phases(seg, mine, rules, within)
        cps.extend(s.start for s in seg_spans[1:])
        spans.extend(seg_spans)
    if not spans:
        return None
    return Phase(dyad=dyad, phases=spans, change_points=cps)


def detect_phases(
    events: Iterable[Event], rules: PhaseRules = DEFAULT_RULES, *, contribs: Iterable[Contribution] | None = None
) -> list[Phase]:
    """One :class:`~rift.records.Phase` per undirected dyad with enough events, sorted by dyad.

    ``contribs``: the events' yearly :func:`~rift.analysis.series.contributions`, when already
    computed (``events`` is then not read again).
    """
    by_dyad: dict[str, list[Contribution]] = {}
    for c in contributions(events, "year") if contribs is None else contribs:
        if not c.directed:
            by_dyad.setdefault(c.dyad, []).append(c)
    out = []
    for dyad in sorted(by_dyad):
        ph = dyad_phases(dyad, by_dyad[dyad], rules)
        if ph is not None:
            out.append(ph)
    return out
