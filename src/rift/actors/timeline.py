"""Narrative time at a mention: which date a sentence is talking about.

Actor aliases change meaning over time ("Russia" is the USSR in 1950), so resolving a mention
needs the date of its clause. That is :func:`rift.dates.clause_date`'s job; when the dates stage
has found nothing in the document (a blank pipeline, or a text it could not date) we fall back
on the last year written before the mention, found with one regular expression per document.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from spacy.tokens import Doc, Span

from rift.records import TimeSpan

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# a year the text is anchored on: "in 1927", "by 1965", "the 1950's", "November 1957", "1960s"
_YEAR = re.compile(
    r"(?:\b(?:in|In|by|By|since|Since|until|till|from|From|after|After|before|Before|during|During|of|early|late|mid|"
    r"spring|summer|fall|autumn|winter|Spring|Summer|Fall|Autumn|Winter|the|The|" + _MONTHS + r")\s+(?:the\s+)?|-)"
    r"((?:1[6-9]|20)\d\d)(?:['\u2019]?s)?\b"
)


def _year_marks(doc: Doc) -> tuple[list[int], list[int]]:
    cached = doc.user_data.get("rift_year_marks")
    if cached is None:
        offs, years = [], []
        for m in _YEAR.finditer(doc.text):
            offs.append(m.start(1))
            years.append(int(m.group(1)))
        cached = (offs, years)
        doc.user_data["rift_year_marks"] = cached
    return cached


def fallback_year(doc: Doc, char: int) -> int | None:
    """The last year anchored in the text before cleaned offset ``char`` (else the first one)."""
    offs, years = _year_marks(doc)
    if not offs:
        return None
    i = bisect.bisect_right(offs, char) - 1
    return years[i] if i >= 0 else years[0]


def _dates_active(doc: Doc) -> bool:
    return bool(doc._.timexes) if doc.has_extension("timexes") else False


def clause_timespan(doc: Doc, span: Span) -> TimeSpan | None:
    """The date of the clause around ``span``: :func:`rift.dates.clause_date`, else a fallback.

    The fallback (a year, ``explicit=False``) is used only when the dates stage found no time
    expression in the whole document.
    """
    ts = None
    try:
        from rift.dates import clause_date

        ts = clause_date(doc, span)
    except Exception:  # the dates stage is optional in a user's pipeline
        ts = None
    if ts is not None or _dates_active(doc):
        return ts
    year = fallback_year(doc, span.start_char)
    if year is None:
        return None
    return TimeSpan(value=str(year), start=f"{year:04d}-01-01", end=f"{year:04d}-12-31", precision="year", explicit=False)


def timespan_start(ts: TimeSpan | None) -> dt.date | None:
    """The first day of a time span, or None."""
    try:
        return dt.date.fromisoformat(ts.start) if ts is not None and ts.start else None
    except ValueError:
        return None


def timespan_point(ts: TimeSpan | None) -> dt.date | None:
    """A single day standing for a time span (its middle), for resolving aliases."""
    if ts is None:
        return None
    try:
        a = dt.date.fromisoformat(ts.start) if ts.start else None
        b = dt.date.fromisoformat(ts.end) if ts.end else None
    except ValueError:
        a = b = None
    if a and b:
        return a + (b - a) / 2
    if a or b:
        return a or b
    m = re.match(r"^(\d{4})", ts.value or "")
    return dt.date(int(m.group(1)), 7, 1) if m else None


def mention_date(doc: Doc, span: Span) -> dt.date | None:
    """The narrative date (a day) at ``span``, or None when nothing dates it."""
    return timespan_point(clause_timespan(doc, span))
