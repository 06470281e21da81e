"""Find time expressions in a text and normalise them: :func:`find_timexes`.

A pure function over a string, fast (regular expressions, no parse): it is what the
``rift_dates`` component runs, what ``rift timex`` prints and what ``rift eval timex`` scores.

How it works:

1. every rule of :mod:`rift.dates.patterns` (and, with ``kb=True``, the named-event and
   office-holder patterns of :mod:`rift.dates.kbmatch`) is run over the text; matches that fail
   a rule's context test are dropped ("May" the verb, "1500 soldiers");
2. overlapping matches are resolved: the longest wins, then the rule's priority;
3. the survivors are resolved in text order, keeping *narrative time*: the last date the text
   stated. Anaphoric and relative expressions ("that year", "the following spring", "two days
   later") resolve against it in a narrative (``doctype="narrative"``); in news
   (``doctype="news"``) deictic ones ("this year", "yesterday", "three days ago") resolve
   against the document creation time ``dct``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rift.dates import kbmatch
from rift.dates.lexicon import VAGUE, lexicon, parse_number, parse_ordinal
from rift.dates.patterns import PREFIX_WINDOW, blocks, rules
from rift.dates.values import Point, easter, iso_key, narrow, valid_year, year_add

DOCTYPES = ("narrative", "news")
MAX_TEXT = 5_000_000  # characters; longer texts are processed in their first MAX_TEXT characters

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
_STOP_NP = frozenset(
    """was were is are had has have be been being that which who whom whose when while and but or as to in on
    at by for with from after before during until till since into onto upon than then so because although
    though if it he she they we i you there here would could should might may will can did do does not no
    also even only still yet again both either neither each every some any all more most much many few""".split()
)
_MOD_BY_PREP = {"by": "ON_OR_BEFORE", "before": "BEFORE", "after": "AFTER", "since": "ON_OR_AFTER",
                "until": "ON_OR_BEFORE", "till": "ON_OR_BEFORE"}


@dataclass(frozen=True)
class Timex:
    """One normalised time expression (offsets into the text given to :func:`find_timexes`).

    ``value`` is a TIMEX3/TIMEX2-style value; ``interval`` the calendar interval it covers
    (ISO dates, ``None`` for durations, sets and past/present/future references);
    ``anchor`` is ``"t<i>"`` (the index of the expression it was resolved against) or a
    knowledge-base entry id; ``kb`` is set when the expression names a KB event or office-holder.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    interval: tuple[str, str] | None = None
    precision: str = "unknown"
    explicit: bool = True
    anchor: str | None = None
    kb: str | None = None
    rule: str = ""
    range_with: int | None = None
    point: Point | None = field(default=None, repr=False, compare=False)
    sets_narrative: bool = field(default=False, repr=False, compare=False)
    narrative: Point | None = field(default=None, repr=False, compare=False)  # narrative time after it


@dataclass
class _Cand:
    start: int
    end: int
    rule: str
    priority: int
    m: re.Match | None = None
    data: dict = field(default_factory=dict)


@dataclass
class _Ctx:
    text: str
    doctype: str
    dct: Point | None
    narr: Point | None = None
    narr_index: int | None = None
    bc_positions: list[int] = field(default_factory=list)

    def anchor_point(self, deictic: bool = False) -> tuple[Point | None, str | None]:
        """The point relative expressions resolve against, and the anchor id."""
        if deictic and self.doctype == "news" and self.dct is not None:
            return self.dct, "dct"
        if self.narr is not None:
            return self.narr, (f"t{self.narr_index}" if self.narr_index is not None else None)
        if self.dct is not None:
            return self.dct, "dct"
        return None, None

    def in_bc(self, pos: int) -> bool:
        """True when the narrative at ``pos`` is in the years BC."""
        if self.narr is not None:
            return self.narr.year < 0
        i = bisect_left(self.bc_positions, pos)
        return i < len(self.bc_positions) and self.bc_positions[i] - pos < 200


# ---------------------------------------------------------------------------------------
# public entry point
# ---------------------------------------------------------------------------------------
def find_timexes(text: str, *, dct: str | None = None, doctype: str = "narrative", kb: bool = True) -> list[Timex]:
    """Find and normalise the time expressions of ``text``.

    Args:
        text: any text (offsets of the results point into it).
        dct: document creation time ``YYYY-MM-DD`` (needed for news; optional otherwise).
        doctype: ``"narrative"`` (relative expressions follow the story's own dates) or
            ``"news"`` (deictic ones follow ``dct``).
        kb: also find expressions anchored on named events and office-holders
            ("during the Korean War", "Khrushchev's overthrow"), with ``explicit=False``.

    Returns:
        The expressions in text order. Never raises on odd input; an unparseable ``dct`` is ignored.
    """
    if not text or not isinstance(text, str):
        return []
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT]
    ctx = _Ctx(text=text, doctype=doctype if doctype in DOCTYPES else "narrative", dct=_parse_dct(dct))
    ctx.bc_positions = [m.start() for m in re.finditer(r"\d\s?(?:BC|B\.C\.|BCE)(?![\w])", text)]
    cands = _collect(text, kb)
    chosen = _select(cands)
    out: list[Timex] = []
    for cand in chosen:
        for tx in _resolve(cand, ctx, len(out)):
            out.append(tx)
    _link_ranges(text, out)
    return out


def _parse_dct(dct: str | None) -> Point | None:
    if not dct or not isinstance(dct, str):
        return None
    m = re.match(r"^\s*(-?\d{4})-(\d{2})-(\d{2})", dct)
    if not m:
        m2 = re.match(r"^\s*(\d{4})\s*$", dct)
        return Point.of_year(int(m2.group(1))) if m2 else None
    return Point.of_day(int(m.group(1)), int(m.group(2)), int(m.group(3)))


# ---------------------------------------------------------------------------------------
# candidates and their selection
# ---------------------------------------------------------------------------------------
class _M:
    """A core match extended by its prefix match: groups, starts and ends of both."""

    __slots__ = ("core", "pre", "names")

    def __init__(self, core: re.Match, pre: re.Match | None):
        self.core = core
        self.pre = pre if pre is not None and pre.start() < pre.end() else None
        self.names = set(core.re.groupindex) | (set(pre.re.groupindex) if pre is not None else set())

    def _which(self, name):
        if self.pre is not None and name in self.pre.re.groupindex and self.pre.group(name) is not None:
            return self.pre
        if name in self.core.re.groupindex:
            return self.core
        return None

    def group(self, name=0):
        if name == 0:
            return self.core.string[self.start():self.end()]
        m = self._which(name)
        return m.group(name) if m is not None else None

    __getitem__ = group

    def start(self, name=0) -> int:
        if name == 0:
            return self.pre.start() if self.pre is not None else self.core.start()
        m = self._which(name)
        return m.start(name) if m is not None else -1

    def end(self, name=0) -> int:
        if name == 0:
            return self.core.end()
        m = self._which(name)
        return m.end(name) if m is not None else -1

    def span(self, name=0) -> tuple[int, int]:
        return self.start(name), self.end(name)


_LONG_NUMBER = re.compile(r"\d{9,}")


def _collect(text: str, kb: bool) -> list[_Cand]:
    cands: list[_Cand] = []
    if _LONG_NUMBER.search(text):
        # runs of nine or more digits hold no date: blank them (same length, offsets kept)
        text = _LONG_NUMBER.sub(lambda m: "_" * len(m.group()), text)
    for rule in rules():
        check = _CHECKS.get(rule.name)
        for core in rule.core.finditer(text):
            if core.end() == core.start():
                continue
            pre = None
            if rule.prefix is not None:
                pre = rule.prefix.search(text, max(0, core.start() - PREFIX_WINDOW), core.start())
                if pre is not None and pre.start() == pre.end():
                    pre = None
                if pre is None and rule.prefix_required:
                    continue
            m = _M(core, pre)
            if check is not None and not check(m, text):
                continue
            cands.append(_Cand(m.start(), m.end(), rule.name, rule.priority, m))
    for start, end, name, priority, data in kbmatch.candidates(text, events=kb, leaders=kb):
        cands.append(_Cand(start, end, name, priority, None, data))
    return cands


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Keep the longest non-overlapping candidates (then by priority), in text order."""
    cands.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    starts: list[int] = []
    spans: dict[int, int] = {}
    kept: list[_Cand] = []
    for c in cands:
        i = bisect_left(starts, c.start)
        if i > 0 and spans[starts[i - 1]] > c.start:
            continue
        if i < len(starts) and starts[i] < c.end:
            continue
        insort(starts, c.start)
        spans[c.start] = c.end
        kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept


# ---------------------------------------------------------------------------------------
# context checks (run on each regex match)
# ---------------------------------------------------------------------------------------
def _prev_word(text: str, pos: int) -> str:
    m = re.search(r"([\w.'’-]+|[(\[,;:–—-])\s*$", text[max(0, pos - 40):pos])
    return m.group(1).lower() if m else ""


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"\s*([\w'’-]+|[^\w\s])", text[pos:pos + 40])
    return m.group(1) if m else ""


def _cap(s: str | None) -> bool:
    return bool(s) and s[0].isupper()


def _month_ok(m: re.Match, group: str = "mon") -> bool:
    mon = m.group(group)
    return mon is None or _cap(mon)


def _era_ok(year_text: str | None) -> bool:
    if not year_text:
        return True
    if re.search(r"[a-z]", year_text) and re.search(r"(?i)\b(?:bc|ad|bce|ce)\b", year_text) and not re.search(r"BC|AD|BCE|CE|B\.|A\.", year_text):
        return False  # "ad", "ce": ordinary words, not eras
    return True


def _year_context_ok(m: re.Match, text: str, group: str = "year") -> bool:
    """A bare four-digit number is a year unless it counts things ("1500 soldiers")."""
    ytext = m.group(group)
    if ytext is None:
        return True
    if not _era_ok(ytext):
        return False
    if not re.fullmatch(r"\d{4}", ytext):
        return True
    start, end = m.span(group)
    if start > m.start():
        return True  # "March 1969 troops": after a month or "the year", a year all the same
    nxt = _next_word(text, end)
    nl = nxt.lower()
    if nl in _NUMBER_FOLLOWERS:
        return False
    if nxt and nxt[0].islower() and nl.endswith("s") and nl not in _NOT_PLURAL:
        # "about 1500 horsemen" counts; "the 1777 campaigns" and "its 2006 highs" are years
        if _prev_word(text, start) in _QUANTITY_PREV:
            return False
    prev = _prev_word(text, start)
    if prev in ("$", "£", "no.", "number", "flight", "resolution", "route", "highway", "hill", "article", "page", "pp.", "p."):
        return False
    if text[max(0, start - 1):start] in ("$", "£", "€", "#"):
        return False
    return True


def _check_year(m: re.Match, text: str) -> bool:
    ytext = m.group("year")
    if ytext.startswith(("'", "’")):
        prev = _prev_word(text, m.start())
        return prev in _YEAR_PREV or prev in lexicon().months
    return _year_context_ok(m, text)


def _check_date(m, text: str) -> bool:
    return _month_ok(m) and _year_context_ok(m, text) if "year" in m.names else _month_ok(m)


def _check_month_day(m: re.Match, text: str) -> bool:
    if not _month_ok(m):
        return False
    mon = m.group("mon")
    if mon.lower().rstrip(".") in ("may", "march", "sat", "sun", "mar", "jan", "dec", "sept", "sep") and m.group("wd") is None:
        # "May 5" is a date; "may 5" and "March 3 kilometres" are not
        nxt = _next_word(text, m.end()).lower()
        if nxt in _NUMBER_FOLLOWERS:
            return False
    return True


def _check_month_bare(m, text: str) -> bool:
    mon = m.group("mon")
    if not _cap(mon):
        return False
    if m.group("pm"):
        return True
    prev = _prev_word(text, m.start())
    nxt = _next_word(text, m.end())
    ml = mon.lower()
    if ml in ("may", "march"):
        # also a verb and a noun: only after a word that makes it a date ("in May", "early March")
        if prev not in _TEMPORAL_PREV:
            return False
        if ml == "march" and nxt.lower() in ("on", "to", "of", "through", "across", "into", "from"):
            return False
        if ml == "may" and nxt and nxt[0].islower() and nxt.lower() not in ("and", "or", "to", "of", "the", "when", "until", "that", "in", "a"):
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
    nxt = _next_word(text, m.end()).lower()
    if nxt == "of":
        return False  # "the fall of Berlin"; "the spring of 1958" is another rule
    if season == "fall":
        if m.group("rel") or m.group("pm"):
            return True
        prev = _prev_word(text, m.start())
        return bool(m.group("the")) and _prev_word(text, m.start() if not m.group("the") else m.start("season") - 4) in (
            "in", "by", "until", "during", "that", "since", "through", "till", "early", "late", "and", "the",
            "throughout", "over", "for", "into", "before", "after")
    return True


def _check_year_range(m: re.Match, text: str) -> bool:
    y1s, y2s, era = m.group("y1"), m.group("y2"), m.group("era")
    if era and not _era_ok(era):
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
        return _prev_word(text, m.start()) == "between"
    if sep in ("to", "through", "until"):
        return True
    nxt = _next_word(text, m.end()).lower()
    return nxt not in _NUMBER_FOLLOWERS


def _bc_mentioned_near(text: str, pos: int) -> bool:
    return bool(re.search(r"\d\s?(?:BC|B\.C\.|BCE)\b", text[max(0, pos - 3000):pos + 200]))


def _check_decade(m: re.Match, text: str) -> bool:
    dec = m.group("dec").lower()
    if m.group("era") and not _era_ok(m.group("era")):
        return False
    if re.match(r"(?:nineteen[\s-])?[a-z]", dec):
        # "the sixties": only with "the" or a modifier, and not "in his sixties"
        prev = _prev_word(text, m.start())
        return m.group(0).lower().startswith(("the", "early", "late", "mid")) and prev not in ("his", "her", "their", "its")
    return True


def _check_century(m: re.Match, text: str) -> bool:
    n = parse_ordinal(m.group("ord"))
    if n is None:
        return False
    era = m.group("era")
    if era and not _era_ok(era):
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
        return _cap(unit)
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    if ul in ("time", "period") and rel in ("next", "last", "the last", "the next", "the following", "the previous", "the coming"):
        return False
    if ul == "fall":
        return _next_word(text, m.end()).lower() != "of"
    return True


def _check_time_ref(m: re.Match, text: str) -> bool:
    rel = m.group("rel").lower()
    what = m.group("what").lower()
    nxt = _next_word(text, m.end()).lower()
    if rel == "the":
        prev = _prev_word(text, m.start())
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
    nxt = _next_word(text, m.end()).lower()
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
        return plural and _next_word(text, m.end()).lower() in ("of", "that", "when", "following", "before", "after")
    if tail and tail.lower().startswith("old"):
        return bool(num)
    prev = _prev_word(text, m.start())
    if not num and plural and prev in ("the", "a") and not det:
        return False
    if unit in ("minute", "minutes") and not num:
        return False
    return True


def _check_reference(m: re.Match, text: str) -> bool:
    w = re.sub(r"\s+", " ", m.group("w").lower())
    if w == "present":
        prev = _prev_word(text, m.start())
        return prev in ("the", "at", "until", "till", "to")
    if w == "current" or w == "future":
        nxt = _next_word(text, m.end())
        return bool(nxt) and nxt[0].isalpha()
    return True


def _check_daypart(m: re.Match, text: str) -> bool:
    part = m.group("part").lower()
    nxt = _next_word(text, m.end()).lower()
    rel = (m.group("rel") or "").lower()
    if nxt == "of":
        return False
    if part in ("dawn", "dusk", "sunset", "sunrise", "first light", "daybreak", "nightfall", "noon", "midday", "midnight") and rel in ("", "a", "the", "one"):
        prev = _prev_word(text, m.start())
        return prev in ("at", "by", "before", "after", "until", "till", "from", "around", "about", "since", "towards", "toward")
    if rel in ("a", "the", "one") and part not in ("night", "nights"):
        return rel == "one" or part in ("afternoon", "evening", "morning")
    return True


def _check_clock(m: re.Match, text: str) -> bool:
    ampm = (m.group("ampm") or "").lower()
    if ampm in ("am", "pm") and m.group("ampm") not in ("AM", "PM") and not m.group("mi"):
        return _prev_word(text, m.start()) in ("at", "by", "until", "till", "from", "around", "about", "before", "after")
    return "mon" not in m.names or _month_ok(m)


def _check_set(m: re.Match, text: str) -> bool:
    q = (m.group("q") or "").lower()
    if q == "a":
        prev = _prev_word(text, m.start())
        return prev in ("once", "twice", "times", "thrice")
    return True


def _check_weekday(m: re.Match, text: str) -> bool:
    wd = m.group("wd")
    if not _cap(wd) or len(wd) <= 3:
        return False
    if m.group("part"):
        return True
    prev = _prev_word(text, m.start())
    return prev in ("on", "by", "until", "till", "last", "next", "that", "this", "following", "from", "since",
                    "early", "late", "before", "after", "every", "each", "and", "or", "the")


def _check_holiday(m: re.Match, text: str) -> bool:
    return _cap(m.group("h").lstrip("the ").strip()) and _year_context_ok(m, text)


def _check_day_ordinal(m: re.Match, text: str) -> bool:
    return _prev_word(text, m.start()) in ("on", "by", "until", "till", "from", "of", "and")


def _check_daypart_date(m: re.Match, text: str) -> bool:
    return _month_ok(m) and _month_ok(m, "mon2")


def _check_clock24(m: re.Match, text: str) -> bool:
    return True


_CHECKS = {
    "year": _check_year,
    "date_mdy": _check_date,
    "date_dmy": _check_date,
    "month_year": _check_date,
    "month_rel_year": _check_date,
    "month_day_rel_year": _check_date,
    "month_day": _check_month_day,
    "dm_range": lambda m, t: _month_ok(m) and _month_ok(m, "m1") and _year_context_ok(m, t),
    "md_range": lambda m, t: _month_ok(m) and _month_ok(m, "m1") and _year_context_ok(m, t),
    "day_month": _check_month_day,
    "month_bare": _check_month_bare,
    "season_year": lambda m, t: _year_context_ok(m, t),
    "season_bare": _check_season_bare,
    "year_part": lambda m, t: _year_context_ok(m, t),
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


# ---------------------------------------------------------------------------------------
# resolution
# ---------------------------------------------------------------------------------------
def _resolve(c: _Cand, ctx: _Ctx, index: int) -> list[Timex]:
    try:
        handler = _HANDLERS.get(c.rule) or kbmatch.HANDLERS.get(c.rule)
        if handler is None:
            return []
        results = handler(c, ctx)
    except (ValueError, OverflowError, KeyError, IndexError, AttributeError, TypeError):  # garbage in: skip, never raise
        return []
    out: list[Timex] = []
    for r in results:
        if r is None:
            continue
        tx = r
        prep = _prev_word(ctx.text, tx.start)
        if tx.mod is None and prep in _MOD_BY_PREP and tx.type == "DATE" and tx.value not in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
            tx = replace(tx, mod=_MOD_BY_PREP[prep])
        _update_narrative(ctx, tx, index + len(out))
        out.append(replace(tx, narrative=ctx.narr))
    return out


def _update_narrative(ctx: _Ctx, tx: Timex, index: int) -> None:
    """Narrative time moves to every date the text states (year or finer, not from the KB),
    except end points ("until 1965", "since 1950"), and keeps its precision when the new date
    only restates it ("On 25 June 1950 ... in 1950")."""
    point = tx.point
    if not tx.sets_narrative or point is None or tx.kb is not None or point.gran in ("decade", "century"):
        return
    if _FLAGS.get("no_until", True) and _END_POINT.search(ctx.text[max(0, tx.start - 60):tx.start]):
        return
    old = ctx.narr
    if _FLAGS.get("keep_finer", True) and old is not None and _contains(point, old):
        return
    if (_FLAGS.get("year_aside", True) and old is not None and point.gran == "year" and old.gran in (("day",) if _FLAGS.get("aside_day_only", True) else ("month", "day"))
            and not _clause_initial(ctx.text, tx.start)):
        # "... collapsed in March 1975 ... a campaign planned for 1976 ... on 11 March": a year
        # mentioned in passing does not move a story told by the month or the day
        return
    ctx.narr = replace(point, tod=None) if point.gran != "day" else point
    ctx.narr_index = index


_FLAGS: dict[str, bool] = {}
# a date in a clause that names an end point ("lasted until the fall of Budapest in February 1945")
# is not where the story is
_END_POINT = re.compile(r"(?i)\b(?:until|till|since|up to)\b[^.;:()\[\]]*$")


def _clause_initial(text: str, pos: int) -> bool:
    """True when at most three words stand between the start of the sentence and ``pos``."""
    before = text[max(0, pos - 120):pos]
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("; "), before.rfind("! "), before.rfind("? "))
    head = before[cut + 1:] if cut >= 0 else (before if pos <= 120 else before)
    return len(re.findall(r"[\w'’-]+", head)) <= 3


def _contains(outer: Point, inner: Point) -> bool:
    """True when ``inner`` is a finer point inside ``outer`` (1950 contains 25 June 1950)."""
    order = {"century": 0, "decade": 1, "year": 2, "half": 3, "quarter": 3, "season": 3, "month": 4, "week": 5, "day": 6}
    if order.get(inner.gran, 0) <= order.get(outer.gran, 0):
        return False
    a, b = outer.interval()
    i, j = inner.interval()
    return iso_key(a) <= iso_key(i) and iso_key(j) <= iso_key(b)


def _make(c: _Cand, ctx: _Ctx, point: Point | None, *, mod: str | None = None, start: int | None = None,
          end: int | None = None, anchor: str | None = None, rule: str | None = None, update: bool = True,
          tod: str | None = None) -> Timex | None:
    """A DATE timex for ``point`` (``None`` -> no timex)."""
    if point is None or not valid_year(point.year):
        return None
    s = c.start if start is None else start
    e = c.end if end is None else end
    value = point.value()
    ttype = "TIME" if point.gran == "day" and point.tod else "DATE"
    return Timex(start=s, end=e, text=ctx.text[s:e], type=ttype, value=value, mod=mod,
                 interval=narrow(point.interval(), mod), precision=_precision(point), explicit=True,
                 anchor=anchor, rule=rule or c.rule, point=point, sets_narrative=update)


def _precision(p: Point) -> str:
    return {"half": "quarter", "quarter": "quarter", "week": "day"}.get(p.gran, p.gran)


def _other(c: _Cand, ctx: _Ctx, ttype: str, value: str, *, mod: str | None = None, interval=None,
           precision: str = "unknown", anchor: str | None = None, end: int | None = None) -> Timex:
    e = c.end if end is None else end
    return Timex(start=c.start, end=e, text=ctx.text[c.start:e], type=ttype, value=value, mod=mod,
                 interval=interval, precision=precision, anchor=anchor, rule=c.rule)


# --- value helpers ----------------------------------------------------------------------
def _month_num(s: str) -> int:
    return lexicon().months[s.lower().rstrip(".")]


def _day_num(s: str) -> int:
    return int(re.match(r"\d+", s).group())


def _year_value(ytext: str, ctx: _Ctx, pos: int) -> int | None:
    """The signed year a year token stands for (``"490 BC"`` -> -490, ``"'89"`` -> 1789 in context)."""
    t = ytext.strip()
    m = re.match(r"(?i)^(?:A\.?\s?D\.?)\s?(\d{1,4})$", t)
    if m:
        return int(m.group(1)) or None
    m = re.match(r"(?i)^(\d{1,4})\s?(B\.?\s?C\.?(?:\s?E\.?)?|BCE|A\.?\s?D\.?|C\.?E\.?)$", t)
    if m:
        y = int(m.group(1))
        if y == 0:
            return None
        return -y if m.group(2).upper().startswith("B") else y
    m = re.match(r"^['’](\d\d)$", t)
    if m:
        base, _ = ctx.anchor_point()
        century = (base.year // 100) * 100 if base is not None and base.year > 0 else 1900
        return century + int(m.group(1))
    if re.fullmatch(r"\d{1,4}", t):
        y = int(t)
        if len(t) < 4 and ctx.in_bc(pos):
            return -y
        return y if y > 0 else None
    return None


def _pmod(text: str | None) -> str | None:
    if not text:
        return None
    key = re.sub(r"\s+", " ", text.strip().lower()).rstrip("-")
    lex = lexicon().period_mods
    if key in lex:
        return lex[key]
    if key + "-" in lex:
        return lex[key + "-"]
    return None


def _rel_offset(rel: str | None) -> int:
    r = re.sub(r"\s+", " ", (rel or "").lower())
    if r in ("the following", "the next", "next", "the ensuing", "the subsequent", "the coming", "the succeeding"):
        return 1
    if r in ("the previous", "the preceding", "the prior", "last", "the last"):
        return -1
    return 0


# --- handlers -----------------------------------------------------------------------------
def _h_iso(c, ctx):
    m = c.m
    p = Point.of_day(int(m["y"]), int(m["mo"]), int(m["d"]))
    if p is not None and m["h"]:
        p = replace(p, tod=f"{m['h']}:{m['mi']}")
    return [_make(c, ctx, p)]


def _h_numeric(c, ctx):
    m = c.m
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    p = Point.of_day(y, a, b) if a <= 12 else Point.of_day(y, b, a)
    return [_make(c, ctx, p)]


def _h_full_date(c, ctx):
    m = c.m
    y = _year_value(m["year"], ctx, c.start)
    if y is None:
        return []
    mon = _month_num(m["mon"])
    p = Point.of_day(y, mon, _day_num(m["day"]))
    if p is None:  # "February 30, 1950": keep the month
        p = Point.of_month(y, mon)
    return [_make(c, ctx, p)]


def _h_day_range(c, ctx):
    """"23-28 March 1951", "31 May-1 June 1916", "March 23-28, 1951": two dates, one year."""
    m = c.m
    if m["year"]:
        y = _year_value(m["year"], ctx, c.start)
        anchor = None
    else:
        base, anchor = ctx.anchor_point()
        y = base.year if base is not None else None
    if y is None:
        return []
    m2 = _month_num(m["mon"]) if m["mon"] else _month_num(m["m1"])
    m1 = _month_num(m["m1"]) if m["m1"] else m2
    p1, p2 = Point.of_day(y, m1, _day_num(m["day"])), Point.of_day(y, m2, _day_num(m["d2"]))
    if p1 is None or p2 is None or p1.key() > p2.key():
        return []
    first_end = m.end("m1") if c.rule == "md_range" or m["m1"] else m.end("day")
    if c.rule == "md_range":
        first_end = m.end("day")
    a = _make(c, ctx, p1, end=first_end, anchor=anchor)
    b = _make(c, ctx, p2, start=m.start("mon") if c.rule == "md_range" and m["mon"] else m.start("d2"), anchor=anchor)
    return [a, b] if a and b else []


def _h_month_day(c, ctx):
    m = c.m
    mon = _month_num(m["mon"])
    day = _day_num(m["day"])
    base, anchor = ctx.anchor_point()
    if base is None:
        return [_other(c, ctx, "DATE", f"XXXX-{mon:02d}-{day:02d}")]
    year = _forward_year(base, mon)
    p = Point.of_day(year, mon, day)
    return [_make(c, ctx, p, anchor=anchor)]


def _forward_year(base: Point, month: int) -> int:
    """The year of a month named without one: narrative time's. (Rolling over to the next year
    when the month is "behind" the narrative's was tried and scored worse: histories look back
    as often as forward.)"""
    return base.year


def _h_month_year(c, ctx):
    m = c.m
    y = _year_value(m["year"], ctx, c.start)
    if y is None:
        return []
    return [_make(c, ctx, Point.of_month(y, _month_num(m["mon"])), mod=_pmod(m["pm"]))]


def _h_month_rel_year(c, ctx):
    m = c.m
    base, anchor = ctx.anchor_point(deictic=m["rel"].lower() in ("this", "last", "next"))
    if base is None:
        return []
    y = year_add(base.year, _rel_offset(m["rel"])) if _rel_offset(m["rel"]) else base.year
    return [_make(c, ctx, Point.of_month(y, _month_num(m["mon"])), mod=_pmod(m["pm"]), anchor=anchor)]


def _h_month_day_rel_year(c, ctx):
    m = c.m
    base, anchor = ctx.anchor_point(deictic=m["rel"].lower() in ("this", "last", "next"))
    if base is None:
        return []
    off = _rel_offset(m["rel"])
    y = year_add(base.year, off) if off else base.year
    return [_make(c, ctx, Point.of_day(y, _month_num(m["mon"]), _day_num(m["day"])), anchor=anchor)]


def _h_month_bare(c, ctx):
    m = c.m
    mon = _month_num(m["mon"])
    base, anchor = ctx.anchor_point()
    mod = _pmod(m["pm"])
    if base is None:
        return [_other(c, ctx, "DATE", f"XXXX-{mon:02d}", mod=mod)]
    return [_make(c, ctx, Point.of_month(_forward_year(base, mon), mon), mod=mod, anchor=anchor)]


def _season_code(word: str) -> str:
    return lexicon().seasons[word.lower()]


def _h_season_year(c, ctx):
    m = c.m
    y = _year_value(m["year"], ctx, c.start)
    if y is None:
        return []
    return [_make(c, ctx, Point("season", y, part=_season_code(m["season"])), mod=_pmod(m["pm"]))]


def _h_season_rel_year(c, ctx):
    m = c.m
    base, anchor = ctx.anchor_point(deictic=m["rel"].lower() in ("this", "last", "next"))
    if base is None:
        return []
    off = _rel_offset(m["rel"])
    y = year_add(base.year, off) if off else base.year
    return [_make(c, ctx, Point("season", y, part=_season_code(m["season"])), mod=_pmod(m["pm"]), anchor=anchor)]


_SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}
_MONTH_SEASON = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA"}


def _season_near(base: Point, code: str, offset: int) -> Point:
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
            jan_year = year_add(jan_year, -1) if (month is None or month > 2) else year_add(jan_year, -1)
        return Point("season", jan_year, part="WI")
    here = _MONTH_SEASON.get(month) if month else None
    if offset > 0:
        if here is None or _SEASON_ORDER[code] <= _SEASON_ORDER.get(here, -1):
            year = year_add(year, 1)
    elif offset < 0:
        if here is None or _SEASON_ORDER[code] >= _SEASON_ORDER.get(here, 4):
            year = year_add(year, -1)
    return Point("season", year, part=code)


def _h_season_bare(c, ctx):
    m = c.m
    code = _season_code(m["season"])
    base, anchor = ctx.anchor_point(deictic=(m["rel"] or "").lower() in ("this", "last", "next"))
    mod = _pmod(m["pm"])
    if base is None:
        return [_other(c, ctx, "DATE", f"XXXX-{code}", mod=mod)]
    off = _rel_offset(m["rel"])
    # "over the winter": a season named without a year moves the story only with "the next" or "the previous"
    return [_make(c, ctx, _season_near(base, code, off), mod=mod, anchor=anchor, update=bool(off))]


def _h_named_season(c, ctx):
    """"the dry season": a season of the year the story is in (no TIMEX code for it)."""
    base, anchor = ctx.anchor_point()
    if base is None:
        return [_other(c, ctx, "DATE", "XXXX")]
    off = _rel_offset(c.m["rel"])
    p = Point.of_year(year_add(base.year, off) if off else base.year)
    return [_make(c, ctx, p, anchor=anchor, update=False)]


def _h_unit_end(c, ctx):
    base, anchor = ctx.anchor_point()
    p = _at_gran(base, c.m["unit"].lower()) if base is not None else None
    if p is None:
        return []
    return [_make(c, ctx, p, mod="END", anchor=anchor, update=False)]


def _h_year_part(c, ctx):
    m = c.m
    y = _year_value(m["year"], ctx, c.start)
    if y is None:
        return []
    half, what = m["half"].lower(), m["what"].lower()
    if what == "half":
        return [_make(c, ctx, Point("half", y, part="H1" if half == "first" else "H2"))]
    if what == "quarter":
        q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}.get(half, 1)
        return [_make(c, ctx, Point("quarter", y, part=f"Q{q}"))]
    mod = "START" if half.startswith("first") or half == "earlier" else "END"
    return [_make(c, ctx, Point.of_year(y), mod=mod)]


def _h_year(c, ctx):
    m = c.m
    y = _year_value(m["year"], ctx, m.start("year"))
    if y is None:
        return []
    return [_make(c, ctx, Point.of_year(y), mod=_pmod(m["pm"]))]


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
    a = _make(c, ctx, Point.of_year(y1), end=m.end("y1"))
    b = _make(c, ctx, Point.of_year(y2), start=m.start("y2"))
    if a is None or b is None:
        return []
    return [a, b]


def _h_decade(c, ctx):
    m = c.m
    dec = m["dec"].lower().replace("’", "'")
    era = (m["era"] or "").upper()
    mod = _pmod(m["pm"])
    word = re.sub(r"^nineteen[\s-]", "", dec)
    if word in lexicon().decade_words:
        base, _ = ctx.anchor_point()
        century = 1900 if dec.startswith("nineteen") or base is None or base.year < 1000 else (base.year // 100) * 100
        return [_make(c, ctx, Point.of_decade(century + 10 * lexicon().decade_words[word]), mod=mod, update=False)]
    digits = re.sub(r"\D", "", dec)
    if dec.startswith("'"):
        base, _ = ctx.anchor_point()
        century = (base.year // 100) * 100 if base is not None and base.year > 0 else 1900
        return [_make(c, ctx, Point.of_decade(century + int(digits)), mod=mod, update=False)]
    n = int(digits)
    if era.startswith("B"):
        p = Point.of_decade(-(n + 9)) if n % 100 else Point.of_century(-(n + 99))
        return [_make(c, ctx, p, mod=mod, update=False)]
    if n % 100 == 0 and len(digits) == 4:
        return [_make(c, ctx, Point.of_century(n), mod=mod, update=False)]
    if not valid_year(n):
        return []
    return [_make(c, ctx, Point.of_decade(n), mod=mod, update=False)]


def _century_point(n: int, bc: bool) -> Point:
    # the nineteenth century is TIMEX "18": the hundred years 1800-1899
    return Point.of_century(-(100 * (n - 1) + 99)) if bc else Point.of_century(max(1, 100 * (n - 1)))


def _h_century(c, ctx):
    m = c.m
    n = parse_ordinal(m["ord"])
    bc = (m["era"] or "").upper().startswith("B")
    return [_make(c, ctx, _century_point(n, bc), mod=_pmod(m["pm"]), update=False)]


def _h_century_pair(c, ctx):
    m = c.m
    bc = (m["era"] or "").upper().startswith("B")
    a = _make(c, ctx, _century_point(parse_ordinal(m["ord1"]), bc), end=m.end("ord1"), update=False)
    b = _make(c, ctx, _century_point(parse_ordinal(m["ord2"]), bc), start=m.start("ord2"), update=False)
    return [a, b] if a and b else []


_GRAN_OF_UNIT = {"year": "year", "month": "month", "week": "week", "weekend": "day", "day": "day", "decade": "decade",
                 "century": "century", "morning": "day", "afternoon": "day", "evening": "day", "night": "day"}


def _h_rel_unit(c, ctx):
    m = c.m
    unit = m["unit"].lower()
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    deictic = rel in ("this", "next", "last") and ctx.doctype == "news"
    base, anchor = ctx.anchor_point(deictic=deictic)
    off = _rel_offset(rel)
    pre = (m["pre"] or "").lower()
    mod = {"early": "START", "late": "END"}.get(pre)
    lex = lexicon()
    if base is None:
        return [_other(c, ctx, "DATE", "PAST_REF" if off < 0 else ("FUTURE_REF" if off > 0 else "PRESENT_REF"))]
    if unit in ("time", "period"):
        if rel == "this" and unit == "time":
            return [_other(c, ctx, "DATE", "PRESENT_REF")]
        return [_make(c, ctx, base, anchor=anchor, update=False)]
    if unit in lex.seasons:
        return [_make(c, ctx, _season_near(base, lex.seasons[unit], off), mod=mod, anchor=anchor)]
    if unit in lex.months:
        mon = lex.months[unit]
        y = base.year
        if off > 0 and (base.month is None or mon <= base.month):
            y = year_add(y, 1)
        elif off < 0 and (base.month is None or mon >= base.month):
            y = year_add(y, -1)
        return [_make(c, ctx, Point.of_month(y, mon), mod=mod, anchor=anchor)]
    if unit in lex.weekdays:
        return [_weekday_point(c, ctx, lex.weekdays[unit], off)]
    gran = _GRAN_OF_UNIT.get(unit, "year")
    p = _at_gran(base, gran)
    if p is None:
        return [_underspecified(c, ctx, base, gran, anchor, tod=lex.day_parts.get(unit))]
    if off:
        p = p.shift(off, {"year": "Y", "month": "M", "week": "W", "day": "D", "decade": "DE", "century": "CE"}[gran])
    if p is not None and unit in ("morning", "afternoon", "evening", "night") and p.gran == "day":
        p = replace(p, tod=lex.day_parts[unit])
    return [_make(c, ctx, p, mod=mod, anchor=anchor, update=gran not in ("decade", "century"))]


def _underspecified(c, ctx, base: Point, gran: str, anchor: str | None, *, tod: str | None = None,
                    end: int | None = None) -> Timex:
    """A day or month we cannot pin down inside a coarser narrative time: ``1915-XX-XX``."""
    if gran in ("day", "week") and base.gran in ("year", "month", "season", "half", "quarter"):
        head = base.value() if base.gran == "month" else Point.of_year(base.year).value()
        value = head + ("-XX" if base.gran == "month" else "-XX-XX") if gran == "day" else f"{Point.of_year(base.year).value()}-WXX"
        if tod and gran == "day":
            value += f"T{tod}"
    elif gran == "month" and base.gran in ("year", "season", "half", "quarter"):
        value = f"{Point.of_year(base.year).value()}-XX"
    else:
        value = base.value()
    return Timex(start=c.start, end=c.end if end is None else end, text=ctx.text[c.start:c.end if end is None else end],
                 type="DATE", value=value, interval=base.interval(), precision=_precision(base), anchor=anchor, rule=c.rule)


def _at_gran(base: Point, gran: str) -> Point | None:
    """``base`` seen at granularity ``gran`` (``None`` if ``base`` is too coarse)."""
    order = {"century": 0, "decade": 1, "year": 2, "half": 3, "quarter": 3, "season": 3, "month": 4, "week": 5, "day": 6}
    if order.get(base.gran, 0) < order[gran]:
        return None
    if gran == "week":
        d = base.to_date()
        if d is None:
            return None
        iso = d.isocalendar()
        return Point("week", iso[0], part=str(iso[1]))
    if gran == "day":
        return replace(base, tod=None)
    return base.coarsen(gran)


def _weekday_point(c, ctx, wd: int, off: int = 0) -> Timex | None:
    import datetime as dt

    base, anchor = ctx.anchor_point(deictic=True)
    d = base.to_date() if base is not None else None
    if d is None:
        return _other(c, ctx, "DATE", f"XXXX-WXX-{wd}")
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
    return _make(c, ctx, Point("day", nd.year, nd.month, nd.day), anchor=anchor)


def _h_unit_rel(c, ctx):
    m = c.m
    unit = m["unit"].lower()
    off = -1 if m["dir"].lower() == "before" else 1
    base, anchor = ctx.anchor_point()
    if base is None:
        return []
    gran = {"night": "day", "morning": "day"}.get(unit, unit)
    p = _at_gran(base, gran)
    if p is None:
        return []
    p = p.shift(off, {"year": "Y", "month": "M", "week": "W", "day": "D"}[gran])
    return [_make(c, ctx, p, anchor=anchor)]


def _h_pmod_unit(c, ctx):
    m = c.m
    unit = m["unit"].lower()
    base, anchor = ctx.anchor_point()
    if base is None:
        return []
    p = _at_gran(base, unit)
    if p is None:
        return []
    return [_make(c, ctx, p, mod=_pmod(m["pm"]), anchor=anchor, update=False)]


def _h_in_the_unit(c, ctx):
    m = c.m
    base, anchor = ctx.anchor_point()
    if base is None:
        return []
    p = _at_gran(base, m["unit"].lower())
    if p is None:
        return []
    return [_make(c, ctx, p, anchor=anchor, update=False)]


def _h_time_ref(c, ctx):
    base, anchor = ctx.anchor_point()
    rel = c.m["rel"].lower()
    if rel == "this" and (ctx.doctype == "news" or c.m["what"].lower() == "time"):
        return [_other(c, ctx, "DATE", "PRESENT_REF")]
    if base is None:
        return [_other(c, ctx, "DATE", "PRESENT_REF" if rel == "this" else "PAST_REF")]
    return [_make(c, ctx, base, anchor=anchor, update=False)]


def _unit_code(word: str) -> str:
    return lexicon().units[word.lower()]


def _num_value(num: str | None) -> float | str | None:
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


def _duration_value(n: float | str, unit: str) -> str:
    if unit == "2W":
        return f"P{_fmt_num(n if n == VAGUE else float(n) * 2)}W"
    if unit == "H":
        return f"PT{_fmt_num(n)}H"
    if unit == "MIN":
        return f"PT{_fmt_num(n)}M"
    return f"P{_fmt_num(n)}{unit}"


def _qmod(text: str | None) -> str | None:
    if not text:
        return None
    return lexicon().quantity_mods.get(re.sub(r"\s+", " ", text.lower()))


def _h_offset(c, ctx):
    m = c.m
    num = m["num"]
    unit_word = m["unit"].lower()
    n = _num_value(num) if num else VAGUE
    if n is None:
        return []
    unit = _unit_code(unit_word)
    d = m["dir"].lower()
    sign = -1 if d in ("earlier", "before", "beforehand", "ago", "previously", "prior") else 1
    qm = _qmod(m["qm"])
    end = c.end
    kb_hit = None
    if d in ("after", "before"):
        end, kb_hit = _extend_event_np(ctx, c.end)
    if kb_hit is not None:
        base, anchor = kb_hit
    else:
        base, anchor = ctx.anchor_point(deictic=(d == "ago"))
    if not num and kb_hit is None and end == c.end:
        # "days later", "weeks later", "hours later": some unspecified day or week
        if unit == "H":
            if base is not None and base.gran == "day":
                return [_other(c, ctx, "TIME", f"{replace(base, tod=None).value()}TXX", interval=base.interval(), precision="day", anchor=anchor)]
            return [_other(c, ctx, "TIME", "XXXX-XX-XXTXX")]
        value = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "DE": "XXX", "CE": "XX"}.get(unit, "XXXX")
        return [_other(c, ctx, "DATE", value, anchor=anchor)]
    if base is None:
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return [_other(c, ctx, "DATE", value, end=end)]
    if n == VAGUE:
        # "a few months later": after narrative time, at the unit's granularity
        gran = {"Y": "year", "M": "month", "W": "day", "D": "day", "DE": "decade", "CE": "century"}.get(unit, "year")
        p = _at_gran(base, gran) or base
        mod = "AFTER" if sign > 0 else "BEFORE"
        # the interval: the few units before (or after) the anchor, "few" taken as three
        far = base.shift(sign * 3, unit)
        interval = None
        if far is not None:
            interval = ((far.interval()[0], _day_before(base.interval()[0])) if sign < 0
                        else (_day_after(base.interval()[1]), far.interval()[1]))
        tx = _make(c, ctx, p, mod=mod, anchor=anchor, end=end, update=False)
        if tx is None:
            return []
        if interval is not None:
            tx = replace(tx, interval=interval)
        if kb_hit is None and end == c.end:
            # nothing named to count from: TIMEX's past or future reference
            tx = replace(tx, value="FUTURE_REF" if sign > 0 else "PAST_REF", precision="unknown")
        return [tx]
    if unit in ("D", "W") and base.gran not in ("day", "week"):
        return [_underspecified(c, ctx, base, "day", anchor, end=end)]
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
    return [_make(c, ctx, shifted, mod=mod, anchor=anchor, end=end, update=kb_hit is None and (sign > 0 or not _FLAGS.get("no_back", True)))]


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


def _extend_event_np(ctx: _Ctx, pos: int) -> tuple[int, tuple[Point, str] | None]:
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
        if w.lower() in _STOP_NP:
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
    unit = _unit_code(m["unit"])
    num = m["num"]
    plural = m["unit"].lower().endswith("s") or m["unit"].lower() in ("centuries", "millennia")
    if num:
        n = _num_value(num)
    elif plural:
        n = VAGUE
    else:
        n = 1.0
    if n is None:
        return []
    end = c.end
    if (num or m["pos"]) and not m["tail"]:
        end = _extend_of_np(ctx.text, c.end)
    return [_other(c, ctx, "DURATION", _duration_value(n, unit), mod=_qmod(m["qm"]), end=end)]


def _extend_of_np(text: str, pos: int) -> int:
    """Extend "the first three years" over "of the war" / "of its existence"."""
    m = re.match(r"\s+of\s+((?:the|its|his|her|their|this|that|[A-Z][\w-]*['’]s)\s+)?((?:[\w-]+\s+){0,2}?[\w-]+)(?=[\s,.;:)]|$)", text[pos:pos + 80])
    if not m:
        return pos
    words = m.group(2).split()
    kept = []
    for w in words:
        if w.lower() in _STOP_NP or re.fullmatch(r"\d{4}", w):
            break
        kept.append(w)
    if not kept:
        return pos
    head = m.start(2)
    return pos + head + len(" ".join(kept))


def _h_duration_long(c, ctx):
    w = c.m["unit"].lower()
    n = VAGUE if w.endswith("s") else 1.0
    return [_other(c, ctx, "DURATION", _duration_value(n, _unit_code(w)))]


def _h_half_unit(c, ctx):
    m = c.m
    return [_other(c, ctx, "DURATION", _duration_value(0.5, _unit_code(m["unit"])), mod=_qmod(m["qm"]))]


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
            return [_make(c, ctx, base.shift(off, "D"), anchor=anchor, update=False)]
        if w != "today":
            return [_other(c, ctx, "DATE", "PAST_REF" if off < 0 else "FUTURE_REF")]
    return [_other(c, ctx, "DATE", value)]


def _h_daypart_date(c, ctx):
    m = c.m
    mon = m["mon"] or m["mon2"]
    day = m["day"] or m["day2"]
    ytext = m["year"] or m["year2"]
    code = lexicon().day_parts[re.sub(r"\s+", " ", m["part"].lower())]
    if ytext:
        y = _year_value(ytext, ctx, c.start)
    else:
        base, _ = ctx.anchor_point()
        y = _forward_year(base, _month_num(mon)) if base else None
    if y is None:
        return [_other(c, ctx, "TIME", f"XXXX-{_month_num(mon):02d}-{_day_num(day):02d}T{code}")]
    p = Point.of_day(y, _month_num(mon), _day_num(day))
    if p is None:
        return []
    mod = {"early": "START", "late": "END"}.get((m["pre"] or m["early"] or "").lower())
    return [_make(c, ctx, replace(p, tod=code), mod=mod)]


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
            return [_other(c, ctx, "SET", f"{base.coarsen('month').value()}-XXT{code}", anchor=anchor)]
        return [_other(c, ctx, "SET", f"XXXX-XX-XXT{code}")]
    if rel in ("that", "this", "the same", "that same", "the following", "the next", "the previous"):
        base, anchor = ctx.anchor_point()
        p = _at_gran(base, "day") if base is not None else None
        if p is not None:
            off = _rel_offset(rel)
            if off:
                p = p.shift(off, "D")
            if p is not None:
                return [_make(c, ctx, replace(p, tod=code), anchor=anchor)]
    return [_other(c, ctx, "TIME", f"XXXX-XX-XXT{code}")]


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
        y = _year_value(am["year"] or am["year2"], ctx, c.end)
        mo = _month_num(am["mon"] or am["mon2"])
        p = Point.of_day(y, mo, _day_num(am["day"] or am["day2"])) if y is not None else None
        if p is not None:
            return [_make(c, ctx, replace(p, tod=tod), update=False)]
    if mon and base is not None:
        p = Point.of_day(_forward_year(base, _month_num(mon)), _month_num(mon), _day_num(m["day"]))
        if p is not None:
            return [_make(c, ctx, replace(p, tod=tod), anchor=anchor)]
    if base is not None and base.gran == "day":
        return [_make(c, ctx, replace(base, tod=tod), anchor=anchor, update=False)]
    return [_other(c, ctx, "TIME", f"XXXX-XX-XXT{tod}")]


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
        return [_other(c, ctx, "DURATION", _duration_value(1.0, _unit_code(key)))]
    return [_other(c, ctx, "SET", _SET_VALUES.get(key, "XXXX"))]


def _h_holiday(c, ctx):
    m = c.m
    name = re.sub(r"\s+", " ", m["h"])
    rule = next((v for k, v in lexicon().holidays.items() if k.lower() == name.lower()), None)
    if rule is None:
        return []
    if m["year"]:
        y = _year_value(m["year"], ctx, c.start)
        anchor = None
    else:
        base, anchor = ctx.anchor_point()
        y = base.year if base is not None else None
    if y is None:
        return [_other(c, ctx, "DATE", "XXXX-12-25" if rule == "12-25" else "XXXX-XX-XX")]
    if re.fullmatch(r"\d\d-\d\d", rule):
        mo, d = int(rule[:2]), int(rule[3:])
    else:
        e = easter(y)
        if e is None:
            return [_make(c, ctx, Point.of_year(y), anchor=anchor, update=False)]
        mo, d = e
        if rule == "good_friday":
            import datetime as dt

            gd = dt.date(y, mo, d) - dt.timedelta(days=2)
            mo, d = gd.month, gd.day
    p = Point.of_day(y, mo, d)
    part = (m["part"] or "").lower()
    if p is not None and part in ("night", "eve"):
        p = replace(p, day=p.day - 1, tod="NI") if part == "night" and rule == "12-25" else p
    return [_make(c, ctx, p, anchor=anchor)]


def _h_weekday(c, ctx):
    m = c.m
    wd = lexicon().weekdays[m["wd"].lower()]
    tx = _weekday_point(c, ctx, wd)
    return [tx]


def _h_day_ordinal(c, ctx):
    m = c.m
    day = _day_num(m["day"])
    base, anchor = ctx.anchor_point()
    if base is None or base.month is None:
        return [_other(c, ctx, "DATE", f"XXXX-XX-{day:02d}")]
    return [_make(c, ctx, Point.of_day(base.year, base.month, day), anchor=anchor)]


_HANDLERS = {
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
    "holiday": _h_holiday,
    "weekday": _h_weekday,
    "day_ordinal": _h_day_ordinal,
}


# ---------------------------------------------------------------------------------------
# ranges: "from 1960 to 1963", "1956-1960", "between 1960 and 1963"
# ---------------------------------------------------------------------------------------
_RANGE_GAP = re.compile(r"^\s*(?:[-–—/]|to|until|till|through|and|–)\s*$", re.I)


def _link_ranges(text: str, out: list[Timex]) -> None:
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.type != "DATE" or b.type != "DATE" or a.interval is None or b.interval is None or a.kb or b.kb:
            continue
        gap = text[a.end:b.start]
        if not _RANGE_GAP.match(gap):
            continue
        sep = gap.strip().lower()
        prev = _prev_word(text, a.start)
        if sep == "and" and prev != "between":
            continue
        if sep in ("to", "until", "till", "through") and prev not in ("from", "between") and not re.match(r"[-–—/]", sep):
            if not (a.rule == "year_range"):
                continue
        if iso_key(a.interval[0]) > iso_key(b.interval[1]):
            continue
        out[i] = replace(a, range_with=i + 1)
        out[i + 1] = replace(b, range_with=i)
