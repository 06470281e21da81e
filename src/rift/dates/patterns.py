"""The regular grammar of time expressions: building blocks and the list of rules.

Each :class:`Rule` has a *core* regex that starts at a distinctive token (a month name, a
digit, a unit word ...) and an optional *prefix* regex matched just before it ("the end of",
"the first fifteen", "early"). Cores are case-sensitive on their first token (so Python's
matcher can skip quickly through text) and case-insensitive after it; prefixes are matched
case-insensitively against the few words before a core. :mod:`rift.dates.normalize` runs
every rule, keeps the longest non-overlapping matches and turns each into a value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rift.dates.lexicon import alternation, cardinal_pattern, lexicon, ordinal_pattern

PREFIX_WINDOW = 90  # characters before a core in which a prefix is looked for


@dataclass(frozen=True)
class Rule:
    """A named pattern.

    ``core`` is searched through the text; ``prefix`` (anchored at its end) is matched in the
    window before each core match and extends it; when ``prefix_required`` a core without a
    prefix is no match. ``priority`` breaks ties between matches of equal length (lower wins).
    ``anchor`` (``"digit"`` or ``"month"``) says the core can only start where a number or a
    month name does: the normaliser then tries it only there instead of scanning the text.
    """

    name: str
    core: re.Pattern
    prefix: re.Pattern | None = None
    prefix_required: bool = False
    priority: int = 50
    anchor: str | None = None


# where digit-anchored cores may start: a run of digits, an apostrophe before two digits ('89),
# "AD" before a number
DIGIT_ANCHORS = re.compile(r"\d+|['’](?=\d\d)|A\.?\s?D\.?(?=\s?\d)")
_DIGIT_RULES = frozenset("iso_date numeric_date date_dmy day_month dm_range year year_range decade clock clock_24 "
                         "date_daypart2 day_ordinal".split())
_MONTH_RULES = frozenset("date_mdy md_range month_day month_year month_day_rel_year month_rel_year month_bare "
                         "date_daypart".split())


@lru_cache(maxsize=1)
def month_anchors() -> re.Pattern:
    """Where month-anchored cores may start: a capitalised month name or abbreviation."""
    return re.compile(blocks()["MONTH"])


def variants(words) -> str:
    """A case-sensitive alternation of ``words`` as written, lower-cased and capitalised."""
    out = set()
    for w in words:
        if not w:
            continue
        out.update({w, w.lower(), w[0].upper() + w[1:], w[0].upper() + w[1:].lower()})
    return alternation(out)


@lru_cache(maxsize=1)
def blocks() -> dict[str, str]:
    """The named building blocks the rules are written with."""
    lex = lexicon()
    b = {
        # capitalised only: "may" and "march" are words
        "MONTH": "(?:" + "|".join(sorted((names[0] for names in lex.month_names.values()), key=len, reverse=True))
                 + "|(?:" + "|".join(sorted((n for names in lex.month_names.values() for n in names[1:]), key=len, reverse=True))
                 + r")(?:\.(?=\s))?)(?![\w])",
        "MONTHFULL": "(?:" + "|".join(names[0] for names in lex.month_names.values()) + r")(?![\w])(?!-\d)",
        "WEEKDAY": "(?:" + "|".join(sorted((w.capitalize() for w in lex.weekdays), key=len, reverse=True)) + r")(?![\w-])",
        "SEASON": variants(lex.seasons) + r"(?![\w-])",
        "DAYPART": variants(lex.day_parts) + r"(?![\w-])",
        "UNIT": variants(lex.units) + r"(?![\w])",
        "QMOD": alternation(lex.quantity_mods),
        "PMOD": alternation(lex.period_mods),
        "ORD": ordinal_pattern(),
        "CARD": cardinal_pattern(),
        "DAY": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:.,]\d)(?!\d)",
        "ERA": r"(?:B\.\s?C\.?(?:\s?E\.?)?|BCE|BC|A\.\s?D\.?|AD|C\.E\.?|CE)(?![\w])",
        "Y4": r"(?<![\d.,$£€#])(?<!\d[-–])(?:1\d{3}|20\d{2})(?![\d%]|[.,]\d|\s?(?:km|mm|cm|kg|m)\b)",
        "DECWORD": variants(lex.decade_words) + r"(?![\w-])",
        "HOLIDAY": "(?:" + "|".join(sorted(lex.holidays, key=len, reverse=True)).replace(" ", r"\s+") + r")(?![\w-])",
        "REL": r"(?:that|this|the\s+same|that\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding|"
               r"the\s+prior|the\s+ensuing|the\s+subsequent|the\s+coming|the\s+succeeding|next|last|the\s+last)",
        "POS": r"(?:first|last|next|past|previous|following|final|remaining|same|coming|ensuing|preceding|subsequent|"
               r"intervening|initial|further|additional|other)",
    }
    b["YEAR"] = rf"(?:(?:A\.\s?D\.|AD)\s?\d{{1,4}}(?!\d)|(?<![\d.,$£€#-])\d{{1,4}}\s?{b['ERA']}|{b['Y4']}|['’]\d\d(?![\d\w'’]))"
    return b


def _c(pattern: str) -> re.Pattern:
    """Compile a core: case-sensitive as written (use ``(?i:...)`` for the case-free parts)."""
    return re.compile(pattern.format(**blocks()))


def _p(pattern: str) -> re.Pattern:
    """Compile a prefix: case-insensitive, anchored at the end of the window."""
    return re.compile(r"(?<![\w'’-])" + pattern.format(**blocks()) + r"$", re.IGNORECASE)


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """All date rules (overlaps are resolved by length, then priority)."""
    R: list[Rule] = []

    def add(name, core, prefix=None, required=False, priority=50):
        anchor = "digit" if name in _DIGIT_RULES else ("month" if name in _MONTH_RULES else None)
        R.append(Rule(name, _c(core), _p(prefix) if prefix else None, required, priority, anchor))

    wd_the = r"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?"
    the_pmod = r"(?:the\s+)?(?:(?P<pm>{PMOD})[\s-]*)?(?:the\s+)?"
    num = r"(?:(?P<qm>{QMOD})\s+)?(?:(?P<num>{CARD})[\s-]+)?"
    day_core = r"(?<![\w.,:/])(?<!\d[-–])(?P<day>{DAY})"
    # --- calendar dates -----------------------------------------------------------------
    add("iso_date", r"(?<![\d-])(?P<y>\d{{4}})-(?P<mo>\d{{2}})-(?P<d>\d{{2}})(?:T(?P<h>\d{{2}}):(?P<mi>\d{{2}})(?::\d{{2}})?)?(?![\d-])", priority=5)
    add("numeric_date", r"(?<![\d/.])(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>1\d{{3}}|20\d{{2}})(?![\d/])", priority=6)
    add("date_mdy", r"(?P<mon>{MONTH})(?i:\s+(?:the\s+)?(?P<day>{DAY})(?:\s*,\s*|\s+)(?:of\s+|in\s+)?(?P<year>{YEAR}))", wd_the, priority=10)
    add("date_dmy", day_core + r"(?i:(?:\s+of)?\s+)(?P<mon>{MONTH})(?i:,?\s+(?:of\s+)?(?P<year>{YEAR}))", wd_the, priority=10)
    sep = r"(?i:\s*(?:[-–—]|to|until|till|and|through)\s*)"
    add("dm_range", day_core + r"(?:(?i:\s+)(?P<m1>{MONTH}))?" + sep + r"(?P<d2>{DAY})(?i:\s+)(?P<mon>{MONTH})(?i:,?\s+(?:of\s+)?(?P<year>{YEAR}))?", r"(?:the\s+)?", priority=9)
    add("md_range", r"(?P<m1>{MONTH})(?i:\s+)(?P<day>{DAY})" + sep + r"(?:(?P<mon>{MONTH})(?i:\s+))?(?P<d2>{DAY})(?![\w'’])(?i:,?\s+(?P<year>{YEAR}))?", priority=9)
    add("month_day", r"(?P<mon>{MONTH})(?i:\s+(?:the\s+)?(?P<day>{DAY})(?![\w'’]|\s*(?:,\s*)?(?:\d|{ERA})))", wd_the, priority=20)
    add("day_month", day_core + r"(?i:(?:\s+of)?\s+)(?P<mon>{MONTH})(?![\w])", wd_the, priority=20)
    add("month_year", r"(?P<mon>{MONTH})(?i:,?\s+(?:of\s+|in\s+)?(?P<year>{YEAR}))", r"(?:(?P<pm>{PMOD})[\s-]*)?", priority=12)
    add("month_day_rel_year", r"(?P<mon>{MONTH})(?i:\s+(?P<day>{DAY}),?\s+(?:of\s+)?(?P<rel>{REL})\s+year)(?![\w-])", priority=11)
    add("month_rel_year", r"(?P<mon>{MONTHFULL})(?i:\s+(?:of\s+)?(?P<rel>{REL})\s+year)(?![\w-])", r"(?:(?P<pm>{PMOD})[\s-]*)?", priority=12)
    add("month_bare", r"(?P<mon>{MONTHFULL})", r"(?:(?P<pm>{PMOD})[\s-]*)?", priority=40)
    add("season_year", r"(?<![\w-])(?P<season>{SEASON})(?i:(?:\s+of)?,?\s+(?:the\s+year\s+)?(?P<year>{YEAR}))", the_pmod, priority=14)
    add("season_rel_year", r"(?<![\w-])(?P<season>{SEASON})(?i:\s+of\s+(?P<rel>{REL})\s+year)(?![\w-])", the_pmod, priority=14)
    add("named_season", r"(?<![\w-])(?P<kind>[Dd]ry|[Rr]ainy|[Ww]et|[Mm]onsoon|[Hh]arvest|[Cc]ampaigning|[Ff]ighting)(?i:\s+season)(?![\w-])",
        r"(?:(?P<rel>{REL})\s+|(?P<the>the)\s+)?", priority=41)
    add("unit_end", r"(?<![\w-])(?P<unit>[Mm]onth|[Yy]ear|[Ww]eek)['’]s\s+end(?![\w-])", r"(?:the\s+)?", priority=40)
    add("season_bare", r"(?<![\w-])(?P<season>{SEASON})(?i:\s+(?:months|season))?",
        r"(?:(?P<rel>{REL})\s+|(?P<the>the)\s+)?(?:(?P<pm>{PMOD})[\s-]*)?", priority=42)
    add("year_part", r"(?<![\w-])(?P<half>[Ff]irst|[Ss]econd|[Ll]atter|[Ll]ast|[Ll]ater|[Ee]arlier|[Tt]hird|[Ff]ourth)(?i:(?:\s+two)?\s+(?P<what>half|quarter|months|part)\s+of\s+(?:the\s+year\s+)?(?P<year>{YEAR}))",
        r"(?:the\s+)?", priority=13)
    add("year", r"(?P<year>{YEAR})", r"(?:(?P<pm>{PMOD})[\s-]*)?(?:(?P<yw>the\s+years?|years?)\s+)?", priority=30)
    add("year_range", r"(?P<y1>{Y4}|(?<![\d.,$£€#-])\d{{2,4}})(?i:\s*(?P<sep>[-–—/]|\s+to\s+|\s+and\s+|\s+through\s+|\s+until\s+)\s*)(?P<y2>\d{{2,4}})(?:\s?(?P<era>{ERA}))?(?![\d%])", r"(?P<yw>the\s+years?|years?)\s+", priority=8)
    add("decade", r"(?P<dec>(?:1\d|20)\d0['’]?s|['’]\d0['’]?s|\d{{1,3}}0['’]?s(?=\s?{ERA})|(?:1\d|20)00['’]?s)(?![\w])(?:\s?(?P<era>{ERA}))?", the_pmod, priority=16)
    add("decade_word", r"(?<![\w-])(?P<dec>(?:[Nn]ineteen[\s-])?{DECWORD})", the_pmod, priority=16)
    add("century", r"(?<![\w])(?:[Cc]entur(?:y|ies)|CENTURY)(?:\s?(?P<era>{ERA}))?", the_pmod + r"(?P<ord>{ORD})[\s-]+", True, priority=16)
    add("century_pair", r"(?<![\w])[Cc]entur(?:y|ies)(?:\s?(?P<era>{ERA}))?",
        r"(?:the\s+)?(?P<ord1>{ORD})\s+(?:and|or|to|through)\s+(?:the\s+)?(?P<ord2>{ORD})[\s-]+", True, priority=9)
    # --- anaphoric and relative ---------------------------------------------------------
    unit_words = variants(["year", "month", "week", "weekend", "day", "decade", "century", "time", "period",
                           "morning", "afternoon", "evening", "night"])
    rel_core = rf"(?<![\w-])(?P<unit>{unit_words}|{{SEASON}}|{{MONTHFULL}}|{{WEEKDAY}})(?![\w-])"
    add("rel_unit", rel_core, r"(?:(?P<pre>later|earlier|early|late)\s+(?:in\s+)?)?(?P<rel>{REL})\s+", True, priority=25)
    add("unit_rel", r"(?<![\w-])(?P<unit>" + variants(["year", "month", "week", "day", "night", "morning"]) + r")(?i:\s+(?P<dir>before|after|following))(?=[\s,.;:)]|$)(?!\s+(?:the|a|an|his|her|its|their|[A-Z]))",
        r"(?:the\s+)?", priority=26)
    small_units = variants(["year", "month", "week", "day", "decade", "century"])
    add("pmod_unit", rf"(?<![\w-])(?P<unit>{small_units})(?![\w-])", r"(?P<pm>{PMOD})[\s-]*(?:the|that|this)\s+(?:same\s+)?", True, priority=24)
    add("in_the_unit", rf"(?<![\w-])(?P<unit>{small_units})(?![\w-])", r"(?P<pre>later|earlier)\s+in\s+the\s+", True, priority=24)
    add("time_ref", r"(?<![\w-])(?P<what>" + variants(["time", "period", "point", "moment", "date"]) + r")(?![\w-])",
        r"(?P<rel>this|that|the\s+same|that\s+same|the)\s+", True, priority=45)
    add("offset", r"(?<![\w])(?P<unit>{UNIT})(?i:\s+(?P<dir>later|earlier|after(?:wards?)?|before(?:hand)?|ago|previously|prior|since|hence|on|afterward))(?![\w-])",
        num, priority=18)
    # --- durations ------------------------------------------------------------------------
    add("duration", r"(?<![\w])(?P<unit>{UNIT})(?i:[\s-]+(?P<tail>long|old|of\s+age))?",
        r"(?:(?P<qm>{QMOD})\s+)?(?:(?P<det>the|a|an|another|those|these)\s+)?(?:(?P<pos>{POS})\s+)?(?:(?P<num>{CARD})[\s-]+)?"
        r"(?:(?P<adj>full|whole|entire|long|short|brief|bloody|brutal|fierce|hard|difficult|bitter|relatively\s+peaceful|peaceful|consecutive)\s+)?",
        priority=35)
    add("duration_long", r"(?<![\w-])(?P<unit>" + variants(["year", "month", "week", "day", "decade", "century", "hour", "months", "weeks", "days", "years", "decades"]) + r")-long(?![\w])", priority=34)
    add("half_unit", r"(?<![\w-])[Hh]alf(?i:[\s-](?:an?[\s-])?(?P<unit>century|decade|year|hour))(?![\w-])",
        r"(?:(?P<qm>{QMOD})\s+)?(?:the\s+)?(?:(?P<pos>past|last|next|first|previous|following|subsequent)\s+)?", priority=33)
    # --- references, times of day, sets, named days ---------------------------------------
    refs = variants(["right now", "now", "nowadays", "currently", "current", "the present", "present-day", "present day",
                     "present", "modern-day", "modern day", "at present", "these days", "the time being", "today",
                     "yesterday", "tomorrow", "former", "formerly", "recent", "recently", "lately", "the past", "the future", "future"])
    add("reference", rf"(?<![\w-])(?P<w>{refs})(?![\w])(?!-(?:day|time))", priority=32)
    date_tail = (r"(?i:(?:\s+hours)?\s+of\s+)(?:(?P<wd2>{WEEKDAY}),?\s+)?(?:(?P<mon>{MONTH})(?i:\s+(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?)"
                 r"|(?P<day2>{DAY})\s+(?P<mon2>{MONTH})(?i:(?:,?\s+(?P<year2>{YEAR}))?))")
    add("daypart_date", r"(?<![\w-])(?P<part>{DAYPART})" + date_tail,
        r"(?:(?P<pre>early|late)\s+(?:in\s+)?)?(?:(?P<wd>{WEEKDAY})\s+)?(?:the\s+)?(?:(?P<early>early|late)\s+)?", priority=7)
    add("date_daypart", r"(?P<mon>{MONTH})(?i:\s+(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?\s+(?P<part>morning|afternoon|evening|night))(?![\w-])", priority=7)
    add("date_daypart2", day_core + r"(?i:\s+)(?P<mon>{MONTH})(?i:(?:,?\s+(?P<year>{YEAR}))?\s+(?P<part>morning|afternoon|evening|night))(?![\w-])", priority=7)
    add("daypart", r"(?<![\w-])(?P<part>{DAYPART}|" + variants(["nights", "tonight", "mornings", "evenings"]) + r")(?![\w-])",
        r"(?:(?P<rel>that|this|the\s+same|that\s+same|the\s+following|the\s+next|the\s+previous|each|every|one|the|a)\s+)?(?:(?P<early>early|late)\s+)?",
        priority=48)
    add("clock", r"(?<![\d:.])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am|pm|AM|PM|A\.M\.|P\.M\.)(?![\w])(?:,?\s+(?:(?P<mon>{MONTH})\s+(?P<day>{DAY}))?)?(?:\s+(?P<tz>EST|EDT|GMT|UTC|CET|local\s+time))?", priority=11)
    add("clock_24", r"(?<![\d:.])(?P<h>[01]\d|2[0-3]):?(?P<mi>[0-5]\d)\s*(?:hrs|hours|h)(?![\w])", priority=11)
    add("set_word", r"(?<![\w-])(?P<w>" + variants(["daily", "weekly", "monthly", "annually", "yearly", "nightly", "hourly"]) + r")(?![\w-])", priority=55)
    add("set_every", r"(?<![\w-])(?P<unit>" + variants(["day", "week", "month", "year", "night", "morning", "hour", "decade"]) + r")(?![\w-])",
        r"(?P<q>every|each|per|a)\s+(?:single\s+)?", True, priority=55)
    add("holiday", r"(?P<h>{HOLIDAY})(?i:(?:\s+(?P<part>night|morning|eve))?(?:,?\s+(?P<year>{YEAR}))?)", priority=21)
    add("weekday", r"(?P<wd>{WEEKDAY})(?i:\s+(?P<part>morning|afternoon|evening|night))?", priority=46)
    add("day_ordinal", r"(?<![\w-])(?P<day>(?:[12]\d|3[01]|[1-9])(?:st|nd|rd|th))(?=\s*[,.;:)]|\s+(?:and|to|when|as|of\s+the\s+month)\b)",
        r"the\s+", True, priority=47)
    return tuple(R)


def trie_regex(words, *, fold_case: bool = True) -> str:
    """A compact regex matching any of ``words``, built from a trie.

    With ``fold_case`` the words are lower-cased (use the result case-insensitively); without,
    they are matched as written. Spaces match any whitespace, apostrophes and dashes any of
    their typographic variants.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in (w.lower() if fold_case else w):
            node = node.setdefault(ch, {})
        node[""] = True

    def esc(ch: str) -> str:
        if ch == " ":
            return r"\s+"
        if ch in "'’":
            return "['’]"
        if ch in "-–‐":
            return "[-–‐]"
        return re.escape(ch)

    def build(node: dict) -> str:
        if list(node) == [""]:
            return ""
        alts = [esc(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)
