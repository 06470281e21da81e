"""The relations index: intensity per dyad and time bin, from the event table.

Two pure functions over tables: :func:`contributions` says how much of which event falls in
which dyad and bin; :func:`relations_index` sums those into the rows of ``series.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from rift.analysis.timebins import bin_label, check_bin, label_index, spread
from rift.analysis.weights import event_days, event_weight, quad_class
from rift.analysis.lexicon import QUAD_CLASSES
from rift.records import Event

SERIES_COLUMNS = [
    "dyad", "bin", "intensity_sum", "intensity_mean", "n_events",
    "verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
]
_DIGITS = 4


@dataclass(frozen=True)
class Contribution:
    """The share of one event that falls in one dyad and one time bin."""

    event: str
    dyad: str
    directed: bool
    bin: int
    weight: float
    intensity: float
    quad: str


def directed_dyad(source: str, target: str) -> str:
    """``"SUN->CHN"``: who acted on whom."""
    return f"{source}->{target}"


def undirected_dyad(a: str, b: str) -> str:
    """``"CHN-SUN"``: the pair, codes sorted."""
    x, y = sorted((a, b))
    return f"{x}-{y}"


def contributions(events: Iterable[Event], bin: str = "year") -> list[Contribution]:
    """Spread every dated dyadic event over its dyads and time bins.

    Each event yields rows for its directed dyad and its undirected dyad; its weight
    (:func:`rift.analysis.weights.event_weight`) is shared among the bins its date covers in
    proportion to the days of overlap. Events without a target, with the same actor on both
    sides, undated, too vaguely dated or of weight 0 yield nothing.
    """
    check_bin(bin)
    out: list[Contribution] = []
    for ev in events:
        if not ev.target or ev.target == ev.source:
            continue
        w = event_weight(ev)
        days = event_days(ev)
        if w <= 0 or days is None:
            continue
        quad = quad_class(ev)
        for idx, share in spread(days[0], days[1], bin):
            for dyad, directed in (
                (directed_dyad(ev.source, ev.target), True),
                (undirected_dyad(ev.source, ev.target), False),
            ):
                out.append(Contribution(ev.id, dyad, directed, idx, w * share, ev.intensity, quad))
    return out


def relations_index(events: Iterable[Event], bin: str = "year") -> list[dict]:
    """The rows of ``series.csv``: one per dyad and non-empty bin, sorted by dyad then time.

    Columns (:data:`SERIES_COLUMNS`): ``intensity_sum`` is the weighted sum of intensities,
    ``n_events`` the weighted number of events (fractional when dates are spread or events
    discounted), ``intensity_mean`` their ratio, and the four quad columns the weighted number
    of events of each PLOVER quad class. Both directed (``SUN->CHN``) and undirected
    (``CHN-SUN``) dyads are listed.
    """
    return aggregate(contributions(events, bin), bin)


def aggregate(contribs: Iterable[Contribution], bin: str = "year") -> list[dict]:
    """Sum contributions into series rows (see :func:`relations_index`)."""
    acc: dict[tuple[str, int], dict] = {}
    for c in contribs:
        row = acc.get((c.dyad, c.bin))
        if row is None:
            row = acc[(c.dyad, c.bin)] = {"intensity_sum": 0.0, "n_events": 0.0, **{q: 0.0 for q in QUAD_CLASSES}}
        row["intensity_sum"] += c.weight * c.intensity
        row["n_events"] += c.weight
        row[c.quad] += c.weight
    rows = []
    for (dyad, idx), r in sorted(acc.items()):
        n = r["n_events"]
        rows.append({
            "dyad": dyad,
            "bin": bin_label(idx, bin),
            "intensity_sum": round(r["intensity_sum"], _DIGITS),
            "intensity_mean": round(r["intensity_sum"] / n, _DIGITS) if n > 0 else 0.0,
            "n_events": round(n, _DIGITS),
            **{q: round(r[q], _DIGITS) for q in QUAD_CLASSES},
        })
    return rows


def dyad_signal(rows: Iterable[dict], dyad: str, bin: str = "year") -> dict[int, tuple[float, float]]:
    """``{bin index: (intensity_mean, n_events)}`` of one dyad's series rows."""
    return {
        label_index(r["bin"], bin): (float(r["intensity_mean"]), float(r["n_events"]))
        for r in rows
        if r["dyad"] == dyad
    }
