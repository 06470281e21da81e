"""A small parser of year intervals in claims: "1956 to 1960", "1964 onward", "by 1965",
"the mid 1960's", "the thirteenth and fourteenth century".

It is the fallback of the claims component when the dates stage has no time expression for a
sentence, and the way it reads ranges, which a date normaliser usually splits in two.
An interval is ``{"start": year | None, "end": year | None}``, plus ``"mod"`` when the text
bounds it only on one side ("by 1965": ``ON_OR_BEFORE``) or names part of a decade.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_Y = r"(1[0-9]{3}|20[0-9]{2})"
_DECADE = r"(1[0-9]{2}0|20[0-9]0)(?:['\u2019]?s)"
_ORD = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21,
}
_ORD_RE = "|".join(sorted(_ORD, key=len, reverse=True)) + r"|\d{1,2}(?:st|nd|rd|th)"
_PART = {"early": (0, 3), "mid": (3, 6), "middle": (3, 6), "late": (7, 9)}

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("range", re.compile(rf"\b(?:from|between)?\s*(?:roughly\s+|about\s+|around\s+|c\.\s*)?{_Y}\s*(?:to|until|till|through|and|[-\u2013\u2014])\s*(?:about\s+|around\s+)?({_Y[1:-1]}|\d{{2}})\b", re.I)),
    ("onward", re.compile(rf"\b(?:from\s+)?{_Y}\s+(?:onwards?\b|on(?=\s*[,.;:)]|\s*$))|\b(?:since|after|from)\s+{_Y}\b(?!\s*(?:to|until|till|through|and|[-\u2013]))", re.I)),
    ("decade_part_range", re.compile(rf"\b(early|mid|middle|late)[\s-]+{_DECADE}\s+(?:and|to)\s+(?:the\s+)?(early|mid|middle|late)[\s-]+{_DECADE}", re.I)),
    ("by", re.compile(rf"\b(?:by|before|until|till)\s+(?:the\s+(?:end|close)\s+of\s+(?:the\s+)?)?(?:{_DECADE}|{_Y})", re.I)),
    ("after_decade", re.compile(rf"\bafter\s+(?:the\s+(?:end|close)\s+of\s+)?(?:the\s+)?{_DECADE}", re.I)),
    ("decade_part", re.compile(rf"\b(early|mid|middle|late)[\s-]+{_DECADE}", re.I)),
    ("century", re.compile(rf"\b({_ORD_RE})(?:\s+(?:and|to|through)\s+({_ORD_RE}))?\s+centur(?:y|ies)", re.I)),
    ("decade", re.compile(rf"\b{_DECADE}", re.I)),
    ("year", re.compile(rf"\b{_Y}\b")),
]


@dataclass(frozen=True)
class IntervalMatch:
    """An interval found in a text, with the characters it was read from."""

    start_year: int | None
    end_year: int | None
    mod: str | None
    begin: int
    end: int
    text: str

    def as_dict(self) -> dict:
        """The ``Claim.interval`` value."""
        d: dict = {"start": self.start_year, "end": self.end_year}
        if self.mod:
            d["mod"] = self.mod
        return d


def _ordinal(s: str) -> int:
    s = s.lower()
    return _ORD[s] if s in _ORD else int(re.match(r"\d+", s).group())


def _full_year(first: int, second: str) -> int:
    """"1960-64" -> 1964."""
    if len(second) == 2:
        century = first // 100 * 100
        year = century + int(second)
        return year if year >= first else year + 100
    return int(second)


def find_intervals(text: str) -> list[IntervalMatch]:
    """Every interval in ``text``, in order of preference (ranges before single years), no overlaps."""
    found: list[IntervalMatch] = []
    # characters already claimed by a match: a mask keeps the overlap check linear in the match
    taken = bytearray(len(text))

    def free(a: int, b: int) -> bool:
        return not any(taken[a:b])

    for kind, pat in _PATTERNS:
        for m in pat.finditer(text):
            if not free(m.start(), m.end()):
                continue
            g = m.groups()
            if kind == "range":
                a, b = int(g[0]), _full_year(int(g[0]), g[1])
                if b < a or b - a > 200:
                    continue
                im = IntervalMatch(a, b, None, m.start(), m.end(), m.group())
            elif kind == "onward":
                y = int(g[0] or g[1])
                im = IntervalMatch(y, None, "AFTER" if g[1] else None, m.start(), m.end(), m.group())
            elif kind == "decade_part_range":
                d1, d2 = int(g[1]), int(g[3])
                im = IntervalMatch(d1 + _PART[g[0].lower()][0], d2 + _PART[g[2].lower()][1], None, m.start(), m.end(), m.group())
            elif kind == "by":
                y = int(g[0]) + 9 if g[0] else int(g[1])
                im = IntervalMatch(None, y, "ON_OR_BEFORE", m.start(), m.end(), m.group())
            elif kind == "after_decade":
                im = IntervalMatch(int(g[0]) + 10, None, "AFTER", m.start(), m.end(), m.group())
            elif kind == "decade_part":
                d = int(g[1])
                lo, hi = _PART[g[0].lower()]
                im = IntervalMatch(d + lo, d + hi, g[0].upper().replace("MIDDLE", "MID"), m.start(), m.end(), m.group())
            elif kind == "century":
                c1 = _ordinal(g[0])
                c2 = _ordinal(g[1]) if g[1] else c1
                im = IntervalMatch((c1 - 1) * 100, c2 * 100 - 1, None, m.start(), m.end(), m.group())
            elif kind == "decade":
                d = int(g[0])
                im = IntervalMatch(d, d + 9, None, m.start(), m.end(), m.group())
            else:
                y = int(g[0])
                im = IntervalMatch(y, y, None, m.start(), m.end(), m.group())
            found.append(im)
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    return found


def parse_interval(text: str) -> dict | None:
    """The first interval of ``text`` by preference (a range beats a single year), or None."""
    found = find_intervals(text)
    return found[0].as_dict() if found else None
