"""Values of relative and other expressions: "that year", "two days later", durations,
references to the present, times of day, sets."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from rift.dates import kbmatch
from rift.dates.calendar_rules import season_near, weekday_point, forward_year
from rift.dates.core import (
    STOP_NP,
    Context,
    Point,
    at_gran,
    day_num,
    make_date,
    make_other,
    month_num,
    period_mod,
    rel_offset,
    underspecified,
    year_value,
)
from rift.dates.lexicon import VAGUE, lexicon, parse_number
from rift.dates.patterns import blocks
from rift.dates.values import iso_key, year_add

_GRAN_OF_UNIT = {"year": "year", "month": "month", "week": "week", "weekend": "day", "day": "day", "decade": "decade",
                 "century": "century", "morning": "day", "afternoon": "day", "evening": "day", "night": "day"}


def _h_rel_unit(c, ctx):
    m = c.m
    unit = m["unit"].lower()
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    deictic = rel in ("this", "next", "last") and ctx.doctype == "news"
    base, anchor = ctx.anchor_point(deictic=deictic)
    if rel == "that" and unit == "year" and ctx.last is not None and base is not None and ctx.last.year != base.year:
        # "in 1963, and later that year": the year just named, even when it did not move the story
        base, anchor = ctx.last_named(anchor)
    elif (rel in ("the following", "the next", "following", "next") and unit == "year" and ctx.doctype != "news"
          and ctx.last is not None and base is not None and ctx.last.year != base.year and ctx.last_end is not None
          and ctx.last_end <= c.start and c.start - ctx.last_end < 120 and not re.search(r"[.;!?]", ctx.text[ctx.last_end:c.start])):
        # "had established relations with Romania in 1967 and restored them with Yugoslavia the
        # following year": the year after the one just named in the sentence, though it looked back
        base, anchor = ctx.last_named(anchor)
    off = rel_offset(rel)
    pre = (m["pre"] or "").lower()
    mod = {"early": "START", "late": "END"}.get(pre)
    lex = lexicon()
    if base is None:
        if off == 0 and rel != "this":
            # "that year" with no date before it: some year we cannot name
            unknown = {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX", "day": "XXXX-XX-XX", "decade": "XXX", "century": "XX"}
            if unit in unknown:
                return [make_other(c, ctx, "DATE", unknown[unit])]
        return [make_other(c, ctx, "DATE", "PAST_REF" if off < 0 else ("FUTURE_REF" if off > 0 else "PRESENT_REF"))]
    if unit in ("time", "period"):
        if rel == "this" and unit == "time":
            return [make_other(c, ctx, "DATE", "PRESENT_REF")]
        return [make_date(c, ctx, base, anchor=anchor, update=False)]
    moves = off >= 0  # not when off < 0: "the previous month" looks back, and the story resumes where it was
    if unit in lex.seasons:
        return [make_date(c, ctx, season_near(base, lex.seasons[unit], off), mod=mod, anchor=anchor, update=moves)]
    if unit in lex.months:
        mon = lex.months[unit]
        y = base.year
        if off > 0 and (base.month is None or mon <= base.month):
            y = year_add(y, 1)
        elif off < 0 and (base.month is None or mon >= base.month):
            y = year_add(y, -1)
        return [make_date(c, ctx, Point.of_month(y, mon), mod=mod, anchor=anchor, update=moves)]
    if unit in lex.weekdays:
        return [weekday_point(c, ctx, lex.weekdays[unit], off)]
    gran = _GRAN_OF_UNIT.get(unit, "year")
    p = at_gran(base, gran)
    if p is None:
        return [underspecified(c, ctx, base, gran, anchor, tod=lex.day_parts.get(unit))]
    if off:
        p = p.shift(off, {"year": "Y", "month": "M", "week": "W", "day": "D", "decade": "DE", "century": "CE"}[gran])
    if p is not None and unit in ("morning", "afternoon", "evening", "night") and p.gran == "day":
        p = replace(p, tod=lex.day_parts[unit])
    return [make_date(c, ctx, p, mod=mod, anchor=anchor, update=moves and gran not in ("decade", "century"))]


def _h_unit_rel(c, ctx):
    m = c.m
    unit = m["unit"].lower()
    off = -1 if m["dir"].lower() == "before" else 1
    base, anchor = ctx.anchor_point()
    if base is None:
        return []
    gran = {"night": "day", "morning": "day"}.get(unit, unit)
    p = at_gran(base, gran)
    if p is None:
        return []
    p = p.shift(off, {"year": "Y", "month": "M", "week": "W", "day": "D"}[gran])
    return [make_date(c, ctx, p, anchor=anchor, update=off > 0)]  # "the year before" looks back without moving the story


def _h_pmod_unit(c, ctx):
    m = c.m
    unit = m["unit"].lower()
    base, anchor = ctx.anchor_point()
    if base is None:
        return []
    p = at_gran(base, unit)
    if p is None:
        return []
    return [make_date(c, ctx, p, mod=period_mod(m["pm"]), anchor=anchor, update=False)]


def _h_in_the_unit(c, ctx):
    m = c.m
    base, anchor = ctx.anchor_point()
    if base is None:
        return []
    p = at_gran(base, m["unit"].lower())
    if p is None:
        return []
    return [make_date(c, ctx, p, anchor=anchor, update=False)]


def _h_time_ref(c, ctx):
    base, anchor = ctx.anchor_point()
    rel = c.m["rel"].lower()
    if rel == "this" and (ctx.doctype == "news" or c.m["what"].lower() == "time"):
        return [make_other(c, ctx, "DATE", "PRESENT_REF")]
    if base is None:
        return [make_other(c, ctx, "DATE", "PRESENT_REF" if rel == "this" else "PAST_REF")]
    return [make_date(c, ctx, base, anchor=anchor, update=False)]


def unit_code(word: str) -> str:
    return lexicon().units[word.lower()]


def num_value(num: str | None) -> float | str | None:
    if num is None:
        return 1.0
    return parse_number(num)


def _fmt_num(n: float | str) -> str:
    if n == VAGUE:
        return "X"
    f = float(n)
    if f.is_integer():
        return str(int(f))
    s = f"{f:.2f}".rstrip("0")
    return s[1:] if s.startswith("0.") else s


def duration_value(n: float | str, unit: str) -> str:
    if unit == "2W":
        return f"P{_fmt_num(n if n == VAGUE else float(n) * 2)}W"
    if unit == "H":
        return f"PT{_fmt_num(n)}H"
    if unit == "MIN":
        return f"PT{_fmt_num(n)}M"
    return f"P{_fmt_num(n)}{unit}"


def quantity_mod(text: str | None) -> str | None:
    if not text:
        return None
    return lexicon().quantity_mods.get(re.sub(r"\s+", " ", text.lower()))


# "it was two years before ...", "it took another decade before ...": the wait, counted forward
_IT_WAS = re.compile(r"(?i)\b(?:it|that)\s+(?:was|would\s+be|took|had\s+been)\s+(?:another\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|only\s+)?$")


def _h_offset(c, ctx):
    m = c.m
    num = m["num"]
    unit_word = m["unit"].lower()
    n = num_value(num) if num else VAGUE
    if n is None:
        return []
    unit = unit_code(unit_word)
    d = m["dir"].lower()
    sign = -1 if d in ("earlier", "before", "beforehand", "ago", "previously", "prior") else 1
    waited = d == "before" and _IT_WAS.search(ctx.text, max(0, c.start - 40), c.start) is not None
    if waited:
        sign = 1  # "it was two years before the United States agreed": two years later
    qm = quantity_mod(m["qm"])
    end = c.end
    kb_hit = None
    if d in ("after", "before") and not waited:
        end, kb_hit = _extend_event_np(ctx, c.end)
    if kb_hit is not None:
        base, anchor = kb_hit
    else:
        base, anchor = ctx.anchor_point(deictic=(d == "ago"))
        if (sign > 0 and d in ("later", "afterwards", "afterward", "on") and ctx.doctype != "news" and ctx.last is not None
                and base is not None and ctx.last != base and ctx.last_end is not None and ctx.last_end <= c.start
                and c.start - ctx.last_end < 120 and not re.search(r"[.;!?]", ctx.text[ctx.last_end:c.start])):
            # "It had been signed in December 1925, and eleven years later Moscow had backed Turkey": counted
            # from the date just named in the sentence, though it looked back
            base, anchor = ctx.last_named(anchor)
    if not num and kb_hit is None and end == c.end:
        # "days later", "weeks later", "hours later": some unspecified day or week
        if unit == "H":
            if base is not None and base.gran == "day":
                return [make_other(c, ctx, "TIME", f"{replace(base, tod=None).value()}TXX", interval=base.interval(), precision="day", anchor=anchor)]
            return [make_other(c, ctx, "TIME", "XXXX-XX-XXTXX")]
        value = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "DE": "XXX", "CE": "XX"}.get(unit, "XXXX")
        return [make_other(c, ctx, "DATE", value, anchor=anchor)]
    if base is None:
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return [make_other(c, ctx, "DATE", value, end=end)]
    if n == VAGUE:
        # "a few months later": after narrative time, at the unit's granularity
        gran = {"Y": "year", "M": "month", "W": "day", "D": "day", "DE": "decade", "CE": "century"}.get(unit, "year")
        p = at_gran(base, gran) or base
        mod = "AFTER" if sign > 0 else "BEFORE"
        # the interval: the few units before (or after) the anchor, "few" taken as three
        far = base.shift(sign * 3, unit)
        interval = None
        if far is not None:
            interval = ((far.interval()[0], _day_before(base.interval()[0])) if sign < 0
                        else (_day_after(base.interval()[1]), far.interval()[1]))
        tx = make_date(c, ctx, p, mod=mod, anchor=anchor, end=end, update=False)
        if tx is None:
            return []
        if interval is not None:
            tx = replace(tx, interval=interval)
        if kb_hit is None and end == c.end:
            # nothing named to count from: TIMEX's past or future reference
            tx = replace(tx, value="FUTURE_REF" if sign > 0 else "PAST_REF", precision="unknown")
        return [tx]
    if unit in ("D", "W") and base.gran not in ("day", "week"):
        return [underspecified(c, ctx, base, "day", anchor, end=end)]
    if unit in ("DE", "CE") and base.gran not in ("decade", "century"):
        n, unit = float(n) * (10 if unit == "DE" else 100), "Y"
    shifted = base.shift(sign * float(n), unit)
    if shifted is None:
        return []
    if unit in ("Y", "DE", "CE") and shifted.gran in ("day", "month", "season", "week"):
        shifted = shifted.coarsen("year")
    elif unit == "M" and shifted.gran == "day":
        shifted = shifted.coarsen("month")
    mod = {"MORE_THAN": "ON_OR_AFTER" if sign > 0 else "ON_OR_BEFORE", "LESS_THAN": "BEFORE" if sign > 0 else "AFTER",
           "APPROX": "APPROX"}.get(qm or "")
    return [make_date(c, ctx, shifted, mod=mod, anchor=anchor, end=end, update=kb_hit is None and sign > 0)]


def _day_before(iso: str) -> str:
    import datetime as dt

    k = iso_key(iso)
    if 1 <= k[0] <= 9999 and iso != "0001-01-01":
        return (dt.date(*k) - dt.timedelta(days=1)).isoformat()
    return iso


def _day_after(iso: str) -> str:
    import datetime as dt

    k = iso_key(iso)
    if 1 <= k[0] <= 9999 and iso != "9999-12-31":
        return (dt.date(*k) + dt.timedelta(days=1)).isoformat()
    return iso


def _extend_event_np(ctx: Context, pos: int) -> tuple[int, tuple[Point, str] | None]:
    """After "N units before|after": extend over the event named next ("the loan", "Marathon",
    "the Korean War"); when it is a knowledge-base event, resolve against it."""
    text = ctx.text
    hit = kbmatch.event_at(text, pos)
    if hit is not None:
        end, start_iso, end_iso, kb_id, which = hit
        iso = start_iso if which == "start" else end_iso
        k = iso_key(iso)
        p = Point.of_day(*k) if k[0] > 0 else Point.of_year(k[0])
        return end, (p, kb_id) if p else None
    m = re.match(r"\s+((?:the|his|her|its|their|this|that|these|those|[A-Z][\w-]*['’]s)\s+)?"
                 r"((?:[A-Za-z][\w-]*\s+){0,3}?[A-Za-z][\w-]*)(?=[\s,.;:)]|$)", text[pos:pos + 80])
    if not m:
        return pos, None
    words = m.group(2).split()
    det = m.group(1)
    kept: list[str] = []
    for w in words:
        if w.lower() in STOP_NP:
            break
        kept.append(w)
    if not kept:
        return pos, None
    if det is None and not kept[0][0].isupper():
        return pos, None
    span = (m.group(1) or "") + " ".join(kept)
    start = pos + m.start(1 if det else 2)
    return start + len(span), None


def _h_duration(c, ctx):
    m = c.m
    unit = unit_code(m["unit"])
    num = m["num"]
    plural = m["unit"].lower().endswith("s") or m["unit"].lower() in ("centuries", "millennia")
    if num:
        n = num_value(num)
    elif plural:
        n = VAGUE
    else:
        n = 1.0
    if n is None:
        return []
    end = c.end
    if (num or m["pos"]) and not m["tail"]:
        end = _extend_of_np(ctx.text, c.end)
    return [make_other(c, ctx, "DURATION", duration_value(n, unit), mod=quantity_mod(m["qm"]), end=end)]


def _extend_of_np(text: str, pos: int) -> int:
    """Extend "the first three years" over "of the war" / "of its existence"."""
    m = re.match(r"\s+of\s+((?:the|its|his|her|their|this|that|[A-Z][\w-]*['’]s)\s+)?((?:[\w-]+\s+){0,2}?[\w-]+)(?=[\s,.;:)]|$)", text[pos:pos + 80])
    if not m:
        return pos
    words = m.group(2).split()
    kept = []
    for w in words:
        if w.lower() in STOP_NP or re.fullmatch(r"\d{4}", w):
            break
        kept.append(w)
    if not kept:
        return pos
    head = m.start(2)
    return pos + head + len(" ".join(kept))


def _h_duration_long(c, ctx):
    w = c.m["unit"].lower()
    n = VAGUE if w.endswith("s") else 1.0
    return [make_other(c, ctx, "DURATION", duration_value(n, unit_code(w)))]


def _h_half_unit(c, ctx):
    m = c.m
    return [make_other(c, ctx, "DURATION", duration_value(0.5, unit_code(m["unit"])), mod=quantity_mod(m["qm"]))]


def _h_reference(c, ctx):
    w = re.sub(r"\s+", " ", c.m["w"].lower())
    value = lexicon().references.get(w) or lexicon().references.get(w.replace("-", " ")) or "PRESENT_REF"
    if w in ("today", "yesterday", "tomorrow"):
        off = {"today": 0, "yesterday": -1, "tomorrow": 1}[w]
        base = ctx.dct if ctx.doctype == "news" and ctx.dct is not None else None
        anchor = "dct" if base is not None else None
        if base is None and w != "today" and ctx.narr is not None and ctx.narr.gran == "day":
            base, anchor = ctx.narr, (f"t{ctx.narr_index}" if ctx.narr_index is not None else None)
        if base is not None and base.gran == "day":
            return [make_date(c, ctx, base.shift(off, "D"), anchor=anchor, update=False)]
        if w != "today":
            return [make_other(c, ctx, "DATE", "PAST_REF" if off < 0 else "FUTURE_REF")]
    return [make_other(c, ctx, "DATE", value)]


def _h_daypart_date(c, ctx):
    m = c.m
    mon = m["mon"] or m["mon2"]
    day = m["day"] or m["day2"]
    ytext = m["year"] or m["year2"]
    code = lexicon().day_parts[re.sub(r"\s+", " ", m["part"].lower())]
    if ytext:
        y = year_value(ytext, ctx, c.start)
    else:
        base, _ = ctx.anchor_point()
        y = forward_year(base, month_num(mon)) if base else None
    if y is None:
        return [make_other(c, ctx, "TIME", f"XXXX-{month_num(mon):02d}-{day_num(day):02d}T{code}")]
    p = Point.of_day(y, month_num(mon), day_num(day))
    if p is None:
        return []
    mod = {"early": "START", "late": "END"}.get((m["pre"] or m["early"] or "").lower())
    return [make_date(c, ctx, replace(p, tod=code), mod=mod)]


def _h_daypart(c, ctx):
    m = c.m
    part = m["part"].lower()
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    lex = lexicon()
    if part == "tonight":
        code = "NI"
    else:
        code = lex.day_parts.get(part.rstrip("s") if part.endswith("s") and part.rstrip("s") in lex.day_parts else part, "DT")
    if rel in ("each", "every") or part in ("nights", "mornings", "evenings"):
        base, anchor = ctx.anchor_point()
        if base is not None and base.gran in ("month", "day"):
            return [make_other(c, ctx, "SET", f"{base.coarsen('month').value()}-XXT{code}", anchor=anchor)]
        return [make_other(c, ctx, "SET", f"XXXX-XX-XXT{code}")]
    if rel in ("that", "this", "the same", "that same", "the following", "the next", "the previous"):
        base, anchor = ctx.anchor_point()
        p = at_gran(base, "day") if base is not None else None
        if p is not None:
            off = rel_offset(rel)
            if off:
                p = p.shift(off, "D")
            if p is not None:
                return [make_date(c, ctx, replace(p, tod=code), anchor=anchor)]
    return [make_other(c, ctx, "TIME", f"XXXX-XX-XXT{code}")]


def _h_clock(c, ctx):
    m = c.m
    h = int(m["h"])
    mi = int(m["mi"] or 0)
    ampm = (m["ampm"] or "").lower().replace(".", "")
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    tod = f"{h:02d}:{mi:02d}"
    base, anchor = ctx.anchor_point()
    mon = m["mon"]
    ahead = _clock_date_ahead().match(ctx.text, c.end, min(len(ctx.text), c.end + 60))
    if not mon and ahead:
        # "At 5:34 AM Baghdad time on March 20, 2003": the clock is on the date that follows
        am = ahead
        y = year_value(am["year"] or am["year2"], ctx, c.end)
        mo = month_num(am["mon"] or am["mon2"])
        p = Point.of_day(y, mo, day_num(am["day"] or am["day2"])) if y is not None else None
        if p is not None:
            return [make_date(c, ctx, replace(p, tod=tod), update=False)]
    if mon and base is not None:
        p = Point.of_day(forward_year(base, month_num(mon)), month_num(mon), day_num(m["day"]))
        if p is not None:
            return [make_date(c, ctx, replace(p, tod=tod), anchor=anchor)]
    if base is not None and base.gran == "day":
        return [make_date(c, ctx, replace(base, tod=tod), anchor=anchor, update=False)]
    return [make_other(c, ctx, "TIME", f"XXXX-XX-XXT{tod}")]


@lru_cache(maxsize=1)
def _clock_date_ahead() -> re.Pattern:
    b = blocks()
    return re.compile(
        (r"(?:\s+[A-Z]\w+\s+time)?\s*,?\s*(?:on\s+)?(?:(?P<mon>{MONTH})\s+(?P<day>{DAY}),?\s+(?P<year>{YEAR})"
         r"|(?P<day2>{DAY})\s+(?P<mon2>{MONTH}),?\s+(?P<year2>{YEAR}))").format(**b))


_SET_VALUES = {"daily": "XXXX-XX-XX", "weekly": "XXXX-WXX", "monthly": "XXXX-XX", "annually": "XXXX", "yearly": "XXXX",
               "nightly": "XXXX-XX-XXTNI", "hourly": "XXXX-XX-XXTXX", "day": "XXXX-XX-XX", "week": "XXXX-WXX",
               "month": "XXXX-XX", "year": "XXXX", "night": "XXXX-XX-XXTNI", "morning": "XXXX-XX-XXTMO",
               "hour": "XXXX-XX-XXTXX", "decade": "XXX"}


def _h_set(c, ctx):
    m = c.m
    key = (m["w"] or m["unit"]).lower()
    q = (m["q"] or "").lower()
    if q in ("per", "a") and key in lexicon().units:
        # "30 attacks a day", "per month": a rate's period, TIMEX writes it as a duration
        return [make_other(c, ctx, "DURATION", duration_value(1.0, unit_code(key)))]
    return [make_other(c, ctx, "SET", _SET_VALUES.get(key, "XXXX"))]


HANDLERS = {
    "rel_unit": _h_rel_unit,
    "unit_rel": _h_unit_rel,
    "pmod_unit": _h_pmod_unit,
    "in_the_unit": _h_in_the_unit,
    "time_ref": _h_time_ref,
    "offset": _h_offset,
    "duration": _h_duration,
    "duration_long": _h_duration_long,
    "half_unit": _h_half_unit,
    "reference": _h_reference,
    "daypart_date": _h_daypart_date,
    "date_daypart": _h_daypart_date,
    "date_daypart2": _h_daypart_date,
    "daypart": _h_daypart,
    "clock": _h_clock,
    "clock_24": _h_clock,
    "set_word": _h_set,
    "set_every": _h_set,
}
