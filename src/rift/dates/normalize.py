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
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from rift.dates import calendar_rules, kbmatch, relative_rules
from rift.dates.checks import CHECKS
from rift.dates.core import DOCTYPES, MAX_TEXT, Candidate, Context, RuleMatch, Timex, contains, prev_word
from rift.dates.lexicon import lexicon
from rift.dates.patterns import DIGIT_ANCHORS, PREFIX_WINDOW, month_anchors, rules
from rift.dates.values import Point, iso_key

__all__ = ["DOCTYPES", "Timex", "find_timexes"]

@lru_cache(maxsize=1)
def _preposition_mod_regex() -> re.Pattern:
    """Words just before an expression that give it a mod ("By 1965", "as early as 1957")."""
    words = sorted(lexicon().preposition_mods, key=len, reverse=True)
    return re.compile(r"(?i)(?<![\w-])(" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\s+$")


def _preposition_mod(text: str, start: int) -> str | None:
    m = _preposition_mod_regex().search(text, max(0, start - 25), start)
    return lexicon().preposition_mods.get(re.sub(r"\s+", " ", m.group(1).lower())) if m else None


# ---------------------------------------------------------------------------------------
# public entry point
# ---------------------------------------------------------------------------------------
def find_timexes(text: str, *, dct: str | None = None, doctype: str = "narrative", kb: bool = True,
                 skip: Sequence[tuple[int, int]] = ()) -> list[Timex]:
    """Find and normalise the time expressions of ``text``.

    Args:
        text: any text (offsets of the results point into it).
        dct: document creation time ``YYYY-MM-DD`` (needed for news; optional otherwise).
        doctype: ``"narrative"`` (relative expressions follow the story's own dates) or
            ``"news"`` (deictic ones follow ``dct``).
        kb: also find expressions anchored on named events and office-holders
            ("during the Korean War", "Khrushchev's overthrow"), with ``explicit=False``.
        skip: character spans (such as citations, "(Kissinger 1979, 842)") whose expressions
            are neither returned nor allowed to move narrative time.

    Returns:
        The expressions in text order. Never raises on odd input; an unparseable ``dct`` is ignored.
    """
    if not text or not isinstance(text, str):
        return []
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT]
    ctx = Context(text=text, doctype=doctype if doctype in DOCTYPES else "narrative", dct=_parse_dct(dct))
    ctx.bc_positions = [m.start() for m in re.finditer(r"\d\s?(?:BC|B\.C\.|BCE)(?![\w])", text)]
    cands = _collect(text, kb)
    chosen = _select(cands)
    if skip:
        spans = sorted(skip)
        starts = [a for a, _b in spans]

        def cited(c: Candidate) -> bool:
            k = bisect_left(starts, c.start + 1) - 1  # the last span starting at or before the candidate
            return k >= 0 and c.end <= spans[k][1]

        chosen = [c for c in chosen if not cited(c)]
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


_LONG_NUMBER = re.compile(r"\d{9,}")


def _collect(text: str, kb: bool) -> list[Candidate]:
    cands: list[Candidate] = []
    if _LONG_NUMBER.search(text):
        # runs of nine or more digits hold no date: blank them (same length, offsets kept)
        text = _LONG_NUMBER.sub(lambda m: "_" * len(m.group()), text)
    anchors = {
        "digit": [m.start() for m in DIGIT_ANCHORS.finditer(text)],
        "month": [m.start() for m in month_anchors().finditer(text)],
    }
    for rule in rules():
        check = CHECKS.get(rule.name)
        if rule.anchor is None:
            cores = rule.core.finditer(text)
        else:
            cores = (c for c in (rule.core.match(text, pos) for pos in anchors[rule.anchor]) if c is not None)
        for core in cores:
            if core.end() == core.start():
                continue
            pre = None
            if rule.prefix is not None:
                pre = rule.prefix.search(text, max(0, core.start() - PREFIX_WINDOW), core.start())
                if pre is not None and pre.start() == pre.end():
                    pre = None
                if pre is None and rule.prefix_required:
                    continue
            m = RuleMatch(core, pre)
            if check is not None and not check(m, text):
                continue
            cands.append(Candidate(m.start(), m.end(), rule.name, rule.priority, m))
    for start, end, name, priority, data in kbmatch.candidates(text, events=kb, leaders=kb):
        cands.append(Candidate(start, end, name, priority, None, data))
    return cands


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Keep the longest non-overlapping candidates (then by priority), in text order."""
    cands.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    starts: list[int] = []
    spans: dict[int, int] = {}
    kept: list[Candidate] = []
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
# resolution
# ---------------------------------------------------------------------------------------
def _resolve(c: Candidate, ctx: Context, index: int) -> list[Timex]:
    try:
        handler = HANDLERS.get(c.rule)
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
        if tx.mod is None and tx.type == "DATE" and tx.value not in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
            prep_mod = _preposition_mod(ctx.text, tx.start)
            if prep_mod:
                tx = replace(tx, mod=prep_mod)
        _update_narrative(ctx, tx, index + len(out))
        if tx.type == "DATE" and tx.point is not None and tx.kb is None and tx.point.gran not in ("decade", "century"):
            ctx.last, ctx.last_index, ctx.last_end = tx.point, index + len(out), tx.end
        out.append(replace(tx, narrative=ctx.narr))
    return out


def _update_narrative(ctx: Context, tx: Timex, index: int) -> None:
    """Narrative time moves to every date the text states (year or finer), except end points
    ("until 1965", "since 1950"), and keeps its precision when the new date only restates it
    ("On 25 June 1950 ... in 1950"). A named event or leader moves it when it sets the scene
    ("After Khrushchev's overthrow, ...": October 1964; "During the Korean War": 1950)."""
    point = tx.point
    if tx.kb is not None:
        point = _kb_scene(ctx.text, tx)
        if point is None:
            return
    elif not tx.sets_narrative or point is None or point.gran in ("decade", "century"):
        return
    if tx.kb is None and _END_POINT.search(ctx.text[max(0, tx.start - 60):tx.start]) and not _THEN_WHEN.match(ctx.text, tx.end):
        return  # (but "lay dormant until May 1958, when the Soviets agreed ...": the story goes on then)
    if tx.kb is None and _RANGE_END.search(ctx.text, max(0, tx.start - 16), tx.start):
        return  # "1975-1988", "from 1960 to 1963": the story starts at the start of the span, not its end
    if tx.kb is None and point.gran == "year" and _NAMES_A_THING_BEFORE.search(ctx.text, max(0, tx.start - 12), tx.start) and (
        _NOUN_AFTER.match(ctx.text, tx.end)
    ):
        return  # "renounced the 1945 treaty": a year naming a thing does not move the story
    if tx.kb is None and ctx.narr is not None and (
        _PLUPERFECT_BEFORE.search(ctx.text, max(0, tx.start - 90), tx.start) or _PLUPERFECT_AFTER.match(ctx.text, tx.end)
    ) and not (tx.anchor is None and iso_key(point.interval()[0]) > iso_key(ctx.narr.interval()[1])):
        # "the Soviet Union, which had signed a treaty with Hanoi in November 1978, ...", "after
        # Brezhnev, visiting Prague in December 1967, had refused to ...": a look back (but a date
        # stated after the story's time has moved the story on: "Nixon had been to Beijing in
        # February 1972, and Tanaka followed on 25 September" told after events of 1971)
        return
    if tx.kb is None and point.gran == "year" and not _clause_initial(ctx.text, tx.start):
        m = _OF_YEAR.search(ctx.text, max(0, tx.start - 30), tx.start)
        if m and m.group(1).lower() not in _PERIOD_NOUNS and _DATED_BEFORE.search(_sentence_before(ctx.text, m.start())):
            # "in January 1975 Moscow renounced the trade agreement of 1972": the same, said after the
            # noun, in a sentence dated otherwise (but "began with the Angolan offensive of 1987")
            return
    old = ctx.narr
    if old is not None and contains(point, old):
        return
    if old is not None and tx.kb is None:
        head = _sentence_before(ctx.text, tx.start, 160, clause=True)
        if _RELATIVE_BEFORE.search(head) and (
            iso_key(point.interval()[1]) < iso_key(old.interval()[0]) or _WHICH_WAS_BEFORE.search(head)
        ):
            # "... which nearly replaced the Soviet credits promised in 1957": an earlier date in a
            # relative clause looks back; "asked Congress for aid, which was approved in 1980": a
            # passive 'which' clause about a thing looks ahead; either way the story stays
            return
    if (old is not None and point.gran == "year" and old.gran == "day"
            and not _clause_initial(ctx.text, tx.start)):
        # "... collapsed in March 1975 ... a campaign planned for 1976 ... on 11 March": a year
        # mentioned in passing does not move a story told by the month or the day
        return
    ctx.narr = replace(point, tod=None) if point.gran != "day" else point
    ctx.narr_index = index


_SCENE_PREP = re.compile(
    r"(?i)(?<![\w-])(after|following|since|in\s+the\s+wake\s+of|in\s+the\s+aftermath\s+of|during|throughout|amid|"
    r"at\s+the\s+time\s+of|before|until|till|by)\s+$")


def _kb_scene(text: str, tx: Timex) -> Point | None:
    """The narrative time a named event or leader sets, or None (when it is only mentioned)."""
    if tx.interval is None:
        return None
    a, b = iso_key(tx.interval[0]), iso_key(tx.interval[1])
    if tx.explicit:  # a named day ("D-Day")
        return Point.of_day(*a) if a[0] > 0 else Point.of_year(a[0])
    m = _SCENE_PREP.search(text, max(0, tx.start - 30), tx.start)
    if m is None:
        return None
    prep = re.sub(r"\s+", " ", m.group(1).lower())
    if prep == "since" and not _clause_initial(text, m.start()):
        return None  # "the greatest threat to peace since the Second World War": a yardstick, not the scene
    if prep in ("after", "following", "since", "in the wake of", "in the aftermath of") or tx.mod in ("END", "AFTER"):
        return Point.of_month(b[0], b[1])
    if prep in ("before", "until", "till", "by"):
        return Point.of_month(a[0], a[1])
    return Point.of_month(a[0], a[1]) if (b[0], b[1]) == (a[0], a[1]) else Point.of_year(a[0])


# a date in a clause that names an end point ("lasted until the fall of Budapest in February 1945")
# is not where the story is
# "the 1945 treaty", "its 1962 agreement": a year between a determiner and a common noun
# (with the commonest misspellings of student prose: "under there 1972 treaty", "it's 1955 pact")
_NAMES_A_THING_BEFORE = re.compile(r"(?i)\b(?:the|its|their|his|her|our|this|that|these|those|a|an|there|it's|it’s)\s+$")
_NOUN_AFTER = re.compile(r"\s+(?!and\b|or\b|to\b|until\b|through\b)(?:[a-z][a-z-]+|(?:Treaty|Agreement|Accords?|Pact|Convention|Protocol|Declaration|Constitution|Charter)\b)")
# "had" as the auxiliary of a past perfect in the same clause before the date ("which had signed ... in
# November 1978"), not "had to", "had a", "had been fighting"
_PLUPERFECT_BEFORE = re.compile(
    r"(?i)\bhad\s+(?!to\b|a\b|an\b|the\b|no\b|its\b|their\b|his\b|her\b|some\b|little\b|much\b|many\b|been\s+\w+ing\b)"
    r"[^.;:!?(),]*$")
# ... or after it, once the phrase that holds the date is closed ("visiting Prague in December 1967,
# had refused", "who in 1957 had promised")
_PLUPERFECT_AFTER = re.compile(
    r"(?:[^.;:!?()\n]{0,40}?,)?\s*(?:already\s+|also\s+|earlier\s+|just\s+)?had\s+"
    r"(?!to\b|a\b|an\b|the\b|no\b|its\b|their\b|his\b|her\b|some\b|little\b|much\b|many\b|been\s+\w+ing\b)[a-z]")
# a 'which' clause about a thing, passive ("aid, which was approved in 1980"); every match is a
# _RELATIVE_BEFORE match too
_WHICH_WAS_BEFORE = re.compile(r"(?i),\s*which\s+(?:was|were)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|nt)\s+(?:in|on|by)\s+$")
_RELATIVE_BEFORE = re.compile(r"(?i)(?:,\s*|\b)(?:which|who|whom|whose)\b[^,;:()]*$")
_OF_YEAR = re.compile(r"\b([A-Za-z][a-z-]+)\s+of\s+$")
_PERIOD_NOUNS = frozenset(
    "beginning end start middle half part course rest close opening spring summer autumn fall winter months weeks days "
    "years remainder turn bulk first last most all some much".split())
_RANGE_END = re.compile(r"(?:\d{4}\s*[-–—/]\s*|\b(?:from|between)\s+\d{4}\s+(?:to|and|until|till|through)\s+)$")
_END_POINT = re.compile(r"(?i)\b(?:until|till|since|up to)\b[^.;:()\[\]]*$")
_THEN_WHEN = re.compile(r"\s*,?\s*when\b")


_DATED_BEFORE = re.compile(r"\b(?:1[0-9]{3}|20[0-9]{2})\b|(?i:\b(?:january|february|march|april|may|june|july|august|september|october|"
                           r"november|december|spring|summer|autumn|winter)\b)")


def _sentence_before(text: str, pos: int, window: int = 300, clause: bool = False) -> str:
    """The part of the sentence (with ``clause``, of the clause after a semicolon) holding ``pos``
    that comes before it, looking back at most ``window`` characters."""
    before = text[max(0, pos - window):pos]
    marks = (". ", "\n", "! ", "? ") + (("; ",) if clause else ())
    cut = max(before.rfind(m) for m in marks)
    return before[cut + 1:] if cut >= 0 else before


def _clause_initial(text: str, pos: int) -> bool:
    """True when at most three words stand between the start of the sentence and ``pos``."""
    head = _sentence_before(text, pos, 120, clause=True)
    if _PART_OF_PERIOD.fullmatch(head.strip()):
        return True  # "In the first weeks of 1978 ...", "By the end of 1962 ...": the sentence's own date
    return len(re.findall(r"[\w'’-]+", head)) <= 3


_PART_OF_PERIOD = re.compile(
    r"(?i)(?:in|during|by|at|from|until|toward|towards)\s+the\s+(?:very\s+)?(?:first|last|early|closing|opening|final|"
    r"later|latter|middle|second|third)?\s*(?:few\s+)?(?:weeks|months|days|part|half|stages|years|end|start|beginning|middle|spring|"
    r"summer|autumn|fall|winter)\s+of")


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
        prev = prev_word(text, a.start)
        if sep == "and" and prev != "between":
            continue
        if sep in ("to", "until", "till", "through") and prev not in ("from", "between") and not re.match(r"[-–—/]", sep):
            if not (a.rule == "year_range"):
                continue
        if iso_key(a.interval[0]) > iso_key(b.interval[1]):
            continue
        out[i] = replace(a, range_with=i + 1)
        out[i + 1] = replace(b, range_with=i)


HANDLERS = {**calendar_rules.HANDLERS, **relative_rules.HANDLERS, **kbmatch.HANDLERS}
