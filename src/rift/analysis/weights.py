"""How much one event counts in the relations index, and when it happened.

The rules (documented in ``docs/analysis.md``):

* an action counts 1, an attitude ("the Chinese were infuriated") :data:`ATTITUDE_WEIGHT`;
* the mode multiplies that: asserted 1, reported 0.5 (someone's claim, not the author's),
  intended 0.5 (a promise is a signal, not a deed), hypothetical 0 (it did not happen);
* the extractor's ``confidence`` multiplies it too;
* each of two accounts of one event that disagree on its date (``disagreement``) counts
  :data:`DISAGREEMENT_WEIGHT`, so the event as a whole still counts once;
* an event's weight is spread over the calendar interval of its date; an undated event, or
  one dated more vaguely than :data:`MAX_SPREAD_YEARS` years, stays out of the index.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rift.analysis.lexicon import load_quads
from rift.analysis.timebins import parse_day, value_interval
from rift.records import Event, TimeSpan

ATTITUDE_WEIGHT = 0.5
MODE_WEIGHTS = {"asserted": 1.0, "reported": 0.5, "intended": 0.5, "hypothetical": 0.0}
DISAGREEMENT_WEIGHT = 0.5
MAX_SPREAD_YEARS = 25
_MAX_SPREAD_DAYS = int(MAX_SPREAD_YEARS * 365.25)


def event_weight(event: Event) -> float:
    """The weight of one event in the index before its date is spread (0 .. 1)."""
    w = ATTITUDE_WEIGHT if event.kind == "attitude" else 1.0
    w *= MODE_WEIGHTS.get(event.mode, 1.0)
    w *= max(0.0, min(1.0, event.confidence))
    if event.disagreement:
        w *= DISAGREEMENT_WEIGHT
    return w


def event_days(event: Event) -> tuple[int, int] | None:
    """The day interval an event's date covers, or None when it is undated or too vague.

    Uses the date's ``start``/``end``; when only one is known the event is put on that day;
    when neither is, the TIMEX3 ``value`` is read (``1958``, ``196``, ``1958-Q3`` ...).
    """
    return None if event.date is None else timespan_days(event.date)


@lru_cache(maxsize=65536)
def timespan_days(ts: TimeSpan) -> tuple[int, int] | None:
    """The day interval of a :class:`~rift.records.TimeSpan` (see :func:`event_days`)."""
    a, b = parse_day(ts.start), parse_day(ts.end, end=True)
    if a is None and b is None:
        iv = value_interval(ts.value)
        if iv is None:
            return None
        a, b = iv
    elif a is None:
        a = b
    elif b is None:
        b = a
    if b < a:
        a, b = b, a
    if b - a > _MAX_SPREAD_DAYS:
        return None
    return a, b


_QUAD_TEXT = re.compile(r"(verbal|material)[\s_-]*(coop|conf)", re.I)


def quad_class(event: Event) -> str:
    """The event's PLOVER quad class: ``verbal_coop``, ``material_coop``, ``verbal_conflict``
    or ``material_conflict``.

    Read from ``event.quad`` when it names one (any spelling: "verbal cooperation",
    "material_conflict", ...), else from the category (``data/quads.yaml``), else verbal with
    the sign of the intensity.
    """
    if event.quad:
        m = _QUAD_TEXT.search(event.quad)
        if m:
            kind = m.group(2).lower()
            return f"{m.group(1).lower()}_{'coop' if kind == 'coop' else 'conflict'}"
    quad = load_quads().get((event.category or "").upper())
    if quad:
        return quad
    return "verbal_coop" if event.intensity >= 0 else "verbal_conflict"
