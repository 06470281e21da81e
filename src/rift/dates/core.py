"""What the normaliser's stages share: the :class:`Timex` record, the resolution context,
regex matches extended by their prefixes, and the helpers that build values from them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from rift.dates.lexicon import lexicon
from rift.dates.values import Point, iso_key, narrow, valid_year

DOCTYPES = ("narrative", "news")


MAX_TEXT = 5_000_000  # characters; longer texts are processed in their first MAX_TEXT characters


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
class Candidate:
    start: int
    end: int
    rule: str
    priority: int
    m: re.Match | None = None
    data: dict = field(default_factory=dict)


@dataclass
class Context:
    text: str
    doctype: str
    dct: Point | None
    narr: Point | None = None
    narr_index: int | None = None
    bc_positions: list[int] = field(default_factory=list)
    last: Point | None = None  # the last year-or-finer date the text stated ("that year" points back to it)
    last_index: int | None = None
    last_end: int | None = None  # where that date ends in the text

    def anchor_point(self, deictic: bool = False) -> tuple[Point | None, str | None]:
        """The point relative expressions resolve against, and the anchor id."""
        if deictic and self.doctype == "news" and self.dct is not None:
            return self.dct, "dct"
        if self.narr is not None:
            return self.narr, (f"t{self.narr_index}" if self.narr_index is not None else None)
        if self.dct is not None:
            return self.dct, "dct"
        return None, None

    def last_named(self, anchor: str | None) -> tuple[Point | None, str | None]:
        """The date the text stated last, with its anchor id (``anchor`` when it has none): what
        "that year" or "eleven years later" counts from when it did not move the story."""
        return self.last, (f"t{self.last_index}" if self.last_index is not None else anchor)

    def in_bc(self, pos: int) -> bool:
        """True when the narrative at ``pos`` is in the years BC."""
        if self.narr is not None:
            return self.narr.year < 0
        i = bisect_left(self.bc_positions, pos)
        return i < len(self.bc_positions) and self.bc_positions[i] - pos < 200


# ---------------------------------------------------------------------------------------
# candidates and their selection
# ---------------------------------------------------------------------------------------
class RuleMatch:
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


# ---------------------------------------------------------------------------------------
# context checks (run on each regex match)
# ---------------------------------------------------------------------------------------
def prev_word(text: str, pos: int) -> str:
    m = re.search(r"([\w.'’-]+|[(\[,;:–—-])\s*$", text[max(0, pos - 40):pos])
    return m.group(1).lower() if m else ""


def next_word(text: str, pos: int) -> str:
    m = re.match(r"\s*([\w'’-]+|[^\w\s])", text[pos:pos + 40])
    return m.group(1) if m else ""


def capitalised(s: str | None) -> bool:
    return bool(s) and s[0].isupper()


def contains(outer: Point, inner: Point) -> bool:
    """True when ``inner`` is a finer point inside ``outer`` (1950 contains 25 June 1950)."""
    order = {"century": 0, "decade": 1, "year": 2, "half": 3, "quarter": 3, "season": 3, "month": 4, "week": 5, "day": 6}
    if order.get(inner.gran, 0) <= order.get(outer.gran, 0):
        return False
    a, b = outer.interval()
    i, j = inner.interval()
    return iso_key(a) <= iso_key(i) and iso_key(j) <= iso_key(b)


def make_date(c: Candidate, ctx: Context, point: Point | None, *, mod: str | None = None, start: int | None = None,
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
                 interval=narrow(point.interval(), mod), precision=precision_of(point), explicit=True,
                 anchor=anchor, rule=rule or c.rule, point=point, sets_narrative=update)


def precision_of(p: Point) -> str:
    return {"half": "quarter", "quarter": "quarter", "week": "day"}.get(p.gran, p.gran)


def make_other(c: Candidate, ctx: Context, ttype: str, value: str, *, mod: str | None = None, interval=None,
           precision: str = "unknown", anchor: str | None = None, end: int | None = None) -> Timex:
    e = c.end if end is None else end
    return Timex(start=c.start, end=e, text=ctx.text[c.start:e], type=ttype, value=value, mod=mod,
                 interval=interval, precision=precision, anchor=anchor, rule=c.rule)


# --- value helpers ----------------------------------------------------------------------
def month_num(s: str) -> int:
    return lexicon().months[s.lower().rstrip(".")]


def day_num(s: str) -> int:
    return int(re.match(r"\d+", s).group())


def year_value(ytext: str, ctx: Context, pos: int) -> int | None:
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


def period_mod(text: str | None) -> str | None:
    if not text:
        return None
    key = re.sub(r"\s+", " ", text.strip().lower()).rstrip("-")
    lex = lexicon().period_mods
    if key in lex:
        return lex[key]
    if key + "-" in lex:
        return lex[key + "-"]
    return None


def rel_offset(rel: str | None) -> int:
    r = re.sub(r"\s+", " ", (rel or "").lower())
    if r in ("the following", "the next", "next", "the ensuing", "the subsequent", "the coming", "the succeeding"):
        return 1
    if r in ("the previous", "the preceding", "the prior", "last", "the last"):
        return -1
    return 0


def at_gran(base: Point, gran: str) -> Point | None:
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


def underspecified(c, ctx, base: Point, gran: str, anchor: str | None, *, tod: str | None = None,
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
                 type="DATE", value=value, interval=base.interval(), precision=precision_of(base), anchor=anchor, rule=c.rule)


STOP_NP = frozenset(
    """was were is are had has have be been being that which who whom whose when while and but or as to in on
    at by for with from after before during until till since into onto upon than then so because although
    though if it he she they we i you there here would could should might may will can did do does not no
    also even only still yet again both either neither each every some any all more most much many few""".split()
)

