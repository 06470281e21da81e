"""Filters over an analysis: by actor, actor pair, category, date range, cited source, document.

The web API, the server's report views and ``rift report`` share them; each returns a new
:class:`rift.api.AnalysisResult` holding only what matches.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pydantic import BaseModel, ConfigDict, Field, field_validator

from rift.records import Event

DATE_PATTERN = r"^-?\d{1,4}(-\d{2}(-\d{2})?)?$"
_DATE = re.compile(DATE_PATTERN)
_DAYS = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


def date_key(value: str | None, *, end: bool = False) -> tuple[int, int, int] | None:
    """``(year, month, day)`` of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (negative years allowed);
    a partial date means its first day, or its last when ``end`` is true. None if unparseable."""
    if value is None or not _DATE.match(str(value).strip()):
        return None
    s = str(value).strip()
    neg = s.startswith("-")
    parts = [int(p) for p in s.lstrip("-").split("-")]
    year = -parts[0] if neg else parts[0]
    month = parts[1] if len(parts) > 1 else (12 if end else 1)
    if not 1 <= month <= 12:
        return None
    day = parts[2] if len(parts) > 2 else (_DAYS[month] if end else 1)
    if not 1 <= day <= _DAYS[month]:
        return None
    return (year, month, day)


def _pair(dyad: str) -> tuple[str, str, bool]:
    if "->" in dyad:
        a, b = dyad.split("->", 1)
        return a.strip(), b.strip(), True
    a, b = dyad.split("-", 1)
    return a.strip(), b.strip(), False


class Filters(BaseModel):
    """What to keep. Every field is optional; given fields must all match (AND)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    actor: str | None = Field(default=None, description="Actor code on either side of the event, e.g. SUN.")
    dyad: str | None = Field(default=None, description="Actor pair: CHN-SUN (either direction) or SUN->CHN (directed).")
    category: list[str] | None = Field(default=None, description="PLOVER categories, e.g. ASSAULT,THREATEN.")
    date_from: str | None = Field(default=None, description="Keep events whose date overlaps from this day on (YYYY, YYYY-MM or YYYY-MM-DD).")
    date_to: str | None = Field(default=None, description="... up to this day (YYYY, YYYY-MM or YYYY-MM-DD).")
    source: str | None = Field(default=None, description="Author of a cited source, e.g. Nogee (case-insensitive).")
    document: str | None = Field(default=None, description="Document id.")

    @field_validator("actor")
    @classmethod
    def _actor(cls, v: str | None) -> str | None:
        return v.strip().upper() if v else None

    @field_validator("dyad")
    @classmethod
    def _dyad(cls, v: str | None) -> str | None:
        if not v:
            return None
        if "-" not in v:
            raise ValueError("a dyad is two actor codes: CHN-SUN (either direction) or SUN->CHN")
        a, b, directed = _pair(v.upper())
        if not a or not b:
            raise ValueError("a dyad is two actor codes: CHN-SUN (either direction) or SUN->CHN")
        return f"{a}->{b}" if directed else f"{a}-{b}"

    @field_validator("category", mode="before")
    @classmethod
    def _category(cls, v):
        if v is None or v == "" or v == []:
            return None
        items = v.split(",") if isinstance(v, str) else [x for part in v for x in str(part).split(",")]
        return [x.strip().upper() for x in items if x.strip()] or None

    @field_validator("date_from", "date_to")
    @classmethod
    def _date(cls, v: str | None) -> str | None:
        if v in (None, ""):
            return None
        if date_key(v) is None:
            raise ValueError("a date is YYYY, YYYY-MM or YYYY-MM-DD")
        return v.strip()

    @property
    def active(self) -> bool:
        """True when any filter is set."""
        return any(v is not None for v in self.model_dump().values())

    @property
    def on_events(self) -> bool:
        """True when a filter that selects events (not just documents) is set."""
        return any(getattr(self, k) is not None for k in ("actor", "dyad", "category", "date_from", "date_to", "source"))

    def query(self) -> dict[str, str]:
        """The filters as URL query parameters."""
        out = {}
        for k, v in self.model_dump().items():
            if v is not None:
                out[k] = ",".join(v) if isinstance(v, list) else str(v)
        return out

    # ---- matching ----
    def keeps_dyad(self, source: str, target: str | None) -> bool:
        """Does an actor pair pass the actor and dyad filters?"""
        if self.actor and self.actor not in (source, target):
            return False
        if self.dyad:
            a, b, directed = _pair(self.dyad)
            if directed:
                return (source, target) == (a, b)
            return {source, target} == {a, b}
        return True

    def keeps_interval(self, start: str | None, end: str | None) -> bool:
        """Does a date interval overlap ``[date_from, date_to]``? Undated never does when a
        date filter is set."""
        if not self.date_from and not self.date_to:
            return True
        a = date_key(start) or date_key(end)
        z = date_key(end, end=True) or date_key(start, end=True)
        if a is None or z is None:
            return False
        if self.date_from and z < date_key(self.date_from):
            return False
        if self.date_to and a > date_key(self.date_to, end=True):
            return False
        return True

    def keeps_event(self, e: Event) -> bool:
        """Does an event pass every filter?"""
        if self.document and e.doc != self.document:
            return False
        if not self.keeps_dyad(e.source, e.target):
            return False
        if self.category and e.category.upper() not in self.category:
            return False
        if self.date_from or self.date_to:
            d = e.date
            if d is None or not self.keeps_interval(d.start or d.value, d.end or d.value):
                return False
        if self.source:
            name = self.source.lower()
            if not any(name == (c.author or "").lower() for c in e.citations):
                return False
        return True


def _series_dyad_pair(dyad: str) -> tuple[str, str | None]:
    if "->" in dyad or "-" in dyad:
        a, b, _directed = _pair(dyad)
        return a, b
    return dyad, None


def _bin_bounds(label: str) -> tuple[str | None, str | None]:
    m = re.match(r"^(-?\d+)s$", label)
    if m:
        y = int(m.group(1))
        return str(y), str(y + 9)
    m = re.match(r"^(-?\d{1,4})-Q([1-4])$", label)
    if m:
        q = int(m.group(2))
        return f"{m.group(1)}-{3 * q - 2:02d}", f"{m.group(1)}-{3 * q:02d}"
    return label, label


def filter_result(result, filters: Filters):
    """A new :class:`rift.api.AnalysisResult` with only what ``filters`` keep.

    Documents are kept by ``document`` (and, when event filters are set, only those with a
    matching event or the one asked for); events by every filter; causal links when one of
    their ends is a kept event (or, without event filters, by document); claims, citations,
    sentences and the rest by document, sources and citations also by ``source``; the
    relations index and phases by actor, dyad and date range.
    """
    from rift.api import AnalysisResult

    if not filters.active:
        return result
    kept_events = {e.id for e in result.events if filters.keeps_event(e)}
    docs = []
    for d in result.docs:
        if filters.document and d.document.id != filters.document:
            continue
        events = [e for e in d.events if e.id in kept_events]
        if filters.on_events and not events and not filters.document:
            continue
        if filters.on_events:
            causal = [c for c in d.causal if c.cause.event in kept_events or c.effect.event in kept_events]
        else:
            causal = list(d.causal)
        citations, sources = list(d.citations), list(d.sources)
        if filters.source:
            name = filters.source.lower()
            citations = [c for c in citations if (c.author or "").lower() == name]
            sources = [s for s in sources if s.author.lower() == name]
        docs.append(replace(d, events=events, causal=causal, citations=citations, sources=sources))
    series = []
    for row in result.series:
        a, b = _series_dyad_pair(str(row.get("dyad", "")))
        if not filters.keeps_dyad(a, b):
            continue
        lo, hi = _bin_bounds(str(row.get("bin", "")))
        if not filters.keeps_interval(lo, hi):
            continue
        series.append(row)
    phases = [p for p in result.phases if filters.keeps_dyad(*_series_dyad_pair(p.dyad))]
    return AnalysisResult(docs=docs, series=series, phases=phases, out_dir=result.out_dir)
