"""Events: who did what to whom, coded in PLOVER categories with intensity and mode."""

from rift.events.component import annotate_events

__all__ = ["annotate_events"]
