"""Causes and claims: causal links between events, the author's periodisation and theses."""

from rift.causes.component import annotate_causes, annotate_claims

__all__ = ["annotate_causes", "annotate_claims"]
