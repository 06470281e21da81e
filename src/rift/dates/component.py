"""The ``rift_dates`` spaCy component (placeholder until the normaliser lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from rift.records import TimeSpan


def annotate_dates(doc: Doc) -> Doc:
    """Set ``doc._.timexes`` and ``doc._.timex_spans``."""
    doc._.timexes = []
    doc._.timex_spans = []
    return doc


def clause_date(doc: Doc, span: Span) -> TimeSpan | None:
    """The date of the clause around ``span``: explicit if it has one, else narrative time."""
    return None


@Language.factory(
    "rift_dates",
    requires=["doc.sents"],
    assigns=["doc._.timexes", "doc._.timex_spans"],
    default_config={},
)
def make_dates(nlp: Language, name: str):
    """Time expressions normalised to TIMEX3 values (``doc._.timexes``)."""
    return annotate_dates
