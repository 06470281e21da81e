"""Values of calendar expressions: dates, months, seasons, years, decades, centuries, named days."""

from __future__ import annotations

import re
from dataclasses import replace

from rift.dates.core import (
    Point,
    Timex,
    at_gran,
    day_num,
    make_date,
    make_other,
    month_num,
    period_mod,
    rel_offset,
    year_value,
)
from rift.dates.lexicon import lexicon, parse_ordinal
from rift.dates.values import easter, valid_year, year_add

# --- handlers -----------------------------------------------------------------------------
# a month named more than this many months after narrative time's is last year's ("3 January 1990
# ... On 22 December": December 1989); nine, because looking back across a new year is common and
# looking back most of a year rare (a wider reach moved wikiwars dates the wrong way)
NEAR_NEW_YEAR = 9


def _h_iso(c, ctx):
    m = c.m
    p = Point.of_day(int(m["y"]), int(m["mo"]), int(m["d"]))
    if p is not None and m["h"]:
        p = replace(p, tod=f"{m['h']}:{m['mi']}")
    return [make_date(c, ctx, p)]


def _h_numeric(c, ctx):
    m = c.m
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    p = Point.of_day(y, a, b) if a <= 12 else Point.of_day(y, b, a)
    return [make_date(c, ctx, p)]


def _h_full_date(c, ctx):
    m = c.m
    y = year_value(m["year"], ctx, c.start)
    if y is None:
        return []
    mon = month_num(m["mon"])
    p = Point.of_day(y, mon, day_num(m["day"]))
    if p is None:  # "February 30, 1950": keep the month
        p = Point.of_month(y, mon)
    return [make_date(c, ctx, p)]


def _stated_or_story_year(m, ctx, pos: int) -> tuple[int | None, str | None]:
    """The year a match writes, else narrative time's year and its anchor (None when neither)."""
    if m["year"]:
        return year_value(m["year"], ctx, pos), None
    base, anchor = ctx.anchor_point()
    return (base.year if base is not None else None), anchor


def _h_day_range(c, ctx):
    """"23-28 March 1951", "31 May-1 June 1916", "March 23-28, 1951": two dates, one year."""
    m = c.m
    y, anchor = _stated_or_story_year(m, ctx, c.start)
    if y is None:
        return []
    m2 = month_num(m["mon"]) if m["mon"] else month_num(m["m1"])
    m1 = month_num(m["m1"]) if m["m1"] else m2
    p1, p2 = Point.of_day(y, m1, day_num(m["day"])), Point.of_day(y, m2, day_num(m["d2"]))
    if p1 is None or p2 is None or p1.key() > p2.key():
        return []
    first_end = m.end("m1") if c.rule == "md_range" or m["m1"] else m.end("day")
    if c.rule == "md_range":
        first_end = m.end("day")
    a = make_date(c, ctx, p1, end=first_end, anchor=anchor)
    b = make_date(c, ctx, p2, start=m.start("mon") if c.rule == "md_range" and m["mon"] else m.start("d2"), anchor=anchor)
    return [a, b] if a and b else []


def _h_month_day(c, ctx):
    m = c.m
    mon = month_num(m["mon"])
    day = day_num(m["day"])
    base, anchor = ctx.anchor_point()
    if base is None:
        return [make_other(c, ctx, "DATE", f"XXXX-{mon:02d}-{day:02d}")]
    year = forward_year(base, mon)
    p = Point.of_day(year, mon, day)
    return [make_date(c, ctx, p, anchor=anchor)]


def forward_year(base: Point, month: int) -> int:
    """The year of a month named without one: narrative time's, unless the story stands at the
    start of a year and the month is at its end, nearer back across the new year ("arrested on 3
    January 1990 ... On 22 December the OAS deplored the invasion": December 1989; see
    :data:`NEAR_NEW_YEAR`). (Rolling over to the next year whenever the month is "behind" the
    narrative's was tried and scored worse, and so did reaching forward across the new year:
    histories look back as often as forward, and reports look back.)"""
    if base.month is None or month - base.month <= NEAR_NEW_YEAR:
        return base.year
    return base.year - 1


def _h_month_year(c, ctx):
    m = c.m
    y = year_value(m["year"], ctx, c.start)
    if y is None:
        return []
    return [make_date(c, ctx, Point.of_month(y, month_num(m["mon"])), mod=period_mod(m["pm"]))]


def _year_just_named(rel: str, ctx, base, anchor):
    """'The first signs appeared in 1937. Mussolini came in September of that year': "that year"
    is the year just named, even when that date did not move the story (as in relative_rules)."""
    if re.sub(r"\s+", " ", rel.lower()) in ("that", "that same", "the same") and ctx.last is not None and base is not None and (
            ctx.last.year != base.year):
        return ctx.last_named(anchor)
    return base, anchor


def _h_month_rel_year(c, ctx):
    m = c.m
    base, anchor = ctx.anchor_point(deictic=m["rel"].lower() in ("this", "last", "next"))
    if base is None:
        return []
    base, anchor = _year_just_named(m["rel"], ctx, base, anchor)
    y = year_add(base.year, rel_offset(m["rel"])) if rel_offset(m["rel"]) else base.year
    return [make_date(c, ctx, Point.of_month(y, month_num(m["mon"])), mod=period_mod(m["pm"]), anchor=anchor)]


def _h_month_day_rel_year(c, ctx):
    m = c.m
    base, anchor = ctx.anchor_point(deictic=m["rel"].lower() in ("this", "last", "next"))
    if base is None:
        return []
    base, anchor = _year_just_named(m["rel"], ctx, base, anchor)
    off = rel_offset(m["rel"])
    y = year_add(base.year, off) if off else base.year
    return [make_date(c, ctx, Point.of_day(y, month_num(m["mon"]), day_num(m["day"])), anchor=anchor)]


def _h_month_bare(c, ctx):
    m = c.m
    mon = month_num(m["mon"])
    base, anchor = ctx.anchor_point()
    mod = period_mod(m["pm"])
    if base is None:
        return [make_other(c, ctx, "DATE", f"XXXX-{mon:02d}", mod=mod)]
    return [make_date(c, ctx, Point.of_month(forward_year(base, mon), mon), mod=mod, anchor=anchor)]


def season_code(word: str) -> str:
    return lexicon().seasons[word.lower()]


def _h_season_year(c, ctx):
    m = c.m
    y = year_value(m["year"], ctx, c.start)
    if y is None:
        return []
    return [make_date(c, ctx, Point("season", y, part=season_code(m["season"])), mod=period_mod(m["pm"]))]


def _h_season_rel_year(c, ctx):
    m = c.m
    base, anchor = ctx.anchor_point(deictic=m["rel"].lower() in ("this", "last", "next"))
    if base is None:
        return []
    base, anchor = _year_just_named(m["rel"], ctx, base, anchor)
    off = rel_offset(m["rel"])
    y = year_add(base.year, off) if off else base.year
    return [make_date(c, ctx, Point("season", y, part=season_code(m["season"])), mod=period_mod(m["pm"]), anchor=anchor)]


SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}


MONTH_SEASON = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA"}


def season_near(base: Point, code: str, offset: int, *, forward: bool = False) -> Point:
    """The season ``code`` relative to ``base``: the one around it (offset 0), the next one (1),
    the last one (-1). A winter takes the year of its January (TIMEX2 usage)."""
    year = base.year
    month = base.month
    if base.gran == "season":
        month = {"WI": 1, "SP": 4, "SU": 7, "FA": 10}.get(base.part or "", None)
    if code == "WI":
        # the winter around a date: the one whose January is nearest
        jan_year = year if (month is None or month <= 6) else year_add(year, 1)
        if offset > 0 and month is not None and month <= 2:
            jan_year = year_add(jan_year, 1)
        elif offset < 0:
            jan_year = year_add(jan_year, -1)
        return Point("season", jan_year, part="WI")
    here = MONTH_SEASON.get(month) if month else None
    # (December's winter runs into the next year: its seasons to come are next year's)
    order = 4 if month == 12 else SEASON_ORDER[here] if here is not None else None
    if offset > 0:
        if order is None or SEASON_ORDER[code] <= order:
            year = year_add(year, 1)
    elif offset < 0:
        if order is None or SEASON_ORDER[code] >= order:
            year = year_add(year, -1)
    elif forward and here is not None and SEASON_ORDER[code] < SEASON_ORDER[here]:
        # "in the autumn of 481 ... early in spring": a story moves on to the next spring
        year = year_add(year, 1)
    return Point("season", year, part=code)


def _h_season_bare(c, ctx):
    m = c.m
    code = season_code(m["season"])
    base, anchor = ctx.anchor_point(deictic=(m["rel"] or "").lower() in ("this", "last", "next"))
    mod = period_mod(m["pm"])
    if base is None:
        return [make_other(c, ctx, "DATE", f"XXXX-{code}", mod=mod)]
    off = rel_offset(m["rel"])
    forward = not m["rel"]
    # "over the winter": a season named without a year moves the story only with "the next" or "the previous"
    return [make_date(c, ctx, season_near(base, code, off, forward=forward), mod=mod, anchor=anchor, update=bool(off))]


def _h_named_season(c, ctx):
    """"the dry season": a season of the year the story is in (no TIMEX code for it)."""
    base, anchor = ctx.anchor_point()
    if base is None:
        return [make_other(c, ctx, "DATE", "XXXX")]
    off = rel_offset(c.m["rel"])
    p = Point.of_year(year_add(base.year, off) if off else base.year)
    return [make_date(c, ctx, p, anchor=anchor, update=False)]


def _h_unit_end(c, ctx):
    base, anchor = ctx.anchor_point()
    p = at_gran(base, c.m["unit"].lower()) if base is not None else None
    if p is None:
        return []
    return [make_date(c, ctx, p, mod="END", anchor=anchor, update=False)]


def _h_year_part(c, ctx):
    m = c.m
    y = year_value(m["year"], ctx, c.start)
    if y is None:
        return []
    half, what = m["half"].lower(), m["what"].lower()
    if what == "half":
        return [make_date(c, ctx, Point("half", y, part="H1" if half == "first" else "H2"))]
    if what == "quarter":
        q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}.get(half, 1)
        return [make_date(c, ctx, Point("quarter", y, part=f"Q{q}"))]
    mod = "START" if half.startswith("first") or half == "earlier" else "END"
    return [make_date(c, ctx, Point.of_year(y), mod=mod)]


def _h_year(c, ctx):
    m = c.m
    y = year_value(m["year"], ctx, m.start("year"))
    if y is None:
        return []
    return [make_date(c, ctx, Point.of_year(y), mod=period_mod(m["pm"]))]


def _h_year_range(c, ctx):
    m = c.m
    era = m["era"] or ""
    bc = era.upper().startswith("B") or (not era and len(m["y1"]) < 4 and ctx.in_bc(c.start))
    y1 = int(m["y1"])
    y2s = m["y2"]
    y2 = int(y2s)
    if bc:
        if len(y2s) < len(m["y1"]):
            y2 = y1 - y1 % (10 ** len(y2s)) + y2
        y1, y2 = -y1, -y2
    elif len(y2s) == 2:
        y2 = y1 - y1 % 100 + y2
    a = make_date(c, ctx, Point.of_year(y1), end=m.end("y1"))
    b = make_date(c, ctx, Point.of_year(y2), start=m.start("y2"))
    if a is None or b is None:
        return []
    return [a, b]


def _h_decade(c, ctx):
    m = c.m
    dec = m["dec"].lower().replace("’", "'")
    era = (m["era"] or "").upper()
    mod = period_mod(m["pm"])
    word = re.sub(r"^nineteen[\s-]", "", dec)
    if word in lexicon().decade_words:
        base, _ = ctx.anchor_point()
        century = 1900 if dec.startswith("nineteen") or base is None or base.year < 1000 else (base.year // 100) * 100
        return [make_date(c, ctx, Point.of_decade(century + 10 * lexicon().decade_words[word]), mod=mod, update=False)]
    digits = re.sub(r"\D", "", dec)
    if dec.startswith("'"):
        base, _ = ctx.anchor_point()
        century = (base.year // 100) * 100 if base is not None and base.year > 0 else 1900
        return [make_date(c, ctx, Point.of_decade(century + int(digits)), mod=mod, update=False)]
    n = int(digits)
    if era.startswith("B"):
        p = Point.of_decade(-(n + 9)) if n % 100 else Point.of_century(-(n + 99))
        return [make_date(c, ctx, p, mod=mod, update=False)]
    if n % 100 == 0 and len(digits) == 4:
        return [make_date(c, ctx, Point.of_century(n), mod=mod, update=False)]
    if not valid_year(n):
        return []
    return [make_date(c, ctx, Point.of_decade(n), mod=mod, update=False)]


def _century_point(n: int, bc: bool) -> Point:
    # the nineteenth century is TIMEX "18": the hundred years 1800-1899
    return Point.of_century(-(100 * (n - 1) + 99)) if bc else Point.of_century(max(1, 100 * (n - 1)))


def _h_century(c, ctx):
    m = c.m
    n = parse_ordinal(m["ord"])
    bc = (m["era"] or "").upper().startswith("B")
    return [make_date(c, ctx, _century_point(n, bc), mod=period_mod(m["pm"]), update=False)]


def _h_century_pair(c, ctx):
    m = c.m
    bc = (m["era"] or "").upper().startswith("B")
    a = make_date(c, ctx, _century_point(parse_ordinal(m["ord1"]), bc), end=m.end("ord1"), update=False)
    b = make_date(c, ctx, _century_point(parse_ordinal(m["ord2"]), bc), start=m.start("ord2"), update=False)
    return [a, b] if a and b else []


def _h_holiday(c, ctx):
    m = c.m
    name = re.sub(r"\s+", " ", m["h"])
    rule = next((v for k, v in lexicon().holidays.items() if k.lower() == name.lower()), None)
    if rule is None:
        return []
    y, anchor = _stated_or_story_year(m, ctx, c.start)
    if y is None:
        return [make_other(c, ctx, "DATE", "XXXX-12-25" if rule == "12-25" else "XXXX-XX-XX")]
    if re.fullmatch(r"\d\d-\d\d", rule):
        mo, d = int(rule[:2]), int(rule[3:])
    else:
        e = easter(y)
        if e is None:
            return [make_date(c, ctx, Point.of_year(y), anchor=anchor, update=False)]
        mo, d = e
        if rule == "good_friday":
            import datetime as dt

            gd = dt.date(y, mo, d) - dt.timedelta(days=2)
            mo, d = gd.month, gd.day
    p = Point.of_day(y, mo, d)
    part = (m["part"] or "").lower()
    if p is not None and part in ("night", "eve"):
        p = replace(p, day=p.day - 1, tod="NI") if part == "night" and rule == "12-25" else p
    return [make_date(c, ctx, p, anchor=anchor)]


def _h_weekday(c, ctx):
    m = c.m
    wd = lexicon().weekdays[m["wd"].lower()]
    tx = weekday_point(c, ctx, wd)
    return [tx]


def weekday_point(c, ctx, wd: int, off: int = 0) -> Timex | None:
    import datetime as dt

    base, anchor = ctx.anchor_point(deictic=True)
    d = base.to_date() if base is not None else None
    if d is None:
        return make_other(c, ctx, "DATE", f"XXXX-WXX-{wd}")
    delta = wd - d.isoweekday()
    if off > 0 and delta <= 0:
        delta += 7
    elif off < 0 and delta >= 0:
        delta -= 7
    elif off == 0 and delta < -3:
        delta += 7
    elif off == 0 and delta > 3:
        delta -= 7
    nd = d + dt.timedelta(days=delta)
    return make_date(c, ctx, Point("day", nd.year, nd.month, nd.day), anchor=anchor)


def _h_day_ordinal(c, ctx):
    m = c.m
    day = day_num(m["day"])
    base, anchor = ctx.anchor_point()
    if base is None or base.month is None:
        return [make_other(c, ctx, "DATE", f"XXXX-XX-{day:02d}")]
    return [make_date(c, ctx, Point.of_day(base.year, base.month, day), anchor=anchor)]


HANDLERS = {
    "iso_date": _h_iso,
    "numeric_date": _h_numeric,
    "date_mdy": _h_full_date,
    "date_dmy": _h_full_date,
    "month_day": _h_month_day,
    "dm_range": _h_day_range,
    "md_range": _h_day_range,
    "day_month": _h_month_day,
    "month_year": _h_month_year,
    "month_rel_year": _h_month_rel_year,
    "month_day_rel_year": _h_month_day_rel_year,
    "month_bare": _h_month_bare,
    "season_year": _h_season_year,
    "season_rel_year": _h_season_rel_year,
    "season_bare": _h_season_bare,
    "named_season": _h_named_season,
    "unit_end": _h_unit_end,
    "year_part": _h_year_part,
    "year": _h_year,
    "year_range": _h_year_range,
    "decade": _h_decade,
    "decade_word": _h_decade,
    "century": _h_century,
    "century_pair": _h_century_pair,
    "holiday": _h_holiday,
    "weekday": _h_weekday,
    "day_ordinal": _h_day_ordinal,
}
