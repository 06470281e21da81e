"""Time expressions of a text as read: repair it, normalise, map the offsets back."""

from __future__ import annotations

from rift.clean import repair_text
from rift.dates.normalize import find_timexes


def timexes_of_text(text: str, *, dct: str | None = None, doctype: str = "narrative", kb: bool = True) -> list[dict]:
    """The time expressions of ``text`` as JSON-ready dicts, offsets into ``text`` itself.

    The text is repaired first (hard wraps joined, as the pipeline does), so "the fall of\\n1958"
    is one expression; ``start``/``end`` point into the text as given, and ``text`` is the
    original slice.

    Returns:
        Dicts with ``start``, ``end``, ``text``, ``type``, ``value``, ``mod``, ``interval``
        (``{start, end}`` or ``None``), ``precision``, ``explicit``, ``anchor``.
    """
    repaired = repair_text(text)
    out = []
    for t in find_timexes(repaired.text, dct=dct, doctype=doctype, kb=kb):
        a, b = repaired.offsets.span_to_orig(t.start, t.end)
        out.append({
            "start": a,
            "end": b,
            "text": text[a:b],
            "type": t.type,
            "value": t.value,
            "mod": t.mod,
            "interval": {"start": t.interval[0], "end": t.interval[1]} if t.interval else None,
            "precision": t.precision,
            "explicit": t.explicit,
            "anchor": t.anchor,
        })
    return out
