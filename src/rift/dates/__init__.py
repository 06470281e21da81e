"""Dates: find and normalise time expressions, anchor them in narrative or document time.

:func:`find_timexes` is a pure function over text (no spaCy needed); the ``rift_dates`` spaCy
component (:mod:`rift.dates.component`) runs it over a document and :func:`clause_date` gives
the date of the clause around an event trigger.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Timex", "annotate_dates", "clause_date", "find_timexes", "narrative_time"]


def __getattr__(name: str) -> Any:  # lazy: the pure normaliser does not import spaCy
    if name in ("find_timexes", "Timex"):
        from rift.dates import normalize

        return getattr(normalize, name)
    if name in ("annotate_dates", "clause_date", "narrative_time"):
        from rift.dates import component

        return getattr(component, name)
    raise AttributeError(name)
