"""A synthetic analysis result of any size, for the report's tests, benchmark and demos.

It builds a document text sentence by sentence and records every event, citation, causal link
and claim with the exact offsets of its words, as the pipeline would; the relations index and
phases are simple yearly sums and halves. Nothing here is used by the analysis itself.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from rift.records import (
    CausalEnd,
    CausalLink,
    Citation,
    CitationRef,
    Claim,
    Document,
    Event,
    Phase,
    PhaseSpan,
    Sentence,
    Source,
    TimeSpan,
)
from rift.text_utils import doc_id_for

_PAIRS = [("SUN", "CHN"), ("CHN", "SUN"), ("USA", "SUN"), ("CHN", "USA"), ("CHN", "IND"), ("SUN", "ALB"), ("PRK", "CHN")]
_NAMES = {"SUN": "the Soviet Union", "CHN": "China", "USA": "the United States", "IND": "India", "ALB": "Albania", "PRK": "North Korea"}
_ACTIONS = [
    ("signed a treaty with", "signed", "AGREE", 6.0, "verbal cooperation"),
    ("sent aid to", "sent", "AID", 7.0, "material cooperation"),
    ("criticised", "criticised", "ACCUSE", -3.0, "verbal conflict"),
    ("threatened", "threatened", "THREATEN", -6.0, "verbal conflict"),
    ("withdrew its advisers from", "withdrew", "REDUCE", -5.0, "material conflict"),
    ("clashed with", "clashed", "ASSAULT", -9.0, "material conflict"),
    ("met the leaders of", "met", "CONSULT", 2.0, "verbal cooperation"),
]
_AUTHORS = [("Nogee", "Joseph Nogee", "Soviet Foreign Policy Since World War II"),
            ("Salisbury", "Harrison Salisbury", "War Between Russia and China"),
            ("Simmons", "Robert Simmons", "The Strained Alliance"),
            ("Warth", "Robert Warth", "Soviet Russia in World Politics")]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


@dataclass
class _Builder:
    doc_id: str = ""
    parts: list[str] = field(default_factory=list)
    length: int = 0
    sentences: list[tuple[int, int, str]] = field(default_factory=list)

    def add(self, text: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start, self.length

    def sentence(self, text: str) -> tuple[int, int, int]:
        start, end = self.add(text)
        self.sentences.append((start, end, text))
        self.add(" ")
        return len(self.sentences) - 1, start, end

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _date(rng: random.Random, year: int) -> tuple[str, TimeSpan | None]:
    """A date phrase and its TimeSpan: a day, a month, a year, the early part of a decade, or none."""
    kind = rng.random()
    if kind < 0.2:
        m, d = rng.randint(1, 12), rng.randint(1, 28)
        return f"On {d} {_MONTHS[m - 1]} {year}", TimeSpan(value=f"{year}-{m:02d}-{d:02d}", start=f"{year}-{m:02d}-{d:02d}", end=f"{year}-{m:02d}-{d:02d}", precision="day")
    if kind < 0.45:
        m = rng.randint(1, 12)
        last = 30 if m in (4, 6, 9, 11) else 28 if m == 2 else 31
        return f"In {_MONTHS[m - 1]} {year}", TimeSpan(value=f"{year}-{m:02d}", start=f"{year}-{m:02d}-01", end=f"{year}-{m:02d}-{last}", precision="month")
    if kind < 0.85:
        return f"In {year}", TimeSpan(value=str(year), start=f"{year}-01-01", end=f"{year}-12-31", precision="year")
    if kind < 0.93:
        dec = year - year % 10
        return f"In the early {dec}s", TimeSpan(value=str(dec // 10), start=f"{dec}-01-01", end=f"{dec + 3}-12-31", precision="decade", mod="START")
    return "At some point", None


def synthetic_result(n_events: int = 40, *, seed: int = 0, first_year: int = 1927, last_year: int = 1969,
                     inject: str | None = None, title: str = "A synthetic history of relations"):
    """Build an :class:`rift.api.AnalysisResult` with ``n_events`` events in one document.

    Args:
        n_events: how many events (each with its own cited sentence).
        seed: the random seed (the result is deterministic for a seed).
        first_year: the first year events fall in.
        last_year: the last year events fall in.
        inject: a string (for example markup) to place in the title, sentences, a source's
            title, a claim and a causal cue, to test that the report shows it as text.
        title: the document's title.
    """
    from rift.api import AnalysisResult
    from rift.pipeline import DocResult

    rng = random.Random(seed)
    b = _Builder()
    extra = f" {inject}" if inject else ""
    doc_title = title + extra
    b.sentence(doc_title)
    b.add("\n\n")
    citations: list[Citation] = []
    cite_rows: list[tuple[int, int, int, str, str]] = []  # sentence, start, end, author, pages
    events: list[Event] = []
    causal: list[CausalLink] = []
    claims: list[Claim] = []
    placeholder_doc = "doc"
    years = list(range(first_year, last_year + 1))
    for i in range(n_events):
        year = years[min(len(years) - 1, int(i * len(years) / max(1, n_events)))]
        source, target = rng.choice(_PAIRS)
        phrase, trigger, category, intensity, quad = rng.choice(_ACTIONS)
        when, span = _date(rng, year)
        author = rng.choice(_AUTHORS)
        pages = f"{rng.randint(10, 300)}"
        if rng.random() < 0.3:
            pages += f"-{int(pages) % 100 + rng.randint(1, 9)}"
        head = f"{when} {_NAMES[source]} "
        body = f"{phrase} {_NAMES[target]}{extra if i == 0 else ''}"
        cite_text = f"({author[0]}, {pages})"
        sentence_text = f"{head[0].upper()}{head[1:]}{body} {cite_text}."
        idx, s0, s1 = b.sentence(sentence_text)
        trig_start = s0 + len(head) + phrase.index(trigger)
        c0 = s0 + sentence_text.index(cite_text)
        cite_rows.append((idx, c0, c0 + len(cite_text), author[0], pages))
        events.append(Event(
            id=f"{placeholder_doc}:e{i}", doc=placeholder_doc, sentence=sentence_text, sentence_index=idx,
            start=s0, end=s1, trigger=trigger, trigger_start=trig_start, trigger_end=trig_start + len(trigger),
            source=source, target=target, source_text=_NAMES[source], target_text=_NAMES[target],
            category=category, intensity=intensity, quad=quad, date=span,
            citations=[CitationRef(author=author[0], pages=pages, id=f"{placeholder_doc}:c{len(cite_rows) - 1}")],
        ))
        if i % 5 == 4 and i + 1 < n_events:
            cue = "led to" + (extra if i == 4 else "")
            link_text = f"This move {cue} the next turn in relations."
            lidx, l0, l1 = b.sentence(link_text)
            causal.append(CausalLink(
                id=f"{placeholder_doc}:k{len(causal)}", doc=placeholder_doc,
                cause=CausalEnd(text=sentence_text, start=s0, end=s1, event=f"{placeholder_doc}:e{i}"),
                effect=CausalEnd(text="the next turn in relations", start=l0 + link_text.index("the next"), end=l1 - 1, event=f"{placeholder_doc}:e{i + 1}"),
                cue=cue, confidence=0.8, sentence=link_text, sentence_index=lidx,
            ))
        if i % 12 == 11:
            b.add("\n\n")
    # the author's claims: phases over thirds of the period, and two theses
    third = max(1, (last_year - first_year) // 3)
    for k, label in enumerate(("friendly", "strained", "hostile")):
        a = first_year + k * third
        z = last_year if k == 2 else a + third - 1
        text = f"From {a} to {z} relations were {label}{extra if k == 0 else ''}."
        idx, s0, s1 = b.sentence(text)
        claims.append(Claim(id=f"{placeholder_doc}:p{k}", doc=placeholder_doc, kind="phase", text=text, start=s0, end=s1,
                            interval={"start": a, "end": z}, characterisation=label))
    for k, (text, verdict) in enumerate((("The split was caused by ideology.", "supported"),
                                         ("The schism was complete by 1965.", "not enough evidence"))):
        idx, s0, s1 = b.sentence(text)
        claims.append(Claim(id=f"{placeholder_doc}:t{k}", doc=placeholder_doc, kind="thesis", text=text, start=s0, end=s1,
                            verdict=verdict, evidence=[e.id for e in events[k::7][:5]]))

    text = b.text
    doc_id = doc_id_for(text)

    def rid(value: str) -> str:
        return value.replace(placeholder_doc + ":", doc_id + ":", 1)

    sentences = [Sentence(doc=doc_id, index=i, start=s, end=e, text=t) for i, (s, e, t) in enumerate(b.sentences)]
    for i, (idx, c0, c1, author, pages) in enumerate(cite_rows):
        citations.append(Citation(id=f"{doc_id}:c{i}", doc=doc_id, author=author, pages=pages, start=c0, end=c1,
                                  text=text[c0:c1], supports=[idx]))
    events = [e.model_copy(update={"id": rid(e.id), "doc": doc_id,
                                   "citations": [r.model_copy(update={"id": rid(r.id)}) for r in e.citations]}) for e in events]
    causal = [c.model_copy(update={"id": rid(c.id), "doc": doc_id,
                                   "cause": c.cause.model_copy(update={"event": rid(c.cause.event)}),
                                   "effect": c.effect.model_copy(update={"event": rid(c.effect.event)})}) for c in causal]
    claims = [c.model_copy(update={"id": rid(c.id), "doc": doc_id, "evidence": [rid(x) for x in c.evidence]}) for c in claims]
    sources = []
    for author, full, work in _AUTHORS:
        mine = [c for c in citations if c.author == author]
        if mine:
            sources.append(Source(doc=doc_id, author=author, full_name=full, title=work + (extra if author == "Nogee" else ""),
                                  citations=[c.id for c in mine], pages=[c.pages for c in mine if c.pages]))
    document = Document(id=doc_id, path="synthetic.txt", title=doc_title, encoding="utf-8", n_chars=len(text),
                        n_sentences=len(sentences), text=text)
    series, phases = _series_and_phases(events)
    doc = DocResult(document=document, sentences=sentences, citations=citations, sources=sources,
                    events=events, causal=causal, claims=claims)
    return AnalysisResult(docs=[doc], series=series, phases=phases)


def _series_and_phases(events: list[Event]) -> tuple[list[dict], list[Phase]]:
    """Yearly sums per undirected dyad, and each dyad cut in two phases at its middle year."""
    from rift.report.data import dyad_key

    sums: dict[tuple[str, int], list[float]] = {}
    for e in events:
        if not e.date or not e.date.start or not e.target:
            continue
        key = (dyad_key(e.source, e.target), int(e.date.start[:4]))
        acc = sums.setdefault(key, [0.0, 0.0])
        acc[0] += e.intensity
        acc[1] += 1
    series = [
        {"dyad": d, "bin": str(y), "intensity_sum": s, "intensity_mean": s / n, "n_events": n,
         "verbal_coop": 0.0, "material_coop": 0.0, "verbal_conflict": 0.0, "material_conflict": 0.0}
        for (d, y), (s, n) in sorted(sums.items())
    ]
    phases = []
    for dyad in sorted({d for d, _ in sums}):
        ys = sorted(y for d, y in sums if d == dyad)
        if len(ys) < 2:
            continue
        mid = ys[len(ys) // 2]
        spans = []
        for a, z in ((ys[0], mid - 1), (mid, ys[-1])):
            if z < a:
                continue
            vals = [sums[(dyad, y)][0] for y in ys if a <= y <= z]
            mean = sum(vals) / len(vals)
            spans.append(PhaseSpan(start=str(a), end=str(z), mean=mean, label="cooperation" if mean >= 0 else "conflict"))
        phases.append(Phase(dyad=dyad, phases=spans, change_points=[str(mid)]))
    return series, phases
