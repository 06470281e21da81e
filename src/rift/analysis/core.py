"""Corpus-level analysis: pure functions from record tables to record tables."""

from __future__ import annotations

from dataclasses import dataclass, field

from rift.records import Claim, Event, Phase


@dataclass
class AnalysisOutput:
    """What the analysis stage adds to a run."""

    events: list[Event]
    claims: list[Claim]
    series: list[dict] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)


SERIES_COLUMNS = [
    "dyad", "bin", "intensity_sum", "intensity_mean", "n_events",
    "verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
]


def analyse(events: list[Event], claims: list[Claim], *, bin: str = "year") -> AnalysisOutput:
    """Build the relations index and phases, and test the claims (placeholder: passes through)."""
    return AnalysisOutput(events=events, claims=claims)
