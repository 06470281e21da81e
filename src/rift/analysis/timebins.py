"""Calendar arithmetic for the relations index: day numbers, time bins, and spreading an
imprecise date over the bins it covers.

Days are counted with the proleptic Gregorian calendar (day 0 = 1970-01-01) so that dates
before year 1 (negative ISO years) work too, which :mod:`datetime` cannot do.
"""

from __future__ import annotations

import re

from rift.errors import RiftError

BINS = ("year", "quarter", "month", "decade")

_ISO = re.compile(r"^\s*(-?\d{1,6})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*$")
_QUARTER = re.compile(r"^\s*(-?\d{4})-Q([1-4])\s*$")
_SEASON = re.compile(r"^\s*(-?\d{4})-(SP|SU|FA|WI)\s*$")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 12)}


class BinError(RiftError):
    """An unknown time bin was asked for."""


def check_bin(bin: str) -> str:
    """Return ``bin`` if it is one of :data:`BINS`, else raise :class:`BinError`."""
    if bin not in BINS:
        raise BinError(f"unknown time bin {bin!r}: use one of {', '.join(BINS)}")
    return bin


def days_from_civil(y: int, m: int, d: int) -> int:
    """Day number of a proleptic Gregorian date (1970-01-01 is 0); works for negative years."""
    y -= m <= 2
    era = y // 400  # floor division: Hinnant's C version adjusts for truncation instead
    yoe = y - era * 400
    mp = (m + 9) % 12
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def days_in_month(y: int, m: int) -> int:
    """Number of days in month ``m`` of year ``y``."""
    if m == 12:
        return days_from_civil(y + 1, 1, 1) - days_from_civil(y, 12, 1)
    return days_from_civil(y, m + 1, 1) - days_from_civil(y, m, 1)


def parse_day(text: str | int | None, *, end: bool = False) -> int | None:
    """Day number of an ISO date ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (or an int year).

    A partial date means its first day, or its last day when ``end`` is true. Returns None
    for anything unparseable.
    """
    if text is None:
        return None
    if isinstance(text, int):
        return days_from_civil(text, 12, 31) if end else days_from_civil(text, 1, 1)
    m = _ISO.match(str(text))
    if not m:
        return None
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.group(3) else None
    if mo is not None and not 1 <= mo <= 12:
        return None
    if mo is None:
        return days_from_civil(y, 12, 31) if end else days_from_civil(y, 1, 1)
    if d is None:
        return days_from_civil(y, mo, days_in_month(y, mo)) if end else days_from_civil(y, mo, 1)
    if not 1 <= d <= days_in_month(y, mo):
        return None
    return days_from_civil(y, mo, d)


def value_interval(value: str | None) -> tuple[int, int] | None:
    """Day interval of a TIMEX3-style value when a record carries no start/end.

    Understands ``1958``, ``1958-11``, ``1958-11-03``, ``1958-Q3``, ``1958-FA`` (seasons),
    ``196`` (a decade) and ``19`` (a century). Returns None otherwise.
    """
    if not value:
        return None
    v = value.strip()
    if re.fullmatch(r"\d{3}", v):  # decade
        y = int(v) * 10
        return days_from_civil(y, 1, 1), days_from_civil(y + 9, 12, 31)
    if re.fullmatch(r"\d{2}", v):  # century: "19" is 1900-1999
        y = int(v) * 100
        return days_from_civil(y, 1, 1), days_from_civil(y + 99, 12, 31)
    q = _QUARTER.match(v)
    if q:
        y, n = int(q.group(1)), int(q.group(2))
        m0 = 3 * (n - 1) + 1
        return days_from_civil(y, m0, 1), days_from_civil(y, m0 + 2, days_in_month(y, m0 + 2))
    s = _SEASON.match(v)
    if s:
        y = int(s.group(1))
        m0, m1 = _SEASON_MONTHS[s.group(2)]
        return days_from_civil(y, m0, 1), days_from_civil(y, m1, days_in_month(y, m1))
    a, b = parse_day(v), parse_day(v, end=True)
    if a is None or b is None:
        return None
    return a, b


def civil_from_days(z: int) -> tuple[int, int, int]:
    """Inverse of :func:`days_from_civil`: ``(year, month, day)`` of a day number."""
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return y + (m <= 2), m, d


def bin_index(day: int, bin: str) -> int:
    """Integer index of the bin a day falls in (years for ``year``, months since year 0 ...)."""
    y, m, _d = civil_from_days(day)
    if bin == "year":
        return y
    if bin == "quarter":
        return y * 4 + (m - 1) // 3
    if bin == "month":
        return y * 12 + m - 1
    if bin == "decade":
        return y // 10
    raise BinError(f"unknown time bin {bin!r}: use one of {', '.join(BINS)}")


def bin_bounds(index: int, bin: str) -> tuple[int, int]:
    """First and last day of bin ``index``."""
    if bin == "year":
        return days_from_civil(index, 1, 1), days_from_civil(index, 12, 31)
    if bin == "quarter":
        y, q = divmod(index, 4)
        m0 = 3 * q + 1
        return days_from_civil(y, m0, 1), days_from_civil(y, m0 + 2, days_in_month(y, m0 + 2))
    if bin == "month":
        y, m = divmod(index, 12)
        return days_from_civil(y, m + 1, 1), days_from_civil(y, m + 1, days_in_month(y, m + 1))
    if bin == "decade":
        return days_from_civil(index * 10, 1, 1), days_from_civil(index * 10 + 9, 12, 31)
    raise BinError(f"unknown time bin {bin!r}: use one of {', '.join(BINS)}")


def bin_label(index: int, bin: str) -> str:
    """Text label of a bin: ``1960``, ``1960-Q3``, ``1960-07``, ``1960s``."""
    if bin == "year":
        return str(index)
    if bin == "quarter":
        y, q = divmod(index, 4)
        return f"{y}-Q{q + 1}"
    if bin == "month":
        y, m = divmod(index, 12)
        return f"{y}-{m + 1:02d}"
    if bin == "decade":
        return f"{index * 10}s"
    raise BinError(f"unknown time bin {bin!r}: use one of {', '.join(BINS)}")


def label_index(label: str, bin: str) -> int:
    """Inverse of :func:`bin_label`."""
    if bin == "year":
        return int(label)
    if bin == "quarter":
        y, q = label.rsplit("-Q", 1)
        return int(y) * 4 + int(q) - 1
    if bin == "month":
        y, m = label.rsplit("-", 1)
        return int(y) * 12 + int(m) - 1
    if bin == "decade":
        return int(label[:-1]) // 10
    raise BinError(f"unknown time bin {bin!r}: use one of {', '.join(BINS)}")


def spread(start: int, end: int, bin: str) -> list[tuple[int, float]]:
    """Share of the day interval ``[start, end]`` falling in each bin it covers.

    The shares are proportional to the days of overlap and sum to 1: "the early 1960's"
    (1960-01-01 .. 1963-12-31) gives each of 1960-1963 a quarter of the weight.
    """
    if end < start:
        start, end = end, start
    total = end - start + 1
    out = []
    for idx in range(bin_index(start, bin), bin_index(end, bin) + 1):
        b0, b1 = bin_bounds(idx, bin)
        overlap = min(end, b1) - max(start, b0) + 1
        if overlap > 0:
            out.append((idx, overlap / total))
    return out
