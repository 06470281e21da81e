"""The ``rift_dates`` spaCy component and :func:`clause_date`.

The component runs :func:`rift.dates.normalize.find_timexes` over the (repaired) text of a
document, in the document's mode (``doc._.rift_doctype``, ``doc._.rift_dct``), and sets

* ``doc._.timexes``: :class:`rift.records.TimeExpression` records, offsets into the original
  text, ids ``<doc id>:t<i>``;
* ``doc._.timex_spans``: ``(Span, TimeExpression)`` pairs in the repaired text.

:func:`clause_date` gives the date of the clause around an event trigger: the time expression
of that clause when it has one, else narrative time at that point (``explicit=False``).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from rift.dates.core import Timex
from rift.dates.normalize import find_timexes
from rift.dates.values import Point, iso_key
from rift.extensions import register_extensions
from rift.records import TimeExpression, TimeSpan
from rift.text_utils import had_aux, orig_span, sentence_index

_NARRATIVE_KEY = "rift_narrative_steps"  # doc.user_data: narrative time after each expression (cache)
_STARTS_KEY = "rift_timex_starts"  # doc.user_data: token start of each expression span (cache)
_RAW_KEY = "rift_timex_raw"  # doc.user_data: the Timex objects, aligned with doc._.timex_spans
_DATED_TYPES = ("DATE", "TIME")


def annotate_dates(doc: Doc, *, kb: bool = True) -> Doc:
    """Find, normalise and record the time expressions of ``doc`` (see the module docstring)."""
    doc_id = doc._.rift_doc_id or ""
    doctype = doc._.rift_doctype if doc._.rift_doctype in ("narrative", "news") else "narrative"
    cited = doc.user_data.get("rift_citation_spans") or []
    # "(Kissinger 1979, 842)": the year a source was published dates nothing, nor moves the story
    found = find_timexes(doc.text, dct=doc._.rift_dct, doctype=doctype, kb=kb, skip=cited)
    raw = doc.user_data.get("rift_raw")
    original = getattr(raw, "text", None)
    records: list[TimeExpression] = []
    spans: list[tuple[Span, TimeExpression]] = []
    kept: list[Timex] = []
    for t in found:
        if any(a <= t.start and t.end <= b for a, b in cited):
            continue  # "(Nogee 1985, 204)": the year a source was published dates nothing
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        i = len(records)
        a, b = orig_span(doc, t.start, t.end)
        text = original[a:b] if original is not None and 0 <= a <= b <= len(original) else t.text
        rec = TimeExpression(
            id=f"{doc_id}:t{i}",
            doc=doc_id,
            start=a,
            end=b,
            text=text,
            type=t.type,
            value=t.value,
            mod=t.mod,
            interval={"start": t.interval[0], "end": t.interval[1]} if t.interval else None,
            precision=t.precision,
            explicit=t.explicit,
            anchor=_anchor_id(doc_id, t.anchor, found, kept),
            sentence=_sentence_of(doc, t.start),
        )
        records.append(rec)
        spans.append((span, rec))
        kept.append(t)
    doc._.timexes = records
    doc._.timex_spans = spans
    doc.user_data[_RAW_KEY] = kept
    doc.user_data.pop(_NARRATIVE_KEY, None)
    doc.user_data.pop(_STARTS_KEY, None)
    return doc


def _anchor_id(doc_id: str, anchor: str | None, found: list[Timex], kept: list[Timex]) -> str | None:
    """``"t3"`` (an index into ``found``) becomes the record id of that expression."""
    if anchor is None or not anchor.startswith("t") or not anchor[1:].isdigit():
        return anchor
    j = int(anchor[1:])
    if j >= len(found):
        return None
    target = found[j]
    for k, t in enumerate(kept):
        if t is target:
            return f"{doc_id}:t{k}"
    return None


def _sentence_of(doc: Doc, char: int) -> int | None:
    try:
        return sentence_index(doc, char)
    except ValueError:  # no sentence boundaries set
        return None


def _is_verb(t: Token) -> bool:
    # the fine-grained tag is enough (VB*, MD): the attribute ruler that maps it to pos_ is optional
    return t.pos_ in ("VERB", "AUX") or t.tag_[:2] in ("VB", "MD")


def _governor(token: Token) -> Token | None:
    """The verb a token hangs from (itself if it is one); ``None`` without a parse."""
    if not token.doc.has_annotation("DEP"):
        return None
    t = token
    for _ in range(50):
        if _is_verb(t) or t.dep_ == "ROOT":
            if t.dep_ in ("aux", "auxpass") and t.head.i != t.i and _is_verb(t.head):
                return t.head  # "only in 2004 did X restore ...": the parser hangs the date on 'did'
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _sentence_bounds(doc: Doc, span: Span) -> tuple[int, int]:
    try:
        sent = span.sent
        return sent.start, sent.end
    except ValueError:
        return 0, len(doc)


def _timespan(t: Timex, partner: Timex | None, *, explicit: bool) -> TimeSpan:
    if partner is not None and partner.interval and t.interval:
        first, last = (t, partner) if t.start < partner.start else (partner, t)
        return TimeSpan(value=f"{first.value}/{last.value}", start=first.interval[0], end=last.interval[1],
                        precision=first.precision, explicit=explicit, mod=None, kb=None)
    return TimeSpan(value=t.value, start=t.interval[0] if t.interval else None, end=t.interval[1] if t.interval else None,
                    precision=t.precision, explicit=explicit and t.kb is None, mod=t.mod, kb=t.kb)


def _point_span(p: Point, anchor_kb: str | None = None) -> TimeSpan:
    a, b = p.interval()
    precision = {"half": "quarter", "week": "day"}.get(p.gran, p.gran)
    return TimeSpan(value=p.value(), start=a, end=b, precision=precision, explicit=False, kb=anchor_kb)


def clause_date(doc: Doc, span: Span) -> TimeSpan | None:
    """The date of the clause around ``span`` (an event trigger).

    Explicit when the sentence has a dated time expression: the one governed by the same verb
    as ``span`` if any, else the nearest (expressions anchored on a KB event or leader come
    after the text's own dates and keep ``explicit=False``). Otherwise narrative time at that
    point: the last date the text stated before it (``explicit=False``). ``None`` when the
    text has stated no date yet.
    """
    pairs = doc._.timex_spans or []
    raw: list[Timex] = doc.user_data.get(_RAW_KEY) or []
    if len(raw) != len(pairs):
        raw = []
    s0, s1 = _sentence_bounds(doc, span)
    here = []
    starts = _span_starts(doc, pairs)
    for k in range(bisect_left(starts, s0), bisect_left(starts, s1)):
        sp, rec = pairs[k]  # starts inside the sentence (bisected); must end inside it too
        if sp.end > s1:
            continue
        if raw and _PERIOD_ANAPHOR.fullmatch(raw[k].text.lower()) and not (sp.start > 0 and doc[sp.start - 1].lower_ == "at"):
            # ("at the same time", "at that time": when the last act happened, not the span named before)
            period = _period_antecedent(raw, k)
            if period is not None:
                return period  # "In this period ...", "During this time ...": the span just named
        if rec.type in _DATED_TYPES and rec.interval is not None:
            if raw and raw[k].value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
                continue
            if not rec.explicit and sp.start > 0 and doc[sp.start - 1].lower_ == "since":
                continue  # "the greatest threat to peace since the Second World War": a yardstick
            here.append(k)
    # "deplored the Colombo proposals of December 1962", "abrogated the agreement of 1957": a date
    # bound to a noun dates that thing, not the act around it (unless the act is that noun)
    here = [k for k in here if not _noun_bound(pairs[k][0], span) and not _in_other_relative(pairs[k][0], span)]
    # a named thing years away from every date the sentence itself states is a namesake ("the Warsaw
    # Treaty ... signed on 7 December 1970" is not the pact of 1955)
    stated = [pairs[k][1].interval for k in here if pairs[k][1].explicit and pairs[k][1].interval]
    if stated:
        here = [k for k in here if pairs[k][1].explicit or not _far_from(pairs[k][1].interval, stated)]
    if here:
        gov = _governor(span.root)
        same = [k for k in here if gov is not None and getattr(_governor(pairs[k][0].root), "i", None) == gov.i]

        def distance(k: int) -> int:
            sp = pairs[k][0]
            return 0 if sp.start <= span.start < sp.end else min(abs(sp.start - span.end), abs(span.start - sp.end))

        def best(ks: list[int]) -> int | None:
            own = [k for k in ks if pairs[k][1].explicit]  # the text's own dates before KB anchors
            pool = own or ks
            if not pool:
                return None
            k = min(pool, key=distance)
            root = pairs[k][0].root
            if root.dep_ == "conj":
                # "in 1986 and 1987 ... bombed": the acts began with the first date of the list
                first = [j for j in pool if pairs[j][0].start <= root.head.i < pairs[j][0].end]
                if first:
                    return first[0]
            return k

        above = []
        if gov is not None and not same:
            # a date on a clause that contains the event's clause dates it too (but not across a comma
            # splice the parser read as a complement: "X welcomed ..., more followed the next year")
            ancestors = set()
            node = gov
            while node.head.i != node.i:
                if node.dep_ == "ccomp" and node.i < node.head.i and node.right_edge.i + 1 < len(node.doc) and node.doc[node.right_edge.i + 1].text == "," and not (
                    node.head.lemma_.lower() in _SAYING):
                    break
                node = node.head
                ancestors.add(node.i)
            above = [k for k in here if getattr(_governor(pairs[k][0].root), "i", None) in ancestors
                     and not _look_back_beside(gov, _governor(pairs[k][0].root))]
        inner = []
        if gov is not None and not same and above and not any(pairs[k][1].explicit for k in above):
            # "The Warsaw Treaty, which Brandt travelled to Warsaw to sign on 7 December 1970, ...": the
            # text's own date inside the event's clause before a named thing's date around it
            mine = {t.i for t in gov.subtree}
            inner = [k for k in here if pairs[k][1].explicit and getattr(_governor(pairs[k][0].root), "i", None) in mine]
        if same:
            k = best(same)
        elif inner:
            k = best(inner)
        elif above:
            k = best(above)
        else:
            # a KB anchor in another clause ("because the Soviets regarded the Great Leap
            # Forward with contempt") dates that clause, not this one: narrative time instead
            own = [j for j in here if pairs[j][1].explicit]
            if gov is not None:
                # a date after the event in a clause of its own that the event's clause does not
                # govern ("X offered to mediate, and in January 1966 Y and Z met") is that clause's
                below = {t.i for t in gov.subtree} - {
                    t.i for c in gov.conjuncts if c.i > gov.i and _is_verb(c) for t in c.subtree
                }  # a coordinated clause ("X cut the quota and in January 1961 Y broke ...", "..., and
                # within weeks Y granted aid, more followed the next year") is not governed
                # nor a relative clause that looks back ("which had nearly gone to war in 1978") or a
                # 'while' clause of its own ("Peru sent fighters, while Chile ... passed intelligence")
                for t in gov.subtree:
                    if t.dep_ not in ("relcl", "advcl") or t.i not in below:
                        continue
                    if (t.dep_ == "relcl" and had_aux(t)) or (
                        t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("while", "whereas", "although", "though") for m in t.children)
                    ):
                        inner = {x.i for x in t.subtree}
                        if span.root.i not in inner:
                            below -= inner
                mine = [j for j in own if (pairs[j][0].start < span.start or pairs[j][0].root.i in below)
                        and not _look_back_beside(gov, _governor(pairs[j][0].root))]
                if not mine:
                    before = narrative_time(doc, span.start_char)
                    if before is not None or not own:
                        return before
                own = mine or own
            k = best(own or here)
        rec = pairs[k][1]
        kb_span = pairs[k][0]
        framed = kb_span.start > 0 and doc[kb_span.start - 1].lower_ in _FRAMING_PREPS
        if not rec.explicit and framed and doc[kb_span.start - 1].lower_ in ("until", "till"):
            # "continued to quarrel until the end of the Cold War": the act runs from where the story
            # is to the end of the period named, not over the whole period
            now = narrative_time(doc, span.start_char)
            end = rec.interval.get("end") if rec.interval else None
            if now is not None and end and now.start and now.start <= end:
                return TimeSpan(value=f"{now.value}/{end[:7]}", start=now.start, end=end, precision=now.precision,
                                explicit=False, mod=None, kb=rec.anchor)
            if now is not None:
                return now
        if not rec.explicit and rec.interval is not None and not framed:
            # "but Wilson's government refused": the government that acts is named, not when (as
            # "During the Korean War" or "under Carter" would say); the story's own finer date
            # inside its span ("on 17 July 1974") dates the act better
            now = narrative_time(doc, span.start_char)
            if now is not None and _strictly_inside((now.start, now.end), (rec.interval.get("start"), rec.interval.get("end"))):
                return now
        if raw:
            t = raw[k]
            partner = raw[t.range_with] if t.range_with is not None and t.range_with < len(raw) else None
            return _timespan(t, partner, explicit=True)
        kb_id = rec.anchor if not rec.explicit else None
        return TimeSpan(value=rec.value, start=rec.interval["start"], end=rec.interval["end"], precision=rec.precision,
                        explicit=rec.explicit, mod=rec.mod, kb=kb_id)
    return narrative_time(doc, span.start_char)


_SAYING = frozenset({"say", "tell", "claim", "argue", "insist", "declare", "announce", "state", "write", "note", "report",
                     "believe", "think", "admit", "explain", "warn", "add", "reply", "complain", "suggest", "conclude"})


def _far_from(interval: dict, others: list[dict], years: int = 5) -> bool:
    """Whether ``interval`` lies more than ``years`` years from each of ``others`` (ISO start/end dicts)."""
    try:
        a, b = int(str(interval["start"])[:4]), int(str(interval["end"])[:4])
        return all(int(str(o["start"])[:4]) - b > years or a - int(str(o["end"])[:4]) > years for o in others)
    except (KeyError, TypeError, ValueError):
        return False


def _strictly_inside(inner: tuple[str | None, str | None], outer: tuple[str | None, str | None]) -> bool:
    """Whether ISO interval ``inner`` lies within ``outer`` and is not the same interval."""
    if not all(inner) or not all(outer):
        return False
    (a, b), (c, d) = (iso_key(x) for x in inner), (iso_key(x) for x in outer)
    return c <= a and b <= d and (a, b) != (c, d)


# prepositions that make a named period the frame of an act ("During the Korean War China paid ...")
_FRAMING_PREPS = frozenset({"during", "under", "throughout", "in", "after", "before", "since", "by", "until", "till",
                            "following", "amid", "at", "from", "through", "over", "within"})
_PERIOD_ANAPHOR = re.compile(r"(?:this|that|the same) (?:period|time|phase|span|stage)")


def _look_back_beside(verb: Token, dated: Token | None) -> bool:
    """'Moscow had opened relations with Bonn in 1955, but the East Germans were furious, and East
    Berlin accused Bucharest': a past-perfect clause's date stays in it; a clause told beside it in
    the simple past, a coordinated one, happens when the story is."""
    if dated is None or verb.i == dated.i or not had_aux(dated) or had_aux(verb):
        return False
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
        if node.i == dated.i:
            return True
    return False


def _in_other_relative(timex: Span, event: Span) -> bool:
    """A date inside a relative clause that looks back (past perfect, or a participle: "the credits
    promised in 1957") and neither holds the event nor describes its noun ("Britain
    sent soldiers under the agreement it had signed with Malaya in 1957, and Australia later sent
    troops": 1957 is the signing's date, not the sending's)."""
    if not timex.doc.has_annotation("DEP"):
        return False
    if any(c.lower_ == "when" and timex.end <= c.i <= timex.end + 1 for c in event.root.children):
        return False  # "... at the party congress last January, when he appealed ...": the 'when' is that date
    for a in timex.root.ancestors:
        if (a.dep_ == "relcl" and had_aux(a)) or (
            a.dep_ == "acl" and a.tag_ == "VBN"
        ):
            return event.root.i != a.head.i and not (a.left_edge.i <= event.root.i <= a.right_edge.i)
    return False


def _noun_bound(timex: Span, event: Span | None) -> bool:
    """A time expression that modifies a noun the event is not part of ("the treaty of 1950"),
    or with ``event`` None, that modifies a noun at all."""
    root = timex.root
    if not timex.doc.has_annotation("DEP"):
        return False
    noun = None
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
        noun = root.head.head
    elif root.dep_ in ("compound", "nmod", "amod", "nummod") and root.head.pos_ == "NOUN" and root.head.i >= timex.end and (
        root.dep_ != "nummod" or (timex.start > 0 and timex.doc[timex.start - 1].dep_ in ("det", "poss"))
    ) and not (timex.start > 0 and timex.doc[timex.start - 1].tag_ == "IN" and timex.doc[timex.start - 1].lower_ != "of"):
        # (but "In August 1969 Soviet forces ...": after a preposition, the parser's stray modifier is the
        # preposition's object, a date of the clause)
        # "the 1974 treaty" (but "In 1940 German armies ...": a date the parser hung on the subject)
        noun = root.head
    if noun is None or noun.ent_type_ in ("DATE", "TIME") or noun.lower_ in _TIME_HEADS or noun.lemma_.lower() in _HAPPENINGS:
        # "the summer of 1960": a date itself; "events of 1958 strained relations": what happened then
        return False
    if noun.lemma_.lower() in _MESSAGES and noun.dep_ in ("nsubj", "nsubjpass"):
        return False  # "Zhou's letter of 23 January 1959 stated that ...": the message speaks on its date
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.dep_ == "ROOT" and not _other_dates(timex):
        return False  # "The Soviet approach of 1938 reflected Stalin's fear ...": the sentence is about then
    if event is None:
        return True
    phrase = {t.i for t in noun.subtree}
    return event.root.i not in phrase


def _other_dates(timex: Span) -> bool:
    """Whether the sentence of ``timex`` has another time expression."""
    try:
        sent = timex.sent
    except ValueError:
        return True
    return any(sp.start != timex.start and sent.start <= sp.start < sent.end for sp, _rec in (timex.doc._.timex_spans or []))


_MESSAGES = frozenset({"letter", "note", "message", "telegram", "cable", "memorandum", "speech", "statement", "declaration",
                       "broadcast", "editorial", "article", "interview", "communique", "communiqué", "reply", "protest"})
_HAPPENINGS = frozenset({"event", "incident", "development", "happening", "crisis", "clash", "fighting", "war",
                         "battle", "trouble", "unrest", "upheaval", "turmoil", "change", "shift", "split", "break"})
_TIME_HEADS = frozenset({"summer", "winter", "spring", "autumn", "fall", "end", "beginning", "start", "middle", "course",
                         "months", "month", "years", "year", "period", "days", "day", "weeks", "week", "decade",
                         "century", "half", "part", "time", "early", "late", "turn", "eve", "wake", "aftermath"})


def _period_antecedent(raw: list[Timex], k: int) -> TimeSpan | None:
    """The range ("1956 to 1960", "from 1960 to 1963") closest before expression ``k``, within a
    few sentences: what "this period" / "during this time" points back to."""
    for j in range(k - 1, -1, -1):
        t = raw[j]
        if raw[k].start - t.end > 400:
            return None
        if t.range_with is not None and t.range_with < len(raw) and t.interval:
            partner = raw[t.range_with]
            if partner.interval:
                return _timespan(t, partner, explicit=True)
    return None


def narrative_time(doc: Doc, char: int) -> TimeSpan | None:
    """Narrative time at cleaned offset ``char``: the last date the text stated before it."""
    starts, spans = _narrative_steps(doc)
    i = bisect_left(starts, char) - 1
    return spans[i] if i >= 0 else None


def _narrative_steps(doc: Doc) -> tuple[list[int], list[TimeSpan | None]]:
    """Narrative time after each time expression of ``doc``, computed once: the start offsets of
    the expressions and the narrative time in force once each has been read."""
    raw: list[Timex] = doc.user_data.get(_RAW_KEY) or []
    cached = doc.user_data.get(_NARRATIVE_KEY)
    if cached is not None and cached[0] == len(raw):
        return cached[1], cached[2]
    starts: list[int] = []
    spans: list[TimeSpan | None] = []
    best: Timex | None = None
    scene: Timex | None = None
    for t in raw:
        if t.narrative is not None and (best is None or t.narrative is not best.narrative) and not (
            best is not None and (_flashback(doc, t, best) or _names_a_thing(doc, t))
        ):
            best, scene = t, None
        elif t.precision in ("decade", "century") and t.interval and _scene_setting(doc, t):
            scene = t  # "During the 1960's North Vietnam ...": a coarse frame, kept until a finer date
        if scene is not None:
            now = _timespan(scene, None, explicit=False)
        elif best is not None and best.narrative is not None:
            now = _point_span(best.narrative)
        else:
            now = None
        starts.append(t.start)  # a clause at offset c sees every expression that starts before c
        spans.append(now)
    doc.user_data[_NARRATIVE_KEY] = (len(raw), starts, spans)
    return starts, spans


def _span_starts(doc: Doc, pairs) -> list[int]:
    cached = doc.user_data.get(_STARTS_KEY)
    if cached is not None and cached[0] == len(pairs):
        return cached[1]
    starts = [sp.start for sp, _rec in pairs]
    doc.user_data[_STARTS_KEY] = (len(pairs), starts)
    return starts


def _names_a_thing(doc: Doc, t: Timex) -> bool:
    """'the Colombo proposals of December 1962': a date that tells which thing, not when the story is."""
    if t.kb is not None:
        return False
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return span is not None and _noun_bound(span, None)


def _scene_setting(doc: Doc, t: Timex) -> bool:
    """A decade or century opening its sentence as a frame ("During the 1960's", "In the 1920s")."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prep = doc[span.start - 1]
    if prep.lower_ not in ("in", "during", "throughout"):
        return False
    try:
        return prep.i - prep.sent.start <= 1
    except ValueError:
        return False


def _flashback(doc: Doc, t: Timex, current: Timex) -> bool:
    """A past-perfect clause dated after its verb, earlier than narrative time ("The Soviets had
    also promised in 1957 ..." in an account of 1958): a look back that does not move the story."""
    if not doc.has_annotation("DEP") or current.narrative is None or t.narrative is None:
        return False
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    gov = _governor(span.root)
    if gov is None or gov.i > span.start or gov.tag_ != "VBN":
        return False
    if not had_aux(gov):
        return False
    try:
        return t.narrative.interval()[1] < current.narrative.interval()[0]
    except (TypeError, ValueError):
        return False


@Language.factory(
    "rift_dates",
    requires=["doc.sents"],
    assigns=["doc._.timexes", "doc._.timex_spans"],
    default_config={"kb": True},
)
def make_dates(nlp: Language, name: str, kb: bool = True):
    """Time expressions normalised to TIMEX values and anchored in narrative time (``doc._.timexes``).

    Args:
        kb: also date expressions by the knowledge base of named events and office-holders.
    """
    register_extensions()

    def rift_dates(doc: Doc) -> Doc:
        return annotate_dates(doc, kb=kb)

    return rift_dates
