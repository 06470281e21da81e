"""Dates: find and normalise time expressions, anchor them in narrative or document time."""

from rift.dates.component import annotate_dates, clause_date

__all__ = ["annotate_dates", "clause_date"]
