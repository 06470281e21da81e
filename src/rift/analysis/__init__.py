"""Analysis over tables: the relations index, phases, claims tested, narratives merged."""

from rift.analysis.claims import test_claims
from rift.analysis.core import SERIES_COLUMNS, AnalysisOutput, analyse
from rift.analysis.merge import merge_events
from rift.analysis.phases import detect_phases
from rift.analysis.series import relations_index

__all__ = [
    "AnalysisOutput", "SERIES_COLUMNS", "analyse", "detect_phases", "merge_events", "relations_index", "test_claims",
]
