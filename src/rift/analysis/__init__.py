"""Analysis over tables: the relations index, phases, claims tested, narratives merged."""

from rift.analysis.core import analyse

__all__ = ["analyse"]
