"""The author's claims about time: periodisation, thesis, turning points, views of others.

* **phase**: a sentence naming a phase, period or stage with an interval ("The first phase is
  roughly 1956 to 1960"), or, in a paragraph that announces a periodisation ("occurred in three
  phases"), a sentence that opens with an interval ("From 1960 to 1964 the disputes ...").
  Its characterisation is what the sentence says of the phase, or the next sentence when the
  sentence only names it.
* **thesis**: an outcome said to be complete or reached, about the relationship, usually with
  a time ("By 1965 the schism ... was complete").
* **turning_point**: "the first of many stumbling blocks", "the first real signs", "turning point".
* **attributed**: a view reported as someone else's ("Some historians argue that ...",
  "Alvin Z. Rubenstien ... makes the argument that ..."). A view the author reports as the
  consensus ("most historians feel that ...") keeps the kind of its content and its
  ``attributed_to``.

Intervals come from the dates stage's time expressions where they say more than the fallback
year-range parser (:mod:`rift.causes.intervals`), which reads ranges and open ends.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Span, Token

from rift.causes.intervals import IntervalMatch, find_intervals
from rift.causes.spans import SentenceIndex, sentence_index, trim
from rift.citations.component import citations_for_sentence
from rift.errors import RiftError
from rift.records import CitationRef, Claim
from rift.text_utils import orig_span

_STRONG_INTERVALS = ("range", "onward", "by", "part", "century")


@dataclass(frozen=True)
class ClaimWords:
    """The word lists of ``data/claims.yaml``."""

    period_nouns: frozenset[str]
    ordinals: dict
    counts: dict
    range_openers: frozenset[str]
    reporting_verbs: frozenset[str]
    reporting_nouns: frozenset[str]
    scholar_nouns: frozenset[str]
    minority_quantifiers: tuple[str, ...]
    consensus_quantifiers: tuple[str, ...]
    thesis_cues: tuple[str, ...]
    thesis_topics: frozenset[str]
    turning_cues: tuple[str, ...]


CLAIM_WORD_LISTS = (
    "period_nouns", "ordinals", "counts", "range_openers", "reporting_verbs", "reporting_nouns", "scholar_nouns",
    "minority_quantifiers", "consensus_quantifiers", "thesis_cues", "thesis_topics", "turning_cues",
)


@lru_cache(maxsize=1)
def load_claim_words() -> ClaimWords:
    """The claims lexicon (cached).

    Raises:
        RiftError: a list is missing or empty.
    """
    text = resources.files("rift.causes").joinpath("data", "claims.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    for key in CLAIM_WORD_LISTS:
        if not data.get(key):
            raise RiftError(f"rift/causes/data/claims.yaml: '{key}' is missing or empty")
    lower = lambda xs: tuple(str(x).lower() for x in xs)  # noqa: E731
    return ClaimWords(
        period_nouns=frozenset(lower(data["period_nouns"])),
        ordinals=dict(data["ordinals"]),
        counts=dict(data["counts"]),
        range_openers=frozenset(lower(data["range_openers"])),
        reporting_verbs=frozenset(lower(data["reporting_verbs"])),
        reporting_nouns=frozenset(lower(data["reporting_nouns"])),
        scholar_nouns=frozenset(lower(data["scholar_nouns"])),
        minority_quantifiers=lower(data["minority_quantifiers"]),
        consensus_quantifiers=lower(data["consensus_quantifiers"]),
        thesis_cues=lower(data["thesis_cues"]),
        thesis_topics=frozenset(lower(data["thesis_topics"])),
        turning_cues=lower(data["turning_cues"]),
    )


def _phrase_re(phrases) -> re.Pattern:
    alts = sorted((re.escape(p) for p in phrases), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.I)


@dataclass(frozen=True)
class Speaker:
    """Who a view is attributed to, and where the view itself is."""

    text: str
    quantifier: str | None  # "minority", "consensus" or None (a named person: minority)
    content: tuple[int, int]  # token range of the view


class ClaimFinder:
    """Callable of the ``rift_claims`` factory."""

    def __init__(self, words: ClaimWords | None = None):
        self.words = words or load_claim_words()
        self._thesis = _phrase_re(self.words.thesis_cues)
        self._turning = _phrase_re(self.words.turning_cues)

    # ------------------------------------------------------------------ intervals
    def interval(self, doc: Doc, span: Span) -> tuple[dict | None, IntervalMatch | None]:
        """The interval a stretch of text claims: the fallback parser's reading of a range or
        an open end, else the dates stage's time expression, else a plain year or decade."""
        found = find_intervals(span.text)
        strong = next((m for m in found if _kind_of(m) in _STRONG_INTERVALS), None)
        if strong is not None:
            return strong.as_dict(), strong
        tx = _timex_interval(doc, span)
        if tx is not None:
            return tx, None
        if found:
            return found[0].as_dict(), found[0]
        return None, None

    # ------------------------------------------------------------------ speakers
    def speakers(self, doc: Doc, sent: Span) -> list[Speaker]:
        """The scholars a sentence reports views of ("Many historians agree that ..., but most
        historians feel that ..."), in order."""
        out: list[Speaker] = []
        for tok in sent:
            verb = None
            if tok.lemma_.lower() in self.words.reporting_verbs and tok.pos_ == "VERB":
                verb = tok
            elif tok.lemma_.lower() in self.words.reporting_nouns and tok.dep_ == "dobj" and tok.head.lemma_ in ("make", "advance", "put"):
                verb = tok.head
            if verb is None:
                continue
            subj = [c for c in verb.children if c.dep_ in ("nsubj",)]
            if not subj:
                continue
            who = self._speaker_text(doc, subj[0])
            if who is None:
                continue
            content = self._content(doc, sent, tok)
            if content is None:
                continue
            out.append(Speaker(who[0], who[1], content))
        return out

    def _speaker_text(self, doc: Doc, head: Token) -> tuple[str, str | None] | None:
        label = head.ent_type_  # the label of the entity holding the head, "" outside any
        is_person = label == "PERSON"
        if label in ("GPE", "NORP", "ORG", "LOC"):
            return None
        if head.pos_ == "PRON":
            return None
        start = head.left_edge.i
        toks = [t for t in doc[start : head.i + 1] if not t.is_punct]
        text = doc[start : head.i + 1].text
        first = toks[0].lower_ if toks else ""
        two = " ".join(t.lower_ for t in toks[:2])
        if head.lower_ in self.words.scholar_nouns or head.lemma_.lower() in self.words.scholar_nouns:
            if first in self.words.consensus_quantifiers or two in self.words.consensus_quantifiers:
                return text, "consensus"
            return text, "minority"
        if is_person or (head.pos_ == "PROPN" and head.ent_type_ in ("", "PERSON") and not _is_actor(doc, head)):
            if _is_actor(doc, head):
                return None
            return text, None
        return None

    def _content(self, doc: Doc, sent: Span, tok: Token) -> tuple[int, int] | None:
        """The view a reporting word introduces: its ``that``-clause, or what follows it."""
        for c in list(tok.children) + list(tok.head.children if tok.dep_ == "dobj" else []):
            if c.dep_ in ("ccomp", "acl", "relcl") and c.i > tok.i:
                s, e = trim(doc, c.left_edge.i, c.right_edge.i + 1)
                if e > s:
                    return s, e
        # the parse did not attach it: the rest of the sentence after "that"
        for t in doc[tok.i + 1 : min(tok.i + 4, sent.end)]:
            if t.lower_ == "that":
                s, e = trim(doc, t.i + 1, sent.end)
                return (s, e) if e > s else None
        return None

    # ------------------------------------------------------------------ phases
    def _period_noun(self, sent: Span) -> Token | None:
        return next((t for t in sent if t.lower_ in self.words.period_nouns), None)

    def _announces(self, sent: Span) -> bool:
        """"... has occurred in three phases": a periodisation is announced."""
        parsed = sent.doc.has_annotation("DEP")
        for t in sent:
            if t.lower_ in self.words.period_nouns and t.lower_.endswith("s"):
                # without a parse (a blank pipeline) the words just before stand in for the children
                near = t.children if parsed else sent.doc[max(sent.start, t.i - 2) : t.i]
                if any(c.lower_ in self.words.counts or c.like_num for c in near):
                    return True
        return False

    def _opens_with_interval(self, sent: Span, im: IntervalMatch | None) -> bool:
        if im is None or _kind_of(im) not in ("range", "onward"):
            return False
        lead = sent.text[: im.begin].strip().lower()
        return lead == "" or lead in self.words.range_openers

    def _characterisation(self, doc: Doc, index: SentenceIndex, k: int, sent: Span, period: Token | None, im: IntervalMatch | None) -> str | None:
        """What a phase sentence says of the phase; the next sentence when it only names it."""
        root = sent.root
        drop: set[int] = set(index.citation_tokens)
        if im is not None:
            a = sent.start_char + im.begin
            b = sent.start_char + im.end
            drop |= {t.i for t in sent if a <= t.idx < b}
        subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        subject_is_period = period is not None and any(period.i in {x.i for x in s.subtree} for s in subj)
        if not subject_is_period:
            for c in root.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    continue
                sub = {x.i for x in c.subtree}
                if (period is not None and period.i in sub) or (sub & drop and c.dep_ in ("prep", "npadvmod", "advmod", "advcl")):
                    drop |= sub
            keep = [t for t in sent if t.i not in drop and not t.is_space]
            content = [t for t in keep if t.is_alpha and not t.is_stop]
            if len(content) >= 3:
                s, e = trim(doc, keep[0].i, keep[-1].i + 1, skip=drop)
                words = [t for t in doc[s:e] if t.i not in drop]
                return "".join(t.text_with_ws for t in words).strip() or None
        j = index.next(k)
        if j is None:
            return None
        nxt = index.sents[j]
        if self._period_noun(nxt) is not None and find_intervals(nxt.text):
            return None
        return nxt.text.strip()

    # ------------------------------------------------------------------ entry point
    def __call__(self, doc: Doc) -> Doc:
        index = sentence_index(doc)
        doc_id = doc._.rift_doc_id or ""
        claims: list[Claim] = []
        periodised: set[int] = set()
        for k, sent in enumerate(index.sents):
            para = index.paragraphs[k]
            if self._announces(sent):
                periodised.add(para)
            listed = self._listed_phases(sent) if para in periodised else []
            made_all = listed or [self._claim(doc, index, k, sent, para in periodised)]
            for made in made_all:
                if made is None:
                    continue
                kind, interval, characterisation, attributed_to = made
                if kind == "phase":
                    periodised.add(para)
                claims.append(self._record(doc, index, k, sent, doc_id, len(claims), made))
        doc._.claims = claims
        doc.user_data.pop(_TIMEX_ORDER_KEY, None)
        return doc

    def _listed_phases(self, sent: Span) -> list[tuple]:
        """Phases listed in one sentence: "three phases: a cordial alliance from 1950 to 1957,
        a slow estrangement from 1958 to 1964, and open enmity from 1965 to 1969"."""
        period = self._period_noun(sent)
        after = period.idx - sent.start_char if period is not None else 0
        found = sorted(
            (m for m in find_intervals(sent.text) if _kind_of(m) in ("range", "onward") and m.begin > after), key=lambda m: m.begin
        )
        if len(found) < 2:
            return []
        text = sent.text
        colon = text.find(":", after)
        prev = colon + 1 if 0 <= colon < found[0].begin else after
        out = []
        for m in found:
            seg = text[prev : m.begin].strip(" ,;:")
            seg = re.sub(r"^(?:and|or|then|finally)\s+", "", seg, flags=re.I)
            seg = re.sub(r"\s+(?:from|between|during|in|of)$", "", seg, flags=re.I).strip(" ,;:")
            if prev == 0 and len(seg.split()) > 8:
                seg = ""
            out.append(("phase", m.as_dict(), seg or None, None))
            prev = m.end
        return out

    def _record(self, doc: Doc, index: SentenceIndex, k: int, sent: Span, doc_id: str, n: int, made: tuple) -> Claim:
        """The :class:`Claim` record of sentence ``k``."""
        kind, interval, characterisation, attributed_to = made
        if kind in ("thesis", "turning_point") and interval and interval.get("mod") == "ON_OR_BEFORE":
            # "by 1965 the schism was complete": the state holds from then on
            interval = {"start": interval["end"], "end": None, "mod": "ON_OR_BEFORE"}
        a, b = orig_span(doc, sent.start_char, sent.start_char + len(sent.text.rstrip()))
        return Claim(
            id=f"{doc_id}:m{n}",
            doc=doc_id,
            kind=kind,
            text=sent.text.strip(),
            start=a,
            end=b,
            interval=interval,
            characterisation=characterisation,
            attributed_to=attributed_to,
            citations=_citations(doc, index, k),
        )

    def _claim(self, doc: Doc, index: SentenceIndex, k: int, sent: Span, periodised: bool):
        """(kind, interval, characterisation, attributed_to) of sentence ``k``, or None."""
        interval, im = self.interval(doc, sent)
        period = self._period_noun(sent)
        if interval is not None and im is not None and (period is not None or (periodised and self._opens_with_interval(sent, im))):
            if _kind_of(im) in ("range", "onward", "part", "decade", "century") and not self._announces(sent):
                return "phase", interval, self._characterisation(doc, index, k, sent, period, im), None
        whos = self.speakers(doc, sent)
        who = None
        kind = None
        for cand in whos:
            kind = self._content_kind(doc[cand.content[0] : cand.content[1]])
            if kind is not None:
                who = cand
                break
        if who is None and whos:
            who, kind = whos[0], None
        if who is None:
            kind = self._content_kind(sent)
        else:
            c_interval, _ = self.interval(doc, doc[who.content[0] : who.content[1]])
            interval = c_interval or interval
            if who.quantifier == "consensus" and kind is not None:
                return kind, interval, None, who.text
            return "attributed", interval, None, who.text
        if kind is None:
            return None
        return kind, interval, None, None

    def _content_kind(self, content: Span) -> str | None:
        """turning_point, thesis or None, from what a stretch of text says."""
        text = content.text
        if self._turning.search(text):
            return "turning_point"
        if self._thesis.search(text) and any(t.lower_ in self.words.thesis_topics or t.lemma_.lower() in self.words.thesis_topics for t in content):
            return "thesis"
        return None


def _kind_of(im: IntervalMatch) -> str:
    """The shape of a parsed interval: range, onward, by, part, century, decade or year."""
    if im.mod == "ON_OR_BEFORE":
        return "by"
    if im.end_year is None:
        return "onward"
    if im.mod in ("EARLY", "MID", "LATE"):
        return "part"
    if im.start_year is not None and im.end_year - im.start_year >= 99:
        return "century"
    if im.start_year is not None and im.end_year != im.start_year:
        return "decade" if im.end_year - im.start_year == 9 and im.start_year % 10 == 0 and "s" in im.text.lower() else "range"
    return "year"


_TIMEX_ORDER_KEY = "rift_claims_timex_order"  # doc.user_data: the timex spans in text order, and their starts


def _timex_interval(doc: Doc, span: Span) -> dict | None:
    """The interval of the first dated time expression of the dates stage inside ``span``."""
    pairs = doc._.timex_spans or []
    cached = doc.user_data.get(_TIMEX_ORDER_KEY)
    if cached is None or cached[0] is not pairs:
        ordered = sorted(pairs, key=lambda p: p[0].start_char)
        cached = (pairs, ordered, [p[0].start_char for p in ordered])
        doc.user_data[_TIMEX_ORDER_KEY] = cached
    _, ordered, starts = cached
    for k in range(bisect.bisect_left(starts, span.start_char), len(ordered)):
        tspan, tx = ordered[k]
        if tspan.start_char >= span.end_char:
            break
        if tspan.end_char <= span.end_char and tx.type == "DATE" and tx.interval:
            start, end = tx.interval.get("start"), tx.interval.get("end")
            years = [_year(start), _year(end)]
            if years[0] is None and years[1] is None:
                continue
            d: dict = {"start": years[0], "end": years[1]}
            if tx.mod:
                d["mod"] = tx.mod
            return d
    return None


def _year(iso: str | None) -> int | None:
    if not iso:
        return None
    m = re.match(r"^(-?\d{1,4})", iso)
    return int(m.group(1)) if m else None


def _is_actor(doc: Doc, tok: Token) -> bool:
    """Whether ``tok`` is a mention of an actor of the story (a state, a leader)."""
    for span, _mention in doc._.actor_spans or []:
        if span.start <= tok.i < span.end:
            return True
    return False


def _citations(doc: Doc, index: SentenceIndex, k: int) -> list[CitationRef]:
    """The citations backing sentence ``k`` (and the next, when a quotation runs on into it)."""
    cites = citations_for_sentence(doc, k)
    sent = index.sents[k]
    if not cites and sent.text.count('"') % 2 == 1 and index.next(k) is not None:
        cites = citations_for_sentence(doc, index.next(k))
    return [CitationRef(author=c.author or "ibid.", pages=c.pages, id=c.id) for c in cites]
