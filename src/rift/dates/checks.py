"""Context tests run on each regex match: is this "May" a month, this "1500" a year?"""

from __future__ import annotations

import re

from rift.dates.core import capitalised, next_word, prev_word
from rift.dates.lexicon import lexicon, parse_number, parse_ordinal

# words before a bare month, season, weekday or number that make it a date
_TEMPORAL_PREV = frozenset(
    """in of early late mid by until till since during from to through and or last next that this
    following previous between before after on each every same around about circa c. ca. throughout
    into spring summer autumn winter fall""".split()
)


_YEAR_PREV = frozenset(
    """in of by since until till from to through and or between before after during circa c. ca. around
    about year years the early late mid spring summer autumn fall winter end start beginning middle
    until as until, since, - – — ( [ , ; : 's""".split()
)


_NUMBER_FOLLOWERS = frozenset(
    """men people persons soldiers troops dead killed wounded casualties feet ft km kilometres kilometers
    miles metres meters yards tons tonnes aircraft planes tanks guns ships vessels infantry cavalry artillery
    police personnel prisoners refugees civilians strong acres hectares horses pounds dollars rifles
    divisions regiments battalions men, pieces sorties votes seats members families villages officers
    sailors marines workers students delegates copies rounds shells bombs""".split()
)


_QUANTITY_PREV = frozenset("about some nearly over approximately around almost than only just roughly another additional extra the".split()) - {"the"}


_NOT_PLURAL = frozenset("was has is as this its his us thus plus whereas less across unless perhaps afterwards towards onwards gas bus yes".split())


# words that may follow the month "May" (a modal "may" is followed by a verb): "agreed in May on a set of
# guidelines", "in May he flew to Peking"
_AFTER_MAY = frozenset({"and", "or", "to", "of", "the", "when", "until", "that", "in", "a", "an", "on", "at", "by", "for",
                        "with", "after", "before", "as", "but", "he", "she", "it", "they", "we", "his", "her", "its",
                        "their", "this", "these", "those", "some", "both", "all", "several", "during", "while", "after"})


def month_ok(m: re.Match, group: str = "mon") -> bool:
    mon = m.group(group)
    return mon is None or capitalised(mon)


def era_ok(year_text: str | None) -> bool:
    if not year_text:
        return True
    if re.search(r"[a-z]", year_text) and re.search(r"(?i)\b(?:bc|ad|bce|ce)\b", year_text) and not re.search(r"BC|AD|BCE|CE|B\.|A\.", year_text):
        return False  # "ad", "ce": ordinary words, not eras
    return True


def year_context_ok(m: re.Match, text: str, group: str = "year") -> bool:
    """A bare four-digit number is a year unless it counts things ("1500 soldiers")."""
    ytext = m.group(group)
    if ytext is None:
        return True
    if not era_ok(ytext):
        return False
    if not re.fullmatch(r"\d{4}", ytext):
        return True
    start, end = m.span(group)
    if start > m.start():
        return True  # "March 1969 troops": after a month or "the year", a year all the same
    nxt = next_word(text, end)
    nl = nxt.lower()
    if nl in _NUMBER_FOLLOWERS:
        return False
    if nxt and nxt[0].islower() and nl.endswith("s") and nl not in _NOT_PLURAL:
        # "about 1500 horsemen" counts; "the 1777 campaigns" and "its 2006 highs" are years
        if prev_word(text, start) in _QUANTITY_PREV:
            return False
    prev = prev_word(text, start)
    if prev in ("$", "£", "no.", "number", "flight", "resolution", "route", "highway", "hill", "article", "page", "pp.", "p."):
        return False
    if text[max(0, start - 1):start] in ("$", "£", "€", "#"):
        return False
    return True


def _check_year(m: re.Match, text: str) -> bool:
    ytext = m.group("year")
    if ytext.startswith(("'", "’")):
        prev = prev_word(text, m.start())
        return prev in _YEAR_PREV or prev in lexicon().months
    return year_context_ok(m, text)


def _check_date(m, text: str) -> bool:
    return month_ok(m) and year_context_ok(m, text) if "year" in m.names else month_ok(m)


def _check_month_day(m: re.Match, text: str) -> bool:
    if not month_ok(m):
        return False
    mon = m.group("mon")
    if mon.lower().rstrip(".") in ("may", "march", "sat", "sun", "mar", "jan", "dec", "sept", "sep") and m.group("wd") is None:
        # "May 5" is a date; "may 5" and "March 3 kilometres" are not
        nxt = next_word(text, m.end()).lower()
        if nxt in _NUMBER_FOLLOWERS:
            return False
    return True


def _check_month_bare(m, text: str) -> bool:
    mon = m.group("mon")
    if not capitalised(mon):
        return False
    if m.group("pm"):
        return True
    prev = prev_word(text, m.start())
    nxt = next_word(text, m.end())
    ml = mon.lower()
    if ml in ("may", "march"):
        # also a verb and a noun: only after a word that makes it a date ("in May", "early March")
        if prev not in _TEMPORAL_PREV:
            return False
        if ml == "march" and nxt.lower() in ("on", "to", "of", "through", "across", "into", "from"):
            return False
        if ml == "may" and nxt and nxt[0].islower() and nxt.lower() not in _AFTER_MAY:
            return False
        return True
    if prev in _TEMPORAL_PREV:
        return True
    before = text[max(0, m.start() - 30):m.start()]
    prev_tok = re.search(r"(\S+)\s*$", before)
    if prev_tok and prev_tok.group(1)[:1].isupper() and not re.search(r"[.!?:;]$", prev_tok.group(1)):
        return False  # "Operation August Storm", "Black September"
    if nxt and nxt[0].isupper():
        return False  # "August von Mackensen", "February Revolution"
    return True


def _check_season_bare(m, text: str) -> bool:
    season = m.group("season").lower()
    nxt = next_word(text, m.end()).lower()
    if nxt == "of":
        return False  # "the fall of Berlin"; "the spring of 1958" is another rule
    if season == "fall":
        if m.group("rel") or m.group("pm"):
            return True
        # "the fall" is a season after a word that makes it a time ("in the fall", "throughout the fall")
        return bool(m.group("the")) and prev_word(text, m.start()) in (
            "in", "by", "until", "during", "that", "since", "through", "till", "early", "late", "and", "the",
            "throughout", "over", "for", "into", "before", "after")
    return True


def _check_year_range(m: re.Match, text: str) -> bool:
    y1s, y2s, era = m.group("y1"), m.group("y2"), m.group("era")
    if era and not era_ok(era):
        return False
    sep = m.group("sep").strip().lower()
    y1, y2 = int(y1s), int(y2s)
    if len(y1s) < 4 or not (1000 <= y1 <= 2099):
        if not era or era.upper().startswith(("A", "C")):
            # "100-250 men": only a BC narrative reads bare small numbers as years
            return bool(era) or (sep == "-" and _bc_mentioned_near(text, m.start()) and y2 < y1 and len(y1s) >= 3)
    if era and re.match(r"B", era, re.I):
        return y2 < y1 or len(y2s) < len(y1s)
    if len(y2s) == 2:
        y2 = y1 - y1 % 100 + y2
    if y2 <= y1 or y2 - y1 > 200:
        return False
    if sep in ("and",):
        return prev_word(text, m.start()) == "between"
    if sep in ("to", "through", "until"):
        return True
    nxt = next_word(text, m.end()).lower()
    return nxt not in _NUMBER_FOLLOWERS


def _check_decade(m: re.Match, text: str) -> bool:
    dec = m.group("dec").lower()
    if m.group("era") and not era_ok(m.group("era")):
        return False
    if re.match(r"(?:nineteen[\s-])?[a-z]", dec):
        # "the sixties": only with "the" or a modifier, and not "in his sixties"
        prev = prev_word(text, m.start())
        return m.group(0).lower().startswith(("the", "early", "late", "mid")) and prev not in ("his", "her", "their", "its")
    return True


def _check_century(m: re.Match, text: str) -> bool:
    n = parse_ordinal(m.group("ord"))
    if n is None:
        return False
    era = m.group("era")
    if era and not era_ok(era):
        return False
    return 1 <= n <= (40 if era and era.upper().startswith("B") else 21)


def _check_century_pair(m: re.Match, text: str) -> bool:
    a, b = parse_ordinal(m.group("ord1")), parse_ordinal(m.group("ord2"))
    return a is not None and b is not None and 1 <= a < b <= 40 and b - a <= 5


def _check_rel_unit(m: re.Match, text: str) -> bool:
    unit = m.group("unit")
    lex = lexicon()
    ul = unit.lower()
    if ul in lex.months or ul in lex.weekdays:
        return capitalised(unit)
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    if ul in ("time", "period") and rel in ("next", "last", "the last", "the next", "the following", "the previous", "the coming"):
        return False
    if ul == "fall":
        return next_word(text, m.end()).lower() != "of"
    return True


def _check_time_ref(m: re.Match, text: str) -> bool:
    rel = m.group("rel").lower()
    what = m.group("what").lower()
    nxt = next_word(text, m.end()).lower()
    if rel == "the":
        prev = prev_word(text, m.start())
        return what == "time" and (nxt in ("of", "when") or prev == "at") and nxt not in ("being",)
    if what == "date" and rel not in ("this", "that"):
        return False
    if what in ("point", "moment") and nxt in ("of", "where", "at"):
        return False
    return True


def _check_offset(m: re.Match, text: str) -> bool:
    d = m.group("dir").lower()
    if d == "on" and not m.group("num"):
        return False
    unit = m.group("unit").lower()
    nxt = next_word(text, m.end()).lower()
    if d in ("after", "before") and nxt == unit.rstrip("s"):
        return False  # "year after year"
    if not m.group("num") and unit in ("day", "year", "month", "week", "night", "hour", "decade", "century", "minute"):
        return False  # a singular unit needs a number: "a year later"; "day after" is not a date
    if d in ("since",) and not m.group("num"):
        return False
    return True


def _check_duration(m: re.Match, text: str) -> bool:
    unit = m.group("unit").lower()
    num, det, pos, tail = m.group("num"), m.group("det"), m.group("pos"), m.group("tail")
    plural = unit.endswith("s") or unit in ("centuries", "millennia")
    if unit in ("night", "nights") and not num:
        return False
    if not num and not plural:
        # "a year", "another month", "the past decade", but not a bare "day" or "the year"
        if det in ("a", "an", "another") or pos in ("past", "previous", "next", "following", "last", "first", "coming"):
            return not (pos in ("next", "following", "last", "previous", "coming") and unit in ("day", "week", "month", "year", "night", "morning"))
        return False
    if num and num.lower() in ("a", "an") and det:
        return False
    if num and parse_number(num) is None:
        return False
    if num and re.fullmatch(r"\d+(?:\.\d+)?", num) and int(float(num)) > 1000:
        return False
    if not num and det == "the" and not pos:
        return plural and next_word(text, m.end()).lower() in ("of", "that", "when", "following", "before", "after")
    if tail and tail.lower().startswith("old"):
        return bool(num)
    prev = prev_word(text, m.start())
    if not num and plural and prev in ("the", "a") and not det:
        return False
    if unit in ("minute", "minutes") and not num:
        return False
    return True


def _check_reference(m: re.Match, text: str) -> bool:
    w = re.sub(r"\s+", " ", m.group("w").lower())
    if w == "present":
        prev = prev_word(text, m.start())
        return prev in ("the", "at", "until", "till", "to")
    if w == "current" or w == "future":
        nxt = next_word(text, m.end())
        return bool(nxt) and nxt[0].isalpha()
    return True


def _check_daypart(m: re.Match, text: str) -> bool:
    part = m.group("part").lower()
    nxt = next_word(text, m.end()).lower()
    rel = (m.group("rel") or "").lower()
    if nxt == "of":
        return False
    if part in ("dawn", "dusk", "sunset", "sunrise", "first light", "daybreak", "nightfall", "noon", "midday", "midnight") and rel in ("", "a", "the", "one"):
        prev = prev_word(text, m.start())
        return prev in ("at", "by", "before", "after", "until", "till", "from", "around", "about", "since", "towards", "toward")
    if rel in ("a", "the", "one") and part not in ("night", "nights"):
        return rel == "one" or part in ("afternoon", "evening", "morning")
    return True


def _check_clock(m: re.Match, text: str) -> bool:
    ampm = (m.group("ampm") or "").lower()
    if ampm in ("am", "pm") and m.group("ampm") not in ("AM", "PM") and not m.group("mi"):
        return prev_word(text, m.start()) in ("at", "by", "until", "till", "from", "around", "about", "before", "after")
    return "mon" not in m.names or month_ok(m)


def _check_set(m: re.Match, text: str) -> bool:
    q = (m.group("q") or "").lower()
    if q == "a":
        prev = prev_word(text, m.start())
        return prev in ("once", "twice", "times", "thrice")
    return True


def _check_weekday(m: re.Match, text: str) -> bool:
    wd = m.group("wd")
    if not capitalised(wd) or len(wd) <= 3:
        return False
    if m.group("part"):
        return True
    prev = prev_word(text, m.start())
    return prev in ("on", "by", "until", "till", "last", "next", "that", "this", "following", "from", "since",
                    "early", "late", "before", "after", "every", "each", "and", "or", "the")


def _check_holiday(m: re.Match, text: str) -> bool:
    return capitalised(m.group("h").lstrip("the ").strip()) and year_context_ok(m, text)


def _check_day_ordinal(m: re.Match, text: str) -> bool:
    return prev_word(text, m.start()) in ("on", "by", "until", "till", "from", "of", "and")


def _check_daypart_date(m: re.Match, text: str) -> bool:
    return month_ok(m) and month_ok(m, "mon2")


def _check_clock24(m: re.Match, text: str) -> bool:
    return True


def _bc_mentioned_near(text: str, pos: int) -> bool:
    return bool(re.search(r"\d\s?(?:BC|B\.C\.|BCE)\b", text[max(0, pos - 3000):pos + 200]))


CHECKS = {
    "year": _check_year,
    "date_mdy": _check_date,
    "date_dmy": _check_date,
    "month_year": _check_date,
    "month_rel_year": _check_date,
    "month_day_rel_year": _check_date,
    "month_day": _check_month_day,
    "dm_range": lambda m, t: month_ok(m) and month_ok(m, "m1") and year_context_ok(m, t),
    "md_range": lambda m, t: month_ok(m) and month_ok(m, "m1") and year_context_ok(m, t),
    "day_month": _check_month_day,
    "month_bare": _check_month_bare,
    "season_year": lambda m, t: year_context_ok(m, t),
    "season_bare": _check_season_bare,
    "year_part": lambda m, t: year_context_ok(m, t),
    "year_range": _check_year_range,
    "decade": _check_decade,
    "decade_word": _check_decade,
    "century": _check_century,
    "century_pair": _check_century_pair,
    "rel_unit": _check_rel_unit,
    "time_ref": _check_time_ref,
    "offset": _check_offset,
    "duration": _check_duration,
    "reference": _check_reference,
    "daypart": _check_daypart,
    "daypart_date": _check_daypart_date,
    "date_daypart": _check_daypart_date,
    "date_daypart2": _check_daypart_date,
    "clock": _check_clock,
    "set_every": _check_set,
    "weekday": _check_weekday,
    "holiday": _check_holiday,
    "day_ordinal": _check_day_ordinal,
}

