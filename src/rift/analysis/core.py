"""Corpus-level analysis: pure functions from record tables to record tables.

``analyse`` chains them: narratives merged (:func:`~rift.analysis.merge.merge_events`), the
relations index (:func:`~rift.analysis.series.relations_index`), phases
(:func:`~rift.analysis.phases.detect_phases`) and the claims tested
(:func:`~rift.analysis.claims.test_claims`). The rules are in ``docs/analysis.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rift.analysis.claims import test_claims
from rift.analysis.merge import merge_events
from rift.analysis.phases import detect_phases
from rift.analysis.series import SERIES_COLUMNS, aggregate, contributions, relations_index
from rift.analysis.timebins import check_bin
from rift.records import Claim, Event, Phase

__all__ = ["AnalysisOutput", "SERIES_COLUMNS", "analyse"]


@dataclass
class AnalysisOutput:
    """What the analysis stage adds to a run."""

    events: list[Event]
    claims: list[Claim]
    series: list[dict] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)


def analyse(events: list[Event], claims: list[Claim], *, bin: str = "year") -> AnalysisOutput:
    """Merge the narratives, build the relations index and phases, and test the claims.

    Args:
        events: the events of every document.
        claims: the claims of every document.
        bin: time bin of ``series`` (year, quarter, month, decade). Phases and claim tests
            always use years.

    Returns:
        An :class:`AnalysisOutput`: the merged events, the claims with verdicts, the series
        rows (columns :data:`SERIES_COLUMNS`) and one :class:`~rift.records.Phase` per dyad
        with enough events.

    Raises:
        rift.analysis.timebins.BinError: ``bin`` is not one of the four.
    """
    check_bin(bin)
    merged = merge_events(events)
    yearly = contributions(merged, "year")
    phases = detect_phases(merged, contribs=yearly)
    return AnalysisOutput(
        events=merged,
        claims=test_claims(claims, merged, phases, contribs=yearly),
        series=aggregate(yearly, "year") if bin == "year" else relations_index(merged, bin),
        phases=phases,
    )
