"""Time expressions anchored on the knowledge base: named events and office-holders.

"during the Korean War", "the Cuban missile crisis", "the Twenty-second Congress",
"Khrushchev's overthrow", "under Brezhnev", "early in the reign of the successor to Stalin".
Each becomes a DATE :class:`~rift.dates.normalize.Timex` with ``explicit=False`` whose
interval is the KB entry's dates and whose ``kb``/``anchor`` name the entry.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rift.dates.patterns import trie_regex
from rift.dates.values import iso_key, narrow, span_value
from rift.kb import (
    START_NOUNS,
    TENURE_NOUNS,
    NamedEvent,
    OfficeHolder,
    load_named_events,
    load_office_holders,
    successor_of,
)
from rift.kb import _END_NOUNS_BY_REASON as END_NOUNS_BY_REASON

PRIORITY = 22

# words that make a name an event ("the Korean War"); names without one ("Yalta", "Stalingrad")
# are places as often as events and count only after a temporal preposition
_EVENT_WORDS = frozenset(
    """war wars crisis conference congress treaty revolution revolt uprising rising incident battle battles pact
    agreement agreements accord accords summit invasion coup putsch campaign campaigns massacre plan doctrine
    movement rebellion offensive siege split rift schism operation blockade airlift affair scandal purge purges
    famine leap act resolution communiqué communique declaration protests talks trip visit election assassination
    death fall collapse dissolution withdrawal occupation annexation intervention landing landings emergency
    crash depression terror trials trial expedition march proclamation founding establishment construction
    reunification unification normalization independence partition meeting speech plenum session test
    bombing bombings attack raid rebellion disaster accident earthquake mutiny rectification reforms reform
    thaw detente détente stagnation era period decade years days night day crackdown demonstrations
    evacuation surrender armistice ceasefire truce note notes program programme initiative settlement
    agreement shock embargo strike strikes genocide killings seizure entry launch""".split()
)
_TEMPORAL_BEFORE = frozenset(
    "after before during since until till following by through throughout at of in from to amid".split()
)
_TITLES = (r"(?:President|Premier|Chairman|General\s+Secretary|First\s+Secretary|Prime\s+Minister|Chancellor|King|Queen|"
           r"Emperor|Tsar|Czar|Marshal|General|Generalissimo|Secretary|Mr\.?|Mrs\.?|Comrade|Dr\.?|Shah|Ayatollah|"
           r"Colonel|Pope|Prince|Foreign\s+Minister|Secretary\s+of\s+State|Admiral|Field\s+Marshal|Chairman\s+of\s+the\s+\w+)")
_PERIOD_PREFIX = {
    "the outbreak of": "START", "the start of": "START", "the beginning of": "START", "the eve of": "BEFORE",
    "the end of": "END", "the close of": "END", "the aftermath of": "AFTER", "the wake of": "AFTER",
    "the height of": "MID", "the middle of": "MID", "the early stages of": "START", "the last stages of": "END",
    "the final stages of": "END", "the early days of": "START", "the last days of": "END",
    "the final days of": "END", "the first days of": "START", "the early years of": "START",
    "the last years of": "END", "the final years of": "END", "the first years of": "START",
    "the later years of": "END", "the early part of": "START", "the latter part of": "END",
    "early in": "START", "late in": "END", "midway through": "MID", "halfway through": "MID",
    "the run-up to": "BEFORE", "the lead-up to": "BEFORE", "the time of": None, "the period of": None,
    "the days of": None, "the years of": None, "the era of": None,
}
_OFFICE_RANK = {"party": 0, "state": 1, "government": 2, "other": 3, "foreign": 4}


def _key(name: str) -> str:
    k = name.lower().replace("’", "'").replace("–", "-").replace("‐", "-")
    k = re.sub(r"\s+", " ", k).strip()
    return k[4:] if k.startswith("the ") else k


@dataclass(frozen=True)
class _EventIndex:
    regex: re.Pattern
    prefix: re.Pattern
    by_key: dict[str, tuple[NamedEvent, ...]]
    first_words: frozenset[str]  # the first word of every name: the regex is tried only there


@dataclass(frozen=True)
class _LeaderRule:
    kind: str  # kb_leader_end | kb_leader_start | kb_tenure
    after: re.Pattern  # what must follow the name, matched where the name ends
    prefix: re.Pattern | None = None
    required: bool = False


@dataclass(frozen=True)
class _LeaderIndex:
    names: re.Pattern  # every office-holder's name: each rule's match starts with one (compiled once)
    rules: tuple[_LeaderRule, ...]
    by_name: dict[str, tuple[OfficeHolder, ...]]


def _prefix_alternation() -> str:
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_PERIOD_PREFIX, key=len, reverse=True)) + ")"


def _first_letter_trie(keys) -> str:
    """Names matched case-insensitively except for their first letter's case, which may be
    either: ``[Kk](?i:orean war|...)``. Grouping by first letter lets the matcher skip fast."""
    groups: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        groups[k[0]].append(k[1:])
    alts = []
    for first in sorted(groups):
        rest = [r for r in groups[first]]
        body = trie_regex(tuple(r for r in rest if r)) if any(rest) else ""
        opt = "" in rest
        fc = f"[{re.escape(first.upper())}{re.escape(first)}]" if first.isalpha() else re.escape(first)
        if body:
            alts.append(f"{fc}(?i:{body}){'?' if opt else ''}")
        else:
            alts.append(fc)
    return "(?:" + "|".join(alts) + ")"


@lru_cache(maxsize=1)
def event_index() -> _EventIndex:
    """The compiled matcher of every named-event name (cached)."""
    by_key: dict[str, list[NamedEvent]] = defaultdict(list)
    for e in load_named_events():
        for n in e.names:
            k = _key(n)
            if len(k) >= 3 and e not in by_key[k]:
                by_key[k].append(e)
    core = re.compile(rf"(?P<name>{_first_letter_trie(sorted(by_key))})(?![\w-])")
    prefix = re.compile(rf"(?<![\w-])(?:(?P<pm>{_prefix_alternation()})\s+)?(?:the\s+)?$", re.IGNORECASE)
    first = frozenset(k.split(" ")[0] for k in by_key)
    return _EventIndex(core, prefix, {k: tuple(v) for k, v in by_key.items()}, first)


_FOLD = str.maketrans({"’": "'", "–": "-", "‐": "-"})
_WORD = re.compile(r"[A-Za-z0-9][\w'’.–‐-]*")


@lru_cache(maxsize=1)
def leader_index() -> _LeaderIndex:
    """The compiled matchers of office-holder expressions (cached)."""
    by_name: dict[str, list[OfficeHolder]] = defaultdict(list)
    for h in load_office_holders():
        for n in h.names:
            if len(n) >= 2:
                by_name[n].append(h)
    # names are proper nouns: matched as written
    names = trie_regex(tuple(sorted(by_name)), fold_case=False)
    end_nouns = sorted({n for ns in END_NOUNS_BY_REASON.values() for n in ns}, key=len, reverse=True)
    endn = "(?:" + "|".join(end_nouns) + ")"
    startn = "(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(START_NOUNS, key=len, reverse=True)) + ")"
    tenn = "(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(TENURE_NOUNS, key=len, reverse=True)) + ")"
    pm = _prefix_alternation()
    title = rf"(?:{_TITLES}\s+)?"
    poss = r"(?:['’]s?|['’])"
    nm = rf"(?<![\w])(?P<name>{names})(?![\w-])"

    def core(p: str) -> re.Pattern:
        # the names trie is compiled once (``names`` below); a rule keeps only what follows the name
        assert p.startswith(nm)
        return re.compile(p[len(nm):])

    def prefix(p: str) -> re.Pattern:
        return re.compile(rf"(?<![\w'’-]){p}$", re.IGNORECASE)

    rules = (
        _LeaderRule("kb_leader_end", core(nm + rf"(?i:{poss}\s+(?P<noun>{endn}))(?![\w-])")),
        _LeaderRule("kb_leader_end", core(nm + r"(?!['’])"), prefix(rf"the\s+(?P<noun>{endn})\s+of\s+{title}"), True),
        _LeaderRule("kb_leader_start", core(nm + rf"(?i:{poss}\s+(?P<noun>{startn}))(?![\w-])")),
        _LeaderRule("kb_leader_start", core(nm + r"(?!['’])"), prefix(rf"the\s+(?P<noun>{startn})\s+of\s+{title}"), True),
        _LeaderRule("kb_tenure", core(nm + r"(?!['’])"),
                    prefix(rf"(?:(?P<pm>{pm})\s+)?the\s+(?P<tn>{tenn})\s+of\s+(?P<succ>the\s+successors?\s+(?:to|of)\s+)?{title}"), True),
        _LeaderRule("kb_tenure", core(nm + rf"(?i:{poss}\s+(?:(?P<succ>successors?{poss}?)\s+)?(?P<tn>{tenn}))(?![\w-])"),
                    prefix(rf"(?P<pm>{pm})\s+")),
        _LeaderRule("kb_tenure", core(nm + r"(?i:\s+(?P<tn>era|years|administration|regime|government|presidency|premiership|period|leadership))(?![\w-])"),
                    prefix(rf"(?:(?P<pm>{pm})\s+)?the\s+(?:(?P<part>early|late|first|last)\s+)?"), True),
        _LeaderRule("kb_tenure", core(nm + r"(?!['’])"), prefix(rf"under\s+{title}"), True),
        _LeaderRule("kb_tenure", core(nm), prefix(r"(?P<pp>post|pre)-"), True),
        _LeaderRule("kb_tenure", core(nm + r"(?!['’])"), prefix(rf"(?P<succ>the\s+successors?\s+(?:to|of)\s+){title}"), True),
        _LeaderRule("kb_tenure", core(nm + rf"(?i:{poss}\s+(?P<succ>successors?))(?![\w-])")),
    )
    return _LeaderIndex(names=re.compile(nm), rules=rules, by_name={k: tuple(v) for k, v in by_name.items()})


class _KM:
    """Groups of a core match and its prefix match (and of the name a leader rule's core follows)."""

    def __init__(self, core: re.Match, pre: re.Match | None, name: re.Match | None = None):
        self.core, self.pre = core, (pre if pre is not None and pre.start() < pre.end() else None)
        self.name = name

    def group(self, name):
        for m in (self.pre, self.name, self.core):
            if m is not None and name in m.re.groupindex and m.group(name) is not None:
                return m.group(name)
        return None

    def start(self) -> int:
        if self.pre is not None:
            return self.pre.start()
        return self.name.start() if self.name is not None else self.core.start()

    def end(self) -> int:
        return self.core.end()


# ---------------------------------------------------------------------------------------
# candidates
# ---------------------------------------------------------------------------------------
def candidates(text: str, *, events: bool = True, leaders: bool = True):
    """Yield ``(start, end, rule, priority, data)`` for each KB-anchored expression in ``text``.

    With ``events=False`` only named *days* (type ``day``: "D-Day") are looked for: they are
    time expressions in their own right.
    """
    if not text:
        return
    idx = event_index()
    first = idx.first_words
    for word in _WORD.finditer(text):
        w = word.group().lower()
        if w not in first:
            w = w.translate(_FOLD).rstrip(".")
            if w not in first and w.removesuffix("'s") not in first:
                continue
        s = word.start()
        if s > 0 and (text[s - 1].isalnum() or text[s - 1] in "-_"):
            continue
        core = idx.regex.match(text, s)
        if core is None:
            continue
        entries = idx.by_key.get(_key(core.group("name")))
        if not entries:
            continue
        if not events:
            entries = tuple(e for e in entries if e.type == "day")
            if not entries:
                continue
        m = _KM(core, idx.prefix.search(text, max(0, s - 40), s))
        if not _event_name_ok(m, text):
            continue
        yield m.start(), m.end(), "kb_event", PRIORITY, {"entries": entries, "pm": m.group("pm")}
    if not leaders:
        return
    li = leader_index()
    names = list(li.names.finditer(text))
    for rule in li.rules:
        for nm, core in ((n, rule.after.match(text, n.end())) for n in names):
            if core is None:
                continue
            pre = None
            if rule.prefix is not None:
                pre = rule.prefix.search(text, max(0, nm.start() - 80), nm.start())
                if (pre is None or pre.start() == pre.end()) and rule.required:
                    continue
            m = _KM(core, pre, nm)
            holders = li.by_name.get(re.sub(r"\s+", " ", m.group("name")))
            if not holders:
                continue
            yield m.start(), m.end(), rule.kind, PRIORITY, {
                "holders": holders, "noun": (m.group("noun") or "").lower(), "pm": m.group("pm"),
                "succ": bool(m.group("succ")), "pp": (m.group("pp") or "").lower(), "part": m.group("part"),
            }


def _event_name_ok(m, text: str) -> bool:
    name = m.group("name")
    words = re.findall(r"[\w'’-]+", name)
    if len(words) == 1 and not name[:1].isupper():
        return False
    if not any(w.lower().strip("'’") in _EVENT_WORDS for w in words) and not m.group("pm"):
        prev = re.search(r"([\w-]+)\W*$", text[max(0, m.start() - 30):m.start()])
        if prev is None or prev.group(1).lower() not in _TEMPORAL_BEFORE:
            return False
        if not name[:1].isupper() and not name[:1].isdigit():
            return False
    return True


def event_at(text: str, pos: int):
    """The KB event or leader expression starting right after ``pos`` (whitespace skipped).

    Returns ``(end, start_iso, end_iso, kb_id, which)`` (``which`` is ``"start"`` or ``"end"``:
    the side of the entry an offset should count from) or ``None``.
    """
    m = re.match(r"\s+", text[pos:pos + 5])
    p = pos + (m.end() if m else 0)
    the = re.match(r"(?i:the\s+)", text[p:p + 5])
    q = p + (the.end() if the else 0)
    idx = event_index()
    em = idx.regex.match(text, q)
    if em:
        entries = idx.by_key.get(_key(em.group("name")))
        if entries:
            e = entries[0]
            return em.end(), e.start, e.end, e.id, "end"
    li = leader_index()
    nm = li.names.match(text, p)
    for rule in li.rules[:3:2]:  # "Khrushchev's overthrow", "Khrushchev's accession"
        lm = rule.after.match(text, nm.end()) if nm is not None else None
        if lm:
            holders = li.by_name.get(re.sub(r"\s+", " ", nm.group("name")))
            side = "end" if rule.kind == "kb_leader_end" else "start"
            h = _pick_holder(holders or (), None, lm.group("noun").lower() if side == "end" else "")
            if h is not None and (h.end or side == "start"):
                iso = h.end if side == "end" else h.start
                return lm.end(), iso, iso, h.id, side
    return None


# ---------------------------------------------------------------------------------------
# resolution
# ---------------------------------------------------------------------------------------
def _year_of(iso: str) -> int:
    return iso_key(iso)[0]


def _nearest(items, narr_year: int | None, start_of, end_of, rank=lambda x: 0):
    """The item whose span is nearest the narrative year; ``rank`` breaks ties (lower first)."""
    if narr_year is None or len(items) == 1:
        return min(items, key=rank)

    def dist(x):
        a, b = _year_of(start_of(x)), _year_of(end_of(x) or start_of(x))
        return 0 if a <= narr_year <= b else min(abs(a - narr_year), abs(b - narr_year))

    return min(items, key=lambda x: (dist(x), rank(x)))


def _pick_holder(holders, narr_year: int | None, noun: str = "") -> OfficeHolder | None:
    if not holders:
        return None
    pool = list(holders)
    if noun:
        matching = [h for h in pool if noun in END_NOUNS_BY_REASON.get(h.end_reason or "", ())]
        pool = matching or [h for h in pool if h.end]
        if not pool:
            return None
    # the holder in office at the time (a president in 1917, a prime minister named Wilson in 1974);
    # of one person's offices at once, the higher (party before state before government)
    return _nearest(pool, narr_year, lambda h: h.start, lambda h: h.end, rank=lambda h: _OFFICE_RANK.get(h.office_class, 3))


def _kb_timex(c, ctx, start_iso: str, end_iso: str, kb_id: str, mod: str | None, *, day: bool = False):
    from rift.dates.core import Timex

    if day:
        # a named day ("D-Day") is a date in its own right: day precision, stated by the text
        return Timex(start=c.start, end=c.end, text=ctx.text[c.start:c.end], type="DATE", value=start_iso, mod=mod,
                     interval=(start_iso, end_iso), precision="day", explicit=True, anchor=kb_id, kb=kb_id, rule=c.rule)
    value, precision = span_value(start_iso, end_iso)
    interval = narrow((start_iso, end_iso), mod)
    return Timex(start=c.start, end=c.end, text=ctx.text[c.start:c.end], type="DATE", value=value, mod=mod,
                 interval=interval, precision=precision, explicit=False, anchor=kb_id, kb=kb_id, rule=c.rule)


def _narr_year(ctx) -> int | None:
    return ctx.narr.year if ctx.narr is not None else None


def _prefix_mod(pm: str | None) -> str | None:
    if not pm:
        return None
    return _PERIOD_PREFIX.get(re.sub(r"\s+", " ", pm.lower()))


def _h_event(c, ctx):
    entries = c.data["entries"]
    e = _nearest(list(entries), _narr_year(ctx), lambda x: x.start, lambda x: x.end)
    return [_kb_timex(c, ctx, e.start, e.end, e.id, _prefix_mod(c.data.get("pm")), day=e.type == "day")]


def _h_leader_end(c, ctx):
    h = _pick_holder(c.data["holders"], _narr_year(ctx), c.data["noun"])
    if h is None or h.end is None:
        return []
    return [_kb_timex(c, ctx, h.end, h.end, h.id, None)]


def _h_leader_start(c, ctx):
    h = _pick_holder(c.data["holders"], _narr_year(ctx))
    if h is None:
        return []
    return [_kb_timex(c, ctx, h.start, h.start, h.id, None)]


def _h_tenure(c, ctx):
    d = c.data
    h = _pick_holder(d["holders"], _narr_year(ctx))
    if h is None:
        return []
    if d["succ"]:
        h = successor_of(h)
        if h is None:
            return []
    if d["pp"] == "post":
        if h.end is None:
            return []
        return [_kb_timex(c, ctx, h.end, h.end, h.id, "AFTER")]
    if d["pp"] == "pre":
        return [_kb_timex(c, ctx, h.start, h.start, h.id, "BEFORE")]
    mod = _prefix_mod(d.get("pm")) or {"early": "START", "first": "START", "late": "END", "last": "END"}.get((d.get("part") or "").lower())
    end = h.end or h.start
    return [_kb_timex(c, ctx, h.start, end, h.id, mod)]


HANDLERS = {
    "kb_event": _h_event,
    "kb_leader_end": _h_leader_end,
    "kb_leader_start": _h_leader_start,
    "kb_tenure": _h_tenure,
}
