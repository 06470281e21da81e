"""The ``rift_events`` spaCy component (placeholder until the event lexicon lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def annotate_events(doc: Doc) -> Doc:
    """Set ``doc._.events``."""
    doc._.events = []
    return doc


@Language.factory(
    "rift_events",
    requires=["doc._.actors", "doc._.timexes", "doc._.citations"],
    assigns=["doc._.events"],
    default_config={},
)
def make_events(nlp: Language, name: str):
    """Dyadic events (``doc._.events``)."""
    return annotate_events
