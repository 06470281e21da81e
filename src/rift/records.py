"""Typed records: the one schema that rift's writers, storage, exports and web API share.

Every record that points at text carries ``doc`` (the document id) and ``start``/``end``
character offsets into the document's text *as read* (decoded, before any repair), so a
reader can always go back to the exact words a record came from.

The JSON schema of each record is documented in ``docs/schema.md``; a test checks that the
writers emit exactly these fields.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Precision = Literal["day", "month", "season", "quarter", "year", "decade", "century", "millennium", "unknown"]
Mode = Literal["asserted", "intended", "hypothetical", "reported"]
Verdict = Literal["supported", "contradicted", "not enough evidence"]


class Record(BaseModel):
    """Base class: frozen, no unknown fields, JSON round-trippable."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def to_json_dict(self) -> dict:
        """Return the record as a JSON-ready dict (the row written to JSONL)."""
        return self.model_dump(mode="json")


class Document(Record):
    """One input text."""

    id: str = Field(description="Stable id: first 16 hex digits of the SHA-256 of the text as read.")
    path: str = Field(description="Where the text came from ('-' for standard input).")
    title: str | None = None
    encoding: str = Field(description="Encoding the bytes were decoded with.")
    n_chars: int
    n_sentences: int = 0
    doctype: Literal["narrative", "news"] = "narrative"
    dct: str | None = Field(default=None, description="Document creation time (YYYY-MM-DD) if known.")
    text: str = Field(description="The text as read (decoded, not repaired).")


class Sentence(Record):
    """A sentence of the repaired text, with its span in the original text."""

    doc: str
    index: int
    start: int
    end: int
    text: str = Field(description="The repaired sentence text (line breaks joined, hyphens removed).")
    paragraph: int = 0


class TimeSpan(Record):
    """A normalised date: TIMEX3-style value plus a calendar interval and precision."""

    value: str = Field(description="TIMEX3-style value: 1958-11, 1958-FA, 196 (decade), 18 (century), P15Y ...")
    start: str | None = Field(default=None, description="First day of the interval, ISO YYYY-MM-DD (may be negative for BC).")
    end: str | None = Field(default=None, description="Last day of the interval, ISO YYYY-MM-DD.")
    precision: Precision = "unknown"
    explicit: bool = Field(default=True, description="False when inherited from narrative time or a knowledge-base anchor.")
    mod: str | None = Field(default=None, description="START/MID/END/BEFORE/AFTER/ON_OR_BEFORE/APPROX ...")
    kb: str | None = Field(default=None, description="Knowledge-base entry id when anchored on a named event or office-holder.")


class TimeExpression(Record):
    """A time expression found in the text."""

    id: str
    doc: str
    start: int
    end: int
    text: str
    type: Literal["DATE", "DURATION", "SET", "TIME"] = "DATE"
    value: str
    mod: str | None = None
    interval: dict | None = Field(default=None, description="{start, end} ISO dates of the calendar interval.")
    precision: Precision = "unknown"
    explicit: bool = True
    anchor: str | None = Field(default=None, description="Id of the expression or KB entry this one was resolved against.")
    sentence: int | None = None


class ActorMention(Record):
    """A mention of an actor (state, party, leader, group) resolved to a code."""

    doc: str
    start: int
    end: int
    text: str
    code: str = Field(description="Actor code, ISO 3166 alpha-3 for states (SUN, CHN, TWN, ...).")
    kind: str = Field(default="state", description="state | leader | party | group | pronoun | collective | place (a place named for the state that held it)")
    name: str | None = Field(default=None, description="Canonical name of the entity mentioned (e.g. the leader).")
    sentence: int | None = None


class CitationRef(Record):
    """The short form of a citation attached to another record."""

    author: str
    pages: str | None = None
    id: str | None = None


class Citation(Record):
    """A parenthetical author-page citation."""

    id: str
    doc: str
    author: str | None = Field(description="Surname as written; None only for an unresolved 'ibid.'.")
    year: str | None = None
    pages: str | None = Field(default=None, description="Pages as written: '256-61'.")
    page_start: int | None = None
    page_end: int | None = None
    start: int
    end: int
    text: str
    ibid: bool = False
    truncated: bool = Field(default=False, description="True when the citation is cut off (no closing parenthesis).")
    supports: list[int] = Field(default_factory=list, description="Indexes of the sentences this citation backs.")


class Source(Record):
    """A cited work in the bibliography."""

    doc: str
    author: str
    full_name: str | None = None
    title: str | None = None
    citations: list[str] = Field(default_factory=list)
    pages: list[str] = Field(default_factory=list)
    events: list[str] = Field(default_factory=list)


class Event(Record):
    """A dyadic event: who did what to whom, when, on whose authority."""

    id: str
    doc: str
    sentence: str = Field(description="Text of the sentence the event comes from.")
    sentence_index: int | None = None
    start: int = Field(description="Start of the sentence in the original text.")
    end: int = Field(description="End of the sentence in the original text.")
    trigger: str | None = Field(default=None, description="The verb or noun that carries the event.")
    trigger_start: int | None = None
    trigger_end: int | None = None
    source: str = Field(description="Actor code of who acted.")
    target: str | None = Field(default=None, description="Actor code of whom it was done to.")
    source_text: str | None = None
    target_text: str | None = None
    category: str = Field(description="PLOVER category (AGREE, AID, ASSAULT, ...).")
    plover_mode: str | None = Field(default=None, description="PLOVER sub-mode (e.g. 'withdraw'), if any.")
    mode: Mode = "asserted"
    kind: Literal["action", "attitude"] = "action"
    negated: bool = False
    intensity: float = Field(description="Conflict (-10) to cooperation (+10).")
    quad: str | None = Field(default=None, description="verbal/material cooperation/conflict.")
    date: TimeSpan | None = None
    citations: list[CitationRef] = Field(default_factory=list)
    confidence: float = 1.0
    sources: list[str] = Field(default_factory=list, description="Document ids reporting this event (after merging).")
    disagreement: bool = False


class CausalEnd(Record):
    """One side of a causal link."""

    text: str
    start: int
    end: int
    event: str | None = None


class CausalLink(Record):
    """A causal link the text claims between two events or event-like spans."""

    id: str
    doc: str
    cause: CausalEnd
    effect: CausalEnd
    cue: str
    confidence: float
    sentence: str
    sentence_index: int | None = None


class Claim(Record):
    """An author's claim about time: a phase, a thesis or a view attributed to others."""

    id: str
    doc: str
    kind: Literal["phase", "thesis", "attributed", "turning_point"]
    text: str
    start: int
    end: int
    interval: dict | None = Field(default=None, description="{start, end} years or ISO dates; end None means open.")
    characterisation: str | None = None
    attributed_to: str | None = None
    citations: list[CitationRef] = Field(default_factory=list)
    verdict: Verdict | None = None
    evidence: list[str] = Field(default_factory=list, description="Event ids weighed in the verdict.")
    test: dict | None = Field(default=None, description="Details of how the claim was tested.")


class PhaseSpan(Record):
    """One phase of a relationship as detected from the relations index."""

    start: str
    end: str
    mean: float
    label: str
    events: list[str] = Field(default_factory=list)


class Phase(Record):
    """The phases of one dyad."""

    dyad: str
    phases: list[PhaseSpan]
    change_points: list[str] = Field(default_factory=list)


RECORD_TYPES: dict[str, type[Record]] = {
    "documents": Document,
    "sentences": Sentence,
    "timexes": TimeExpression,
    "actors": ActorMention,
    "citations": Citation,
    "sources": Source,
    "events": Event,
    "causal": CausalLink,
    "claims": Claim,
    "phases": Phase,
}


def schema_markdown() -> str:
    """The documentation of every record type as Markdown (``docs/schema.md``).

    Regenerate with ``python -m rift.records > docs/schema.md``.
    """
    import json as _json

    lines = [
        "# rift's records",
        "",
        "Every output file, database table, export and API response serialises these records.",
        "Offsets (`start`, `end`) are character offsets into the document's text *as read*",
        "(decoded, before repair). Generated from `src/rift/records.py` by",
        "`python -m rift.records > docs/schema.md`; a test checks it is current.",
        "",
    ]
    nested = {"TimeSpan": TimeSpan, "CitationRef": CitationRef, "CausalEnd": CausalEnd, "PhaseSpan": PhaseSpan}
    sections = list(RECORD_TYPES.items()) + [(name, cls) for name, cls in nested.items()]
    for table, cls in sections:
        lines += [f"## {cls.__name__}" + (f" (`{table}`)" if table in RECORD_TYPES else ""), "", (cls.__doc__ or "").strip(), ""]
        lines += ["| field | type | description |", "|---|---|---|"]
        schema = cls.model_json_schema()
        props = schema.get("properties", {})
        for name, info in cls.model_fields.items():
            prop = props.get(name, {})
            typ = prop.get("type") or " or ".join(
                str(a.get("type") or a.get("$ref", "").split("/")[-1] or a.get("const", "")) for a in prop.get("anyOf", [])
            ) or prop.get("$ref", "").split("/")[-1] or ("enum" if "enum" in prop else "")
            if "enum" in prop:
                typ = " or ".join(_json.dumps(v) for v in prop["enum"])
            desc = (info.description or "").replace("|", "\\|")
            lines.append(f"| `{name}` | {typ} | {desc} |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    print(schema_markdown())
