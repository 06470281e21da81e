"""Calendar points at a granularity, their TIMEX values and their calendar intervals.

A :class:`Point` is a date known to some granularity: a century, a decade, a year, a half or
quarter, a season, a month, a week, a day (with an optional part of day or clock time).
Years are signed with no year zero: ``-490`` is 490 BC (the historian's count, and the form
the interval dates use: ``-0490-01-01``).

TIMEX values follow TimeML/TIMEX2 conventions: ``1958-11``, ``1958-FA``, ``196`` (the 1960s),
``18`` (the nineteenth century), ``BC0490``, ``BC047`` (the 470s BC), ``2008-H2``,
``1918-11-11T11:00``, ``1775-04-18TNI``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

GRANULARITIES = ("century", "decade", "year", "half", "quarter", "season", "month", "week", "day")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
MIN_YEAR, MAX_YEAR = -9999, 9999


def _days_in_month(year: int, month: int) -> int:
    if 1 <= year <= 9999:
        return calendar.monthrange(year, month)[1]
    return 29 if month == 2 and year % 4 == 0 else (28 if month == 2 else (30 if month in (4, 6, 9, 11) else 31))


def iso_year(year: int) -> str:
    """``1958`` -> ``"1958"``, ``-490`` -> ``"-0490"``."""
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def iso_date(year: int, month: int, day: int) -> str:
    """An ISO date with a signed four-digit year."""
    return f"{iso_year(year)}-{month:02d}-{day:02d}"


def year_add(year: int, n: int) -> int:
    """Add ``n`` years, skipping the non-existent year zero."""
    if year < 0 < year + n or (year < 0 and year + n == 0):
        return year + n + 1
    if year > 0 >= year + n:
        return year + n - 1
    return year + n


def valid_year(year: int) -> bool:
    """Within rift's range and not zero."""
    return year != 0 and MIN_YEAR <= year <= MAX_YEAR


@dataclass(frozen=True)
class Point:
    """A calendar point known to granularity ``gran`` (see :data:`GRANULARITIES`).

    ``year`` is the first year of a century or decade (``1800`` for the 1800s, ``-479`` for the
    470s BC); ``part`` holds a season (``SP``), half (``H1``), quarter (``Q3``), or week number.
    ``tod`` is a part-of-day code (``MO``, ``NI`` ...) or a clock time ``HH:MM`` for a day.
    """

    gran: str
    year: int
    month: int | None = None
    day: int | None = None
    part: str | None = None
    tod: str | None = None

    # --- construction -------------------------------------------------------------------
    @classmethod
    def of_year(cls, year: int) -> "Point":
        return cls("year", year)

    @classmethod
    def of_month(cls, year: int, month: int) -> "Point":
        return cls("month", year, month)

    @classmethod
    def of_day(cls, year: int, month: int, day: int) -> "Point | None":
        """A day, or ``None`` when there is no such day (``February 30``)."""
        if not (1 <= month <= 12) or not (1 <= day <= _days_in_month(year, month)):
            return None
        return cls("day", year, month, day)

    @classmethod
    def of_decade(cls, year: int) -> "Point":
        """The decade holding ``year`` (``1965`` -> the 1960s; ``-475`` -> the 470s BC)."""
        if year > 0:
            return cls("decade", year - year % 10)
        return cls("decade", -((-year) - (-year) % 10) - 9)

    @classmethod
    def of_century(cls, year: int) -> "Point":
        """The hundred years holding ``year`` in TIMEX's count (``1958`` -> ``19``, the 1900s)."""
        if year > 0:
            return cls("century", year - year % 100)
        return cls("century", -((-year) - (-year) % 100) - 99)

    # --- properties ---------------------------------------------------------------------
    @property
    def last_year(self) -> int:
        if self.gran == "century":
            return self.year + 99
        if self.gran == "decade":
            return self.year + 9
        return self.year

    def value(self) -> str:
        """The TIMEX value of this point."""
        y = self.year
        bc = y < 0
        if self.gran == "century":
            n = (-self.last_year) // 100 if bc else y // 100
            return f"BC{n:02d}" if bc else f"{n:02d}"
        if self.gran == "decade":
            n = (-self.last_year) // 10 if bc else y // 10
            return f"BC{n:03d}" if bc else f"{n:03d}"
        ys = f"BC{-y:04d}" if bc else f"{y:04d}"
        if self.gran == "year":
            return ys
        if self.gran in ("half", "quarter", "season"):
            return f"{ys}-{self.part}"
        if self.gran == "week":
            return f"{ys}-W{int(self.part or 0):02d}"
        if self.gran == "month":
            return f"{ys}-{self.month:02d}"
        v = f"{ys}-{self.month:02d}-{self.day:02d}"
        if self.tod:
            v += f"T{self.tod}" if ":" in self.tod else f"T{self.tod}"
        return v

    def interval(self) -> tuple[str, str]:
        """First and last day of this point, ISO (``("1958-09-01", "1958-11-30")`` for fall 1958)."""
        y = self.year
        if self.gran in ("century", "decade", "year"):
            return iso_date(y, 1, 1), iso_date(self.last_year, 12, 31)
        if self.gran == "half":
            return (iso_date(y, 1, 1), iso_date(y, 6, 30)) if self.part == "H1" else (iso_date(y, 7, 1), iso_date(y, 12, 31))
        if self.gran == "quarter":
            q = int((self.part or "Q1")[1])
            m0 = 3 * (q - 1) + 1
            return iso_date(y, m0, 1), iso_date(y, m0 + 2, _days_in_month(y, m0 + 2))
        if self.gran == "season":
            a, b = _SEASON_MONTHS.get(self.part or "SP", (3, 5))
            if self.part == "WI":  # TIMEX's winter 1959 runs from December 1958 to February 1959
                y0 = year_add(y, -1)
                return iso_date(y0, 12, 1), iso_date(y, 2, _days_in_month(y, 2))
            return iso_date(y, a, 1), iso_date(y, b, _days_in_month(y, b))
        if self.gran == "month":
            return iso_date(y, self.month, 1), iso_date(y, self.month, _days_in_month(y, self.month))
        if self.gran == "week":
            start = self._week_start()
            if start is None:
                return iso_date(y, 1, 1), iso_date(y, 12, 31)
            end = start + dt.timedelta(days=6)
            return start.isoformat(), end.isoformat()
        return iso_date(y, self.month, self.day), iso_date(y, self.month, self.day)

    def _week_start(self) -> dt.date | None:
        if not (1 <= self.year <= 9999):
            return None
        try:
            return dt.date.fromisocalendar(self.year, int(self.part or 1), 1)
        except ValueError:
            return None

    @property
    def precision(self) -> str:
        """rift's precision name for this point."""
        return {"half": "quarter", "week": "day"}.get(self.gran, self.gran) if self.gran != "week" else "day"

    # --- arithmetic ---------------------------------------------------------------------
    def to_date(self) -> dt.date | None:
        if self.gran == "day" and 1 <= self.year <= 9999:
            return dt.date(self.year, self.month, self.day)
        return None

    def shift(self, n: float, unit: str) -> "Point | None":
        """Move by ``n`` units (``Y``, ``M``, ``W``, ``D``, ``DE``, ``CE``); the result keeps the
        coarser of this point's granularity and the unit's. ``None`` when out of range."""
        try:
            return self._shift(n, unit)
        except (ValueError, OverflowError):
            return None

    def _shift(self, n: float, unit: str) -> "Point | None":
        if unit in ("H", "MIN"):
            return replace(self, tod=None) if self.gran == "day" else self
        if unit == "2W":
            n, unit = n * 2, "W"
        if unit in ("D", "W"):
            days = int(round(n * (7 if unit == "W" else 1)))
            d = self.to_date()
            if d is not None:
                nd = d + dt.timedelta(days=days)
                return Point("day", nd.year, nd.month, nd.day)
            if self.gran == "month" and days:
                months = int(round(days / 30.4)) if abs(days) >= 15 else 0
                return self._shift(months, "M") if months else self
            return self if self.gran in ("year", "season", "month", "half", "quarter") else None
        if unit == "M":
            months = int(round(n))
            if self.gran in ("day", "month"):
                total = self.year * 12 + (self.month - 1) + months if self.year > 0 else None
                if total is None:
                    y, m = self.year, self.month - 1 + months
                    y = year_add(y, m // 12)
                    m = m % 12 + 1
                else:
                    y, m = divmod(total, 12)
                    m += 1
                if not valid_year(y):
                    return None
                if self.gran == "month":
                    return Point("month", y, m)
                return Point("day", y, m, min(self.day, _days_in_month(y, m)))
            if self.gran == "season":
                # seasons move in steps of three months
                order = ["WI", "SP", "SU", "FA"]
                idx = order.index(self.part) if self.part in order else 1
                steps = int(round(months / 3))
                total = idx + steps
                y = year_add(self.year, total // 4) if total // 4 else self.year
                return replace(self, year=y, part=order[total % 4]) if valid_year(y) else None
            years = int(round(months / 12))
            if years == 0:
                return self
            y = year_add(self.year, years)
            return replace(self, year=y, gran="year" if self.gran in ("half", "quarter", "week") else self.gran,
                           part=None if self.gran in ("half", "quarter", "week") else self.part) if valid_year(y) else None
        years = {"Y": 1, "DE": 10, "CE": 100, "ML": 1000}.get(unit)
        if years is None:
            return None
        delta = int(round(n * years))
        y = year_add(self.year, delta)
        if not valid_year(y):
            return None
        if self.gran == "day":
            dim = _days_in_month(y, self.month)
            return replace(self, year=y, day=min(self.day, dim), tod=None)
        if self.gran in ("decade", "century"):
            return Point.of_decade(y) if self.gran == "decade" else Point.of_century(y)
        if unit in ("DE", "CE", "ML") and self.gran in ("year", "month", "season", "half", "quarter", "week"):
            return Point.of_decade(y) if unit == "DE" else Point.of_century(y) if unit == "CE" else Point("year", y)
        return replace(self, year=y)

    def coarsen(self, gran: str) -> "Point":
        """This point at a coarser granularity (``day`` -> ``month`` ...)."""
        if gran == self.gran:
            return self
        if gran == "year":
            return Point("year", self.year)
        if gran == "month" and self.month:
            return Point("month", self.year, self.month)
        if gran == "decade":
            return Point.of_decade(self.year)
        if gran == "century":
            return Point.of_century(self.year)
        return self

    def key(self) -> tuple:
        """A sort key: the first day of the interval."""
        s = self.interval()[0]
        return iso_key(s)


def iso_key(iso: str) -> tuple[int, int, int]:
    """Sort key of a signed ISO date."""
    neg = iso.startswith("-")
    y, m, d = (int(x) for x in iso.lstrip("-").split("-")[:3])
    return (-y if neg else y, m, d)


def narrow(interval: tuple[str, str], mod: str | None) -> tuple[str, str]:
    """The part of ``interval`` a ``mod`` picks: START = first third, MID = middle, END = last third.

    BEFORE/AFTER modifiers do not narrow here: they describe a relation, kept in ``mod``.
    """
    if mod not in ("START", "MID", "END"):
        return interval
    a, b = iso_key(interval[0]), iso_key(interval[1])
    try:
        da = dt.date(a[0], a[1], a[2]) if 1 <= a[0] <= 9999 else None
        db = dt.date(b[0], b[1], b[2]) if 1 <= b[0] <= 9999 else None
    except ValueError:
        return interval
    if da is None or db is None:
        # BC dates: narrow by whole years only
        y0, y1 = a[0], b[0]
        span = y1 - y0 + 1
        if span < 3:
            return interval
        third = span // 3
        if mod == "START":
            return interval[0], iso_date(y0 + third - 1, 12, 31)
        if mod == "END":
            return iso_date(y1 - third + 1, 1, 1), interval[1]
        return iso_date(y0 + third, 1, 1), iso_date(y1 - third, 12, 31)
    total = (db - da).days + 1
    third = max(1, total // 3)
    if mod == "START":
        return da.isoformat(), (da + dt.timedelta(days=third - 1)).isoformat()
    if mod == "END":
        return (db - dt.timedelta(days=third - 1)).isoformat(), db.isoformat()
    return (da + dt.timedelta(days=third)).isoformat(), (db - dt.timedelta(days=third)).isoformat()


def span_value(start: str, end: str) -> tuple[str, str]:
    """A TIMEX-style value and a precision for the interval ``[start, end]`` (used for KB anchors).

    Within one month, or short (up to 45 days, like a congress that opens in late March):
    the first month ``YYYY-MM``; within one year: ``YYYY``; else ``YYYY-MM/YYYY-MM``.
    """
    a, b = iso_key(start), iso_key(end)
    ya = Point("month", a[0], a[1]).value()
    yb = Point("month", b[0], b[1]).value()
    short = False
    if 1 <= a[0] <= 9999 and 1 <= b[0] <= 9999:
        short = (dt.date(*b) - dt.date(*a)).days <= 45
    if (a[0], a[1]) == (b[0], b[1]) or short:
        return ya, "month"
    if a[0] == b[0]:
        return Point("year", a[0]).value(), "year"
    return f"{ya}/{yb}", "month"


def easter(year: int) -> tuple[int, int] | None:
    """Month and day of (Western) Easter Sunday, or ``None`` outside 1583-9999."""
    if not 1583 <= year <= 9999:
        return None
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return month, day + 1


_Y = r"(?:BC)?(?:\d{4}|XXXX)"
_TOD = r"T(?:\d{2}:\d{2}(?:-\d{2})?|MO|MI|AF|EV|NI|DT|XX)"
_POINT = (rf"(?:{_Y}(?:-(?:\d{{2}}|XX)(?:-(?:\d{{2}}|XX)(?:{_TOD})?)?|-(?:SP|SU|FA|WI|H[12]|Q[1-4])|-W(?:\d{{2}}|XX)(?:-\d)?)?"
          r"|(?:BC)?\d{2,3}|XXX|XX)")
_VALUE_RE = re.compile(
    rf"^{_POINT}(?:/{_POINT})?$"
    r"|^P(?:T?(?:\d+(?:\.\d+)?|\.\d+|X)(?:Y|M|W|D|H|DE|CE|ML))+$"
    r"|^(?:PRESENT_REF|PAST_REF|FUTURE_REF)$"
)


def is_valid_value(value: str) -> bool:
    """True when ``value`` has one of the shapes rift writes (used by tests)."""
    return bool(_VALUE_RE.match(value))
